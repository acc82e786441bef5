// Rotating the data keys of the cases, handover and safety plan services (RotateDataKey, what
// `schakeld rotate-data-key` runs) on the files the real services wrote: a case with everything
// its team may write (FillCase), a legal hold, stored answers, and — made by the test — case rows
// as they were before case keys (sealed under the data key). With the host stopped each service's
// key is rotated and the configuration pointed at the new key; then every value that was under an
// old key is gone from every file (the WAL included), nothing is left under an old key id, and
// after the restart the team reads exactly what it read before, and a retried request gets its
// first answer.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/cases/case_sealed.h"
#include "services/common/crypto.h"
#include "services/common/migrations.h"
#include "services/common/sqlite.h"
#include "services/handover/handover_store.h"
#include "services/safetyplan/plan_sealed.h"
#include "services/schakeld/data_key_rotation.h"
#include "tests/integration/full_case.h"
#include "tests/integration/safetyplan_fixture.h"
#include "tests/support/amsterdam_time.h"
#include "tests/support/file_scan.h"
#include "tests/support/rotation_check.h"

namespace schakel::migrations {
const MigrationTrack& safetyplan_track();
}  // namespace schakel::migrations

namespace schakel::testing {
namespace {

using namespace plan_world;

// What the case's team reads of it, serialised: the case, its timeline, its plan with evaluations
// and incidents, its risk assessments and its handovers.
std::string WhatTheTeamReads(PlanWorld& w, const std::string& case_id) {
  std::string out;
  v1::GetCaseRequest get_case;
  get_case.set_case_id(case_id);
  v1::GetCaseResponse the_case;
  grpc::Status st = w.C("dir")->GetCase(PCtx().get(), get_case, &the_case);
  EXPECT_TRUE(st.ok()) << st.error_message();
  absl::StrAppend(&out, the_case.DebugString());
  for (const v1::TimelineEvent& e : w.Timeline(case_id)) absl::StrAppend(&out, e.DebugString());
  v1::GetPlanRequest get_plan;
  get_plan.set_case_id(case_id);
  get_plan.set_purpose_of_use("sleutelwissel controleren");
  v1::GetPlanResponse plan;
  st = w.P("dir")->GetPlan(PCtx().get(), get_plan, &plan);
  EXPECT_TRUE(st.ok()) << st.error_message();
  absl::StrAppend(&out, plan.DebugString());
  v1::ListRiskInstrumentsRequest risks_req;
  risks_req.set_case_id(case_id);
  risks_req.set_purpose_of_use("sleutelwissel controleren");
  v1::ListRiskInstrumentsResponse risks;
  st = w.P("dir")->ListRiskInstruments(PCtx().get(), risks_req, &risks);
  EXPECT_TRUE(st.ok()) << st.error_message();
  absl::StrAppend(&out, risks.DebugString());
  v1::ListHandoversRequest list;
  list.set_organisation_id(kVt);
  v1::ListHandoversResponse handovers;
  st = w.H("vtsup")->ListHandovers(PCtx().get(), list, &handovers);
  EXPECT_TRUE(st.ok()) << st.error_message();
  EXPECT_GE(handovers.handovers_size(), 1);
  for (const v1::Handover& h : handovers.handovers()) {
    v1::GetHandoverRequest get;
    get.set_handover_id(h.id());
    v1::GetHandoverResponse one;
    st = w.H("vt")->GetHandover(PCtx().get(), get, &one);
    EXPECT_TRUE(st.ok()) << st.error_message();
    absl::StrAppend(&out, one.DebugString());
  }
  return out;
}

struct Rotated {
  const char* service;
  reseal::Plan plan;
  // Columns the world leaves empty (no value to reseal): allowed to count 0.
  std::vector<std::string> may_be_empty;
};

TEST(DataKeyRotationTest, EveryValueUnderTheOldKeysIsResealedAndTheTeamReadsTheSame) {
  FakeClock clock;
  clock.Set(AmsterdamTime(2026, 1, 5, 9));
  TestPki pki;
  TempDir dir;
  PlanWorldOptions options;
  options.clock = &clock;
  options.pki = &pki;
  options.data_dir = dir.path();
  PlanWorld w(options);
  const std::string case_id = w.MakeCase();
  FillCase(w, clock, case_id);
  // A legal hold: its reason sealed under the cases data key; its stored answer too.
  v1::SetCaseLegalHoldRequest hold;
  hold.set_request_id("hold-1");
  hold.set_case_id(case_id);
  hold.set_hold(true);
  hold.set_reason("Strafzaak tegen vader loopt nog");
  v1::SetCaseLegalHoldResponse held;
  grpc::Status st = w.C("wtsup")->SetCaseLegalHold(PCtx().get(), hold, &held);
  ASSERT_TRUE(st.ok()) << st.error_message();
  // A risk assessment without notes: a key id and nothing sealed (only the key id moves).
  v1::RecordRiskInstrumentRequest risk;
  risk.set_request_id(NewRandomId());
  risk.set_case_id(case_id);
  risk.set_instrument(v1::RISK_INSTRUMENT_KIND_LIRIK);
  risk.set_outcome_level("MEDIUM");
  SetTime(risk.mutable_assessed_at(), clock.Now() - absl::Hours(2));
  v1::RecordRiskInstrumentResponse assessed;
  st = w.P("dir")->RecordRiskInstrument(PCtx().get(), risk, &assessed);
  ASSERT_TRUE(st.ok()) << st.error_message();
  w.Flush();
  const std::string before = WhatTheTeamReads(w, case_id);
  ASSERT_TRUE(absl::StrContains(before, "Sanne Visser"));
  ASSERT_TRUE(absl::StrContains(before, "Dreigt met wapen"));

  std::vector<Rotated> services;
  services.push_back({"cases", cases::DataKeyPlan(), {"follow_ups.body"}});
  services.push_back({"handover", handover::DataKeyPlan(), {}});
  services.push_back({"safetyplan", safetyplan::DataKeyPlan(), {}});
  const std::filesystem::path keys = dir.path() / "keys";
  auto key_file = [&](const std::string& service, const char* kind) {
    return keys / absl::StrCat(service, "-", kind, ".key");
  };
  w.Restart([&] {
    // The case's rows as they were before case keys: under each service's data key.
    struct Keys {
      const char* service;
      const char* aad_prefix;
      const char* label;
      std::vector<std::string> columns;
    };
    for (const Keys& k : std::vector<Keys>{
             {"cases",
              cases::kCaseKeyAadPrefix,
              cases::kCaseMasterKeyLabel,
              {"cases.body", "persons.body", "meetings.body", "actions.body", "timeline.body"}},
             {"handover",
              handover::kHandoverKeyAadPrefix,
              handover::kHandoverMasterKeyLabel,
              {"handovers.body"}},
             {"safetyplan",
              safetyplan::kPlanKeyAadPrefix,
              safetyplan::kPlanMasterKeyLabel,
              {"plan_versions.content", "risk_assessments.notes", "plan_evaluations.body",
               "plan_incidents.body"}}}) {
      SCOPED_TRACE(k.service);
      const std::string data_key = *crypto::ReadKeyFile(key_file(k.service, "data"));
      const FieldCipher cipher(data_key, *crypto::ReadKeyFile(key_file(k.service, "index")));
      ObjectSealer case_keys(cipher, ObjectSealer::DerivedMasterKey(data_key, k.label),
                             k.aad_prefix, "case", clock);
      const Rotated& s = *std::find_if(services.begin(), services.end(), [&](const Rotated& r) {
        return std::string(r.service) == k.service;
      });
      const std::map<std::string, int> moved =
          SealUnderDataKey(dir.path() / absl::StrCat(k.service, ".db"), s.plan, case_keys);
      for (const std::string& column : k.columns) {
        EXPECT_GT(moved.count(column) ? moved.at(column) : 0, 0) << column;
      }
    }

    v1::HostConfig config;
    config.set_data_dir(dir.path().string());
    config.mutable_cases()->set_data_key_file(key_file("cases", "data").string());
    config.mutable_cases()->set_index_key_file(key_file("cases", "index").string());
    config.mutable_handover()->set_data_key_file(key_file("handover", "data").string());
    config.mutable_handover()->set_index_key_file(key_file("handover", "index").string());
    config.mutable_safetyplan()->set_data_key_file(key_file("safetyplan", "data").string());
    config.mutable_safetyplan()->set_index_key_file(key_file("safetyplan", "index").string());
    std::vector<std::string> old_values;
    for (const Rotated& s : services) {
      SCOPED_TRACE(s.service);
      const std::filesystem::path db = dir.path() / absl::StrCat(s.service, ".db");
      const FieldCipher old(*crypto::ReadKeyFile(key_file(s.service, "data")), "");
      const auto under_old = ValuesUnder(db, s.plan, old.key_id());
      for (const reseal::Column& column : s.plan.columns) {
        const bool may_be_empty = std::find(s.may_be_empty.begin(), s.may_be_empty.end(),
                                            column.Name()) != s.may_be_empty.end();
        if (!may_be_empty) {
          EXPECT_FALSE(under_old.at(column.Name()).empty()) << column.Name();
        }
        for (const std::string& v : under_old.at(column.Name())) old_values.push_back(v);
      }
      const std::filesystem::path new_key = keys / absl::StrCat(s.service, "-data.new");
      ASSERT_TRUE(crypto::CreateKeyFile(new_key).ok());
      // The same key again is refused, and changes nothing.
      EXPECT_EQ(
          RotateDataKey(config, s.service, key_file(s.service, "data").string()).status().code(),
          absl::StatusCode::kInvalidArgument);
      absl::StatusOr<DataKeyRotation> done = RotateDataKey(config, s.service, new_key.string());
      ASSERT_TRUE(done.ok()) << done.status();
      for (const reseal::Resealed& r : done->resealed) {
        if (under_old.count(r.what)) {
          EXPECT_GE(r.values, static_cast<int64_t>(under_old.at(r.what).size())) << r.what;
        }
      }
      // The master keys are derived from the data keys here: the case keys were rewrapped.
      EXPECT_EQ(done->rewrapped, 1);
      EXPECT_TRUE(done->checkpoint.ok()) << done->checkpoint;
      for (const auto& [column, values] : ValuesUnder(db, s.plan, old.key_id())) {
        EXPECT_TRUE(values.empty())
            << values.size() << " values of " << column << " still under the old key";
      }
      // Run again before the configuration names the new key: the configured key is no longer
      // the one in use, and a second new key would leave everything unreadable. Refused.
      const std::filesystem::path newer_key = keys / absl::StrCat(s.service, "-data.newer");
      ASSERT_TRUE(crypto::CreateKeyFile(newer_key).ok());
      absl::StatusOr<DataKeyRotation> again = RotateDataKey(config, s.service, newer_key.string());
      EXPECT_EQ(again.status().code(), absl::StatusCode::kFailedPrecondition) << again.status();
      EXPECT_TRUE(absl::StrContains(again.status().message(), "not under the configured data key"))
          << again.status();
      // The operator points the configuration at the new key.
      std::filesystem::rename(new_key, key_file(s.service, "data"));
    }
    const DirectoryContents files(dir.path());
    for (const std::string& v : old_values) {
      EXPECT_EQ(files.Holding(v), std::vector<std::string>{}) << "an old ciphertext is left";
    }
  });

  EXPECT_EQ(WhatTheTeamReads(w, case_id), before);
  // A retried request still gets its first answer: the stored answers were resealed too.
  v1::SetCaseLegalHoldResponse again;
  st = w.C("wtsup")->SetCaseLegalHold(PCtx().get(), hold, &again);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(again.SerializeAsString(), held.SerializeAsString());
}

// The safety plan's recorded rows take a new ciphertext only from a rotation (the table
// `resealing` holds a row), only with a new key id, and nothing else of them changes; a destroyed
// text stays destroyed (schema/safetyplan/0004_reseal.sql).
TEST(DataKeyRotationTest, TheSafetyPlansFrozenRowsTakeOnlyAResealing) {
  TempDir dir;
  auto db = sqlite::Database::Open(dir.path() / "safetyplan.db");
  ASSERT_TRUE(db.ok()) << db.status();
  const migrations::MigrationTrack* tracks[] = {&migrations::common_track(),
                                                &migrations::safetyplan_track()};
  ASSERT_TRUE(migrations::Apply(**db, tracks).ok());
  ASSERT_TRUE((*db)
                  ->Exec("INSERT INTO plan_versions (case_id, version, state, based_on, key_id, "
                         "content, created_by, created_at) VALUES ('c', 1, 'ACTIVE', 0, 'k-old', "
                         "X'01', 'dir', 1), ('d', 1, 'ACTIVE', 0, 'destroyed', X'', 'dir', 1);"
                         "INSERT INTO risk_assessments VALUES ('r', 'c', 1, '', 1, 'o', 'p', "
                         "'HIGH', 1, 'k-old', X'02', 1)")
                  .ok());
  auto run = [&](const char* sql) { return (*db)->Exec(sql).ok(); };
  // Outside a rotation: refused.
  EXPECT_FALSE(
      run("UPDATE plan_versions SET key_id = 'k-new', content = X'03' WHERE case_id = 'c'"));
  EXPECT_FALSE(run("UPDATE risk_assessments SET key_id = 'k-new', notes = X'04'"));
  ASSERT_TRUE(run("INSERT INTO resealing (one) VALUES (1)"));
  // In a rotation: another column with it, the same key id, or a destroyed text: refused.
  EXPECT_FALSE(
      run("UPDATE plan_versions SET key_id = 'k-new', content = X'03', created_by = 'x' "
          "WHERE case_id = 'c'"));
  EXPECT_FALSE(run("UPDATE plan_versions SET content = X'03' WHERE case_id = 'c'"));
  EXPECT_FALSE(
      run("UPDATE plan_versions SET key_id = 'k-new', content = X'03' WHERE case_id = 'd'"));
  EXPECT_FALSE(
      run("UPDATE risk_assessments SET key_id = 'k-new', notes = X'04', "
          "outcome_level = 'LOW'"));
  // The text and its key id together: taken.
  EXPECT_TRUE(
      run("UPDATE plan_versions SET key_id = 'k-new', content = X'03' WHERE case_id = 'c'"));
  EXPECT_TRUE(run("UPDATE risk_assessments SET key_id = 'k-new', notes = X'04'"));
}

// A service without a data key, and a key file that is not there, are named.
TEST(DataKeyRotationTest, WhatCannotBeRotatedIsNamed) {
  v1::HostConfig config;
  config.set_data_dir("/nonexistent");
  absl::StatusOr<DataKeyRotation> done = RotateDataKey(config, "directory", "/nonexistent/k");
  EXPECT_EQ(done.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(done.status().message(), "intake")) << done.status();
  done = RotateDataKey(config, "handover", "/nonexistent/k");
  EXPECT_EQ(done.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(done.status().message(), "handover.data_key_file"))
      << done.status();
}

}  // namespace
}  // namespace schakel::testing
