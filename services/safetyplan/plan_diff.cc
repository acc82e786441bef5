#include "services/safetyplan/plan_diff.h"

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/util/message_differencer.h>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "schakel/v1/safetyplan.pb.h"
#include "services/safetyplan/plan_rules.h"

namespace schakel::safetyplan {
namespace {

using google::protobuf::util::MessageDifferencer;

// Helper names are prefixed (Diff...): the ci preset builds unity sources, where the anonymous
// namespaces of plan_rules.cc and plan_diff.cc are one.

// Collects the paths MessageDifferencer reports, cut to two levels ("agreement.due" for a change
// of agreement.due.day).
class DiffPathCollector : public MessageDifferencer::Reporter {
 public:
  void ReportAdded(const google::protobuf::Message&, const google::protobuf::Message&,
                   const std::vector<MessageDifferencer::SpecificField>& path) override {
    Add(path);
  }
  void ReportDeleted(const google::protobuf::Message&, const google::protobuf::Message&,
                     const std::vector<MessageDifferencer::SpecificField>& path) override {
    Add(path);
  }
  void ReportModified(const google::protobuf::Message&, const google::protobuf::Message&,
                      const std::vector<MessageDifferencer::SpecificField>& path) override {
    Add(path);
  }

  // Each path once, without one that is a prefix of another ("agreement" when "agreement.due" is
  // there too), in the order reported.
  std::vector<std::string> Paths() const {
    std::vector<std::string> out;
    for (const std::string& p : paths_) {
      bool prefix = false;
      for (const std::string& q : paths_) {
        if (q.size() > p.size() && absl::StartsWith(q, p) && q[p.size()] == '.') prefix = true;
      }
      bool seen = false;
      for (const std::string& o : out) seen = seen || o == p;
      if (!prefix && !seen) out.push_back(p);
    }
    return out;
  }

 private:
  void Add(const std::vector<MessageDifferencer::SpecificField>& path) {
    std::string p;
    for (size_t k = 0; k < path.size() && k < 2; ++k) {
      if (k > 0) p += '.';
      p += path[k].field != nullptr ? path[k].field->name()
                                    : absl::StrCat(path[k].unknown_field_number);
    }
    if (!p.empty()) paths_.push_back(std::move(p));
  }

  std::vector<std::string> paths_;
};

std::vector<std::string> DiffChangedFields(const v1::PlanItem& before, const v1::PlanItem& after) {
  DiffPathCollector collector;
  MessageDifferencer differencer;
  differencer.ReportDifferencesTo(&collector);
  differencer.Compare(before, after);
  return collector.Paths();
}

absl::flat_hash_map<std::string, const v1::PlanItem*> DiffById(const v1::PlanSectionItems& s) {
  absl::flat_hash_map<std::string, const v1::PlanItem*> out;
  for (const v1::PlanItem& item : s.items()) out.emplace(item.id(), &item);
  return out;
}

bool DiffKnownSection(int s) {
  return s != v1::PLAN_SECTION_UNSPECIFIED && v1::PlanSection_IsValid(s);
}

}  // namespace

v1::PlanDiff DiffPlans(const v1::PlanContent& from, const v1::PlanContent& to) {
  std::map<int, std::pair<const v1::PlanSectionItems*, const v1::PlanSectionItems*>> sections;
  for (const v1::PlanSectionItems& s : from.sections()) sections[s.section()].first = &s;
  for (const v1::PlanSectionItems& s : to.sections()) sections[s.section()].second = &s;
  const v1::PlanSectionItems none;
  v1::PlanDiff d;
  for (const auto& [section, sides] : sections) {
    const v1::PlanSectionItems& a = sides.first != nullptr ? *sides.first : none;
    const v1::PlanSectionItems& b = sides.second != nullptr ? *sides.second : none;
    bool same = a.items_size() == b.items_size();
    for (int j = 0; same && j < a.items_size(); ++j) {
      same = MessageDifferencer::Equals(a.items(j), b.items(j));
    }
    if (same) continue;
    v1::SectionDiff* sd = d.add_sections();
    sd->set_section(static_cast<v1::PlanSection>(section));
    const auto in_a = DiffById(a);
    const auto in_b = DiffById(b);
    for (const v1::PlanItem& item : b.items()) {
      sd->add_order(item.id());
      auto old = in_a.find(item.id());
      if (old != in_a.end() && MessageDifferencer::Equals(*old->second, item)) continue;
      v1::ItemDiff* id = sd->add_items();
      id->set_item_id(item.id());
      *id->mutable_item() = item;
      if (old == in_a.end()) {
        id->set_change(v1::ITEM_CHANGE_ADDED);
        continue;
      }
      id->set_change(v1::ITEM_CHANGE_CHANGED);
      *id->mutable_before() = *old->second;
      for (std::string& f : DiffChangedFields(*old->second, item)) {
        id->add_changed_fields(std::move(f));
      }
    }
    for (const v1::PlanItem& item : a.items()) {
      if (in_b.contains(item.id())) continue;
      v1::ItemDiff* id = sd->add_items();
      id->set_item_id(item.id());
      id->set_change(v1::ITEM_CHANGE_REMOVED);
      *id->mutable_item() = item;
    }
  }
  if (from.has_evaluation_date() != to.has_evaluation_date() ||
      !MessageDifferencer::Equals(from.evaluation_date(), to.evaluation_date())) {
    d.set_evaluation_date_changed(true);
    if (to.has_evaluation_date()) *d.mutable_evaluation_date() = to.evaluation_date();
  }
  return d;
}

absl::StatusOr<v1::PlanContent> ApplyDiff(const v1::PlanContent& from, const v1::PlanDiff& d) {
  std::map<int, v1::PlanSectionItems> result;
  for (const v1::PlanSectionItems& s : from.sections()) result[s.section()] = s;
  absl::flat_hash_set<int> diffed;
  for (int i = 0; i < d.sections_size(); ++i) {
    const v1::SectionDiff& sd = d.sections(i);
    const std::string at = absl::StrCat("diff.sections[", i, "]");
    if (!DiffKnownSection(sd.section())) {
      return absl::InvalidArgumentError(at + ": not a plan section");
    }
    if (!diffed.insert(sd.section()).second) {
      return absl::InvalidArgumentError(at + ": the section appears twice in the diff");
    }
    const v1::PlanSectionItems old_section = result[sd.section()];
    const auto old = DiffById(old_section);
    absl::flat_hash_map<std::string, const v1::PlanItem*> put;  // ADDED and CHANGED: new items
    absl::flat_hash_set<std::string> removed;
    for (int k = 0; k < sd.items_size(); ++k) {
      const v1::ItemDiff& id = sd.items(k);
      const std::string item_at = absl::StrCat(at, ".items[", k, "]");
      if (id.item_id().empty()) return absl::InvalidArgumentError(item_at + ": no item_id");
      if (put.contains(id.item_id()) || removed.contains(id.item_id())) {
        return absl::InvalidArgumentError(
            absl::StrCat(item_at, ": item ", id.item_id(), " appears twice in the section"));
      }
      if (id.item().id() != id.item_id()) {
        return absl::InvalidArgumentError(item_at + ": the item's id is not item_id");
      }
      auto was = old.find(id.item_id());
      switch (id.change()) {
        case v1::ITEM_CHANGE_ADDED:
          if (was != old.end()) {
            return absl::FailedPreconditionError(
                absl::StrCat(item_at, ": item ", id.item_id(), " is already in the section"));
          }
          put[id.item_id()] = &id.item();
          break;
        case v1::ITEM_CHANGE_REMOVED:
        case v1::ITEM_CHANGE_CHANGED: {
          if (was == old.end()) {
            return absl::FailedPreconditionError(
                absl::StrCat(item_at, ": the section holds no item ", id.item_id()));
          }
          const bool removal = id.change() == v1::ITEM_CHANGE_REMOVED;
          if (!MessageDifferencer::Equals(removal ? id.item() : id.before(), *was->second)) {
            return absl::FailedPreconditionError(
                absl::StrCat(item_at, ": item ", id.item_id(),
                             " is not as the diff found it (another version?)"));
          }
          if (removal) {
            removed.insert(id.item_id());
          } else {
            put[id.item_id()] = &id.item();
          }
          break;
        }
        default:
          return absl::InvalidArgumentError(item_at + ": no change (ADDED, REMOVED or CHANGED)");
      }
    }
    v1::PlanSectionItems rebuilt;
    rebuilt.set_section(sd.section());
    absl::flat_hash_set<std::string> placed;
    for (const std::string& id : sd.order()) {
      if (!placed.insert(id).second) {
        return absl::InvalidArgumentError(
            absl::StrCat(at, ".order: names item ", id, " more than once"));
      }
      if (auto it = put.find(id); it != put.end()) {
        *rebuilt.add_items() = *it->second;
      } else if (removed.contains(id)) {
        return absl::InvalidArgumentError(
            absl::StrCat(at, ".order: names item ", id, ", which the diff removes"));
      } else if (auto kept = old.find(id); kept != old.end()) {
        *rebuilt.add_items() = *kept->second;
      } else {
        return absl::FailedPreconditionError(
            absl::StrCat(at, ".order: names item ", id, ", which the section does not hold"));
      }
    }
    for (const v1::PlanItem& item : old_section.items()) {
      if (!removed.contains(item.id()) && !placed.contains(item.id())) {
        return absl::FailedPreconditionError(absl::StrCat(
            at, ": item ", item.id(), " of the section is neither removed nor in the order"));
      }
    }
    for (const auto& [id, item] : put) {
      if (!placed.contains(id)) {
        return absl::InvalidArgumentError(
            absl::StrCat(at, ".order: lacks item ", id, ", which the diff adds or changes"));
      }
    }
    result[sd.section()] = std::move(rebuilt);
  }

  v1::PlanContent to;
  absl::flat_hash_set<std::string> ids;
  for (auto& [section, s] : result) {
    if (s.items_size() == 0) continue;
    for (const v1::PlanItem& item : s.items()) {
      if (!ids.insert(item.id()).second) {
        return absl::FailedPreconditionError(
            absl::StrCat("item ", item.id(), " would be in the plan twice"));
      }
    }
    *to.add_sections() = std::move(s);
  }
  if (d.evaluation_date_changed()) {
    if (d.has_evaluation_date()) *to.mutable_evaluation_date() = d.evaluation_date();
  } else if (from.has_evaluation_date()) {
    *to.mutable_evaluation_date() = from.evaluation_date();
  }
  return to;
}

void RedactDiff(v1::PlanDiff& d, const Viewer& viewer) {
  for (v1::SectionDiff& s : *d.mutable_sections()) {
    for (v1::ItemDiff& id : *s.mutable_items()) {
      bool sees_all = true;
      if (id.has_item()) {
        sees_all = MaySeeItem(id.item(), viewer);
        RedactItem(*id.mutable_item(), viewer);
      }
      if (id.has_before()) {
        sees_all = sees_all && MaySeeItem(id.before(), viewer);
        RedactItem(*id.mutable_before(), viewer);
      }
      if (!sees_all) id.clear_changed_fields();
    }
  }
}

}  // namespace schakel::safetyplan
