// The safety assessment (veiligheidsbeoordeling): AssessReport. The report leaves the triage
// queue; the route INVESTIGATION starts the investigation's 10-week term; the route MDA_PLUS_PLUS
// asks the cases service to open a joint case; the route HANDOVER waits for the receiver's answer
// (both in intake_routes.cc).
#include "absl/strings/str_cat.h"
#include "services/common/ids.h"
#include "services/common/proto_time.h"
#include "services/common/validation.h"
#include "services/intake/intake_service.h"
#include "services/runtime/unit_of_work.h"

namespace schakel::intake {
namespace {

constexpr char kAssessPurpose[] = "safety assessment";

}  // namespace

grpc::ServerUnaryReactor* IntakeService::AssessReport(grpc::CallbackServerContext* ctx,
                                                      const v1::AssessReportRequest* req,
                                                      v1::AssessReportResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    const absl::Time now = env_.clock->Now();
    const v1::SafetyAssessment& a = req->assessment();
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->report_id().empty()) v.Add("report_id", "must be set");
    CheckRepeatedLimits(v, *req);
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    SCHAKEL_ASSIGN_OR_RETURN(Desk desk, DeskOf(caller));
    if (!desk.veilig_thuis) return absl::PermissionDeniedError(kNoReportForYou);
    CheckAssessment(v, "assessment.", a, now);
    // Who the route names, as the directory knows them.
    if (a.route() == v1::ASSESSMENT_ROUTE_INVESTIGATION &&
        IsWellFormedId(a.investigation().investigator_id())) {
      SCHAKEL_ASSIGN_OR_RETURN(DirectoryEntry p,
                               rt_.roles->Resolve(a.investigation().investigator_id()));
      if (!p.registered || !p.active) {
        v.Add("assessment.investigation.investigator_id", "no active professional with this id");
      } else if (p.organisation_id != caller.principal.organisation_id) {
        v.Add("assessment.investigation.investigator_id",
              "works for another organisation than this Veilig Thuis");
      } else if (!p.HasAnyRole({v1::ROLE_VT_INTAKE})) {
        v.Add("assessment.investigation.investigator_id", "has no VT_INTAKE role");
      }
    }
    if (a.route() == v1::ASSESSMENT_ROUTE_CONDITIONS_FOLLOW_UP &&
        IsWellFormedId(a.conditions().plan_partner_organisation_id())) {
      SCHAKEL_ASSIGN_OR_RETURN(
          auto org, rt_.organisations->Get(a.conditions().plan_partner_organisation_id()));
      if (!org || org->type() == v1::ORGANISATION_TYPE_OPERATOR) {
        v.Add("assessment.conditions.plan_partner_organisation_id",
              "no partner organisation with this id");
      }
    }
    if (a.route() == v1::ASSESSMENT_ROUTE_HANDOVER &&
        IsWellFormedId(a.handover().receiving_organisation_id())) {
      SCHAKEL_ASSIGN_OR_RETURN(auto org,
                               rt_.organisations->Get(a.handover().receiving_organisation_id()));
      if (!org || org->type() == v1::ORGANISATION_TYPE_OPERATOR ||
          org->type() == v1::ORGANISATION_TYPE_VEILIG_THUIS || org->region() != desk.region) {
        v.Add("assessment.handover.receiving_organisation_id",
              "no partner organisation of your region with this id (the local team, or help "
              "already in place)");
      }
    }
    // The case director of the MDA++ route, when named (the cases service checks again when it
    // opens the case).
    std::string director_org;
    if (a.route() == v1::ASSESSMENT_ROUTE_MDA_PLUS_PLUS &&
        IsWellFormedId(a.mda().director_professional_id())) {
      constexpr char kField[] = "assessment.mda.director_professional_id";
      SCHAKEL_ASSIGN_OR_RETURN(DirectoryEntry d,
                               rt_.roles->Resolve(a.mda().director_professional_id()));
      if (!d.registered || !d.active) {
        v.Add(kField, "no active professional with this id");
      } else if (!d.DoesCaseWork()) {
        v.Add(kField, "has no case-work role (CASE_DIRECTOR, PROFESSIONAL or VT_INTAKE)");
      } else {
        SCHAKEL_ASSIGN_OR_RETURN(auto org, rt_.organisations->Get(d.organisation_id));
        if (!org || org->type() == v1::ORGANISATION_TYPE_OPERATOR) {
          v.Add(kField, "their organisation cannot lead a case");
        } else if (org->region() != desk.region) {
          v.Add(kField, "works in another region");
        } else {
          director_org = d.organisation_id;
        }
      }
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());

    auto change = [&](sqlite::Connection& c) -> absl::Status {
      IntakeStore store(c, *sealer_);
      SCHAKEL_ASSIGN_OR_RETURN(auto row, store.GetReport(req->report_id(), true));
      if (!row) return absl::PermissionDeniedError(kNoReportForYou);
      SCHAKEL_RETURN_IF_ERROR(MaySee(caller, desk, *row, {v1::ROLE_VT_INTAKE}));
      if (!req->etag().empty() && req->etag() != absl::StrCat(row->version)) {
        return absl::AbortedError("the report changed meanwhile; read it again");
      }
      if (row->kind != v1::REPORT_KIND_REPORT) {
        return absl::FailedPreconditionError(
            "this is an advice request: convert the advice first (ConvertAdvice)");
      }
      // A report whose handover was declined came back: it is assessed again.
      const bool again = row->state == v1::REPORT_STATE_ASSESSED &&
                         row->handover_state == v1::REPORT_HANDOVER_STATE_DECLINED;
      if (row->state != v1::REPORT_STATE_OPEN && !again) {
        return absl::FailedPreconditionError("the report has been assessed already");
      }
      row->state = v1::REPORT_STATE_ASSESSED;
      *row->body.mutable_assessment() = a;
      row->body.set_assessed_by(caller.principal.id);
      SetTime(row->body.mutable_assess_time(), now);
      // It left the queue: nobody holds it any more.
      row->claimed_by.clear();
      row->claim_time.reset();
      row->claim_touch.reset();
      if (a.route() == v1::ASSESSMENT_ROUTE_INVESTIGATION) {
        row->investigation_due = absl::ToUnixMicros(InvestigationDue(now));
        row->investigator_id = a.investigation().investigator_id();
      }
      if (a.route() == v1::ASSESSMENT_ROUTE_HANDOVER) {
        ProposeHandover(*row, a.handover(), now);
      } else if (again) {
        row->handover_org.clear();
        row->handover_state = v1::REPORT_HANDOVER_STATE_UNSPECIFIED;
        row->handover_due.reset();
      }
      row->next_signal_at = NextSignalAt(*row);
      if (a.route() == v1::ASSESSMENT_ROUTE_MDA_PLUS_PLUS) {
        for (int k : row->body.input().violence_kinds()) {
          if (k == v1::VIOLENCE_KIND_HUMAN_TRAFFICKING && !director_org.empty() &&
              director_org != caller.principal.organisation_id) {
            return absl::FailedPreconditionError(
                "human trafficking: the case director must be of your organisation until the "
                "victim's written consent is recorded in the case");
          }
        }
        SCHAKEL_RETURN_IF_ERROR(RequestCase(c, *row, caller, now));
      }
      SCHAKEL_RETURN_IF_ERROR(store.UpdateReport(*row));
      // The reporter's feedback task comes with the first assessment only.
      if (!again) SCHAKEL_RETURN_IF_ERROR(AfterAssessment(c, *row, caller, now));
      // End of involvement (first or again, after a declined handover): the file closes.
      if (again && a.route() == v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT) {
        SCHAKEL_RETURN_IF_ERROR(
            RetentionStore(c, *sealer_).SetClosed(row->id, absl::ToUnixMicros(now)));
      }
      *resp->mutable_report() = ToProto(*row);
      v1::AuditRecord rec = ReportRecord(*rt_.audit, caller, v1::AUDIT_ACTION_UPDATE,
                                         "intake.report.assessed", row->id, kAssessPurpose);
      AddObject(rec, "route", v1::AssessmentRoute_Name(a.route()));
      if (!row->investigator_id.empty()) AddObject(rec, "professional", row->investigator_id);
      if (!row->handover_org.empty()) AddObject(rec, "organisation", row->handover_org);
      return rt_.audit->Record(c, rec);
    };
    const ChangeSpec spec{
        .db = rt_.db.get(),
        .caller = &caller,
        .method = "AssessReport",
        .request = req,
        .response = resp,
        .request_id = req->request_id(),
        .now = now,
        .protector = rt_.cipher.get(),
        .on_replay = [&](sqlite::Connection& c) -> absl::Status {
          return RecordReplay(c, caller, desk, req->report_id(), {v1::ROLE_VT_INTAKE},
                              "intake.assessment.replayed", kAssessPurpose);
        },
    };
    return RunChange(spec, nullptr, change);
  };
  return Handle(ctx, "AssessReport", AskedReport(req->report_id()), std::move(handler));
}

}  // namespace schakel::intake
