// The main window: a header with who I am, a side bar with the views my roles allow, and the
// current view. F5 refreshes the current view; Ctrl+1..5 open the first to fifth view.
#ifndef SCHAKEL_CLIENT_DESKTOP_MAIN_WINDOW_H_
#define SCHAKEL_CLIENT_DESKTOP_MAIN_WINDOW_H_

#include <vector>

#include <QMainWindow>

#include "client/desktop/session.h"
#include "client/desktop/views.h"

class QLabel;
class QListWidget;
class QStackedWidget;

namespace schakel::desktop {

class ViewPage;

// Child object names: "identity" (the header), "sideBar", "pages", "windowConnectionBanner"; each
// page is named after its view: "triagePage", "myCasesPage", "inboxPage", "supervisionPage",
// "auditPage".
//
// The connection banner: every second the window asks the channel's state (without waiting; an
// idle channel is asked to connect); while it is in TRANSIENT_FAILURE the banner says the server
// cannot be reached and that Schakel keeps trying, and it goes once the channel is READY again.
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(Session session, QWidget* parent = nullptr);

  // The views in the side bar, in order.
  const std::vector<View>& views() const { return views_; }
  // The page of `view`; null when the side bar does not offer it.
  ViewPage* page(View view) const;

 public slots:
  // Shows the `index`th view of the side bar (0-based); ignored when there is none.
  void showView(int index);
  void refreshCurrent();

 private slots:
  // Shows or hides the connection banner after the channel's state.
  void checkConnection();

 private:
  ViewPage* makePage(View view);

  Session session_;
  std::vector<View> views_;
  std::vector<ViewPage*> pages_;  // parallel to views_, owned by stack_
  QLabel* identity_;
  QLabel* connection_banner_;
  QListWidget* side_bar_;
  QStackedWidget* stack_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_MAIN_WINDOW_H_
