// schakelctl intake feedback | complete | report | retention | hold | destruction: feedback to the
// reporter (terugkoppeling), the end of an investigation, the VT supervisor's figures with their
// CSV export, and retention: what will be destroyed, legal holds, requests to destroy a report.
#include <fstream>
#include <iostream>
#include <string>

#include <google/protobuf/util/time_util.h>

#include "absl/flags/declare.h"
#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "client/cli/cli.h"
#include "client/cli/readable.h"
#include "client/cli/table.h"
#include "schakel/v1/intake.grpc.pb.h"
#include "services/common/calendar.h"

ABSL_FLAG(bool, include_done, false, "intake feedback: also the tasks done in the last 30 days");
ABSL_FLAG(std::string, occasion, "assessment",
          "intake feedback: after the 'assessment' or the 'investigation'");
ABSL_FLAG(std::string, method, "", "intake feedback: phone, mail, letter or in-person");
ABSL_FLAG(std::string, given_at, "",
          "intake feedback: when it was given, YYYY-MM-DD HH:MM Europe/Amsterdam (default now)");
ABSL_FLAG(bool, follow_up_started, false,
          "intake feedback: the reporter was told follow-up started");
ABSL_FLAG(std::string, taken_over_by, "", "intake feedback: who took over (not for a citizen)");
ABSL_FLAG(std::string, reporter_part, "",
          "intake feedback: the reporter's own part in the agreements (not for a citizen)");
ABSL_FLAG(std::string, conclusion, "", "intake complete: the investigation's conclusion");
ABSL_FLAG(std::string, follow_up, "",
          "intake complete: end-of-involvement, handover, conditions-follow-up, mda-plus-plus or "
          "child-protection-board");

ABSL_FLAG(bool, accept, false, "intake answer: accept the handover (else --decline --reason)");
ABSL_FLAG(bool, decline, false, "intake answer: decline the handover, with --reason");
ABSL_FLAG(int, within_days, 0,
          "intake retention: what will be destroyed within N days (default 31)");
ABSL_FLAG(bool, lift, false, "intake hold: lift the legal hold");
ABSL_FLAG(bool, grant, false, "intake destruction: grant the request (destroys the report now)");
ABSL_FLAG(bool, refuse, false, "intake destruction: refuse the request");
ABSL_FLAG(std::string, requested_by, "",
          "intake destruction: who asked, e.g. 'betrokkene (moeder)'");
ABSL_DECLARE_FLAG(std::string, reason);
ABSL_DECLARE_FLAG(int, page_size);
ABSL_DECLARE_FLAG(std::string, page_token);
ABSL_DECLARE_FLAG(std::string, from);
ABSL_DECLARE_FLAG(std::string, to);
ABSL_DECLARE_FLAG(std::string, note);
ABSL_DECLARE_FLAG(bool, csv);
ABSL_DECLARE_FLAG(std::string, etag);
ABSL_DECLARE_FLAG(std::string, id);
ABSL_DECLARE_FLAG(bool, json);

namespace schakel::cli {
namespace {

using v1::IntakeService;

std::string Percent(double share) { return absl::StrFormat("%.1f%%", share * 100); }

std::string Verdict(const v1::NormShare& s) {
  if (s.measured() == 0) return "niets gemeten / nothing measured";
  return absl::StrCat(Percent(s.share()), " (", s.on_time(), "/", s.measured(), ") tegen norm/",
                      "against norm ", Percent(s.norm()), ": ",
                      s.met() ? "GEHAALD/MET" : "NIET GEHAALD/NOT MET");
}

std::string ReporterText(v1::ReporterType type, v1::FeedbackScope scope) {
  std::string who = type == v1::REPORTER_TYPE_POLICE         ? "politie/police"
                    : type == v1::REPORTER_TYPE_PROFESSIONAL ? "professional"
                                                             : "burger/citizen";
  if (scope == v1::FEEDBACK_SCOPE_LIMITED) who += " (beperkt/limited)";
  return who;
}

template <typename Request, typename Response, typename Method>
int CallIntake(Method method, const Request& request, Response& response) {
  return Call<IntakeService>(method, request, response);
}

// --- feedback ----------------------------------------------------------------------------------

int ListTasks() {
  v1::ListFeedbackTasksRequest r;
  r.set_include_done(absl::GetFlag(FLAGS_include_done));
  v1::ListFeedbackTasksResponse response;
  if (int rc = CallIntake(&IntakeService::Stub::ListFeedbackTasks, r, response); rc != 0) {
    return rc;
  }
  if (absl::GetFlag(FLAGS_json)) {
    Print(response);
    return 0;
  }
  std::cout << "Terugkoppeling aan melders / feedback to reporters: " << response.open()
            << " open, " << response.overdue() << " te laat/overdue\n";
  if (response.tasks().empty()) {
    std::cout << "(leeg / empty)\n";
    return 0;
  }
  Table table({{"TE LAAT/OVERDUE"},
               {"MELDING/REPORT", 0},
               {"MOMENT/OCCASION"},
               {"MELDER/REPORTER"},
               {"BEHANDELAAR/ASSIGNEE", 0},
               {"TAAK/TASK", 0}});
  for (const v1::FeedbackTask& t : response.tasks()) {
    table.AddRow({t.overdue() ? "!! TE LAAT" : "", t.report_id(),
                  t.occasion() == v1::FEEDBACK_OCCASION_INVESTIGATION
                      ? "na onderzoek/after investigation"
                      : "na beoordeling/after assessment",
                  ReporterText(t.reporter_type(), t.scope()), t.assignee(), t.text()});
  }
  table.Print(std::cout);
  return 0;
}

int RecordGiven(const std::string& report_id) {
  v1::RecordFeedbackRequest r;
  r.set_request_id(RequestId());
  r.set_report_id(report_id);
  const std::string occasion = absl::GetFlag(FLAGS_occasion);
  if (occasion == "assessment") {
    r.set_occasion(v1::FEEDBACK_OCCASION_ASSESSMENT);
  } else if (occasion == "investigation") {
    r.set_occasion(v1::FEEDBACK_OCCASION_INVESTIGATION);
  } else {
    return UsageError("--occasion: 'assessment' or 'investigation'");
  }
  v1::FeedbackGiven* f = r.mutable_feedback();
  const std::string method = absl::GetFlag(FLAGS_method);
  if (method.empty()) return UsageError("--method: phone, mail, letter or in-person");
  v1::FeedbackMethod m = v1::FEEDBACK_METHOD_UNSPECIFIED;
  if (!EnumFlag("method", "schakel.v1.FeedbackMethod", method, m)) return 2;
  f->set_method(m);
  absl::Time given = absl::Now();
  if (const std::string at = absl::GetFlag(FLAGS_given_at); !at.empty()) {
    std::string err;
    if (!absl::ParseTime("%Y-%m-%d %H:%M", at, calendar::Amsterdam(), &given, &err)) {
      return UsageError(absl::StrCat("--given-at: YYYY-MM-DD HH:MM (", err, ")"));
    }
  }
  *f->mutable_given_at() =
      google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(given));
  f->set_follow_up_started(absl::GetFlag(FLAGS_follow_up_started));
  f->set_taken_over_by(absl::GetFlag(FLAGS_taken_over_by));
  f->set_reporter_part(absl::GetFlag(FLAGS_reporter_part));
  f->set_note(absl::GetFlag(FLAGS_note));
  if (f->note().empty()) return UsageError("--note: what was told, in short");
  v1::RecordFeedbackResponse response;
  if (int rc = CallIntake(&IntakeService::Stub::RecordFeedback, r, response); rc != 0) return rc;
  if (!absl::GetFlag(FLAGS_json)) std::cerr << response.task().text() << "\n";
  Print(response);
  return 0;
}

// --- complete ----------------------------------------------------------------------------------

int Complete(const std::string& report_id) {
  v1::CompleteInvestigationRequest r;
  r.set_request_id(RequestId());
  r.set_report_id(report_id);
  r.set_etag(absl::GetFlag(FLAGS_etag));
  r.set_conclusion(absl::GetFlag(FLAGS_conclusion));
  r.set_follow_up_note(absl::GetFlag(FLAGS_note));
  const std::string follow_up = absl::GetFlag(FLAGS_follow_up);
  if (r.conclusion().empty() || follow_up.empty()) {
    return UsageError("intake complete REPORT_ID --conclusion=TEXT --follow-up=WHAT [--note=TEXT]");
  }
  v1::InvestigationFollowUp f = v1::INVESTIGATION_FOLLOW_UP_UNSPECIFIED;
  if (!EnumFlag("follow-up", "schakel.v1.InvestigationFollowUp", follow_up, f)) return 2;
  r.set_follow_up(f);
  v1::CompleteInvestigationResponse response;
  if (int rc = CallIntake(&IntakeService::Stub::CompleteInvestigation, r, response); rc != 0) {
    return rc;
  }
  if (!absl::GetFlag(FLAGS_json) && !response.feedback().report_id().empty()) {
    std::cerr << response.feedback().text() << "\n";
  }
  Print(response);
  return 0;
}

// --- report ------------------------------------------------------------------------------------

void PrintCounts(absl::string_view title,
                 const google::protobuf::RepeatedPtrField<v1::IntakeCount>& counts) {
  std::cout << title << ":\n";
  Table table({{"", 48}, {"", 0, true}});
  table.set_show_header(false);
  for (const v1::IntakeCount& c : counts)
    table.AddRow({EnumNameWords(c.value()), absl::StrCat(c.count())});
  table.Print(std::cout, "  ");
}

// report --from=D --to=D [--csv [FILE]]: the figures as text; with --csv the CSV, to FILE (and the
// text to stdout) or alone to stdout, so that `report --csv > report.csv` is the file.
int Report(const Args& args) {
  if (args.size() > 2 || (args.size() == 2 && !absl::GetFlag(FLAGS_csv))) {
    return UsageError(absl::StrCat("unexpected argument '", args.back(), "'"));
  }
  v1::GetIntakeReportRequest r;
  const std::string from = absl::GetFlag(FLAGS_from), to = absl::GetFlag(FLAGS_to);
  if (from.empty() || to.empty()) {
    return UsageError("intake report --from=YYYY-MM-DD --to=YYYY-MM-DD [--csv [FILE]]");
  }
  if (!DateFlag("from", from, *r.mutable_from()) || !DateFlag("to", to, *r.mutable_to())) return 2;
  r.set_csv(absl::GetFlag(FLAGS_csv));
  v1::GetIntakeReportResponse response;
  if (int rc = CallIntake(&IntakeService::Stub::GetIntakeReport, r, response); rc != 0) return rc;
  const std::string file = args.size() == 2 ? args[1] : "";
  if (r.csv() && file.empty()) {
    std::cout << response.csv();
    return 0;
  }
  if (!file.empty()) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << response.csv();
    if (!out.good()) return UsageError(absl::StrCat("cannot write ", file));
    std::cerr << "CSV: " << file << "\n";
  }
  if (absl::GetFlag(FLAGS_json)) {
    Print(response.report());
    return 0;
  }
  const v1::IntakeReport& rep = response.report();
  std::cout << "Intake " << EnumNameWords(v1::Region_Name(rep.region())) << ", " << from
            << " t/m/to " << to << ": " << rep.received() << " ontvangen/received\n";
  PrintCounts("Soort / kind", rep.by_kind());
  PrintCounts("Kanaal / channel", rep.by_channel());
  PrintCounts("Route", rep.by_route());
  PrintCounts("Geweldsvorm / violence kind", rep.by_violence_kind());
  std::cout << "Veiligheidsbeoordeling binnen 5 werkdagen / assessment within 5 working days: "
            << Verdict(rep.assessments()) << "\n";
  std::cout << "Onderzoek binnen 10 weken / investigation within 10 weeks: "
            << Verdict(rep.investigations()) << "\n";
  std::cout << "Nu te laat / overdue now: " << rep.overdue_assessments()
            << " beoordelingen/assessments, " << rep.overdue_investigations()
            << " onderzoeken/investigations, " << rep.overdue_feedback()
            << " terugkoppelingen/feedback\n";
  Table overdue({{"", 0}, {""}, {""}});
  overdue.set_show_header(false);
  for (const v1::OverdueItem& o : rep.overdue()) {
    overdue.AddRow({o.report_id(), o.what(), LocalTime(o.due())});
  }
  overdue.Print(std::cout, "  ");
  std::cout << "Terugkoppeling / feedback: " << rep.feedback_tasks() << " taken/tasks, "
            << rep.feedback_given() << " gegeven/given (" << rep.feedback_given_on_time()
            << " op tijd/on time), " << rep.feedback_overdue() << " te laat/overdue\n";
  return 0;
}

}  // namespace

// --- handed reports (route HANDOVER, for the receiving organisation) ----------------------------

int Handed() {
  v1::ListHandedReportsRequest r;
  r.set_include_answered(absl::GetFlag(FLAGS_include_done));
  v1::ListHandedReportsResponse response;
  if (int rc = CallIntake(&IntakeService::Stub::ListHandedReports, r, response); rc != 0) return rc;
  Print(response);
  return 0;
}

int Answer(const std::string& report_id) {
  const bool accept = absl::GetFlag(FLAGS_accept), decline = absl::GetFlag(FLAGS_decline);
  if (report_id.empty() || accept == decline) {
    return UsageError("intake answer REPORT_ID --accept | --decline --reason=TEXT");
  }
  v1::AnswerReportHandoverRequest r;
  r.set_request_id(RequestId());
  r.set_report_id(report_id);
  r.set_accept(accept);
  r.set_decline_reason(absl::GetFlag(FLAGS_reason));
  v1::AnswerReportHandoverResponse response;
  if (int rc = CallIntake(&IntakeService::Stub::AnswerReportHandover, r, response); rc != 0) {
    return rc;
  }
  Print(response);
  return 0;
}

// Closes a file that does not close by itself (CloseReport).
int Close(const std::string& report_id) {
  if (report_id.empty()) return UsageError("intake close REPORT_ID --reason=TEXT [--etag=E]");
  v1::CloseReportRequest r;
  r.set_request_id(RequestId());
  r.set_report_id(report_id);
  r.set_reason(absl::GetFlag(FLAGS_reason));
  r.set_etag(absl::GetFlag(FLAGS_etag));
  v1::CloseReportResponse response;
  if (int rc = CallIntake(&IntakeService::Stub::CloseReport, r, response); rc != 0) return rc;
  Print(response);
  return 0;
}

// --- retention (VT supervisors) ------------------------------------------------------------------

std::string HoldText(const v1::RetentionItem& item) {
  if (!item.legal_hold()) return "";
  return absl::StrCat("BLOKKADE/HOLD: ", item.legal_hold_reason(), " (", item.legal_hold_by(), ")");
}

int Retention() {
  v1::ListRetentionRequest r;
  r.set_within_days(absl::GetFlag(FLAGS_within_days));
  r.set_page_size(absl::GetFlag(FLAGS_page_size));
  r.set_page_token(absl::GetFlag(FLAGS_page_token));
  v1::ListRetentionResponse response;
  if (int rc = CallIntake(&IntakeService::Stub::ListRetention, r, response); rc != 0) return rc;
  if (absl::GetFlag(FLAGS_json)) {
    Print(response);
    return 0;
  }
  const int within = r.within_days() > 0 ? r.within_days() : 31;
  std::cout << "Te vernietigen binnen " << within << " dagen / to be destroyed within " << within
            << " days (bewaartermijn/retention " << response.retention_years()
            << " jaar/years na afsluiting/after closure)\n";
  if (response.items().empty()) {
    std::cout << "(niets / nothing)\n";
    return 0;
  }
  Table table({{"MELDING/REPORT", 0},
               {"SOORT/KIND"},
               {"ONTVANGEN/RECEIVED"},
               {"AFGESLOTEN/CLOSED"},
               {"VERNIETIGD OP/DESTROYED ON"},
               {"", 80}});
  for (const v1::RetentionItem& item : response.items()) {
    table.AddRow({item.report_id(), EnumNameWords(v1::ReportKind_Name(item.kind())),
                  LocalTime(item.received_at()), LocalTime(item.closed_at()),
                  item.legal_hold() ? "-" : LocalDate(item.destroy_on()), HoldText(item)});
  }
  table.Print(std::cout);
  if (!response.next_page_token().empty()) {
    std::cout << "meer / more: --page-token=" << response.next_page_token() << "\n";
  }
  return 0;
}

int Hold(const std::string& report_id) {
  if (report_id.empty()) return UsageError("intake hold REPORT_ID --reason=TEXT | --lift");
  v1::SetLegalHoldRequest r;
  r.set_request_id(RequestId());
  r.set_report_id(report_id);
  r.set_hold(!absl::GetFlag(FLAGS_lift));
  r.set_reason(absl::GetFlag(FLAGS_reason));
  v1::SetLegalHoldResponse response;
  if (int rc = CallIntake(&IntakeService::Stub::SetLegalHold, r, response); rc != 0) return rc;
  Print(response);
  return 0;
}

int Destruction(const std::string& report_id) {
  const bool grant = absl::GetFlag(FLAGS_grant), refuse = absl::GetFlag(FLAGS_refuse);
  if (report_id.empty() || grant == refuse) {
    return UsageError(
        "intake destruction REPORT_ID --grant | --refuse --reason=TEXT --requested-by=TEXT");
  }
  v1::DecideDestructionRequestRequest r;
  r.set_request_id(RequestId());
  r.set_report_id(report_id);
  r.set_decision(grant ? v1::DESTRUCTION_DECISION_GRANTED : v1::DESTRUCTION_DECISION_REFUSED);
  r.set_reason(absl::GetFlag(FLAGS_reason));
  r.set_requested_by(absl::GetFlag(FLAGS_requested_by));
  v1::DecideDestructionRequestResponse response;
  if (int rc = CallIntake(&IntakeService::Stub::DecideDestructionRequest, r, response); rc != 0) {
    return rc;
  }
  Print(response);
  return 0;
}

int RunIntakeReportCommand(const Args& args) {
  const std::string verb = args.empty() ? "" : args[0];
  if (verb == "report") return Report(args);
  if (verb == "handed") return Handed();
  if (verb == "retention") {
    if (args.size() > 1) return UsageError(absl::StrCat("unexpected argument '", args[1], "'"));
    return Retention();
  }
  if (args.size() > 2) {
    return UsageError(
        absl::StrCat("unexpected argument '", args[2], "' (quote texts with spaces)"));
  }
  const std::string report_id = args.size() > 1 ? args[1] : absl::GetFlag(FLAGS_id);
  if (verb == "complete") {
    if (report_id.empty()) return UsageError("which report? intake complete REPORT_ID ...");
    return Complete(report_id);
  }
  if (verb == "answer") return Answer(report_id);
  if (verb == "close") return Close(report_id);
  if (verb == "hold") return Hold(report_id);
  if (verb == "destruction") return Destruction(report_id);
  // feedback: the list, or with a report the feedback given.
  if (report_id.empty()) return ListTasks();
  return RecordGiven(report_id);
}

}  // namespace schakel::cli
