#include "client/desktop/views.h"

#include <algorithm>
#include <initializer_list>

#include <QCoreApplication>

namespace schakel::desktop {

namespace {

bool HasAnyRole(const std::vector<v1::Role>& roles, std::initializer_list<v1::Role> wanted) {
  return std::any_of(wanted.begin(), wanted.end(), [&](v1::Role w) {
    return std::find(roles.begin(), roles.end(), w) != roles.end();
  });
}

}  // namespace

std::vector<View> ViewsForRoles(const std::vector<v1::Role>& roles) {
  std::vector<View> views;
  if (HasAnyRole(roles, {v1::ROLE_VT_INTAKE})) views.push_back(View::kTriage);
  if (HasAnyRole(roles, {v1::ROLE_PROFESSIONAL, v1::ROLE_CASE_DIRECTOR, v1::ROLE_VT_INTAKE})) {
    views.push_back(View::kMyCases);
  }
  if (HasAnyRole(roles, {v1::ROLE_PROFESSIONAL, v1::ROLE_CASE_DIRECTOR, v1::ROLE_VT_INTAKE,
                         v1::ROLE_SUPERVISOR})) {
    views.push_back(View::kInbox);
  }
  if (HasAnyRole(roles, {v1::ROLE_PROFESSIONAL, v1::ROLE_CASE_DIRECTOR, v1::ROLE_SUPERVISOR})) {
    views.push_back(View::kHandedReports);
  }
  if (HasAnyRole(roles, {v1::ROLE_SUPERVISOR, v1::ROLE_REGIONAL_SUPERVISOR})) {
    views.push_back(View::kSupervision);
  }
  if (HasAnyRole(roles, {v1::ROLE_AUDITOR})) views.push_back(View::kAudit);
  return views;
}

QString ViewTitle(View view) {
  switch (view) {
    case View::kTriage:
      return QCoreApplication::translate("View", "Triage");
    case View::kMyCases:
      return QCoreApplication::translate("View", "Mijn casussen");
    case View::kInbox:
      return QCoreApplication::translate("View", "Inbox");
    case View::kHandedReports:
      return QCoreApplication::translate("View", "Overgedragen meldingen");
    case View::kSupervision:
      return QCoreApplication::translate("View", "Toezicht");
    case View::kAudit:
      return QCoreApplication::translate("View", "Audit");
  }
  return {};
}

}  // namespace schakel::desktop
