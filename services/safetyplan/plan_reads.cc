// Reading the plan: GetPlan and GetPlanDiff. Every read is audited before the answer leaves.
#include "absl/strings/str_cat.h"
#include "services/common/proto_time.h"
#include "services/common/validation.h"
#include "services/runtime/unit_of_work.h"
#include "services/safetyplan/plan_diff.h"
#include "services/safetyplan/plan_rules.h"
#include "services/safetyplan/safetyplan_service.h"

namespace schakel::safetyplan {
namespace {

constexpr char kPurpose[] = "safety plan";

v1::PlanVersionSummary Summary(const VersionRow& r) {
  v1::PlanVersionSummary s;
  s.set_version(r.version);
  s.set_state(StateOf(r.state));
  s.set_based_on(r.based_on);
  SetTime(s.mutable_created_at(), r.created_at);
  if (r.activated_at != 0) SetTime(s.mutable_activated_at(), r.activated_at);
  return s;
}

}  // namespace

grpc::ServerUnaryReactor* SafetyPlanService::GetPlan(grpc::CallbackServerContext* ctx,
                                                     const v1::GetPlanRequest* req,
                                                     v1::GetPlanResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckId(v, "case_id", req->case_id());
    if (req->version() < 0) v.Add("version", "must be 0 (the plan in force) or a version number");
    CheckText(v, "purpose_of_use", req->purpose_of_use(), 200, false);
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    SCHAKEL_ASSIGN_OR_RETURN(Standing s, StandingOn(caller, req->case_id(), Need::kRead));
    const ReadSpec spec{
        .audit = rt_.audit.get(),
        .caller = &caller,
        .event_type = "plan.read",
        .purpose_of_use = req->purpose_of_use().empty() ? kPurpose : req->purpose_of_use(),
        .response = resp};
    return RunAuditedRead(spec, [&](v1::AuditRecord& rec) -> absl::Status {
      AddObject(rec, "case", req->case_id(), v1::SENSITIVITY_CARE);
      rec.mutable_checks()->set_care_relationship(v1::AUDIT_CHECK_PASSED);
      return rt_.db->Read([&](sqlite::Connection& c) -> absl::Status {
        PlanStore store(c);
        SCHAKEL_ASSIGN_OR_RETURN(auto rows, store.Versions(req->case_id()));
        if (rows.empty()) return absl::NotFoundError("this case has no safety plan yet");
        const VersionRow* shown = nullptr;
        for (const VersionRow& r : rows) {
          *resp->add_versions() = Summary(r);
          if (req->version() == 0 ? r.state == kActive : r.version == req->version()) shown = &r;
        }
        if (shown == nullptr && req->version() == 0) shown = &rows.back();
        if (shown == nullptr) {
          FieldViolations bad;
          bad.Add("version", "the case's plan has no such version");
          return bad.ToStatus();
        }
        AddObject(rec, "plan-version", absl::StrCat(shown->case_id, "/", shown->version),
                  v1::SENSITIVITY_CARE);
        SCHAKEL_ASSIGN_OR_RETURN(*resp->mutable_version(), Show(store, *shown, s.viewer));
        return ShowFollowUp(c, req->case_id(), s.viewer, *resp);
      });
    });
  };
  return Handle(ctx, "GetPlan", req->case_id(), std::move(handler));
}

grpc::ServerUnaryReactor* SafetyPlanService::GetPlanDiff(grpc::CallbackServerContext* ctx,
                                                         const v1::GetPlanDiffRequest* req,
                                                         v1::GetPlanDiffResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckId(v, "case_id", req->case_id());
    if (req->from_version() < 1) v.Add("from_version", "must be a version number (1 or more)");
    if (req->to_version() < 1) v.Add("to_version", "must be a version number (1 or more)");
    CheckText(v, "purpose_of_use", req->purpose_of_use(), 200, false);
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    SCHAKEL_ASSIGN_OR_RETURN(Standing s, StandingOn(caller, req->case_id(), Need::kRead));
    const ReadSpec spec{
        .audit = rt_.audit.get(),
        .caller = &caller,
        .event_type = "plan.diff.read",
        .purpose_of_use = req->purpose_of_use().empty() ? kPurpose : req->purpose_of_use(),
        .response = resp};
    return RunAuditedRead(spec, [&](v1::AuditRecord& rec) -> absl::Status {
      AddObject(rec, "case", req->case_id(), v1::SENSITIVITY_CARE);
      rec.mutable_checks()->set_care_relationship(v1::AUDIT_CHECK_PASSED);
      return rt_.db->Read([&](sqlite::Connection& c) -> absl::Status {
        PlanStore store(c);
        SCHAKEL_ASSIGN_OR_RETURN(auto from, store.Find(req->case_id(), req->from_version()));
        SCHAKEL_ASSIGN_OR_RETURN(auto to, store.Find(req->case_id(), req->to_version()));
        FieldViolations missing;
        if (!from) missing.Add("from_version", "the case's plan has no such version");
        if (!to) missing.Add("to_version", "the case's plan has no such version");
        SCHAKEL_RETURN_IF_ERROR(missing.ToStatus());
        SCHAKEL_ASSIGN_OR_RETURN(v1::PlanContent a, OpenContent(c, *from));
        SCHAKEL_ASSIGN_OR_RETURN(v1::PlanContent b, OpenContent(c, *to));
        v1::PlanDiff diff = DiffPlans(a, b);
        diff.set_from_version(from->version);
        diff.set_to_version(to->version);
        RedactDiff(diff, s.viewer);
        *resp->mutable_diff() = std::move(diff);
        AddObject(rec, "plan-version", absl::StrCat(from->case_id, "/", from->version),
                  v1::SENSITIVITY_CARE);
        AddObject(rec, "plan-version", absl::StrCat(to->case_id, "/", to->version),
                  v1::SENSITIVITY_CARE);
        return absl::OkStatus();
      });
    });
  };
  return Handle(ctx, "GetPlanDiff", req->case_id(), std::move(handler));
}

}  // namespace schakel::safetyplan
