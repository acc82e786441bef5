// Keeping the handover inbox live: HandoverService.WatchInbox read on a thread of its own. Each
// message (the whole inbox as it is now) is handed to the UI thread; when the stream ends or fails
// it is opened again after a backoff (0.5 s doubling to 15 s, back to 0.5 s after a message).
#ifndef SCHAKEL_CLIENT_DESKTOP_INBOX_WATCHER_H_
#define SCHAKEL_CLIENT_DESKTOP_INBOX_WATCHER_H_

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include <QObject>

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>
#include <grpcpp/support/status.h>

#include "client/lib/server_addresses.h"
#include "schakel/v1/handover.pb.h"

namespace schakel::desktop {

inline constexpr std::chrono::milliseconds kWatchFirstBackoff{500};
inline constexpr std::chrono::milliseconds kWatchMaxBackoff{15'000};

// The backoff after `current`: doubled, at most kWatchMaxBackoff.
std::chrono::milliseconds NextWatchBackoff(std::chrono::milliseconds current);

// Lives on the UI thread; its signals are emitted there. The destructor cancels the stream and
// joins the thread; it returns promptly (also during a backoff).
class InboxWatcher : public QObject {
  Q_OBJECT

 public:
  explicit InboxWatcher(client::ChannelsPtr channel, QObject* parent = nullptr);
  ~InboxWatcher() override;

  InboxWatcher(const InboxWatcher&) = delete;
  InboxWatcher& operator=(const InboxWatcher&) = delete;

  // Opens the stream on the watcher thread; once.
  void start();

 signals:
  // A message of the stream: the whole handover inbox now.
  void inboxChanged(const schakel::v1::ListInboxResponse& inbox);
  // The stream ended or could not be opened; it is opened again after `retry_in`.
  void connectionLost(const grpc::Status& status, std::chrono::milliseconds retry_in);

 private:
  void run();
  // Runs `f` on the UI thread unless this watcher is gone by then.
  template <typename F>
  void post(F f);

  const client::ChannelsPtr channel_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;                   // guarded by mu_
  grpc::ClientContext* current_ = nullptr;  // the open stream's context; guarded by mu_
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_INBOX_WATCHER_H_
