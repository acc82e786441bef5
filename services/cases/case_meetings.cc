// MDA++ meetings with their decisions, and the actions they create.
#include "services/cases/case_service.h"

#include "absl/strings/str_cat.h"
#include "services/cases/case_change.h"
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

grpc::ServerUnaryReactor* CaseService::RecordMeeting(grpc::CallbackServerContext* ctx,
                                                     const v1::RecordMeetingRequest* req,
                                                     v1::RecordMeetingResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    const v1::Meeting& in = req->meeting();
    const absl::CivilDay today = AmsterdamToday(env_.clock->Now());
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    if (!in.id().empty()) v.Add("meeting.id", "is set by the server");
    CheckPastDate(v, "meeting.date", in.date(), today);
    if (in.attendees().empty()) v.Add("meeting.attendees", "name at least one attendee");
    for (int i = 0; i < in.attendees_size(); ++i) {
      CheckId(v, absl::StrCat("meeting.attendees[", i, "].professional_id"),
              in.attendees(i).professional_id());
      CheckId(v, absl::StrCat("meeting.attendees[", i, "].organisation_id"),
              in.attendees(i).organisation_id());
    }
    CheckText(v, "meeting.chair", in.chair(), 200, false);
    if (in.has_minutes()) CheckNoteInput(v, "meeting.minutes", in.minutes());
    for (int i = 0; i < in.decisions_size(); ++i) {
      const std::string at = absl::StrCat("meeting.decisions[", i, "]");
      CheckNoteInput(v, at + ".text", in.decisions(i).text());
      if (in.decisions(i).has_action()) {
        const v1::ActionSpec& a = in.decisions(i).action();
        CheckText(v, at + ".action.description", a.description(), kTextMax, true);
        CheckId(v, at + ".action.owner_organisation_id", a.owner_organisation_id());
        if (!IsValidDate(a.due_date())) v.Add(at + ".action.due_date", "is not a calendar date");
        CheckSensitivity(v, at + ".action.sensitivity", a.sensitivity());
      }
    }
    if (!in.action_ids().empty()) v.Add("meeting.action_ids", "are set by the server");
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    return ChangeCase(
        {.caller = &caller,
         .method = "RecordMeeting",
         .request = req,
         .response = resp,
         .request_id = req->request_id(),
         .case_id = req->case_id(),
         .need = Need::kEdit,
         .action = v1::AUDIT_ACTION_CREATE,
         .event_type = "case.meeting.recorded"},
        [&](Mutation& m) -> absl::Status {
          FieldViolations dv;
          if (m.row.body.details().honour_related_violence() && in.family_took_part()) {
            dv.Add("meeting.family_took_part",
                   "honour-related violence: the family is not involved or informed");
          }
          SCHAKEL_ASSIGN_OR_RETURN(auto team, m.store.ListTeam(m.row.id, false));
          auto on_team = [&](const std::string& org) {
            return std::any_of(team.begin(), team.end(),
                               [&](const v1::TeamMember& t) { return t.organisation_id() == org; });
          };
          for (int i = 0; i < in.decisions_size(); ++i) {
            if (in.decisions(i).has_action() &&
                !on_team(in.decisions(i).action().owner_organisation_id())) {
              dv.Add(absl::StrCat("meeting.decisions[", i, "].action.owner_organisation_id"),
                     "is not on the case team");
            }
          }
          SCHAKEL_RETURN_IF_ERROR(dv.ToStatus());
          v1::Meeting meeting = in;
          meeting.set_id(NewRandomId());
          SetTime(meeting.mutable_record_time(), m.now);
          meeting.set_recorded_by(caller.principal.id);
          if (meeting.has_minutes()) {
            meeting.mutable_minutes()->set_id(NewNoteId());
          }
          std::vector<v1::Action> actions;  // inserted after the meeting they refer to
          for (int i = 0; i < meeting.decisions_size(); ++i) {
            v1::Decision& d = *meeting.mutable_decisions(i);
            d.mutable_text()->set_id(NewNoteId());
            if (!d.has_action()) continue;
            v1::Action action;
            action.set_id(NewRandomId());
            action.set_meeting_id(meeting.id());
            action.mutable_description()->set_id(NewNoteId());
            action.mutable_description()->set_sensitivity(d.action().sensitivity());
            action.mutable_description()->set_text(d.action().description());
            action.set_owner_organisation_id(d.action().owner_organisation_id());
            *action.mutable_due_date() = d.action().due_date();
            action.set_status(v1::ACTION_STATUS_OPEN);
            actions.push_back(action);
            meeting.add_action_ids(action.id());
            AddObject(m.audit, "action", action.id(), d.action().sensitivity());
            m.Event("action.created",
                    absl::StrCat("Actie aangemaakt / Action created: ", action.id(),
                                 ", eigenaar/"
                                 "owner ",
                                 action.owner_organisation_id(), ", uiterlijk/due ",
                                 DateString(action.due_date())));
            action.set_etag(Etag(1));
            DecorateAction(action, m.access, m.shares, m.today);
            *resp->add_actions() = std::move(action);
          }
          SCHAKEL_RETURN_IF_ERROR(m.store.InsertMeeting(m.row.id, meeting, m.now));
          for (const auto& action : actions) {
            SCHAKEL_RETURN_IF_ERROR(m.store.InsertAction(m.row.id, action));
          }
          AddObject(m.audit, "meeting", meeting.id());
          m.Event(
              "meeting.recorded",
              absl::StrCat("MDO vastgelegd / Meeting recorded: ", DateString(meeting.date()), ", ",
                           meeting.attendees_size(), " deelnemers/attendees, ",
                           meeting.decisions_size(), " besluiten/decisions",
                           meeting.family_took_part() ? ", met het gezin / with the family" : ""));
          RedactMeeting(meeting, m.access, m.shares);
          *resp->mutable_meeting() = std::move(meeting);
          return absl::OkStatus();
        });
  };
  return Handle(ctx, "RecordMeeting", AskedCase(req->case_id()), std::move(handler));
}

grpc::ServerUnaryReactor* CaseService::UpdateAction(grpc::CallbackServerContext* ctx,
                                                    const v1::UpdateActionRequest* req,
                                                    v1::UpdateActionResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    if (req->action_id().empty()) v.Add("action_id", "must be set");
    if (req->status() == v1::ACTION_STATUS_UNSPECIFIED ||
        !v1::ActionStatus_IsValid(req->status())) {
      v.Add("status", "must be OPEN, DONE or CANCELLED");
    }
    CheckText(v, "status_note", req->status_note(), kTextMax, false);
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    return ChangeCase(
        {.caller = &caller,
         .method = "UpdateAction",
         .request = req,
         .response = resp,
         .request_id = req->request_id(),
         .case_id = req->case_id(),
         .need = Need::kMember,
         .action = v1::AUDIT_ACTION_UPDATE,
         .event_type = "case.action.updated"},
        [&](Mutation& m) -> absl::Status {
          SCHAKEL_ASSIGN_OR_RETURN(auto action, m.store.GetAction(m.row.id, req->action_id()));
          if (!action) return absl::NotFoundError("no action with that id on this case");
          if (!m.access.may_edit() && action->owner_organisation_id() != m.access.organisation_id) {
            return absl::PermissionDeniedError(
                "only the case director, the core team and the owning organisation update an "
                "action");
          }
          if (!req->etag().empty() && req->etag() != action->etag()) {
            return absl::AbortedError(
                "the action changed since you read it (stale etag); read it again and retry");
          }
          const v1::ActionStatus from = action->status();
          action->set_status(req->status());
          action->set_status_note(req->status_note());
          action->clear_etag();
          action->clear_overdue();
          SCHAKEL_RETURN_IF_ERROR(m.store.SaveAction(m.row.id, *action));
          AddObject(m.audit, "action", action->id(), action->description().sensitivity());
          m.Event("action.updated", absl::StrCat("Actie bijgewerkt / Action updated: ",
                                                 action->id(), " ", v1::ActionStatus_Name(from),
                                                 " -> ", v1::ActionStatus_Name(req->status())));
          SCHAKEL_ASSIGN_OR_RETURN(auto saved, m.store.GetAction(m.row.id, req->action_id()));
          DecorateAction(*saved, m.access, m.shares, m.today);
          *resp->mutable_action() = *std::move(saved);
          return absl::OkStatus();
        });
  };
  return Handle(ctx, "UpdateAction", AskedCase(req->case_id(), "action", req->action_id()),
                std::move(handler));
}

}  // namespace schakel::cases
