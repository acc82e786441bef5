// The supervisors' report on the handovers of a region: counts per state, time to acceptance,
// figures per organisation and the gaps in the ledger (stretches in which an open case had no
// lead or two). Pure: the service reads the rows, these functions compute and format.
#ifndef SCHAKEL_SERVICES_HANDOVER_HANDOVER_REPORT_H_
#define SCHAKEL_SERVICES_HANDOVER_HANDOVER_REPORT_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "schakel/v1/handover.pb.h"
#include "services/handover/handover_store.h"
#include "services/handover/ledger.h"

namespace schakel::handover {

// What a report is computed from: a region's handovers (in the report's time range) and the
// whole ledger of the region.
struct ReportData {
  std::vector<HandoverRow> handovers;
  std::vector<LedgerRow> ledgers;
  std::vector<PeriodRow> periods;
  // case id -> an interval in which it was open.
  std::vector<std::pair<std::string, Interval>> open;
};

// The report of `region` as of `now` (Unix µs): a handover counts as overdue when it expired or
// its first contact came (or, still missing, is) late; the percentiles are nearest rank.
v1::HandoverReport BuildReport(const ReportData& data, v1::Region region, int64_t now);

// The report as `section,subject,measure,value` rows (RFC 4180 quoting), times in UTC ISO 8601.
std::string ReportCsv(const v1::HandoverReport& report);

}  // namespace schakel::handover

#endif  // SCHAKEL_SERVICES_HANDOVER_HANDOVER_REPORT_H_
