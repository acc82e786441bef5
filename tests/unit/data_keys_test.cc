// DataKeys (services/common/data_keys.h) on a real SQLite file with real AES-256-GCM: a key per
// owner, made once and read back; shredding that cannot be undone or repeated; master key
// rotation that keeps every live key and leaves the old master opening nothing.
#include "services/common/data_keys.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "services/common/crypto.h"
#include "services/common/sqlite.h"
#include "tests/support/test_env.h"

namespace schakel {
namespace {

constexpr char kAad[] = "schakel test data key ";

class DataKeysTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = sqlite::Database::Open(dir_.path() / "keys.db");
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = *std::move(db);
    ASSERT_TRUE(db_->Exec("CREATE TABLE data_keys (key_id TEXT PRIMARY KEY, wrapped BLOB, "
                          "nonce BLOB, tag BLOB, create_time INTEGER NOT NULL, shred_time "
                          "INTEGER, shred_reason TEXT, shredded_by TEXT) STRICT")
                    .ok());
  }
  // Get in a transaction of its own.
  absl::StatusOr<std::string> Get(DataKeys& keys, const std::string& id, bool create) {
    absl::StatusOr<std::string> out = absl::InternalError("not run");
    absl::Status st = db_->Transaction([&](sqlite::Connection& c) {
      out = keys.Get(c, id, create, /*cache=*/false);
      return out.status();
    });
    if (!st.ok()) return st;
    return out;
  }
  absl::Status Shred(DataKeys& keys, const std::string& id) {
    return db_->Transaction(
        [&](sqlite::Connection& c) { return keys.Shred(c, id, "term passed", "retention"); });
  }
  std::string Key() { return *crypto::RandomBytes(crypto::kKeySize); }

  schakel::testing::TempDir dir_;
  std::unique_ptr<sqlite::Database> db_;
  FakeClock clock_;
};

TEST_F(DataKeysTest, AKeyPerOwnerMadeOnceAndReadBack) {
  DataKeys keys(Key(), kAad, clock_);
  auto a = Get(keys, "case-a", /*create=*/true);
  auto b = Get(keys, "case-b", /*create=*/true);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->size(), crypto::kKeySize);
  EXPECT_NE(*a, *b);
  EXPECT_EQ(*Get(keys, "case-a", /*create=*/false), *a);
  EXPECT_EQ(Get(keys, "case-c", /*create=*/false).status().code(), absl::StatusCode::kNotFound);
}

TEST_F(DataKeysTest, AnotherMasterOpensNothing) {
  DataKeys keys(Key(), kAad, clock_);
  ASSERT_TRUE(Get(keys, "case-a", true).ok());
  DataKeys other(Key(), kAad, clock_);
  EXPECT_FALSE(Get(other, "case-a", false).ok());
}

TEST_F(DataKeysTest, AWrappedKeyCannotBeMovedToAnotherOwner) {
  DataKeys keys(Key(), kAad, clock_);
  ASSERT_TRUE(Get(keys, "case-a", true).ok());
  ASSERT_TRUE(Get(keys, "case-b", true).ok());
  ASSERT_TRUE(db_->Exec("UPDATE data_keys SET (wrapped, nonce, tag) = (SELECT wrapped, nonce, "
                        "tag FROM data_keys WHERE key_id = 'case-a') WHERE key_id = 'case-b'")
                  .ok());
  EXPECT_FALSE(Get(keys, "case-b", false).ok());
}

TEST_F(DataKeysTest, ShreddingIsFinalAndRecorded) {
  DataKeys keys(Key(), kAad, clock_);
  ASSERT_TRUE(Get(keys, "case-a", true).ok());
  ASSERT_TRUE(Shred(keys, "case-a").ok());
  keys.Forget("case-a");
  auto after = Get(keys, "case-a", /*create=*/true);
  EXPECT_EQ(after.status().code(), absl::StatusCode::kDataLoss) << after.status();
  EXPECT_EQ(Shred(keys, "case-a").code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Shred(keys, "case-z").code(), absl::StatusCode::kNotFound);
  absl::Status st = db_->Transaction([&](sqlite::Connection& c) -> absl::Status {
    auto state = DataKeys::StateOf(c, "case-a");
    EXPECT_TRUE(state.ok() && *state == DataKeys::State::kShredded);
    auto s = c.Prepare("SELECT wrapped IS NULL, shred_reason, shredded_by FROM data_keys");
    EXPECT_TRUE(s.ok());
    EXPECT_TRUE(*s->Step());
    EXPECT_EQ(s->ColumnInt(0), 1);
    EXPECT_EQ(s->ColumnText(1), "term passed");
    EXPECT_EQ(s->ColumnText(2), "retention");
    return absl::OkStatus();
  });
  EXPECT_TRUE(st.ok()) << st;
}

TEST_F(DataKeysTest, MasterRotationKeepsEveryLiveKey) {
  const std::string old_master = Key();
  const std::string new_master = Key();
  DataKeys keys(old_master, kAad, clock_);
  auto a = Get(keys, "case-a", true);
  auto b = Get(keys, "case-b", true);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_TRUE(Shred(keys, "case-b").ok());

  // A wrong old master changes nothing.
  absl::Status wrong = db_->Transaction(
      [&](sqlite::Connection& c) { return DataKeys::Rewrap(c, Key(), new_master, kAad).status(); });
  EXPECT_EQ(wrong.code(), absl::StatusCode::kInvalidArgument) << wrong;
  EXPECT_EQ(*Get(keys, "case-a", false), *a);

  int64_t rewrapped = -1;
  ASSERT_TRUE(db_->Transaction([&](sqlite::Connection& c) -> absl::Status {
                   auto n = DataKeys::Rewrap(c, old_master, new_master, kAad);
                   if (n.ok()) rewrapped = *n;
                   return n.status();
                 })
                  .ok());
  EXPECT_EQ(rewrapped, 1);
  DataKeys rotated(new_master, kAad, clock_);
  EXPECT_EQ(*Get(rotated, "case-a", false), *a);
  EXPECT_EQ(Get(rotated, "case-b", false).status().code(), absl::StatusCode::kDataLoss);
  DataKeys stale(old_master, kAad, clock_);
  EXPECT_FALSE(Get(stale, "case-a", false).ok());
}

}  // namespace
}  // namespace schakel
