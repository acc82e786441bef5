// schakelctl handover ...: one subcommand per HandoverService RPC (but ReceiveCaseEvents, which
// only the cases service calls).
#include <algorithm>
#include <initializer_list>
#include <iostream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include <google/protobuf/util/time_util.h>

#include "absl/flags/declare.h"
#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "client/cli/cli.h"
#include "schakel/v1/handover.grpc.pb.h"

ABSL_FLAG(std::string, case, "", "handover: the case (instead of the CASE_ID argument)");
ABSL_FLAG(std::string, to_org, "", "handover propose: the receiving organisation");
ABSL_FLAG(std::string, to_professional, "",
          "handover propose: the receiving professional it is meant for (optional)");
ABSL_FLAG(std::string, phase, "",
          "handover propose: the phase the receiver leads in: direct-safety, stable-safety or "
          "recovery");
ABSL_FLAG(std::string, summary, "", "handover propose: what the receiver must know");
ABSL_FLAG(std::string, conditions, "",
          "handover propose: the safety conditions that move with it, separated by ';'");
ABSL_FLAG(std::string, agreements, "",
          "handover propose: the safety agreements that move with it, separated by ';'");
ABSL_FLAG(std::string, risks, "", "handover propose: the open risks, separated by ';'");
ABSL_FLAG(std::string, open_actions, "", "handover propose: the open actions, separated by ';'");
ABSL_FLAG(bool, family_informed, false,
          "handover propose: the family was told (never for honour-related violence)");
ABSL_FLAG(int, days, 0,
          "handover propose: working days to accept; accept: working days to the first contact; "
          "inbox / watch: deadlines due within this many working days count as soon due (0: the "
          "server's default)");
ABSL_FLAG(std::string, contact_at, "",
          "handover confirm-contact: when the first contact took place (RFC 3339, e.g. "
          "2026-03-02T14:00:00+01:00; default now)");
ABSL_FLAG(bool, overdue, false, "handover list: only handovers past a deadline unmet");
ABSL_FLAG(int, max_updates, 0, "handover watch: stop after this many inboxes (0: until Ctrl-C)");
ABSL_FLAG(bool, csv, false, "handover report: print only the report as CSV");

ABSL_DECLARE_FLAG(std::string, id);
ABSL_DECLARE_FLAG(std::string, etag);
ABSL_DECLARE_FLAG(std::string, reason);
ABSL_DECLARE_FLAG(int, page_size);
ABSL_DECLARE_FLAG(std::string, page_token);
ABSL_DECLARE_FLAG(std::string, from_json);
ABSL_DECLARE_FLAG(std::string, from);
ABSL_DECLARE_FLAG(std::string, to);
ABSL_DECLARE_FLAG(std::string, state);
ABSL_DECLARE_FLAG(std::string, organisation);
ABSL_DECLARE_FLAG(std::string, professional);
ABSL_DECLARE_FLAG(bool, json);

namespace schakel::cli {
namespace {

using google::protobuf::util::TimeUtil;
using v1::HandoverService;

constexpr char kUsage[] =
    "handover commands (CASE_ID may also be given as --case, HANDOVER_ID as --id; flags take - "
    "or _;\n"
    "the list flags --conditions, --agreements, --risks and --open-actions separate their items\n"
    "with ';', so an item may contain commas: --conditions='Geen geweld; Kinderen naar school'):\n"
    "  responsibility CASE_ID\n"
    "  phase CASE_ID --phase=stable-safety|recovery|direct-safety   the lead moves its own case\n"
    "        to the next phase (or back to direct safety); it stays lead\n"
    "  propose CASE_ID --to-org=ORG_ID --phase=direct-safety|stable-safety|recovery\n"
    "          --summary=TEXT [--to-professional=PRO_ID] [--conditions='A;B'] "
    "[--agreements='A;B']\n"
    "          [--risks='A;B'] [--open-actions='A;B'] [--family-informed]\n"
    "          [--days=N (working days to accept; default 5)]\n"
    "          [--from-json=FILE (a ProposeHandoverRequest; the flags above override it)]\n"
    "  accept HANDOVER_ID [--etag=E] [--days=N (working days to the first contact; default 3)]\n"
    "         [--professional=PRO_ID (who leads for your organisation; default you)]\n"
    "  decline HANDOVER_ID --reason=TEXT [--etag=E]\n"
    "  withdraw HANDOVER_ID [--reason=TEXT] [--etag=E]\n"
    "  confirm-contact HANDOVER_ID [--contact-at=RFC3339 (default now)]\n"
    "  get HANDOVER_ID\n"
    "  inbox [--days=N (deadlines within N working days count as soon due; default 2)]\n"
    "  watch [--days=N] [--max-updates=N]   the inbox now and after every change, until Ctrl-C\n"
    "  list [--organisation=ORG_ID] [--state=proposed,accepted,declined,withdrawn,expired]\n"
    "       [--overdue] [--from=YYYY-MM-DD] [--to=YYYY-MM-DD (both days included)]\n"
    "       [--page-size=N] [--page-token=T]   (supervisors: the handovers of your region)\n"
    "  report [--from=YYYY-MM-DD] [--to=YYYY-MM-DD] [--csv (prints only the CSV)]   "
    "(supervisors)\n";

std::string UsageOf(absl::string_view verb) { return SubcommandUsage("handover", kUsage, verb); }

bool Required(absl::string_view verb,
              std::initializer_list<std::pair<const char*, std::string>> set) {
  return RequireFlags("handover", kUsage, verb, set);
}

// Prints the notices of the answer's responsibility ("Overdracht in behandeling / Handover
// pending" ...) to stderr before anything else, so they are never missed in the output.
template <typename Response>
void PrintNotices(const Response& response) {
  if constexpr (requires { response.responsibility().notices(); }) {
    for (const std::string& notice : response.responsibility().notices()) {
      std::cerr << "LET OP / NOTE: " << notice << "\n";
    }
  }
}

template <typename Request, typename Response, typename Method>
int Call(Method method, const Request& request) {
  return CallAndPrint<HandoverService, Request, Response>(method, request, &PrintNotices<Response>);
}

// The id from the second positional argument or `flag_value`; empty (after printing the usage)
// when there is none, or when more arguments follow it.
std::string IdArg(const Args& args, const std::string& flag_value, absl::string_view what) {
  if (args.size() > 2) {
    UsageError(absl::StrCat("unexpected argument '", args[2], "' (quote texts with spaces)\n",
                            UsageOf(args[0])));
    return "";
  }
  std::string id = args.size() > 1 ? args[1] : flag_value;
  if (id.empty()) UsageError(absl::StrCat("which ", what, "?\n", UsageOf(args[0])));
  return id;
}

bool NoArguments(const Args& args) {
  if (args.size() <= 1) return true;
  UsageError(absl::StrCat("unexpected argument '", args[1], "'\n", UsageOf(args[0])));
  return false;
}

// --from and --to into the request's [proposed_from, proposed_to): from the start of --from to the
// start of the day after --to, Europe/Amsterdam; unset when not given.
template <typename Request>
bool PeriodFlags(Request& r) {
  absl::Time t;
  if (const std::string v = absl::GetFlag(FLAGS_from); !v.empty()) {
    if (!DayStartFlag("from", v, 0, t)) return false;
    *r.mutable_proposed_from() = TimeUtil::SecondsToTimestamp(absl::ToUnixSeconds(t));
  }
  if (const std::string v = absl::GetFlag(FLAGS_to); !v.empty()) {
    if (!DayStartFlag("to", v, 1, t)) return false;
    *r.mutable_proposed_to() = TimeUtil::SecondsToTimestamp(absl::ToUnixSeconds(t));
  }
  return true;
}

int Propose(const Args& args) {
  v1::ProposeHandoverRequest r;
  const std::string file = absl::GetFlag(FLAGS_from_json);
  if (!file.empty() && !JsonFile(file, r)) return 2;
  if (args.size() > 2) {
    return UsageError(absl::StrCat("unexpected argument '", args[2],
                                   "' (quote texts with spaces)\n", UsageOf("propose")));
  }
  if (args.size() > 1) {
    r.set_case_id(args[1]);
  } else if (const std::string v = absl::GetFlag(FLAGS_case); !v.empty()) {
    r.set_case_id(v);
  }
  if (const std::string v = absl::GetFlag(FLAGS_to_org); !v.empty()) r.set_to_organisation_id(v);
  if (const std::string v = absl::GetFlag(FLAGS_to_professional); !v.empty()) {
    r.set_to_professional_id(v);
  }
  v1::Phase phase = r.phase();
  if (!EnumFlag("phase", "schakel.v1.Phase", absl::GetFlag(FLAGS_phase), phase)) return 2;
  r.set_phase(phase);
  v1::HandoverContent& content = *r.mutable_content();
  if (const std::string v = absl::GetFlag(FLAGS_summary); !v.empty()) content.set_summary(v);
  const std::pair<std::string, google::protobuf::RepeatedPtrField<std::string>*> lists[] = {
      {absl::GetFlag(FLAGS_conditions), content.mutable_safety_conditions()},
      {absl::GetFlag(FLAGS_agreements), content.mutable_agreements()},
      {absl::GetFlag(FLAGS_risks), content.mutable_open_risks()},
      {absl::GetFlag(FLAGS_open_actions), content.mutable_open_actions()},
  };
  for (const auto& [value, field] : lists) {
    if (value.empty()) continue;
    field->Clear();
    for (std::string& item : ListFlag(value, ';')) field->Add(std::move(item));
  }
  if (absl::GetFlag(FLAGS_family_informed)) r.set_family_informed(true);
  if (const int days = absl::GetFlag(FLAGS_days); days != 0) r.set_accept_working_days(days);
  if (r.case_id().empty()) {
    return UsageError(absl::StrCat("which case? (CASE_ID or --case)\n", UsageOf("propose")));
  }
  if (!Required("propose", {{"to-org", r.to_organisation_id()}, {"summary", content.summary()}})) {
    return 2;
  }
  if (r.phase() == v1::PHASE_UNSPECIFIED) {
    return UsageError(absl::StrCat("--phase is required\n", UsageOf("propose")));
  }
  r.set_request_id(RequestId());
  return Call<v1::ProposeHandoverRequest, v1::ProposeHandoverResponse>(
      &HandoverService::Stub::ProposeHandover, r);
}

int ConfirmContact(const std::string& handover_id) {
  v1::ConfirmFirstContactRequest r;
  r.set_handover_id(handover_id);
  if (const std::string v = absl::GetFlag(FLAGS_contact_at); !v.empty()) {
    absl::Time at;
    std::string error;
    if (!absl::ParseTime(absl::RFC3339_full, v, &at, &error)) {
      return UsageError(
          absl::StrCat("--contact-at: '", v,
                       "' is not an RFC 3339 time (e.g. 2026-03-02T14:00:00+01:00): ", error));
    }
    *r.mutable_contact_at() = TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(at));
  }
  r.set_request_id(RequestId());
  return Call<v1::ConfirmFirstContactRequest, v1::ConfirmFirstContactResponse>(
      &HandoverService::Stub::ConfirmFirstContact, r);
}

// Prints every inbox the server pushes until it ends the stream, or until `max` (> 0) were
// printed. The response type follows the RPC's declaration.
template <typename Response>
int PrintUpdates(grpc::ClientContext& ctx, grpc::ClientReader<Response>& reader, int max) {
  Response update;
  int printed = 0;
  while (reader.Read(&update)) {
    ++printed;
    if (!absl::GetFlag(FLAGS_json)) std::cout << "# inbox " << printed << "\n";
    Print(update);
    std::cout.flush();
    if (max > 0 && printed >= max) {
      ctx.TryCancel();
      while (reader.Read(&update)) {
      }
      reader.Finish();
      return 0;
    }
  }
  const grpc::Status status = reader.Finish();
  if (!status.ok()) return PrintRpcError(status);
  return 0;
}

int Watch(const Args& args) {
  if (!NoArguments(args)) return 2;
  const int max = absl::GetFlag(FLAGS_max_updates);
  if (max < 0) return UsageError("--max-updates: must be 0 (until Ctrl-C) or more");
  auto channel = Connect(HandoverService::service_full_name());
  if (!channel.ok()) return UsageError(channel.status().message());
  auto stub = HandoverService::NewStub(*channel);
  v1::WatchInboxRequest r;
  r.set_due_within_working_days(absl::GetFlag(FLAGS_days));
  grpc::ClientContext ctx;  // no deadline: it lasts until Ctrl-C or --max-updates
  auto reader = stub->WatchInbox(&ctx, r);
  return PrintUpdates(ctx, *reader, max);
}

int List(const Args& args) {
  if (!NoArguments(args)) return 2;
  v1::ListHandoversRequest r;
  r.set_organisation_id(absl::GetFlag(FLAGS_organisation));
  for (const std::string& item : ListFlag(absl::GetFlag(FLAGS_state))) {
    v1::HandoverState state = v1::HANDOVER_STATE_UNSPECIFIED;
    if (!EnumFlag("state", "schakel.v1.HandoverState", item, state)) return 2;
    r.add_states(state);
  }
  r.set_overdue_only(absl::GetFlag(FLAGS_overdue));
  if (!PeriodFlags(r)) return 2;
  r.set_page_size(absl::GetFlag(FLAGS_page_size));
  r.set_page_token(absl::GetFlag(FLAGS_page_token));
  return Call<v1::ListHandoversRequest, v1::ListHandoversResponse>(
      &HandoverService::Stub::ListHandovers, r);
}

int Report(const Args& args) {
  if (!NoArguments(args)) return 2;
  v1::GetHandoverReportRequest r;
  if (!PeriodFlags(r)) return 2;
  const bool csv = absl::GetFlag(FLAGS_csv);
  r.set_csv(csv);
  if (!csv) {
    return Call<v1::GetHandoverReportRequest, v1::GetHandoverReportResponse>(
        &HandoverService::Stub::GetHandoverReport, r);
  }
  // Only the CSV on stdout, so that `report --csv > report.csv` is the file.
  auto channel = Connect(HandoverService::service_full_name());
  if (!channel.ok()) return UsageError(channel.status().message());
  auto stub = HandoverService::NewStub(*channel);
  v1::GetHandoverReportResponse response;
  auto ctx = NewContext();
  const grpc::Status status = stub->GetHandoverReport(ctx.get(), r, &response);
  if (!status.ok()) return PrintRpcError(status);
  std::cout << response.csv();
  if (!response.csv().empty() && response.csv().back() != '\n') std::cout << "\n";
  return 0;
}

}  // namespace

int RunHandoverCommand(const Args& args) {
  const std::string verb = args.empty() ? "" : args[0];
  if (verb == "help") {
    std::cout << "schakelctl [--as=NAME] handover COMMAND ...\n" << kUsage;
    return 0;
  }
  if (verb == "responsibility") {
    v1::GetResponsibilityRequest r;
    r.set_case_id(IdArg(args, absl::GetFlag(FLAGS_case), "case"));
    if (r.case_id().empty()) return 2;
    return Call<v1::GetResponsibilityRequest, v1::GetResponsibilityResponse>(
        &HandoverService::Stub::GetResponsibility, r);
  }
  if (verb == "propose") return Propose(args);
  if (verb == "phase") {
    v1::ChangePhaseRequest r;
    r.set_case_id(IdArg(args, absl::GetFlag(FLAGS_case), "case"));
    if (r.case_id().empty()) return 2;
    v1::Phase phase = v1::PHASE_UNSPECIFIED;
    if (!EnumFlag("phase", "schakel.v1.Phase", absl::GetFlag(FLAGS_phase), phase)) return 2;
    r.set_phase(phase);
    r.set_request_id(RequestId());
    return Call<v1::ChangePhaseRequest, v1::ChangePhaseResponse>(
        &HandoverService::Stub::ChangePhase, r);
  }
  if (verb == "inbox") {
    if (!NoArguments(args)) return 2;
    v1::ListInboxRequest r;
    r.set_due_within_working_days(absl::GetFlag(FLAGS_days));
    return Call<v1::ListInboxRequest, v1::ListInboxResponse>(&HandoverService::Stub::ListInbox, r);
  }
  if (verb == "watch") return Watch(args);
  if (verb == "list") return List(args);
  if (verb == "report") return Report(args);
  static constexpr const char* kWithHandover[] = {"accept", "decline", "withdraw",
                                                  "confirm-contact", "get"};
  if (std::find(std::begin(kWithHandover), std::end(kWithHandover), verb) ==
      std::end(kWithHandover)) {
    return UsageError(absl::StrCat(
        verb.empty() ? "which handover command?" : "unknown handover command '" + verb + "'", "\n",
        kUsage));
  }
  const std::string handover_id = IdArg(args, absl::GetFlag(FLAGS_id), "handover");
  if (handover_id.empty()) return 2;

  if (verb == "get") {
    v1::GetHandoverRequest r;
    r.set_handover_id(handover_id);
    return Call<v1::GetHandoverRequest, v1::GetHandoverResponse>(
        &HandoverService::Stub::GetHandover, r);
  }
  if (verb == "accept") {
    v1::AcceptHandoverRequest r;
    r.set_handover_id(handover_id);
    r.set_etag(absl::GetFlag(FLAGS_etag));
    r.set_first_contact_working_days(absl::GetFlag(FLAGS_days));
    r.set_responsible_professional_id(absl::GetFlag(FLAGS_professional));
    r.set_request_id(RequestId());
    return Call<v1::AcceptHandoverRequest, v1::AcceptHandoverResponse>(
        &HandoverService::Stub::AcceptHandover, r);
  }
  if (verb == "decline") {
    v1::DeclineHandoverRequest r;
    r.set_handover_id(handover_id);
    r.set_reason(absl::GetFlag(FLAGS_reason));
    if (!Required(verb, {{"reason", r.reason()}})) return 2;
    r.set_etag(absl::GetFlag(FLAGS_etag));
    r.set_request_id(RequestId());
    return Call<v1::DeclineHandoverRequest, v1::DeclineHandoverResponse>(
        &HandoverService::Stub::DeclineHandover, r);
  }
  if (verb == "withdraw") {
    v1::WithdrawHandoverRequest r;
    r.set_handover_id(handover_id);
    r.set_reason(absl::GetFlag(FLAGS_reason));
    r.set_etag(absl::GetFlag(FLAGS_etag));
    r.set_request_id(RequestId());
    return Call<v1::WithdrawHandoverRequest, v1::WithdrawHandoverResponse>(
        &HandoverService::Stub::WithdrawHandover, r);
  }
  // confirm-contact
  return ConfirmContact(handover_id);
}

}  // namespace schakel::cli
