// `schakeld rotate-master-key`: a service's data keys rewrapped under a new master key, offline.
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

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_SCHAKELD_KEY_COMMAND_H_
