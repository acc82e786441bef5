// Host configuration: an optional file in protobuf text format (a schakel.v1.HostConfig), then
// command-line flags on top. Flags win; anything neither sets gets a default.
#ifndef SCHAKEL_SERVICES_COMMON_CONFIG_H_
#define SCHAKEL_SERVICES_COMMON_CONFIG_H_

#include <filesystem>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "schakel/v1/config.pb.h"

namespace schakel {

// Parses a text-format HostConfig and folds its deprecated address fields into service_addresses
// (FoldDeprecatedServiceAddresses). The message names the file, line and column of a syntax error.
absl::StatusOr<v1::HostConfig> LoadHostConfig(const std::filesystem::path& path);

// Moves each deprecated `<service>_address` field (audit_address, ...) into
// service_addresses[<service>] and clears it. An entry already in the map wins; the conflict is
// logged. Idempotent.
void FoldDeprecatedServiceAddresses(v1::HostConfig& config);

// Copies every field that `overrides` sets (non-empty, non-zero) over `base`.
void MergeHostConfig(const v1::HostConfig& overrides, v1::HostConfig& base);

// Fills unset fields with defaults (listen 127.0.0.1:7400, services all, grace 10 s, 4 workers,
// role cache 2 s).
void ApplyHostConfigDefaults(v1::HostConfig& config);

// INVALID_ARGUMENT naming every bad field: missing TLS files or data dir, unknown service names
// (in `services` and as keys of service_addresses), empty addresses, out-of-range numbers.
absl::Status ValidateHostConfig(const v1::HostConfig& config,
                                const std::vector<std::string>& known_services);

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_CONFIG_H_
