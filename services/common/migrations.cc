#include "services/common/migrations.h"
#include "absl/strings/string_view.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "services/common/log.h"
#include "services/common/status.h"

namespace schakel::migrations {
namespace {

constexpr absl::string_view kCreateLedger = R"sql(
CREATE TABLE IF NOT EXISTS schakel_migrations (
  track TEXT NOT NULL,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL,
  PRIMARY KEY (track, version)
) STRICT;
)sql";

}  // namespace

absl::Status Apply(sqlite::Database& db, std::span<const MigrationTrack* const> tracks) {
  SCHAKEL_RETURN_IF_ERROR(
      db.Transaction([](sqlite::Connection& c) { return c.Exec(kCreateLedger); }));

  std::map<std::string, int64_t> applied;
  SCHAKEL_RETURN_IF_ERROR(db.Read([&](sqlite::Connection& c) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(auto stmt,
                             c.Prepare("SELECT track, MAX(version) FROM schakel_migrations "
                                       "GROUP BY track"));
    for (;;) {
      SCHAKEL_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      applied[stmt.ColumnText(0)] = stmt.ColumnInt(1);
    }
    return absl::OkStatus();
  }));

  for (const MigrationTrack* track : tracks) {
    const int64_t have = applied.count(track->name) ? applied[track->name] : 0;
    const int64_t known = track->migrations.empty() ? 0 : track->migrations.back().version;
    if (have > known) {
      return absl::FailedPreconditionError(absl::StrCat(
          "database ", db.path().string(), " was written by a newer version of Schakel: its '",
          track->name, "' schema is at version ", have, " and this binary knows versions up to ",
          known, ". Run the newer schakeld, or restore a backup made by this version."));
    }
    for (const Migration& m : track->migrations) {
      if (m.version <= have) continue;
      SCHAKEL_RETURN_IF_ERROR(db.Transaction([&](sqlite::Connection& c) -> absl::Status {
        SCHAKEL_RETURN_IF_ERROR(c.Exec(m.sql));
        SCHAKEL_ASSIGN_OR_RETURN(
            auto stmt,
            c.Prepare("INSERT INTO schakel_migrations (track, version, name, applied_at) "
                      "VALUES (?, ?, ?, ?)"));
        stmt.BindAll(absl::string_view(track->name), static_cast<int64_t>(m.version),
                     absl::string_view(m.name), absl::FormatTime(absl::Now(), absl::UTCTimeZone()));
        return stmt.Run();
      }));
      LogEvent(LogLevel::kInfo, "migration.applied",
               {{"track", absl::string_view(track->name)},
                {"version", static_cast<int64_t>(m.version)},
                {"name", absl::string_view(m.name)}});
    }
  }
  return absl::OkStatus();
}

}  // namespace schakel::migrations
