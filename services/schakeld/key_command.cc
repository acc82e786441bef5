#include "services/schakeld/key_command.h"

#include <filesystem>
#include <functional>
#include <iostream>
#include <map>

#include "absl/strings/str_cat.h"
#include "services/audit/audit_log.h"
#include "services/cases/case_service.h"
#include "services/common/crypto.h"
#include "services/common/data_keys.h"
#include "services/common/sqlite.h"
#include "services/intake/intake_service.h"
#include "services/intake/report_sealer.h"

namespace schakel {

int RunRotateMasterKey(const RotateMasterKeyCommand& command) {
  auto usage = [](const std::string& why) {
    std::cerr << "schakeld rotate-master-key: " << why
              << "\nusage: schakeld rotate-master-key --config=FILE --service=audit|intake|cases "
                 "--new-master-key=FILE   (with the service stopped)\n";
    return 2;
  };
  // The services that keep wrapped data keys: where, their AAD prefix, and their current master
  // key (intake's and cases' is their master_key_file, or derived from their data key).
  struct Keyed {
    const char* database;
    const char* aad_prefix;
    std::function<absl::StatusOr<std::string>()> current;
  };
  const v1::HostConfig& config = command.config;
  const std::map<std::string, Keyed> keyed = {
      {"audit",
       {"audit.db", audit::kAuditDataKeyAad,
        [&] { return crypto::ReadKeyFile(config.audit().master_key_file()); }}},
      {"intake",
       {"intake.db", intake::ReportSealer::kKeyAadPrefix,
        [&] { return intake::ReportMasterKey(config.intake()); }}},
      {"cases",
       {"cases.db", cases::kCaseKeyAadPrefix,
        [&] { return cases::CaseMasterKey(config.cases()); }}},
  };
  const auto it = keyed.find(command.service);
  if (it == keyed.end()) {
    return usage(
        "only the audit service (a data key per month), the intake service (per report) and the "
        "cases service (per case) keep wrapped data keys; the other services encrypt under one "
        "data key each (docs/operations.md, \"Not built yet\")");
  }
  const Keyed& service = it->second;
  if (config.data_dir().empty()) return usage("--config (or --data-dir) is needed");
  if (command.service == "audit" && config.audit().master_key_file().empty()) {
    return usage("the configuration names no audit.master_key_file (the current key)");
  }
  if (command.service == "intake" && config.intake().data_key_file().empty()) {
    return usage("the configuration names no intake.data_key_file");
  }
  if (command.service == "cases" && config.cases().data_key_file().empty()) {
    return usage("the configuration names no cases.data_key_file");
  }
  if (command.new_master_key.empty()) return usage("--new-master-key is needed");
  auto refuse = [](const std::string& why) {
    std::cerr << "schakeld rotate-master-key: " << why << "\n";
    return 1;
  };
  auto old_key = service.current();
  if (!old_key.ok()) return refuse(std::string(old_key.status().message()));
  auto new_key = crypto::ReadKeyFile(command.new_master_key);
  if (!new_key.ok()) return refuse(std::string(new_key.status().message()));
  if (*old_key == *new_key) return refuse("the new master key is the current one");
  const std::filesystem::path db_path = std::filesystem::path(config.data_dir()) / service.database;
  if (!std::filesystem::exists(db_path)) return refuse(db_path.string() + ": no such database");
  auto db = sqlite::Database::Open(db_path);
  if (!db.ok()) return refuse(std::string(db.status().message()));
  int64_t rewrapped = 0;
  absl::Status st = (*db)->Transaction([&](sqlite::Connection& c) -> absl::Status {
    auto n = DataKeys::Rewrap(c, *old_key, *new_key, service.aad_prefix);
    if (!n.ok()) return n.status();
    rewrapped = *n;
    return absl::OkStatus();
  });
  if (!st.ok())
    return refuse(absl::StrCat(db_path.string(), ": ", st.message(), "; nothing changed"));
  // The old wrappings may still sit in the WAL: write them into the database file and empty it.
  if (absl::Status cp = (*db)->CheckpointTruncate(); !cp.ok()) {
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
