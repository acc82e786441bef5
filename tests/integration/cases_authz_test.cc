// CaseService authorization, exhaustively: every RPC × every caller, where the callers cover each
// role and each relation to the case (director, core team, involved, a colleague of a team
// organisation who is not on the team, oversight by a team organisation's supervisor or auditor,
// professionals of an organisation not on the team, the administrator, a service). The expected
// matrix is written out here, independent of the service's table.
#include <functional>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"

#include "tests/integration/cases_fixture.h"
#include "tests/support/authz_matrix.h"

namespace schakel {
namespace {

using testing::CasesWorld;
using testing::Ctx;
using testing::MakeDate;
using testing::MakeNote;

// clang-format off
const testing::AuthzMatrix kMatrix = {
    .service = v1::CaseService::service_full_name(),
    .callers = {"dir", "core", "inv", "vt", "colleague", "sup", "aud", "outsider", "outdir",
                "outsup", "admin", "service"},
    .allowed = {
        //                       dir    core   inv    vt     colleg sup    aud    outsdr outdir outsup admin  svc
        {"CreateCase",          {true,  false, false, true,  false, false, false, false, true,  false, false, false}},
        {"GetCase",             {true,  true,  true,  true,  false, true,  true,  false, false, false, false, false}},
        {"GetTimeline",         {true,  true,  true,  true,  false, true,  true,  false, false, false, false, false}},
        {"ListMyCases",         {true,  true,  true,  true,  true,  true,  true,  true,  true,  true,  false, false}},
        {"FindCases",           {true,  true,  true,  true,  true,  true,  true,  true,  true,  true,  false, false}},
        {"UpdateCase",          {true,  true,  false, true,  false, false, false, false, false, false, false, false}},
        {"AddPerson",           {true,  true,  false, true,  false, false, false, false, false, false, false, false}},
        {"UpdatePerson",        {true,  true,  false, true,  false, false, false, false, false, false, false, false}},
        {"AddRelation",         {true,  true,  false, true,  false, false, false, false, false, false, false, false}},
        {"RemovePerson",        {true,  false, false, false, false, false, false, false, false, false, false, false}},
        {"RemoveRelation",      {true,  false, false, false, false, false, false, false, false, false, false, false}},
        {"RecordFollowUp",      {true,  true,  false, true,  false, false, false, false, false, false, false, false}},
        {"ListFollowUpsDue",    {true,  true,  true,  true,  true,  true,  false, true,  true,  true,  false, false}},
        {"RecordMeeting",       {true,  true,  false, true,  false, false, false, false, false, false, false, false}},
        {"UpdateAction",        {true,  true,  true,  true,  false, false, false, false, false, false, false, false}},
        {"AddTeamMember",       {true,  false, false, false, false, false, false, false, false, false, false, false}},
        {"RemoveTeamMember",    {true,  false, false, false, false, false, false, false, false, false, false, false}},
        {"TransferDirector",    {true,  false, false, false, false, false, false, false, false, false, false, false}},
        {"ShareNote",           {true,  false, false, false, false, false, false, false, false, false, false, false}},
        {"CloseCase",           {true,  false, false, false, false, false, false, false, false, false, false, false}},
        {"ReopenCase",          {true,  false, false, false, false, false, false, false, false, false, false, false}},
        {"CheckAccess",         {false, false, false, false, false, false, false, false, false, false, false, true}},
        {"RecordCaseEvents",    {false, false, false, false, false, false, false, false, false, false, false, true}},
        // Only this host's intake service (or a host in cases.report_sources): "svc" is another.
        {"OpenCasesFromReports", {false, false, false, false, false, false, false, false, false, false, false, false}},
        // Supervisors: each their organisation's list; a hold on a case their organisation is on.
        {"ListCaseRetention",   {false, false, false, false, false, true,  false, false, false, true,  false, false}},
        {"SetCaseLegalHold",    {false, false, false, false, false, true,  false, false, false, false, false, false}},
    },
};
// clang-format on

const std::set<std::string> kReads = {"GetCase",          "GetTimeline", "ListMyCases",
                                      "FindCases",        "CheckAccess", "ListFollowUpsDue",
                                      "ListCaseRetention"};

// The first relation (or follow-up check) of the case as `s` sees it; a made-up id when it sees
// none (a refused caller is refused before the id is looked at).
std::string FirstRelation(v1::CaseService::Stub& s, const std::string& case_id) {
  v1::GetCaseRequest r;
  r.set_case_id(case_id);
  v1::GetCaseResponse got;
  if (!s.GetCase(Ctx().get(), r, &got).ok() || got.case_().relations().empty()) {
    return "no-such-relation";
  }
  return got.case_().relations(0).id();
}
std::string FirstFollowUp(v1::CaseService::Stub& s, const std::string& case_id) {
  v1::GetCaseRequest r;
  r.set_case_id(case_id);
  v1::GetCaseResponse got;
  if (!s.GetCase(Ctx().get(), r, &got).ok() || got.case_().follow_ups().empty()) {
    return "no-such-follow-up";
  }
  return got.case_().follow_ups(0).id();
}

using Call = std::function<grpc::Status(v1::CaseService::Stub&, const CasesWorld::Fixture&)>;

std::map<std::string, Call> Calls() {
  std::map<std::string, Call> c;
  c["CreateCase"] = [](auto& s, const auto&) {
    v1::CreateCaseRequest r;
    r.set_request_id(NewRandomId());
    v1::CreateCaseResponse out;
    return s.CreateCase(Ctx().get(), r, &out);
  };
  c["GetCase"] = [](auto& s, const auto& f) {
    v1::GetCaseRequest r;
    r.set_case_id(f.case_id);
    v1::GetCaseResponse out;
    return s.GetCase(Ctx().get(), r, &out);
  };
  c["GetTimeline"] = [](auto& s, const auto& f) {
    v1::GetTimelineRequest r;
    r.set_case_id(f.case_id);
    v1::GetTimelineResponse out;
    return s.GetTimeline(Ctx().get(), r, &out);
  };
  c["ListMyCases"] = [](auto& s, const auto&) {
    v1::ListMyCasesResponse out;
    return s.ListMyCases(Ctx().get(), {}, &out);
  };
  c["FindCases"] = [](auto& s, const auto&) {
    v1::FindCasesRequest r;
    r.set_bsn("111222333");
    v1::FindCasesResponse out;
    return s.FindCases(Ctx().get(), r, &out);
  };
  c["UpdateCase"] = [](auto& s, const auto& f) {
    v1::UpdateCaseRequest r;
    r.set_request_id(NewRandomId());
    r.set_case_id(f.case_id);
    r.set_etag(f.etag);
    r.mutable_details()->add_violence_kinds(v1::VIOLENCE_KIND_CHILD_NEGLECT);
    v1::UpdateCaseResponse out;
    return s.UpdateCase(Ctx().get(), r, &out);
  };
  c["AddPerson"] = [](auto& s, const auto& f) {
    v1::AddPersonRequest r;
    r.set_request_id(NewRandomId());
    r.set_case_id(f.case_id);
    r.mutable_person()->set_name("Cas de Boer");
    r.mutable_person()->set_role(v1::PERSON_ROLE_CHILD);
    v1::AddPersonResponse out;
    return s.AddPerson(Ctx().get(), r, &out);
  };
  c["UpdatePerson"] = [](auto& s, const auto& f) {
    v1::UpdatePersonRequest r;
    r.set_request_id(NewRandomId());
    r.set_case_id(f.case_id);
    r.mutable_person()->set_id(f.person_ids[1]);
    r.mutable_person()->set_etag(f.person_etags[1]);
    r.mutable_person()->set_name("Bram de Boer");
    r.mutable_person()->set_role(v1::PERSON_ROLE_EX_PARTNER);
    v1::UpdatePersonResponse out;
    return s.UpdatePerson(Ctx().get(), r, &out);
  };
  c["AddRelation"] = [](auto& s, const auto& f) {
    v1::AddRelationRequest r;
    r.set_request_id(NewRandomId());
    r.set_case_id(f.case_id);
    r.mutable_relation()->set_from_person_id(f.person_ids[0]);
    r.mutable_relation()->set_to_person_id(f.person_ids[1]);
    r.mutable_relation()->set_type(v1::RELATION_TYPE_EX_PARTNER);
    v1::AddRelationResponse out;
    return s.AddRelation(Ctx().get(), r, &out);
  };
  c["RemovePerson"] = [](auto& s, const auto& f) {
    v1::RemovePersonRequest r;
    r.set_request_id(NewRandomId());
    r.set_case_id(f.case_id);
    r.set_person_id(f.person_ids[1]);
    r.set_reason("op de verkeerde casus ingevoerd");
    v1::RemovePersonResponse out;
    return s.RemovePerson(Ctx().get(), r, &out);
  };
  c["RemoveRelation"] = [](auto& s, const auto& f) {
    v1::RemoveRelationRequest r;
    r.set_request_id(NewRandomId());
    r.set_case_id(f.case_id);
    r.set_relation_id(FirstRelation(s, f.case_id));
    r.set_reason("verkeerde relatie");
    v1::RemoveRelationResponse out;
    return s.RemoveRelation(Ctx().get(), r, &out);
  };
  c["RecordFollowUp"] = [](auto& s, const auto& f) {
    v1::RecordFollowUpRequest r;
    r.set_request_id(NewRandomId());
    r.set_case_id(f.case_id);
    r.set_follow_up_id(FirstFollowUp(s, f.case_id));
    r.set_outcome(v1::FOLLOW_UP_OUTCOME_SAFE);
    v1::RecordFollowUpResponse out;
    return s.RecordFollowUp(Ctx().get(), r, &out);
  };
  c["ListFollowUpsDue"] = [](auto& s, const auto&) {
    v1::ListFollowUpsDueResponse out;
    return s.ListFollowUpsDue(Ctx().get(), v1::ListFollowUpsDueRequest(), &out);
  };
  c["RecordMeeting"] = [](auto& s, const auto& f) {
    v1::RecordMeetingRequest r;
    r.set_request_id(NewRandomId());
    r.set_case_id(f.case_id);
    *r.mutable_meeting()->mutable_date() = MakeDate(2026, 2, 1);
    auto* a = r.mutable_meeting()->add_attendees();
    a->set_professional_id("dir");
    a->set_organisation_id(testing::kTeamOrg);
    v1::RecordMeetingResponse out;
    return s.RecordMeeting(Ctx().get(), r, &out);
  };
  c["UpdateAction"] = [](auto& s, const auto& f) {
    v1::UpdateActionRequest r;
    r.set_request_id(NewRandomId());
    r.set_case_id(f.case_id);
    r.set_action_id(f.action_id);
    r.set_status(v1::ACTION_STATUS_DONE);
    v1::UpdateActionResponse out;
    return s.UpdateAction(Ctx().get(), r, &out);
  };
  c["AddTeamMember"] = [](auto& s, const auto& f) {
    v1::AddTeamMemberRequest r;
    r.set_request_id(NewRandomId());
    r.set_case_id(f.case_id);
    r.set_professional_id("extra");
    r.set_organisation_id(testing::kTeamOrg);
    r.set_role(v1::CASE_ROLE_INVOLVED);
    v1::AddTeamMemberResponse out;
    return s.AddTeamMember(Ctx().get(), r, &out);
  };
  c["RemoveTeamMember"] = [](auto& s, const auto& f) {
    v1::RemoveTeamMemberRequest r;
    r.set_request_id(NewRandomId());
    r.set_case_id(f.case_id);
    r.set_professional_id("inv");
    v1::RemoveTeamMemberResponse out;
    return s.RemoveTeamMember(Ctx().get(), r, &out);
  };
  c["TransferDirector"] = [](auto& s, const auto& f) {
    v1::TransferDirectorRequest r;
    r.set_request_id(NewRandomId());
    r.set_case_id(f.case_id);
    r.set_to_professional_id("extra");
    v1::TransferDirectorResponse out;
    return s.TransferDirector(Ctx().get(), r, &out);
  };
  c["ShareNote"] = [](auto& s, const auto& f) {
    v1::ShareNoteRequest r;
    r.set_request_id(NewRandomId());
    r.set_case_id(f.case_id);
    r.set_note_id(f.care_note_id);
    r.set_organisation_id(testing::kPoliceOrg);
    v1::ShareNoteResponse out;
    return s.ShareNote(Ctx().get(), r, &out);
  };
  c["CloseCase"] = [](auto& s, const auto& f) {
    v1::CloseCaseRequest r;
    r.set_request_id(NewRandomId());
    r.set_case_id(f.case_id);
    r.set_reason("stabiel veilig");
    r.mutable_checklist()->set_stable_safety_held(true);
    r.mutable_checklist()->set_risk_factors_addressed(true);
    r.mutable_checklist()->set_recovery_owner_in_place(true);
    r.mutable_checklist()->set_follow_up_agreed(true);
    v1::CloseCaseResponse out;
    return s.CloseCase(Ctx().get(), r, &out);
  };
  c["ReopenCase"] = [](auto& s, const auto& f) {
    v1::ReopenCaseRequest r;
    r.set_request_id(NewRandomId());
    r.set_case_id(f.case_id);
    r.set_reason("nieuw incident");
    v1::ReopenCaseResponse out;
    return s.ReopenCase(Ctx().get(), r, &out);
  };
  c["CheckAccess"] = [](auto& s, const auto& f) {
    v1::CheckAccessRequest r;
    r.set_case_id(f.case_id);
    r.set_principal_id("core");
    v1::CheckAccessResponse out;
    return s.CheckAccess(Ctx().get(), r, &out);
  };
  c["RecordCaseEvents"] = [](auto& s, const auto& f) {
    v1::RecordCaseEventsRequest r;
    auto* e = r.add_events();
    e->set_source_service("handover");
    e->set_source_sequence(static_cast<int64_t>(std::hash<std::string>{}(NewRandomId()) >> 2) + 1);
    e->set_case_id(f.case_id);
    e->set_type("handover.proposed");
    e->mutable_time()->set_seconds(1'800'000'000);
    e->set_sensitivity(v1::SENSITIVITY_GENERAL);
    e->set_summary("overdracht voorgesteld");
    v1::RecordCaseEventsResponse out;
    return s.RecordCaseEvents(Ctx().get(), r, &out);
  };
  c["ListCaseRetention"] = [](auto& s, const auto&) {
    v1::ListCaseRetentionResponse out;
    return s.ListCaseRetention(Ctx().get(), v1::ListCaseRetentionRequest(), &out);
  };
  c["SetCaseLegalHold"] = [](auto& s, const auto& f) {
    v1::SetCaseLegalHoldRequest r;
    r.set_request_id(NewRandomId());
    r.set_case_id(f.case_id);
    r.set_hold(true);
    r.set_reason("Klachtprocedure loopt");
    v1::SetCaseLegalHoldResponse out;
    return s.SetCaseLegalHold(Ctx().get(), r, &out);
  };
  c["OpenCasesFromReports"] = [](auto& s, const auto&) {
    v1::OpenCasesFromReportsResponse out;
    return s.OpenCasesFromReports(Ctx().get(), v1::OpenCasesFromReportsRequest(), &out);
  };
  return c;
}

TEST(CasesAuthzTest, MatrixCoversEveryRpc) {
  const auto calls = testing::KeysOf(Calls());
  testing::ExpectMatrixCoversService(kMatrix, cases::CaseAuthorizationTable(), &calls);
}

TEST(CasesAuthzTest, EveryCallerTimesEveryRpc) {
  CasesWorld world;
  const auto calls = Calls();
  // Refused calls and reads share one case; its etag must not move while only they run.
  const CasesWorld::Fixture shared = world.MakeCase();
  // Every allowed call succeeds (its request is a valid one); every refused one is
  // PERMISSION_DENIED.
  const testing::AuthzOutcomes outcomes{.allowed = {grpc::StatusCode::OK}};
  testing::RunAuthzMatrix(kMatrix, outcomes, [&](const testing::AuthzCell& cell, grpc::Status& st) {
    const bool mutation_allowed =
        cell.allowed && !kReads.count(cell.method) && cell.method != "CreateCase";
    CasesWorld::Fixture f = mutation_allowed ? world.MakeCase() : shared;
    if ((cell.method == "ReopenCase" || cell.method == "RecordFollowUp") && mutation_allowed) {
      ASSERT_TRUE(calls.at("CloseCase")(*world.As("dir"), f).ok());
    }
    if (cell.method == "RemoveRelation" && mutation_allowed) {
      ASSERT_TRUE(calls.at("AddRelation")(*world.As("dir"), f).ok());
    }
    auto stub = world.As(cell.caller_name);
    st = calls.at(cell.method)(*stub, f);
  });
  EXPECT_EQ(world.Get("dir", shared.case_id).etag(), shared.etag)
      << "a refused call changed the case";
}

// An outsider cannot tell a case that exists from one that does not.
TEST(CasesAuthzTest, OutsiderGetsTheSameAnswerForMissingAndExistingCases) {
  CasesWorld world;
  const auto f = world.MakeCase();
  auto stub = world.As("outsider");
  v1::GetCaseRequest req;
  v1::GetCaseResponse resp;
  req.set_case_id(f.case_id);
  const grpc::Status existing = stub->GetCase(Ctx().get(), req, &resp);
  req.set_case_id("no-such-case");
  const grpc::Status missing = stub->GetCase(Ctx().get(), req, &resp);
  EXPECT_EQ(existing.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(missing.error_code(), existing.error_code());
  EXPECT_EQ(missing.error_message(), existing.error_message());
}

// FindCases never reveals a case the caller may not see.
TEST(CasesAuthzTest, FindCasesReturnsOnlyVisibleCases) {
  CasesWorld world;
  const auto f = world.MakeCase();
  v1::FindCasesRequest req;
  req.set_bsn("111222333");
  for (const std::string who : {"dir", "core", "sup", "outsider", "outsup", "colleague"}) {
    v1::FindCasesResponse resp;
    ASSERT_TRUE(world.As(who)->FindCases(Ctx().get(), req, &resp).ok()) << who;
    const bool sees = who == "dir" || who == "core" || who == "sup";
    ASSERT_EQ(resp.cases_size(), sees ? 1 : 0) << who;
    if (sees) {
      EXPECT_EQ(resp.cases(0).id(), f.case_id);
    }
  }
}

// CheckAccess answers for each relation.
TEST(CasesAuthzTest, CheckAccessTellsRoleAndEditRight) {
  CasesWorld world;
  const auto f = world.MakeCase();
  auto stub = world.As("service");
  const std::map<std::string, std::pair<v1::CaseRole, bool>> expected = {
      {"dir", {v1::CASE_ROLE_CASE_DIRECTOR, true}},
      {"core", {v1::CASE_ROLE_CORE_TEAM, true}},
      {"inv", {v1::CASE_ROLE_INVOLVED, false}},
      {"sup", {v1::CASE_ROLE_OVERSIGHT, false}},
      {"colleague", {v1::CASE_ROLE_UNSPECIFIED, false}},
      {"outsider", {v1::CASE_ROLE_UNSPECIFIED, false}},
  };
  for (const auto& [who, want] : expected) {
    v1::CheckAccessRequest req;
    req.set_case_id(f.case_id);
    req.set_principal_id(who);
    v1::CheckAccessResponse resp;
    ASSERT_TRUE(stub->CheckAccess(Ctx().get(), req, &resp).ok()) << who;
    EXPECT_EQ(resp.role(), want.first) << who;
    EXPECT_EQ(resp.allowed(), want.first != v1::CASE_ROLE_UNSPECIFIED) << who;
    EXPECT_EQ(resp.may_edit(), want.second) << who;
    EXPECT_EQ(resp.status(), v1::CASE_STATUS_OPEN);
  }
}

// Need-to-know: every organisation type × every sensitivity, against a table written out here.
TEST(CasesRedactionTest, EveryOrganisationTypeTimesEverySensitivity) {
  CasesWorld world;
  const auto f = world.MakeCase();
  struct Row {
    v1::OrganisationType type;
    bool general, care, justice;
  };
  const std::vector<Row> table = {
      {v1::ORGANISATION_TYPE_VEILIG_THUIS, true, true, true},
      {v1::ORGANISATION_TYPE_LOCAL_TEAM, true, true, true},
      {v1::ORGANISATION_TYPE_POLICE, true, false, true},
      {v1::ORGANISATION_TYPE_PUBLIC_PROSECUTION, true, false, true},
      {v1::ORGANISATION_TYPE_CHILD_PROTECTION_BOARD, true, true, true},
      {v1::ORGANISATION_TYPE_PROBATION, true, false, true},
      {v1::ORGANISATION_TYPE_MENTAL_HEALTH_CARE, true, true, false},
      {v1::ORGANISATION_TYPE_YOUTH_CARE, true, true, false},
      {v1::ORGANISATION_TYPE_SHELTER, true, true, false},
      {v1::ORGANISATION_TYPE_OTHER_CARE, true, true, false},
  };
  for (const auto& row : table) {
    const std::string type_name = v1::OrganisationType_Name(row.type);
    std::string org = "org-" + type_name.substr(std::string("ORGANISATION_TYPE_").size());
    for (auto& ch : org) ch = ch == '_' ? '-' : static_cast<char>(std::tolower(ch));
    const std::string pro = "pro-" + org;
    world.host().AddOrganisation(org, row.type);
    world.Person(pro, org, {v1::ROLE_PROFESSIONAL});
    world.AddMember(f.case_id, pro, org, v1::CASE_ROLE_INVOLVED);
    const v1::Case c = world.Get(pro, f.case_id);
    ASSERT_EQ(c.persons(0).notes_size(), 3) << "a note was dropped for " << type_name;
    for (const auto& note : c.persons(0).notes()) {
      const bool expect_visible = note.sensitivity() == v1::SENSITIVITY_GENERAL ? row.general
                                  : note.sensitivity() == v1::SENSITIVITY_CARE  ? row.care
                                                                                : row.justice;
      EXPECT_EQ(!note.hidden(), expect_visible)
          << type_name << " × " << v1::Sensitivity_Name(note.sensitivity());
      if (note.hidden()) {
        EXPECT_TRUE(note.text().empty());
        EXPECT_NE(note.hidden_reason().find("verborgen voor uw organisatie"), std::string::npos);
      } else {
        EXPECT_FALSE(note.text().empty());
      }
    }
  }
}

// The case director shares one CARE note with the police: the police see that note, not others.
TEST(CasesRedactionTest, SharedNoteBecomesVisibleToThatOrganisationOnly) {
  CasesWorld world;
  const auto f = world.MakeCase();
  auto care_note_text = [&](const std::string& who) {
    const v1::Case c = world.Get(who, f.case_id);
    for (const auto& n : c.persons(0).notes()) {
      if (n.id() == f.care_note_id) return n.hidden() ? std::string("<hidden>") : n.text();
    }
    return std::string("<missing>");
  };
  EXPECT_EQ(care_note_text("core"), "<hidden>");
  v1::ShareNoteRequest req;
  req.set_request_id(NewRandomId());
  req.set_case_id(f.case_id);
  req.set_note_id(f.care_note_id);
  req.set_organisation_id(testing::kPoliceOrg);
  v1::ShareNoteResponse resp;
  ASSERT_TRUE(world.As("dir")->ShareNote(Ctx().get(), req, &resp).ok());
  EXPECT_EQ(care_note_text("core"), "trauma");
  EXPECT_EQ(care_note_text("sup"), "trauma");  // the police's supervisor, for oversight
}

// A note seen only through a share cannot be reclassified (which would show it to everyone), and
// the director shares only with another organisation.
TEST(CasesRedactionTest, ASharedNoteCannotBeReclassifiedByItsReceiver) {
  CasesWorld world;
  const auto f = world.MakeCase();
  v1::ShareNoteRequest share;
  share.set_request_id(NewRandomId());
  share.set_case_id(f.case_id);
  share.set_note_id(f.care_note_id);
  share.set_organisation_id(testing::kTeamOrg);  // the director's own
  v1::ShareNoteResponse shared;
  EXPECT_EQ(world.As("dir")->ShareNote(Ctx().get(), share, &shared).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  share.set_organisation_id(testing::kPoliceOrg);
  ASSERT_TRUE(world.As("dir")->ShareNote(Ctx().get(), share, &shared).ok());

  const v1::Case police_view = world.Get("core", f.case_id);
  v1::UpdatePersonRequest req;
  req.set_request_id(NewRandomId());
  req.set_case_id(f.case_id);
  *req.mutable_person() = police_view.persons(0);
  req.mutable_person()->clear_bsn_masked();
  int care_index = -1;
  for (int i = 0; i < req.person().notes_size(); ++i) {
    if (req.person().notes(i).id() == f.care_note_id) care_index = i;
  }
  ASSERT_GE(care_index, 0);
  req.mutable_person()->mutable_notes(care_index)->set_sensitivity(v1::SENSITIVITY_GENERAL);
  v1::UpdatePersonResponse out;
  const grpc::Status st = world.As("core")->UpdatePerson(Ctx().get(), req, &out);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(st.error_message().find(absl::StrCat("person.notes[", care_index, "].sensitivity")),
            std::string::npos)
      << st.error_message();
  // The note stays CARE: organisations that see it neither by type nor by a share still do not.
  const v1::Case after = world.Get("dir", f.case_id);
  for (const auto& n : after.persons(0).notes()) {
    if (n.id() == f.care_note_id) {
      EXPECT_EQ(n.sensitivity(), v1::SENSITIVITY_CARE);
    }
  }
}

}  // namespace
}  // namespace schakel
