// Changing a case's family and team from the case window, against a real in-process host (the
// safety plan tests' world) over mutual TLS, signed in through the dialog: a person added through
// the dialog is in the service and in the diagram (its BSN never in clear on screen); bad fields
// are marked and nothing is written; OK pressed twice adds one person; a relation between two
// persons; a person removed with its reason; a team member picked from the directory shows by
// name; the case closed with its reason (and reopened); a correction on a stale person offers to
// reload; someone who may not change the case reads one Dutch sentence and nothing changes.

// First: the intake protos (the fixture reads them) before Qt's keyword macros.
#include "client/desktop/intake_proto.h"  // IWYU pragma: keep

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <QThreadPool>
#include <QTimer>

#include "client/desktop/case_family_dialogs.h"
#include "client/desktop/case_team_dialogs.h"
#include "client/desktop/case_team_tab.h"
#include "client/desktop/case_window.h"
#include "client/desktop/field_errors.h"
#include "services/common/ids.h"
#include "tests/desktop/desktop_fixture.h"
#include "tests/integration/safetyplan_fixture.h"

namespace schakel::desktop {
namespace {

using schakel::testing::PCtx;
using namespace test_support;  // NOLINT(google-build-using-namespace)
namespace world = schakel::testing::plan_world;

// 9 digits passing the elfproef, and 9 that do not.
constexpr char kValidBsn[] = "111222333";
constexpr char kInvalidBsn[] = "123456789";

class CaseEditTest : public DesktopTest {
 protected:
  void SetUp() override {
    case_id_ = world_.MakeCase();
    world_.Flush();
  }

  void TearDown() override {
    window_.reset();
    // Calls still under way end before the world does.
    WaitUntil([] { return CallPool().activeThreadCount() == 0; });
  }

  // Signs in as `id` through the dialog and opens the case window; waits until every tab loaded.
  CaseWindow* OpenAs(const std::string& id) {
    std::optional<Session> session = SignInAs(id);
    if (!session.has_value()) return nullptr;
    window_ = std::make_unique<CaseWindow>(session->channels, QString::fromStdString(case_id_),
                                           QString());
    window_->show();
    EXPECT_TRUE(WaitUntil([&] { return window_->allLoaded(); })) << "the tabs did not load";
    return window_.get();
  }

  v1::Case CaseAs(const std::string& id) {
    v1::GetCaseRequest req;
    req.set_case_id(case_id_);
    v1::GetCaseResponse resp;
    const grpc::Status st = world_.C(id)->GetCase(PCtx().get(), req, &resp);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return resp.case_();
  }

  // "dir" adds a child; the person's id.
  std::string AddChild(const std::string& name) {
    v1::AddPersonRequest req;
    req.set_request_id(NewRandomId());
    req.set_case_id(case_id_);
    req.mutable_person()->set_name(name);
    req.mutable_person()->set_role(v1::PERSON_ROLE_CHILD);
    v1::AddPersonResponse resp;
    const grpc::Status st = world_.C("dir")->AddPerson(PCtx().get(), req, &resp);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return resp.person().id();
  }

  template <typename T>
  static T* Child(const QObject& root, const char* name) {
    T* child = root.findChild<T*>(QString::fromLatin1(name));
    EXPECT_NE(child, nullptr) << name;
    return child;
  }

  // Clicks `button` of the window and returns the dialog it opened.
  template <typename Dialog>
  Dialog* Open(const char* button, const char* dialog_name) {
    auto* b = Child<QPushButton>(*window_, button);
    if (b == nullptr) return nullptr;
    EXPECT_TRUE(b->isEnabled()) << button;
    b->click();
    auto* dialog = window_->findChild<Dialog*>(QLatin1String(dialog_name));
    EXPECT_NE(dialog, nullptr) << "no " << dialog_name;
    return dialog;
  }

  // Clicks the dialog's OK and waits for the answer; whether the call succeeded.
  static bool ClickOk(FormDialog& dialog) {
    std::optional<bool> result;
    auto conn = QObject::connect(&dialog, &FormDialog::callFinished, [&](bool ok) { result = ok; });
    Child<QPushButton>(dialog, "okButton")->click();
    EXPECT_TRUE(WaitUntil([&] { return result.has_value(); })) << "no answer";
    QObject::disconnect(conn);
    return result.value_or(false);
  }

  static QString StatusOf(const QWidget& dialog) {
    return dialog.findChild<QLabel*>(QStringLiteral("formStatus"))->text();
  }

  static void Choose(QComboBox* box, const QVariant& data) {
    ASSERT_NE(box, nullptr);
    const int at = box->findData(data);
    ASSERT_GE(at, 0) << box->objectName().toStdString() << ": no " << data.toString().toStdString();
    box->setCurrentIndex(at);
  }

  // The row of `table` whose column `col` reads `text`; -1 when there is none.
  static int RowWith(const QTableWidget& table, int col, const QString& text) {
    for (int r = 0; r < table.rowCount(); ++r) {
      if (table.item(r, col) != nullptr && table.item(r, col)->text() == text) return r;
    }
    return -1;
  }

  // The names on the diagram's boxes, sorted, and the number of relation lines.
  QStringList DiagramBoxes(int* lines) const {
    auto* diagram = window_->findChild<QGraphicsView*>(QStringLiteral("familyDiagram"));
    QStringList boxes;
    *lines = 0;
    if (diagram == nullptr) return boxes;
    for (QGraphicsItem* item : diagram->scene()->items()) {
      if (auto* box = dynamic_cast<QGraphicsRectItem*>(item); box && box->data(0).isValid()) {
        boxes << box->toolTip().section(QLatin1Char('\n'), 0, 0);
      }
      if (auto* line = dynamic_cast<QGraphicsLineItem*>(item); line && line->data(0).isValid()) {
        ++*lines;
      }
    }
    boxes.sort();
    return boxes;
  }

  std::string case_id_;
  std::unique_ptr<CaseWindow> window_;
};

TEST_F(CaseEditTest, TheDirectorAddsAPersonSeenInTheServiceAndTheDiagram) {
  ASSERT_NE(OpenAs("dir"), nullptr);
  QPointer<PersonDialog> dialog = Open<PersonDialog>("addPerson", "personDialog");
  ASSERT_NE(dialog, nullptr);
  EXPECT_FALSE(dialog->editing());
  Child<QLineEdit>(*dialog, "personName")->setText(QStringLiteral("Tom Visser"));
  Choose(Child<QComboBox>(*dialog, "personRole"), static_cast<int>(v1::PERSON_ROLE_CHILD));
  Child<QCheckBox>(*dialog, "personBirthKnown")->setChecked(true);
  Child<QDateEdit>(*dialog, "personBirthDate")->setDate(QDate(2015, 3, 4));
  Child<QLineEdit>(*dialog, "personBsn")->setText(QString::fromLatin1(kValidBsn));
  Child<QLineEdit>(*dialog, "personCity")->setText(QStringLiteral("Den Haag"));
  ASSERT_TRUE(ClickOk(*dialog)) << StatusOf(*dialog).toStdString();
  EXPECT_TRUE(WaitUntil([&] { return dialog.isNull(); })) << "the dialog stays";

  // The service holds the person, the BSN only masked.
  const v1::Case c = CaseAs("dir");
  ASSERT_EQ(c.persons_size(), 2);
  const v1::Person& tom = c.persons(1);
  EXPECT_EQ(tom.name(), "Tom Visser");
  EXPECT_EQ(tom.role(), v1::PERSON_ROLE_CHILD);
  EXPECT_EQ(tom.date_of_birth().year(), 2015);
  EXPECT_EQ(tom.date_of_birth().day(), 4);
  EXPECT_EQ(tom.address().city(), "Den Haag");
  EXPECT_EQ(tom.bsn_masked(), "******333");

  // The window read the case again: a row and a box for Tom, the BSN masked, never in clear.
  auto* persons = Child<QTableWidget>(*window_, "personsTable");
  ASSERT_TRUE(WaitUntil([&] { return persons->rowCount() == 2; }));
  const int row = RowWith(*persons, 0, QStringLiteral("Tom Visser"));
  ASSERT_GE(row, 0);
  EXPECT_EQ(persons->item(row, 1)->text(), QStringLiteral("Kind"));
  EXPECT_EQ(persons->item(row, 2)->text(), QStringLiteral("04-03-2015"));
  EXPECT_EQ(persons->item(row, 3)->text(), QStringLiteral("******333"));
  int lines = 0;
  EXPECT_EQ(DiagramBoxes(&lines),
            (QStringList{QStringLiteral("Sanne Visser"), QStringLiteral("Tom Visser")}));
  EXPECT_EQ(Child<QLabel>(*window_, "familyStatus")->text(),
            QStringLiteral("De persoon is toegevoegd."));
  EXPECT_FALSE(AllTextIn(*window_).join('\n').contains(QString::fromLatin1(kValidBsn)));

  // Correcting Tom (a double click opens the dialog): the BSN field starts empty, the masked one
  // says it is known; an empty field keeps it.
  const QPoint at = persons->visualItemRect(persons->item(row, 0)).center();
  QTest::mouseClick(persons->viewport(), Qt::LeftButton, {}, at);
  QTest::mouseDClick(persons->viewport(), Qt::LeftButton, {}, at);
  QPointer<PersonDialog> edit = window_->findChild<PersonDialog*>(QStringLiteral("personDialog"));
  ASSERT_NE(edit, nullptr);
  ASSERT_TRUE(edit->editing());
  EXPECT_EQ(Child<QLineEdit>(*edit, "personName")->text(), QStringLiteral("Tom Visser"));
  EXPECT_TRUE(Child<QLineEdit>(*edit, "personBsn")->text().isEmpty());
  EXPECT_TRUE(Child<QLabel>(*edit, "personBsnKnown")->text().contains(QStringLiteral("******333")));
  Child<QLineEdit>(*edit, "personName")->setText(QStringLiteral("Tom de Visser"));
  ASSERT_TRUE(ClickOk(*edit)) << StatusOf(*edit).toStdString();
  const v1::Case after = CaseAs("dir");
  ASSERT_EQ(after.persons_size(), 2);
  EXPECT_EQ(after.persons(1).name(), "Tom de Visser");
  EXPECT_EQ(after.persons(1).bsn_masked(), "******333") << "the BSN kept";
  EXPECT_TRUE(
      WaitUntil([&] { return RowWith(*persons, 0, QStringLiteral("Tom de Visser")) >= 0; }));
}

TEST_F(CaseEditTest, BadFieldsAreMarkedAndNothingIsWritten) {
  ASSERT_NE(OpenAs("dir"), nullptr);
  QPointer<PersonDialog> dialog = Open<PersonDialog>("addPerson", "personDialog");
  ASSERT_NE(dialog, nullptr);
  auto* name = Child<QLineEdit>(*dialog, "personName");
  auto* bsn = Child<QLineEdit>(*dialog, "personBsn");
  Choose(Child<QComboBox>(*dialog, "personRole"), static_cast<int>(v1::PERSON_ROLE_CHILD));
  bsn->setText(QString::fromLatin1(kInvalidBsn));
  EXPECT_FALSE(ClickOk(*dialog));
  EXPECT_TRUE(FieldMarks::IsMarked(name));
  EXPECT_EQ(name->toolTip(), QStringLiteral("Dit veld mag niet leeg zijn."));
  EXPECT_TRUE(FieldMarks::IsMarked(bsn));
  EXPECT_EQ(bsn->toolTip(),
            QStringLiteral("Geen geldig BSN (9 cijfers die de elfproef doorstaan)."));
  EXPECT_FALSE(FieldMarks::IsMarked(Child<QComboBox>(*dialog, "personRole")));
  EXPECT_EQ(StatusOf(*dialog), QStringLiteral("Controleer de gemarkeerde velden."));
  EXPECT_TRUE(dialog->isVisible());
  EXPECT_TRUE(Child<QPushButton>(*dialog, "okButton")->isEnabled());
  EXPECT_EQ(CaseAs("dir").persons_size(), 1) << "nothing written";

  // A relation needs its kind: the field is marked, nothing recorded.
  AddChild("Tom Visser");
  dialog->reject();
  window_->refresh();
  ASSERT_TRUE(WaitUntil([&] {
    return window_->allLoaded() && Child<QTableWidget>(*window_, "personsTable")->rowCount() == 2;
  }));
  QPointer<RelationDialog> relation = Open<RelationDialog>("addRelation", "relationDialog");
  ASSERT_NE(relation, nullptr);
  EXPECT_FALSE(ClickOk(*relation));
  EXPECT_TRUE(FieldMarks::IsMarked(Child<QComboBox>(*relation, "relationType")));
  EXPECT_EQ(CaseAs("dir").relations_size(), 0);
}

TEST_F(CaseEditTest, PressingOkTwiceAddsOnePerson) {
  ASSERT_NE(OpenAs("dir"), nullptr);
  QPointer<PersonDialog> dialog = Open<PersonDialog>("addPerson", "personDialog");
  ASSERT_NE(dialog, nullptr);
  const std::string request_id = dialog->requestId();
  // A first attempt the service refuses (no name) keeps the dialog and its request id.
  Choose(Child<QComboBox>(*dialog, "personRole"), static_cast<int>(v1::PERSON_ROLE_PARENT));
  EXPECT_FALSE(ClickOk(*dialog));
  EXPECT_EQ(dialog->requestId(), request_id);
  Child<QLineEdit>(*dialog, "personName")->setText(QStringLiteral("Peter Visser"));

  // OK twice in a row: the second press while the first is under way sends nothing.
  std::optional<bool> result;
  int answers = 0;
  QObject::connect(dialog, &FormDialog::callFinished, [&](bool ok) {
    result = ok;
    ++answers;
  });
  auto* ok = Child<QPushButton>(*dialog, "okButton");
  ok->click();
  ok->click();
  ASSERT_TRUE(WaitUntil([&] { return result.has_value(); }));
  ASSERT_TRUE(*result);
  EXPECT_EQ(answers, 1);
  EXPECT_TRUE(WaitUntil([&] { return dialog.isNull(); }));

  v1::Case c = CaseAs("dir");
  ASSERT_EQ(c.persons_size(), 2);
  const std::string peter = c.persons(1).id();

  // The same request again (as a retry after a lost answer would send it): the service answers
  // with the same person and adds none.
  v1::AddPersonRequest again;
  again.set_request_id(request_id);
  again.set_case_id(case_id_);
  again.mutable_person()->set_name("Peter Visser");
  again.mutable_person()->set_role(v1::PERSON_ROLE_PARENT);
  v1::AddPersonResponse answered;
  const grpc::Status st = world_.C("dir")->AddPerson(PCtx().get(), again, &answered);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(answered.person().id(), peter);
  c = CaseAs("dir");
  EXPECT_EQ(c.persons_size(), 2);
  EXPECT_TRUE(
      WaitUntil([&] { return Child<QTableWidget>(*window_, "personsTable")->rowCount() == 2; }));
}

TEST_F(CaseEditTest, TheDirectorRecordsARelationBetweenTwoPersons) {
  const std::string tom = AddChild("Tom Visser");
  ASSERT_NE(OpenAs("dir"), nullptr);
  QPointer<RelationDialog> dialog = Open<RelationDialog>("addRelation", "relationDialog");
  ASSERT_NE(dialog, nullptr);
  // The persons by name.
  auto* from = Child<QComboBox>(*dialog, "relationFrom");
  ASSERT_EQ(from->count(), 2);
  EXPECT_TRUE(from->itemText(0).startsWith(QStringLiteral("Sanne Visser")));
  Choose(from, QString::fromStdString(world_.person_id()));
  Choose(Child<QComboBox>(*dialog, "relationType"), static_cast<int>(v1::RELATION_TYPE_PARENT_OF));
  Choose(Child<QComboBox>(*dialog, "relationTo"), QString::fromStdString(tom));
  ASSERT_TRUE(ClickOk(*dialog)) << StatusOf(*dialog).toStdString();

  const v1::Case c = CaseAs("dir");
  ASSERT_EQ(c.relations_size(), 1);
  EXPECT_EQ(c.relations(0).from_person_id(), world_.person_id());
  EXPECT_EQ(c.relations(0).to_person_id(), tom);
  EXPECT_EQ(c.relations(0).type(), v1::RELATION_TYPE_PARENT_OF);

  auto* relations = Child<QTableWidget>(*window_, "relationsTable");
  ASSERT_TRUE(WaitUntil([&] { return relations->rowCount() == 1; }));
  EXPECT_EQ(relations->item(0, 0)->text(), QStringLiteral("Sanne Visser"));
  EXPECT_EQ(relations->item(0, 1)->text(), QStringLiteral("ouder van"));
  EXPECT_EQ(relations->item(0, 2)->text(), QStringLiteral("Tom Visser"));
  int lines = 0;
  DiagramBoxes(&lines);
  EXPECT_EQ(lines, 1);
}

TEST_F(CaseEditTest, TheDirectorRemovesAPersonWithAReason) {
  const std::string tom = AddChild("Tom Visser");
  {
    v1::AddRelationRequest rel;
    rel.set_request_id(NewRandomId());
    rel.set_case_id(case_id_);
    rel.mutable_relation()->set_from_person_id(world_.person_id());
    rel.mutable_relation()->set_to_person_id(tom);
    rel.mutable_relation()->set_type(v1::RELATION_TYPE_PARENT_OF);
    v1::AddRelationResponse related;
    const grpc::Status st = world_.C("dir")->AddRelation(PCtx().get(), rel, &related);
    ASSERT_TRUE(st.ok()) << st.error_message();
  }
  ASSERT_NE(OpenAs("dir"), nullptr);
  auto* persons = Child<QTableWidget>(*window_, "personsTable");
  ASSERT_EQ(persons->rowCount(), 2);
  EXPECT_FALSE(Child<QPushButton>(*window_, "removePerson")->isEnabled()) << "nothing selected";
  persons->selectRow(RowWith(*persons, 0, QStringLiteral("Tom Visser")));
  QPointer<FamilyRemovalDialog> dialog =
      Open<FamilyRemovalDialog>("removePerson", "removePersonDialog");
  ASSERT_NE(dialog, nullptr);
  EXPECT_TRUE(Child<QLabel>(*dialog, "removalWhat")->text().contains(QStringLiteral("Tom Visser")));
  // The service requires a reason.
  auto* reason = Child<QPlainTextEdit>(*dialog, "removalReason");
  EXPECT_FALSE(ClickOk(*dialog));
  EXPECT_TRUE(FieldMarks::IsMarked(reason));
  EXPECT_EQ(CaseAs("dir").persons_size(), 2);

  reason->setPlainText(QStringLiteral("Bij de verkeerde casus ingevoerd."));
  Choose(Child<QComboBox>(*dialog, "removalSensitivity"),
         static_cast<int>(v1::SENSITIVITY_GENERAL));
  ASSERT_TRUE(ClickOk(*dialog)) << StatusOf(*dialog).toStdString();

  const v1::Case c = CaseAs("dir");
  ASSERT_EQ(c.persons_size(), 1);
  EXPECT_EQ(c.persons(0).name(), "Sanne Visser");
  EXPECT_EQ(c.relations_size(), 0) << "the relations go with the person";
  ASSERT_EQ(c.removals_size(), 1);
  EXPECT_EQ(c.removals(0).object_type(), "person");
  EXPECT_EQ(c.removals(0).object_id(), tom);
  EXPECT_EQ(c.removals(0).reason(), "Bij de verkeerde casus ingevoerd.");
  EXPECT_EQ(c.removals(0).sensitivity(), v1::SENSITIVITY_GENERAL);
  EXPECT_TRUE(WaitUntil([&] { return persons->rowCount() == 1; }));
  EXPECT_EQ(Child<QTableWidget>(*window_, "relationsTable")->rowCount(), 0);
}

TEST_F(CaseEditTest, ATeamMemberPickedFromTheDirectoryShowsByName) {
  ASSERT_NE(OpenAs("dir"), nullptr);
  auto* team = Child<QTableWidget>(*window_, "teamTable");
  // The members already there read by name too. The directory answers off the UI thread, the
  // professional and the organisation in separate calls, in either order: wait for both.
  const auto named = [&](const QString& professional, const QString& organisation) {
    const int row = RowWith(*team, 1, professional);
    return row >= 0 && team->item(row, 2)->text() == organisation;
  };
  EXPECT_TRUE(WaitUntil([&] {
    return named(QStringLiteral("Professional dir"), QStringLiteral("Organisatie wijkteam-org"));
  }));
  const int dir_row = RowWith(*team, 1, QStringLiteral("Professional dir"));
  ASSERT_GE(dir_row, 0);
  EXPECT_EQ(team->item(dir_row, 0)->text(), QStringLiteral("★"));
  EXPECT_EQ(team->item(dir_row, 1)->data(Qt::UserRole).toString(), QStringLiteral("dir"));
  EXPECT_EQ(team->item(dir_row, 2)->text(), QStringLiteral("Organisatie wijkteam-org"));

  QPointer<AddTeamMemberDialog> dialog =
      Open<AddTeamMemberDialog>("addTeamMember", "addTeamMemberDialog");
  ASSERT_NE(dialog, nullptr);
  auto* orgs = Child<QComboBox>(*dialog, "memberOrganisation");
  auto* pros = Child<QComboBox>(*dialog, "memberProfessional");
  ASSERT_TRUE(
      WaitUntil([&] { return orgs->findData(QString::fromLatin1(world::kElsewhere)) >= 0; }));
  EXPECT_EQ(orgs->itemText(orgs->findData(QString::fromLatin1(world::kElsewhere))),
            QStringLiteral("Organisatie elders-org"));
  Choose(orgs, QString::fromLatin1(world::kElsewhere));
  ASSERT_TRUE(WaitUntil([&] { return pros->findData(QStringLiteral("outsider")) >= 0; }));
  EXPECT_EQ(pros->itemText(pros->findData(QStringLiteral("outsider"))),
            QStringLiteral("Professional outsider"));
  Choose(pros, QStringLiteral("outsider"));
  Choose(Child<QComboBox>(*dialog, "memberRole"), static_cast<int>(v1::CASE_ROLE_INVOLVED));
  ASSERT_TRUE(ClickOk(*dialog)) << StatusOf(*dialog).toStdString();

  bool found = false;
  const v1::Case c = CaseAs("dir");
  for (const v1::TeamMember& m : c.team()) {
    if (m.professional_id() != "outsider") continue;
    found = true;
    EXPECT_EQ(m.organisation_id(), world::kElsewhere);
    EXPECT_EQ(m.role(), v1::CASE_ROLE_INVOLVED);
  }
  EXPECT_TRUE(found) << "outsider is not on the team";
  EXPECT_TRUE(WaitUntil([&] {
    return named(QStringLiteral("Professional outsider"), QStringLiteral("Organisatie elders-org"));
  }));
  const int row = RowWith(*team, 1, QStringLiteral("Professional outsider"));
  ASSERT_GE(row, 0);
  EXPECT_EQ(team->item(row, 2)->text(), QStringLiteral("Organisatie elders-org"));
  EXPECT_EQ(team->item(row, 4)->text(), QStringLiteral("Betrokken"));
  EXPECT_EQ(RowWith(*team, 1, QStringLiteral("outsider")), -1) << "the name, not the id";

  // And removed again (the selected row).
  team->selectRow(row);
  QPointer<RemoveTeamMemberDialog> remove =
      Open<RemoveTeamMemberDialog>("removeTeamMember", "removeTeamMemberDialog");
  ASSERT_NE(remove, nullptr);
  EXPECT_TRUE(Child<QLabel>(*remove, "memberWho")
                  ->text()
                  .contains(QStringLiteral("Professional outsider")));
  ASSERT_TRUE(ClickOk(*remove)) << StatusOf(*remove).toStdString();
  const v1::Case after = CaseAs("dir");
  for (const v1::TeamMember& m : after.team()) {
    if (m.professional_id() == "outsider") {
      EXPECT_NE(m.end_time().seconds(), 0) << "still on the team";
    }
  }
}

TEST_F(CaseEditTest, TheDirectorClosesTheCaseWithItsReasonAndReopensIt) {
  ASSERT_NE(OpenAs("dir"), nullptr);
  EXPECT_FALSE(Child<QPushButton>(*window_, "reopenCase")->isEnabled()) << "the case is open";
  QPointer<CloseCaseDialog> dialog = Open<CloseCaseDialog>("closeCase", "closeCaseDialog");
  ASSERT_NE(dialog, nullptr);
  // A checklist item not met and no deviation: the service names the item.
  Child<QPlainTextEdit>(*dialog, "closeReason")
      ->setPlainText(QStringLiteral("Stabiele veiligheid een half jaar gehouden."));
  for (const char* name : {"checkStableSafety", "checkRiskFactors", "checkRecoveryOwner"}) {
    Child<QCheckBox>(*dialog, name)->setChecked(true);
  }
  EXPECT_FALSE(ClickOk(*dialog));
  EXPECT_TRUE(FieldMarks::IsMarked(Child<QCheckBox>(*dialog, "checkFollowUp")));
  EXPECT_EQ(CaseAs("dir").status(), v1::CASE_STATUS_OPEN);

  Child<QCheckBox>(*dialog, "checkFollowUp")->setChecked(true);
  Child<QLineEdit>(*dialog, "followUpMonths")->setText(QStringLiteral("3, 6"));
  ASSERT_TRUE(ClickOk(*dialog)) << StatusOf(*dialog).toStdString();

  v1::Case c = CaseAs("dir");
  EXPECT_EQ(c.status(), v1::CASE_STATUS_CLOSED);
  EXPECT_EQ(c.closure().reason(), "Stabiele veiligheid een half jaar gehouden.");
  EXPECT_TRUE(c.closure().checklist().follow_up_agreed());
  ASSERT_EQ(c.follow_ups_size(), 2);
  EXPECT_EQ(c.follow_ups(0).months_after_closure(), 3);
  auto* state = Child<QLabel>(*window_, "caseState");
  ASSERT_TRUE(WaitUntil([&] { return state->text().contains(QStringLiteral("gesloten")); }))
      << state->text().toStdString();
  EXPECT_TRUE(state->text().contains(QStringLiteral("Stabiele veiligheid een half jaar")));
  EXPECT_TRUE(Child<QPushButton>(*window_, "reopenCase")->isEnabled());
  EXPECT_FALSE(Child<QPushButton>(*window_, "closeCase")->isEnabled());

  QPointer<ReopenCaseDialog> reopen = Open<ReopenCaseDialog>("reopenCase", "reopenCaseDialog");
  ASSERT_NE(reopen, nullptr);
  Child<QPlainTextEdit>(*reopen, "reopenReason")->setPlainText(QStringLiteral("Nieuw incident."));
  ASSERT_TRUE(ClickOk(*reopen)) << StatusOf(*reopen).toStdString();
  c = CaseAs("dir");
  EXPECT_EQ(c.status(), v1::CASE_STATUS_OPEN);
  EXPECT_TRUE(WaitUntil([&] { return state->text() == QStringLiteral("Deze casus is open."); }));
}

TEST_F(CaseEditTest, TheDirectorHandsTheDirectorRoleToATeamMember) {
  ASSERT_NE(OpenAs("dir"), nullptr);
  auto* team = Child<QTableWidget>(*window_, "teamTable");
  ASSERT_TRUE(WaitUntil([&] { return RowWith(*team, 1, QStringLiteral("Professional wt")) >= 0; }));
  team->selectRow(RowWith(*team, 1, QStringLiteral("Professional wt")));
  QPointer<TransferDirectorDialog> dialog =
      Open<TransferDirectorDialog>("transferDirector", "transferDirectorDialog");
  ASSERT_NE(dialog, nullptr);
  auto* to = Child<QComboBox>(*dialog, "newDirector");
  // The current members but the director, by name; the selected one chosen.
  EXPECT_EQ(to->findData(QStringLiteral("dir")), -1);
  EXPECT_EQ(to->currentData().toString(), QStringLiteral("wt"));
  EXPECT_TRUE(to->currentText().startsWith(QStringLiteral("Professional wt")))
      << to->currentText().toStdString();
  ASSERT_TRUE(ClickOk(*dialog)) << StatusOf(*dialog).toStdString();

  const v1::Case c = CaseAs("wt");
  std::map<std::string, v1::CaseRole> current;
  for (const v1::TeamMember& m : c.team()) {
    if (!m.has_end_time() || m.end_time().seconds() == 0) current[m.professional_id()] = m.role();
  }
  EXPECT_EQ(current["wt"], v1::CASE_ROLE_CASE_DIRECTOR);
  EXPECT_EQ(current["dir"], v1::CASE_ROLE_CORE_TEAM);
  // The star moves to wt.
  ASSERT_TRUE(WaitUntil([&] {
    const int row = RowWith(*team, 0, QStringLiteral("★"));
    return row >= 0 && team->item(row, 1)->text() == QStringLiteral("Professional wt");
  }));
  EXPECT_EQ(Child<QLabel>(*window_, "myCaseRole")->text(),
            QStringLiteral("Uw rol in deze casus: Kernteam"));
}

TEST_F(CaseEditTest, ACorrectionOnAStalePersonOffersToReload) {
  ASSERT_NE(OpenAs("dir"), nullptr);
  auto* persons = Child<QTableWidget>(*window_, "personsTable");
  persons->selectRow(0);
  QPointer<PersonDialog> dialog = Open<PersonDialog>("editPerson", "personDialog");
  ASSERT_NE(dialog, nullptr);
  // Someone else corrects Sanne meanwhile.
  {
    const v1::Case c = CaseAs("wt");
    v1::UpdatePersonRequest req;
    req.set_request_id(NewRandomId());
    req.set_case_id(case_id_);
    *req.mutable_person() = c.persons(0);
    req.mutable_person()->clear_bsn_masked();
    req.mutable_person()->set_name("Sanne de Visser");
    v1::UpdatePersonResponse resp;
    const grpc::Status st = world_.C("wt")->UpdatePerson(PCtx().get(), req, &resp);
    ASSERT_TRUE(st.ok()) << st.error_message();
  }
  // The question to reload is answered "Opnieuw laden" as soon as it shows.
  bool asked = false;
  QTimer answer;
  QObject::connect(&answer, &QTimer::timeout, [&] {
    for (QWidget* w : QApplication::topLevelWidgets()) {
      auto* box = qobject_cast<QMessageBox*>(w);
      if (box == nullptr || box->objectName() != QStringLiteral("staleEtagQuestion") ||
          !box->isVisible()) {
        continue;
      }
      for (QAbstractButton* b : box->buttons()) {
        if (b->text() == QStringLiteral("&Opnieuw laden")) {
          asked = true;
          b->click();
        }
      }
    }
  });
  answer.start(20);
  Child<QLineEdit>(*dialog, "personStreet")->setText(QStringLiteral("Laan 1"));
  EXPECT_FALSE(ClickOk(*dialog));
  answer.stop();
  EXPECT_TRUE(asked) << "no question to reload";
  // The dialog now holds the person as stored: the other's name, and a fresh etag.
  auto* name = Child<QLineEdit>(*dialog, "personName");
  ASSERT_TRUE(WaitUntil([&] { return name->text() == QStringLiteral("Sanne de Visser"); }));
  ASSERT_TRUE(WaitUntil([&] { return Child<QPushButton>(*dialog, "okButton")->isEnabled(); }));
  Child<QLineEdit>(*dialog, "personStreet")->setText(QStringLiteral("Laan 1"));
  ASSERT_TRUE(ClickOk(*dialog)) << StatusOf(*dialog).toStdString();
  const v1::Case c = CaseAs("dir");
  EXPECT_EQ(c.persons(0).name(), "Sanne de Visser");
  EXPECT_EQ(c.persons(0).address().street(), "Laan 1");
}

TEST_F(CaseEditTest, AnInvolvedMemberReadsADutchSentenceAndNothingChanges) {
  // "ggz" is on the team as INVOLVED: they may see the case, not change its family.
  ASSERT_NE(OpenAs("ggz"), nullptr);
  QPointer<PersonDialog> dialog = Open<PersonDialog>("addPerson", "personDialog");
  ASSERT_NE(dialog, nullptr);
  Child<QLineEdit>(*dialog, "personName")->setText(QStringLiteral("Tom Visser"));
  Choose(Child<QComboBox>(*dialog, "personRole"), static_cast<int>(v1::PERSON_ROLE_CHILD));
  EXPECT_FALSE(ClickOk(*dialog));
  const QString status = StatusOf(*dialog);
  EXPECT_EQ(status, QStringLiteral("Alleen de casusregisseur en het kernteam mogen de casus "
                                   "wijzigen."));
  EXPECT_FALSE(status.contains(QStringLiteral("PERMISSION_DENIED"))) << "no gRPC text";
  EXPECT_TRUE(dialog->findChild<QLabel*>(QStringLiteral("formStatus"))
                  ->toolTip()
                  .startsWith(QStringLiteral("PERMISSION_DENIED")))
      << "the technical detail in the tooltip";
  EXPECT_TRUE(dialog->isVisible());
  EXPECT_EQ(CaseAs("dir").persons_size(), 1) << "nothing written";
}

TEST_F(CaseEditTest, OnlyTheDirectorClosesTheCaseOrRemovesAPerson) {
  // "wt" is core team: they change the family, but removing and closing are the director's.
  ASSERT_NE(OpenAs("wt"), nullptr);
  Child<QTableWidget>(*window_, "personsTable")->selectRow(0);
  QPointer<FamilyRemovalDialog> remove =
      Open<FamilyRemovalDialog>("removePerson", "removePersonDialog");
  ASSERT_NE(remove, nullptr);
  Child<QPlainTextEdit>(*remove, "removalReason")->setPlainText(QStringLiteral("Fout ingevoerd."));
  EXPECT_FALSE(ClickOk(*remove));
  EXPECT_EQ(StatusOf(*remove), QStringLiteral("Alleen de casusregisseur mag dit doen."));
  remove->reject();

  QPointer<CloseCaseDialog> close = Open<CloseCaseDialog>("closeCase", "closeCaseDialog");
  ASSERT_NE(close, nullptr);
  Child<QPlainTextEdit>(*close, "closeReason")->setPlainText(QStringLiteral("Klaar."));
  for (const char* name :
       {"checkStableSafety", "checkRiskFactors", "checkRecoveryOwner", "checkFollowUp"}) {
    Child<QCheckBox>(*close, name)->setChecked(true);
  }
  EXPECT_FALSE(ClickOk(*close));
  EXPECT_EQ(StatusOf(*close), QStringLiteral("Alleen de casusregisseur mag dit doen."));

  const v1::Case c = CaseAs("dir");
  EXPECT_EQ(c.persons_size(), 1);
  EXPECT_EQ(c.status(), v1::CASE_STATUS_OPEN);
  EXPECT_EQ(c.removals_size(), 0);
}

}  // namespace
}  // namespace schakel::desktop
