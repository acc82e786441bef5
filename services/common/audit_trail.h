// AuditTrail: how a service records NEN 7513 audit records. Records go into the service's own
// outbox (topic "audit"); the host's relay ships them to AuditService.
//
//  - Record(): inside the transaction of a change, so the change and its record commit together.
//  - RecordDurably(): for events without a change of their own (a read, a denied call). Returns
//    only once the record is on disk; concurrent callers share one commit (group commit).
#ifndef SCHAKEL_SERVICES_COMMON_AUDIT_TRAIL_H_
#define SCHAKEL_SERVICES_COMMON_AUDIT_TRAIL_H_

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "schakel/v1/audit.pb.h"
#include "services/common/authz.h"
#include "services/common/clock.h"
#include "services/common/sqlite.h"

namespace schakel {

inline constexpr char kAuditTopic[] = "audit";

// What a call asked for (a case, a handover, a report, a person), named in the audit record of its
// refusal so that an auditor can answer "who tried to open this family's file?". The record is
// encrypted in the audit log; the caller's answer does not change.
struct AskedObject {
  std::string type;  // "case", "handover", "report", "person", ...
  std::string id;
};
// The longest id a refusal's record names: NewDeniedRecord cuts a longer one (at a character
// boundary), so that no refused request — a 4 MiB "case id", say — makes its record outgrow a relay
// batch and stall the audit relay.
inline constexpr size_t kMaxAskedIdBytes = 256;

// Runs small units of work through the database's group commit (sqlite::Database::
// GroupTransaction), each in its own savepoint, in transactions shared with every concurrent
// group-committed unit on that database (other records, and the changes of the service kit's
// RunChange): N concurrent callers cost far fewer than N fsyncs. Counts the commits that carried
// its own units.
class GroupCommitter {
 public:
  explicit GroupCommitter(sqlite::Database& db) : db_(db) {}
  // Runs `work` and returns once its effects are committed (or its error).
  absl::Status Run(std::function<absl::Status(sqlite::Connection&)> work) {
    return db_.GroupTransaction(std::move(work), &commits_);
  }
  // Transactions committed so far that carried work of this committer.
  int64_t commits() const { return commits_.load(); }

 private:
  sqlite::Database& db_;
  std::atomic<int64_t> commits_{0};
};

// Adds an object (what the event touched: a case, a person, a handover) to `record`.
inline void AddObject(v1::AuditRecord& record, absl::string_view type, absl::string_view id,
                      v1::Sensitivity sensitivity = v1::SENSITIVITY_GENERAL) {
  v1::AuditObject* o = record.add_objects();
  o->set_type(std::string(type));
  o->set_id(std::string(id));
  o->set_sensitivity(sensitivity);
}

class AuditTrail {
 public:
  AuditTrail(sqlite::Database& db, std::string source_service, const Clock& clock);

  // A record with the NEN 7513 who/where/when filled from the caller: a fresh event id, the time,
  // the acting user and the responsible user (the service when one acted for a user), the access
  // point, authorisation PASSED and outcome SUCCESS.
  v1::AuditRecord NewRecord(const Caller& caller, v1::AuditAction action,
                            absl::string_view event_type) const;
  // The same for a principal whose call was refused: outcome DENIED, authorisation FAILED. The
  // objects are the RPC and then each of `asked`, in order.
  v1::AuditRecord NewDeniedRecord(const Principal& principal, absl::string_view method,
                                  const absl::Status& why,
                                  const std::vector<AskedObject>& asked = {}) const;

  // Writes `record` to the outbox within the caller's transaction.
  absl::Status Record(sqlite::Connection& c, const v1::AuditRecord& record) const;
  // Writes `record` durably, group-committed with concurrent callers.
  absl::Status RecordDurably(const v1::AuditRecord& record);

  const std::string& source_service() const { return source_service_; }
  const GroupCommitter& committer() const { return committer_; }

 private:
  const std::string source_service_;
  const Clock& clock_;
  GroupCommitter committer_;
};

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_AUDIT_TRAIL_H_
