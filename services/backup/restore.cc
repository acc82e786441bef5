#include <sqlite3.h>

#include <set>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "services/backup/backup.h"
#include "services/backup/backup_internal.h"
#include "services/backup/sealed_file.h"
#include "services/common/status.h"
#include "services/transparency/merkle.h"
#include "services/transparency/note.h"

namespace schakel::backup {
namespace {

namespace merkle = audit::merkle;
namespace note = audit::note;

// The sealed databases in the backup directory must be exactly the manifest's.
absl::Status CheckFileSet(const std::filesystem::path& dir, const v1::BackupManifest& manifest) {
  std::set<std::string> listed;
  for (const v1::BackupFile& f : manifest.files()) listed.insert(absl::StrCat(f.name(), ".enc"));
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name == kManifestFile) continue;
    if (!listed.count(name)) {
      return absl::DataLossError(absl::StrCat(name, " is in the backup but not in its manifest"));
    }
  }
  for (const std::string& name : listed) {
    if (!std::filesystem::exists(dir / name)) {
      return absl::DataLossError(absl::StrCat(name, " is missing: the backup is partial"));
    }
  }
  return absl::OkStatus();
}

// Recomputes the RFC 6962 root of the restored log's first tree_size entries and requires the
// checkpoint's root (and, given a verifier key, a valid signature on the checkpoint).
absl::Status CheckAuditLog(const std::filesystem::path& audit_db, const v1::BackupCheckpoint& cp,
                           const std::string& verifier_key) {
  if (!verifier_key.empty()) {
    SCHAKEL_ASSIGN_OR_RETURN(note::Verifier verifier, note::ParseVerifierKey(verifier_key));
    absl::StatusOr<std::string> body = note::OpenNote(cp.signed_note(), {verifier});
    if (!body.ok()) {
      return absl::DataLossError(
          absl::StrCat("the manifest's checkpoint is not signed by the audit log's key: ",
                       body.status().message()));
    }
    SCHAKEL_ASSIGN_OR_RETURN(note::Checkpoint parsed, note::ParseCheckpoint(*body));
    if (parsed.tree_size != cp.tree_size() || parsed.root_hash != cp.root_hash()) {
      return absl::DataLossError("the manifest's checkpoint differs from its signed note");
    }
  }
  SCHAKEL_ASSIGN_OR_RETURN(internal::SqliteHandle db,
                           internal::OpenSqlite(audit_db, SQLITE_OPEN_READWRITE));
  merkle::MemoryTree tree;
  int64_t expected = 0;
  absl::Status st = internal::ForEachRow(
      db.get(),
      absl::StrCat("SELECT idx, entry FROM entries WHERE idx < ", cp.tree_size(), " ORDER BY idx"),
      [&](sqlite3_stmt* s) -> absl::Status {
        if (sqlite3_column_int64(s, 0) != expected) {
          return absl::DataLossError(absl::StrCat("audit log entry ", expected, " is missing"));
        }
        ++expected;
        return tree.Append(
            merkle::HashLeaf(absl::string_view(static_cast<const char*>(sqlite3_column_blob(s, 1)),
                                               static_cast<size_t>(sqlite3_column_bytes(s, 1)))));
      });
  SCHAKEL_RETURN_IF_ERROR(st);
  if (expected != cp.tree_size()) {
    return absl::DataLossError(absl::StrCat("the audit log holds ", expected,
                                            " entries, fewer than its checkpoint's ",
                                            cp.tree_size()));
  }
  SCHAKEL_ASSIGN_OR_RETURN(merkle::Hash root, merkle::TreeHash(cp.tree_size(), tree));
  if (std::string(root.begin(), root.end()) != cp.root_hash()) {
    return absl::DataLossError(absl::StrCat("the restored audit log's root at size ",
                                            cp.tree_size(),
                                            " is not the checkpoint's: ", merkle::ToHex(root)));
  }
  return absl::OkStatus();
}

absl::Status RestoreInto(const RestoreOptions& o, const v1::BackupManifest& manifest) {
  SCHAKEL_RETURN_IF_ERROR(CheckFileSet(o.backup_dir, manifest));
  for (const v1::BackupFile& f : manifest.files()) {
    if (f.name().empty() || absl::StrContains(f.name(), "/") || f.name().front() == '.') {
      return absl::DataLossError(absl::StrCat("the manifest names a bad file '", f.name(), "'"));
    }
    const std::filesystem::path partial = o.data_dir / absl::StrCat(f.name(), ".restoring");
    SCHAKEL_ASSIGN_OR_RETURN(
        Digest digest,
        OpenFile(o.backup_dir / absl::StrCat(f.name(), ".enc"), partial, o.backup_key,
                 internal::FileContext(manifest.backup_id(), f.name()), manifest.chunk_size()));
    if (digest.size != f.size() || digest.sha256 != f.sha256()) {
      return absl::DataLossError(
          absl::StrCat(f.name(), " does not match the manifest's size and SHA-256"));
    }
    std::error_code ec;
    std::filesystem::rename(partial, o.data_dir / f.name(), ec);
    if (ec) return absl::DataLossError(absl::StrCat("cannot place ", f.name(), ": ", ec.message()));
  }
  if (manifest.has_audit_checkpoint()) {
    SCHAKEL_RETURN_IF_ERROR(
        CheckAuditLog(o.data_dir / "audit.db", manifest.audit_checkpoint(), o.audit_verifier_key));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::BackupManifest> Restore(const RestoreOptions& o) {
  std::error_code ec;
  std::filesystem::create_directories(o.data_dir, ec);
  if (ec || !std::filesystem::is_empty(o.data_dir, ec)) {
    return absl::FailedPreconditionError(absl::StrCat(
        o.data_dir.string(), " is not an empty directory: restore only into an empty one"));
  }
  std::filesystem::permissions(o.data_dir, std::filesystem::perms::owner_all, ec);
  SCHAKEL_ASSIGN_OR_RETURN(v1::BackupManifest manifest, ReadManifest(o.backup_dir, o.backup_key));
  if (absl::Status st = RestoreInto(o, manifest); !st.ok()) {
    // Nothing half-restored stays behind: the directory was empty.
    for (const auto& entry : std::filesystem::directory_iterator(o.data_dir, ec)) {
      std::filesystem::remove_all(entry.path(), ec);
    }
    return st;
  }
  return manifest;
}

}  // namespace schakel::backup
