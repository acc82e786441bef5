// InboxHub: tells open WatchInbox streams that an organisation's inbox changed. Every change of a
// handover notifies the organisations it touches; each stream listens for its caller's.
#ifndef SCHAKEL_SERVICES_HANDOVER_INBOX_HUB_H_
#define SCHAKEL_SERVICES_HANDOVER_INBOX_HUB_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace schakel::handover {

// Thread-safe. Listeners run on the notifying thread, outside the hub's lock, so a listener may
// subscribe or unsubscribe; they should only schedule work.
class InboxHub {
 public:
  using Listener = std::function<void()>;
  // Calls `listener` after every Notify that names `organisation_id`, until Unsubscribe(id).
  int64_t Subscribe(std::string organisation_id, Listener listener);
  void Unsubscribe(int64_t id);
  void Notify(const std::vector<std::string>& organisation_ids);

 private:
  absl::Mutex mu_;
  int64_t next_ ABSL_GUARDED_BY(mu_) = 1;
  std::map<int64_t, std::pair<std::string, Listener>> listeners_ ABSL_GUARDED_BY(mu_);
};

}  // namespace schakel::handover

#endif  // SCHAKEL_SERVICES_HANDOVER_INBOX_HUB_H_
