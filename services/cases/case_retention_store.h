// CaseRetentionStore: the SQL of the retention and destruction of MDA++ cases
// (schema/cases/0007_retention.sql), on one connection (inside a transaction for changes).
#ifndef SCHAKEL_SERVICES_CASES_CASE_RETENTION_STORE_H_
#define SCHAKEL_SERVICES_CASES_CASE_RETENTION_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "schakel/v1/cases.pb.h"
#include "services/common/object_sealer.h"
#include "services/common/sqlite.h"

namespace schakel::cases {

// A case's place in its retention term, as stored (the hold's reason opened).
struct CaseRetentionRow {
  std::string case_id;
  std::string reference;
  v1::CaseStatus status = v1::CASE_STATUS_UNSPECIFIED;
  std::optional<int64_t> closed_at;
  bool legal_hold = false;
  std::string legal_hold_reason;
  std::string legal_hold_by;
  std::optional<int64_t> destroyed_at;
};

class CaseRetentionStore {
 public:
  CaseRetentionStore(sqlite::Connection& c, const ObjectSealer& sealer) : c_(c), sealer_(sealer) {}

  absl::StatusOr<std::optional<CaseRetentionRow>> Get(const std::string& case_id);
  // Whether `organisation_id` has been on the team of `case_id` (a member now or before).
  absl::StatusOr<bool> WasOnTeam(const std::string& case_id, const std::string& organisation_id);
  // The cases closed before `cutoff`, not destroyed, that `organisation_id` has been on the team
  // of, by closure (then id) after the cursor `after` (calendar::ClosureCursor).
  absl::StatusOr<std::vector<CaseRetentionRow>> ListClosedBefore(const std::string& organisation_id,
                                                                 int64_t cutoff,
                                                                 const std::string& after,
                                                                 int limit);
  // Holds (with a reason) or releases (nullopt) the case.
  absl::Status SetHold(const std::string& case_id, const std::optional<std::string>& reason,
                       const std::string& by, int64_t now);
  // Deletes the case's content: every sealed body of it, its blind indexes; cancels its
  // scheduled follow-up checks; marks it destroyed at `now` (ListMyCases leaves it out; its team
  // members reading it are told when it was destroyed). The caller shreds its data key in
  // the same transaction.
  absl::Status DeleteContent(const std::string& case_id, int64_t now);
  // Whether the case was destroyed (a timeline event for it from another service is dropped).
  absl::StatusOr<bool> IsDestroyed(const std::string& case_id);

 private:
  absl::StatusOr<std::vector<CaseRetentionRow>> Query(sqlite::Statement& s);

  sqlite::Connection& c_;
  const ObjectSealer& sealer_;
};

}  // namespace schakel::cases

#endif  // SCHAKEL_SERVICES_CASES_CASE_RETENTION_STORE_H_
