#include "services/intake/radar_keys.h"

#include <memory>
#include <set>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace schakel::intake {
namespace {

// Collapses runs of white space to one space and trims.
std::string CollapseSpaces(const icu::UnicodeString& s) {
  icu::UnicodeString out;
  bool pending = false;
  for (int32_t i = 0; i < s.length();) {
    const UChar32 ch = s.char32At(i);
    i += U16_LENGTH(ch);
    if (u_isUWhiteSpace(ch)) {
      pending = !out.isEmpty();
      continue;
    }
    if (pending) out.append(static_cast<UChar>(' '));
    pending = false;
    out.append(ch);
  }
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

// NFKC case folded; false for invalid UTF-8 or an ICU error.
bool CaseFold(absl::string_view name, icu::UnicodeString& out) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) return false;
  const icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  if (in.isBogus()) return false;
  // fromUTF8 turns invalid sequences into U+FFFD: such a name is not matched at all.
  if (in.indexOf(static_cast<UChar>(0xFFFD)) >= 0) return false;
  out = fold->normalize(in, status);
  return U_SUCCESS(status);
}

std::string DateKey(const v1::Date& d) {
  return absl::StrFormat("%04d-%02d-%02d", d.year(), d.month(), d.day());
}

}  // namespace

std::string FoldName(absl::string_view name) {
  icu::UnicodeString folded;
  if (!CaseFold(name, folded)) return "";
  return CollapseSpaces(folded);
}

std::string FoldNameWithoutDiacritics(absl::string_view name) {
  icu::UnicodeString folded;
  if (!CaseFold(name, folded)) return "";
  // ICU's Latin-ASCII: diacritics off ("ö" -> "o") and the Latin letters without a decomposition
  // spelled as a clerk without them would ("ı" -> "i", "ø" -> "o", "ł" -> "l", "æ" -> "ae").
  // A transliterator is not safe for concurrent use: one per thread.
  thread_local std::unique_ptr<icu::Transliterator> latin_ascii = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Latin-ASCII", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  if (latin_ascii == nullptr) return "";
  latin_ascii->transliterate(folded);
  // Again: the transliteration may spell a letter in capitals ("Æ" -> "AE" in rare cases).
  icu::UnicodeString refolded;
  std::string utf8;
  folded.toUTF8String(utf8);
  if (!CaseFold(utf8, refolded)) return "";
  return CollapseSpaces(refolded);
}

std::optional<std::string> NormalisePostcode(absl::string_view postcode) {
  std::string compact;
  for (char ch : postcode) {
    if (ch == ' ' || ch == '\t') continue;
    compact.push_back(absl::ascii_toupper(static_cast<unsigned char>(ch)));
  }
  if (compact.size() != 6 || compact[0] == '0') return std::nullopt;
  for (int i = 0; i < 4; ++i) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(compact[i]))) return std::nullopt;
  }
  for (int i = 4; i < 6; ++i) {
    if (compact[i] < 'A' || compact[i] > 'Z') return std::nullopt;
  }
  return compact;
}

std::optional<std::string> NormaliseHouseNumber(absl::string_view house_number) {
  std::string compact;
  for (char ch : house_number) {
    if (ch == ' ' || ch == '\t' || ch == '-') continue;
    if (!absl::ascii_isalnum(static_cast<unsigned char>(ch))) return std::nullopt;
    compact.push_back(absl::ascii_toupper(static_cast<unsigned char>(ch)));
  }
  if (compact.empty() || !absl::ascii_isdigit(static_cast<unsigned char>(compact[0]))) {
    return std::nullopt;
  }
  return compact;
}

std::vector<RadarKey> RadarKeys(const v1::ReportInput& input, const FieldCipher& cipher) {
  std::vector<RadarKey> keys;
  std::set<std::string> addresses;
  for (const v1::ReportedPerson& p : input.persons()) {
    if (!p.bsn().empty()) keys.push_back({"bsn", cipher.BlindIndex("bsn", p.bsn()), p.id(), ""});
    if (p.has_date_of_birth() && !p.name().empty()) {
      const std::string dob = DateKey(p.date_of_birth());
      const std::string folded = FoldName(p.name());
      const std::string bare = FoldNameWithoutDiacritics(p.name());
      if (!folded.empty()) {
        keys.push_back({"name_dob", cipher.BlindIndex("name_dob", absl::StrCat(folded, "\n", dob)),
                        p.id(), ""});
      }
      if (!bare.empty()) {
        keys.push_back({"name_dob_folded",
                        cipher.BlindIndex("name_dob_folded", absl::StrCat(bare, "\n", dob)), p.id(),
                        ""});
      }
    }
    const auto postcode = NormalisePostcode(p.address().postcode());
    const auto number = NormaliseHouseNumber(p.address().house_number());
    if (postcode && number) {
      std::string label = absl::StrCat(*postcode, " ", *number);
      if (addresses.insert(label).second) {
        keys.push_back({"address", cipher.BlindIndex("address", label), "", std::move(label)});
      }
    }
  }
  return keys;
}

}  // namespace schakel::intake
