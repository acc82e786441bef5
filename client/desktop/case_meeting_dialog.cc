#include "client/desktop/case_meeting_dialog.h"

#include <algorithm>
#include <string>
#include <utility>

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTimeZone>
#include <QVBoxLayout>

#include "client/desktop/case_common.h"
#include "client/desktop/display.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/cases.grpc.pb.h"

namespace schakel::desktop {

namespace {

// The lowest date of an optional date edit: it reads "geen datum".
const QDate kMeetingNoDate(2000, 1, 1);

bool MeetingContains(const grpc::Status& status, const char* part) {
  return status.error_message().find(part) != std::string::npos;
}

// One decision of the meeting, with the action it may create.
class MeetingDecisionRow : public QWidget {
 public:
  QPlainTextEdit* text = nullptr;
  QComboBox* sensitivity = nullptr;
  QCheckBox* has_action = nullptr;
  QLineEdit* description = nullptr;
  QComboBox* owner = nullptr;
  QDateEdit* due = nullptr;
  QComboBox* action_sensitivity = nullptr;

  MeetingDecisionRow(QWidget* parent, const std::vector<std::string>& organisations)
      : QWidget(parent) {
    text = new QPlainTextEdit(this);
    text->setObjectName(QStringLiteral("decisionText"));
    text->setAccessibleName(QCoreApplication::translate("RecordMeetingDialog", "Besluit"));
    text->setTabChangesFocus(true);
    text->setFixedHeight(54);
    // Meetings take no writer's default: each text names its sensitivity.
    sensitivity = NewSensitivityCombo(
        this, QStringLiteral("decisionSensitivity"),
        QCoreApplication::translate("RecordMeetingDialog", "Gevoeligheid van het besluit"),
        v1::SENSITIVITY_UNSPECIFIED, false);
    has_action = new QCheckBox(
        QCoreApplication::translate("RecordMeetingDialog", "Dit besluit maakt een &actie"), this);
    has_action->setObjectName(QStringLiteral("decisionHasAction"));
    has_action->setAccessibleName(
        QCoreApplication::translate("RecordMeetingDialog", "Dit besluit maakt een actie"));
    description = new QLineEdit(this);
    description->setObjectName(QStringLiteral("actionDescription"));
    description->setAccessibleName(
        QCoreApplication::translate("RecordMeetingDialog", "Omschrijving van de actie"));
    description->setPlaceholderText(
        QCoreApplication::translate("RecordMeetingDialog", "Wat moet er gebeuren?"));
    owner = new QComboBox(this);
    owner->setObjectName(QStringLiteral("actionOwner"));
    owner->setAccessibleName(
        QCoreApplication::translate("RecordMeetingDialog", "Eigenaar van de actie (organisatie)"));
    for (const std::string& org : organisations) {
      owner->addItem(QString::fromStdString(org), QString::fromStdString(org));
    }
    due = NewCaseDateEdit(
        this, QStringLiteral("actionDue"),
        QCoreApplication::translate("RecordMeetingDialog", "Actie uiterlijk klaar op"),
        CaseToday().addDays(14));
    action_sensitivity = NewSensitivityCombo(
        this, QStringLiteral("actionSensitivity"),
        QCoreApplication::translate("RecordMeetingDialog", "Gevoeligheid van de actie"),
        v1::SENSITIVITY_UNSPECIFIED, false);
    // The action follows the decision's sensitivity until it is chosen apart.
    connect(sensitivity, &QComboBox::currentIndexChanged, this, [this](int index) {
      if (SensitivityOfCombo(action_sensitivity) == v1::SENSITIVITY_UNSPECIFIED ||
          action_sensitivity->property("followsDecision").toBool()) {
        action_sensitivity->setCurrentIndex(index);
        action_sensitivity->setProperty("followsDecision", true);
      }
    });
    connect(action_sensitivity, &QComboBox::activated, this,
            [this] { action_sensitivity->setProperty("followsDecision", false); });
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(QCoreApplication::translate("RecordMeetingDialog", "Besluit:"), text);
    form->addRow(QCoreApplication::translate("RecordMeetingDialog", "Gevoeligheid:"), sensitivity);
    form->addRow(has_action);
    form->addRow(QCoreApplication::translate("RecordMeetingDialog", "Actie:"), description);
    form->addRow(QCoreApplication::translate("RecordMeetingDialog", "Eigenaar:"), owner);
    form->addRow(QCoreApplication::translate("RecordMeetingDialog", "Uiterlijk:"), due);
    form->addRow(QCoreApplication::translate("RecordMeetingDialog", "Gevoeligheid actie:"),
                 action_sensitivity);
    auto enable = [this](bool on) {
      for (QWidget* w : {static_cast<QWidget*>(description), static_cast<QWidget*>(owner),
                         static_cast<QWidget*>(due), static_cast<QWidget*>(action_sensitivity)}) {
        w->setEnabled(on);
      }
    };
    connect(has_action, &QCheckBox::toggled, this, enable);
    enable(false);
    setTabOrder(text, sensitivity);
    setTabOrder(sensitivity, has_action);
    setTabOrder(has_action, description);
    setTabOrder(description, owner);
    setTabOrder(owner, due);
    setTabOrder(due, action_sensitivity);
  }
};

}  // namespace

QDate CaseToday() {
  static const QTimeZone kAmsterdam("Europe/Amsterdam");
  return QDateTime::currentDateTime().toTimeZone(kAmsterdam).date();
}

v1::Date ToProtoDate(const QDate& date) {
  v1::Date d;
  if (!date.isValid()) return d;
  d.set_year(date.year());
  d.set_month(date.month());
  d.set_day(date.day());
  return d;
}

QDate FromProtoDate(const v1::Date& date) {
  if (date.year() == 0) return {};
  return QDate(date.year(), date.month(), date.day());
}

QDateEdit* NewCaseDateEdit(QWidget* parent, const QString& object_name, const QString& accessible,
                           const QDate& date, bool optional) {
  auto* edit = new QDateEdit(parent);
  edit->setObjectName(object_name);
  edit->setAccessibleName(accessible);
  edit->setDisplayFormat(QStringLiteral("dd-MM-yyyy"));
  edit->setCalendarPopup(true);
  if (optional) {
    edit->setMinimumDate(kMeetingNoDate);
    edit->setSpecialValueText(QCoreApplication::translate("CaseText", "geen datum"));
    edit->setProperty("optionalDate", true);
  }
  edit->setDate(date.isValid() ? date : (optional ? kMeetingNoDate : CaseToday()));
  return edit;
}

bool HasDate(const QDateEdit* edit) {
  return !(edit->property("optionalDate").toBool() && edit->date() == edit->minimumDate());
}

v1::Date DateOfEdit(const QDateEdit* edit) {
  return HasDate(edit) ? ToProtoDate(edit->date()) : v1::Date();
}

QComboBox* NewSensitivityCombo(QWidget* parent, const QString& object_name,
                               const QString& accessible, v1::Sensitivity current,
                               bool writer_default) {
  auto* combo = new QComboBox(parent);
  combo->setObjectName(object_name);
  combo->setAccessibleName(accessible);
  combo->addItem(writer_default
                     ? QCoreApplication::translate("CaseText", "Standaard van mijn organisatie")
                     : QCoreApplication::translate("CaseText", "Kies de gevoeligheid"),
                 static_cast<int>(v1::SENSITIVITY_UNSPECIFIED));
  for (v1::Sensitivity s :
       {v1::SENSITIVITY_GENERAL, v1::SENSITIVITY_CARE, v1::SENSITIVITY_JUSTICE}) {
    combo->addItem(SensitivityName(s), static_cast<int>(s));
  }
  combo->setCurrentIndex(std::max(0, combo->findData(static_cast<int>(current))));
  return combo;
}

v1::Sensitivity SensitivityOfCombo(const QComboBox* combo) {
  return static_cast<v1::Sensitivity>(combo->currentData().toInt());
}

EditableRowList::EditableRowList(const QString& add_text, const QString& row_name, Factory factory,
                                 QWidget* parent)
    : QWidget(parent), row_name_(row_name), factory_(std::move(factory)) {
  rows_layout_ = new QVBoxLayout;
  rows_layout_->setContentsMargins(0, 0, 0, 0);
  add_ = new QPushButton(add_text, this);
  add_->setObjectName(QStringLiteral("addRow"));
  add_->setAccessibleName(QString(add_text).remove(QLatin1Char('&')));
  connect(add_, &QPushButton::clicked, this, [this] {
    QWidget* content = addRow();
    content->setFocus();
  });
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(rows_layout_);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(add_);
  buttons->addStretch();
  layout->addLayout(buttons);
}

QWidget* EditableRowList::addRow(const Factory& make) {
  auto* frame = new QFrame(this);
  frame->setObjectName(QStringLiteral("editableRow"));
  frame->setFrameShape(QFrame::StyledPanel);
  QWidget* content = make(frame);
  auto* remove = new QPushButton(tr("Verwijderen"), frame);
  remove->setObjectName(QStringLiteral("removeRow"));
  remove->setAccessibleName(tr("%1 verwijderen").arg(row_name_));
  auto* layout = new QHBoxLayout(frame);
  layout->addWidget(content, 1);
  layout->addWidget(remove, 0, Qt::AlignTop);
  rows_layout_->addWidget(frame);
  rows_.push_back(Row{frame, content});
  connect(remove, &QPushButton::clicked, this, [this, frame] {
    for (int i = 0; i < count(); ++i) {
      if (rows_[i].frame == frame) {
        removeRow(i);
        return;
      }
    }
  });
  emit rowsChanged();
  return content;
}

void EditableRowList::removeRow(int index) {
  if (index < 0 || index >= count()) return;
  QWidget* frame = rows_[index].frame;
  rows_.erase(rows_.begin() + index);
  frame->hide();
  frame->deleteLater();
  add_->setFocus();
  emit rowsChanged();
}

RecordMeetingDialog::RecordMeetingDialog(client::ChannelsPtr channel, const v1::Case& c,
                                         QWidget* parent)
    : FormDialog(std::move(channel), tr("Overleg vastleggen"), tr("Overleg &vastleggen"), parent),
      case_id_(c.id()) {
  setObjectName(QStringLiteral("recordMeetingDialog"));
  resize(640, 720);

  date_ = NewCaseDateEdit(this, QStringLiteral("meetingDate"), tr("Datum van het overleg"),
                          CaseToday());
  chair_ = new QLineEdit(this);
  chair_->setObjectName(QStringLiteral("meetingChair"));
  chair_->setAccessibleName(tr("Onafhankelijk voorzitter"));
  family_ = new QCheckBox(tr("Het &gezin nam deel"), this);
  family_->setObjectName(QStringLiteral("meetingFamily"));
  family_->setAccessibleName(tr("Het gezin nam deel"));
  family_->setEnabled(!c.details().honour_related_violence());
  if (c.details().honour_related_violence()) {
    family_->setToolTip(tr("Eergerelateerd geweld: het gezin wordt niet betrokken."));
  }

  attendees_ = new QListWidget(this);
  attendees_->setObjectName(QStringLiteral("meetingAttendees"));
  attendees_->setAccessibleName(tr("Aanwezigen uit het casusteam"));
  attendees_->setMaximumHeight(110);
  for (const v1::TeamMember& m : c.team()) {
    if (m.has_end_time()) continue;
    auto* item = new QListWidgetItem(
        tr("%1 — %2 (%3)")
            .arg(QString::fromStdString(m.professional_id()),
                 QString::fromStdString(m.organisation_id()), CaseRoleName(m.role())),
        attendees_);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Unchecked);
    item->setData(Qt::UserRole, QString::fromStdString(m.professional_id()));
    item->setData(Qt::UserRole + 1, QString::fromStdString(m.organisation_id()));
    if (std::find(organisations_.begin(), organisations_.end(), m.organisation_id()) ==
        organisations_.end()) {
      organisations_.push_back(m.organisation_id());
    }
  }

  minutes_ = new QPlainTextEdit(this);
  minutes_->setObjectName(QStringLiteral("meetingMinutes"));
  minutes_->setAccessibleName(tr("Verslag"));
  minutes_->setTabChangesFocus(true);
  minutes_->setFixedHeight(70);
  minutes_sensitivity_ =
      NewSensitivityCombo(this, QStringLiteral("meetingMinutesSensitivity"),
                          tr("Gevoeligheid van het verslag"), v1::SENSITIVITY_UNSPECIFIED, false);

  decisions_ =
      new EditableRowList(tr("&Besluit toevoegen"), tr("Besluit"),
                          [this](QWidget* row_parent) { return newDecisionRow(row_parent); });
  decisions_->setObjectName(QStringLiteral("meetingDecisions"));
  decisions_->setAccessibleName(tr("Besluiten en acties"));
  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setWidget(decisions_);
  scroll->setMinimumHeight(240);

  auto* date_label = new QLabel(tr("&Datum:"), this);
  date_label->setBuddy(date_);
  form()->addRow(date_label, date_);
  auto* chair_label = new QLabel(tr("&Voorzitter:"), this);
  chair_label->setBuddy(chair_);
  form()->addRow(chair_label, chair_);
  form()->addRow(family_);
  auto* attendees_label = new QLabel(tr("&Aanwezigen:"), this);
  attendees_label->setBuddy(attendees_);
  form()->addRow(attendees_label, attendees_);
  auto* minutes_label = new QLabel(tr("Vers&lag:"), this);
  minutes_label->setBuddy(minutes_);
  form()->addRow(minutes_label, minutes_);
  form()->addRow(tr("Gevoeligheid verslag:"), minutes_sensitivity_);
  form()->addRow(new QLabel(tr("Besluiten en acties:"), this));
  form()->addRow(scroll);

  setTabOrder(date_, chair_);
  setTabOrder(chair_, family_);
  setTabOrder(family_, attendees_);
  setTabOrder(attendees_, minutes_);
  setTabOrder(minutes_, minutes_sensitivity_);
  setTabOrder(minutes_sensitivity_, decisions_->addButton());
}

QWidget* RecordMeetingDialog::newDecisionRow(QWidget* parent) {
  return new MeetingDecisionRow(parent, organisations_);
}

FormDialog::Call RecordMeetingDialog::prepareCall() {
  // The fields are bound afresh: rows may have been added or removed since the last attempt.
  marks().Clear();
  marks() = FieldMarks();
  marks().Bind("meeting.date", date_);
  marks().Bind("meeting.chair", chair_);
  marks().Bind("meeting.family_took_part", family_);
  marks().Bind("meeting.attendees", attendees_);
  marks().Bind("meeting.minutes", minutes_);
  marks().Bind("meeting.minutes.sensitivity", minutes_sensitivity_);

  v1::RecordMeetingRequest req;
  req.set_request_id(requestId());
  req.set_case_id(case_id_);
  v1::Meeting* m = req.mutable_meeting();
  *m->mutable_date() = ToProtoDate(date_->date());
  m->set_chair(chair_->text().trimmed().toStdString());
  m->set_family_took_part(family_->isEnabled() && family_->isChecked());
  for (int i = 0; i < attendees_->count(); ++i) {
    const QListWidgetItem* item = attendees_->item(i);
    if (item->checkState() != Qt::Checked) continue;
    v1::Attendee* a = m->add_attendees();
    a->set_professional_id(item->data(Qt::UserRole).toString().toStdString());
    a->set_organisation_id(item->data(Qt::UserRole + 1).toString().toStdString());
  }
  if (!minutes_->toPlainText().trimmed().isEmpty()) {
    m->mutable_minutes()->set_text(minutes_->toPlainText().trimmed().toStdString());
    m->mutable_minutes()->set_sensitivity(SensitivityOfCombo(minutes_sensitivity_));
  }
  for (int i = 0; i < decisions_->count(); ++i) {
    auto* row = dynamic_cast<MeetingDecisionRow*>(decisions_->row(i));
    if (row == nullptr) continue;
    const std::string at = "meeting.decisions[" + std::to_string(m->decisions_size()) + "]";
    v1::Decision* d = m->add_decisions();
    d->mutable_text()->set_text(row->text->toPlainText().trimmed().toStdString());
    d->mutable_text()->set_sensitivity(SensitivityOfCombo(row->sensitivity));
    marks().Bind(at, row->text);
    marks().Bind(at + ".text.sensitivity", row->sensitivity);
    if (!row->has_action->isChecked()) continue;
    v1::ActionSpec* a = d->mutable_action();
    a->set_description(row->description->text().trimmed().toStdString());
    a->set_owner_organisation_id(row->owner->currentData().toString().toStdString());
    *a->mutable_due_date() = ToProtoDate(row->due->date());
    a->set_sensitivity(SensitivityOfCombo(row->action_sensitivity));
    marks().Bind(at + ".action", row->description);
    marks().Bind(at + ".action.owner_organisation_id", row->owner);
    marks().Bind(at + ".action.due_date", row->due);
    marks().Bind(at + ".action.sensitivity", row->action_sensitivity);
  }
  return [channel = channel(), req](grpc::ClientContext* ctx) {
    v1::RecordMeetingResponse resp;
    return client::StubOf<v1::CaseService>(*channel)->RecordMeeting(ctx, req, &resp);
  };
}

QString RecordMeetingDialog::refusalText(const grpc::Status& status) const {
  return MeetingRefusalText(status);
}

QString MeetingRefusalText(const grpc::Status& status) {
  switch (status.error_code()) {
    case grpc::StatusCode::PERMISSION_DENIED:
      if (MeetingContains(status, "only the case director and the core team")) {
        return QCoreApplication::translate(
            "CaseText", "Alleen de casusregisseur en het kernteam kunnen een overleg vastleggen.");
      }
      if (MeetingContains(status, "oversight is read only")) {
        return QCoreApplication::translate(
            "CaseText", "U kijkt mee als toezichthouder en kunt deze casus niet wijzigen.");
      }
      return CaseErrorText(status);
    case grpc::StatusCode::FAILED_PRECONDITION:
      if (MeetingContains(status, "case is closed")) {
        return QCoreApplication::translate("CaseText", "De casus is gesloten; heropen hem eerst.");
      }
      return CaseErrorText(status);
    default:
      return CaseErrorText(status);
  }
}

}  // namespace schakel::desktop
