// HandoverService through real gRPC over mutual TLS: the scenario, the state machine,
// validation, deadlines on the working-day calendar, escalation exactly once across a restart,
// WatchInbox, randomised concurrency with the ledger's invariants, and a broken ledger reported
// as a gap.
#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include <google/protobuf/util/time_util.h>
#include <gtest/gtest.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "services/common/field_cipher.h"
#include "services/common/sqlite.h"
#include "services/handover/handover_store.h"
#include "tests/integration/handover_fixture.h"

namespace schakel {
namespace {

using google::protobuf::util::TimeUtil;
using testing::Amsterdam;
using testing::BadFieldsOf;
using testing::HandoverWorld;
using testing::HCtx;
using namespace testing::handover_world;

absl::Time TimeOf(const google::protobuf::Timestamp& t) {
  return absl::FromUnixMicros(TimeUtil::TimestampToMicroseconds(t));
}

int CountKind(const v1::ListInboxResponse& inbox, v1::InboxItemKind kind) {
  return static_cast<int>(std::count_if(inbox.items().begin(), inbox.items().end(),
                                        [&](const auto& i) { return i.kind() == kind; }));
}

int CountEvents(const std::vector<v1::TimelineEvent>& events, const std::string& type) {
  return static_cast<int>(
      std::count_if(events.begin(), events.end(), [&](const auto& e) { return e.type() == type; }));
}

// Reads the ledger straight from handover.db (as a supervisor's tool or an inspector would).
struct LedgerSnapshot {
  std::vector<handover::LedgerRow> cases;
  std::map<std::string, std::vector<handover::PeriodRow>> periods;
  std::vector<handover::HandoverRow> handovers;
  // Handover id -> its place in the order of proposal (one open per case at a time, so per case
  // this is also the order of the answers).
  std::map<std::string, int64_t> proposal_order;
};

LedgerSnapshot ReadLedger(const std::filesystem::path& data_dir) {
  LedgerSnapshot snap;
  auto db = sqlite::Database::Open(data_dir / "handover.db");
  EXPECT_TRUE(db.ok());
  // Nothing is decrypted.
  const FieldCipher unused(std::string(32, 'a'), std::string(32, 'b'));
  FakeClock clock;
  ObjectSealer no_keys(unused, std::string(32, 'c'), "handover/", "case", clock);
  EXPECT_TRUE((*db)
                  ->Read([&](sqlite::Connection& c) -> absl::Status {
                    handover::HandoverStore store(c, no_keys);
                    SCHAKEL_ASSIGN_OR_RETURN(snap.cases, store.ListLedgers(std::nullopt));
                    for (const auto& l : snap.cases) {
                      SCHAKEL_ASSIGN_OR_RETURN(snap.periods[l.case_id],
                                               store.ListPeriods(l.case_id));
                    }
                    SCHAKEL_ASSIGN_OR_RETURN(snap.handovers, store.ListHandovers({}));
                    SCHAKEL_ASSIGN_OR_RETURN(auto s, c.Prepare("SELECT id, rowid FROM handovers"));
                    for (;;) {
                      SCHAKEL_ASSIGN_OR_RETURN(bool row, s.Step());
                      if (!row) break;
                      snap.proposal_order[s.ColumnText(0)] = s.ColumnInt(1);
                    }
                    return absl::OkStatus();
                  })
                  .ok());
  return snap;
}

// The invariants of the ledger: exactly one current lead per case, the stored state is what the
// history replays to, replaying the accepted handovers from the opening gives the same lead, at
// most one open handover per case.
void ExpectLedgerConsistent(const std::filesystem::path& data_dir) {
  const LedgerSnapshot snap = ReadLedger(data_dir);
  for (const auto& l : snap.cases) {
    const auto& periods = snap.periods.at(l.case_id);
    const auto current = std::count_if(periods.begin(), periods.end(),
                                       [](const auto& p) { return p.end == handover::kForever; });
    EXPECT_EQ(current, 1) << l.case_id;
    const auto replayed = handover::ReplayPeriods(periods);
    ASSERT_TRUE(replayed.has_value()) << l.case_id;
    EXPECT_EQ(replayed->organisation_id, l.lead_organisation_id) << l.case_id;
    EXPECT_EQ(replayed->phase, l.phase) << l.case_id;
    EXPECT_EQ(replayed->since, l.lead_since) << l.case_id;
    // From the opening, through every accepted handover in order of acceptance.
    std::vector<const handover::HandoverRow*> accepted;
    int open = 0;
    for (const auto& h : snap.handovers) {
      if (h.case_id != l.case_id) continue;
      if (h.state == v1::HANDOVER_STATE_ACCEPTED) accepted.push_back(&h);
      if (h.state == v1::HANDOVER_STATE_PROPOSED) ++open;
    }
    EXPECT_LE(open, 1) << l.case_id;
    // Acceptance times can tie on the fake clock; the order of proposal cannot.
    std::sort(accepted.begin(), accepted.end(), [&](const auto* a, const auto* b) {
      return snap.proposal_order.at(a->id) < snap.proposal_order.at(b->id);
    });
    std::string lead = periods.front().organisation_id;
    v1::Phase phase = periods.front().phase;
    for (const auto* h : accepted) {
      EXPECT_EQ(h->from_organisation_id, lead) << "handover " << h->id << " not from the lead";
      lead = h->to_organisation_id;
      phase = h->phase;
    }
    EXPECT_EQ(lead, l.lead_organisation_id) << l.case_id;
    EXPECT_EQ(phase, l.phase) << l.case_id;
  }
}

// ---------------------------------------------------------------------------------------------

TEST(HandoverScenarioTest, VeiligThuisToLocalTeamToMentalHealthCare) {
  HandoverWorld w;
  // Veilig Thuis opens the case: it leads in DIRECT_SAFETY.
  const std::string case_id =
      w.MakeCase({{"agent", v1::CASE_ROLE_CORE_TEAM}, {"ggz2", v1::CASE_ROLE_INVOLVED}});
  auto r = w.Responsibility("vt", case_id);
  EXPECT_EQ(r.responsibility().lead_organisation_id(), kVt);
  EXPECT_EQ(r.responsibility().phase(), v1::PHASE_DIRECT_SAFETY);

  // ... and proposes the next phase to the local team.
  v1::Handover to_team;
  ASSERT_TRUE(w.Propose("vt", case_id, kTeam, v1::PHASE_STABLE_SAFETY, &to_team).ok());
  EXPECT_EQ(to_team.state(), v1::HANDOVER_STATE_PROPOSED);
  // Monday 5 January 2026 + 5 working days: the end of Monday 12 January.
  EXPECT_EQ(TimeOf(to_team.accept_deadline()), Amsterdam(2026, 1, 13, 0));
  r = w.Responsibility("agent", case_id);
  EXPECT_EQ(r.responsibility().lead_organisation_id(), kVt) << "the sender stays lead";
  EXPECT_EQ(r.responsibility().pending_handover().id(), to_team.id());
  ASSERT_GE(r.responsibility().notices_size(), 1);
  EXPECT_TRUE(absl::StrContains(r.responsibility().notices(0), "Handover pending"));
  EXPECT_EQ(CountKind(w.Inbox("wt"), v1::INBOX_ITEM_KIND_HANDOVER_WAITING), 1);

  // The local team accepts a day later: lead and phase switch at once.
  w.clock().Advance(absl::Hours(24));
  v1::AcceptHandoverResponse accepted;
  ASSERT_TRUE(w.Accept("wt", to_team.id(), &accepted).ok());
  EXPECT_EQ(accepted.responsibility().lead_organisation_id(), kTeam);
  EXPECT_EQ(accepted.responsibility().lead_professional_id(), "wt");
  EXPECT_EQ(accepted.responsibility().phase(), v1::PHASE_STABLE_SAFETY);
  EXPECT_EQ(accepted.responsibility().watching_organisation_id(), kVt) << "overlap";
  EXPECT_EQ(CountKind(w.Inbox("wt"), v1::INBOX_ITEM_KIND_FIRST_CONTACT_DUE), 1);
  ASSERT_TRUE(w.Confirm("wt", to_team.id()).ok());
  r = w.Responsibility("dir", case_id);
  EXPECT_EQ(r.responsibility().watching_organisation_id(), "") << "the overlap ended";
  EXPECT_EQ(CountKind(w.Inbox("wt"), v1::INBOX_ITEM_KIND_FIRST_CONTACT_DUE), 0);

  // Later the local team proposes RECOVERY to a mental-health partner, who declines ...
  w.clock().Advance(absl::Hours(24 * 30));
  v1::Handover to_ggz;
  ASSERT_TRUE(w.Propose("dir", case_id, kGgz, v1::PHASE_RECOVERY, &to_ggz).ok());
  w.clock().Advance(absl::Hours(3));
  ASSERT_TRUE(w.Decline("ggz1", to_ggz.id(), "wachtlijst van vier maanden").ok());
  EXPECT_EQ(w.Responsibility("dir", case_id).responsibility().lead_organisation_id(), kTeam);
  EXPECT_EQ(w.Get("dir", to_ggz.id()).decline_reason(), "wachtlijst van vier maanden");
  // ... then to another, who accepts.
  v1::Handover to_ggz2;
  ASSERT_TRUE(w.Propose("dir", case_id, kGgz2, v1::PHASE_RECOVERY, &to_ggz2).ok());
  w.clock().Advance(absl::Hours(48));
  ASSERT_TRUE(w.Accept("ggz2", to_ggz2.id()).ok());
  ASSERT_TRUE(w.Confirm("ggz2", to_ggz2.id()).ok());

  // The ledger: three leads, one after the other.
  r = w.Responsibility("vtsup", case_id);
  ASSERT_EQ(r.history_size(), 3);
  EXPECT_EQ(r.history(0).organisation_id(), kVt);
  EXPECT_EQ(r.history(0).cause(), "case.opened");
  EXPECT_EQ(r.history(1).organisation_id(), kTeam);
  EXPECT_EQ(r.history(1).phase(), v1::PHASE_STABLE_SAFETY);
  EXPECT_EQ(r.history(2).organisation_id(), kGgz2);
  EXPECT_EQ(r.history(2).phase(), v1::PHASE_RECOVERY);
  EXPECT_EQ(r.history(2).handover_id(), to_ggz2.id());
  EXPECT_FALSE(r.history(2).has_end());
  for (int i = 0; i + 1 < r.history_size(); ++i) {
    EXPECT_EQ(TimeOf(r.history(i).end()), TimeOf(r.history(i + 1).start())) << "no gap, no overlap";
  }
  EXPECT_EQ(r.handovers_size(), 3);

  // The regional supervisor's report shows all of it, and no gaps.
  auto report = w.Report("regsup", true);
  std::map<v1::HandoverState, int> counts;
  for (const auto& c : report.report().counts()) counts[c.state()] = c.count();
  EXPECT_EQ(counts[v1::HANDOVER_STATE_ACCEPTED], 2);
  EXPECT_EQ(counts[v1::HANDOVER_STATE_DECLINED], 1);
  EXPECT_EQ(counts[v1::HANDOVER_STATE_PROPOSED], 0);
  EXPECT_EQ(report.report().accepted(), 2);
  EXPECT_DOUBLE_EQ(report.report().median_hours_to_accept(), 24);  // nearest rank of {24, 48}
  EXPECT_DOUBLE_EQ(report.report().p90_hours_to_accept(), 48);
  EXPECT_TRUE(report.report().gaps().empty());
  EXPECT_EQ(report.report().open_cases(), 1);
  std::map<std::string, v1::OrganisationFigures> figures;
  for (const auto& f : report.report().organisations()) figures[f.organisation_id()] = f;
  EXPECT_EQ(figures[kGgz].declined(), 1);
  EXPECT_EQ(figures[kGgz2].accepted(), 1);
  EXPECT_EQ(figures[kTeam].sent(), 2);
  EXPECT_TRUE(absl::StrContains(report.csv(), "section,subject,measure,value\n"));
  EXPECT_TRUE(absl::StrContains(report.csv(), "count,,DECLINED,1\n"));
  EXPECT_TRUE(absl::StrContains(report.csv(), "organisation,ggz,declined,1\n"));
  EXPECT_TRUE(absl::StrContains(report.csv(), "gaps,,count,0\n"));

  // The case timeline shows every handover event, from the handover service.
  const auto timeline = w.Timeline(case_id);
  EXPECT_EQ(CountEvents(timeline, "handover.proposed"), 3);
  EXPECT_EQ(CountEvents(timeline, "handover.accepted"), 2);
  EXPECT_EQ(CountEvents(timeline, "handover.declined"), 1);
  EXPECT_EQ(CountEvents(timeline, "handover.first_contact_confirmed"), 2);
  for (const auto& e : timeline) {
    if (absl::StartsWith(e.type(), "handover.")) {
      EXPECT_TRUE(absl::StrContains(e.source_service(), "handover")) << e.source_service();
    }
  }

  // Every change and every read is on record.
  std::multiset<std::string> events;
  for (const auto& rec : w.AuditRecordsAbout(to_team.id())) events.insert(rec.event_type());
  EXPECT_EQ(events.count("handover.proposed"), 1u);
  EXPECT_EQ(events.count("handover.accepted"), 1u);
  EXPECT_EQ(events.count("handover.first_contact_confirmed"), 1u);
  EXPECT_GE(events.count("handover.responsibility.read"), 1u);
  EXPECT_GE(events.count("handover.inbox.read"), 1u);
  ExpectLedgerConsistent(w.host().data_dir());
}

TEST(HandoverTest, ContentIsEncryptedAtRest) {
  HandoverWorld w;
  const std::string case_id = w.MakeCase();
  v1::Handover h;
  ASSERT_TRUE(w.Propose("vt", case_id, kTeam, v1::PHASE_STABLE_SAFETY, &h).ok());
  ASSERT_TRUE(w.Decline("wt", h.id(), "Reden-Xq7-vertrouwelijk").ok());
  w.Flush();
  for (const auto& entry : std::filesystem::recursive_directory_iterator(w.host().data_dir())) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    for (const char* secret : {"oma; vader in behandeling", "Reden-Xq7", "ontkent het geweld"}) {
      EXPECT_FALSE(absl::StrContains(bytes.str(), secret)) << secret << " in " << entry.path();
    }
  }
}

TEST(HandoverTest, RetriedRequestChangesNothingTwice) {
  HandoverWorld w;
  const std::string case_id = w.MakeCase();
  v1::ProposeHandoverRequest req;
  req.set_request_id("propose-once");
  req.set_case_id(case_id);
  req.set_to_organisation_id(kTeam);
  req.set_phase(v1::PHASE_STABLE_SAFETY);
  req.mutable_content()->set_summary("samenvatting");
  v1::ProposeHandoverResponse first, second;
  ASSERT_TRUE(w.H("vt")->ProposeHandover(HCtx().get(), req, &first).ok());
  ASSERT_TRUE(w.H("vt")->ProposeHandover(HCtx().get(), req, &second).ok());
  EXPECT_EQ(first.handover().id(), second.handover().id());
  EXPECT_EQ(w.Responsibility("vt", case_id).handovers_size(), 1);
  v1::AcceptHandoverRequest accept;
  accept.set_request_id("accept-once");
  accept.set_handover_id(first.handover().id());
  v1::AcceptHandoverResponse a1, a2;
  ASSERT_TRUE(w.H("wt")->AcceptHandover(HCtx().get(), accept, &a1).ok());
  w.clock().Advance(absl::Hours(1));
  ASSERT_TRUE(w.H("wt")->AcceptHandover(HCtx().get(), accept, &a2).ok());
  EXPECT_EQ(a1.SerializeAsString(), a2.SerializeAsString());
  EXPECT_EQ(w.Responsibility("vt", case_id).history_size(), 2);
  const auto timeline = w.Timeline(case_id);
  EXPECT_EQ(CountEvents(timeline, "handover.proposed"), 1);
  EXPECT_EQ(CountEvents(timeline, "handover.accepted"), 1);
}

TEST(HandoverTest, AReceiverReadsTheHandoverOnlyWhileItWaits) {
  HandoverWorld w;
  const std::string case_id = w.MakeCase();
  v1::Handover h;
  ASSERT_TRUE(w.Propose("vt", case_id, kGgz, v1::PHASE_STABLE_SAFETY, &h).ok());
  v1::GetHandoverRequest req;
  req.set_handover_id(h.id());
  v1::GetHandoverResponse resp;
  ASSERT_TRUE(w.H("ggz1")->GetHandover(HCtx().get(), req, &resp).ok());
  EXPECT_EQ(resp.handover().content().summary(), h.content().summary());
  ASSERT_TRUE(w.Decline("ggz1", h.id()).ok());
  EXPECT_EQ(w.H("ggz1")->GetHandover(HCtx().get(), req, &resp).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  v1::GetResponsibilityRequest rreq;
  rreq.set_case_id(case_id);
  v1::GetResponsibilityResponse rresp;
  EXPECT_EQ(w.H("ggz1")->GetResponsibility(HCtx().get(), rreq, &rresp).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  // A colleague of the lead organisation who is not on the team sees nothing either.
  EXPECT_EQ(w.H("vtcol")->GetHandover(HCtx().get(), req, &resp).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  // The supervisor's list shows organisations and times, not people or content.
  v1::ListHandoversResponse list;
  ASSERT_TRUE(w.H("vtsup")->ListHandovers(HCtx().get(), {}, &list).ok());
  ASSERT_EQ(list.handovers_size(), 1);
  EXPECT_EQ(list.handovers(0).to_organisation_id(), kGgz);
  EXPECT_EQ(list.handovers(0).from_professional_id(), "");
  EXPECT_EQ(list.handovers(0).decided_by(), "");
  EXPECT_FALSE(list.handovers(0).has_content());
  EXPECT_EQ(list.handovers(0).decline_reason(), "");
}

TEST(HandoverTest, TheNewLeadMustBeOnTheCaseTeam) {
  HandoverWorld w;
  const std::string case_id = w.MakeCase({}, false, /*without_wt=*/true);
  v1::Handover h;
  ASSERT_TRUE(w.Propose("vt", case_id, kTeam, v1::PHASE_STABLE_SAFETY, &h).ok());
  // The receiver reads the handover without being on the team ...
  EXPECT_EQ(w.Get("wt", h.id()).content().open_actions(0), "Intake traumabehandeling kinderen");
  // ... but cannot take a lead it could not see.
  grpc::Status st = w.Accept("wt", h.id());
  EXPECT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_TRUE(absl::StrContains(st.error_message(), "case director to add")) << st.error_message();
  EXPECT_EQ(w.Get("vt", h.id()).state(), v1::HANDOVER_STATE_PROPOSED);
  // Naming a colleague who is on the team works; so does joining the team first.
  v1::AcceptHandoverRequest req;
  req.set_request_id(NewRandomId());
  req.set_handover_id(h.id());
  req.set_responsible_professional_id("dir");
  v1::AcceptHandoverResponse resp;
  st = w.H("wt")->AcceptHandover(HCtx().get(), req, &resp);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(resp.responsibility().lead_professional_id(), "dir");
}

// ---------------------------------------------------------------------------------------------
// The state machine: every transition from every state.

enum class Act { kAccept, kDecline, kWithdraw, kConfirm };
const char* ActName(Act a) {
  switch (a) {
    case Act::kAccept:
      return "accept";
    case Act::kDecline:
      return "decline";
    case Act::kWithdraw:
      return "withdraw";
    case Act::kConfirm:
      return "confirm";
  }
  return "?";
}

TEST(HandoverStateMachineTest, EveryTransitionAllowedOrRefused) {
  HandoverWorld w;
  const v1::HandoverState states[] = {v1::HANDOVER_STATE_PROPOSED, v1::HANDOVER_STATE_ACCEPTED,
                                      v1::HANDOVER_STATE_DECLINED, v1::HANDOVER_STATE_WITHDRAWN,
                                      v1::HANDOVER_STATE_EXPIRED};
  // From state -> act -> the state after, or UNSPECIFIED when refused (FAILED_PRECONDITION).
  const std::map<std::pair<v1::HandoverState, Act>, v1::HandoverState> allowed = {
      {{v1::HANDOVER_STATE_PROPOSED, Act::kAccept}, v1::HANDOVER_STATE_ACCEPTED},
      {{v1::HANDOVER_STATE_PROPOSED, Act::kDecline}, v1::HANDOVER_STATE_DECLINED},
      {{v1::HANDOVER_STATE_PROPOSED, Act::kWithdraw}, v1::HANDOVER_STATE_WITHDRAWN},
      // An accepted handover's only step: first contact (it stays ACCEPTED).
      {{v1::HANDOVER_STATE_ACCEPTED, Act::kConfirm}, v1::HANDOVER_STATE_ACCEPTED},
  };
  for (v1::HandoverState from : states) {
    for (Act act : {Act::kAccept, Act::kDecline, Act::kWithdraw, Act::kConfirm}) {
      SCOPED_TRACE(absl::StrCat(v1::HandoverState_Name(from), " -> ", ActName(act)));
      const std::string case_id = w.MakeCase();
      v1::Handover h;
      ASSERT_TRUE(w.Propose("vt", case_id, kTeam, v1::PHASE_STABLE_SAFETY, &h).ok());
      switch (from) {
        case v1::HANDOVER_STATE_ACCEPTED:
          ASSERT_TRUE(w.Accept("wt", h.id()).ok());
          break;
        case v1::HANDOVER_STATE_DECLINED:
          ASSERT_TRUE(w.Decline("wt", h.id()).ok());
          break;
        case v1::HANDOVER_STATE_WITHDRAWN:
          ASSERT_TRUE(w.Withdraw("vt", h.id()).ok());
          break;
        case v1::HANDOVER_STATE_EXPIRED: {
          w.clock().Set(TimeOf(h.accept_deadline()));
          ASSERT_TRUE(w.service().ScanDeadlines().ok());
          break;
        }
        default:
          break;
      }
      const v1::Handover before = w.Get("vt", h.id());
      ASSERT_EQ(before.state(), from);
      const auto lead_before = w.Responsibility("vt", case_id).responsibility();
      grpc::Status st;
      switch (act) {
        case Act::kAccept:
          st = w.Accept("wt", h.id());
          break;
        case Act::kDecline:
          st = w.Decline("wt", h.id());
          break;
        case Act::kWithdraw:
          st = w.Withdraw("vt", h.id());
          break;
        case Act::kConfirm:
          st = w.Confirm("wt", h.id());
          break;
      }
      auto it = allowed.find({from, act});
      const v1::Handover after = w.Get("vt", h.id());
      if (it != allowed.end()) {
        EXPECT_TRUE(st.ok()) << st.error_message();
        EXPECT_EQ(after.state(), it->second);
      } else {
        EXPECT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
        EXPECT_EQ(after.etag(), before.etag()) << "a refused step changes nothing";
        EXPECT_EQ(w.Responsibility("vt", case_id).responsibility().SerializeAsString(),
                  lead_before.SerializeAsString());
      }
      // Who leads follows the state: the receiver only after acceptance.
      const auto now = w.Responsibility("vt", case_id).responsibility();
      EXPECT_EQ(now.lead_organisation_id(),
                after.state() == v1::HANDOVER_STATE_ACCEPTED ? kTeam : kVt);
      w.clock().Set(Amsterdam(2026, 1, 5, 9));
    }
  }
  // A confirmed first contact cannot be confirmed twice.
  const std::string case_id = w.MakeCase();
  v1::Handover h;
  ASSERT_TRUE(w.Propose("vt", case_id, kTeam, v1::PHASE_STABLE_SAFETY, &h).ok());
  ASSERT_TRUE(w.Accept("wt", h.id()).ok());
  ASSERT_TRUE(w.Confirm("wt", h.id()).ok());
  EXPECT_EQ(w.Confirm("wt", h.id()).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  ExpectLedgerConsistent(w.host().data_dir());
}

TEST(HandoverValidationTest, EachRefusalHasItsCodeAndChangesNothing) {
  HandoverWorld w;
  const std::string case_id =
      w.MakeCase({{"agent", v1::CASE_ROLE_CORE_TEAM}, {"ggz1", v1::CASE_ROLE_INVOLVED}});
  auto snapshot = [&] { return w.Responsibility("vt", case_id).SerializeAsString(); };
  const std::string before = snapshot();

  // Every bad field named in one answer.
  v1::ProposeHandoverRequest bad;
  bad.set_case_id(case_id);
  bad.set_phase(v1::PHASE_FOLLOW_UP);
  bad.mutable_content()->add_agreements("");
  bad.set_accept_working_days(99);
  v1::ProposeHandoverResponse ignored;
  grpc::Status st = w.H("vt")->ProposeHandover(HCtx().get(), bad, &ignored);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(BadFieldsOf(st),
            (std::set<std::string>{"request_id", "to_organisation_id", "phase", "content.summary",
                                   "content.agreements[0]", "accept_working_days"}));
  // To the current lead itself; a phase two steps ahead.
  st = w.Propose("vt", case_id, kVt, v1::PHASE_RECOVERY);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(BadFieldsOf(st), (std::set<std::string>{"to_organisation_id", "phase"}));
  // To an organisation that does not exist.
  st = w.Propose("vt", case_id, "nergens", v1::PHASE_STABLE_SAFETY);
  EXPECT_EQ(BadFieldsOf(st), (std::set<std::string>{"to_organisation_id"}));
  // By a team member who is not of the lead organisation; by oversight; by an outsider.
  EXPECT_EQ(w.Propose("agent", case_id, kTeam, v1::PHASE_STABLE_SAFETY).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(w.Propose("outsider", case_id, kTeam, v1::PHASE_STABLE_SAFETY).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(before, snapshot());

  // While another is open.
  v1::Handover open;
  ASSERT_TRUE(w.Propose("vt", case_id, kTeam, v1::PHASE_STABLE_SAFETY, &open).ok());
  const std::string with_open = snapshot();
  EXPECT_EQ(w.Propose("vt", case_id, kGgz, v1::PHASE_STABLE_SAFETY).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  // Accepting or declining by someone of another organisation; withdrawing by the receiver.
  EXPECT_EQ(w.Accept("ggz1", open.id()).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(w.Accept("vt", open.id()).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(w.Decline("agent", open.id()).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(w.Withdraw("wt", open.id()).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  // A supervisor of the receiving organisation may not accept for it.
  EXPECT_EQ(w.Accept("wtsup", open.id()).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  // Declining without a reason.
  v1::DeclineHandoverRequest no_reason;
  no_reason.set_request_id(NewRandomId());
  no_reason.set_handover_id(open.id());
  v1::DeclineHandoverResponse dr;
  st = w.H("wt")->DeclineHandover(HCtx().get(), no_reason, &dr);
  EXPECT_EQ(BadFieldsOf(st), (std::set<std::string>{"reason"}));
  // A stale etag.
  v1::AcceptHandoverRequest stale;
  stale.set_request_id(NewRandomId());
  stale.set_handover_id(open.id());
  stale.set_etag("v99");
  v1::AcceptHandoverResponse ar;
  EXPECT_EQ(w.H("wt")->AcceptHandover(HCtx().get(), stale, &ar).error_code(),
            grpc::StatusCode::ABORTED);
  EXPECT_EQ(with_open, snapshot());

  // Honour-related violence: the family is never informed.
  const std::string honour = w.MakeCase({}, true);
  st = w.Propose("vt", honour, kTeam, v1::PHASE_STABLE_SAFETY, nullptr, true);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(BadFieldsOf(st), (std::set<std::string>{"family_informed"}));
  EXPECT_EQ(w.Responsibility("vt", honour).handovers_size(), 0);
  EXPECT_TRUE(w.Propose("vt", honour, kTeam, v1::PHASE_STABLE_SAFETY).ok());

  // A closed case: its open handover ends with it, nothing can be proposed, its lead moves to
  // follow-up; reopening brings it back to direct safety under the same lead.
  v1::CloseCaseRequest close;
  close.set_request_id(NewRandomId());
  close.set_case_id(case_id);
  close.set_reason("stabiele veiligheid houdt al een jaar");
  close.set_deviation("test");
  v1::CloseCaseResponse closed;
  st = w.C("dir")->CloseCase(HCtx().get(), close, &closed);
  ASSERT_TRUE(st.ok()) << st.error_message();
  w.Flush();
  auto after_close = w.Responsibility("vt", case_id);
  EXPECT_EQ(after_close.responsibility().case_status(), v1::CASE_STATUS_CLOSED);
  EXPECT_EQ(after_close.responsibility().phase(), v1::PHASE_FOLLOW_UP);
  EXPECT_EQ(after_close.responsibility().lead_organisation_id(), kVt);
  EXPECT_EQ(w.Get("vt", open.id()).state(), v1::HANDOVER_STATE_WITHDRAWN);
  EXPECT_EQ(w.Propose("vt", case_id, kTeam, v1::PHASE_STABLE_SAFETY).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(w.Accept("wt", open.id()).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  v1::ReopenCaseRequest reopen;
  reopen.set_request_id(NewRandomId());
  reopen.set_case_id(case_id);
  reopen.set_reason("nieuw incident");
  v1::ReopenCaseResponse reopened;
  st = w.C("dir")->ReopenCase(HCtx().get(), reopen, &reopened);
  ASSERT_TRUE(st.ok()) << st.error_message();
  w.Flush();
  auto after_reopen = w.Responsibility("vt", case_id);
  EXPECT_EQ(after_reopen.responsibility().case_status(), v1::CASE_STATUS_OPEN);
  EXPECT_EQ(after_reopen.responsibility().phase(), v1::PHASE_DIRECT_SAFETY);
  ASSERT_EQ(after_reopen.history_size(), 3);
  EXPECT_EQ(after_reopen.history(1).cause(), "case.closed");
  EXPECT_EQ(after_reopen.history(2).cause(), "case.reopened");
  EXPECT_TRUE(w.Report().report().gaps().empty());
  ExpectLedgerConsistent(w.host().data_dir());
}

// ---------------------------------------------------------------------------------------------
// Deadlines on the working-day calendar.

TEST(HandoverDeadlineTest, AcceptanceDeadlinesSkipWeekendsAndHolidays) {
  HandoverWorld w;
  struct Case {
    absl::Time proposed;
    absl::Time deadline;  // 24:00 of the fifth working day, Amsterdam
    const char* why;
  };
  const Case cases[] = {
      {Amsterdam(2025, 12, 23), Amsterdam(2026, 1, 3, 0), "Christmas, Boxing Day, New Year"},
      {Amsterdam(2025, 4, 24), Amsterdam(2025, 5, 2, 0),
       "King's Day on a Sunday: Saturday 26 April 2025, a weekend day anyway"},
      {Amsterdam(2026, 4, 22), Amsterdam(2026, 5, 1, 0), "King's Day, Monday 27 April 2026"},
      {Amsterdam(2026, 5, 1), Amsterdam(2026, 5, 12, 0), "5 May 2026 (Tuesday)"},
      {Amsterdam(2026, 5, 12), Amsterdam(2026, 5, 21, 0), "Ascension Day, 14 May 2026"},
      {Amsterdam(2026, 5, 21), Amsterdam(2026, 5, 30, 0), "Whit Monday, 25 May 2026"},
      {Amsterdam(2027, 3, 24), Amsterdam(2027, 4, 3, 0), "Good Friday, Easter Monday 2027"},
      {Amsterdam(2027, 12, 22), Amsterdam(2027, 12, 30, 0),
       "Christmas 2027 on a weekend: no day in lieu"},
      {Amsterdam(2027, 12, 27), Amsterdam(2028, 1, 4, 0), "New Year 2028 on a Saturday"},
      {Amsterdam(2026, 1, 9, 23, 30), Amsterdam(2026, 1, 17, 0),
       "Friday night: the term starts on Monday"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.why);
    w.clock().Set(c.proposed);
    const std::string case_id = w.MakeCase();
    v1::Handover h;
    grpc::Status st = w.Propose("vt", case_id, kTeam, v1::PHASE_STABLE_SAFETY, &h);
    ASSERT_TRUE(st.ok()) << st.error_message();
    EXPECT_EQ(TimeOf(h.accept_deadline()), c.deadline)
        << absl::FormatTime(TimeOf(h.accept_deadline()), calendar::Amsterdam());
    // One tick before the deadline it can still be accepted in principle; at the deadline it
    // expires and the sender stays lead.
    w.clock().Set(c.deadline - absl::Seconds(1));
    ASSERT_TRUE(w.service().ScanDeadlines().ok());
    EXPECT_EQ(w.Get("vt", h.id()).state(), v1::HANDOVER_STATE_PROPOSED);
    w.clock().Set(c.deadline);
    EXPECT_EQ(w.Accept("wt", h.id()).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    EXPECT_EQ(w.Get("vt", h.id()).state(), v1::HANDOVER_STATE_EXPIRED);
    EXPECT_EQ(w.Responsibility("vt", case_id).responsibility().lead_organisation_id(), kVt);
  }
}

TEST(HandoverDeadlineTest, ReminderAndEscalationHappenExactlyOnceAcrossARestart) {
  testing::TestPki pki;
  testing::TempDir dir;
  auto w = std::make_unique<HandoverWorld>(dir.path(), &pki);
  const std::string case_id = w->MakeCase();
  const std::string contact_case = w->MakeCase({{"ggz1", v1::CASE_ROLE_INVOLVED}});
  v1::Handover h;
  ASSERT_TRUE(w->Propose("vt", case_id, kTeam, v1::PHASE_STABLE_SAFETY, &h).ok());
  v1::Handover accepted;
  ASSERT_TRUE(w->Propose("vt", contact_case, kGgz, v1::PHASE_STABLE_SAFETY, &accepted).ok());
  v1::AcceptHandoverResponse acc;
  ASSERT_TRUE(w->Accept("ggz1", accepted.id(), &acc).ok());
  // Accepted Monday 5 January: first contact due by the end of Thursday 8 January (3 days).
  EXPECT_EQ(TimeOf(acc.handover().first_contact_deadline()), Amsterdam(2026, 1, 9, 0));

  // One working day before the deadline (the end of Friday 9 January): a reminder to the
  // receiver, once.
  EXPECT_EQ(CountKind(w->Inbox("wt"), v1::INBOX_ITEM_KIND_REMINDER), 0);
  w->clock().Set(Amsterdam(2026, 1, 10, 8));
  EXPECT_EQ(CountKind(w->Inbox("wt"), v1::INBOX_ITEM_KIND_REMINDER), 1);
  EXPECT_EQ(CountKind(w->Inbox("wt"), v1::INBOX_ITEM_KIND_REMINDER), 1);
  // The first contact is late: both supervisors are told, once.
  EXPECT_EQ(CountKind(w->Inbox("vtsup"), v1::INBOX_ITEM_KIND_ESCALATION_NO_FIRST_CONTACT), 1);
  EXPECT_EQ(CountKind(w->Inbox("ggzsup"), v1::INBOX_ITEM_KIND_ESCALATION_NO_FIRST_CONTACT), 1);

  // The acceptance deadline passes: expired, the sender stays lead, both supervisors told.
  w->clock().Set(Amsterdam(2026, 1, 13, 0, 5));
  // (The timer, every second in tests, may have got there first; either way once.)
  ASSERT_TRUE(w->service().ScanDeadlines().ok());
  EXPECT_EQ(*w->service().ScanDeadlines(), 0) << "nothing twice";
  EXPECT_EQ(w->Get("vt", h.id()).state(), v1::HANDOVER_STATE_EXPIRED);
  EXPECT_EQ(w->Responsibility("vt", case_id).responsibility().lead_organisation_id(), kVt);
  EXPECT_EQ(CountKind(w->Inbox("vtsup"), v1::INBOX_ITEM_KIND_ESCALATION_NOT_ACCEPTED), 1);
  EXPECT_EQ(CountKind(w->Inbox("wtsup"), v1::INBOX_ITEM_KIND_ESCALATION_NOT_ACCEPTED), 1);
  EXPECT_EQ(CountKind(w->Inbox("ggzsup"), v1::INBOX_ITEM_KIND_ESCALATION_NOT_ACCEPTED), 0);
  EXPECT_EQ(CountKind(w->Inbox("wt"), v1::INBOX_ITEM_KIND_HANDOVER_WAITING), 0);
  // Professionals do not get supervisors' escalations.
  EXPECT_EQ(CountKind(w->Inbox("wt"), v1::INBOX_ITEM_KIND_ESCALATION_NOT_ACCEPTED), 0);

  // A restart on the same files, with the clock still past every deadline.
  w->Flush();
  w.reset();
  w = std::make_unique<HandoverWorld>(dir.path(), &pki);
  w->clock().Set(Amsterdam(2026, 1, 14, 9));
  EXPECT_EQ(*w->service().ScanDeadlines(), 0);
  EXPECT_EQ(CountKind(w->Inbox("vtsup"), v1::INBOX_ITEM_KIND_ESCALATION_NOT_ACCEPTED), 1);
  EXPECT_EQ(CountKind(w->Inbox("wtsup"), v1::INBOX_ITEM_KIND_ESCALATION_NOT_ACCEPTED), 1);
  EXPECT_EQ(CountKind(w->Inbox("vtsup"), v1::INBOX_ITEM_KIND_ESCALATION_NO_FIRST_CONTACT), 1);
  const auto timeline = w->Timeline(case_id);
  EXPECT_EQ(CountEvents(timeline, "handover.expired"), 1);
  int expired_records = 0;
  for (const auto& rec : w->AuditRecordsAbout(h.id())) {
    if (rec.event_type() == "handover.expired") ++expired_records;
  }
  EXPECT_EQ(expired_records, 1);
  EXPECT_EQ(CountEvents(w->Timeline(contact_case), "handover.first_contact_overdue"), 1);
  // The report counts both as overdue for the receivers.
  std::map<std::string, v1::OrganisationFigures> figures;
  const auto report = w->Report();
  for (const auto& f : report.report().organisations()) figures[f.organisation_id()] = f;
  EXPECT_EQ(figures[kTeam].overdue(), 1);
  EXPECT_EQ(figures[kGgz].overdue(), 1);
  // The timer itself, not only calls, finds what fell due: a deadline passing with no call.
  v1::Handover later;
  ASSERT_TRUE(w->Propose("vt", case_id, kTeam, v1::PHASE_STABLE_SAFETY, &later).ok());
  w->clock().Set(TimeOf(later.accept_deadline()) + absl::Minutes(1));
  bool expired = false;
  for (int i = 0; i < 100 && !expired; ++i) {
    for (const auto& row : ReadLedger(dir.path()).handovers) {
      if (row.id == later.id()) expired = row.state == v1::HANDOVER_STATE_EXPIRED;
    }
    if (!expired) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(expired) << "the deadline timer did not expire the handover";
  ExpectLedgerConsistent(dir.path());
}

// ---------------------------------------------------------------------------------------------
// WatchInbox pushes changes.

TEST(HandoverInboxTest, WatchInboxPushesEveryChange) {
  HandoverWorld w;
  const std::string case_id = w.MakeCase();
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  auto stub = w.H("wt");
  auto reader = stub->WatchInbox(&ctx, v1::WatchInboxRequest());
  v1::WatchInboxResponse update;
  ASSERT_TRUE(reader->Read(&update));
  EXPECT_EQ(update.inbox().items_size(), 0);
  v1::Handover h;
  ASSERT_TRUE(w.Propose("vt", case_id, kTeam, v1::PHASE_STABLE_SAFETY, &h).ok());
  ASSERT_TRUE(reader->Read(&update));
  ASSERT_EQ(update.inbox().items_size(), 1);
  EXPECT_EQ(update.inbox().items(0).kind(), v1::INBOX_ITEM_KIND_HANDOVER_WAITING);
  EXPECT_EQ(update.inbox().items(0).handover_id(), h.id());
  EXPECT_TRUE(absl::StrContains(update.inbox().items(0).text(), "awaits your answer"));
  ASSERT_TRUE(w.Accept("dir", h.id()).ok());
  // After acceptance: first contact is due (the item may come in one or two pushes).
  bool first_contact_due = false;
  while (!first_contact_due && reader->Read(&update)) {
    first_contact_due = update.inbox().items_size() == 1 &&
                        update.inbox().items(0).kind() == v1::INBOX_ITEM_KIND_FIRST_CONTACT_DUE;
  }
  EXPECT_TRUE(first_contact_due);
  ctx.TryCancel();
  reader->Finish();
  // Someone without an inbox role is refused.
  grpc::ClientContext denied_ctx;
  auto denied = w.H("vtaud")->WatchInbox(&denied_ctx, v1::WatchInboxRequest());
  EXPECT_FALSE(denied->Read(&update));
  EXPECT_EQ(denied->Finish().error_code(), grpc::StatusCode::PERMISSION_DENIED);
}

// ---------------------------------------------------------------------------------------------
// Concurrency: the ledger's invariants hold under random, simultaneous use.

TEST(HandoverConcurrencyTest, RandomisedClientsNeverLeaveACaseWithoutOrWithTwoLeads) {
  HandoverWorld w;
  // Every organisation has a member on every case, so whoever leads can propose.
  const std::map<std::string, std::string> member_of = {
      {kVt, "vt"}, {kTeam, "dir"}, {kPolice, "agent"}, {kGgz, "ggz1"}, {kGgz2, "ggz2"}};
  std::vector<std::string> cases;
  for (int i = 0; i < 4; ++i) {
    cases.push_back(w.MakeCase({{"agent", v1::CASE_ROLE_CORE_TEAM},
                                {"ggz1", v1::CASE_ROLE_CORE_TEAM},
                                {"ggz2", v1::CASE_ROLE_CORE_TEAM}}));
  }
  const std::vector<std::string> orgs = {kVt, kTeam, kPolice, kGgz, kGgz2};
  std::atomic<int> changes{0};
  std::atomic<int> unexpected{0};
  for (int round = 0; round < 6; ++round) {
    std::vector<std::thread> clients;
    for (int t = 0; t < 4; ++t) {
      clients.emplace_back([&, t, round] {
        std::mt19937 rng(1000 * round + t);
        for (int step = 0; step < 6; ++step) {
          const std::string& case_id = cases[rng() % cases.size()];
          v1::GetResponsibilityRequest rreq;
          rreq.set_case_id(case_id);
          v1::GetResponsibilityResponse r;
          if (grpc::Status rs = w.H("vt")->GetResponsibility(HCtx().get(), rreq, &r); !rs.ok()) {
            ADD_FAILURE() << "GetResponsibility: " << rs.error_code() << ": " << rs.error_message();
            ++unexpected;
            continue;
          }
          const auto& resp = r.responsibility();
          grpc::Status st;
          const bool proposing = !resp.has_pending_handover();
          if (!resp.has_pending_handover()) {
            // Propose from the lead to anyone else, for an allowed phase.
            std::string to;
            do {
              to = orgs[rng() % orgs.size()];
            } while (to == resp.lead_organisation_id());
            const v1::Phase phase = resp.phase() == v1::PHASE_RECOVERY
                                        ? (rng() % 2 ? v1::PHASE_RECOVERY : v1::PHASE_DIRECT_SAFETY)
                                        : static_cast<v1::Phase>(resp.phase() + rng() % 2);
            st = w.Propose(member_of.at(resp.lead_organisation_id()), case_id, to, phase);
          } else {
            const auto& p = resp.pending_handover();
            switch (rng() % 4) {
              case 0:
              case 1:
                st = w.Accept(member_of.at(p.to_organisation_id()), p.id());
                break;
              case 2:
                st = w.Decline(member_of.at(p.to_organisation_id()), p.id());
                break;
              default:
                st = w.Withdraw(member_of.at(p.from_organisation_id()), p.id());
                break;
            }
          }
          if (st.ok()) {
            ++changes;
          } else if (st.error_code() != grpc::StatusCode::FAILED_PRECONDITION &&
                     st.error_code() != grpc::StatusCode::ABORTED &&
                     !(proposing && st.error_code() == grpc::StatusCode::PERMISSION_DENIED)) {
            // PERMISSION_DENIED only for a proposal: the lead moved between our read and it.
            ADD_FAILURE() << st.error_code() << ": " << st.error_message();
            ++unexpected;
          }
        }
      });
    }
    // Meanwhile the clock crosses deadlines now and then.
    std::thread ticker([&, round] {
      std::mt19937 rng(round);
      for (int i = 0; i < 3; ++i) {
        w.clock().Advance(absl::Hours(static_cast<int>(rng() % 72)));
        (void)w.service().ScanDeadlines();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
    });
    // ... and an inspector checks the invariants on snapshots taken while the clients run (each
    // check reads one consistent snapshot, whichever steps have committed by then).
    std::atomic<bool> running{true};
    std::atomic<int> checks{0};
    std::thread inspector([&] {
      while (running.load()) {
        EXPECT_TRUE(w.Report().report().gaps().empty());
        ExpectLedgerConsistent(w.host().data_dir());
        ++checks;
      }
    });
    for (auto& c : clients) c.join();
    ticker.join();
    running = false;
    inspector.join();
    EXPECT_GE(checks.load(), 1);
    // After every round: one lead per open case, no gap, the ledger replays to the same state.
    EXPECT_TRUE(w.Report().report().gaps().empty()) << "round " << round;
    ExpectLedgerConsistent(w.host().data_dir());
  }
  EXPECT_GT(changes.load(), 10);
  EXPECT_EQ(unexpected.load(), 0);
}

// ---------------------------------------------------------------------------------------------
// A broken ledger is reported.

TEST(HandoverGapTest, ABrokenLedgerIsReportedAsAGap) {
  HandoverWorld w;
  const std::string case_id = w.MakeCase();
  v1::Handover h;
  ASSERT_TRUE(w.Propose("vt", case_id, kTeam, v1::PHASE_STABLE_SAFETY, &h).ok());
  w.clock().Advance(absl::Hours(5));
  ASSERT_TRUE(w.Accept("wt", h.id()).ok());
  EXPECT_TRUE(w.Report().report().gaps().empty());
  const std::string reference = w.Responsibility("vt", case_id).responsibility().case_reference();

  // Break it the way a bug would: the first lead stops an hour early.
  {
    auto db = sqlite::Database::Open(w.host().data_dir() / "handover.db");
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)
                    ->Exec(absl::StrCat("UPDATE lead_periods SET end_time = end_time - 3600000000 "
                                        "WHERE case_id = '",
                                        case_id, "' AND end_time IS NOT NULL"))
                    .ok());
  }
  auto report = w.Report("vtsup", true);
  ASSERT_EQ(report.report().gaps_size(), 1);
  const v1::Gap gap = report.report().gaps(0);  // a copy: `report` is read again below
  EXPECT_EQ(gap.case_id(), case_id);
  EXPECT_EQ(gap.case_reference(), reference);
  EXPECT_EQ(gap.kind(), v1::GAP_KIND_NO_LEAD);
  EXPECT_EQ(TimeOf(gap.end()) - TimeOf(gap.start()), absl::Hours(1));
  EXPECT_TRUE(
      absl::StrContains(report.csv(), absl::StrCat("gap,", reference, ",GAP_KIND_NO_LEAD,")));
  EXPECT_TRUE(absl::StrContains(report.csv(), "gaps,,count,1\n"));

  // And a ledger whose current lead vanished: a gap that still lasts.
  {
    auto db = sqlite::Database::Open(w.host().data_dir() / "handover.db");
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)
                    ->Exec(absl::StrCat("DELETE FROM lead_periods WHERE case_id = '", case_id,
                                        "' AND end_time IS NULL"))
                    .ok());
  }
  // The hour's hole and the missing present merge into one gap that still lasts.
  report = w.Report();
  ASSERT_EQ(report.report().gaps_size(), 1);
  EXPECT_EQ(TimeOf(report.report().gaps(0).start()), TimeOf(gap.start()));
  EXPECT_FALSE(report.report().gaps(0).has_end());
}

// Human trafficking: nothing of the case goes to an organisation not yet on the team before the
// written consent is recorded — a handover's receiver included.
TEST(HandoverTest, AHumanTraffickingCaseIsHandedOverOnlyWithWrittenConsent) {
  HandoverWorld w;
  w.Person("vtdir", kVt, {v1::ROLE_CASE_DIRECTOR, v1::ROLE_VT_INTAKE});
  v1::CreateCaseRequest create;
  create.set_request_id(NewRandomId());
  create.set_director_professional_id("vtdir");
  create.mutable_details()->add_violence_kinds(v1::VIOLENCE_KIND_HUMAN_TRAFFICKING);
  create.mutable_details()->set_human_trafficking(true);
  create.add_persons()->set_name("Ana Petrova");
  create.mutable_persons(0)->set_role(v1::PERSON_ROLE_VICTIM);
  v1::CreateCaseResponse created;
  grpc::Status st = w.C("vt")->CreateCase(HCtx().get(), create, &created);
  ASSERT_TRUE(st.ok()) << st.error_message();
  const std::string case_id = created.case_().id();
  w.Flush();

  v1::Handover h;
  st = w.Propose("vt", case_id, kTeam, v1::PHASE_STABLE_SAFETY, &h);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_TRUE(absl::StrContains(st.error_message(), "consent")) << st.error_message();
  EXPECT_TRUE(w.Responsibility("vt", case_id).handovers().empty()) << "nothing was proposed";

  // The director records the written consent; then the handover may go.
  v1::UpdateCaseRequest update;
  update.set_request_id(NewRandomId());
  update.set_case_id(case_id);
  update.set_etag(created.case_().etag());
  *update.mutable_details() = created.case_().details();
  update.mutable_details()->mutable_consent()->set_recorded(true);
  update.mutable_details()->mutable_consent()->mutable_date()->set_year(2026);
  update.mutable_details()->mutable_consent()->mutable_date()->set_month(1);
  update.mutable_details()->mutable_consent()->mutable_date()->set_day(2);
  update.mutable_details()->mutable_consent()->set_note("Schriftelijk, ook voor het wijkteam.");
  v1::UpdateCaseResponse updated;
  st = w.C("vtdir")->UpdateCase(HCtx().get(), update, &updated);
  ASSERT_TRUE(st.ok()) << st.error_message();
  st = w.Propose("vt", case_id, kTeam, v1::PHASE_STABLE_SAFETY, &h);
  EXPECT_TRUE(st.ok()) << st.error_message();
}

}  // namespace
}  // namespace schakel
