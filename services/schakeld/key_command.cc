#include "services/schakeld/key_command.h"

#include <filesystem>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "services/audit/audit_log.h"
#include "services/common/crypto.h"
#include "services/common/data_keys.h"
#include "services/common/sqlite.h"

namespace schakel {

int RunRotateMasterKey(const RotateMasterKeyCommand& command) {
  auto usage = [](const std::string& why) {
    std::cerr << "schakeld rotate-master-key: " << why
              << "\nusage: schakeld rotate-master-key --config=FILE --service=audit "
                 "--new-master-key=FILE   (with the service stopped)\n";
    return 2;
  };
  if (command.service != "audit") {
    return usage(
        "only the audit service keeps wrapped data keys (one per month); the other services "
        "encrypt under one data key each (docs/operations.md, \"Not built yet\")");
  }
  if (command.config.data_dir().empty()) return usage("--config (or --data-dir) is needed");
  if (command.config.audit().master_key_file().empty()) {
    return usage("the configuration names no audit.master_key_file (the current key)");
  }
  if (command.new_master_key.empty()) return usage("--new-master-key is needed");
  auto refuse = [](const std::string& why) {
    std::cerr << "schakeld rotate-master-key: " << why << "\n";
    return 1;
  };
  auto old_key = crypto::ReadKeyFile(command.config.audit().master_key_file());
  if (!old_key.ok()) return refuse(std::string(old_key.status().message()));
  auto new_key = crypto::ReadKeyFile(command.new_master_key);
  if (!new_key.ok()) return refuse(std::string(new_key.status().message()));
  if (*old_key == *new_key) return refuse("the new master key is the current one");
  const std::filesystem::path db_path =
      std::filesystem::path(command.config.data_dir()) / "audit.db";
  if (!std::filesystem::exists(db_path)) return refuse(db_path.string() + ": no such database");
  auto db = sqlite::Database::Open(db_path);
  if (!db.ok()) return refuse(std::string(db.status().message()));
  int64_t rewrapped = 0;
  absl::Status st = (*db)->Transaction([&](sqlite::Connection& c) -> absl::Status {
    auto n = DataKeys::Rewrap(c, *old_key, *new_key, audit::kAuditDataKeyAad);
    if (!n.ok()) return n.status();
    rewrapped = *n;
    return absl::OkStatus();
  });
  if (!st.ok())
    return refuse(absl::StrCat(db_path.string(), ": ", st.message(), "; nothing changed"));
  // The old wrappings may still sit in the WAL: write them into the database file and empty it.
  if (absl::Status cp = (*db)->Exec("PRAGMA wal_checkpoint(TRUNCATE)"); !cp.ok()) {
    return refuse(absl::StrCat("checkpointing the WAL: ", cp.message()));
  }
  std::cout << "schakeld rotate-master-key: " << rewrapped << " data keys of " << db_path.string()
            << " rewrapped under " << command.new_master_key
            << ".\nNow set audit.master_key_file to the new key and start the service. Keep the "
               "old key as long as you keep backups made before now (they need it); then destroy "
               "it.\n";
  return 0;
}

}  // namespace schakel
