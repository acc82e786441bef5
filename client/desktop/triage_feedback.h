// Feedback to the reporter (terugkoppeling): the region's feedback tasks
// (IntakeService.ListFeedbackTasks), open ones first, and recording the feedback given for the
// selected task (RecordFeedback), off the UI thread with a request id; the fields the service
// refuses are marked (FieldMarks).
#ifndef SCHAKEL_CLIENT_DESKTOP_TRIAGE_FEEDBACK_H_
#define SCHAKEL_CLIENT_DESKTOP_TRIAGE_FEEDBACK_H_

#include <memory>
#include <string>
#include <vector>

#include <QWidget>

#include <grpcpp/channel.h>

#include "client/desktop/field_errors.h"
#include "client/desktop/intake_proto.h"
#include "client/lib/server_addresses.h"

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace schakel::desktop {

class DirectoryNames;

// Child object names: "feedbackTable" (column 0 holds the report id as Qt::UserRole),
// "feedbackSummary", "includeDone", "feedbackGivenAt" (Amsterdam wall-clock time),
// "feedbackMethod", "feedbackFollowUp", "feedbackTakenOverBy", "feedbackReporterPart",
// "feedbackNote", "recordFeedback", "feedbackStatus".
class TriageFeedbackPanel : public QWidget {
  Q_OBJECT

 public:
  enum Column {
    kReport = 0,
    kOccasion,
    kReporter,
    kDue,
    kTimeLeft,
    kAssignee,
    kState,
    kColumnCount
  };

  explicit TriageFeedbackPanel(client::ChannelsPtr channel, QWidget* parent = nullptr);

  const FieldMarks& marks() const { return marks_; }
  // Names of assignees from `names` (not owned; may be null: ids).
  void setNames(DirectoryNames* names);

 signals:
  void loaded(bool ok);
  // After each answer to record().
  void recorded(bool ok);
  // A task's row was double-clicked (or Enter pressed on it): show its report.
  void reportActivated(const QString& report_id);

 public slots:
  void refresh();
  void record();

 private:
  void showTasks(const v1::ListFeedbackTasksResponse& tasks);
  void taskSelected();
  const v1::FeedbackTask* selectedTask() const;

  void showAssignees();

  client::ChannelsPtr channel_;
  DirectoryNames* names_ = nullptr;
  std::vector<v1::FeedbackTask> tasks_;
  std::string request_id_;
  bool busy_ = false;
  bool again_ = false;
  bool recording_ = false;
  FieldMarks marks_;
  QTableWidget* table_;
  QLabel* summary_;
  QCheckBox* include_done_;
  QDateTimeEdit* given_at_;
  QComboBox* method_;
  QCheckBox* follow_up_;
  QLineEdit* taken_over_by_;
  QPlainTextEdit* reporter_part_;
  QPlainTextEdit* note_;
  QPushButton* record_;
  QLabel* status_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_TRIAGE_FEEDBACK_H_
