// How the cases service shows a case: the caller's standing from the team, the case and its
// summary as the caller may see them (need-to-know redaction), notices, and the NEN 7513 fields
// of a record about a case.
#ifndef SCHAKEL_SERVICES_CASES_CASE_VIEWS_H_
#define SCHAKEL_SERVICES_CASES_CASE_VIEWS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "schakel/v1/audit.pb.h"
#include "schakel/v1/cases.pb.h"
#include "services/cases/case_service.h"
#include "services/cases/case_store.h"
#include "services/redaction/need_to_know.h"

namespace schakel::cases {

inline constexpr char kNotOnTeam[] = "you are not on this case's team";

// The caller's standing, from the current team: their own membership, else OVERSIGHT for a
// SUPERVISOR or AUDITOR of an organisation on the team.
CaseAccess AccessFromTeam(const std::vector<v1::TeamMember>& team, const std::string& principal_id,
                          const std::string& organisation_id, bool oversight_role);

// The warnings shown first: honour-related violence, human trafficking without consent, closed.
std::vector<std::string> Notices(const v1::CaseDetails& d, v1::CaseStatus status);
v1::Person PersonView(const PersonRow& row, const CaseAccess& access, const NoteShares& shares);
void RedactMeeting(v1::Meeting& m, const CaseAccess& access, const NoteShares& shares);
// Redacts an action's texts and sets `overdue` for `today`.
void DecorateAction(v1::Action& a, const CaseAccess& access, const NoteShares& shares,
                    absl::CivilDay today);
// Redacts a follow-up check's note and sets `overdue` (scheduled on a closed case, past due).
void DecorateFollowUp(v1::FollowUp& f, const Viewer& viewer, v1::CaseStatus case_status,
                      absl::CivilDay today);
// Everything of a case the caller may see.
absl::StatusOr<v1::Case> BuildCase(CaseStore& store, const CaseRow& row, const CaseAccess& access,
                                   absl::CivilDay today);
absl::StatusOr<v1::CaseSummary> BuildSummary(CaseStore& store, const MyCaseRow& row,
                                             absl::CivilDay today);

void AddCaseObject(v1::AuditRecord& r, const std::string& case_id);
// What a call about a case asks for, named in the audit record should it be refused: the case
// and, when set, one more object (`type`, `id`). Empty ids are left out.
std::vector<AskedObject> AskedCase(const std::string& case_id, const std::string& type = "",
                                   const std::string& id = "");
// The NEN 7513 checks and purpose of an action on a case.
void SetCaseChecks(v1::AuditRecord& r, const CaseAccess& access, const v1::CaseDetails& details);

}  // namespace schakel::cases

#endif  // SCHAKEL_SERVICES_CASES_CASE_VIEWS_H_
