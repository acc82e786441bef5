// The page of one view in the main window.
#ifndef SCHAKEL_CLIENT_DESKTOP_VIEW_PAGE_H_
#define SCHAKEL_CLIENT_DESKTOP_VIEW_PAGE_H_

#include <QWidget>

namespace schakel::desktop {

class ViewPage : public QWidget {
  Q_OBJECT

 public:
  using QWidget::QWidget;

 public slots:
  // Asks the services again (F5). Returns at once; the answer arrives later.
  virtual void refresh() {}
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_VIEW_PAGE_H_
