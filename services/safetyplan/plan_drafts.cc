// The plan's drafts: StartDraft, UpdateDraft and ProposeVersion.
#include <optional>
#include <set>

#include "absl/strings/str_cat.h"
#include "services/common/case_client.h"
#include "services/common/etag.h"
#include "services/common/validation.h"
#include "services/safetyplan/plan_rules.h"
#include "services/safetyplan/safetyplan_service.h"

namespace schakel::safetyplan {
namespace {

void AddVersion(v1::AuditRecord& rec, const std::string& case_id, int version) {
  AddObject(rec, "plan-version", absl::StrCat(case_id, "/", version), v1::SENSITIVITY_CARE);
}

absl::Status NotADraft(int version) {
  return absl::FailedPreconditionError(
      absl::StrCat("version ", version,
                   " is not a draft: a version that left DRAFT never changes; start a new draft"));
}

// The newest version of `rows` in `state`, if any.
const VersionRow* Newest(const std::vector<VersionRow>& rows, const char* state) {
  for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
    if (it->state == state) return &*it;
  }
  return nullptr;
}

}  // namespace

grpc::ServerUnaryReactor* SafetyPlanService::StartDraft(grpc::CallbackServerContext* ctx,
                                                        const v1::StartDraftRequest* req,
                                                        v1::StartDraftResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    return ChangePlan(PlanChange{
        .caller = &caller,
        .method = "StartDraft",
        .request = req,
        .response = resp,
        .request_id = req->request_id(),
        .case_id = req->case_id(),
        .event_type = "plan.draft_started",
        .change = [&](sqlite::Connection& c, const Standing& standing,
                      v1::AuditRecord& rec) -> absl::Status {
          PlanStore store(c);
          SCHAKEL_ASSIGN_OR_RETURN(auto rows, store.Versions(req->case_id()));
          // One draft per case: the team edits it together.
          if (const VersionRow* draft = Newest(rows, kDraft); draft != nullptr) {
            AddVersion(rec, draft->case_id, draft->version);
            SCHAKEL_ASSIGN_OR_RETURN(*resp->mutable_version(),
                                     Show(store, *draft, standing.viewer));
            return absl::OkStatus();
          }
          VersionRow row;
          row.case_id = req->case_id();
          row.version = rows.empty() ? 1 : rows.back().version + 1;
          row.state = kDraft;
          v1::PlanContent content;
          if (!rows.empty()) {
            row.based_on = rows.back().version;
            SCHAKEL_ASSIGN_OR_RETURN(content, OpenContent(c, rows.back()));
          }
          row.created_by = caller.principal.id;
          row.created_at = absl::ToUnixMicros(env_.clock->Now());
          WithEvaluationDate(content);
          SCHAKEL_RETURN_IF_ERROR(Seal(c, content, row));
          SCHAKEL_RETURN_IF_ERROR(store.Insert(row));
          AddVersion(rec, row.case_id, row.version);
          SCHAKEL_ASSIGN_OR_RETURN(*resp->mutable_version(), Show(store, row, standing.viewer));
          return absl::OkStatus();
        }});
  };
  return Handle(ctx, "StartDraft", req->case_id(), std::move(handler));
}

grpc::ServerUnaryReactor* SafetyPlanService::UpdateDraft(grpc::CallbackServerContext* ctx,
                                                         const v1::UpdateDraftRequest* req,
                                                         v1::UpdateDraftResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    if (req->version() < 1) {
      FieldViolations v;
      v.Add("version", "must be a version number (1 or more)");
      return v.ToStatus();
    }
    return ChangePlan(PlanChange{
        .caller = &caller,
        .method = "UpdateDraft",
        .request = req,
        .response = resp,
        .request_id = req->request_id(),
        .case_id = req->case_id(),
        .event_type = "plan.draft_edited",
        .change = [&](sqlite::Connection& c, const Standing& standing,
                      v1::AuditRecord& rec) -> absl::Status {
          PlanStore store(c);
          SCHAKEL_ASSIGN_OR_RETURN(auto row, store.Find(req->case_id(), req->version()));
          if (!row) {
            FieldViolations v;
            v.Add("version", "the case's plan has no such version");
            return v.ToStatus();
          }
          if (row->state != kDraft) return NotADraft(row->version);
          SCHAKEL_RETURN_IF_ERROR(CheckEtag(req->etag(), row->edits, "draft"));
          SCHAKEL_ASSIGN_OR_RETURN(v1::PlanContent stored, OpenContent(c, *row));
          FieldViolations v;
          v1::PlanContent merged =
              MergeDraft(v, "content", stored, req->content(), standing.viewer);
          SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
          Normalise(merged, standing.viewer.organisation_type, NewItemId);
          // A plan always has an evaluation date: an edit without one keeps the draft's.
          if (!merged.has_evaluation_date() && stored.has_evaluation_date()) {
            *merged.mutable_evaluation_date() = stored.evaluation_date();
          }
          WithEvaluationDate(merged);
          SCHAKEL_RETURN_IF_ERROR(Seal(c, merged, *row));
          ++row->edits;
          SCHAKEL_RETURN_IF_ERROR(store.UpdateDraft(*row));
          AddVersion(rec, row->case_id, row->version);
          SCHAKEL_ASSIGN_OR_RETURN(*resp->mutable_version(), Show(store, *row, standing.viewer));
          return absl::OkStatus();
        }});
  };
  return Handle(ctx, "UpdateDraft", req->case_id(), std::move(handler));
}

grpc::ServerUnaryReactor* SafetyPlanService::ProposeVersion(grpc::CallbackServerContext* ctx,
                                                            const v1::ProposeVersionRequest* req,
                                                            v1::ProposeVersionResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    if (req->version() < 1) {
      FieldViolations v;
      v.Add("version", "must be a version number (1 or more)");
      return v.ToStatus();
    }
    // The draft as checked before the change: the change proposes it only if nobody edited it
    // since.
    int64_t checked_edits = 0;
    auto prepare = [&](const Standing&) -> absl::Status {
      std::optional<VersionRow> row;
      v1::PlanContent content;
      SCHAKEL_RETURN_IF_ERROR(rt_.db->Read([&](sqlite::Connection& c) -> absl::Status {
        PlanStore store(c);
        SCHAKEL_ASSIGN_OR_RETURN(row, store.Find(req->case_id(), req->version()));
        if (row && row->state == kDraft) {
          SCHAKEL_ASSIGN_OR_RETURN(content, OpenContent(c, *row));
        }
        return absl::OkStatus();
      }));
      if (!row) {
        FieldViolations v;
        v.Add("version", "the case's plan has no such version");
        return v.ToStatus();
      }
      if (row->state != kDraft) return NotADraft(row->version);
      checked_edits = row->edits;
      FieldViolations v;
      CheckReadyToPropose(v, content);
      // Every agreement's owner works on the case team, for the organisation named.
      std::set<std::string> asked;
      for (int i = 0; i < content.sections_size(); ++i) {
        const v1::PlanSectionItems& section = content.sections(i);
        for (int j = 0; j < section.items_size(); ++j) {
          const v1::PlanItem& item = section.items(j);
          if (!item.has_agreement()) continue;
          const v1::Agreement& a = item.agreement();
          const std::string at =
              absl::StrCat("content.sections[", i, "].items[", j, "].agreement.");
          SCHAKEL_ASSIGN_OR_RETURN(v1::CheckAccessResponse owner,
                                   AskCaseAccess(env_, req->case_id(), a.owner_professional_id()));
          const bool on_team = owner.allowed() && (owner.role() == v1::CASE_ROLE_CASE_DIRECTOR ||
                                                   owner.role() == v1::CASE_ROLE_CORE_TEAM ||
                                                   owner.role() == v1::CASE_ROLE_INVOLVED);
          if (!on_team) {
            v.Add(at + "owner_professional_id", "is not on the case team");
          } else if (owner.organisation_id() != a.owner_organisation_id()) {
            v.Add(at + "owner_organisation_id",
                  absl::StrCat("the owner works for ", owner.organisation_id(), " on this case"));
          }
        }
      }
      return v.ToStatus();
    };
    return ChangePlan(PlanChange{
        .caller = &caller,
        .method = "ProposeVersion",
        .request = req,
        .response = resp,
        .request_id = req->request_id(),
        .case_id = req->case_id(),
        .event_type = "plan.proposed",
        .prepare = prepare,
        .change = [&](sqlite::Connection& c, const Standing& standing,
                      v1::AuditRecord& rec) -> absl::Status {
          PlanStore store(c);
          SCHAKEL_ASSIGN_OR_RETURN(auto rows, store.Versions(req->case_id()));
          const VersionRow* draft = nullptr;
          for (const VersionRow& r : rows) {
            if (r.version == req->version()) draft = &r;
          }
          if (draft == nullptr) return absl::FailedPreconditionError("the draft is gone");
          if (draft->state != kDraft) return NotADraft(draft->version);
          if (draft->edits != checked_edits) {
            return absl::AbortedError(
                "the draft changed while it was being proposed; read it again and propose again");
          }
          SCHAKEL_ASSIGN_OR_RETURN(v1::PlanContent content, OpenContent(c, *draft));
          const int64_t now = absl::ToUnixMicros(env_.clock->Now());
          // Veilig Thuis sets the safety conditions: it signs off too when they changed against
          // the active version (and for a first plan, whose conditions are all new).
          bool conditions_changed = true;
          if (const VersionRow* active = Newest(rows, kActive); active != nullptr) {
            SCHAKEL_ASSIGN_OR_RETURN(v1::PlanContent before, OpenContent(c, *active));
            conditions_changed = ConditionsChanged(before, content);
          }
          // A proposal never signed gives way to the newer one.
          for (const VersionRow& r : rows) {
            if (r.state == kProposed) {
              SCHAKEL_RETURN_IF_ERROR(store.Supersede(r.case_id, r.version, now));
            }
          }
          SCHAKEL_RETURN_IF_ERROR(store.Propose(draft->case_id, draft->version, caller.principal.id,
                                                now, conditions_changed));
          AddVersion(rec, draft->case_id, draft->version);
          SCHAKEL_RETURN_IF_ERROR(Timeline(
              c, caller, draft->case_id, "plan.proposed",
              absl::StrCat("Veiligheidsplan versie ", draft->version,
                           " voorgelegd ter ondertekening",
                           conditions_changed ? " (veiligheidsvoorwaarden gewijzigd)" : "",
                           " / Safety plan version ", draft->version, " proposed for sign-off",
                           conditions_changed ? " (safety conditions changed)" : "")));
          SCHAKEL_ASSIGN_OR_RETURN(auto row, store.Find(draft->case_id, draft->version));
          SCHAKEL_ASSIGN_OR_RETURN(*resp->mutable_version(), Show(store, *row, standing.viewer));
          return absl::OkStatus();
        }});
  };
  return Handle(ctx, "ProposeVersion", req->case_id(), std::move(handler));
}

}  // namespace schakel::safetyplan
