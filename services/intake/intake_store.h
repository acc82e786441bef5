// IntakeStore: the SQL of the intake service, on one connection (inside a transaction for
// changes). Report content is sealed under the report's own data key (ReportSealer), the report id
// as additional data; the radar's keys are blind indexes made by RadarKeys.
#ifndef SCHAKEL_SERVICES_INTAKE_INTAKE_STORE_H_
#define SCHAKEL_SERVICES_INTAKE_INTAKE_STORE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "schakel/v1/intake.pb.h"
#include "services/common/sqlite.h"
#include "services/intake/radar_keys.h"
#include "services/intake/report_sealer.h"

namespace schakel::intake {

// The queue's sort key of advice (no term): last.
inline constexpr int64_t kNoTerm = INT64_MAX;

struct ReportRow {
  std::string id;
  v1::Region region = v1::REGION_UNSPECIFIED;
  v1::ReportKind kind = v1::REPORT_KIND_UNSPECIFIED;
  v1::ReportChannel channel = v1::REPORT_CHANNEL_UNSPECIFIED;
  v1::ReporterType reporter_type = v1::REPORTER_TYPE_UNSPECIFIED;
  v1::ReportState state = v1::REPORT_STATE_OPEN;
  bool acute = false;
  int64_t received_at = 0;
  int64_t submit_time = 0;
  std::string submitted_by;
  std::string submitted_by_organisation_id;
  std::string external_reference;
  std::string violence_kinds;  // KindsColumn
  std::optional<int64_t> assessment_due;
  std::optional<int64_t> acute_due;
  std::optional<int64_t> converted_at;
  std::string claimed_by;
  std::optional<int64_t> claim_time;
  std::optional<int64_t> claim_touch;
  std::optional<int64_t> investigation_due;
  std::string investigator_id;
  // Route MDA_PLUS_PLUS: the case opened from it ('' until the cases service has), and whether
  // it is open. Written by SetReportCase only.
  std::string case_id;
  bool case_open = false;
  // Route HANDOVER: to whom, their answer, and the term to answer (while PROPOSED).
  std::string handover_org;
  v1::ReportHandoverState handover_state = v1::REPORT_HANDOVER_STATE_UNSPECIFIED;
  std::optional<int64_t> handover_due;
  int signals_sent = 0;                   // SignalBit
  std::optional<int64_t> next_signal_at;  // set by the service (NextSignalAt)
  // The radar's figures (schema/intake/0005_radar_counts.sql), kept by InsertReport: how many
  // earlier reports of the region share a key with this one, and the received_at of the latest
  // and the second-latest of them. Read-only here.
  int radar_earlier = 0;
  std::optional<int64_t> radar_latest;
  std::optional<int64_t> radar_second_latest;
  int64_t version = 1;
  // Decrypted only when asked for.
  v1::StoredReport body;

  int64_t queue_due() const {
    if (acute_due) return *acute_due;
    return assessment_due.value_or(kNoTerm);
  }
};

// An earlier report sharing a key with the asked one.
struct RadarMatch {
  std::string kind;
  std::string person_id;  // of the asked report; "" for an address
  std::string key;        // the blind index (to group addresses)
  std::string report_id;  // the earlier report
  int64_t received_at = 0;
  v1::ReportKind report_kind = v1::REPORT_KIND_UNSPECIFIED;
  v1::ReportState state = v1::REPORT_STATE_UNSPECIFIED;
  bool open_mda_case = false;  // it led to an MDA++ case that is open now
};

// A reminder or escalation as stored.
struct SignalRow {
  std::string report_id;
  std::string clock;
  std::string signal;
  v1::Region region = v1::REGION_UNSPECIFIED;
  int64_t due = 0;
  std::string addressee;
  int64_t create_time = 0;
};

class IntakeStore {
 public:
  IntakeStore(sqlite::Connection& c, ReportSealer& sealer) : c_(c), sealer_(sealer) {}
  sqlite::Connection& connection() const { return c_; }

  // Inserts the report and its radar keys, and keeps the radar's figures: the report's own, and
  // those of the region's existing reports that it is earlier than (a backdated report). Its own
  // figures are computed here; those in `r` are ignored.
  absl::Status InsertReport(const ReportRow& r, const std::vector<RadarKey>& keys);
  // Writes the row's state, terms, claim and sealed body where the version still is r.version;
  // ABORTED when it moved. Increments r.version.
  absl::Status UpdateReport(ReportRow& r);
  // With the body decrypted when `decrypt`.
  absl::StatusOr<std::optional<ReportRow>> GetReport(const std::string& id, bool decrypt);
  // The report an organisation submitted under `reference`, if any.
  absl::StatusOr<std::optional<std::string>> FindByReference(const std::string& organisation_id,
                                                             const std::string& reference);

  // A page of the region's open reports in queue order after `after` (a cursor from
  // QueueCursor; empty for the first page), without bodies. `holder` non-empty: only theirs.
  absl::StatusOr<std::vector<ReportRow>> ListQueue(v1::Region region, const std::string& after,
                                                   int limit, const std::string& holder);
  absl::StatusOr<int> CountQueue(v1::Region region, const std::string& holder);
  static std::string QueueCursor(const ReportRow& r);

  // The ids of reports whose next signal is due at `now`.
  absl::StatusOr<std::vector<std::string>> DueForSignals(int64_t now, int limit);
  // Records the signals sent (bits `sent`, the next one at `next`) where the row still has
  // `previous` bits; false when another scan got there first.
  absl::StatusOr<bool> MarkSignals(const std::string& report_id, int previous, int sent,
                                   std::optional<int64_t> next);
  absl::Status InsertSignal(const SignalRow& s);
  // The region's signals since `since`, newest first: reminders for `addressee` (and the team's,
  // addressed to '') when `reminders`, escalations when `escalations`.
  absl::StatusOr<std::vector<SignalRow>> ListSignals(v1::Region region, int64_t since,
                                                     const std::string& addressee, bool reminders,
                                                     bool escalations);

  // The reports handed to `organisation_id` (route HANDOVER) waiting for its answer, and with
  // `include_answered` those answered that were submitted since `answered_since`; decrypted.
  absl::StatusOr<std::vector<ReportRow>> ListHanded(const std::string& organisation_id,
                                                    bool include_answered, int64_t answered_since);
  // Records the case opened from report `report_id` and whether it is open. False when there is
  // no such report or it already names another case.
  absl::StatusOr<bool> SetReportCase(const std::string& report_id, const std::string& case_id,
                                     bool open);

  // Earlier reports of the region (received before `r`) sharing a key with it.
  absl::StatusOr<std::vector<RadarMatch>> RadarMatches(const ReportRow& r);

 private:
  // The radar's figures for `r`, just inserted with its keys, and for the later reports it is
  // earlier than.
  absl::Status KeepRadarFigures(const ReportRow& r);
  absl::StatusOr<std::vector<ReportRow>> Query(sqlite::Statement& s, bool decrypt);

  sqlite::Connection& c_;
  ReportSealer& sealer_;
};

}  // namespace schakel::intake

#endif  // SCHAKEL_SERVICES_INTAKE_INTAKE_STORE_H_
