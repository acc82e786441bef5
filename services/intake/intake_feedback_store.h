// FeedbackStore: the SQL of feedback to the reporter (terugkoppeling), of the end of an
// investigation, and of the supervisor's figures, on one connection (inside a transaction for
// changes). What was told to the reporter is sealed with the service's FieldCipher; the figures
// read plain columns only (kinds, channels, routes, terms), never a report's sealed body.
#ifndef SCHAKEL_SERVICES_INTAKE_INTAKE_FEEDBACK_STORE_H_
#define SCHAKEL_SERVICES_INTAKE_INTAKE_FEEDBACK_STORE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "schakel/v1/intake.pb.h"
#include "services/common/sqlite.h"
#include "services/intake/report_sealer.h"

namespace schakel::intake {

// The occasions as stored (feedback_tasks.occasion) and as clocks of their signals.
inline constexpr char kAfterAssessment[] = "assessment";
inline constexpr char kAfterInvestigation[] = "investigation";

// Bits of feedback_tasks.signals_sent.
inline constexpr int kFeedbackReminder = 1;
inline constexpr int kFeedbackEscalation = 2;

struct FeedbackRow {
  std::string report_id;
  std::string occasion;  // kAfterAssessment, kAfterInvestigation
  v1::Region region = v1::REGION_UNSPECIFIED;
  v1::ReporterType reporter_type = v1::REPORTER_TYPE_UNSPECIFIED;
  v1::FeedbackScope scope = v1::FEEDBACK_SCOPE_UNSPECIFIED;
  int64_t decided_at = 0;
  int64_t due = 0;
  std::string assignee;
  std::optional<int64_t> given_at;  // nullopt while open
  std::string given_by;
  std::optional<int64_t> record_time;
  int signals_sent = 0;
  std::optional<int64_t> next_signal_at;
  // Opened only when asked for, and only once given.
  v1::FeedbackGiven given;
};

// What the figures need of one report, from plain columns.
struct ReportFact {
  std::string id;
  v1::ReportKind kind = v1::REPORT_KIND_UNSPECIFIED;
  v1::ReportChannel channel = v1::REPORT_CHANNEL_UNSPECIFIED;
  v1::ReportState state = v1::REPORT_STATE_UNSPECIFIED;
  std::string violence_kinds;  // KindsColumn
  std::optional<int64_t> assessment_due;
  std::optional<int64_t> assessed_at;  // nullopt: open, or assessed before migration 0003
  std::optional<int> route;            // AssessmentRoute, as assessed_at
  std::optional<int64_t> investigation_due;
  std::optional<int64_t> investigation_completed_at;
};

class FeedbackStore {
 public:
  FeedbackStore(sqlite::Connection& c, ReportSealer& sealer) : c_(c), sealer_(sealer) {}

  absl::Status Insert(const FeedbackRow& f);
  // With `given` opened when `decrypt` and the task is done.
  absl::StatusOr<std::optional<FeedbackRow>> Get(const std::string& report_id,
                                                 const std::string& occasion, bool decrypt);
  // Records f.given (sealed), f.given_at, f.given_by and f.record_time on an open task and stops
  // its signals; false when it was done already.
  absl::StatusOr<bool> MarkGiven(const FeedbackRow& f);
  // The region's open tasks, nearest due first; with `done_since`, then the tasks done since
  // then, latest first. At most `limit` in all. `decrypt`: open what was told.
  absl::StatusOr<std::vector<FeedbackRow>> List(v1::Region region,
                                                std::optional<int64_t> done_since, int limit,
                                                bool decrypt);
  // The region's open tasks, and how many of them are past due at `now`.
  absl::Status CountOpen(v1::Region region, int64_t now, int& open, int& overdue);

  // The (report, occasion) of tasks whose next signal is due at `now`.
  absl::StatusOr<std::vector<std::pair<std::string, std::string>>> DueForSignals(int64_t now,
                                                                                 int limit);
  // Records the signals sent (bits `sent`, the next at `next`) where the task still has
  // `previous` bits; false when another scan got there first.
  absl::StatusOr<bool> MarkSignals(const std::string& report_id, const std::string& occasion,
                                   int previous, int sent, std::optional<int64_t> next);

  // The plain facts of a safety assessment, for the figures.
  absl::Status SetAssessed(const std::string& report_id, int64_t assessed_at, int route);
  // The end of an investigation: its term and signals stop.
  absl::Status SetInvestigationCompleted(const std::string& report_id, int64_t completed_at);
  absl::StatusOr<std::optional<int64_t>> InvestigationCompletedAt(const std::string& report_id);

  // The region's reports and advice requests received in [from, to).
  absl::StatusOr<std::vector<ReportFact>> ReportFacts(v1::Region region, int64_t from, int64_t to);
  // The region's work past its term at `now`: open reports' assessments, running
  // investigations, open feedback tasks; the oldest term first, at most `limit`, with the counts
  // of each in `counts` ("assessment", "investigation", "feedback").
  absl::StatusOr<std::vector<v1::OverdueItem>> Overdue(v1::Region region, int64_t now, int limit,
                                                       std::map<std::string, int>& counts);
  // The feedback tasks of the reports of the region received in [from, to).
  absl::StatusOr<std::vector<FeedbackRow>> FeedbackOfPeriod(v1::Region region, int64_t from,
                                                            int64_t to);

 private:
  absl::StatusOr<std::vector<FeedbackRow>> Query(sqlite::Statement& s, bool decrypt);

  sqlite::Connection& c_;
  ReportSealer& sealer_;
};

}  // namespace schakel::intake

#endif  // SCHAKEL_SERVICES_INTAKE_INTAKE_FEEDBACK_STORE_H_
