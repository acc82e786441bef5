// Keeps a time-stamped cache map within a size: the role and organisation caches are filled with
// whatever id a caller names, so without a bound every unknown id asked for would stay.
#ifndef SCHAKEL_SERVICES_COMMON_BOUNDED_CACHE_H_
#define SCHAKEL_SERVICES_COMMON_BOUNDED_CACHE_H_

#include <cstddef>

#include "absl/time/time.h"

namespace schakel {

// Entries a directory cache holds at most: far more than the professionals and organisations of
// a region, far fewer than an attacker naming random ids could add.
inline constexpr size_t kMaxCacheEntries = 10000;

// Makes room for one more entry in `cache` (a map whose values have a `fetched` time): when it is
// full, drops the entries older than `ttl` and, if that frees nothing, all of them (the next
// lookups refetch; a cache is never the only copy).
template <typename Map>
void MakeRoom(Map& cache, absl::Time now, absl::Duration ttl, size_t max = kMaxCacheEntries) {
  if (cache.size() < max) return;
  for (auto it = cache.begin(); it != cache.end();) {
    if (now - it->second.fetched >= ttl) {
      cache.erase(it++);
    } else {
      ++it;
    }
  }
  if (cache.size() >= max) cache.clear();
}

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_BOUNDED_CACHE_H_
