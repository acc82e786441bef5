// What the services that destroy files when their retention term ends share (intake's Veilig
// Thuis reports, the cases service's MDA++ cases; docs/operations.md section 7): the SQL of a
// table of files with the columns closed_at, legal_hold, legal_hold_by, legal_hold_time and
// destroyed_at; the daily job's batches; and the window of a supervisor's list.
#ifndef SCHAKEL_SERVICES_COMMON_RETENTION_H_
#define SCHAKEL_SERVICES_COMMON_RETENTION_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "services/common/sqlite.h"

namespace schakel::retention {

// `table` is a constant of the caller's ("reports", "cases"), never input.
// The ids of files closed before `cutoff`, not destroyed, under no legal hold, oldest first.
absl::StatusOr<std::vector<std::string>> ExpiredIds(sqlite::Connection& c, absl::string_view table,
                                                    int64_t cutoff, int limit);
// Whether file `id` is one ExpiredIds(cutoff) returns.
absl::StatusOr<bool> StillExpired(sqlite::Connection& c, absl::string_view table,
                                  const std::string& id, int64_t cutoff);
// Holds file `id` (its reason sealed by the caller) or, with nullopt, lifts the hold.
absl::Status SetHold(sqlite::Connection& c, absl::string_view table, const std::string& id,
                     const std::optional<std::string>& sealed_reason, const std::string& by,
                     int64_t now);

// The daily job: every file of `table` closed before `cutoff` and under no hold, in batches of
// `batch`, each in one transaction that checks each id again (a hold set, or the file reopened,
// since the batch was read keeps it) and runs `destroy`; `after` runs after each commit with the
// ids destroyed. Returns how many were destroyed.
struct DestructionJob {
  sqlite::Database* db = nullptr;
  absl::string_view table;
  int64_t cutoff = 0;
  std::function<absl::Status(sqlite::Connection&, const std::string& id)> destroy;
  std::function<void(const std::vector<std::string>& ids)> after;
  int batch = 100;
};
absl::StatusOr<int> RunDestruction(const DestructionJob& job);

// A supervisor's list: the files whose destruction day falls within `within_days` (1 to 366; 0:
// 31) of `now`, `page_size` (1 to 500; 0: 100) at a time. INVALID_ARGUMENT naming the bad fields.
struct ListWindow {
  int within_days = 0;
  int page_size = 0;
  int64_t cutoff = 0;  // the files closed before it (Unix microseconds)
};
absl::StatusOr<ListWindow> ParseListWindow(int within_days, int page_size, absl::Time now,
                                           int years);

}  // namespace schakel::retention

#endif  // SCHAKEL_SERVICES_COMMON_RETENTION_H_
