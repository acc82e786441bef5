// Toezicht (SUPERVISOR, REGIONAL_SUPERVISOR): the handover report with charts, the gap list, the
// intake report against its norms, CSV export.
#ifndef SCHAKEL_CLIENT_DESKTOP_SUPERVISION_VIEW_H_
#define SCHAKEL_CLIENT_DESKTOP_SUPERVISION_VIEW_H_

#include "client/desktop/session.h"
#include "client/desktop/view_page.h"

namespace schakel::desktop {

class SupervisionView : public ViewPage {
  Q_OBJECT

 public:
  explicit SupervisionView(const Session& session, QWidget* parent = nullptr);

 public slots:
  void refresh() override;

 private:
  Session session_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_SUPERVISION_VIEW_H_
