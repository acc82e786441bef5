#include "services/cases/case_texts.h"

namespace schakel::cases {
namespace {

// The four criteria, by field name, read without creating absent ones.
struct CriterionField {
  const char* name;
  bool (v1::InclusionCriteria::*has)() const;
  const v1::Criterion& (v1::InclusionCriteria::*get)() const;
  v1::Criterion* (v1::InclusionCriteria::*mut)();
};
constexpr CriterionField kCriteria[] = {
    {"structural_unsafety", &v1::InclusionCriteria::has_structural_unsafety,
     &v1::InclusionCriteria::structural_unsafety,
     &v1::InclusionCriteria::mutable_structural_unsafety},
    {"regular_help_exhausted", &v1::InclusionCriteria::has_regular_help_exhausted,
     &v1::InclusionCriteria::regular_help_exhausted,
     &v1::InclusionCriteria::mutable_regular_help_exhausted},
    {"no_coherent_approach", &v1::InclusionCriteria::has_no_coherent_approach,
     &v1::InclusionCriteria::no_coherent_approach,
     &v1::InclusionCriteria::mutable_no_coherent_approach},
    {"repeated_incidents", &v1::InclusionCriteria::has_repeated_incidents,
     &v1::InclusionCriteria::repeated_incidents,
     &v1::InclusionCriteria::mutable_repeated_incidents},
};

void CheckSet(FieldViolations& v, const std::string& field, int sensitivity) {
  if (sensitivity != v1::SENSITIVITY_UNSPECIFIED) CheckSensitivity(v, field, sensitivity);
}

}  // namespace

void CheckDetailTexts(FieldViolations& v, const std::string& at, const v1::CaseDetails& d) {
  for (const CriterionField& f : kCriteria) {
    CheckSet(v, at + "criteria." + f.name + ".note_sensitivity",
             (d.criteria().*f.get)().note_sensitivity());
  }
  CheckSet(v, at + "consent.note_sensitivity", d.consent().note_sensitivity());
}

void MergeDetailTexts(FieldViolations& v, const std::string& at, const v1::CaseDetails& stored,
                      v1::CaseDetails& next, const Viewer& writer) {
  for (const CriterionField& f : kCriteria) {
    const v1::Criterion& old = (stored.criteria().*f.get)();
    if (!(next.criteria().*f.has)() && old.note().empty()) continue;
    v1::Criterion& c = *(next.mutable_criteria()->*f.mut)();
    const SensitiveText out =
        MergeText(v, at + "criteria." + f.name + ".note_sensitivity",
                  {old.note(), old.note_sensitivity()}, {c.note(), c.note_sensitivity()}, writer);
    c.set_note(out.text);
    c.set_note_sensitivity(static_cast<v1::Sensitivity>(out.sensitivity));
    c.clear_note_hidden();
  }
  const v1::Consent& old = stored.consent();
  if (!next.has_consent() && old.note().empty()) return;
  v1::Consent& c = *next.mutable_consent();
  const SensitiveText out =
      MergeText(v, at + "consent.note_sensitivity", {old.note(), old.note_sensitivity()},
                {c.note(), c.note_sensitivity()}, writer);
  c.set_note(out.text);
  c.set_note_sensitivity(static_cast<v1::Sensitivity>(out.sensitivity));
  c.clear_note_hidden();
}

void RedactDetailTexts(v1::CaseDetails& d, const Viewer& viewer) {
  if (d.has_criteria()) {
    for (const CriterionField& f : kCriteria) {
      if (!(d.criteria().*f.has)()) continue;
      v1::Criterion& c = *(d.mutable_criteria()->*f.mut)();
      c.set_note_hidden(RedactText(*c.mutable_note(), c.note_sensitivity(), viewer));
    }
  }
  if (d.has_consent()) {
    v1::Consent& consent = *d.mutable_consent();
    consent.set_note_hidden(
        RedactText(*consent.mutable_note(), consent.note_sensitivity(), viewer));
  }
}

void RedactClosure(v1::Closure& c, const Viewer& viewer) {
  const bool reason_hidden = RedactText(*c.mutable_reason(), c.sensitivity(), viewer);
  const bool deviation_hidden = RedactText(*c.mutable_deviation(), c.sensitivity(), viewer);
  c.set_hidden(reason_hidden || deviation_hidden);
}

}  // namespace schakel::cases
