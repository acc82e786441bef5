#include "client/desktop/case_team_tab.h"

#include <utility>

#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QStringList>
#include <QTableWidget>
#include <QVBoxLayout>

#include "client/desktop/case_common.h"
#include "client/desktop/case_team_dialogs.h"
#include "client/desktop/directory_names.h"
#include "client/desktop/display.h"
#include "client/lib/server_addresses.h"

namespace schakel::desktop {

namespace {

QPushButton* TeamButton(const QString& text, const QString& name, const QString& accessible,
                        QWidget* parent) {
  auto* b = new QPushButton(text, parent);
  b->setObjectName(name);
  b->setAccessibleName(accessible);
  return b;
}

}  // namespace

CaseTeamTab::CaseTeamTab(client::ChannelsPtr channel, QString case_id, QWidget* parent)
    : QWidget(parent),
      channel_(std::move(channel)),
      case_id_(std::move(case_id)),
      names_(new DirectoryNames(channel_, this)) {
  connect(names_, &DirectoryNames::namesChanged, this, [this] {
    if (have_case_) render();
  });
  my_role_ = new QLabel(this);
  my_role_->setObjectName(QStringLiteral("myCaseRole"));
  state_ = new QLabel(this);
  state_->setObjectName(QStringLiteral("caseState"));
  state_->setWordWrap(true);
  state_->setTextFormat(Qt::PlainText);
  table_ = new QTableWidget(0, 7, this);
  table_->setObjectName(QStringLiteral("teamTable"));
  table_->setAccessibleName(tr("Casusteam"));
  table_->setHorizontalHeaderLabels({tr("Regie"), tr("Professional"), tr("Organisatie"),
                                     tr("Soort organisatie"), tr("Rol in de casus"), tr("Sinds"),
                                     tr("Tot")});
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->verticalHeader()->setVisible(false);
  table_->setContextMenuPolicy(Qt::CustomContextMenu);
  connect(table_, &QWidget::customContextMenuRequested, this, &CaseTeamTab::showMenu);
  connect(table_, &QTableWidget::itemSelectionChanged, this, &CaseTeamTab::updateButtons);

  add_ = TeamButton(tr("Teamlid toevoeg&en"), QStringLiteral("addTeamMember"),
                    tr("Teamlid toevoegen uit het adresboek"), this);
  remove_ = TeamButton(tr("Teamlid &verwijderen"), QStringLiteral("removeTeamMember"),
                       tr("Geselecteerd teamlid verwijderen"), this);
  transfer_ = TeamButton(tr("Regie overdragen &aan…"), QStringLiteral("transferDirector"),
                         tr("De regie overdragen aan een ander teamlid"), this);
  close_ = TeamButton(tr("Casus &sluiten"), QStringLiteral("closeCase"), tr("Casus sluiten"), this);
  reopen_ =
      TeamButton(tr("Casus &heropenen"), QStringLiteral("reopenCase"), tr("Casus heropenen"), this);
  connect(add_, &QPushButton::clicked, this, &CaseTeamTab::addMember);
  connect(remove_, &QPushButton::clicked, this, &CaseTeamTab::removeMember);
  connect(transfer_, &QPushButton::clicked, this, &CaseTeamTab::transferDirector);
  connect(close_, &QPushButton::clicked, this, &CaseTeamTab::closeCase);
  connect(reopen_, &QPushButton::clicked, this, &CaseTeamTab::reopenCase);
  auto* buttons = new QHBoxLayout;
  for (QPushButton* b : {add_, remove_, transfer_}) buttons->addWidget(b);
  buttons->addStretch();
  buttons->addWidget(close_);
  buttons->addWidget(reopen_);

  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("teamStatus"));
  status_->setWordWrap(true);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(my_role_);
  layout->addWidget(state_);
  layout->addWidget(table_, 1);
  layout->addLayout(buttons);
  layout->addWidget(status_);
  setTabOrder(table_, add_);
  setTabOrder(add_, remove_);
  setTabOrder(remove_, transfer_);
  setTabOrder(transfer_, close_);
  setTabOrder(close_, reopen_);
  updateButtons();
}

void CaseTeamTab::clear() {
  case_.Clear();
  have_case_ = false;
  my_role_->clear();
  state_->clear();
  table_->setRowCount(0);
  updateButtons();
}

void CaseTeamTab::showCase(const v1::Case& c) {
  case_ = c;
  have_case_ = true;
  my_role_->setText(tr("Uw rol in deze casus: %1").arg(CaseRoleName(case_.my_role())));
  if (case_.status() == v1::CASE_STATUS_CLOSED) {
    const v1::Closure& closure = case_.closure();
    QString text = tr("Deze casus is gesloten op %1.").arg(FormatAmsterdam(closure.close_time()));
    if (closure.hidden()) {
      text += QLatin1Char(' ') + tr("Reden: %1").arg(HiddenText({}));
    } else if (!closure.reason().empty()) {
      text += QLatin1Char(' ') + tr("Reden: %1").arg(QString::fromStdString(closure.reason()));
    }
    state_->setText(text);
  } else {
    state_->setText(tr("Deze casus is open."));
  }
  render();
}

bool CaseTeamTab::isCurrent(const v1::TeamMember& m) const {
  return !m.has_end_time() || m.end_time().seconds() == 0;
}

void CaseTeamTab::render() {
  const int selected = table_->currentRow();
  table_->setRowCount(case_.team_size());
  for (int row = 0; row < case_.team_size(); ++row) {
    const v1::TeamMember& m = case_.team(row);
    const bool former = !isCurrent(m);
    const bool director = m.role() == v1::CASE_ROLE_CASE_DIRECTOR && !former;
    const QStringList cells = {director ? QStringLiteral("★") : QString(),
                               names_->professional(m.professional_id()),
                               names_->organisation(m.organisation_id()),
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
      if (col == 1 || col == 2) {
        const QString id =
            QString::fromStdString(col == 1 ? m.professional_id() : m.organisation_id());
        item->setData(Qt::UserRole, id);
        item->setToolTip(id);
      }
      if (former) item->setForeground(Qt::gray);
      table_->setItem(row, col, item);
    }
  }
  table_->resizeColumnsToContents();
  if (selected >= 0 && selected < table_->rowCount()) table_->selectRow(selected);
  updateButtons();
}

int CaseTeamTab::selectedMember() const {
  const int row = table_->currentRow();
  if (row < 0 || row >= case_.team_size() || table_->selectedItems().isEmpty()) return -1;
  return isCurrent(case_.team(row)) ? row : -1;
}

void CaseTeamTab::updateButtons() {
  const bool closed = have_case_ && case_.status() == v1::CASE_STATUS_CLOSED;
  add_->setEnabled(have_case_);
  remove_->setEnabled(selectedMember() >= 0);
  transfer_->setEnabled(have_case_);
  close_->setEnabled(have_case_ && !closed);
  reopen_->setEnabled(closed);
}

void CaseTeamTab::showMenu(const QPoint& pos) {
  if (!have_case_) return;
  if (QTableWidgetItem* item = table_->itemAt(pos)) table_->selectRow(item->row());
  QMenu menu(this);
  menu.addAction(tr("Teamlid toevoegen…"), this, &CaseTeamTab::addMember);
  QAction* remove = menu.addAction(tr("Teamlid verwijderen…"), this, &CaseTeamTab::removeMember);
  remove->setEnabled(selectedMember() >= 0);
  menu.addAction(tr("Regie overdragen aan…"), this, &CaseTeamTab::transferDirector);
  menu.exec(table_->viewport()->mapToGlobal(pos));
}

void CaseTeamTab::openDialog(CaseEditDialog* dialog, const QString& done_text) {
  connect(dialog, &FormDialog::callFinished, this, [this, done_text](bool ok) {
    if (!ok) return;
    status_->setText(done_text);
    emit caseChanged();
  });
  connect(dialog, &CaseEditDialog::reloadRequested, this, &CaseTeamTab::caseChanged);
  connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
  status_->clear();
  dialog->open();
}

void CaseTeamTab::addMember() {
  if (!have_case_) return;
  openDialog(new AddTeamMemberDialog(channel_, case_id_, this), tr("Het teamlid is toegevoegd."));
}

void CaseTeamTab::removeMember() {
  const int row = selectedMember();
  if (row < 0) return;
  const v1::TeamMember& m = case_.team(row);
  const TeamChoice who{QString::fromStdString(m.professional_id()),
                       QStringLiteral("%1 — %2").arg(names_->professional(m.professional_id()),
                                                     names_->organisation(m.organisation_id()))};
  openDialog(new RemoveTeamMemberDialog(channel_, case_id_, who, this),
             tr("Het teamlid is verwijderd."));
}

void CaseTeamTab::transferDirector() {
  if (!have_case_) return;
  std::vector<TeamChoice> candidates;
  for (const v1::TeamMember& m : case_.team()) {
    if (!isCurrent(m) || m.role() == v1::CASE_ROLE_CASE_DIRECTOR) continue;
    candidates.push_back(
        {QString::fromStdString(m.professional_id()),
         QStringLiteral("%1 — %2").arg(names_->professional(m.professional_id()),
                                       names_->organisation(m.organisation_id()))});
  }
  const int row = selectedMember();
  const QString preselect =
      row >= 0 ? QString::fromStdString(case_.team(row).professional_id()) : QString();
  openDialog(new TransferDirectorDialog(channel_, case_id_, candidates, preselect, this),
             tr("De regie is overgedragen."));
}

void CaseTeamTab::closeCase() {
  if (!have_case_) return;
  openDialog(new CloseCaseDialog(channel_, case_id_, this), tr("De casus is gesloten."));
}

void CaseTeamTab::reopenCase() {
  if (!have_case_) return;
  openDialog(new ReopenCaseDialog(channel_, case_id_, this), tr("De casus is heropend."));
}

}  // namespace schakel::desktop
