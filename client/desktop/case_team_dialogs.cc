// The team's dialogs: a member added from the directory or removed, the director role handed over,
// the case closed or reopened.
#include "client/desktop/case_team_dialogs.h"

#include <utility>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include "client/desktop/case_common.h"
#include "client/desktop/display.h"
#include "client/desktop/error_text.h"
#include "client/desktop/rpc_runner.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/cases.grpc.pb.h"
#include "schakel/v1/directory.grpc.pb.h"

namespace schakel::desktop {

namespace {

// Pages of a directory list read at most (500 entries each).
constexpr int kTeamDirectoryPages = 20;

struct TeamOrganisationsRead {
  grpc::Status status;
  std::vector<v1::Organisation> organisations;
};

struct TeamProfessionalsRead {
  grpc::Status status;
  std::vector<v1::Professional> professionals;
};

TeamOrganisationsRead ReadTeamOrganisations(const client::ChannelsPtr& channel) {
  TeamOrganisationsRead out;
  auto stub = client::StubOf<v1::DirectoryService>(*channel);
  std::string token;
  for (int page = 0; page < kTeamDirectoryPages; ++page) {
    v1::ListOrganisationsRequest req;
    req.set_page_size(500);
    req.set_page_token(token);
    v1::ListOrganisationsResponse resp;
    out.status = stub->ListOrganisations(NewCallContext().get(), req, &resp);
    if (!out.status.ok()) return out;
    for (const v1::Organisation& o : resp.organisations()) out.organisations.push_back(o);
    token = resp.next_page_token();
    if (token.empty()) break;
  }
  return out;
}

TeamProfessionalsRead ReadTeamProfessionals(const client::ChannelsPtr& channel,
                                            const std::string& organisation_id) {
  TeamProfessionalsRead out;
  auto stub = client::StubOf<v1::DirectoryService>(*channel);
  std::string token;
  for (int page = 0; page < kTeamDirectoryPages; ++page) {
    v1::ListProfessionalsRequest req;
    req.set_page_size(500);
    req.set_page_token(token);
    req.set_organisation_id(organisation_id);
    v1::ListProfessionalsResponse resp;
    out.status = stub->ListProfessionals(NewCallContext().get(), req, &resp);
    if (!out.status.ok()) return out;
    for (const v1::Professional& p : resp.professionals()) out.professionals.push_back(p);
    token = resp.next_page_token();
    if (token.empty()) break;
  }
  return out;
}

QComboBox* TeamCombo(const QString& object_name, const QString& accessible, QWidget* parent) {
  auto* box = new QComboBox(parent);
  box->setObjectName(object_name);
  box->setAccessibleName(accessible);
  return box;
}

}  // namespace

// --- AddTeamMemberDialog ----------------------------------------------------------------------

AddTeamMemberDialog::AddTeamMemberDialog(client::ChannelsPtr channel, QString case_id,
                                         QWidget* parent)
    : CaseEditDialog(std::move(channel), std::move(case_id), tr("Teamlid toevoegen"),
                     tr("&Toevoegen"), parent) {
  setObjectName(QStringLiteral("addTeamMemberDialog"));
  organisation_ = TeamCombo(QStringLiteral("memberOrganisation"), tr("Organisatie"), this);
  organisation_->addItem(tr("Organisaties laden…"), QString());
  professional_ = TeamCombo(QStringLiteral("memberProfessional"), tr("Professional"), this);
  role_ = TeamCombo(QStringLiteral("memberRole"), tr("Rol in de casus"), this);
  for (v1::CaseRole r : {v1::CASE_ROLE_CORE_TEAM, v1::CASE_ROLE_INVOLVED}) {
    role_->addItem(CaseRoleName(r), static_cast<int>(r));
  }
  form()->addRow(tr("&Organisatie:"), organisation_);
  form()->addRow(tr("&Professional:"), professional_);
  form()->addRow(tr("&Rol in de casus:"), role_);
  marks().Bind("organisation_id", organisation_);
  marks().Bind("professional_id", professional_);
  marks().Bind("role", role_);
  setTabOrder(organisation_, professional_);
  setTabOrder(professional_, role_);
  setTabOrder(role_, okButton());
  connect(organisation_, &QComboBox::currentIndexChanged, this,
          &AddTeamMemberDialog::loadProfessionals);
  loadOrganisations();
}

void AddTeamMemberDialog::loadOrganisations() {
  RunOffUiThread(
      this, [channel = channel()]() { return ReadTeamOrganisations(channel); },
      [this](TeamOrganisationsRead out) {
        const QSignalBlocker block(organisation_);
        organisation_->clear();
        if (!out.status.ok()) {
          organisation_->addItem(tr("(organisaties niet beschikbaar)"), QString());
          setStatus(
              tr("De organisaties konden niet worden gelezen: %1").arg(CallErrorText(out.status)),
              TechnicalDetail(out.status));
          emit organisationsLoaded(false);
          return;
        }
        organisation_->addItem(tr("— kies een organisatie —"), QString());
        for (const v1::Organisation& o : out.organisations) {
          organisation_->addItem(QString::fromStdString(o.name()), QString::fromStdString(o.id()));
          organisation_->setItemData(organisation_->count() - 1,
                                     QStringLiteral("%1 (%2)").arg(QString::fromStdString(o.id()),
                                                                   OrganisationTypeName(o.type())),
                                     Qt::ToolTipRole);
        }
        emit organisationsLoaded(true);
      });
}

void AddTeamMemberDialog::loadProfessionals() {
  professional_->clear();
  const QString org = organisation_->currentData().toString();
  const int asked = ++professionals_asked_;
  if (org.isEmpty()) return;
  professional_->addItem(tr("Professionals laden…"), QString());
  RunOffUiThread(
      this,
      [channel = channel(), org_id = org.toStdString()]() {
        return ReadTeamProfessionals(channel, org_id);
      },
      [this, asked](TeamProfessionalsRead out) {
        if (asked != professionals_asked_) return;  // another organisation was chosen meanwhile
        professional_->clear();
        if (!out.status.ok()) {
          setStatus(
              tr("De professionals konden niet worden gelezen: %1").arg(CallErrorText(out.status)),
              TechnicalDetail(out.status));
          emit professionalsLoaded(false);
          return;
        }
        for (const v1::Professional& p : out.professionals) {
          professional_->addItem(QString::fromStdString(p.name()), QString::fromStdString(p.id()));
          professional_->setItemData(professional_->count() - 1, QString::fromStdString(p.id()),
                                     Qt::ToolTipRole);
        }
        emit professionalsLoaded(true);
      });
}

FormDialog::Call AddTeamMemberDialog::prepareCall() {
  v1::AddTeamMemberRequest req;
  req.set_request_id(requestId());
  req.set_case_id(caseId().toStdString());
  req.set_organisation_id(organisation_->currentData().toString().toStdString());
  req.set_professional_id(professional_->currentData().toString().toStdString());
  req.set_role(static_cast<v1::CaseRole>(role_->currentData().toInt()));
  return [channel = channel(), req](grpc::ClientContext* ctx) {
    v1::AddTeamMemberResponse resp;
    return client::StubOf<v1::CaseService>(*channel)->AddTeamMember(ctx, req, &resp);
  };
}

// --- RemoveTeamMemberDialog -------------------------------------------------------------------

RemoveTeamMemberDialog::RemoveTeamMemberDialog(client::ChannelsPtr channel, QString case_id,
                                               const TeamChoice& member, QWidget* parent)
    : CaseEditDialog(std::move(channel), std::move(case_id), tr("Teamlid verwijderen"),
                     tr("&Verwijderen"), parent),
      professional_id_(member.professional_id) {
  setObjectName(QStringLiteral("removeTeamMemberDialog"));
  auto* who = new QLabel(tr("%1 verlaat het casusteam. Wat diegene vastlegde blijft bij de "
                            "casus.")
                             .arg(member.label),
                         this);
  who->setObjectName(QStringLiteral("memberWho"));
  who->setWordWrap(true);
  who->setTextFormat(Qt::PlainText);
  form()->addRow(who);
  marks().Bind("professional_id", who);
}

FormDialog::Call RemoveTeamMemberDialog::prepareCall() {
  v1::RemoveTeamMemberRequest req;
  req.set_request_id(requestId());
  req.set_case_id(caseId().toStdString());
  req.set_professional_id(professional_id_.toStdString());
  return [channel = channel(), req](grpc::ClientContext* ctx) {
    v1::RemoveTeamMemberResponse resp;
    return client::StubOf<v1::CaseService>(*channel)->RemoveTeamMember(ctx, req, &resp);
  };
}

// --- TransferDirectorDialog -------------------------------------------------------------------

TransferDirectorDialog::TransferDirectorDialog(client::ChannelsPtr channel, QString case_id,
                                               const std::vector<TeamChoice>& candidates,
                                               const QString& preselect, QWidget* parent)
    : CaseEditDialog(std::move(channel), std::move(case_id), tr("Regie overdragen"),
                     tr("&Overdragen"), parent) {
  setObjectName(QStringLiteral("transferDirectorDialog"));
  to_ = TeamCombo(QStringLiteral("newDirector"), tr("Nieuwe casusregisseur"), this);
  for (const TeamChoice& c : candidates) to_->addItem(c.label, c.professional_id);
  if (const int at = to_->findData(preselect); at >= 0) to_->setCurrentIndex(at);
  auto* hint = new QLabel(tr("De nieuwe casusregisseur neemt de regie direct over; u blijft in "
                             "het kernteam."),
                          this);
  hint->setWordWrap(true);
  form()->addRow(tr("&Nieuwe casusregisseur:"), to_);
  form()->addRow(hint);
  marks().Bind("to_professional_id", to_);
  setTabOrder(to_, okButton());
}

FormDialog::Call TransferDirectorDialog::prepareCall() {
  v1::TransferDirectorRequest req;
  req.set_request_id(requestId());
  req.set_case_id(caseId().toStdString());
  req.set_to_professional_id(to_->currentData().toString().toStdString());
  return [channel = channel(), req](grpc::ClientContext* ctx) {
    v1::TransferDirectorResponse resp;
    return client::StubOf<v1::CaseService>(*channel)->TransferDirector(ctx, req, &resp);
  };
}

// --- CloseCaseDialog --------------------------------------------------------------------------

CloseCaseDialog::CloseCaseDialog(client::ChannelsPtr channel, QString case_id, QWidget* parent)
    : CaseEditDialog(std::move(channel), std::move(case_id), tr("Casus sluiten"),
                     tr("Casus &sluiten"), parent) {
  setObjectName(QStringLiteral("closeCaseDialog"));
  reason_ = NewReasonEdit(QStringLiteral("closeReason"), tr("Reden van sluiten"), this);
  auto check = [this](const QString& text, const QString& name) {
    auto* box = new QCheckBox(text, this);
    box->setObjectName(name);
    box->setAccessibleName(QString(text).remove(QLatin1Char('&')));
    return box;
  };
  stable_ = check(tr("Stabiele veiligheid heeft de afgesproken periode stan&dgehouden"),
                  QStringLiteral("checkStableSafety"));
  risks_ = check(tr("De risicofactoren zijn &aangepakt"), QStringLiteral("checkRiskFactors"));
  recovery_ =
      check(tr("Het herstel heeft een blijvende &eigenaar"), QStringLiteral("checkRecoveryOwner"));
  follow_up_ = check(tr("&Vervolgcontroles zijn afgesproken"), QStringLiteral("checkFollowUp"));
  auto* checklist = new QVBoxLayout;
  for (QCheckBox* b : {stable_, risks_, recovery_, follow_up_}) checklist->addWidget(b);
  deviation_ = NewReasonEdit(QStringLiteral("closeDeviation"),
                             tr("Waarom de casus toch sluit (afwijking)"), this);
  deviation_->setPlaceholderText(
      tr("Alleen invullen als een punt van de checklist niet is "
         "gehaald."));
  sensitivity_ = NewReasonSensitivityBox(QStringLiteral("closeSensitivity"),
                                         tr("Gevoeligheid van reden en afwijking"), this);
  months_ = new QLineEdit(this);
  months_->setObjectName(QStringLiteral("followUpMonths"));
  months_->setAccessibleName(tr("Vervolgcontroles, maanden na sluiten"));
  months_->setPlaceholderText(tr("leeg: de standaard (bijv. 3, 6, 12, 18)"));

  form()->addRow(tr("&Reden:"), reason_);
  auto* checklist_label = new QLabel(tr("Checklist:"), this);
  checklist_label->setBuddy(stable_);
  form()->addRow(checklist_label, checklist);
  form()->addRow(tr("Af&wijking:"), deviation_);
  form()->addRow(tr("&Gevoeligheid:"), sensitivity_);
  form()->addRow(tr("Vervolgcontroles (&maanden):"), months_);
  marks().Bind("reason", reason_);
  marks().Bind("checklist.stable_safety_held", stable_);
  marks().Bind("checklist.risk_factors_addressed", risks_);
  marks().Bind("checklist.recovery_owner_in_place", recovery_);
  marks().Bind("checklist.follow_up_agreed", follow_up_);
  marks().Bind("deviation", deviation_);
  marks().Bind("sensitivity", sensitivity_);
  marks().Bind("follow_up_months", months_);
  setTabOrder(reason_, stable_);
  setTabOrder(stable_, risks_);
  setTabOrder(risks_, recovery_);
  setTabOrder(recovery_, follow_up_);
  setTabOrder(follow_up_, deviation_);
  setTabOrder(deviation_, sensitivity_);
  setTabOrder(sensitivity_, months_);
  setTabOrder(months_, okButton());
}

FormDialog::Call CloseCaseDialog::prepareCall() {
  v1::CloseCaseRequest req;
  req.set_request_id(requestId());
  req.set_case_id(caseId().toStdString());
  req.set_reason(reason_->toPlainText().toStdString());
  req.mutable_checklist()->set_stable_safety_held(stable_->isChecked());
  req.mutable_checklist()->set_risk_factors_addressed(risks_->isChecked());
  req.mutable_checklist()->set_recovery_owner_in_place(recovery_->isChecked());
  req.mutable_checklist()->set_follow_up_agreed(follow_up_->isChecked());
  req.set_deviation(deviation_->toPlainText().toStdString());
  req.set_sensitivity(static_cast<v1::Sensitivity>(sensitivity_->currentData().toInt()));
  // The months as typed ("3, 6, 12"); whether they are allowed is the service's to say.
  static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
  for (const QString& part : months_->text().split(separators, Qt::SkipEmptyParts)) {
    bool ok = false;
    const int months = part.toInt(&ok);
    if (!ok) {
      setStatus(
          tr("Vervolgcontroles: geef hele maanden, gescheiden door komma's (bijv. 3, 6, "
             "12)."));
      months_->setFocus();
      return {};
    }
    req.add_follow_up_months(months);
  }
  return [channel = channel(), req](grpc::ClientContext* ctx) {
    v1::CloseCaseResponse resp;
    return client::StubOf<v1::CaseService>(*channel)->CloseCase(ctx, req, &resp);
  };
}

// --- ReopenCaseDialog -------------------------------------------------------------------------

ReopenCaseDialog::ReopenCaseDialog(client::ChannelsPtr channel, QString case_id, QWidget* parent)
    : CaseEditDialog(std::move(channel), std::move(case_id), tr("Casus heropenen"),
                     tr("Casus &heropenen"), parent) {
  setObjectName(QStringLiteral("reopenCaseDialog"));
  reason_ = NewReasonEdit(QStringLiteral("reopenReason"), tr("Reden van heropenen"), this);
  sensitivity_ = NewReasonSensitivityBox(QStringLiteral("reopenSensitivity"),
                                         tr("Gevoeligheid van de reden"), this);
  form()->addRow(tr("&Reden:"), reason_);
  form()->addRow(tr("&Gevoeligheid:"), sensitivity_);
  marks().Bind("reason", reason_);
  marks().Bind("sensitivity", sensitivity_);
  setTabOrder(reason_, sensitivity_);
  setTabOrder(sensitivity_, okButton());
}

FormDialog::Call ReopenCaseDialog::prepareCall() {
  v1::ReopenCaseRequest req;
  req.set_request_id(requestId());
  req.set_case_id(caseId().toStdString());
  req.set_reason(reason_->toPlainText().toStdString());
  req.set_sensitivity(static_cast<v1::Sensitivity>(sensitivity_->currentData().toInt()));
  return [channel = channel(), req](grpc::ClientContext* ctx) {
    v1::ReopenCaseResponse resp;
    return client::StubOf<v1::CaseService>(*channel)->ReopenCase(ctx, req, &resp);
  };
}

}  // namespace schakel::desktop
