#include "services/common/sqlite.h"

#include <atomic>
#include <future>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "services/common/migrations.h"
#include "services/common/status.h"
#include "tests/support/test_env.h"

namespace schakel::sqlite {
namespace {

using migrations::Migration;
using migrations::MigrationTrack;

int64_t QueryInt(Database& db, const std::string& sql) {
  int64_t value = -1;
  EXPECT_TRUE(db.Read([&](Connection& c) -> absl::Status {
                  SCHAKEL_ASSIGN_OR_RETURN(auto s, c.Prepare(sql));
                  SCHAKEL_ASSIGN_OR_RETURN(bool row, s.Step());
                  if (row) value = s.ColumnInt(0);
                  return absl::OkStatus();
                }).ok());
  return value;
}

class SqliteTest : public ::testing::Test {
 protected:
  std::unique_ptr<Database> Open() {
    auto db = Database::Open(dir_.path() / "test.db");
    EXPECT_TRUE(db.ok()) << db.status();
    return *std::move(db);
  }
  schakel::testing::TempDir dir_;
};

TEST_F(SqliteTest, OpensWithDurablePragmas) {
  auto db = Open();
  EXPECT_EQ(QueryInt(*db, "PRAGMA synchronous"), 2);  // FULL
  EXPECT_EQ(QueryInt(*db, "PRAGMA foreign_keys"), 1);
  EXPECT_EQ(QueryInt(*db, "PRAGMA busy_timeout"), 5000);
  std::string mode;
  ASSERT_TRUE(db->Read([&](Connection& c) -> absl::Status {
                  SCHAKEL_ASSIGN_OR_RETURN(auto s, c.Prepare("PRAGMA journal_mode"));
                  SCHAKEL_ASSIGN_OR_RETURN(bool row, s.Step());
                  if (row) mode = s.ColumnText(0);
                  return absl::OkStatus();
                }).ok());
  EXPECT_EQ(mode, "wal");
}

TEST_F(SqliteTest, FailedTransactionWritesNothing) {
  auto db = Open();
  ASSERT_TRUE(
      db->Transaction([](Connection& c) { return c.Exec("CREATE TABLE t (x INTEGER)"); }).ok());
  absl::Status st = db->Transaction([](Connection& c) -> absl::Status {
    SCHAKEL_RETURN_IF_ERROR(c.Exec("INSERT INTO t VALUES (1)"));
    return absl::FailedPreconditionError("changed my mind");
  });
  EXPECT_EQ(st.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(QueryInt(*db, "SELECT COUNT(*) FROM t"), 0);
  ASSERT_TRUE(db->Transaction([](Connection& c) {
                  return c.Exec("INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)");
                }).ok());
  EXPECT_EQ(QueryInt(*db, "SELECT COUNT(*) FROM t"), 2);
}

TEST_F(SqliteTest, ForeignKeysAreEnforced) {
  auto db = Open();
  ASSERT_TRUE(db->Transaction([](Connection& c) {
                  return c.Exec(
                      "CREATE TABLE p (id TEXT PRIMARY KEY);"
                      "CREATE TABLE ch (p TEXT NOT NULL REFERENCES p (id));");
                }).ok());
  absl::Status st = db->Transaction([](Connection& c) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(auto s, c.Prepare("INSERT INTO ch VALUES (?)"));
    return s.Bind(1, "nobody").Run();
  });
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(QueryInt(*db, "SELECT COUNT(*) FROM ch"), 0);
}

TEST_F(SqliteTest, BindsAndReadsValues) {
  auto db = Open();
  ASSERT_TRUE(db->Transaction([](Connection& c) -> absl::Status {
                  SCHAKEL_RETURN_IF_ERROR(c.Exec("CREATE TABLE v (t TEXT, i INTEGER, b BLOB)"));
                  SCHAKEL_ASSIGN_OR_RETURN(auto s, c.Prepare("INSERT INTO v VALUES (?, ?, ?)"));
                  s.Bind(1, "tekst").Bind(2, int64_t{1} << 40).BindBlob(3, std::string("a\0b", 3));
                  return s.Run();
                }).ok());
  ASSERT_TRUE(db->Read([](Connection& c) -> absl::Status {
                  SCHAKEL_ASSIGN_OR_RETURN(auto s, c.Prepare("SELECT t, i, b FROM v"));
                  SCHAKEL_ASSIGN_OR_RETURN(bool row, s.Step());
                  EXPECT_TRUE(row);
                  EXPECT_EQ(s.ColumnText(0), "tekst");
                  EXPECT_EQ(s.ColumnInt(1), int64_t{1} << 40);
                  EXPECT_EQ(s.ColumnBlob(2), std::string("a\0b", 3));
                  return absl::OkStatus();
                }).ok());
}

TEST_F(SqliteTest, PrepareErrorIsReported) {
  auto db = Open();
  absl::Status st = db->Read([](Connection& c) { return c.Prepare("SELEC nonsense").status(); });
  EXPECT_EQ(st.code(), absl::StatusCode::kInternal);
}

const Migration kV1[] = {{1, "0001_first.sql", "CREATE TABLE a (x INTEGER);"}};
const Migration kV2[] = {{1, "0001_first.sql", "CREATE TABLE a (x INTEGER);"},
                         {2, "0002_second.sql", "CREATE TABLE b (y INTEGER);"}};
const Migration kBroken[] = {{1, "0001_first.sql", "CREATE TABLE a (x INTEGER);"},
                             {2, "0002_broken.sql", "CREATE TABLE c (z); SYNTAX ERROR;"}};

TEST_F(SqliteTest, MigrationsApplyOnceAndAreRecorded) {
  auto db = Open();
  const MigrationTrack v2{"svc", kV2};
  const MigrationTrack* tracks[] = {&v2};
  ASSERT_TRUE(migrations::Apply(*db, tracks).ok());
  ASSERT_TRUE(migrations::Apply(*db, tracks).ok());  // second start: nothing to do
  EXPECT_EQ(QueryInt(*db, "SELECT COUNT(*) FROM schakel_migrations WHERE track = 'svc'"), 2);
  EXPECT_EQ(QueryInt(*db, "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('a', 'b')"), 2);
}

TEST_F(SqliteTest, UpgradesFromOlderVersion) {
  auto db = Open();
  const MigrationTrack v1{"svc", kV1};
  const MigrationTrack v2{"svc", kV2};
  const MigrationTrack* old_tracks[] = {&v1};
  const MigrationTrack* new_tracks[] = {&v2};
  ASSERT_TRUE(migrations::Apply(*db, old_tracks).ok());
  EXPECT_EQ(QueryInt(*db, "SELECT MAX(version) FROM schakel_migrations"), 1);
  ASSERT_TRUE(migrations::Apply(*db, new_tracks).ok());
  EXPECT_EQ(QueryInt(*db, "SELECT MAX(version) FROM schakel_migrations"), 2);
}

TEST_F(SqliteTest, RefusesDatabaseFromNewerVersion) {
  auto db = Open();
  const MigrationTrack v1{"svc", kV1};
  const MigrationTrack v2{"svc", kV2};
  const MigrationTrack* new_tracks[] = {&v2};
  const MigrationTrack* old_tracks[] = {&v1};
  ASSERT_TRUE(migrations::Apply(*db, new_tracks).ok());
  absl::Status st = migrations::Apply(*db, old_tracks);
  EXPECT_EQ(st.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(st.message().find("newer version"), absl::string_view::npos) << st;
  EXPECT_NE(st.message().find("version 2"), absl::string_view::npos) << st;
}

TEST_F(SqliteTest, BrokenMigrationLeavesNoTrace) {
  auto db = Open();
  const MigrationTrack broken{"svc", kBroken};
  const MigrationTrack* tracks[] = {&broken};
  EXPECT_FALSE(migrations::Apply(*db, tracks).ok());
  EXPECT_EQ(QueryInt(*db, "SELECT MAX(version) FROM schakel_migrations"), 1);
  EXPECT_EQ(QueryInt(*db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'c'"), 0);
}

TEST_F(SqliteTest, EmbeddedCommonTrackApplies) {
  auto db = Open();
  const MigrationTrack* tracks[] = {&migrations::common_track()};
  ASSERT_TRUE(migrations::Apply(*db, tracks).ok());
  EXPECT_EQ(QueryInt(*db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'idempotency_keys'"), 1);
}

// With read connections, a read neither waits for a write in progress nor sees it; it sees the
// last commit. A read body cannot write.
TEST_F(SqliteTest, ReadersDoNotWaitForAWriteAndSeeTheLastCommit) {
  auto opened = Database::Open(dir_.path() / "readers.db", {.readers = 2});
  ASSERT_TRUE(opened.ok()) << opened.status();
  Database& db = **opened;
  ASSERT_TRUE(db.Transaction([](Connection& c) {
                  return c.Exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);");
                }).ok());
  std::promise<void> in_transaction, release;
  std::thread writer([&] {
    EXPECT_TRUE(db.Transaction([&](Connection& c) -> absl::Status {
                    SCHAKEL_RETURN_IF_ERROR(c.Exec("INSERT INTO t VALUES (2)"));
                    in_transaction.set_value();
                    release.get_future().wait();
                    return absl::OkStatus();
                  }).ok());
  });
  in_transaction.get_future().wait();
  // The writer holds its transaction open: with one shared connection this would block.
  EXPECT_EQ(QueryInt(db, "SELECT COUNT(*) FROM t"), 1);
  release.set_value();
  writer.join();
  EXPECT_EQ(QueryInt(db, "SELECT COUNT(*) FROM t"), 2);
  EXPECT_FALSE(db.Read([](Connection& c) { return c.Exec("INSERT INTO t VALUES (3)"); }).ok());
  EXPECT_EQ(QueryInt(db, "SELECT COUNT(*) FROM t"), 2);
}

TEST_F(SqliteTest, CacheKibSetsThePageCacheOfTheWriterAndTheReaders) {
  auto opened = Database::Open(dir_.path() / "cache.db", {.readers = 1, .cache_kib = 8192});
  ASSERT_TRUE(opened.ok()) << opened.status();
  Database& db = **opened;
  EXPECT_EQ(QueryInt(db, "PRAGMA cache_size"), -8192);  // a reader
  int64_t writer = 0;
  ASSERT_TRUE(db.Transaction([&](Connection& c) -> absl::Status {
                  SCHAKEL_ASSIGN_OR_RETURN(auto s, c.Prepare("PRAGMA cache_size"));
                  SCHAKEL_ASSIGN_OR_RETURN(bool row, s.Step());
                  if (row) writer = s.ColumnInt(0);
                  return absl::OkStatus();
                }).ok());
  EXPECT_EQ(writer, -8192);
  // Without the option, SQLite's default.
  EXPECT_EQ(QueryInt(*Open(), "PRAGMA cache_size"), -2000);
}

// Group commit: a first body holds its group open until the others have queued behind it; those
// then form the next group. Returns their statuses, in order.
class GroupTest : public SqliteTest {
 protected:
  void SetUp() override {
    db_ = Open();
    ASSERT_TRUE(db_->Transaction([](Connection& c) {
                     return c.Exec(
                         "CREATE TABLE t (x TEXT NOT NULL);"
                         "CREATE TABLE parent (id TEXT PRIMARY KEY);"
                         "CREATE TABLE child (p TEXT NOT NULL REFERENCES parent (id) "
                         "DEFERRABLE INITIALLY DEFERRED);");
                   })
                    .ok());
  }

  std::vector<absl::Status> RunBehindAFirst(
      const std::vector<std::function<absl::Status(Connection&)>>& bodies) {
    absl::Notification first_running, release_first;
    std::thread first([&] {
      EXPECT_TRUE(db_->GroupTransaction([&](Connection& c) {
                       first_running.Notify();
                       release_first.WaitForNotification();
                       return c.Exec("INSERT INTO t VALUES ('first')");
                     })
                      .ok());
    });
    first_running.WaitForNotification();
    std::vector<absl::Status> out(bodies.size());
    std::atomic<int> queued{0};
    std::vector<std::thread> threads;
    for (size_t i = 0; i < bodies.size(); ++i) {
      threads.emplace_back([&, i] {
        ++queued;
        out[i] = db_->GroupTransaction(bodies[i]);
      });
    }
    while (queued.load() < static_cast<int>(bodies.size())) {
      absl::SleepFor(absl::Milliseconds(1));
    }
    absl::SleepFor(absl::Milliseconds(200));  // from the counter to the queue: a few instructions
    release_first.Notify();
    first.join();
    for (auto& th : threads) th.join();
    return out;
  }

  static std::function<absl::Status(Connection&)> Insert(std::string x) {
    return [x](Connection& c) -> absl::Status {
      SCHAKEL_ASSIGN_OR_RETURN(auto s, c.Prepare("INSERT INTO t VALUES (?)"));
      return s.Bind(1, x).Run();
    };
  }

  std::unique_ptr<Database> db_;
};

TEST_F(GroupTest, ConcurrentBodiesShareCommits) {
  constexpr int kBodies = 8;
  std::vector<std::function<absl::Status(Connection&)>> bodies;
  for (int i = 0; i < kBodies; ++i) bodies.push_back(Insert(absl::StrCat("b", i)));
  for (const absl::Status& st : RunBehindAFirst(bodies)) EXPECT_TRUE(st.ok()) << st;
  EXPECT_EQ(QueryInt(*db_, "SELECT COUNT(*) FROM t"), kBodies + 1);
  // The first's commit, and one for the eight that queued behind it.
  EXPECT_EQ(db_->group_commits(), 2);

  // Free for all: 8 threads x 25 bodies, far fewer commits than bodies.
  const int64_t before = db_->group_commits();
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        if (!db_->GroupTransaction(Insert(absl::StrCat(t, "-", i))).ok()) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(QueryInt(*db_, "SELECT COUNT(*) FROM t"), kBodies + 1 + 200);
  EXPECT_LT(db_->group_commits() - before, 200);
}

TEST_F(GroupTest, AFailingBodyIsUndoneAloneAndGetsItsOwnStatus) {
  const std::vector<absl::Status> st = RunBehindAFirst({
      Insert("good-a"),
      [](Connection& c) -> absl::Status {
        SCHAKEL_RETURN_IF_ERROR(
            c.Exec("INSERT INTO t VALUES ('bad-1'); INSERT INTO t VALUES "
                   "('bad-2'); INSERT INTO parent VALUES ('bad')"));
        return absl::FailedPreconditionError("refused after writing");
      },
      Insert("good-b"),
  });
  EXPECT_TRUE(st[0].ok()) << st[0];
  EXPECT_EQ(st[1].code(), absl::StatusCode::kFailedPrecondition) << st[1];
  EXPECT_TRUE(st[2].ok()) << st[2];
  EXPECT_EQ(QueryInt(*db_, "SELECT COUNT(*) FROM t WHERE x LIKE 'bad%'"), 0);
  EXPECT_EQ(QueryInt(*db_, "SELECT COUNT(*) FROM parent"), 0);
  EXPECT_EQ(QueryInt(*db_, "SELECT COUNT(*) FROM t"), 3);  // first, good-a, good-b
  EXPECT_EQ(db_->group_commits(), 2) << "the three did not share one commit";
}

TEST_F(GroupTest, AFailingCommitFailsTheWholeGroup) {
  // The orphan passes its own statement (the key is checked at COMMIT), so its body succeeds
  // and the group's commit fails.
  const std::vector<absl::Status> st = RunBehindAFirst({
      Insert("good-a"),
      [](Connection& c) { return c.Exec("INSERT INTO child VALUES ('nobody')"); },
      Insert("good-b"),
  });
  for (const absl::Status& s : st) EXPECT_FALSE(s.ok());
  EXPECT_EQ(st[0], st[2]);
  EXPECT_EQ(QueryInt(*db_, "SELECT COUNT(*) FROM t"), 1);  // only the first's
  EXPECT_EQ(QueryInt(*db_, "SELECT COUNT(*) FROM child"), 0);
  EXPECT_EQ(db_->group_commits(), 1);
  // The database goes on working.
  EXPECT_TRUE(db_->GroupTransaction(Insert("after")).ok());
  EXPECT_EQ(QueryInt(*db_, "SELECT COUNT(*) FROM t"), 2);
}

}  // namespace
}  // namespace schakel::sqlite
