// Running calls to schakeld off the UI thread, so the window never freezes while a call is under
// way (a slow server, a lost connection, the retry policy's backoff).
#ifndef SCHAKEL_CLIENT_DESKTOP_RPC_RUNNER_H_
#define SCHAKEL_CLIENT_DESKTOP_RPC_RUNNER_H_

#include <chrono>
#include <memory>
#include <utility>

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <grpcpp/client_context.h>
#include <grpcpp/support/status.h>

namespace schakel::desktop {

// Every call's deadline, retries included: after it the call fails with DEADLINE_EXCEEDED and the
// view says the server did not answer in time.
inline constexpr std::chrono::milliseconds kCallDeadline = std::chrono::seconds(10);

// A client context for one call with the deadline `deadline` from now.
std::unique_ptr<grpc::ClientContext> NewCallContext(
    std::chrono::milliseconds deadline = kCallDeadline);

// The threads calls run on: a pool of their own, never QThreadPool::globalInstance(). Qt's raster
// painting borrows the global pool's threads and waits for one to be free; calls waiting on a slow
// server there would freeze every repaint. Up to 32 calls at once (each bounded by its deadline);
// more wait their turn without blocking the UI thread.
QThreadPool& CallPool();

// A response with the status of the call that produced it.
template <typename Response>
struct CallResult {
  grpc::Status status;
  Response response;
};

// Runs `work()` on a thread of CallPool(), then `done(result)` on the UI thread
// (the thread of the application object) — unless `receiver` was destroyed in the meantime, in
// which case the result is dropped. `work` must own everything it touches (copy the channel's
// shared_ptr in, never a widget); it must be bounded by a deadline, as every call made with
// NewCallContext is. `work` and `done` must be copyable; the result must be copyable.
// Call from the UI thread.
template <typename Work, typename Done>
void RunOffUiThread(QObject* receiver, Work work, Done done) {
  QPointer<QObject> guard(receiver);
  CallPool().start([guard, work, done]() mutable {
    auto result = work();
    QCoreApplication* app = QCoreApplication::instance();
    if (app == nullptr) return;
    // The application object outlives every window; the guard is read on the UI thread only.
    QMetaObject::invokeMethod(
        app,
        [guard, done, result]() mutable {
          if (!guard.isNull()) done(std::move(result));
        },
        Qt::QueuedConnection);
  });
}

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_RPC_RUNNER_H_
