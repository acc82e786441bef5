#include "services/cases/case_views.h"

#include "services/cases/case_rules.h"
#include "services/cases/case_texts.h"
#include "services/cases/case_validation.h"
#include "services/common/audit_trail.h"
#include "services/common/etag.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"

namespace schakel::cases {

CaseAccess AccessFromTeam(const std::vector<v1::TeamMember>& team, const std::string& principal_id,
                          const std::string& organisation_id, bool oversight_role) {
  CaseAccess access;
  for (const auto& m : team) {
    if (m.professional_id() == principal_id && m.organisation_id() == organisation_id) {
      access.role = m.role();
      access.organisation_id = m.organisation_id();
      access.organisation_type = m.organisation_type();
      return access;
    }
  }
  if (!oversight_role) return access;
  for (const auto& m : team) {
    if (m.organisation_id() == organisation_id) {
      access.role = v1::CASE_ROLE_OVERSIGHT;
      access.organisation_id = m.organisation_id();
      access.organisation_type = m.organisation_type();
      return access;
    }
  }
  return access;
}

std::vector<std::string> Notices(const v1::CaseDetails& d, v1::CaseStatus status) {
  std::vector<std::string> notices;
  if (d.honour_related_violence()) {
    notices.push_back(
        "Eergerelateerd geweld: neem geen contact op met de familie en informeer haar niet / "
        "Honour-related violence: do not contact or inform the family");
  }
  if (d.human_trafficking() && !d.consent().recorded()) {
    notices.push_back(
        "Mensenhandel: deel geen informatie voordat schriftelijke toestemming is vastgelegd / "
        "Human trafficking: share nothing before written consent is recorded");
  }
  if (status == v1::CASE_STATUS_CLOSED) {
    notices.push_back(
        "Casus gesloten; vervolgcontroles gepland / Case closed; follow-up checks "
        "scheduled");
  }
  return notices;
}

v1::Person PersonView(const PersonRow& row, const CaseAccess& access, const NoteShares& shares) {
  v1::Person p;
  p.set_id(row.id);
  p.set_name(row.body.name());
  if (row.body.has_date_of_birth()) *p.mutable_date_of_birth() = row.body.date_of_birth();
  if (!row.body.bsn().empty()) p.set_bsn_masked(MaskBsn(row.body.bsn()));
  *p.mutable_address() = row.body.address();
  p.set_role(row.role);
  *p.mutable_notes() = row.body.notes();
  RedactAll(*p.mutable_notes(), access, shares);
  p.set_etag(Etag(row.version));
  return p;
}

void RedactMeeting(v1::Meeting& m, const CaseAccess& access, const NoteShares& shares) {
  if (m.has_minutes()) Redact(*m.mutable_minutes(), access, shares);
  for (auto& d : *m.mutable_decisions()) {
    Redact(*d.mutable_text(), access, shares);
    // An action spec under a sensitivity the caller may not see is withheld with its decision.
    if (d.has_action()) {
      v1::Note probe;
      probe.set_sensitivity(d.action().sensitivity());
      if (!MaySee(probe, access, shares)) d.mutable_action()->clear_description();
    }
  }
}

void DecorateAction(v1::Action& a, const CaseAccess& access, const NoteShares& shares,
                    absl::CivilDay today) {
  Redact(*a.mutable_description(), access, shares);
  if (a.description().hidden()) a.clear_status_note();
  a.set_overdue(a.status() == v1::ACTION_STATUS_OPEN && IsValidDate(a.due_date()) &&
                ToCivilDay(a.due_date()) < today);
}

void DecorateFollowUp(v1::FollowUp& f, const Viewer& viewer, v1::CaseStatus case_status,
                      absl::CivilDay today) {
  f.set_note_hidden(RedactText(*f.mutable_note(), f.note_sensitivity(), viewer));
  f.set_overdue(case_status == v1::CASE_STATUS_CLOSED &&
                f.status() == v1::FOLLOW_UP_STATUS_SCHEDULED && IsValidDate(f.due_date()) &&
                ToCivilDay(f.due_date()) < today);
}

// Everything of a case the caller may see.
absl::StatusOr<v1::Case> BuildCase(CaseStore& store, const CaseRow& row, const CaseAccess& access,
                                   absl::CivilDay today) {
  v1::Case out;
  out.set_id(row.id);
  out.set_reference(row.reference);
  out.set_region(row.region);
  out.set_status(row.status);
  out.set_origin(row.origin);
  out.set_origin_report_id(row.origin_report_id);
  out.set_etag(Etag(row.version));
  out.set_my_role(access.role);
  SetTime(out.mutable_create_time(), row.create_time);
  SetTime(out.mutable_update_time(), row.update_time);
  SCHAKEL_ASSIGN_OR_RETURN(NoteShares shares, store.ListShares(row.id));
  *out.mutable_details() = WithoutEmptyCriteria(row.body.details());
  RedactAll(*out.mutable_details()->mutable_notes(), access, shares);
  RedactDetailTexts(*out.mutable_details(), access);
  if (row.body.has_closure()) {
    *out.mutable_closure() = row.body.closure();
    RedactClosure(*out.mutable_closure(), access);
  }
  SCHAKEL_ASSIGN_OR_RETURN(auto persons, store.ListPersons(row.id));
  for (const auto& p : persons) *out.add_persons() = PersonView(p, access, shares);
  SCHAKEL_ASSIGN_OR_RETURN(auto relations, store.ListRelations(row.id));
  for (auto& r : relations) *out.add_relations() = std::move(r);
  SCHAKEL_ASSIGN_OR_RETURN(auto team, store.ListTeam(row.id, /*with_former=*/true));
  for (auto& m : team) *out.add_team() = std::move(m);
  SCHAKEL_ASSIGN_OR_RETURN(auto meetings, store.ListMeetings(row.id));
  for (auto& m : meetings) {
    RedactMeeting(m, access, shares);
    *out.add_meetings() = std::move(m);
  }
  SCHAKEL_ASSIGN_OR_RETURN(auto actions, store.ListActions(row.id));
  for (auto& a : actions) {
    DecorateAction(a, access, shares, today);
    *out.add_actions() = std::move(a);
  }
  SCHAKEL_ASSIGN_OR_RETURN(auto follow_ups, store.ListFollowUps(row.id));
  for (auto& f : follow_ups) {
    DecorateFollowUp(f, access, row.status, today);
    *out.add_follow_ups() = std::move(f);
  }
  for (const v1::Removal& r : row.body.removals()) {
    v1::Removal& shown = *out.add_removals();
    shown = r;
    shown.set_hidden(RedactText(*shown.mutable_reason(), shown.sensitivity(), access));
  }
  for (auto& n : Notices(row.body.details(), row.status)) out.add_notices(std::move(n));
  return out;
}

absl::StatusOr<v1::CaseSummary> BuildSummary(CaseStore& store, const MyCaseRow& row,
                                             absl::CivilDay today) {
  v1::CaseSummary s;
  s.set_id(row.id);
  s.set_reference(row.reference);
  s.set_region(row.region);
  s.set_status(row.status);
  s.set_my_role(row.role);
  s.set_honour_related_violence(row.honour_related);
  SetTime(s.mutable_create_time(), row.create_time);
  SCHAKEL_ASSIGN_OR_RETURN(auto team, store.ListTeam(row.id, false));
  for (const auto& m : team) {
    if (m.role() == v1::CASE_ROLE_CASE_DIRECTOR)
      s.set_director_professional_id(m.professional_id());
  }
  const absl::CivilDay day = today;
  SCHAKEL_ASSIGN_OR_RETURN(auto counts, store.CountActions(row.id, DateString(FromCivilDay(day))));
  s.set_open_actions(counts.first);
  s.set_overdue_actions(counts.second);
  SCHAKEL_ASSIGN_OR_RETURN(int overdue_follow_ups,
                           store.CountOverdueFollowUps(row.id, DateString(FromCivilDay(day))));
  s.set_overdue_follow_ups(overdue_follow_ups);
  return s;
}

void AddCaseObject(v1::AuditRecord& r, const std::string& case_id) {
  auto* o = r.add_objects();
  o->set_type("case");
  o->set_id(case_id);
  o->set_sensitivity(v1::SENSITIVITY_GENERAL);
}

std::vector<AskedObject> AskedCase(const std::string& case_id, const std::string& type,
                                   const std::string& id) {
  std::vector<AskedObject> asked;
  if (!case_id.empty()) asked.push_back({"case", case_id});
  if (!type.empty() && !id.empty()) asked.push_back({type, id});
  return asked;
}

// The NEN 7513 checks of an action on a case.
void SetCaseChecks(v1::AuditRecord& r, const CaseAccess& access, const v1::CaseDetails& details) {
  auto* checks = r.mutable_checks();
  checks->set_care_relationship(access.role == v1::CASE_ROLE_OVERSIGHT
                                    ? v1::AUDIT_CHECK_NOT_APPLICABLE
                                : access.allowed() ? v1::AUDIT_CHECK_PASSED
                                                   : v1::AUDIT_CHECK_FAILED);
  if (details.human_trafficking()) {
    checks->set_consent(details.consent().recorded() ? v1::AUDIT_CHECK_PASSED
                                                     : v1::AUDIT_CHECK_FAILED);
  }
  r.set_purpose_of_use(access.role == v1::CASE_ROLE_OVERSIGHT ? "oversight (MDA++)"
                                                              : "MDA++ case work");
}

}  // namespace schakel::cases
