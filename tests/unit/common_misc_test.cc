// Small pieces of services/common: ids, flag names, name validation, clock, log lines.
#include <gtest/gtest.h>

#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "services/common/clock.h"
#include "services/common/flags.h"
#include "services/common/ids.h"
#include "services/common/log.h"
#include "services/common/validation.h"

namespace schakel {
namespace {

TEST(IdsTest, RandomIdsAreHexAndDistinct) {
  const std::string a = NewRandomId(), b = NewRandomId();
  EXPECT_EQ(a.size(), 32u);
  EXPECT_NE(a, b);
  EXPECT_TRUE(IsWellFormedId(a));
}

TEST(IdsTest, WellFormed) {
  EXPECT_TRUE(IsWellFormedId("vt-haaglanden"));
  EXPECT_TRUE(IsWellFormedId("p.de_vries-2"));
  EXPECT_FALSE(IsWellFormedId(""));
  EXPECT_FALSE(IsWellFormedId("-leading"));
  EXPECT_FALSE(IsWellFormedId("Upper"));
  EXPECT_FALSE(IsWellFormedId("spa ce"));
  EXPECT_FALSE(IsWellFormedId(std::string(65, 'a')));
}

TEST(FlagsTest, DashesInFlagNamesBecomeUnderscores) {
  const char* argv[] = {"prog", "--data-dir=/a-b", "--tls-cert", "x-y", "pos-arg",
                        "--",   "--not-a-flag"};
  auto out = NormalizeFlagNames(7, const_cast<char**>(argv));
  EXPECT_EQ(out[1], "--data_dir=/a-b");
  EXPECT_EQ(out[2], "--tls_cert");
  EXPECT_EQ(out[3], "x-y");
  EXPECT_EQ(out[4], "pos-arg");
  EXPECT_EQ(out[6], "--not-a-flag");
}

TEST(ValidationTest, Names) {
  FieldViolations v;
  CheckName(v, "ok", "Veilig Thuis Haaglanden");
  CheckName(v, "ok2", "Zoë Çelik");
  EXPECT_TRUE(v.empty());
  CheckName(v, "empty", "   ");
  CheckName(v, "long", std::string(201, 'x'));
  CheckName(v, "control", "a\nb");
  CheckName(v, "utf8", "\xff\xfe");
  auto br = BadRequestOf(v.ToStatus());
  ASSERT_EQ(br.field_violations_size(), 4);
  EXPECT_EQ(br.field_violations(0).field(), "empty");
  EXPECT_EQ(br.field_violations(3).field(), "utf8");
}

TEST(ValidationTest, Utf8Length) {
  EXPECT_EQ(Utf8Length("abc"), 3);
  EXPECT_EQ(Utf8Length("Zoë"), 3);
  EXPECT_EQ(Utf8Length("\xc0\x80"), -1);      // overlong
  EXPECT_EQ(Utf8Length("\xed\xa0\x80"), -1);  // surrogate
}

TEST(ClockTest, FakeClockMovesOnlyWhenTold) {
  FakeClock clock(absl::FromUnixSeconds(100));
  EXPECT_EQ(clock.Now(), absl::FromUnixSeconds(100));
  clock.Advance(absl::Seconds(5));
  EXPECT_EQ(clock.Now(), absl::FromUnixSeconds(105));
  clock.Set(absl::FromUnixSeconds(7));
  EXPECT_EQ(clock.Now(), absl::FromUnixSeconds(7));
}

TEST(LogTest, OneJsonObjectPerEvent) {
  std::vector<std::string> lines;
  SetLogSink([&](absl::string_view line) { lines.emplace_back(line); });
  LogEvent(LogLevel::kWarning, "test.event", {{"count", int64_t{3}}, {"who", "p-1"}});
  SetLogSink(nullptr);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].find('\n'), std::string::npos);
  google::protobuf::Struct parsed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(lines[0], &parsed).ok());
  EXPECT_EQ(parsed.fields().at("event").string_value(), "test.event");
  EXPECT_EQ(parsed.fields().at("level").string_value(), "warning");
  EXPECT_EQ(parsed.fields().at("count").number_value(), 3);
  EXPECT_EQ(parsed.fields().at("who").string_value(), "p-1");
}

}  // namespace
}  // namespace schakel
