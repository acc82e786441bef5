// CaseService through real gRPC over mutual TLS with certificates of several organisations, real
// SQLite files and the real audit log.
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "absl/strings/match.h"
#include "services/common/outbox.h"
#include "services/common/status.h"
#include "tests/integration/cases_fixture.h"

namespace schakel {
namespace {

using testing::CloseRequest;

using testing::CasesWorld;
using testing::Ctx;
using testing::MakeDate;
using testing::MakeNote;

using testing::BadFields;

int CountType(const std::vector<v1::AuditRecord>& records, const std::string& type) {
  return static_cast<int>(std::count_if(records.begin(), records.end(),
                                        [&](const auto& r) { return r.event_type() == type; }));
}

// Open, build the team, hold a meeting with actions, close, reopen — and the audit log holds
// exactly one record per action and per read.
TEST(CasesScenarioTest, OpenTeamMeetingCloseReopenAudited) {
  CasesWorld world;
  auto vt = world.As("vt");
  auto dir = world.As("dir");

  v1::CreateCaseRequest create;
  create.set_request_id("scenario-open");
  create.set_origin_report_id("vt-2026-000123");
  create.set_director_professional_id("dir");
  create.mutable_details()->add_violence_kinds(v1::VIOLENCE_KIND_PARTNER_VIOLENCE);
  create.mutable_details()->add_violence_kinds(v1::VIOLENCE_KIND_WITNESSING_PARTNER_VIOLENCE);
  auto* criteria = create.mutable_details()->mutable_criteria();
  criteria->mutable_structural_unsafety()->set_state(v1::CRITERION_STATE_MET);
  criteria->mutable_repeated_incidents()->set_state(v1::CRITERION_STATE_MET);
  criteria->mutable_repeated_incidents()->set_note("vier meldingen in twee jaar");
  auto* mother = create.add_persons();
  mother->set_name("Anna de Boer");
  *mother->mutable_date_of_birth() = MakeDate(1988, 3, 14);
  mother->set_bsn("111222333");
  mother->set_role(v1::PERSON_ROLE_VICTIM);
  auto* child = create.add_persons();
  child->set_name("Cas de Boer");
  *child->mutable_date_of_birth() = MakeDate(2016, 9, 1);
  child->set_role(v1::PERSON_ROLE_CHILD);
  v1::CreateCaseResponse created;
  grpc::Status st = vt->CreateCase(Ctx().get(), create, &created);
  ASSERT_TRUE(st.ok()) << st.error_message();
  const v1::Case& c = created.case_();
  const std::string id = c.id();
  EXPECT_TRUE(absl::StartsWith(c.reference(), "MDA-")) << c.reference();
  EXPECT_EQ(c.status(), v1::CASE_STATUS_OPEN);
  EXPECT_EQ(c.origin(), v1::CASE_ORIGIN_REPORT);
  EXPECT_EQ(c.region(), v1::REGION_HAAGLANDEN);
  ASSERT_EQ(c.persons_size(), 2);
  EXPECT_EQ(c.persons(0).bsn_masked(), "******333");
  EXPECT_TRUE(c.persons(0).bsn().empty());
  // The director leads; the Veilig Thuis opener stays on the team.
  ASSERT_EQ(c.team_size(), 2);
  EXPECT_EQ(c.team(0).professional_id(), "dir");
  EXPECT_EQ(c.team(0).role(), v1::CASE_ROLE_CASE_DIRECTOR);
  EXPECT_EQ(c.team(1).professional_id(), "vt");
  EXPECT_EQ(c.team(1).role(), v1::CASE_ROLE_CORE_TEAM);

  // The relation between mother and child.
  v1::AddRelationRequest rel;
  rel.set_request_id("scenario-rel");
  rel.set_case_id(id);
  rel.mutable_relation()->set_from_person_id(c.persons(0).id());
  rel.mutable_relation()->set_to_person_id(c.persons(1).id());
  rel.mutable_relation()->set_type(v1::RELATION_TYPE_PARENT_OF);
  v1::AddRelationResponse rel_out;
  ASSERT_TRUE(dir->AddRelation(Ctx().get(), rel, &rel_out).ok());

  world.AddMember(id, "core", testing::kPoliceOrg, v1::CASE_ROLE_CORE_TEAM);
  world.AddMember(id, "inv", testing::kGgzOrg, v1::CASE_ROLE_INVOLVED);

  // An MDO with two decisions, each giving one organisation an action; one is already overdue.
  v1::RecordMeetingRequest meeting;
  meeting.set_request_id("scenario-mdo");
  meeting.set_case_id(id);
  auto* m = meeting.mutable_meeting();
  *m->mutable_date() = MakeDate(2026, 1, 12);
  for (const auto& [pro, org] : std::vector<std::pair<std::string, std::string>>{
           {"dir", testing::kTeamOrg}, {"core", testing::kPoliceOrg}, {"inv", testing::kGgzOrg}}) {
    auto* a = m->add_attendees();
    a->set_professional_id(pro);
    a->set_organisation_id(org);
  }
  m->set_family_took_part(true);
  m->set_chair("onafhankelijk voorzitter");
  *m->mutable_minutes() = MakeNote(v1::SENSITIVITY_GENERAL, "gezamenlijke analyse");
  auto* d1 = m->add_decisions();
  *d1->mutable_text() = MakeNote(v1::SENSITIVITY_CARE, "traumabehandeling moeder");
  d1->mutable_action()->set_description("intake plannen");
  d1->mutable_action()->set_owner_organisation_id(testing::kGgzOrg);
  *d1->mutable_action()->mutable_due_date() = MakeDate(2020, 1, 1);
  d1->mutable_action()->set_sensitivity(v1::SENSITIVITY_CARE);
  auto* d2 = m->add_decisions();
  *d2->mutable_text() = MakeNote(v1::SENSITIVITY_JUSTICE, "huisverbod bewaken");
  d2->mutable_action()->set_description("controle huisverbod");
  d2->mutable_action()->set_owner_organisation_id(testing::kPoliceOrg);
  *d2->mutable_action()->mutable_due_date() = MakeDate(2099, 1, 1);
  d2->mutable_action()->set_sensitivity(v1::SENSITIVITY_JUSTICE);
  v1::RecordMeetingResponse recorded;
  st = dir->RecordMeeting(Ctx().get(), meeting, &recorded);
  ASSERT_TRUE(st.ok()) << st.error_message();
  ASSERT_EQ(recorded.actions_size(), 2);
  EXPECT_TRUE(recorded.actions(0).overdue());
  EXPECT_FALSE(recorded.actions(1).overdue());

  // GGZ finishes its action; police cannot touch GGZ's action's CARE text but sees it exists.
  v1::UpdateActionRequest done;
  done.set_request_id("scenario-action");
  done.set_case_id(id);
  done.set_action_id(recorded.actions(0).id());
  done.set_status(v1::ACTION_STATUS_DONE);
  done.set_status_note("intake gedaan");
  v1::UpdateActionResponse done_out;
  st = world.As("inv")->UpdateAction(Ctx().get(), done, &done_out);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(done_out.action().status(), v1::ACTION_STATUS_DONE);
  const v1::Case police_view = world.Get("core", id);
  ASSERT_EQ(police_view.actions_size(), 2);
  for (const auto& a : police_view.actions()) {
    if (a.description().sensitivity() == v1::SENSITIVITY_CARE) {
      EXPECT_TRUE(a.description().hidden());
      EXPECT_TRUE(a.status_note().empty());
    }
  }

  // Summaries list the case with its open and overdue actions.
  v1::ListMyCasesResponse mine;
  ASSERT_TRUE(world.As("core")->ListMyCases(Ctx().get(), {}, &mine).ok());
  ASSERT_EQ(mine.cases_size(), 1);
  EXPECT_EQ(mine.cases(0).my_role(), v1::CASE_ROLE_CORE_TEAM);
  EXPECT_EQ(mine.cases(0).open_actions(), 1);
  EXPECT_EQ(mine.cases(0).overdue_actions(), 0);
  EXPECT_EQ(mine.cases(0).director_professional_id(), "dir");

  // Close with the checklist; follow-ups at 3, 6, 12, 18 months.
  v1::CloseCaseResponse closed;
  st = dir->CloseCase(Ctx().get(), CloseRequest(id), &closed);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(closed.case_().status(), v1::CASE_STATUS_CLOSED);
  ASSERT_EQ(closed.case_().follow_ups_size(), 4);
  EXPECT_EQ(closed.case_().follow_ups(0).months_after_closure(), 3);
  EXPECT_EQ(closed.case_().follow_ups(3).months_after_closure(), 18);
  // A closed case takes no changes but reopening.
  v1::AddPersonRequest late;
  late.set_request_id("scenario-late");
  late.set_case_id(id);
  late.mutable_person()->set_name("Opa de Boer");
  late.mutable_person()->set_role(v1::PERSON_ROLE_NETWORK);
  v1::AddPersonResponse late_out;
  EXPECT_EQ(dir->AddPerson(Ctx().get(), late, &late_out).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  v1::ReopenCaseRequest reopen;
  reopen.set_request_id("scenario-reopen");
  reopen.set_case_id(id);
  reopen.set_reason("nieuw incident gemeld door politie");
  v1::ReopenCaseResponse reopened;
  ASSERT_TRUE(dir->ReopenCase(Ctx().get(), reopen, &reopened).ok());
  EXPECT_EQ(reopened.case_().status(), v1::CASE_STATUS_OPEN);
  for (const auto& f : reopened.case_().follow_ups()) {
    EXPECT_EQ(f.status(), v1::FOLLOW_UP_STATUS_CANCELLED);
  }

  // The timeline holds every step in order.
  v1::GetTimelineRequest tl;
  tl.set_case_id(id);
  v1::GetTimelineResponse timeline;
  ASSERT_TRUE(world.As("inv")->GetTimeline(Ctx().get(), tl, &timeline).ok());
  std::vector<std::string> types;
  for (const auto& e : timeline.events()) types.push_back(e.type());
  const std::vector<std::string> want = {"case.opened",       "relation.added", "team.member_added",
                                         "team.member_added", "action.created", "action.created",
                                         "meeting.recorded",  "action.updated", "case.closed",
                                         "case.reopened"};
  EXPECT_EQ(types, want);

  // Exactly one audit record per action and per read.
  const auto records = world.AuditRecordsAbout(id);
  EXPECT_EQ(CountType(records, "case.created"), 1);
  EXPECT_EQ(CountType(records, "case.relation.added"), 1);
  EXPECT_EQ(CountType(records, "case.team.member_added"), 2);
  EXPECT_EQ(CountType(records, "case.meeting.recorded"), 1);
  EXPECT_EQ(CountType(records, "case.action.updated"), 1);
  EXPECT_EQ(CountType(records, "case.read"), 1);    // the police's GetCase
  EXPECT_EQ(CountType(records, "case.listed"), 1);  // the police's ListMyCases
  EXPECT_EQ(CountType(records, "case.closed"), 1);
  EXPECT_EQ(CountType(records, "case.reopened"), 1);
  EXPECT_EQ(CountType(records, "case.timeline.read"), 1);
  EXPECT_EQ(CountType(records, "cases.denied"), 0);
  // The refused AddPerson on the closed case changed nothing and so was not recorded as a change.
  EXPECT_EQ(CountType(records, "case.person.added"), 0);
  EXPECT_EQ(static_cast<int>(records.size()), 11);
  for (const auto& r : records) {
    EXPECT_EQ(r.source_service(), "cases");
    EXPECT_EQ(r.checks().authorisation(), v1::AUDIT_CHECK_PASSED) << r.event_type();
    EXPECT_FALSE(r.user().principal_id().empty());
    EXPECT_FALSE(r.purpose_of_use().empty()) << r.event_type();
  }
  // The creation names the case and both persons (by pseudonymous id).
  for (const auto& r : records) {
    if (r.event_type() != "case.created") continue;
    std::set<std::string> persons;
    for (const auto& o : r.objects()) {
      if (o.type() == "person") persons.insert(o.id());
    }
    EXPECT_EQ(persons, (std::set<std::string>{c.persons(0).id(), c.persons(1).id()}));
    EXPECT_EQ(r.checks().care_relationship(), v1::AUDIT_CHECK_PASSED);
  }
}

TEST(CasesEventsTest, OpenCloseReopenWaitInTheOutboxForTheHandoverService) {
  CasesWorld world;
  auto f = world.MakeCase();
  v1::CloseCaseResponse closed;
  ASSERT_TRUE(world.As("dir")->CloseCase(Ctx().get(), CloseRequest(f.case_id), &closed).ok());
  v1::ReopenCaseRequest reopen;
  reopen.set_request_id(NewRandomId());
  reopen.set_case_id(f.case_id);
  reopen.set_reason("terugval");
  v1::ReopenCaseResponse reopened;
  ASSERT_TRUE(world.As("dir")->ReopenCase(Ctx().get(), reopen, &reopened).ok());
  // Delivering the audit records leaves the case events where they are (no consumer yet).
  ASSERT_TRUE(world.host().host().FlushOutboxes().ok());
  // Read the events from the service's own database file.
  auto cases_db = sqlite::Database::Open(world.host().data_dir() / "cases.db");
  ASSERT_TRUE(cases_db.ok());
  std::vector<v1::CaseEvent> events;
  ASSERT_TRUE((*cases_db)
                  ->Read([&](sqlite::Connection& c) -> absl::Status {
                    auto s = c.Prepare("SELECT payload FROM outbox WHERE topic = ? ORDER BY seq");
                    if (!s.ok()) return s.status();
                    s->Bind(1, cases::kCaseEventsTopic);
                    for (;;) {
                      auto row = s->Step();
                      if (!row.ok()) return row.status();
                      if (!*row) break;
                      v1::CaseEvent e;
                      e.ParseFromString(s->ColumnBlob(0));
                      events.push_back(e);
                    }
                    return absl::OkStatus();
                  })
                  .ok());
  // MakeCase adds the police, then mental-health care: each a team change, with the whole set.
  ASSERT_EQ(events.size(), 5u);
  EXPECT_EQ(events[0].type(), v1::CASE_EVENT_TYPE_OPENED);
  EXPECT_EQ(events[0].organisation_id(), testing::kVtOrg);
  EXPECT_EQ(events[0].director_professional_id(), "dir");
  EXPECT_EQ(events[0].director_organisation_id(), testing::kTeamOrg);
  EXPECT_EQ(events[1].type(), v1::CASE_EVENT_TYPE_TEAM_CHANGED);
  EXPECT_EQ(events[2].type(), v1::CASE_EVENT_TYPE_TEAM_CHANGED);
  EXPECT_EQ(events[3].type(), v1::CASE_EVENT_TYPE_CLOSED);
  EXPECT_EQ(events[4].type(), v1::CASE_EVENT_TYPE_REOPENED);
  using Orgs = std::vector<std::string>;
  auto orgs = [&](int i) {
    return Orgs(events[i].team_organisation_ids().begin(), events[i].team_organisation_ids().end());
  };
  EXPECT_EQ(orgs(0), (Orgs{"vt", "wijkteam"}));
  EXPECT_EQ(orgs(1), (Orgs{"politie", "vt", "wijkteam"}));
  EXPECT_EQ(orgs(4), (Orgs{"ggz", "politie", "vt", "wijkteam"}));
  for (const auto& e : events) EXPECT_EQ(e.case_id(), f.case_id);
}

// No name, BSN or address of a client appears in any file of the data directory.
TEST(CasesEncryptionTest, DatabaseFilesHoldNoPersonalDataInPlainText) {
  CasesWorld world;
  const std::vector<std::string> secrets = {"Zwaantje Oudebrug",     "123456782",
                                            "Lijnbaanstraat",        "2514 AB",
                                            "geheime traumanotitie", "Oudebrug"};
  v1::CreateCaseRequest create;
  create.set_request_id(NewRandomId());
  auto* p = create.add_persons();
  p->set_name("Zwaantje Oudebrug");
  p->set_bsn("123456782");
  *p->mutable_date_of_birth() = MakeDate(1979, 11, 2);
  p->mutable_address()->set_street("Lijnbaanstraat");
  p->mutable_address()->set_house_number("42");
  p->mutable_address()->set_postcode("2514 AB");
  p->mutable_address()->set_city("Den Haag");
  p->set_role(v1::PERSON_ROLE_VICTIM);
  *p->add_notes() = MakeNote(v1::SENSITIVITY_CARE, "geheime traumanotitie");
  v1::CreateCaseResponse created;
  grpc::Status st = world.As("vt")->CreateCase(Ctx().get(), create, &created);
  ASSERT_TRUE(st.ok()) << st.error_message();
  ASSERT_EQ(created.case_().persons(0).name(), "Zwaantje Oudebrug");  // decrypted on the way out
  // Search, reopen paths and the audit log all run; then every file is scanned.
  v1::FindCasesRequest find;
  find.set_name("  zwaantje   OUDEBRUG ");
  *find.mutable_date_of_birth() = MakeDate(1979, 11, 2);
  v1::FindCasesResponse found;
  ASSERT_TRUE(world.As("vt")->FindCases(Ctx().get(), find, &found).ok());
  ASSERT_EQ(found.cases_size(), 1);
  find.Clear();
  find.set_bsn("123456782");
  ASSERT_TRUE(world.As("vt")->FindCases(Ctx().get(), find, &found).ok());
  ASSERT_TRUE(world.host().host().FlushOutboxes().ok());
  int scanned = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(world.host().data_dir())) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ++scanned;
    for (const auto& secret : secrets) {
      EXPECT_EQ(bytes.find(secret), std::string::npos)
          << "'" << secret << "' in plain text in " << entry.path();
    }
  }
  EXPECT_GE(scanned, 3);
}

TEST(CasesIdempotencyTest, RetriesAndOneReportOneCase) {
  CasesWorld world;
  auto vt = world.As("vt");
  v1::CreateCaseRequest create;
  create.set_request_id("same-request");
  create.set_origin_report_id("vt-2026-000777");
  v1::CreateCaseResponse first, again;
  ASSERT_TRUE(vt->CreateCase(Ctx().get(), create, &first).ok());
  ASSERT_TRUE(vt->CreateCase(Ctx().get(), create, &again).ok());
  EXPECT_EQ(first.case_().id(), again.case_().id());
  // The same request id with another request is refused.
  create.mutable_details()->set_human_trafficking(true);
  v1::CreateCaseResponse changed;
  const grpc::Status st = vt->CreateCase(Ctx().get(), create, &changed);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(BadFields(st).count("request_id"));
  // Another request for the same report gives the same case to its team ...
  create.Clear();
  create.set_request_id("second-request");
  create.set_origin_report_id("vt-2026-000777");
  v1::CreateCaseResponse second;
  ASSERT_TRUE(vt->CreateCase(Ctx().get(), create, &second).ok());
  EXPECT_EQ(second.case_().id(), first.case_().id());
  // ... while another organisation's report with the same id is its own report: a case of its
  // own, and nothing about the first (report ids are scoped to their organisation).
  create.set_request_id("third-request");
  v1::CreateCaseResponse third;
  ASSERT_TRUE(world.As("outdir")->CreateCase(Ctx().get(), create, &third).ok());
  EXPECT_NE(third.case_().id(), first.case_().id());
  // One case in all.
  v1::ListMyCasesResponse mine;
  ASSERT_TRUE(vt->ListMyCases(Ctx().get(), {}, &mine).ok());
  EXPECT_EQ(mine.cases_size(), 1);

  // A retried mutation changes nothing twice.
  v1::AddPersonRequest add;
  add.set_request_id("add-once");
  add.set_case_id(first.case_().id());
  add.mutable_person()->set_name("Kind");
  add.mutable_person()->set_role(v1::PERSON_ROLE_CHILD);
  v1::AddPersonResponse a1, a2;
  ASSERT_TRUE(vt->AddPerson(Ctx().get(), add, &a1).ok());
  ASSERT_TRUE(vt->AddPerson(Ctx().get(), add, &a2).ok());
  EXPECT_EQ(a1.person().id(), a2.person().id());
  EXPECT_EQ(world.Get("vt", first.case_().id()).persons_size(), 1);
  EXPECT_EQ(CountType(world.AuditRecordsAbout(first.case_().id()), "case.person.added.replayed"),
            1);
}

// A retry answers from the stored first answer only while the caller may still see the case.
TEST(CasesIdempotencyTest, ARemovedMembersRetryIsRefused) {
  CasesWorld world;
  const auto f = world.MakeCase();
  v1::AddPersonRequest add;
  add.set_request_id("core-adds");
  add.set_case_id(f.case_id);
  add.mutable_person()->set_name("Buurvrouw");
  add.mutable_person()->set_role(v1::PERSON_ROLE_NETWORK);
  v1::AddPersonResponse out;
  ASSERT_TRUE(world.As("core")->AddPerson(Ctx().get(), add, &out).ok());
  v1::RemoveTeamMemberRequest remove;
  remove.set_request_id(NewRandomId());
  remove.set_case_id(f.case_id);
  remove.set_professional_id("core");
  v1::RemoveTeamMemberResponse removed;
  ASSERT_TRUE(world.As("dir")->RemoveTeamMember(Ctx().get(), remove, &removed).ok());
  v1::AddPersonResponse retried;
  EXPECT_EQ(world.As("core")->AddPerson(Ctx().get(), add, &retried).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_FALSE(retried.has_person());
}

TEST(CasesIdempotencyTest, StaleEtagIsAborted) {
  CasesWorld world;
  const auto f = world.MakeCase();
  v1::UpdateCaseRequest update;
  update.set_request_id(NewRandomId());
  update.set_case_id(f.case_id);
  update.set_etag(f.etag);
  update.mutable_details()->add_violence_kinds(v1::VIOLENCE_KIND_CHILD_NEGLECT);
  v1::UpdateCaseResponse out;
  ASSERT_TRUE(world.As("dir")->UpdateCase(Ctx().get(), update, &out).ok());
  EXPECT_NE(out.case_().etag(), f.etag);
  EXPECT_EQ(out.case_().etag(), world.Get("dir", f.case_id).etag());
  update.set_request_id(NewRandomId());  // a second writer with the old etag
  EXPECT_EQ(world.As("core")->UpdateCase(Ctx().get(), update, &out).error_code(),
            grpc::StatusCode::ABORTED);
  // A stale person etag too.
  v1::UpdatePersonRequest person;
  person.set_request_id(NewRandomId());
  person.set_case_id(f.case_id);
  person.mutable_person()->set_id(f.person_ids[1]);
  person.mutable_person()->set_etag(f.person_etags[1]);
  person.mutable_person()->set_name("Bram");
  person.mutable_person()->set_role(v1::PERSON_ROLE_EX_PARTNER);
  v1::UpdatePersonResponse pout;
  ASSERT_TRUE(world.As("dir")->UpdatePerson(Ctx().get(), person, &pout).ok());
  person.set_request_id(NewRandomId());
  EXPECT_EQ(world.As("dir")->UpdatePerson(Ctx().get(), person, &pout).error_code(),
            grpc::StatusCode::ABORTED);
}

// Notes hidden from the editor survive an update that could not see them.
TEST(CasesRedactionTest, UpdateByAnOrganisationThatCannotSeeANoteKeepsIt) {
  CasesWorld world;
  const auto f = world.MakeCase();
  const v1::Case police_view = world.Get("core", f.case_id);
  v1::UpdatePersonRequest req;
  req.set_request_id(NewRandomId());
  req.set_case_id(f.case_id);
  *req.mutable_person() = police_view.persons(0);  // with the CARE note hidden
  req.mutable_person()->clear_bsn_masked();
  req.mutable_person()->set_name("Anna de Boer-Jansen");
  v1::UpdatePersonResponse out;
  grpc::Status st = world.As("core")->UpdatePerson(Ctx().get(), req, &out);
  ASSERT_TRUE(st.ok()) << st.error_message();
  const v1::Case director_view = world.Get("dir", f.case_id);
  EXPECT_EQ(director_view.persons(0).name(), "Anna de Boer-Jansen");
  bool care_kept = false;
  for (const auto& n : director_view.persons(0).notes()) {
    if (n.id() == f.care_note_id) care_kept = n.text() == "trauma";
  }
  EXPECT_TRUE(care_kept);
  EXPECT_EQ(director_view.persons(0).bsn_masked(), "******333");  // an empty bsn keeps it
}

TEST(CasesValidationTest, EveryBadFieldIsNamedAndNothingIsWritten) {
  CasesWorld world;
  const auto f = world.MakeCase();
  auto dir = world.As("dir");

  v1::AddPersonRequest add;
  add.set_request_id(NewRandomId());
  add.set_case_id(f.case_id);
  add.mutable_person()->set_name(std::string(201, 'x'));
  add.mutable_person()->set_bsn("123456789");  // fails the elfproef
  *add.mutable_person()->mutable_date_of_birth() = MakeDate(2999, 1, 1);
  add.mutable_person()->mutable_address()->set_city(std::string(201, 'y'));
  *add.mutable_person()->add_notes() = MakeNote(v1::SENSITIVITY_UNSPECIFIED, "zonder niveau");
  v1::AddPersonResponse add_out;
  grpc::Status st = dir->AddPerson(Ctx().get(), add, &add_out);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(BadFields(st), (std::set<std::string>{
                               "person.name", "person.bsn", "person.date_of_birth", "person.role",
                               "person.address.city", "person.notes[0].sensitivity"}));

  v1::AddRelationRequest rel;
  rel.set_request_id(NewRandomId());
  rel.set_case_id(f.case_id);
  rel.mutable_relation()->set_from_person_id(f.person_ids[0]);
  rel.mutable_relation()->set_to_person_id(f.person_ids[0]);
  rel.mutable_relation()->set_type(v1::RELATION_TYPE_SIBLING);
  v1::AddRelationResponse rel_out;
  st = dir->AddRelation(Ctx().get(), rel, &rel_out);
  EXPECT_EQ(BadFields(st), (std::set<std::string>{"relation.to_person_id"}));
  rel.mutable_relation()->set_to_person_id("unknown-person");
  st = dir->AddRelation(Ctx().get(), rel, &rel_out);
  EXPECT_EQ(BadFields(st), (std::set<std::string>{"relation.to_person_id"}));

  v1::RemoveTeamMemberRequest remove;
  remove.set_request_id(NewRandomId());
  remove.set_case_id(f.case_id);
  remove.set_professional_id("dir");
  v1::RemoveTeamMemberResponse remove_out;
  st = dir->RemoveTeamMember(Ctx().get(), remove, &remove_out);
  EXPECT_EQ(BadFields(st), (std::set<std::string>{"professional_id"}));

  v1::CloseCaseRequest close = CloseRequest(f.case_id);
  close.clear_reason();
  close.mutable_checklist()->set_follow_up_agreed(false);
  v1::CloseCaseResponse close_out;
  st = dir->CloseCase(Ctx().get(), close, &close_out);
  EXPECT_EQ(BadFields(st), (std::set<std::string>{"reason", "checklist.follow_up_agreed"}));

  v1::AddTeamMemberRequest member;
  member.set_request_id(NewRandomId());
  member.set_case_id(f.case_id);
  member.set_professional_id("extra");
  member.set_organisation_id("no-such-org");
  member.set_role(v1::CASE_ROLE_CASE_DIRECTOR);
  v1::AddTeamMemberResponse member_out;
  st = dir->AddTeamMember(Ctx().get(), member, &member_out);
  EXPECT_EQ(BadFields(st), (std::set<std::string>{"role"}));
  member.set_role(v1::CASE_ROLE_CORE_TEAM);
  st = dir->AddTeamMember(Ctx().get(), member, &member_out);
  EXPECT_EQ(BadFields(st), (std::set<std::string>{"organisation_id"}));

  v1::RecordMeetingRequest meeting;
  meeting.set_request_id(NewRandomId());
  meeting.set_case_id(f.case_id);
  *meeting.mutable_meeting()->mutable_date() = MakeDate(2026, 2, 30);
  *meeting.mutable_meeting()->mutable_minutes() =
      MakeNote(v1::SENSITIVITY_GENERAL, std::string(4001, 'm'));
  auto* decision = meeting.mutable_meeting()->add_decisions();
  *decision->mutable_text() = MakeNote(v1::SENSITIVITY_GENERAL, "besluit");
  decision->mutable_action()->set_description("actie");
  decision->mutable_action()->set_owner_organisation_id(testing::kOtherOrg);  // not on the team
  *decision->mutable_action()->mutable_due_date() = MakeDate(2030, 1, 1);
  decision->mutable_action()->set_sensitivity(v1::SENSITIVITY_GENERAL);
  v1::RecordMeetingResponse meeting_out;
  st = dir->RecordMeeting(Ctx().get(), meeting, &meeting_out);
  EXPECT_EQ(BadFields(st),
            (std::set<std::string>{"meeting.date", "meeting.attendees", "meeting.minutes.text"}));
  // Fixed those, the organisation not on the team is named.
  *meeting.mutable_meeting()->mutable_date() = MakeDate(2026, 2, 3);
  meeting.mutable_meeting()->mutable_minutes()->set_text("kort");
  auto* att = meeting.mutable_meeting()->add_attendees();
  att->set_professional_id("dir");
  att->set_organisation_id(testing::kTeamOrg);
  st = dir->RecordMeeting(Ctx().get(), meeting, &meeting_out);
  EXPECT_EQ(BadFields(st),
            (std::set<std::string>{"meeting.decisions[0].action.owner_organisation_id"}));

  // Nothing of it was written.
  EXPECT_EQ(world.Get("dir", f.case_id).etag(), f.etag);
}

TEST(CasesTeamTest, ExactlyOneDirectorThroughTransfers) {
  CasesWorld world;
  const auto f = world.MakeCase();
  v1::TransferDirectorRequest transfer;
  transfer.set_request_id(NewRandomId());
  transfer.set_case_id(f.case_id);
  transfer.set_to_professional_id("core");
  v1::TransferDirectorResponse out;
  ASSERT_TRUE(world.As("dir")->TransferDirector(Ctx().get(), transfer, &out).ok());
  int directors = 0;
  for (const auto& m : out.team()) {
    if (m.role() == v1::CASE_ROLE_CASE_DIRECTOR) {
      ++directors;
      EXPECT_EQ(m.professional_id(), "core");
    }
    if (m.professional_id() == "dir") {
      EXPECT_EQ(m.role(), v1::CASE_ROLE_CORE_TEAM);
    }
  }
  EXPECT_EQ(directors, 1);
  // The old director can no longer act as one; the new one can.
  transfer.set_request_id(NewRandomId());
  transfer.set_to_professional_id("inv");
  EXPECT_EQ(world.As("dir")->TransferDirector(Ctx().get(), transfer, &out).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  transfer.set_request_id(NewRandomId());
  transfer.set_to_professional_id("dir");
  ASSERT_TRUE(world.As("core")->TransferDirector(Ctx().get(), transfer, &out).ok());
  // History keeps every role period.
  const v1::Case c = world.Get("dir", f.case_id);
  int current_directors = 0, former = 0;
  for (const auto& m : c.team()) {
    if (!m.has_end_time() && m.role() == v1::CASE_ROLE_CASE_DIRECTOR) ++current_directors;
    if (m.has_end_time()) ++former;
  }
  EXPECT_EQ(current_directors, 1);
  EXPECT_EQ(former, 4);
}

TEST(CasesSpecialGroupsTest, HonourRelatedViolenceIsShownEverywhereAndKeepsTheFamilyOut) {
  CasesWorld world;
  const auto f = world.MakeCase(/*honour_related=*/true);
  const v1::Case c = world.Get("inv", f.case_id);
  ASSERT_FALSE(c.notices().empty());
  EXPECT_NE(c.notices(0).find("Eergerelateerd geweld"), std::string::npos);
  v1::GetTimelineRequest tl;
  tl.set_case_id(f.case_id);
  v1::GetTimelineResponse timeline;
  ASSERT_TRUE(world.As("core")->GetTimeline(Ctx().get(), tl, &timeline).ok());
  ASSERT_FALSE(timeline.notices().empty());
  v1::ListMyCasesResponse mine;
  ASSERT_TRUE(world.As("core")->ListMyCases(Ctx().get(), {}, &mine).ok());
  ASSERT_EQ(mine.cases_size(), 1);
  EXPECT_TRUE(mine.cases(0).honour_related_violence());
  // A meeting with the family is refused.
  v1::RecordMeetingRequest meeting;
  meeting.set_request_id(NewRandomId());
  meeting.set_case_id(f.case_id);
  *meeting.mutable_meeting()->mutable_date() = MakeDate(2026, 2, 3);
  auto* att = meeting.mutable_meeting()->add_attendees();
  att->set_professional_id("dir");
  att->set_organisation_id(testing::kTeamOrg);
  meeting.mutable_meeting()->set_family_took_part(true);
  v1::RecordMeetingResponse out;
  const grpc::Status st = world.As("dir")->RecordMeeting(Ctx().get(), meeting, &out);
  EXPECT_EQ(BadFields(st), (std::set<std::string>{"meeting.family_took_part"}));
}

TEST(CasesSpecialGroupsTest, HumanTraffickingNeedsConsentBeforeANewOrganisationJoins) {
  CasesWorld world;
  v1::CreateCaseRequest create;
  create.set_request_id(NewRandomId());
  create.mutable_details()->set_human_trafficking(true);
  v1::CreateCaseResponse created;
  ASSERT_TRUE(world.As("dir")->CreateCase(Ctx().get(), create, &created).ok());
  const std::string id = created.case_().id();
  v1::AddTeamMemberRequest add;
  add.set_request_id(NewRandomId());
  add.set_case_id(id);
  add.set_professional_id("core");
  add.set_organisation_id(testing::kPoliceOrg);
  add.set_role(v1::CASE_ROLE_CORE_TEAM);
  v1::AddTeamMemberResponse out;
  EXPECT_EQ(world.As("dir")->AddTeamMember(Ctx().get(), add, &out).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  // A colleague of the director's own organisation may join.
  v1::AddTeamMemberRequest colleague = add;
  colleague.set_request_id(NewRandomId());
  colleague.set_professional_id("extra");
  colleague.set_organisation_id(testing::kTeamOrg);
  EXPECT_TRUE(world.As("dir")->AddTeamMember(Ctx().get(), colleague, &out).ok());
  // With consent recorded the police may join.
  v1::UpdateCaseRequest update;
  update.set_request_id(NewRandomId());
  update.set_case_id(id);
  update.set_etag(world.Get("dir", id).etag());
  update.mutable_details()->set_human_trafficking(true);
  update.mutable_details()->mutable_consent()->set_recorded(true);
  *update.mutable_details()->mutable_consent()->mutable_date() = MakeDate(2026, 1, 2);
  v1::UpdateCaseResponse updated;
  ASSERT_TRUE(world.As("dir")->UpdateCase(Ctx().get(), update, &updated).ok());
  add.set_request_id(NewRandomId());
  EXPECT_TRUE(world.As("dir")->AddTeamMember(Ctx().get(), add, &out).ok());
}

TEST(CasesTimelineTest, EventsFromOtherServicesAreIdempotentAndRedacted) {
  CasesWorld world;
  const auto f = world.MakeCase();
  auto svc = world.As("service");
  v1::RecordCaseEventsRequest req;
  auto* e = req.add_events();
  e->set_source_service("handover");
  e->set_source_sequence(7);
  e->set_case_id(f.case_id);
  e->set_type("handover.accepted");
  e->mutable_time()->set_seconds(1'790'000'000);
  e->set_sensitivity(v1::SENSITIVITY_CARE);
  e->set_summary("overdracht aan GGZ geaccepteerd");
  v1::RecordCaseEventsResponse out;
  ASSERT_TRUE(svc->RecordCaseEvents(Ctx().get(), req, &out).ok());
  EXPECT_EQ(out.duplicates(), 0);
  ASSERT_TRUE(svc->RecordCaseEvents(Ctx().get(), req, &out).ok());
  EXPECT_EQ(out.duplicates(), 1);
  // An unknown case is named.
  req.mutable_events(0)->set_case_id("no-such-case");
  req.mutable_events(0)->set_source_sequence(8);
  EXPECT_EQ(BadFields(svc->RecordCaseEvents(Ctx().get(), req, &out)),
            (std::set<std::string>{"events[0].case_id"}));

  auto handover_events = [&](const std::string& who) {
    v1::GetTimelineRequest tl;
    tl.set_case_id(f.case_id);
    v1::GetTimelineResponse timeline;
    EXPECT_TRUE(world.As(who)->GetTimeline(Ctx().get(), tl, &timeline).ok());
    std::vector<v1::TimelineEvent> out_events;
    for (const auto& ev : timeline.events()) {
      if (ev.type() == "handover.accepted") out_events.push_back(ev);
    }
    return out_events;
  };
  const auto for_ggz = handover_events("inv");
  ASSERT_EQ(for_ggz.size(), 1u);
  EXPECT_EQ(for_ggz[0].summary().text(), "overdracht aan GGZ geaccepteerd");
  // Keyed by the calling service principal: it cannot write under another service's name.
  EXPECT_EQ(for_ggz[0].source_service(), "handover/handover");
  const auto for_police = handover_events("core");
  ASSERT_EQ(for_police.size(), 1u);
  EXPECT_TRUE(for_police[0].summary().hidden());

  // Paging walks the whole timeline once.
  std::vector<int64_t> seqs;
  std::string token;
  do {
    v1::GetTimelineRequest tl;
    tl.set_case_id(f.case_id);
    tl.set_page_size(2);
    tl.set_page_token(token);
    v1::GetTimelineResponse page;
    ASSERT_TRUE(world.As("dir")->GetTimeline(Ctx().get(), tl, &page).ok());
    for (const auto& ev : page.events()) seqs.push_back(ev.sequence());
    token = page.next_page_token();
  } while (!token.empty());
  EXPECT_TRUE(std::is_sorted(seqs.begin(), seqs.end()));
  EXPECT_EQ(std::set<int64_t>(seqs.begin(), seqs.end()).size(), seqs.size());
  EXPECT_GE(seqs.size(), 5u);
}

TEST(CasesListTest, ListMyCasesPagesAndFilters) {
  CasesWorld world;
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(world.MakeCase().case_id);
  v1::CloseCaseResponse closed;
  ASSERT_TRUE(world.As("dir")->CloseCase(Ctx().get(), CloseRequest(ids[0]), &closed).ok());
  std::vector<std::string> seen;
  std::string token;
  do {
    v1::ListMyCasesRequest req;
    req.set_page_size(2);
    req.set_page_token(token);
    v1::ListMyCasesResponse page;
    ASSERT_TRUE(world.As("dir")->ListMyCases(Ctx().get(), req, &page).ok());
    EXPECT_LE(page.cases_size(), 2);
    for (const auto& c : page.cases()) seen.push_back(c.id());
    token = page.next_page_token();
  } while (!token.empty());
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()),
            std::set<std::string>(ids.begin(), ids.end()));
  EXPECT_EQ(seen.size(), ids.size());
  v1::ListMyCasesRequest req;
  req.set_status(v1::CASE_STATUS_CLOSED);
  v1::ListMyCasesResponse out;
  ASSERT_TRUE(world.As("dir")->ListMyCases(Ctx().get(), req, &out).ok());
  ASSERT_EQ(out.cases_size(), 1);
  EXPECT_EQ(out.cases(0).id(), ids[0]);
  req.Clear();
  req.set_role(v1::CASE_ROLE_OVERSIGHT);
  ASSERT_TRUE(world.As("sup")->ListMyCases(Ctx().get(), req, &out).ok());
  EXPECT_EQ(out.cases_size(), 5);
  req.set_role(v1::CASE_ROLE_INVOLVED);
  ASSERT_TRUE(world.As("inv")->ListMyCases(Ctx().get(), req, &out).ok());
  EXPECT_EQ(out.cases_size(), 5);
  ASSERT_TRUE(world.As("outsider")->ListMyCases(Ctx().get(), {}, &out).ok());
  EXPECT_EQ(out.cases_size(), 0);
}

}  // namespace
}  // namespace schakel
