// The intake terms at work through the real service: reminders and escalations sent once each,
// also across a restart, driven by the fake clock; and who finds them in ListSignals.
#include "tests/integration/intake_fixture.h"

namespace schakel::testing {
namespace {

using namespace intake_world;

TEST(IntakeClocksIntegrationTest, TheHolderIsRemindedAndTheSupervisorsEscalatedOnceAcrossRestarts) {
  TempDir dir;
  TestPki pki;
  IntakeWorld w(dir.path(), &pki);
  // Monday 5 January 09:00; due at the end of Monday 12 January; reminder at the end of Friday 9.
  const std::string id = w.Submit("vt1", ProfessionalReport());
  ASSERT_TRUE(w.Claim("vt1", id).ok());
  EXPECT_EQ(Scan(w), 0);
  w.clock().Set(AmsterdamTime(2026, 1, 9, 23, 59));
  EXPECT_EQ(Scan(w), 0);
  w.clock().Set(AmsterdamTime(2026, 1, 10, 0, 1));
  // The claim lapsed meanwhile (idle for days): the reminder goes to the whole team.
  EXPECT_EQ(Scan(w), 1);
  EXPECT_EQ(Scan(w), 0);
  w.Restart(pki);
  EXPECT_EQ(Scan(w), 0);
  auto vt2 = Signals(w, "vt2");
  ASSERT_EQ(vt2.signals_size(), 1);
  EXPECT_EQ(vt2.signals(0).report_id(), id);
  EXPECT_EQ(vt2.signals(0).signal(), "reminder");
  EXPECT_EQ(vt2.signals(0).clock(), "assessment");
  EXPECT_EQ(vt2.signals(0).addressee(), "");
  EXPECT_NE(vt2.signals(0).text().find("12-01-2026 24:00"), std::string::npos)
      << vt2.signals(0).text();
  EXPECT_EQ(Signals(w, "vtsup").signals_size(), 0);  // supervisors get escalations only

  w.clock().Set(AmsterdamTime(2026, 1, 13, 0, 30));
  EXPECT_EQ(Scan(w), 1);
  w.Restart(pki);
  w.clock().Advance(absl::Hours(48));
  EXPECT_EQ(Scan(w), 0);
  auto sup = Signals(w, "vtsup");
  ASSERT_EQ(sup.signals_size(), 1);
  EXPECT_EQ(sup.signals(0).signal(), "escalation");
  EXPECT_EQ(ToTime(sup.signals(0).create_time()), AmsterdamTime(2026, 1, 13, 0, 30));
  // Another region's Veilig Thuis hears nothing of it.
  EXPECT_EQ(Signals(w, "utrecht").signals_size(), 0);
}

TEST(IntakeClocksIntegrationTest, AnAcuteReportIsRemindedToItsHolderAndALateReminderIsNotSent) {
  IntakeWorld w;
  const std::string acute = w.Submit("vt1", ProfessionalReport(true));
  ASSERT_TRUE(w.Claim("vt2", acute).ok());
  w.clock().Advance(absl::Hours(20) + absl::Minutes(1));  // 4 hours before the acute term
  ASSERT_TRUE(w.Claim("vt2", acute).ok());                // renews the claim
  EXPECT_EQ(Scan(w), 1);
  auto vt2 = Signals(w, "vt2");
  ASSERT_EQ(vt2.signals_size(), 1);
  EXPECT_EQ(vt2.signals(0).clock(), "acute");
  EXPECT_EQ(vt2.signals(0).addressee(), "vt2");
  EXPECT_EQ(Signals(w, "vt1").signals_size(), 0);  // the holder's reminder is theirs

  // A report whose reminder time and term both passed while nobody scanned: only the escalation.
  const std::string missed = w.Submit("vt1", ProfessionalReport());
  w.clock().Advance(absl::Hours(24 * 10));
  const int sent = Scan(w);
  // The acute report's escalation, its assessment escalation, and the missed report's one.
  EXPECT_EQ(sent, 3);
  int reminders_of_missed = 0;
  const auto vt1 = Signals(w, "vt1");
  for (const auto& s : vt1.signals()) {
    if (s.report_id() == missed) ++reminders_of_missed;
  }
  EXPECT_EQ(reminders_of_missed, 0);
  EXPECT_EQ(Signals(w, "vtsup").signals_size(), 3);
}

TEST(IntakeClocksIntegrationTest, OnlyVeiligThuisReadsSignals) {
  IntakeWorld w;
  for (const std::string who : {"agent", "ggz1", "auditor"}) {
    v1::ListSignalsResponse resp;
    EXPECT_EQ(w.I(who)->ListSignals(ICtx().get(), v1::ListSignalsRequest(), &resp).error_code(),
              grpc::StatusCode::PERMISSION_DENIED)
        << who;
  }
}

}  // namespace
}  // namespace schakel::testing
