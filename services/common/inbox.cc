#include "services/common/inbox.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "services/common/status.h"

namespace schakel {

absl::StatusOr<bool> ReceiveOnce(sqlite::Connection& c, absl::string_view source, int64_t sequence,
                                 absl::string_view message_id, absl::Time now) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * insert,
      c.PrepareCached("INSERT OR IGNORE INTO inbox (source, sequence, message_id, receive_time) "
                      "VALUES (?, ?, ?, ?)"));
  insert->BindAll(std::string(source), sequence, std::string(message_id), absl::ToUnixMicros(now));
  SCHAKEL_RETURN_IF_ERROR(insert->Run());
  if (c.Changes() == 1) return true;
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * lookup,
      c.PrepareCached("SELECT message_id FROM inbox WHERE source = ? AND sequence = ?"));
  lookup->BindAll(std::string(source), sequence);
  SCHAKEL_ASSIGN_OR_RETURN(bool found, lookup->Step());
  if (!found) return absl::InternalError("an inbox row vanished inside its transaction");
  const std::string stored = lookup->ColumnText(0);
  if (!stored.empty() && stored != message_id) {
    return absl::DataLossError(absl::StrCat("source ", source, " reused sequence ", sequence,
                                            " for another message; its outbox no longer matches "
                                            "what this service received"));
  }
  return false;
}

}  // namespace schakel
