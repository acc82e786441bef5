// Mijn casussen: the cases I am on (CaseService.ListMyCases) with my role, status and when each
// was opened.
#ifndef SCHAKEL_CLIENT_DESKTOP_MY_CASES_VIEW_H_
#define SCHAKEL_CLIENT_DESKTOP_MY_CASES_VIEW_H_

#include <memory>

#include <grpcpp/channel.h>

#include "client/desktop/view_page.h"

class QLabel;
class QTableWidget;

namespace schakel::desktop {

// Child object names: "casesTable", "casesStatus".
class MyCasesView : public ViewPage {
  Q_OBJECT

 public:
  MyCasesView(std::shared_ptr<grpc::Channel> channel, QWidget* parent = nullptr);

 signals:
  // After each refresh, with the answer shown (or the error).
  void loaded(bool ok);

 public slots:
  void refresh() override;

 private:
  std::shared_ptr<grpc::Channel> channel_;
  QTableWidget* table_;
  QLabel* status_;
  bool busy_ = false;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_MY_CASES_VIEW_H_
