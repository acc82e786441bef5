#include "services/handover/ledger.h"

#include <algorithm>
#include <cmath>

namespace schakel::handover {

bool MayHandOverTo(v1::Phase current, v1::Phase proposed) {
  switch (proposed) {
    case v1::PHASE_DIRECT_SAFETY:
      return current != v1::PHASE_FOLLOW_UP && current != v1::PHASE_UNSPECIFIED;
    case v1::PHASE_STABLE_SAFETY:
      return current == v1::PHASE_DIRECT_SAFETY || current == v1::PHASE_STABLE_SAFETY;
    case v1::PHASE_RECOVERY:
      return current == v1::PHASE_STABLE_SAFETY || current == v1::PHASE_RECOVERY;
    default:
      return false;
  }
}

std::vector<GapSpan> FindGaps(std::vector<Interval> open, const std::vector<PeriodRow>& leads) {
  // Sweep over every boundary: on each elementary stretch count whether the case was open and
  // how many leads it had.
  std::vector<int64_t> points;
  for (const Interval& o : open) {
    points.push_back(o.start);
    points.push_back(o.end);
  }
  for (const PeriodRow& p : leads) {
    points.push_back(p.start);
    points.push_back(p.end);
  }
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());
  std::vector<GapSpan> gaps;
  for (size_t i = 0; i + 1 < points.size(); ++i) {
    const int64_t a = points[i];
    const int64_t b = points[i + 1];
    const bool is_open = std::any_of(open.begin(), open.end(),
                                     [&](const Interval& o) { return o.start <= a && b <= o.end; });
    if (!is_open) continue;
    const auto count = std::count_if(leads.begin(), leads.end(), [&](const PeriodRow& p) {
      return p.start <= a && b <= p.end && p.start < p.end;
    });
    if (count == 1) continue;
    const v1::GapKind kind = count == 0 ? v1::GAP_KIND_NO_LEAD : v1::GAP_KIND_TWO_LEADS;
    if (!gaps.empty() && gaps.back().kind == kind && gaps.back().end == a) {
      gaps.back().end = b;
    } else {
      gaps.push_back({kind, a, b});
    }
  }
  return gaps;
}

std::optional<LeadState> ReplayPeriods(const std::vector<PeriodRow>& periods) {
  if (periods.empty()) return std::nullopt;
  for (size_t i = 0; i < periods.size(); ++i) {
    const PeriodRow& p = periods[i];
    if (p.end < p.start) return std::nullopt;
    const bool last = i + 1 == periods.size();
    if (last != (p.end == kForever)) return std::nullopt;
    if (!last && periods[i + 1].start != p.end) return std::nullopt;
  }
  const PeriodRow& current = periods.back();
  return LeadState{current.phase, current.organisation_id, current.professional_id, current.start};
}

double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const double rank = std::ceil(p / 100.0 * static_cast<double>(values.size()));
  const size_t index = rank < 1 ? 0 : static_cast<size_t>(rank) - 1;
  return values[std::min(index, values.size() - 1)];
}

const char* PhaseLabel(v1::Phase phase) {
  switch (phase) {
    case v1::PHASE_DIRECT_SAFETY:
      return "directe veiligheid / direct safety";
    case v1::PHASE_STABLE_SAFETY:
      return "stabiele veiligheid / stable safety";
    case v1::PHASE_RECOVERY:
      return "herstel / recovery";
    case v1::PHASE_FOLLOW_UP:
      return "nazorg / follow-up";
    default:
      return "onbekend / unknown";
  }
}

}  // namespace schakel::handover
