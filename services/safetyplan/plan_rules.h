// The rules of a safety plan (veiligheidsplan) that need no database and no gRPC: what a plan may
// hold, what it must hold before sign-off, its normal form, who sees which item, and what an edit
// by a writer who does not see everything stores. The diff between two versions is in
// plan_diff.h.
//
// Contract shared by every function here:
//  - Field paths in violations are those of the request:
//  "content.sections[2].items[0].agreement.due"
//    (`field` is the prefix, e.g. "content").
//  - "Normalise'd content" is content that passed CheckPlanContent (or MergeDraft) and went through
//    Normalise: sections in enum order, none empty, each at most once; every item with an id and a
//    sensitivity; no hidden markers. The stored versions are Normalise'd; ConditionsChanged and
//    the diff (plan_diff.h) expect it.
//  - Nothing here decides who is on the case team: the service checks that (agreement owners on
//    the team, who may edit, sign off).
//
// Limits (characters are UTF-8 code points, as CheckText counts them):
//  - a plan holds each of the 10 sections at most once; a section at most kMaxItemsPerSection
//    (100) items — the same as kDefaultRepeatedLimit, which CheckRepeatedLimits applies to
//    PlanSectionItems.items of a request anyway; a section over its limit is not looked into;
//  - text items (WORRIES, STRENGTHS, CONDITIONS, GOALS, VICTIM_VIEW, CONTACT_RESTRICTIONS):
//  required,
//    at most 4000;
//  - agreement: `what` required, at most 2000; owner_organisation_id and owner_professional_id
//    required, directory ids (CheckId); `due` a calendar date when set (required only to propose);
//    `checked_by` at most 200; `status` OPEN, DONE, NOT_KEPT or unset (Normalise: OPEN);
//  - warning signal: `signal` required, at most 2000; `action` at most 2000; `call` at most 200;
//  - network member: `name` required, a name (CheckName) of at most 200; `part` at most 2000;
//    `contact` at most 200;
//  - child's voice: `said` required, at most 4000; `said_to` at most 200; `said_on` a calendar date
//    when set; `child_version` at most 4000;
//  - dates (evaluation_date, due, said_on): real calendar dates (IsValidDate: 1900-2200) when set;
//  - item ids: empty for a new item (Normalise gives it one), else "i-" followed by 1-64 characters
//    of [a-z0-9._-] starting with a letter or digit (IsWellFormedId), unique across the plan;
//  - an item's sensitivity: GENERAL, CARE, JUSTICE, or unset (the writer's default).
#ifndef SCHAKEL_SERVICES_SAFETYPLAN_PLAN_RULES_H_
#define SCHAKEL_SERVICES_SAFETYPLAN_PLAN_RULES_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "schakel/v1/common.pb.h"
#include "schakel/v1/safetyplan.pb.h"
#include "services/common/status.h"
#include "services/redaction/need_to_know.h"

namespace schakel::safetyplan {

using ::schakel::Viewer;

inline constexpr int kMaxItemsPerSection = 100;
inline constexpr size_t kMaxTextItemChars = 4000;
inline constexpr size_t kMaxLongTextChars = 2000;
inline constexpr size_t kMaxShortTextChars = 200;
inline constexpr size_t kMaxChildTextChars = 4000;
inline constexpr absl::string_view kItemIdPrefix = "i-";

// A calendar date as stored, YYYYMMDD (0: unset), and back; "15-01-2027" for people.
int64_t YmdOf(const v1::Date& date);
int64_t YmdOf(absl::CivilDay day);
absl::CivilDay DayOf(int64_t ymd);
v1::Date DateOf(int64_t ymd);
std::string DutchDate(int64_t ymd);

// A fresh item id: "i-" and 32 random hex characters (for Normalise's `new_id`).
std::string NewItemId();
// Whether `id` is "i-" followed by 1-64 characters IsWellFormedId accepts.
bool IsWellFormedItemId(absl::string_view id);

// Whether an item of `section` holds text (the body case kText) rather than its own kind.
bool IsTextSection(v1::PlanSection section);
// The body case an item of `section` must have (PlanItem::BODY_NOT_SET for an unknown section).
v1::PlanItem::BodyCase BodyCaseOf(v1::PlanSection section);

// Every bad field of `c` named in `v` under `field` in one pass (the limits above): a known
// section, each at most once; each item's body set and of its section's kind; lengths, required
// texts, dates, sensitivities; ids well-formed and unique across the plan.
// An item marked `hidden` with an id is the echo of an item the writer was shown redacted: only
// its id is checked (MergeDraft keeps the stored item). MergeDraft runs these checks itself: do not
// call both on the same content.
void CheckPlanContent(FieldViolations& v, const std::string& field, const v1::PlanContent& c);

// What a plan must hold before it is proposed for sign-off, named under "content": at least one
// condition ("content.sections": CONDITIONS), at least one agreement ("content.sections":
// AGREEMENTS), an evaluation date ("content.evaluation_date"), and a due date on every agreement
// ("content.sections[i].items[j].agreement.due"). On Normalise'd content.
void CheckReadyToPropose(FieldViolations& v, const v1::PlanContent& c);

// The normal form of checked content: sections in enum order (a section given twice merged, in
// the order given), empty sections dropped; a new item (empty id) gets new_id(); an unset
// sensitivity becomes SensitivityOrDefault(_, writer); an unset agreement status OPEN; the output
// only fields (hidden, hidden_reason) cleared. Idempotent.
void Normalise(v1::PlanContent& c, v1::OrganisationType writer,
               const std::function<std::string()>& new_id);

// Whether the CONDITIONS sections of `a` and `b` differ: an id in one and not the other, or an
// item of the same id whose text or sensitivity differs (a Normalise'd condition holds nothing
// else; the whole item is compared). Order alone does not count. The same text under a new id
// counts as removed and added: on the safe side, Veilig Thuis signs off once more. On Normalise'd
// content.
bool ConditionsChanged(const v1::PlanContent& a, const v1::PlanContent& b);

// Whether `viewer` may see `item`: by the need-to-know table on its sensitivity; an unset or
// unknown sensitivity is read as CARE, as need_to_know.h reads text from before sensitivities.
bool MaySeeItem(const v1::PlanItem& item, const Viewer& viewer);
// Shows `item` as `viewer` may: when hidden it keeps its id and sensitivity, loses its body and
// gets hidden = true and hidden_reason = HiddenReason(level). A visible item has no hidden marker.
void RedactItem(v1::PlanItem& item, const Viewer& viewer);
// RedactItem on every item of `c`; sections, order and the evaluation date stay.
void RedactContent(v1::PlanContent& c, const Viewer& viewer);

// What to store when `writer` sends `incoming` for a draft holding `stored` (Normalise'd):
//  - items hidden from the writer are kept exactly as stored, in their section at their index
//    (after the writer's items when the section became shorter), whatever was sent in their place
//    or not sent — redaction never becomes deletion; what was sent for them is not checked;
//  - items the writer sees are replaced by what was sent (in the section and order sent) or
//    removed when left out; new items (empty id) are added;
//  - an incoming id that is not in `stored` is an error on its id field (".items[j].id");
//  - sensitivity (MergeText's rule): unset keeps the stored level when the item is otherwise
//    unchanged and is left unset for Normalise (the writer's default) when it changed or is new;
//    a writer may change an item's level only when its organisation sees both levels;
//  - the evaluation date is the one sent.
// Every bad field of `incoming` is named under `field` with CheckPlanContent's rules. The result is
// meaningful only when `v` stayed empty; pass it to Normalise (new items still lack ids).
v1::PlanContent MergeDraft(FieldViolations& v, const std::string& field,
                           const v1::PlanContent& stored, const v1::PlanContent& incoming,
                           const Viewer& writer);

// The outcome levels of a risk instrument (common.proto, RiskInstrumentKind): RIHG, LIRIK, CARE_NL:
// LOW, MEDIUM, HIGH; ARIJ: LOW, MEDIUM, HIGH, VERY_HIGH; B_SAFER: LOW, MODERATE, HIGH; none for an
// unset or unknown kind. Levels are matched exactly (upper case).
std::vector<std::string> OutcomeLevels(v1::RiskInstrumentKind kind);
bool IsOutcomeLevel(v1::RiskInstrumentKind kind, absl::string_view level);

}  // namespace schakel::safetyplan

#endif  // SCHAKEL_SERVICES_SAFETYPLAN_PLAN_RULES_H_
