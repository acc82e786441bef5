// How the handover service shows what it stores (protos, timeline events, dates) and the checks
// its requests share. Pure functions, no database: every part of the service uses them.
#ifndef SCHAKEL_SERVICES_HANDOVER_HANDOVER_VIEWS_H_
#define SCHAKEL_SERVICES_HANDOVER_HANDOVER_VIEWS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "schakel/v1/handover.pb.h"
#include "services/common/sqlite.h"
#include "services/common/status.h"
#include "services/handover/handover_store.h"

namespace schakel::handover {

inline constexpr size_t kTextMax = 2000;
// Terms (acceptance, first contact, due soon) are at most this many working days.
inline constexpr int kMaxTermDays = 20;
inline constexpr char kNotOnTeam[] = "you are not on this case's team";
// The one answer for a handover that does not exist and for one the caller may not see or change:
// whoever is not party to a handover learns nothing about it, not even that it exists.
inline constexpr char kNoHandoverForYou[] = "no handover with this id that you may see or change";
// The purpose of use of every record about a case's handovers.
inline constexpr char kPurpose[] = "handover of lead responsibility (MDA++)";
// The purpose of use of the supervisors' list and report.
inline constexpr char kOversightPurpose[] = "oversight of handovers";

// "PROPOSED", "ACCEPTED", ...: for messages and the CSV.
const char* StateName(v1::HandoverState state);

// A deadline is the end (24:00 Europe/Amsterdam) of a day: that day, as people say it
// ("2024-05-17").
std::string DeadlineDay(int64_t deadline);

// A handover as the API shows it. Without `with_content` (lists, reports, outsiders) only
// organisations, phase, state and times: no people, no content.
v1::Handover ToProto(const HandoverRow& h, const std::string& reference, bool with_content);

// A case's responsibility, with the open handover `pending` (if any) and the notices that say who
// stays responsible meanwhile.
v1::Responsibility ToProto(const LedgerRow& l, const std::optional<HandoverRow>& pending,
                           bool with_content);

// Writes an event for the case's timeline to the outbox, in the caller's transaction. The summary
// names organisations and phases, never content. Empty actor: the service itself (deadlines).
absl::Status Timeline(sqlite::Connection& c, const std::string& case_id, absl::string_view type,
                      const std::string& summary, const std::string& actor_id,
                      const std::string& actor_organisation_id, int64_t now);

// Adds a violation for every bad field of a handover's content (summary required; each list at
// most 50 items of at most kTextMax characters).
void CheckContent(FieldViolations& v, const v1::HandoverContent& content);

// A term in working days: 0 (the default) to kMaxTermDays.
void CheckTerm(FieldViolations& v, const std::string& field, int days);

// Whether `h` waits for an answer from `organisation_id` (who may then read it).
bool IsOpenTo(const HandoverRow& h, const std::string& organisation_id);

}  // namespace schakel::handover

#endif  // SCHAKEL_SERVICES_HANDOVER_HANDOVER_VIEWS_H_
