#include "services/runtime/service_runtime.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "services/common/crypto.h"
#include "services/common/idempotency.h"
#include "services/common/log.h"
#include "services/common/status.h"

namespace schakel {

absl::Duration RoleCacheTtl(const v1::HostConfig& config) {
  return absl::Milliseconds(config.role_cache_ttl_ms() > 0 ? config.role_cache_ttl_ms() : 2000);
}

absl::StatusOr<ServiceRuntime> OpenServiceRuntime(const HostEnv& env, RuntimeSpec spec) {
  ServiceRuntime rt;
  const bool keyed = !spec.data_key_file.empty() || !spec.index_key_file.empty();
  if (keyed || !spec.key_config.empty()) {
    FieldViolations v;
    if (spec.data_key_file.empty()) v.Add(spec.key_config + ".data_key_file", "must be set");
    if (spec.index_key_file.empty()) v.Add(spec.key_config + ".index_key_file", "must be set");
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    SCHAKEL_ASSIGN_OR_RETURN(std::string data_key, crypto::ReadKeyFile(spec.data_key_file));
    SCHAKEL_ASSIGN_OR_RETURN(std::string index_key, crypto::ReadKeyFile(spec.index_key_file));
    if (data_key == index_key) {
      return absl::InvalidArgumentError(absl::StrCat(
          spec.key_config, ".data_key_file and ", spec.key_config, ".index_key_file must differ"));
    }
    rt.cipher = std::make_unique<FieldCipher>(std::move(data_key), std::move(index_key));
  }

  SCHAKEL_ASSIGN_OR_RETURN(
      rt.db, sqlite::Database::Open(env.data_dir / absl::StrCat(spec.service, ".db"),
                                    {.readers = spec.readers, .cache_kib = spec.cache_kib}));
  SCHAKEL_RETURN_IF_ERROR(rt.db->Exec("PRAGMA secure_delete=ON"));
  std::vector<const migrations::MigrationTrack*> tracks = {&migrations::common_track()};
  if (spec.track != nullptr) tracks.push_back(spec.track);
  SCHAKEL_RETURN_IF_ERROR(migrations::Apply(*rt.db, tracks));

  const absl::Duration ttl = RoleCacheTtl(env.config);
  auto channel_to = env.channel_to;
  auto directory = [channel_to] { return channel_to(kDirectoryService); };
  if (spec.local_roles) {
    rt.roles = spec.local_roles(*rt.db);
  } else {
    rt.roles = std::make_shared<CachingRoleResolver>(
        std::make_shared<DirectoryRoleResolver>(directory), ttl, *env.clock);
  }
  rt.authorizer = std::make_unique<Authorizer>(std::move(spec.authorization), rt.roles);
  rt.organisations = std::make_unique<OrganisationResolver>(directory, ttl, *env.clock);
  rt.audit = std::make_unique<AuditTrail>(*rt.db, spec.service, *env.clock);
  if (env.scheduler != nullptr) {
    const int days =
        env.config.idempotency_retention_days() > 0 ? env.config.idempotency_retention_days() : 7;
    rt.expire_answers = env.scheduler->Schedule(
        absl::StrCat(spec.service, ".expire_answers"), absl::Hours(1),
        [db = rt.db.get(), clock = env.clock, days, service = spec.service] {
          absl::StatusOr<int64_t> n =
              ExpireStoredAnswers(*db, clock->Now() - absl::Hours(24 * days));
          if (!n.ok()) {
            LogEvent(LogLevel::kError, "idempotency.expire_failed",
                     {{"service", service}, {"detail", n.status().message()}});
          } else if (*n > 0) {
            LogEvent(LogLevel::kInfo, "idempotency.expired",
                     {{"service", service}, {"answers", absl::StrCat(*n)}});
          }
        });
  }
  return rt;
}

}  // namespace schakel
