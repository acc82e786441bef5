// Idempotent mutations (AIP-155): the answer to a mutating request is stored under
// (principal, request_id) in the same transaction as the change, so a retried request returns the
// first answer and changes nothing, and a crash between the two is impossible.
#ifndef SCHAKEL_SERVICES_COMMON_IDEMPOTENCY_H_
#define SCHAKEL_SERVICES_COMMON_IDEMPOTENCY_H_

#include <functional>
#include <string>

#include <google/protobuf/message.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "services/common/sqlite.h"

namespace schakel {

// Whether a request_id is present and well formed: 1–128 characters of [A-Za-z0-9._:-] (UUIDs
// and ULIDs fit).
bool IsValidRequestId(absl::string_view request_id);

struct IdempotencyKey {
  std::string principal_id;
  std::string request_id;
  std::string method;
};

// Protects what the idempotency table keeps, for services whose answers hold personal data: the
// stored response is encrypted and the request fingerprint is keyed (an unkeyed hash of a request
// with a BSN in it could be tested against guesses).
class IdempotencyProtector {
 public:
  virtual ~IdempotencyProtector() = default;
  virtual absl::StatusOr<std::string> Seal(absl::string_view plain,
                                           absl::string_view aad) const = 0;
  virtual absl::StatusOr<std::string> Open(absl::string_view sealed,
                                           absl::string_view aad) const = 0;
  virtual std::string Mac(absl::string_view bytes) const = 0;
};

// How RunIdempotent commits: in a transaction of its own, or group-committed with the concurrent
// changes on the same database (sqlite::Database::GroupTransaction: one fsync for many, each in a
// savepoint). Grouped suits changes whose effects all live in the database; a caller with
// in-memory state that follows its commits (the audit log's key cache) keeps its own transaction.
enum class CommitMode { kOwnTransaction, kGrouped };

// Runs `mutate` in a transaction unless this key was answered before. `on_replay`, when given,
// runs in the transaction of a retry, after the stored answer was read into `response` and before
// it is returned: a service whose answers hold client data checks there that the caller may still
// see them, and records the look.
//  - First time: `mutate` runs; when it succeeds its response is stored with the change.
//  - Retry of the same request: the stored response is returned; `mutate` does not run.
//  - Same key, different request: INVALID_ARGUMENT on request_id; nothing runs.
// A failed `mutate` stores nothing, so a corrected retry may reuse the request_id.
absl::Status RunIdempotent(sqlite::Database& db, const IdempotencyKey& key,
                           const google::protobuf::Message& request,
                           google::protobuf::Message& response, absl::Time now,
                           const std::function<absl::Status(sqlite::Connection&)>& mutate,
                           const IdempotencyProtector* protector = nullptr,
                           const std::function<absl::Status(sqlite::Connection&)>& on_replay = {},
                           CommitMode commit = CommitMode::kOwnTransaction);

// Whether this key was answered before for the same request (a read; nothing runs): true for a
// replay, false for a new request, INVALID_ARGUMENT on request_id when the key was used for a
// different request. Lets a caller skip preconditions for a replay (see RunChange).
absl::StatusOr<bool> HasStoredAnswer(sqlite::Database& db, const IdempotencyKey& key,
                                     const google::protobuf::Message& request,
                                     const IdempotencyProtector* protector = nullptr);

// Deletes the stored answers made before `before` and returns how many. A retry after that is a
// new request: stored answers are sealed copies of client data, kept only as long as a client may
// still retry (HostConfig.idempotency_retention_days), not for ever.
absl::StatusOr<int64_t> ExpireStoredAnswers(sqlite::Database& db, absl::Time before);

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_IDEMPOTENCY_H_
