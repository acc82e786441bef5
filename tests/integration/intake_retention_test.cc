// Retention and destruction of Veilig Thuis files through the real service on the fake clock: the
// term after closure, the supervisors' list of what will be destroyed, legal holds, the daily job,
// and decisions on requests to destroy an unfounded report. Destroyed means: the report's data key
// shredded, its ciphertexts and radar keys gone from every file of the data directory (the WAL
// included), and the audit log's proofs still valid.
#include <map>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "schakel/v1/audit.grpc.pb.h"
#include "tests/integration/intake_fixture.h"
#include "tests/support/file_scan.h"

namespace schakel::testing {
namespace {

using namespace intake_world;

// A report about one family (a victim of `name`, living at `postcode` `number`).
v1::ReportInput Family(const std::string& name, const std::string& postcode,
                       const std::string& number) {
  v1::ReportInput in = ProfessionalReport();
  in.clear_persons();
  *in.add_persons() =
      ReportedPersonOf(name, 1991, 4, 23, v1::REPORTED_ROLE_VICTIM, "", postcode, number);
  in.set_description("Buren horen geschreeuw en slaan; " + name + " durft niet naar huis.");
  return in;
}

v1::SafetyAssessment EndOfInvolvement() {
  v1::SafetyAssessment a = Assessment(v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT);
  a.mutable_end()->set_reason("Gezin woont gescheiden; hulp loopt via de huisarts.");
  return a;
}

std::vector<std::string> Column(IntakeWorld& w, const std::string& sql, const std::string& arg) {
  return ColumnOf(w.host().data_dir() / "intake.db", sql, arg);
}

// What report `id` has stored that only it may leave behind: its sealed body, its wrapped data key
// and its radar keys (blind indexes).
std::vector<std::string> StoredSecrets(IntakeWorld& w, const std::string& id) {
  std::vector<std::string> secrets = Column(w, "SELECT body FROM reports WHERE id = ?1", id);
  for (const std::string& k :
       Column(w, "SELECT wrapped FROM data_keys WHERE key_id = 'report/' || ?1", id)) {
    secrets.push_back(k);
  }
  for (const std::string& k : Column(w, "SELECT key FROM radar_keys WHERE report_id = ?1", id)) {
    secrets.push_back(k);
  }
  return secrets;
}

std::vector<std::string> FilesHolding(IntakeWorld& w, const std::string& bytes) {
  return testing::FilesHolding(w.host().data_dir(), bytes);
}

std::string FormatDay(const v1::Date& d) {
  return absl::StrFormat("%04d-%02d-%02d", d.year(), d.month(), d.day());
}

v1::ListRetentionResponse Retention(IntakeWorld& w, int within_days = 0) {
  v1::ListRetentionRequest req;
  req.set_within_days(within_days);
  v1::ListRetentionResponse resp;
  const grpc::Status st = w.I("vtsup")->ListRetention(ICtx().get(), req, &resp);
  EXPECT_TRUE(st.ok()) << st.error_message();
  return resp;
}

grpc::Status Hold(IntakeWorld& w, const std::string& id, bool hold, const std::string& reason) {
  v1::SetLegalHoldRequest req;
  req.set_request_id(NewRandomId());
  req.set_report_id(id);
  req.set_hold(hold);
  req.set_reason(reason);
  v1::SetLegalHoldResponse resp;
  return w.I("vtsup")->SetLegalHold(ICtx().get(), req, &resp);
}

grpc::Status Decide(IntakeWorld& w, const std::string& id, v1::DestructionDecision decision,
                    const std::string& request_id = "",
                    v1::DecideDestructionRequestResponse* resp = nullptr) {
  v1::DecideDestructionRequestRequest req;
  req.set_request_id(request_id.empty() ? NewRandomId() : request_id);
  req.set_report_id(id);
  req.set_decision(decision);
  req.set_reason("Bij het onderzoek bleek de melding ongegrond (besluit teamleider).");
  req.set_requested_by("betrokkene (vader)");
  v1::DecideDestructionRequestResponse ignored;
  return w.I("vtsup")->DecideDestructionRequest(ICtx().get(), req, resp ? resp : &ignored);
}

grpc::Status GetStatus(IntakeWorld& w, const std::string& id) {
  v1::GetReportRequest req;
  req.set_report_id(id);
  v1::GetReportResponse resp;
  return w.I("vt1")->GetReport(ICtx().get(), req, &resp);
}

int RunRetention(IntakeWorld& w) {
  absl::StatusOr<int> n = w.service().RunRetention();
  EXPECT_TRUE(n.ok()) << n.status();
  return n.value_or(-1);
}

std::unique_ptr<v1::AuditService::Stub> Auditor(IntakeWorld& w) {
  return v1::AuditService::NewStub(w.host().ChannelAs("auditor", kOperatorOrg));
}

std::vector<v1::QueriedEntry> AuditEntries(IntakeWorld& w, const std::string& event_type,
                                           const std::string& report_id) {
  EXPECT_TRUE(w.host().host().FlushOutboxes().ok());
  grpc::ClientContext ctx;
  v1::QueryEntriesRequest req;
  req.set_event_type(event_type);
  req.set_object_id(report_id);
  req.set_purpose("inspectie bewaartermijnen");
  req.set_page_size(100);
  v1::QueryEntriesResponse resp;
  const grpc::Status st = Auditor(w)->QueryEntries(&ctx, req, &resp);
  EXPECT_TRUE(st.ok()) << st.error_message();
  return {resp.entries().begin(), resp.entries().end()};
}

bool Proven(IntakeWorld& w, int64_t index) { return ProvenInLog(*Auditor(w), index); }

TEST(IntakeRetentionTest, AFilePastItsTermIsDestroyedEverywhereButUnderALegalHold) {
  IntakeWorld w;
  // A and B are about one family (the radar links them); C about another, under a legal hold.
  const std::string a = w.Submit("vt1", Family("Roos Verbeek", "2593 XZ", "41"));
  const std::string b = w.Submit("vt1", Family("Roos Verbeek", "2593 XZ", "41"));
  const std::string c = w.Submit("vt1", Family("Ilse Bakker", "2582 KL", "7"));
  for (const std::string& id : {a, b, c}) {
    const grpc::Status st = Assess(w, "vt1", id, EndOfInvolvement());
    ASSERT_TRUE(st.ok()) << st.error_message();
  }

  std::vector<std::string> secrets = StoredSecrets(w, a);
  for (const std::string& s : StoredSecrets(w, b)) secrets.push_back(s);
  ASSERT_GE(secrets.size(), 6u) << "bodies, keys and radar keys of A and B";
  for (const std::string& s : secrets) {
    ASSERT_GE(s.size(), 16u);
    ASSERT_FALSE(FilesHolding(w, s).empty()) << "the scan finds what is stored";
  }
  const auto submitted = AuditEntries(w, "intake.report.submitted", a);
  ASSERT_EQ(submitted.size(), 1u);
  const std::string hold_reason = "Strafzaak tegen de partner loopt (parketnummer 09-771234-26)";
  ASSERT_TRUE(Hold(w, c, true, hold_reason).ok());

  // Closed on 2026-01-05: kept 15 years (the default), destroyed on 2041-01-05.
  EXPECT_EQ(Retention(w).items_size(), 0);
  EXPECT_EQ(RunRetention(w), 0);
  w.clock().Set(AmsterdamTime(2040, 12, 20, 9));
  const v1::ListRetentionResponse due = Retention(w);
  EXPECT_EQ(due.retention_years(), 15);
  ASSERT_EQ(due.items_size(), 3);
  for (const v1::RetentionItem& item : due.items()) {
    EXPECT_EQ(item.destroy_on().year(), 2041);
    EXPECT_EQ(item.destroy_on().month(), 1);
    EXPECT_EQ(item.destroy_on().day(), 5);
    EXPECT_EQ(item.legal_hold(), item.report_id() == c) << item.report_id();
    if (item.report_id() == c) {
      EXPECT_EQ(item.legal_hold_reason(), hold_reason);
      EXPECT_EQ(item.legal_hold_by(), "vtsup");
    }
  }
  EXPECT_EQ(Retention(w, 7).items_size(), 0) << "not within a week";
  EXPECT_EQ(RunRetention(w), 0);
  w.clock().Set(AmsterdamTime(2041, 1, 4, 23, 59));
  EXPECT_EQ(RunRetention(w), 0) << "the last day of the term";

  w.clock().Set(AmsterdamTime(2041, 1, 5, 0, 1));
  EXPECT_EQ(RunRetention(w), 2);
  EXPECT_EQ(RunRetention(w), 0) << "once";
  for (const std::string& id : {a, b}) {
    const grpc::Status st = GetStatus(w, id);
    EXPECT_EQ(st.error_code(), grpc::StatusCode::NOT_FOUND) << id;
    EXPECT_TRUE(absl::StrContains(st.error_message(), "vernietigd op 2041-01-05"))
        << st.error_message();
    EXPECT_EQ(Column(w, "SELECT wrapped IS NULL FROM data_keys WHERE key_id = 'report/' || ?1", id),
              std::vector<std::string>{"1"})
        << "the key row stays, its key shredded";
  }
  // Under the legal hold: there, whole.
  EXPECT_EQ(Get(w, "vt1", c).input().persons(0).name(), "Ilse Bakker");
  // Nothing of A and B stays in any file, nor the hold's reason in plain text.
  for (const std::string& s : secrets) {
    EXPECT_EQ(FilesHolding(w, s), std::vector<std::string>{}) << "a secret of A or B is left";
  }
  EXPECT_EQ(FilesHolding(w, hold_reason), std::vector<std::string>{});
  // Each destruction is on record, and the audit log still proves what it held of them.
  EXPECT_EQ(AuditEntries(w, "intake.report.destroyed", a).size(), 1u);
  EXPECT_EQ(AuditEntries(w, "intake.report.destroyed", b).size(), 1u);
  EXPECT_TRUE(Proven(w, submitted[0].index()));
  // The supervisors' list keeps only C; lifting its hold lets the next run destroy it.
  ASSERT_EQ(Retention(w).items_size(), 1);
  ASSERT_TRUE(Hold(w, c, false, "").ok());
  EXPECT_EQ(RunRetention(w), 1);
  EXPECT_EQ(GetStatus(w, c).error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Retention(w).items_size(), 0);
}

TEST(IntakeRetentionTest, AGrantedRequestDestroysAnUnfoundedReportAtOnce) {
  IntakeWorld w;
  // Bad input: every field named, nothing written.
  v1::DecideDestructionRequestResponse resp;
  grpc::Status st = w.I("vtsup")->DecideDestructionRequest(
      ICtx().get(), v1::DecideDestructionRequestRequest(), &resp);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(st), (std::set<std::string>{"request_id", "report_id", "decision", "reason",
                                                 "requested_by"}));

  v1::SubmitReportRequest submit;
  submit.set_request_id("melding-sanne");
  *submit.mutable_report() = Family("Sanne de Vries", "2514 EA", "2");
  v1::SubmitReportResponse submitted;
  ASSERT_TRUE(w.I("vt1")->SubmitReport(ICtx().get(), submit, &submitted).ok());
  const std::string id = submitted.report_id();
  // Before the safety assessment nobody can call it unfounded.
  EXPECT_EQ(Decide(w, id, v1::DESTRUCTION_DECISION_GRANTED).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  ASSERT_TRUE(Assess(w, "vt1", id, EndOfInvolvement()).ok());
  // Not under a legal hold.
  ASSERT_TRUE(Hold(w, id, true, "Civiele procedure over het gezag").ok());
  EXPECT_EQ(Decide(w, id, v1::DESTRUCTION_DECISION_GRANTED).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  ASSERT_TRUE(Hold(w, id, false, "").ok());
  EXPECT_EQ(Hold(w, id, false, "").error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  // The GP is to be told of the assessment: a feedback task.
  auto open_tasks = [&] {
    v1::ListFeedbackTasksResponse tasks;
    EXPECT_TRUE(
        w.I("vtsup")->ListFeedbackTasks(ICtx().get(), v1::ListFeedbackTasksRequest(), &tasks).ok());
    int mine = 0;
    for (const v1::FeedbackTask& t : tasks.tasks()) mine += t.report_id() == id ? 1 : 0;
    return mine;
  };
  ASSERT_EQ(open_tasks(), 1);
  // Refused: kept.
  ASSERT_TRUE(Decide(w, id, v1::DESTRUCTION_DECISION_REFUSED).ok());
  EXPECT_TRUE(GetStatus(w, id).ok());
  const std::vector<std::string> secrets = StoredSecrets(w, id);

  // Granted: destroyed now; a retry answers the same and destroys nothing twice.
  v1::DecideDestructionRequestResponse granted, again;
  st = Decide(w, id, v1::DESTRUCTION_DECISION_GRANTED, "besluit-1", &granted);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_TRUE(granted.item().has_destroyed_at());
  ASSERT_TRUE(Decide(w, id, v1::DESTRUCTION_DECISION_GRANTED, "besluit-1", &again).ok());
  EXPECT_EQ(again.SerializeAsString(), granted.SerializeAsString());
  EXPECT_EQ(GetStatus(w, id).error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(open_tasks(), 0) << "the feedback not given lapses with the report";
  // The submission's stored answer held the report: a retry no longer gets it.
  v1::SubmitReportResponse replayed;
  st = w.I("vt1")->SubmitReport(ICtx().get(), submit, &replayed);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::NOT_FOUND) << st.error_message();
  EXPECT_FALSE(replayed.has_report());
  EXPECT_EQ(Decide(w, id, v1::DESTRUCTION_DECISION_GRANTED).error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(AuditEntries(w, "intake.report.destroyed", id).size(), 1u);
  EXPECT_EQ(AuditEntries(w, "intake.destruction_request.decided", id).size(), 2u);
  // Both decisions are kept (sealed); the report's secrets are gone from every file.
  EXPECT_EQ(Column(w,
                   "SELECT decision FROM destruction_requests WHERE report_id = ?1 "
                   "ORDER BY decided_at",
                   id)
                .size(),
            2u);
  EXPECT_EQ(FilesHolding(w, "betrokkene (vader)"), std::vector<std::string>{});
  for (const std::string& s : secrets) {
    EXPECT_EQ(FilesHolding(w, s), std::vector<std::string>{});
  }
}

// 29 February 2044 counted back 15 years is no day: a file closed on 1 March 2029 goes on
// 1 March 2044, not a day early.
TEST(IntakeRetentionTest, TheTermCountsLeapDaysAsTheCalendarDoes) {
  IntakeWorld w;
  w.clock().Set(AmsterdamTime(2029, 3, 1, 10));
  const std::string id = w.Submit("vt1", Family("Femke Smit", "2518 GH", "4"));
  ASSERT_TRUE(Assess(w, "vt1", id, EndOfInvolvement()).ok());
  const v1::ListRetentionResponse due = [&] {
    w.clock().Set(AmsterdamTime(2044, 2, 20, 10));
    return Retention(w);
  }();
  ASSERT_EQ(due.items_size(), 1);
  EXPECT_EQ(FormatDay(due.items(0).destroy_on()), "2044-03-01");
  w.clock().Set(AmsterdamTime(2044, 2, 29, 23, 59));
  EXPECT_EQ(RunRetention(w), 0) << "29 February is the term's last day";
  w.clock().Set(AmsterdamTime(2044, 3, 1, 0, 1));
  EXPECT_EQ(RunRetention(w), 1);
}

TEST(IntakeRetentionTest, OnlyTheRegionsVeiligThuisSupervisorsDecide) {
  IntakeWorld w;
  const std::string id = w.Submit("vt1", Family("Noor Jansen", "2516 AB", "9"));
  ASSERT_TRUE(Assess(w, "vt1", id, EndOfInvolvement()).ok());
  v1::SetLegalHoldRequest req;
  req.set_request_id(NewRandomId());
  req.set_report_id(id);
  req.set_hold(true);
  req.set_reason("Strafzaak");
  v1::SetLegalHoldResponse resp;
  for (const char* who : {"vt1", "utrecht", "auditor"}) {
    EXPECT_EQ(w.I(who)->SetLegalHold(ICtx().get(), req, &resp).error_code(),
              grpc::StatusCode::PERMISSION_DENIED)
        << who;
  }
  v1::ListRetentionRequest list;
  list.set_within_days(400);
  v1::ListRetentionResponse listed;
  const grpc::Status st = w.I("vtsup")->ListRetention(ICtx().get(), list, &listed);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(st), std::set<std::string>{"within_days"});
}

grpc::Status Close(IntakeWorld& w, const std::string& who, const std::string& id,
                   const std::string& request_id = NewRandomId(),
                   v1::CloseReportResponse* out = nullptr) {
  v1::CloseReportRequest req;
  req.set_request_id(request_id);
  req.set_report_id(id);
  req.set_reason("Advies gegeven: moeder belt de huisarts; geen melding nodig.");
  v1::CloseReportResponse ignored;
  return w.I(who)->CloseReport(ICtx().get(), req, out ? out : &ignored);
}

// An advice request and a report under Voorwaarden & Vervolg close only by hand; every other file
// closes by itself and is refused.
TEST(IntakeRetentionTest, AFileThatDoesNotCloseByItselfIsClosedByHand) {
  IntakeWorld w;
  v1::ReportInput advice_input = ProfessionalReport();
  advice_input.set_kind(v1::REPORT_KIND_ADVICE);
  const std::string advice = w.Submit("vt1", advice_input);
  const std::string monitored = w.Submit("vt1", ProfessionalReport());
  ASSERT_TRUE(Assess(w, "vt1", monitored, ConditionsFollowUp()).ok());
  const std::string ended = w.Submit("vt1", ProfessionalReport());
  ASSERT_TRUE(Assess(w, "vt1", ended, EndOfInvolvement()).ok());
  const std::string handed = w.Submit("vt1", ProfessionalReport());
  v1::SafetyAssessment to_team = Assessment(v1::ASSESSMENT_ROUTE_HANDOVER);
  to_team.set_structural_unsafety(false);
  to_team.mutable_handover()->set_receiving_organisation_id(kGgz);
  ASSERT_TRUE(Assess(w, "vt1", handed, to_team).ok());
  const std::string open = w.Submit("vt1", ProfessionalReport());

  // Bad input: every field named, nothing written.
  v1::CloseReportResponse resp;
  grpc::Status st = w.I("vt1")->CloseReport(ICtx().get(), v1::CloseReportRequest(), &resp);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(st), (std::set<std::string>{"request_id", "report_id", "reason"}));
  // Files that close by themselves (one did already), or are not assessed yet.
  st = Close(w, "vt1", handed);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_TRUE(absl::StrContains(st.error_message(), "sluit vanzelf")) << st.error_message();
  st = Close(w, "vt1", ended);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_TRUE(absl::StrContains(st.error_message(), "al afgesloten op 2026-01-05"))
      << st.error_message();
  st = Close(w, "vt1", open);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_TRUE(absl::StrContains(st.error_message(), "veiligheidsbeoordeling"));
  EXPECT_EQ(Close(w, "vtsup", advice).error_code(), grpc::StatusCode::PERMISSION_DENIED)
      << "the team closes a file, not its supervisor";

  // The advice, on Monday 5 January; a retry answers the same.
  v1::CloseReportResponse first;
  ASSERT_TRUE(Close(w, "vt1", advice, "afsluiten-advies", &first).ok());
  EXPECT_EQ(first.report().state(), v1::REPORT_STATE_CLOSED);
  EXPECT_EQ(first.report().closure().closed_by(), "vt1");
  v1::CloseReportResponse again;
  ASSERT_TRUE(Close(w, "vt1", advice, "afsluiten-advies", &again).ok());
  EXPECT_EQ(again.report().etag(), first.report().etag());
  st = Close(w, "vt1", advice);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_TRUE(absl::StrContains(st.error_message(), "al afgesloten op 2026-01-05"));
  EXPECT_EQ(w.Queue("vt1").rows_size(), 1)
      << "a closed advice leaves the queue; the open report stays";
  // The monitoring ends a week later.
  w.clock().Set(AmsterdamTime(2026, 1, 12, 9));
  ASSERT_TRUE(Close(w, "vt1", monitored).ok());
  EXPECT_EQ(Get(w, "vt1", monitored).state(), v1::REPORT_STATE_CLOSED);

  // Both have their term now, from their closing day.
  w.clock().Set(AmsterdamTime(2040, 12, 20, 9));
  std::map<std::string, std::string> due;
  const v1::ListRetentionResponse listed = Retention(w, 31);
  for (const v1::RetentionItem& item : listed.items()) {
    due[item.report_id()] = FormatDay(item.destroy_on());
  }
  EXPECT_EQ(due, (std::map<std::string, std::string>{
                     {advice, "2041-01-05"}, {ended, "2041-01-05"}, {monitored, "2041-01-12"}}));
  w.clock().Set(AmsterdamTime(2041, 1, 12, 9));
  EXPECT_EQ(RunRetention(w), 3);
  EXPECT_EQ(GetStatus(w, monitored).error_code(), grpc::StatusCode::NOT_FOUND);
}

// Reports assessed before the figures had columns of their own (migration 0003) have their route
// only in the sealed body: the daily job reads their closing from it.
TEST(IntakeRetentionTest, AReportAssessedBeforeMigration0003ClosesFromItsBody) {
  IntakeWorld w;
  const std::string ended = w.Submit("vt1", ProfessionalReport());
  ASSERT_TRUE(Assess(w, "vt1", ended, EndOfInvolvement()).ok());
  const std::string monitored = w.Submit("vt1", ProfessionalReport());
  ASSERT_TRUE(Assess(w, "vt1", monitored, ConditionsFollowUp()).ok());
  // As such a report was stored: no assessed_at, no route, never closed.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((w.host().data_dir() / "intake.db").string().c_str(), &db), SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  ASSERT_EQ(
      sqlite3_exec(db, "UPDATE reports SET assessed_at = NULL, route = NULL, closed_at = NULL",
                   nullptr, nullptr, nullptr),
      SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);
  w.clock().Set(AmsterdamTime(2040, 12, 20, 9));
  EXPECT_EQ(Retention(w).items_size(), 0) << "no closing known yet";
  EXPECT_EQ(RunRetention(w), 0);
  const v1::ListRetentionResponse due = Retention(w);
  ASSERT_EQ(due.items_size(), 1) << "the one that ended at its assessment";
  EXPECT_EQ(due.items(0).report_id(), ended);
  EXPECT_EQ(FormatDay(due.items(0).destroy_on()), "2041-01-05");
  // The one under Voorwaarden & Vervolg was not closed by it: Veilig Thuis still closes it.
  EXPECT_TRUE(Close(w, "vt1", monitored).ok());
}

}  // namespace
}  // namespace schakel::testing
