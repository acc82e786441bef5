// What the safety plan service seals, and what each sealed value is bound to (its additional
// data): a value moved into another row no longer opens. The service seals with these; the
// resealing plan (`schakeld rotate-data-key --service=safetyplan`) lists every sealed column.
#ifndef SCHAKEL_SERVICES_SAFETYPLAN_PLAN_SEALED_H_
#define SCHAKEL_SERVICES_SAFETYPLAN_PLAN_SEALED_H_

#include <string>

#include "absl/status/statusor.h"
#include "schakel/v1/config.pb.h"
#include "services/common/reseal.h"

namespace schakel::safetyplan {

// Each case's key ("case/<id>") is wrapped by the safety plan master key and bound to this prefix
// and its key id (DataKeys).
inline constexpr char kPlanKeyAadPrefix[] = "safetyplan/";
inline constexpr char kPlanMasterKeyLabel[] = "schakel safety plan case keys";
// The master key: safetyplan.master_key_file, or when unset one derived from the data key.
absl::StatusOr<std::string> PlanMasterKey(const v1::SafetyPlanConfig& config);

// A version's content: bound to its case and version.
std::string ContentRow(const std::string& case_id, int version);
std::string RiskRowId(const std::string& id);
std::string EvaluationRowId(const std::string& id);
std::string IncidentRowId(const std::string& id);

// Every column that may hold values sealed under the data key (rows from before case keys move to
// their case's key). The frozen rows take the new ciphertext only while the table `resealing`
// holds a row (schema/safetyplan/0004_reseal.sql).
reseal::Plan DataKeyPlan();

}  // namespace schakel::safetyplan

#endif  // SCHAKEL_SERVICES_SAFETYPLAN_PLAN_SEALED_H_
