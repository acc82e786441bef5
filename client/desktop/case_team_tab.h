// Team: the case team's members (current and former), their organisation, their role in the case;
// the case director marked.
#ifndef SCHAKEL_CLIENT_DESKTOP_CASE_TEAM_TAB_H_
#define SCHAKEL_CLIENT_DESKTOP_CASE_TEAM_TAB_H_

#include <memory>

#include <QString>
#include <QWidget>

#include <grpcpp/channel.h>

class QLabel;
class QTableWidget;

namespace schakel::v1 {
class Case;
}

namespace schakel::desktop {

// Children: "teamTable" (column 0 holds "★" for the current case director), "myCaseRole".
class CaseTeamTab : public QWidget {
  Q_OBJECT

 public:
  CaseTeamTab(std::shared_ptr<grpc::Channel> channel, QString case_id, QWidget* parent = nullptr);

  void showCase(const v1::Case& c);
  void clear();

 signals:
  // Something in the case was changed from this tab: the case should be read again.
  void caseChanged();

 private:
  std::shared_ptr<grpc::Channel> channel_;
  QString case_id_;
  QLabel* my_role_;
  QTableWidget* table_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_CASE_TEAM_TAB_H_
