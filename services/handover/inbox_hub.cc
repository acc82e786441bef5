#include "services/handover/inbox_hub.h"

#include <algorithm>

namespace schakel::handover {

int64_t InboxHub::Subscribe(std::string organisation_id, Listener listener) {
  absl::MutexLock lock(&mu_);
  const int64_t id = next_++;
  listeners_[id] = {std::move(organisation_id), std::move(listener)};
  return id;
}

void InboxHub::Unsubscribe(int64_t id) {
  absl::MutexLock lock(&mu_);
  listeners_.erase(id);
}

void InboxHub::Notify(const std::vector<std::string>& organisation_ids) {
  std::vector<Listener> due;
  {
    absl::MutexLock lock(&mu_);
    for (const auto& [id, entry] : listeners_) {
      if (std::find(organisation_ids.begin(), organisation_ids.end(), entry.first) !=
          organisation_ids.end()) {
        due.push_back(entry.second);
      }
    }
  }
  for (auto& listener : due) listener();
}

}  // namespace schakel::handover
