// What the cases service seals, and what each sealed value is bound to (its additional data): a
// value moved into another row no longer opens. The stores seal with these; the resealing plan
// (`schakeld rotate-data-key --service=cases`) lists every column sealed under the data key.
#ifndef SCHAKEL_SERVICES_CASES_CASE_SEALED_H_
#define SCHAKEL_SERVICES_CASES_CASE_SEALED_H_

#include <string>

#include "absl/strings/string_view.h"
#include "services/common/reseal.h"

namespace schakel::cases {

std::string CaseAad(const std::string& id);
std::string PersonAad(const std::string& case_id, const std::string& id);
std::string MeetingAad(const std::string& case_id, const std::string& id);
std::string ActionAad(const std::string& case_id, const std::string& id);
// A summary is bound to its case, type and sensitivity: moved into a row with a lower sensitivity
// (shown to more organisations) it no longer decrypts.
std::string TimelineAad(const std::string& case_id, absl::string_view type, int sensitivity);
std::string FollowUpAad(const std::string& case_id, const std::string& id);
// A legal hold's reason (under the data key: it is the supervisor's, not the family's).
std::string HoldAad(absl::string_view case_id);

// Every column the cases service may have sealed under its data key: the case rows from before
// case keys (they move to their case's key), the legal holds' reasons, the stored answers.
reseal::Plan DataKeyPlan();

}  // namespace schakel::cases

#endif  // SCHAKEL_SERVICES_CASES_CASE_SEALED_H_
