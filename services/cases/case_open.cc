// Opening a case: InsertNewCase (shared by CreateCase and OpenCasesFromReports) and
// OpenCasesFromReports, by which the intake service's MDA++ route opens the joint case of a
// Veilig Thuis report through its outbox.
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "services/cases/case_change.h"
#include "services/cases/case_rules.h"
#include "services/cases/case_texts.h"
#include "services/cases/case_validation.h"
#include "services/cases/case_views.h"
#include "services/common/ids.h"
#include "services/common/inbox.h"
#include "services/common/person_fields.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"
#include "services/common/validation.h"

namespace schakel::cases {

absl::StatusOr<OpenedCase> InsertNewCase(sqlite::Connection& c, CaseStore& store, const NewCase& n,
                                         v1::AuditRecord& rec, absl::Time now) {
  OpenedCase out;
  CaseRow& row = out.row;
  row.id = NewRandomId();
  SCHAKEL_ASSIGN_OR_RETURN(row.reference,
                           store.NextReference(static_cast<int>(AmsterdamToday(now).year())));
  row.region = n.opener_org.region();
  row.status = v1::CASE_STATUS_OPEN;
  row.origin = n.origin_report_id.empty() ? v1::CASE_ORIGIN_DIRECT : v1::CASE_ORIGIN_REPORT;
  row.origin_report_id = n.origin_report_id;
  row.report_organisation_id = n.report_organisation_id;
  row.version = 1;
  *row.body.mutable_details() = n.details;
  // Free text outside notes takes the opener's default sensitivity when none is set.
  FieldViolations tv;
  MergeDetailTexts(tv, "details.", v1::CaseDetails(), *row.body.mutable_details(),
                   Viewer{n.opener_org.id(), n.opener_org.type()});
  SCHAKEL_RETURN_IF_ERROR(tv.ToStatus());
  for (auto& note : *row.body.mutable_details()->mutable_notes()) {
    note.set_id(NewNoteId());
    note.clear_hidden();
    note.clear_hidden_reason();
    note.clear_shared_with_organisation_ids();
  }
  row.create_time = now;
  row.update_time = now;
  SCHAKEL_RETURN_IF_ERROR(store.InsertCase(row));

  v1::TeamMember director;
  director.set_professional_id(n.director_id);
  director.set_organisation_id(n.director_org.id());
  director.set_organisation_type(n.director_org.type());
  director.set_role(v1::CASE_ROLE_CASE_DIRECTOR);
  SetTime(director.mutable_start_time(), now);
  SCHAKEL_RETURN_IF_ERROR(store.AddMember(row.id, director));
  if (n.director_id != n.opener_id) {
    // The opener stays on the team, so the organisation that opened keeps sight.
    v1::TeamMember opener = director;
    opener.set_professional_id(n.opener_id);
    opener.set_organisation_id(n.opener_org.id());
    opener.set_organisation_type(n.opener_org.type());
    opener.set_role(v1::CASE_ROLE_CORE_TEAM);
    SCHAKEL_RETURN_IF_ERROR(store.AddMember(row.id, opener));
  }
  AddCaseObject(rec, row.id);
  if (n.persons != nullptr) {
    for (const auto& in : *n.persons) {
      const PersonRow p = NewPersonRow(in);
      SCHAKEL_RETURN_IF_ERROR(store.InsertPerson(row.id, p, now));
      AddObject(rec, "person", p.id);
    }
  }
  TimelineRow opened;
  opened.time = now;
  opened.type = "case.opened";
  const bool from_report = !row.origin_report_id.empty();
  opened.summary = absl::StrCat(
      "Casus geopend", from_report ? " vanuit melding " : "", row.origin_report_id,
      "; casusregisseur ", n.director_id, " / Case opened", from_report ? " from report " : "",
      row.origin_report_id, "; case director ", n.director_id, n.timeline_addition);
  opened.actor_id = n.opener_id;
  opened.actor_organisation_id = n.opener_org.id();
  opened.source_service = "cases";
  SCHAKEL_RETURN_IF_ERROR(store.AppendTimeline(row.id, opened));
  SCHAKEL_ASSIGN_OR_RETURN(out.team, store.ListTeam(row.id, false));
  SCHAKEL_RETURN_IF_ERROR(WriteCaseEvent(
      c,
      MakeCaseEvent(v1::CASE_EVENT_TYPE_OPENED, row, n.opener_id, n.opener_org.id(), out.team, now),
      now));
  return out;
}

namespace {

// What of a CaseFromReport is wrong, named per field (before anything is stored).
void CheckCaseFromReport(FieldViolations& v, const std::string& at, const v1::CaseFromReport& in,
                         absl::CivilDay today) {
  if (in.source_sequence() <= 0) v.Add(at + "source_sequence", "must be positive");
  CheckId(v, at + "report_id", in.report_id());
  CheckId(v, at + "opener_professional_id", in.opener_professional_id());
  CheckId(v, at + "opener_organisation_id", in.opener_organisation_id());
  if (!in.director_professional_id().empty()) {
    CheckId(v, at + "director_professional_id", in.director_professional_id());
  }
  if (!v1::Region_IsValid(in.region()) || in.region() == v1::REGION_UNSPECIFIED) {
    v.Add(at + "region", "must be one of the 28 regions");
  }
  CheckDetails(v, at + "details.", WithoutEmptyCriteria(in.details()), today);
  for (int i = 0; i < in.persons_size(); ++i) {
    const std::string p = absl::StrCat(at, "persons[", i, "].");
    CheckPersonInput(v, p, in.persons(i), today);
    if (!in.persons(i).id().empty()) v.Add(p + "id", "is set by the server");
  }
  CheckText(v, at + "reason", in.reason(), 2000, false);
}

}  // namespace

grpc::ServerUnaryReactor* CaseService::OpenCasesFromReports(
    grpc::CallbackServerContext* ctx, const v1::OpenCasesFromReportsRequest* req,
    v1::OpenCasesFromReportsResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    // Opening a case gives an organisation the lead: only the intake service may ask (this host
    // in-process, or a host named in cases.report_sources).
    if (!caller.IsOneOf(env_.internal->host.id, report_sources_)) {
      return absl::PermissionDeniedError(
          "cases are opened from reports only by the intake service (cases.report_sources)");
    }
    const absl::Time now = env_.clock->Now();
    const absl::CivilDay today = AmsterdamToday(now);
    FieldViolations v;
    CheckId(v, "source_service", req->source_service());
    if (req->cases().empty()) v.Add("cases", "must not be empty");
    for (int i = 0; i < req->cases_size(); ++i) {
      CheckCaseFromReport(v, absl::StrCat("cases[", i, "]."), req->cases(i), today);
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());

    // Who opens and who directs, from the directory (no I/O in the transaction). An opener who
    // is gone still opens: the assessment was made; a director who is gone is replaced by the
    // opener, and the timeline says so.
    struct Parties {
      v1::Organisation opener_org;
      v1::Organisation director_org;
      std::string director_id;
      std::string addition;
    };
    std::vector<Parties> parties(req->cases_size());
    for (int i = 0; i < req->cases_size(); ++i) {
      const v1::CaseFromReport& in = req->cases(i);
      Parties& p = parties[i];
      SCHAKEL_ASSIGN_OR_RETURN(auto opener_org, organisations_->Get(in.opener_organisation_id()));
      if (!opener_org || opener_org->type() == v1::ORGANISATION_TYPE_OPERATOR ||
          opener_org->region() != in.region()) {
        v.Add(absl::StrCat("cases[", i, "].opener_organisation_id"),
              "no organisation of the report's region with this id");
        continue;
      }
      p.opener_org = *opener_org;
      p.director_org = *opener_org;
      p.director_id = in.opener_professional_id();
      if (in.director_professional_id().empty() ||
          in.director_professional_id() == in.opener_professional_id()) {
        continue;
      }
      SCHAKEL_ASSIGN_OR_RETURN(DirectoryEntry d, roles_->Resolve(in.director_professional_id()));
      std::optional<v1::Organisation> director_org;
      if (d.registered && d.active && d.DoesCaseWork()) {
        SCHAKEL_ASSIGN_OR_RETURN(director_org, organisations_->Get(d.organisation_id));
      }
      const bool trafficking_without_consent = in.details().human_trafficking() &&
                                               !in.details().consent().recorded() && director_org &&
                                               director_org->id() != opener_org->id();
      if (director_org && director_org->type() != v1::ORGANISATION_TYPE_OPERATOR &&
          director_org->region() == in.region() && !trafficking_without_consent) {
        p.director_org = *director_org;
        p.director_id = in.director_professional_id();
      } else {
        p.addition = absl::StrCat(" (", in.director_professional_id(),
                                  " kon geen casusregie voeren; de beoordelaar voert die tot het "
                                  "MDO een casusregisseur aanwijst / could not direct the case; "
                                  "the assessor directs until the meeting appoints a director)");
      }
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());

    return db_->Transaction([&](sqlite::Connection& c) -> absl::Status {
      CaseStore store(c, *sealer_);
      int duplicates = 0;
      for (int i = 0; i < req->cases_size(); ++i) {
        const v1::CaseFromReport& in = req->cases(i);
        SCHAKEL_ASSIGN_OR_RETURN(
            bool fresh,
            ReceiveOnce(c, absl::StrCat(caller.principal.id, "/", req->source_service()),
                        in.source_sequence(), in.report_id(), now));
        // One report never opens two cases: a repeated delivery, or a case opened by hand from
        // the same report, answers the case that exists.
        SCHAKEL_ASSIGN_OR_RETURN(
            auto existing, store.CaseIdForReport(in.opener_organisation_id(), in.report_id()));
        if (!fresh || existing) {
          ++duplicates;
          resp->add_case_ids(existing.value_or(""));
          continue;
        }
        const Parties& p = parties[i];
        v1::AuditRecord rec = audit_->NewRecord(caller, v1::AUDIT_ACTION_CREATE, "case.created");
        rec.set_purpose_of_use("MDA++ route of a safety assessment");
        AddObject(rec, "report", in.report_id());
        AddObject(rec, "professional", in.opener_professional_id());
        SCHAKEL_ASSIGN_OR_RETURN(OpenedCase opened,
                                 InsertNewCase(c, store,
                                               {.origin_report_id = in.report_id(),
                                                .report_organisation_id = p.opener_org.id(),
                                                .opener_org = p.opener_org,
                                                .opener_id = in.opener_professional_id(),
                                                .director_org = p.director_org,
                                                .director_id = p.director_id,
                                                .details = WithoutEmptyCriteria(in.details()),
                                                .persons = &in.persons(),
                                                .timeline_addition = p.addition},
                                               rec, now));
        resp->add_case_ids(opened.row.id);
        SCHAKEL_RETURN_IF_ERROR(audit_->Record(c, rec));
      }
      resp->set_duplicates(duplicates);
      return absl::OkStatus();
    });
  };
  return Handle(ctx, "OpenCasesFromReports", {}, std::move(handler));
}

}  // namespace schakel::cases
