// Supervisors: the list of the handovers they oversee (their organisation's and those of the
// cases it is on; a regional supervisor's, the region's) and the report (with its CSV export).
// References, organisations and times only — no people, no content.
#include "services/handover/handover_report.h"

#include <map>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "services/common/audit_trail.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"
#include "services/common/validation.h"
#include "services/handover/handover_service.h"
#include "services/handover/handover_views.h"
#include "services/runtime/page_token.h"
#include "services/runtime/unit_of_work.h"

namespace schakel::handover {
namespace {

constexpr char kListing[] = "handovers";

std::string CsvField(absl::string_view s) {
  if (s.find_first_of(",\"\n\r") == absl::string_view::npos) return std::string(s);
  return absl::StrCat("\"", absl::StrReplaceAll(s, {{"\"", "\"\""}}), "\"");
}

std::string IsoTime(int64_t us) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", absl::FromUnixMicros(us), absl::UTCTimeZone());
}

void CheckTimes(FieldViolations& v, const auto& req) {
  if (req.has_proposed_from() && !ValidTimestamp(req.proposed_from())) {
    v.Add("proposed_from", "must be a valid time");
  }
  if (req.has_proposed_to() && !ValidTimestamp(req.proposed_to())) {
    v.Add("proposed_to", "must be a valid time");
  }
}

// Whose handovers a supervisor oversees: a REGIONAL_SUPERVISOR the whole region of their
// organisation (empty: no organisation limit), a SUPERVISOR those sent or received by their own
// organisation and those of the cases it is on the team of (as the cases service's last case
// event said, ledger_events.cc), and in the report the cases it led, handed over or is on.
std::string OverseenOrganisation(const Caller& caller) {
  if (caller.HasRole(v1::ROLE_REGIONAL_SUPERVISOR)) return "";
  return caller.principal.organisation_id;
}

// The scope of a list or report on its audit record.
void AddScope(v1::AuditRecord& rec, v1::Region region, const std::string& organisation_id) {
  AddObject(rec, "region", v1::Region_Name(region));
  if (!organisation_id.empty()) AddObject(rec, "organisation", organisation_id);
}

}  // namespace

v1::HandoverReport BuildReport(const ReportData& data, v1::Region region, int64_t now) {
  v1::HandoverReport report;
  SetTime(report.mutable_generated_at(), now);
  report.set_region(region);
  std::map<int, int> counts;
  std::map<std::string, v1::OrganisationFigures> per_org;
  std::vector<double> hours;
  auto figures = [&](const std::string& id) -> v1::OrganisationFigures& {
    auto& f = per_org[id];
    f.set_organisation_id(id);
    return f;
  };
  for (const auto& h : data.handovers) {
    ++counts[h.state];
    figures(h.from_organisation_id).set_sent(figures(h.from_organisation_id).sent() + 1);
    auto& to = figures(h.to_organisation_id);
    to.set_received(to.received() + 1);
    if (h.state == v1::HANDOVER_STATE_ACCEPTED) {
      to.set_accepted(to.accepted() + 1);
      hours.push_back(static_cast<double>(*h.decided - h.proposed) / 3.6e9);
    }
    if (h.state == v1::HANDOVER_STATE_DECLINED) to.set_declined(to.declined() + 1);
    const bool late_contact =
        h.contact_escalated ||
        (h.state == v1::HANDOVER_STATE_ACCEPTED && h.contact_deadline &&
         (h.contact ? *h.contact > *h.contact_deadline : now >= *h.contact_deadline));
    if (h.state == v1::HANDOVER_STATE_EXPIRED || late_contact) to.set_overdue(to.overdue() + 1);
  }
  for (int s = v1::HANDOVER_STATE_PROPOSED; s <= v1::HANDOVER_STATE_EXPIRED; ++s) {
    v1::StateCount* c = report.add_counts();
    c->set_state(static_cast<v1::HandoverState>(s));
    c->set_count(counts[s]);
  }
  report.set_accepted(counts[v1::HANDOVER_STATE_ACCEPTED]);
  report.set_median_hours_to_accept(Percentile(hours, 50));
  report.set_p90_hours_to_accept(Percentile(hours, 90));
  for (auto& [id, f] : per_org) *report.add_organisations() = f;

  // Gaps, case by case, over the whole ledger.
  absl::flat_hash_map<std::string, std::vector<Interval>> open_by_case;
  for (const auto& [case_id, interval] : data.open) open_by_case[case_id].push_back(interval);
  absl::flat_hash_map<std::string, std::vector<PeriodRow>> periods_by_case;
  for (const auto& p : data.periods) periods_by_case[p.case_id].push_back(p);
  for (const auto& l : data.ledgers) {
    report.set_cases(report.cases() + 1);
    if (l.status == v1::CASE_STATUS_OPEN) report.set_open_cases(report.open_cases() + 1);
    for (const GapSpan& g : FindGaps(open_by_case[l.case_id], periods_by_case[l.case_id])) {
      v1::Gap* gap = report.add_gaps();
      gap->set_case_id(l.case_id);
      gap->set_case_reference(l.reference);
      gap->set_kind(g.kind);
      SetTime(gap->mutable_start(), g.start);
      if (g.end != kForever) SetTime(gap->mutable_end(), g.end);
    }
  }
  return report;
}

std::string ReportCsv(const v1::HandoverReport& report) {
  std::string csv = "section,subject,measure,value\n";
  absl::StrAppend(&csv, "report,,generated_at,", IsoTime(ToMicros(report.generated_at())), "\n");
  absl::StrAppend(&csv, "report,,region,", v1::Region_Name(report.region()), "\n");
  absl::StrAppend(&csv, "report,,cases,", report.cases(), "\n");
  absl::StrAppend(&csv, "report,,open_cases,", report.open_cases(), "\n");
  for (const auto& c : report.counts()) {
    absl::StrAppend(&csv, "count,,", StateName(c.state()), ",", c.count(), "\n");
  }
  absl::StrAppend(&csv, "time_to_accept,,median_hours,",
                  absl::StrFormat("%.2f", report.median_hours_to_accept()), "\n");
  absl::StrAppend(&csv, "time_to_accept,,p90_hours,",
                  absl::StrFormat("%.2f", report.p90_hours_to_accept()), "\n");
  for (const auto& f : report.organisations()) {
    const std::string subject = CsvField(f.organisation_id());
    const std::pair<const char*, int> measures[] = {{"received", f.received()},
                                                    {"accepted", f.accepted()},
                                                    {"declined", f.declined()},
                                                    {"overdue", f.overdue()},
                                                    {"sent", f.sent()}};
    for (const auto& [measure, value] : measures) {
      absl::StrAppend(&csv, "organisation,", subject, ",", measure, ",", value, "\n");
    }
  }
  absl::StrAppend(&csv, "gaps,,count,", report.gaps_size(), "\n");
  for (const auto& g : report.gaps()) {
    absl::StrAppend(&csv, "gap,", CsvField(g.case_reference()), ",", v1::GapKind_Name(g.kind()),
                    ",", IsoTime(ToMicros(g.start())), "/",
                    g.has_end() ? IsoTime(ToMicros(g.end())) : "", "\n");
  }
  return csv;
}

grpc::ServerUnaryReactor* HandoverService::ListHandovers(grpc::CallbackServerContext* ctx,
                                                         const v1::ListHandoversRequest* req,
                                                         v1::ListHandoversResponse* resp) {
  return Handle(ctx, "ListHandovers", [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    if (!req->organisation_id().empty()) CheckId(v, "organisation_id", req->organisation_id());
    for (int i = 0; i < req->states_size(); ++i) {
      if (req->states(i) == v1::HANDOVER_STATE_UNSPECIFIED ||
          !v1::HandoverState_IsValid(req->states(i))) {
        v.Add(absl::StrCat("states[", i, "]"), "is not a handover state");
      }
    }
    CheckTimes(v, *req);
    const Page page = DecodePage(v, *req, kListing);
    HandoverFilter f;
    if (!page.after.empty()) {
      // The cursor of the last handover of the previous page: "<proposed µs>/<id>".
      const std::vector<std::string> parts = absl::StrSplit(page.after, absl::MaxSplits('/', 1));
      int64_t t = 0;
      if (parts.size() != 2 || !absl::SimpleAtoi(parts[0], &t)) {
        v.Add("page_token", "is not a token this service gave out");
      } else {
        f.after = std::make_pair(t, parts[1]);
      }
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    SettleDeadlines();
    SCHAKEL_ASSIGN_OR_RETURN(auto org, rt_.organisations->Get(caller.principal.organisation_id));
    if (!org) return absl::FailedPreconditionError("your organisation is not in the directory");
    f.region = org->region();
    f.organisation_id = req->organisation_id();
    f.party_organisation_id = OverseenOrganisation(caller);
    for (int s : req->states()) f.states.push_back(s);
    f.overdue_only = req->overdue_only();
    f.now = absl::ToUnixMicros(env_.clock->Now());
    if (req->has_proposed_from()) f.proposed_from = ToMicros(req->proposed_from());
    if (req->has_proposed_to()) f.proposed_to = ToMicros(req->proposed_to());
    f.limit = page.limit + 1;
    const ReadSpec spec{.audit = rt_.audit.get(),
                        .caller = &caller,
                        .event_type = "handover.list",
                        .purpose_of_use = kOversightPurpose,
                        .response = resp};
    return RunAuditedRead(spec, [&](v1::AuditRecord& rec) -> absl::Status {
      std::vector<HandoverRow> rows;
      absl::flat_hash_map<std::string, std::string> references;
      SCHAKEL_RETURN_IF_ERROR(rt_.db->Read([&](sqlite::Connection& c) -> absl::Status {
        HandoverStore store(c, *sealer_);
        SCHAKEL_ASSIGN_OR_RETURN(rows, store.ListHandovers(f));
        for (const auto& h : rows) {
          if (references.contains(h.case_id)) continue;
          SCHAKEL_ASSIGN_OR_RETURN(auto ledger, store.GetLedger(h.case_id));
          references[h.case_id] = ledger ? ledger->reference : "";
        }
        return absl::OkStatus();
      }));
      if (static_cast<int>(rows.size()) > page.limit) {
        rows.resize(page.limit);
        resp->set_next_page_token(
            NextPageToken(*req, kListing, absl::StrCat(rows.back().proposed, "/", rows.back().id)));
      }
      for (const auto& h : rows) {
        *resp->add_handovers() = ToProto(h, references[h.case_id], false);
        AddObject(rec, "handover", h.id);
      }
      AddScope(rec, org->region(), f.party_organisation_id);
      rec.mutable_checks()->set_care_relationship(v1::AUDIT_CHECK_NOT_APPLICABLE);
      return absl::OkStatus();
    });
  });
}

grpc::ServerUnaryReactor* HandoverService::GetHandoverReport(
    grpc::CallbackServerContext* ctx, const v1::GetHandoverReportRequest* req,
    v1::GetHandoverReportResponse* resp) {
  return Handle(ctx, "GetHandoverReport", [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckTimes(v, *req);
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    SettleDeadlines();
    SCHAKEL_ASSIGN_OR_RETURN(auto org, rt_.organisations->Get(caller.principal.organisation_id));
    if (!org) return absl::FailedPreconditionError("your organisation is not in the directory");
    const int64_t now = absl::ToUnixMicros(env_.clock->Now());
    HandoverFilter filter;
    filter.region = org->region();
    filter.party_organisation_id = OverseenOrganisation(caller);
    const std::string& scope = filter.party_organisation_id;
    if (req->has_proposed_from()) filter.proposed_from = ToMicros(req->proposed_from());
    if (req->has_proposed_to()) filter.proposed_to = ToMicros(req->proposed_to());
    const ReadSpec spec{
        .audit = rt_.audit.get(),
        .caller = &caller,
        .event_type = req->csv() ? "handover.report.exported" : "handover.report.read",
        .purpose_of_use = kOversightPurpose,
        .action = req->csv() ? v1::AUDIT_ACTION_EXECUTE : v1::AUDIT_ACTION_READ,
        .response = resp,
    };
    return RunAuditedRead(spec, [&](v1::AuditRecord& rec) -> absl::Status {
      ReportData data;
      SCHAKEL_RETURN_IF_ERROR(rt_.db->Read([&](sqlite::Connection& c) -> absl::Status {
        HandoverStore store(c, *sealer_);
        SCHAKEL_ASSIGN_OR_RETURN(data.handovers, store.ListHandovers(filter));
        SCHAKEL_ASSIGN_OR_RETURN(data.ledgers, store.ListLedgers(filter.region, scope));
        SCHAKEL_ASSIGN_OR_RETURN(data.periods, store.ListPeriodsOfRegion(filter.region, scope));
        SCHAKEL_ASSIGN_OR_RETURN(data.open, store.ListOpenPeriodsOfRegion(filter.region, scope));
        return absl::OkStatus();
      }));
      *resp->mutable_report() = BuildReport(data, org->region(), now);
      if (req->csv()) resp->set_csv(ReportCsv(resp->report()));
      rec.mutable_checks()->set_care_relationship(v1::AUDIT_CHECK_NOT_APPLICABLE);
      AddScope(rec, org->region(), scope);
      for (const auto& g : resp->report().gaps()) AddObject(rec, "case", g.case_id());
      return absl::OkStatus();
    });
  });
}

}  // namespace schakel::handover
