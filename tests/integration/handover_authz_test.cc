// HandoverService authorization, exhaustively: every RPC × every caller, where the callers cover
// each role and each relation to the case and the handover (the sending lead organisation, the
// receiving organisation, another team member, oversight of a team organisation, professionals and
// supervisors elsewhere, the administrator, a service). Each cell gets a fresh case with an open
// handover from Veilig Thuis to the local team; the expected matrix is written out here,
// independent of the service's table. A refused call must change nothing.
#include <functional>
#include <map>
#include <utility>

#include <gtest/gtest.h>

#include "tests/integration/handover_fixture.h"
#include "tests/support/authz_matrix.h"

namespace schakel {
namespace {

using testing::HandoverWorld;
using testing::HCtx;
using namespace testing::handover_world;

// vt: VT_INTAKE, the lead organisation, on the team. dir: case director of the receiving
// organisation. wt: professional of the receiving organisation, not on the team (so accepting
// gets FAILED_PRECONDITION, not a refusal: they may answer, but must join the team to lead). agent:
// police, core team. ggz1: professional elsewhere in the region, not on the team. vtcol: a
// colleague of the lead organisation who is not on the team. vtsup / vtaud: SUPERVISOR / AUDITOR
// of the lead organisation (oversight). outsider / outsup: another local team. service: another
// service's principal (not the cases service, so it may not send case events). regsup: a
// REGIONAL_SUPERVISOR of the police (whose agent is on the team): the region's list and report,
// nothing of a case.
// clang-format off
const testing::AuthzMatrix kMatrix = {
    .service = v1::HandoverService::service_full_name(),
    .callers = {"vt", "dir", "wt", "agent", "ggz1", "vtcol", "vtsup", "vtaud", "outsider", "outsup",
                "regsup", "admin", "service"},
    .allowed = {
        //                        vt     dir    wt     agent  ggz1   vtcol  vtsup  vtaud  outsdr outsup regsup admin  svc
        {"GetResponsibility",    {true,  true,  true,  true,  false, false, true,  true,  false, false, false, false, false}},
        {"GetHandover",          {true,  true,  true,  true,  false, false, true,  true,  false, false, false, false, false}},
        {"ProposeHandover",      {true,  false, false, false, false, false, false, false, false, false, false, false, false}},
        {"AcceptHandover",       {false, true,  true,  false, false, false, false, false, false, false, false, false, false}},
        {"DeclineHandover",      {false, true,  true,  false, false, false, false, false, false, false, false, false, false}},
        {"WithdrawHandover",     {true,  false, false, false, false, false, false, false, false, false, false, false, false}},
        {"ConfirmFirstContact",  {false, true,  true,  false, false, false, false, false, false, false, false, false, false}},
        {"ListInbox",            {true,  true,  true,  true,  true,  true,  true,  false, true,  true,  false, false, false}},
        {"WatchInbox",           {true,  true,  true,  true,  true,  true,  true,  false, true,  true,  false, false, false}},
        {"ListHandovers",        {false, false, false, false, false, false, true,  false, false, true,  true,  false, false}},
        {"GetHandoverReport",    {false, false, false, false, false, false, true,  false, false, true,  true,  false, false}},
        {"ReceiveCaseEvents",    {false, false, false, false, false, false, false, false, false, false, false, false, false}},
        // Only the lead's own team member; the service principal is not the safety plan service.
        {"ChangePhase",          {true,  false, false, false, false, false, false, false, false, false, false, false, false}},
    },
};
// clang-format on

struct Cell {
  std::string case_id;
  std::string handover_id;
};

using Call = std::function<grpc::Status(HandoverWorld&, const std::string&, const Cell&)>;

std::map<std::string, Call> Calls() {
  std::map<std::string, Call> c;
  c["GetResponsibility"] = [](HandoverWorld& w, const std::string& who, const Cell& cell) {
    v1::GetResponsibilityRequest r;
    r.set_case_id(cell.case_id);
    v1::GetResponsibilityResponse out;
    return w.H(who)->GetResponsibility(HCtx().get(), r, &out);
  };
  c["GetHandover"] = [](HandoverWorld& w, const std::string& who, const Cell& cell) {
    v1::GetHandoverRequest r;
    r.set_handover_id(cell.handover_id);
    v1::GetHandoverResponse out;
    return w.H(who)->GetHandover(HCtx().get(), r, &out);
  };
  c["ProposeHandover"] = [](HandoverWorld& w, const std::string& who, const Cell& cell) {
    // Another proposal while one is open: the lead gets FAILED_PRECONDITION, others a refusal.
    return w.Propose(who, cell.case_id, kGgz, v1::PHASE_STABLE_SAFETY);
  };
  c["AcceptHandover"] = [](HandoverWorld& w, const std::string& who, const Cell& cell) {
    return w.Accept(who, cell.handover_id);
  };
  c["DeclineHandover"] = [](HandoverWorld& w, const std::string& who, const Cell& cell) {
    return w.Decline(who, cell.handover_id);
  };
  c["WithdrawHandover"] = [](HandoverWorld& w, const std::string& who, const Cell& cell) {
    return w.Withdraw(who, cell.handover_id);
  };
  c["ConfirmFirstContact"] = [](HandoverWorld& w, const std::string& who, const Cell& cell) {
    return w.Confirm(who, cell.handover_id);
  };
  c["ListInbox"] = [](HandoverWorld& w, const std::string& who, const Cell&) {
    v1::ListInboxResponse out;
    return w.H(who)->ListInbox(HCtx().get(), {}, &out);
  };
  c["WatchInbox"] = [](HandoverWorld& w, const std::string& who, const Cell&) {
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
    auto stub = w.H(who);
    auto reader = stub->WatchInbox(&ctx, v1::WatchInboxRequest());
    v1::WatchInboxResponse first;
    if (reader->Read(&first)) {
      ctx.TryCancel();
      reader->Finish();
      return grpc::Status::OK;
    }
    return reader->Finish();
  };
  c["ListHandovers"] = [](HandoverWorld& w, const std::string& who, const Cell&) {
    v1::ListHandoversResponse out;
    return w.H(who)->ListHandovers(HCtx().get(), {}, &out);
  };
  c["GetHandoverReport"] = [](HandoverWorld& w, const std::string& who, const Cell&) {
    v1::GetHandoverReportResponse out;
    return w.H(who)->GetHandoverReport(HCtx().get(), {}, &out);
  };
  c["ReceiveCaseEvents"] = [](HandoverWorld& w, const std::string& who, const Cell&) {
    v1::ReceiveCaseEventsResponse out;
    return w.H(who)->ReceiveCaseEvents(HCtx().get(), {}, &out);
  };
  c["ChangePhase"] = [](HandoverWorld& w, const std::string& who, const Cell& cell) {
    v1::ChangePhaseRequest r;
    r.set_request_id(NewRandomId());
    r.set_case_id(cell.case_id);
    r.set_phase(v1::PHASE_STABLE_SAFETY);
    if (who == "service") {  // as the safety plan service would ask
      r.set_phase(v1::PHASE_DIRECT_SAFETY);
      r.set_incident_id("in-1");
      r.set_recorded_by("agent");
      r.set_recorded_by_organisation_id(kPolice);
    }
    v1::ChangePhaseResponse out;
    return w.H(who)->ChangePhase(HCtx().get(), r, &out);
  };
  return c;
}

// A refused call is PERMISSION_DENIED (or UNAUTHENTICATED); an allowed one ends well or with a
// reason about the request or the state, never with a failure of the service.
const testing::AuthzOutcomes kOutcomes = {
    .refused = {grpc::StatusCode::PERMISSION_DENIED, grpc::StatusCode::UNAUTHENTICATED},
    .allowed = {grpc::StatusCode::OK, grpc::StatusCode::FAILED_PRECONDITION,
                grpc::StatusCode::INVALID_ARGUMENT},
};

TEST(HandoverAuthzMatrixTest, MatrixCoversEveryRpc) {
  const auto calls = testing::KeysOf(Calls());
  testing::ExpectMatrixCoversService(kMatrix, handover::HandoverAuthorizationTable(), &calls);
}

// The matrix in two parts by RPC name, which ctest runs side by side.
class HandoverAuthzTest : public ::testing::TestWithParam<std::pair<std::string, std::string>> {};

INSTANTIATE_TEST_SUITE_P(RpcsByName, HandoverAuthzTest,
                         ::testing::Values(std::pair<std::string, std::string>{"", "GetR"},
                                           std::pair<std::string, std::string>{"GetR", ""}));

TEST_P(HandoverAuthzTest, EveryRpcForEveryCaller) {
  HandoverWorld w;
  const auto calls = Calls();
  const auto [begin, end] = GetParam();
  testing::RunAuthzMatrix(
      testing::RowsOf(kMatrix, begin, end), kOutcomes,
      [&](const testing::AuthzCell& cell, grpc::Status& st) {
        Cell c;
        c.case_id = w.MakeCase({{"agent", v1::CASE_ROLE_CORE_TEAM}}, false, /*without_wt=*/true);
        v1::Handover h;
        ASSERT_TRUE(w.Propose("vt", c.case_id, kTeam, v1::PHASE_STABLE_SAFETY, &h).ok());
        c.handover_id = h.id();
        st = calls.at(cell.method)(w, cell.caller_name, c);
        if (kOutcomes.IsRefusal(st)) {
          const v1::Handover after = w.Get("vt", h.id());
          EXPECT_EQ(after.etag(), h.etag()) << "a refused call changed the handover";
          EXPECT_EQ(after.state(), v1::HANDOVER_STATE_PROPOSED);
          EXPECT_EQ(w.Responsibility("vt", c.case_id).history_size(), 1);
        }
      });
}

// A refusal is on the audit record before the answer goes out.
TEST(HandoverAuthzMatrixTest, RefusalsAreAudited) {
  HandoverWorld w;
  const std::string case_id = w.MakeCase();
  v1::Handover h;
  ASSERT_TRUE(w.Propose("vt", case_id, kTeam, v1::PHASE_STABLE_SAFETY, &h).ok());
  ASSERT_EQ(w.Accept("ggz1", h.id()).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  auto stub = v1::AuditService::NewStub(w.ChannelOf("auditor"));
  w.Flush();
  v1::QueryEntriesRequest req;
  req.set_purpose("test");
  req.set_page_size(1000);
  v1::QueryEntriesResponse resp;
  ASSERT_TRUE(stub->QueryEntries(HCtx().get(), req, &resp).ok());
  int denied = 0;
  for (const auto& e : resp.entries()) {
    if (e.record().outcome() == v1::AUDIT_OUTCOME_DENIED &&
        e.record().user().principal_id() == "ggz1") {
      ++denied;
    }
  }
  EXPECT_EQ(denied, 1);
}

}  // namespace
}  // namespace schakel
