// Need-to-know redaction: which organisations see which free text, and how text they may not see
// is hidden (never deleted). One library for every service that shows client data to a mixed
// team: the cases service and, next, the safety plan service.
//
// Every piece of free text is a Note with a sensitivity. GENERAL: every partner. CARE (health,
// trauma): Veilig Thuis, local team, care partners, the child protection board — not police,
// prosecution or probation. JUSTICE (criminal law): Veilig Thuis, local team, police,
// prosecution, probation, child protection board — not care partners. The operator sees nothing.
// A note can also be shared with named organisations (by the case director).
#ifndef SCHAKEL_SERVICES_REDACTION_NEED_TO_KNOW_H_
#define SCHAKEL_SERVICES_REDACTION_NEED_TO_KNOW_H_

#include <string>
#include <vector>

#include <google/protobuf/repeated_ptr_field.h>

#include "absl/container/flat_hash_map.h"
#include "schakel/v1/cases.pb.h"
#include "schakel/v1/common.pb.h"
#include "services/common/status.h"

namespace schakel {

// Who is looking: their organisation and its type.
struct Viewer {
  std::string organisation_id;
  v1::OrganisationType organisation_type = v1::ORGANISATION_TYPE_UNSPECIFIED;
};

// Note id -> the organisations it was shared with beyond the table.
using NoteShares = absl::flat_hash_map<std::string, std::vector<std::string>>;

// The need-to-know table: whether professionals of an organisation of `type` see information of
// `sensitivity` (see the top of this file).
bool OrganisationTypeSees(v1::OrganisationType type, v1::Sensitivity sensitivity);

// "GENERAL", "CARE" or "JUSTICE".
const char* SensitivityLabel(v1::Sensitivity s);

// The sensitivity of free text whose writer set none: the strictest their organisation type
// implies. CARE for every type that sees care information (Veilig Thuis, local team, child
// protection board and the care partners: health information is under medical secrecy, the
// stricter regime); JUSTICE for police, prosecution and probation, which do not see CARE.
v1::Sensitivity DefaultSensitivity(v1::OrganisationType writer);
// `requested` when it is a sensitivity, else DefaultSensitivity(writer).
v1::Sensitivity SensitivityOrDefault(int requested, v1::OrganisationType writer);
// "verborgen voor uw organisatie (CARE) / hidden for your organisation".
std::string HiddenReason(v1::Sensitivity s);

// A piece of free text outside a Note (a criterion note, the consent note, a closure reason) and
// its sensitivity. Text stored before it had one (UNSPECIFIED) is read as CARE.
struct SensitiveText {
  std::string text;
  int sensitivity = v1::SENSITIVITY_UNSPECIFIED;
};
// Whether `viewer` may read `t` (empty text hides nothing).
bool MaySeeText(const SensitiveText& t, const Viewer& viewer);
// Shows `text` as `viewer` may: when hidden, replaced by HiddenReason. Returns whether it hid.
bool RedactText(std::string& text, int sensitivity, const Viewer& viewer);
// What to store when `writer` sends `incoming` in place of `stored`. Text hidden from the writer
// is kept exactly as stored, whatever was sent (redaction never becomes deletion). Otherwise the
// incoming text, under its sensitivity or, when unset, the stored one for unchanged text and the
// writer's default for new text; an empty text has none. A writer may change the sensitivity of a
// text only when its organisation sees both levels. A bad sensitivity is named in `v` under
// `field`.
SensitiveText MergeText(FieldViolations& v, const std::string& field, const SensitiveText& stored,
                        const SensitiveText& incoming, const Viewer& writer);

// A fresh note id ("n-" and a random id).
std::string NewNoteId();

// Input checks of a note: a known sensitivity and a non-empty text of at most 4,000 characters;
// each bad field named under `field` ("details.notes[2]").
void CheckSensitivity(FieldViolations& v, const std::string& field, int sensitivity);
void CheckNoteInput(FieldViolations& v, const std::string& field, const v1::Note& note);

// Whether `viewer` may read `note`: by the table, or by a share.
bool MaySee(const v1::Note& note, const Viewer& viewer, const NoteShares& shares);

// Shows `note` as `viewer` may: its shares listed; when hidden, the text removed and a reason in
// Dutch and English.
void Redact(v1::Note& note, const Viewer& viewer, const NoteShares& shares);
void RedactAll(google::protobuf::RepeatedPtrField<v1::Note>& notes, const Viewer& viewer,
               const NoteShares& shares);

// Replaces `stored` notes by `incoming` as the viewer may: new notes (no id) are added with a
// fresh id; notes the viewer sees are replaced or, when left out, removed; notes hidden from the
// viewer are kept exactly as they are, whatever was sent — redaction never becomes deletion. A
// viewer may reclassify only a note it sees by the table at both levels. Bad notes are named in
// `v` under `field`.
google::protobuf::RepeatedPtrField<v1::Note> MergeNotes(
    FieldViolations& v, const std::string& field,
    const google::protobuf::RepeatedPtrField<v1::Note>& stored,
    const google::protobuf::RepeatedPtrField<v1::Note>& incoming, const Viewer& viewer,
    const NoteShares& shares);

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_REDACTION_NEED_TO_KNOW_H_
