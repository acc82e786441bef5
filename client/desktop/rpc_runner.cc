#include "client/desktop/rpc_runner.h"

namespace schakel::desktop {

QThreadPool& CallPool() {
  // Destroyed at exit, after waiting for the calls still running (each bounded by its deadline).
  static QThreadPool pool;
  static const bool sized = (pool.setMaxThreadCount(32), true);
  (void)sized;
  return pool;
}

std::unique_ptr<grpc::ClientContext> NewCallContext(std::chrono::milliseconds deadline) {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->set_deadline(std::chrono::system_clock::now() + deadline);
  return ctx;
}

}  // namespace schakel::desktop
