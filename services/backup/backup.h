// Backup and restore of a host's databases (`schakeld backup`, `schakeld restore`).
//
// Backup copies every database of a data directory with SQLite's online backup API while the
// services keep serving: each copy is one read transaction, so it is a consistent snapshot of
// that database, and every change acknowledged before the backup started is in it (WAL mode:
// writers go on meanwhile). Each copy is sealed in chunks with AES-256-GCM under the backup key
// (sealed_file.h) into "<name>.enc", and a manifest — each database's size, SHA-256 and schema
// versions, and the audit log's newest signed checkpoint in the copy — is sealed last into
// "manifest.enc". The plain copies live only in the data directory's own ".backup" directory
// (as private as the databases) and are deleted once sealed.
//
// Restore refuses a target directory that holds anything; opens the manifest (a wrong key or a
// changed manifest is refused); opens every database it lists (a missing, changed, truncated or
// foreign file is refused, and so is a file the manifest does not list), checks each SHA-256;
// and, when the backup holds the audit log, recomputes the Merkle root of its entries up to the
// manifest's checkpoint and requires it to equal the checkpoint's root (and, given the audit
// log's verifier key, the checkpoint's signature). On any failure nothing stays in the target.
//
// The service keys (data, index, master and signing keys) are not in a backup: they are kept,
// and backed up, apart. Without them the databases' personal data cannot be read; with the
// backup key alone, nothing personal can.
#ifndef SCHAKEL_SERVICES_BACKUP_BACKUP_H_
#define SCHAKEL_SERVICES_BACKUP_BACKUP_H_

#include <filesystem>
#include <string>

#include "absl/status/statusor.h"
#include "schakel/v1/backup.pb.h"
#include "services/common/clock.h"

namespace schakel::backup {

inline constexpr char kManifestFile[] = "manifest.enc";
inline constexpr int64_t kDefaultChunkSize = 1 << 20;

struct BackupOptions {
  std::filesystem::path data_dir;
  // Created; must not exist yet.
  std::filesystem::path backup_dir;
  // 32 raw bytes (crypto::ReadKeyFile).
  std::string backup_key;
  int64_t chunk_size = kDefaultChunkSize;
  const Clock* clock = nullptr;  // default: the real clock
};

// Backs up every "*.db" of options.data_dir. Returns the manifest written.
absl::StatusOr<v1::BackupManifest> Backup(const BackupOptions& options);

struct RestoreOptions {
  std::filesystem::path backup_dir;
  // Created if missing; must be empty.
  std::filesystem::path data_dir;
  std::string backup_key;
  // The audit log's verifier key ("<name>+<key id>+<key>", `schakelctl pki audit-keys` writes it
  // as audit.vkey); empty: the checkpoint's signature is not checked, only its root.
  std::string audit_verifier_key;
};

// Restores a backup into options.data_dir. Returns its manifest.
absl::StatusOr<v1::BackupManifest> Restore(const RestoreOptions& options);

// Reads and opens a backup's manifest (Restore does first).
absl::StatusOr<v1::BackupManifest> ReadManifest(const std::filesystem::path& backup_dir,
                                                const std::string& backup_key);
// Seals `manifest` into backup_dir/manifest.enc (Backup does last; replaces one there).
absl::Status WriteManifest(const std::filesystem::path& backup_dir, const std::string& backup_key,
                           const v1::BackupManifest& manifest);

}  // namespace schakel::backup

#endif  // SCHAKEL_SERVICES_BACKUP_BACKUP_H_
