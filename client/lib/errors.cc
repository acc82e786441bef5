#include "client/lib/errors.h"

#include "google/rpc/error_details.pb.h"
#include "services/common/status.h"

namespace schakel::client {

CallError DecodeCallError(const grpc::Status& status) {
  const absl::Status decoded = FromGrpcStatus(status);
  CallError error;
  error.code = decoded.code();
  error.message = std::string(decoded.message());
  const google::rpc::BadRequest bad_request = BadRequestOf(decoded);
  for (const google::rpc::BadRequest::FieldViolation& v : bad_request.field_violations()) {
    error.field_errors.push_back({v.field(), v.description()});
  }
  return error;
}

}  // namespace schakel::client
