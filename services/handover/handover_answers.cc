// Answering, withdrawing, confirming: the changes of a proposed handover, all in one shape
// (ChangeHandover). Every refusal is checked again inside the transaction (state, deadline, lead
// unchanged, etag), so concurrent answers cannot both win.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/common/audit_trail.h"
#include "services/common/etag.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"
#include "services/common/validation.h"
#include "services/handover/handover_service.h"
#include "services/handover/handover_store.h"
#include "services/handover/handover_views.h"
#include "services/handover/ledger.h"
#include "services/runtime/unit_of_work.h"

namespace schakel::handover {

struct HandoverService::Change {
  sqlite::Connection& c;
  HandoverStore store;
  HandoverRow h;
  LedgerRow ledger;
  absl::Time now_time;
  int64_t now = 0;
  bool ledger_changed = false;
  v1::AuditRecord audit;
  // Timeline event for the change: type and summary.
  std::string event_type;
  std::string summary;
};

absl::StatusOr<HandoverRow> HandoverService::ReadHandover(const std::string& id) {
  std::optional<HandoverRow> h;
  SCHAKEL_RETURN_IF_ERROR(rt_.db->Read([&](sqlite::Connection& c) -> absl::Status {
    HandoverStore store(c, *sealer_);
    SCHAKEL_ASSIGN_OR_RETURN(h, store.GetHandover(id, false));
    return absl::OkStatus();
  }));
  if (!h) return absl::PermissionDeniedError(kNoHandoverForYou);
  AskedForCase(h->case_id);
  return *std::move(h);
}

absl::Status HandoverService::ChangeHandover(const HandoverChangeSpec& spec) {
  const Caller& caller = *spec.caller;
  // The change may run where CurrentCall() is another's (a group commit's leader).
  const CallContext* call = CurrentCall();
  auto asked_for_case = [call](const std::string& case_id) {
    if (call != nullptr) call->AskedFor("case", case_id);
  };
  SettleDeadlines();
  const absl::Time now_time = env_.clock->Now();
  std::vector<std::string> notify;
  const ChangeSpec change_spec{
      .db = rt_.db.get(),
      .caller = spec.caller,
      .method = spec.method,
      .request = spec.request,
      .response = spec.response,
      .request_id = spec.request_id,
      .now = now_time,
      .protector = rt_.cipher.get(),
      // A replay re-checks only who the caller is, on the stored handover (a local check, so in
      // the replay's transaction: it also covers a duplicate that committed meanwhile).
      .on_replay = [&](sqlite::Connection& c) -> absl::Status {
        HandoverStore store(c, *sealer_);
        SCHAKEL_ASSIGN_OR_RETURN(auto h, store.GetHandover(spec.handover_id, false));
        if (!h) return absl::PermissionDeniedError(kNoHandoverForYou);
        asked_for_case(h->case_id);
        SCHAKEL_RETURN_IF_ERROR(spec.party(*h));
        v1::AuditRecord rec = rt_.audit->NewRecord(caller, v1::AUDIT_ACTION_READ,
                                                   absl::StrCat(spec.event_type, ".replayed"));
        AddObject(rec, "case", h->case_id);
        AddObject(rec, "handover", h->id);
        rec.set_purpose_of_use(kPurpose);
        return rt_.audit->Record(c, rec);
      },
  };
  auto change = [&](sqlite::Connection& c) -> absl::Status {
    Change ch{c, HandoverStore(c, *sealer_), {}, {}, now_time, absl::ToUnixMicros(now_time)};
    // Who may change it is decided before its content is decrypted.
    SCHAKEL_ASSIGN_OR_RETURN(auto row, ch.store.GetHandover(spec.handover_id, false));
    if (!row) return absl::PermissionDeniedError(kNoHandoverForYou);
    asked_for_case(row->case_id);
    SCHAKEL_RETURN_IF_ERROR(spec.party(*row));
    SCHAKEL_ASSIGN_OR_RETURN(auto h, ch.store.GetHandover(spec.handover_id));
    if (!h) return absl::PermissionDeniedError(kNoHandoverForYou);
    ch.h = *std::move(h);
    SCHAKEL_ASSIGN_OR_RETURN(auto ledger, ch.store.GetLedger(ch.h.case_id));
    if (!ledger) return absl::InternalError("a handover without a ledger");
    ch.ledger = *std::move(ledger);
    ch.audit = rt_.audit->NewRecord(caller, v1::AUDIT_ACTION_UPDATE, spec.event_type);
    AddObject(ch.audit, "case", ch.h.case_id);
    AddObject(ch.audit, "handover", ch.h.id);
    ch.audit.set_purpose_of_use(kPurpose);
    ch.event_type = spec.event_type;
    SCHAKEL_RETURN_IF_ERROR(spec.change(ch));
    SCHAKEL_RETURN_IF_ERROR(ch.store.UpdateHandover(ch.h));
    if (ch.ledger_changed) SCHAKEL_RETURN_IF_ERROR(ch.store.UpdateLedger(ch.ledger));
    SCHAKEL_RETURN_IF_ERROR(Timeline(c, ch.h.case_id, ch.event_type, ch.summary,
                                     caller.principal.id, caller.principal.organisation_id,
                                     ch.now));
    notify = {ch.h.from_organisation_id, ch.h.to_organisation_id};
    return rt_.audit->Record(c, ch.audit);
  };
  SCHAKEL_RETURN_IF_ERROR(RunChange(change_spec, spec.prepare, change));
  hub_.Notify(notify);
  return absl::OkStatus();
}

namespace {

// The receiver's answer needs the handover open and in time.
absl::Status CheckAnswerable(const HandoverRow& h, int64_t now) {
  if (h.state != v1::HANDOVER_STATE_PROPOSED) {
    return absl::FailedPreconditionError(
        absl::StrCat("the handover is ", StateName(h.state), "; there is nothing to answer"));
  }
  if (now >= h.accept_deadline) {
    return absl::FailedPreconditionError("the acceptance deadline passed; the sender stays lead");
  }
  return absl::OkStatus();
}

// Only professionals of the receiving organisation may `what` ("accept it"). Someone of neither
// organisation hears what they would hear for a handover that does not exist; the sender is told
// why, without names.
std::function<absl::Status(const HandoverRow&)> Receiver(const Caller& caller, std::string what) {
  return [&caller, what = std::move(what)](const HandoverRow& h) -> absl::Status {
    const std::string& org = caller.principal.organisation_id;
    if (org == h.to_organisation_id) return absl::OkStatus();
    if (org != h.from_organisation_id) return absl::PermissionDeniedError(kNoHandoverForYou);
    return absl::PermissionDeniedError(
        absl::StrCat("only professionals of the receiving organisation may ", what));
  };
}

// Only the sending organisation may withdraw; the rest as for Receiver.
std::function<absl::Status(const HandoverRow&)> Sender(const Caller& caller) {
  return [&caller](const HandoverRow& h) -> absl::Status {
    const std::string& org = caller.principal.organisation_id;
    if (org == h.from_organisation_id) return absl::OkStatus();
    if (org != h.to_organisation_id) return absl::PermissionDeniedError(kNoHandoverForYou);
    return absl::PermissionDeniedError("only the sending organisation may withdraw it");
  };
}

// The answer shows the handover as the change leaves it: UpdateHandover bumps the version.
v1::Handover Answered(const HandoverRow& h, const std::string& reference) {
  v1::Handover out = ToProto(h, reference, true);
  out.set_etag(Etag(h.version + 1));
  return out;
}

}  // namespace

grpc::ServerUnaryReactor* HandoverService::AcceptHandover(grpc::CallbackServerContext* ctx,
                                                          const v1::AcceptHandoverRequest* req,
                                                          v1::AcceptHandoverResponse* resp) {
  return Handle(
      ctx, "AcceptHandover", Asked("handover", req->handover_id()),
      [this, req, resp](const Caller& caller) -> absl::Status {
        FieldViolations v;
        CheckRequestId(v, req->request_id());
        if (req->handover_id().empty()) v.Add("handover_id", "must be set");
        CheckTerm(v, "first_contact_working_days", req->first_contact_working_days());
        const bool named = !req->responsible_professional_id().empty();
        if (named) CheckId(v, "responsible_professional_id", req->responsible_professional_id());
        SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
        const std::string responsible =
            named ? req->responsible_professional_id() : caller.principal.id;
        const auto receiver = Receiver(caller, "accept it");

        auto prepare = [&]() -> absl::Status {
          if (named) {
            SCHAKEL_ASSIGN_OR_RETURN(DirectoryEntry p, rt_.roles->Resolve(responsible));
            if (!p.registered || !p.active || !p.DoesCaseWork()) {
              v.Add("responsible_professional_id", "no active professional with a case-work role");
            } else if (p.organisation_id != caller.principal.organisation_id) {
              v.Add("responsible_professional_id", "works for another organisation than yours");
            }
            SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
          }
          // The new lead must see the case: the professional who takes the lead has to be on its
          // team (the case director adds them). The receiver check comes first so that someone of
          // another organisation hears only "no".
          SCHAKEL_ASSIGN_OR_RETURN(HandoverRow h, ReadHandover(req->handover_id()));
          SCHAKEL_RETURN_IF_ERROR(receiver(h));
          SCHAKEL_ASSIGN_OR_RETURN(v1::CheckAccessResponse lead_access,
                                   CaseAccess(h.case_id, responsible));
          if (!lead_access.allowed() || lead_access.role() == v1::CASE_ROLE_OVERSIGHT) {
            return absl::FailedPreconditionError(absl::StrCat(
                responsible,
                " is not on the case team and so could not see the case they would lead; ask the "
                "case director to add them first"));
          }
          // The cases service may know more than the ledger yet: a closure, or a case that became
          // honour-related after the proposal said the family was informed.
          if (lead_access.status() != v1::CASE_STATUS_OPEN) {
            return absl::FailedPreconditionError("the case is closed");
          }
          if (lead_access.honour_related_violence() && h.family_informed) {
            return absl::FailedPreconditionError(
                "the case is now one of honour-related violence and this proposal says the family "
                "was informed; the sender withdraws it and proposes again");
          }
          return absl::OkStatus();
        };

        const int days = req->first_contact_working_days() > 0 ? req->first_contact_working_days()
                                                               : contact_days_;
        int64_t contact_due = kForever;
        auto change = [&](Change& ch) -> absl::Status {
          SCHAKEL_RETURN_IF_ERROR(CheckAnswerable(ch.h, ch.now));
          SCHAKEL_RETURN_IF_ERROR(CheckEtag(req->etag(), ch.h.version, "handover"));
          if (ch.ledger.status != v1::CASE_STATUS_OPEN) {
            return absl::FailedPreconditionError("the case is closed");
          }
          if (ch.ledger.lead_organisation_id != ch.h.from_organisation_id) {
            return absl::FailedPreconditionError("the lead changed since the proposal");
          }
          // The switch: the sender's period ends and the receiver's begins at the same instant, in
          // this transaction.
          SCHAKEL_RETURN_IF_ERROR(ch.store.SwitchPeriod(ch.h.case_id, ch.now,
                                                        {.case_id = ch.h.case_id,
                                                         .phase = ch.h.phase,
                                                         .organisation_id = ch.h.to_organisation_id,
                                                         .professional_id = responsible,
                                                         .cause = "handover.accepted",
                                                         .handover_id = ch.h.id}));
          ch.ledger.phase = ch.h.phase;
          ch.ledger.lead_organisation_id = ch.h.to_organisation_id;
          ch.ledger.lead_professional_id = responsible;
          ch.ledger.lead_since = ch.now;
          ch.ledger.watching_organisation_id = ch.h.from_organisation_id;
          ch.ledger.watching_handover_id = ch.h.id;
          ch.ledger_changed = true;
          ch.h.state = v1::HANDOVER_STATE_ACCEPTED;
          ch.h.decided = ch.now;
          ch.h.decided_by = caller.principal.id;
          ch.h.contact_deadline = absl::ToUnixMicros(calendar_->DeadlineAfter(ch.now_time, days));
          contact_due = *ch.h.contact_deadline;
          ch.summary =
              absl::StrCat(ch.h.to_organisation_id, " neemt de regie over in fase ",
                           PhaseLabel(ch.h.phase), "; eerste contact uiterlijk ",
                           DeadlineDay(*ch.h.contact_deadline), " / ", ch.h.to_organisation_id,
                           " accepted lead responsibility; first contact by the end of ",
                           DeadlineDay(*ch.h.contact_deadline));
          ch.audit.mutable_checks()->set_care_relationship(v1::AUDIT_CHECK_NOT_APPLICABLE);
          *resp->mutable_handover() = Answered(ch.h, ch.ledger.reference);
          *resp->mutable_responsibility() = ToProto(ch.ledger, std::nullopt, false);
          return absl::OkStatus();
        };
        SCHAKEL_RETURN_IF_ERROR(ChangeHandover({.caller = &caller,
                                                .method = "AcceptHandover",
                                                .request = req,
                                                .response = resp,
                                                .request_id = req->request_id(),
                                                .handover_id = req->handover_id(),
                                                .event_type = "handover.accepted",
                                                .party = receiver,
                                                .prepare = prepare,
                                                .change = change}));
        LowerNextDue(contact_due);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* HandoverService::DeclineHandover(grpc::CallbackServerContext* ctx,
                                                           const v1::DeclineHandoverRequest* req,
                                                           v1::DeclineHandoverResponse* resp) {
  return Handle(ctx, "DeclineHandover", Asked("handover", req->handover_id()),
                [this, req, resp](const Caller& caller) -> absl::Status {
                  FieldViolations v;
                  CheckRequestId(v, req->request_id());
                  if (req->handover_id().empty()) v.Add("handover_id", "must be set");
                  CheckText(v, "reason", req->reason(), kTextMax, true);
                  SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
                  auto change = [&](Change& ch) -> absl::Status {
                    SCHAKEL_RETURN_IF_ERROR(CheckAnswerable(ch.h, ch.now));
                    SCHAKEL_RETURN_IF_ERROR(CheckEtag(req->etag(), ch.h.version, "handover"));
                    ch.h.state = v1::HANDOVER_STATE_DECLINED;
                    ch.h.decided = ch.now;
                    ch.h.decided_by = caller.principal.id;
                    ch.h.body.set_decline_reason(req->reason());
                    ch.summary = absl::StrCat("Overdracht afgewezen door ", ch.h.to_organisation_id,
                                              "; ", ch.h.from_organisation_id,
                                              " blijft verantwoordelijk / Handover declined by ",
                                              ch.h.to_organisation_id, "; ",
                                              ch.h.from_organisation_id, " stays responsible");
                    *resp->mutable_handover() = Answered(ch.h, ch.ledger.reference);
                    return absl::OkStatus();
                  };
                  return ChangeHandover({.caller = &caller,
                                         .method = "DeclineHandover",
                                         .request = req,
                                         .response = resp,
                                         .request_id = req->request_id(),
                                         .handover_id = req->handover_id(),
                                         .event_type = "handover.declined",
                                         .party = Receiver(caller, "decline it"),
                                         .change = change});
                });
}

grpc::ServerUnaryReactor* HandoverService::WithdrawHandover(grpc::CallbackServerContext* ctx,
                                                            const v1::WithdrawHandoverRequest* req,
                                                            v1::WithdrawHandoverResponse* resp) {
  return Handle(
      ctx, "WithdrawHandover", Asked("handover", req->handover_id()),
      [this, req, resp](const Caller& caller) -> absl::Status {
        FieldViolations v;
        CheckRequestId(v, req->request_id());
        if (req->handover_id().empty()) v.Add("handover_id", "must be set");
        CheckText(v, "reason", req->reason(), kTextMax, false);
        SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
        // The sender must still be on the team (asked before the transaction).
        v1::CheckAccessResponse access;
        const auto sender = Sender(caller);
        auto prepare = [&]() -> absl::Status {
          SCHAKEL_ASSIGN_OR_RETURN(HandoverRow h, ReadHandover(req->handover_id()));
          SCHAKEL_RETURN_IF_ERROR(sender(h));
          SCHAKEL_ASSIGN_OR_RETURN(access, CaseAccess(h.case_id, caller.principal.id));
          return absl::OkStatus();
        };
        auto change = [&](Change& ch) -> absl::Status {
          if (!access.allowed() || access.role() == v1::CASE_ROLE_OVERSIGHT) {
            return absl::PermissionDeniedError(kNotOnTeam);
          }
          if (ch.h.state != v1::HANDOVER_STATE_PROPOSED) {
            return absl::FailedPreconditionError(absl::StrCat(
                "the handover is ", StateName(ch.h.state), "; only an open one can be withdrawn"));
          }
          SCHAKEL_RETURN_IF_ERROR(CheckEtag(req->etag(), ch.h.version, "handover"));
          ch.h.state = v1::HANDOVER_STATE_WITHDRAWN;
          ch.h.decided = ch.now;
          ch.h.decided_by = caller.principal.id;
          ch.h.body.set_withdraw_reason(req->reason());
          ch.audit.mutable_checks()->set_care_relationship(v1::AUDIT_CHECK_PASSED);
          ch.summary =
              absl::StrCat("Overdracht aan ", ch.h.to_organisation_id,
                           " ingetrokken / Handover to ", ch.h.to_organisation_id, " withdrawn");
          *resp->mutable_handover() = Answered(ch.h, ch.ledger.reference);
          return absl::OkStatus();
        };
        return ChangeHandover({.caller = &caller,
                               .method = "WithdrawHandover",
                               .request = req,
                               .response = resp,
                               .request_id = req->request_id(),
                               .handover_id = req->handover_id(),
                               .event_type = "handover.withdrawn",
                               .party = sender,
                               .prepare = prepare,
                               .change = change});
      });
}

grpc::ServerUnaryReactor* HandoverService::ConfirmFirstContact(
    grpc::CallbackServerContext* ctx, const v1::ConfirmFirstContactRequest* req,
    v1::ConfirmFirstContactResponse* resp) {
  return Handle(ctx, "ConfirmFirstContact", Asked("handover", req->handover_id()),
                [this, req, resp](const Caller& caller) -> absl::Status {
                  FieldViolations v;
                  CheckRequestId(v, req->request_id());
                  if (req->handover_id().empty()) v.Add("handover_id", "must be set");
                  if (req->has_contact_at() && !ValidTimestamp(req->contact_at())) {
                    v.Add("contact_at", "must be a valid time");
                  }
                  SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
                  auto change = [&](Change& ch) -> absl::Status {
                    if (ch.h.state != v1::HANDOVER_STATE_ACCEPTED) {
                      return absl::FailedPreconditionError(
                          absl::StrCat("the handover is ", StateName(ch.h.state),
                                       "; only an accepted one has a first contact"));
                    }
                    if (ch.h.contact)
                      return absl::FailedPreconditionError("first contact was confirmed already");
                    const int64_t at = req->has_contact_at() ? ToMicros(req->contact_at()) : ch.now;
                    FieldViolations cv;
                    if (at > ch.now) cv.Add("contact_at", "must not be in the future");
                    if (ch.h.decided && at < *ch.h.decided) {
                      cv.Add("contact_at", "must not be before the acceptance");
                    }
                    SCHAKEL_RETURN_IF_ERROR(cv.ToStatus());
                    ch.h.contact = at;
                    if (ch.ledger.watching_handover_id == ch.h.id) {
                      ch.ledger.watching_organisation_id.clear();
                      ch.ledger.watching_handover_id.clear();
                      ch.ledger_changed = true;
                    }
                    ch.summary = absl::StrCat(
                        ch.h.to_organisation_id,
                        " bevestigt het eerste contact; de overlap is voorbij / ",
                        ch.h.to_organisation_id, " confirmed first contact; the overlap ended");
                    *resp->mutable_handover() = Answered(ch.h, ch.ledger.reference);
                    return absl::OkStatus();
                  };
                  return ChangeHandover({.caller = &caller,
                                         .method = "ConfirmFirstContact",
                                         .request = req,
                                         .response = resp,
                                         .request_id = req->request_id(),
                                         .handover_id = req->handover_id(),
                                         .event_type = "handover.first_contact_confirmed",
                                         .party = Receiver(caller, "confirm first contact"),
                                         .change = change});
                });
}

}  // namespace schakel::handover
