// What the case window's tabs share: how the case's values read (person roles, relation kinds,
// sensitivities, phases, plan states and sections), the sentence for a failed case call (a case
// one may not see reads the same as one that does not exist), a note as the caller may read it.
#ifndef SCHAKEL_CLIENT_DESKTOP_CASE_COMMON_H_
#define SCHAKEL_CLIENT_DESKTOP_CASE_COMMON_H_

#include <string>

#include <QString>

#include <grpcpp/support/status.h>

#include "schakel/v1/cases.pb.h"
#include "schakel/v1/common.pb.h"
#include "schakel/v1/handover.pb.h"
#include "schakel/v1/safetyplan.pb.h"

namespace schakel::desktop {

// The sentence for a failed call about one case: PERMISSION_DENIED and NOT_FOUND read the same
// ("no access to this case, or it does not exist"), never saying which; anything else as
// CallErrorText.
QString CaseErrorText(const grpc::Status& status);

QString PersonRoleName(v1::PersonRole role);
QString RelationTypeName(v1::RelationType type);
QString SensitivityName(v1::Sensitivity sensitivity);
QString OrganisationTypeName(v1::OrganisationType type);
QString ActionStatusName(v1::ActionStatus status);
QString PlanVersionStateName(v1::PlanVersionState state);
QString PlanSectionName(v1::PlanSection section);
QString AgreementStatusName(v1::AgreementStatus status);

// A note's text as the caller may read it: the text, or — when the service hid it — the Dutch
// part of its hidden reason ("verborgen voor uw organisatie (CARE)"), never anything else.
QString NoteText(const v1::Note& note);

// The marker the services put on hidden content, in Dutch: "verborgen voor uw organisatie"
// followed by the level, from a reason such as "verborgen voor uw organisatie (CARE) / hidden
// ...". An empty reason gives the marker without level.
QString HiddenText(const std::string& hidden_reason);

// A plan item's content in one line (text, agreement, warning signal, network member or the
// child's voice), or the hidden marker when the service hid it.
QString PlanItemText(const v1::PlanItem& item);

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_CASE_COMMON_H_
