// AuditLog on a real SQLite file: crypto-shredding, tampering with what is stored, and
// the group commit that keeps read records cheap.
#include "services/audit/audit_log.h"

#include <fstream>
#include <random>
#include <thread>

#include <google/protobuf/util/time_util.h>
#include <gtest/gtest.h>

#include "services/common/audit_trail.h"
#include "services/common/crypto.h"
#include "services/common/migrations.h"
#include "services/common/outbox.h"
#include "services/common/status.h"
#include "tests/support/test_env.h"

namespace schakel::migrations {
const MigrationTrack& audit_track();
}  // namespace schakel::migrations

namespace schakel::audit {
namespace {

using google::protobuf::util::TimeUtil;

v1::AuditRecord Record(int64_t seq, absl::Time when, const std::string& object) {
  v1::AuditRecord r;
  r.set_event_id("ev-" + std::to_string(seq));
  r.set_action(v1::AUDIT_ACTION_READ);
  r.set_event_type("case.read");
  *r.mutable_event_time() = TimeUtil::SecondsToTimestamp(absl::ToUnixSeconds(when));
  r.set_outcome(v1::AUDIT_OUTCOME_SUCCESS);
  r.mutable_user()->set_principal_id("pieter");
  r.mutable_user()->set_organisation_id("politie-test");
  auto* o = r.add_objects();
  o->set_type("case");
  o->set_id(object);
  r.set_source_service("cases");
  r.set_source_sequence(seq);
  return r;
}

class AuditLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = sqlite::Database::Open(dir_.path() / "audit.db");
    ASSERT_TRUE(db.ok());
    db_ = *std::move(db);
    ASSERT_TRUE(db_->Exec("PRAGMA secure_delete=ON").ok());
    const migrations::MigrationTrack* tracks[] = {&migrations::common_track(),
                                                  &migrations::audit_track()};
    ASSERT_TRUE(migrations::Apply(*db_, tracks).ok());
    AuditLogKeys keys;
    keys.master_key = *crypto::RandomBytes(32);
    keys.index_key = *crypto::RandomBytes(32);
    keys.signer.emplace("schakel.test/audit", *note::Ed25519PrivateKey::Generate());
    verifier_ = *note::ParseVerifierKey(keys.signer->VerifierKey());
    keys_copy_.master_key = keys.master_key;
    keys_copy_.index_key = keys.index_key;
    log_ = std::make_unique<AuditLog>(*db_, std::move(keys), AuditLogOptions{}, clock_);
  }

  void Append(int64_t from, int64_t count, const std::string& object) {
    google::protobuf::RepeatedPtrField<v1::AuditRecord> batch;
    for (int64_t i = from; i < from + count; ++i) *batch.Add() = Record(i, clock_.Now(), object);
    auto resp = log_->Append(batch);
    ASSERT_TRUE(resp.ok()) << resp.status();
  }

  // Every entry's inclusion proof against `cp`, verified as a partner would.
  int CountVerifiedEntries(const v1::SignedCheckpoint& cp) {
    int ok = 0;
    auto root = merkle::HashFromBytes(cp.root_hash());
    for (int64_t i = 0; i < cp.tree_size(); ++i) {
      auto proof = log_->ProveInclusion(i, cp.tree_size());
      if (proof.ok() &&
          merkle::VerifyInclusion(i, cp.tree_size(), proof->first, proof->second, *root).ok()) {
        ++ok;
      }
    }
    return ok;
  }

  testing::TempDir dir_;
  FakeClock clock_{absl::FromCivil(absl::CivilSecond(2026, 10, 15, 12, 0, 0), absl::UTCTimeZone())};
  std::unique_ptr<sqlite::Database> db_;
  std::unique_ptr<AuditLog> log_;
  note::Verifier verifier_;
  AuditLogKeys keys_copy_;  // master and index keys, for a second AuditLog ("after a restart")
};

TEST_F(AuditLogTest, AppendIsIdempotentOnSourceAndSequence) {
  Append(1, 10, "case-1");
  Append(5, 10, "case-1");  // 5..9 again, 10..14 new
  EXPECT_EQ(*log_->Size(), 14);
  // The same (source, sequence) with another event: a reused sequence, refused, nothing stored.
  google::protobuf::RepeatedPtrField<v1::AuditRecord> reused;
  *reused.Add() = Record(3, clock_.Now(), "case-1");
  reused.Mutable(0)->set_event_id("a-different-event");
  EXPECT_EQ(log_->Append(reused).status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(*log_->Size(), 14);
}

// A batch that fails after creating the month's data key rolls the key back too; nothing may keep
// using a key the database never stored (entries would be unreadable after a restart).
TEST_F(AuditLogTest, RolledBackBatchLeavesNoPhantomDataKey) {
  Append(1, 1, "case-1");  // October's key exists
  clock_.Set(absl::FromCivil(absl::CivilSecond(2026, 11, 1, 0, 0, 1), absl::UTCTimeZone()));
  google::protobuf::RepeatedPtrField<v1::AuditRecord> batch;
  *batch.Add() = Record(2, clock_.Now(), "case-2");  // creates November's key
  *batch.Add() = Record(3, clock_.Now(), "case-3");
  *batch.Add() = Record(4, clock_.Now(), "case-4");
  batch.Mutable(2)->set_event_id(batch.Get(0).event_id());  // UNIQUE(event_id) fails: rollback
  EXPECT_FALSE(log_->Append(batch).ok());
  batch.Mutable(2)->set_event_id("ev-4");
  ASSERT_TRUE(log_->Append(batch).ok());

  // A fresh AuditLog on the same files (a restart) reads every entry.
  AuditLog restarted(*db_, std::move(keys_copy_), AuditLogOptions{}, clock_);
  auto all = restarted.Query({}, -1, 10);
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->size(), 4u);
  for (const auto& e : *all) EXPECT_FALSE(e.shredded());
}

TEST_F(AuditLogTest, RecordsAreEncryptedAtRest) {
  Append(1, 3, "case-very-secret-id");
  std::ifstream file(dir_.path() / "audit.db", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(file)), {});
  std::ifstream wal(dir_.path() / "audit.db-wal", std::ios::binary);
  bytes.append((std::istreambuf_iterator<char>(wal)), {});
  EXPECT_EQ(bytes.find("case-very-secret-id"), std::string::npos);
  EXPECT_EQ(bytes.find("pieter"), std::string::npos);
  auto found = log_->Query({.object_id = "case-very-secret-id"}, -1, 10);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->size(), 3u);
}

TEST_F(AuditLogTest, ShreddingMakesEntriesUnreadableAndKeepsEveryProofValid) {
  Append(1, 40, "case-oktober");  // October 2026
  clock_.Set(absl::FromCivil(absl::CivilSecond(2026, 11, 2, 9, 0, 0), absl::UTCTimeZone()));
  Append(41, 30, "case-november");
  auto before = log_->SignCheckpoint();
  ASSERT_TRUE(before.ok());
  ASSERT_EQ(CountVerifiedEntries(*before), 70);

  // The wrapped key as it sits in the file now.
  std::string wrapped;
  ASSERT_TRUE(db_->Read([&](sqlite::Connection& c) -> absl::Status {
                   SCHAKEL_ASSIGN_OR_RETURN(
                       auto s, c.Prepare("SELECT wrapped FROM data_keys WHERE key_id = '2026-10'"));
                   SCHAKEL_ASSIGN_OR_RETURN(bool row, s.Step());
                   if (row) wrapped = s.ColumnBlob(0);
                   return absl::OkStatus();
                 })
                  .ok());
  ASSERT_EQ(wrapped.size(), 32u);

  // The current month cannot be shredded: entries are still being added to it.
  EXPECT_EQ(db_->Transaction([&](sqlite::Connection& c) {
                 return log_->ShredInTransaction(c, "2026-11", "too early", "auditor").status();
               })
                .code(),
            absl::StatusCode::kFailedPrecondition);
  int64_t affected = 0;
  ASSERT_TRUE(db_->Transaction([&](sqlite::Connection& c) -> absl::Status {
                   SCHAKEL_ASSIGN_OR_RETURN(
                       affected, log_->ShredInTransaction(c, "2026-10", "retention", "auditor"));
                   return absl::OkStatus();
                 })
                  .ok());
  ASSERT_TRUE(log_->AfterShred("2026-10").ok());
  EXPECT_EQ(affected, 40);

  auto october = log_->Query({}, -1, 100);
  ASSERT_TRUE(october.ok()) << october.status();
  int shredded = 0, readable = 0;
  for (const auto& e : *october) {
    if (e.shredded()) {
      ++shredded;
      EXPECT_FALSE(e.has_record());
    } else {
      ++readable;
      EXPECT_EQ(e.record().objects(0).id(), "case-november");
    }
  }
  EXPECT_EQ(shredded, 40);
  EXPECT_EQ(readable, 30);
  // The blind index of the shredded period is gone too.
  EXPECT_TRUE(log_->Query({.object_id = "case-oktober"}, -1, 100)->empty());
  // Every proof still holds, against the checkpoint signed before the shredding.
  EXPECT_EQ(CountVerifiedEntries(*before), 70);
  EXPECT_TRUE(note::OpenNote(before->signed_note(), {&verifier_, 1}).ok());
  // And the wrapped key is no longer anywhere in the database files.
  std::ifstream file(dir_.path() / "audit.db", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(file)), {});
  std::ifstream wal(dir_.path() / "audit.db-wal", std::ios::binary);
  bytes.append((std::istreambuf_iterator<char>(wal)), {});
  EXPECT_EQ(bytes.find(wrapped), std::string::npos);
}

// Tampering with what is stored — an entry's bytes, a node hash, entries swapped, deleted or
// appended behind the log's back — is caught by a partner holding a signed checkpoint.
TEST_F(AuditLogTest, TamperingWithStoredDataIsDetected) {
  for (int i = 0; i < 20; ++i) Append(1 + i * 100, 100, "case-" + std::to_string(i));
  auto cp = log_->SignCheckpoint();
  ASSERT_TRUE(cp.ok());
  const int64_t n = cp->tree_size();
  ASSERT_EQ(n, 2000);
  auto root = *merkle::HashFromBytes(cp->root_hash());

  // Recomputes the root from the stored entry bytes, as verify-export does.
  auto exported_root = [&]() -> merkle::Hash {
    merkle::MemoryTree tree;
    const auto entries = log_->ReadEntries(0, n);
    for (const auto& bytes : *entries) EXPECT_TRUE(tree.Append(merkle::HashLeaf(bytes)).ok());
    return tree.size() == n ? *merkle::TreeHash(n, tree) : merkle::Hash{};
  };
  auto exec = [&](const std::string& sql, const std::function<void(sqlite::Statement&)>& bind) {
    absl::Status st = db_->Transaction([&](sqlite::Connection& c) -> absl::Status {
      SCHAKEL_ASSIGN_OR_RETURN(auto s, c.Prepare(sql));
      bind(s);
      return s.Run();
    });
    ASSERT_TRUE(st.ok()) << sql << ": " << st;
  };
  auto entry_bytes = [&](int64_t i) { return (*log_->ReadEntries(i, 1))[0]; };
  ASSERT_EQ(exported_root(), root);

  std::mt19937_64 rng(20261123);
  for (int trial = 0; trial < 60; ++trial) {
    const int64_t i = static_cast<int64_t>(rng() % n);
    const int64_t j = (i + 1 + static_cast<int64_t>(rng() % (n - 1))) % n;
    const std::string original_i = entry_bytes(i), original_j = entry_bytes(j);
    switch (trial % 4) {
      case 0: {  // change one byte of a stored entry
        std::string changed = original_i;
        changed[rng() % changed.size()] ^= static_cast<char>(1 + rng() % 255);
        exec("UPDATE entries SET entry = ? WHERE idx = ?",
             [&](sqlite::Statement& s) { s.BindBlob(1, changed).Bind(2, i); });
        break;
      }
      case 1:  // swap two entries
        exec("UPDATE entries SET entry = ? WHERE idx = ?",
             [&](sqlite::Statement& s) { s.BindBlob(1, original_j).Bind(2, i); });
        exec("UPDATE entries SET entry = ? WHERE idx = ?",
             [&](sqlite::Statement& s) { s.BindBlob(1, original_i).Bind(2, j); });
        break;
      case 2:  // delete an entry (the rest shift down, as a rewritten export would)
        exec("DELETE FROM entries WHERE idx = ?", [&](sqlite::Statement& s) { s.Bind(1, i); });
        break;
      case 3: {  // change a stored node hash: the proofs that read it must fail
        const int64_t leaf = merkle::StoredHashIndex(0, i);
        exec("UPDATE tree_hashes SET hash = zeroblob(32) WHERE id = ?",
             [&](sqlite::Statement& s) { s.Bind(1, leaf); });
        auto proof = log_->ProveInclusion(i, n);
        EXPECT_TRUE(!proof.ok() ||
                    !merkle::VerifyInclusion(i, n, proof->first, proof->second, root).ok())
            << "trial " << trial;
        // Restore it from the entry bytes.
        const merkle::Hash h = merkle::HashLeaf(original_i);
        exec("UPDATE tree_hashes SET hash = ? WHERE id = ?", [&](sqlite::Statement& s) {
          s.BindBlob(1, std::string(h.begin(), h.end())).Bind(2, leaf);
        });
        continue;
      }
    }
    EXPECT_NE(exported_root(), root) << "trial " << trial;
    // Undo, so every trial starts from the genuine log.
    exec(
        "INSERT OR REPLACE INTO entries (idx, event_id, source_service, source_sequence, entry, "
        "key_id, organisation_id, event_type, event_time) VALUES (?, ?, 'x', ?, ?, '', '', '', 0)",
        [&](sqlite::Statement& s) {
          s.Bind(1, i).Bind(2, "restored-" + std::to_string(trial * 2)).Bind(3, -1 - trial * 2);
          s.BindBlob(4, original_i);
        });
    exec("UPDATE entries SET entry = ? WHERE idx = ?",
         [&](sqlite::Statement& s) { s.BindBlob(1, original_j).Bind(2, j); });
    ASSERT_EQ(exported_root(), root) << "trial " << trial << " not undone";
  }
  // Appending a forged entry behind the log's back does not match the signed size and root.
  exec(
      "INSERT INTO entries (idx, event_id, source_service, source_sequence, entry, key_id, "
      "organisation_id, event_type, event_time) VALUES (?, 'forged', 'x', 1, X'78', '', '', '', 0)",
      [&](sqlite::Statement& s) { s.Bind(1, n); });
  merkle::MemoryTree tree;
  const auto all = log_->ReadEntries(0, n + 1);
  for (const auto& bytes : *all) ASSERT_TRUE(tree.Append(merkle::HashLeaf(bytes)).ok());
  EXPECT_NE(*merkle::TreeHash(n + 1, tree), root);
}

TEST_F(AuditLogTest, NeverSignsACheckpointThatDoesNotExtendTheLastOne) {
  Append(1, 50, "case-a");
  ASSERT_TRUE(log_->SignCheckpoint().ok());
  Append(51, 10, "case-a");
  // Rewrite history: the stored hash of the first 32 entries, which every later root builds on.
  ASSERT_TRUE(db_->Transaction([](sqlite::Connection& c) -> absl::Status {
                   SCHAKEL_ASSIGN_OR_RETURN(
                       auto s,
                       c.Prepare("UPDATE tree_hashes SET hash = zeroblob(32) WHERE id = ?"));
                   return s.Bind(1, merkle::StoredHashIndex(5, 0)).Run();
                 })
                  .ok());
  auto cp = log_->SignCheckpoint();
  EXPECT_EQ(cp.status().code(), absl::StatusCode::kDataLoss) << cp.status();
}

TEST(GroupCommitTest, ConcurrentRecordsShareCommits) {
  testing::TempDir dir;
  auto db = *sqlite::Database::Open(dir.path() / "svc.db");
  const migrations::MigrationTrack* tracks[] = {&migrations::common_track()};
  ASSERT_TRUE(migrations::Apply(*db, tracks).ok());
  FakeClock clock;
  AuditTrail trail(*db, "cases", clock);
  constexpr int kReaders = 32;
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int i = 0; i < kReaders; ++i) {
    threads.emplace_back([&, i] {
      ready.fetch_add(1);
      while (ready.load() < kReaders) std::this_thread::yield();
      Caller caller{Principal{.id = "p" + std::to_string(i),
                              .organisation_id = "org",
                              .kind = v1::PRINCIPAL_KIND_USER},
                    {}};
      if (!trail.RecordDurably(trail.NewRecord(caller, v1::AUDIT_ACTION_READ, "case.read")).ok()) {
        failures.fetch_add(1);
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(*PendingOutboxMessages(*db, kAuditTopic), kReaders);
  // Every reader returned only after its record committed, yet far fewer commits were made.
  EXPECT_LE(trail.committer().commits(), kReaders / 2) << trail.committer().commits();
}

TEST(GroupCommitTest, OneFailingItemDoesNotUndoTheOthers) {
  testing::TempDir dir;
  auto db = *sqlite::Database::Open(dir.path() / "svc.db");
  ASSERT_TRUE(db->Transaction([](sqlite::Connection& c) {
                  return c.Exec("CREATE TABLE t (x INTEGER NOT NULL)");
                }).ok());
  GroupCommitter committer(*db);
  std::vector<std::thread> threads;
  std::atomic<int> ok{0}, failed{0};
  for (int i = 0; i < 16; ++i) {
    threads.emplace_back([&, i] {
      absl::Status st = committer.Run([i](sqlite::Connection& c) -> absl::Status {
        SCHAKEL_RETURN_IF_ERROR(c.Exec("INSERT INTO t VALUES (1)"));
        if (i % 4 == 0) return absl::InvalidArgumentError("this one fails after writing");
        return absl::OkStatus();
      });
      (st.ok() ? ok : failed).fetch_add(1);
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 12);
  EXPECT_EQ(failed.load(), 4);
  int64_t rows = -1;
  ASSERT_TRUE(db->Read([&](sqlite::Connection& c) -> absl::Status {
                  SCHAKEL_ASSIGN_OR_RETURN(auto s, c.Prepare("SELECT COUNT(*) FROM t"));
                  SCHAKEL_ASSIGN_OR_RETURN(bool row, s.Step());
                  if (row) rows = s.ColumnInt(0);
                  return absl::OkStatus();
                }).ok());
  EXPECT_EQ(rows, 12);
}

}  // namespace
}  // namespace schakel::audit
