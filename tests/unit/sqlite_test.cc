#include "services/common/sqlite.h"

#include <future>
#include <thread>

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace schakel::sqlite
