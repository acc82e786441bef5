#include "client/desktop/rpc_runner.h"

namespace schakel::desktop {

std::unique_ptr<grpc::ClientContext> NewCallContext(std::chrono::milliseconds deadline) {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->set_deadline(std::chrono::system_clock::now() + deadline);
  return ctx;
}

}  // namespace schakel::desktop
