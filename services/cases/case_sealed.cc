#include "services/cases/case_sealed.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace schakel::cases {

std::string CaseAad(const std::string& id) { return absl::StrCat("case/", id); }
std::string PersonAad(const std::string& case_id, const std::string& id) {
  return absl::StrCat("person/", case_id, "/", id);
}
std::string MeetingAad(const std::string& case_id, const std::string& id) {
  return absl::StrCat("meeting/", case_id, "/", id);
}
std::string ActionAad(const std::string& case_id, const std::string& id) {
  return absl::StrCat("action/", case_id, "/", id);
}
std::string TimelineAad(const std::string& case_id, absl::string_view type, int sensitivity) {
  return absl::StrCat("timeline/", case_id, "/", type, "/", sensitivity);
}
std::string FollowUpAad(const std::string& case_id, const std::string& id) {
  return absl::StrCat("follow_up/", case_id, "/", id);
}
std::string HoldAad(absl::string_view case_id) { return absl::StrCat("case-hold/", case_id); }

reseal::Plan DataKeyPlan() {
  using V = std::vector<std::string>;
  // A row of a case: (case_id, id) bound by `aad`, moved to the case's key.
  auto of_case = [](const char* table, std::string (*aad)(const std::string&, const std::string&)) {
    return reseal::Column{.table = table,
                          .blob = "body",
                          .key_id = "key_id",
                          .identity = {"case_id", "id"},
                          .aad = [aad](const V& v) { return aad(v[0], v[1]); },
                          .object = "case_id"};
  };
  reseal::Plan plan;
  plan.columns = {
      {.table = "cases",
       .blob = "body",
       .key_id = "key_id",
       .identity = {"id"},
       .aad = [](const V& v) { return CaseAad(v[0]); },
       .object = "id"},
      of_case("persons", &PersonAad),
      of_case("meetings", &MeetingAad),
      of_case("actions", &ActionAad),
      of_case("follow_ups", &FollowUpAad),
      {.table = "timeline",
       .blob = "body",
       .key_id = "key_id",
       .identity = {"case_id", "type", "sensitivity"},
       .aad =
           [](const V& v) {
             int sensitivity = 0;
             (void)absl::SimpleAtoi(v[2], &sensitivity);
             return TimelineAad(v[0], v[1], sensitivity);
           },
       .object = "case_id"},
      {.table = "cases",
       .blob = "legal_hold",
       .identity = {"id"},
       .aad = [](const V& v) { return HoldAad(v[0]); }},
      reseal::StoredAnswers(),
  };
  return plan;
}

}  // namespace schakel::cases
