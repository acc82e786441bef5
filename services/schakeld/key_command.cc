#include "services/schakeld/key_command.h"

#include <filesystem>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "services/audit/audit_log.h"
#include "services/common/crypto.h"
#include "services/common/data_keys.h"
#include "services/common/sqlite.h"
#include "services/intake/intake_service.h"
#include "services/intake/report_sealer.h"

namespace schakel {

int RunRotateMasterKey(const RotateMasterKeyCommand& command) {
  auto usage = [](const std::string& why) {
    std::cerr << "schakeld rotate-master-key: " << why
              << "\nusage: schakeld rotate-master-key --config=FILE --service=audit|intake "
                 "--new-master-key=FILE   (with the service stopped)\n";
    return 2;
  };
  const bool is_audit = command.service == "audit";
  if (!is_audit && command.service != "intake") {
    return usage(
        "only the audit service (a data key per month) and the intake service (a data key per "
        "report) keep wrapped data keys; the other services encrypt under one data key each "
        "(docs/operations.md, \"Not built yet\")");
  }
  if (command.config.data_dir().empty()) return usage("--config (or --data-dir) is needed");
  if (is_audit && command.config.audit().master_key_file().empty()) {
    return usage("the configuration names no audit.master_key_file (the current key)");
  }
  if (!is_audit && command.config.intake().data_key_file().empty()) {
    return usage("the configuration names no intake.data_key_file");
  }
  if (command.new_master_key.empty()) return usage("--new-master-key is needed");
  auto refuse = [](const std::string& why) {
    std::cerr << "schakeld rotate-master-key: " << why << "\n";
    return 1;
  };
  // The current master key: intake's is its master_key_file, or derived from its data key.
  auto old_key = is_audit ? crypto::ReadKeyFile(command.config.audit().master_key_file())
                          : intake::ReportMasterKey(command.config.intake());
  if (!old_key.ok()) return refuse(std::string(old_key.status().message()));
  auto new_key = crypto::ReadKeyFile(command.new_master_key);
  if (!new_key.ok()) return refuse(std::string(new_key.status().message()));
  if (*old_key == *new_key) return refuse("the new master key is the current one");
  const std::filesystem::path db_path =
      std::filesystem::path(command.config.data_dir()) / (is_audit ? "audit.db" : "intake.db");
  if (!std::filesystem::exists(db_path)) return refuse(db_path.string() + ": no such database");
  auto db = sqlite::Database::Open(db_path);
  if (!db.ok()) return refuse(std::string(db.status().message()));
  int64_t rewrapped = 0;
  absl::Status st = (*db)->Transaction([&](sqlite::Connection& c) -> absl::Status {
    auto n =
        DataKeys::Rewrap(c, *old_key, *new_key,
                         is_audit ? audit::kAuditDataKeyAad : intake::ReportSealer::kKeyAadPrefix);
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
            << " rewrapped under " << command.new_master_key << ".\nNow set " << command.service
            << ".master_key_file to the new key and start the service. Keep the "
               "old key as long as you keep backups made before now (they need it); then destroy "
               "it.\n";
  return 0;
}

}  // namespace schakel
