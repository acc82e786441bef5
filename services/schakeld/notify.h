// The readiness protocol of systemd's Type=notify services (sd_notify(3)), without libsystemd:
// one datagram to the Unix socket that NOTIFY_SOCKET names.
#ifndef SCHAKEL_SERVICES_SCHAKELD_NOTIFY_H_
#define SCHAKEL_SERVICES_SCHAKELD_NOTIFY_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace schakel {

// Sends `state` (newline-separated assignments, e.g. "READY=1\nSTATUS=serving") to the service
// manager. OK without sending anything when NOTIFY_SOCKET is unset (not started by systemd).
absl::Status NotifyServiceManager(absl::string_view state);

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_SCHAKELD_NOTIFY_H_
