// The diff between two versions of a safety plan (plan_diff.h): applying it rebuilds the newer
// version (500 random pairs), a hand-checked diff of two Dutch plans, refusals of a diff that does
// not fit, and its redaction. Suite names start with PlanRules so `ctest -R PlanRules` runs them.
#include "services/safetyplan/plan_diff.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "schakel/v1/common.pb.h"
#include "schakel/v1/safetyplan.pb.h"
#include "services/redaction/need_to_know.h"
#include "services/safetyplan/plan_rules.h"

// A named namespace of its own: the ci preset builds the test sources as one unity source.
namespace schakel::safetyplan::plan_diff_test {
namespace {

using google::protobuf::util::MessageDifferencer;

v1::Date Day(int y, int m, int d) {
  v1::Date out;
  out.set_year(y);
  out.set_month(m);
  out.set_day(d);
  return out;
}

void NoNewIds(v1::PlanContent& c) {
  Normalise(c, v1::ORGANISATION_TYPE_VEILIG_THUIS, [] {
    ADD_FAILURE() << "an item without id";
    return std::string("i-none");
  });
}

// Random Normalise'd plans and edits of them.
class PlanGen {
 public:
  explicit PlanGen(uint32_t seed) : rng_(seed) {}

  v1::PlanContent Plan() {
    v1::PlanContent c;
    for (int s = v1::PLAN_SECTION_WORRIES; s <= v1::PLAN_SECTION_CONTACT_RESTRICTIONS; ++s) {
      if (Pick(0, 2) == 0) continue;
      v1::PlanSectionItems* section = c.add_sections();
      section->set_section(static_cast<v1::PlanSection>(s));
      for (int n = Pick(1, 5); n > 0; --n) *section->add_items() = NewItem(section->section());
    }
    if (Pick(0, 3) > 0) *c.mutable_evaluation_date() = Date();
    NoNewIds(c);
    return c;
  }

  // `from` after 0 to 8 random edits: items edited, reclassified, removed, added, reordered,
  // moved to another section; the evaluation date changed or cleared.
  v1::PlanContent Edit(const v1::PlanContent& from) {
    v1::PlanContent to = from;
    for (int ops = Pick(0, 8); ops > 0; --ops) {
      const int op = Pick(0, 6);
      if (op == 6) {
        if (Pick(0, 2) == 0) {
          to.clear_evaluation_date();
        } else {
          *to.mutable_evaluation_date() = Date();
        }
        continue;
      }
      if (op == 3 || to.sections_size() == 0) {  // add
        const v1::PlanSection target = RandomSection();
        *SectionOf(to, target)->add_items() = NewItem(target);
        continue;
      }
      v1::PlanSectionItems* s = to.mutable_sections(Pick(0, to.sections_size() - 1));
      if (s->items_size() == 0) continue;
      if (op == 4) {  // reorder
        std::vector<v1::PlanItem> items(s->items().begin(), s->items().end());
        std::shuffle(items.begin(), items.end(), rng_);
        s->clear_items();
        for (v1::PlanItem& item : items) *s->add_items() = std::move(item);
        continue;
      }
      const int j = Pick(0, s->items_size() - 1);
      v1::PlanItem* item = s->mutable_items(j);
      switch (op) {
        case 0:
          FillBody(*item, s->section());  // one field or more, or none
          break;
        case 1:
          item->set_sensitivity(static_cast<v1::Sensitivity>(item->sensitivity() % 3 + 1));
          break;
        case 2:
          s->mutable_items()->DeleteSubrange(j, 1);
          break;
        case 5: {  // move
          v1::PlanItem moved = *item;
          s->mutable_items()->DeleteSubrange(j, 1);
          const v1::PlanSection target = RandomSection();
          if (BodyCaseOf(target) != moved.body_case()) FillBody(moved, target);
          v1::PlanSectionItems* t = SectionOf(to, target);
          *t->add_items() = std::move(moved);
          t->mutable_items()->SwapElements(Pick(0, t->items_size() - 1), t->items_size() - 1);
          break;
        }
      }
    }
    NoNewIds(to);
    return to;
  }

 private:
  int Pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  v1::PlanSection RandomSection() { return static_cast<v1::PlanSection>(Pick(1, 10)); }
  v1::Date Date() { return Day(Pick(2025, 2027), Pick(1, 12), Pick(1, 28)); }
  std::string Words() {
    static const char* const kWords[] = {"Mark",      "Sanne",    "Noor",      "Daan",   "oma Els",
                                         "belt",      "ruzie",    "veilig",    "school", "thuis",
                                         "wijkagent", "huisarts", "'s avonds", "weekend"};
    std::string out = kWords[Pick(0, 13)];
    for (int n = Pick(0, 3); n > 0; --n) out = out + " " + kWords[Pick(0, 13)];
    return out;
  }
  std::string Maybe(std::string s) { return Pick(0, 2) == 0 ? std::string() : std::move(s); }

  v1::PlanItem NewItem(v1::PlanSection section) {
    v1::PlanItem item;
    item.set_id("i-" + std::to_string(++next_id_));
    item.set_sensitivity(static_cast<v1::Sensitivity>(Pick(1, 3)));
    FillBody(item, section);
    return item;
  }

  // A body of the section's kind; an existing body of that kind gets one random field changed.
  void FillBody(v1::PlanItem& item, v1::PlanSection section) {
    const bool fresh = item.body_case() != BodyCaseOf(section);
    const int field = fresh ? -1 : Pick(0, 5);
    auto pick = [&](int f) { return fresh || field == f; };
    switch (BodyCaseOf(section)) {
      case v1::PlanItem::kText:
        item.set_text(Words());
        break;
      case v1::PlanItem::kAgreement: {
        v1::Agreement* a = item.mutable_agreement();
        if (pick(0)) a->set_what(Words());
        if (pick(1)) a->set_owner_organisation_id(Pick(0, 1) ? "vt-hm" : "politie-hm");
        if (pick(2)) a->set_owner_professional_id("p-" + std::to_string(Pick(1, 4)));
        if (pick(3)) {
          if (Pick(0, 2) == 0) {
            a->clear_due();
          } else {
            *a->mutable_due() = Date();
          }
        }
        if (pick(4)) a->set_checked_by(Maybe(Words()));
        if (pick(5)) a->set_status(static_cast<v1::AgreementStatus>(Pick(1, 3)));
        break;
      }
      case v1::PlanItem::kWarningSignal: {
        v1::WarningSignal* w = item.mutable_warning_signal();
        if (pick(0) || pick(3)) w->set_signal(Words());
        if (pick(1) || pick(4)) w->set_action(Maybe(Words()));
        if (pick(2) || pick(5)) w->set_call(Maybe(Words()));
        break;
      }
      case v1::PlanItem::kNetworkMember: {
        v1::NetworkMember* m = item.mutable_network_member();
        if (pick(0) || pick(3)) m->set_name(Words());
        if (pick(1) || pick(4)) m->set_part(Maybe(Words()));
        if (pick(2) || pick(5)) m->set_contact(Maybe(Words()));
        break;
      }
      case v1::PlanItem::kChildVoice: {
        v1::ChildVoice* c = item.mutable_child_voice();
        if (pick(0) || pick(4)) c->set_said(Words());
        if (pick(1)) c->set_said_to(Maybe(Words()));
        if (pick(2)) {
          if (Pick(0, 1) == 0) {
            c->clear_said_on();
          } else {
            *c->mutable_said_on() = Date();
          }
        }
        if (pick(3) || pick(5)) c->set_child_version(Maybe(Words()));
        break;
      }
      default:
        ADD_FAILURE() << section;
    }
  }

  static v1::PlanSectionItems* SectionOf(v1::PlanContent& c, v1::PlanSection section) {
    for (v1::PlanSectionItems& s : *c.mutable_sections()) {
      if (s.section() == section) return &s;
    }
    v1::PlanSectionItems* s = c.add_sections();
    s->set_section(section);
    return s;
  }

  std::mt19937 rng_;
  int next_id_ = 0;
};

TEST(PlanRulesDiffTest, ApplyingTheDiffOfTwoPlansRebuildsTheSecond) {
  PlanGen gen(20260415);
  int differ = 0;
  int seen[4] = {0, 0, 0, 0};  // per ItemChange
  int order_only = 0;
  int moved = 0;
  for (int round = 0; round < 500; ++round) {
    const v1::PlanContent from = gen.Plan();
    const v1::PlanContent to = gen.Edit(from);
    const v1::PlanDiff d = DiffPlans(from, to);
    absl::StatusOr<v1::PlanContent> rebuilt = ApplyDiff(from, d);
    ASSERT_TRUE(rebuilt.ok()) << "round " << round << ": " << rebuilt.status();
    ASSERT_TRUE(MessageDifferencer::Equals(*rebuilt, to)) << "round " << round << "\nfrom:\n"
                                                          << from.DebugString() << "to:\n"
                                                          << to.DebugString() << "rebuilt:\n"
                                                          << rebuilt->DebugString() << "diff:\n"
                                                          << d.DebugString();
    EXPECT_TRUE(MessageDifferencer::Equals(DiffPlans(from, from), v1::PlanDiff())) << round;
    EXPECT_TRUE(MessageDifferencer::Equals(DiffPlans(to, to), v1::PlanDiff())) << round;
    const bool same = MessageDifferencer::Equals(from, to);
    EXPECT_EQ(same, MessageDifferencer::Equals(d, v1::PlanDiff())) << round;
    differ += same ? 0 : 1;
    std::vector<std::string> added;
    std::vector<std::string> removed;
    for (const v1::SectionDiff& s : d.sections()) {
      order_only += s.items_size() == 0 ? 1 : 0;
      for (const v1::ItemDiff& i : s.items()) {
        ++seen[i.change()];
        EXPECT_EQ(i.change() == v1::ITEM_CHANGE_CHANGED, !i.changed_fields().empty()) << round;
        if (i.change() == v1::ITEM_CHANGE_ADDED) added.push_back(i.item_id());
        if (i.change() == v1::ITEM_CHANGE_REMOVED) removed.push_back(i.item_id());
      }
    }
    for (const std::string& id : added) {
      moved += static_cast<int>(std::count(removed.begin(), removed.end(), id));
    }
  }
  // The generator edits: every kind of change, order-only sections and moves were tried.
  EXPECT_GT(differ, 400);
  EXPECT_GT(seen[v1::ITEM_CHANGE_ADDED], 100);
  EXPECT_GT(seen[v1::ITEM_CHANGE_REMOVED], 100);
  EXPECT_GT(seen[v1::ITEM_CHANGE_CHANGED], 100);
  EXPECT_GT(order_only, 10);
  EXPECT_GT(moved, 50);
  EXPECT_EQ(seen[v1::ITEM_CHANGE_UNSPECIFIED], 0);
}

v1::PlanItem Text(const std::string& id, v1::Sensitivity s, const std::string& text) {
  v1::PlanItem item;
  item.set_id(id);
  item.set_sensitivity(s);
  item.set_text(text);
  return item;
}

v1::PlanSectionItems* Add(v1::PlanContent& c, v1::PlanSection section) {
  v1::PlanSectionItems* s = c.add_sections();
  s->set_section(section);
  return s;
}

// Version 1 of the plan of Sanne, Mark, Noor (7) and Daan (4).
v1::PlanContent DutchPlanV1() {
  v1::PlanContent c;
  *Add(c, v1::PLAN_SECTION_WORRIES)->add_items() =
      Text("i-zorg1", v1::SENSITIVITY_GENERAL,
           "Mark slaat Sanne bij ruzies; Noor en Daan zijn daarbij.");
  auto* conditions = Add(c, v1::PLAN_SECTION_CONDITIONS);
  *conditions->add_items() =
      Text("i-vw1", v1::SENSITIVITY_GENERAL, "Er is geen fysiek geweld in het gezin.");
  *conditions->add_items() = Text("i-vw2", v1::SENSITIVITY_CARE,
                                  "Sanne gaat wekelijks naar haar traumabehandeling bij de GGZ.");
  v1::PlanItem training;
  training.set_id("i-af1");
  training.set_sensitivity(v1::SENSITIVITY_JUSTICE);
  v1::Agreement* a = training.mutable_agreement();
  a->set_what("Mark start met de training agressieregulatie bij de reclassering.");
  a->set_owner_organisation_id("reclassering-hm");
  a->set_owner_professional_id("p-jansen");
  *a->mutable_due() = Day(2026, 3, 1);
  a->set_checked_by("Casusregisseur Veilig Thuis");
  a->set_status(v1::AGREEMENT_STATUS_OPEN);
  *Add(c, v1::PLAN_SECTION_AGREEMENTS)->add_items() = training;
  auto* signals = Add(c, v1::PLAN_SECTION_WARNING_SIGNALS);
  v1::PlanItem drinks;
  drinks.set_id("i-sig1");
  drinks.set_sensitivity(v1::SENSITIVITY_GENERAL);
  drinks.mutable_warning_signal()->set_signal("Mark drinkt meer dan twee biertjes.");
  drinks.mutable_warning_signal()->set_action("Sanne gaat met de kinderen naar oma Els.");
  drinks.mutable_warning_signal()->set_call("Oma Els, 06-12345678");
  *signals->add_items() = drinks;
  v1::PlanItem voices = drinks;
  voices.set_id("i-sig2");
  voices.mutable_warning_signal()->set_signal("Harde stemmen 's avonds.");
  voices.mutable_warning_signal()->set_call("Wijkagent, 0900-8844");
  *signals->add_items() = voices;
  v1::PlanItem els;
  els.set_id("i-net1");
  els.set_sensitivity(v1::SENSITIVITY_GENERAL);
  els.mutable_network_member()->set_name("Els de Vries (oma)");
  els.mutable_network_member()->set_part("Vangt Sanne en de kinderen op; belt elke zondag.");
  els.mutable_network_member()->set_contact("06-12345678");
  *Add(c, v1::PLAN_SECTION_SAFETY_NETWORK)->add_items() = els;
  *c.mutable_evaluation_date() = Day(2026, 4, 15);
  return c;
}

// Version 2: a condition sharpened, the training's due date moved, a neighbour joins the network,
// a warning signal dropped.
v1::PlanContent DutchPlanV2() {
  v1::PlanContent c = DutchPlanV1();
  c.mutable_sections(1)->mutable_items(0)->set_text(
      "Er is geen fysiek of verbaal geweld in het gezin.");
  *c.mutable_sections(2)->mutable_items(0)->mutable_agreement()->mutable_due() = Day(2026, 3, 15);
  c.mutable_sections(3)->mutable_items()->DeleteSubrange(1, 1);
  v1::PlanItem henk;
  henk.set_id("i-net2");
  henk.set_sensitivity(v1::SENSITIVITY_GENERAL);
  henk.mutable_network_member()->set_name("Henk (buurman)");
  henk.mutable_network_member()->set_part("Belt 112 bij geschreeuw.");
  *c.mutable_sections(4)->add_items() = henk;
  return c;
}

std::vector<std::string> Strings(const google::protobuf::RepeatedPtrField<std::string>& r) {
  return std::vector<std::string>(r.begin(), r.end());
}

TEST(PlanRulesDiffTest, AHandCheckedDiffOfTwoVersionsOfADutchPlan) {
  const v1::PlanContent plan1 = DutchPlanV1();
  const v1::PlanContent plan2 = DutchPlanV2();
  const v1::PlanDiff d = DiffPlans(plan1, plan2);
  EXPECT_FALSE(d.evaluation_date_changed());
  EXPECT_FALSE(d.has_evaluation_date());
  EXPECT_EQ(d.from_version(), 0);
  EXPECT_EQ(d.to_version(), 0);
  ASSERT_EQ(d.sections_size(), 4) << d.DebugString();

  const v1::SectionDiff& conditions = d.sections(0);
  EXPECT_EQ(conditions.section(), v1::PLAN_SECTION_CONDITIONS);
  EXPECT_EQ(Strings(conditions.order()), (std::vector<std::string>{"i-vw1", "i-vw2"}));
  ASSERT_EQ(conditions.items_size(), 1);
  EXPECT_EQ(conditions.items(0).item_id(), "i-vw1");
  EXPECT_EQ(conditions.items(0).change(), v1::ITEM_CHANGE_CHANGED);
  EXPECT_EQ(Strings(conditions.items(0).changed_fields()), std::vector<std::string>{"text"});
  EXPECT_EQ(conditions.items(0).before().text(), "Er is geen fysiek geweld in het gezin.");
  EXPECT_EQ(conditions.items(0).item().text(), "Er is geen fysiek of verbaal geweld in het gezin.");

  const v1::SectionDiff& agreements = d.sections(1);
  EXPECT_EQ(agreements.section(), v1::PLAN_SECTION_AGREEMENTS);
  ASSERT_EQ(agreements.items_size(), 1);
  EXPECT_EQ(agreements.items(0).change(), v1::ITEM_CHANGE_CHANGED);
  EXPECT_EQ(Strings(agreements.items(0).changed_fields()),
            std::vector<std::string>{"agreement.due"});
  EXPECT_EQ(agreements.items(0).before().agreement().due().day(), 1);
  EXPECT_EQ(agreements.items(0).item().agreement().due().day(), 15);

  const v1::SectionDiff& signals = d.sections(2);
  EXPECT_EQ(signals.section(), v1::PLAN_SECTION_WARNING_SIGNALS);
  EXPECT_EQ(Strings(signals.order()), std::vector<std::string>{"i-sig1"});
  ASSERT_EQ(signals.items_size(), 1);
  EXPECT_EQ(signals.items(0).item_id(), "i-sig2");
  EXPECT_EQ(signals.items(0).change(), v1::ITEM_CHANGE_REMOVED);
  EXPECT_EQ(signals.items(0).item().warning_signal().signal(), "Harde stemmen 's avonds.");
  EXPECT_FALSE(signals.items(0).has_before());

  const v1::SectionDiff& network = d.sections(3);
  EXPECT_EQ(network.section(), v1::PLAN_SECTION_SAFETY_NETWORK);
  EXPECT_EQ(Strings(network.order()), (std::vector<std::string>{"i-net1", "i-net2"}));
  ASSERT_EQ(network.items_size(), 1);
  EXPECT_EQ(network.items(0).item_id(), "i-net2");
  EXPECT_EQ(network.items(0).change(), v1::ITEM_CHANGE_ADDED);
  EXPECT_EQ(network.items(0).item().network_member().name(), "Henk (buurman)");
  EXPECT_TRUE(network.items(0).changed_fields().empty());

  // More fields at once, each named once and at most two levels deep, in field order.
  v1::PlanContent v3 = plan2;
  v1::PlanItem* training = v3.mutable_sections(2)->mutable_items(0);
  training->set_sensitivity(v1::SENSITIVITY_GENERAL);
  training->mutable_agreement()->set_status(v1::AGREEMENT_STATUS_DONE);
  *training->mutable_agreement()->mutable_due() = Day(2026, 5, 31);
  *v3.mutable_evaluation_date() = Day(2026, 6, 1);
  const v1::PlanDiff d3 = DiffPlans(plan2, v3);
  ASSERT_EQ(d3.sections_size(), 1);
  EXPECT_EQ(Strings(d3.sections(0).items(0).changed_fields()),
            (std::vector<std::string>{"sensitivity", "agreement.due", "agreement.status"}));
  EXPECT_TRUE(d3.evaluation_date_changed());
  EXPECT_EQ(d3.evaluation_date().month(), 6);

  absl::StatusOr<v1::PlanContent> rebuilt = ApplyDiff(plan1, d);
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.status();
  EXPECT_TRUE(MessageDifferencer::Equals(*rebuilt, plan2));
}

TEST(PlanRulesDiffTest, ApplyDiffRefusesADiffThatDoesNotFit) {
  const v1::PlanContent plan1 = DutchPlanV1();
  const v1::PlanContent plan2 = DutchPlanV2();
  const v1::PlanDiff d =
      DiffPlans(plan1, plan2);  // CONDITIONS, AGREEMENTS, WARNING_SIGNALS, NETWORK
  struct Case {
    const char* name;
    v1::PlanContent from;
    std::function<void(v1::PlanDiff&)> edit;
    absl::StatusCode code;
  };
  const auto none = [](v1::PlanDiff&) {};
  v1::PlanContent with_henk = plan1;
  *with_henk.mutable_sections(4)->add_items() = plan2.sections(4).items(1);
  const std::vector<Case> cases = {
      {"applied twice: the changes' before is gone", plan2, none,
       absl::StatusCode::kFailedPrecondition},
      {"changing and removing what an empty plan lacks", v1::PlanContent(), none,
       absl::StatusCode::kFailedPrecondition},
      {"adding an item the section holds", with_henk, none, absl::StatusCode::kFailedPrecondition},
      {"removing another item than the one there", plan1,
       [](v1::PlanDiff& x) {
         x.mutable_sections(2)->mutable_items(0)->mutable_item()->set_sensitivity(
             v1::SENSITIVITY_CARE);
       },
       absl::StatusCode::kFailedPrecondition},
      {"an item of from neither removed nor in the order", plan1,
       [](v1::PlanDiff& x) { x.mutable_sections(0)->mutable_order()->RemoveLast(); },
       absl::StatusCode::kFailedPrecondition},
      {"an order naming an unknown item", plan1,
       [](v1::PlanDiff& x) { x.mutable_sections(0)->add_order("i-onbekend"); },
       absl::StatusCode::kFailedPrecondition},
      {"an added item also left in its old section", plan1,
       [](v1::PlanDiff& x) {
         v1::ItemDiff* i = x.mutable_sections(3)->add_items();
         i->set_item_id("i-zorg1");
         i->set_change(v1::ITEM_CHANGE_ADDED);
         i->mutable_item()->set_id("i-zorg1");
         x.mutable_sections(3)->add_order("i-zorg1");
       },
       absl::StatusCode::kFailedPrecondition},
      {"an unknown section", plan1,
       [](v1::PlanDiff& x) {
         x.mutable_sections(0)->set_section(static_cast<v1::PlanSection>(77));
       },
       absl::StatusCode::kInvalidArgument},
      {"a section twice", plan1, [](v1::PlanDiff& x) { *x.add_sections() = x.sections(0); },
       absl::StatusCode::kInvalidArgument},
      {"a change without kind", plan1,
       [](v1::PlanDiff& x) {
         x.mutable_sections(0)->mutable_items(0)->set_change(v1::ITEM_CHANGE_UNSPECIFIED);
       },
       absl::StatusCode::kInvalidArgument},
      {"an item under another id", plan1,
       [](v1::PlanDiff& x) { x.mutable_sections(3)->mutable_items(0)->set_item_id("i-net9"); },
       absl::StatusCode::kInvalidArgument},
      {"an order naming a removed item", plan1,
       [](v1::PlanDiff& x) { x.mutable_sections(2)->add_order("i-sig2"); },
       absl::StatusCode::kInvalidArgument},
      {"an added item missing from the order", plan1,
       [](v1::PlanDiff& x) { x.mutable_sections(3)->mutable_order()->RemoveLast(); },
       absl::StatusCode::kInvalidArgument},
  };
  for (const Case& c : cases) {
    v1::PlanDiff x = d;
    c.edit(x);
    absl::StatusOr<v1::PlanContent> got = ApplyDiff(c.from, x);
    EXPECT_EQ(got.status().code(), c.code) << c.name << ": " << got.status();
  }
}

TEST(PlanRulesDiffTest, PoliceSeeTheDiffRedacted) {
  const v1::PlanContent from = DutchPlanV1();
  v1::PlanContent to = DutchPlanV2();
  // A CARE condition changed, a CARE supporter added, a CARE worry made GENERAL.
  to.mutable_sections(1)->mutable_items(1)->set_text(
      "Sanne gaat twee keer per week naar haar traumabehandeling bij de GGZ.");
  v1::PlanItem doctor;
  doctor.set_id("i-net3");
  doctor.set_sensitivity(v1::SENSITIVITY_CARE);
  doctor.mutable_network_member()->set_name("Dr. Bakker (GGZ)");
  *to.mutable_sections(4)->add_items() = doctor;
  v1::PlanContent care_from = from;
  care_from.mutable_sections(0)->mutable_items(0)->set_sensitivity(v1::SENSITIVITY_CARE);
  const v1::PlanDiff full = DiffPlans(care_from, to);

  v1::PlanDiff vt = full;
  RedactDiff(vt, Viewer{"vt-hm", v1::ORGANISATION_TYPE_VEILIG_THUIS});
  EXPECT_TRUE(MessageDifferencer::Equals(vt, full));

  v1::PlanDiff police = full;
  RedactDiff(police, Viewer{"politie-hm", v1::ORGANISATION_TYPE_POLICE});
  EXPECT_EQ(police.SerializeAsString().find("GGZ"), std::string::npos);
  ASSERT_EQ(police.sections_size(), full.sections_size());
  for (int i = 0; i < police.sections_size(); ++i) {
    EXPECT_EQ(Strings(police.sections(i).order()), Strings(full.sections(i).order()));
  }
  // WORRIES: the worry became GENERAL; its CARE past stays hidden, and so does what changed.
  const v1::ItemDiff& worry = police.sections(0).items(0);
  EXPECT_EQ(worry.item_id(), "i-zorg1");
  EXPECT_FALSE(worry.item().hidden());
  EXPECT_EQ(worry.item().text(), from.sections(0).items(0).text());
  EXPECT_TRUE(worry.before().hidden());
  EXPECT_EQ(worry.before().body_case(), v1::PlanItem::BODY_NOT_SET);
  EXPECT_TRUE(worry.changed_fields().empty());
  EXPECT_EQ(Strings(full.sections(0).items(0).changed_fields()),
            std::vector<std::string>{"sensitivity"});
  // CONDITIONS: the GENERAL change shows in full; the CARE one shows as a hidden change.
  const v1::SectionDiff& conditions = police.sections(1);
  ASSERT_EQ(conditions.items_size(), 2);
  EXPECT_EQ(Strings(conditions.items(0).changed_fields()), std::vector<std::string>{"text"});
  EXPECT_FALSE(conditions.items(0).item().hidden());
  const v1::ItemDiff& care = conditions.items(1);
  EXPECT_EQ(care.item_id(), "i-vw2");
  EXPECT_EQ(care.change(), v1::ITEM_CHANGE_CHANGED);
  EXPECT_TRUE(care.item().hidden());
  EXPECT_TRUE(care.before().hidden());
  EXPECT_EQ(care.item().hidden_reason(), HiddenReason(v1::SENSITIVITY_CARE));
  EXPECT_EQ(care.item().sensitivity(), v1::SENSITIVITY_CARE);
  EXPECT_EQ(care.item().body_case(), v1::PlanItem::BODY_NOT_SET);
  EXPECT_TRUE(care.changed_fields().empty());
  // SAFETY_NETWORK: the doctor was added, visibly hidden.
  const v1::SectionDiff& network = police.sections(4);
  EXPECT_EQ(network.section(), v1::PLAN_SECTION_SAFETY_NETWORK);
  ASSERT_EQ(network.items_size(), 2);
  EXPECT_EQ(network.items(1).item_id(), "i-net3");
  EXPECT_EQ(network.items(1).change(), v1::ITEM_CHANGE_ADDED);
  EXPECT_TRUE(network.items(1).item().hidden());
}

}  // namespace
}  // namespace schakel::safetyplan::plan_diff_test
