// schakelctl plan ...: one subcommand per SafetyPlanService RPC.
#include <algorithm>
#include <iostream>
#include <iterator>
#include <string>

#include <google/protobuf/util/time_util.h>

#include "absl/flags/declare.h"
#include "absl/flags/flag.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "client/cli/cli.h"
#include "schakel/v1/safetyplan.grpc.pb.h"

ABSL_FLAG(int, plan_version, 0, "plan: the version (show: 0 = the plan in force, else the newest)");
ABSL_FLAG(int, from_version, 0, "plan diff: the older version");
ABSL_FLAG(int, to_version, 0, "plan diff: the newer version");
ABSL_FLAG(std::string, instrument, "", "plan instrument: rihg, lirik, arij, care-nl or b-safer");
ABSL_FLAG(std::string, instrument_version, "", "plan instrument: the instrument's version");
ABSL_FLAG(std::string, level, "",
          "plan instrument: the outcome level (LOW, MEDIUM, HIGH; ARIJ also VERY_HIGH; B-SAFER "
          "LOW, MODERATE, HIGH)");
ABSL_FLAG(std::string, assessed_at, "",
          "plan instrument: when it was applied (RFC 3339, e.g. 2026-12-01T10:00:00+01:00; "
          "default now)");
ABSL_FLAG(std::string, notes, "", "plan instrument: free notes");
ABSL_FLAG(std::string, channel, "", "plan agree: in-person, in-writing or by-phone");
ABSL_FLAG(std::string, person, "", "plan agree: the person of the case who agreed (their id)");
ABSL_FLAG(std::string, outcomes, "",
          "plan evaluate: the outcome per safety condition, ITEM_ID=met|partly-met|not-met, "
          "separated by ','");
ABSL_FLAG(std::string, confirm_until, "",
          "plan evaluate: confirm the plan until this next evaluation date (YYYY-MM-DD)");
ABSL_FLAG(bool, next_version, false,
          "plan evaluate: start the next version's draft instead of confirming");
ABSL_FLAG(std::string, what, "", "plan incident: what happened");
ABSL_FLAG(std::string, police_reference, "", "plan incident: the police's reference");
ABSL_FLAG(std::string, reported_by, "",
          "plan incident: who reported it (a role or organisation, not a name)");
ABSL_FLAG(std::string, occurred_at, "", "plan incident: when it happened (RFC 3339; default now)");

ABSL_DECLARE_FLAG(std::string, case);
ABSL_DECLARE_FLAG(std::string, from_json);
ABSL_DECLARE_FLAG(std::string, etag);
ABSL_DECLARE_FLAG(std::string, purpose);
ABSL_DECLARE_FLAG(std::string, sensitivity);
ABSL_DECLARE_FLAG(int, page_size);
ABSL_DECLARE_FLAG(std::string, page_token);

namespace schakel::cli {
namespace {

using google::protobuf::util::TimeUtil;
using v1::SafetyPlanService;

constexpr char kPlanUsage[] =
    "plan commands (CASE_ID may also be given as --case; flags take - or _):\n"
    "  show CASE_ID [--plan-version=N (default: the plan in force)] [--purpose=TEXT]\n"
    "  draft CASE_ID                     starts the draft (a copy of the newest version)\n"
    "  edit CASE_ID --plan-version=N --from-json=FILE (a PlanContent in protobuf JSON) "
    "[--etag=E]\n"
    "  propose CASE_ID --plan-version=N  puts the draft forward for sign-off\n"
    "  sign-off CASE_ID --plan-version=N (the case director; Veilig Thuis when the conditions\n"
    "           changed)\n"
    "  diff CASE_ID --from-version=N --to-version=M\n"
    "  agree CASE_ID --plan-version=N --person=PERSON_ID --channel=in-person|in-writing|by-phone\n"
    "  instrument CASE_ID --instrument=rihg|lirik|arij|care-nl|b-safer --level=LEVEL\n"
    "             [--instrument-version=V] [--assessed-at=RFC3339] [--notes=TEXT]\n"
    "             [--sensitivity=general|care|justice]\n"
    "  instruments CASE_ID [--page-size=N] [--page-token=T]\n"
    "  evaluate CASE_ID --plan-version=N --outcomes=ITEM_ID=met|partly-met|not-met,...\n"
    "           --confirm-until=YYYY-MM-DD | --next-version\n"
    "           [--notes=TEXT] [--sensitivity=general|care|justice]   (the case director)\n"
    "  incident CASE_ID --what=TEXT --reported-by=WHO [--police-reference=REF]\n"
    "           [--occurred-at=RFC3339] [--sensitivity=general|care|justice]\n"
    "           (the case falls back to phase 1, direct safety; a plan review falls due)\n"
    "  inbox                             my reminders, escalations and incidents to review\n";

std::string PlanUsageOf(absl::string_view verb) {
  return SubcommandUsage("plan", kPlanUsage, verb);
}

template <typename Request, typename Response, typename Method>
int PlanCall(Method method, const Request& request) {
  return CallAndPrint<SafetyPlanService, Request, Response>(method, request);
}

// The case from the second positional argument or --case; empty (after the usage) when none.
std::string CaseArg(const Args& args) {
  if (args.size() > 2) {
    UsageError(absl::StrCat("unexpected argument '", args[2], "' (quote texts with spaces)\n",
                            PlanUsageOf(args[0])));
    return "";
  }
  std::string id = args.size() > 1 ? args[1] : absl::GetFlag(FLAGS_case);
  if (id.empty()) UsageError(absl::StrCat("which case?\n", PlanUsageOf(args[0])));
  return id;
}

// --plan-version, required (> 0) for `verb`.
bool VersionFlag(absl::string_view verb, int& out) {
  out = absl::GetFlag(FLAGS_plan_version);
  if (out > 0) return true;
  UsageError(absl::StrCat("--plan-version is required\n", PlanUsageOf(verb)));
  return false;
}

// `value` (RFC 3339) into `out`; now when empty. False (after saying why) when it does not parse.
bool TimeOrNow(absl::string_view flag, const std::string& value, google::protobuf::Timestamp& out) {
  absl::Time t = absl::Now();
  std::string err;
  if (!value.empty() && !absl::ParseTime(absl::RFC3339_full, value, &t, &err)) {
    UsageError(absl::StrCat("--", flag, ": not an RFC 3339 time (", err, ")"));
    return false;
  }
  out = TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(t));
  return true;
}

// --sensitivity into `out` (unset when not given); false (after saying why) when it is not one.
bool SensitivityFlag(v1::Sensitivity& out) {
  out = v1::SENSITIVITY_UNSPECIFIED;
  return EnumFlag("sensitivity", "schakel.v1.Sensitivity", absl::GetFlag(FLAGS_sensitivity), out);
}

int Instrument(const std::string& case_id) {
  v1::RecordRiskInstrumentRequest r;
  r.set_case_id(case_id);
  v1::RiskInstrumentKind kind = v1::RISK_INSTRUMENT_KIND_UNSPECIFIED;
  if (!EnumFlag("instrument", "schakel.v1.RiskInstrumentKind", absl::GetFlag(FLAGS_instrument),
                kind)) {
    return 2;
  }
  r.set_instrument(kind);
  r.set_outcome_level(absl::GetFlag(FLAGS_level));
  r.set_instrument_version(absl::GetFlag(FLAGS_instrument_version));
  r.set_notes(absl::GetFlag(FLAGS_notes));
  v1::Sensitivity sensitivity;
  if (!SensitivityFlag(sensitivity)) return 2;
  r.set_notes_sensitivity(sensitivity);
  if (!TimeOrNow("assessed-at", absl::GetFlag(FLAGS_assessed_at), *r.mutable_assessed_at())) {
    return 2;
  }
  r.set_request_id(RequestId());
  return PlanCall<v1::RecordRiskInstrumentRequest, v1::RecordRiskInstrumentResponse>(
      &SafetyPlanService::Stub::RecordRiskInstrument, r);
}

int Evaluate(const std::string& case_id, int version) {
  v1::EvaluatePlanRequest r;
  r.set_case_id(case_id);
  r.set_version(version);
  for (absl::string_view pair :
       absl::StrSplit(absl::GetFlag(FLAGS_outcomes), ',', absl::SkipWhitespace())) {
    std::pair<std::string, std::string> kv = absl::StrSplit(pair, absl::MaxSplits('=', 1));
    v1::ConditionOutcome outcome = v1::CONDITION_OUTCOME_UNSPECIFIED;
    if (!EnumFlag("outcomes", "schakel.v1.ConditionOutcome",
                  std::string(absl::StripAsciiWhitespace(kv.second)), outcome)) {
      return 2;
    }
    v1::ConditionResult* c = r.add_conditions();
    c->set_item_id(std::string(absl::StripAsciiWhitespace(kv.first)));
    c->set_outcome(outcome);
  }
  const std::string until = absl::GetFlag(FLAGS_confirm_until);
  const bool next = absl::GetFlag(FLAGS_next_version);
  if (until.empty() == !next) {
    return UsageError(absl::StrCat("give either --confirm-until=DATE or --next-version\n",
                                   PlanUsageOf("evaluate")));
  }
  r.set_decision(next ? v1::EVALUATION_DECISION_NEXT_VERSION : v1::EVALUATION_DECISION_CONFIRM);
  if (!until.empty() && !DateFlag("confirm-until", until, *r.mutable_next_evaluation_date())) {
    return 2;
  }
  r.set_notes(absl::GetFlag(FLAGS_notes));
  v1::Sensitivity sensitivity;
  if (!SensitivityFlag(sensitivity)) return 2;
  r.set_notes_sensitivity(sensitivity);
  r.set_request_id(RequestId());
  return PlanCall<v1::EvaluatePlanRequest, v1::EvaluatePlanResponse>(
      &SafetyPlanService::Stub::EvaluatePlan, r);
}

int Incident(const std::string& case_id) {
  v1::RecordIncidentRequest r;
  r.set_case_id(case_id);
  r.set_what(absl::GetFlag(FLAGS_what));
  r.set_reported_by(absl::GetFlag(FLAGS_reported_by));
  r.set_police_reference(absl::GetFlag(FLAGS_police_reference));
  v1::Sensitivity sensitivity;
  if (!SensitivityFlag(sensitivity)) return 2;
  r.set_sensitivity(sensitivity);
  if (!TimeOrNow("occurred-at", absl::GetFlag(FLAGS_occurred_at), *r.mutable_occurred_at())) {
    return 2;
  }
  r.set_request_id(RequestId());
  return PlanCall<v1::RecordIncidentRequest, v1::RecordIncidentResponse>(
      &SafetyPlanService::Stub::RecordIncident, r);
}

}  // namespace

int RunPlanCommand(const Args& args) {
  const std::string verb = args.empty() ? "" : args[0];
  if (verb == "help") {
    std::cout << "schakelctl [--as=NAME] plan COMMAND ...\n" << kPlanUsage;
    return 0;
  }
  if (verb == "inbox") {
    if (args.size() > 1) return UsageError(absl::StrCat("inbox takes no argument\n", kPlanUsage));
    return PlanCall<v1::ListPlanInboxRequest, v1::ListPlanInboxResponse>(
        &SafetyPlanService::Stub::ListPlanInbox, v1::ListPlanInboxRequest());
  }
  static constexpr const char* kVerbs[] = {"show",        "draft",    "edit",    "propose",
                                           "sign-off",    "diff",     "agree",   "instrument",
                                           "instruments", "evaluate", "incident"};
  if (std::find(std::begin(kVerbs), std::end(kVerbs), verb) == std::end(kVerbs)) {
    return UsageError(
        absl::StrCat(verb.empty() ? "which plan command?" : "unknown plan command '" + verb + "'",
                     "\n", kPlanUsage));
  }
  const std::string case_id = CaseArg(args);
  if (case_id.empty()) return 2;
  int version = 0;
  if (verb == "show") {
    v1::GetPlanRequest r;
    r.set_case_id(case_id);
    r.set_version(absl::GetFlag(FLAGS_plan_version));
    r.set_purpose_of_use(absl::GetFlag(FLAGS_purpose));
    return PlanCall<v1::GetPlanRequest, v1::GetPlanResponse>(&SafetyPlanService::Stub::GetPlan, r);
  }
  if (verb == "draft") {
    v1::StartDraftRequest r;
    r.set_case_id(case_id);
    r.set_request_id(RequestId());
    return PlanCall<v1::StartDraftRequest, v1::StartDraftResponse>(
        &SafetyPlanService::Stub::StartDraft, r);
  }
  if (verb == "edit") {
    if (!VersionFlag(verb, version)) return 2;
    const std::string file = absl::GetFlag(FLAGS_from_json);
    if (!RequireFlags("plan", kPlanUsage, verb, {{"from-json", file}})) return 2;
    v1::UpdateDraftRequest r;
    if (!JsonFile(file, *r.mutable_content())) return 2;
    r.set_case_id(case_id);
    r.set_version(version);
    r.set_etag(absl::GetFlag(FLAGS_etag));
    r.set_request_id(RequestId());
    return PlanCall<v1::UpdateDraftRequest, v1::UpdateDraftResponse>(
        &SafetyPlanService::Stub::UpdateDraft, r);
  }
  if (verb == "propose") {
    if (!VersionFlag(verb, version)) return 2;
    v1::ProposeVersionRequest r;
    r.set_case_id(case_id);
    r.set_version(version);
    r.set_request_id(RequestId());
    return PlanCall<v1::ProposeVersionRequest, v1::ProposeVersionResponse>(
        &SafetyPlanService::Stub::ProposeVersion, r);
  }
  if (verb == "sign-off") {
    if (!VersionFlag(verb, version)) return 2;
    v1::SignOffVersionRequest r;
    r.set_case_id(case_id);
    r.set_version(version);
    r.set_request_id(RequestId());
    return PlanCall<v1::SignOffVersionRequest, v1::SignOffVersionResponse>(
        &SafetyPlanService::Stub::SignOffVersion, r);
  }
  if (verb == "diff") {
    v1::GetPlanDiffRequest r;
    r.set_case_id(case_id);
    r.set_from_version(absl::GetFlag(FLAGS_from_version));
    r.set_to_version(absl::GetFlag(FLAGS_to_version));
    r.set_purpose_of_use(absl::GetFlag(FLAGS_purpose));
    return PlanCall<v1::GetPlanDiffRequest, v1::GetPlanDiffResponse>(
        &SafetyPlanService::Stub::GetPlanDiff, r);
  }
  if (verb == "agree") {
    if (!VersionFlag(verb, version)) return 2;
    v1::RecordFamilyAgreementRequest r;
    r.set_case_id(case_id);
    r.set_version(version);
    r.set_person_id(absl::GetFlag(FLAGS_person));
    v1::AgreementChannel channel = v1::AGREEMENT_CHANNEL_UNSPECIFIED;
    if (!EnumFlag("channel", "schakel.v1.AgreementChannel", absl::GetFlag(FLAGS_channel),
                  channel)) {
      return 2;
    }
    r.set_channel(channel);
    r.set_request_id(RequestId());
    return PlanCall<v1::RecordFamilyAgreementRequest, v1::RecordFamilyAgreementResponse>(
        &SafetyPlanService::Stub::RecordFamilyAgreement, r);
  }
  if (verb == "instrument") return Instrument(case_id);
  if (verb == "incident") return Incident(case_id);
  if (verb == "evaluate") {
    if (!VersionFlag(verb, version)) return 2;
    return Evaluate(case_id, version);
  }
  v1::ListRiskInstrumentsRequest r;  // instruments
  r.set_case_id(case_id);
  r.set_purpose_of_use(absl::GetFlag(FLAGS_purpose));
  r.set_page_size(absl::GetFlag(FLAGS_page_size));
  r.set_page_token(absl::GetFlag(FLAGS_page_token));
  return PlanCall<v1::ListRiskInstrumentsRequest, v1::ListRiskInstrumentsResponse>(
      &SafetyPlanService::Stub::ListRiskInstruments, r);
}

}  // namespace schakel::cli
