// Resealing (services/common/reseal.h) on a real SQLite file with real AES-256-GCM: values under
// the old data key — in a key id column or with the key id in front — sealed again under the new
// key or their object's own key; values under other keys left alone; a value that does not open
// (its additional data wrong) fails the whole and the transaction changes nothing; a frozen
// table takes the new ciphertext only while `resealing` holds a row.
#include "services/common/reseal.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "services/common/crypto.h"
#include "services/common/sqlite.h"
#include "tests/support/test_env.h"

namespace schakel {
namespace {

using V = std::vector<std::string>;

std::string Key() { return *crypto::RandomBytes(crypto::kKeySize); }

class ResealTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = sqlite::Database::Open(dir_.path() / "reseal.db");
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = *std::move(db);
    ASSERT_TRUE(db_->Exec("CREATE TABLE notes (id TEXT PRIMARY KEY, owner TEXT NOT NULL, "
                          "key_id TEXT NOT NULL, body BLOB NOT NULL, hold BLOB) STRICT;"
                          "CREATE TABLE data_keys (key_id TEXT PRIMARY KEY, wrapped BLOB, "
                          "nonce BLOB, tag BLOB, create_time INTEGER NOT NULL, shred_time "
                          "INTEGER, shred_reason TEXT, shredded_by TEXT) STRICT")
                    .ok());
  }
  static reseal::Column Body(bool by_object = false) {
    return {.table = "notes",
            .blob = "body",
            .key_id = "key_id",
            .identity = {"owner", "id"},
            .aad = [](const V& v) { return absl::StrCat("note/", v[0], "/", v[1]); },
            .object = by_object ? "owner" : ""};
  }
  static reseal::Column Hold() {
    return {.table = "notes", .blob = "hold", .identity = {"id"}, .aad = [](const V& v) {
              return absl::StrCat("hold/", v[0]);
            }};
  }
  // A note sealed by `cipher` (its hold too, when given).
  void Insert(const FieldCipher& cipher, const std::string& id, const std::string& owner,
              const std::string& text, const std::string& hold = "") {
    absl::StatusOr<std::string> body = cipher.SealText(text, absl::StrCat("note/", owner, "/", id));
    ASSERT_TRUE(body.ok());
    std::string sealed_hold;
    if (!hold.empty()) {
      absl::StatusOr<std::string> h = cipher.Seal(absl::string_view(hold), "hold/" + id);
      ASSERT_TRUE(h.ok());
      sealed_hold = *h;
    }
    ASSERT_TRUE(db_->Transaction([&](sqlite::Connection& c) -> absl::Status {
                     auto s = c.Prepare("INSERT INTO notes VALUES (?, ?, ?, ?, ?)");
                     if (!s.ok()) return s.status();
                     s->BindAll(id, owner, cipher.key_id()).BindBlob(4, *body);
                     if (hold.empty()) {
                       s->BindNull(5);
                     } else {
                       s->BindBlob(5, sealed_hold);
                     }
                     return s->Run();
                   })
                    .ok());
  }
  struct Row {
    std::string key_id, body, hold;
  };
  Row Read(const std::string& id) {
    Row r;
    EXPECT_TRUE(db_->Transaction([&](sqlite::Connection& c) -> absl::Status {
                     auto s = c.Prepare("SELECT key_id, body, hold FROM notes WHERE id = ?");
                     if (!s.ok()) return s.status();
                     s->Bind(1, id);
                     auto row = s->Step();
                     if (!row.ok()) return row.status();
                     r = {s->ColumnText(0), s->ColumnBlob(1), s->ColumnBlob(2)};
                     return absl::OkStatus();
                   })
                    .ok());
    return r;
  }
  absl::StatusOr<std::vector<reseal::Resealed>> Run(const reseal::Plan& plan,
                                                    ObjectSealer* objects = nullptr) {
    absl::StatusOr<std::vector<reseal::Resealed>> out = absl::InternalError("not run");
    absl::Status st = db_->Transaction([&](sqlite::Connection& c) {
      out = reseal::Run(c, plan, old_, new_, objects);
      return out.status();
    });
    if (!st.ok()) return st;
    return out;
  }

  schakel::testing::TempDir dir_;
  std::unique_ptr<sqlite::Database> db_;
  const std::string index_ = Key();
  FieldCipher old_{Key(), index_};
  FieldCipher new_{Key(), index_};
  FakeClock clock_;
};

TEST_F(ResealTest, ValuesUnderTheOldKeyMoveToTheNew) {
  Insert(old_, "n1", "c1", "Mila woont bij haar oma", "onderzoek van de politie loopt");
  Insert(old_, "n2", "c1", "tweede notitie");

  auto done = Run({.columns = {Body(), Hold()}});
  ASSERT_TRUE(done.ok()) << done.status();
  ASSERT_EQ(done->size(), 2u);
  EXPECT_EQ((*done)[0].what, "notes.body");
  EXPECT_EQ((*done)[0].values, 2);
  EXPECT_EQ((*done)[1].what, "notes.hold");
  EXPECT_EQ((*done)[1].values, 1);

  const Row n1 = Read("n1");
  EXPECT_EQ(n1.key_id, new_.key_id());
  EXPECT_EQ(*new_.OpenText(n1.key_id, n1.body, "note/c1/n1"), "Mila woont bij haar oma");
  EXPECT_EQ(*new_.Open(n1.hold, "hold/n1"), "onderzoek van de politie loopt");
  EXPECT_FALSE(old_.OpenText(old_.key_id(), n1.body, "note/c1/n1").ok());
  EXPECT_FALSE(old_.Open(n1.hold, "hold/n1").ok()) << "the hold is still under the old key";
  EXPECT_EQ(*new_.OpenText(new_.key_id(), Read("n2").body, "note/c1/n2"), "tweede notitie");
  ASSERT_TRUE(db_->Transaction([&](sqlite::Connection& c) -> absl::Status {
                   EXPECT_EQ(*reseal::CountUnder(c, Body(), old_.key_id()), 0);
                   EXPECT_EQ(*reseal::CountUnder(c, Hold(), old_.key_id()), 0);
                   EXPECT_EQ(*reseal::CountUnder(c, Body(), new_.key_id()), 2);
                   EXPECT_EQ(*reseal::CountUnder(c, Hold(), new_.key_id()), 1);
                   return absl::OkStatus();
                 })
                  .ok());
  // Run again with the old key as the configured one: everything is under the new key, so the
  // configuration does not name the key in use. Refused.
  auto again = Run({.columns = {Body(), Hold()}});
  EXPECT_EQ(again.status().code(), absl::StatusCode::kFailedPrecondition) << again.status();
}

TEST_F(ResealTest, AValueThatDoesNotOpenFailsTheWholeAndChangesNothing) {
  Insert(old_, "n1", "c1", "eerste");
  Insert(old_, "n2", "c1", "tweede");
  // n2's ciphertext moved into another row: its additional data no longer matches.
  ASSERT_TRUE(db_->Exec("UPDATE notes SET owner = 'c9' WHERE id = 'n2'").ok());
  const Row before = Read("n1");
  auto done = Run({.columns = {Body()}});
  ASSERT_EQ(done.status().code(), absl::StatusCode::kDataLoss) << done.status();
  EXPECT_TRUE(absl::StrContains(done.status().message(), "notes.body (c9, n2)")) << done.status();
  EXPECT_EQ(Read("n1").key_id, old_.key_id()) << "the transaction was not rolled back";
  EXPECT_EQ(Read("n1").body, before.body);
}

// Where the configured key is not the one in use (a rotation ran, and the configuration still
// names its old key), a column without objects holds values under another key: refused before
// anything changes.
TEST_F(ResealTest, AValueUnderAnotherKeyIsRefused) {
  FieldCipher other(Key(), index_);
  Insert(old_, "n1", "c1", "eerste", "blokkade");
  Insert(other, "n2", "c1", "onder een andere sleutel");
  const Row before = Read("n1");
  auto done = Run({.columns = {Body()}});
  EXPECT_EQ(done.status().code(), absl::StatusCode::kFailedPrecondition) << done.status();
  EXPECT_TRUE(absl::StrContains(done.status().message(), other.key_id())) << done.status();
  EXPECT_EQ(Read("n1").body, before.body);
  // The same for the stored-answer form (the key id in front of the value).
  ASSERT_TRUE(db_->Exec("DELETE FROM notes WHERE id = 'n2'").ok());
  Insert(old_, "n3", "c1", "derde", "");
  Insert(other, "n4", "c1", "vierde", "andere blokkade");
  ASSERT_TRUE(db_->Exec("UPDATE notes SET key_id = (SELECT key_id FROM notes WHERE id = 'n1') "
                        "WHERE id = 'n4'")
                  .ok());
  done = Run({.columns = {Hold()}});
  EXPECT_EQ(done.status().code(), absl::StatusCode::kFailedPrecondition) << done.status();
}

TEST_F(ResealTest, RowsWithAnObjectMoveToTheObjectsOwnKeyAndOthersStay) {
  Insert(old_, "n1", "c1", "van voor de objectsleutels");
  // A row under its object's key already: not the data key's, left as it is.
  FieldCipher object_key(Key(), "");
  Insert(object_key, "n2", "c2", "al onder de sleutel van c2");
  const Row n2_before = Read("n2");
  ObjectSealer objects(new_, Key(), "test/", "owner", clock_);
  auto done = Run({.columns = {Body(/*by_object=*/true)}}, &objects);
  ASSERT_TRUE(done.ok()) << done.status();
  EXPECT_EQ(Read("n2").key_id, n2_before.key_id);
  EXPECT_EQ(Read("n2").body, n2_before.body) << "a value under another key was touched";
  const Row n1 = Read("n1");
  EXPECT_NE(n1.key_id, new_.key_id());
  EXPECT_NE(n1.key_id, old_.key_id());
  ASSERT_TRUE(db_->Transaction([&](sqlite::Connection& c) -> absl::Status {
                   auto plain = objects.OpenText(c, "c1", n1.key_id, n1.body, "note/c1/n1");
                   EXPECT_TRUE(plain.ok()) << plain.status();
                   if (plain.ok()) {
                     EXPECT_EQ(*plain, "van voor de objectsleutels");
                   }
                   return absl::OkStatus();
                 })
                  .ok());
}

TEST_F(ResealTest, AnEmptyValueOnlyChangesItsKeyId) {
  Insert(old_, "n1", "c1", "x");
  ASSERT_TRUE(db_->Exec("UPDATE notes SET body = X'' WHERE id = 'n1'").ok());
  auto done = Run({.columns = {Body()}});
  ASSERT_TRUE(done.ok()) << done.status();
  EXPECT_EQ(Read("n1").key_id, new_.key_id());
  EXPECT_EQ(Read("n1").body, "");
}

TEST_F(ResealTest, AFrozenTableTakesTheNewCiphertextOnlyWhileResealing) {
  Insert(old_, "n1", "c1", "vastgelegd");
  ASSERT_TRUE(db_->Exec("CREATE TABLE resealing (one INTEGER PRIMARY KEY CHECK (one = 1));"
                        "CREATE TRIGGER notes_frozen BEFORE UPDATE ON notes "
                        "WHEN NOT EXISTS (SELECT 1 FROM resealing) "
                        "BEGIN SELECT RAISE(ABORT, 'frozen'); END")
                  .ok());
  EXPECT_FALSE(db_->Exec("UPDATE notes SET body = X'00' WHERE id = 'n1'").ok());
  auto done = Run({.columns = {Body()}});
  ASSERT_TRUE(done.ok()) << done.status();
  EXPECT_EQ(Read("n1").key_id, new_.key_id());
  EXPECT_FALSE(db_->Exec("UPDATE notes SET body = X'00' WHERE id = 'n1'").ok())
      << "the marker was left behind";
}

TEST_F(ResealTest, TheSameKeyIsRefused) {
  absl::Status st = db_->Transaction([&](sqlite::Connection& c) {
    return reseal::Run(c, {.columns = {Body()}}, old_, old_, nullptr).status();
  });
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace schakel
