// The case window: one top-level window per case, opened from Mijn casussen, with a tab for each
// part of the case — the family (table and diagram), the team, the notes, meetings and actions,
// the timeline, the safety plan and the responsibility ledger. Every tab loads off the UI thread;
// the window shows what the services answer and nothing else.
#ifndef SCHAKEL_CLIENT_DESKTOP_CASE_WINDOW_H_
#define SCHAKEL_CLIENT_DESKTOP_CASE_WINDOW_H_

#include <memory>

#include <QString>
#include <QWidget>

#include <grpcpp/channel.h>
#include "client/lib/server_addresses.h"

class QLabel;
class QTabWidget;

namespace schakel::v1 {
class Case;
}

namespace schakel::desktop {

class CaseFamilyTab;
class CaseMeetingsTab;
class CaseNotesTab;
class CasePlanTab;
class CaseResponsibilityTab;
class CaseTeamTab;
class CaseTimelineTab;

// Object name "caseWindow"; children "caseTabs", "caseStatus" (a failed GetCase's sentence),
// "caseNotices" (the warnings every view shows first), and the tabs' own names.
class CaseWindow : public QWidget {
  Q_OBJECT

 public:
  CaseWindow(client::ChannelsPtr channel, const QString& case_id, const QString& reference,
             QWidget* parent = nullptr);

  const QString& caseId() const { return case_id_; }
  // True once every tab has had its answer (or its error) since the last refresh.
  bool allLoaded() const { return waiting_ == 0; }

 signals:
  // "Overdracht voorstellen" on the responsibility tab: the propose dialog is someone else's.
  void proposeHandoverRequested(const QString& case_id);
  // Every tab has had its answer since the last refresh.
  void loaded();

 public slots:
  // Asks every service again (F5).
  void refresh();

 private:
  void loadCase();
  void showCase(const v1::Case& c);
  // The answer of one of the loads (kCaseLoad ...) arrived.
  void oneLoaded(int load);

  client::ChannelsPtr channel_;
  QString case_id_;
  QLabel* notices_;
  QLabel* status_;
  QTabWidget* tabs_;
  CaseFamilyTab* family_;
  CaseTeamTab* team_;
  CaseNotesTab* notes_;
  CaseMeetingsTab* meetings_;
  CaseTimelineTab* timeline_;
  CasePlanTab* plan_;
  CaseResponsibilityTab* responsibility_;
  int waiting_ = 0;  // the loads (bits) the last refresh still waits for
  bool case_busy_ = false;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_CASE_WINDOW_H_
