// The reminders and escalations of the intake terms (IntakeService.ListSignals) of the last 30
// days, newest first, as the service gives them.
#ifndef SCHAKEL_CLIENT_DESKTOP_TRIAGE_SIGNALS_H_
#define SCHAKEL_CLIENT_DESKTOP_TRIAGE_SIGNALS_H_

#include <memory>

#include <QWidget>

#include <grpcpp/channel.h>

class QLabel;
class QTableWidget;

namespace schakel::desktop {

// Child object names: "signalsTable", "signalsStatus".
class TriageSignalsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit TriageSignalsPanel(std::shared_ptr<grpc::Channel> channel, QWidget* parent = nullptr);

 signals:
  void loaded(bool ok);

 public slots:
  void refresh();

 private:
  std::shared_ptr<grpc::Channel> channel_;
  QTableWidget* table_;
  QLabel* status_;
  bool busy_ = false;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_TRIAGE_SIGNALS_H_
