// SearchGuard: how often one professional may search for a family (FindCases), and when their
// searches look like probing. A masked BSN ("******019") leaves about 91,000 numbers that pass the
// elfproef; without a budget, FindCases answers each guess. The budget is a sliding window per
// principal, kept in memory: a restart (an operator's act, not a caller's) forgets it, which gives
// a prober at most one more budget; memory is bounded by the budget per principal, and principals
// are authenticated professionals of the directory.
#ifndef SCHAKEL_SERVICES_CASES_SEARCH_GUARD_H_
#define SCHAKEL_SERVICES_CASES_SEARCH_GUARD_H_

#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "schakel/v1/audit.pb.h"
#include "schakel/v1/cases.pb.h"
#include "schakel/v1/config.pb.h"
#include "services/common/audit_trail.h"
#include "services/common/authz.h"
#include "services/common/clock.h"
#include "services/common/field_cipher.h"
#include "services/common/status.h"

namespace schakel::cases {

struct SearchLimits {
  int budget = 30;                         // searches per principal per window
  absl::Duration window = absl::Hours(1);  // sliding
  int miss_alert = 10;                     // misses per window that flag the principal
};

// The limits in `config` (cases.search_*), defaults for unset fields; each bad field named in `v`.
SearchLimits SearchLimitsFromConfig(FieldViolations& v, const v1::CasesConfig& config);

// Audit object types of what a search asked for (the id is SearchHash).
inline constexpr char kBsnSearchObject[] = "bsn_search";
inline constexpr char kNameDobSearchObject[] = "name_dob_search";
// The event type of a flagged burst of searches that found nothing.
inline constexpr char kProbeSuspectedEvent[] = "case.search.bsn_probe_suspected";

// What a search asked for, for its audit record: hex HMAC-SHA-256 under the index key, in a
// domain of its own ("audit.<kind>"), so it is stable for the same value, never the value itself,
// and not the blind index stored with the case.
std::string SearchHash(const FieldCipher& cipher, absl::string_view kind, absl::string_view value);

// What a search asks for: ("bsn", the BSN) or ("name_dob", normalised name "|" date of birth).
std::pair<std::string, std::string> SearchKey(const v1::FindCasesRequest& req);
// The audit object of a search (type kBsnSearchObject or kNameDobSearchObject, id its
// SearchHash), named also in the record of a refused search.
AskedObject SearchObject(const FieldCipher& cipher, const v1::FindCasesRequest& req);
inline std::vector<AskedObject> AskedSearch(const FieldCipher& cipher,
                                            const v1::FindCasesRequest& req) {
  return {SearchObject(cipher, req)};
}

// Thread-safe.
class SearchGuard {
 public:
  SearchGuard(const Clock* clock, SearchLimits limits) : clock_(clock), limits_(limits) {}

  // Takes one search from `principal_id`'s budget; RESOURCE_EXHAUSTED (saying when to try again)
  // when the window holds no more. A refused search takes nothing.
  absl::Status Admit(const std::string& principal_id);
  // Records a search of `principal_id` that found nothing. True exactly when this miss completes
  // a burst (miss_alert misses within the window); once per window, so one burst is one flag.
  bool RecordMiss(const std::string& principal_id);

  const SearchLimits& limits() const { return limits_; }

 private:
  struct Usage {
    std::deque<absl::Time> searches;
    std::deque<absl::Time> misses;
    absl::Time flagged = absl::InfinitePast();
  };
  // Drops what left the window; forgets principals with nothing left once the map is large.
  void Prune(Usage& u, absl::Time now) const;
  void SweepLocked(absl::Time now) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const Clock* clock_;
  const SearchLimits limits_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Usage> usage_ ABSL_GUARDED_BY(mu_);
};

// The record of a flagged burst: event kProbeSuspectedEvent, the professional, and the hash of
// the search that completed the burst (from `search`, its record).
v1::AuditRecord ProbeSuspectedRecord(const AuditTrail& audit, const Caller& caller,
                                     const v1::AuditRecord& search, const SearchLimits& limits);

}  // namespace schakel::cases

#endif  // SCHAKEL_SERVICES_CASES_SEARCH_GUARD_H_
