#include "services/safetyplan/plan_sealed.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "services/common/object_sealer.h"

namespace schakel::safetyplan {

std::string ContentRow(const std::string& case_id, int version) {
  return absl::StrCat("plan/", case_id, "/", version);
}
std::string RiskRowId(const std::string& id) { return absl::StrCat("risk/", id); }
std::string EvaluationRowId(const std::string& id) { return absl::StrCat("evaluation/", id); }
std::string IncidentRowId(const std::string& id) { return absl::StrCat("incident/", id); }

absl::StatusOr<std::string> PlanMasterKey(const v1::SafetyPlanConfig& config) {
  return ObjectSealer::MasterKey("safetyplan", config.data_key_file(), config.master_key_file(),
                                 kPlanMasterKeyLabel);
}

reseal::Plan DataKeyPlan() {
  using V = std::vector<std::string>;
  auto by_id = [](const char* table, const char* blob, std::string (*aad)(const std::string&)) {
    return reseal::Column{.table = table,
                          .blob = blob,
                          .key_id = "key_id",
                          .identity = {"id"},
                          .aad = [aad](const V& v) { return aad(v[0]); },
                          .object = "case_id"};
  };
  reseal::Plan plan;
  plan.columns = {
      {.table = "plan_versions",
       .blob = "content",
       .key_id = "key_id",
       .identity = {"case_id", "version"},
       .aad =
           [](const V& v) {
             int version = 0;
             (void)absl::SimpleAtoi(v[1], &version);
             return ContentRow(v[0], version);
           },
       .object = "case_id"},
      by_id("risk_assessments", "notes", &RiskRowId),
      by_id("plan_evaluations", "body", &EvaluationRowId),
      by_id("plan_incidents", "body", &IncidentRowId),
      reseal::StoredAnswers(),
  };
  return plan;
}

}  // namespace schakel::safetyplan
