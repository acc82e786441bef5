// Issue 11 for the cases service: free text outside notes under need-to-know (item 5), and BSN
// searches with a budget, a keyed hash in the audit record and a flag on a burst of misses
// (item 6). Real host, real SQLite, real mutual TLS.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "schakel/v1/audit.grpc.pb.h"
#include "services/cases/case_rules.h"
#include "tests/integration/cases_fixture.h"

namespace schakel::testing {
namespace {

constexpr char kHidden[] = "verborgen voor uw organisatie";
constexpr char kCareText[] = "Trajecten van wijkteam en GGZ zonder resultaat.";
constexpr char kJusticeText[] = "Toestemming voor delen met OM vastgelegd.";
constexpr char kClosureText[] = "Moeder stabiel na GGZ-opname.";
constexpr char kReopenText[] = "Terugval in behandeling bij GGZ.";

bool Hidden(const std::string& text) { return text.find(kHidden) != std::string::npos; }

// A case opened by Veilig Thuis with a criterion note without sensitivity (Veilig Thuis's
// default: CARE) and a JUSTICE consent note; police ("core") and GGZ ("inv") on the team.
std::string OpenCaseWithTexts(CasesWorld& world) {
  v1::CreateCaseRequest create;
  create.set_request_id(NewRandomId());
  create.set_director_professional_id("dir");
  auto* d = create.mutable_details();
  d->add_violence_kinds(v1::VIOLENCE_KIND_PARTNER_VIOLENCE);
  d->mutable_criteria()->mutable_regular_help_exhausted()->set_state(v1::CRITERION_STATE_MET);
  d->mutable_criteria()->mutable_regular_help_exhausted()->set_note(kCareText);
  d->mutable_consent()->set_note(kJusticeText);
  d->mutable_consent()->set_note_sensitivity(v1::SENSITIVITY_JUSTICE);
  v1::CreateCaseResponse created;
  grpc::Status st = world.As("vt")->CreateCase(Ctx().get(), create, &created);
  EXPECT_TRUE(st.ok()) << st.error_message();
  world.AddMember(created.case_().id(), "core", kPoliceOrg, v1::CASE_ROLE_CORE_TEAM);
  world.AddMember(created.case_().id(), "inv", kGgzOrg, v1::CASE_ROLE_INVOLVED);
  return created.case_().id();
}

std::vector<v1::TimelineEvent> EventsOfType(CasesWorld& world, const std::string& who,
                                            const std::string& case_id, const std::string& type) {
  v1::GetTimelineRequest req;
  req.set_case_id(case_id);
  req.set_page_size(100);
  v1::GetTimelineResponse resp;
  EXPECT_TRUE(world.As(who)->GetTimeline(Ctx().get(), req, &resp).ok());
  std::vector<v1::TimelineEvent> out;
  for (const auto& e : resp.events()) {
    if (e.type() == type) out.push_back(e);
  }
  return out;
}

TEST(CasesSecurityTest, FreeTextOutsideNotesIsRedactedByOrganisationType) {
  CasesWorld world;
  const std::string case_id = OpenCaseWithTexts(world);

  // The police read the case: the care criterion note is hidden, visibly; the justice consent
  // note is theirs to see.
  const v1::Case police = world.Get("core", case_id);
  const v1::Criterion& police_note = police.details().criteria().regular_help_exhausted();
  EXPECT_TRUE(Hidden(police_note.note())) << police_note.note();
  EXPECT_TRUE(police_note.note_hidden());
  EXPECT_EQ(police_note.note_sensitivity(), v1::SENSITIVITY_CARE);
  EXPECT_EQ(police.details().consent().note(), kJusticeText);
  // The writer's organisation, and care, see the criterion note; care does not see the consent.
  EXPECT_EQ(world.Get("vt", case_id).details().criteria().regular_help_exhausted().note(),
            kCareText);
  const v1::Case ggz = world.Get("inv", case_id);
  EXPECT_EQ(ggz.details().criteria().regular_help_exhausted().note(), kCareText);
  EXPECT_TRUE(Hidden(ggz.details().consent().note()));
  EXPECT_TRUE(ggz.details().consent().note_hidden());

  // The police write back what they read: the hidden text is kept, not overwritten.
  v1::UpdateCaseRequest update;
  update.set_request_id(NewRandomId());
  update.set_case_id(case_id);
  update.set_etag(police.etag());
  *update.mutable_details() = police.details();
  update.mutable_details()->add_violence_kinds(v1::VIOLENCE_KIND_CHILD_NEGLECT);
  v1::UpdateCaseResponse updated;
  grpc::Status st = world.As("core")->UpdateCase(Ctx().get(), update, &updated);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_TRUE(updated.case_().details().criteria().regular_help_exhausted().note_hidden());
  const v1::Case vt = world.Get("vt", case_id);
  EXPECT_EQ(vt.details().criteria().regular_help_exhausted().note(), kCareText);
  EXPECT_EQ(vt.details().violence_kinds_size(), 2);

  // Closure reason (the local-team director's default: CARE) and the reopen reason on the
  // timeline.
  v1::CloseCaseRequest close = CloseRequest(case_id);
  close.set_reason(kClosureText);
  v1::CloseCaseResponse closed;
  st = world.As("dir")->CloseCase(Ctx().get(), close, &closed);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(closed.case_().closure().reason(), kClosureText);
  const v1::Closure police_closure = world.Get("core", case_id).closure();
  EXPECT_TRUE(Hidden(police_closure.reason())) << police_closure.reason();
  EXPECT_TRUE(police_closure.hidden());
  EXPECT_EQ(world.Get("inv", case_id).closure().reason(), kClosureText);

  v1::ReopenCaseRequest reopen;
  reopen.set_request_id(NewRandomId());
  reopen.set_case_id(case_id);
  reopen.set_reason(kReopenText);
  v1::ReopenCaseResponse reopened;
  st = world.As("dir")->ReopenCase(Ctx().get(), reopen, &reopened);
  ASSERT_TRUE(st.ok()) << st.error_message();
  const auto police_events = EventsOfType(world, "core", case_id, "case.reopened");
  ASSERT_EQ(police_events.size(), 1u);
  EXPECT_TRUE(police_events[0].summary().hidden());
  EXPECT_EQ(police_events[0].summary().text().find(kReopenText), std::string::npos);
  const auto ggz_events = EventsOfType(world, "inv", case_id, "case.reopened");
  ASSERT_EQ(ggz_events.size(), 1u);
  EXPECT_NE(ggz_events[0].summary().text().find(kReopenText), std::string::npos);

  // A sensitivity that is set must be a known one.
  reopen.set_request_id(NewRandomId());
  reopen.set_sensitivity(static_cast<v1::Sensitivity>(42));
  EXPECT_EQ(world.As("dir")->ReopenCase(Ctx().get(), reopen, &reopened).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

// The n-th valid BSN from 100000000 on, skipping `skip`.
std::vector<std::string> ValidBsns(int n, const std::string& skip) {
  std::vector<std::string> out;
  for (int i = 100000000; static_cast<int>(out.size()) < n; ++i) {
    const std::string s = std::to_string(i);
    if (cases::IsValidBsn(s) && s != skip) out.push_back(s);
  }
  return out;
}

std::vector<v1::AuditRecord> RecordsOf(CasesWorld& world, const std::string& principal,
                                       const std::string& event_type) {
  EXPECT_TRUE(world.host().host().FlushOutboxes().ok());
  auto stub = v1::AuditService::NewStub(world.host().ChannelAs("auditor", kOperatorOrg));
  v1::QueryEntriesRequest req;
  req.set_principal_id(principal);
  req.set_event_type(event_type);
  req.set_purpose("test");
  req.set_page_size(1000);
  v1::QueryEntriesResponse resp;
  grpc::Status st = stub->QueryEntries(Ctx().get(), req, &resp);
  EXPECT_TRUE(st.ok()) << st.error_message();
  std::vector<v1::AuditRecord> out;
  for (const auto& e : resp.entries()) out.push_back(e.record());
  return out;
}

std::string SearchHashOf(const v1::AuditRecord& r) {
  for (const auto& o : r.objects()) {
    if (o.type() == "bsn_search") return o.id();
  }
  return "";
}

TEST(CasesSecurityTest, BsnSearchesHaveABudgetAKeyedHashAndAProbeFlag) {
  CasesWorld world;
  const auto f = world.MakeCase();  // Anna de Boer, BSN 111222333
  auto core = world.As("core");
  auto search = [&](const std::string& bsn, v1::FindCasesResponse* out) {
    v1::FindCasesRequest req;
    req.set_bsn(bsn);
    return core->FindCases(Ctx().get(), req, out);
  };
  v1::FindCasesResponse found;
  ASSERT_TRUE(search("111222333", &found).ok());
  ASSERT_EQ(found.cases_size(), 1);
  ASSERT_TRUE(search("111222333", &found).ok());
  // 28 guesses that find nothing: the 10th is flagged; the budget (30 an hour) is then spent.
  const std::vector<std::string> guesses = ValidBsns(29, "111222333");
  for (int i = 0; i < 28; ++i) {
    grpc::Status st = search(guesses[i], &found);
    ASSERT_TRUE(st.ok()) << i << ": " << st.error_message();
    EXPECT_EQ(found.cases_size(), 0);
  }
  grpc::Status refused = search(guesses[28], &found);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED) << refused.error_message();
  // The budget is per professional.
  v1::FindCasesRequest other;
  other.set_bsn("111222333");
  EXPECT_TRUE(world.As("colleague")->FindCases(Ctx().get(), other, &found).ok());

  // Every search's record holds a keyed hash of the number: the same for the same number,
  // another for another, never the number itself; the refused search is on record too.
  const auto records = RecordsOf(world, "core", "case.search.bsn");
  ASSERT_EQ(records.size(), 31u);
  std::vector<std::string> hashes;
  int denied = 0;
  for (const auto& r : records) {
    hashes.push_back(SearchHashOf(r));
    EXPECT_EQ(hashes.back().size(), 64u);
    const std::string bytes = r.SerializeAsString();
    EXPECT_EQ(bytes.find("111222333"), std::string::npos);
    if (r.outcome() == v1::AUDIT_OUTCOME_DENIED) ++denied;
  }
  EXPECT_EQ(denied, 1);
  EXPECT_EQ(hashes[0], hashes[1]);
  EXPECT_NE(hashes[0], hashes[2]);
  EXPECT_NE(hashes[2], hashes[3]);

  // One burst of misses, one flag, naming the professional.
  const auto flags = RecordsOf(world, "core", "case.search.bsn_probe_suspected");
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].user().principal_id(), "core");
  EXPECT_TRUE(RecordsOf(world, "colleague", "case.search.bsn_probe_suspected").empty());
  (void)f;
}

// Item 9: a refused look names what was asked for, inside the audit record; the answer is the same
// for a missing and a foreign case.
TEST(CasesSecurityTest, ARefusalNamesTheCaseOrTheSearchAskedFor) {
  CasesWorld world;
  const auto f = world.MakeCase();
  v1::GetCaseRequest get;
  get.set_case_id(f.case_id);
  v1::GetCaseResponse got;
  const grpc::Status foreign = world.As("outsider")->GetCase(Ctx().get(), get, &got);
  get.set_case_id("no-such-case");
  const grpc::Status missing = world.As("outsider")->GetCase(Ctx().get(), get, &got);
  EXPECT_EQ(foreign.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(missing.error_code(), foreign.error_code());
  EXPECT_EQ(missing.error_message(), foreign.error_message());
  // Refused by the table before any handler ran: the administrator, who never sees client data.
  get.set_case_id(f.case_id);
  EXPECT_EQ(world.As("admin")->GetCase(Ctx().get(), get, &got).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  v1::FindCasesRequest find;
  find.set_bsn("111222333");
  v1::FindCasesResponse found;
  EXPECT_EQ(world.As("admin")->FindCases(Ctx().get(), find, &found).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(world.As("core")->FindCases(Ctx().get(), find, &found).ok());

  auto denied_by = [](const std::vector<v1::AuditRecord>& records, const std::string& who) {
    int n = 0;
    for (const auto& r : records) {
      if (r.outcome() == v1::AUDIT_OUTCOME_DENIED && r.user().principal_id() == who) ++n;
    }
    return n;
  };
  const auto about_case = world.AuditRecordsAbout(f.case_id);
  EXPECT_EQ(denied_by(about_case, "outsider"), 1);
  EXPECT_EQ(denied_by(about_case, "admin"), 1);
  EXPECT_EQ(denied_by(world.AuditRecordsAbout("no-such-case"), "outsider"), 1);
  // The refused search carries the same keyed hash as an allowed search for the number.
  const auto searches = RecordsOf(world, "core", "case.search.bsn");
  ASSERT_EQ(searches.size(), 1u);
  const auto by_hash = world.AuditRecordsAbout(SearchHashOf(searches[0]));
  EXPECT_EQ(denied_by(by_hash, "admin"), 1);
}

TEST(CasesSecurityTest, ReportIdsAreScopedToTheOrganisationThatOwnsThem) {
  // Before: origin_report_id was unique across the region, so another organisation using the same
  // id got ALREADY_EXISTS (learning that the report exists) or claimed it first.
  CasesWorld world;
  auto open = [&](const std::string& who) {
    v1::CreateCaseRequest create;
    create.set_request_id(NewRandomId());
    create.set_origin_report_id("melding-2026-0042");
    create.set_director_professional_id(who == "vt" ? "dir" : "");
    create.mutable_details()->add_violence_kinds(v1::VIOLENCE_KIND_PARTNER_VIOLENCE);
    v1::CreateCaseResponse created;
    const grpc::Status st = world.As(who)->CreateCase(Ctx().get(), create, &created);
    EXPECT_TRUE(st.ok()) << who << ": " << st.error_code() << " " << st.error_message();
    return created.case_();
  };
  const v1::Case vt_case = open("vt");
  const v1::Case other_case = open("outdir");  // another organisation, the same report id
  EXPECT_NE(other_case.id(), vt_case.id());
  EXPECT_EQ(other_case.origin_report_id(), "melding-2026-0042");
  EXPECT_EQ(vt_case.origin_report_id(), "melding-2026-0042");
  // Within the organisation the report still opens one case only.
  EXPECT_EQ(open("vt").id(), vt_case.id());
}

}  // namespace
}  // namespace schakel::testing
