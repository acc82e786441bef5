// The handover dialogs and the Inbox's actions against a real in-process host (the safety plan
// tests' world) over mutual TLS, signed in through the dialog: accepting moves the lead in the
// ledger, a refusal reads in Dutch, declining needs a reason (the field is marked), the sender
// withdraws their own proposal from the Inbox, proposing marks a bad field and proposes once, and
// the new lead confirms the first contact.

// The services' headers before any Qt header: a field named `signals` (intake.proto) would meet
// Qt's `signals` macro.
#include "tests/integration/safetyplan_fixture.h"  // IWYU pragma: keep

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include <gtest/gtest.h>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QThreadPool>

#include "client/desktop/field_errors.h"
#include "client/desktop/handover_dialogs.h"
#include "client/desktop/inbox_view.h"
#include "services/common/ids.h"
#include "tests/desktop/desktop_fixture.h"
#include "tests/integration/safetyplan_fixture.h"

namespace schakel::desktop {
namespace {

using schakel::testing::PCtx;
using namespace test_support;  // NOLINT(google-build-using-namespace)
namespace world = schakel::testing::plan_world;

const QString kWaiting = QStringLiteral("Overdracht wacht op antwoord");
const QString kContactDue = QStringLiteral("Eerste contact bevestigen");
const QString kSent = QStringLiteral("Voorgesteld, wacht op antwoord");
constexpr char kSummary[] = "Traumabehandeling van moeder; vader in behandeling";

// The first row of `table` whose kind (column 0) is `kind`; -1 when there is none.
int RowOfKind(const QTableWidget& table, const QString& kind) {
  for (int r = 0; r < table.rowCount(); ++r) {
    if (table.item(r, 0) != nullptr && table.item(r, 0)->text() == kind) return r;
  }
  return -1;
}

class HandoverDialogTest : public DesktopTest {
 protected:
  void TearDown() override {
    // Calls still under way end before the world does.
    WaitUntil([] { return CallPool().activeThreadCount() == 0; });
  }

  // A case opened by "vt" (the lead), known to the ledger.
  std::string NewCase() {
    const std::string case_id = world_.MakeCase();
    world_.Flush();
    return case_id;
  }

  // "vt" proposes `case_id` to `org` for STABLE_SAFETY; the handover's id.
  std::string Propose(const std::string& case_id, const std::string& org) {
    v1::ProposeHandoverRequest req;
    req.set_request_id(NewRandomId());
    req.set_case_id(case_id);
    req.set_to_organisation_id(org);
    req.set_phase(v1::PHASE_STABLE_SAFETY);
    req.mutable_content()->set_summary(kSummary);
    v1::ProposeHandoverResponse resp;
    const grpc::Status st = world_.H("vt")->ProposeHandover(PCtx().get(), req, &resp);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return resp.handover().id();
  }

  // The ledger of `case_id` as its director reads it.
  v1::GetResponsibilityResponse Ledger(const std::string& case_id) {
    v1::GetResponsibilityRequest req;
    req.set_case_id(case_id);
    v1::GetResponsibilityResponse resp;
    const grpc::Status st = world_.H("dir")->GetResponsibility(PCtx().get(), req, &resp);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return resp;
  }

  // Selects the row of `kind` in `view`'s inbox (waiting for it to appear); false when it did not.
  static bool SelectRow(InboxView& view, const QString& kind) {
    auto* table = view.findChild<QTableWidget*>(QStringLiteral("inboxTable"));
    if (!WaitUntil([&] { return RowOfKind(*table, kind) >= 0; }, std::chrono::seconds(20))) {
      ADD_FAILURE() << "no row " << kind.toStdString() << " in the inbox";
      return false;
    }
    table->selectRow(RowOfKind(*table, kind));
    return true;
  }

  static QPushButton* Button(const QWidget& parent, const char* name) {
    auto* b = parent.findChild<QPushButton*>(QLatin1String(name));
    EXPECT_NE(b, nullptr) << name;
    return b;
  }

  // Clicks `button` of the inbox and returns the dialog it opened (read: the handover loaded).
  template <typename Dialog>
  static Dialog* OpenFromInbox(InboxView& view, const char* button, const char* dialog_name) {
    QPushButton* b = Button(view, button);
    if (b == nullptr) return nullptr;
    EXPECT_TRUE(b->isEnabled()) << button;
    b->click();
    auto* dialog = view.findChild<Dialog*>(QLatin1String(dialog_name));
    if (dialog == nullptr) {
      ADD_FAILURE() << "no " << dialog_name;
      return nullptr;
    }
    EXPECT_TRUE(WaitUntil([&] { return !dialog->handover().id().empty(); }))
        << dialog_name << " did not read the handover";
    return dialog;
  }

  // Clicks the dialog's OK and waits for the answer; whether the call succeeded.
  static bool ClickOk(HandoverFormDialog& dialog) {
    std::optional<bool> result;
    auto conn =
        QObject::connect(&dialog, &HandoverFormDialog::callFinished, [&](bool ok) { result = ok; });
    Button(dialog, "okButton")->click();
    EXPECT_TRUE(WaitUntil([&] { return result.has_value(); })) << "no answer";
    QObject::disconnect(conn);
    return result.value_or(false);
  }

  static QString StatusOf(const QWidget& dialog) {
    return dialog.findChild<QLabel*>(QStringLiteral("formStatus"))->text();
  }
};

TEST_F(HandoverDialogTest, TheReceiverAcceptsThroughTheInboxAndTheLeadMoves) {
  const std::string case_id = NewCase();
  const std::string handover_id = Propose(case_id, world::kGgz);
  ASSERT_EQ(Ledger(case_id).responsibility().lead_organisation_id(), world::kVt);

  std::optional<Session> session = SignInAs("ggz");
  ASSERT_TRUE(session.has_value());
  InboxView view(session->channels);
  view.show();
  ASSERT_TRUE(SelectRow(view, kWaiting));
  EXPECT_TRUE(Button(view, "acceptButton")->isEnabled());
  EXPECT_TRUE(Button(view, "declineButton")->isEnabled());
  EXPECT_FALSE(Button(view, "withdrawButton")->isEnabled()) << "not the sender's row";
  EXPECT_FALSE(Button(view, "confirmContactButton")->isEnabled());

  QPointer<AcceptHandoverDialog> dialog =
      OpenFromInbox<AcceptHandoverDialog>(view, "acceptButton", "acceptHandoverDialog");
  ASSERT_NE(dialog, nullptr);
  EXPECT_EQ(dialog->handoverId().toStdString(), handover_id);
  const QString details = dialog->findChild<QLabel*>(QStringLiteral("handoverDetails"))->text();
  EXPECT_TRUE(details.contains(QString::fromUtf8(kSummary))) << details.toStdString();
  EXPECT_TRUE(details.contains(QStringLiteral("Stabiele veiligheid"))) << details.toStdString();
  EXPECT_TRUE(details.contains(QString::fromLatin1(world::kVt))) << details.toStdString();
  EXPECT_TRUE(details.contains(QString::fromLatin1(world::kGgz))) << details.toStdString();

  ASSERT_TRUE(ClickOk(*dialog)) << StatusOf(*dialog).toStdString();
  // The dialog closes; the inbox row of the waiting handover goes away.
  auto* table = view.findChild<QTableWidget*>(QStringLiteral("inboxTable"));
  EXPECT_TRUE(WaitUntil([&] { return RowOfKind(*table, kWaiting) < 0; }, std::chrono::seconds(20)));
  EXPECT_TRUE(WaitUntil([&] { return dialog.isNull(); })) << "the dialog stays";

  const v1::GetResponsibilityResponse ledger = Ledger(case_id);
  EXPECT_EQ(ledger.responsibility().lead_organisation_id(), world::kGgz);
  EXPECT_EQ(ledger.responsibility().lead_professional_id(), "ggz");
  EXPECT_EQ(ledger.responsibility().phase(), v1::PHASE_STABLE_SAFETY);
  EXPECT_FALSE(ledger.responsibility().has_pending_handover());
  ASSERT_EQ(ledger.handovers_size(), 1);
  EXPECT_EQ(ledger.handovers(0).state(), v1::HANDOVER_STATE_ACCEPTED);
}

TEST_F(HandoverDialogTest, ARefusedAcceptanceIsShownInDutchAndChangesNothing) {
  // "ontvanger" may answer for their organisation but is not on the case team: whoever takes the
  // lead must be (the service refuses with FAILED_PRECONDITION).
  const std::string case_id = NewCase();
  Propose(case_id, world::kGgz2);
  std::optional<Session> session = SignInAs("ontvanger");
  ASSERT_TRUE(session.has_value());
  InboxView view(session->channels);
  view.show();
  ASSERT_TRUE(SelectRow(view, kWaiting));
  QPointer<AcceptHandoverDialog> dialog =
      OpenFromInbox<AcceptHandoverDialog>(view, "acceptButton", "acceptHandoverDialog");
  ASSERT_NE(dialog, nullptr);
  EXPECT_FALSE(ClickOk(*dialog));
  const QString status = StatusOf(*dialog);
  EXPECT_TRUE(
      status.startsWith(QStringLiteral("Wie de regie overneemt moet eerst in het "
                                       "casusteam staan.")))
      << status.toStdString();
  EXPECT_FALSE(status.contains(QStringLiteral("FAILED_PRECONDITION"))) << "no gRPC text";
  EXPECT_TRUE(dialog->findChild<QLabel*>(QStringLiteral("formStatus"))
                  ->toolTip()
                  .startsWith(QStringLiteral("FAILED_PRECONDITION")))
      << "the technical detail in the tooltip";
  EXPECT_TRUE(dialog->isVisible());
  EXPECT_TRUE(Button(*dialog, "okButton")->isEnabled());
  const v1::GetResponsibilityResponse ledger = Ledger(case_id);
  EXPECT_EQ(ledger.responsibility().lead_organisation_id(), world::kVt);
  ASSERT_TRUE(ledger.responsibility().has_pending_handover());
  EXPECT_EQ(ledger.responsibility().pending_handover().state(), v1::HANDOVER_STATE_PROPOSED);
}

TEST_F(HandoverDialogTest, DecliningNeedsAReason) {
  const std::string case_id = NewCase();
  Propose(case_id, world::kGgz2);

  std::optional<Session> session = SignInAs("ontvanger");
  ASSERT_TRUE(session.has_value());
  InboxView view(session->channels);
  view.show();
  ASSERT_TRUE(SelectRow(view, kWaiting));
  QPointer<DeclineHandoverDialog> dialog =
      OpenFromInbox<DeclineHandoverDialog>(view, "declineButton", "declineHandoverDialog");
  ASSERT_NE(dialog, nullptr);
  auto* reason = dialog->findChild<QPlainTextEdit*>(QStringLiteral("declineReason"));
  ASSERT_NE(reason, nullptr);

  // Without a reason: refused, the reason marked in Dutch, nothing changed.
  EXPECT_FALSE(ClickOk(*dialog));
  EXPECT_TRUE(FieldMarks::IsMarked(reason));
  EXPECT_EQ(reason->toolTip(), QStringLiteral("Dit veld mag niet leeg zijn."));
  EXPECT_EQ(StatusOf(*dialog), QStringLiteral("Controleer de gemarkeerde velden."));
  EXPECT_TRUE(dialog->isVisible());
  v1::GetResponsibilityResponse ledger = Ledger(case_id);
  EXPECT_EQ(ledger.responsibility().lead_organisation_id(), world::kVt);
  ASSERT_TRUE(ledger.responsibility().has_pending_handover());
  EXPECT_EQ(ledger.responsibility().pending_handover().state(), v1::HANDOVER_STATE_PROPOSED);

  // With a reason: declined; the sender stays lead.
  reason->setPlainText(QStringLiteral("Geen capaciteit voor traumabehandeling deze maand."));
  ASSERT_TRUE(ClickOk(*dialog)) << StatusOf(*dialog).toStdString();
  auto* table = view.findChild<QTableWidget*>(QStringLiteral("inboxTable"));
  EXPECT_TRUE(WaitUntil([&] { return RowOfKind(*table, kWaiting) < 0; }, std::chrono::seconds(20)));
  ledger = Ledger(case_id);
  EXPECT_EQ(ledger.responsibility().lead_organisation_id(), world::kVt);
  EXPECT_FALSE(ledger.responsibility().has_pending_handover());
  ASSERT_EQ(ledger.handovers_size(), 1);
  EXPECT_EQ(ledger.handovers(0).state(), v1::HANDOVER_STATE_DECLINED);
  EXPECT_EQ(ledger.handovers(0).decline_reason(),
            "Geen capaciteit voor traumabehandeling deze maand.");
}

TEST_F(HandoverDialogTest, TheSenderWithdrawsTheirOwnProposal) {
  const std::string case_id = NewCase();
  const std::string handover_id = Propose(case_id, world::kGgz2);

  std::optional<Session> session = SignInAs("vt");
  ASSERT_TRUE(session.has_value());
  InboxView view(session->channels);
  view.show();
  view.refresh();  // the full look at what my organisation sent
  ASSERT_TRUE(SelectRow(view, kSent));
  auto* table = view.findChild<QTableWidget*>(QStringLiteral("inboxTable"));
  const int row = RowOfKind(*table, kSent);
  EXPECT_TRUE(table->item(row, 3)->text().contains(QString::fromLatin1(world::kGgz2)))
      << table->item(row, 3)->text().toStdString();
  EXPECT_FALSE(table->item(row, 2)->text().isEmpty()) << "the deadline to answer";
  EXPECT_TRUE(Button(view, "withdrawButton")->isEnabled());
  EXPECT_FALSE(Button(view, "acceptButton")->isEnabled()) << "the sender does not accept";

  QPointer<WithdrawHandoverDialog> dialog =
      OpenFromInbox<WithdrawHandoverDialog>(view, "withdrawButton", "withdrawHandoverDialog");
  ASSERT_NE(dialog, nullptr);
  EXPECT_EQ(dialog->handoverId().toStdString(), handover_id);
  dialog->findChild<QPlainTextEdit*>(QStringLiteral("withdrawReason"))
      ->setPlainText(QStringLiteral("Nieuw incident; wij houden de regie."));
  ASSERT_TRUE(ClickOk(*dialog)) << StatusOf(*dialog).toStdString();
  EXPECT_TRUE(WaitUntil([&] { return RowOfKind(*table, kSent) < 0; }, std::chrono::seconds(20)))
      << "the withdrawn proposal stays in the inbox";

  const v1::GetResponsibilityResponse ledger = Ledger(case_id);
  EXPECT_EQ(ledger.responsibility().lead_organisation_id(), world::kVt);
  EXPECT_FALSE(ledger.responsibility().has_pending_handover());
  ASSERT_EQ(ledger.handovers_size(), 1);
  EXPECT_EQ(ledger.handovers(0).state(), v1::HANDOVER_STATE_WITHDRAWN);
  EXPECT_EQ(ledger.handovers(0).withdraw_reason(), "Nieuw incident; wij houden de regie.");
}

TEST_F(HandoverDialogTest, ProposingMarksABadFieldThenProposesOnce) {
  const std::string case_id = NewCase();
  std::optional<Session> session = SignInAs("vt");
  ASSERT_TRUE(session.has_value());

  ProposeHandoverDialog dialog(session->channels, QString::fromStdString(case_id));
  EXPECT_EQ(dialog.objectName(), QStringLiteral("proposeHandoverDialog"));
  std::optional<bool> organisations;
  QObject::connect(&dialog, &ProposeHandoverDialog::organisationsLoaded,
                   [&](bool ok) { organisations = ok; });
  QString proposed_id;
  QObject::connect(&dialog, &ProposeHandoverDialog::proposed,
                   [&](const QString& id) { proposed_id = id; });
  dialog.show();
  ASSERT_TRUE(WaitUntil([&] { return organisations.has_value(); }));
  ASSERT_TRUE(*organisations) << StatusOf(dialog).toStdString();

  auto* to_org = dialog.findChild<QComboBox*>(QStringLiteral("toOrganisation"));
  auto* phase = dialog.findChild<QComboBox*>(QStringLiteral("phase"));
  auto* summary = dialog.findChild<QPlainTextEdit*>(QStringLiteral("summary"));
  ASSERT_TRUE(to_org && phase && summary);
  const int ggz2 = to_org->findData(QString::fromLatin1(world::kGgz2));
  ASSERT_GE(ggz2, 0) << "the receiving organisation is not offered";
  to_org->setCurrentIndex(ggz2);
  phase->setCurrentIndex(phase->findData(static_cast<int>(v1::PHASE_STABLE_SAFETY)));
  const std::string request_id = dialog.requestId();

  // No summary: the summary is marked, nothing else, and nothing is proposed.
  EXPECT_FALSE(ClickOk(dialog));
  EXPECT_TRUE(FieldMarks::IsMarked(summary));
  EXPECT_EQ(summary->toolTip(), QStringLiteral("Dit veld mag niet leeg zijn."));
  EXPECT_FALSE(FieldMarks::IsMarked(to_org));
  EXPECT_FALSE(FieldMarks::IsMarked(phase));
  EXPECT_TRUE(proposed_id.isEmpty());
  EXPECT_EQ(Ledger(case_id).handovers_size(), 0);

  // With a summary: proposed, pending in the ledger.
  summary->setPlainText(QString::fromUtf8(kSummary));
  dialog.findChild<QPlainTextEdit*>(QStringLiteral("safetyConditions"))
      ->setPlainText(QStringLiteral("Geen fysiek geweld\n\nVader blijft in behandeling"));
  ASSERT_TRUE(ClickOk(dialog)) << StatusOf(dialog).toStdString();
  EXPECT_FALSE(FieldMarks::IsMarked(summary));
  ASSERT_FALSE(proposed_id.isEmpty());
  EXPECT_EQ(dialog.requestId(), request_id) << "one request id for the dialog's life";
  v1::GetResponsibilityResponse ledger = Ledger(case_id);
  ASSERT_TRUE(ledger.responsibility().has_pending_handover());
  const v1::Handover& pending = ledger.responsibility().pending_handover();
  EXPECT_EQ(pending.id(), proposed_id.toStdString());
  EXPECT_EQ(pending.state(), v1::HANDOVER_STATE_PROPOSED);
  EXPECT_EQ(pending.to_organisation_id(), world::kGgz2);
  EXPECT_EQ(pending.phase(), v1::PHASE_STABLE_SAFETY);
  EXPECT_EQ(pending.content().summary(), kSummary);
  ASSERT_EQ(pending.content().safety_conditions_size(), 2) << "one per non-empty line";
  EXPECT_EQ(pending.content().safety_conditions(1), "Vader blijft in behandeling");

  // OK again after success sends nothing more (also when forced on).
  QPushButton* ok = Button(dialog, "okButton");
  EXPECT_FALSE(ok->isEnabled());
  ok->setEnabled(true);
  ok->click();
  WaitUntil([] { return CallPool().activeThreadCount() == 0; });
  EXPECT_EQ(Ledger(case_id).handovers_size(), 1);

  // A retry after a lost answer carries the dialog's request id: the service answers it with the
  // same handover, not a second one.
  v1::ProposeHandoverRequest again;
  again.set_request_id(request_id);
  again.set_case_id(case_id);
  again.set_to_organisation_id(world::kGgz2);
  again.set_phase(v1::PHASE_STABLE_SAFETY);
  again.mutable_content()->set_summary(kSummary);
  again.mutable_content()->add_safety_conditions("Geen fysiek geweld");
  again.mutable_content()->add_safety_conditions("Vader blijft in behandeling");
  v1::ProposeHandoverResponse replayed;
  const grpc::Status st = world_.H("vt")->ProposeHandover(PCtx().get(), again, &replayed);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(replayed.handover().id(), proposed_id.toStdString());
  EXPECT_EQ(Ledger(case_id).handovers_size(), 1);
}

TEST_F(HandoverDialogTest, TheNewLeadConfirmsTheFirstContact) {
  const std::string case_id = NewCase();
  const std::string handover_id = Propose(case_id, world::kGgz);
  v1::AcceptHandoverRequest accept;
  accept.set_request_id(NewRandomId());
  accept.set_handover_id(handover_id);
  v1::AcceptHandoverResponse accepted;
  grpc::Status st = world_.H("ggz")->AcceptHandover(PCtx().get(), accept, &accepted);
  ASSERT_TRUE(st.ok()) << st.error_message();
  ASSERT_EQ(Ledger(case_id).responsibility().watching_organisation_id(), world::kVt);

  std::optional<Session> session = SignInAs("ggz");
  ASSERT_TRUE(session.has_value());
  InboxView view(session->channels);
  view.show();
  ASSERT_TRUE(SelectRow(view, kContactDue));
  EXPECT_TRUE(Button(view, "confirmContactButton")->isEnabled());
  EXPECT_FALSE(Button(view, "acceptButton")->isEnabled());
  QPointer<ConfirmContactDialog> dialog =
      OpenFromInbox<ConfirmContactDialog>(view, "confirmContactButton", "confirmContactDialog");
  ASSERT_NE(dialog, nullptr);

  // A moment in the future is refused, and that field marked.
  auto* now = dialog->findChild<QCheckBox*>(QStringLiteral("contactNow"));
  auto* at = dialog->findChild<QDateTimeEdit*>(QStringLiteral("contactAt"));
  ASSERT_TRUE(now && at);
  now->setChecked(false);
  EXPECT_TRUE(at->isEnabled());
  at->setDateTime(at->dateTime().addDays(2));
  EXPECT_FALSE(ClickOk(*dialog));
  EXPECT_TRUE(FieldMarks::IsMarked(at));
  EXPECT_EQ(at->toolTip(), QStringLiteral("Mag niet in de toekomst liggen."));

  // Now: confirmed; the overlap ends.
  now->setChecked(true);
  ASSERT_TRUE(ClickOk(*dialog)) << StatusOf(*dialog).toStdString();
  auto* table = view.findChild<QTableWidget*>(QStringLiteral("inboxTable"));
  EXPECT_TRUE(
      WaitUntil([&] { return RowOfKind(*table, kContactDue) < 0; }, std::chrono::seconds(20)));

  v1::GetHandoverRequest get;
  get.set_handover_id(handover_id);
  v1::GetHandoverResponse read;
  st = world_.H("dir")->GetHandover(PCtx().get(), get, &read);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_TRUE(read.handover().has_first_contact_at());
  EXPECT_TRUE(Ledger(case_id).responsibility().watching_organisation_id().empty());
}

}  // namespace
}  // namespace schakel::desktop
