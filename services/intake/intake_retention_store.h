// RetentionStore: the SQL of retention and destruction (schema/intake/0006_retention.sql), on one
// connection (inside a transaction for changes).
#ifndef SCHAKEL_SERVICES_INTAKE_INTAKE_RETENTION_STORE_H_
#define SCHAKEL_SERVICES_INTAKE_INTAKE_RETENTION_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "schakel/v1/intake.pb.h"
#include "services/common/sqlite.h"
#include "services/intake/report_sealer.h"

namespace schakel::intake {

// A report's place in its retention term, as stored (the hold's reason opened).
struct RetentionRow {
  std::string report_id;
  v1::Region region = v1::REGION_UNSPECIFIED;
  v1::ReportKind kind = v1::REPORT_KIND_UNSPECIFIED;
  v1::ReportState state = v1::REPORT_STATE_UNSPECIFIED;
  int64_t received_at = 0;
  std::optional<int64_t> closed_at;
  bool legal_hold = false;
  std::string legal_hold_reason;
  std::string legal_hold_by;
  std::optional<int64_t> destroyed_at;
};

class RetentionStore {
 public:
  RetentionStore(sqlite::Connection& c, const ReportSealer& sealer) : c_(c), sealer_(sealer) {}

  // Veilig Thuis's involvement with report `report_id` ended at `closed_at` (nullopt: it goes on
  // again, a case reopened).
  absl::Status SetClosed(const std::string& report_id, std::optional<int64_t> closed_at);
  absl::StatusOr<std::optional<RetentionRow>> Get(const std::string& report_id);
  // The region's reports closed before `cutoff` and not destroyed, by closure (then id) after
  // the cursor `after` ("<closed_at>:<id>", empty for the first page).
  absl::StatusOr<std::vector<RetentionRow>> ListClosedBefore(v1::Region region, int64_t cutoff,
                                                             const std::string& after, int limit);
  static std::string Cursor(const RetentionRow& r);
  // Holds (with a reason) or releases (nullopt) the report.
  absl::Status SetHold(const std::string& report_id, const std::optional<std::string>& reason,
                       const std::string& by, int64_t now);
  // Records a decision on a request to destroy the report.
  absl::Status InsertDecision(const std::string& report_id, int64_t decided_at,
                              const std::string& decided_by, v1::DestructionDecision decision,
                              const v1::StoredDestruction& what);
  // Deletes the report's content: its sealed body and feedback, its radar keys, its reporter's
  // reference; stops its terms and drops its feedback tasks not done; marks it destroyed at
  // `now`. The caller shreds its data key in the same
  // transaction.
  absl::Status DeleteContent(const std::string& report_id, int64_t now);

 private:
  absl::StatusOr<std::vector<RetentionRow>> Query(sqlite::Statement& s);

  sqlite::Connection& c_;
  const ReportSealer& sealer_;
};

}  // namespace schakel::intake

#endif  // SCHAKEL_SERVICES_INTAKE_INTAKE_RETENTION_STORE_H_
