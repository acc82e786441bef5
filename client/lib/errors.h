// What a failed call says, decoded for a client: the status code, the message, and — for
// INVALID_ARGUMENT — one entry per bad field, so a form can mark each field it names.
#ifndef SCHAKEL_CLIENT_LIB_ERRORS_H_
#define SCHAKEL_CLIENT_LIB_ERRORS_H_

#include <string>
#include <vector>

#include <grpcpp/support/status.h>

#include "absl/status/status.h"

namespace schakel::client {

// One bad field of a request, as the server named it: `field` is the request's field path
// ("organisation.name", "services[2]"), `description` says what is wrong with it.
struct FieldError {
  std::string field;
  std::string description;
};

// A failed call.
struct CallError {
  absl::StatusCode code = absl::StatusCode::kOk;
  std::string message;
  // The google.rpc.BadRequest field violations the server attached (the server sends them with
  // INVALID_ARGUMENT); empty when there are none, in the server's order.
  std::vector<FieldError> field_errors;
};

// Decodes `status`: its code and message, and the field violations of a google.rpc.BadRequest
// detail in its grpc-status-details-bin trailer. Details that are missing, unparsable or of other
// types are ignored, so this never fails; an OK status gives code kOk and nothing else.
CallError DecodeCallError(const grpc::Status& status);

}  // namespace schakel::client

#endif  // SCHAKEL_CLIENT_LIB_ERRORS_H_
