// What other services ask of the cases service and tell it: a user's standing on a case
// (CheckAccess) and events for the case timeline (through the outbox, topic "case-timeline",
// delivered in batches to RecordCaseEvents). Shared by the handover and safety plan services.
#ifndef SCHAKEL_SERVICES_COMMON_CASE_CLIENT_H_
#define SCHAKEL_SERVICES_COMMON_CASE_CLIENT_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "schakel/v1/cases.pb.h"
#include "services/common/hosted_service.h"
#include "services/common/sqlite.h"

namespace schakel {

// The outbox topic of timeline events for the cases service.
inline constexpr char kCaseTimelineTopic[] = "case-timeline";

// `principal_id`'s standing on case `case_id`, asked of the cases service. A case that does not
// exist (or an id it refuses) is an answer with allowed = false: nobody has access. Waits no
// longer than the client of the call being served (CurrentCall()) and at most 10 s;
// DEADLINE_EXCEEDED or UNAVAILABLE when the cases service does not answer.
// With `person_id`, the answer also says whether that person is of the case (person_on_case).
absl::StatusOr<v1::CheckAccessResponse> AskCaseAccess(const HostEnv& env,
                                                      const std::string& case_id,
                                                      const std::string& principal_id,
                                                      const std::string& person_id = "");

// An event for the timeline of case `case_id`, written to the outbox in the caller's transaction
// on `c` (so it leaves only if the change commits). `now` in Unix µs.
struct CaseTimelineEvent {
  std::string source_service;  // "handover", "safetyplan"
  std::string case_id;
  std::string type;     // "handover.accepted", "plan.signed_off"
  std::string summary;  // no personal data beyond what the case holds; at most 2000 characters
  std::string actor_id;
  std::string actor_organisation_id;
  v1::Sensitivity sensitivity = v1::SENSITIVITY_GENERAL;
  int64_t now = 0;
};
absl::Status WriteCaseTimelineEvent(sqlite::Connection& c, const CaseTimelineEvent& event);

// The outbox route that delivers kCaseTimelineTopic to the cases service.
OutboxRoute CaseTimelineRoute();

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_CASE_CLIENT_H_
