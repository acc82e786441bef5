#include "services/schakeld/backup_command.h"

#include <fstream>
#include <iostream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/backup/backup.h"
#include "services/common/crypto.h"
#include "services/common/proto_time.h"
#include "services/transparency/merkle.h"

namespace schakel {
namespace {

int Refuse(absl::string_view what, const absl::Status& status) {
  std::cerr << "schakeld " << what << ": " << status.message() << "\n";
  return status.code() == absl::StatusCode::kInvalidArgument ? 2 : 1;
}

void Describe(const v1::BackupManifest& m) {
  for (const v1::BackupFile& f : m.files()) {
    std::vector<std::string> schema;
    for (const auto& v : f.schema()) schema.push_back(absl::StrCat(v.track(), " ", v.version()));
    std::cout << "  " << f.name() << ": " << f.size() << " bytes, schema "
              << absl::StrJoin(schema, ", ") << "\n";
  }
  if (m.has_audit_checkpoint()) {
    audit::merkle::Hash root{};
    const std::string& raw = m.audit_checkpoint().root_hash();
    std::copy_n(raw.begin(), std::min(raw.size(), root.size()), root.begin());
    std::cout << "  audit log checkpoint: size " << m.audit_checkpoint().tree_size() << ", root "
              << audit::merkle::ToHex(root) << "\n";
  }
}

}  // namespace

int RunBackup(const BackupCommand& c) {
  if (c.data_dir.empty() || c.to.empty() || c.backup_key.empty()) {
    return Refuse("backup", absl::InvalidArgumentError(
                                "usage: schakeld backup --config=FILE (or --data-dir=DIR) "
                                "--to=NEW_DIR --backup-key=FILE"));
  }
  absl::StatusOr<std::string> key = crypto::ReadKeyFile(c.backup_key);
  if (!key.ok()) return Refuse("backup", key.status());
  backup::BackupOptions options;
  options.data_dir = c.data_dir;
  options.backup_dir = c.to;
  options.backup_key = *key;
  absl::StatusOr<v1::BackupManifest> m = backup::Backup(options);
  if (!m.ok()) return Refuse("backup", m.status());
  std::cout << "schakeld backup: " << m->files_size() << " databases of " << c.data_dir << " in "
            << c.to << " (backup " << m->backup_id() << ")\n";
  Describe(*m);
  return 0;
}

int RunRestore(const BackupCommand& c) {
  if (c.from.empty() || c.to.empty() || c.backup_key.empty()) {
    return Refuse("restore", absl::InvalidArgumentError(
                                 "usage: schakeld restore --from=BACKUP_DIR --to=EMPTY_DATA_DIR "
                                 "--backup-key=FILE [--audit-vkey=FILE]"));
  }
  absl::StatusOr<std::string> key = crypto::ReadKeyFile(c.backup_key);
  if (!key.ok()) return Refuse("restore", key.status());
  backup::RestoreOptions options;
  options.backup_dir = c.from;
  options.data_dir = c.to;
  options.backup_key = *key;
  if (!c.audit_vkey.empty()) {
    std::ifstream in(c.audit_vkey);
    std::string vkey;
    if (!std::getline(in, vkey)) {
      return Refuse("restore", absl::NotFoundError(absl::StrCat("cannot read ", c.audit_vkey)));
    }
    options.audit_verifier_key = std::string(absl::StripAsciiWhitespace(vkey));
  }
  absl::StatusOr<v1::BackupManifest> m = backup::Restore(options);
  if (!m.ok()) return Refuse("restore", m.status());
  std::cout << "schakeld restore: backup " << m->backup_id() << " restored into " << c.to
            << "; every database matches its manifest"
            << (m->has_audit_checkpoint()
                    ? (options.audit_verifier_key.empty()
                           ? ", and the audit log's root equals the checkpoint's"
                           : ", and the audit log's root equals the signed checkpoint's")
                    : "")
            << "\n";
  Describe(*m);
  return 0;
}

}  // namespace schakel
