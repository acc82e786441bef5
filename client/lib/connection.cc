#include "client/lib/connection.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/support/channel_arguments.h>

#include "services/common/ids.h"

namespace schakel::client {
namespace {

// Every call is retried on UNAVAILABLE, with backoff: the server restarting, a connection lost on
// the way, or the handover ledger that has not yet received a case the cases service just opened
// (its relay delivers within about 200 ms). Safe for mutations: each is idempotent on its
// request_id. Five attempts, about 0.2 s, 0.4 s, 0.8 s and 1.6 s apart (gRPC adds jitter; at most
// 2 s): some 3 s in all. The caller's deadline still bounds the whole call.
constexpr char kServiceConfig[] = R"json({
  "methodConfig": [{
    "name": [{}],
    "retryPolicy": {
      "maxAttempts": 5,
      "initialBackoff": "0.2s",
      "maxBackoff": "2s",
      "backoffMultiplier": 2,
      "retryableStatusCodes": ["UNAVAILABLE"]
    }
  }]
})json";

}  // namespace

absl::StatusOr<std::shared_ptr<grpc::Channel>> Connect(absl::string_view server,
                                                       const TlsFiles& files) {
  absl::StatusOr<TlsMaterial> material = LoadTlsMaterial(files);
  if (!material.ok()) return material.status();
  grpc::ChannelArguments args;
  args.SetServiceConfigJSON(kServiceConfig);
  args.SetInt(GRPC_ARG_ENABLE_RETRIES, 1);
  return grpc::CreateCustomChannel(std::string(server), MutualTlsChannelCredentials(*material),
                                   args);
}

std::string NewRequestId() { return NewRandomId(); }

}  // namespace schakel::client
