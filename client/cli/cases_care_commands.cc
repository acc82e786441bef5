#include "client/cli/cases_care_commands.h"

#include <initializer_list>
#include <iostream>
#include <string>
#include <utility>

#include "absl/flags/declare.h"
#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "client/cli/readable.h"
#include "client/cli/table.h"
#include "schakel/v1/cases.grpc.pb.h"

ABSL_FLAG(std::string, person_id, "", "cases remove-person: the person to remove");
ABSL_FLAG(std::string, relation_id, "", "cases remove-relation: the relation to remove");
ABSL_FLAG(std::string, follow_up_id, "", "cases record-follow-up: the follow-up check");
ABSL_FLAG(std::string, outcome, "", "cases record-follow-up: safe or unsafe");
ABSL_FLAG(bool, reopen, false,
          "cases record-follow-up: with --outcome=unsafe, reopen the case (case director)");

ABSL_DECLARE_FLAG(std::string, id);
ABSL_DECLARE_FLAG(std::string, reason);
ABSL_DECLARE_FLAG(std::string, note);
ABSL_DECLARE_FLAG(std::string, sensitivity);
ABSL_DECLARE_FLAG(int, page_size);
ABSL_DECLARE_FLAG(std::string, page_token);
ABSL_DECLARE_FLAG(int, within_days);
ABSL_DECLARE_FLAG(bool, lift);
ABSL_DECLARE_FLAG(bool, json);

namespace schakel::cli {

const char kCasesCareUsage[] =
    "  remove-person CASE_ID --person-id=P --reason=R [--sensitivity=general|care|justice]\n"
    "                (case director; the person's relations go too)\n"
    "  remove-relation CASE_ID --relation-id=R --reason=R [--sensitivity=S]\n"
    "  record-follow-up CASE_ID --follow-up-id=F --outcome=safe|unsafe [--note=TEXT]\n"
    "                   [--sensitivity=S] [--reopen (unsafe only, case director)]\n"
    "  follow-ups-due [--page-size=N] [--page-token=T]   (reminders and escalations for you)\n"
    "  retention [--within-days=N]   (supervisors: closed cases destroyed within N days, 31)\n"
    "  hold CASE_ID --reason=TEXT | --lift   (supervisors: a legal hold stops destruction)\n";

namespace {

using v1::CaseService;

bool CareRequired(absl::string_view verb,
                  std::initializer_list<std::pair<const char*, std::string>> set) {
  return RequireFlags("cases", kCasesCareUsage, verb, set);
}

// --sensitivity, when given; false (after printing why) when it is not a sensitivity.
bool CareSensitivity(v1::Sensitivity& out) {
  const std::string text = absl::GetFlag(FLAGS_sensitivity);
  if (text.empty()) return true;
  return EnumFlag("sensitivity", "schakel.v1.Sensitivity", text, out);
}

template <typename Request, typename Response, typename Method>
int CareCall(Method method, const Request& request) {
  return CallAndPrint<CaseService, Request, Response>(method, request, nullptr);
}

// The closed cases of the caller's organisation destroyed within --within-days, as a table.
int Retention() {
  v1::ListCaseRetentionRequest r;
  r.set_within_days(absl::GetFlag(FLAGS_within_days));
  r.set_page_size(absl::GetFlag(FLAGS_page_size));
  r.set_page_token(absl::GetFlag(FLAGS_page_token));
  v1::ListCaseRetentionResponse response;
  if (int rc = Call<CaseService>(&CaseService::Stub::ListCaseRetention, r, response); rc != 0) {
    return rc;
  }
  if (absl::GetFlag(FLAGS_json)) {
    Print(response);
    return 0;
  }
  const int within = r.within_days() > 0 ? r.within_days() : 31;
  std::cout << "Casussen te vernietigen binnen " << within
            << " dagen / cases to be destroyed within " << within
            << " days (bewaartermijn/retention " << response.retention_years()
            << " jaar/years na sluiting/after closure)\n";
  if (response.items().empty()) {
    std::cout << "(niets / nothing)\n";
    return 0;
  }
  Table table({{"CASUS/CASE", 0},
               {"KENMERK/REFERENCE"},
               {"GESLOTEN/CLOSED"},
               {"VERNIETIGD OP/DESTROYED ON"},
               {"", 80}});
  for (const v1::CaseRetentionItem& item : response.items()) {
    table.AddRow({item.case_id(), item.reference(), LocalTime(item.closed_at()),
                  item.legal_hold() ? "-" : LocalDate(item.destroy_on()),
                  item.legal_hold() ? absl::StrCat("BLOKKADE/HOLD: ", item.legal_hold_reason(),
                                                   " (", item.legal_hold_by(), ")")
                                    : ""});
  }
  table.Print(std::cout);
  if (!response.next_page_token().empty()) {
    std::cout << "meer / more: --page-token=" << response.next_page_token() << "\n";
  }
  return 0;
}

}  // namespace

bool IsCasesCareVerb(const std::string& verb) {
  return verb == "remove-person" || verb == "remove-relation" || verb == "record-follow-up" ||
         verb == "follow-ups-due" || verb == "retention" || verb == "hold";
}

int RunCasesCareCommand(const Args& args) {
  const std::string& verb = args[0];
  if (verb == "follow-ups-due") {
    v1::ListFollowUpsDueRequest r;
    r.set_page_size(absl::GetFlag(FLAGS_page_size));
    r.set_page_token(absl::GetFlag(FLAGS_page_token));
    return CareCall<v1::ListFollowUpsDueRequest, v1::ListFollowUpsDueResponse>(
        &CaseService::Stub::ListFollowUpsDue, r);
  }
  if (args.size() > 2) {
    return UsageError(absl::StrCat("unexpected argument '", args[2],
                                   "' (quote texts with spaces)\n", kCasesCareUsage));
  }
  if (verb == "retention") {
    if (args.size() > 1) {
      return UsageError(absl::StrCat("unexpected argument '", args[1], "'\n", kCasesCareUsage));
    }
    return Retention();
  }
  const std::string case_id = args.size() > 1 ? args[1] : absl::GetFlag(FLAGS_id);
  if (case_id.empty()) return UsageError(absl::StrCat("which case?\n", kCasesCareUsage));
  if (verb == "hold") {
    v1::SetCaseLegalHoldRequest r;
    r.set_request_id(RequestId());
    r.set_case_id(case_id);
    r.set_hold(!absl::GetFlag(FLAGS_lift));
    r.set_reason(absl::GetFlag(FLAGS_reason));
    return CareCall<v1::SetCaseLegalHoldRequest, v1::SetCaseLegalHoldResponse>(
        &CaseService::Stub::SetCaseLegalHold, r);
  }
  v1::Sensitivity sensitivity = v1::SENSITIVITY_UNSPECIFIED;
  if (!CareSensitivity(sensitivity)) return 2;
  if (verb == "remove-person") {
    v1::RemovePersonRequest r;
    r.set_case_id(case_id);
    r.set_person_id(absl::GetFlag(FLAGS_person_id));
    r.set_reason(absl::GetFlag(FLAGS_reason));
    if (!CareRequired(verb, {{"person-id", r.person_id()}, {"reason", r.reason()}})) return 2;
    r.set_sensitivity(sensitivity);
    r.set_request_id(RequestId());
    return CareCall<v1::RemovePersonRequest, v1::RemovePersonResponse>(
        &CaseService::Stub::RemovePerson, r);
  }
  if (verb == "remove-relation") {
    v1::RemoveRelationRequest r;
    r.set_case_id(case_id);
    r.set_relation_id(absl::GetFlag(FLAGS_relation_id));
    r.set_reason(absl::GetFlag(FLAGS_reason));
    if (!CareRequired(verb, {{"relation-id", r.relation_id()}, {"reason", r.reason()}})) return 2;
    r.set_sensitivity(sensitivity);
    r.set_request_id(RequestId());
    return CareCall<v1::RemoveRelationRequest, v1::RemoveRelationResponse>(
        &CaseService::Stub::RemoveRelation, r);
  }
  // record-follow-up
  v1::RecordFollowUpRequest r;
  r.set_case_id(case_id);
  r.set_follow_up_id(absl::GetFlag(FLAGS_follow_up_id));
  const std::string outcome_text = absl::GetFlag(FLAGS_outcome);
  if (!CareRequired(verb, {{"follow-up-id", r.follow_up_id()}, {"outcome", outcome_text}}))
    return 2;
  v1::FollowUpOutcome outcome = v1::FOLLOW_UP_OUTCOME_UNSPECIFIED;
  if (!EnumFlag("outcome", "schakel.v1.FollowUpOutcome", outcome_text, outcome)) return 2;
  r.set_outcome(outcome);
  r.set_note(absl::GetFlag(FLAGS_note));
  r.set_note_sensitivity(sensitivity);
  r.set_reopen(absl::GetFlag(FLAGS_reopen));
  r.set_request_id(RequestId());
  // The case's notices (honour-related violence ...) first, as every cases command prints them.
  return CallAndPrint<CaseService, v1::RecordFollowUpRequest, v1::RecordFollowUpResponse>(
      &CaseService::Stub::RecordFollowUp, r, +[](const v1::RecordFollowUpResponse& response) {
        for (const std::string& notice : response.case_().notices()) {
          std::cerr << "LET OP / NOTE: " << notice << "\n";
        }
      });
}

}  // namespace schakel::cli
