// The reminders and escalations of the intake terms (IntakeService.ListSignals) of the last 30
// days, newest first, as the service gives them.
#ifndef SCHAKEL_CLIENT_DESKTOP_TRIAGE_SIGNALS_H_
#define SCHAKEL_CLIENT_DESKTOP_TRIAGE_SIGNALS_H_

#include <memory>
#include <vector>

#include <QWidget>

#include <grpcpp/channel.h>

#include "client/desktop/intake_proto.h"
#include "client/lib/server_addresses.h"

class QLabel;
class QTableWidget;

namespace schakel::desktop {

class DirectoryNames;

// Child object names: "signalsTable" (column 0 the report id), "signalsStatus". The addressee
// (column 4) by name when setNames() gave DirectoryNames.
class TriageSignalsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit TriageSignalsPanel(client::ChannelsPtr channel, QWidget* parent = nullptr);

  // Names of addressees from `names` (not owned; may be null: ids).
  void setNames(DirectoryNames* names);

 signals:
  void loaded(bool ok);
  // A signal's row was double-clicked (or Enter pressed on it): show its report.
  void reportActivated(const QString& report_id);

 public slots:
  void refresh();

 private:
  void showSignals();

  client::ChannelsPtr channel_;
  DirectoryNames* names_ = nullptr;
  std::vector<v1::Signal> shown_;
  QTableWidget* table_;
  QLabel* status_;
  bool busy_ = false;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_TRIAGE_SIGNALS_H_
