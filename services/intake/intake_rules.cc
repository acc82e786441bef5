#include "services/intake/intake_rules.h"

#include <algorithm>
#include <set>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "services/common/ids.h"
#include "services/common/person_fields.h"
#include "services/common/proto_time.h"
#include "services/common/validation.h"
#include "services/intake/radar_keys.h"

namespace schakel::intake {
namespace {

bool IsReferenceChar(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
         ch == '.' || ch == '_' || ch == '/' || ch == '-';
}

void CheckReference(FieldViolations& v, const std::string& field, const std::string& ref,
                    bool required) {
  if (ref.empty()) {
    if (required) v.Add(field, "must be set");
    return;
  }
  if (ref.size() > 64) {
    v.Add(field, "must be at most 64 characters");
    return;
  }
  for (char ch : ref) {
    if (!IsReferenceChar(ch)) {
      v.Add(field, "may hold only letters, digits and . _ / -");
      return;
    }
  }
}

void CheckReporter(FieldViolations& v, const std::string& at, const v1::Reporter& r,
                   Submitter submitter) {
  const std::string f = at + "reporter.";
  switch (r.type()) {
    case v1::REPORTER_TYPE_PROFESSIONAL:
      CheckName(v, f + "organisation_name", r.organisation_name());
      CheckName(v, f + "profession", r.profession());
      CheckName(v, f + "name", r.name());
      CheckName(v, f + "contact", r.contact());
      if (r.anonymous()) {
        v.Add(f + "anonymous",
              "a professional is never fully anonymous; use anonymous_towards_family");
      }
      break;
    case v1::REPORTER_TYPE_CITIZEN:
      if (r.anonymous()) {
        if (!r.name().empty()) v.Add(f + "name", "must be empty for an anonymous reporter");
        if (!r.contact().empty()) v.Add(f + "contact", "must be empty for an anonymous reporter");
      } else {
        CheckName(v, f + "name", r.name());
        CheckName(v, f + "contact", r.contact());
      }
      if (!r.organisation_name().empty()) {
        v.Add(f + "organisation_name", "is for a professional reporter");
      }
      if (!r.profession().empty()) v.Add(f + "profession", "is for a professional reporter");
      if (r.anonymous_towards_family()) {
        v.Add(f + "anonymous_towards_family", "is for a professional reporter");
      }
      break;
    case v1::REPORTER_TYPE_POLICE:
      CheckReference(v, f + "police_reference", r.police_reference(), true);
      if (!r.name().empty()) CheckName(v, f + "name", r.name());
      if (!r.contact().empty()) CheckName(v, f + "contact", r.contact());
      if (r.anonymous()) v.Add(f + "anonymous", "the police are never anonymous");
      break;
    default:
      v.Add(f + "type", "must be PROFESSIONAL, CITIZEN or POLICE");
      return;
  }
  if (r.type() != v1::REPORTER_TYPE_POLICE && !r.police_reference().empty()) {
    v.Add(f + "police_reference", "is for a police reporter");
  }
  if (submitter == Submitter::kPolice && r.type() != v1::REPORTER_TYPE_POLICE) {
    v.Add(f + "type", "must be POLICE for a report the police submit");
  }
}

void CheckPerson(FieldViolations& v, const std::string& at, const v1::ReportedPerson& p,
                 absl::CivilDay today) {
  CheckName(v, at + "name", p.name());
  if (!p.id().empty()) v.Add(at + "id", "is set by the server");
  if (!p.bsn_masked().empty()) v.Add(at + "bsn_masked", "is set by the server");
  if (p.has_date_of_birth()) {
    if (!IsValidDate(p.date_of_birth())) {
      v.Add(at + "date_of_birth", "is not a calendar date");
    } else if (ToCivilDay(p.date_of_birth()) > today) {
      v.Add(at + "date_of_birth", "must not be in the future");
    }
  }
  if (!p.bsn().empty() && !IsValidBsn(p.bsn())) {
    v.Add(at + "bsn", "is not a valid BSN (9 digits passing the elfproef)");
  }
  if (p.role() == v1::REPORTED_ROLE_UNSPECIFIED || !v1::ReportedRole_IsValid(p.role())) {
    v.Add(at + "role", "must be VICTIM, SUSPECTED_PERPETRATOR, CHILD or HOUSEHOLD_MEMBER");
  }
  const v1::Address& a = p.address();
  CheckText(v, at + "address.street", a.street(), 200, false);
  CheckText(v, at + "address.city", a.city(), 200, false);
  if (!a.postcode().empty() && !NormalisePostcode(a.postcode())) {
    v.Add(at + "address.postcode", "must be a Dutch postcode such as 2511 AB");
  }
  if (!a.house_number().empty() &&
      (a.house_number().size() > 20 || !NormaliseHouseNumber(a.house_number()))) {
    v.Add(at + "address.house_number", "must be a house number such as 12 or 12-A");
  }
}

}  // namespace

void CheckReportInput(FieldViolations& v, const std::string& at, const v1::ReportInput& in,
                      Submitter submitter, absl::Time now) {
  if (in.kind() != v1::REPORT_KIND_ADVICE && in.kind() != v1::REPORT_KIND_REPORT) {
    v.Add(at + "kind", "must be ADVICE or REPORT");
  }
  if (in.channel() == v1::REPORT_CHANNEL_UNSPECIFIED || !v1::ReportChannel_IsValid(in.channel())) {
    v.Add(at + "channel", "must be PHONE, SECURE_MAIL, WEB_FORM or POLICE_FEED");
  } else if (submitter == Submitter::kPolice && in.channel() != v1::REPORT_CHANNEL_POLICE_FEED) {
    v.Add(at + "channel", "must be POLICE_FEED for a report the police submit");
  }
  if (in.channel() == v1::REPORT_CHANNEL_POLICE_FEED &&
      in.reporter().type() != v1::REPORTER_TYPE_POLICE && submitter != Submitter::kPolice) {
    v.Add(at + "reporter.type", "must be POLICE for the police feed");
  }
  if (submitter == Submitter::kPolice && in.kind() == v1::REPORT_KIND_ADVICE) {
    v.Add(at + "kind", "the police feed brings reports, not advice requests");
  }
  CheckReporter(v, at, in.reporter(), submitter);

  const absl::CivilDay today = AmsterdamToday(now);
  if (in.persons_size() == 0) {
    v.Add(at + "persons", "must name at least one person");
  } else if (in.persons_size() > kMaxPersons) {
    v.Add(at + "persons", absl::StrCat("at most ", kMaxPersons, " persons"));
  } else {
    for (int i = 0; i < in.persons_size(); ++i) {
      CheckPerson(v, absl::StrCat(at, "persons[", i, "]."), in.persons(i), today);
    }
  }
  if (in.violence_kinds_size() == 0) {
    v.Add(at + "violence_kinds", "must name at least one kind of violence");
  }
  std::set<int> seen;
  for (int i = 0; i < in.violence_kinds_size(); ++i) {
    const int k = in.violence_kinds(i);
    if (k == v1::VIOLENCE_KIND_UNSPECIFIED || !v1::ViolenceKind_IsValid(k)) {
      v.Add(absl::StrCat(at, "violence_kinds[", i, "]"), "is not a kind of violence");
    } else if (!seen.insert(k).second) {
      v.Add(absl::StrCat(at, "violence_kinds[", i, "]"), "is named twice");
    }
  }
  CheckText(v, at + "description", in.description(), kDescriptionMax, true);
  if (in.has_received_at()) {
    if (!ValidTimestamp(in.received_at())) {
      v.Add(at + "received_at", "must be a valid time");
    } else if (ToTime(in.received_at()) > now + kFutureLeeway) {
      v.Add(at + "received_at", "must not be in the future");
    } else if (ToTime(in.received_at()) < now - kMaxReceiptAge) {
      v.Add(at + "received_at", "must be within the last 30 days");
    }
  }
  CheckReference(v, at + "external_reference", in.external_reference(),
                 in.channel() == v1::REPORT_CHANNEL_POLICE_FEED);
}

std::vector<v1::ItemViolation> ReportViolations(const v1::ReportInput& in, Submitter submitter,
                                                absl::Time now) {
  FieldViolations v;
  CheckReportInput(v, "", in, submitter, now);
  std::vector<v1::ItemViolation> out;
  for (const auto& [field, description] : v.violations()) {
    v1::ItemViolation iv;
    iv.set_field(field);
    iv.set_description(description);
    out.push_back(std::move(iv));
  }
  return out;
}

namespace {

void CheckTexts(FieldViolations& v, const std::string& field,
                const google::protobuf::RepeatedPtrField<std::string>& texts, int min, int max,
                size_t max_chars) {
  if (texts.size() < min) {
    v.Add(field, absl::StrCat("must hold at least ", min));
  } else if (texts.size() > max) {
    v.Add(field, absl::StrCat("at most ", max));
  } else {
    for (int i = 0; i < texts.size(); ++i) {
      CheckText(v, absl::StrCat(field, "[", i, "]"), texts[i], max_chars, true);
    }
  }
}

void CheckRequiredId(FieldViolations& v, const std::string& field, const std::string& id) {
  if (id.empty()) {
    v.Add(field, "must be set");
  } else if (!IsWellFormedId(id)) {
    v.Add(field, "is not a well-formed id");
  }
}

}  // namespace

void CheckAssessment(FieldViolations& v, const std::string& at, const v1::SafetyAssessment& a,
                     absl::Time now) {
  CheckText(v, at + "reasoning", a.reasoning(), kDescriptionMax, true);
  CheckTexts(v, at + "risk_factors", a.risk_factors(), 0, kMaxFactors, 500);
  CheckTexts(v, at + "protective_factors", a.protective_factors(), 0, kMaxFactors, 500);
  if (a.has_instrument()) {
    const v1::RiskInstrument& ins = a.instrument();
    if (ins.kind() == v1::RISK_INSTRUMENT_KIND_UNSPECIFIED ||
        !v1::RiskInstrumentKind_IsValid(ins.kind())) {
      v.Add(at + "instrument.kind", "must be RIHG, LIRIK, ARIJ, CARE_NL or B_SAFER");
    }
    CheckText(v, at + "instrument.version", ins.version(), 50, false);
    CheckText(v, at + "instrument.outcome", ins.outcome(), 200, true);
  }
  const v1::AssessmentRoute route = a.route();
  using R = v1::AssessmentRoute;
  if (route == v1::ASSESSMENT_ROUTE_UNSPECIFIED || !v1::AssessmentRoute_IsValid(route)) {
    v.Add(at + "route",
          "must be END_OF_INVOLVEMENT, HANDOVER, CONDITIONS_FOLLOW_UP, INVESTIGATION or "
          "MDA_PLUS_PLUS");
  }
  // Only the route's own fields.
  auto only_for = [&](bool has, R own, const char* field, const char* route_name) {
    if (has && route != own) v.Add(at + field, absl::StrCat("is for the route ", route_name));
  };
  only_for(a.has_end(), v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT, "end", "END_OF_INVOLVEMENT");
  only_for(a.has_handover(), v1::ASSESSMENT_ROUTE_HANDOVER, "handover", "HANDOVER");
  only_for(a.has_conditions(), v1::ASSESSMENT_ROUTE_CONDITIONS_FOLLOW_UP, "conditions",
           "CONDITIONS_FOLLOW_UP");
  only_for(a.has_investigation(), v1::ASSESSMENT_ROUTE_INVESTIGATION, "investigation",
           "INVESTIGATION");
  only_for(a.has_mda(), v1::ASSESSMENT_ROUTE_MDA_PLUS_PLUS, "mda", "MDA_PLUS_PLUS");

  switch (route) {
    case v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT: {
      // Back to the family with unsafety found only with a reason.
      const bool unsafe = a.acute_unsafety() || a.structural_unsafety();
      CheckText(v, at + "end.reason", a.end().reason(), 2000, unsafe);
      break;
    }
    case v1::ASSESSMENT_ROUTE_HANDOVER:
      CheckRequiredId(v, at + "handover.receiving_organisation_id",
                      a.handover().receiving_organisation_id());
      CheckText(v, at + "handover.note", a.handover().note(), 2000, false);
      break;
    case v1::ASSESSMENT_ROUTE_CONDITIONS_FOLLOW_UP: {
      const v1::ConditionsFollowUp& c = a.conditions();
      CheckTexts(v, at + "conditions.safety_conditions", c.safety_conditions(), 1,
                 kMaxSafetyConditions, 2000);
      CheckRequiredId(v, at + "conditions.plan_partner_organisation_id",
                      c.plan_partner_organisation_id());
      const std::string f = at + "conditions.monitoring_dates";
      if (c.monitoring_dates().empty()) {
        v.Add(f, "must hold at least 1");
      } else if (c.monitoring_dates_size() > kMaxMonitoringDates) {
        v.Add(f, absl::StrCat("at most ", kMaxMonitoringDates));
      } else {
        const absl::CivilDay today = AmsterdamToday(now);
        for (int i = 0; i < c.monitoring_dates_size(); ++i) {
          const v1::Date& d = c.monitoring_dates(i);
          if (!IsValidDate(d)) {
            v.Add(absl::StrCat(f, "[", i, "]"), "is not a calendar date");
          } else if (ToCivilDay(d) <= today) {
            v.Add(absl::StrCat(f, "[", i, "]"), "must be in the future");
          }
        }
      }
      break;
    }
    case v1::ASSESSMENT_ROUTE_INVESTIGATION:
      CheckRequiredId(v, at + "investigation.investigator_id", a.investigation().investigator_id());
      break;
    case v1::ASSESSMENT_ROUTE_MDA_PLUS_PLUS: {
      const v1::MdaPlusPlus& m = a.mda();
      CheckText(v, at + "mda.structural_unsafety", m.structural_unsafety(), 2000, false);
      CheckText(v, at + "mda.help_exhausted", m.help_exhausted(), 2000, false);
      CheckText(v, at + "mda.no_coherent_approach", m.no_coherent_approach(), 2000, false);
      CheckText(v, at + "mda.repeated_events", m.repeated_events(), 2000, false);
      if (m.structural_unsafety().empty() && m.help_exhausted().empty() &&
          m.no_coherent_approach().empty() && m.repeated_events().empty()) {
        v.Add(at + "mda", "must name at least one inclusion criterion");
      }
      CheckText(v, at + "mda.reason", m.reason(), 2000, true);
      if (!m.director_professional_id().empty()) {
        CheckId(v, at + "mda.director_professional_id", m.director_professional_id());
      }
      break;
    }
    default:
      break;
  }
  if (a.rvdk_request()) {
    if (route != v1::ASSESSMENT_ROUTE_CONDITIONS_FOLLOW_UP &&
        route != v1::ASSESSMENT_ROUTE_INVESTIGATION &&
        route != v1::ASSESSMENT_ROUTE_MDA_PLUS_PLUS) {
      v.Add(at + "rvdk_request",
            "goes only with the routes CONDITIONS_FOLLOW_UP, INVESTIGATION and MDA_PLUS_PLUS");
    }
    CheckText(v, at + "rvdk_reason", a.rvdk_reason(), 2000, true);
  } else if (!a.rvdk_reason().empty()) {
    v.Add(at + "rvdk_reason", "is only for a request to the child protection board (rvdk_request)");
  }
}

absl::Time InvestigationDue(absl::Time start) {
  const absl::CivilDay day = absl::ToCivilDay(start, calendar::Amsterdam());
  return absl::FromCivil(absl::CivilSecond(day + kInvestigationDays + 1), calendar::Amsterdam());
}

Clocks ComputeClocks(v1::ReportKind kind, bool acute, absl::Time start,
                     const calendar::WorkingDayCalendar& calendar) {
  Clocks c;
  if (kind == v1::REPORT_KIND_REPORT) {
    c.assessment_due = calendar.DeadlineAfter(start, kAssessmentWorkingDays);
  }
  if (acute) c.acute_due = start + kAcuteTerm;
  return c;
}

absl::Time ReminderTime(absl::Time due, bool acute_term,
                        const calendar::WorkingDayCalendar& calendar) {
  if (acute_term) return due - absl::Hours(4);
  // The end of the working day before the one the term ends on (a term ends at 24:00 of its last
  // working day, so the day it ends on is the civil day of due - 1 µs).
  const absl::CivilDay last = absl::ToCivilDay(due - absl::Microseconds(1), calendar::Amsterdam());
  absl::CivilDay before = last - 1;
  while (!calendar.IsWorkingDay(before)) before -= 1;
  return absl::FromCivil(absl::CivilSecond(before + 1), calendar::Amsterdam());
}

std::vector<PendingSignal> PendingSignals(std::optional<absl::Time> acute_due,
                                          std::optional<absl::Time> assessment_due, int sent,
                                          const calendar::WorkingDayCalendar& calendar,
                                          std::optional<absl::Time> investigation_due,
                                          std::optional<absl::Time> handover_due) {
  std::vector<PendingSignal> out;
  auto add = [&](SignalBit bit, const char* clock, const char* signal, absl::Time at,
                 absl::Time due) {
    if ((sent & bit) == 0) out.push_back({bit, clock, signal, at, due});
  };
  if (acute_due) {
    add(kAcuteReminder, "acute", "reminder", ReminderTime(*acute_due, true, calendar), *acute_due);
    add(kAcuteEscalation, "acute", "escalation", *acute_due, *acute_due);
  }
  if (assessment_due) {
    add(kAssessmentReminder, "assessment", "reminder",
        ReminderTime(*assessment_due, false, calendar), *assessment_due);
    add(kAssessmentEscalation, "assessment", "escalation", *assessment_due, *assessment_due);
  }
  if (investigation_due) {
    add(kInvestigationReminder, "investigation", "reminder",
        ReminderTime(*investigation_due, false, calendar), *investigation_due);
    add(kInvestigationEscalation, "investigation", "escalation", *investigation_due,
        *investigation_due);
  }
  if (handover_due) {
    add(kHandoverReminder, "handover", "reminder", ReminderTime(*handover_due, false, calendar),
        *handover_due);
    add(kHandoverEscalation, "handover", "escalation", *handover_due, *handover_due);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const PendingSignal& a, const PendingSignal& b) { return a.at < b.at; });
  return out;
}

std::vector<PendingSignal> SignalsToSend(const std::vector<PendingSignal>& pending, absl::Time now,
                                         int& skipped) {
  std::vector<PendingSignal> out;
  skipped = 0;
  for (const PendingSignal& p : pending) {
    if (p.at > now) continue;
    if (p.signal == "reminder" && p.due <= now) {
      skipped |= p.bit;
      continue;
    }
    out.push_back(p);
  }
  return out;
}

std::string KindsColumn(const google::protobuf::RepeatedField<int>& kinds) {
  return absl::StrJoin(kinds, ",");
}

std::vector<v1::ViolenceKind> KindsFromColumn(const std::string& column) {
  std::vector<v1::ViolenceKind> out;
  for (absl::string_view part : absl::StrSplit(column, ',', absl::SkipEmpty())) {
    int k = 0;
    if (absl::SimpleAtoi(part, &k) && v1::ViolenceKind_IsValid(k)) {
      out.push_back(static_cast<v1::ViolenceKind>(k));
    }
  }
  return out;
}

}  // namespace schakel::intake
