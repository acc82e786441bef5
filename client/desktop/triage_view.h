// Triage (VT_INTAKE): the report queue, a report with its radar, the assessment form, feedback
// tasks.
#ifndef SCHAKEL_CLIENT_DESKTOP_TRIAGE_VIEW_H_
#define SCHAKEL_CLIENT_DESKTOP_TRIAGE_VIEW_H_

#include "client/desktop/session.h"
#include "client/desktop/view_page.h"

namespace schakel::desktop {

class TriageView : public ViewPage {
  Q_OBJECT

 public:
  explicit TriageView(const Session& session, QWidget* parent = nullptr);

 public slots:
  void refresh() override;

 private:
  Session session_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_TRIAGE_VIEW_H_
