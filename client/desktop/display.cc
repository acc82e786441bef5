#include "client/desktop/display.h"

#include <google/protobuf/timestamp.pb.h>

#include <algorithm>

#include <QCoreApplication>
#include <QStringList>
#include <QTimeZone>

namespace schakel::desktop {

QDateTime AmsterdamTime(const google::protobuf::Timestamp& ts) {
  if (ts.seconds() == 0 && ts.nanos() == 0) return {};
  static const QTimeZone kAmsterdam("Europe/Amsterdam");
  return QDateTime::fromSecsSinceEpoch(ts.seconds(), kAmsterdam);
}

QString FormatAmsterdam(const google::protobuf::Timestamp& ts) {
  const QDateTime t = AmsterdamTime(ts);
  return t.isValid() ? t.toString(QStringLiteral("dd-MM-yyyy HH:mm")) : QString();
}

QString FormatDate(const v1::Date& date) {
  if (date.year() == 0) return {};
  return QStringLiteral("%1-%2-%3")
      .arg(date.day(), 2, 10, QLatin1Char('0'))
      .arg(date.month(), 2, 10, QLatin1Char('0'))
      .arg(date.year(), 4, 10, QLatin1Char('0'));
}

QString FormatDeadline(const google::protobuf::Timestamp& ts) {
  const QDateTime t = AmsterdamTime(ts);
  if (!t.isValid()) return {};
  if (t.time() == QTime(0, 0)) return t.addDays(-1).toString(QStringLiteral("dd-MM-yyyy"));
  return t.toString(QStringLiteral("dd-MM-yyyy HH:mm"));
}

QString DutchPart(const std::string& text) {
  const QString all = QString::fromStdString(text);
  int depth = 0;
  for (qsizetype i = 0; i < all.size(); ++i) {
    const QChar c = all[i];
    if (c == QLatin1Char('(')) {
      ++depth;
    } else if (c == QLatin1Char(')')) {
      depth = std::max(0, depth - 1);
    } else if (depth == 0 && all.mid(i, 3) == QLatin1String(" / ")) {
      return all.left(i);
    }
  }
  return all;
}

QString RoleName(v1::Role role) {
  switch (role) {
    case v1::ROLE_VT_INTAKE:
      return QCoreApplication::translate("Display", "Veilig Thuis-intake");
    case v1::ROLE_PROFESSIONAL:
      return QCoreApplication::translate("Display", "Professional");
    case v1::ROLE_CASE_DIRECTOR:
      return QCoreApplication::translate("Display", "Casusregisseur");
    case v1::ROLE_SUPERVISOR:
      return QCoreApplication::translate("Display", "Toezichthouder");
    case v1::ROLE_AUDITOR:
      return QCoreApplication::translate("Display", "Auditor");
    case v1::ROLE_ADMIN:
      return QCoreApplication::translate("Display", "Beheerder");
    case v1::ROLE_REGIONAL_SUPERVISOR:
      return QCoreApplication::translate("Display", "Regionaal toezichthouder");
    default:
      return QCoreApplication::translate("Display", "Onbekende rol");
  }
}

QString CaseRoleName(v1::CaseRole role) {
  switch (role) {
    case v1::CASE_ROLE_CASE_DIRECTOR:
      return QCoreApplication::translate("Display", "Casusregisseur");
    case v1::CASE_ROLE_CORE_TEAM:
      return QCoreApplication::translate("Display", "Kernteam");
    case v1::CASE_ROLE_INVOLVED:
      return QCoreApplication::translate("Display", "Betrokken");
    case v1::CASE_ROLE_OVERSIGHT:
      return QCoreApplication::translate("Display", "Toezicht");
    default:
      return QCoreApplication::translate("Display", "Onbekend");
  }
}

QString CaseStatusName(v1::CaseStatus status) {
  switch (status) {
    case v1::CASE_STATUS_OPEN:
      return QCoreApplication::translate("Display", "Open");
    case v1::CASE_STATUS_CLOSED:
      return QCoreApplication::translate("Display", "Gesloten");
    default:
      return QCoreApplication::translate("Display", "Onbekend");
  }
}

std::vector<v1::Role> RolesOf(const v1::WhoAmIResponse& me) {
  std::vector<v1::Role> roles;
  for (int r : me.roles()) roles.push_back(static_cast<v1::Role>(r));
  return roles;
}

QString RoleNames(const v1::WhoAmIResponse& me) {
  QStringList names;
  for (v1::Role r : RolesOf(me)) names << RoleName(r);
  if (names.isEmpty()) return QCoreApplication::translate("Display", "geen rollen");
  return names.join(QStringLiteral(", "));
}

QString IdentitySummary(const v1::WhoAmIResponse& me) {
  const QString name = me.name().empty() ? QString::fromStdString(me.principal_id())
                                         : QString::fromStdString(me.name());
  const QString org = me.organisation().name().empty()
                          ? QString::fromStdString(me.organisation_id())
                          : QString::fromStdString(me.organisation().name());
  return QStringLiteral("%1 — %2 — %3").arg(name, org, RoleNames(me));
}

QString PhaseName(v1::Phase phase) {
  switch (phase) {
    case v1::PHASE_DIRECT_SAFETY:
      return QCoreApplication::translate("Display", "Directe veiligheid");
    case v1::PHASE_STABLE_SAFETY:
      return QCoreApplication::translate("Display", "Stabiele veiligheid");
    case v1::PHASE_RECOVERY:
      return QCoreApplication::translate("Display", "Herstel");
    case v1::PHASE_FOLLOW_UP:
      return QCoreApplication::translate("Display", "Nazorg");
    default:
      return QCoreApplication::translate("Display", "Onbekend");
  }
}

QString HandoverStateName(v1::HandoverState state) {
  switch (state) {
    case v1::HANDOVER_STATE_PROPOSED:
      return QCoreApplication::translate("Display", "Voorgesteld");
    case v1::HANDOVER_STATE_ACCEPTED:
      return QCoreApplication::translate("Display", "Geaccepteerd");
    case v1::HANDOVER_STATE_DECLINED:
      return QCoreApplication::translate("Display", "Geweigerd");
    case v1::HANDOVER_STATE_WITHDRAWN:
      return QCoreApplication::translate("Display", "Ingetrokken");
    case v1::HANDOVER_STATE_EXPIRED:
      return QCoreApplication::translate("Display", "Verlopen");
    default:
      return QCoreApplication::translate("Display", "Onbekend");
  }
}

}  // namespace schakel::desktop
