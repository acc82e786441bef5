#include "client/desktop/case_common.h"

#include <QCoreApplication>
#include <QStringList>

#include "client/desktop/display.h"
#include "client/desktop/error_text.h"

namespace schakel::desktop {

QString CaseErrorText(const grpc::Status& status) {
  switch (status.error_code()) {
    case grpc::StatusCode::PERMISSION_DENIED:
    case grpc::StatusCode::NOT_FOUND:
      return QCoreApplication::translate(
          "CaseText", "U heeft geen toegang tot deze casus of deze bestaat niet.");
    default:
      return CallErrorText(status);
  }
}

QString PersonRoleName(v1::PersonRole role) {
  switch (role) {
    case v1::PERSON_ROLE_VICTIM:
      return QCoreApplication::translate("CaseText", "Slachtoffer");
    case v1::PERSON_ROLE_SUSPECTED_PERPETRATOR:
      return QCoreApplication::translate("CaseText", "Vermoedelijke pleger");
    case v1::PERSON_ROLE_CHILD:
      return QCoreApplication::translate("CaseText", "Kind");
    case v1::PERSON_ROLE_PARENT:
      return QCoreApplication::translate("CaseText", "Ouder");
    case v1::PERSON_ROLE_PARTNER:
      return QCoreApplication::translate("CaseText", "Partner");
    case v1::PERSON_ROLE_EX_PARTNER:
      return QCoreApplication::translate("CaseText", "Ex-partner");
    case v1::PERSON_ROLE_HOUSEHOLD_MEMBER:
      return QCoreApplication::translate("CaseText", "Huisgenoot");
    case v1::PERSON_ROLE_NETWORK:
      return QCoreApplication::translate("CaseText", "Netwerk");
    default:
      return QCoreApplication::translate("CaseText", "Onbekend");
  }
}

QString RelationTypeName(v1::RelationType type) {
  switch (type) {
    case v1::RELATION_TYPE_PARTNER:
      return QCoreApplication::translate("CaseText", "partner");
    case v1::RELATION_TYPE_EX_PARTNER:
      return QCoreApplication::translate("CaseText", "ex-partner");
    case v1::RELATION_TYPE_PARENT_OF:
      return QCoreApplication::translate("CaseText", "ouder van");
    case v1::RELATION_TYPE_SIBLING:
      return QCoreApplication::translate("CaseText", "broer/zus");
    case v1::RELATION_TYPE_HOUSEHOLD_MEMBER:
      return QCoreApplication::translate("CaseText", "huisgenoot");
    default:
      return QCoreApplication::translate("CaseText", "onbekend");
  }
}

QString SensitivityName(v1::Sensitivity sensitivity) {
  switch (sensitivity) {
    case v1::SENSITIVITY_GENERAL:
      return QCoreApplication::translate("CaseText", "Algemeen");
    case v1::SENSITIVITY_CARE:
      return QCoreApplication::translate("CaseText", "Zorg");
    case v1::SENSITIVITY_JUSTICE:
      return QCoreApplication::translate("CaseText", "Justitie");
    default:
      return QCoreApplication::translate("CaseText", "Niet opgegeven");
  }
}

QString OrganisationTypeName(v1::OrganisationType type) {
  switch (type) {
    case v1::ORGANISATION_TYPE_VEILIG_THUIS:
      return QCoreApplication::translate("CaseText", "Veilig Thuis");
    case v1::ORGANISATION_TYPE_LOCAL_TEAM:
      return QCoreApplication::translate("CaseText", "Wijkteam");
    case v1::ORGANISATION_TYPE_POLICE:
      return QCoreApplication::translate("CaseText", "Politie");
    case v1::ORGANISATION_TYPE_PUBLIC_PROSECUTION:
      return QCoreApplication::translate("CaseText", "Openbaar Ministerie");
    case v1::ORGANISATION_TYPE_CHILD_PROTECTION_BOARD:
      return QCoreApplication::translate("CaseText", "Raad voor de Kinderbescherming");
    case v1::ORGANISATION_TYPE_PROBATION:
      return QCoreApplication::translate("CaseText", "Reclassering");
    case v1::ORGANISATION_TYPE_MENTAL_HEALTH_CARE:
      return QCoreApplication::translate("CaseText", "GGZ");
    case v1::ORGANISATION_TYPE_YOUTH_CARE:
      return QCoreApplication::translate("CaseText", "Jeugdzorg");
    case v1::ORGANISATION_TYPE_SHELTER:
      return QCoreApplication::translate("CaseText", "Opvang");
    case v1::ORGANISATION_TYPE_OTHER_CARE:
      return QCoreApplication::translate("CaseText", "Overige zorg");
    case v1::ORGANISATION_TYPE_OPERATOR:
      return QCoreApplication::translate("CaseText", "Beheerder");
    default:
      return QCoreApplication::translate("CaseText", "Onbekend");
  }
}

QString ActionStatusName(v1::ActionStatus status) {
  switch (status) {
    case v1::ACTION_STATUS_OPEN:
      return QCoreApplication::translate("CaseText", "Open");
    case v1::ACTION_STATUS_DONE:
      return QCoreApplication::translate("CaseText", "Gedaan");
    case v1::ACTION_STATUS_CANCELLED:
      return QCoreApplication::translate("CaseText", "Geannuleerd");
    default:
      return QCoreApplication::translate("CaseText", "Onbekend");
  }
}

QString PlanVersionStateName(v1::PlanVersionState state) {
  switch (state) {
    case v1::PLAN_VERSION_STATE_DRAFT:
      return QCoreApplication::translate("CaseText", "Concept");
    case v1::PLAN_VERSION_STATE_PROPOSED:
      return QCoreApplication::translate("CaseText", "Voorgesteld");
    case v1::PLAN_VERSION_STATE_ACTIVE:
      return QCoreApplication::translate("CaseText", "Van kracht");
    case v1::PLAN_VERSION_STATE_SUPERSEDED:
      return QCoreApplication::translate("CaseText", "Vervangen");
    default:
      return QCoreApplication::translate("CaseText", "Onbekend");
  }
}

QString PlanSectionName(v1::PlanSection section) {
  switch (section) {
    case v1::PLAN_SECTION_WORRIES:
      return QCoreApplication::translate("CaseText", "Zorgen en risicotaxatie");
    case v1::PLAN_SECTION_STRENGTHS:
      return QCoreApplication::translate("CaseText", "Krachten");
    case v1::PLAN_SECTION_CONDITIONS:
      return QCoreApplication::translate("CaseText", "Veiligheidsvoorwaarden");
    case v1::PLAN_SECTION_AGREEMENTS:
      return QCoreApplication::translate("CaseText", "Veiligheidsafspraken");
    case v1::PLAN_SECTION_WARNING_SIGNALS:
      return QCoreApplication::translate("CaseText", "Signalen");
    case v1::PLAN_SECTION_SAFETY_NETWORK:
      return QCoreApplication::translate("CaseText", "Veiligheidsnetwerk");
    case v1::PLAN_SECTION_GOALS:
      return QCoreApplication::translate("CaseText", "Doelen");
    case v1::PLAN_SECTION_VICTIM_VIEW:
      return QCoreApplication::translate("CaseText", "Perspectief van het slachtoffer");
    case v1::PLAN_SECTION_CHILD_VOICE:
      return QCoreApplication::translate("CaseText", "De stem van het kind");
    case v1::PLAN_SECTION_CONTACT_RESTRICTIONS:
      return QCoreApplication::translate("CaseText", "Contactverboden en -beperkingen");
    default:
      return QCoreApplication::translate("CaseText", "Onbekend");
  }
}

QString AgreementStatusName(v1::AgreementStatus status) {
  switch (status) {
    case v1::AGREEMENT_STATUS_OPEN:
      return QCoreApplication::translate("CaseText", "open");
    case v1::AGREEMENT_STATUS_DONE:
      return QCoreApplication::translate("CaseText", "nagekomen");
    case v1::AGREEMENT_STATUS_NOT_KEPT:
      return QCoreApplication::translate("CaseText", "niet nagekomen");
    default:
      return QString();
  }
}

QString HiddenText(const std::string& hidden_reason) {
  if (hidden_reason.empty())
    return QCoreApplication::translate("CaseText", "verborgen voor uw organisatie");
  return DutchPart(hidden_reason);
}

QString NoteText(const v1::Note& note) {
  if (note.hidden()) return HiddenText(note.hidden_reason());
  return QString::fromStdString(note.text());
}

QString PlanItemText(const v1::PlanItem& item) {
  if (item.hidden()) return HiddenText(item.hidden_reason());
  switch (item.body_case()) {
    case v1::PlanItem::kText:
      return QString::fromStdString(item.text());
    case v1::PlanItem::kAgreement: {
      const v1::Agreement& a = item.agreement();
      QStringList parts{QString::fromStdString(a.what())};
      if (!a.owner_organisation_id().empty()) {
        parts << QCoreApplication::translate("CaseText", "eigenaar: %1")
                     .arg(QString::fromStdString(a.owner_organisation_id()));
      }
      if (a.has_due())
        parts << QCoreApplication::translate("CaseText", "uiterlijk %1").arg(FormatDate(a.due()));
      if (!a.checked_by().empty()) {
        parts << QCoreApplication::translate("CaseText", "controle: %1")
                     .arg(QString::fromStdString(a.checked_by()));
      }
      const QString status = AgreementStatusName(a.status());
      if (!status.isEmpty()) parts << status;
      return parts.join(QStringLiteral(" — "));
    }
    case v1::PlanItem::kWarningSignal: {
      const v1::WarningSignal& w = item.warning_signal();
      QString s = QCoreApplication::translate("CaseText", "%1 → %2")
                      .arg(QString::fromStdString(w.signal()), QString::fromStdString(w.action()));
      if (!w.call().empty())
        s += QCoreApplication::translate("CaseText", " (bel %1)")
                 .arg(QString::fromStdString(w.call()));
      return s;
    }
    case v1::PlanItem::kNetworkMember: {
      const v1::NetworkMember& n = item.network_member();
      return QCoreApplication::translate("CaseText", "%1: %2 (%3)")
          .arg(QString::fromStdString(n.name()), QString::fromStdString(n.part()),
               QString::fromStdString(n.contact()));
    }
    case v1::PlanItem::kChildVoice: {
      const v1::ChildVoice& c = item.child_voice();
      QString s = QCoreApplication::translate("CaseText", "\"%1\" (tegen %2)")
                      .arg(QString::fromStdString(c.said()), QString::fromStdString(c.said_to()));
      if (!c.child_version().empty()) {
        s += QCoreApplication::translate("CaseText", " — voor het kind: %1")
                 .arg(QString::fromStdString(c.child_version()));
      }
      return s;
    }
    default:
      return QString();
  }
}

}  // namespace schakel::desktop
