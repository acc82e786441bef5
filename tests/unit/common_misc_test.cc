// Small pieces of services/common: ids, flag names, name validation, clock, log lines.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "schakel/v1/audit.pb.h"
#include "schakel/v1/cases.pb.h"
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

TEST(ValidationTest, RepeatedFieldsHaveLimitsNamedInTheError) {
  // Before: nothing but gRPC's 4 MiB bounded them, so one request could carry 50,000 persons.
  v1::CreateCaseRequest req;
  for (int i = 0; i < kDefaultRepeatedLimit; ++i) req.add_persons()->set_name("p");
  for (int i = 0; i <= kDefaultRepeatedLimit; ++i) req.mutable_persons(2)->add_notes();
  for (int i = 0; i <= kDefaultRepeatedLimit; ++i) req.mutable_details()->add_notes();
  FieldViolations v;
  CheckRepeatedLimits(v, req);
  const google::rpc::BadRequest bad = BadRequestOf(v.ToStatus());
  std::vector<std::string> fields;
  for (const auto& f : bad.field_violations()) fields.push_back(f.field());
  std::sort(fields.begin(), fields.end());
  EXPECT_EQ(fields, (std::vector<std::string>{"details.notes", "persons[2].notes"}));
  EXPECT_TRUE(absl::StrContains(bad.field_violations(0).description(), "at most 100 entries"));

  req.add_persons();  // 101 persons: the list is refused without looking into its entries
  FieldViolations more;
  CheckRepeatedLimits(more, req);
  fields.clear();
  const google::rpc::BadRequest more_bad = BadRequestOf(more.ToStatus());
  for (const auto& f : more_bad.field_violations()) fields.push_back(f.field());
  std::sort(fields.begin(), fields.end());
  EXPECT_EQ(fields, (std::vector<std::string>{"details.notes", "persons"}));

  // The relays' batches have a larger limit of their own.
  v1::AppendRequest append;
  for (int i = 0; i < 500; ++i) append.add_records();
  FieldViolations batch;
  CheckRepeatedLimits(batch, append);
  EXPECT_TRUE(batch.empty());
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
