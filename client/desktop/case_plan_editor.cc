// "Concept bewerken": PlanDraftDialog (case_plan_dialogs.h), the draft's content edited per
// section.
#include "client/desktop/case_plan_dialogs.h"

#include <algorithm>
#include <string>
#include <utility>

#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTimeZone>

#include "client/desktop/case_common.h"
#include "client/desktop/case_meeting_dialog.h"
#include "client/desktop/display.h"
#include "client/desktop/error_text.h"
#include "client/desktop/rpc_runner.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/cases.grpc.pb.h"
#include "schakel/v1/safetyplan.grpc.pb.h"

namespace schakel::desktop {

namespace {

enum class PlanFieldKind { kLine, kText, kDate, kOptionalDate, kOwner, kStatus };

struct PlanFieldSpec {
  const char* field;  // the field of the item's body (of PlanItem itself for text)
  const char* label;
  PlanFieldKind kind;
};

// The fields a row edits, per kind of content (the labels translated in "PlanDraftDialog").
std::vector<PlanFieldSpec> PlanFieldsOf(v1::PlanItem::BodyCase body) {
  using K = PlanFieldKind;
  switch (body) {
    case v1::PlanItem::kAgreement:
      return {{"what", QT_TRANSLATE_NOOP("PlanDraftDialog", "Afspraak:"), K::kText},
              {"owner", QT_TRANSLATE_NOOP("PlanDraftDialog", "Eigenaar:"), K::kOwner},
              {"due", QT_TRANSLATE_NOOP("PlanDraftDialog", "Uiterlijk:"), K::kDate},
              {"checked_by", QT_TRANSLATE_NOOP("PlanDraftDialog", "Wie controleert:"), K::kLine},
              {"status", QT_TRANSLATE_NOOP("PlanDraftDialog", "Status:"), K::kStatus}};
    case v1::PlanItem::kWarningSignal:
      return {{"signal", QT_TRANSLATE_NOOP("PlanDraftDialog", "Signaal:"), K::kText},
              {"action", QT_TRANSLATE_NOOP("PlanDraftDialog", "Wat ieder dan doet:"), K::kText},
              {"call", QT_TRANSLATE_NOOP("PlanDraftDialog", "Wie bellen:"), K::kLine}};
    case v1::PlanItem::kNetworkMember:
      return {{"name", QT_TRANSLATE_NOOP("PlanDraftDialog", "Naam:"), K::kLine},
              {"part", QT_TRANSLATE_NOOP("PlanDraftDialog", "Rol in het netwerk:"), K::kText},
              {"contact", QT_TRANSLATE_NOOP("PlanDraftDialog", "Bereikbaar via:"), K::kLine}};
    case v1::PlanItem::kChildVoice:
      return {
          {"said", QT_TRANSLATE_NOOP("PlanDraftDialog", "Wat het kind zei:"), K::kText},
          {"said_to", QT_TRANSLATE_NOOP("PlanDraftDialog", "Tegen wie:"), K::kLine},
          {"said_on", QT_TRANSLATE_NOOP("PlanDraftDialog", "Wanneer:"), K::kOptionalDate},
          {"child_version",
           QT_TRANSLATE_NOOP("PlanDraftDialog", "Het plan in woorden van het kind:"), K::kText}};
    default:
      return {{"text", QT_TRANSLATE_NOOP("PlanDraftDialog", "Tekst:"), K::kText}};
  }
}

// The kind of content of `section`'s items (as the service's rules say).
v1::PlanItem::BodyCase PlanBodyOf(v1::PlanSection section) {
  switch (section) {
    case v1::PLAN_SECTION_AGREEMENTS:
      return v1::PlanItem::kAgreement;
    case v1::PLAN_SECTION_WARNING_SIGNALS:
      return v1::PlanItem::kWarningSignal;
    case v1::PLAN_SECTION_SAFETY_NETWORK:
      return v1::PlanItem::kNetworkMember;
    case v1::PLAN_SECTION_CHILD_VOICE:
      return v1::PlanItem::kChildVoice;
    default:
      return v1::PlanItem::kText;
  }
}

// The body's message of `item` (the item itself for text), made when missing.
google::protobuf::Message* PlanMutableBody(v1::PlanItem& item, v1::PlanItem::BodyCase body) {
  switch (body) {
    case v1::PlanItem::kAgreement:
      return item.mutable_agreement();
    case v1::PlanItem::kWarningSignal:
      return item.mutable_warning_signal();
    case v1::PlanItem::kNetworkMember:
      return item.mutable_network_member();
    case v1::PlanItem::kChildVoice:
      return item.mutable_child_voice();
    default:
      return &item;
  }
}

// One item of a section: its content's fields and its sensitivity; a hidden item only shows the
// marker and is sent back as read.
class PlanItemRow : public QWidget {
 public:
  PlanItemRow(QWidget* parent, v1::PlanItem item, v1::PlanItem::BodyCase body,
              const std::vector<v1::TeamMember>& team)
      : QWidget(parent), item_(std::move(item)), body_(body) {
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    if (item_.hidden()) {
      auto* label = new QLabel(HiddenText(item_.hidden_reason()), this);
      label->setObjectName(QStringLiteral("hiddenItem"));
      form->addRow(label);
      return;
    }
    v1::PlanItem copy = item_;
    const google::protobuf::Message* msg = PlanMutableBody(copy, body_);
    const auto* refl = msg->GetReflection();
    for (const PlanFieldSpec& spec : PlanFieldsOf(body_)) {
      const auto* fd = msg->GetDescriptor()->FindFieldByName(spec.field);
      QWidget* w = nullptr;
      switch (spec.kind) {
        case PlanFieldKind::kLine: {
          auto* e = new QLineEdit(QString::fromStdString(refl->GetString(*msg, fd)), this);
          w = e;
          break;
        }
        case PlanFieldKind::kText: {
          auto* e = new QPlainTextEdit(QString::fromStdString(refl->GetString(*msg, fd)), this);
          e->setTabChangesFocus(true);
          e->setFixedHeight(54);
          w = e;
          break;
        }
        case PlanFieldKind::kDate:
        case PlanFieldKind::kOptionalDate: {
          const bool optional = spec.kind == PlanFieldKind::kOptionalDate;
          QDate date = refl->HasField(*msg, fd)
                           ? FromProtoDate(static_cast<const v1::Date&>(refl->GetMessage(*msg, fd)))
                           : QDate();
          if (!date.isValid() && !optional) date = CaseToday().addDays(14);
          w = NewCaseDateEdit(this, {}, {}, date, optional);
          break;
        }
        case PlanFieldKind::kOwner: {
          auto* c = new QComboBox(this);
          c->addItem(
              QCoreApplication::translate("PlanDraftDialog", "Kies een eigenaar uit het team"),
              QStringList{QString(), QString()});
          const v1::Agreement& a = item_.agreement();
          bool found = a.owner_professional_id().empty();
          for (const v1::TeamMember& m : team) {
            const QStringList owner{QString::fromStdString(m.professional_id()),
                                    QString::fromStdString(m.organisation_id())};
            c->addItem(QStringLiteral("%1 — %2").arg(owner[0], owner[1]), owner);
            found = found || (m.professional_id() == a.owner_professional_id() &&
                              m.organisation_id() == a.owner_organisation_id());
          }
          if (!found) {
            const QStringList owner{QString::fromStdString(a.owner_professional_id()),
                                    QString::fromStdString(a.owner_organisation_id())};
            c->addItem(QStringLiteral("%1 — %2").arg(owner[0], owner[1]), owner);
          }
          c->setCurrentIndex(std::max(
              0, c->findData(QStringList{QString::fromStdString(a.owner_professional_id()),
                                         QString::fromStdString(a.owner_organisation_id())})));
          w = c;
          break;
        }
        case PlanFieldKind::kStatus: {
          auto* c = new QComboBox(this);
          for (v1::AgreementStatus st : {v1::AGREEMENT_STATUS_OPEN, v1::AGREEMENT_STATUS_DONE,
                                         v1::AGREEMENT_STATUS_NOT_KEPT}) {
            c->addItem(AgreementStatusName(st), static_cast<int>(st));
          }
          c->setCurrentIndex(
              std::max(0, c->findData(static_cast<int>(item_.agreement().status()))));
          w = c;
          break;
        }
      }
      w->setObjectName(QStringLiteral("field_%1").arg(QLatin1String(spec.field)));
      const QString label = QCoreApplication::translate("PlanDraftDialog", spec.label);
      w->setAccessibleName(QString(label).remove(QLatin1Char(':')));
      form->addRow(label, w);
      fields_.emplace_back(spec, w);
    }
    sensitivity_ = NewSensitivityCombo(
        this, QStringLiteral("itemSensitivity"),
        QCoreApplication::translate("PlanDraftDialog", "Gevoeligheid van dit onderdeel"),
        item_.sensitivity());
    form->addRow(QCoreApplication::translate("PlanDraftDialog", "Gevoeligheid:"), sensitivity_);
  }

  // The item as edited; its field paths bound in `marks` under `at`.
  v1::PlanItem Item(FieldMarks& marks, const std::string& at) const {
    if (item_.hidden()) {
      marks.Bind(at, findChild<QLabel*>(QStringLiteral("hiddenItem")));
      return item_;
    }
    v1::PlanItem out;
    out.set_id(item_.id());
    out.set_sensitivity(SensitivityOfCombo(sensitivity_));
    marks.Bind(at, fields_.front().second);
    marks.Bind(at + ".sensitivity", sensitivity_);
    google::protobuf::Message* msg = PlanMutableBody(out, body_);
    const auto* refl = msg->GetReflection();
    const std::string body_at =
        body_ == v1::PlanItem::kText
            ? at + "."
            : at + "." +
                  v1::PlanItem::descriptor()->FindFieldByNumber(static_cast<int>(body_))->name() +
                  ".";
    for (const auto& [spec, w] : fields_) {
      const auto* fd = msg->GetDescriptor()->FindFieldByName(spec.field);
      marks.Bind(body_at + spec.field, w);
      switch (spec.kind) {
        case PlanFieldKind::kLine:
          refl->SetString(msg, fd, static_cast<QLineEdit*>(w)->text().trimmed().toStdString());
          break;
        case PlanFieldKind::kText:
          refl->SetString(msg, fd,
                          static_cast<QPlainTextEdit*>(w)->toPlainText().trimmed().toStdString());
          break;
        case PlanFieldKind::kDate:
        case PlanFieldKind::kOptionalDate:
          if (HasDate(static_cast<QDateEdit*>(w))) {
            refl->MutableMessage(msg, fd)->CopyFrom(DateOfEdit(static_cast<QDateEdit*>(w)));
          }
          break;
        case PlanFieldKind::kOwner: {
          const QStringList owner = static_cast<QComboBox*>(w)->currentData().toStringList();
          out.mutable_agreement()->set_owner_professional_id(owner.value(0).toStdString());
          out.mutable_agreement()->set_owner_organisation_id(owner.value(1).toStdString());
          marks.Bind(body_at + "owner_professional_id", w);
          marks.Bind(body_at + "owner_organisation_id", w);
          break;
        }
        case PlanFieldKind::kStatus:
          out.mutable_agreement()->set_status(
              static_cast<v1::AgreementStatus>(static_cast<QComboBox*>(w)->currentData().toInt()));
          break;
      }
    }
    return out;
  }

 private:
  v1::PlanItem item_;
  v1::PlanItem::BodyCase body_;
  QComboBox* sensitivity_ = nullptr;
  std::vector<std::pair<PlanFieldSpec, QWidget*>> fields_;
};

}  // namespace

PlanDraftDialog::PlanDraftDialog(client::ChannelsPtr channel, QString case_id, int version,
                                 QWidget* parent)
    : PlanLoadingDialog(std::move(channel), std::move(case_id), version, true,
                        tr("Concept bewerken"), tr("Concept &opslaan"), parent) {
  setObjectName(QStringLiteral("planDraftDialog"));
  resize(760, 720);
  addExplanation(tr("Concept versie %1. Voeg per onderdeel regels toe, wijzig of verwijder ze; "
                    "onderdelen die voor uw organisatie verborgen zijn blijven zoals ze zijn.")
                     .arg(version),
                 QStringLiteral("draftText"));
  sections_ = new QTabWidget(this);
  sections_->setObjectName(QStringLiteral("planSections"));
  sections_->setAccessibleName(tr("Onderdelen van het plan"));
  sections_->setMinimumHeight(420);
  form()->addRow(sections_);
  evaluation_date_ =
      NewCaseDateEdit(this, QStringLiteral("planEvaluationDate"), tr("Evaluatiedatum"), {}, true);
  auto* label = new QLabel(tr("&Evaluatiedatum:"), this);
  label->setBuddy(evaluation_date_);
  form()->addRow(label, evaluation_date_);
  load();
}

EditableRowList* PlanDraftDialog::sectionList(v1::PlanSection section) const {
  for (const auto& [s, list] : lists_) {
    if (s == section) return list;
  }
  return nullptr;
}

void PlanDraftDialog::showLoaded(const v1::PlanVersion& version,
                                 const std::vector<v1::TeamMember>& team) {
  etag_ = version.etag();
  team_ = team;
  while (sections_->count() > 0) {
    QWidget* page = sections_->widget(0);
    sections_->removeTab(0);
    page->deleteLater();
  }
  lists_.clear();
  for (int s = v1::PLAN_SECTION_WORRIES; s <= v1::PLAN_SECTION_CONTACT_RESTRICTIONS; ++s) {
    const auto section = static_cast<v1::PlanSection>(s);
    const v1::PlanItem::BodyCase body = PlanBodyOf(section);
    auto* list = new EditableRowList(
        tr("Regel &toevoegen"), PlanSectionName(section), [this, body](QWidget* row_parent) {
          return new PlanItemRow(row_parent, v1::PlanItem(), body, team_);
        });
    const std::string name = v1::PlanSection_Name(section).substr(sizeof("PLAN_SECTION_") - 1);
    list->setObjectName(QStringLiteral("section%1").arg(QString::fromStdString(name)));
    list->setAccessibleName(PlanSectionName(section));
    for (const v1::PlanSectionItems& items : version.content().sections()) {
      if (items.section() != section) continue;
      for (const v1::PlanItem& item : items.items()) {
        list->addRow([this, body, item](QWidget* row_parent) {
          return new PlanItemRow(row_parent, item, body, team_);
        });
      }
    }
    auto* scroll = new QScrollArea(sections_);
    scroll->setWidgetResizable(true);
    scroll->setWidget(list);
    sections_->addTab(scroll, PlanSectionName(section));
    lists_.emplace_back(section, list);
  }
  evaluation_date_->setDate(version.content().has_evaluation_date()
                                ? FromProtoDate(version.content().evaluation_date())
                                : evaluation_date_->minimumDate());
}

FormDialog::Call PlanDraftDialog::prepareCall() {
  if (!isLoaded()) return {};
  marks().Clear();
  marks() = FieldMarks();
  marks().Bind("content.evaluation_date", evaluation_date_);
  v1::UpdateDraftRequest req;
  req.set_request_id(requestId());
  req.set_case_id(caseId());
  req.set_version(version());
  req.set_etag(etag_);
  v1::PlanContent* content = req.mutable_content();
  for (const auto& [section, list] : lists_) {
    if (list->count() == 0) continue;
    const std::string at = "content.sections[" + std::to_string(content->sections_size()) + "]";
    v1::PlanSectionItems* s = content->add_sections();
    s->set_section(section);
    for (int j = 0; j < list->count(); ++j) {
      auto* row = dynamic_cast<PlanItemRow*>(list->row(j));
      if (row == nullptr) continue;
      *s->add_items() = row->Item(marks(), at + ".items[" + std::to_string(j) + "]");
    }
  }
  if (HasDate(evaluation_date_)) {
    *content->mutable_evaluation_date() = DateOfEdit(evaluation_date_);
  }
  setDoneText(tr("Het concept is opgeslagen."));
  return [channel = channel(), req](grpc::ClientContext* ctx) {
    v1::UpdateDraftResponse resp;
    return client::StubOf<v1::SafetyPlanService>(*channel)->UpdateDraft(ctx, req, &resp);
  };
}

}  // namespace schakel::desktop
