// The threads that do disk and crypto work for RPC handlers, so gRPC's own threads never block.
#ifndef SCHAKEL_SERVICES_COMMON_WORKER_POOL_H_
#define SCHAKEL_SERVICES_COMMON_WORKER_POOL_H_

#include <functional>

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

namespace schakel {

class WorkerPool {
 public:
  explicit WorkerPool(int threads) : pool_(threads > 0 ? threads : 1) {}
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;
  ~WorkerPool() { Join(); }

  // Runs `task` on a worker. Tasks must not throw.
  void Post(std::function<void()> task) { boost::asio::post(pool_, std::move(task)); }

  // Waits for every posted task to finish; no task may be posted afterwards.
  void Join() { pool_.join(); }

  boost::asio::thread_pool& executor() { return pool_; }

 private:
  boost::asio::thread_pool pool_;
};

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_WORKER_POOL_H_
