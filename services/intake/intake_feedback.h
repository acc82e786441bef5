// Feedback to the reporter (terugkoppeling): the rules that need no database, shared by the
// service's RPCs (intake_feedback.cc), its timer (intake_clocks.cc) and its figures
// (intake_report.cc).
#ifndef SCHAKEL_SERVICES_INTAKE_INTAKE_FEEDBACK_H_
#define SCHAKEL_SERVICES_INTAKE_INTAKE_FEEDBACK_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "schakel/v1/intake.pb.h"
#include "services/common/calendar.h"
#include "services/intake/intake_feedback_store.h"

namespace schakel::intake {

// What a reporter is told after a decision: FULL for a professional or the police, LIMITED for a
// citizen who gave their name, UNSPECIFIED (no feedback at all) for an anonymous citizen.
v1::FeedbackScope FeedbackScopeOf(const v1::Reporter& reporter);

// "assessment" <-> FEEDBACK_OCCASION_ASSESSMENT; "" for an unknown one.
std::string OccasionColumn(v1::FeedbackOccasion occasion);
v1::FeedbackOccasion OccasionOf(const std::string& column);
// The clock of a task's signals: "feedback" after the assessment, "feedback_investigation" after
// an investigation.
std::string FeedbackClock(const std::string& occasion);

// A term as the signals show it: "12-01-2026 24:00" (Amsterdam) for a term ending at midnight.
std::string DueText(int64_t due_us);

// A feedback signal of a task not yet sent.
struct FeedbackSignal {
  int bit = 0;         // kFeedbackReminder, kFeedbackEscalation
  std::string signal;  // "reminder", "escalation"
  absl::Time at;
};
// The task's signals not yet sent, earliest first: a reminder at the end of the working day
// before its last day, and the escalation when it passes. None once done.
std::vector<FeedbackSignal> PendingFeedbackSignals(const FeedbackRow& f,
                                                   const calendar::WorkingDayCalendar& calendar);
std::optional<int64_t> NextFeedbackSignalAt(const FeedbackRow& f,
                                            const calendar::WorkingDayCalendar& calendar);

// The task as a client sees it at `now` (what was told only when `f.given` was opened).
v1::FeedbackTask FeedbackTaskProto(const FeedbackRow& f, absl::Time now);

}  // namespace schakel::intake

#endif  // SCHAKEL_SERVICES_INTAKE_INTAKE_FEEDBACK_H_
