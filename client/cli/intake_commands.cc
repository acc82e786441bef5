// schakelctl intake ...: one subcommand per IntakeService RPC, plus `import` (intake_import.cc),
// which sends a JSON Lines file of reports (the police feed) with SubmitReports in batches.

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/time_util.h>

#include "absl/flags/declare.h"
#include "absl/flags/flag.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "client/cli/cli.h"
#include "client/cli/readable.h"
#include "client/cli/table.h"
#include "schakel/v1/intake.grpc.pb.h"
#include "services/common/calendar.h"
#include "services/common/tls.h"

ABSL_FLAG(bool, mine, false, "intake queue: only the reports you hold");

ABSL_DECLARE_FLAG(std::string, id);
ABSL_DECLARE_FLAG(std::string, etag);
ABSL_DECLARE_FLAG(std::string, reason);
ABSL_DECLARE_FLAG(std::string, purpose);
ABSL_DECLARE_FLAG(int, page_size);
ABSL_DECLARE_FLAG(std::string, page_token);
ABSL_DECLARE_FLAG(std::string, from_json);
ABSL_DECLARE_FLAG(std::string, request_id);
ABSL_DECLARE_FLAG(int, timeout_seconds);
ABSL_DECLARE_FLAG(bool, json);

namespace schakel::cli {
namespace {

using google::protobuf::util::TimeUtil;
using v1::IntakeService;

constexpr char kUsage[] =
    "intake commands (REPORT_ID may also be given as --id; flags take - or _; times are\n"
    "Europe/Amsterdam):\n"
    "  submit --from-json=FILE (a ReportInput, or a SubmitReportRequest)   prints the report id\n"
    "  import FILE.jsonl [--batch-size=N (default 500, at most 1000)]\n"
    "         [--rejected=FILE (default FILE.rejected.jsonl)]\n"
    "         one ReportInput in protobuf JSON per line, sent in batches; a rerun of the same\n"
    "         file adds nothing. The lines refused are written to the rejected file as read, and\n"
    "         why to <rejected>.errors.txt: correct them there and import that file. Exit code 0\n"
    "         when nothing was refused, 1 otherwise\n"
    "  queue [--mine] [--page-size=N] [--page-token=T]   the triage queue of your region\n"
    "  get REPORT_ID [--purpose=TEXT (why you look; default triage)]\n"
    "  claim REPORT_ID\n"
    "  release REPORT_ID\n"
    "  convert REPORT_ID --reason=TEXT [--etag=E]   an advice request becomes a report\n"
    "  assess REPORT_ID --from-json=FILE [--etag=E]   the safety assessment (a SafetyAssessment,\n"
    "         or an AssessReportRequest, in protobuf JSON): the route and its fields\n"
    "  radar REPORT_ID   earlier reports about the same persons and addresses\n"
    "  feedback [--include-done]   the region's feedback tasks (terugkoppeling), due first\n"
    "  feedback REPORT_ID --method=phone|mail|letter|in-person --note=TEXT\n"
    "         [--occasion=assessment|investigation] [--given-at='YYYY-MM-DD HH:MM']\n"
    "         [--follow-up-started] [--taken-over-by=TEXT] [--reporter-part=TEXT]\n"
    "         the feedback given to the reporter\n"
    "  complete REPORT_ID --conclusion=TEXT --follow-up=end-of-involvement|handover|\n"
    "         conditions-follow-up|mda-plus-plus|child-protection-board [--note=TEXT] [--etag=E]\n"
    "         ends the investigation by Veilig Thuis\n"
    "  close REPORT_ID --reason=TEXT [--etag=E]   closes a file that does not close by itself:\n"
    "         an advice request once advised, Voorwaarden & Vervolg once the monitoring ended\n"
    "  report --from=YYYY-MM-DD --to=YYYY-MM-DD [--csv [FILE]]   the supervisor's figures and\n"
    "         the sector norms; --csv alone prints only the CSV, with FILE writes it there\n"
    "  handed [--include-done]   (the receiving organisation) the reports Veilig Thuis handed to\n"
    "         you (route HANDOVER), waiting ones first; with answered ones of the last 90 days\n"
    "  answer REPORT_ID --accept | --decline --reason=TEXT   (the receiving organisation)\n"
    "  retention [--within-days=N] [--page-size=N] [--page-token=T]   (VT supervisors) the files\n"
    "         the daily job destroys within N days (default 31), those under a legal hold marked\n"
    "  hold REPORT_ID --reason=TEXT | --lift [--reason=TEXT]   (VT supervisors) a legal hold: the\n"
    "         report is not destroyed while held\n"
    "  destruction REPORT_ID --grant | --refuse --reason=TEXT --requested-by=TEXT\n"
    "         (VT supervisors) the decision on a request to destroy an unfounded report; --grant\n"
    "         destroys it now\n";

std::string UsageOf(absl::string_view verb) { return SubcommandUsage("intake", kUsage, verb); }

bool Required(absl::string_view verb,
              std::initializer_list<std::pair<const char*, std::string>> set) {
  return RequireFlags("intake", kUsage, verb, set);
}

bool NoArguments(const Args& args) {
  if (args.size() <= 1) return true;
  UsageError(absl::StrCat("unexpected argument '", args[1], "'\n", UsageOf(args[0])));
  return false;
}

// The report id from the second positional argument or --id; empty (after printing the usage)
// when there is none, or when more arguments follow it.
std::string ReportIdArg(const Args& args) {
  if (args.size() > 2) {
    UsageError(absl::StrCat("unexpected argument '", args[2], "' (quote texts with spaces)\n",
                            UsageOf(args[0])));
    return "";
  }
  std::string id = args.size() > 1 ? args[1] : absl::GetFlag(FLAGS_id);
  if (id.empty()) UsageError(absl::StrCat("which report?\n", UsageOf(args[0])));
  return id;
}

// --- Readable times ----------------------------------------------------------------------------

absl::Time ToAbsl(const google::protobuf::Timestamp& t) {
  return absl::FromUnixMicros(TimeUtil::TimestampToMicroseconds(t));
}

// "05-03-2026 14:07" in Europe/Amsterdam; "-" when unset.
std::string DutchTime(const google::protobuf::Timestamp& t) { return LocalTime(t); }

// A term: one ending at midnight is shown as the end of its last day ("04-12-2026 24:00", as the
// server's reminders say), not as the start of the next.
std::string DutchTerm(const google::protobuf::Timestamp& t) {
  if (t.seconds() == 0 && t.nanos() == 0) return "-";
  const absl::CivilSecond cs = absl::ToCivilSecond(ToAbsl(t), AmsterdamZone());
  if (cs.hour() != 0 || cs.minute() != 0 || cs.second() != 0) return DutchTime(t);
  const absl::CivilDay last = absl::CivilDay(cs) - 1;
  return absl::StrFormat("%02d-%02d-%04d 24:00", last.day(), last.month(), last.year());
}

// "3d 4u", "2u", "25m" (d: dagen/days, u: uren/hours, m: minutes) for `seconds` >= 0.
std::string Span(int64_t seconds) {
  const int64_t days = seconds / 86400;
  const int64_t hours = seconds % 86400 / 3600;
  if (days > 0) return absl::StrCat(days, "d ", hours, "u");
  if (hours > 0) return absl::StrCat(hours, "u");
  return absl::StrCat(seconds / 60, "m");
}

// Time left on a term: "3d 4u", or "TE LAAT/OVERDUE 2u".
std::string TimeLeft(int64_t seconds_left, bool overdue) {
  if (overdue || seconds_left <= 0) {
    return absl::StrCat("TE LAAT/OVERDUE ", Span(seconds_left < 0 ? -seconds_left : 0));
  }
  return Span(seconds_left);
}

// --- Readable enum values ----------------------------------------------------------------------

std::string KindText(v1::ReportKind kind) {
  switch (kind) {
    case v1::REPORT_KIND_ADVICE:
      return "advies/advice";
    case v1::REPORT_KIND_REPORT:
      return "melding/report";
    default:
      return "?";
  }
}

std::string ReporterText(v1::ReporterType type) {
  switch (type) {
    case v1::REPORTER_TYPE_PROFESSIONAL:
      return "professional";
    case v1::REPORTER_TYPE_CITIZEN:
      return "burger/citizen";
    case v1::REPORTER_TYPE_POLICE:
      return "politie/police";
    default:
      return "?";
  }
}

std::string RoleText(v1::ReportedRole role) {
  switch (role) {
    case v1::REPORTED_ROLE_VICTIM:
      return "slachtoffer/victim";
    case v1::REPORTED_ROLE_SUSPECTED_PERPETRATOR:
      return "vermoedelijke pleger/suspected perpetrator";
    case v1::REPORTED_ROLE_CHILD:
      return "kind/child";
    case v1::REPORTED_ROLE_HOUSEHOLD_MEMBER:
      return "huisgenoot/household member";
    default:
      return "?";
  }
}

std::string StateText(v1::ReportState state) {
  switch (state) {
    case v1::REPORT_STATE_OPEN:
      return "open";
    case v1::REPORT_STATE_ASSESSED:
      return "beoordeeld/assessed";
    case v1::REPORT_STATE_CLOSED:
      return "gesloten/closed";
    default:
      return "?";
  }
}

std::string MatchText(const std::string& on) {
  if (on == "bsn") return "BSN";
  if (on == "name_dob") return "naam+geboortedatum/name+date of birth";
  if (on == "name_dob_folded") return "naam zonder accenten+geboortedatum/name without accents+dob";
  if (on == "address") return "adres/address";
  return on;
}

// --- One report --------------------------------------------------------------------------------

// A short readable account of a report in an answer (stderr, before the message itself), so its
// terms and holder read in Amsterdam time; nothing with --json.
void PrintReportSummary(const v1::Report& r) {
  if (absl::GetFlag(FLAGS_json) || r.id().empty()) return;
  std::cerr << KindText(r.input().kind()) << " " << r.id() << " (" << StateText(r.state())
            << "): ONTVANGEN/RECEIVED " << DutchTime(r.input().received_at());
  if (r.has_acute_due()) std::cerr << ", ACUUT/ACUTE tot/until " << DutchTerm(r.acute_due());
  if (r.has_assessment_due()) {
    std::cerr << ", TERMIJN/DUE " << DutchTerm(r.assessment_due());
  }
  if (!r.claimed_by().empty()) {
    std::cerr << ", IN BEHANDELING BIJ/HELD BY " << r.claimed_by() << " sinds/since "
              << DutchTime(r.claim_time());
  }
  std::cerr << "\n";
}

template <typename Response>
void BeforePrint(const Response& response) {
  if constexpr (requires { response.report(); }) PrintReportSummary(response.report());
}

template <typename Request, typename Response, typename Method>
int Call(Method method, const Request& request) {
  return CallAndPrint<IntakeService, Request, Response>(method, request, &BeforePrint<Response>);
}

// --- submit ------------------------------------------------------------------------------------

// Reads `file` (protobuf JSON) as the whole `request` or, failing that, as its `part` only (the
// report of a SubmitReportRequest, the assessment of an AssessReportRequest); says why when it is
// neither.
bool RequestFromJson(const std::string& file, google::protobuf::Message& request,
                     google::protobuf::Message& part) {
  auto json = ReadFileToString(file);
  if (!json.ok()) {
    UsageError(absl::StrCat("--from-json: ", json.status().message()));
    return false;
  }
  // Parsed into a copy: a failed parse leaves `request` (and so `part`) untouched.
  std::unique_ptr<google::protobuf::Message> whole(request.New());
  if (google::protobuf::util::JsonStringToMessage(*json, whole.get()).ok()) {
    request.CopyFrom(*whole);
    return true;
  }
  if (auto as_part = google::protobuf::util::JsonStringToMessage(*json, &part); !as_part.ok()) {
    UsageError(absl::StrCat("--from-json: ", file, " is neither a ", part.GetTypeName(), " nor a ",
                            request.GetTypeName(),
                            " in protobuf JSON: ", as_part.message().ToString()));
    return false;
  }
  return true;
}

int Submit(const Args& args) {
  if (!NoArguments(args)) return 2;
  const std::string file = absl::GetFlag(FLAGS_from_json);
  if (!Required("submit", {{"from-json", file}})) return 2;
  // A whole SubmitReportRequest ({"requestId": ..., "report": {...}}), or just the report.
  v1::SubmitReportRequest r;
  if (!RequestFromJson(file, r, *r.mutable_report())) return 2;
  // --request-id, else the file's, else a fresh one.
  if (!absl::GetFlag(FLAGS_request_id).empty() || r.request_id().empty()) {
    r.set_request_id(RequestId());
  }
  auto channel = Connect(IntakeService::service_full_name());
  if (!channel.ok()) return UsageError(channel.status().message());
  auto stub = IntakeService::NewStub(*channel);
  v1::SubmitReportResponse response;
  auto ctx = NewContext();
  const grpc::Status status = stub->SubmitReport(ctx.get(), r, &response);
  if (!status.ok()) return PrintRpcError(status);
  if (absl::GetFlag(FLAGS_json)) {
    Print(response);
    return 0;
  }
  if (response.duplicate()) {
    std::cerr << "al eerder ontvangen / received before (external_reference "
              << r.report().external_reference() << "): nothing changed\n";
  }
  std::cout << response.report_id() << "\n";
  return 0;
}

// --- queue -------------------------------------------------------------------------------------

int Queue(const Args& args) {
  if (!NoArguments(args)) return 2;
  v1::ListTriageQueueRequest r;
  r.set_mine(absl::GetFlag(FLAGS_mine));
  r.set_page_size(absl::GetFlag(FLAGS_page_size));
  r.set_page_token(absl::GetFlag(FLAGS_page_token));
  auto channel = Connect(IntakeService::service_full_name());
  if (!channel.ok()) return UsageError(channel.status().message());
  auto stub = IntakeService::NewStub(*channel);
  v1::ListTriageQueueResponse response;
  auto ctx = NewContext();
  const grpc::Status status = stub->ListTriageQueue(ctx.get(), r, &response);
  if (!status.ok()) return PrintRpcError(status);
  if (absl::GetFlag(FLAGS_json)) {
    Print(response);
    return 0;
  }
  std::cout << "Triagewachtrij / triage queue" << (r.mine() ? " (mijn/mine)" : "") << ": "
            << response.total() << " open, " << LocalTime(absl::Now()) << " (Europe/Amsterdam)\n";
  if (response.rows().empty()) {
    std::cout << "(leeg / empty)\n";
    return 0;
  }
  Table table({{"ACUUT/ACUTE"},
               {"MELDING/REPORT", 0},
               {"SOORT/KIND"},
               {"VAN/FROM"},
               {"ONTVANGEN/RECEIVED"},
               {"TERMIJN/DUE"},
               {"RESTEREND/LEFT"},
               {"BEHANDELAAR/HOLDER", 0},
               {"RADAR", Table::kDefaultMaxWidth, true},
               {"HERHAALD/REPEAT"}});
  for (const v1::TriageRow& row : response.rows()) {
    const bool term = row.has_due();
    table.AddRow({
        row.acute() ? "!! ACUUT" : "",
        row.report_id(),
        KindText(row.kind()),
        ReporterText(row.reporter_type()),
        DutchTime(row.received_at()),
        term ? DutchTerm(row.due()) : "-",
        term ? TimeLeft(row.seconds_left(), row.overdue()) : "geen termijn/no term",
        row.claimed_by().empty() ? "-" : row.claimed_by(),
        absl::StrCat(row.radar_earlier()),
        row.repeat() ? "HERHAALD/REPEAT" : "",
    });
  }
  table.Print(std::cout);
  if (!response.next_page_token().empty()) {
    std::cout << "volgende pagina / next page: --page-token=" << response.next_page_token() << "\n";
  }
  return 0;
}

// --- radar -------------------------------------------------------------------------------------

void PrintHits(const google::protobuf::RepeatedPtrField<v1::RadarHit>& hits) {
  for (const v1::RadarHit& hit : hits) {
    std::vector<std::string> on;
    for (const std::string& m : hit.matched_on()) on.push_back(MatchText(m));
    std::cout << "    " << DutchTime(hit.received_at()) << "  " << KindText(hit.kind()) << "  "
              << hit.report_id() << "  " << StateText(hit.state()) << "  via "
              << absl::StrJoin(on, ", ") << "\n";
  }
}

template <typename Radar>
std::string Counts(const Radar& radar) {
  if (radar.ever() == 0) return "geen eerdere / none earlier";
  return absl::StrCat(radar.ever(), " eerder/earlier (", radar.last_12_months(),
                      " in de laatste 12 maanden/in the last 12 months)");
}

int Radar(const std::string& report_id) {
  v1::GetRadarRequest r;
  r.set_report_id(report_id);
  auto channel = Connect(IntakeService::service_full_name());
  if (!channel.ok()) return UsageError(channel.status().message());
  auto stub = IntakeService::NewStub(*channel);
  v1::GetRadarResponse response;
  auto ctx = NewContext();
  const grpc::Status status = stub->GetRadar(ctx.get(), r, &response);
  if (!status.ok()) return PrintRpcError(status);
  if (absl::GetFlag(FLAGS_json)) {
    Print(response);
    return 0;
  }
  std::cout << "Radar, melding/report " << response.report_id() << ": " << response.earlier_ever()
            << " eerdere meldingen en adviezen/earlier reports and "
            << "advice requests, " << response.earlier_last_12_months()
            << " in de laatste 12 maanden/in the last 12 months"
            << (response.repeat() ? "  -- HERHAALD/REPEAT" : "") << "\n";
  std::cout << "Personen / persons:\n";
  if (response.persons().empty()) std::cout << "  -\n";
  for (const v1::PersonRadar& p : response.persons()) {
    std::cout << "  " << p.person_id() << " (" << RoleText(p.role()) << "): " << Counts(p) << "\n";
    PrintHits(p.hits());
  }
  std::cout << "Adressen / addresses:\n";
  if (response.addresses().empty()) std::cout << "  -\n";
  for (const v1::AddressRadar& a : response.addresses()) {
    std::cout << "  " << a.address() << ": " << Counts(a) << "\n";
    PrintHits(a.hits());
  }
  return 0;
}

}  // namespace

int RunIntakeCommand(const Args& args) {
  const std::string verb = args.empty() ? "" : args[0];
  if (verb == "help") {
    std::cout << "schakelctl [--as=NAME] intake COMMAND ...\n" << kUsage;
    return 0;
  }
  if (verb == "submit") return Submit(args);
  if (verb == "import") return RunIntakeImport(args, UsageOf("import"));
  if (verb == "queue") return Queue(args);
  if (verb == "feedback" || verb == "complete" || verb == "report" || verb == "handed" ||
      verb == "answer" || verb == "retention" || verb == "hold" || verb == "destruction" ||
      verb == "close") {
    return RunIntakeReportCommand(args);
  }
  static constexpr const char* kWithReport[] = {"get",     "claim",  "release",
                                                "convert", "assess", "radar"};
  if (std::find(std::begin(kWithReport), std::end(kWithReport), verb) == std::end(kWithReport)) {
    return UsageError(absl::StrCat(
        verb.empty() ? "which intake command?" : "unknown intake command '" + verb + "'", "\n",
        kUsage));
  }
  const std::string report_id = ReportIdArg(args);
  if (report_id.empty()) return 2;

  if (verb == "get") {
    v1::GetReportRequest r;
    r.set_report_id(report_id);
    r.set_purpose(absl::GetFlag(FLAGS_purpose));
    return Call<v1::GetReportRequest, v1::GetReportResponse>(&IntakeService::Stub::GetReport, r);
  }
  if (verb == "claim") {
    v1::ClaimReportRequest r;
    r.set_report_id(report_id);
    r.set_request_id(RequestId());
    return Call<v1::ClaimReportRequest, v1::ClaimReportResponse>(&IntakeService::Stub::ClaimReport,
                                                                 r);
  }
  if (verb == "release") {
    v1::ReleaseReportRequest r;
    r.set_report_id(report_id);
    r.set_request_id(RequestId());
    return Call<v1::ReleaseReportRequest, v1::ReleaseReportResponse>(
        &IntakeService::Stub::ReleaseReport, r);
  }
  if (verb == "convert") {
    v1::ConvertAdviceRequest r;
    r.set_report_id(report_id);
    r.set_reason(absl::GetFlag(FLAGS_reason));
    if (!Required(verb, {{"reason", r.reason()}})) return 2;
    r.set_etag(absl::GetFlag(FLAGS_etag));
    r.set_request_id(RequestId());
    return Call<v1::ConvertAdviceRequest, v1::ConvertAdviceResponse>(
        &IntakeService::Stub::ConvertAdvice, r);
  }
  if (verb == "assess") {
    v1::AssessReportRequest r;
    const std::string file = absl::GetFlag(FLAGS_from_json);
    if (!Required(verb, {{"from-json", file}})) return 2;
    if (!RequestFromJson(file, r, *r.mutable_assessment())) return 2;
    r.set_report_id(report_id);
    if (const std::string etag = absl::GetFlag(FLAGS_etag); !etag.empty()) r.set_etag(etag);
    // --request-id, else the file's, else a fresh one.
    if (!absl::GetFlag(FLAGS_request_id).empty() || r.request_id().empty()) {
      r.set_request_id(RequestId());
    }
    return Call<v1::AssessReportRequest, v1::AssessReportResponse>(
        &IntakeService::Stub::AssessReport, r);
  }
  // radar
  return Radar(report_id);
}

}  // namespace schakel::cli
