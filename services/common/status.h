// Errors as values. Inside Schakel everything returns absl::Status / absl::StatusOr; an RPC edge
// converts once to grpc::Status (ToGrpcStatus). Invalid input carries one field violation per bad
// field, which reaches the client as a google.rpc.BadRequest detail.
#ifndef SCHAKEL_SERVICES_COMMON_STATUS_H_
#define SCHAKEL_SERVICES_COMMON_STATUS_H_

#include <string>
#include <vector>

#include <grpcpp/support/status.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/rpc/error_details.pb.h"

#define SCHAKEL_STATUS_CONCAT_INNER(a, b) a##b
#define SCHAKEL_STATUS_CONCAT(a, b) SCHAKEL_STATUS_CONCAT_INNER(a, b)

// Returns from the enclosing function when `expr` (an absl::Status) is not OK. Unique names let
// the macro nest (a transaction body inside a SCHAKEL_RETURN_IF_ERROR).
#define SCHAKEL_RETURN_IF_ERROR(expr) \
  SCHAKEL_RETURN_IF_ERROR_IMPL(SCHAKEL_STATUS_CONCAT(_status_, __COUNTER__), expr)
#define SCHAKEL_RETURN_IF_ERROR_IMPL(tmp, expr)   \
  do {                                            \
    if (::absl::Status tmp = (expr); !tmp.ok()) { \
      return tmp;                                 \
    }                                             \
  } while (0)

// `SCHAKEL_ASSIGN_OR_RETURN(auto x, FunctionReturningStatusOr());`
#define SCHAKEL_ASSIGN_OR_RETURN(lhs, expr) \
  SCHAKEL_ASSIGN_OR_RETURN_IMPL(SCHAKEL_STATUS_CONCAT(_statusor_, __COUNTER__), lhs, expr)
#define SCHAKEL_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                  \
  if (!tmp.ok()) return std::move(tmp).status();      \
  lhs = *std::move(tmp)

namespace schakel {

// The payload type URL under which an absl::Status carries a google.rpc.BadRequest.
inline constexpr absl::string_view kBadRequestTypeUrl = "type.googleapis.com/google.rpc.BadRequest";

// Collects every problem with a request, so the caller learns about all of them at once.
//
//   FieldViolations v;
//   if (name.empty()) v.Add("organisation.name", "must not be empty");
//   SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
class FieldViolations {
 public:
  void Add(std::string field, std::string description);
  bool empty() const { return violations_.empty(); }
  // (field, description) in the order added: for answers that list violations per item.
  const std::vector<std::pair<std::string, std::string>>& violations() const { return violations_; }
  // OK when nothing was added; otherwise INVALID_ARGUMENT whose message lists every field and
  // whose payload is the BadRequest.
  absl::Status ToStatus() const;

 private:
  std::vector<std::pair<std::string, std::string>> violations_;
};

// INVALID_ARGUMENT for a single field.
absl::Status InvalidField(std::string field, std::string description);

// The field violations an absl::Status carries (empty when none).
google::rpc::BadRequest BadRequestOf(const absl::Status& status);

// The one conversion at the RPC edge. The BadRequest payload travels as google.rpc.Status details
// in the grpc-status-details-bin trailer.
grpc::Status ToGrpcStatus(const absl::Status& status);

// The reverse, for clients: keeps code, message and a BadRequest detail.
absl::Status FromGrpcStatus(const grpc::Status& status);

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_STATUS_H_
