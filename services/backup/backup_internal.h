// What backup.cc and restore.cc share: raw SQLite handles (the backup API works on sqlite3*, not
// on the services' Database) and the sealed files' contexts.
#ifndef SCHAKEL_SERVICES_BACKUP_BACKUP_INTERNAL_H_
#define SCHAKEL_SERVICES_BACKUP_BACKUP_INTERNAL_H_

#include <sqlite3.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace schakel::backup::internal {

using SqliteHandle = std::unique_ptr<sqlite3, decltype(&sqlite3_close_v2)>;

// Opens `path` with `flags` (SQLITE_OPEN_*), with a busy timeout of 10 s.
absl::StatusOr<SqliteHandle> OpenSqlite(const std::filesystem::path& path, int flags);

// Runs `sql` and calls `row` on each row.
absl::Status ForEachRow(sqlite3* db, const std::string& sql,
                        const std::function<absl::Status(sqlite3_stmt*)>& row);

// The additional data of database `name`'s sealed chunks in backup `backup_id`.
std::string FileContext(absl::string_view backup_id, absl::string_view name);

}  // namespace schakel::backup::internal

#endif  // SCHAKEL_SERVICES_BACKUP_BACKUP_INTERNAL_H_
