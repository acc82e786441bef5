#include "services/cases/case_rules.h"

#include <cctype>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "services/common/calendar.h"
#include "services/common/crypto.h"

namespace schakel::cases {

bool IsValidBsn(absl::string_view bsn) {
  if (bsn.size() != 9) return false;
  int sum = 0;
  bool all_zero = true;
  for (int i = 0; i < 9; ++i) {
    if (bsn[i] < '0' || bsn[i] > '9') return false;
    const int digit = bsn[i] - '0';
    if (digit != 0) all_zero = false;
    sum += (i < 8 ? 9 - i : -1) * digit;
  }
  return !all_zero && sum % 11 == 0;
}

std::string MaskBsn(absl::string_view bsn) {
  if (bsn.size() < 3) return std::string(bsn.size(), '*');
  return absl::StrCat(std::string(bsn.size() - 3, '*'), bsn.substr(bsn.size() - 3));
}

bool OrganisationTypeSees(v1::OrganisationType type, v1::Sensitivity sensitivity) {
  using OT = v1::OrganisationType;
  if (type == v1::ORGANISATION_TYPE_OPERATOR || type == v1::ORGANISATION_TYPE_UNSPECIFIED) {
    return false;
  }
  switch (sensitivity) {
    case v1::SENSITIVITY_GENERAL:
      return true;
    case v1::SENSITIVITY_CARE:
      switch (type) {
        case OT::ORGANISATION_TYPE_POLICE:
        case OT::ORGANISATION_TYPE_PUBLIC_PROSECUTION:
        case OT::ORGANISATION_TYPE_PROBATION:
          return false;
        default:
          return true;
      }
    case v1::SENSITIVITY_JUSTICE:
      switch (type) {
        case OT::ORGANISATION_TYPE_VEILIG_THUIS:
        case OT::ORGANISATION_TYPE_LOCAL_TEAM:
        case OT::ORGANISATION_TYPE_POLICE:
        case OT::ORGANISATION_TYPE_PUBLIC_PROSECUTION:
        case OT::ORGANISATION_TYPE_PROBATION:
        case OT::ORGANISATION_TYPE_CHILD_PROTECTION_BOARD:
          return true;
        default:
          return false;
      }
    default:
      return false;  // unknown sensitivity: nobody
  }
}

std::string NormaliseName(absl::string_view name) {
  std::string out;
  bool pending_space = false;
  for (char ch : name) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
  }
  return out;
}

absl::CivilDay AmsterdamToday(absl::Time now) {
  return absl::ToCivilDay(now, calendar::Amsterdam());
}

bool IsValidDate(const v1::Date& date) {
  if (date.year() < 1900 || date.year() > 2200) return false;
  const absl::CivilDay day(date.year(), date.month(), date.day());
  return day.year() == date.year() && day.month() == date.month() && day.day() == date.day();
}

absl::CivilDay ToCivilDay(const v1::Date& date) {
  return absl::CivilDay(date.year(), date.month(), date.day());
}

v1::Date FromCivilDay(absl::CivilDay day) {
  v1::Date d;
  d.set_year(static_cast<int32_t>(day.year()));
  d.set_month(day.month());
  d.set_day(day.day());
  return d;
}

std::string DateString(const v1::Date& date) {
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(), date.day());
}

absl::CivilDay AddMonths(absl::CivilDay day, int months) {
  const absl::CivilMonth month = absl::CivilMonth(day) + months;
  const absl::CivilDay last = absl::CivilDay(month + 1) - 1;
  return absl::CivilDay(month.year(), month.month(), std::min<int>(day.day(), last.day()));
}

FieldCipher::FieldCipher(std::string data_key, std::string index_key)
    : data_key_(std::move(data_key)), index_key_(std::move(index_key)) {
  key_id_ = absl::StrCat(
      "k-", absl::BytesToHexString(crypto::HmacSha256(data_key_, "schakel key id").substr(0, 6)));
}

absl::StatusOr<std::string> FieldCipher::SealText(absl::string_view text,
                                                  absl::string_view row) const {
  auto sealed = crypto::Seal(data_key_, text, row);
  if (!sealed.ok()) return sealed.status();
  return absl::StrCat(sealed->nonce, sealed->ciphertext, sealed->tag);
}

absl::StatusOr<std::string> FieldCipher::Seal(const google::protobuf::Message& message,
                                              absl::string_view row) const {
  std::string bytes;
  if (!message.SerializeToString(&bytes)) return absl::InternalError("cannot serialise");
  return SealText(bytes, row);
}

absl::StatusOr<std::string> FieldCipher::OpenText(absl::string_view key_id, absl::string_view blob,
                                                  absl::string_view row) const {
  if (key_id != key_id_) {
    return absl::DataLossError(
        absl::StrCat("a field is encrypted under key ", key_id, ", which this host does not have"));
  }
  if (blob.size() < crypto::kNonceSize + crypto::kTagSize) {
    return absl::DataLossError("an encrypted field is truncated");
  }
  crypto::Sealed sealed;
  sealed.nonce = std::string(blob.substr(0, crypto::kNonceSize));
  sealed.ciphertext = std::string(
      blob.substr(crypto::kNonceSize, blob.size() - crypto::kNonceSize - crypto::kTagSize));
  sealed.tag = std::string(blob.substr(blob.size() - crypto::kTagSize));
  return crypto::Open(data_key_, sealed, row);
}

absl::Status FieldCipher::Open(absl::string_view key_id, absl::string_view blob,
                               absl::string_view row, google::protobuf::Message& out) const {
  auto plain = OpenText(key_id, blob, row);
  if (!plain.ok()) return plain.status();
  out.Clear();
  if (!out.ParseFromString(*plain)) return absl::DataLossError("an encrypted field is corrupt");
  return absl::OkStatus();
}

absl::StatusOr<std::string> FieldCipher::Seal(absl::string_view plain,
                                              absl::string_view aad) const {
  auto sealed = SealText(plain, aad);
  if (!sealed.ok()) return sealed.status();
  return absl::StrCat(key_id_, absl::string_view("\0", 1), *sealed);
}

absl::StatusOr<std::string> FieldCipher::Open(absl::string_view sealed,
                                              absl::string_view aad) const {
  const size_t split = sealed.find('\0');
  if (split == absl::string_view::npos) return absl::DataLossError("a stored answer is corrupt");
  return OpenText(sealed.substr(0, split), sealed.substr(split + 1), aad);
}

std::string FieldCipher::Mac(absl::string_view bytes) const {
  return BlindIndex("idempotency", bytes);
}

std::string FieldCipher::BlindIndex(absl::string_view kind, absl::string_view value) const {
  return crypto::HmacSha256(index_key_, absl::StrCat(kind, absl::string_view("\0", 1), value));
}

}  // namespace schakel::cases
