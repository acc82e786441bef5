#include "services/safetyplan/plan_rules.h"

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/util/message_differencer.h>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "schakel/v1/common.pb.h"
#include "schakel/v1/safetyplan.pb.h"
#include "services/common/ids.h"
#include "services/common/person_fields.h"
#include "services/common/status.h"
#include "services/common/validation.h"
#include "services/redaction/need_to_know.h"

namespace schakel::safetyplan {
namespace {

using google::protobuf::util::MessageDifferencer;

// Helper names are prefixed (Rules...): the ci preset builds unity sources, where the anonymous
// namespaces of plan_rules.cc and plan_diff.cc are one.

bool RulesKnownSection(int s) {
  return s != v1::PLAN_SECTION_UNSPECIFIED && v1::PlanSection_IsValid(s);
}

// "CONDITIONS" for PLAN_SECTION_CONDITIONS.
std::string RulesSectionName(v1::PlanSection s) {
  std::string name = v1::PlanSection_Name(s);
  constexpr absl::string_view kPrefix = "PLAN_SECTION_";
  if (absl::StartsWith(name, kPrefix)) name.erase(0, kPrefix.size());
  return name.empty() ? absl::StrCat(static_cast<int>(s)) : name;
}

// The field name of a body case ("agreement"): the case's value is the field's number.
std::string RulesBodyName(v1::PlanItem::BodyCase body) {
  const auto* f = v1::PlanItem::descriptor()->FindFieldByNumber(static_cast<int>(body));
  return f == nullptr ? "body" : f->name();
}

// The level stored content is read under: its own, or CARE when unset or unknown (as
// need_to_know.h reads text from before sensitivities).
v1::Sensitivity RulesReadLevel(int s) {
  if (s == v1::SENSITIVITY_UNSPECIFIED || !v1::Sensitivity_IsValid(s)) return v1::SENSITIVITY_CARE;
  return static_cast<v1::Sensitivity>(s);
}

void RulesCheckDate(FieldViolations& v, const std::string& field, bool has, const v1::Date& d) {
  if (has && !IsValidDate(d)) v.Add(field, "is not a calendar date");
}

// The contents of an item's body, whatever its section.
void RulesCheckBodyFields(FieldViolations& v, const std::string& at, const v1::PlanItem& item) {
  switch (item.body_case()) {
    case v1::PlanItem::kText:
      CheckText(v, at + ".text", item.text(), kMaxTextItemChars, true);
      break;
    case v1::PlanItem::kAgreement: {
      const v1::Agreement& a = item.agreement();
      const std::string p = at + ".agreement";
      CheckText(v, p + ".what", a.what(), kMaxLongTextChars, true);
      CheckId(v, p + ".owner_organisation_id", a.owner_organisation_id());
      CheckId(v, p + ".owner_professional_id", a.owner_professional_id());
      RulesCheckDate(v, p + ".due", a.has_due(), a.due());
      CheckText(v, p + ".checked_by", a.checked_by(), kMaxShortTextChars, false);
      if (!v1::AgreementStatus_IsValid(a.status())) {
        v.Add(p + ".status", "must be OPEN, DONE or NOT_KEPT (or unset: OPEN)");
      }
      break;
    }
    case v1::PlanItem::kWarningSignal: {
      const v1::WarningSignal& w = item.warning_signal();
      const std::string p = at + ".warning_signal";
      CheckText(v, p + ".signal", w.signal(), kMaxLongTextChars, true);
      CheckText(v, p + ".action", w.action(), kMaxLongTextChars, false);
      CheckText(v, p + ".call", w.call(), kMaxShortTextChars, false);
      break;
    }
    case v1::PlanItem::kNetworkMember: {
      const v1::NetworkMember& m = item.network_member();
      const std::string p = at + ".network_member";
      CheckName(v, p + ".name", m.name(), kMaxShortTextChars);
      CheckText(v, p + ".part", m.part(), kMaxLongTextChars, false);
      CheckText(v, p + ".contact", m.contact(), kMaxShortTextChars, false);
      break;
    }
    case v1::PlanItem::kChildVoice: {
      const v1::ChildVoice& c = item.child_voice();
      const std::string p = at + ".child_voice";
      CheckText(v, p + ".said", c.said(), kMaxChildTextChars, true);
      CheckText(v, p + ".said_to", c.said_to(), kMaxShortTextChars, false);
      RulesCheckDate(v, p + ".said_on", c.has_said_on(), c.said_on());
      CheckText(v, p + ".child_version", c.child_version(), kMaxChildTextChars, false);
      break;
    }
    case v1::PlanItem::BODY_NOT_SET:
      break;
  }
}

// An item's sensitivity and body (its id is checked by the caller).
void RulesCheckItem(FieldViolations& v, const std::string& at, int section,
                    const v1::PlanItem& item) {
  if (item.sensitivity() != v1::SENSITIVITY_UNSPECIFIED) {
    CheckSensitivity(v, at + ".sensitivity", item.sensitivity());
  }
  const bool known = RulesKnownSection(section);
  const auto want =
      known ? BodyCaseOf(static_cast<v1::PlanSection>(section)) : v1::PlanItem::BODY_NOT_SET;
  if (item.body_case() == v1::PlanItem::BODY_NOT_SET) {
    if (known) {
      v.Add(absl::StrCat(at, ".", RulesBodyName(want)),
            absl::StrCat("must be set (the content of a ",
                         RulesSectionName(static_cast<v1::PlanSection>(section)), " item)"));
    } else {
      v.Add(at, "must have a content");
    }
    return;
  }
  if (known && item.body_case() != want) {
    v.Add(absl::StrCat(at, ".", RulesBodyName(item.body_case())),
          absl::StrCat("not allowed in ", RulesSectionName(static_cast<v1::PlanSection>(section)),
                       ": its items hold ", RulesBodyName(want)));
  }
  RulesCheckBodyFields(v, at, item);
}

// CheckPlanContent with a choice of the items whose body is not checked (`only_id`: echoes of
// items hidden from the writer; MergeDraft keeps the stored ones).
void RulesCheckContent(FieldViolations& v, const std::string& field, const v1::PlanContent& c,
                       const std::function<bool(const v1::PlanItem&)>& only_id) {
  absl::flat_hash_map<int, int> section_at;
  absl::flat_hash_map<std::string, std::string> id_at;
  for (int i = 0; i < c.sections_size(); ++i) {
    const v1::PlanSectionItems& s = c.sections(i);
    const std::string at = absl::StrCat(field, ".sections[", i, "]");
    if (!RulesKnownSection(s.section())) {
      v.Add(at + ".section", "must be a plan section (WORRIES to CONTACT_RESTRICTIONS)");
    } else if (auto [it, fresh] = section_at.emplace(s.section(), i); !fresh) {
      v.Add(at + ".section", absl::StrCat("appears more than once (also sections[", it->second,
                                          "]): give each section once"));
    }
    if (s.items_size() > kMaxItemsPerSection) {
      v.Add(at + ".items",
            absl::StrCat("at most ", kMaxItemsPerSection, " items, not ", s.items_size()));
      continue;
    }
    for (int j = 0; j < s.items_size(); ++j) {
      const v1::PlanItem& item = s.items(j);
      const std::string item_at = absl::StrCat(at, ".items[", j, "]");
      if (!item.id().empty()) {
        if (!IsWellFormedItemId(item.id())) {
          v.Add(item_at + ".id",
                "must be \"i-\" and 1 to 64 characters: lowercase letters, digits, '-', '_' or "
                "'.', starting with a letter or digit (or empty for a new item)");
        } else if (auto [it, fresh] = id_at.emplace(item.id(), item_at); !fresh) {
          v.Add(item_at + ".id", absl::StrCat("appears twice in the plan (also ", it->second, ")"));
        }
      }
      if (only_id(item)) {
        if (item.id().empty()) {
          v.Add(item_at + ".id", "an item shown hidden must be sent back with its id");
        }
        continue;
      }
      RulesCheckItem(v, item_at, s.section(), item);
    }
  }
  RulesCheckDate(v, field + ".evaluation_date", c.has_evaluation_date(), c.evaluation_date());
}

// Whether two items hold the same body (an unset agreement status read as OPEN), whatever their
// sensitivity and hidden markers.
bool RulesSameBody(const v1::PlanItem& a, const v1::PlanItem& b) {
  v1::PlanItem x = a;
  v1::PlanItem y = b;
  for (v1::PlanItem* p : {&x, &y}) {
    p->clear_sensitivity();
    p->clear_hidden();
    p->clear_hidden_reason();
    if (p->has_agreement() && p->agreement().status() == v1::AGREEMENT_STATUS_UNSPECIFIED) {
      p->mutable_agreement()->set_status(v1::AGREEMENT_STATUS_OPEN);
    }
  }
  return MessageDifferencer::Equals(x, y);
}

}  // namespace

std::string NewItemId() { return absl::StrCat(kItemIdPrefix, NewRandomId()); }

bool IsWellFormedItemId(absl::string_view id) {
  return absl::StartsWith(id, kItemIdPrefix) && IsWellFormedId(id.substr(kItemIdPrefix.size()), 64);
}

bool IsTextSection(v1::PlanSection section) { return BodyCaseOf(section) == v1::PlanItem::kText; }

v1::PlanItem::BodyCase BodyCaseOf(v1::PlanSection section) {
  switch (section) {
    case v1::PLAN_SECTION_WORRIES:
    case v1::PLAN_SECTION_STRENGTHS:
    case v1::PLAN_SECTION_CONDITIONS:
    case v1::PLAN_SECTION_GOALS:
    case v1::PLAN_SECTION_VICTIM_VIEW:
    case v1::PLAN_SECTION_CONTACT_RESTRICTIONS:
      return v1::PlanItem::kText;
    case v1::PLAN_SECTION_AGREEMENTS:
      return v1::PlanItem::kAgreement;
    case v1::PLAN_SECTION_WARNING_SIGNALS:
      return v1::PlanItem::kWarningSignal;
    case v1::PLAN_SECTION_SAFETY_NETWORK:
      return v1::PlanItem::kNetworkMember;
    case v1::PLAN_SECTION_CHILD_VOICE:
      return v1::PlanItem::kChildVoice;
    default:
      return v1::PlanItem::BODY_NOT_SET;
  }
}

void CheckPlanContent(FieldViolations& v, const std::string& field, const v1::PlanContent& c) {
  RulesCheckContent(v, field, c, [](const v1::PlanItem& item) { return item.hidden(); });
}

void CheckReadyToPropose(FieldViolations& v, const v1::PlanContent& c) {
  int conditions = 0;
  int agreements = 0;
  for (int i = 0; i < c.sections_size(); ++i) {
    const v1::PlanSectionItems& s = c.sections(i);
    if (s.section() == v1::PLAN_SECTION_CONDITIONS) conditions += s.items_size();
    if (s.section() != v1::PLAN_SECTION_AGREEMENTS) continue;
    agreements += s.items_size();
    for (int j = 0; j < s.items_size(); ++j) {
      const v1::PlanItem& item = s.items(j);
      if (!item.has_agreement() || !item.agreement().has_due() ||
          !IsValidDate(item.agreement().due())) {
        v.Add(absl::StrCat("content.sections[", i, "].items[", j, "].agreement.due"),
              "every agreement needs a due date before the plan is proposed");
      }
    }
  }
  if (conditions == 0) {
    v.Add("content.sections",
          "a plan needs at least one safety condition (CONDITIONS) before it is proposed");
  }
  if (agreements == 0) {
    v.Add("content.sections",
          "a plan needs at least one safety agreement (AGREEMENTS) before it is proposed");
  }
  if (!c.has_evaluation_date() || !IsValidDate(c.evaluation_date())) {
    v.Add("content.evaluation_date", "a plan needs an evaluation date before it is proposed");
  }
}

void Normalise(v1::PlanContent& c, v1::OrganisationType writer,
               const std::function<std::string()>& new_id) {
  std::map<int, google::protobuf::RepeatedPtrField<v1::PlanItem>> by_section;
  for (v1::PlanSectionItems& s : *c.mutable_sections()) {
    auto& items = by_section[s.section()];
    for (v1::PlanItem& item : *s.mutable_items()) *items.Add() = std::move(item);
  }
  c.clear_sections();
  for (auto& [section, items] : by_section) {
    if (items.empty()) continue;
    v1::PlanSectionItems* s = c.add_sections();
    s->set_section(static_cast<v1::PlanSection>(section));
    for (v1::PlanItem& item : items) {
      if (item.id().empty()) item.set_id(new_id());
      item.set_sensitivity(SensitivityOrDefault(item.sensitivity(), writer));
      if (item.has_agreement() && item.agreement().status() == v1::AGREEMENT_STATUS_UNSPECIFIED) {
        item.mutable_agreement()->set_status(v1::AGREEMENT_STATUS_OPEN);
      }
      item.clear_hidden();
      item.clear_hidden_reason();
    }
    *s->mutable_items() = std::move(items);
  }
}

bool ConditionsChanged(const v1::PlanContent& a, const v1::PlanContent& b) {
  // Id -> condition, for one side; false when an id is empty or repeats (not Normalise'd).
  auto collect = [](const v1::PlanContent& c,
                    absl::flat_hash_map<std::string, const v1::PlanItem*>& out) {
    for (const v1::PlanSectionItems& s : c.sections()) {
      if (s.section() != v1::PLAN_SECTION_CONDITIONS) continue;
      for (const v1::PlanItem& item : s.items()) {
        if (item.id().empty() || !out.emplace(item.id(), &item).second) return false;
      }
    }
    return true;
  };
  absl::flat_hash_map<std::string, const v1::PlanItem*> in_a;
  absl::flat_hash_map<std::string, const v1::PlanItem*> in_b;
  if (!collect(a, in_a) || !collect(b, in_b)) return true;  // on the safe side
  if (in_a.size() != in_b.size()) return true;
  for (const auto& [id, item] : in_a) {
    auto it = in_b.find(id);
    if (it == in_b.end() || !MessageDifferencer::Equals(*item, *it->second)) return true;
  }
  return false;
}

bool MaySeeItem(const v1::PlanItem& item, const Viewer& viewer) {
  return OrganisationTypeSees(viewer.organisation_type, RulesReadLevel(item.sensitivity()));
}

void RedactItem(v1::PlanItem& item, const Viewer& viewer) {
  if (MaySeeItem(item, viewer)) {
    item.clear_hidden();
    item.clear_hidden_reason();
    return;
  }
  item.clear_body();
  item.set_hidden(true);
  item.set_hidden_reason(HiddenReason(RulesReadLevel(item.sensitivity())));
}

void RedactContent(v1::PlanContent& c, const Viewer& viewer) {
  for (v1::PlanSectionItems& s : *c.mutable_sections()) {
    for (v1::PlanItem& item : *s.mutable_items()) RedactItem(item, viewer);
  }
}

v1::PlanContent MergeDraft(FieldViolations& v, const std::string& field,
                           const v1::PlanContent& stored, const v1::PlanContent& incoming,
                           const Viewer& writer) {
  struct Stored {
    const v1::PlanItem* item;
    bool visible;
  };
  absl::flat_hash_map<std::string, Stored> by_id;
  // Per section: the items hidden from the writer, with their index in the stored section.
  std::map<int, std::vector<std::pair<int, const v1::PlanItem*>>> hidden;
  for (const v1::PlanSectionItems& s : stored.sections()) {
    for (int j = 0; j < s.items_size(); ++j) {
      const v1::PlanItem& item = s.items(j);
      const bool visible = MaySeeItem(item, writer);
      by_id.emplace(item.id(), Stored{&item, visible});
      if (!visible) hidden[s.section()].emplace_back(j, &item);
    }
  }
  auto kept_as_stored = [&](const v1::PlanItem& in) {
    if (in.id().empty()) return false;
    auto it = by_id.find(in.id());
    return it != by_id.end() && !it->second.visible;
  };
  RulesCheckContent(v, field, incoming, kept_as_stored);

  // The writer's items per section, in the order sent.
  std::map<int, std::vector<v1::PlanItem>> sent;
  for (int i = 0; i < incoming.sections_size(); ++i) {
    const v1::PlanSectionItems& s = incoming.sections(i);
    if (!RulesKnownSection(s.section())) continue;  // named by the checks
    if (s.items_size() > kMaxItemsPerSection) continue;
    for (int j = 0; j < s.items_size(); ++j) {
      const v1::PlanItem& in = s.items(j);
      const std::string at = absl::StrCat(field, ".sections[", i, "].items[", j, "]");
      const v1::PlanItem* old = nullptr;
      if (!in.id().empty()) {
        auto it = by_id.find(in.id());
        if (it == by_id.end()) {
          v.Add(at + ".id", "no item with this id in the draft (a new item has no id)");
          continue;
        }
        if (!it->second.visible) continue;  // kept as stored below
        old = it->second.item;
      }
      v1::PlanItem out = in;
      out.clear_hidden();
      out.clear_hidden_reason();
      if (old != nullptr) {
        if (in.sensitivity() == v1::SENSITIVITY_UNSPECIFIED) {
          if (RulesSameBody(*old, in)) out.set_sensitivity(old->sensitivity());
        } else if (in.sensitivity() != old->sensitivity() &&
                   v1::Sensitivity_IsValid(in.sensitivity()) &&
                   !(MaySeeItem(*old, writer) &&
                     OrganisationTypeSees(writer.organisation_type, in.sensitivity()))) {
          v.Add(at + ".sensitivity",
                "your organisation may not reclassify this item to a level it would not see");
        }
      }
      sent[s.section()].push_back(std::move(out));
    }
  }

  std::map<int, bool> sections;
  for (const auto& [section, items] : sent) sections[section] = true;
  for (const auto& [section, items] : hidden) sections[section] = true;
  v1::PlanContent merged;
  for (const auto& [section, unused] : sections) {
    std::vector<v1::PlanItem>& mine = sent[section];
    const std::vector<std::pair<int, const v1::PlanItem*>>& theirs = hidden[section];
    v1::PlanSectionItems* s = merged.add_sections();
    s->set_section(static_cast<v1::PlanSection>(section));
    size_t m = 0;
    size_t h = 0;
    for (size_t pos = 0; pos < mine.size() + theirs.size(); ++pos) {
      if (h < theirs.size() && (static_cast<size_t>(theirs[h].first) <= pos || m == mine.size())) {
        *s->add_items() = *theirs[h++].second;
      } else {
        *s->add_items() = std::move(mine[m++]);
      }
    }
  }
  if (incoming.has_evaluation_date())
    *merged.mutable_evaluation_date() = incoming.evaluation_date();
  return merged;
}

std::vector<std::string> OutcomeLevels(v1::RiskInstrumentKind kind) {
  switch (kind) {
    case v1::RISK_INSTRUMENT_KIND_RIHG:
    case v1::RISK_INSTRUMENT_KIND_LIRIK:
    case v1::RISK_INSTRUMENT_KIND_CARE_NL:
      return {"LOW", "MEDIUM", "HIGH"};
    case v1::RISK_INSTRUMENT_KIND_ARIJ:
      return {"LOW", "MEDIUM", "HIGH", "VERY_HIGH"};
    case v1::RISK_INSTRUMENT_KIND_B_SAFER:
      return {"LOW", "MODERATE", "HIGH"};
    default:
      return {};
  }
}

bool IsOutcomeLevel(v1::RiskInstrumentKind kind, absl::string_view level) {
  for (const std::string& l : OutcomeLevels(kind)) {
    if (l == level) return true;
  }
  return false;
}

int64_t YmdOf(const v1::Date& date) {
  return int64_t{date.year()} * 10000 + date.month() * 100 + date.day();
}

int64_t YmdOf(absl::CivilDay day) { return day.year() * 10000 + day.month() * 100 + day.day(); }

absl::CivilDay DayOf(int64_t ymd) {
  return absl::CivilDay(ymd / 10000, (ymd / 100) % 100, ymd % 100);
}

v1::Date DateOf(int64_t ymd) {
  v1::Date d;
  d.set_year(static_cast<int>(ymd / 10000));
  d.set_month(static_cast<int>((ymd / 100) % 100));
  d.set_day(static_cast<int>(ymd % 100));
  return d;
}

std::string DutchDate(int64_t ymd) {
  return absl::StrFormat("%02d-%02d-%04d", ymd % 100, (ymd / 100) % 100, ymd / 10000);
}

}  // namespace schakel::safetyplan
