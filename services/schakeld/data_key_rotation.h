// Rotating a service's data key (`schakeld rotate-data-key`; docs/operations.md section 6): every
// value the service sealed under `<service>.data_key_file` sealed again under a new key, offline,
// in one transaction, so that the old key can be destroyed.
#ifndef SCHAKEL_SERVICES_SCHAKELD_DATA_KEY_ROTATION_H_
#define SCHAKEL_SERVICES_SCHAKELD_DATA_KEY_ROTATION_H_

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "schakel/v1/config.pb.h"
#include "services/common/migrations.h"
#include "services/common/reseal.h"

namespace schakel {

struct DataKeyRotation {
  std::filesystem::path database;
  std::vector<reseal::Resealed> resealed;
  // Object keys rewrapped: intake's and cases' master key, when no master_key_file is configured,
  // is derived from the data key, so it changes with it.
  int64_t rewrapped = 0;
  // The WAL checkpoint after the commit: UNAVAILABLE when a reader held it up (another process
  // has the database open), and then old ciphertexts may still be in the WAL file. The resealing
  // is committed either way.
  absl::Status checkpoint;
};

// The services with a data key: intake, cases, handover, safetyplan.
const std::vector<std::string>& ServicesWithDataKeys();

// What the key commands know of such a service: its database and migrations, its key files from
// the configuration, its objects' own keys (a key per report or case, ObjectSealer) and what it
// seals under its data key.
struct ServiceKeys {
  std::string database;  // "<service>.db" under data_dir
  const migrations::MigrationTrack* track = nullptr;
  std::string data_key_file;
  std::string index_key_file;
  std::string master_key_file;  // "": the master key is derived from the data key
  const char* object_kind = "";
  const char* aad_prefix = "";    // of the wrapped object keys
  const char* master_label = "";  // derives the master key from the data key
  reseal::Plan (*plan)() = nullptr;
};
// nullopt for a service without a data key.
std::optional<ServiceKeys> KeysOf(const v1::HostConfig& config, const std::string& service);

// With the service stopped: applies the service's migrations (as its start would), then in one
// transaction reseals every value under the current data key (config) with the key in
// `new_data_key_file` — the rows from before object keys go to their object's key — rewraps the
// object keys when the master key is derived from the data key, checks that nothing is left
// under the old key, and checkpoints the WAL so no old ciphertext stays in it (see
// DataKeyRotation::checkpoint). An error changes nothing but the migrations (which the service's
// start would apply anyway). INVALID_ARGUMENT for a service without a data key, an unreadable key,
// or a new key equal to the current data key, the index key or the master key;
// FAILED_PRECONDITION when values are under another key than the configured one.
absl::StatusOr<DataKeyRotation> RotateDataKey(const v1::HostConfig& config,
                                              const std::string& service,
                                              const std::string& new_data_key_file);

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_SCHAKELD_DATA_KEY_ROTATION_H_
