// Toezicht: how the supervisors' reports read — state and gap names, hours and shares in Dutch
// notation, a norm measured against its target in words and colour — and the report tables filled
// from the services' answers.
#ifndef SCHAKEL_CLIENT_DESKTOP_SUPERVISION_TABLES_H_
#define SCHAKEL_CLIENT_DESKTOP_SUPERVISION_TABLES_H_

#include <functional>
#include <string>

#include <QColor>
#include <QString>
#include <QStringList>

#include "client/desktop/intake_proto.h"
#include "schakel/v1/handover.pb.h"

class QTableWidget;
class QWidget;

namespace schakel::desktop {

QString HandoverStateLabel(v1::HandoverState state);
QString GapKindLabel(v1::GapKind kind);

// "12,5 uur" (Dutch notation, also in English, as the dates are).
QString FormatHours(double hours);
// A share of 0..1 as "87,5%"; `decimals` after the comma.
QString FormatShare(double share, int decimals = 1);

// The norm in words: "gehaald", "niet gehaald", or "niets gemeten" when nothing was measured (the
// service counts that as not met).
QString NormVerdict(const v1::NormShare& share);
// Green for met, red for not met, grey for nothing measured.
QColor NormColour(const v1::NormShare& share);
// One line per norm: "<name>: 75,0% op tijd (3 van 4; norm 90%) — niet gehaald".
QString NormLine(const QString& name, const v1::NormShare& share);

// What the two norms are called.
QString AssessmentNormName();
QString InvestigationNormName();

// An organisation's name for its id (DirectoryNames::organisation).
using OrganisationName = std::function<QString(const std::string& id)>;

// A read-only table of the view with `headers`, its object and accessible name.
QTableWidget* NewReportTable(QWidget* parent, const QString& object_name,
                             const QString& accessible_name, const QStringList& headers);

// Fill (or, for an empty report, clear) the tables: the handover report's measures ("Maatstaf",
// "Waarde"), its per-organisation figures, its gaps; the intake report's norms and its measures.
void FillHandoverSummary(QTableWidget& table, const v1::HandoverReport& report);
void FillOrganisations(QTableWidget& table, const v1::HandoverReport& report,
                       const OrganisationName& name_of);
void FillGaps(QTableWidget& table, const v1::HandoverReport& report);
void FillNorms(QTableWidget& table, const v1::IntakeReport& report);
void FillIntakeSummary(QTableWidget& table, const v1::IntakeReport& report);
// What retention destroys: per report its id, kind, receipt, closure, the day it goes (or, under a
// legal hold, that it stays) and the hold's reason and who set it.
void FillRetention(QTableWidget& table, const v1::ListRetentionResponse& answer);
// The same of MDA++ cases: per case its reference, closure, the day it goes (or that it stays)
// and the hold's reason and who set it.
void FillCaseRetention(QTableWidget& table, const v1::ListCaseRetentionResponse& answer);

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_SUPERVISION_TABLES_H_
