// Schema migrations. Each service keeps numbered SQL files in schema/<service>/NNNN_name.sql;
// cmake/EmbedMigrations.cmake compiles them into the binary as a MigrationTrack. At start a service
// applies, in order and each in its own transaction, every migration the database has not had yet,
// and records it in `schakel_migrations`. A database that has migrations this binary does not know
// (written by a newer Schakel) is refused rather than touched.
#ifndef SCHAKEL_SERVICES_COMMON_MIGRATIONS_H_
#define SCHAKEL_SERVICES_COMMON_MIGRATIONS_H_

#include <span>

#include "absl/status/status.h"
#include "services/common/sqlite.h"

namespace schakel::migrations {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

struct MigrationTrack {
  const char* name;
  std::span<const Migration> migrations;
};

// Tables every service database has (idempotency keys; later the outbox). Defined in the
// generated file for schema/common.
const MigrationTrack& common_track();

// Applies the pending migrations of every track. FAILED_PRECONDITION, with a message saying what
// to do, when the database is newer than this binary.
absl::Status Apply(sqlite::Database& db, std::span<const MigrationTrack* const> tracks);

}  // namespace schakel::migrations

#endif  // SCHAKEL_SERVICES_COMMON_MIGRATIONS_H_
