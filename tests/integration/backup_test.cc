// Backup and restore (services/backup) of a running host's databases: a backup taken while a
// writer keeps creating cases restores everything acknowledged before it began, the restored
// audit log's root equals the manifest's signed checkpoint and grows on consistently, and a
// backup that was tampered with, cut short or sealed under another key is refused with nothing
// left behind.
#include <atomic>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "absl/strings/match.h"
#include "services/backup/backup.h"
#include "services/backup/backup_internal.h"
#include "services/backup/sealed_file.h"
#include "services/common/crypto.h"
#include "services/transparency/merkle.h"
#include "services/transparency/note.h"
#include "tests/integration/handover_fixture.h"

namespace schakel {
namespace {

using testing::HandoverWorld;
using testing::HCtx;

std::string CreateCaseNamed(HandoverWorld& w, const std::string& name) {
  v1::CreateCaseRequest req;
  req.set_request_id(NewRandomId());
  req.set_director_professional_id("dir");
  req.mutable_details()->add_violence_kinds(v1::VIOLENCE_KIND_CHILD_ABUSE_PHYSICAL);
  auto* p = req.add_persons();
  p->set_name(name);
  p->set_role(v1::PERSON_ROLE_CHILD);
  v1::CreateCaseResponse resp;
  grpc::Status st = w.C("vt")->CreateCase(HCtx().get(), req, &resp);
  return st.ok() ? resp.case_().id() : "";
}

// The verifier key of the test host's audit signing key (keys/signing.pem in its data dir).
std::string VerifierKeyOf(HandoverWorld& w) {
  auto stub = v1::AuditService::NewStub(w.ChannelOf("auditor"));
  v1::GetVerifierKeyResponse resp;
  EXPECT_TRUE(stub->GetVerifierKey(HCtx().get(), {}, &resp).ok());
  return resp.verifier_key();
}

void FlipByte(const std::filesystem::path& file, std::streamoff at) {
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  f.seekg(at);
  char c = 0;
  f.get(c);
  f.seekp(at);
  f.put(static_cast<char>(c ^ 0x01));
}

class BackupTest : public ::testing::Test {
 protected:
  BackupTest() : w_(dir_.path() / "data", &pki_) { key_ = *crypto::RandomBytes(crypto::kKeySize); }

  absl::StatusOr<v1::BackupManifest> TakeBackup(const std::string& name) {
    return backup::Backup({.data_dir = dir_.path() / "data",
                           .backup_dir = dir_.path() / name,
                           .backup_key = key_,
                           // Small chunks, so every database is many of them.
                           .chunk_size = 4096});
  }
  absl::StatusOr<v1::BackupManifest> RestoreFrom(const std::string& name, const std::string& into,
                                                 const std::string& vkey = "") {
    return backup::Restore({.backup_dir = dir_.path() / name,
                            .data_dir = dir_.path() / into,
                            .backup_key = key_,
                            .audit_verifier_key = vkey});
  }

  testing::TempDir dir_;
  testing::TestPki pki_;
  HandoverWorld w_;
  std::string key_;
};

TEST_F(BackupTest, UnderWriteLoadEveryAcknowledgedChangeIsRestoredAndTheLogVerifies) {
  const std::string vkey = VerifierKeyOf(w_);
  std::mutex mu;
  std::vector<std::string> acknowledged;
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    for (int i = 0; !stop; ++i) {
      const std::string id = CreateCaseNamed(w_, absl::StrCat("Kind ", i));
      if (id.empty()) continue;
      std::lock_guard<std::mutex> lock(mu);
      acknowledged.push_back(id);
    }
  });
  const auto count = [&] {
    std::lock_guard<std::mutex> lock(mu);
    return acknowledged.size();
  };
  while (count() < 5) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  std::vector<std::string> before;
  {
    std::lock_guard<std::mutex> lock(mu);
    before = acknowledged;
  }
  absl::StatusOr<v1::BackupManifest> manifest = TakeBackup("backup");
  const size_t during = count() - before.size();
  stop = true;
  writer.join();
  ASSERT_TRUE(manifest.ok()) << manifest.status();
  std::cout << "cases acknowledged before the backup: " << before.size()
            << ", while it ran: " << during << "\n";
  std::set<std::string> names;
  for (const v1::BackupFile& f : manifest->files()) {
    names.insert(f.name());
    EXPECT_GT(f.size(), 0);
    EXPECT_EQ(f.sha256().size(), 32u);
    EXPECT_GT(f.schema_size(), 0) << f.name();
  }
  EXPECT_EQ(names, (std::set<std::string>{"audit.db", "cases.db", "directory.db", "handover.db"}));
  ASSERT_TRUE(manifest->has_audit_checkpoint());
  EXPECT_GT(manifest->audit_checkpoint().tree_size(), 0);
  // No plain copy is left anywhere: not in the data directory's scratch, not in the backup.
  EXPECT_TRUE(std::filesystem::is_empty(dir_.path() / "data" / ".backup"));
  for (const auto& entry : std::filesystem::directory_iterator(dir_.path() / "backup")) {
    const std::string name = entry.path().filename().string();
    EXPECT_TRUE(name == backup::kManifestFile || absl::EndsWith(name, ".db.enc")) << name;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), {});
    EXPECT_EQ(bytes.find("SQLite format 3"), std::string::npos) << name << " is not sealed";
  }

  // Restored (with the signature checked) into an empty directory, with the service keys, which
  // a backup does not hold, put back beside it.
  absl::StatusOr<v1::BackupManifest> restored = RestoreFrom("backup", "restored", vkey);
  ASSERT_TRUE(restored.ok()) << restored.status();
  std::filesystem::copy(dir_.path() / "data" / "keys", dir_.path() / "restored" / "keys");
  w_.RestartOn(dir_.path() / "restored", pki_);
  for (const std::string& id : before) {
    v1::GetCaseRequest req;
    req.set_case_id(id);
    v1::GetCaseResponse resp;
    grpc::Status st = w_.C("dir")->GetCase(HCtx().get(), req, &resp);
    EXPECT_TRUE(st.ok()) << id << ": " << st.error_message();
  }

  // The restored log grows on from the manifest's checkpoint, consistently.
  auto audit = v1::AuditService::NewStub(w_.ChannelOf("auditor"));
  v1::GetCheckpointRequest fresh;
  fresh.set_fresh(true);
  v1::GetCheckpointResponse now;
  ASSERT_TRUE(audit->GetCheckpoint(HCtx().get(), fresh, &now).ok());
  const v1::BackupCheckpoint& then = manifest->audit_checkpoint();
  ASSERT_GT(now.checkpoint().tree_size(), then.tree_size());
  v1::GetConsistencyProofRequest creq;
  creq.set_size1(then.tree_size());
  creq.set_size2(now.checkpoint().tree_size());
  v1::GetConsistencyProofResponse proof;
  ASSERT_TRUE(audit->GetConsistencyProof(HCtx().get(), creq, &proof).ok());
  std::vector<audit::merkle::Hash> hashes;
  for (const std::string& h : proof.proof()) hashes.push_back(*audit::merkle::HashFromBytes(h));
  EXPECT_TRUE(audit::merkle::VerifyConsistency(
                  then.tree_size(), now.checkpoint().tree_size(),
                  *audit::merkle::HashFromBytes(then.root_hash()),
                  *audit::merkle::HashFromBytes(now.checkpoint().root_hash()), hashes)
                  .ok());
}

TEST_F(BackupTest, ATamperedPartialOrForeignBackupIsRefusedAndLeavesNothing) {
  ASSERT_FALSE(CreateCaseNamed(w_, "Kind").empty());
  ASSERT_TRUE(TakeBackup("backup").ok());
  const auto fresh_copy = [&](const std::string& name) {
    std::filesystem::copy(dir_.path() / "backup", dir_.path() / name);
    return dir_.path() / name;
  };
  const auto refused = [&](const std::string& name, const std::string& into,
                           const std::string& says) {
    absl::StatusOr<v1::BackupManifest> r = RestoreFrom(name, into);
    EXPECT_FALSE(r.ok()) << name << " was restored";
    EXPECT_NE(r.status().message().find(says), std::string::npos) << r.status();
    EXPECT_TRUE(std::filesystem::is_empty(dir_.path() / into)) << into << " is not empty";
  };

  // One flipped byte in the middle of the cases database.
  const auto flipped = fresh_copy("flipped");
  FlipByte(flipped / "cases.db.enc", std::filesystem::file_size(flipped / "cases.db.enc") / 2);
  refused("flipped", "r1", "cases.db.enc does not authenticate");
  // One flipped byte in the manifest.
  const auto manifest = fresh_copy("manifest");
  FlipByte(manifest / backup::kManifestFile, 20);
  refused("manifest", "r2", "the manifest does not authenticate");
  // A database missing; one cut short after a whole chunk; no manifest at all.
  const auto missing = fresh_copy("missing");
  std::filesystem::remove(missing / "handover.db.enc");
  refused("missing", "r3", "handover.db.enc is missing");
  const auto cut = fresh_copy("cut");
  std::filesystem::resize_file(cut / "audit.db.enc", crypto::kNonceSize + 4096 + crypto::kTagSize);
  refused("cut", "r4", "audit.db.enc does not authenticate at chunk 0");
  const auto partial = fresh_copy("partial");
  std::filesystem::remove(partial / backup::kManifestFile);
  refused("partial", "r5", "not a backup, or a partial one");
  // A database of another backup, sealed under the same key.
  ASSERT_TRUE(TakeBackup("other").ok());
  const auto mixed = fresh_copy("mixed");
  std::filesystem::copy_file(dir_.path() / "other" / "cases.db.enc", mixed / "cases.db.enc",
                             std::filesystem::copy_options::overwrite_existing);
  refused("mixed", "r6", "cases.db.enc does not authenticate");
  // Another key.
  key_ = *crypto::RandomBytes(crypto::kKeySize);
  refused("backup", "r7", "not the backup key");
}

// Someone with the backup key can reseal a changed database and manifest; the audit log's root,
// recomputed from its entries, still gives it away.
TEST_F(BackupTest, AnAuditLogChangedUnderTheBackupKeyIsRefusedByItsRoot) {
  ASSERT_FALSE(CreateCaseNamed(w_, "Kind").empty());
  absl::StatusOr<v1::BackupManifest> m = TakeBackup("backup");
  ASSERT_TRUE(m.ok()) << m.status();
  const auto dir = dir_.path() / "backup";
  const std::string context = backup::internal::FileContext(m->backup_id(), "audit.db");
  const auto plain = dir_.path() / "audit-plain.db";
  ASSERT_TRUE(backup::OpenFile(dir / "audit.db.enc", plain, key_, context, m->chunk_size()).ok());
  {
    auto db = backup::internal::OpenSqlite(plain, SQLITE_OPEN_READWRITE);
    ASSERT_TRUE(db.ok());
    ASSERT_EQ(sqlite3_exec(db->get(),
                           "UPDATE entries SET entry = CAST(entry || x'00' AS BLOB) WHERE idx = 0",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
  }
  std::filesystem::remove(dir / "audit.db.enc");
  absl::StatusOr<backup::Digest> resealed =
      backup::SealFile(plain, dir / "audit.db.enc", key_, context, m->chunk_size());
  ASSERT_TRUE(resealed.ok());
  for (v1::BackupFile& f : *m->mutable_files()) {
    if (f.name() != "audit.db") continue;
    f.set_size(resealed->size);
    f.set_sha256(resealed->sha256);
  }
  ASSERT_TRUE(backup::WriteManifest(dir, key_, *m).ok());

  absl::StatusOr<v1::BackupManifest> r = RestoreFrom("backup", "restored");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("root at size"), std::string::npos) << r.status();
  EXPECT_TRUE(std::filesystem::is_empty(dir_.path() / "restored"));
}

TEST_F(BackupTest, RestoreRefusesADirectoryThatHoldsSomething) {
  ASSERT_TRUE(TakeBackup("backup").ok());
  std::filesystem::create_directories(dir_.path() / "busy");
  std::ofstream(dir_.path() / "busy" / "cases.db") << "the live database";
  absl::StatusOr<v1::BackupManifest> r = RestoreFrom("backup", "busy");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("not an empty directory"), std::string::npos);
  std::ifstream in(dir_.path() / "busy" / "cases.db");
  std::string kept;
  std::getline(in, kept);
  EXPECT_EQ(kept, "the live database");
  // And a backup never overwrites one.
  EXPECT_FALSE(TakeBackup("backup").ok());
}

TEST(SealedFileTest, RoundTripsAtEveryChunkBoundary) {
  testing::TempDir dir;
  const std::string key = *crypto::RandomBytes(crypto::kKeySize);
  for (int size : {0, 1, 63, 64, 65, 128, 1000}) {
    const auto plain = dir.path() / absl::StrCat("p", size);
    std::string content;
    for (int i = 0; i < size; ++i) content.push_back(static_cast<char>(i * 7));
    std::ofstream(plain, std::ios::binary) << content;
    const auto sealed = dir.path() / absl::StrCat("s", size);
    const auto back = dir.path() / absl::StrCat("b", size);
    auto in = backup::SealFile(plain, sealed, key, "ctx", 64);
    ASSERT_TRUE(in.ok()) << in.status();
    auto out = backup::OpenFile(sealed, back, key, "ctx", 64);
    ASSERT_TRUE(out.ok()) << size << ": " << out.status();
    EXPECT_EQ(out->sha256, in->sha256);
    EXPECT_EQ(out->size, size);
    std::ifstream b(back, std::ios::binary);
    EXPECT_EQ(std::string((std::istreambuf_iterator<char>(b)), {}), content);
    // Another context (another file or backup) does not open.
    EXPECT_FALSE(
        backup::OpenFile(sealed, dir.path() / absl::StrCat("x", size), key, "other", 64).ok());
  }
}

}  // namespace
}  // namespace schakel
