// The unit of work: how every mutation and every read of client data runs, so each service does
// not rebuild idempotency, audit records and replays by hand.
//
// RunChange, for a mutation:
//   1. A request answered before (same caller, same request_id) is a replay: `may_replay` checks
//      who the caller is now (still allowed to see what the answer holds), the look is recorded,
//      and the stored answer is returned. Nothing the original request changed is checked again —
//      the proposal that moved the lead must not be refused because the lead moved.
//   2. Otherwise `prepare` runs outside any transaction (calls to other services, checks against
//      state read before the change), then `change` runs in one transaction with the idempotency
//      entry; the change writes its audit record and outbox events through the same connection,
//      so all of it commits together or not at all. The transaction is group-committed with the
//      concurrent changes and durable records on the same database (Database::GroupTransaction):
//      each change in a savepoint of its own, one fsync for the group. A change whose own step
//      fails is undone alone; a commit that fails fails every change of its group.
//   3. Same request_id with a different request: INVALID_ARGUMENT on request_id.
//   A duplicate that commits while this request is in `prepare` (two copies of one request at
//   once) is answered from the store inside the transaction: `on_replay` runs, `may_replay` does
//   not (no I/O inside a transaction) — the caller proved a moment ago what `may_replay` checks.
//
// RunAuditedRead, for a read of client data: the body fills the answer and the audit record; the
// answer leaves only once the record is durable (group commit), and is cleared if it is not.
#ifndef SCHAKEL_SERVICES_RUNTIME_UNIT_OF_WORK_H_
#define SCHAKEL_SERVICES_RUNTIME_UNIT_OF_WORK_H_

#include <functional>
#include <string>

#include <google/protobuf/message.h>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "schakel/v1/audit.pb.h"
#include "services/common/audit_trail.h"
#include "services/common/authz.h"
#include "services/common/idempotency.h"
#include "services/common/sqlite.h"

namespace schakel {

using ConnectionFn = std::function<absl::Status(sqlite::Connection&)>;

// What a change is: filled with designated initializers at the call site.
struct ChangeSpec {
  sqlite::Database* db = nullptr;
  const Caller* caller = nullptr;
  std::string method;  // the RPC's bare name: part of the idempotency key
  const google::protobuf::Message* request = nullptr;
  google::protobuf::Message* response = nullptr;
  std::string request_id;
  absl::Time now;
  // Seals stored answers and keys request fingerprints (services with personal data).
  const IdempotencyProtector* protector = nullptr;
  // Replay only, outside any transaction: may the caller still see the stored answer? (It may ask
  // another service.) A refusal returns its status and no answer.
  std::function<absl::Status()> may_replay;
  // Replay only, in the replay's transaction: local checks of the same kind, and the audit record
  // of the look (AuditTrail::Record on the connection).
  ConnectionFn on_replay;
};

// Runs a change as described at the top of this file. `prepare` may be empty.
absl::Status RunChange(const ChangeSpec& spec, const std::function<absl::Status()>& prepare,
                       const ConnectionFn& change);

struct ReadSpec {
  AuditTrail* audit = nullptr;
  const Caller* caller = nullptr;
  std::string event_type;  // "case.read"
  std::string purpose_of_use;
  v1::AuditAction action = v1::AUDIT_ACTION_READ;
  // Cleared when the record cannot be written: no answer leaves unrecorded.
  google::protobuf::Message* response = nullptr;
};

// Runs `body`, which fills the response and adds objects and checks to `record` (prefilled from
// the spec); then records it durably. A failing body records nothing and returns its status.
absl::Status RunAuditedRead(const ReadSpec& spec,
                            const std::function<absl::Status(v1::AuditRecord& record)>& body);

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_RUNTIME_UNIT_OF_WORK_H_
