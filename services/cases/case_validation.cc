#include "services/cases/case_validation.h"

#include "absl/strings/str_cat.h"
#include "services/cases/case_rules.h"
#include "services/cases/case_texts.h"
#include "services/common/ids.h"
#include "services/common/validation.h"
#include "services/redaction/need_to_know.h"

namespace schakel::cases {

// A validated input person as stored: a fresh id, version 1, notes with fresh ids.
PersonRow NewPersonRow(const v1::Person& in) {
  PersonRow p;
  p.id = NewRandomId();
  p.role = in.role();
  p.version = 1;
  p.body.set_name(in.name());
  if (in.has_date_of_birth()) *p.body.mutable_date_of_birth() = in.date_of_birth();
  p.body.set_bsn(in.bsn());
  *p.body.mutable_address() = in.address();
  for (const auto& n : in.notes()) {
    auto* note = p.body.add_notes();
    note->set_id(NewNoteId());
    note->set_sensitivity(n.sensitivity());
    note->set_text(n.text());
  }
  return p;
}

void CheckPastDate(FieldViolations& v, const std::string& field, const v1::Date& date,
                   absl::CivilDay today) {
  if (!IsValidDate(date)) {
    v.Add(field, "is not a calendar date");
  } else if (ToCivilDay(date) > today) {
    v.Add(field, "must not be in the future");
  }
}

void CheckCriterion(FieldViolations& v, const std::string& field, const v1::Criterion& c) {
  if (c.state() == v1::CRITERION_STATE_UNSPECIFIED || !v1::CriterionState_IsValid(c.state())) {
    v.Add(field + ".state", "must be MET or NOT_MET");
  }
  CheckText(v, field + ".note", c.note(), kTextMax, false);
}

v1::CaseDetails WithoutEmptyCriteria(const v1::CaseDetails& d) {
  v1::CaseDetails out = d;
  if (!out.has_criteria()) return out;
  v1::InclusionCriteria& c = *out.mutable_criteria();
  if (c.has_structural_unsafety() && c.structural_unsafety().ByteSizeLong() == 0) {
    c.clear_structural_unsafety();
  }
  if (c.has_regular_help_exhausted() && c.regular_help_exhausted().ByteSizeLong() == 0) {
    c.clear_regular_help_exhausted();
  }
  if (c.has_no_coherent_approach() && c.no_coherent_approach().ByteSizeLong() == 0) {
    c.clear_no_coherent_approach();
  }
  if (c.has_repeated_incidents() && c.repeated_incidents().ByteSizeLong() == 0) {
    c.clear_repeated_incidents();
  }
  return out;
}

// The checks on details that need no stored state (notes are checked when merged).
void CheckDetails(FieldViolations& v, const std::string& at, const v1::CaseDetails& d,
                  absl::CivilDay today) {
  // A criterion not given was not assessed; one that is given says MET or NOT_MET.
  const v1::InclusionCriteria& c = d.criteria();
  if (c.has_structural_unsafety()) {
    CheckCriterion(v, at + "criteria.structural_unsafety", c.structural_unsafety());
  }
  if (c.has_regular_help_exhausted()) {
    CheckCriterion(v, at + "criteria.regular_help_exhausted", c.regular_help_exhausted());
  }
  if (c.has_no_coherent_approach()) {
    CheckCriterion(v, at + "criteria.no_coherent_approach", c.no_coherent_approach());
  }
  if (c.has_repeated_incidents()) {
    CheckCriterion(v, at + "criteria.repeated_incidents", c.repeated_incidents());
  }
  for (int i = 0; i < d.violence_kinds_size(); ++i) {
    const int k = d.violence_kinds(i);
    if (k == v1::VIOLENCE_KIND_UNSPECIFIED || !v1::ViolenceKind_IsValid(k)) {
      v.Add(absl::StrCat(at, "violence_kinds[", i, "]"), "is not a kind of violence");
    }
  }
  if (d.consent().recorded()) {
    CheckPastDate(v, at + "consent.date", d.consent().date(), today);
  } else if (d.consent().has_date()) {
    v.Add(at + "consent.date", "is only set when consent is recorded");
  }
  CheckText(v, at + "consent.note", d.consent().note(), kTextMax, false);
  CheckDetailTexts(v, at, d);
}

void CheckPersonInput(FieldViolations& v, const std::string& at, const v1::Person& p,
                      absl::CivilDay today) {
  CheckName(v, at + "name", p.name());
  if (p.has_date_of_birth()) CheckPastDate(v, at + "date_of_birth", p.date_of_birth(), today);
  if (!p.bsn().empty() && !IsValidBsn(p.bsn())) {
    v.Add(at + "bsn", "is not a valid BSN (9 digits passing the elfproef)");
  }
  if (!p.bsn_masked().empty()) v.Add(at + "bsn_masked", "is set by the server");
  if (p.role() == v1::PERSON_ROLE_UNSPECIFIED || !v1::PersonRole_IsValid(p.role())) {
    v.Add(at + "role", "must be one of the person roles");
  }
  CheckText(v, at + "address.street", p.address().street(), 200, false);
  CheckText(v, at + "address.house_number", p.address().house_number(), 20, false);
  CheckText(v, at + "address.postcode", p.address().postcode(), 20, false);
  CheckText(v, at + "address.city", p.address().city(), 200, false);
}

}  // namespace schakel::cases
