// The unit of work on a real SQLite file: what runs for a first request, a replay and a refused
// replay, what is stored (and what is not) when a step fails, and that a change's answer, outbox
// events and audit record commit together. Then audited reads.
#include "services/runtime/unit_of_work.h"

#include <atomic>
#include <memory>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "schakel/v1/audit.pb.h"
#include "schakel/v1/directory.pb.h"
#include "services/common/audit_trail.h"
#include "services/common/clock.h"
#include "services/common/migrations.h"
#include "services/common/outbox.h"
#include "services/common/status.h"
#include "tests/support/outbox_reader.h"
#include "tests/support/test_env.h"

namespace schakel {
namespace {

using Steps = std::vector<std::string>;

constexpr char kEventsTopic[] = "directory-events";

Caller UserCaller(const std::string& id) {
  Caller c;
  c.principal.id = id;
  c.principal.organisation_id = "regio";
  c.principal.kind = v1::PRINCIPAL_KIND_USER;
  c.principal.peer = "ipv4:127.0.0.1:50000";
  c.entry.registered = true;
  c.entry.active = true;
  c.entry.organisation_id = "regio";
  c.entry.name = "Beheerder " + id;
  c.entry.roles = {v1::ROLE_ADMIN};
  return c;
}

// What a second connection sees committed.
struct Committed {
  int64_t answers = 0;  // stored idempotent answers
  int64_t events = 0;   // outbox messages of the change
  int64_t audit_records = 0;
  bool operator==(const Committed&) const = default;
  friend std::ostream& operator<<(std::ostream& os, const Committed& c) {
    return os << "{answers " << c.answers << ", events " << c.events << ", audit records "
              << c.audit_records << "}";
  }
};

class UnitOfWorkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = sqlite::Database::Open(dir_.path() / "uow.db");
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = *std::move(db);
    const migrations::MigrationTrack* tracks[] = {&migrations::common_track()};
    ASSERT_TRUE(migrations::Apply(*db_, tracks).ok());
    // A second connection sees only what was committed.
    auto observer = sqlite::Database::Open(dir_.path() / "uow.db");
    ASSERT_TRUE(observer.ok()) << observer.status();
    observer_ = *std::move(observer);
    audit_ = std::make_unique<AuditTrail>(*db_, "directory", clock_);
  }

  // CreateOrganisation as a service would write it on the unit of work: the change writes an
  // event to the outbox and its audit record, and answers with an etag that counts the changes
  // (so a replayed answer can be told from a new one). Each step notes itself in `ran_` and
  // returns the status the test set for it.
  absl::Status Create(const Caller& caller, const std::string& request_id, const std::string& name,
                      v1::CreateOrganisationResponse& response) {
    v1::CreateOrganisationRequest request;
    request.set_request_id(request_id);
    request.mutable_organisation()->set_id("wijkteam");
    request.mutable_organisation()->set_name(name);
    const ChangeSpec spec{
        .db = db_.get(),
        .caller = &caller,
        .method = "CreateOrganisation",
        .request = &request,
        .response = &response,
        .request_id = request_id,
        .now = clock_.Now(),
        .may_replay =
            [&] {
              ran_.push_back("may_replay");
              return may_replay_;
            },
        .on_replay = [&](sqlite::Connection& c) -> absl::Status {
          ran_.push_back("on_replay");
          SCHAKEL_RETURN_IF_ERROR(audit_->Record(
              c, audit_->NewRecord(caller, v1::AUDIT_ACTION_READ, "organisation.replayed")));
          return on_replay_;
        },
    };
    return RunChange(
        spec,
        [&]() -> absl::Status {
          ran_.push_back("prepare");
          if (duplicate_during_prepare_) {
            // The same request, sent again, commits while this one prepares.
            duplicate_during_prepare_ = false;
            SCHAKEL_RETURN_IF_ERROR(Create(caller, request_id, name, duplicate_answer_));
          }
          return prepare_;
        },
        [&](sqlite::Connection& c) -> absl::Status {
          ran_.push_back("change");
          ++changes_;
          SCHAKEL_RETURN_IF_ERROR(
              WriteToOutbox(c, kEventsTopic, request.organisation(), clock_.Now()).status());
          SCHAKEL_RETURN_IF_ERROR(audit_->Record(
              c, audit_->NewRecord(caller, v1::AUDIT_ACTION_CREATE, "organisation.created")));
          SCHAKEL_RETURN_IF_ERROR(change_);
          *response.mutable_organisation() = request.organisation();
          response.mutable_organisation()->set_etag("etag-" + std::to_string(changes_));
          return absl::OkStatus();
        });
  }

  int64_t Count(const std::string& sql) {
    int64_t n = -1;
    EXPECT_TRUE(observer_
                    ->Read([&](sqlite::Connection& c) -> absl::Status {
                      SCHAKEL_ASSIGN_OR_RETURN(auto s, c.Prepare(sql));
                      SCHAKEL_ASSIGN_OR_RETURN(bool row, s.Step());
                      if (row) n = s.ColumnInt(0);
                      return absl::OkStatus();
                    })
                    .ok());
    return n;
  }
  Committed Stored() {
    const std::string by_topic = "SELECT COUNT(*) FROM outbox WHERE topic = ";
    return {.answers = Count("SELECT COUNT(*) FROM idempotency_keys"),
            .events = Count(by_topic + "'" + kEventsTopic + "'"),
            .audit_records = Count(by_topic + "'" + kAuditTopic + "'")};
  }
  // The audit records in the outbox, oldest first.
  std::vector<v1::AuditRecord> ReadAuditRecords() {
    return testing::OutboxPayloads<v1::AuditRecord>(*observer_, kAuditTopic);
  }
  void Exec(const std::string& sql) {
    ASSERT_TRUE(db_->Transaction([&](sqlite::Connection& c) { return c.Exec(sql); }).ok()) << sql;
  }

  testing::TempDir dir_;
  FakeClock clock_;
  std::unique_ptr<sqlite::Database> db_;
  std::unique_ptr<sqlite::Database> observer_;
  std::unique_ptr<AuditTrail> audit_;
  const Caller alice_ = UserCaller("alice");

  Steps ran_;
  int changes_ = 0;
  absl::Status prepare_, change_, may_replay_, on_replay_;
  bool duplicate_during_prepare_ = false;
  v1::CreateOrganisationResponse duplicate_answer_;
};

TEST_F(UnitOfWorkTest, AFirstRequestPreparesThenChangesAndStoresTheAnswer) {
  v1::CreateOrganisationResponse r;
  ASSERT_TRUE(Create(alice_, "r1", "Wijkteam Noord", r).ok());
  EXPECT_EQ(ran_, (Steps{"prepare", "change"}));
  EXPECT_EQ(r.organisation().name(), "Wijkteam Noord");
  EXPECT_EQ(r.organisation().etag(), "etag-1");
  EXPECT_EQ(Stored(), (Committed{1, 1, 1}));
  const std::vector<v1::AuditRecord> audit = ReadAuditRecords();
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].event_type(), "organisation.created");
  EXPECT_EQ(audit[0].user().principal_id(), "alice");
}

TEST_F(UnitOfWorkTest, AReplayChecksTheCallerAndReturnsTheStoredAnswer) {
  v1::CreateOrganisationResponse first, again;
  ASSERT_TRUE(Create(alice_, "r1", "Wijkteam Noord", first).ok());
  ran_.clear();
  ASSERT_TRUE(Create(alice_, "r1", "Wijkteam Noord", again).ok());
  // Neither the preconditions nor the change run again; the caller is checked and the look
  // recorded.
  EXPECT_EQ(ran_, (Steps{"may_replay", "on_replay"}));
  EXPECT_EQ(changes_, 1);
  EXPECT_EQ(again.SerializeAsString(), first.SerializeAsString());
  EXPECT_EQ(again.organisation().etag(), "etag-1");
  EXPECT_EQ(Stored(), (Committed{1, 1, 2}));
  const std::vector<v1::AuditRecord> audit = ReadAuditRecords();
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[1].event_type(), "organisation.replayed");
}

TEST_F(UnitOfWorkTest, AReplayRefusedByMayReplayGetsThatStatusAndNoAnswer) {
  v1::CreateOrganisationResponse first, again;
  ASSERT_TRUE(Create(alice_, "r1", "Wijkteam Noord", first).ok());
  ran_.clear();
  may_replay_ = absl::PermissionDeniedError("no longer on the team");
  const absl::Status st = Create(alice_, "r1", "Wijkteam Noord", again);
  EXPECT_EQ(st, may_replay_);
  EXPECT_EQ(ran_, (Steps{"may_replay"}));
  EXPECT_FALSE(again.has_organisation()) << again.DebugString();
  EXPECT_EQ(Stored(), (Committed{1, 1, 1})) << "a refused replay recorded a look";
}

TEST_F(UnitOfWorkTest, AReplayRefusedByOnReplayGetsThatStatusAndNoAnswer) {
  v1::CreateOrganisationResponse first, again;
  ASSERT_TRUE(Create(alice_, "r1", "Wijkteam Noord", first).ok());
  ran_.clear();
  on_replay_ = absl::PermissionDeniedError("the case was closed to you");
  const absl::Status st = Create(alice_, "r1", "Wijkteam Noord", again);
  EXPECT_EQ(st, on_replay_);
  EXPECT_EQ(ran_, (Steps{"may_replay", "on_replay"}));
  EXPECT_FALSE(again.has_organisation()) << again.DebugString();
  EXPECT_EQ(Stored(), (Committed{1, 1, 1})) << "on_replay's record went with its transaction";
}

TEST_F(UnitOfWorkTest, TheSameRequestIdForAnotherRequestIsRefusedAndNothingRuns) {
  v1::CreateOrganisationResponse first, other;
  ASSERT_TRUE(Create(alice_, "r1", "Wijkteam Noord", first).ok());
  ran_.clear();
  const absl::Status st = Create(alice_, "r1", "Wijkteam Zuid", other);
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  const auto bad = BadRequestOf(st);
  ASSERT_EQ(bad.field_violations_size(), 1) << st;
  EXPECT_EQ(bad.field_violations(0).field(), "request_id");
  EXPECT_EQ(ran_, Steps{});
  EXPECT_FALSE(other.has_organisation());
  EXPECT_EQ(Stored(), (Committed{1, 1, 1}));
}

TEST_F(UnitOfWorkTest, AFailingChangeStoresNothingAndACorrectedRetryRuns) {
  v1::CreateOrganisationResponse r;
  change_ = absl::FailedPreconditionError("the organisation exists");
  // The change wrote its event and its audit record before it failed.
  EXPECT_EQ(Create(alice_, "r1", "Wijkteam Noord", r), change_);
  EXPECT_EQ(ran_, (Steps{"prepare", "change"}));
  EXPECT_EQ(Stored(), (Committed{0, 0, 0}));

  ran_.clear();
  change_ = absl::OkStatus();
  v1::CreateOrganisationResponse retry;
  ASSERT_TRUE(Create(alice_, "r1", "Wijkteam Noord-Oost", retry).ok());
  EXPECT_EQ(ran_, (Steps{"prepare", "change"}));
  EXPECT_EQ(retry.organisation().name(), "Wijkteam Noord-Oost");
  EXPECT_EQ(Stored(), (Committed{1, 1, 1}));
}

TEST_F(UnitOfWorkTest, AFailingPrepareStoresNothingAndTheChangeDoesNotRun) {
  v1::CreateOrganisationResponse r;
  prepare_ = absl::UnavailableError("the directory did not answer");
  EXPECT_EQ(Create(alice_, "r1", "Wijkteam Noord", r), prepare_);
  EXPECT_EQ(ran_, (Steps{"prepare"}));
  EXPECT_EQ(Stored(), (Committed{0, 0, 0}));

  ran_.clear();
  prepare_ = absl::OkStatus();
  ASSERT_TRUE(Create(alice_, "r1", "Wijkteam Noord", r).ok());
  EXPECT_EQ(ran_, (Steps{"prepare", "change"}));
  EXPECT_EQ(Stored(), (Committed{1, 1, 1}));
}

TEST_F(UnitOfWorkTest, AnotherCallersSameRequestIdIsASeparateRequest) {
  v1::CreateOrganisationResponse a, b;
  ASSERT_TRUE(Create(alice_, "r1", "Wijkteam Noord", a).ok());
  ran_.clear();
  ASSERT_TRUE(Create(UserCaller("bob"), "r1", "Wijkteam Noord", b).ok());
  EXPECT_EQ(ran_, (Steps{"prepare", "change"}));
  EXPECT_EQ(b.organisation().etag(), "etag-2");
  EXPECT_EQ(Stored(), (Committed{2, 2, 2}));
}

TEST_F(UnitOfWorkTest, WhenTheAnswerCannotBeStoredNothingTheChangeWroteCommits) {
  // The idempotency entry goes last in the change's transaction; make writing it fail.
  Exec(
      "CREATE TRIGGER refuse_answers BEFORE INSERT ON idempotency_keys "
      "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
  v1::CreateOrganisationResponse r;
  EXPECT_FALSE(Create(alice_, "r1", "Wijkteam Noord", r).ok());
  EXPECT_EQ(ran_, (Steps{"prepare", "change"}));
  EXPECT_EQ(Stored(), (Committed{0, 0, 0}));

  Exec("DROP TRIGGER refuse_answers");
  ran_.clear();
  ASSERT_TRUE(Create(alice_, "r1", "Wijkteam Noord", r).ok());
  EXPECT_EQ(ran_, (Steps{"prepare", "change"}));
  EXPECT_EQ(Stored(), (Committed{1, 1, 1}));
}

TEST_F(UnitOfWorkTest, ADuplicateThatCommitsDuringPrepareIsAnsweredFromTheStore) {
  duplicate_during_prepare_ = true;
  v1::CreateOrganisationResponse r;
  ASSERT_TRUE(Create(alice_, "r1", "Wijkteam Noord", r).ok());
  // The duplicate ran in full inside the first prepare; the first request then found its answer
  // stored and did not change anything itself.
  EXPECT_EQ(ran_, (Steps{"prepare", "prepare", "change", "on_replay"}));
  EXPECT_EQ(changes_, 1);
  EXPECT_EQ(r.SerializeAsString(), duplicate_answer_.SerializeAsString());
  EXPECT_EQ(Stored(), (Committed{1, 1, 2}));
}

// --- group commit ---------------------------------------------------------------------------

// Changes on the kit are group-committed: concurrent ones share one commit, and one that fails in
// its change leaves no answer, event or record while the others of its group commit.
TEST_F(UnitOfWorkTest, ConcurrentChangesShareACommitAndAFailingOneIsUndoneAlone) {
  // Read connections of its own, as the services have, so that the replay check before the
  // transaction does not wait for the writer.
  auto opened = sqlite::Database::Open(dir_.path() / "grouped.db", {.readers = 2});
  ASSERT_TRUE(opened.ok()) << opened.status();
  sqlite::Database& db = **opened;
  const migrations::MigrationTrack* tracks[] = {&migrations::common_track()};
  ASSERT_TRUE(migrations::Apply(db, tracks).ok());
  AuditTrail audit(db, "directory", clock_);
  auto change = [&](const std::string& request_id, bool fail, absl::Notification* running,
                    absl::Notification* release) -> absl::Status {
    v1::CreateOrganisationRequest request;
    request.set_request_id(request_id);
    request.mutable_organisation()->set_id(request_id);
    v1::CreateOrganisationResponse response;
    const ChangeSpec spec{.db = &db,
                          .caller = &alice_,
                          .method = "CreateOrganisation",
                          .request = &request,
                          .response = &response,
                          .request_id = request_id,
                          .now = clock_.Now()};
    return RunChange(spec, nullptr, [&](sqlite::Connection& c) -> absl::Status {
      if (running != nullptr) {
        running->Notify();
        release->WaitForNotification();
      }
      SCHAKEL_RETURN_IF_ERROR(
          WriteToOutbox(c, kEventsTopic, request.organisation(), clock_.Now()).status());
      SCHAKEL_RETURN_IF_ERROR(audit.Record(
          c, audit.NewRecord(alice_, v1::AUDIT_ACTION_CREATE, "organisation.created")));
      if (fail) return absl::FailedPreconditionError("refused after writing");
      *response.mutable_organisation() = request.organisation();
      return absl::OkStatus();
    });
  };
  // A first change holds its commit open until the others have queued behind it.
  absl::Notification first_running, release_first;
  absl::Status first_status;
  std::thread first([&] { first_status = change("first", false, &first_running, &release_first); });
  first_running.WaitForNotification();
  constexpr int kOthers = 6;
  std::vector<absl::Status> status(kOthers);
  std::atomic<int> queued{0};
  std::vector<std::thread> others;
  for (int i = 0; i < kOthers; ++i) {
    others.emplace_back([&, i] {
      ++queued;
      status[i] = change(absl::StrCat("r", i), i == 2, nullptr, nullptr);
    });
  }
  while (queued.load() < kOthers) absl::SleepFor(absl::Milliseconds(1));
  absl::SleepFor(absl::Milliseconds(200));  // from the counter to the queue: a few steps
  release_first.Notify();
  first.join();
  for (auto& th : others) th.join();

  EXPECT_TRUE(first_status.ok()) << first_status;
  for (int i = 0; i < kOthers; ++i) {
    if (i == 2) {
      EXPECT_EQ(status[i].code(), absl::StatusCode::kFailedPrecondition) << status[i];
    } else {
      EXPECT_TRUE(status[i].ok()) << i << ": " << status[i];
    }
  }
  // The first's commit and one for the six behind it: not seven.
  EXPECT_EQ(db.group_commits(), 2);
  auto count = [&](const std::string& sql) {
    int64_t n = -1;
    EXPECT_TRUE(db.Read([&](sqlite::Connection& c) -> absl::Status {
                    SCHAKEL_ASSIGN_OR_RETURN(auto s, c.Prepare(sql));
                    SCHAKEL_ASSIGN_OR_RETURN(bool row, s.Step());
                    if (row) n = s.ColumnInt(0);
                    return absl::OkStatus();
                  }).ok());
    return n;
  };
  // Six of seven committed their answer, event and record; r2 left nothing.
  EXPECT_EQ(count("SELECT COUNT(*) FROM idempotency_keys"), kOthers);
  EXPECT_EQ(count("SELECT COUNT(*) FROM idempotency_keys WHERE request_id = 'r2'"), 0);
  EXPECT_EQ(count(absl::StrCat("SELECT COUNT(*) FROM outbox WHERE topic = '", kEventsTopic, "'")),
            kOthers);
  EXPECT_EQ(count(absl::StrCat("SELECT COUNT(*) FROM outbox WHERE topic = '", kAuditTopic, "'")),
            kOthers);
  // r2 may be retried with the same request_id: nothing was stored for it.
  EXPECT_TRUE(change("r2", false, nullptr, nullptr).ok());
}

// --- audited reads --------------------------------------------------------------------------

TEST_F(UnitOfWorkTest, AnAuditedReadRecordsOneDurableRecordAndKeepsTheAnswer) {
  v1::CreateOrganisationResponse r;
  const absl::Status st = RunAuditedRead({.audit = audit_.get(),
                                          .caller = &alice_,
                                          .event_type = "organisation.read",
                                          .purpose_of_use = "beheer",
                                          .response = &r},
                                         [&](v1::AuditRecord& record) {
                                           r.mutable_organisation()->set_id("wijkteam");
                                           AddObject(record, "organisation", "wijkteam");
                                           return absl::OkStatus();
                                         });
  ASSERT_TRUE(st.ok()) << st;
  EXPECT_EQ(r.organisation().id(), "wijkteam");
  const std::vector<v1::AuditRecord> audit = ReadAuditRecords();
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].event_type(), "organisation.read");
  EXPECT_EQ(audit[0].action(), v1::AUDIT_ACTION_READ);
  EXPECT_EQ(audit[0].purpose_of_use(), "beheer");
  EXPECT_EQ(audit[0].user().principal_id(), "alice");
  EXPECT_EQ(audit[0].outcome(), v1::AUDIT_OUTCOME_SUCCESS);
  ASSERT_EQ(audit[0].objects_size(), 1);
  EXPECT_EQ(audit[0].objects(0).id(), "wijkteam");
  EXPECT_EQ(audit_->committer().commits(), 1);
}

TEST_F(UnitOfWorkTest, AnAuditedReadTakesItsActionFromTheSpec) {
  v1::CreateOrganisationResponse r;
  ASSERT_TRUE(RunAuditedRead({.audit = audit_.get(),
                              .caller = &alice_,
                              .event_type = "organisation.exported",
                              .action = v1::AUDIT_ACTION_EXECUTE,
                              .response = &r},
                             [](v1::AuditRecord&) { return absl::OkStatus(); })
                  .ok());
  const std::vector<v1::AuditRecord> audit = ReadAuditRecords();
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].action(), v1::AUDIT_ACTION_EXECUTE);
  EXPECT_EQ(audit[0].purpose_of_use(), "");
}

TEST_F(UnitOfWorkTest, AFailingAuditedReadRecordsNothing) {
  v1::CreateOrganisationResponse r;
  const absl::Status st = RunAuditedRead(
      {.audit = audit_.get(), .caller = &alice_, .event_type = "organisation.read", .response = &r},
      [](v1::AuditRecord&) { return absl::NotFoundError("no organisation"); });
  EXPECT_EQ(st.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(Stored(), (Committed{0, 0, 0}));
  EXPECT_EQ(audit_->committer().commits(), 0);
}

TEST_F(UnitOfWorkTest, AnAnswerWhoseRecordCannotBeWrittenIsCleared) {
  Exec(
      "CREATE TRIGGER refuse_audit BEFORE INSERT ON outbox WHEN NEW.topic = 'audit' "
      "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
  v1::CreateOrganisationResponse r;
  const absl::Status st = RunAuditedRead(
      {.audit = audit_.get(), .caller = &alice_, .event_type = "organisation.read", .response = &r},
      [&](v1::AuditRecord&) {
        r.mutable_organisation()->set_id("wijkteam");
        return absl::OkStatus();
      });
  EXPECT_FALSE(st.ok());
  EXPECT_FALSE(r.has_organisation()) << "an unrecorded answer left: " << r.DebugString();
  EXPECT_EQ(Stored(), (Committed{0, 0, 0}));
}

}  // namespace
}  // namespace schakel
