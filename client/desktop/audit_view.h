// Audit (AUDITOR): querying the audit log with a purpose, who looked at a client's file, proofs
// verified offline, export.
#ifndef SCHAKEL_CLIENT_DESKTOP_AUDIT_VIEW_H_
#define SCHAKEL_CLIENT_DESKTOP_AUDIT_VIEW_H_

#include <memory>

#include "client/desktop/session.h"
#include "client/desktop/view_page.h"

class QLabel;
class QLineEdit;
class QTabWidget;

namespace schakel::desktop {

class AuditExportPanel;
class AuditPersonPanel;
class AuditQueryPanel;
class VerifierKeyField;

// The verifier key every check uses sits above three tabs: the query (AuditQueryPanel, with the
// verification of an entry), "Wie heeft dit dossier bekeken" (AuditPersonPanel), and export and
// its check (AuditExportPanel).
//
// The key: the one the auditor entered before for this server (QSettings "audit/verifierKey/
// <server>"), else the server's own, taken on first use and said so — the auditor should compare
// it with the key the log's operator publishes. Child object names: "verifierKey",
// "verifierKeyNote", "auditTabs".
class AuditView : public ViewPage {
  Q_OBJECT

 public:
  explicit AuditView(const Session& session, QWidget* parent = nullptr);
  ~AuditView() override;

  AuditQueryPanel* queryPanel() const { return query_; }
  AuditPersonPanel* personPanel() const { return person_; }
  AuditExportPanel* exportPanel() const { return export_; }

 signals:
  // When the server's verifier key was fetched for an empty key field (ok false: it failed).
  void verifierKeyFetched(bool ok);

 public slots:
  void refresh() override;

 private:
  void fetchVerifierKey();

  Session session_;
  QLineEdit* key_edit_;
  QLabel* key_note_;
  std::unique_ptr<VerifierKeyField> key_;
  QTabWidget* tabs_;
  AuditQueryPanel* query_;
  AuditPersonPanel* person_;
  AuditExportPanel* export_;
  bool fetching_key_ = false;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_AUDIT_VIEW_H_
