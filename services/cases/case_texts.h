// Free text of a case outside notes — the criterion notes, the consent note, the closure's reason
// and deviation — under a sensitivity, through the redaction library: the writer's default when
// they set none, hidden (visibly) from organisations that may not see it, and kept as stored when
// such an organisation writes the case back.
#ifndef SCHAKEL_SERVICES_CASES_CASE_TEXTS_H_
#define SCHAKEL_SERVICES_CASES_CASE_TEXTS_H_

#include <string>

#include "schakel/v1/cases.pb.h"
#include "services/common/status.h"
#include "services/redaction/need_to_know.h"

namespace schakel::cases {

// Stateless checks: each sensitivity that is set is a known one (`at`: "details.").
void CheckDetailTexts(FieldViolations& v, const std::string& at, const v1::CaseDetails& d);

// The texts of `next` as `writer` may store them over `stored` (MergeText, per text); output
// flags cleared. A new case merges over empty details.
void MergeDetailTexts(FieldViolations& v, const std::string& at, const v1::CaseDetails& stored,
                      v1::CaseDetails& next, const Viewer& writer);

// Hides from `viewer` the texts it may not see, and says so (note_hidden, hidden).
void RedactDetailTexts(v1::CaseDetails& d, const Viewer& viewer);
void RedactClosure(v1::Closure& c, const Viewer& viewer);

}  // namespace schakel::cases

#endif  // SCHAKEL_SERVICES_CASES_CASE_TEXTS_H_
