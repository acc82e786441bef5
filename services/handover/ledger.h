// The rules of the responsibility ledger that need no database: which phase a handover may be
// for, the gaps in a case's ledger, replaying the ledger, and percentiles for the report.
#ifndef SCHAKEL_SERVICES_HANDOVER_LEDGER_H_
#define SCHAKEL_SERVICES_HANDOVER_LEDGER_H_

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "schakel/v1/handover.pb.h"

namespace schakel::handover {

// Unix microseconds; kForever stands for "still lasts".
inline constexpr int64_t kForever = std::numeric_limits<int64_t>::max();

// A handover may be for the current phase, the next one, or back to DIRECT_SAFETY after a new
// incident. FOLLOW_UP belongs to closure and is never handed over.
bool MayHandOverTo(v1::Phase current, v1::Phase proposed);

struct Interval {
  int64_t start = 0;
  int64_t end = kForever;
};

// One stretch of lead responsibility as stored.
struct PeriodRow {
  int64_t id = 0;
  std::string case_id;
  v1::Phase phase = v1::PHASE_UNSPECIFIED;
  std::string organisation_id;
  std::string professional_id;
  int64_t start = 0;
  int64_t end = kForever;
  std::string cause;
  std::string handover_id;
};

struct GapSpan {
  v1::GapKind kind = v1::GAP_KIND_UNSPECIFIED;
  int64_t start = 0;
  int64_t end = kForever;
};

// Where, while the case was open (`open`), it had no lead or more than one (`leads`). Adjacent
// stretches of the same kind are merged; a stretch of length zero is no gap.
std::vector<GapSpan> FindGaps(std::vector<Interval> open, const std::vector<PeriodRow>& leads);

// Who leads according to a case's history of periods: the last one, when it has no end.
struct LeadState {
  v1::Phase phase = v1::PHASE_UNSPECIFIED;
  std::string organisation_id;
  std::string professional_id;
  int64_t since = 0;
  bool operator==(const LeadState&) const = default;
};

// Replays a case's periods (ordered by start): each must begin where the previous ended and only
// the last may still last. Returns the state they lead to, or nullopt when the history breaks
// those rules (then FindGaps says where).
std::optional<LeadState> ReplayPeriods(const std::vector<PeriodRow>& periods);

// The p-th percentile (0..100, nearest rank) of `values`; 0 for none.
double Percentile(std::vector<double> values, double p);

// "Directe veiligheid / direct safety" and so on.
const char* PhaseLabel(v1::Phase phase);

}  // namespace schakel::handover

#endif  // SCHAKEL_SERVICES_HANDOVER_LEDGER_H_
