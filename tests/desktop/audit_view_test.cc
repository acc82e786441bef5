// The Audit view against a real in-process host (the safety plan tests' world; "wtaud" is its
// AUDITOR) over mutual TLS, signed in through the dialog: the purpose a query needs, a query
// listing earlier calls, "wie heeft dit dossier bekeken" for a client, an entry's inclusion proof
// and signed checkpoint verified offline (and refused under another key), an export checked (and a
// tampered one refused), and a cancelled export leaving no file.
// First, before any Qt header: the world's fixture brings the intake protos, whose field named
// `signals` Qt's keyword macro would rewrite.
#include "schakel/v1/intake.grpc.pb.h"  // IWYU pragma: keep

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <google/protobuf/io/zero_copy_stream_impl.h>
#include <google/protobuf/util/delimited_message_util.h>
#include <gtest/gtest.h>
#include <QCheckBox>
#include <QDateEdit>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QThreadPool>

#include "client/desktop/audit_export_panel.h"
#include "client/desktop/audit_person_panel.h"
#include "client/desktop/audit_query_panel.h"
#include "client/desktop/audit_view.h"
#include "client/desktop/field_errors.h"
#include "schakel/v1/audit.grpc.pb.h"
#include "services/transparency/ed25519.h"
#include "services/transparency/note.h"
#include "tests/desktop/desktop_fixture.h"

namespace schakel::desktop {
namespace {

using namespace test_support;  // NOLINT(google-build-using-namespace)

template <typename T>
T* Child(const QWidget& root, const char* name) {
  T* child = root.findChild<T*>(QLatin1String(name));
  EXPECT_NE(child, nullptr) << name;
  return child;
}

// Waits until `spy` caught a signal; its first argument (the signals' `ok`).
bool Ok(QSignalSpy& spy) {
  EXPECT_TRUE(WaitUntil([&] { return spy.count() > 0; })) << "no signal";
  return spy.count() > 0 && spy.takeFirst().at(0).toBool();
}

// The rows of `table` whose column `col` contains `text`.
std::vector<int> RowsWith(const QTableWidget& table, int col, const QString& text) {
  std::vector<int> rows;
  for (int r = 0; r < table.rowCount(); ++r) {
    if (table.item(r, col) != nullptr && table.item(r, col)->text().contains(text)) {
      rows.push_back(r);
    }
  }
  return rows;
}

class AuditViewTest : public DesktopTest {
 protected:
  void SetUp() override {
    // The key remembered for an earlier test's host (another CA, another log) is not this one's.
    QSettings().remove(QStringLiteral("audit"));
  }

  void TearDown() override {
    view_.reset();
    WaitUntil([] { return CallPool().activeThreadCount() == 0; });
  }

  // Signs in as the auditor and opens the view; waits for the server's verifier key.
  void Open() {
    std::optional<Session> session = SignInAs("wtaud");
    ASSERT_TRUE(session.has_value());
    view_ = std::make_unique<AuditView>(*session);
    auto* key = Child<QLineEdit>(*view_, "verifierKey");
    ASSERT_TRUE(WaitUntil([&] { return !key->text().isEmpty(); }));
  }

  // A case the director looked at (GetCase), its records delivered to the audit log.
  std::string CaseTheDirectorRead() {
    const std::string case_id = world_.MakeCase();
    v1::GetCaseRequest req;
    req.set_case_id(case_id);
    v1::GetCaseResponse resp;
    grpc::Status st = world_.C("dir")->GetCase(schakel::testing::PCtx().get(), req, &resp);
    EXPECT_TRUE(st.ok()) << st.error_message();
    world_.Flush();
    return case_id;
  }

  // Runs a query in the view with `purpose` and the object filter `object`; true when answered.
  bool Query(const QString& purpose, const QString& object) {
    AuditQueryPanel* panel = view_->queryPanel();
    QSignalSpy queried(panel, &AuditQueryPanel::queried);
    Child<QLineEdit>(*panel, "purpose")->setText(purpose);
    Child<QLineEdit>(*panel, "objectFilter")->setText(object);
    Child<QPushButton>(*panel, "search")->click();
    return Ok(queried);
  }

  // The audit.query records of the auditor in the log (asked directly, with a purpose).
  std::vector<v1::AuditRecord> AuditorQueries() {
    world_.Flush();
    v1::QueryEntriesRequest req;
    req.set_event_type("audit.query");
    req.set_principal_id("wtaud");
    req.set_purpose("test: welke raadplegingen zijn vastgelegd");
    req.set_page_size(1000);
    v1::QueryEntriesResponse resp;
    grpc::Status st = v1::AuditService::NewStub(world_.ChannelOf("wtaud"))
                          ->QueryEntries(schakel::testing::PCtx().get(), req, &resp);
    EXPECT_TRUE(st.ok()) << st.error_message();
    std::vector<v1::AuditRecord> records;
    for (int i = 0; i < resp.entries_size(); ++i) records.push_back(resp.entries(i).record());
    return records;
  }

  std::unique_ptr<AuditView> view_;
};

TEST_F(AuditViewTest, AQueryWithoutPurposeMarksTheFieldAndSendsNothing) {
  Open();
  AuditQueryPanel* panel = view_->queryPanel();
  auto* purpose = Child<QLineEdit>(*panel, "purpose");
  auto* table = Child<QTableWidget>(*panel, "entriesTable");
  QSignalSpy queried(panel, &AuditQueryPanel::queried);
  Child<QLineEdit>(*panel, "actorFilter")->setText(QStringLiteral("dir"));
  Child<QPushButton>(*panel, "search")->click();
  EXPECT_TRUE(FieldMarks::IsMarked(purpose));
  EXPECT_EQ(purpose->toolTip(), QStringLiteral("Dit veld mag niet leeg zijn."));
  EXPECT_EQ(Child<QLabel>(*panel, "queryStatus")->text(),
            QStringLiteral("Vul eerst het doel van uw raadpleging in; er is niets gevraagd."));
  // Nothing was started, nothing answers.
  EXPECT_EQ(CallPool().activeThreadCount(), 0);
  WaitUntil([] { return false; }, std::chrono::milliseconds(300));
  EXPECT_EQ(queried.count(), 0);
  EXPECT_EQ(table->rowCount(), 0);
  // The log holds no query of the auditor's; one with a purpose is recorded with it.
  for (const v1::AuditRecord& r : AuditorQueries()) {
    EXPECT_EQ(r.purpose_of_use(), "test: welke raadplegingen zijn vastgelegd");
  }
  ASSERT_TRUE(Query(QStringLiteral("Steekproef inzage december"), QString()));
  EXPECT_FALSE(FieldMarks::IsMarked(purpose));
  int ours = 0;
  for (const v1::AuditRecord& r : AuditorQueries()) {
    if (r.purpose_of_use() == "Steekproef inzage december") ++ours;
    EXPECT_FALSE(r.purpose_of_use().empty());
  }
  EXPECT_EQ(ours, 1);
}

TEST_F(AuditViewTest, AQueryWithPurposeListsTheDirectorsRead) {
  const std::string case_id = CaseTheDirectorRead();
  Open();
  ASSERT_TRUE(
      Query(QStringLiteral("Controle op inzage van de casus"), QString::fromStdString(case_id)));
  auto* table = Child<QTableWidget>(*view_->queryPanel(), "entriesTable");
  const std::vector<int> reads = RowsWith(*table, 3, QStringLiteral("case.read"));
  ASSERT_EQ(reads.size(), 1u) << AllTextIn(*table).join('|').toStdString();
  const int r = reads[0];
  // Who: the name the directory gives, with the id.
  EXPECT_EQ(table->item(r, 1)->text().toStdString(), "Professional dir (dir)");
  EXPECT_EQ(table->item(r, 2)->text(), QString::fromStdString(world_.OrgOf("dir")));
  EXPECT_EQ(table->item(r, 3)->text(), QStringLiteral("Lezen — case.read"));
  EXPECT_TRUE(table->item(r, 4)->text().contains(QString::fromStdString("case " + case_id)));
  EXPECT_EQ(table->item(r, 5)->text(), QStringLiteral("Geslaagd"));
  const QDateTime when =
      QDateTime::fromString(table->item(r, 0)->text(), QStringLiteral("dd-MM-yyyy HH:mm"));
  ASSERT_TRUE(when.isValid()) << table->item(r, 0)->text().toStdString();
  // The case was opened by "vt" too: that is on record, the filter holds only this case's.
  EXPECT_FALSE(RowsWith(*table, 1, QStringLiteral("(vt)")).empty());
  for (int row = 0; row < table->rowCount(); ++row) {
    EXPECT_TRUE(table->item(row, 4)->text().contains(QString::fromStdString(case_id)));
  }

  // The period filter: around today the read is found; in 2020 nothing is.
  AuditQueryPanel* panel = view_->queryPanel();
  Child<QCheckBox>(*panel, "periodFilter")->setChecked(true);
  Child<QDateEdit>(*panel, "periodFrom")->setDate(QDate::currentDate().addDays(-1));
  Child<QDateEdit>(*panel, "periodTo")->setDate(QDate::currentDate().addDays(1));
  ASSERT_TRUE(
      Query(QStringLiteral("Controle op inzage van de casus"), QString::fromStdString(case_id)));
  EXPECT_EQ(RowsWith(*table, 3, QStringLiteral("case.read")).size(), 1u);
  Child<QDateEdit>(*panel, "periodFrom")->setDate(QDate(2020, 1, 1));
  Child<QDateEdit>(*panel, "periodTo")->setDate(QDate(2020, 12, 31));
  ASSERT_TRUE(
      Query(QStringLiteral("Controle op inzage van de casus"), QString::fromStdString(case_id)));
  EXPECT_EQ(table->rowCount(), 0);
  EXPECT_TRUE(Child<QLabel>(*panel, "queryStatus")
                  ->text()
                  .startsWith(QStringLiteral("Geen vermeldingen gevonden.")));
}

TEST_F(AuditViewTest, ThePersonOverviewListsTheDirectorsLookInOrder) {
  CaseTheDirectorRead();
  const QString person = QString::fromStdString(world_.person_id());
  ASSERT_FALSE(person.isEmpty());
  Open();
  AuditPersonPanel* panel = view_->personPanel();
  QSignalSpy loaded(panel, &AuditPersonPanel::loaded);
  Child<QLineEdit>(*panel, "personId")->setText(person);
  // Without a purpose: marked, nothing asked.
  Child<QPushButton>(*panel, "showOverview")->click();
  EXPECT_TRUE(FieldMarks::IsMarked(Child<QLineEdit>(*panel, "personPurpose")));
  EXPECT_EQ(loaded.count(), 0);
  Child<QLineEdit>(*panel, "personPurpose")->setText(QStringLiteral("Inzageverzoek van de cliënt"));
  Child<QPushButton>(*panel, "showOverview")->click();
  ASSERT_TRUE(Ok(loaded)) << Child<QLabel>(*panel, "overviewStatus")->text().toStdString();
  auto* table = Child<QTableWidget>(*panel, "overviewTable");
  const std::vector<int> reads = RowsWith(*table, 3, QStringLiteral("case.read"));
  ASSERT_EQ(reads.size(), 1u) << AllTextIn(*table).join('|').toStdString();
  EXPECT_EQ(table->item(reads[0], 1)->text().toStdString(), "Professional dir (dir)");
  EXPECT_EQ(table->item(reads[0], 2)->text(), QString::fromStdString(world_.OrgOf("dir")));
  EXPECT_TRUE(table->item(reads[0], 4)->text().contains(QStringLiteral("autorisatie: geslaagd")))
      << table->item(reads[0], 4)->text().toStdString();
  // The case's opening by "vt" (which created the person) comes before the director's read.
  const std::vector<int> opened = RowsWith(*table, 1, QStringLiteral("(vt)"));
  ASSERT_FALSE(opened.empty());
  EXPECT_LT(opened.front(), reads[0]);
  QDateTime previous;
  for (int r = 0; r < table->rowCount(); ++r) {
    const QDateTime when =
        QDateTime::fromString(table->item(r, 0)->text(), QStringLiteral("dd-MM-yyyy HH:mm"));
    ASSERT_TRUE(when.isValid());
    if (previous.isValid()) {
      EXPECT_LE(previous, when);
    }
    previous = when;
  }
}

TEST_F(AuditViewTest, AnEntryVerifiesAndAnotherKeyIsRefused) {
  const std::string case_id = CaseTheDirectorRead();
  Open();
  ASSERT_TRUE(Query(QStringLiteral("Integriteitscontrole"), QString::fromStdString(case_id)));
  AuditQueryPanel* panel = view_->queryPanel();
  auto* table = Child<QTableWidget>(*panel, "entriesTable");
  const std::vector<int> reads = RowsWith(*table, 3, QStringLiteral("case.read"));
  ASSERT_EQ(reads.size(), 1u);
  table->selectRow(reads[0]);
  QSignalSpy verified(panel, &AuditQueryPanel::verified);
  auto* verify = Child<QPushButton>(*panel, "verifyEntry");
  auto* result = Child<QLabel>(*panel, "verifyResult");
  ASSERT_TRUE(verify->isEnabled());
  verify->click();
  ASSERT_TRUE(Ok(verified)) << result->text().toStdString() << " / "
                            << result->toolTip().toStdString();
  EXPECT_TRUE(result->text().startsWith(QStringLiteral("Geverifieerd: vermelding ")))
      << result->text().toStdString();

  // Under a key that did not sign the log, the same entry does not verify, and it says why.
  auto other = audit::note::Ed25519PrivateKey::Generate();
  ASSERT_TRUE(other.ok());
  audit::note::Signer signer("schakel-audit-elders", *std::move(other));
  Child<QLineEdit>(*view_, "verifierKey")->setText(QString::fromStdString(signer.VerifierKey()));
  verify->click();
  EXPECT_FALSE(Ok(verified));
  EXPECT_EQ(result->text(),
            QStringLiteral("Niet geverifieerd: de handtekening van het controlepunt klopt niet "
                           "met de verificatiesleutel."));

  // Not a key at all: the field is marked and nothing is asked.
  auto* key = Child<QLineEdit>(*view_, "verifierKey");
  key->setText(QStringLiteral("geen sleutel"));
  verify->click();
  EXPECT_TRUE(FieldMarks::IsMarked(key));
  EXPECT_EQ(result->text(), QStringLiteral("Vul eerst een geldige verificatiesleutel in."));
}

// Flips one bit in the ciphertext of the last entry of the export at `from`, written to `to`
// (still a well-formed export: only the leaf changes).
void TamperWithLastEntry(const std::string& from, const std::string& to) {
  std::vector<v1::ExportLogResponse> messages;
  {
    std::ifstream in(from, std::ios::binary);
    google::protobuf::io::IstreamInputStream stream(&in);
    v1::ExportLogResponse m;
    bool eof = false;
    while (google::protobuf::util::ParseDelimitedFromZeroCopyStream(&m, &stream, &eof)) {
      messages.push_back(m);
      m.Clear();
    }
  }
  ASSERT_GE(messages.size(), 2u);
  v1::ExportedEntries* batch = messages.back().mutable_entries();
  ASSERT_GT(batch->entries_size(), 0);
  v1::LogEntry entry;
  ASSERT_TRUE(entry.ParseFromString(batch->entries(batch->entries_size() - 1)));
  ASSERT_FALSE(entry.ciphertext().empty());
  (*entry.mutable_ciphertext())[0] ^= 0x01;
  *batch->mutable_entries(batch->entries_size() - 1) = entry.SerializeAsString();
  std::ofstream out(to, std::ios::binary | std::ios::trunc);
  google::protobuf::io::OstreamOutputStream stream(&out);
  for (const v1::ExportLogResponse& m : messages) {
    ASSERT_TRUE(google::protobuf::util::SerializeDelimitedToZeroCopyStream(m, &stream));
  }
}

TEST_F(AuditViewTest, AnExportVerifiesAndATamperedOneIsRefused) {
  CaseTheDirectorRead();
  Open();
  AuditExportPanel* panel = view_->exportPanel();
  QTemporaryDir dir;
  const QString path = dir.path() + QStringLiteral("/audit.auditexport");
  QSignalSpy exported(panel, &AuditExportPanel::exportFinished);
  Child<QLineEdit>(*panel, "exportPath")->setText(path);
  Child<QPushButton>(*panel, "startExport")->click();
  EXPECT_FALSE(Child<QPushButton>(*panel, "startExport")->isEnabled());
  EXPECT_TRUE(Child<QPushButton>(*panel, "cancelExport")->isEnabled());
  auto* progress = Child<QProgressBar>(*panel, "exportProgress");
  EXPECT_TRUE(progress->isVisibleTo(panel));
  ASSERT_TRUE(Ok(exported)) << Child<QLabel>(*panel, "exportStatus")->text().toStdString();
  EXPECT_TRUE(std::filesystem::exists(path.toStdString()));
  EXPECT_FALSE(std::filesystem::exists(path.toStdString() + ".part"));
  EXPECT_FALSE(progress->isVisibleTo(panel));
  EXPECT_TRUE(Child<QLabel>(*panel, "exportStatus")
                  ->text()
                  .startsWith(QStringLiteral("Export opgeslagen: ")));

  QSignalSpy checked(panel, &AuditExportPanel::checkFinished);
  auto* status = Child<QLabel>(*panel, "checkStatus");
  Child<QLineEdit>(*panel, "checkPath")->setText(path);
  Child<QPushButton>(*panel, "startCheck")->click();
  ASSERT_TRUE(Ok(checked)) << status->text().toStdString() << " / "
                           << status->toolTip().toStdString();
  EXPECT_TRUE(status->text().startsWith(QStringLiteral("Geverifieerd: ")))
      << status->text().toStdString();

  const std::string tampered = path.toStdString() + ".tampered";
  TamperWithLastEntry(path.toStdString(), tampered);
  Child<QLineEdit>(*panel, "checkPath")->setText(QString::fromStdString(tampered));
  Child<QPushButton>(*panel, "startCheck")->click();
  EXPECT_FALSE(Ok(checked));
  EXPECT_EQ(status->text(),
            QStringLiteral("Geweigerd: de vermeldingen leveren niet de ondertekende wortel op; de "
                           "export is gewijzigd of onvolledig."));

  // A file cut short is refused too.
  std::filesystem::resize_file(path.toStdString(),
                               std::filesystem::file_size(path.toStdString()) - 3);
  Child<QLineEdit>(*panel, "checkPath")->setText(path);
  Child<QPushButton>(*panel, "startCheck")->click();
  EXPECT_FALSE(Ok(checked));
  EXPECT_TRUE(status->text().startsWith(QStringLiteral("Geweigerd: ")))
      << status->text().toStdString();
}

TEST_F(AuditViewTest, CancellingAnExportLeavesNoFile) {
  Open();
  AuditExportPanel* panel = view_->exportPanel();
  QTemporaryDir dir;
  const QString path = dir.path() + QStringLiteral("/geannuleerd.auditexport");
  QSignalSpy exported(panel, &AuditExportPanel::exportFinished);
  Child<QLineEdit>(*panel, "exportPath")->setText(path);
  Child<QPushButton>(*panel, "startExport")->click();
  Child<QPushButton>(*panel, "cancelExport")->click();
  EXPECT_FALSE(Ok(exported));
  EXPECT_EQ(Child<QLabel>(*panel, "exportStatus")->text(),
            QStringLiteral("Export geannuleerd; er is geen bestand achtergelaten."));
  WaitUntil([] { return CallPool().activeThreadCount() == 0; });
  EXPECT_FALSE(std::filesystem::exists(path.toStdString()));
  EXPECT_FALSE(std::filesystem::exists(path.toStdString() + ".part"));
  EXPECT_TRUE(QDir(dir.path()).isEmpty());
  // The panel is ready for the next export.
  EXPECT_TRUE(Child<QPushButton>(*panel, "startExport")->isEnabled());
  EXPECT_FALSE(Child<QPushButton>(*panel, "cancelExport")->isEnabled());
}

}  // namespace
}  // namespace schakel::desktop
