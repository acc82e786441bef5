// Paging for List RPCs: page sizes, and tokens bound to their listing and their request's filters.
#include "services/runtime/page_token.h"

#include <string>

#include <gtest/gtest.h>

#include "absl/strings/escaping.h"
#include "schakel/v1/cases.pb.h"
#include "schakel/v1/handover.pb.h"
#include "services/common/status.h"

namespace schakel {
namespace {

constexpr char kListing[] = "handovers";

// The fields DecodePage named in `v`, in the order it named them.
std::vector<std::string> BadFields(const FieldViolations& v) {
  std::vector<std::string> fields;
  const google::rpc::BadRequest bad = BadRequestOf(v.ToStatus());
  for (const auto& violation : bad.field_violations()) {
    fields.push_back(violation.field());
  }
  return fields;
}

v1::ListHandoversRequest Filtered() {
  v1::ListHandoversRequest r;
  r.set_organisation_id("wijkteam");
  r.add_states(v1::HANDOVER_STATE_PROPOSED);
  r.set_overdue_only(true);
  r.mutable_proposed_from()->set_seconds(1'767'225'600);
  return r;
}

TEST(PageTokenTest, NoPageSizeMeansTheDefault) {
  FieldViolations v;
  const Page page = DecodePage(v, v1::ListHandoversRequest(), kListing);
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(page.limit, kDefaultPageSize);
  EXPECT_EQ(page.after, "");
}

TEST(PageTokenTest, PageSizeIsKeptUpToTheMaximumAndCappedAbove) {
  for (const auto& [asked, expected] :
       std::vector<std::pair<int, int>>{{1, 1},
                                        {37, 37},
                                        {kMaxPageSize, kMaxPageSize},
                                        {kMaxPageSize + 1, kMaxPageSize},
                                        {1'000'000, kMaxPageSize}}) {
    v1::ListHandoversRequest r;
    r.set_page_size(asked);
    FieldViolations v;
    EXPECT_EQ(DecodePage(v, r, kListing).limit, expected) << "page_size " << asked;
    EXPECT_TRUE(v.empty()) << "page_size " << asked;
  }
}

TEST(PageTokenTest, ALimitsArgumentReplacesDefaultAndMaximum) {
  const PageLimits limits{.default_size = 10, .max_size = 20};
  v1::ListHandoversRequest r;
  FieldViolations v;
  EXPECT_EQ(DecodePage(v, r, kListing, limits).limit, 10);
  r.set_page_size(21);
  EXPECT_EQ(DecodePage(v, r, kListing, limits).limit, 20);
  EXPECT_TRUE(v.empty());
}

TEST(PageTokenTest, NegativePageSizeIsNamed) {
  v1::ListHandoversRequest r;
  r.set_page_size(-1);
  FieldViolations v;
  const Page page = DecodePage(v, r, kListing);
  EXPECT_EQ(v.ToStatus().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(BadFields(v), std::vector<std::string>{"page_size"});
  EXPECT_EQ(page.limit, kDefaultPageSize);
}

TEST(PageTokenTest, ATokenCarriesItsCursorToTheNextRequest) {
  // Cursors are opaque to paging: separators, spaces and bytes outside ASCII all come back.
  for (const std::string& cursor : {std::string("h-42"), std::string("2026-01-05T09:00:00Z/h-42"),
                                    std::string("a b/c"), std::string("\xff\x01 z", 4)}) {
    v1::ListHandoversRequest r = Filtered();
    r.set_page_token(NextPageToken(r, kListing, cursor));
    FieldViolations v;
    const Page page = DecodePage(v, r, kListing);
    EXPECT_TRUE(v.empty()) << absl::CEscape(cursor) << ": " << v.ToStatus();
    EXPECT_EQ(page.after, cursor) << absl::CEscape(cursor);
  }
}

TEST(PageTokenTest, ATokenIssuedForARequestWithItsOwnTokenStillFits) {
  // The second page's request carries the first token; the token it issues fits the third.
  v1::ListHandoversRequest r = Filtered();
  r.set_page_token(NextPageToken(r, kListing, "first"));
  const std::string second = NextPageToken(r, kListing, "second");
  r.set_page_token(second);
  FieldViolations v;
  EXPECT_EQ(DecodePage(v, r, kListing).after, "second");
  EXPECT_TRUE(v.empty()) << v.ToStatus();
}

TEST(PageTokenTest, PageSizeMayChangeBetweenPages) {
  v1::ListHandoversRequest r = Filtered();
  r.set_page_size(10);
  const std::string token = NextPageToken(r, kListing, "h-10");
  r.set_page_size(200);
  r.set_page_token(token);
  FieldViolations v;
  const Page page = DecodePage(v, r, kListing);
  EXPECT_TRUE(v.empty()) << v.ToStatus();
  EXPECT_EQ(page.after, "h-10");
  EXPECT_EQ(page.limit, 200);
}

TEST(PageTokenTest, ATokenReusedWithOtherFiltersIsRefused) {
  const v1::ListHandoversRequest issued_for = Filtered();
  const std::string token = NextPageToken(issued_for, kListing, "h-42");
  using Change = void (*)(v1::ListHandoversRequest&);
  const std::vector<std::pair<const char*, Change>> changes = {
      {"organisation_id", [](auto& r) { r.set_organisation_id("elders"); }},
      {"states added", [](auto& r) { r.add_states(v1::HANDOVER_STATE_ACCEPTED); }},
      {"states cleared", [](auto& r) { r.clear_states(); }},
      {"overdue_only", [](auto& r) { r.set_overdue_only(false); }},
      {"proposed_from", [](auto& r) { r.mutable_proposed_from()->set_seconds(1); }},
      {"proposed_to set", [](auto& r) { r.mutable_proposed_to()->set_seconds(1'800'000'000); }},
  };
  for (const auto& [what, change] : changes) {
    v1::ListHandoversRequest r = issued_for;
    change(r);
    r.set_page_token(token);
    FieldViolations v;
    const Page page = DecodePage(v, r, kListing);
    EXPECT_EQ(v.ToStatus().code(), absl::StatusCode::kInvalidArgument) << what;
    EXPECT_EQ(BadFields(v), std::vector<std::string>{"page_token"}) << what;
    EXPECT_EQ(page.after, "") << what << ": a refused token must not position the page";
  }
  // The unchanged request still takes it.
  v1::ListHandoversRequest same = issued_for;
  same.set_page_token(token);
  FieldViolations v;
  EXPECT_EQ(DecodePage(v, same, kListing).after, "h-42");
  EXPECT_TRUE(v.empty());
}

TEST(PageTokenTest, ATokenFromAnotherListingIsRefused) {
  v1::ListMyCasesRequest r;
  r.set_status(v1::CASE_STATUS_OPEN);
  const std::string token = NextPageToken(r, "my-cases", "c-7");
  r.set_page_token(token);
  for (const char* other : {"all-cases", "my-case", "my-cases-2", ""}) {
    FieldViolations v;
    const Page page = DecodePage(v, r, other);
    EXPECT_EQ(BadFields(v), std::vector<std::string>{"page_token"}) << "listing '" << other << "'";
    EXPECT_EQ(page.after, "");
  }
  FieldViolations v;
  EXPECT_EQ(DecodePage(v, r, "my-cases").after, "c-7");
  EXPECT_TRUE(v.empty());
}

TEST(PageTokenTest, GarbageIsRefused) {
  const std::string good = NextPageToken(Filtered(), kListing, "h-1");
  for (const std::string& token : {
           std::string("not a token!"),
           std::string("%%%%"),
           absl::WebSafeBase64Escape("h-1"),
           absl::WebSafeBase64Escape("p1/handovers/h-1"),
           good.substr(0, good.size() / 2),
           good.substr(1),
       }) {
    v1::ListHandoversRequest r = Filtered();
    r.set_page_token(token);
    FieldViolations v;
    const Page page = DecodePage(v, r, kListing);
    EXPECT_EQ(BadFields(v), std::vector<std::string>{"page_token"}) << "token '" << token << "'";
    EXPECT_EQ(page.after, "") << "token '" << token << "'";
  }
}

TEST(PageTokenTest, EveryBadFieldIsNamedInOneAnswer) {
  v1::ListHandoversRequest r;
  r.set_page_size(-5);
  r.set_page_token("garbage");
  FieldViolations v;
  DecodePage(v, r, kListing);
  EXPECT_EQ(BadFields(v), (std::vector<std::string>{"page_size", "page_token"}));
}

}  // namespace
}  // namespace schakel
