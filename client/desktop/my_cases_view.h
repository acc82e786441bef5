// Mijn casussen: the cases I am on (CaseService.ListMyCases) with my role, status and when each
// was opened. A case opens in a case window of its own (double-click, Enter or "Openen"); a case
// already open is brought to the front.
#ifndef SCHAKEL_CLIENT_DESKTOP_MY_CASES_VIEW_H_
#define SCHAKEL_CLIENT_DESKTOP_MY_CASES_VIEW_H_

#include <map>
#include <memory>

#include <QPointer>
#include <QString>

#include <grpcpp/channel.h>

#include "client/desktop/view_page.h"
#include "client/lib/server_addresses.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace schakel::desktop {

class CaseWindow;

// Child object names: "casesTable", "casesStatus", "openCase".
class MyCasesView : public ViewPage {
  Q_OBJECT

 public:
  MyCasesView(client::ChannelsPtr channel, QWidget* parent = nullptr);

 signals:
  // After each refresh, with the answer shown (or the error).
  void loaded(bool ok);
  // A case window was opened (its owner may connect to it).
  void caseWindowOpened(CaseWindow* window);
  // "Overdracht voorstellen" in one of the case windows opened from here.
  void proposeHandoverRequested(const QString& case_id);

 public slots:
  void refresh() override;
  // Opens the case window of the selected case (or brings it to the front).
  void openSelected();
  // Opens the case window of `case_id` (its reference in the title), or brings it to the front.
  CaseWindow* openCase(const QString& case_id, const QString& reference);

 public:
  // The case window open for `case_id`, or null.
  CaseWindow* caseWindow(const QString& case_id) const;

 private:
  client::ChannelsPtr channel_;
  QTableWidget* table_;
  QLabel* status_;
  QPushButton* open_;
  bool busy_ = false;
  std::map<QString, QPointer<CaseWindow>> windows_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_MY_CASES_VIEW_H_
