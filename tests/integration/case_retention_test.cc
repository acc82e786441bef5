// Retention and destruction of MDA++ cases through the real cases, handover and safety plan
// services on the fake clock: the term after closure, the supervisors' list, legal holds, and the
// daily job. Destroyed means: the case's data key shredded, its ciphertexts and blind indexes gone
// from every file of the data directory (the WAL included) — in the cases, the handover and the
// safety plan database — and the audit log's proofs still valid.
#include <algorithm>
#include <map>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "services/common/proto_time.h"
#include "tests/integration/full_case.h"
#include "tests/integration/safetyplan_fixture.h"
#include "tests/support/amsterdam_time.h"
#include "tests/support/file_scan.h"

namespace schakel::testing {
namespace {

using namespace plan_world;

using World = PlanWorld;

// A world on a fake clock, from Monday 5 January 2026, with a supervisor of an organisation that
// is on no case team.
struct RetentionWorld {
  RetentionWorld() : world(Options(clock)) {
    world.Person("outsup", kElsewhere, {v1::ROLE_SUPERVISOR});
    world.Person("auditor", kOperatorOrg, {v1::ROLE_AUDITOR});
  }
  static PlanWorldOptions Options(FakeClock& clock) {
    clock.Set(AmsterdamTime(2026, 1, 5, 9));
    PlanWorldOptions options;
    options.clock = &clock;
    return options;
  }
  FakeClock clock;
  PlanWorld world;
};

// What case `id` stored that only it may leave behind: its sealed rows, its wrapped data key, its
// blind indexes, its handovers' sealed content in the handover service and its plan's in the
// safety plan service.
// Each secret with the query that read it (a failure names it).
std::vector<std::pair<std::string, std::string>> StoredSecrets(World& w, const std::string& id) {
  const std::map<std::string, std::vector<const char*>> queries = {
      {"cases.db",
       {"SELECT body FROM cases WHERE id = ?1", "SELECT body FROM persons WHERE case_id = ?1",
        "SELECT body FROM timeline WHERE case_id = ?1",
        "SELECT body FROM meetings WHERE case_id = ?1",
        "SELECT body FROM actions WHERE case_id = ?1",
        "SELECT digest FROM person_index WHERE case_id = ?1",
        "SELECT wrapped FROM data_keys WHERE key_id = 'case/' || ?1"}},
      {"handover.db",
       {"SELECT body FROM handovers WHERE case_id = ?1",
        "SELECT wrapped FROM data_keys WHERE key_id = 'case/' || ?1"}},
      {"safetyplan.db",
       {"SELECT wrapped FROM data_keys WHERE key_id = 'case/' || ?1",
        "SELECT content FROM plan_versions WHERE case_id = ?1",
        "SELECT notes FROM risk_assessments WHERE case_id = ?1",
        "SELECT body FROM plan_evaluations WHERE case_id = ?1",
        "SELECT body FROM plan_incidents WHERE case_id = ?1"}}};
  std::vector<std::pair<std::string, std::string>> secrets;
  for (const auto& [db, sqls] : queries) {
    for (const char* sql : sqls) {
      for (std::string& s : ColumnOf(w.host().data_dir() / db, sql, id)) {
        secrets.emplace_back(absl::StrCat(db, ": ", sql), std::move(s));
      }
    }
  }
  return secrets;
}

void AddPersonWithBsn(World& w, const std::string& case_id, const std::string& name,
                      const std::string& bsn) {
  v1::AddPersonRequest req;
  req.set_request_id(NewRandomId());
  req.set_case_id(case_id);
  req.mutable_person()->set_name(name);
  req.mutable_person()->set_role(v1::PERSON_ROLE_SUSPECTED_PERPETRATOR);
  req.mutable_person()->set_bsn(bsn);
  v1::Date* born = req.mutable_person()->mutable_date_of_birth();
  born->set_year(1984);
  born->set_month(6);
  born->set_day(12);
  v1::AddPersonResponse resp;
  const grpc::Status st = w.C("dir")->AddPerson(PCtx().get(), req, &resp);
  ASSERT_TRUE(st.ok()) << st.error_message();
}

void Close(World& w, const std::string& case_id) {
  v1::CloseCaseRequest close;
  close.set_request_id(NewRandomId());
  close.set_case_id(case_id);
  close.set_reason("stabiele veiligheid houdt al een jaar");
  close.set_deviation("test");
  v1::CloseCaseResponse closed;
  const grpc::Status st = w.C("dir")->CloseCase(PCtx().get(), close, &closed);
  ASSERT_TRUE(st.ok()) << st.error_message();
  w.Flush();
}

v1::ListCaseRetentionResponse Retention(World& w, const std::string& who, int within_days = 0) {
  v1::ListCaseRetentionRequest req;
  req.set_within_days(within_days);
  v1::ListCaseRetentionResponse resp;
  const grpc::Status st = w.C(who)->ListCaseRetention(PCtx().get(), req, &resp);
  EXPECT_TRUE(st.ok()) << st.error_message();
  return resp;
}

grpc::Status Hold(World& w, const std::string& who, const std::string& id, bool hold,
                  const std::string& reason) {
  v1::SetCaseLegalHoldRequest req;
  req.set_request_id(NewRandomId());
  req.set_case_id(id);
  req.set_hold(hold);
  req.set_reason(reason);
  v1::SetCaseLegalHoldResponse resp;
  return w.C(who)->SetCaseLegalHold(PCtx().get(), req, &resp);
}

grpc::Status GetCase(World& w, const std::string& id) {
  v1::GetCaseRequest req;
  req.set_case_id(id);
  v1::GetCaseResponse resp;
  return w.C("dir")->GetCase(PCtx().get(), req, &resp);
}

int FoundByBsn(World& w, const std::string& bsn) {
  v1::FindCasesRequest req;
  req.set_bsn(bsn);
  v1::FindCasesResponse resp;
  const grpc::Status st = w.C("dir")->FindCases(PCtx().get(), req, &resp);
  EXPECT_TRUE(st.ok()) << st.error_message();
  return resp.cases_size();
}

int RunRetention(World& w) {
  absl::StatusOr<int> n = w.cases().RunRetention();
  EXPECT_TRUE(n.ok()) << n.status();
  w.Flush();
  return n.value_or(-1);
}

TEST(CaseRetentionTest, ACasePastItsTermIsDestroyedEverywhereButUnderALegalHold) {
  RetentionWorld rw;
  World& w = rw.world;
  // A and B: closed cases with a handover each; B is under a legal hold.
  const std::string a = w.MakeCase();
  const std::string b = w.MakeCase();
  w.Flush();  // the responsibility ledger knows them
  for (const std::string& id : {a, b}) {
    // Persons of their own: equal values have equal blind indexes.
    AddPersonWithBsn(w, id, id == a ? "Ruud Verbeek" : "Kees Jansen",
                     id == a ? "111222333" : "123456782");
    FillCase(w, rw.clock, id);
  }
  EXPECT_EQ(FoundByBsn(w, "111222333"), 1);
  EXPECT_EQ(FoundByBsn(w, "123456782"), 1);

  // An open case has no term yet; closing starts it (2026-01-05: destroyed on 2041-01-05).
  EXPECT_EQ(Retention(w, "wtsup", 366).items_size(), 0);
  Close(w, a);
  Close(w, b);
  const std::string hold_reason = "Strafzaak tegen de vader loopt (parketnummer 09-812345-26)";
  ASSERT_TRUE(Hold(w, "wtsup", b, true, hold_reason).ok());
  // What A stores now, after its last change (closing re-seals the case and ends the handover).
  const auto secrets = StoredSecrets(w, a);
  ASSERT_GE(secrets.size(), 15u) << "case, persons, timeline, meeting, action, indexes, keys, "
                                    "handover, plan, risk, evaluation, incident";
  // The case has a key of its own in each of the three services.
  for (const char* db : {"cases.db", "handover.db", "safetyplan.db"}) {
    EXPECT_TRUE(std::any_of(secrets.begin(), secrets.end(),
                            [&](const auto& secret) {
                              return absl::StartsWith(
                                  secret.first,
                                  absl::StrCat(db, ": SELECT wrapped FROM data_keys"));
                            }))
        << "no key of the case in " << db;
  }
  const DirectoryContents before(w.host().data_dir());
  for (const auto& [what, s] : secrets) {
    ASSERT_GE(s.size(), 16u) << what;
    ASSERT_FALSE(before.Holding(s).empty()) << "the scan finds what is stored: " << what;
  }
  // Not a supervisor of an organisation on the team: neither the list nor the hold.
  EXPECT_EQ(Hold(w, "outsup", a, true, "x").error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Hold(w, "wt", a, true, "x").error_code(), grpc::StatusCode::PERMISSION_DENIED);

  rw.clock.Set(AmsterdamTime(2040, 12, 20, 9));
  EXPECT_EQ(Retention(w, "outsup").items_size(), 0);
  const v1::ListCaseRetentionResponse due = Retention(w, "wtsup");
  EXPECT_EQ(due.retention_years(), 15);
  ASSERT_EQ(due.items_size(), 2);
  for (const v1::CaseRetentionItem& item : due.items()) {
    EXPECT_EQ(item.destroy_on().year(), 2041);
    EXPECT_EQ(item.destroy_on().month(), 1);
    EXPECT_EQ(item.destroy_on().day(), 5);
    EXPECT_EQ(item.legal_hold(), item.case_id() == b) << item.case_id();
    if (item.case_id() == b) {
      EXPECT_EQ(item.legal_hold_reason(), hold_reason);
    }
  }
  EXPECT_EQ(Retention(w, "vtsup").items_size(), 2) << "Veilig Thuis opened them: on the team";
  EXPECT_EQ(RunRetention(w), 0);
  rw.clock.Set(AmsterdamTime(2041, 1, 4, 23));
  EXPECT_EQ(RunRetention(w), 0) << "the last day of the term";

  rw.clock.Set(AmsterdamTime(2041, 1, 5, 1));
  EXPECT_EQ(RunRetention(w), 1);
  EXPECT_EQ(RunRetention(w), 0) << "once";
  const grpc::Status gone = GetCase(w, a);
  EXPECT_EQ(gone.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_TRUE(absl::StrContains(gone.error_message(), "vernietigd op 2041-01-05"))
      << gone.error_message();
  EXPECT_EQ(ColumnOf(w.host().data_dir() / "cases.db",
                     "SELECT wrapped IS NULL FROM data_keys WHERE key_id = 'case/' || ?1", a),
            std::vector<std::string>{"1"})
      << "the key row stays, its key shredded";
  EXPECT_EQ(ColumnOf(w.host().data_dir() / "handover.db",
                     "SELECT DISTINCT key_id FROM handovers WHERE case_id = ?1", a),
            std::vector<std::string>{"destroyed"});
  EXPECT_EQ(ColumnOf(w.host().data_dir() / "safetyplan.db",
                     "SELECT DISTINCT key_id FROM plan_versions WHERE case_id = ?1", a),
            std::vector<std::string>{"destroyed"});
  EXPECT_EQ(FoundByBsn(w, "111222333"), 0) << "A's blind indexes are gone";
  EXPECT_EQ(FoundByBsn(w, "123456782"), 1) << "B's stay";
  // Under the legal hold: there, whole, its plan readable.
  EXPECT_TRUE(GetCase(w, b).ok());
  v1::GetPlanResponse plan;
  const grpc::Status read = w.Get("dir", b, 0, &plan);
  EXPECT_TRUE(read.ok()) << read.error_message();
  EXPECT_GT(plan.version().content().sections_size(), 0);
  EXPECT_EQ(w.Get("dir", a, 0, &plan).error_code(), grpc::StatusCode::PERMISSION_DENIED)
      << "A's plan is not there for anyone";
  // Nothing of A stays in any file, in either service; nor the hold's reason in plain text.
  const DirectoryContents after(w.host().data_dir());
  for (const auto& [what, s] : secrets) {
    EXPECT_EQ(after.Holding(s), std::vector<std::string>{}) << "a secret of A is left: " << what;
  }
  EXPECT_EQ(after.Holding(hold_reason), std::vector<std::string>{});
  // The destruction is on record, and the audit log still proves what it held of A.
  w.Flush();
  auto auditor = v1::AuditService::NewStub(w.ChannelOf("auditor"));
  grpc::ClientContext ctx;
  v1::QueryEntriesRequest query;
  query.set_object_id(a);
  query.set_purpose("inspectie bewaartermijnen");
  v1::QueryEntriesResponse entries;
  ASSERT_TRUE(auditor->QueryEntries(&ctx, query, &entries).ok());
  ASSERT_GT(entries.entries_size(), 0);
  EXPECT_TRUE(ProvenInLog(*auditor, entries.entries(0).index()));
  std::set<std::string> events;
  for (const v1::QueriedEntry& e : entries.entries()) events.insert(e.record().event_type());
  EXPECT_TRUE(events.contains("case.destroyed"));
  EXPECT_TRUE(events.contains("plan.case_destroyed"));
  // A timeline event for A from another service is dropped, not stuck in its outbox.
  v1::RecordCaseEventsRequest late;
  auto* e = late.add_events();
  e->set_case_id(a);
  e->set_source_service("handover");
  e->set_source_sequence(999999);
  e->set_type("handover.reminder");
  e->set_summary("Herinnering");
  e->set_sensitivity(v1::SENSITIVITY_GENERAL);
  SetTime(e->mutable_time(), rw.clock.Now());
  v1::RecordCaseEventsResponse late_resp;
  const grpc::Status dropped = v1::CaseService::NewStub(w.ChannelOf("service"))
                                   ->RecordCaseEvents(PCtx().get(), late, &late_resp);
  EXPECT_TRUE(dropped.ok()) << dropped.error_message();
  // The list keeps only B; lifting its hold lets the next run destroy it.
  ASSERT_EQ(Retention(w, "wtsup").items_size(), 1);
  ASSERT_TRUE(Hold(w, "wtsup", b, false, "").ok());
  EXPECT_EQ(RunRetention(w), 1);
  EXPECT_EQ(GetCase(w, b).error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Retention(w, "wtsup").items_size(), 0);
  EXPECT_EQ(Hold(w, "wtsup", b, true, "te laat").error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST(CaseRetentionTest, AReopenedCaseHasNoTermAndBadInputIsNamed) {
  RetentionWorld rw;
  World& w = rw.world;
  v1::SetCaseLegalHoldRequest empty;
  empty.set_hold(true);
  v1::SetCaseLegalHoldResponse resp;
  grpc::Status st = w.C("wtsup")->SetCaseLegalHold(PCtx().get(), empty, &resp);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(BadFields(st), (std::set<std::string>{"request_id", "case_id", "reason"}));

  const std::string id = w.MakeCase();
  w.Flush();
  Close(w, id);
  v1::ReopenCaseRequest reopen;
  reopen.set_request_id(NewRandomId());
  reopen.set_case_id(id);
  reopen.set_reason("nieuw incident gemeld");
  v1::ReopenCaseResponse reopened;
  st = w.C("dir")->ReopenCase(PCtx().get(), reopen, &reopened);
  ASSERT_TRUE(st.ok()) << st.error_message();
  rw.clock.Set(AmsterdamTime(2045, 1, 5, 9));
  EXPECT_EQ(Retention(w, "wtsup", 366).items_size(), 0);
  EXPECT_EQ(RunRetention(w), 0);
  EXPECT_TRUE(GetCase(w, id).ok());
  EXPECT_EQ(Hold(w, "wtsup", id, false, "").error_code(), grpc::StatusCode::FAILED_PRECONDITION)
      << "no hold to lift";
}

}  // namespace
}  // namespace schakel::testing
