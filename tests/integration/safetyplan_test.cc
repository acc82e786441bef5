// The safety plan through real mutual TLS: drafts, sign-off, versions that never change, the
// diff, redaction, the family's agreement, risk instruments, the timeline and bad input.
#include <sqlite3.h>

#include <fstream>
#include <iterator>

#include <google/protobuf/util/message_differencer.h>

#include "tests/integration/safetyplan_fixture.h"

namespace schakel {
namespace {

using testing::AddItem;
using testing::BadFields;
using testing::ItemsOf;
using testing::PCtx;
using testing::PlanWorld;
using testing::TextItem;
using namespace testing::plan_world;

std::vector<std::string> TimelineTypes(PlanWorld& w, const std::string& case_id) {
  w.Flush();
  v1::GetTimelineRequest req;
  req.set_case_id(case_id);
  req.set_page_size(500);
  v1::GetTimelineResponse resp;
  const grpc::Status st = w.C("dir")->GetTimeline(PCtx().get(), req, &resp);
  EXPECT_TRUE(st.ok()) << st.error_message();
  std::vector<std::string> types;
  for (const auto& e : resp.events()) {
    if (e.source_service() != "cases") types.push_back(e.type());
  }
  return types;
}

TEST(SafetyPlanTest, ADraftSignedOffByTheDirectorAndVeiligThuisIsThePlanInForce) {
  PlanWorld w;
  const std::string case_id = w.MakeCase();
  v1::PlanVersion v;
  ASSERT_TRUE(w.Start("wt", case_id, &v).ok());
  EXPECT_EQ(v.version(), 1);
  EXPECT_EQ(v.state(), v1::PLAN_VERSION_STATE_DRAFT);
  grpc::Status st = w.Update("wt", v, w.FirstPlan(), &v);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(ItemsOf(v.content(), v1::PLAN_SECTION_CONDITIONS).size(), 2u);
  for (const auto& item : ItemsOf(v.content(), v1::PLAN_SECTION_AGREEMENTS)) {
    EXPECT_FALSE(item.id().empty());
    EXPECT_EQ(item.agreement().status(), v1::AGREEMENT_STATUS_OPEN);
  }
  st = w.Propose("wt", case_id, 1, &v);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(v.state(), v1::PLAN_VERSION_STATE_PROPOSED);
  EXPECT_TRUE(v.conditions_changed());  // a first plan: every condition is new

  // The director signs; Veilig Thuis still has to, since it sets the conditions.
  ASSERT_TRUE(w.SignOff("dir", case_id, 1, &v).ok());
  EXPECT_EQ(v.state(), v1::PLAN_VERSION_STATE_PROPOSED);
  ASSERT_EQ(v.sign_offs_size(), 1);
  EXPECT_EQ(v.sign_offs(0).party(), "CASE_DIRECTOR");
  st = w.SignOff("vt", case_id, 1, &v);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(v.state(), v1::PLAN_VERSION_STATE_ACTIVE);
  EXPECT_EQ(v.sign_offs_size(), 2);

  v1::GetPlanResponse plan;
  ASSERT_TRUE(w.Get("ggz", case_id, 0, &plan).ok());
  EXPECT_EQ(plan.version().version(), 1);
  EXPECT_EQ(plan.version().state(), v1::PLAN_VERSION_STATE_ACTIVE);
  const std::vector<std::string> types = TimelineTypes(w, case_id);
  EXPECT_EQ(std::count(types.begin(), types.end(), "plan.proposed"), 1);
  EXPECT_EQ(std::count(types.begin(), types.end(), "plan.signed_off"), 2);
}

TEST(SafetyPlanTest, ASecondVersionWithAChangedConditionShowsInTheDiffAndSupersedesTheFirst) {
  PlanWorld w;
  const std::string case_id = w.MakeCase();
  const v1::PlanVersion v1plan = w.ActivePlan(case_id);
  ASSERT_EQ(v1plan.state(), v1::PLAN_VERSION_STATE_ACTIVE);

  v1::PlanVersion v2;
  ASSERT_TRUE(w.Start("dir", case_id, &v2).ok());
  EXPECT_EQ(v2.version(), 2);
  EXPECT_EQ(v2.based_on(), 1);
  ASSERT_TRUE(google::protobuf::util::MessageDifferencer::Equals(v2.content(), v1plan.content()));
  v1::PlanContent changed = v2.content();
  for (auto& s : *changed.mutable_sections()) {
    if (s.section() == v1::PLAN_SECTION_CONDITIONS) {
      s.mutable_items(0)->set_text("Er is geen fysiek of verbaal geweld in het gezin.");
    }
  }
  grpc::Status st = w.Update("dir", v2, changed, &v2);
  ASSERT_TRUE(st.ok()) << st.error_message();
  ASSERT_TRUE(w.Propose("dir", case_id, 2, &v2).ok());
  EXPECT_TRUE(v2.conditions_changed());
  ASSERT_TRUE(w.SignOff("dir", case_id, 2).ok());
  ASSERT_TRUE(w.SignOff("vt", case_id, 2, &v2).ok());
  EXPECT_EQ(v2.state(), v1::PLAN_VERSION_STATE_ACTIVE);

  v1::GetPlanResponse first;
  ASSERT_TRUE(w.Get("dir", case_id, 1, &first).ok());
  EXPECT_EQ(first.version().state(), v1::PLAN_VERSION_STATE_SUPERSEDED);
  EXPECT_EQ(first.versions_size(), 2);

  v1::GetPlanDiffRequest req;
  req.set_case_id(case_id);
  req.set_from_version(1);
  req.set_to_version(2);
  v1::GetPlanDiffResponse diff;
  st = w.P("dir")->GetPlanDiff(PCtx().get(), req, &diff);
  ASSERT_TRUE(st.ok()) << st.error_message();
  ASSERT_EQ(diff.diff().sections_size(), 1);
  const v1::SectionDiff& section = diff.diff().sections(0);
  EXPECT_EQ(section.section(), v1::PLAN_SECTION_CONDITIONS);
  ASSERT_EQ(section.items_size(), 1);
  EXPECT_EQ(section.items(0).change(), v1::ITEM_CHANGE_CHANGED);
  EXPECT_EQ(section.items(0).before().text(), "Er is geen fysiek geweld in het gezin.");
  EXPECT_EQ(section.items(0).item().text(), "Er is geen fysiek of verbaal geweld in het gezin.");
  ASSERT_EQ(section.items(0).changed_fields_size(), 1);
  EXPECT_EQ(section.items(0).changed_fields(0), "text");
}

TEST(SafetyPlanTest, AVersionThatLeftDraftNeverChangesByAnyPath) {
  PlanWorld w;
  const std::string case_id = w.MakeCase();
  v1::PlanVersion draft;
  ASSERT_TRUE(w.Start("dir", case_id, &draft).ok());
  const std::string rid = NewRandomId();
  const v1::PlanVersion started = draft;
  ASSERT_TRUE(w.Update("dir", started, w.FirstPlan(), &draft, rid).ok());
  ASSERT_TRUE(w.Propose("dir", case_id, 1).ok());

  // The API: an edit of the proposed version is refused.
  v1::PlanContent other = w.FirstPlan();
  AddItem(other, v1::PLAN_SECTION_GOALS, TextItem("Rust in huis."));
  v1::PlanVersion out;
  grpc::Status st = w.Update("dir", draft, other, &out);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
  // A retried request (the edit made while it was a draft) answers as before and changes nothing.
  v1::PlanVersion replayed;
  st = w.Update("dir", started, w.FirstPlan(), &replayed, rid);
  ASSERT_TRUE(st.ok()) << st.error_message();
  v1::GetPlanResponse now;
  ASSERT_TRUE(w.Get("dir", case_id, 1, &now).ok());
  EXPECT_EQ(now.version().state(), v1::PLAN_VERSION_STATE_PROPOSED);
  EXPECT_TRUE(ItemsOf(now.version().content(), v1::PLAN_SECTION_GOALS).empty());

  // The database itself: an UPDATE or DELETE by hand is refused by its triggers.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((w.host().data_dir() / "safetyplan.db").c_str(), &db), SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  char* err = nullptr;
  for (const char* sql : {"UPDATE plan_versions SET content = x'00' WHERE version = 1",
                          "UPDATE plan_versions SET state = 'DRAFT' WHERE version = 1",
                          "UPDATE plan_versions SET evaluation_due = 20300101 WHERE version = 1",
                          "DELETE FROM plan_versions WHERE version = 1"}) {
    EXPECT_NE(sqlite3_exec(db, sql, nullptr, nullptr, &err), SQLITE_OK) << sql;
    if (err != nullptr) {
      EXPECT_NE(std::string(err).find("plan version"), std::string::npos) << err;
      sqlite3_free(err);
      err = nullptr;
    }
  }
  // Once signed, the sign-off row is a fact too.
  ASSERT_TRUE(w.SignOff("dir", case_id, 1).ok());
  EXPECT_NE(sqlite3_exec(db, "UPDATE plan_sign_offs SET professional_id = 'x'", nullptr, nullptr,
                         nullptr),
            SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM plan_sign_offs", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  ASSERT_TRUE(w.Get("dir", case_id, 1, &now).ok());
  EXPECT_EQ(now.version().sign_offs_size(), 1);
}

TEST(SafetyPlanTest, PoliceNeverSeeACareItemAndTheirEditKeepsIt) {
  PlanWorld w;
  const std::string case_id = w.MakeCase();
  v1::PlanVersion draft;
  ASSERT_TRUE(w.Start("dir", case_id, &draft).ok());
  ASSERT_TRUE(w.Update("dir", draft, w.FirstPlan(), &draft).ok());

  v1::GetPlanResponse seen;
  ASSERT_TRUE(w.Get("agent", case_id, 1, &seen).ok());
  const auto conditions = ItemsOf(seen.version().content(), v1::PLAN_SECTION_CONDITIONS);
  ASSERT_EQ(conditions.size(), 2u);
  EXPECT_FALSE(conditions[0].hidden());
  EXPECT_TRUE(conditions[1].hidden());
  EXPECT_TRUE(conditions[1].text().empty());
  EXPECT_NE(conditions[1].hidden_reason().find("verborgen voor uw organisatie"), std::string::npos);
  std::string serialized;
  ASSERT_TRUE(seen.SerializeToString(&serialized));
  EXPECT_EQ(serialized.find("verslavingszorg"), std::string::npos);

  // The police officer (core team) edits what they see and sends the hidden item back as shown.
  v1::PlanContent edit = seen.version().content();
  for (auto& s : *edit.mutable_sections()) {
    if (s.section() == v1::PLAN_SECTION_CONDITIONS) s.mutable_items(1)->set_text("weg ermee");
  }
  AddItem(edit, v1::PLAN_SECTION_GOALS, TextItem("Moeder voelt zich veilig in huis."));
  v1::PlanVersion after;
  grpc::Status st = w.Update("agent", seen.version(), edit, &after);
  ASSERT_TRUE(st.ok()) << st.error_message();
  v1::GetPlanResponse director_view;
  ASSERT_TRUE(w.Get("dir", case_id, 1, &director_view).ok());
  const auto kept = ItemsOf(director_view.version().content(), v1::PLAN_SECTION_CONDITIONS);
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[1].text(), "Vader volgt zijn behandeling bij de verslavingszorg.");
  EXPECT_EQ(ItemsOf(director_view.version().content(), v1::PLAN_SECTION_GOALS).size(), 1u);
}

TEST(SafetyPlanTest, BadInputIsNamedAndOnlyTheDirectorSignsOff) {
  PlanWorld w;
  const std::string case_id = w.MakeCase();
  v1::PlanVersion draft;
  ASSERT_TRUE(w.Start("dir", case_id, &draft).ok());
  // A text item in the agreements, an empty condition, an agreement without an owner.
  v1::PlanContent bad;
  AddItem(bad, v1::PLAN_SECTION_AGREEMENTS, TextItem("Iets"));
  AddItem(bad, v1::PLAN_SECTION_CONDITIONS, TextItem(""));
  grpc::Status st = w.Update("dir", draft, bad, nullptr);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  const auto fields = BadFields(st);
  EXPECT_TRUE(fields.contains("content.sections[0].items[0].text")) << st.error_message();
  EXPECT_TRUE(fields.contains("content.sections[1].items[0].text")) << st.error_message();

  // An agreement whose owner is not on the team. (An edit without an evaluation date keeps the
  // draft's: a plan always has one.)
  v1::PlanContent c = w.FirstPlan();
  c.clear_evaluation_date();
  for (auto& s : *c.mutable_sections()) {
    if (s.section() == v1::PLAN_SECTION_AGREEMENTS) {
      s.mutable_items(1)->mutable_agreement()->set_owner_organisation_id(kElsewhere);
      s.mutable_items(1)->mutable_agreement()->set_owner_professional_id("outsider");
    }
  }
  ASSERT_TRUE(w.Update("dir", draft, c, &draft).ok());
  EXPECT_TRUE(draft.content().has_evaluation_date());
  st = w.Propose("dir", case_id, 1);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  const auto propose_fields = BadFields(st);
  EXPECT_FALSE(propose_fields.contains("content.evaluation_date")) << st.error_message();
  EXPECT_TRUE(
      propose_fields.contains("content.sections[2].items[1].agreement.owner_professional_id"))
      << st.error_message();
  v1::GetPlanResponse still;
  ASSERT_TRUE(w.Get("dir", case_id, 1, &still).ok());
  EXPECT_EQ(still.version().state(), v1::PLAN_VERSION_STATE_DRAFT);

  ASSERT_TRUE(w.Update("dir", draft, w.FirstPlan(), &draft).ok());
  ASSERT_TRUE(w.Propose("dir", case_id, 1).ok());
  // The core team does not sign off; nor does the care partner who is only involved.
  EXPECT_EQ(w.SignOff("wt", case_id, 1).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(w.SignOff("ggz", case_id, 1).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  // Nor does anyone outside the team; a case that does not exist gets the same answer.
  const grpc::Status foreign = w.SignOff("outsider", case_id, 1);
  const grpc::Status missing = w.SignOff("outsider", "no-such-case", 1);
  EXPECT_EQ(foreign.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(foreign.error_message(), missing.error_message());
  v1::GetPlanResponse outsider_view;
  EXPECT_EQ(w.Get("outsider", case_id, 0, &outsider_view).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST(SafetyPlanTest, TheFamilysAgreementIsRecordedExceptInACaseOfHonourRelatedViolence) {
  PlanWorld w;
  const std::string case_id = w.MakeCase();
  w.ActivePlan(case_id);
  v1::RecordFamilyAgreementRequest req;
  req.set_request_id(NewRandomId());
  req.set_case_id(case_id);
  req.set_version(1);
  req.set_person_id(w.person_id());
  req.set_channel(v1::AGREEMENT_CHANNEL_IN_PERSON);
  v1::RecordFamilyAgreementResponse resp;
  grpc::Status st = w.P("dir")->RecordFamilyAgreement(PCtx().get(), req, &resp);
  ASSERT_TRUE(st.ok()) << st.error_message();
  ASSERT_EQ(resp.version().family_agreements_size(), 1);
  EXPECT_EQ(resp.version().family_agreements(0).person_id(), w.person_id());
  EXPECT_EQ(resp.version().family_agreements(0).recorded_by(), "dir");

  const std::string honour = w.MakeCase(/*honour_related=*/true);
  w.ActivePlan(honour);
  req.set_request_id(NewRandomId());
  req.set_case_id(honour);
  st = w.P("dir")->RecordFamilyAgreement(PCtx().get(), req, &resp);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_NE(st.error_message().find("eergerelateerd"), std::string::npos);
}

TEST(SafetyPlanTest, RiskInstrumentsAreValidatedListedAndRedacted) {
  PlanWorld w;
  const std::string case_id = w.MakeCase();
  v1::RecordRiskInstrumentRequest req;
  req.set_request_id(NewRandomId());
  req.set_case_id(case_id);
  req.set_instrument(v1::RISK_INSTRUMENT_KIND_ARIJ);
  req.set_outcome_level("MODERATE");  // B-SAFER's word, not ARIJ's
  req.mutable_assessed_at()->set_seconds(absl::ToUnixSeconds(absl::Now() + absl::Hours(2)));
  v1::RecordRiskInstrumentResponse resp;
  grpc::Status st = w.P("wt")->RecordRiskInstrument(PCtx().get(), req, &resp);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(BadFields(st), (std::set<std::string>{"outcome_level", "assessed_at"}));

  req.set_outcome_level("VERY_HIGH");
  req.mutable_assessed_at()->set_seconds(absl::ToUnixSeconds(absl::Now() - absl::Hours(2)));
  req.set_notes("Moeder heeft een PTSS-diagnose; vader weigert behandeling.");
  req.set_notes_sensitivity(v1::SENSITIVITY_CARE);
  st = w.P("wt")->RecordRiskInstrument(PCtx().get(), req, &resp);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(resp.assessment().organisation_id(), kTeam);

  v1::ListRiskInstrumentsRequest list;
  list.set_case_id(case_id);
  v1::ListRiskInstrumentsResponse listed;
  ASSERT_TRUE(w.P("agent")->ListRiskInstruments(PCtx().get(), list, &listed).ok());
  ASSERT_EQ(listed.assessments_size(), 1);
  EXPECT_EQ(listed.assessments(0).outcome_level(), "VERY_HIGH");
  EXPECT_TRUE(listed.assessments(0).notes_hidden());
  EXPECT_TRUE(listed.assessments(0).notes().empty());
  ASSERT_TRUE(w.P("ggz")->ListRiskInstruments(PCtx().get(), list, &listed).ok());
  EXPECT_EQ(listed.assessments(0).notes(), req.notes());
  const auto types = TimelineTypes(w, case_id);
  EXPECT_EQ(std::count(types.begin(), types.end(), "plan.risk_instrument"), 1);
}

TEST(SafetyPlanTest, TheDatabaseHoldsNoPlanTextInPlain) {
  PlanWorld w;
  const std::string case_id = w.MakeCase();
  w.ActivePlan(case_id);
  ASSERT_TRUE(w.host().host().FlushOutboxes().ok());
  for (const auto& entry : std::filesystem::directory_iterator(w.host().data_dir())) {
    if (entry.path().filename().string().rfind("safetyplan.db", 0) != 0) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), {});
    for (const char* plain : {"verslavingszorg", "surveillance", "Vader komt dronken"}) {
      EXPECT_EQ(bytes.find(plain), std::string::npos) << plain << " in " << entry.path();
    }
  }
}

}  // namespace
}  // namespace schakel
