// The service runtime: one call opens what every service needs, from a small spec — its database
// (migrated: the common track, then its own), the authorizer with a caching role resolver, the
// organisation resolver, the audit trail and, for services with personal data, the field cipher
// with its two keys. Replaces the near-copies each service's Open() had.
#ifndef SCHAKEL_SERVICES_RUNTIME_SERVICE_RUNTIME_H_
#define SCHAKEL_SERVICES_RUNTIME_SERVICE_RUNTIME_H_

#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "services/common/audit_trail.h"
#include "services/common/authz.h"
#include "services/common/directory_resolver.h"
#include "services/common/field_cipher.h"
#include "services/common/hosted_service.h"
#include "services/common/migrations.h"
#include "services/common/sqlite.h"

namespace schakel {

struct RuntimeSpec {
  // The service's short name: its database is <data_dir>/<service>.db and its audit records name
  // it as their source.
  std::string service;
  // The service's own migrations (applied after the common track).
  const migrations::MigrationTrack* track = nullptr;
  AuthorizationTable authorization;
  // Read-only connections for Database::Read (0: reads share the writer's connection).
  int readers = 0;
  // The page cache of each connection in KiB (sqlite::Database::Options::cache_kib; 0: SQLite's
  // default, 2 MB).
  int cache_kib = 0;
  // Field encryption: the config block named in errors ("cases") and its two key files. Both
  // empty: the service keeps no personal data and gets no cipher.
  std::string key_config;
  std::string data_key_file;
  std::string index_key_file;
  // Roles from the directory service (the default), or, for the directory itself, from a
  // resolver made on the service's own database.
  std::function<std::shared_ptr<RoleResolver>(sqlite::Database& db)> local_roles;
};

// What Open hands a service. Members live as long as the service holds the runtime.
struct ServiceRuntime {
  std::unique_ptr<sqlite::Database> db;
  std::shared_ptr<RoleResolver> roles;
  std::unique_ptr<Authorizer> authorizer;
  std::unique_ptr<OrganisationResolver> organisations;
  std::unique_ptr<AuditTrail> audit;
  std::unique_ptr<FieldCipher> cipher;  // null without keys
  // Deletes stored idempotent answers older than HostConfig.idempotency_retention_days, every
  // hour on the host's scheduler (inactive without one). Declared last: cancelled first.
  ScheduledJob expire_answers;
};

// Opens the runtime for `spec` in `env`. Every problem of the spec's key files is named; a
// database that will not open or migrate stops the service before the host listens.
// `secure_delete` is on for every database: freed pages (an old ciphertext) are overwritten.
// Stored idempotent answers expire (see ServiceRuntime::expire_answers).
absl::StatusOr<ServiceRuntime> OpenServiceRuntime(const HostEnv& env, RuntimeSpec spec);

// The role cache's lifetime from the host config (default 2 s).
absl::Duration RoleCacheTtl(const v1::HostConfig& config);

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_RUNTIME_SERVICE_RUNTIME_H_
