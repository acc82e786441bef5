// Loose ends of the cases service (issue 13): an inclusion criterion without a state is refused;
// the case director removes a person or relation entered on the wrong case; follow-up checks
// after closure are recorded, reminded and escalated exactly once (across restarts and Dutch
// holidays, on a fake clock), and a failed one reopens the case.
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "absl/strings/match.h"
#include "services/common/clock.h"
#include "services/common/sqlite.h"
#include "tests/integration/cases_fixture.h"
#include "tests/support/amsterdam_time.h"

namespace schakel {
namespace {

using testing::AmsterdamTime;
using testing::BadFields;
using testing::CasesWorld;
using testing::Ctx;
using testing::kTeamOrg;

std::vector<v1::TimelineEvent> LooseEndsTimeline(CasesWorld& w, const std::string& case_id) {
  v1::GetTimelineRequest req;
  req.set_case_id(case_id);
  req.set_page_size(500);
  v1::GetTimelineResponse resp;
  grpc::Status st = w.As("dir")->GetTimeline(Ctx().get(), req, &resp);
  EXPECT_TRUE(st.ok()) << st.error_message();
  return {resp.events().begin(), resp.events().end()};
}

int LooseEndsCountEvents(const std::vector<v1::TimelineEvent>& events, const std::string& type) {
  int n = 0;
  for (const auto& e : events) n += e.type() == type;
  return n;
}

int LooseEndsCountRecords(CasesWorld& w, const std::string& object_id,
                          const std::string& event_type) {
  int n = 0;
  for (const auto& r : w.AuditRecordsAbout(object_id)) n += r.event_type() == event_type;
  return n;
}

// ---------------------------------------------------------------------------------------------
// 1. A criterion with no state.

TEST(CasesLooseEndsTest, CriterionWithoutStateIsRefusedNamingTheFieldAndNothingIsWritten) {
  CasesWorld w;
  auto cases_of_vt = [&] {
    v1::ListMyCasesResponse resp;
    EXPECT_TRUE(w.As("vt")->ListMyCases(Ctx().get(), v1::ListMyCasesRequest(), &resp).ok());
    return resp.cases_size();
  };
  v1::CreateCaseRequest create;
  create.set_request_id(NewRandomId());
  create.set_director_professional_id("dir");
  auto* criteria = create.mutable_details()->mutable_criteria();
  criteria->mutable_structural_unsafety()->set_note("geweld houdt aan");  // no state
  criteria->mutable_no_coherent_approach();                               // given, empty
  criteria->mutable_repeated_incidents()->set_state(v1::CRITERION_STATE_MET);
  v1::CreateCaseResponse created;
  grpc::Status st = w.As("vt")->CreateCase(Ctx().get(), create, &created);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  const auto bad = BadFields(st);
  EXPECT_TRUE(bad.count("details.criteria.structural_unsafety.state")) << st.error_message();
  EXPECT_TRUE(bad.count("details.criteria.no_coherent_approach.state"));
  EXPECT_FALSE(bad.count("details.criteria.repeated_incidents.state"));
  EXPECT_FALSE(bad.count("details.criteria.regular_help_exhausted.state")) << "not given: fine";
  EXPECT_EQ(cases_of_vt(), 0) << "nothing was written";

  // UpdateCase refuses it the same way and leaves the case as it was.
  const auto f = w.MakeCase();
  v1::UpdateCaseRequest update;
  update.set_request_id(NewRandomId());
  update.set_case_id(f.case_id);
  update.set_etag(f.etag);
  *update.mutable_details() = w.Get("dir", f.case_id).details();
  update.mutable_details()->mutable_criteria()->mutable_regular_help_exhausted()->set_note("x");
  v1::UpdateCaseResponse updated;
  st = w.As("dir")->UpdateCase(Ctx().get(), update, &updated);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(BadFields(st),
            std::set<std::string>({"details.criteria.regular_help_exhausted.state"}));
  EXPECT_EQ(w.Get("dir", f.case_id).etag(), f.etag);
  // With a state it goes through.
  update.mutable_details()->mutable_criteria()->mutable_regular_help_exhausted()->set_state(
      v1::CRITERION_STATE_NOT_MET);
  st = w.As("dir")->UpdateCase(Ctx().get(), update, &updated);
  EXPECT_TRUE(st.ok()) << st.error_message();
}

// ---------------------------------------------------------------------------------------------
// 2. Removing a person or relation entered on the wrong case.

v1::RemovePersonRequest RemoveRequest(const std::string& case_id, const std::string& person_id) {
  v1::RemovePersonRequest r;
  r.set_request_id(NewRandomId());
  r.set_case_id(case_id);
  r.set_person_id(person_id);
  r.set_reason("hoort bij een ander gezin; per abuis op deze casus ingevoerd");
  return r;
}

TEST(CasesLooseEndsTest, DirectorRemovesAPersonWithItsRelationsAndIndexes) {
  CasesWorld w;
  const auto f = w.MakeCase();
  const std::string anna = f.person_ids[0];  // has a BSN, a date of birth and notes
  v1::AddRelationRequest rel;
  rel.set_request_id(NewRandomId());
  rel.set_case_id(f.case_id);
  rel.mutable_relation()->set_from_person_id(anna);
  rel.mutable_relation()->set_to_person_id(f.person_ids[1]);
  rel.mutable_relation()->set_type(v1::RELATION_TYPE_EX_PARTNER);
  v1::AddRelationResponse added;
  ASSERT_TRUE(w.As("dir")->AddRelation(Ctx().get(), rel, &added).ok());
  const std::string etag = w.Get("dir", f.case_id).etag();

  // Not the director: refused, nothing changed.
  v1::RemovePersonResponse removed;
  for (const std::string who : {"core", "inv", "sup", "outsider"}) {
    grpc::Status st =
        w.As(who)->RemovePerson(Ctx().get(), RemoveRequest(f.case_id, anna), &removed);
    EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << who;
  }
  // No reason: every bad field named, nothing changed.
  v1::RemovePersonRequest no_reason = RemoveRequest(f.case_id, "");
  no_reason.clear_reason();
  grpc::Status st = w.As("dir")->RemovePerson(Ctx().get(), no_reason, &removed);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(BadFields(st), std::set<std::string>({"reason", "person_id"}));
  v1::RemovePersonRequest long_reason = RemoveRequest(f.case_id, anna);
  long_reason.set_reason(std::string(2001, 'x'));
  st = w.As("dir")->RemovePerson(Ctx().get(), long_reason, &removed);
  EXPECT_EQ(BadFields(st), std::set<std::string>({"reason"}));
  EXPECT_EQ(w.Get("dir", f.case_id).etag(), etag);

  // The director removes Anna: her relation goes with her.
  const v1::RemovePersonRequest remove = RemoveRequest(f.case_id, anna);
  st = w.As("dir")->RemovePerson(Ctx().get(), remove, &removed);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(removed.relation_ids_size(), 1);
  EXPECT_EQ(removed.removal().object_id(), anna);
  const v1::Case after = w.Get("dir", f.case_id);
  ASSERT_EQ(after.persons_size(), 1);
  EXPECT_EQ(after.persons(0).id(), f.person_ids[1]);
  EXPECT_TRUE(after.relations().empty());
  ASSERT_EQ(after.removals_size(), 1);
  EXPECT_EQ(after.removals(0).reason(), remove.reason());
  EXPECT_EQ(after.removals(0).object_type(), "person");
  EXPECT_EQ(after.removals(0).sensitivity(), v1::SENSITIVITY_CARE) << "the director's default";
  // The police on the core team do not see a CARE reason, and are told so.
  const v1::Case police = w.Get("core", f.case_id);
  ASSERT_EQ(police.removals_size(), 1);
  EXPECT_TRUE(police.removals(0).hidden());
  EXPECT_NE(police.removals(0).reason(), remove.reason());

  // The timeline says a person was removed, never whom.
  const auto timeline = LooseEndsTimeline(w, f.case_id);
  ASSERT_EQ(LooseEndsCountEvents(timeline, "person.removed"), 1);
  for (const auto& e : timeline) {
    if (e.type() != "person.removed") continue;
    EXPECT_TRUE(absl::StrContains(e.summary().text(), "Persoon verwijderd door de regisseur"));
    EXPECT_FALSE(absl::StrContains(e.summary().text(), "Anna")) << e.summary().text();
    EXPECT_FALSE(absl::StrContains(e.summary().text(), anna));
    EXPECT_FALSE(absl::StrContains(e.summary().text(), "abuis")) << "the reason is not shown";
  }
  // The audit record names the case and the person.
  EXPECT_EQ(LooseEndsCountRecords(w, anna, "case.person.removed"), 1);
  EXPECT_GE(LooseEndsCountRecords(w, f.case_id, "case.person.removed"), 1);
  // Her blind indexes went too: a search by her BSN, or name and birth date, finds nothing.
  v1::FindCasesRequest by_bsn;
  by_bsn.set_bsn("111222333");
  v1::FindCasesResponse found;
  ASSERT_TRUE(w.As("dir")->FindCases(Ctx().get(), by_bsn, &found).ok());
  EXPECT_TRUE(found.cases().empty());
  v1::FindCasesRequest by_name;
  by_name.set_name("Anna de Boer");
  *by_name.mutable_date_of_birth() = testing::MakeDate(1988, 3, 14);
  ASSERT_TRUE(w.As("dir")->FindCases(Ctx().get(), by_name, &found).ok());
  EXPECT_TRUE(found.cases().empty());
  // And the rows themselves are gone from the database.
  {
    auto c = sqlite::Connection::Open(w.host().data_dir() / "cases.db");
    ASSERT_TRUE(c.ok()) << c.status();
    auto s = (*c)->Prepare(
        "SELECT (SELECT COUNT(*) FROM persons WHERE id = ?1) + (SELECT COUNT(*) FROM "
        "person_index WHERE person_id = ?1)");
    ASSERT_TRUE(s.ok());
    s->Bind(1, anna);
    ASSERT_TRUE(*s->Step());
    EXPECT_EQ(s->ColumnInt(0), 0);
  }

  // A retry changes nothing twice and answers as the first time.
  const std::string etag_after = w.Get("dir", f.case_id).etag();
  v1::RemovePersonResponse again;
  st = w.As("dir")->RemovePerson(Ctx().get(), remove, &again);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(again.removal().id(), removed.removal().id());
  EXPECT_EQ(w.Get("dir", f.case_id).etag(), etag_after);
  EXPECT_EQ(w.Get("dir", f.case_id).removals_size(), 1);
  EXPECT_EQ(LooseEndsCountEvents(LooseEndsTimeline(w, f.case_id), "person.removed"), 1);
  EXPECT_EQ(LooseEndsCountRecords(w, anna, "case.person.removed"), 1);
  // A new request for a person no longer there: NOT_FOUND.
  st = w.As("dir")->RemovePerson(Ctx().get(), RemoveRequest(f.case_id, anna), &again);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST(CasesLooseEndsTest, DirectorRemovesARelationAndCorrectsAPerson) {
  CasesWorld w;
  const auto f = w.MakeCase();
  v1::AddRelationRequest rel;
  rel.set_request_id(NewRandomId());
  rel.set_case_id(f.case_id);
  rel.mutable_relation()->set_from_person_id(f.person_ids[0]);
  rel.mutable_relation()->set_to_person_id(f.person_ids[1]);
  rel.mutable_relation()->set_type(v1::RELATION_TYPE_PARENT_OF);  // wrong: they are ex-partners
  v1::AddRelationResponse added;
  ASSERT_TRUE(w.As("dir")->AddRelation(Ctx().get(), rel, &added).ok());
  v1::RemoveRelationRequest remove;
  remove.set_request_id(NewRandomId());
  remove.set_case_id(f.case_id);
  remove.set_relation_id(added.relation().id());
  remove.set_reason("verkeerd soort relatie");
  remove.set_sensitivity(v1::SENSITIVITY_GENERAL);
  v1::RemoveRelationResponse removed;
  EXPECT_EQ(w.As("core")->RemoveRelation(Ctx().get(), remove, &removed).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(w.As("dir")->RemoveRelation(Ctx().get(), remove, &removed).ok());
  const v1::Case after = w.Get("core", f.case_id);
  EXPECT_TRUE(after.relations().empty());
  EXPECT_EQ(after.persons_size(), 2);
  ASSERT_EQ(after.removals_size(), 1);
  EXPECT_EQ(after.removals(0).reason(), "verkeerd soort relatie") << "GENERAL: police see it";
  EXPECT_EQ(LooseEndsCountEvents(LooseEndsTimeline(w, f.case_id), "relation.removed"), 1);
  EXPECT_EQ(LooseEndsCountRecords(w, added.relation().id(), "case.relation.removed"), 1);

  // Correcting a person is UpdatePerson (the director and the core team).
  v1::UpdatePersonRequest fix;
  fix.set_request_id(NewRandomId());
  fix.set_case_id(f.case_id);
  fix.mutable_person()->set_id(f.person_ids[1]);
  fix.mutable_person()->set_etag(f.person_etags[1]);
  fix.mutable_person()->set_name("Bram de Boer-Jansen");
  fix.mutable_person()->set_role(v1::PERSON_ROLE_EX_PARTNER);
  v1::UpdatePersonResponse fixed;
  ASSERT_TRUE(w.As("dir")->UpdatePerson(Ctx().get(), fix, &fixed).ok());
  EXPECT_EQ(w.Get("dir", f.case_id).persons(1).name(), "Bram de Boer-Jansen");
}

}  // namespace
}  // namespace schakel
