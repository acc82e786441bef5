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

v1::Sensitivity DefaultSensitivity(v1::OrganisationType writer) {
  if (writer != v1::ORGANISATION_TYPE_UNSPECIFIED && writer != v1::ORGANISATION_TYPE_OPERATOR &&
      !OrganisationTypeSees(writer, v1::SENSITIVITY_CARE)) {
    return v1::SENSITIVITY_JUSTICE;
  }
  return v1::SENSITIVITY_CARE;
}

v1::Sensitivity SensitivityOrDefault(int requested, v1::OrganisationType writer) {
  if (requested != v1::SENSITIVITY_UNSPECIFIED && v1::Sensitivity_IsValid(requested)) {
    return static_cast<v1::Sensitivity>(requested);
  }
  return DefaultSensitivity(writer);
}

std::string HiddenReason(v1::Sensitivity s) {
  return absl::StrCat("verborgen voor uw organisatie (", SensitivityLabel(s),
                      ") / hidden for your organisation");
}

namespace {

// The level stored text is read under: its own, or CARE for text from before sensitivities.
v1::Sensitivity ReadLevel(int sensitivity) {
  if (sensitivity == v1::SENSITIVITY_UNSPECIFIED || !v1::Sensitivity_IsValid(sensitivity)) {
    return v1::SENSITIVITY_CARE;
  }
  return static_cast<v1::Sensitivity>(sensitivity);
}

}  // namespace

bool MaySeeText(const SensitiveText& t, const Viewer& viewer) {
  return t.text.empty() || OrganisationTypeSees(viewer.organisation_type, ReadLevel(t.sensitivity));
}

bool RedactText(std::string& text, int sensitivity, const Viewer& viewer) {
  if (MaySeeText({text, sensitivity}, viewer)) return false;
  text = HiddenReason(ReadLevel(sensitivity));
  return true;
}

SensitiveText MergeText(FieldViolations& v, const std::string& field, const SensitiveText& stored,
                        const SensitiveText& incoming, const Viewer& writer) {
  if (!MaySeeText(stored, writer)) return stored;
  if (incoming.sensitivity != v1::SENSITIVITY_UNSPECIFIED) {
    CheckSensitivity(v, field, incoming.sensitivity);
  }
  if (incoming.text.empty()) return {};
  SensitiveText out{incoming.text, incoming.sensitivity};
  const bool unchanged = !stored.text.empty() && incoming.text == stored.text;
  if (out.sensitivity == v1::SENSITIVITY_UNSPECIFIED) {
    out.sensitivity =
        unchanged ? ReadLevel(stored.sensitivity) : DefaultSensitivity(writer.organisation_type);
  } else if (unchanged && v1::Sensitivity_IsValid(out.sensitivity) &&
             out.sensitivity != ReadLevel(stored.sensitivity) &&
             !OrganisationTypeSees(writer.organisation_type,
                                   static_cast<v1::Sensitivity>(out.sensitivity))) {
    v.Add(field, "your organisation may not reclassify this text to a level it would not see");
  }
  return out;
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
  note.set_hidden_reason(HiddenReason(note.sensitivity()));
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
