// The case window (Mijn casussen → a case) against a real in-process host over mutual TLS, signed
// in through the dialog: what a police officer sees of a case with care information (never its
// text), the director's view (the note's text, the family diagram), the safety plan's diff, the
// "handover pending" banner, a note refused by the service marking its field, and a case one may
// not see reading the same as one that does not exist.
// First: the intake protos (the fixture reads them) before Qt's keyword macros.
#include "client/desktop/intake_proto.h"  // IWYU pragma: keep

#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <QComboBox>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QThreadPool>

#include "client/desktop/case_plan_diff.h"
#include "client/desktop/case_window.h"
#include "client/desktop/field_errors.h"
#include "client/desktop/my_cases_view.h"
#include "services/common/ids.h"
#include "tests/desktop/desktop_fixture.h"
#include "tests/integration/safetyplan_fixture.h"

namespace schakel::desktop {
namespace {

using schakel::testing::PCtx;
using namespace test_support;  // NOLINT(google-build-using-namespace)
namespace world = schakel::testing::plan_world;

const char kCareNote[] = "Moeder is in traumabehandeling bij de GGZ (EMDR).";
const char kGeneralNote[] = "Huisbezoek gepland op maandag.";
// FirstPlan's CARE condition.
const char kCarePlanItem[] = "Vader volgt zijn behandeling bij de verslavingszorg.";
const char kChangedWorry[] =
    "Vader slaat moeder als hij gedronken heeft; de kinderen zien het "
    "en de oudste grijpt in.";
const char kHidden[] = "verborgen voor uw organisatie";
const char kNoCaseAccess[] = "U heeft geen toegang tot deze casus of deze bestaat niet.";

class CaseWindowTest : public DesktopTest {
 protected:
  void TearDown() override {
    // Let every call under way finish before the host goes.
    WaitUntil([] { return CallPool().activeThreadCount() == 0; });
  }

  // A case with care information: a CARE note written by the local team (which sees care), a
  // general note, a second person and a relation, an active plan (FirstPlan: one CARE condition)
  // and a draft version 2 in which exactly one item (the worry) changed.
  void MakeCareCase() {
    case_id_ = world_.MakeCase();
    world_.Flush();  // the responsibility ledger knows the case
    {
      v1::GetCaseRequest get;
      get.set_case_id(case_id_);
      v1::GetCaseResponse got;
      ASSERT_TRUE(world_.C("wt")->GetCase(PCtx().get(), get, &got).ok());
      reference_ = got.case_().reference();
      v1::UpdateCaseRequest update;
      update.set_request_id(NewRandomId());
      update.set_case_id(case_id_);
      update.set_etag(got.case_().etag());
      *update.mutable_details() = got.case_().details();
      v1::Note* care = update.mutable_details()->add_notes();
      care->set_text(kCareNote);
      care->set_sensitivity(v1::SENSITIVITY_CARE);
      v1::Note* general = update.mutable_details()->add_notes();
      general->set_text(kGeneralNote);
      general->set_sensitivity(v1::SENSITIVITY_GENERAL);
      v1::UpdateCaseResponse updated;
      const grpc::Status st = world_.C("wt")->UpdateCase(PCtx().get(), update, &updated);
      ASSERT_TRUE(st.ok()) << st.error_message();
    }
    {
      v1::AddPersonRequest add;
      add.set_request_id(NewRandomId());
      add.set_case_id(case_id_);
      add.mutable_person()->set_name("Tom Visser");
      add.mutable_person()->set_role(v1::PERSON_ROLE_CHILD);
      add.mutable_person()->mutable_date_of_birth()->set_year(2015);
      add.mutable_person()->mutable_date_of_birth()->set_month(3);
      add.mutable_person()->mutable_date_of_birth()->set_day(4);
      v1::AddPersonResponse added;
      grpc::Status st = world_.C("dir")->AddPerson(PCtx().get(), add, &added);
      ASSERT_TRUE(st.ok()) << st.error_message();
      v1::AddRelationRequest rel;
      rel.set_request_id(NewRandomId());
      rel.set_case_id(case_id_);
      rel.mutable_relation()->set_from_person_id(world_.person_id());
      rel.mutable_relation()->set_to_person_id(added.person().id());
      rel.mutable_relation()->set_type(v1::RELATION_TYPE_PARENT_OF);
      v1::AddRelationResponse related;
      st = world_.C("dir")->AddRelation(PCtx().get(), rel, &related);
      ASSERT_TRUE(st.ok()) << st.error_message();
    }
    world_.ActivePlan(case_id_);
    v1::PlanVersion draft;
    ASSERT_TRUE(world_.Start("dir", case_id_, &draft).ok());
    ASSERT_EQ(draft.version(), 2);
    v1::PlanContent content = draft.content();
    bool changed = false;
    for (auto& s : *content.mutable_sections()) {
      if (s.section() != v1::PLAN_SECTION_WORRIES) continue;
      s.mutable_items(0)->set_text(kChangedWorry);
      changed = true;
    }
    ASSERT_TRUE(changed);
    const grpc::Status st = world_.Update("dir", draft, content, nullptr);
    ASSERT_TRUE(st.ok()) << st.error_message();
  }

  // Signs in as `id`, opens Mijn casussen and the case from its row (selecting the row and
  // clicking "Openen"), and waits until every tab has loaded.
  CaseWindow* OpenAs(const std::string& id) {
    std::optional<Session> session = SignInAs(id);
    if (!session.has_value()) return nullptr;
    view_ = std::make_unique<MyCasesView>(session->channels);
    view_->refresh();
    auto* table = view_->findChild<QTableWidget*>(QStringLiteral("casesTable"));
    if (!WaitUntil([&] { return table->rowCount() > 0; })) {
      ADD_FAILURE() << id << " sees no case";
      return nullptr;
    }
    int row = -1;
    for (int r = 0; r < table->rowCount(); ++r) {
      if (table->item(r, 0)->data(Qt::UserRole).toString().toStdString() == case_id_) row = r;
    }
    if (row < 0) {
      ADD_FAILURE() << id << " does not see the case in Mijn casussen";
      return nullptr;
    }
    table->setCurrentCell(row, 0);
    view_->findChild<QPushButton*>(QStringLiteral("openCase"))->click();
    CaseWindow* window = view_->caseWindow(QString::fromStdString(case_id_));
    if (window == nullptr) {
      ADD_FAILURE() << "no case window";
      return nullptr;
    }
    EXPECT_TRUE(WaitUntil([&] { return window->allLoaded(); })) << "the tabs did not load";
    return window;
  }

  template <typename T>
  static T* Child(const QWidget& root, const char* name) {
    T* child = root.findChild<T*>(QString::fromLatin1(name));
    EXPECT_NE(child, nullptr) << name;
    return child;
  }

  std::string case_id_;
  std::string reference_;
  std::unique_ptr<MyCasesView> view_;
};

TEST_F(CaseWindowTest, APoliceOfficerSeesNoCareText) {
  ASSERT_NO_FATAL_FAILURE(MakeCareCase());
  CaseWindow* window = OpenAs("agent");
  ASSERT_NE(window, nullptr);
  EXPECT_EQ(window->objectName(), QStringLiteral("caseWindow"));
  EXPECT_TRUE(window->windowTitle().contains(QString::fromStdString(reference_)))
      << window->windowTitle().toStdString();
  EXPECT_TRUE(window->isWindow());

  // The comparison of the plan's versions too.
  auto* diff = window->findChild<CasePlanDiff*>();
  ASSERT_NE(diff, nullptr);
  QSignalSpy compared(diff, &CasePlanDiff::compared);
  Child<QPushButton>(*window, "compareVersions")->click();
  ASSERT_TRUE(WaitUntil([&] { return !compared.isEmpty(); }));
  EXPECT_TRUE(compared.first().first().toBool());

  const QStringList texts = AllTextIn(*window);
  const QString all = texts.join(QStringLiteral("\n"));
  EXPECT_FALSE(all.contains(QString::fromUtf8(kCareNote))) << "the CARE note leaked";
  EXPECT_FALSE(all.contains(QString::fromUtf8(kCarePlanItem))) << "the CARE plan item leaked";
  EXPECT_FALSE(all.contains(QStringLiteral("traumabehandeling"), Qt::CaseInsensitive));
  EXPECT_FALSE(all.contains(QStringLiteral("verslavingszorg"), Qt::CaseInsensitive));
  // What the police may see is there: the general note, the persons, the general plan items.
  EXPECT_TRUE(all.contains(QString::fromUtf8(kGeneralNote)));
  EXPECT_TRUE(all.contains(QStringLiteral("Tom Visser")));
  EXPECT_TRUE(all.contains(QStringLiteral("Er is geen fysiek geweld in het gezin.")));

  // The CARE note's place shows the service's marker.
  auto* notes = Child<QTableWidget>(*window, "notesTable");
  ASSERT_NE(notes, nullptr);
  const std::vector<QString> note_texts = Column(*notes, 0);
  ASSERT_EQ(note_texts.size(), 2u);
  EXPECT_TRUE(note_texts[0].startsWith(QString::fromUtf8(kHidden))) << note_texts[0].toStdString();
  EXPECT_FALSE(note_texts[0].contains(QStringLiteral("hidden for"))) << "only the Dutch part";
  EXPECT_EQ(note_texts[1], QString::fromUtf8(kGeneralNote));
  // So does the CARE condition in the plan.
  auto* items = Child<QTableWidget>(*window, "planItems");
  ASSERT_NE(items, nullptr);
  int hidden_items = 0;
  for (const QString& t : Column(*items, 2))
    hidden_items += t.startsWith(QString::fromUtf8(kHidden));
  EXPECT_EQ(hidden_items, 1);
}

TEST_F(CaseWindowTest, TheDirectorSeesTheCareNoteAndTheFamilyDiagram) {
  ASSERT_NO_FATAL_FAILURE(MakeCareCase());
  CaseWindow* window = OpenAs("dir");
  ASSERT_NE(window, nullptr);
  auto* notes = Child<QTableWidget>(*window, "notesTable");
  ASSERT_NE(notes, nullptr);
  EXPECT_EQ(Column(*notes, 0),
            (std::vector<QString>{QString::fromUtf8(kCareNote), QString::fromUtf8(kGeneralNote)}));
  EXPECT_EQ(Column(*notes, 1),
            (std::vector<QString>{QStringLiteral("Zorg"), QStringLiteral("Algemeen")}));
  EXPECT_FALSE(AllTextIn(*window).join('\n').contains(QString::fromUtf8(kHidden)));

  // The family: a row and a box per person, a row and a line per relation.
  auto* persons = Child<QTableWidget>(*window, "personsTable");
  ASSERT_NE(persons, nullptr);
  EXPECT_EQ(Column(*persons, 0),
            (std::vector<QString>{QStringLiteral("Sanne Visser"), QStringLiteral("Tom Visser")}));
  EXPECT_EQ(Column(*persons, 1),
            (std::vector<QString>{QStringLiteral("Slachtoffer"), QStringLiteral("Kind")}));
  EXPECT_EQ(Column(*persons, 2), (std::vector<QString>{QString(), QStringLiteral("04-03-2015")}));
  auto* relations = Child<QTableWidget>(*window, "relationsTable");
  ASSERT_NE(relations, nullptr);
  ASSERT_EQ(relations->rowCount(), 1);
  EXPECT_EQ(relations->item(0, 0)->text(), QStringLiteral("Sanne Visser"));
  EXPECT_EQ(relations->item(0, 1)->text(), QStringLiteral("ouder van"));
  EXPECT_EQ(relations->item(0, 2)->text(), QStringLiteral("Tom Visser"));

  auto* diagram = Child<QGraphicsView>(*window, "familyDiagram");
  ASSERT_NE(diagram, nullptr);
  QStringList boxes;
  int lines = 0;
  for (QGraphicsItem* item : diagram->scene()->items()) {
    if (auto* box = dynamic_cast<QGraphicsRectItem*>(item); box && box->data(0).isValid()) {
      boxes << box->toolTip().section(QLatin1Char('\n'), 0, 0);
    }
    if (auto* line = dynamic_cast<QGraphicsLineItem*>(item); line && line->data(0).isValid()) {
      ++lines;
    }
  }
  boxes.sort();
  EXPECT_EQ(boxes, (QStringList{QStringLiteral("Sanne Visser"), QStringLiteral("Tom Visser")}));
  EXPECT_EQ(lines, 1);

  // The team marks the director, and names the professionals (the test hosts call them
  // "Professional <id>") once the directory answered.
  auto* team = Child<QTableWidget>(*window, "teamTable");
  ASSERT_NE(team, nullptr);
  const auto members = [&] {
    QStringList names;
    for (const QString& m : Column(*team, 1)) names << m;
    names.sort();
    return names;
  };
  // The opener (vt), the director, the core team and the involved care professional.
  const QStringList expected = {
      QStringLiteral("Professional agent"), QStringLiteral("Professional dir"),
      QStringLiteral("Professional ggz"), QStringLiteral("Professional vt"),
      QStringLiteral("Professional wt")};
  EXPECT_TRUE(WaitUntil([&] { return members() == expected; }))
      << members().join(',').toStdString();
  int directors = 0;
  for (int r = 0; r < team->rowCount(); ++r) {
    if (team->item(r, 0)->text() == QStringLiteral("★")) {
      ++directors;
      EXPECT_EQ(team->item(r, 1)->text(), QStringLiteral("Professional dir"));
      EXPECT_EQ(team->item(r, 1)->data(Qt::UserRole).toString(), QStringLiteral("dir"));
    }
  }
  EXPECT_EQ(directors, 1);
}

TEST_F(CaseWindowTest, ThePlanDiffHighlightsExactlyTheChangedItem) {
  ASSERT_NO_FATAL_FAILURE(MakeCareCase());
  CaseWindow* window = OpenAs("dir");
  ASSERT_NE(window, nullptr);
  // The versions: 1 in force, 2 a draft.
  auto* versions = Child<QTableWidget>(*window, "planVersions");
  ASSERT_NE(versions, nullptr);
  ASSERT_EQ(versions->rowCount(), 2);
  QStringList states;
  for (const QString& s : Column(*versions, 1)) states << s;
  states.sort();
  EXPECT_EQ(states, (QStringList{QStringLiteral("Concept"), QStringLiteral("Van kracht")}));
  EXPECT_TRUE(Child<QLabel>(*window, "planSummary")->text().contains(QStringLiteral("15-01-2027")));

  auto* diff = window->findChild<CasePlanDiff*>();
  ASSERT_NE(diff, nullptr);
  auto* from = Child<QComboBox>(*window, "diffFrom");
  auto* to = Child<QComboBox>(*window, "diffTo");
  ASSERT_TRUE(from != nullptr && to != nullptr);
  from->setCurrentIndex(from->findData(1));
  to->setCurrentIndex(to->findData(2));
  QSignalSpy compared(diff, &CasePlanDiff::compared);
  Child<QPushButton>(*window, "compareVersions")->click();
  ASSERT_TRUE(WaitUntil([&] { return !compared.isEmpty(); }));
  EXPECT_TRUE(compared.first().first().toBool());

  auto* table = Child<QTableWidget>(*window, "diffTable");
  ASSERT_NE(table, nullptr);
  ASSERT_EQ(table->rowCount(), 6);  // every item of version 2
  int marked = 0;
  for (int r = 0; r < table->rowCount(); ++r) {
    const QString marker = table->item(r, 0)->text();
    const bool highlighted = table->item(r, 2)->background().style() != Qt::NoBrush;
    if (marker.isEmpty()) {
      EXPECT_FALSE(highlighted) << table->item(r, 2)->text().toStdString();
      continue;
    }
    ++marked;
    EXPECT_EQ(marker, QStringLiteral("~"));
    EXPECT_TRUE(highlighted);
    EXPECT_EQ(table->item(r, 1)->text(), QStringLiteral("Zorgen en risicotaxatie"));
    EXPECT_EQ(table->item(r, 2)->text(), QString::fromUtf8(kChangedWorry));
    EXPECT_TRUE(table->item(r, 3)->text().contains(
        QStringLiteral("Vader slaat moeder als hij gedronken heeft; de kinderen zien het.")));
  }
  EXPECT_EQ(marked, 1);
}

TEST_F(CaseWindowTest, MeetingsShowTheirActionsAndAnActionCanBeMarkedDone) {
  ASSERT_NO_FATAL_FAILURE(MakeCareCase());
  v1::RecordMeetingRequest meeting;
  meeting.set_request_id(NewRandomId());
  meeting.set_case_id(case_id_);
  v1::Meeting* m = meeting.mutable_meeting();
  m->mutable_date()->set_year(2026);
  m->mutable_date()->set_month(1);
  m->mutable_date()->set_day(12);
  v1::Attendee* a = m->add_attendees();
  a->set_professional_id("dir");
  a->set_organisation_id(world::kTeam);
  m->set_chair("Onafhankelijk voorzitter");
  m->mutable_minutes()->set_text("Gezamenlijke analyse gemaakt.");
  m->mutable_minutes()->set_sensitivity(v1::SENSITIVITY_GENERAL);
  v1::Decision* d = m->add_decisions();
  d->mutable_text()->set_text("Wijkteam plant een huisbezoek.");
  d->mutable_text()->set_sensitivity(v1::SENSITIVITY_GENERAL);
  d->mutable_action()->set_description("Huisbezoek afleggen");
  d->mutable_action()->set_owner_organisation_id(world::kTeam);
  d->mutable_action()->mutable_due_date()->set_year(2020);  // long past: overdue
  d->mutable_action()->mutable_due_date()->set_month(1);
  d->mutable_action()->mutable_due_date()->set_day(1);
  d->mutable_action()->set_sensitivity(v1::SENSITIVITY_GENERAL);
  v1::RecordMeetingResponse recorded;
  const grpc::Status st = world_.C("dir")->RecordMeeting(PCtx().get(), meeting, &recorded);
  ASSERT_TRUE(st.ok()) << st.error_message();

  CaseWindow* window = OpenAs("dir");
  ASSERT_NE(window, nullptr);
  auto* meetings = Child<QTableWidget>(*window, "meetingsTable");
  ASSERT_NE(meetings, nullptr);
  ASSERT_EQ(meetings->rowCount(), 1);
  EXPECT_EQ(meetings->item(0, 0)->text(), QStringLiteral("12-01-2026"));
  EXPECT_EQ(meetings->item(0, 5)->text(), QStringLiteral("Wijkteam plant een huisbezoek."));
  auto* actions = Child<QTableWidget>(*window, "actionsTable");
  ASSERT_NE(actions, nullptr);
  ASSERT_EQ(actions->rowCount(), 1);
  EXPECT_EQ(actions->item(0, 0)->text(), QStringLiteral("Huisbezoek afleggen"));
  EXPECT_EQ(actions->item(0, 1)->text(), QString::fromLatin1(world::kTeam));
  EXPECT_EQ(actions->item(0, 2)->text(), QStringLiteral("01-01-2020"));
  EXPECT_EQ(actions->item(0, 3)->text(), QStringLiteral("Open"));
  EXPECT_EQ(actions->item(0, 4)->text(), QStringLiteral("Te laat"));

  auto* done = Child<QPushButton>(*window, "markActionDone");
  EXPECT_FALSE(done->isEnabled()) << "nothing selected";
  actions->setCurrentCell(0, 0);
  ASSERT_TRUE(done->isEnabled());
  done->click();
  ASSERT_TRUE(WaitUntil([&] {
    return actions->rowCount() == 1 && actions->item(0, 3)->text() == QStringLiteral("Gedaan");
  }));
  EXPECT_EQ(actions->item(0, 4)->text(), QString()) << "done is no longer overdue";
}

TEST_F(CaseWindowTest, APendingHandoverShowsTheBanner) {
  ASSERT_NO_FATAL_FAILURE(MakeCareCase());
  CaseWindow* window = OpenAs("dir");
  ASSERT_NE(window, nullptr);
  auto* banner = Child<QLabel>(*window, "handoverPendingBanner");
  ASSERT_NE(banner, nullptr);
  EXPECT_TRUE(banner->isHidden()) << "no handover pending, no banner";
  auto* ledger = Child<QTableWidget>(*window, "ledgerTable");
  ASSERT_NE(ledger, nullptr);
  ASSERT_EQ(ledger->rowCount(), 1);
  EXPECT_EQ(ledger->item(0, 0)->text(), QStringLiteral("Directe veiligheid"));
  // The organisation by its name from the directory.
  EXPECT_TRUE(WaitUntil([&] { return ledger->item(0, 1)->text() == OrgName(world::kVt); }))
      << ledger->item(0, 1)->text().toStdString();
  EXPECT_EQ(ledger->item(0, 5)->text(), QStringLiteral("Casus geopend"));

  v1::ProposeHandoverRequest propose;
  propose.set_request_id(NewRandomId());
  propose.set_case_id(case_id_);
  propose.set_to_organisation_id(world::kGgz2);
  propose.set_phase(v1::PHASE_STABLE_SAFETY);
  propose.mutable_content()->set_summary("Traumabehandeling van moeder");
  v1::ProposeHandoverResponse proposed;
  const grpc::Status st = world_.H("vt")->ProposeHandover(PCtx().get(), propose, &proposed);
  ASSERT_TRUE(st.ok()) << st.error_message();

  window->refresh();
  ASSERT_TRUE(WaitUntil([&] { return window->allLoaded(); }));
  EXPECT_FALSE(banner->isHidden());
  EXPECT_TRUE(banner->text().startsWith(QStringLiteral("Overdracht in behandeling")))
      << banner->text().toStdString();
  EXPECT_TRUE(banner->text().contains(QString::fromLatin1(world::kGgz2)));

  // "Overdracht voorstellen" asks the window's owner, with the case.
  QSignalSpy asked(view_.get(), &MyCasesView::proposeHandoverRequested);
  Child<QPushButton>(*window, "proposeHandover")->click();
  ASSERT_EQ(asked.size(), 1);
  EXPECT_EQ(asked.first().first().toString().toStdString(), case_id_);
}

TEST_F(CaseWindowTest, AnEmptyNoteIsMarkedAndNothingIsWritten) {
  ASSERT_NO_FATAL_FAILURE(MakeCareCase());
  CaseWindow* window = OpenAs("dir");
  ASSERT_NE(window, nullptr);
  auto* notes = Child<QTableWidget>(*window, "notesTable");
  auto* text = Child<QPlainTextEdit>(*window, "noteText");
  auto* error = Child<QLabel>(*window, "noteTextError");
  ASSERT_TRUE(notes != nullptr && text != nullptr && error != nullptr);
  const std::vector<QString> before = Column(*notes, 0);
  ASSERT_EQ(before.size(), 2u);
  EXPECT_FALSE(FieldMarks::IsMarked(text));

  text->setPlainText(QStringLiteral("   "));
  Child<QPushButton>(*window, "addNote")->click();
  ASSERT_TRUE(WaitUntil([&] { return FieldMarks::IsMarked(text); }));
  EXPECT_EQ(error->text(), QStringLiteral("Dit veld mag niet leeg zijn."));
  EXPECT_FALSE(error->isHidden());
  EXPECT_EQ(text->toolTip(), QStringLiteral("Dit veld mag niet leeg zijn."));
  EXPECT_FALSE(FieldMarks::IsMarked(Child<QComboBox>(*window, "noteSensitivity")));
  EXPECT_EQ(Column(*notes, 0), before);
  // Nothing was written.
  v1::GetCaseRequest get;
  get.set_case_id(case_id_);
  v1::GetCaseResponse got;
  ASSERT_TRUE(world_.C("dir")->GetCase(PCtx().get(), get, &got).ok());
  EXPECT_EQ(got.case_().details().notes_size(), 2);

  // A real note goes through: the mark goes, the list grows.
  text->setPlainText(QStringLiteral("Gesprek met school gehad."));
  Child<QPushButton>(*window, "addNote")->click();
  ASSERT_TRUE(WaitUntil([&] { return notes->rowCount() == 3; }));
  EXPECT_FALSE(FieldMarks::IsMarked(text));
  EXPECT_TRUE(error->isHidden());
  EXPECT_EQ(notes->item(2, 0)->text(), QStringLiteral("Gesprek met school gehad."));
}

TEST_F(CaseWindowTest, ACaseWithoutAPlanSaysSo) {
  case_id_ = world_.MakeCase();
  world_.Flush();
  CaseWindow* window = OpenAs("dir");
  ASSERT_NE(window, nullptr);
  EXPECT_EQ(Child<QLabel>(*window, "planStatus")->text(),
            QStringLiteral("Deze casus heeft nog geen veiligheidsplan."));
  EXPECT_EQ(Child<QTableWidget>(*window, "planItems")->rowCount(), 0);
  EXPECT_FALSE(Child<QPushButton>(*window, "compareVersions")->isEnabled());
  // The rest of the case is there.
  EXPECT_EQ(Column(*Child<QTableWidget>(*window, "personsTable"), 0),
            (std::vector<QString>{QStringLiteral("Sanne Visser")}));
  EXPECT_EQ(Child<QLabel>(*window, "caseStatus")->text(), QString());
}

TEST_F(CaseWindowTest, ACaseOneMayNotSeeReadsLikeOneThatDoesNotExist) {
  case_id_ = world_.MakeCase();
  world_.Flush();
  std::optional<Session> session = SignInAs("outsider");
  ASSERT_TRUE(session.has_value());
  MyCasesView view(session->channels);
  for (const std::string& id : {case_id_, std::string("c-bestaat-niet")}) {
    SCOPED_TRACE(id);
    CaseWindow* window = view.openCase(QString::fromStdString(id), QStringLiteral("?"));
    ASSERT_NE(window, nullptr);
    ASSERT_TRUE(WaitUntil([&] { return window->allLoaded(); }));
    EXPECT_EQ(Child<QLabel>(*window, "caseStatus")->text(), QString::fromUtf8(kNoCaseAccess));
    EXPECT_EQ(Child<QLabel>(*window, "responsibilityStatus")->text(),
              QString::fromUtf8(kNoCaseAccess));
    EXPECT_EQ(Child<QLabel>(*window, "timelineStatus")->text(), QString::fromUtf8(kNoCaseAccess));
    EXPECT_EQ(Child<QTableWidget>(*window, "personsTable")->rowCount(), 0);
    EXPECT_FALSE(AllTextIn(*window).join('\n').contains(QStringLiteral("Sanne")));
  }
}

}  // namespace
}  // namespace schakel::desktop
