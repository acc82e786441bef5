// Rotating intake's data key (RotateDataKey, what `schakeld rotate-data-key --service=intake`
// runs) on the files the real service wrote: a report with its feedback, a refused destruction
// request, a legal hold, stored answers, a case opening waiting in the outbox, and — made by the
// test — report rows as they were before report keys (under the data key). After the rotation
// nothing is under the old key, no old ciphertext is left in any file, the report rows moved to
// their report's own key, and after the restart Veilig Thuis reads what it read before.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/common/crypto.h"
#include "services/intake/intake_sealed.h"
#include "services/intake/report_sealer.h"
#include "services/schakeld/data_key_rotation.h"
#include "tests/integration/intake_fixture.h"
#include "tests/support/file_scan.h"
#include "tests/support/rotation_check.h"

namespace schakel::testing {
namespace {

using namespace intake_world;

std::string WhatVeiligThuisReads(IntakeWorld& w, const std::string& id) {
  v1::GetReportRequest get;
  get.set_report_id(id);
  v1::GetReportResponse report;
  grpc::Status st = w.I("vt1")->GetReport(ICtx().get(), get, &report);
  EXPECT_TRUE(st.ok()) << st.error_message();
  v1::ListFeedbackTasksRequest list;
  list.set_include_done(true);
  v1::ListFeedbackTasksResponse tasks;
  st = w.I("vt1")->ListFeedbackTasks(ICtx().get(), list, &tasks);
  EXPECT_TRUE(st.ok()) << st.error_message();
  return absl::StrCat(report.DebugString(), tasks.DebugString());
}

// The single sealed value `sql` (?1 = `arg`) reads from intake.db.
std::string Sealed(const std::filesystem::path& dir, const std::string& sql,
                   const std::string& arg) {
  const std::vector<std::string> values = ColumnOf(dir / "intake.db", sql, arg);
  EXPECT_EQ(values.size(), 1u) << sql;
  return values.empty() ? "" : values[0];
}

TEST(IntakeRotationTest, EveryValueUnderTheOldKeyIsResealedAndReadsTheSame) {
  TestPki pki;
  TempDir dir;
  IntakeWorld w(dir.path(), &pki);
  const std::string id = w.Submit("vt1", ProfessionalReport());
  v1::SafetyAssessment end = Assessment(v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT);
  end.mutable_end()->set_reason("Gezin woont gescheiden; hulp loopt via de huisarts.");
  ASSERT_TRUE(Assess(w, "vt1", id, end).ok());
  v1::RecordFeedbackRequest feedback;
  feedback.set_request_id(NewRandomId());
  feedback.set_report_id(id);
  feedback.set_occasion(v1::FEEDBACK_OCCASION_ASSESSMENT);
  SetTime(feedback.mutable_feedback()->mutable_given_at(), w.clock().Now());
  feedback.mutable_feedback()->set_method(v1::FEEDBACK_METHOD_PHONE);
  feedback.mutable_feedback()->set_follow_up_started(true);
  feedback.mutable_feedback()->set_note("Melder gebeld: hulp loopt via de huisarts.");
  v1::RecordFeedbackResponse fed;
  grpc::Status st = w.I("vt1")->RecordFeedback(ICtx().get(), feedback, &fed);
  ASSERT_TRUE(st.ok()) << st.error_message();
  v1::DecideDestructionRequestRequest decide;
  decide.set_request_id("besluit-1");
  decide.set_report_id(id);
  decide.set_decision(v1::DESTRUCTION_DECISION_REFUSED);
  decide.set_reason("De melding is niet ongegrond gebleken.");
  decide.set_requested_by("betrokkene (vader)");
  v1::DecideDestructionRequestResponse decided;
  st = w.I("vtsup")->DecideDestructionRequest(ICtx().get(), decide, &decided);
  ASSERT_TRUE(st.ok()) << st.error_message();
  v1::SetLegalHoldRequest hold;
  hold.set_request_id(NewRandomId());
  hold.set_report_id(id);
  hold.set_hold(true);
  hold.set_reason("Civiele procedure over het gezag");
  v1::SetLegalHoldResponse held;
  st = w.I("vtsup")->SetLegalHold(ICtx().get(), hold, &held);
  ASSERT_TRUE(st.ok()) << st.error_message();
  const std::string before = WhatVeiligThuisReads(w, id);
  ASSERT_TRUE(absl::StrContains(before, "Melder gebeld"));

  const std::filesystem::path keys = dir.path() / "keys";
  const std::filesystem::path db = dir.path() / "intake.db";
  const std::filesystem::path data_file = keys / "intake-data.key";
  const std::filesystem::path index_file = keys / "intake-index.key";
  const reseal::Plan plan = intake::DataKeyPlan();
  w.Restart(pki, [&] {
    const std::string old_key = *crypto::ReadKeyFile(data_file);
    const std::string index_key = *crypto::ReadKeyFile(index_file);
    const FieldCipher old(old_key, index_key);
    // The report's rows as they were before report keys: under the data key.
    intake::ReportSealer report_keys(old, intake::ReportSealer::DerivedMasterKey(old_key),
                                     w.clock());
    const std::map<std::string, int> moved = SealUnderDataKey(db, plan, report_keys);
    EXPECT_EQ(moved.count("reports.body") ? moved.at("reports.body") : 0, 1);
    EXPECT_EQ(moved.count("feedback_tasks.given") ? moved.at("feedback_tasks.given") : 0, 1);
    // A case opening waiting in the outbox, sealed under the data key.
    v1::CaseFromReport opening;
    opening.set_report_id(id);
    opening.add_persons()->set_name("Fatma Özdemir");
    v1::StoredCaseOpening stored;
    stored.set_report_id(id);
    stored.set_key_id(old.key_id());
    *stored.mutable_sealed() = *old.Seal(opening, intake::OpeningAad(id));
    {
      auto conn = sqlite::Database::Open(db);
      ASSERT_TRUE(conn.ok());
      ASSERT_TRUE(
          (*conn)
              ->Transaction([&](sqlite::Connection& c) -> absl::Status {
                auto s =
                    c.Prepare("INSERT INTO outbox (topic, payload, create_time) VALUES (?, ?, 0)");
                if (!s.ok()) return s.status();
                s->Bind(1, intake::kCaseRequestsTopic).BindBlob(2, stored.SerializeAsString());
                return s->Run();
              })
              .ok());
    }
    const auto under_old = ValuesUnder(db, plan, old.key_id());
    std::vector<std::string> old_values = {stored.sealed()};
    for (const reseal::Column& column : plan.columns) {
      EXPECT_FALSE(under_old.at(column.Name()).empty()) << column.Name();
      for (const std::string& v : under_old.at(column.Name())) old_values.push_back(v);
    }

    v1::HostConfig config;
    config.set_data_dir(dir.path().string());
    config.mutable_intake()->set_data_key_file(data_file.string());
    config.mutable_intake()->set_index_key_file(index_file.string());
    // The index key is refused as the new data key.
    EXPECT_EQ(RotateDataKey(config, "intake", index_file.string()).status().code(),
              absl::StatusCode::kInvalidArgument);
    const std::filesystem::path new_file = keys / "intake-data.new";
    ASSERT_TRUE(crypto::CreateKeyFile(new_file).ok());
    absl::StatusOr<DataKeyRotation> done = RotateDataKey(config, "intake", new_file.string());
    ASSERT_TRUE(done.ok()) << done.status();
    EXPECT_EQ(done->rewrapped, 1) << "the report key, under a master key derived from the data key";
    EXPECT_TRUE(done->checkpoint.ok()) << done->checkpoint;
    std::map<std::string, int64_t> counts;
    for (const reseal::Resealed& r : done->resealed) counts[r.what] = r.values;
    EXPECT_EQ(counts["outbox (case openings)"], 1);
    for (const auto& [column, values] : under_old) {
      EXPECT_EQ(counts[column], static_cast<int64_t>(values.size())) << column;
    }
    for (const auto& [column, values] : ValuesUnder(db, plan, old.key_id())) {
      EXPECT_TRUE(values.empty()) << values.size() << " values of " << column
                                  << " still under the old key";
    }
    const DirectoryContents files(dir.path());
    for (const std::string& v : old_values) {
      EXPECT_EQ(files.Holding(v), std::vector<std::string>{}) << "an old ciphertext is left";
    }

    // What stays under the data key opens under the new one; the report's rows moved to the
    // report's own key.
    const FieldCipher now(*crypto::ReadKeyFile(new_file), index_key);
    EXPECT_EQ(*now.Open(Sealed(dir.path(), "SELECT legal_hold FROM reports WHERE id = ?1", id),
                        intake::HoldAad(id)),
              "Civiele procedure over het gezag");
    const std::vector<std::string> decided_at = ColumnOf(
        db, "SELECT CAST(decided_at AS TEXT) FROM destruction_requests WHERE report_id = ?1", id);
    ASSERT_EQ(decided_at.size(), 1u);
    v1::StoredDestruction decision;
    ASSERT_TRUE(now.Open(now.key_id(),
                         Sealed(dir.path(),
                                "SELECT sealed FROM destruction_requests "
                                "WHERE report_id = ?1",
                                id),
                         intake::DestructionAad(id, std::stoll(decided_at[0])), decision)
                    .ok());
    EXPECT_EQ(decision.requested_by(), "betrokkene (vader)");
    const std::string report_key_id =
        Sealed(dir.path(), "SELECT key_id FROM reports WHERE id = ?1", id);
    EXPECT_NE(report_key_id, now.key_id());
    EXPECT_NE(report_key_id, old.key_id());
    auto conn = sqlite::Database::Open(db);
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE((*conn)
                    ->Transaction([&](sqlite::Connection& c) -> absl::Status {
                      auto s = c.Prepare("SELECT payload FROM outbox WHERE topic = ?");
                      if (!s.ok()) return s.status();
                      s->Bind(1, intake::kCaseRequestsTopic);
                      auto row = s->Step();
                      if (!row.ok()) return row.status();
                      EXPECT_TRUE(*row);
                      v1::StoredCaseOpening resealed;
                      EXPECT_TRUE(resealed.ParseFromString(s->ColumnBlob(0)));
                      EXPECT_EQ(resealed.key_id(), now.key_id());
                      v1::CaseFromReport back;
                      EXPECT_TRUE(now.Open(resealed.key_id(), resealed.sealed(),
                                           intake::OpeningAad(id), back)
                                      .ok());
                      EXPECT_EQ(back.persons(0).name(), "Fatma Özdemir");
                      // No cases service here to take it.
                      return c.Exec("DELETE FROM outbox WHERE topic = 'case-requests'");
                    })
                    .ok());
    conn->reset();
    // The operator points the configuration at the new key.
    std::filesystem::rename(new_file, data_file);
  });

  EXPECT_EQ(WhatVeiligThuisReads(w, id), before);
  // A retried decision gets its first answer: the stored answers were resealed too.
  v1::DecideDestructionRequestResponse again;
  st = w.I("vtsup")->DecideDestructionRequest(ICtx().get(), decide, &again);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(again.SerializeAsString(), decided.SerializeAsString());
}

}  // namespace
}  // namespace schakel::testing
