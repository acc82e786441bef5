// The difference between two versions of a safety plan, per section and item, and its inverse:
// applying a diff to the older version rebuilds the newer one exactly. Pure functions, on
// Normalise'd content (plan_rules.h): sections in enum order and none empty, every item with a
// unique id.
#ifndef SCHAKEL_SERVICES_SAFETYPLAN_PLAN_DIFF_H_
#define SCHAKEL_SERVICES_SAFETYPLAN_PLAN_DIFF_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "schakel/v1/safetyplan.pb.h"
#include "services/safetyplan/plan_rules.h"

namespace schakel::safetyplan {

// What changed from `from` to `to`. from_version and to_version are left 0 for the caller.
//  - `sections`: only the sections that differ (items or only their order), in enum order. A
//    section present on one side only is compared with an empty one.
//  - per section, items by id: first, in the order of `to`, ADDED (item = the new one) and CHANGED
//    (item = the new one, before = the old one, changed_fields = the paths that differ); then, in
//    the order of `from`, REMOVED (item = the old one). An item that moved to another section is
//    REMOVED from one and ADDED to the other; an item that only moved within its section is not
//    listed (the section's `order` tells).
//  - changed_fields: the fields of PlanItem that differ, at most two levels deep, each once, in
//    field order: "sensitivity", "text", "agreement.due", "agreement.status",
//    "warning_signal.action", "child_voice.said_on", ...
//  - `order`: the ids of the section's items in `to`, in order (empty when `to` lacks it).
//  - evaluation_date_changed, and evaluation_date as in `to` (unset when `to` has none).
// DiffPlans(x, x) is an empty PlanDiff.
v1::PlanDiff DiffPlans(const v1::PlanContent& from, const v1::PlanContent& to);

// Rebuilds `to` from `from` and DiffPlans(from, to): sections not in the diff are copied, a
// section in it is rebuilt from its `order` (an empty section is left out), the evaluation date
// set or cleared when it changed.
// INVALID_ARGUMENT when the diff contradicts itself: an unknown section or one given twice, an
// item diff without item_id or change, an item whose id is not its item_id, an id given twice in a
// section, `order` naming an id twice or naming a REMOVED item, an ADDED or CHANGED item missing
// from `order`. FAILED_PRECONDITION when it does not fit `from`: ADDED for an id the section
// already holds, REMOVED or CHANGED for an id it lacks, a REMOVED item or a CHANGED `before` that
// differs from `from`'s item, `order` naming an id that neither `from` nor the diff holds, an item
// of `from` neither removed nor in `order`, or an id in two sections of the result.
absl::StatusOr<v1::PlanContent> ApplyDiff(const v1::PlanContent& from, const v1::PlanDiff& d);

// Shows `d` as `viewer` may: `item` and `before` are redacted as RedactItem does (id and
// sensitivity kept, body removed, hidden marker set), so a change to a hidden item still shows,
// visibly hidden, as ADDED, REMOVED or CHANGED. changed_fields are kept only when the viewer sees
// both sides of a CHANGED item: otherwise they would tell what differs in content it may not see
// (whether a CARE text was edited, or only its due date). Ids and `order` are kept.
void RedactDiff(v1::PlanDiff& d, const Viewer& viewer);

}  // namespace schakel::safetyplan

#endif  // SCHAKEL_SERVICES_SAFETYPLAN_PLAN_DIFF_H_
