// Evaluating the plan in force: EvaluatePlan. The case director records the outcome for every
// safety condition of the version (met, partly met, not met), then either confirms the plan until
// a next evaluation date or starts the next version's draft from it. Either way the evaluation
// (and a review after an incident) is done; a confirmation opens the next evaluation's deadline.
#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "services/common/ids.h"
#include "services/common/person_fields.h"
#include "services/common/proto_time.h"
#include "services/common/validation.h"
#include "services/safetyplan/plan_rules.h"
#include "services/safetyplan/plan_sealed.h"
#include "services/safetyplan/safetyplan_service.h"

namespace schakel::safetyplan {
namespace {

constexpr size_t kEvaluationNotesMax = 4000;

const char* OutcomeLabel(v1::ConditionOutcome o) {
  switch (o) {
    case v1::CONDITION_OUTCOME_MET:
      return "behaald / met";
    case v1::CONDITION_OUTCOME_PARTLY_MET:
      return "deels behaald / partly met";
    case v1::CONDITION_OUTCOME_NOT_MET:
      return "niet behaald / not met";
    default:
      return "?";
  }
}

}  // namespace

grpc::ServerUnaryReactor* SafetyPlanService::EvaluatePlan(grpc::CallbackServerContext* ctx,
                                                          const v1::EvaluatePlanRequest* req,
                                                          v1::EvaluatePlanResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    const absl::CivilDay today = Today();
    FieldViolations v;
    if (req->version() < 1) v.Add("version", "must be a version number (1 or more)");
    const bool confirm = req->decision() == v1::EVALUATION_DECISION_CONFIRM;
    if (!confirm && req->decision() != v1::EVALUATION_DECISION_NEXT_VERSION) {
      v.Add("decision", "must be CONFIRM or NEXT_VERSION");
    }
    if (req->conditions().empty()) v.Add("conditions", "must give the outcome of every condition");
    std::set<std::string> seen;
    for (int i = 0; i < req->conditions_size(); ++i) {
      const v1::ConditionResult& r = req->conditions(i);
      const std::string at = absl::StrCat("conditions[", i, "].");
      if (!IsWellFormedItemId(r.item_id())) {
        v.Add(at + "item_id", "must be the id of a safety condition of the version");
      } else if (!seen.insert(r.item_id()).second) {
        v.Add(at + "item_id", "is given twice");
      }
      if (r.outcome() == v1::CONDITION_OUTCOME_UNSPECIFIED ||
          !v1::ConditionOutcome_IsValid(r.outcome())) {
        v.Add(at + "outcome", "must be MET, PARTLY_MET or NOT_MET");
      }
    }
    if (confirm) {
      if (!req->has_next_evaluation_date()) {
        v.Add("next_evaluation_date", "must be set to confirm the plan");
      } else if (!IsValidDate(req->next_evaluation_date())) {
        v.Add("next_evaluation_date", "must be a calendar date");
      } else if (YmdOf(req->next_evaluation_date()) <= YmdOf(today)) {
        v.Add("next_evaluation_date", "must be after today");
      }
    } else if (req->has_next_evaluation_date()) {
      v.Add("next_evaluation_date", "must be unset: the next version sets its own date");
    }
    CheckText(v, "notes", req->notes(), kEvaluationNotesMax, false);
    if (req->notes_sensitivity() != v1::SENSITIVITY_UNSPECIFIED) {
      CheckSensitivity(v, "notes_sensitivity", req->notes_sensitivity());
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    auto prepare = [&](const Standing& s) -> absl::Status {
      if (s.access.role() != v1::CASE_ROLE_CASE_DIRECTOR) {
        return absl::PermissionDeniedError("only the case director evaluates the safety plan");
      }
      return absl::OkStatus();
    };
    return ChangePlan(PlanChange{
        .caller = &caller,
        .method = "EvaluatePlan",
        .request = req,
        .response = resp,
        .request_id = req->request_id(),
        .case_id = req->case_id(),
        .event_type = "plan.evaluated",
        .prepare = prepare,
        .change = [&](sqlite::Connection& c, const Standing& s,
                      v1::AuditRecord& rec) -> absl::Status {
          PlanStore store(c);
          SCHAKEL_ASSIGN_OR_RETURN(auto row, store.Find(req->case_id(), req->version()));
          if (!row) {
            FieldViolations bad;
            bad.Add("version", "the case's plan has no such version");
            return bad.ToStatus();
          }
          if (row->state != kActive) {
            return absl::FailedPreconditionError(
                absl::StrCat("version ", row->version, " is not the plan in force"));
          }
          AddObject(rec, "plan-version", absl::StrCat(row->case_id, "/", row->version),
                    v1::SENSITIVITY_CARE);
          // Every condition of the version exactly once, and nothing else.
          SCHAKEL_ASSIGN_OR_RETURN(v1::PlanContent content, OpenContent(c, *row));
          std::set<std::string> conditions;
          for (const v1::PlanSectionItems& section : content.sections()) {
            if (section.section() != v1::PLAN_SECTION_CONDITIONS) continue;
            for (const v1::PlanItem& item : section.items()) conditions.insert(item.id());
          }
          FieldViolations bad;
          for (int i = 0; i < req->conditions_size(); ++i) {
            if (!conditions.contains(req->conditions(i).item_id())) {
              bad.Add(absl::StrCat("conditions[", i, "].item_id"),
                      absl::StrCat("is not a safety condition of version ", row->version));
            }
          }
          for (const std::string& id : conditions) {
            if (!seen.contains(id)) {
              bad.Add("conditions", absl::StrCat("must give the outcome of condition ", id));
            }
          }
          SCHAKEL_RETURN_IF_ERROR(bad.ToStatus());

          const int64_t now = absl::ToUnixMicros(env_.clock->Now());
          EvaluationRow ev;
          ev.id = absl::StrCat("ev-", NewRandomId());
          ev.case_id = row->case_id;
          ev.version = row->version;
          ev.evaluated_at = now;
          ev.evaluated_by = caller.principal.id;
          ev.organisation_id = s.access.organisation_id();
          ev.decision = confirm ? "CONFIRM" : "NEXT_VERSION";
          ev.notes_sensitivity =
              SensitivityOrDefault(req->notes_sensitivity(), s.viewer.organisation_type);
          if (confirm) ev.next_evaluation_due = YmdOf(req->next_evaluation_date());

          PlanDeadlineStore deadlines(c);
          SCHAKEL_RETURN_IF_ERROR(
              deadlines.FinishDeadlines(row->case_id, {kEvaluationDeadline, kReviewDeadline}, now));
          if (confirm) {
            SCHAKEL_RETURN_IF_ERROR(
                deadlines
                    // Named after this evaluation: the same day as the last one is a new term.
                    .AddDeadline(NewDeadline(row->case_id, kEvaluationDeadline, row->version, ev.id,
                                             ev.next_evaluation_due, caller.principal.id,
                                             s.access.organisation_id(), caller.principal.id))
                    .status());
          } else {
            // The next version: the team's draft if there is one, else a new one from this version
            // (with a new evaluation date, the default term from today).
            SCHAKEL_ASSIGN_OR_RETURN(auto rows, store.Versions(row->case_id));
            std::optional<VersionRow> draft;
            for (const VersionRow& r : rows) {
              if (r.state == kDraft) draft = r;
            }
            if (!draft) {
              VersionRow next;
              next.case_id = row->case_id;
              next.version = rows.back().version + 1;
              next.state = kDraft;
              next.based_on = row->version;
              next.created_by = caller.principal.id;
              next.created_at = now;
              v1::PlanContent copy = content;
              copy.clear_evaluation_date();
              WithEvaluationDate(copy);
              SCHAKEL_RETURN_IF_ERROR(Seal(c, copy, next));
              SCHAKEL_RETURN_IF_ERROR(store.Insert(next));
              draft = next;
            }
            ev.next_version = draft->version;
            AddObject(rec, "plan-version", absl::StrCat(draft->case_id, "/", draft->version),
                      v1::SENSITIVITY_CARE);
            SCHAKEL_ASSIGN_OR_RETURN(*resp->mutable_draft(), Show(store, *draft, s.viewer));
          }

          v1::Evaluation* out = resp->mutable_evaluation();
          out->set_id(ev.id);
          out->set_case_id(ev.case_id);
          out->set_version(ev.version);
          SetTime(out->mutable_evaluated_at(), now);
          out->set_evaluated_by(ev.evaluated_by);
          out->set_organisation_id(ev.organisation_id);
          *out->mutable_conditions() = req->conditions();
          out->set_decision(req->decision());
          if (confirm) *out->mutable_next_evaluation_date() = req->next_evaluation_date();
          out->set_next_version(ev.next_version);
          out->set_notes(req->notes());
          out->set_notes_sensitivity(static_cast<v1::Sensitivity>(ev.notes_sensitivity));
          // Sealed: the outcomes and the notes.
          v1::Evaluation sealed;
          *sealed.mutable_conditions() = req->conditions();
          sealed.set_notes(req->notes());
          SCHAKEL_ASSIGN_OR_RETURN(
              ev.body, sealer_->Seal(c, ev.case_id, sealed, EvaluationRowId(ev.id), ev.key_id));
          SCHAKEL_RETURN_IF_ERROR(deadlines.InsertEvaluation(ev));
          AddObject(rec, "plan-evaluation", ev.id, v1::SENSITIVITY_CARE);

          int met = 0, partly = 0, not_met = 0;
          for (const v1::ConditionResult& r : req->conditions()) {
            if (r.outcome() == v1::CONDITION_OUTCOME_MET) ++met;
            if (r.outcome() == v1::CONDITION_OUTCOME_PARTLY_MET) ++partly;
            if (r.outcome() == v1::CONDITION_OUTCOME_NOT_MET) ++not_met;
          }
          return Timeline(
              c, caller, row->case_id, "plan.evaluated",
              absl::StrCat(
                  "Veiligheidsplan versie ", row->version, " geëvalueerd: ", met, " ",
                  OutcomeLabel(v1::CONDITION_OUTCOME_MET), ", ", partly, " ",
                  OutcomeLabel(v1::CONDITION_OUTCOME_PARTLY_MET), ", ", not_met, " ",
                  OutcomeLabel(v1::CONDITION_OUTCOME_NOT_MET), "; ",
                  confirm ? absl::StrCat("bevestigd tot ", DutchDate(ev.next_evaluation_due),
                                         " / confirmed until ", DutchDate(ev.next_evaluation_due))
                          : absl::StrCat("nieuwe versie ", ev.next_version,
                                         " gestart / new version ", ev.next_version, " started")));
        }});
  };
  return Handle(ctx, "EvaluatePlan", req->case_id(), std::move(handler));
}

// The evaluations and incidents of a case, for GetPlan.
absl::Status SafetyPlanService::ShowFollowUp(sqlite::Connection& c, const std::string& case_id,
                                             const Viewer& viewer,
                                             v1::GetPlanResponse& resp) const {
  PlanDeadlineStore store(c);
  SCHAKEL_ASSIGN_OR_RETURN(const int64_t next, NextEvaluation(store, case_id));
  if (next != 0) *resp.mutable_next_evaluation_date() = DateOf(next);
  SCHAKEL_ASSIGN_OR_RETURN(auto evaluations, store.Evaluations(case_id));
  for (const EvaluationRow& r : evaluations) {
    v1::Evaluation* out = resp.add_evaluations();
    SCHAKEL_RETURN_IF_ERROR(
        sealer_->Open(c, r.case_id, r.key_id, r.body, EvaluationRowId(r.id), *out));
    out->set_id(r.id);
    out->set_case_id(r.case_id);
    out->set_version(r.version);
    SetTime(out->mutable_evaluated_at(), r.evaluated_at);
    out->set_evaluated_by(r.evaluated_by);
    out->set_organisation_id(r.organisation_id);
    out->set_decision(r.decision == "CONFIRM" ? v1::EVALUATION_DECISION_CONFIRM
                                              : v1::EVALUATION_DECISION_NEXT_VERSION);
    if (r.next_evaluation_due != 0) {
      *out->mutable_next_evaluation_date() = DateOf(r.next_evaluation_due);
    }
    out->set_next_version(r.next_version);
    out->set_notes_sensitivity(static_cast<v1::Sensitivity>(r.notes_sensitivity));
    if (!out->notes().empty() && RedactText(*out->mutable_notes(), r.notes_sensitivity, viewer)) {
      out->clear_notes();
      out->set_notes_hidden(true);
      out->set_notes_hidden_reason(HiddenReason(static_cast<v1::Sensitivity>(r.notes_sensitivity)));
    }
  }
  return ShowIncidents(store, case_id, viewer, resp);
}

}  // namespace schakel::safetyplan
