// How the triage view writes the intake service's values for people: the kinds, channels, roles,
// routes and states in Dutch words (translated), the time left to a term, and the names of the
// professionals and organisations the services name by id (DirectoryNames).
#ifndef SCHAKEL_CLIENT_DESKTOP_TRIAGE_TEXT_H_
#define SCHAKEL_CLIENT_DESKTOP_TRIAGE_TEXT_H_

#include <cstdint>
#include <string>

#include <QString>

#include "client/desktop/directory_names.h"
#include "client/desktop/intake_proto.h"
#include "schakel/v1/cases.pb.h"

namespace schakel::desktop {

QString ReportKindName(v1::ReportKind kind);
QString ReportChannelName(v1::ReportChannel channel);
QString ReporterTypeName(v1::ReporterType type);
QString ReportedRoleName(v1::ReportedRole role);
QString ReportStateName(v1::ReportState state);
QString ViolenceKindName(v1::ViolenceKind kind);
// The violence kinds of `kinds` (enum values) in words, joined with ", ".
QString ViolenceKindNames(const google::protobuf::RepeatedField<int>& kinds);
QString AssessmentRouteName(v1::AssessmentRoute route);
QString RiskInstrumentName(v1::RiskInstrumentKind kind);
QString FeedbackMethodName(v1::FeedbackMethod method);
QString FeedbackScopeName(v1::FeedbackScope scope);
QString FeedbackOccasionName(v1::FeedbackOccasion occasion);
QString InvestigationFollowUpName(v1::InvestigationFollowUp follow_up);
QString ReportHandoverStateName(v1::ReportHandoverState state);
// How a radar hit matched ("bsn", "name_dob", "name_dob_folded", "address").
QString RadarMatchName(const std::string& matched_on);

// The time left to a term, `seconds` from now: "2 d 03:04:05", "03:04:05", or for a term that
// has passed "te laat 01:02:03" (and "te laat 1 d 01:02:03").
QString TimeLeftText(int64_t seconds);

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_TRIAGE_TEXT_H_
