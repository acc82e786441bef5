// The triage queue (IntakeService.ListTriageQueue) in the order the service gives it, with the
// time left to each report's term counting down live, acute and overdue reports standing out, who
// holds each report, and claiming ("Oppakken") and releasing ("Vrijgeven") the selected one.
#ifndef SCHAKEL_CLIENT_DESKTOP_TRIAGE_QUEUE_H_
#define SCHAKEL_CLIENT_DESKTOP_TRIAGE_QUEUE_H_

#include <memory>
#include <string>
#include <vector>

#include <QElapsedTimer>
#include <QWidget>

#include <grpcpp/channel.h>

#include "client/desktop/intake_proto.h"
#include "client/desktop/session.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

namespace schakel::desktop {

// Child object names: "queueTable", "claimButton", "releaseButton", "queueStatus",
// "queueProgress". The table's columns are the TriageQueue::Column values; column kReport holds the
// report id as Qt::UserRole.
class TriageQueue : public QWidget {
  Q_OBJECT

 public:
  enum Column {
    kReport = 0,
    kKind,
    kReceived,
    kDue,
    kTimeLeft,  // "Nog": counts down each second
    kSignal,    // "ACUUT", "TE LAAT"
    kHolder,
    kViolence,
    kRadar,
    kColumnCount
  };

  explicit TriageQueue(const Session& session, QWidget* parent = nullptr);

  // The report selected in the table; empty when none.
  QString selectedReportId() const;
  // Selects the row of `report_id` (if it is in the queue).
  void selectReport(const QString& report_id);

 signals:
  // After each answer to refresh(), with the answer shown (or the error).
  void loaded(bool ok);
  // The selected report changed (empty: none).
  void reportSelected(const QString& report_id);
  // A claim or release went through (the queue is being read again).
  void claimChanged(const QString& report_id);

 public slots:
  void refresh();

 private slots:
  void tick();
  void claim();
  void release();

 private:
  struct Row {
    v1::TriageRow row;
    bool overdue = false;  // as counted down here from the service's seconds_left
  };
  void showRows(std::vector<v1::TriageRow> rows, int total);
  void styleRow(int r);
  void changeClaim(bool claim);
  void updateButtons();

  std::shared_ptr<grpc::Channel> channel_;
  QString me_;  // my principal id: my own claims read "(u)"
  QTableWidget* table_;
  QPushButton* claim_button_;
  QPushButton* release_button_;
  QLabel* status_;
  QProgressBar* progress_;
  QTimer* ticker_;
  std::vector<Row> rows_;
  QElapsedTimer since_answer_;  // the seconds_left of rows_ are as of this moment
  bool busy_ = false;
  bool again_ = false;
  bool changing_ = false;
  // A refused claim or release, said after the queue read again.
  QString notice_;
  QString notice_detail_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_TRIAGE_QUEUE_H_
