// DirectoryService: dual control. Granting SUPERVISOR, AUDITOR or ADMIN and changing an
// organisation's type take two administrators once the directory has had two: one proposes,
// another approves within kProposalLifetime. The proposer never approves, nobody approves a grant
// to themselves, and every step is on record.
#include <google/protobuf/util/time_util.h>

#include "absl/strings/str_cat.h"
#include "services/common/idempotency.h"
#include "services/common/ids.h"
#include "services/common/status.h"
#include "services/common/validation.h"
#include "services/directory/directory_rules.h"
#include "services/directory/directory_service.h"
#include "services/directory/directory_store.h"
#include "services/directory/governance_store.h"
#include "services/runtime/page_token.h"

namespace schakel::directory {
namespace {

using google::protobuf::util::TimeUtil;
using Governance = SqliteGovernanceStore;
using Store = SqliteDirectoryStore;

google::protobuf::Timestamp Stamp(absl::Time t) {
  return TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(t));
}

// The audit object a proposal's change is about.
std::pair<std::string, std::string> Target(const v1::Proposal& p) {
  if (p.has_grant_role()) {
    return {absl::StrCat("professional/", v1::Role_Name(p.grant_role().role())),
            p.grant_role().professional_id()};
  }
  return {"organisation", p.organisation_type().organisation_id()};
}

v1::AuditRecord ProposalRecord(const AuditTrail& audit, const Caller& caller,
                               absl::string_view event_type, const v1::Proposal& p) {
  v1::AuditRecord r =
      ChangeRecord(audit, caller, v1::AUDIT_ACTION_UPDATE, event_type, "proposal", p.id());
  auto [type, id] = Target(p);
  auto* object = r.add_objects();
  object->set_type(type);
  object->set_id(id);
  object->set_sensitivity(v1::SENSITIVITY_GENERAL);
  return r;
}

}  // namespace

grpc::ServerUnaryReactor* DirectoryService::ProposeChange(grpc::CallbackServerContext* ctx,
                                                          const v1::ProposeChangeRequest* req,
                                                          v1::ProposeChangeResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) {
    const v1::Proposal& in = req->proposal();
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (in.has_grant_role()) {
      CheckId(v, "proposal.grant_role.professional_id", in.grant_role().professional_id());
      CheckRole(v, "proposal.grant_role.role", in.grant_role().role());
      if (v1::Role_IsValid(in.grant_role().role()) && in.grant_role().role() != 0 &&
          !NeedsSecondAdmin(in.grant_role().role())) {
        v.Add("proposal.grant_role.role", "needs no second administrator: use GrantRole");
      }
    } else if (in.has_organisation_type()) {
      CheckId(v, "proposal.organisation_type.organisation_id",
              in.organisation_type().organisation_id());
      if (in.organisation_type().type() == v1::ORGANISATION_TYPE_UNSPECIFIED ||
          !v1::OrganisationType_IsValid(in.organisation_type().type())) {
        v.Add("proposal.organisation_type.type", "must be one of the organisation types");
      }
    } else {
      v.Add("proposal", "must hold one change: grant_role or organisation_type");
    }
    if (!in.id().empty()) v.Add("proposal.id", "is set by the server");
    if (!in.proposed_by().empty()) v.Add("proposal.proposed_by", "is set by the server");
    if (in.state() != v1::PROPOSAL_STATE_UNSPECIFIED)
      v.Add("proposal.state", "is set by the server");
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    if (in.has_grant_role() && in.grant_role().professional_id() == caller.principal.id) {
      return absl::PermissionDeniedError("administrators cannot grant roles to themselves");
    }
    const absl::Time now = env_.clock->Now();
    return RunIdempotent(
        *db_, {caller.principal.id, req->request_id(), "ProposeChange"}, *req, *resp, now,
        [&](sqlite::Connection& c) -> absl::Status {
          if (in.has_grant_role()) {
            SCHAKEL_ASSIGN_OR_RETURN(auto pro,
                                     Store::GetProfessional(c, in.grant_role().professional_id()));
            if (!pro) return absl::NotFoundError("no professional with that id");
            if (pro->state() != v1::PROFESSIONAL_STATE_ACTIVE) {
              return absl::FailedPreconditionError("the professional is revoked");
            }
          } else {
            SCHAKEL_ASSIGN_OR_RETURN(
                auto org, Store::GetOrganisation(c, in.organisation_type().organisation_id()));
            if (!org) return absl::NotFoundError("no organisation with that id");
          }
          v1::Proposal proposal;
          if (in.has_grant_role()) *proposal.mutable_grant_role() = in.grant_role();
          if (in.has_organisation_type()) {
            *proposal.mutable_organisation_type() = in.organisation_type();
          }
          proposal.set_id(NewRandomId());
          proposal.set_proposed_by(caller.principal.id);
          *proposal.mutable_propose_time() = Stamp(now);
          *proposal.mutable_expire_time() = Stamp(now + kProposalLifetime);
          proposal.set_state(v1::PROPOSAL_STATE_PENDING);
          SCHAKEL_RETURN_IF_ERROR(Governance::SaveProposal(c, proposal));
          SCHAKEL_RETURN_IF_ERROR(audit_->Record(
              c, ProposalRecord(*audit_, caller, "directory.change.proposed", proposal)));
          *resp->mutable_proposal() = std::move(proposal);
          return absl::OkStatus();
        });
  };
  return Handle(ctx, "ProposeChange", *req,
                {Asked("professional", req->proposal().grant_role().professional_id()),
                 Asked("organisation", req->proposal().organisation_type().organisation_id())},
                std::move(handler));
}

grpc::ServerUnaryReactor* DirectoryService::ApproveChange(grpc::CallbackServerContext* ctx,
                                                          const v1::ApproveChangeRequest* req,
                                                          v1::ApproveChangeResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    CheckId(v, "proposal_id", req->proposal_id());
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    const absl::Time now = env_.clock->Now();
    // The call being served, taken on the handler's own thread before the transaction.
    const CallContext* call = CurrentCall();
    return RunIdempotent(
        *db_, {caller.principal.id, req->request_id(), "ApproveChange"}, *req, *resp, now,
        [&](sqlite::Connection& c) -> absl::Status {
          SCHAKEL_ASSIGN_OR_RETURN(auto proposal, Governance::GetProposal(c, req->proposal_id()));
          if (!proposal) return absl::NotFoundError("no proposal with that id");
          // A refusal below names what the proposal would change, besides the proposal.
          if (call != nullptr) {
            auto [type, id] = Target(*proposal);
            call->AskedFor(type, id);
          }
          if (proposal->proposed_by() == caller.principal.id) {
            return absl::PermissionDeniedError(
                "the administrator who proposed a change cannot approve it");
          }
          if (proposal->has_grant_role() &&
              proposal->grant_role().professional_id() == caller.principal.id) {
            return absl::PermissionDeniedError("administrators cannot grant roles to themselves");
          }
          if (proposal->state() != v1::PROPOSAL_STATE_PENDING) {
            return absl::FailedPreconditionError("the proposal was approved already");
          }
          if (now >=
              absl::FromUnixMicros(TimeUtil::TimestampToMicroseconds(proposal->expire_time()))) {
            return absl::FailedPreconditionError("the proposal expired; propose it again");
          }
          proposal->set_state(v1::PROPOSAL_STATE_APPROVED);
          proposal->set_approved_by(caller.principal.id);
          *proposal->mutable_approve_time() = Stamp(now);
          SCHAKEL_RETURN_IF_ERROR(Governance::SaveProposal(c, *proposal));
          SCHAKEL_RETURN_IF_ERROR(audit_->Record(
              c, ProposalRecord(*audit_, caller, "directory.change.approved", *proposal)));
          SCHAKEL_RETURN_IF_ERROR(ApplyProposal(c, caller, *proposal, now));
          *resp->mutable_proposal() = *std::move(proposal);
          return absl::OkStatus();
        });
  };
  return Handle(ctx, "ApproveChange", *req, {Asked("proposal", req->proposal_id())},
                std::move(handler));
}

absl::Status DirectoryService::ApplyProposal(sqlite::Connection& c, const Caller& approver,
                                             const v1::Proposal& proposal, absl::Time now) {
  if (proposal.has_grant_role()) {
    const v1::RoleGrant& g = proposal.grant_role();
    SCHAKEL_ASSIGN_OR_RETURN(auto pro, Store::GetProfessional(c, g.professional_id()));
    if (!pro) return absl::NotFoundError("the professional of the proposal no longer exists");
    if (pro->state() != v1::PROFESSIONAL_STATE_ACTIVE) {
      return absl::FailedPreconditionError("the professional is revoked");
    }
    SCHAKEL_ASSIGN_OR_RETURN(auto org, Store::GetOrganisation(c, pro->organisation_id()));
    FieldViolations dv;
    if (org) CheckRoleFitsOrganisation(dv, "proposal.grant_role.role", g.role(), *org);
    SCHAKEL_RETURN_IF_ERROR(dv.ToStatus());
    pro->add_roles(g.role());
    SortRoles(*pro);
    SCHAKEL_RETURN_IF_ERROR(Store::SaveProfessional(c, *pro, now));
    v1::AuditRecord record = ProposalRecord(*audit_, approver, "directory.role.granted", proposal);
    SCHAKEL_RETURN_IF_ERROR(audit_->Record(c, record));
    return Governance::UpdateDualControl(c, now).status();
  }
  const v1::OrganisationTypeChange& t = proposal.organisation_type();
  SCHAKEL_ASSIGN_OR_RETURN(auto org, Store::GetOrganisation(c, t.organisation_id()));
  if (!org) return absl::NotFoundError("the organisation of the proposal no longer exists");
  org->set_type(t.type());
  SCHAKEL_RETURN_IF_ERROR(Store::UpdateOrganisation(c, *org, now));
  return audit_->Record(
      c, ProposalRecord(*audit_, approver, "directory.organisation.updated", proposal));
}

grpc::ServerUnaryReactor* DirectoryService::ListProposals(grpc::CallbackServerContext* ctx,
                                                          const v1::ListProposalsRequest* req,
                                                          v1::ListProposalsResponse* resp) {
  auto handler = [this, req, resp](const Caller&) -> absl::Status {
    FieldViolations v;
    const Page page = DecodePage(v, *req, "proposals");
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    const absl::Time now = env_.clock->Now();
    return db_->Read([&](sqlite::Connection& c) -> absl::Status {
      SCHAKEL_ASSIGN_OR_RETURN(
          auto proposals,
          Governance::ListProposals(c, req->show_closed(), now, page.after, page.limit + 1));
      const bool more = static_cast<int>(proposals.size()) > page.limit;
      if (more) proposals.pop_back();
      for (auto& p : proposals) *resp->add_proposals() = std::move(p);
      if (more) {
        resp->set_next_page_token(
            NextPageToken(*req, "proposals", resp->proposals().rbegin()->id()));
      }
      return absl::OkStatus();
    });
  };
  return Handle(ctx, "ListProposals", *req, {}, std::move(handler));
}

}  // namespace schakel::directory
