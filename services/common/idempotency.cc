#include "services/common/idempotency.h"
#include "absl/strings/string_view.h"

#include <openssl/sha.h>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "absl/strings/str_cat.h"
#include "services/common/status.h"

namespace schakel {
namespace {

std::string Fingerprint(absl::string_view method, const google::protobuf::Message& request,
                        const IdempotencyProtector* protector) {
  std::string bytes(method);
  bytes.push_back('\0');
  {
    google::protobuf::io::StringOutputStream out(&bytes);
    google::protobuf::io::CodedOutputStream coded(&out);
    coded.SetSerializationDeterministic(true);
    request.SerializeToCodedStream(&coded);
  }
  if (protector != nullptr) return protector->Mac(bytes);
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest);
  return std::string(reinterpret_cast<const char*>(digest), sizeof(digest));
}

}  // namespace

bool IsValidRequestId(absl::string_view request_id) {
  if (request_id.empty() || request_id.size() > 128) return false;
  for (char c : request_id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.' || c == ':';
    if (!ok) return false;
  }
  return true;
}

absl::StatusOr<bool> HasStoredAnswer(sqlite::Database& db, const IdempotencyKey& key,
                                     const google::protobuf::Message& request,
                                     const IdempotencyProtector* protector) {
  const std::string fingerprint = Fingerprint(key.method, request, protector);
  bool seen = false;
  SCHAKEL_RETURN_IF_ERROR(db.Read([&](sqlite::Connection& c) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(auto lookup, c.Prepare("SELECT fingerprint FROM idempotency_keys "
                                                    "WHERE principal_id = ? AND request_id = ?"));
    lookup.BindAll(key.principal_id, key.request_id);
    SCHAKEL_ASSIGN_OR_RETURN(seen, lookup.Step());
    if (seen && lookup.ColumnBlob(0) != fingerprint) {
      return InvalidField("request_id",
                          "was already used for a different request; use a new request_id");
    }
    return absl::OkStatus();
  }));
  return seen;
}

absl::Status RunIdempotent(sqlite::Database& db, const IdempotencyKey& key,
                           const google::protobuf::Message& request,
                           google::protobuf::Message& response, absl::Time now,
                           const std::function<absl::Status(sqlite::Connection&)>& mutate,
                           const IdempotencyProtector* protector,
                           const std::function<absl::Status(sqlite::Connection&)>& on_replay,
                           CommitMode commit) {
  const std::string fingerprint = Fingerprint(key.method, request, protector);
  // The stored answer is bound to its key, so it cannot be replayed under another one.
  const std::string aad = absl::StrCat("idempotency/", key.principal_id, "/", key.request_id);
  auto body = [&](sqlite::Connection& c) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(auto lookup,
                             c.Prepare("SELECT fingerprint, response FROM idempotency_keys "
                                       "WHERE principal_id = ? AND request_id = ?"));
    lookup.BindAll(key.principal_id, key.request_id);
    SCHAKEL_ASSIGN_OR_RETURN(bool seen, lookup.Step());
    if (seen) {
      if (lookup.ColumnBlob(0) != fingerprint) {
        return InvalidField("request_id",
                            "was already used for a different request; use a new request_id");
      }
      std::string stored = lookup.ColumnBlob(1);
      if (protector != nullptr) {
        SCHAKEL_ASSIGN_OR_RETURN(stored, protector->Open(stored, aad));
      }
      if (!response.ParseFromString(stored)) {
        return absl::InternalError("stored idempotent response does not parse");
      }
      if (on_replay) {
        absl::Status replay = on_replay(c);
        if (!replay.ok()) response.Clear();
        return replay;
      }
      return absl::OkStatus();
    }
    SCHAKEL_RETURN_IF_ERROR(mutate(c));
    SCHAKEL_ASSIGN_OR_RETURN(auto insert,
                             c.Prepare("INSERT INTO idempotency_keys (principal_id, request_id, "
                                       "method, fingerprint, response, create_time) "
                                       "VALUES (?, ?, ?, ?, ?, ?)"));
    insert.BindAll(key.principal_id, key.request_id, key.method);
    std::string stored = response.SerializeAsString();
    if (protector != nullptr) {
      SCHAKEL_ASSIGN_OR_RETURN(stored, protector->Seal(stored, aad));
    }
    insert.BindBlob(4, fingerprint).BindBlob(5, stored);
    insert.Bind(6, absl::ToUnixMillis(now));
    return insert.Run();
  };
  if (commit == CommitMode::kGrouped) return db.GroupTransaction(body);
  return db.Transaction(body);
}

absl::StatusOr<int64_t> ExpireStoredAnswers(sqlite::Database& db, absl::Time before) {
  int64_t deleted = 0;
  SCHAKEL_RETURN_IF_ERROR(db.Transaction([&](sqlite::Connection& c) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(auto del,
                             c.Prepare("DELETE FROM idempotency_keys WHERE create_time < ?"));
    del.Bind(1, absl::ToUnixMillis(before));
    SCHAKEL_RETURN_IF_ERROR(del.Run());
    deleted = c.Changes();
    return absl::OkStatus();
  }));
  return deleted;
}

}  // namespace schakel
