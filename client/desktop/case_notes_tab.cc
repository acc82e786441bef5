#include "client/desktop/case_notes_tab.h"

#include <set>
#include <string>

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStringList>
#include <QTableWidget>
#include <QVBoxLayout>

#include "client/desktop/case_common.h"
#include "client/desktop/error_text.h"
#include "client/desktop/rpc_runner.h"
#include "client/lib/connection.h"
#include "client/lib/errors.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/cases.grpc.pb.h"

namespace schakel::desktop {

namespace {

QLabel* ErrorLabel(const QString& name, QWidget* parent) {
  auto* l = new QLabel(parent);
  l->setObjectName(name);
  l->setStyleSheet(QStringLiteral("color: #c0392b;"));
  l->setWordWrap(true);
  l->hide();
  return l;
}

}  // namespace

CaseNotesTab::CaseNotesTab(client::ChannelsPtr channel, QString case_id, QWidget* parent)
    : QWidget(parent), channel_(std::move(channel)), case_id_(std::move(case_id)) {
  table_ = new QTableWidget(0, 3, this);
  table_->setObjectName(QStringLiteral("notesTable"));
  table_->setAccessibleName(tr("Gedeelde notities"));
  table_->setHorizontalHeaderLabels({tr("Notitie"), tr("Gevoeligheid"), tr("Gedeeld met")});
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->setWordWrap(true);
  table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  table_->verticalHeader()->setVisible(false);

  // Writing a note.
  auto* form_box = new QGroupBox(tr("Notitie toevoegen"), this);
  text_ = new QPlainTextEdit(form_box);
  text_->setObjectName(QStringLiteral("noteText"));
  text_->setAccessibleName(tr("Tekst van de notitie"));
  text_->setTabChangesFocus(true);
  text_->setMaximumHeight(100);
  sensitivity_ = new QComboBox(form_box);
  sensitivity_->setObjectName(QStringLiteral("noteSensitivity"));
  sensitivity_->setAccessibleName(tr("Gevoeligheid van de notitie"));
  for (v1::Sensitivity s :
       {v1::SENSITIVITY_GENERAL, v1::SENSITIVITY_CARE, v1::SENSITIVITY_JUSTICE}) {
    sensitivity_->addItem(SensitivityName(s), static_cast<int>(s));
  }
  text_error_ = ErrorLabel(QStringLiteral("noteTextError"), form_box);
  sensitivity_error_ = ErrorLabel(QStringLiteral("noteSensitivityError"), form_box);
  add_ = new QPushButton(tr("Notitie to&evoegen"), form_box);
  add_->setObjectName(QStringLiteral("addNote"));
  add_->setAccessibleName(tr("Notitie toevoegen aan de casus"));
  add_->setEnabled(false);
  connect(add_, &QPushButton::clicked, this, &CaseNotesTab::addNote);
  auto* form = new QFormLayout(form_box);
  auto* text_label = new QLabel(tr("Te&kst"), form_box);
  text_label->setBuddy(text_);
  auto* text_column = new QVBoxLayout;
  text_column->addWidget(text_);
  text_column->addWidget(text_error_);
  form->addRow(text_label, text_column);
  auto* sensitivity_label = new QLabel(tr("Gevoe&ligheid"), form_box);
  sensitivity_label->setBuddy(sensitivity_);
  auto* sensitivity_column = new QVBoxLayout;
  sensitivity_column->addWidget(sensitivity_);
  sensitivity_column->addWidget(sensitivity_error_);
  form->addRow(sensitivity_label, sensitivity_column);
  form->addRow(QString(), add_);

  // Sharing the selected note with one organisation on the team (the case director).
  share_org_ = new QComboBox(this);
  share_org_->setObjectName(QStringLiteral("shareOrganisation"));
  share_org_->setAccessibleName(tr("Organisatie om de notitie mee te delen"));
  share_ = new QPushButton(tr("&Delen met organisatie"), this);
  share_->setObjectName(QStringLiteral("shareNote"));
  share_->setAccessibleName(tr("Geselecteerde notitie delen met de gekozen organisatie"));
  share_->setEnabled(false);
  connect(share_, &QPushButton::clicked, this, &CaseNotesTab::shareNote);
  auto* share_row = new QHBoxLayout;
  auto* share_label = new QLabel(tr("Geselecteerde notitie delen met:"), this);
  share_label->setBuddy(share_org_);
  share_row->addWidget(share_label);
  share_row->addWidget(share_org_, 1);
  share_row->addWidget(share_);

  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("notesStatus"));
  status_->setWordWrap(true);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(table_, 1);
  layout->addLayout(share_row);
  layout->addWidget(form_box);
  layout->addWidget(status_);
  setTabOrder(table_, share_org_);
  setTabOrder(share_org_, share_);
  setTabOrder(share_, text_);
  setTabOrder(text_, sensitivity_);
  setTabOrder(sensitivity_, add_);
}

void CaseNotesTab::clear() {
  have_case_ = false;
  case_.Clear();
  table_->setRowCount(0);
  share_org_->clear();
  add_->setEnabled(false);
  share_->setEnabled(false);
}

void CaseNotesTab::showCase(const v1::Case& c) {
  case_ = c;
  have_case_ = true;
  const auto& notes = case_.details().notes();
  table_->setRowCount(notes.size());
  for (int row = 0; row < notes.size(); ++row) {
    const v1::Note& n = notes[row];
    QStringList shared;
    for (const std::string& org : n.shared_with_organisation_ids()) {
      shared << QString::fromStdString(org);
    }
    auto* text = new QTableWidgetItem(NoteText(n));
    text->setData(Qt::UserRole, QString::fromStdString(n.id()));
    if (n.hidden()) {
      QFont italic = text->font();
      italic.setItalic(true);
      text->setFont(italic);
      text->setForeground(Qt::darkGray);
    }
    table_->setItem(row, 0, text);
    table_->setItem(row, 1, new QTableWidgetItem(SensitivityName(n.sensitivity())));
    table_->setItem(row, 2, new QTableWidgetItem(shared.join(QStringLiteral(", "))));
  }
  table_->resizeRowsToContents();
  // The organisations on the team now, for sharing.
  std::set<std::string> orgs;
  for (const v1::TeamMember& m : case_.team()) {
    if (!m.has_end_time() || m.end_time().seconds() == 0) orgs.insert(m.organisation_id());
  }
  share_org_->clear();
  for (const std::string& org : orgs) share_org_->addItem(QString::fromStdString(org));
  const bool director = case_.my_role() == v1::CASE_ROLE_CASE_DIRECTOR;
  share_->setEnabled(director && !busy_);
  share_->setToolTip(director ? QString()
                              : tr("Alleen de casusregisseur deelt een notitie met een "
                                   "organisatie."));
  add_->setEnabled(!busy_);
}

void CaseNotesTab::addNote() {
  if (busy_ || !have_case_) return;
  v1::UpdateCaseRequest req;
  req.set_request_id(client::NewRequestId());
  req.set_case_id(case_id_.toStdString());
  req.set_etag(case_.etag());
  // The details as read (hidden texts are kept as stored by the service, whatever is sent), with
  // the new note at the end.
  *req.mutable_details() = case_.details();
  const int index = req.details().notes_size();
  v1::Note* note = req.mutable_details()->add_notes();
  note->set_text(text_->toPlainText().toStdString());
  note->set_sensitivity(static_cast<v1::Sensitivity>(sensitivity_->currentData().toInt()));
  busy_ = true;
  add_->setEnabled(false);
  status_->setText(tr("Notitie opslaan…"));
  RunOffUiThread(
      this,
      [channel = channel_, req]() {
        CallResult<v1::UpdateCaseResponse> out;
        out.status = client::StubOf<v1::CaseService>(*channel)->UpdateCase(NewCallContext().get(),
                                                                           req, &out.response);
        return out;
      },
      [this, index](CallResult<v1::UpdateCaseResponse> out) {
        busy_ = false;
        add_->setEnabled(have_case_);
        if (!out.status.ok()) {
          showFieldErrors(out.status, index);
          if (IsStaleEtag(out.status)) {
            status_->setText(
                tr("De casus is intussen gewijzigd; de gegevens worden opnieuw "
                   "geladen. Probeer het daarna opnieuw."));
            emit caseChanged();
          }
          return;
        }
        marks_.Clear();
        text_error_->hide();
        sensitivity_error_->hide();
        text_->clear();
        status_->setText(tr("De notitie is toegevoegd."));
        status_->setToolTip({});
        showCase(out.response.case_());
        emit caseChanged();
      });
}

void CaseNotesTab::showFieldErrors(const grpc::Status& status, int note_index) {
  const std::string at = "details.notes[" + std::to_string(note_index) + "]";
  marks_.Clear();
  marks_ = FieldMarks();
  marks_.Bind(at + ".text", text_);
  marks_.Bind(at + ".sensitivity", sensitivity_);
  const client::CallError error = client::DecodeCallError(status);
  const QStringList rest = marks_.Show(error);
  auto show = [](QWidget* field, QLabel* label) {
    const bool marked = FieldMarks::IsMarked(field);
    label->setText(marked ? field->toolTip() : QString());
    label->setVisible(marked);
  };
  show(text_, text_error_);
  show(sensitivity_, sensitivity_error_);
  if (error.field_errors.empty()) {
    status_->setText(CaseErrorText(status));
  } else if (!rest.isEmpty()) {
    status_->setText(tr("De notitie is niet opgeslagen:") + QStringLiteral("\n") +
                     rest.join(QStringLiteral("\n")));
  } else {
    status_->setText(tr("De notitie is niet opgeslagen; zie het gemarkeerde veld."));
  }
  status_->setToolTip(TechnicalDetail(status));
}

void CaseNotesTab::shareNote() {
  if (busy_ || !have_case_) return;
  const int row = table_->currentRow();
  if (row < 0 || table_->item(row, 0) == nullptr || share_org_->currentIndex() < 0) {
    status_->setText(tr("Kies eerst een notitie in de lijst en een organisatie."));
    return;
  }
  v1::ShareNoteRequest req;
  req.set_request_id(client::NewRequestId());
  req.set_case_id(case_id_.toStdString());
  req.set_note_id(table_->item(row, 0)->data(Qt::UserRole).toString().toStdString());
  req.set_organisation_id(share_org_->currentText().toStdString());
  busy_ = true;
  share_->setEnabled(false);
  status_->setText(tr("Notitie delen…"));
  RunOffUiThread(
      this,
      [channel = channel_, req]() {
        CallResult<v1::ShareNoteResponse> out;
        out.status = client::StubOf<v1::CaseService>(*channel)->ShareNote(NewCallContext().get(),
                                                                          req, &out.response);
        return out;
      },
      [this](CallResult<v1::ShareNoteResponse> out) {
        busy_ = false;
        share_->setEnabled(case_.my_role() == v1::CASE_ROLE_CASE_DIRECTOR);
        if (!out.status.ok()) {
          status_->setText(CaseErrorText(out.status));
          status_->setToolTip(TechnicalDetail(out.status));
          return;
        }
        status_->setText(tr("De notitie is gedeeld."));
        status_->setToolTip({});
        emit caseChanged();
      });
}

}  // namespace schakel::desktop
