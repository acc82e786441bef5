// The triage queue (IntakeService.ListTriageQueue) in the order the service gives it, with the
// time left to each report's term counting down live, acute and overdue reports standing out, who
// holds each report (by name, DirectoryNames), and claiming ("Oppakken") and releasing
// ("Vrijgeven") the selected one. Reading the queue shows its progress and can be stopped
// ("Stoppen"); a newer refresh, and hiding the queue, stop the read under way (its answer is
// dropped).
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
#include "client/lib/server_addresses.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

namespace schakel::desktop {

// Child object names: "queueTable", "claimButton", "releaseButton", "queueStatus",
// "queueProgress", "queueStopButton" (shown while the queue is read). The table's columns are the
// TriageQueue::Column values; column kReport holds the report id as Qt::UserRole.
class DirectoryNames;
struct TriageQueueLoad;

class TriageQueue : public QWidget {
  Q_OBJECT

 public:
  enum Column {
    // What a triage worker decides on first, leftmost: the long report id goes last.
    kSignal = 0,  // "ACUUT", "TE LAAT"
    kTimeLeft,    // "Nog": counts down each second
    kKind,
    kViolence,
    kRadar,
    kHolder,
    kReceived,
    kDue,
    kReport,
    kColumnCount
  };

  explicit TriageQueue(const Session& session, QWidget* parent = nullptr);

  // The report selected in the table; empty when none.
  QString selectedReportId() const;
  // Selects the row of `report_id`; nothing is selected when it is not in the queue.
  void selectReport(const QString& report_id);
  // Names of holders from `names` (not owned; may be null: ids).
  void setNames(DirectoryNames* names);
  // Whether the queue is being read.
  bool loading() const { return load_ != nullptr; }

 signals:
  // After each answer to refresh(), with the answer shown (or the error).
  void loaded(bool ok);
  // The selected report changed (empty: none).
  void reportSelected(const QString& report_id);
  // A claim or release went through (the queue is being read again).
  void claimChanged(const QString& report_id);
  // A read of the queue was stopped (the table keeps what it showed).
  void loadCancelled();

 public slots:
  // Reads the queue; a read under way is stopped first (its answer dropped).
  void refresh();
  // Stops the read under way (cancels its call); nothing when none is.
  void stopLoading();

 protected:
  void hideEvent(QHideEvent* event) override;
  void showEvent(QShowEvent* event) override;

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
  void showProgress(int loaded, int total);
  void endLoad();
  QString holderText(const v1::TriageRow& r) const;
  void showHolders();
  void styleRow(int r);
  void changeClaim(bool claim);
  void updateButtons();

  client::ChannelsPtr channel_;
  QString me_;  // my principal id: my own claims read "(u)"
  QTableWidget* table_;
  QPushButton* claim_button_;
  QPushButton* release_button_;
  QLabel* status_;
  QProgressBar* progress_;
  QPushButton* stop_button_;
  QTimer* ticker_;
  DirectoryNames* names_ = nullptr;
  std::vector<Row> rows_;
  QElapsedTimer since_answer_;             // the seconds_left of rows_ are as of this moment
  std::shared_ptr<TriageQueueLoad> load_;  // the read under way; null when none
  int generation_ = 0;                     // answers of an older read are dropped
  bool reload_on_show_ = false;            // a read was stopped because the queue was hidden
  bool changing_ = false;
  // A refused claim or release, said after the queue read again.
  QString notice_;
  QString notice_detail_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_TRIAGE_QUEUE_H_
