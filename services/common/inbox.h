// The inbox: de-duplication of messages received from another service's outbox (see
// schema/common/0003_inbox.sql). Every receiving service uses it inside the transaction that acts
// on a message: the first delivery acts, a repeated one is recognised and skipped.
#ifndef SCHAKEL_SERVICES_COMMON_INBOX_H_
#define SCHAKEL_SERVICES_COMMON_INBOX_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "services/common/sqlite.h"

namespace schakel {

// Records message (`source`, `sequence`) as received, within the caller's transaction. True the
// first time; false for a repeated delivery of the same message. A `message_id` that differs from
// the one recorded for that (source, sequence) is DATA_LOSS: the sender reused a sequence number
// (its outbox no longer matches what was received), which must be looked into, never dropped. A
// row recorded without a message id (before senders gave one) matches any.
absl::StatusOr<bool> ReceiveOnce(sqlite::Connection& c, absl::string_view source, int64_t sequence,
                                 absl::string_view message_id, absl::Time now);

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_INBOX_H_
