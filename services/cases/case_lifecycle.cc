// Closing and reopening a case, and timeline events from other services.
#include "services/cases/case_service.h"

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/cases/case_change.h"
#include "services/cases/case_retention_store.h"
#include "services/cases/case_rules.h"
#include "services/cases/case_store.h"
#include "services/cases/case_validation.h"
#include "services/cases/case_views.h"
#include "services/common/etag.h"
#include "services/common/ids.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"
#include "services/common/validation.h"
#include "services/redaction/need_to_know.h"

namespace schakel::cases {

using google::protobuf::RepeatedPtrField;

grpc::ServerUnaryReactor* CaseService::CloseCase(grpc::CallbackServerContext* ctx,
                                                 const v1::CloseCaseRequest* req,
                                                 v1::CloseCaseResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    CheckText(v, "reason", req->reason(), kTextMax, true);
    if (req->sensitivity() != v1::SENSITIVITY_UNSPECIFIED) {
      CheckSensitivity(v, "sensitivity", req->sensitivity());
    }
    const v1::ClosureChecklist& cl = req->checklist();
    const bool complete = cl.stable_safety_held() && cl.risk_factors_addressed() &&
                          cl.recovery_owner_in_place() && cl.follow_up_agreed();
    if (!complete) {
      CheckText(v, "deviation", req->deviation(), kTextMax, false);
      if (req->deviation().find_first_not_of(" \t\r\n") == std::string::npos) {
        std::vector<std::string> open;
        if (!cl.stable_safety_held()) open.push_back("stable_safety_held");
        if (!cl.risk_factors_addressed()) open.push_back("risk_factors_addressed");
        if (!cl.recovery_owner_in_place()) open.push_back("recovery_owner_in_place");
        if (!cl.follow_up_agreed()) open.push_back("follow_up_agreed");
        for (const auto& item : open) {
          v.Add("checklist." + item,
                "is not met; meet it, or explain in deviation why the case "
                "closes anyway");
        }
      }
    } else if (!req->deviation().empty()) {
      v.Add("deviation", "is only for a checklist that is not met");
    }
    for (int i = 0; i < req->follow_up_months_size(); ++i) {
      if (req->follow_up_months(i) < 1 || req->follow_up_months(i) > 120) {
        v.Add(absl::StrCat("follow_up_months[", i, "]"), "must be 1 to 120");
      }
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    std::vector<int> months(req->follow_up_months().begin(), req->follow_up_months().end());
    if (months.empty()) months = follow_up_months_;
    std::sort(months.begin(), months.end());
    months.erase(std::unique(months.begin(), months.end()), months.end());
    return ChangeCase(
        {.caller = &caller,
         .method = "CloseCase",
         .request = req,
         .response = resp,
         .request_id = req->request_id(),
         .case_id = req->case_id(),
         .need = Need::kDirector,
         .action = v1::AUDIT_ACTION_UPDATE,
         .event_type = "case.closed"},
        [&](Mutation& m) -> absl::Status {
          v1::Closure closure;
          closure.set_reason(req->reason());
          *closure.mutable_checklist() = cl;
          closure.set_deviation(req->deviation());
          closure.set_sensitivity(
              SensitivityOrDefault(req->sensitivity(), m.access.organisation_type));
          SetTime(closure.mutable_close_time(), m.now);
          closure.set_closed_by(caller.principal.id);
          *m.row.body.mutable_closure() = closure;
          m.row.status = v1::CASE_STATUS_CLOSED;
          // Checks of an earlier closure that were already due when the case reopened (and so
          // stayed scheduled) belong to that closure: never reminded or escalated for this one.
          SCHAKEL_RETURN_IF_ERROR(m.store.CancelScheduledFollowUps(m.row.id, "0000-00-00"));
          std::vector<std::string> dates;
          for (int months_after : months) {
            v1::FollowUp f;
            f.set_id(NewRandomId());
            *f.mutable_due_date() = FromCivilDay(AddMonths(m.today, months_after));
            f.set_months_after_closure(months_after);
            f.set_status(v1::FOLLOW_UP_STATUS_SCHEDULED);
            SCHAKEL_RETURN_IF_ERROR(m.store.InsertFollowUp(m.row.id, f));
            dates.push_back(DateString(f.due_date()));
          }
          m.Event("case.closed",
                  absl::StrCat("Casus gesloten / Case closed; vervolgcontroles/follow-up checks: ",
                               absl::StrJoin(dates, ", ")));
          return AnnounceStatusChange(m, v1::CASE_EVENT_TYPE_CLOSED, caller,
                                      *resp->mutable_case_());
        });
  };
  return Handle(ctx, "CloseCase", AskedCase(req->case_id()), std::move(handler));
}

grpc::ServerUnaryReactor* CaseService::ReopenCase(grpc::CallbackServerContext* ctx,
                                                  const v1::ReopenCaseRequest* req,
                                                  v1::ReopenCaseResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    CheckText(v, "reason", req->reason(), kTextMax, true);
    if (req->sensitivity() != v1::SENSITIVITY_UNSPECIFIED) {
      CheckSensitivity(v, "sensitivity", req->sensitivity());
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    return ChangeCase(
        {.caller = &caller,
         .method = "ReopenCase",
         .request = req,
         .response = resp,
         .request_id = req->request_id(),
         .case_id = req->case_id(),
         .need = Need::kDirector,
         .allow_closed = true,
         .action = v1::AUDIT_ACTION_UPDATE,
         .event_type = "case.reopened"},
        [&](Mutation& m) -> absl::Status {
          if (m.row.status != v1::CASE_STATUS_CLOSED) {
            return absl::FailedPreconditionError("the case is open");
          }
          m.row.status = v1::CASE_STATUS_OPEN;
          SCHAKEL_RETURN_IF_ERROR(
              m.store.CancelScheduledFollowUps(m.row.id, DateString(FromCivilDay(m.today))));
          // The reason is personal content: it goes into the encrypted timeline only, under its
          // sensitivity (the event's type still tells every member that the case reopened).
          m.Event("case.reopened", absl::StrCat("Casus heropend / Case reopened: ", req->reason()),
                  SensitivityOrDefault(req->sensitivity(), m.access.organisation_type));
          return AnnounceStatusChange(m, v1::CASE_EVENT_TYPE_REOPENED, caller,
                                      *resp->mutable_case_());
        });
  };
  return Handle(ctx, "ReopenCase", AskedCase(req->case_id()), std::move(handler));
}

grpc::ServerUnaryReactor* CaseService::RecordCaseEvents(grpc::CallbackServerContext* ctx,
                                                        const v1::RecordCaseEventsRequest* req,
                                                        v1::RecordCaseEventsResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    if (req->events().empty()) v.Add("events", "must not be empty");
    for (int i = 0; i < req->events_size(); ++i) {
      const v1::CaseEventInput& e = req->events(i);
      const std::string at = absl::StrCat("events[", i, "].");
      CheckId(v, at + "source_service", e.source_service());
      if (e.source_service() == "cases") v.Add(at + "source_service", "is this service");
      if (e.source_sequence() <= 0) v.Add(at + "source_sequence", "must be positive");
      if (e.case_id().empty()) v.Add(at + "case_id", "must be set");
      CheckName(v, at + "type", e.type(), 100);
      if (!e.has_time() || !ValidTimestamp(e.time())) {
        v.Add(at + "time", "must be a valid time");
      }
      if (!e.actor_id().empty()) CheckId(v, at + "actor_id", e.actor_id());
      if (!e.actor_organisation_id().empty()) {
        CheckId(v, at + "actor_organisation_id", e.actor_organisation_id());
      }
      CheckSensitivity(v, at + "sensitivity", e.sensitivity());
      CheckText(v, at + "summary", e.summary(), kTextMax, true);
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    return db_->Transaction([&](sqlite::Connection& c) -> absl::Status {
      CaseStore store(c, *sealer_);
      FieldViolations dv;
      // An event about a destroyed case is dropped: the case's content is gone for good, and the
      // sender's outbox must not stall on it.
      absl::flat_hash_set<std::string> destroyed;
      CaseRetentionStore retention(c, *sealer_);
      for (int i = 0; i < req->events_size(); ++i) {
        const std::string& id = req->events(i).case_id();
        SCHAKEL_ASSIGN_OR_RETURN(bool gone, retention.IsDestroyed(id));
        if (gone) {
          destroyed.insert(id);
          continue;
        }
        SCHAKEL_ASSIGN_OR_RETURN(auto row, store.GetCase(id));
        if (!row) dv.Add(absl::StrCat("events[", i, "].case_id"), "no case with this id");
      }
      SCHAKEL_RETURN_IF_ERROR(dv.ToStatus());
      v1::AuditRecord rec =
          audit_->NewRecord(caller, v1::AUDIT_ACTION_CREATE, "case.timeline.events_received");
      rec.set_purpose_of_use("case timeline");
      int duplicates = 0;
      for (const auto& e : req->events()) {
        if (destroyed.contains(e.case_id())) continue;
        TimelineRow t;
        t.time = ToTime(e.time());
        t.type = e.type();
        t.sensitivity = e.sensitivity();
        t.summary = e.summary();
        t.actor_id = e.actor_id();
        t.actor_organisation_id = e.actor_organisation_id();
        // Keyed by the calling principal too: a service cannot write under another's name or
        // claim its sequence numbers.
        t.source_service = absl::StrCat(caller.principal.id, "/", e.source_service());
        SCHAKEL_ASSIGN_OR_RETURN(bool added,
                                 store.AppendForeign(e.case_id(), t, e.source_sequence()));
        if (!added) {
          ++duplicates;
          continue;
        }
        AddCaseObject(rec, e.case_id());
      }
      resp->set_duplicates(duplicates);
      if (rec.objects().empty()) return absl::OkStatus();  // a pure retry changes nothing
      return audit_->Record(c, rec);
    });
  };
  return Handle(ctx, "RecordCaseEvents", {}, std::move(handler));
}

}  // namespace schakel::cases
