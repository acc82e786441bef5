#include "client/desktop/triage_text.h"

#include <QCoreApplication>
#include <QStringList>

namespace schakel::desktop {

QString ReportKindName(v1::ReportKind kind) {
  switch (kind) {
    case v1::REPORT_KIND_ADVICE:
      return QCoreApplication::translate("TriageText", "Advies");
    case v1::REPORT_KIND_REPORT:
      return QCoreApplication::translate("TriageText", "Melding");
    default:
      return QCoreApplication::translate("TriageText", "Onbekend");
  }
}

QString ReportChannelName(v1::ReportChannel channel) {
  switch (channel) {
    case v1::REPORT_CHANNEL_PHONE:
      return QCoreApplication::translate("TriageText", "Telefoon");
    case v1::REPORT_CHANNEL_SECURE_MAIL:
      return QCoreApplication::translate("TriageText", "Beveiligde mail");
    case v1::REPORT_CHANNEL_WEB_FORM:
      return QCoreApplication::translate("TriageText", "Webformulier");
    case v1::REPORT_CHANNEL_POLICE_FEED:
      return QCoreApplication::translate("TriageText", "Politie (zorgmelding)");
    default:
      return QCoreApplication::translate("TriageText", "Onbekend");
  }
}

QString ReporterTypeName(v1::ReporterType type) {
  switch (type) {
    case v1::REPORTER_TYPE_PROFESSIONAL:
      return QCoreApplication::translate("TriageText", "Professional");
    case v1::REPORTER_TYPE_CITIZEN:
      return QCoreApplication::translate("TriageText", "Burger");
    case v1::REPORTER_TYPE_POLICE:
      return QCoreApplication::translate("TriageText", "Politie");
    default:
      return QCoreApplication::translate("TriageText", "Onbekend");
  }
}

QString ReportedRoleName(v1::ReportedRole role) {
  switch (role) {
    case v1::REPORTED_ROLE_VICTIM:
      return QCoreApplication::translate("TriageText", "Slachtoffer");
    case v1::REPORTED_ROLE_SUSPECTED_PERPETRATOR:
      return QCoreApplication::translate("TriageText", "Vermoedelijke pleger");
    case v1::REPORTED_ROLE_CHILD:
      return QCoreApplication::translate("TriageText", "Kind");
    case v1::REPORTED_ROLE_HOUSEHOLD_MEMBER:
      return QCoreApplication::translate("TriageText", "Gezinslid");
    default:
      return QCoreApplication::translate("TriageText", "Onbekend");
  }
}

QString ReportStateName(v1::ReportState state) {
  switch (state) {
    case v1::REPORT_STATE_OPEN:
      return QCoreApplication::translate("TriageText", "Open (wacht op veiligheidsbeoordeling)");
    case v1::REPORT_STATE_ASSESSED:
      return QCoreApplication::translate("TriageText", "Beoordeeld");
    case v1::REPORT_STATE_CLOSED:
      return QCoreApplication::translate("TriageText", "Gesloten");
    default:
      return QCoreApplication::translate("TriageText", "Onbekend");
  }
}

QString ViolenceKindName(v1::ViolenceKind kind) {
  switch (kind) {
    case v1::VIOLENCE_KIND_PARTNER_VIOLENCE:
      return QCoreApplication::translate("TriageText", "Partnergeweld");
    case v1::VIOLENCE_KIND_CHILD_ABUSE_PHYSICAL:
      return QCoreApplication::translate("TriageText", "Lichamelijke kindermishandeling");
    case v1::VIOLENCE_KIND_CHILD_ABUSE_PSYCHOLOGICAL:
      return QCoreApplication::translate("TriageText", "Psychische kindermishandeling");
    case v1::VIOLENCE_KIND_CHILD_ABUSE_SEXUAL:
      return QCoreApplication::translate("TriageText", "Seksueel misbruik van een kind");
    case v1::VIOLENCE_KIND_CHILD_NEGLECT:
      return QCoreApplication::translate("TriageText", "Verwaarlozing");
    case v1::VIOLENCE_KIND_WITNESSING_PARTNER_VIOLENCE:
      return QCoreApplication::translate("TriageText", "Getuige van partnergeweld");
    case v1::VIOLENCE_KIND_ELDER_ABUSE:
      return QCoreApplication::translate("TriageText", "Ouderenmishandeling");
    case v1::VIOLENCE_KIND_HONOUR_RELATED:
      return QCoreApplication::translate("TriageText", "Eergerelateerd geweld");
    case v1::VIOLENCE_KIND_HUMAN_TRAFFICKING:
      return QCoreApplication::translate("TriageText", "Mensenhandel");
    case v1::VIOLENCE_KIND_SEXUAL_VIOLENCE:
      return QCoreApplication::translate("TriageText", "Seksueel geweld");
    case v1::VIOLENCE_KIND_FEMALE_GENITAL_MUTILATION:
      return QCoreApplication::translate("TriageText", "Vrouwelijke genitale verminking");
    case v1::VIOLENCE_KIND_COMPLEX_DIVORCE:
      return QCoreApplication::translate("TriageText", "Complexe scheiding");
    default:
      return QCoreApplication::translate("TriageText", "Onbekend");
  }
}

QString ViolenceKindNames(const google::protobuf::RepeatedField<int>& kinds) {
  QStringList names;
  for (int k : kinds) names << ViolenceKindName(static_cast<v1::ViolenceKind>(k));
  return names.join(QStringLiteral(", "));
}

QString AssessmentRouteName(v1::AssessmentRoute route) {
  switch (route) {
    case v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT:
      return QCoreApplication::translate("TriageText", "Einde bemoeienis (terug naar het gezin)");
    case v1::ASSESSMENT_ROUTE_HANDOVER:
      return QCoreApplication::translate("TriageText",
                                         "Overdracht (lokaal team of bestaande hulp)");
    case v1::ASSESSMENT_ROUTE_CONDITIONS_FOLLOW_UP:
      return QCoreApplication::translate("TriageText", "Voorwaarden en vervolg");
    case v1::ASSESSMENT_ROUTE_INVESTIGATION:
      return QCoreApplication::translate("TriageText", "Onderzoek door Veilig Thuis");
    case v1::ASSESSMENT_ROUTE_MDA_PLUS_PLUS:
      return QCoreApplication::translate("TriageText", "MDA++");
    default:
      return QCoreApplication::translate("TriageText", "— kies een route —");
  }
}

QString RiskInstrumentName(v1::RiskInstrumentKind kind) {
  switch (kind) {
    case v1::RISK_INSTRUMENT_KIND_RIHG:
      return QCoreApplication::translate("TriageText", "RiHG");
    case v1::RISK_INSTRUMENT_KIND_LIRIK:
      return QCoreApplication::translate("TriageText", "LIRIK");
    case v1::RISK_INSTRUMENT_KIND_ARIJ:
      return QCoreApplication::translate("TriageText", "ARIJ");
    case v1::RISK_INSTRUMENT_KIND_CARE_NL:
      return QCoreApplication::translate("TriageText", "CARE-NL");
    case v1::RISK_INSTRUMENT_KIND_B_SAFER:
      return QCoreApplication::translate("TriageText", "B-SAFER");
    default:
      return QCoreApplication::translate("TriageText", "Geen instrument");
  }
}

QString FeedbackMethodName(v1::FeedbackMethod method) {
  switch (method) {
    case v1::FEEDBACK_METHOD_PHONE:
      return QCoreApplication::translate("TriageText", "Telefonisch");
    case v1::FEEDBACK_METHOD_MAIL:
      return QCoreApplication::translate("TriageText", "Per mail");
    case v1::FEEDBACK_METHOD_LETTER:
      return QCoreApplication::translate("TriageText", "Per brief");
    case v1::FEEDBACK_METHOD_IN_PERSON:
      return QCoreApplication::translate("TriageText", "Persoonlijk");
    default:
      return QCoreApplication::translate("TriageText", "— kies hoe —");
  }
}

QString FeedbackScopeName(v1::FeedbackScope scope) {
  switch (scope) {
    case v1::FEEDBACK_SCOPE_FULL:
      return QCoreApplication::translate("TriageText", "Volledig");
    case v1::FEEDBACK_SCOPE_LIMITED:
      return QCoreApplication::translate("TriageText", "Beperkt (alleen of er vervolg is)");
    default:
      return QCoreApplication::translate("TriageText", "Onbekend");
  }
}

QString FeedbackOccasionName(v1::FeedbackOccasion occasion) {
  switch (occasion) {
    case v1::FEEDBACK_OCCASION_ASSESSMENT:
      return QCoreApplication::translate("TriageText", "Na de veiligheidsbeoordeling");
    case v1::FEEDBACK_OCCASION_INVESTIGATION:
      return QCoreApplication::translate("TriageText", "Na het onderzoek");
    default:
      return QCoreApplication::translate("TriageText", "Onbekend");
  }
}

QString RadarMatchName(const std::string& matched_on) {
  if (matched_on == "bsn") return QCoreApplication::translate("TriageText", "BSN");
  if (matched_on == "name_dob")
    return QCoreApplication::translate("TriageText", "naam en geboortedatum");
  if (matched_on == "name_dob_folded")
    return QCoreApplication::translate("TriageText", "naam (gelijkend) en geboortedatum");
  if (matched_on == "address") return QCoreApplication::translate("TriageText", "adres");
  return QString::fromStdString(matched_on);
}

QString TimeLeftText(int64_t seconds) {
  const bool late = seconds < 0;
  const int64_t s = late ? -seconds : seconds;
  const int64_t days = s / 86400;
  const QString clock = QStringLiteral("%1:%2:%3")
                            .arg((s % 86400) / 3600, 2, 10, QLatin1Char('0'))
                            .arg((s % 3600) / 60, 2, 10, QLatin1Char('0'))
                            .arg(s % 60, 2, 10, QLatin1Char('0'));
  const QString span =
      days > 0 ? QCoreApplication::translate("TriageText", "%1 d %2").arg(days).arg(clock) : clock;
  return late ? QCoreApplication::translate("TriageText", "te laat %1").arg(span) : span;
}

QString InvestigationFollowUpName(v1::InvestigationFollowUp follow_up) {
  switch (follow_up) {
    case v1::INVESTIGATION_FOLLOW_UP_END_OF_INVOLVEMENT:
      return QCoreApplication::translate("TriageText", "Einde bemoeienis");
    case v1::INVESTIGATION_FOLLOW_UP_HANDOVER:
      return QCoreApplication::translate("TriageText",
                                         "Overdracht (lokaal team of bestaande hulp)");
    case v1::INVESTIGATION_FOLLOW_UP_CONDITIONS_FOLLOW_UP:
      return QCoreApplication::translate("TriageText", "Voorwaarden en vervolg");
    case v1::INVESTIGATION_FOLLOW_UP_MDA_PLUS_PLUS:
      return QCoreApplication::translate("TriageText", "MDA++");
    case v1::INVESTIGATION_FOLLOW_UP_CHILD_PROTECTION_BOARD:
      return QCoreApplication::translate("TriageText",
                                         "Verzoek tot onderzoek Raad voor de Kinderbescherming");
    default:
      return QCoreApplication::translate("TriageText", "— kies het vervolg —");
  }
}

QString ReportHandoverStateName(v1::ReportHandoverState state) {
  switch (state) {
    case v1::REPORT_HANDOVER_STATE_PROPOSED:
      return QCoreApplication::translate("TriageText", "Wacht op antwoord");
    case v1::REPORT_HANDOVER_STATE_ACCEPTED:
      return QCoreApplication::translate("TriageText", "Geaccepteerd");
    case v1::REPORT_HANDOVER_STATE_DECLINED:
      return QCoreApplication::translate("TriageText", "Geweigerd");
    default:
      return QCoreApplication::translate("TriageText", "Onbekend");
  }
}

// --- DirectoryNames ----------------------------------------------------------------------------

}  // namespace schakel::desktop
