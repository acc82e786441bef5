// The safety plan's rules (plan_rules.h): validation, what a plan needs before sign-off, its normal
// form, whether the conditions changed, redaction, merging a draft, the risk instruments' levels.
// The diff is tested in plan_diff_test.cc.
#include "services/safetyplan/plan_rules.h"

#include <set>
#include <string>
#include <utility>
#include <vector>

#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include "schakel/v1/common.pb.h"
#include "schakel/v1/safetyplan.pb.h"
#include "services/common/status.h"
#include "services/redaction/need_to_know.h"

// A named namespace of its own: the ci preset builds the test sources as one unity source.
namespace schakel::safetyplan::plan_rules_test {
namespace {

using google::protobuf::util::MessageDifferencer;

v1::Date Day(int y, int m, int d) {
  v1::Date out;
  out.set_year(y);
  out.set_month(m);
  out.set_day(d);
  return out;
}

v1::PlanItem Text(const std::string& id, v1::Sensitivity s, const std::string& text) {
  v1::PlanItem item;
  item.set_id(id);
  item.set_sensitivity(s);
  item.set_text(text);
  return item;
}

v1::PlanItem Agreement(const std::string& id, v1::Sensitivity s, const std::string& what,
                       bool with_due = true) {
  v1::PlanItem item;
  item.set_id(id);
  item.set_sensitivity(s);
  v1::Agreement* a = item.mutable_agreement();
  a->set_what(what);
  a->set_owner_organisation_id("reclassering-hm");
  a->set_owner_professional_id("p-jansen");
  if (with_due) *a->mutable_due() = Day(2026, 3, 1);
  a->set_checked_by("Casusregisseur");
  a->set_status(v1::AGREEMENT_STATUS_OPEN);
  return item;
}

v1::PlanSectionItems* Section(v1::PlanContent& c, v1::PlanSection s) {
  v1::PlanSectionItems* out = c.add_sections();
  out->set_section(s);
  return out;
}

std::multiset<std::string> Fields(const FieldViolations& v) {
  std::multiset<std::string> out;
  for (const auto& [field, description] : v.violations()) out.insert(field);
  return out;
}

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

const Viewer kVeiligThuis{"vt-hm", v1::ORGANISATION_TYPE_VEILIG_THUIS};
const Viewer kPolice{"politie-hm", v1::ORGANISATION_TYPE_POLICE};
const Viewer kCarePartner{"ggz-rivierduinen", v1::ORGANISATION_TYPE_MENTAL_HEALTH_CARE};

// A small valid plan of a family (Normalise'd).
v1::PlanContent FamilyPlan() {
  v1::PlanContent c;
  auto* worries = Section(c, v1::PLAN_SECTION_WORRIES);
  *worries->add_items() = Text("i-w1", v1::SENSITIVITY_GENERAL,
                               "Mark slaat Sanne bij ruzies; Noor (7) en Daan (4) zijn erbij.");
  *worries->add_items() =
      Text("i-w2", v1::SENSITIVITY_CARE, "Sanne heeft PTSS-klachten en slaapt slecht.");
  *worries->add_items() = Text("i-w3", v1::SENSITIVITY_GENERAL, "Mark drinkt in het weekend.");
  *Section(c, v1::PLAN_SECTION_CONDITIONS)->add_items() =
      Text("i-c1", v1::SENSITIVITY_CARE, "Sanne gaat elke week naar haar traumabehandeling.");
  *Section(c, v1::PLAN_SECTION_AGREEMENTS)->add_items() = Agreement(
      "i-a1", v1::SENSITIVITY_JUSTICE, "Mark houdt zich aan het contactverbod met Sanne.");
  *c.mutable_evaluation_date() = Day(2026, 4, 15);
  return c;
}

TEST(PlanRulesTest, AValidPlanPasses) {
  v1::PlanContent c = FamilyPlan();
  // 4000 characters of two bytes each: characters count, not bytes.
  *Section(c, v1::PLAN_SECTION_GOALS)->add_items() =
      Text("", v1::SENSITIVITY_UNSPECIFIED, Repeat("é", 4000));
  v1::PlanItem child;
  child.mutable_child_voice()->set_said("Ik ben bang als papa boos is.");
  *child.mutable_child_voice()->mutable_said_on() = Day(2026, 1, 12);
  *Section(c, v1::PLAN_SECTION_CHILD_VOICE)->add_items() = child;
  FieldViolations v;
  CheckPlanContent(v, "content", c);
  EXPECT_TRUE(v.empty()) << v.ToStatus();
}

TEST(PlanRulesTest, EveryBadFieldIsNamed) {
  v1::PlanContent c;
  auto* worries = Section(c, v1::PLAN_SECTION_WORRIES);                             // sections[0]
  *worries->add_items() = Text("", v1::SENSITIVITY_GENERAL, "");                    // empty text
  *worries->add_items() = Text("x-1", v1::SENSITIVITY_GENERAL, "Ruzies");           // bad id
  *worries->add_items() = Text("i-a", v1::SENSITIVITY_GENERAL, Repeat("é", 4001));  // too long
  *worries->add_items() = Text("i-b", static_cast<v1::Sensitivity>(9), "Ruzies");   // sensitivity
  // sections[1]: an agreement among the conditions, under an id used before.
  *Section(c, v1::PLAN_SECTION_CONDITIONS)->add_items() =
      Agreement("i-a", v1::SENSITIVITY_GENERAL, "Mark belt Sanne niet.");
  auto* agreements = Section(c, v1::PLAN_SECTION_AGREEMENTS);  // sections[2]
  v1::PlanItem bad = Agreement("i-c", v1::SENSITIVITY_GENERAL, "Mark belt Sanne niet.");
  bad.mutable_agreement()->clear_owner_professional_id();
  *bad.mutable_agreement()->mutable_due() = Day(2026, 2, 30);
  bad.mutable_agreement()->set_status(static_cast<v1::AgreementStatus>(7));
  *agreements->add_items() = bad;
  agreements->add_items()->set_id("i-d");               // no body
  *Section(c, v1::PLAN_SECTION_WORRIES)->add_items() =  // sections[3]: WORRIES again
      Text("i-e", v1::SENSITIVITY_GENERAL, "Ruzies");
  *Section(c, static_cast<v1::PlanSection>(42))->add_items() =  // sections[4]
      Text("i-f", v1::SENSITIVITY_GENERAL, "Ruzies");
  v1::PlanItem member;  // sections[5]
  member.mutable_network_member()->set_contact(Repeat("0", 201));
  *Section(c, v1::PLAN_SECTION_SAFETY_NETWORK)->add_items() = member;
  v1::PlanItem child;  // sections[6]
  child.mutable_child_voice()->set_said("Ik ben bang als papa boos is.");
  *child.mutable_child_voice()->mutable_said_on() = Day(2026, 13, 1);
  *Section(c, v1::PLAN_SECTION_CHILD_VOICE)->add_items() = child;
  auto* goals = Section(c, v1::PLAN_SECTION_GOALS);  // sections[7]: one item too many
  for (int i = 0; i <= kMaxItemsPerSection; ++i) {
    *goals->add_items() = Text("", v1::SENSITIVITY_GENERAL, "");
  }
  v1::PlanItem signal;  // sections[8]: a text where a warning signal belongs
  signal.set_text("Harde stemmen");
  *Section(c, v1::PLAN_SECTION_WARNING_SIGNALS)->add_items() = signal;
  *c.mutable_evaluation_date() = Day(2026, 2, 29);

  FieldViolations v;
  CheckPlanContent(v, "content", c);
  const std::multiset<std::string> want = {
      "content.sections[0].items[0].text",
      "content.sections[0].items[1].id",
      "content.sections[0].items[2].text",
      "content.sections[0].items[3].sensitivity",
      "content.sections[1].items[0].id",
      "content.sections[1].items[0].agreement",
      "content.sections[2].items[0].agreement.owner_professional_id",
      "content.sections[2].items[0].agreement.due",
      "content.sections[2].items[0].agreement.status",
      "content.sections[2].items[1].agreement",
      "content.sections[3].section",
      "content.sections[4].section",
      "content.sections[5].items[0].network_member.name",
      "content.sections[5].items[0].network_member.contact",
      "content.sections[6].items[0].child_voice.said_on",
      "content.sections[7].items",
      "content.sections[8].items[0].text",
      "content.evaluation_date",
  };
  EXPECT_EQ(Fields(v), want) << v.ToStatus();
  EXPECT_EQ(v.ToStatus().code(), absl::StatusCode::kInvalidArgument);
}

TEST(PlanRulesTest, AnItemShownHiddenIsCheckedOnlyForItsId) {
  v1::PlanContent c = FamilyPlan();
  RedactContent(c, kPolice);  // the CARE items come back without a body
  FieldViolations v;
  CheckPlanContent(v, "content", c);
  EXPECT_TRUE(v.empty()) << v.ToStatus();

  c.mutable_sections(0)->mutable_items(1)->clear_id();
  FieldViolations without_id;
  CheckPlanContent(without_id, "content", c);
  EXPECT_EQ(Fields(without_id), std::multiset<std::string>{"content.sections[0].items[1].id"});
}

TEST(PlanRulesTest, AProposedPlanNeedsConditionsAgreementsAnEvaluationDateAndDueDates) {
  FieldViolations ok;
  CheckReadyToPropose(ok, FamilyPlan());
  EXPECT_TRUE(ok.empty()) << ok.ToStatus();

  FieldViolations empty;
  CheckReadyToPropose(empty, v1::PlanContent());
  EXPECT_EQ(Fields(empty), (std::multiset<std::string>{"content.sections", "content.sections",
                                                       "content.evaluation_date"}));

  v1::PlanContent c = FamilyPlan();
  *c.mutable_sections(2)->add_items() =
      Agreement("i-a2", v1::SENSITIVITY_GENERAL, "Oma Els haalt de kinderen op.", false);
  FieldViolations no_due;
  CheckReadyToPropose(no_due, c);
  EXPECT_EQ(Fields(no_due),
            std::multiset<std::string>{"content.sections[2].items[1].agreement.due"});
}

TEST(PlanRulesTest, NormaliseOrdersSectionsAndFillsTheDefaults) {
  v1::PlanContent c;
  Section(c, v1::PLAN_SECTION_GOALS);  // empty: dropped
  *Section(c, v1::PLAN_SECTION_AGREEMENTS)->add_items() =
      Agreement("", v1::SENSITIVITY_UNSPECIFIED, "Mark belt Sanne niet.");
  c.mutable_sections(1)->mutable_items(0)->mutable_agreement()->clear_status();
  v1::PlanItem hidden = Text("i-x", v1::SENSITIVITY_GENERAL, "Ruzies");
  hidden.set_hidden(true);
  hidden.set_hidden_reason("verborgen");
  *Section(c, v1::PLAN_SECTION_WORRIES)->add_items() = hidden;
  int n = 0;
  Normalise(c, v1::ORGANISATION_TYPE_POLICE, [&n] { return "i-new" + std::to_string(++n); });

  ASSERT_EQ(c.sections_size(), 2);
  EXPECT_EQ(c.sections(0).section(), v1::PLAN_SECTION_WORRIES);
  EXPECT_EQ(c.sections(1).section(), v1::PLAN_SECTION_AGREEMENTS);
  const v1::PlanItem& a = c.sections(1).items(0);
  EXPECT_EQ(a.id(), "i-new1");
  EXPECT_EQ(a.sensitivity(), v1::SENSITIVITY_JUSTICE);  // the police's default
  EXPECT_EQ(a.agreement().status(), v1::AGREEMENT_STATUS_OPEN);
  const v1::PlanItem& w = c.sections(0).items(0);
  EXPECT_EQ(w.id(), "i-x");
  EXPECT_EQ(w.sensitivity(), v1::SENSITIVITY_GENERAL);
  EXPECT_FALSE(w.hidden());
  EXPECT_TRUE(w.hidden_reason().empty());

  v1::PlanContent again = c;  // idempotent
  Normalise(again, v1::ORGANISATION_TYPE_VEILIG_THUIS,
            [&n] { return "i-new" + std::to_string(++n); });
  EXPECT_TRUE(MessageDifferencer::Equals(again, c));
  EXPECT_EQ(n, 1);
}

TEST(PlanRulesTest, ConditionsChangedOnlyWhenConditionsDoNotOnTheirOrder) {
  v1::PlanContent a = FamilyPlan();
  *a.mutable_sections(1)->add_items() =
      Text("i-c2", v1::SENSITIVITY_GENERAL, "Er is geen fysiek geweld in het gezin.");
  v1::PlanContent b = a;
  EXPECT_FALSE(ConditionsChanged(a, b));
  b.mutable_sections(1)->mutable_items()->SwapElements(0, 1);  // order alone
  EXPECT_FALSE(ConditionsChanged(a, b));
  b.mutable_sections(0)->mutable_items(0)->set_text("Andere zorg");  // not a condition
  b.mutable_sections(2)->mutable_items(0)->mutable_agreement()->set_what("Iets anders");
  EXPECT_FALSE(ConditionsChanged(a, b));

  v1::PlanContent text = a;
  text.mutable_sections(1)->mutable_items(1)->set_text("Er is geen geweld.");
  EXPECT_TRUE(ConditionsChanged(a, text));
  v1::PlanContent level = a;
  level.mutable_sections(1)->mutable_items(1)->set_sensitivity(v1::SENSITIVITY_CARE);
  EXPECT_TRUE(ConditionsChanged(a, level));
  v1::PlanContent added = a;
  *added.mutable_sections(1)->add_items() =
      Text("i-c3", v1::SENSITIVITY_GENERAL, "Mark komt niet in de woning.");
  EXPECT_TRUE(ConditionsChanged(a, added));
  EXPECT_TRUE(ConditionsChanged(added, a));  // removed
  v1::PlanContent none = a;
  none.mutable_sections()->DeleteSubrange(1, 1);
  EXPECT_TRUE(ConditionsChanged(a, none));
  EXPECT_FALSE(ConditionsChanged(none, none));
}

TEST(PlanRulesTest, PoliceNeverSeeACareItem) {
  // One CARE item of every section, and a GENERAL and a JUSTICE one.
  v1::PlanContent c;
  for (int s = v1::PLAN_SECTION_WORRIES; s <= v1::PLAN_SECTION_CONTACT_RESTRICTIONS; ++s) {
    v1::PlanItem item;
    item.set_id("i-" + std::to_string(s));
    item.set_sensitivity(v1::SENSITIVITY_CARE);
    switch (BodyCaseOf(static_cast<v1::PlanSection>(s))) {
      case v1::PlanItem::kText:
        item.set_text("Sanne is in behandeling bij de GGZ.");
        break;
      case v1::PlanItem::kAgreement:
        *item.mutable_agreement() =
            Agreement("", v1::SENSITIVITY_CARE, "Sanne gaat naar de huisarts.").agreement();
        break;
      case v1::PlanItem::kWarningSignal:
        item.mutable_warning_signal()->set_signal("Sanne slaapt niet meer.");
        break;
      case v1::PlanItem::kNetworkMember:
        item.mutable_network_member()->set_name("Dr. Bakker (GGZ)");
        break;
      case v1::PlanItem::kChildVoice:
        item.mutable_child_voice()->set_said("Mama huilt veel.");
        break;
      default:
        FAIL() << s;
    }
    *Section(c, static_cast<v1::PlanSection>(s))->add_items() = item;
  }
  *c.mutable_sections(0)->add_items() = Text("i-g", v1::SENSITIVITY_GENERAL, "Ruzies thuis.");
  *c.mutable_sections(0)->add_items() = Text("i-j", v1::SENSITIVITY_JUSTICE, "Aangifte gedaan.");

  v1::PlanContent police = c;
  RedactContent(police, kPolice);
  int hidden = 0;
  for (const v1::PlanSectionItems& s : police.sections()) {
    for (const v1::PlanItem& item : s.items()) {
      if (item.sensitivity() != v1::SENSITIVITY_CARE) {
        EXPECT_FALSE(item.hidden()) << item.id();
        EXPECT_NE(item.body_case(), v1::PlanItem::BODY_NOT_SET) << item.id();
        continue;
      }
      ++hidden;
      EXPECT_TRUE(item.hidden()) << item.id();
      EXPECT_EQ(item.body_case(), v1::PlanItem::BODY_NOT_SET) << item.id();
      EXPECT_EQ(item.hidden_reason(), HiddenReason(v1::SENSITIVITY_CARE));
      EXPECT_FALSE(item.id().empty());
    }
  }
  EXPECT_EQ(hidden, 10);
  EXPECT_EQ(police.SerializeAsString().find("GGZ"), std::string::npos);
  EXPECT_EQ(police.sections(0).items(2).text(), "Aangifte gedaan.");

  v1::PlanContent vt = c;
  RedactContent(vt, kVeiligThuis);
  EXPECT_TRUE(MessageDifferencer::Equals(vt, c));
  v1::PlanContent care = c;
  RedactContent(care, kCarePartner);  // a care partner sees CARE, not JUSTICE
  EXPECT_FALSE(care.sections(0).items(0).hidden());
  EXPECT_TRUE(care.sections(0).items(2).hidden());
  EXPECT_EQ(care.sections(0).items(2).hidden_reason(), HiddenReason(v1::SENSITIVITY_JUSTICE));
}

TEST(PlanRulesTest, MergeDraftKeepsHiddenItemsWhateverIsSent) {
  const v1::PlanContent stored = FamilyPlan();  // CARE: i-w2 (WORRIES[1]) and i-c1
  // The police edit what they were shown: i-w1 changed, i-w3 left out, one new worry.
  v1::PlanContent sent = stored;
  RedactContent(sent, kPolice);
  auto* worries = sent.mutable_sections(0);
  worries->mutable_items(0)->set_text("Mark slaat Sanne; de buren belden de politie.");
  worries->mutable_items()->DeleteSubrange(2, 1);
  *worries->add_items() = Text("", v1::SENSITIVITY_UNSPECIFIED, "Er ligt een wapen in huis.");
  FieldViolations v;
  v1::PlanContent merged = MergeDraft(v, "content", stored, sent, kPolice);
  ASSERT_TRUE(v.empty()) << v.ToStatus();
  ASSERT_EQ(merged.sections_size(), 3);
  ASSERT_EQ(merged.sections(0).items_size(), 3);
  EXPECT_EQ(merged.sections(0).items(0).text(), "Mark slaat Sanne; de buren belden de politie.");
  EXPECT_TRUE(MessageDifferencer::Equals(merged.sections(0).items(1), stored.sections(0).items(1)));
  EXPECT_EQ(merged.sections(0).items(2).text(), "Er ligt een wapen in huis.");
  EXPECT_TRUE(MessageDifferencer::Equals(merged.sections(1), stored.sections(1)));

  // Nothing sent: what the police see is removed, the hidden items stay.
  FieldViolations v2;
  v1::PlanContent emptied = MergeDraft(v2, "content", stored, v1::PlanContent(), kPolice);
  ASSERT_TRUE(v2.empty()) << v2.ToStatus();
  ASSERT_EQ(emptied.sections_size(), 2);
  EXPECT_EQ(emptied.sections(0).items_size(), 1);
  EXPECT_EQ(emptied.sections(0).items(0).id(), "i-w2");
  EXPECT_EQ(emptied.sections(1).items(0).id(), "i-c1");
  EXPECT_FALSE(emptied.has_evaluation_date());

  // A hidden item sent with other content, level and section: kept as stored, where it was.
  v1::PlanContent forged;
  *Section(forged, v1::PLAN_SECTION_GOALS)->add_items() =
      Text("i-w2", v1::SENSITIVITY_GENERAL, "Niets aan de hand.");
  FieldViolations v3;
  v1::PlanContent kept = MergeDraft(v3, "content", stored, forged, kPolice);
  ASSERT_TRUE(v3.empty()) << v3.ToStatus();
  ASSERT_EQ(kept.sections_size(), 2);
  EXPECT_EQ(kept.sections(0).section(), v1::PLAN_SECTION_WORRIES);
  EXPECT_TRUE(MessageDifferencer::Equals(kept.sections(0).items(0), stored.sections(0).items(1)));

  // Veilig Thuis sees everything: what it sends is what is stored.
  FieldViolations v4;
  v1::PlanContent vt = MergeDraft(v4, "content", stored, forged, kVeiligThuis);
  ASSERT_TRUE(v4.empty()) << v4.ToStatus();
  ASSERT_EQ(vt.sections_size(), 1);
  EXPECT_EQ(vt.sections(0).items(0).text(), "Niets aan de hand.");
}

TEST(PlanRulesTest, MergeDraftRefusesAnUnknownIdAndBadContent) {
  const v1::PlanContent stored = FamilyPlan();
  v1::PlanContent sent = stored;
  RedactContent(sent, kPolice);
  *sent.mutable_sections(0)->add_items() =
      Text("i-bestaat-niet", v1::SENSITIVITY_GENERAL, "Verzonnen");
  sent.mutable_sections(2)->mutable_items(0)->mutable_agreement()->clear_what();
  FieldViolations v;
  MergeDraft(v, "content", stored, sent, kPolice);
  EXPECT_EQ(Fields(v), (std::multiset<std::string>{"content.sections[0].items[3].id",
                                                   "content.sections[2].items[0].agreement.what"}))
      << v.ToStatus();

  // An item the writer sees must come with its content, even when marked hidden.
  v1::PlanContent echo = stored;
  RedactContent(echo, kVeiligThuis);
  echo.mutable_sections(0)->mutable_items(0)->clear_body();
  echo.mutable_sections(0)->mutable_items(0)->set_hidden(true);
  FieldViolations v2;
  MergeDraft(v2, "content", stored, echo, kVeiligThuis);
  EXPECT_EQ(Fields(v2), std::multiset<std::string>{"content.sections[0].items[0].text"});
}

TEST(PlanRulesTest, MergeDraftReclassifiesOnlyBetweenLevelsTheWriterSees) {
  const v1::PlanContent stored = FamilyPlan();
  v1::PlanContent sent = stored;
  RedactContent(sent, kPolice);
  sent.mutable_sections(0)->mutable_items(0)->set_sensitivity(v1::SENSITIVITY_CARE);
  sent.mutable_sections(0)->mutable_items(2)->set_sensitivity(v1::SENSITIVITY_JUSTICE);
  FieldViolations v;
  MergeDraft(v, "content", stored, sent, kPolice);
  EXPECT_EQ(Fields(v), std::multiset<std::string>{"content.sections[0].items[0].sensitivity"});

  // Unset: an unchanged item keeps its level; a changed one gets the writer's default.
  v1::PlanContent unset = stored;
  RedactContent(unset, kPolice);
  unset.mutable_sections(0)->mutable_items(0)->clear_sensitivity();
  unset.mutable_sections(0)->mutable_items(2)->clear_sensitivity();
  unset.mutable_sections(0)->mutable_items(2)->set_text("Mark drinkt elke dag.");
  FieldViolations v2;
  v1::PlanContent merged = MergeDraft(v2, "content", stored, unset, kPolice);
  ASSERT_TRUE(v2.empty()) << v2.ToStatus();
  Normalise(merged, kPolice.organisation_type, [] { return NewItemId(); });
  EXPECT_EQ(merged.sections(0).items(0).sensitivity(), v1::SENSITIVITY_GENERAL);
  EXPECT_EQ(merged.sections(0).items(2).sensitivity(), v1::SENSITIVITY_JUSTICE);
}

TEST(PlanRulesTest, ItemIdsHaveTheirOwnShape) {
  EXPECT_TRUE(IsWellFormedItemId(NewItemId()));
  EXPECT_NE(NewItemId(), NewItemId());
  EXPECT_TRUE(IsWellFormedItemId("i-w1"));
  EXPECT_FALSE(IsWellFormedItemId("i-"));
  EXPECT_FALSE(IsWellFormedItemId("n-w1"));
  EXPECT_FALSE(IsWellFormedItemId("i-W1"));
  EXPECT_FALSE(IsWellFormedItemId("i-" + std::string(65, 'a')));
}

TEST(PlanRulesTest, EachInstrumentHasItsOutcomeLevels) {
  using K = v1::RiskInstrumentKind;
  const std::vector<std::pair<K, std::vector<std::string>>> want = {
      {v1::RISK_INSTRUMENT_KIND_RIHG, {"LOW", "MEDIUM", "HIGH"}},
      {v1::RISK_INSTRUMENT_KIND_LIRIK, {"LOW", "MEDIUM", "HIGH"}},
      {v1::RISK_INSTRUMENT_KIND_CARE_NL, {"LOW", "MEDIUM", "HIGH"}},
      {v1::RISK_INSTRUMENT_KIND_ARIJ, {"LOW", "MEDIUM", "HIGH", "VERY_HIGH"}},
      {v1::RISK_INSTRUMENT_KIND_B_SAFER, {"LOW", "MODERATE", "HIGH"}},
      {v1::RISK_INSTRUMENT_KIND_UNSPECIFIED, {}},
      {static_cast<K>(99), {}},
  };
  for (const auto& [kind, levels] : want) {
    EXPECT_EQ(OutcomeLevels(kind), levels) << kind;
    for (const std::string& l : levels) EXPECT_TRUE(IsOutcomeLevel(kind, l)) << kind << l;
  }
  EXPECT_FALSE(IsOutcomeLevel(v1::RISK_INSTRUMENT_KIND_B_SAFER, "MEDIUM"));
  EXPECT_FALSE(IsOutcomeLevel(v1::RISK_INSTRUMENT_KIND_RIHG, "VERY_HIGH"));
  EXPECT_FALSE(IsOutcomeLevel(v1::RISK_INSTRUMENT_KIND_ARIJ, "high"));
  EXPECT_FALSE(IsOutcomeLevel(v1::RISK_INSTRUMENT_KIND_UNSPECIFIED, "LOW"));
}

}  // namespace
}  // namespace schakel::safetyplan::plan_rules_test
