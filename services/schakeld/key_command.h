// `schakeld rotate-master-key`: a service's data keys rewrapped under a new master key, offline.
// `schakeld rotate-data-key`: what a service sealed under its data key sealed again under a new
// one, offline.
#ifndef SCHAKEL_SERVICES_SCHAKELD_KEY_COMMAND_H_
#define SCHAKEL_SERVICES_SCHAKELD_KEY_COMMAND_H_

#include <string>

#include "schakel/v1/config.pb.h"

namespace schakel {

struct RotateMasterKeyCommand {
  v1::HostConfig config;       // the data directory and the current master key file
  std::string service;         // whose master key: "audit" or "intake" (those with wrapped keys)
  std::string new_master_key;  // the new key file (32 raw bytes, mode 0600)
};

// With the service stopped: rewraps every live data key of the service's database under the new
// master key in one transaction, checkpoints the WAL so no old wrapping stays on disk, and says
// what to do next. Prints what it did or what is wrong; returns the exit code (0, 1 refused,
// 2 usage).
int RunRotateMasterKey(const RotateMasterKeyCommand& command);

struct RotateDataKeyCommand {
  v1::HostConfig config;     // the data directory and the service's current key files
  std::string service;       // intake, cases, handover or safetyplan
  std::string new_data_key;  // the new key file (32 raw bytes, mode 0600)
};

// `schakeld rotate-data-key`, with the service stopped: RotateDataKey (data_key_rotation.h), then
// says what it resealed and what to do next. Returns the exit code (0, 1 refused, 2 usage).
int RunRotateDataKey(const RotateDataKeyCommand& command);

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_SCHAKELD_KEY_COMMAND_H_
