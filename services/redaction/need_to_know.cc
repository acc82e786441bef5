#include "services/redaction/need_to_know.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "services/common/ids.h"
#include "services/common/validation.h"

namespace schakel {
namespace {

constexpr size_t kNoteMax = 4000;

}  // namespace

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

const char* SensitivityLabel(v1::Sensitivity s) {
  switch (s) {
    case v1::SENSITIVITY_CARE:
      return "CARE";
    case v1::SENSITIVITY_JUSTICE:
      return "JUSTICE";
    default:
      return "GENERAL";
  }
}

std::string NewNoteId() { return absl::StrCat("n-", NewRandomId()); }

void CheckSensitivity(FieldViolations& v, const std::string& field, int s) {
  if (s == v1::SENSITIVITY_UNSPECIFIED || !v1::Sensitivity_IsValid(s)) {
    v.Add(field, "must be GENERAL, CARE or JUSTICE");
  }
}

void CheckNoteInput(FieldViolations& v, const std::string& field, const v1::Note& note) {
  CheckSensitivity(v, field + ".sensitivity", note.sensitivity());
  CheckText(v, field + ".text", note.text(), kNoteMax, true);
}

bool MaySee(const v1::Note& note, const Viewer& access, const NoteShares& shares) {
  if (OrganisationTypeSees(access.organisation_type, note.sensitivity())) return true;
  auto it = shares.find(note.id());
  return it != shares.end() && std::find(it->second.begin(), it->second.end(),
                                         access.organisation_id) != it->second.end();
}

// Marks a note hidden (text removed) when the caller's organisation may not see it.
void Redact(v1::Note& note, const Viewer& access, const NoteShares& shares) {
  note.clear_shared_with_organisation_ids();
  if (auto it = shares.find(note.id()); it != shares.end()) {
    for (const auto& org : it->second) note.add_shared_with_organisation_ids(org);
  }
  if (MaySee(note, access, shares)) return;
  note.clear_text();
  note.set_hidden(true);
  note.set_hidden_reason(absl::StrCat("verborgen voor uw organisatie (",
                                      SensitivityLabel(note.sensitivity()),
                                      ") / hidden for your organisation"));
}

void RedactAll(google::protobuf::RepeatedPtrField<v1::Note>& notes, const Viewer& access,
               const NoteShares& shares) {
  for (auto& n : notes) Redact(n, access, shares);
}

// Replaces `stored` notes by `incoming` as the caller may: new notes (no id) are added with a
// fresh id; notes the caller sees are replaced or, when left out, removed; notes hidden from the
// caller are kept exactly as they are, whatever was sent.
google::protobuf::RepeatedPtrField<v1::Note> MergeNotes(
    FieldViolations& v, const std::string& field,
    const google::protobuf::RepeatedPtrField<v1::Note>& stored,
    const google::protobuf::RepeatedPtrField<v1::Note>& incoming, const Viewer& access,
    const NoteShares& shares) {
  google::protobuf::RepeatedPtrField<v1::Note> out;
  absl::flat_hash_map<std::string, const v1::Note*> by_id;
  for (const auto& n : stored) by_id[n.id()] = &n;
  absl::flat_hash_map<std::string, bool> seen;
  for (int i = 0; i < incoming.size(); ++i) {
    const v1::Note& in = incoming[i];
    const std::string at = absl::StrCat(field, "[", i, "]");
    if (in.id().empty()) {
      CheckNoteInput(v, at, in);
      v1::Note n;
      n.set_id(NewNoteId());
      n.set_sensitivity(in.sensitivity());
      n.set_text(in.text());
      *out.Add() = std::move(n);
      continue;
    }
    auto it = by_id.find(in.id());
    if (it == by_id.end()) {
      v.Add(at + ".id", "no note with this id on this case");
      continue;
    }
    if (seen[in.id()]) {
      v.Add(at + ".id", "appears twice");
      continue;
    }
    seen[in.id()] = true;
    if (!MaySee(*it->second, access, shares)) {
      *out.Add() = *it->second;  // hidden from the caller: kept as stored
      continue;
    }
    CheckNoteInput(v, at, in);
    if (in.sensitivity() != it->second->sensitivity() &&
        !(OrganisationTypeSees(access.organisation_type, it->second->sensitivity()) &&
          OrganisationTypeSees(access.organisation_type, in.sensitivity()))) {
      v.Add(at + ".sensitivity",
            "your organisation may not reclassify this note (it sees it only by a share, or "
            "would not see the new level)");
    }
    v1::Note n;
    n.set_id(in.id());
    n.set_sensitivity(in.sensitivity());
    n.set_text(in.text());
    *out.Add() = std::move(n);
  }
  for (const auto& n : stored) {
    if (!seen.contains(n.id()) && !MaySee(n, access, shares)) *out.Add() = n;
  }
  return out;
}

}  // namespace schakel
