// The routes of a safety assessment that leave Veilig Thuis. Route MDA_PLUS_PLUS: AssessReport
// puts a sealed CaseFromReport into the outbox (RequestCase), a relay hands it to the cases
// service (OpenCasesFromReports), and the cases service tells back, through its own outbox, when
// the case opened, closed or reopened (RecordReportCases), so the report and the radar know.
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "schakel/v1/cases.grpc.pb.h"
#include "services/common/inbox.h"
#include "services/common/outbox.h"
#include "services/common/outbox_route.h"
#include "services/common/proto_time.h"
#include "services/common/validation.h"
#include "services/intake/intake_sealed.h"
#include "services/intake/intake_service.h"

namespace schakel::intake {
namespace {

v1::PersonRole CaseRole(v1::ReportedRole role) {
  switch (role) {
    case v1::REPORTED_ROLE_VICTIM:
      return v1::PERSON_ROLE_VICTIM;
    case v1::REPORTED_ROLE_SUSPECTED_PERPETRATOR:
      return v1::PERSON_ROLE_SUSPECTED_PERPETRATOR;
    case v1::REPORTED_ROLE_CHILD:
      return v1::PERSON_ROLE_CHILD;
    default:
      return v1::PERSON_ROLE_HOUSEHOLD_MEMBER;
  }
}

// A criterion VT found met, with what it wrote; unset when it wrote nothing.
// A criterion Veilig Thuis explained is MET; one it left empty is not sent at all (an empty
// Criterion would be one without a state, which the cases service refuses).
void SetCriterion(v1::InclusionCriteria& criteria, v1::Criterion* (v1::InclusionCriteria::*field)(),
                  const std::string& note) {
  if (note.empty()) return;
  v1::Criterion* c = (criteria.*field)();
  c->set_state(v1::CRITERION_STATE_MET);
  c->set_note(note);
}

}  // namespace

absl::Status IntakeService::RequestCase(sqlite::Connection& c, const ReportRow& row,
                                        const Caller& caller, absl::Time now) const {
  const v1::MdaPlusPlus& mda = row.body.assessment().mda();
  v1::CaseFromReport open;
  open.set_report_id(row.id);
  open.set_region(row.region);
  open.set_opener_professional_id(caller.principal.id);
  open.set_opener_organisation_id(caller.principal.organisation_id);
  open.set_director_professional_id(mda.director_professional_id());
  SetTime(open.mutable_assess_time(), now);
  open.set_reason(mda.reason());
  v1::CaseDetails& details = *open.mutable_details();
  v1::InclusionCriteria& criteria = *details.mutable_criteria();
  using C = v1::InclusionCriteria;
  SetCriterion(criteria, &C::mutable_structural_unsafety, mda.structural_unsafety());
  SetCriterion(criteria, &C::mutable_regular_help_exhausted, mda.help_exhausted());
  SetCriterion(criteria, &C::mutable_no_coherent_approach, mda.no_coherent_approach());
  SetCriterion(criteria, &C::mutable_repeated_incidents, mda.repeated_events());
  for (int k : row.body.input().violence_kinds()) {
    const auto kind = static_cast<v1::ViolenceKind>(k);
    details.add_violence_kinds(kind);
    if (kind == v1::VIOLENCE_KIND_HONOUR_RELATED) details.set_honour_related_violence(true);
    if (kind == v1::VIOLENCE_KIND_HUMAN_TRAFFICKING) details.set_human_trafficking(true);
  }
  for (const v1::ReportedPerson& p : row.body.input().persons()) {
    v1::Person* out = open.add_persons();
    out->set_name(p.name());
    *out->mutable_date_of_birth() = p.date_of_birth();
    out->set_bsn(p.bsn());
    if (p.has_address()) *out->mutable_address() = p.address();
    out->set_role(CaseRole(p.role()));
  }
  // The persons go into the outbox: sealed like the report itself.
  v1::StoredCaseOpening stored;
  stored.set_report_id(row.id);
  stored.set_key_id(rt_.cipher->key_id());
  SCHAKEL_ASSIGN_OR_RETURN(*stored.mutable_sealed(), rt_.cipher->Seal(open, OpeningAad(row.id)));
  return WriteToOutbox(c, kCaseRequestsTopic, stored, now).status();
}

std::vector<OutboxRoute> IntakeService::outbox_routes() {
  const FieldCipher* cipher = rt_.cipher.get();
  return {BatchRoute<v1::CaseService>(
      kCaseRequestsTopic, "cases", &v1::CaseService::Stub::OpenCasesFromReports,
      [cipher](v1::OpenCasesFromReportsRequest& request, const OutboxMessage& m) -> absl::Status {
        v1::StoredCaseOpening stored;
        if (!stored.ParseFromString(m.payload)) {
          return absl::DataLossError("an outbox case request does not parse");
        }
        v1::CaseFromReport* open = request.add_cases();
        SCHAKEL_RETURN_IF_ERROR(
            cipher->Open(stored.key_id(), stored.sealed(), OpeningAad(stored.report_id()), *open));
        open->set_source_sequence(m.seq);
        request.set_source_service("intake");
        return absl::OkStatus();
      })};
}

grpc::ServerUnaryReactor* IntakeService::RecordReportCases(grpc::CallbackServerContext* ctx,
                                                           const v1::RecordReportCasesRequest* req,
                                                           v1::RecordReportCasesResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    // What the report says of its case follows these events: only the cases service may send
    // them (this host in-process, or a host named in intake.case_event_sources).
    const auto& sources = env_.config.intake().case_event_sources();
    if (!caller.IsOneOf(env_.internal->host.id, {sources.begin(), sources.end()})) {
      return absl::PermissionDeniedError(
          "case events are taken only from the cases service (intake.case_event_sources)");
    }
    FieldViolations v;
    if (req->events().empty()) v.Add("events", "must not be empty");
    for (int i = 0; i < req->events_size(); ++i) {
      const v1::ReportCaseEvent& r = req->events(i);
      const std::string at = absl::StrCat("events[", i, "].");
      if (r.source_sequence() <= 0) v.Add(at + "source_sequence", "must be positive");
      CheckId(v, at + "event.case_id", r.event().case_id());
      if (r.event().type() == v1::CASE_EVENT_TYPE_UNSPECIFIED ||
          !v1::CaseEventType_IsValid(r.event().type())) {
        v.Add(at + "event.type", "must be a CaseEventType");
      }
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    const absl::Time now = env_.clock->Now();
    return rt_.db->Transaction([&](sqlite::Connection& c) -> absl::Status {
      IntakeStore store(c, *sealer_);
      v1::AuditRecord rec =
          rt_.audit->NewRecord(caller, v1::AUDIT_ACTION_UPDATE, "intake.report.case_events");
      rec.set_purpose_of_use("MDA++ route");
      int duplicates = 0;
      for (const v1::ReportCaseEvent& r : req->events()) {
        SCHAKEL_ASSIGN_OR_RETURN(bool fresh,
                                 ReceiveOnce(c, absl::StrCat(caller.principal.id, "/case-events"),
                                             r.source_sequence(), r.event().event_id(), now));
        if (!fresh) {
          ++duplicates;
          continue;
        }
        const v1::CaseEvent& e = r.event();
        // Openings, closures and reopenings only: a team change or a destroyed case (whose report
        // keeps its own retention) changes nothing here.
        if (e.origin_report_id().empty() || e.type() == v1::CASE_EVENT_TYPE_TEAM_CHANGED ||
            e.type() == v1::CASE_EVENT_TYPE_DESTROYED) {
          continue;
        }
        SCHAKEL_ASSIGN_OR_RETURN(auto row, store.GetReport(e.origin_report_id(), false));
        // A report of another region is not this case's: a case is opened in its report's region.
        if (!row || row->region != e.region()) continue;
        SCHAKEL_ASSIGN_OR_RETURN(
            bool linked,
            store.SetReportCase(row->id, e.case_id(), e.type() != v1::CASE_EVENT_TYPE_CLOSED));
        if (!linked) continue;  // the report already names another case (opened by hand)
        // The file closes with its case (its retention term starts), and opens again with it;
        // one Veilig Thuis closed by hand (CloseReport) stays closed.
        const bool closed = e.type() == v1::CASE_EVENT_TYPE_CLOSED;
        if (!closed && row->state == v1::REPORT_STATE_CLOSED) continue;
        SCHAKEL_RETURN_IF_ERROR(
            RetentionStore(c, *sealer_)
                .SetClosed(row->id, closed ? std::optional<int64_t>(absl::ToUnixMicros(now))
                                           : std::nullopt));
        AddObject(rec, "report", row->id, v1::SENSITIVITY_CARE);
        AddObject(rec, "case", e.case_id());
      }
      resp->set_duplicates(duplicates);
      if (rec.objects().empty()) return absl::OkStatus();
      return rt_.audit->Record(c, rec);
    });
  };
  return Handle(ctx, "RecordReportCases", {}, std::move(handler));
}

}  // namespace schakel::intake
