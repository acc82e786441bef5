#include "services/schakeld/key_command.h"

#include <filesystem>
#include <iostream>
#include <optional>

#include "absl/strings/str_cat.h"
#include "services/audit/audit_log.h"
#include "services/common/crypto.h"
#include "services/common/data_keys.h"
#include "services/common/migrations.h"
#include "services/common/object_sealer.h"
#include "services/common/sqlite.h"
#include "services/schakeld/data_key_rotation.h"

namespace schakel::migrations {
const MigrationTrack& audit_track();
}  // namespace schakel::migrations

namespace schakel {

int RunRotateMasterKey(const RotateMasterKeyCommand& command) {
  auto usage = [](const std::string& why) {
    std::cerr << "schakeld rotate-master-key: " << why
              << "\nusage: schakeld rotate-master-key --config=FILE "
                 "--service=audit|intake|cases|handover|safetyplan "
                 "--new-master-key=FILE   (with the service stopped)\n";
    return 2;
  };
  // The services that keep wrapped data keys: the audit log (a key per month, under its master
  // key file) and those with a key per report or case (data_key_rotation.h), whose master key is
  // their master_key_file or derived from their data key, and must differ from the data key.
  const v1::HostConfig& config = command.config;
  std::optional<ServiceKeys> service = KeysOf(config, command.service);
  if (command.service == "audit") {
    service = ServiceKeys{.database = "audit.db",
                          .track = &migrations::audit_track(),
                          .master_key_file = config.audit().master_key_file(),
                          .aad_prefix = audit::kAuditDataKeyAad};
  }
  if (!service) {
    return usage(
        "only the audit service (a data key per month), the intake service (per report), and the "
        "cases, handover and safety plan services (per case) keep wrapped data keys");
  }
  if (config.data_dir().empty()) return usage("--config (or --data-dir) is needed");
  if (command.service == "audit" && service->master_key_file.empty()) {
    return usage("the configuration names no audit.master_key_file (the current key)");
  }
  if (command.service != "audit" && service->data_key_file.empty()) {
    return usage(absl::StrCat("the configuration names no ", command.service, ".data_key_file"));
  }
  auto current = [&]() -> absl::StatusOr<std::string> {
    if (command.service == "audit") return crypto::ReadKeyFile(service->master_key_file);
    return ObjectSealer::MasterKey(command.service, service->data_key_file,
                                   service->master_key_file, service->master_label);
  };
  if (command.new_master_key.empty()) return usage("--new-master-key is needed");
  auto refuse = [](const std::string& why) {
    std::cerr << "schakeld rotate-master-key: " << why << "\n";
    return 1;
  };
  auto old_key = current();
  if (!old_key.ok()) return refuse(std::string(old_key.status().message()));
  auto new_key = crypto::ReadKeyFile(command.new_master_key);
  if (!new_key.ok()) return refuse(std::string(new_key.status().message()));
  if (*old_key == *new_key) return refuse("the new master key is the current one");
  if (!service->data_key_file.empty()) {
    auto data_key = crypto::ReadKeyFile(service->data_key_file);
    if (!data_key.ok()) return refuse(std::string(data_key.status().message()));
    if (*data_key == *new_key) {
      return refuse(absl::StrCat("the new master key is ", command.service,
                                 ".data_key_file's key; a master key must differ from it"));
    }
  }
  const std::filesystem::path db_path =
      std::filesystem::path(config.data_dir()) / service->database;
  if (!std::filesystem::exists(db_path)) return refuse(db_path.string() + ": no such database");
  auto db = sqlite::Database::Open(db_path);
  if (!db.ok()) return refuse(std::string(db.status().message()));
  const migrations::MigrationTrack* tracks[] = {&migrations::common_track(), service->track};
  if (absl::Status st = migrations::Apply(**db, tracks); !st.ok()) {
    return refuse(absl::StrCat(db_path.string(), ": ", st.message()));
  }
  int64_t rewrapped = 0;
  absl::Status st = (*db)->Transaction([&](sqlite::Connection& c) -> absl::Status {
    auto n = DataKeys::Rewrap(c, *old_key, *new_key, service->aad_prefix);
    if (!n.ok()) return n.status();
    rewrapped = *n;
    return absl::OkStatus();
  });
  if (!st.ok())
    return refuse(absl::StrCat(db_path.string(), ": ", st.message(), "; nothing changed"));
  // The old wrappings may still sit in the WAL: write them into the database file and empty it.
  if (absl::Status cp = (*db)->CheckpointTruncate(); !cp.ok()) {
    return refuse(absl::StrCat(rewrapped,
                               " data keys are rewrapped under the new master key "
                               "(committed: set ",
                               command.service,
                               ".master_key_file to it), but the WAL was not checkpointed (",
                               cp.message(), "): old wrappings may still be in ", db_path.string(),
                               "-wal until the last connection closes. Stop whatever else has the "
                               "database open (a running schakeld)."));
  }
  std::cout << "schakeld rotate-master-key: " << rewrapped << " data keys of " << db_path.string()
            << " rewrapped under " << command.new_master_key << ".\nNow set " << command.service
            << ".master_key_file to the new key and start the service. Keep the "
               "old key as long as you keep backups made before now (they need it); then destroy "
               "it.\n";
  return 0;
}

int RunRotateDataKey(const RotateDataKeyCommand& command) {
  const char* const usage_line =
      "usage: schakeld rotate-data-key --config=FILE --service=intake|cases|handover|safetyplan "
      "--new-data-key=FILE   (with the service stopped)\n";
  if (command.service.empty() || command.new_data_key.empty()) {
    std::cerr << "schakeld rotate-data-key: --service and --new-data-key are needed\n"
              << usage_line;
    return 2;
  }
  absl::StatusOr<DataKeyRotation> done =
      RotateDataKey(command.config, command.service, command.new_data_key);
  if (!done.ok()) {
    std::cerr << "schakeld rotate-data-key: " << done.status().message() << "; nothing changed\n";
    if (absl::IsInvalidArgument(done.status())) std::cerr << usage_line;
    return absl::IsInvalidArgument(done.status()) ? 2 : 1;
  }
  int64_t total = 0;
  for (const reseal::Resealed& r : done->resealed) {
    std::cout << "  " << r.what << ": " << r.values << "\n";
    total += r.values;
  }
  std::cout << "schakeld rotate-data-key: " << total << " values of " << done->database.string()
            << " resealed under " << command.new_data_key;
  if (done->rewrapped > 0) {
    std::cout << ", and " << done->rewrapped
              << " object keys rewrapped (their master key is derived from the data key)";
  }
  std::cout << "; none is left under the old key.\nNow set " << command.service
            << ".data_key_file to the new key and start the service. Keep the old key as long as "
               "you keep backups made before now (they need it); then destroy it.\n";
  if (!done->checkpoint.ok()) {
    std::cerr << "schakeld rotate-data-key: the resealing is committed and the new key is in use, "
                 "but the WAL was not checkpointed ("
              << done->checkpoint.message() << "): old ciphertexts may still be in "
              << done->database.string()
              << "-wal until the last connection to the database closes. Stop whatever else has "
                 "it open (a running schakeld).\n";
    return 1;
  }
  return 0;
}

}  // namespace schakel
