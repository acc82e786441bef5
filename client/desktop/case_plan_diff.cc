#include "client/desktop/case_plan_diff.h"

#include <algorithm>
#include <map>
#include <string>

#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStringList>
#include <QTableWidget>
#include <QVBoxLayout>

#include "client/desktop/case_common.h"
#include "client/desktop/display.h"
#include "client/desktop/error_text.h"
#include "client/desktop/rpc_runner.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/safetyplan.grpc.pb.h"

namespace schakel::desktop {

namespace {

struct DiffOutcome {
  grpc::Status status;
  v1::PlanVersion to;  // the newer version's content, for the unchanged items and the order
  v1::PlanDiff diff;
};

DiffOutcome FetchDiff(const client::ChannelsPtr& channel, const std::string& case_id, int from,
                      int to) {
  DiffOutcome out;
  auto stub = client::StubOf<v1::SafetyPlanService>(*channel);
  v1::GetPlanDiffRequest diff_req;
  diff_req.set_case_id(case_id);
  diff_req.set_from_version(from);
  diff_req.set_to_version(to);
  v1::GetPlanDiffResponse diff_resp;
  out.status = stub->GetPlanDiff(NewCallContext().get(), diff_req, &diff_resp);
  if (!out.status.ok()) return out;
  out.diff = diff_resp.diff();
  v1::GetPlanRequest plan_req;
  plan_req.set_case_id(case_id);
  plan_req.set_version(to);
  v1::GetPlanResponse plan_resp;
  out.status = stub->GetPlan(NewCallContext().get(), plan_req, &plan_resp);
  if (out.status.ok()) out.to = plan_resp.version();
  return out;
}

struct Row {
  v1::ItemChange change = v1::ITEM_CHANGE_UNSPECIFIED;
  v1::PlanSection section = v1::PLAN_SECTION_UNSPECIFIED;
  QString content;
  QString detail;
};

QString Marker(v1::ItemChange change) {
  switch (change) {
    case v1::ITEM_CHANGE_ADDED:
      return QStringLiteral("+");
    case v1::ITEM_CHANGE_REMOVED:
      return QStringLiteral("−");
    case v1::ITEM_CHANGE_CHANGED:
      return QStringLiteral("~");
    default:
      return QString();
  }
}

QString ChangeName(v1::ItemChange change) {
  switch (change) {
    case v1::ITEM_CHANGE_ADDED:
      return QCoreApplication::translate("CaseText", "toegevoegd");
    case v1::ITEM_CHANGE_REMOVED:
      return QCoreApplication::translate("CaseText", "verwijderd");
    case v1::ITEM_CHANGE_CHANGED:
      return QCoreApplication::translate("CaseText", "gewijzigd");
    default:
      return QCoreApplication::translate("CaseText", "ongewijzigd");
  }
}

QColor Background(v1::ItemChange change) {
  switch (change) {
    case v1::ITEM_CHANGE_ADDED:
      return QColor(0xd4, 0xf4, 0xd4);
    case v1::ITEM_CHANGE_REMOVED:
      return QColor(0xf8, 0xd0, 0xd0);
    case v1::ITEM_CHANGE_CHANGED:
      return QColor(0xff, 0xec, 0xb3);
    default:
      return QColor();
  }
}

// Every row of the comparison: the newer version's items in order (each marked when the diff
// names it), then per section the items it removed.
std::vector<Row> RowsOf(const DiffOutcome& out) {
  std::map<std::string, const v1::ItemDiff*> by_id;
  for (const v1::SectionDiff& s : out.diff.sections()) {
    for (const v1::ItemDiff& d : s.items()) by_id[d.item_id()] = &d;
  }
  std::vector<Row> rows;
  auto removed_of = [&](v1::PlanSection section) {
    for (const v1::SectionDiff& s : out.diff.sections()) {
      if (s.section() != section) continue;
      for (const v1::ItemDiff& d : s.items()) {
        if (d.change() != v1::ITEM_CHANGE_REMOVED) continue;
        rows.push_back({v1::ITEM_CHANGE_REMOVED, section, PlanItemText(d.item()), QString()});
      }
    }
  };
  std::map<int, bool> shown;
  for (const v1::PlanSectionItems& s : out.to.content().sections()) {
    shown[s.section()] = true;
    for (const v1::PlanItem& item : s.items()) {
      Row row{v1::ITEM_CHANGE_UNSPECIFIED, s.section(), PlanItemText(item), QString()};
      if (auto it = by_id.find(item.id()); it != by_id.end()) {
        const v1::ItemDiff& d = *it->second;
        row.change = d.change();
        if (d.change() == v1::ITEM_CHANGE_CHANGED) {
          QStringList fields;
          for (const std::string& f : d.changed_fields()) fields << QString::fromStdString(f);
          row.detail = QCoreApplication::translate("CaseText", "was: %1 (gewijzigd: %2)")
                           .arg(PlanItemText(d.before()), fields.join(QStringLiteral(", ")));
        }
      }
      rows.push_back(row);
    }
    removed_of(s.section());
  }
  // Sections the newer version no longer has.
  for (const v1::SectionDiff& s : out.diff.sections()) {
    if (!shown[s.section()]) {
      shown[s.section()] = true;
      removed_of(s.section());
    }
  }
  return rows;
}

}  // namespace

CasePlanDiff::CasePlanDiff(client::ChannelsPtr channel, QString case_id, QWidget* parent)
    : QWidget(parent), channel_(std::move(channel)), case_id_(std::move(case_id)) {
  from_ = new QComboBox(this);
  from_->setObjectName(QStringLiteral("diffFrom"));
  from_->setAccessibleName(tr("Oudere versie"));
  to_ = new QComboBox(this);
  to_->setObjectName(QStringLiteral("diffTo"));
  to_->setAccessibleName(tr("Nieuwere versie"));
  compare_ = new QPushButton(tr("Verge&lijken"), this);
  compare_->setObjectName(QStringLiteral("compareVersions"));
  compare_->setAccessibleName(tr("De twee gekozen versies vergelijken"));
  compare_->setEnabled(false);
  connect(compare_, &QPushButton::clicked, this, &CasePlanDiff::compare);

  table_ = new QTableWidget(0, 4, this);
  table_->setObjectName(QStringLiteral("diffTable"));
  table_->setAccessibleName(tr("Verschillen tussen de versies"));
  table_->setHorizontalHeaderLabels({tr("±"), tr("Onderdeel"), tr("Inhoud"), tr("Wijziging")});
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setWordWrap(true);
  table_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
  table_->verticalHeader()->setVisible(false);

  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("diffStatus"));
  status_->setWordWrap(true);
  auto* legend =
      new QLabel(tr("+ toegevoegd (groen), − verwijderd (rood), ~ gewijzigd (geel); zonder teken: "
                    "ongewijzigd."),
                 this);

  auto* from_label = new QLabel(tr("V&an versie"), this);
  from_label->setBuddy(from_);
  auto* to_label = new QLabel(tr("Vergelijken &met versie"), this);
  to_label->setBuddy(to_);
  auto* row = new QHBoxLayout;
  row->addWidget(from_label);
  row->addWidget(from_);
  row->addWidget(to_label);
  row->addWidget(to_);
  row->addWidget(compare_);
  row->addStretch();
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(row);
  layout->addWidget(legend);
  layout->addWidget(table_, 1);
  layout->addWidget(status_);
  setTabOrder(from_, to_);
  setTabOrder(to_, compare_);
  setTabOrder(compare_, table_);
}

void CasePlanDiff::setVersions(const std::vector<v1::PlanVersionSummary>& versions) {
  const int old_from = from_->currentData().toInt();
  const int old_to = to_->currentData().toInt();
  from_->clear();
  to_->clear();
  for (const v1::PlanVersionSummary& v : versions) {
    const QString label =
        tr("Versie %1 (%2)").arg(v.version()).arg(PlanVersionStateName(v.state()));
    from_->addItem(label, v.version());
    to_->addItem(label, v.version());
  }
  int newest = 0;
  for (const v1::PlanVersionSummary& v : versions) newest = std::max(newest, v.version());
  int from = from_->findData(old_from);
  int to = to_->findData(old_to);
  if (from < 0 || to < 0) {
    to = to_->findData(newest);
    int before = 0;
    for (const v1::PlanVersionSummary& v : versions) {
      if (v.version() < newest) before = std::max(before, v.version());
    }
    from = from_->findData(before);
  }
  from_->setCurrentIndex(from);
  to_->setCurrentIndex(to);
  compare_->setEnabled(versions.size() >= 2 && !busy_);
}

void CasePlanDiff::compare() {
  if (busy_ || from_->currentIndex() < 0 || to_->currentIndex() < 0) return;
  const int from = from_->currentData().toInt();
  const int to = to_->currentData().toInt();
  if (from == to) {
    status_->setText(tr("Kies twee verschillende versies."));
    return;
  }
  busy_ = true;
  compare_->setEnabled(false);
  status_->setText(tr("Versies vergelijken…"));
  RunOffUiThread(
      this,
      [channel = channel_, id = case_id_.toStdString(), from, to]() {
        return FetchDiff(channel, id, from, to);
      },
      [this](DiffOutcome out) {
        busy_ = false;
        compare_->setEnabled(from_->count() >= 2);
        if (!out.status.ok()) {
          table_->setRowCount(0);
          status_->setText(CaseErrorText(out.status));
          status_->setToolTip(TechnicalDetail(out.status));
          emit compared(false);
          return;
        }
        const std::vector<Row> rows = RowsOf(out);
        table_->setRowCount(static_cast<int>(rows.size()));
        int changes = 0;
        for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
          const Row& row = rows[r];
          if (row.change != v1::ITEM_CHANGE_UNSPECIFIED) ++changes;
          const QStringList cells = {Marker(row.change), PlanSectionName(row.section), row.content,
                                     row.detail};
          for (int col = 0; col < cells.size(); ++col) {
            auto* item = new QTableWidgetItem(cells[col]);
            item->setToolTip(ChangeName(row.change));
            if (row.change != v1::ITEM_CHANGE_UNSPECIFIED) {
              item->setBackground(Background(row.change));
              item->setForeground(Qt::black);
            }
            if (col == 0) {
              item->setTextAlignment(Qt::AlignCenter);
              item->setData(Qt::UserRole, static_cast<int>(row.change));
              item->setData(Qt::AccessibleTextRole, ChangeName(row.change));
            }
            if (row.change == v1::ITEM_CHANGE_REMOVED && col == 2) {
              QFont strike = item->font();
              strike.setStrikeOut(true);
              item->setFont(strike);
            }
            table_->setItem(r, col, item);
          }
        }
        table_->resizeColumnToContents(0);
        table_->resizeColumnToContents(1);
        table_->resizeRowsToContents();
        QString summary = tr("Versie %1 → %2: %3 wijziging(en).")
                              .arg(out.diff.from_version())
                              .arg(out.diff.to_version())
                              .arg(changes);
        if (out.diff.evaluation_date_changed()) {
          summary +=
              QStringLiteral(" ") +
              tr("Evaluatiedatum gewijzigd naar %1.").arg(FormatDate(out.diff.evaluation_date()));
        }
        status_->setText(summary);
        status_->setToolTip({});
        emit compared(true);
      });
}

}  // namespace schakel::desktop
