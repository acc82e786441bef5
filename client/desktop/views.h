// Which views of the desktop client a person's roles open: the one rule the side bar follows.
// The services still decide every call; this only keeps views a role cannot use out of sight.
#ifndef SCHAKEL_CLIENT_DESKTOP_VIEWS_H_
#define SCHAKEL_CLIENT_DESKTOP_VIEWS_H_

#include <vector>

#include <QString>

#include "schakel/v1/common.pb.h"

namespace schakel::desktop {

// The views of the side bar, in the order it lists them.
enum class View {
  kTriage,         // Veilig Thuis intake: the report queue
  kMyCases,        // Mijn casussen
  kInbox,          // handovers, reminders, escalations
  kHandedReports,  // reports Veilig Thuis handed over to the organisation, to accept or decline
  kSupervision,    // Toezicht
  kAudit,          // the audit log
};

// The views `roles` allow, in side bar order, each once:
//   Triage        VT_INTAKE
//   Mijn casussen PROFESSIONAL, CASE_DIRECTOR, VT_INTAKE
//   Inbox         PROFESSIONAL, CASE_DIRECTOR, VT_INTAKE, SUPERVISOR
//   Overgedragen meldingen  PROFESSIONAL, CASE_DIRECTOR, SUPERVISOR (the receiving organisations)
//   Toezicht      SUPERVISOR, REGIONAL_SUPERVISOR
//   Audit         AUDITOR
// No roles (or only ADMIN): no views.
std::vector<View> ViewsForRoles(const std::vector<v1::Role>& roles);

// The view's name in the side bar, translated (Dutch by default).
QString ViewTitle(View view);

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_VIEWS_H_
