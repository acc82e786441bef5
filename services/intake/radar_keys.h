// The radar's keys: how a report's persons and addresses become the blind indexes the radar
// compares. Only these functions see the plain values; what is stored is an HMAC of each (see
// RadarKeys), so the database never holds a BSN, name or address in the clear.
//
// Names are normalised with ICU, not by hand: NFKC case folding ("ÖZDEMIR" and "özdemir" meet)
// with white space collapsed; a second form also drops the diacritics ("Özdemir" and "OZDEMIR"
// meet). Postcodes are Dutch (four digits, two letters; "2511ab", "2511 AB" meet), house numbers
// keep their addition without spaces or dashes ("12 a", "12-A" and "12A" meet).
#ifndef SCHAKEL_SERVICES_INTAKE_RADAR_KEYS_H_
#define SCHAKEL_SERVICES_INTAKE_RADAR_KEYS_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "schakel/v1/intake.pb.h"
#include "services/common/field_cipher.h"

namespace schakel::intake {

// NFKC case-folded, white space collapsed to single spaces and trimmed. Empty for invalid UTF-8.
std::string FoldName(absl::string_view name);
// FoldName, then without combining marks (diacritics).
std::string FoldNameWithoutDiacritics(absl::string_view name);
// "2511AB" for "2511 ab"; nullopt unless four digits (the first not 0) and two letters.
std::optional<std::string> NormalisePostcode(absl::string_view postcode);
// "12A" for "12 a" or "12-A"; nullopt unless it starts with a digit.
std::optional<std::string> NormaliseHouseNumber(absl::string_view house_number);

// One blind index of a report.
struct RadarKey {
  std::string kind;       // "bsn", "name_dob", "name_dob_folded", "address"
  std::string key;        // the HMAC
  std::string person_id;  // "" for an address
  // For an address: "2511AB 12" (shown to VT in the radar's answer, never stored).
  std::string label;
};

// The blind indexes of every person (BSN; name with date of birth, in both forms) and of every
// distinct address (postcode with house number) in `input`, whose persons carry their ids.
std::vector<RadarKey> RadarKeys(const v1::ReportInput& input, const FieldCipher& cipher);

}  // namespace schakel::intake

#endif  // SCHAKEL_SERVICES_INTAKE_RADAR_KEYS_H_
