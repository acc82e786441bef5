#include "client/desktop/handover_sent.h"

#include <algorithm>
#include <string>
#include <utility>

#include "client/desktop/rpc_runner.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/cases.grpc.pb.h"
#include "schakel/v1/directory.grpc.pb.h"
#include "schakel/v1/handover.grpc.pb.h"

namespace schakel::desktop {

namespace {

constexpr int kMaxCasePages = 10;

void OldestFirst(std::vector<v1::Handover>& handovers) {
  std::stable_sort(handovers.begin(), handovers.end(),
                   [](const v1::Handover& a, const v1::Handover& b) {
                     return a.proposed_at().seconds() < b.proposed_at().seconds();
                   });
}

}  // namespace

SentHandovers FetchSentHandovers(const client::ChannelsPtr& channel) {
  SentHandovers out;
  v1::WhoAmIResponse me;
  out.status = client::StubOf<v1::DirectoryService>(*channel)->WhoAmI(NewCallContext().get(),
                                                                      v1::WhoAmIRequest(), &me);
  if (!out.status.ok()) return out;
  auto cases = client::StubOf<v1::CaseService>(*channel);
  auto handover = client::StubOf<v1::HandoverService>(*channel);
  v1::ListMyCasesRequest list;
  list.set_status(v1::CASE_STATUS_OPEN);
  list.set_page_size(100);
  for (int page = 0; page < kMaxCasePages; ++page) {
    v1::ListMyCasesResponse mine;
    out.status = cases->ListMyCases(NewCallContext().get(), list, &mine);
    if (out.status.error_code() == grpc::StatusCode::PERMISSION_DENIED) {
      out.status = grpc::Status::OK;
      return out;
    }
    if (!out.status.ok()) return out;
    for (const v1::CaseSummary& c : mine.cases()) {
      if (c.my_role() == v1::CASE_ROLE_OVERSIGHT) continue;  // oversight proposes nothing
      v1::GetResponsibilityRequest req;
      req.set_case_id(c.id());
      v1::GetResponsibilityResponse resp;
      // A case whose ledger does not answer has nothing to show here; the inbox goes on.
      if (!handover->GetResponsibility(NewCallContext().get(), req, &resp).ok()) continue;
      const v1::Responsibility& r = resp.responsibility();
      if (!r.has_pending_handover()) continue;
      const v1::Handover& h = r.pending_handover();
      if (h.state() != v1::HANDOVER_STATE_PROPOSED ||
          h.from_organisation_id() != me.organisation_id()) {
        continue;
      }
      v1::Handover copy = h;
      if (copy.case_reference().empty()) copy.set_case_reference(r.case_reference());
      out.handovers.push_back(std::move(copy));
    }
    if (mine.next_page_token().empty()) break;
    list.set_page_token(mine.next_page_token());
  }
  OldestFirst(out.handovers);
  return out;
}

SentHandovers RecheckSentHandovers(const client::ChannelsPtr& channel,
                                   const std::vector<v1::Handover>& known) {
  SentHandovers out;
  auto handover = client::StubOf<v1::HandoverService>(*channel);
  for (const v1::Handover& h : known) {
    v1::GetHandoverRequest req;
    req.set_handover_id(h.id());
    v1::GetHandoverResponse resp;
    const grpc::Status st = handover->GetHandover(NewCallContext().get(), req, &resp);
    if (st.error_code() == grpc::StatusCode::UNAVAILABLE ||
        st.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED) {
      // Not known now: keep what was known, and say the look failed.
      out.status = st;
      out.handovers = known;
      return out;
    }
    if (st.ok() && resp.handover().state() == v1::HANDOVER_STATE_PROPOSED) {
      out.handovers.push_back(std::move(*resp.mutable_handover()));
    }
  }
  OldestFirst(out.handovers);
  return out;
}

}  // namespace schakel::desktop
