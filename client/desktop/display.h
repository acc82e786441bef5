// How the desktop client writes the services' values for people: times in Europe/Amsterdam in
// Dutch notation, roles and states in words (translated), the Dutch half of a bilingual text.
#ifndef SCHAKEL_CLIENT_DESKTOP_DISPLAY_H_
#define SCHAKEL_CLIENT_DESKTOP_DISPLAY_H_

#include <vector>

#include <QDateTime>
#include <QString>

#include "schakel/v1/cases.pb.h"
#include "schakel/v1/common.pb.h"
#include "schakel/v1/directory.pb.h"
#include "schakel/v1/handover.pb.h"

namespace google::protobuf {
class Timestamp;
}

namespace schakel::desktop {

// `ts` as a moment in Europe/Amsterdam; invalid for an unset (zero) timestamp.
QDateTime AmsterdamTime(const google::protobuf::Timestamp& ts);

// "dd-MM-yyyy HH:mm" in Europe/Amsterdam (also in English: Dutch notation is what the users
// write); empty for an unset timestamp.
QString FormatAmsterdam(const google::protobuf::Timestamp& ts);

// A deadline: the services give a deadline "by the end of day D" as the first moment after it
// (midnight, Europe/Amsterdam), which reads as the wrong day. That is shown as "dd-MM-yyyy" of D;
// any other moment as FormatAmsterdam does; empty for an unset timestamp.
QString FormatDeadline(const google::protobuf::Timestamp& ts);

// "dd-MM-yyyy"; empty for an unset date.
QString FormatDate(const v1::Date& date);

// The Dutch part of one of the services' bilingual texts ("Nederlands / English"): everything
// before the first " / " outside parentheses (a phase inside the Dutch part is itself bilingual:
// "(…, fase stabiele veiligheid / stable safety)"); the whole text when there is no separator.
QString DutchPart(const std::string& text);

QString RoleName(v1::Role role);
QString CaseRoleName(v1::CaseRole role);
QString CaseStatusName(v1::CaseStatus status);
QString PhaseName(v1::Phase phase);
QString HandoverStateName(v1::HandoverState state);

// The roles of `me` in words, joined with ", ".
QString RoleNames(const v1::WhoAmIResponse& me);

// The roles of `me` as a vector (for ViewsForRoles).
std::vector<v1::Role> RolesOf(const v1::WhoAmIResponse& me);

// "Name — Organisation — roles", for the main window's header and the sign-in dialog.
QString IdentitySummary(const v1::WhoAmIResponse& me);

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_DISPLAY_H_
