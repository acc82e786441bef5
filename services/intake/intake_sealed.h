// What the intake service seals, and what each sealed value is bound to (its additional data): a
// value moved into another row no longer opens. The stores seal with these; the resealing plan
// (`schakeld rotate-data-key --service=intake`) lists every value sealed under the data key.
#ifndef SCHAKEL_SERVICES_INTAKE_INTAKE_SEALED_H_
#define SCHAKEL_SERVICES_INTAKE_INTAKE_SEALED_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "services/common/reseal.h"

namespace schakel::intake {

// The outbox topic of the MDA++ route: a sealed StoredCaseOpening per report.
inline constexpr char kCaseRequestsTopic[] = "case-requests";

std::string ReportAad(const std::string& id);
std::string FeedbackAad(const std::string& report_id, const std::string& occasion);
// A legal hold's reason and a destruction decision (under the data key: the supervisor's words).
std::string HoldAad(absl::string_view report_id);
std::string DestructionAad(absl::string_view report_id, int64_t decided_at);
// The persons of a report on their way to the cases service (the outbox).
std::string OpeningAad(const std::string& report_id);

// Every value the intake service may have sealed under its data key: the report rows from before
// report keys (they move to their report's key), legal holds' reasons, destruction decisions,
// the case openings waiting in the outbox, the stored answers.
reseal::Plan DataKeyPlan();

}  // namespace schakel::intake

#endif  // SCHAKEL_SERVICES_INTAKE_INTAKE_SEALED_H_
