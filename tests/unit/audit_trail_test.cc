// AuditTrail on a real SQLite file: what a record says about the caller, that Record() is part of
// the caller's transaction, and that RecordDurably's group commit commits every record once, in
// fewer commits than records, without one failing item undoing the others.
#include "services/common/audit_trail.h"

#include <algorithm>
#include <atomic>
#include <latch>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "services/common/migrations.h"
#include "services/common/outbox.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"
#include "tests/support/outbox_reader.h"
#include "tests/support/test_env.h"

namespace schakel {
namespace {

class AuditTrailTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = sqlite::Database::Open(dir_.path() / "audit.db");
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = *std::move(db);
    const migrations::MigrationTrack* tracks[] = {&migrations::common_track()};
    ASSERT_TRUE(migrations::Apply(*db_, tracks).ok());
    // Reads through a second connection see only what was committed.
    auto observer = sqlite::Database::Open(dir_.path() / "audit.db");
    ASSERT_TRUE(observer.ok()) << observer.status();
    observer_ = *std::move(observer);
  }

  // The payloads under `topic`, oldest first, parsed as `Message`.
  template <typename Message>
  std::vector<Message> Payloads(absl::string_view topic) {
    return testing::OutboxPayloads<Message>(*observer_, topic);
  }

  // An outbox write of its own under topic "items" that names `id`: something a group-committed
  // item changes.
  static absl::Status WriteItem(sqlite::Connection& c, const std::string& id) {
    v1::AuditObject item;
    item.set_id(id);
    return WriteToOutbox(c, "items", item, absl::FromUnixSeconds(1)).status();
  }
  std::vector<std::string> Items() {
    std::vector<std::string> ids;
    for (const auto& item : Payloads<v1::AuditObject>("items")) ids.push_back(item.id());
    return ids;
  }

  testing::TempDir dir_;
  FakeClock clock_{absl::FromUnixSeconds(1'767'258'000)};
  std::unique_ptr<sqlite::Database> db_;
  std::unique_ptr<sqlite::Database> observer_;
};

Caller Professional() {
  Caller c;
  c.principal = {.id = "p-jansen",
                 .organisation_id = "wijkteam",
                 .kind = v1::PRINCIPAL_KIND_USER,
                 .peer = "ipv4:10.1.2.3:50123"};
  c.entry.registered = true;
  c.entry.active = true;
  c.entry.organisation_id = "wijkteam";
  c.entry.name = "Pien Jansen";
  c.entry.roles = {v1::ROLE_PROFESSIONAL, v1::ROLE_CASE_DIRECTOR};
  return c;
}

TEST_F(AuditTrailTest, ANewRecordSaysWhoWhereAndWhenFromTheCaller) {
  AuditTrail audit(*db_, "cases", clock_);
  const v1::AuditRecord r = audit.NewRecord(Professional(), v1::AUDIT_ACTION_READ, "case.read");
  EXPECT_FALSE(r.event_id().empty());
  EXPECT_EQ(r.action(), v1::AUDIT_ACTION_READ);
  EXPECT_EQ(r.event_type(), "case.read");
  EXPECT_EQ(ToTime(r.event_time()), clock_.Now());
  EXPECT_EQ(r.outcome(), v1::AUDIT_OUTCOME_SUCCESS);
  EXPECT_EQ(r.outcome_detail(), "");
  // Who.
  EXPECT_EQ(r.user().principal_id(), "p-jansen");
  EXPECT_EQ(r.user().organisation_id(), "wijkteam");
  EXPECT_EQ(r.user().name(), "Pien Jansen");
  EXPECT_EQ(r.user().kind(), v1::PRINCIPAL_KIND_USER);
  ASSERT_EQ(r.user().roles_size(), 2);
  EXPECT_EQ(r.user().roles(0), v1::ROLE_PROFESSIONAL);
  EXPECT_EQ(r.user().roles(1), v1::ROLE_CASE_DIRECTOR);
  // Acting for themselves: they are the responsible user too.
  EXPECT_EQ(r.responsible_user().SerializeAsString(), r.user().SerializeAsString());
  // Where.
  EXPECT_EQ(r.access_point(), "ipv4:10.1.2.3:50123");
  EXPECT_EQ(r.source_service(), "cases");
  // Checks.
  EXPECT_EQ(r.checks().authorisation(), v1::AUDIT_CHECK_PASSED);
  EXPECT_EQ(r.checks().care_relationship(), v1::AUDIT_CHECK_NOT_APPLICABLE);
  EXPECT_EQ(r.checks().consent(), v1::AUDIT_CHECK_NOT_APPLICABLE);
  EXPECT_EQ(r.checks().emergency_access(), v1::AUDIT_CHECK_NOT_APPLICABLE);
  EXPECT_EQ(r.objects_size(), 0);
}

TEST_F(AuditTrailTest, EveryRecordHasItsOwnEventIdAndTheTimeOfTheClock) {
  AuditTrail audit(*db_, "cases", clock_);
  const v1::AuditRecord first = audit.NewRecord(Professional(), v1::AUDIT_ACTION_READ, "case.read");
  clock_.Advance(absl::Minutes(3));
  const v1::AuditRecord second =
      audit.NewRecord(Professional(), v1::AUDIT_ACTION_READ, "case.read");
  EXPECT_NE(first.event_id(), second.event_id());
  EXPECT_EQ(ToTime(second.event_time()) - ToTime(first.event_time()), absl::Minutes(3));
}

TEST_F(AuditTrailTest, AServiceIsItsOwnResponsibleUser) {
  AuditTrail audit(*db_, "cases", clock_);
  Caller caller{.principal = {.id = "handover",
                              .organisation_id = "regio-test",
                              .kind = v1::PRINCIPAL_KIND_SERVICE}};
  const v1::AuditRecord r =
      audit.NewRecord(caller, v1::AUDIT_ACTION_UPDATE, "case.timeline.appended");
  // A service never acts for a user: the record names the service, as user and responsible.
  EXPECT_EQ(r.user().principal_id(), "handover");
  EXPECT_EQ(r.user().kind(), v1::PRINCIPAL_KIND_SERVICE);
  EXPECT_EQ(r.responsible_user().principal_id(), "handover");
  EXPECT_EQ(r.responsible_user().kind(), v1::PRINCIPAL_KIND_SERVICE);
}

TEST_F(AuditTrailTest, ADeniedRecordSaysWhoWasRefusedWhatAndWhy) {
  AuditTrail audit(*db_, "handover", clock_);
  const Principal outsider{.id = "p-elders",
                           .organisation_id = "elders",
                           .kind = v1::PRINCIPAL_KIND_USER,
                           .peer = "ipv4:10.9.9.9:40000"};
  const v1::AuditRecord r = audit.NewDeniedRecord(outsider, "AcceptHandover",
                                                  absl::PermissionDeniedError("not a receiver"));
  EXPECT_FALSE(r.event_id().empty());
  EXPECT_EQ(r.action(), v1::AUDIT_ACTION_EXECUTE);
  EXPECT_EQ(r.event_type(), "handover.denied");
  EXPECT_EQ(ToTime(r.event_time()), clock_.Now());
  EXPECT_EQ(r.outcome(), v1::AUDIT_OUTCOME_DENIED);
  // A status code name and the method: never the message, which may hold personal data.
  EXPECT_EQ(r.outcome_detail(), "PERMISSION_DENIED AcceptHandover");
  EXPECT_EQ(r.checks().authorisation(), v1::AUDIT_CHECK_FAILED);
  EXPECT_EQ(r.user().principal_id(), "p-elders");
  EXPECT_EQ(r.user().organisation_id(), "elders");
  EXPECT_EQ(r.user().name(), "");
  EXPECT_EQ(r.user().roles_size(), 0);
  EXPECT_EQ(r.access_point(), "ipv4:10.9.9.9:40000");
  EXPECT_EQ(r.source_service(), "handover");
  ASSERT_EQ(r.objects_size(), 1);
  EXPECT_EQ(r.objects(0).type(), "rpc");
  EXPECT_EQ(r.objects(0).id(), "AcceptHandover");
  EXPECT_EQ(r.objects(0).sensitivity(), v1::SENSITIVITY_GENERAL);
}

TEST_F(AuditTrailTest, ADeniedRecordNamesWhatWasAskedForAndCutsAHugeIdAtACharacter) {
  AuditTrail audit(*db_, "cases", clock_);
  const Principal outsider{.id = "p", .organisation_id = "o", .kind = v1::PRINCIPAL_KIND_USER};
  // 255 ASCII bytes, then "é" (2 bytes) straddling the limit, then 4 MiB more.
  std::string huge(255, 'a');
  huge += "\xC3\xA9";
  huge += std::string(4 << 20, 'b');
  const v1::AuditRecord r =
      audit.NewDeniedRecord(outsider, "GetCase", absl::PermissionDeniedError("no"),
                            {{"case", huge}, {"person", "p-1"}, {"handover", ""}});
  ASSERT_EQ(r.objects_size(), 3);  // the rpc, the case and the person; an empty id names nothing
  EXPECT_EQ(r.objects(1).type(), "case");
  EXPECT_EQ(r.objects(1).id(), std::string(255, 'a'));  // not half a character
  EXPECT_EQ(r.objects(2).id(), "p-1");
  EXPECT_LT(r.ByteSizeLong(), 2048u);
}

TEST_F(AuditTrailTest, RecordWritesToTheAuditTopicWithinTheCallersTransaction) {
  AuditTrail audit(*db_, "cases", clock_);
  const v1::AuditRecord kept = audit.NewRecord(Professional(), v1::AUDIT_ACTION_CREATE, "kept");
  const v1::AuditRecord undone = audit.NewRecord(Professional(), v1::AUDIT_ACTION_CREATE, "undone");
  ASSERT_TRUE(db_->Transaction([&](sqlite::Connection& c) { return audit.Record(c, kept); }).ok());
  // The change fails after recording: its record goes with it.
  EXPECT_EQ(db_->Transaction([&](sqlite::Connection& c) -> absl::Status {
                 SCHAKEL_RETURN_IF_ERROR(audit.Record(c, undone));
                 return absl::AbortedError("the change failed");
               })
                .code(),
            absl::StatusCode::kAborted);
  const auto records = Payloads<v1::AuditRecord>(kAuditTopic);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].SerializeAsString(), kept.SerializeAsString());
  EXPECT_EQ(*PendingOutboxMessages(*db_, kAuditTopic), 1);
  EXPECT_EQ(audit.committer().commits(), 0) << "Record() is not a durable record of its own";
}

TEST_F(AuditTrailTest, ConcurrentDurableRecordsCommitOnceEachInSharedCommits) {
  AuditTrail audit(*db_, "cases", clock_);
  constexpr int kThreads = 16;
  constexpr int kPerThread = 20;
  std::latch start(kThreads);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      for (int i = 0; i < kPerThread; ++i) {
        v1::AuditRecord r = audit.NewRecord(Professional(), v1::AUDIT_ACTION_READ, "case.read");
        r.set_event_id(absl::StrCat("e-", t, "-", i));
        if (!audit.RecordDurably(r).ok()) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);

  std::map<std::string, int> seen;
  for (const auto& r : Payloads<v1::AuditRecord>(kAuditTopic)) ++seen[r.event_id()];
  EXPECT_EQ(seen.size(), static_cast<size_t>(kThreads * kPerThread));
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < kPerThread; ++i) {
      EXPECT_EQ(seen[absl::StrCat("e-", t, "-", i)], 1) << "record " << t << "-" << i;
    }
  }
  const int64_t commits = audit.committer().commits();
  EXPECT_GT(commits, 0);
  EXPECT_LT(commits, kThreads * kPerThread) << "no two records shared a commit";
}

TEST_F(AuditTrailTest, AFailingItemAloneReturnsItsErrorAndWritesNothing) {
  GroupCommitter committer(*db_);
  EXPECT_EQ(committer
                .Run([](sqlite::Connection& c) -> absl::Status {
                  SCHAKEL_RETURN_IF_ERROR(WriteItem(c, "bad"));
                  return absl::InvalidArgumentError("bad item");
                })
                .code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(Items().empty());
  // The committer goes on working.
  ASSERT_TRUE(committer.Run([](sqlite::Connection& c) { return WriteItem(c, "good"); }).ok());
  EXPECT_EQ(Items(), std::vector<std::string>{"good"});
}

TEST_F(AuditTrailTest, AFailingItemInAGroupCommitDoesNotUndoTheOthers) {
  GroupCommitter committer(*db_);
  // A first item holds its commit open until three more have queued behind it; those three then
  // share the next commit.
  absl::Notification first_running, release_first;
  std::thread first([&] {
    EXPECT_TRUE(committer
                    .Run([&](sqlite::Connection& c) {
                      first_running.Notify();
                      release_first.WaitForNotification();
                      return WriteItem(c, "first");
                    })
                    .ok());
  });
  first_running.WaitForNotification();

  std::atomic<int> queued{0};
  absl::Status good_a, bad, good_b;
  auto enqueue = [&](absl::Status& out, std::string id, bool fail) {
    return std::thread([&out, &committer, &queued, id, fail] {
      ++queued;
      out = committer.Run([&](sqlite::Connection& c) -> absl::Status {
        SCHAKEL_RETURN_IF_ERROR(WriteItem(c, id));
        if (fail) return absl::FailedPreconditionError("item refused after writing");
        return absl::OkStatus();
      });
    });
  };
  std::vector<std::thread> group;
  group.push_back(enqueue(good_a, "good-a", false));
  group.push_back(enqueue(bad, "bad", true));
  group.push_back(enqueue(good_b, "good-b", false));
  while (queued.load() < 3) absl::SleepFor(absl::Milliseconds(1));
  absl::SleepFor(absl::Milliseconds(200));  // from the counter to the queue: a few instructions
  release_first.Notify();
  first.join();
  for (auto& th : group) th.join();

  EXPECT_TRUE(good_a.ok()) << good_a;
  EXPECT_TRUE(good_b.ok()) << good_b;
  EXPECT_EQ(bad.code(), absl::StatusCode::kFailedPrecondition) << bad;
  std::vector<std::string> items = Items();
  std::sort(items.begin(), items.end());
  EXPECT_EQ(items, (std::vector<std::string>{"first", "good-a", "good-b"}));
  EXPECT_EQ(committer.commits(), 2) << "the three queued items did not share one commit";
}

}  // namespace
}  // namespace schakel
