#include "services/handover/ledger.h"

#include <gtest/gtest.h>

namespace schakel::handover {
namespace {

PeriodRow Lead(const std::string& org, int64_t start, int64_t end = kForever) {
  PeriodRow p;
  p.case_id = "c";
  p.phase = v1::PHASE_DIRECT_SAFETY;
  p.organisation_id = org;
  p.start = start;
  p.end = end;
  return p;
}

TEST(LedgerTest, PhasesAHandoverMayBeFor) {
  using v1::Phase;
  const Phase all[] = {v1::PHASE_UNSPECIFIED, v1::PHASE_DIRECT_SAFETY, v1::PHASE_STABLE_SAFETY,
                       v1::PHASE_RECOVERY, v1::PHASE_FOLLOW_UP};
  // current -> proposed: the same, the next, or back to direct safety; never follow-up.
  const bool expected[5][5] = {
      /* UNSPECIFIED */ {false, false, false, false, false},
      /* DIRECT      */ {false, true, true, false, false},
      /* STABLE      */ {false, true, true, true, false},
      /* RECOVERY    */ {false, true, false, true, false},
      /* FOLLOW_UP   */ {false, false, false, false, false},
  };
  for (int c = 0; c < 5; ++c) {
    for (int p = 0; p < 5; ++p) {
      EXPECT_EQ(MayHandOverTo(all[c], all[p]), expected[c][p])
          << v1::Phase_Name(all[c]) << " -> " << v1::Phase_Name(all[p]);
    }
  }
}

TEST(LedgerTest, AContiguousLedgerHasNoGaps) {
  const std::vector<PeriodRow> leads = {Lead("vt", 10, 20), Lead("wijkteam", 20, 35),
                                        Lead("ggz", 35)};
  EXPECT_TRUE(FindGaps({{10, kForever}}, leads).empty());
  // Closed and reopened: the lead during closure does not matter, the open stretches are covered.
  EXPECT_TRUE(FindGaps({{10, 30}, {40, kForever}}, leads).empty());
}

TEST(LedgerTest, AHoleIsANoLeadGapAndAnOverlapIsTwoLeads) {
  const std::vector<PeriodRow> leads = {Lead("vt", 10, 20), Lead("wijkteam", 25, 40),
                                        Lead("ggz", 30)};
  const auto gaps = FindGaps({{10, kForever}}, leads);
  ASSERT_EQ(gaps.size(), 2u);
  EXPECT_EQ(gaps[0].kind, v1::GAP_KIND_NO_LEAD);
  EXPECT_EQ(gaps[0].start, 20);
  EXPECT_EQ(gaps[0].end, 25);
  EXPECT_EQ(gaps[1].kind, v1::GAP_KIND_TWO_LEADS);
  EXPECT_EQ(gaps[1].start, 30);
  EXPECT_EQ(gaps[1].end, 40);
}

TEST(LedgerTest, ALedgerThatStopsLeavesAGapThatStillLasts) {
  const auto gaps = FindGaps({{10, kForever}}, {Lead("vt", 10, 50)});
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_EQ(gaps[0].kind, v1::GAP_KIND_NO_LEAD);
  EXPECT_EQ(gaps[0].start, 50);
  EXPECT_EQ(gaps[0].end, kForever);
  // A case opened before its first lead: a gap from the opening.
  const auto late = FindGaps({{5, kForever}}, {Lead("vt", 10)});
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].start, 5);
  EXPECT_EQ(late[0].end, 10);
  // No lead at all.
  ASSERT_EQ(FindGaps({{5, kForever}}, {}).size(), 1u);
}

TEST(LedgerTest, ReplayGivesTheCurrentLeadOrRefusesABrokenHistory) {
  const std::vector<PeriodRow> good = {Lead("vt", 10, 20), Lead("wijkteam", 20)};
  auto state = ReplayPeriods(good);
  ASSERT_TRUE(state.has_value());
  EXPECT_EQ(state->organisation_id, "wijkteam");
  EXPECT_EQ(state->since, 20);
  EXPECT_FALSE(ReplayPeriods({}).has_value());
  EXPECT_FALSE(ReplayPeriods({Lead("vt", 10, 20), Lead("wijkteam", 21)}).has_value());  // hole
  EXPECT_FALSE(ReplayPeriods({Lead("vt", 10), Lead("wijkteam", 20)}).has_value());      // two open
  EXPECT_FALSE(ReplayPeriods({Lead("vt", 10, 20)}).has_value());  // nobody now
}

TEST(LedgerTest, PercentileIsNearestRank) {
  EXPECT_EQ(Percentile({}, 50), 0);
  EXPECT_EQ(Percentile({4, 1, 3, 2}, 50), 2);
  EXPECT_EQ(Percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90), 9);
  EXPECT_EQ(Percentile({7}, 90), 7);
}

}  // namespace
}  // namespace schakel::handover
