#include "client/desktop/case_team_tab.h"

#include <utility>

#include <QFont>
#include <QHeaderView>
#include <QLabel>
#include <QStringList>
#include <QTableWidget>
#include <QVBoxLayout>

#include "client/desktop/case_common.h"
#include "client/desktop/display.h"
#include "schakel/v1/cases.pb.h"

namespace schakel::desktop {

CaseTeamTab::CaseTeamTab(std::shared_ptr<grpc::Channel> channel, QString case_id, QWidget* parent)
    : QWidget(parent), channel_(std::move(channel)), case_id_(std::move(case_id)) {
  my_role_ = new QLabel(this);
  my_role_->setObjectName(QStringLiteral("myCaseRole"));
  table_ = new QTableWidget(0, 7, this);
  table_->setObjectName(QStringLiteral("teamTable"));
  table_->setAccessibleName(tr("Casusteam"));
  table_->setHorizontalHeaderLabels({tr("Regie"), tr("Professional"), tr("Organisatie"),
                                     tr("Soort organisatie"), tr("Rol in de casus"), tr("Sinds"),
                                     tr("Tot")});
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->verticalHeader()->setVisible(false);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(my_role_);
  layout->addWidget(table_, 1);
}

void CaseTeamTab::clear() {
  my_role_->clear();
  table_->setRowCount(0);
}

void CaseTeamTab::showCase(const v1::Case& c) {
  my_role_->setText(tr("Uw rol in deze casus: %1").arg(CaseRoleName(c.my_role())));
  table_->setRowCount(c.team_size());
  for (int row = 0; row < c.team_size(); ++row) {
    const v1::TeamMember& m = c.team(row);
    const bool former = m.has_end_time() && m.end_time().seconds() != 0;
    const bool director = m.role() == v1::CASE_ROLE_CASE_DIRECTOR && !former;
    const QStringList cells = {director ? QStringLiteral("★") : QString(),
                               QString::fromStdString(m.professional_id()),
                               QString::fromStdString(m.organisation_id()),
                               OrganisationTypeName(m.organisation_type()),
                               CaseRoleName(m.role()),
                               FormatAmsterdam(m.start_time()),
                               former ? FormatAmsterdam(m.end_time()) : QString()};
    for (int col = 0; col < cells.size(); ++col) {
      auto* item = new QTableWidgetItem(cells[col]);
      if (director) {
        QFont bold = item->font();
        bold.setBold(true);
        item->setFont(bold);
        item->setToolTip(tr("Casusregisseur"));
      }
      if (former) item->setForeground(Qt::gray);
      table_->setItem(row, col, item);
    }
  }
  table_->resizeColumnsToContents();
}

}  // namespace schakel::desktop
