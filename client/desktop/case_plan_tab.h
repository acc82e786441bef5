// Veiligheidsplan: the case's safety plan (SafetyPlanService.GetPlan) — the version in force (or
// the newest), every version with its state (in force, proposed, draft, superseded), its sign-offs,
// the next evaluation date, evaluations and incidents; and a comparison of two versions
// (CasePlanDiff). Items the caller may not see read as the service redacts them.
#ifndef SCHAKEL_CLIENT_DESKTOP_CASE_PLAN_TAB_H_
#define SCHAKEL_CLIENT_DESKTOP_CASE_PLAN_TAB_H_

#include <memory>

#include <QString>
#include <QWidget>

#include <grpcpp/channel.h>

class QLabel;
class QPushButton;
class QTableWidget;

namespace schakel::v1 {
class GetPlanResponse;
}

namespace schakel::desktop {

class CasePlanDiff;

// Children: "planSummary", "planItems" (section, sensitivity, content), "planVersions" (version,
// state, ...; column 0's Qt::UserRole the version number), "showPlanVersion", "signOffsTable",
// "incidentsTable", "evaluationsTable", "planStatus", and the CasePlanDiff's children.
class CasePlanTab : public QWidget {
  Q_OBJECT

 public:
  CasePlanTab(std::shared_ptr<grpc::Channel> channel, QString case_id, QWidget* parent = nullptr);

  CasePlanDiff* diff() const { return diff_; }

 signals:
  void loaded(bool ok);
  // The plan was changed from this tab (a version, sign-off, incident or evaluation): the case
  // and its timeline should be read again.
  void caseChanged();

 public slots:
  // Reads the version in force (or the newest) again.
  void refresh();
  // Shows version `version` (0: the one in force, or the newest).
  void showVersion(int version);

 private:
  void showPlan(const v1::GetPlanResponse& plan);

  std::shared_ptr<grpc::Channel> channel_;
  QString case_id_;
  bool busy_ = false;
  QLabel* summary_;
  QTableWidget* items_;
  QTableWidget* versions_;
  QPushButton* show_version_;
  QTableWidget* sign_offs_;
  QTableWidget* incidents_;
  QTableWidget* evaluations_;
  CasePlanDiff* diff_;
  QLabel* status_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_CASE_PLAN_TAB_H_
