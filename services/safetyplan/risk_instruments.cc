// The case's risk instrument history: RecordRiskInstrument, ListRiskInstruments.
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "services/common/ids.h"
#include "services/common/proto_time.h"
#include "services/common/validation.h"
#include "services/runtime/page_token.h"
#include "services/runtime/unit_of_work.h"
#include "services/safetyplan/plan_rules.h"
#include "services/safetyplan/plan_sealed.h"
#include "services/safetyplan/safetyplan_service.h"

namespace schakel::safetyplan {
namespace {

constexpr size_t kNotesMax = 4000;
constexpr size_t kInstrumentVersionMax = 40;

// The page cursor: "<assessed_at>/<id>".
std::optional<std::pair<int64_t, std::string>> ParseCursor(const std::string& after) {
  if (after.empty()) return std::nullopt;
  std::pair<std::string, std::string> parts = absl::StrSplit(after, absl::MaxSplits('/', 1));
  int64_t at = 0;
  if (!absl::SimpleAtoi(parts.first, &at)) return std::nullopt;
  return std::make_pair(at, parts.second);
}

}  // namespace

grpc::ServerUnaryReactor* SafetyPlanService::RecordRiskInstrument(
    grpc::CallbackServerContext* ctx, const v1::RecordRiskInstrumentRequest* req,
    v1::RecordRiskInstrumentResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    const absl::Time now = env_.clock->Now();
    FieldViolations v;
    const auto kind = static_cast<v1::RiskInstrumentKind>(req->instrument());
    if (!v1::RiskInstrumentKind_IsValid(req->instrument()) ||
        kind == v1::RISK_INSTRUMENT_KIND_UNSPECIFIED) {
      v.Add("instrument", "must be RIHG, LIRIK, ARIJ, CARE_NL or B_SAFER");
    } else if (!IsOutcomeLevel(kind, req->outcome_level())) {
      v.Add("outcome_level",
            absl::StrCat("must be one of ", absl::StrJoin(OutcomeLevels(kind), ", "), " for ",
                         v1::RiskInstrumentKind_Name(kind)));
    }
    CheckText(v, "instrument_version", req->instrument_version(), kInstrumentVersionMax, false);
    if (!req->has_assessed_at()) {
      v.Add("assessed_at", "must be set");
    } else if (ToTime(req->assessed_at()) > now + kClockSkew) {
      v.Add("assessed_at", "must not be in the future");
    }
    CheckText(v, "notes", req->notes(), kNotesMax, false);
    if (req->notes_sensitivity() != v1::SENSITIVITY_UNSPECIFIED) {
      CheckSensitivity(v, "notes_sensitivity", req->notes_sensitivity());
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    return ChangePlan(PlanChange{
        .caller = &caller,
        .method = "RecordRiskInstrument",
        .request = req,
        .response = resp,
        .request_id = req->request_id(),
        .case_id = req->case_id(),
        .event_type = "plan.risk_instrument_recorded",
        .change = [&](sqlite::Connection& c, const Standing& s,
                      v1::AuditRecord& rec) -> absl::Status {
          RiskRow row;
          row.id = absl::StrCat("ra-", NewRandomId());
          row.case_id = req->case_id();
          row.instrument = kind;
          row.instrument_version = req->instrument_version();
          row.assessed_at = absl::ToUnixMicros(ToTime(req->assessed_at()));
          row.organisation_id = s.access.organisation_id();
          row.professional_id = caller.principal.id;
          row.outcome_level = req->outcome_level();
          row.notes_sensitivity =
              SensitivityOrDefault(req->notes_sensitivity(), s.viewer.organisation_type);
          row.key_id = rt_.cipher->key_id();
          if (!req->notes().empty()) {
            SCHAKEL_ASSIGN_OR_RETURN(row.notes, sealer_->SealText(c, row.case_id, req->notes(),
                                                                  RiskRowId(row.id), row.key_id));
          }
          row.recorded_at = absl::ToUnixMicros(now);
          PlanStore store(c);
          SCHAKEL_RETURN_IF_ERROR(store.InsertRisk(row));
          AddObject(rec, "risk-assessment", row.id, v1::SENSITIVITY_CARE);
          const absl::string_view name =
              absl::StripPrefix(v1::RiskInstrumentKind_Name(kind), "RISK_INSTRUMENT_KIND_");
          SCHAKEL_RETURN_IF_ERROR(
              Timeline(c, caller, row.case_id, "plan.risk_instrument",
                       absl::StrCat("Risicotaxatie ", name, ": ", row.outcome_level,
                                    " / Risk assessment ", name, ": ", row.outcome_level)));
          v1::RiskAssessment* out = resp->mutable_assessment();
          out->set_id(row.id);
          out->set_case_id(row.case_id);
          out->set_instrument(kind);
          out->set_instrument_version(row.instrument_version);
          *out->mutable_assessed_at() = req->assessed_at();
          out->set_organisation_id(row.organisation_id);
          out->set_professional_id(row.professional_id);
          out->set_outcome_level(row.outcome_level);
          out->set_notes(req->notes());
          out->set_notes_sensitivity(static_cast<v1::Sensitivity>(row.notes_sensitivity));
          SetTime(out->mutable_recorded_at(), row.recorded_at);
          return absl::OkStatus();
        }});
  };
  return Handle(ctx, "RecordRiskInstrument", req->case_id(), std::move(handler));
}

grpc::ServerUnaryReactor* SafetyPlanService::ListRiskInstruments(
    grpc::CallbackServerContext* ctx, const v1::ListRiskInstrumentsRequest* req,
    v1::ListRiskInstrumentsResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckId(v, "case_id", req->case_id());
    CheckText(v, "purpose_of_use", req->purpose_of_use(), 200, false);
    const Page page = DecodePage(v, *req, "risk-instruments");
    const auto cursor = ParseCursor(page.after);
    if (!page.after.empty() && !cursor) v.Add("page_token", "is not a token of this listing");
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    SCHAKEL_ASSIGN_OR_RETURN(Standing s, StandingOn(caller, req->case_id(), Need::kRead));
    const ReadSpec spec{
        .audit = rt_.audit.get(),
        .caller = &caller,
        .event_type = "plan.risk_instruments.read",
        .purpose_of_use = req->purpose_of_use().empty() ? "safety plan" : req->purpose_of_use(),
        .response = resp};
    return RunAuditedRead(spec, [&](v1::AuditRecord& rec) -> absl::Status {
      AddObject(rec, "case", req->case_id(), v1::SENSITIVITY_CARE);
      rec.mutable_checks()->set_care_relationship(v1::AUDIT_CHECK_PASSED);
      return rt_.db->Read([&](sqlite::Connection& c) -> absl::Status {
        PlanStore store(c);
        SCHAKEL_ASSIGN_OR_RETURN(auto rows, store.Risks(req->case_id(), cursor, page.limit + 1));
        const bool more = static_cast<int>(rows.size()) > page.limit;
        if (more) rows.resize(page.limit);
        for (const RiskRow& r : rows) {
          v1::RiskAssessment* out = resp->add_assessments();
          out->set_id(r.id);
          out->set_case_id(r.case_id);
          out->set_instrument(static_cast<v1::RiskInstrumentKind>(r.instrument));
          out->set_instrument_version(r.instrument_version);
          SetTime(out->mutable_assessed_at(), r.assessed_at);
          out->set_organisation_id(r.organisation_id);
          out->set_professional_id(r.professional_id);
          out->set_outcome_level(r.outcome_level);
          out->set_notes_sensitivity(static_cast<v1::Sensitivity>(r.notes_sensitivity));
          SetTime(out->mutable_recorded_at(), r.recorded_at);
          if (!r.notes.empty()) {
            SCHAKEL_ASSIGN_OR_RETURN(
                std::string notes,
                sealer_->OpenText(c, r.case_id, r.key_id, r.notes, RiskRowId(r.id)));
            out->set_notes(std::move(notes));
            if (RedactText(*out->mutable_notes(), r.notes_sensitivity, s.viewer)) {
              out->clear_notes();
              out->set_notes_hidden(true);
              out->set_notes_hidden_reason(
                  HiddenReason(static_cast<v1::Sensitivity>(r.notes_sensitivity)));
            }
          }
          AddObject(rec, "risk-assessment", r.id, v1::SENSITIVITY_CARE);
        }
        if (more) {
          resp->set_next_page_token(
              NextPageToken(*req, "risk-instruments",
                            absl::StrCat(rows.back().assessed_at, "/", rows.back().id)));
        }
        return absl::OkStatus();
      });
    });
  };
  return Handle(ctx, "ListRiskInstruments", req->case_id(), std::move(handler));
}

}  // namespace schakel::safetyplan
