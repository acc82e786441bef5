#include "client/desktop/inbox_watcher.h"

#include <algorithm>
#include <utility>

#include <QMetaObject>

#include <grpcpp/support/sync_stream.h>

#include "client/lib/server_addresses.h"
#include "schakel/v1/handover.grpc.pb.h"

namespace schakel::desktop {

std::chrono::milliseconds NextWatchBackoff(std::chrono::milliseconds current) {
  return std::min(current * 2, kWatchMaxBackoff);
}

InboxWatcher::InboxWatcher(client::ChannelsPtr channel, QObject* parent)
    : QObject(parent), channel_(std::move(channel)) {}

InboxWatcher::~InboxWatcher() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    if (current_ != nullptr) current_->TryCancel();
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  // Deliveries still queued for this object are dropped with it (~QObject).
}

void InboxWatcher::start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { run(); });
}

template <typename F>
void InboxWatcher::post(F f) {
  // Queued to this object: runs on the UI thread, and not at all once the object is destroyed
  // (the destructor joins this thread first, so nothing is posted after that).
  QMetaObject::invokeMethod(this, std::move(f), Qt::QueuedConnection);
}

void InboxWatcher::run() {
  auto stub = client::StubOf<v1::HandoverService>(*channel_);
  std::chrono::milliseconds backoff = kWatchFirstBackoff;
  for (;;) {
    grpc::ClientContext ctx;  // no deadline: the stream stays open as long as the server lets it
    {
      std::lock_guard lock(mu_);
      if (stopping_) return;
      current_ = &ctx;
    }
    std::unique_ptr<grpc::ClientReader<v1::WatchInboxResponse>> reader =
        stub->WatchInbox(&ctx, v1::WatchInboxRequest());
    v1::WatchInboxResponse message;
    while (reader->Read(&message)) {
      backoff = kWatchFirstBackoff;
      post([this, inbox = message.inbox()] { emit inboxChanged(inbox); });
    }
    const grpc::Status status = reader->Finish();
    {
      std::unique_lock lock(mu_);
      current_ = nullptr;
      if (stopping_) return;
    }
    post([this, status, backoff] { emit connectionLost(status, backoff); });
    {
      std::unique_lock lock(mu_);
      if (wake_.wait_for(lock, backoff, [this] { return stopping_; })) return;
    }
    backoff = NextWatchBackoff(backoff);
  }
}

}  // namespace schakel::desktop
