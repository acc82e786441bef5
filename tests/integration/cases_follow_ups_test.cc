// Follow-up checks after closure (issue 13): the reminder one working day before a check falls
// due (to the case director) and the escalation once it is missed (to the director and the
// supervisors of the director's organisation), each exactly once across restarts, counted on the
// Dutch working-day calendar; recording a check; a failed check reopens the case.
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "services/common/clock.h"
#include "services/common/sqlite.h"
#include "tests/integration/cases_fixture.h"
#include "tests/support/amsterdam_time.h"

namespace schakel {
namespace {

using testing::AmsterdamTime;
using testing::BadFields;
using testing::CasesWorld;
using testing::Ctx;
using testing::kTeamOrg;

// A world on a fake clock and files that outlive it, so a test can restart the host.
class FollowUpWorlds {
 public:
  FollowUpWorlds() {
    clock_.Set(AmsterdamTime(2026, 9, 28, 10));  // a Monday
    Start();
  }
  void Start() {
    testing::TestHostOptions options;
    options.data_dir = dir_.path();
    options.pki = &pki_;
    options.clock = &clock_;
    world_ = std::make_unique<CasesWorld>(options);
    // A supervisor of the director's organisation.
    world_->Person("teamsup", kTeamOrg, {v1::ROLE_SUPERVISOR});
  }
  void Restart() {
    ASSERT_TRUE(world_->host().host().FlushOutboxes().ok());
    world_.reset();
    Start();
  }
  CasesWorld& w() { return *world_; }
  FakeClock& clock() { return clock_; }
  const std::filesystem::path& dir() const { return dir_.path(); }

 private:
  FakeClock clock_;
  testing::TempDir dir_;
  testing::TestPki pki_;
  std::unique_ptr<CasesWorld> world_;
};

std::vector<v1::FollowUpAlert> AlertsOf(CasesWorld& w, const std::string& who) {
  v1::ListFollowUpsDueResponse resp;
  grpc::Status st = w.As(who)->ListFollowUpsDue(Ctx().get(), v1::ListFollowUpsDueRequest(), &resp);
  EXPECT_TRUE(st.ok()) << who << ": " << st.error_message();
  return {resp.alerts().begin(), resp.alerts().end()};
}

int CountAlerts(const std::vector<v1::FollowUpAlert>& alerts, v1::FollowUpAlertKind kind) {
  int n = 0;
  for (const auto& a : alerts) n += a.kind() == kind;
  return n;
}

int CountTimeline(CasesWorld& w, const std::string& case_id, const std::string& type) {
  v1::GetTimelineRequest req;
  req.set_case_id(case_id);
  req.set_page_size(500);
  v1::GetTimelineResponse resp;
  EXPECT_TRUE(w.As("dir")->GetTimeline(Ctx().get(), req, &resp).ok());
  int n = 0;
  for (const auto& e : resp.events()) n += e.type() == type;
  return n;
}

int CountRecords(CasesWorld& w, const std::string& object_id, const std::string& event_type) {
  int n = 0;
  for (const auto& r : w.AuditRecordsAbout(object_id)) n += r.event_type() == event_type;
  return n;
}

// Closes `case_id` with checks `months` after today.
v1::Case CloseWithFollowUps(CasesWorld& w, const std::string& case_id, std::vector<int> months) {
  v1::CloseCaseRequest close = testing::CloseRequest(case_id);
  for (int m : months) close.add_follow_up_months(m);
  v1::CloseCaseResponse closed;
  grpc::Status st = w.As("dir")->CloseCase(Ctx().get(), close, &closed);
  EXPECT_TRUE(st.ok()) << st.error_message();
  return closed.case_();
}

v1::RecordFollowUpRequest RecordRequest(const std::string& case_id, const std::string& id,
                                        v1::FollowUpOutcome outcome) {
  v1::RecordFollowUpRequest r;
  r.set_request_id(NewRandomId());
  r.set_case_id(case_id);
  r.set_follow_up_id(id);
  r.set_outcome(outcome);
  return r;
}

TEST(CasesFollowUpTest, ReminderAndEscalationExactlyOnceAcrossRestartsAndChristmas) {
  FollowUpWorlds worlds;
  const auto f = worlds.w().MakeCase();
  // Closed on Monday 28 September 2026: the 3-month check is due Monday 28 December. The working
  // day before it is Thursday 24 December (25 and 26 December are Christmas and Boxing Day, then
  // a weekend).
  const v1::Case closed = CloseWithFollowUps(worlds.w(), f.case_id, {3, 6});
  ASSERT_EQ(closed.follow_ups_size(), 2);
  const v1::FollowUp check = closed.follow_ups(0);
  EXPECT_EQ(check.due_date().year(), 2026);
  EXPECT_EQ(check.due_date().month(), 12);
  EXPECT_EQ(check.due_date().day(), 28);

  worlds.clock().Set(AmsterdamTime(2026, 12, 23, 23, 30));
  ASSERT_TRUE(worlds.w().service().ScanFollowUps().ok());
  EXPECT_TRUE(AlertsOf(worlds.w(), "dir").empty()) << "not before the working day before";

  // Thursday 24 December: the reminder, once, for the director only.
  worlds.clock().Set(AmsterdamTime(2026, 12, 24, 8));
  ASSERT_TRUE(worlds.w().service().ScanFollowUps().ok());  // (the timer may have been first)
  EXPECT_EQ(*worlds.w().service().ScanFollowUps(), 0) << "nothing twice";
  auto alerts = AlertsOf(worlds.w(), "dir");
  ASSERT_EQ(CountAlerts(alerts, v1::FOLLOW_UP_ALERT_KIND_REMINDER), 1);
  EXPECT_EQ(alerts[0].case_id(), f.case_id);
  EXPECT_EQ(alerts[0].follow_up_id(), check.id());
  EXPECT_FALSE(alerts[0].overdue());
  EXPECT_TRUE(AlertsOf(worlds.w(), "teamsup").empty());
  EXPECT_TRUE(AlertsOf(worlds.w(), "core").empty());

  // A restart before the due date passes: nothing new.
  worlds.Restart();
  worlds.clock().Set(AmsterdamTime(2026, 12, 28, 23, 59));
  EXPECT_EQ(*worlds.w().service().ScanFollowUps(), 0);
  EXPECT_EQ(CountAlerts(AlertsOf(worlds.w(), "dir"), v1::FOLLOW_UP_ALERT_KIND_REMINDER), 1);

  // Missed: the due date passed unrecorded. One escalation to the director, one for the
  // supervisors of the director's organisation (not those of another organisation).
  worlds.clock().Set(AmsterdamTime(2026, 12, 29, 0, 5));
  ASSERT_TRUE(worlds.w().service().ScanFollowUps().ok());
  EXPECT_EQ(*worlds.w().service().ScanFollowUps(), 0);
  alerts = AlertsOf(worlds.w(), "dir");
  EXPECT_EQ(CountAlerts(alerts, v1::FOLLOW_UP_ALERT_KIND_REMINDER), 1);
  EXPECT_EQ(CountAlerts(alerts, v1::FOLLOW_UP_ALERT_KIND_ESCALATION), 1);
  const auto sup_alerts = AlertsOf(worlds.w(), "teamsup");
  ASSERT_EQ(sup_alerts.size(), 1u);
  EXPECT_EQ(sup_alerts[0].kind(), v1::FOLLOW_UP_ALERT_KIND_ESCALATION);
  EXPECT_TRUE(sup_alerts[0].overdue());
  EXPECT_TRUE(AlertsOf(worlds.w(), "sup").empty()) << "the police supervisor is not told";

  // Another restart, later: still once each — alerts, timeline events and audit records.
  worlds.Restart();
  worlds.clock().Set(AmsterdamTime(2026, 12, 31, 9));
  EXPECT_EQ(*worlds.w().service().ScanFollowUps(), 0);
  alerts = AlertsOf(worlds.w(), "dir");
  EXPECT_EQ(CountAlerts(alerts, v1::FOLLOW_UP_ALERT_KIND_REMINDER), 1);
  EXPECT_EQ(CountAlerts(alerts, v1::FOLLOW_UP_ALERT_KIND_ESCALATION), 1);
  EXPECT_EQ(AlertsOf(worlds.w(), "teamsup").size(), 1u);
  EXPECT_EQ(CountTimeline(worlds.w(), f.case_id, "follow_up.reminder"), 1);
  EXPECT_EQ(CountTimeline(worlds.w(), f.case_id, "follow_up.missed"), 1);
  EXPECT_EQ(CountRecords(worlds.w(), check.id(), "case.follow_up.reminded"), 1);
  EXPECT_EQ(CountRecords(worlds.w(), check.id(), "case.follow_up.escalated"), 1);
  // The overdue mark shows in the case and in the director's list of cases.
  const v1::Case now = worlds.w().Get("dir", f.case_id);
  EXPECT_TRUE(now.follow_ups(0).overdue());
  EXPECT_FALSE(now.follow_ups(1).overdue());
  v1::ListMyCasesResponse mine;
  ASSERT_TRUE(worlds.w().As("dir")->ListMyCases(Ctx().get(), v1::ListMyCasesRequest(), &mine).ok());
  ASSERT_EQ(mine.cases_size(), 1);
  EXPECT_EQ(mine.cases(0).overdue_follow_ups(), 1);

  // Recorded late by the core team: DONE, and off every list.
  v1::RecordFollowUpRequest done = RecordRequest(f.case_id, check.id(), v1::FOLLOW_UP_OUTCOME_SAFE);
  done.set_note("gezin gesproken, geen nieuwe meldingen");
  v1::RecordFollowUpResponse recorded;
  grpc::Status st = worlds.w().As("core")->RecordFollowUp(Ctx().get(), done, &recorded);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(recorded.follow_up().status(), v1::FOLLOW_UP_STATUS_DONE);
  EXPECT_EQ(recorded.follow_up().recorded_by(), "core");
  EXPECT_TRUE(AlertsOf(worlds.w(), "dir").empty());
  EXPECT_TRUE(AlertsOf(worlds.w(), "teamsup").empty());
  EXPECT_EQ(worlds.w().Get("dir", f.case_id).follow_ups(0).status(), v1::FOLLOW_UP_STATUS_DONE);
  EXPECT_EQ(CountTimeline(worlds.w(), f.case_id, "follow_up.recorded"), 1);
  // A retry answers the same and records nothing twice; a new request for it is refused.
  v1::RecordFollowUpResponse again;
  ASSERT_TRUE(worlds.w().As("core")->RecordFollowUp(Ctx().get(), done, &again).ok());
  EXPECT_EQ(again.follow_up().record_time().seconds(),
            recorded.follow_up().record_time().seconds());
  EXPECT_EQ(CountTimeline(worlds.w(), f.case_id, "follow_up.recorded"), 1);
  done.set_request_id(NewRandomId());
  EXPECT_EQ(worlds.w().As("core")->RecordFollowUp(Ctx().get(), done, &again).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
}

TEST(CasesFollowUpTest, AFailedCheckReopensTheCase) {
  FollowUpWorlds worlds;
  CasesWorld& w = worlds.w();
  const auto f = w.MakeCase();
  const v1::Case closed = CloseWithFollowUps(w, f.case_id, {3, 6});
  const std::string first = closed.follow_ups(0).id();
  worlds.clock().Set(AmsterdamTime(2026, 12, 28, 11));

  // Bad input, named: no outcome; UNSAFE without a note; reopen with SAFE.
  v1::RecordFollowUpRequest bad =
      RecordRequest(f.case_id, first, v1::FOLLOW_UP_OUTCOME_UNSPECIFIED);
  bad.set_reopen(true);
  v1::RecordFollowUpResponse resp;
  grpc::Status st = w.As("dir")->RecordFollowUp(Ctx().get(), bad, &resp);
  EXPECT_EQ(BadFields(st), std::set<std::string>({"outcome", "reopen"}));
  bad.set_outcome(v1::FOLLOW_UP_OUTCOME_UNSAFE);
  st = w.As("dir")->RecordFollowUp(Ctx().get(), bad, &resp);
  EXPECT_EQ(BadFields(st), std::set<std::string>({"note"}));
  // Only the director reopens; the involved member records nothing.
  v1::RecordFollowUpRequest failed = RecordRequest(f.case_id, first, v1::FOLLOW_UP_OUTCOME_UNSAFE);
  failed.set_note("nieuwe zorgmelding van de politie");
  failed.set_reopen(true);
  EXPECT_EQ(w.As("core")->RecordFollowUp(Ctx().get(), failed, &resp).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(w.As("inv")->RecordFollowUp(Ctx().get(), failed, &resp).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(w.Get("dir", f.case_id).follow_ups(0).status(), v1::FOLLOW_UP_STATUS_SCHEDULED);

  st = w.As("dir")->RecordFollowUp(Ctx().get(), failed, &resp);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(resp.follow_up().status(), v1::FOLLOW_UP_STATUS_FAILED);
  EXPECT_EQ(resp.case_().status(), v1::CASE_STATUS_OPEN);
  const v1::Case reopened = w.Get("dir", f.case_id);
  EXPECT_EQ(reopened.status(), v1::CASE_STATUS_OPEN);
  EXPECT_EQ(reopened.follow_ups(0).status(), v1::FOLLOW_UP_STATUS_FAILED);
  EXPECT_EQ(reopened.follow_ups(1).status(), v1::FOLLOW_UP_STATUS_CANCELLED);
  EXPECT_EQ(reopened.etag(), resp.case_().etag());
  // The note is CARE (the director's default): the police see the outcome, not the note.
  const v1::Case police = w.Get("core", f.case_id);
  EXPECT_TRUE(police.follow_ups(0).note_hidden());
  EXPECT_EQ(CountTimeline(w, f.case_id, "case.reopened"), 1);
  EXPECT_EQ(CountTimeline(w, f.case_id, "follow_up.recorded"), 1);
  // A missed check of a reopened case escalates to nobody.
  worlds.clock().Set(AmsterdamTime(2027, 6, 1, 9));
  EXPECT_EQ(*w.service().ScanFollowUps(), 0);
  EXPECT_TRUE(AlertsOf(w, "dir").empty());
  // As ReopenCase does, the reopening goes to the handover service (its ledger goes back to
  // DIRECT_SAFETY on it): a REOPENED case event in the outbox, in the same transaction.
  auto c = sqlite::Connection::Open(worlds.dir() / "cases.db");
  ASSERT_TRUE(c.ok()) << c.status();
  auto s = (*c)->Prepare("SELECT payload FROM outbox WHERE topic = 'case-events' ORDER BY seq");
  ASSERT_TRUE(s.ok());
  int reopens = 0;
  while (*s->Step()) {
    v1::CaseEvent e;
    ASSERT_TRUE(e.ParseFromString(s->ColumnBlob(0)));
    if (e.case_id() == f.case_id && e.type() == v1::CASE_EVENT_TYPE_REOPENED) ++reopens;
  }
  EXPECT_EQ(reopens, 1);
  // Follow-ups are for closed cases.
  v1::RecordFollowUpRequest open_case =
      RecordRequest(f.case_id, reopened.follow_ups(1).id(), v1::FOLLOW_UP_OUTCOME_SAFE);
  EXPECT_EQ(w.As("dir")->RecordFollowUp(Ctx().get(), open_case, &resp).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
}

// A check already due when the case reopened stays scheduled (ReopenCase cancels only later
// ones); closing again cancels it, so it is never escalated for the new closure.
TEST(CasesFollowUpTest, ClosingAgainCancelsTheChecksOfTheEarlierClosure) {
  FollowUpWorlds worlds;
  CasesWorld& w = worlds.w();
  const auto f = w.MakeCase();
  CloseWithFollowUps(w, f.case_id, {3, 6});
  worlds.clock().Set(AmsterdamTime(2026, 12, 29, 9));  // the 3-month check is missed
  ASSERT_TRUE(w.service().ScanFollowUps().ok());
  EXPECT_EQ(CountAlerts(AlertsOf(w, "dir"), v1::FOLLOW_UP_ALERT_KIND_ESCALATION), 1);
  v1::ReopenCaseRequest reopen;
  reopen.set_request_id(NewRandomId());
  reopen.set_case_id(f.case_id);
  reopen.set_reason("nieuw incident");
  v1::ReopenCaseResponse reopened;
  ASSERT_TRUE(w.As("dir")->ReopenCase(Ctx().get(), reopen, &reopened).ok());
  EXPECT_EQ(reopened.case_().follow_ups(0).status(), v1::FOLLOW_UP_STATUS_SCHEDULED);
  EXPECT_TRUE(AlertsOf(w, "dir").empty()) << "an open case has no follow-up alerts";
  const v1::Case closed = CloseWithFollowUps(w, f.case_id, {3});
  int scheduled = 0;
  for (const auto& check : closed.follow_ups()) {
    scheduled += check.status() == v1::FOLLOW_UP_STATUS_SCHEDULED;
  }
  EXPECT_EQ(scheduled, 1) << "only the new closure's check";
  EXPECT_TRUE(AlertsOf(w, "dir").empty());
  EXPECT_TRUE(AlertsOf(w, "teamsup").empty());
}

}  // namespace
}  // namespace schakel
