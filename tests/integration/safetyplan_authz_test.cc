// SafetyPlanService authorization, exhaustively: every RPC × every caller, where the callers
// cover each relation to the case (director, core team of Veilig Thuis, the local team and the
// police, an involved care partner, oversight of a team organisation, a professional elsewhere,
// the administrator, another service). Each cell gets a fresh case with an active plan (version
// 1) and a draft (version 2); the expected matrix is written out here, independent of the
// service's table. A refused call must change nothing.
#include <functional>
#include <map>
#include <utility>

#include <gtest/gtest.h>

#include "tests/integration/safetyplan_fixture.h"
#include "tests/support/authz_matrix.h"

namespace schakel {
namespace {

using testing::PCtx;
using testing::PlanWorld;

// dir: case director (local team). vt: Veilig Thuis, opened the case (core team). wt: local
// team, core team. agent: police, core team. ggz: care partner, involved (reads, does not edit).
// vtsup: SUPERVISOR of Veilig Thuis, wtaud: AUDITOR of the local team (oversight: read only).
// outsider: a local team elsewhere. ontvanger: a care professional whose organisation a handover
// of the case waits for (the receiver may read the handover, not the plan: it is not on the team).
// clang-format off
const testing::AuthzMatrix kMatrix = {
    .service = v1::SafetyPlanService::service_full_name(),
    .callers = {"dir", "vt", "wt", "agent", "ggz", "vtsup", "wtaud", "outsider", "ontvanger",
                "admin", "service"},
    .allowed = {
        //                          dir    vt     wt     agent  ggz    vtsup  wtaud  outsdr ontvgr admin  svc
        {"GetPlan",              {true,  true,  true,  true,  true,  true,  true,  false, false, false, false}},
        {"GetPlanDiff",          {true,  true,  true,  true,  true,  true,  true,  false, false, false, false}},
        {"ListRiskInstruments",  {true,  true,  true,  true,  true,  true,  true,  false, false, false, false}},
        {"StartDraft",           {true,  true,  true,  true,  false, false, false, false, false, false, false}},
        {"UpdateDraft",          {true,  true,  true,  true,  false, false, false, false, false, false, false}},
        {"ProposeVersion",       {true,  true,  true,  true,  false, false, false, false, false, false, false}},
        {"RecordRiskInstrument", {true,  true,  true,  true,  false, false, false, false, false, false, false}},
        {"SignOffVersion",       {true,  true,  false, false, false, false, false, false, false, false, false}},
        {"RecordFamilyAgreement",{true,  false, false, false, false, false, false, false, false, false, false}},
        {"EvaluatePlan",         {true,  false, false, false, false, false, false, false, false, false, false}},
        {"RecordIncident",       {true,  true,  true,  true,  false, false, false, false, false, false, false}},
        // Each their own inbox: every professional and supervisor, not an auditor.
        {"ListPlanInbox",        {true,  true,  true,  true,  true,  true,  false, true,  true,  false, false}},
        // Only this host's cases service (or a host in safetyplan.case_event_sources): "svc" is
        // another.
        {"ReceiveCaseDestructions",
                                 {false, false, false, false, false, false, false, false, false, false, false}},
    },
};
// clang-format on

struct Cell {
  std::string case_id;
  v1::PlanVersion draft;  // version 2
};

using Call = std::function<grpc::Status(PlanWorld&, const std::string&, const Cell&)>;

std::map<std::string, Call> Calls() {
  std::map<std::string, Call> c;
  c["GetPlan"] = [](PlanWorld& w, const std::string& who, const Cell& cell) {
    v1::GetPlanResponse out;
    return w.Get(who, cell.case_id, 0, &out);
  };
  c["GetPlanDiff"] = [](PlanWorld& w, const std::string& who, const Cell& cell) {
    v1::GetPlanDiffRequest r;
    r.set_case_id(cell.case_id);
    r.set_from_version(1);
    r.set_to_version(2);
    v1::GetPlanDiffResponse out;
    return w.P(who)->GetPlanDiff(PCtx().get(), r, &out);
  };
  c["ListRiskInstruments"] = [](PlanWorld& w, const std::string& who, const Cell& cell) {
    v1::ListRiskInstrumentsRequest r;
    r.set_case_id(cell.case_id);
    v1::ListRiskInstrumentsResponse out;
    return w.P(who)->ListRiskInstruments(PCtx().get(), r, &out);
  };
  c["StartDraft"] = [](PlanWorld& w, const std::string& who, const Cell& cell) {
    return w.Start(who, cell.case_id, nullptr);
  };
  c["UpdateDraft"] = [](PlanWorld& w, const std::string& who, const Cell& cell) {
    v1::PlanContent content;
    testing::AddItem(content, v1::PLAN_SECTION_GOALS, testing::TextItem("Rust in huis."));
    return w.Update(who, cell.draft, content, nullptr);
  };
  c["ProposeVersion"] = [](PlanWorld& w, const std::string& who, const Cell& cell) {
    return w.Propose(who, cell.case_id, 2);
  };
  c["RecordRiskInstrument"] = [](PlanWorld& w, const std::string& who, const Cell& cell) {
    v1::RecordRiskInstrumentRequest r;
    r.set_request_id(NewRandomId());
    r.set_case_id(cell.case_id);
    r.set_instrument(v1::RISK_INSTRUMENT_KIND_LIRIK);
    r.set_outcome_level("HIGH");
    r.mutable_assessed_at()->set_seconds(absl::ToUnixSeconds(absl::Now()) - 3600);
    v1::RecordRiskInstrumentResponse out;
    return w.P(who)->RecordRiskInstrument(PCtx().get(), r, &out);
  };
  c["SignOffVersion"] = [](PlanWorld& w, const std::string& who, const Cell& cell) {
    // Version 1 is in force already: the director and Veilig Thuis get FAILED_PRECONDITION,
    // everyone else a refusal.
    return w.SignOff(who, cell.case_id, 1);
  };
  c["RecordFamilyAgreement"] = [](PlanWorld& w, const std::string& who, const Cell& cell) {
    v1::RecordFamilyAgreementRequest r;
    r.set_request_id(NewRandomId());
    r.set_case_id(cell.case_id);
    r.set_version(1);
    r.set_person_id(w.person_id());
    r.set_channel(v1::AGREEMENT_CHANNEL_IN_WRITING);
    v1::RecordFamilyAgreementResponse out;
    return w.P(who)->RecordFamilyAgreement(PCtx().get(), r, &out);
  };
  c["EvaluatePlan"] = [](PlanWorld& w, const std::string& who, const Cell& cell) {
    v1::GetPlanResponse plan;
    if (grpc::Status st = w.Get("dir", cell.case_id, 1, &plan); !st.ok()) return st;
    v1::EvaluatePlanRequest r = w.Evaluation(plan.version(), v1::EVALUATION_DECISION_CONFIRM);
    const absl::CivilDay later = absl::ToCivilDay(absl::Now(), absl::UTCTimeZone()) + 30;
    r.mutable_next_evaluation_date()->set_year(static_cast<int>(later.year()));
    r.mutable_next_evaluation_date()->set_month(later.month());
    r.mutable_next_evaluation_date()->set_day(later.day());
    return w.Evaluate(who, r);
  };
  c["RecordIncident"] = [](PlanWorld& w, const std::string& who, const Cell& cell) {
    return w.Incident(who, cell.case_id, nullptr);
  };
  c["ListPlanInbox"] = [](PlanWorld& w, const std::string& who, const Cell&) {
    v1::ListPlanInboxResponse out;
    return w.P(who)->ListPlanInbox(PCtx().get(), v1::ListPlanInboxRequest(), &out);
  };
  c["ReceiveCaseDestructions"] = [](PlanWorld& w, const std::string& who, const Cell& cell) {
    v1::ReceiveCaseDestructionsRequest r;
    v1::ReceivedCaseEvent* e = r.add_events();
    e->set_source_sequence(1);
    e->mutable_event()->set_event_id(NewRandomId());
    e->mutable_event()->set_type(v1::CASE_EVENT_TYPE_DESTROYED);
    e->mutable_event()->set_case_id(cell.case_id);
    v1::ReceiveCaseDestructionsResponse out;
    return w.P(who)->ReceiveCaseDestructions(PCtx().get(), r, &out);
  };
  return c;
}

const testing::AuthzOutcomes kOutcomes = {
    .refused = {grpc::StatusCode::PERMISSION_DENIED, grpc::StatusCode::UNAUTHENTICATED},
    .allowed = {grpc::StatusCode::OK, grpc::StatusCode::FAILED_PRECONDITION},
};

TEST(SafetyPlanAuthzMatrixTest, MatrixCoversEveryRpc) {
  const auto calls = testing::KeysOf(Calls());
  testing::ExpectMatrixCoversService(kMatrix, safetyplan::SafetyPlanAuthorizationTable(), &calls);
}

// The matrix in three parts by RPC name (each cell sets up a case of its own: 132 cells take
// over a minute under the sanitizers, and ctest runs the parts side by side).
class SafetyPlanAuthzTest : public ::testing::TestWithParam<std::pair<std::string, std::string>> {};

INSTANTIATE_TEST_SUITE_P(RpcsByName, SafetyPlanAuthzTest,
                         ::testing::Values(std::pair<std::string, std::string>{"", "L"},
                                           std::pair<std::string, std::string>{"L", "RecordR"},
                                           std::pair<std::string, std::string>{"RecordR", ""}));

TEST_P(SafetyPlanAuthzTest, EveryRpcForEveryCaller) {
  PlanWorld w;
  const auto calls = Calls();
  const auto [begin, end] = GetParam();
  testing::RunAuthzMatrix(
      testing::RowsOf(kMatrix, begin, end), kOutcomes,
      [&](const testing::AuthzCell& cell, grpc::Status& st) {
        Cell c;
        c.case_id = w.MakeCase();
        w.Flush();  // the responsibility ledger knows the case (RecordIncident)
        w.ActivePlan(c.case_id);
        // A handover to ontvanger's organisation waits for its answer.
        v1::ProposeHandoverRequest propose;
        propose.set_request_id(NewRandomId());
        propose.set_case_id(c.case_id);
        propose.set_to_organisation_id(testing::plan_world::kGgz2);
        propose.set_phase(v1::PHASE_STABLE_SAFETY);
        propose.mutable_content()->set_summary("Traumabehandeling van moeder");
        v1::ProposeHandoverResponse proposed;
        const grpc::Status p = w.H("vt")->ProposeHandover(PCtx().get(), propose, &proposed);
        ASSERT_TRUE(p.ok()) << p.error_message();
        ASSERT_TRUE(w.Start("dir", c.case_id, &c.draft).ok());
        ASSERT_EQ(c.draft.version(), 2);
        st = calls.at(cell.method)(w, cell.caller_name, c);
        if (kOutcomes.IsRefusal(st)) {
          // Nothing changed: still version 1 in force and the same draft.
          v1::GetPlanResponse after;
          ASSERT_TRUE(w.Get("dir", c.case_id, 2, &after).ok());
          EXPECT_EQ(after.versions_size(), 2);
          EXPECT_EQ(after.version().etag(), c.draft.etag()) << "a refused call changed the draft";
          EXPECT_EQ(after.version().state(), v1::PLAN_VERSION_STATE_DRAFT);
          v1::ListRiskInstrumentsRequest r;
          r.set_case_id(c.case_id);
          v1::ListRiskInstrumentsResponse risks;
          ASSERT_TRUE(w.P("dir")->ListRiskInstruments(PCtx().get(), r, &risks).ok());
          EXPECT_EQ(risks.assessments_size(), 0);
        }
      });
}

// A case that does not exist and one the caller is not on get the same answer.
TEST(SafetyPlanAuthzMatrixTest, ARefusalDoesNotTellTheCaseExists) {
  PlanWorld w;
  const std::string case_id = w.MakeCase();
  w.ActivePlan(case_id);
  v1::GetPlanResponse out;
  const grpc::Status foreign = w.Get("outsider", case_id, 0, &out);
  const grpc::Status missing = w.Get("outsider", "no-such-case", 0, &out);
  EXPECT_EQ(foreign.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(missing.error_code(), foreign.error_code());
  EXPECT_EQ(missing.error_message(), foreign.error_message());
}

}  // namespace
}  // namespace schakel
