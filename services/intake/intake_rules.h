// The rules of intake that need no database: what a valid report is, and its statutory clocks.
#ifndef SCHAKEL_SERVICES_INTAKE_INTAKE_RULES_H_
#define SCHAKEL_SERVICES_INTAKE_INTAKE_RULES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "schakel/v1/intake.pb.h"
#include "services/common/calendar.h"
#include "services/common/status.h"

namespace schakel::intake {

inline constexpr int kMaxPersons = 20;
inline constexpr size_t kDescriptionMax = 20000;
// Reports are taken in at most this long after receipt (an older one is a data error).
inline constexpr absl::Duration kMaxReceiptAge = absl::Hours(24 * 30);
// Clocks of the submitting machine may run a little ahead.
inline constexpr absl::Duration kFutureLeeway = absl::Minutes(5);
// Working days for the safety assessment (Uitvoeringsbesluit Wmo 2015 art. 4.1.7).
inline constexpr int kAssessmentWorkingDays = 5;
// An acute report needs action within this many clock hours.
inline constexpr absl::Duration kAcuteTerm = absl::Hours(24);

// The investigation by VT ends within 10 weeks of its start.
inline constexpr int kInvestigationDays = 70;
inline constexpr int kMaxSafetyConditions = 20;
inline constexpr int kMaxMonitoringDates = 20;
inline constexpr int kMaxFactors = 50;

// Who submits: the checks differ for the police feed.
enum class Submitter { kVeiligThuis, kPolice };

// Adds a violation, named under `at` ("" or "reports[3]."), for every bad field of `in` at `now`.
void CheckReportInput(FieldViolations& v, const std::string& at, const v1::ReportInput& in,
                      Submitter submitter, absl::Time now);
// The same, as a list (for a batch item's answer).
std::vector<v1::ItemViolation> ReportViolations(const v1::ReportInput& in, Submitter submitter,
                                                absl::Time now);

// Adds a violation, named under `at` ("assessment."), for every bad or missing field of the
// safety assessment `a` made at `now`, its route's included. The directory checks (the
// investigator, the plan partner) are the service's.
void CheckAssessment(FieldViolations& v, const std::string& at, const v1::SafetyAssessment& a,
                     absl::Time now);
// The end of an investigation started at `start`: 24:00 (Amsterdam) of the day 10 weeks later.
absl::Time InvestigationDue(absl::Time start);

struct Clocks {
  std::optional<absl::Time> assessment_due;  // reports only
  std::optional<absl::Time> acute_due;       // acute ones only
};
// The terms of a report (or advice) received, or converted, at `start`.
Clocks ComputeClocks(v1::ReportKind kind, bool acute, absl::Time start,
                     const calendar::WorkingDayCalendar& calendar);
// When the holder is reminded of a term ending at `due`: one working day before (the end of the
// previous working day), or for the acute term 4 hours before.
absl::Time ReminderTime(absl::Time due, bool acute_term,
                        const calendar::WorkingDayCalendar& calendar);

// The reminders and escalations of a report's terms, as bits of reports.signals_sent.
enum SignalBit : int {
  kAcuteReminder = 1,
  kAcuteEscalation = 2,
  kAssessmentReminder = 4,
  kAssessmentEscalation = 8,
  kInvestigationReminder = 16,
  kInvestigationEscalation = 32,
  kHandoverReminder = 64,
  kHandoverEscalation = 128,
};
struct PendingSignal {
  SignalBit bit;
  std::string clock;   // "acute", "assessment", "investigation", "handover"
  std::string signal;  // "reminder", "escalation"
  absl::Time at;       // when it is sent
  absl::Time due;      // the term it is about
};
// The signals of the terms not yet sent (`sent`: bits), earliest first. The investigation's
// reminder is at the end of the working day before its last day, like the assessment's.
std::vector<PendingSignal> PendingSignals(std::optional<absl::Time> acute_due,
                                          std::optional<absl::Time> assessment_due, int sent,
                                          const calendar::WorkingDayCalendar& calendar,
                                          std::optional<absl::Time> investigation_due = {},
                                          std::optional<absl::Time> handover_due = {});
// What to send at `now`: the pending signals that fell due, without a reminder whose term itself
// has passed (the escalation says more, and a late reminder helps nobody; its bit is still set).
// `skipped` receives the bits of such reminders.
std::vector<PendingSignal> SignalsToSend(const std::vector<PendingSignal>& pending, absl::Time now,
                                         int& skipped);

// "1,6" for the violence kinds (stored unencrypted: they are no personal data and the queue shows
// them) and back.
std::string KindsColumn(const google::protobuf::RepeatedField<int>& kinds);
std::vector<v1::ViolenceKind> KindsFromColumn(const std::string& column);

}  // namespace schakel::intake

#endif  // SCHAKEL_SERVICES_INTAKE_INTAKE_RULES_H_
