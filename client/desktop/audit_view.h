// Audit (AUDITOR): querying the audit log with a purpose, who looked at a client's file, proofs
// verified offline, export.
#ifndef SCHAKEL_CLIENT_DESKTOP_AUDIT_VIEW_H_
#define SCHAKEL_CLIENT_DESKTOP_AUDIT_VIEW_H_

#include "client/desktop/session.h"
#include "client/desktop/view_page.h"

namespace schakel::desktop {

class AuditView : public ViewPage {
  Q_OBJECT

 public:
  explicit AuditView(const Session& session, QWidget* parent = nullptr);

 public slots:
  void refresh() override;

 private:
  Session session_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_AUDIT_VIEW_H_
