// Comparing two versions of a safety plan (GetPlanDiff): every item of the newer version in order,
// with what was added, removed and changed highlighted in colour AND marked in text ("+", "−",
// "~") for screen readers; items the caller may not see read as the service redacts them.
#ifndef SCHAKEL_CLIENT_DESKTOP_CASE_PLAN_DIFF_H_
#define SCHAKEL_CLIENT_DESKTOP_CASE_PLAN_DIFF_H_

#include <memory>
#include <vector>

#include <QString>
#include <QWidget>

#include <grpcpp/channel.h>

#include "client/lib/server_addresses.h"
#include "schakel/v1/safetyplan.pb.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace schakel::desktop {

// Children: "diffFrom", "diffTo" (combo boxes, each entry's data the version number),
// "compareVersions", "diffTable" (columns: marker, section, content, what changed; an unchanged
// item has an empty marker), "diffStatus".
class CasePlanDiff : public QWidget {
  Q_OBJECT

 public:
  CasePlanDiff(client::ChannelsPtr channel, QString case_id, QWidget* parent = nullptr);

  // The versions to choose from; keeps the choice when the versions are still there, else
  // proposes the version before the newest against the newest.
  void setVersions(const std::vector<v1::PlanVersionSummary>& versions);

 signals:
  // After each comparison, with its outcome.
  void compared(bool ok);

 public slots:
  // Compares the versions chosen.
  void compare();

 private:
  client::ChannelsPtr channel_;
  QString case_id_;
  bool busy_ = false;
  QComboBox* from_;
  QComboBox* to_;
  QPushButton* compare_;
  QTableWidget* table_;
  QLabel* status_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_CASE_PLAN_DIFF_H_
