#include "services/intake/intake_rules.h"

#include <algorithm>
#include <set>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
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
                                          const calendar::WorkingDayCalendar& calendar) {
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
