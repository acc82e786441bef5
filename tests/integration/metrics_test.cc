// The host's metrics endpoint, scraped over HTTP like Prometheus does, after real calls over
// mutual TLS: the counters move, the gauges say what waits and what is overdue, and no label
// holds an id of a case, a handover, a person or a professional.
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "services/common/host_metrics.h"
#include "tests/integration/handover_fixture.h"

namespace schakel {
namespace {

using testing::HandoverWorld;
using namespace testing::handover_world;

// GET /metrics on 127.0.0.1:`port`; the body ("" when the answer is not 200).
std::string ScrapeMetrics(int port) {
  namespace asio = boost::asio;
  asio::io_context io;
  asio::ip::tcp::socket socket(io);
  socket.connect({asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)});
  asio::write(socket,
              asio::buffer(std::string("GET /metrics HTTP/1.0\r\nHost: localhost\r\n\r\n")));
  std::string answer;
  boost::system::error_code ec;
  asio::read(socket, asio::dynamic_buffer(answer), ec);  // HTTP/1.0: until the server closes
  const size_t body = answer.find("\r\n\r\n");
  if (answer.rfind("HTTP/1.1 200", 0) != 0 || body == std::string::npos) return "";
  return answer.substr(body + 4);
}

// One sample line of the text format.
struct MetricSeries {
  std::string name;
  std::map<std::string, std::string> labels;
  double value = 0;
};

std::vector<MetricSeries> ParseMetrics(const std::string& text) {
  static const std::regex kLine(R"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$)");
  static const std::regex kLabel(R"re(([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)")re");
  std::vector<MetricSeries> out;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    if (line.empty() || line.front() == '#') continue;
    const std::string l(line);
    std::smatch sm;
    EXPECT_TRUE(std::regex_match(l, sm, kLine)) << "not a sample line: " << l;
    if (sm.empty()) continue;
    MetricSeries s;
    s.name = sm[1];
    const std::string labels = sm[3];
    for (auto it = std::sregex_iterator(labels.begin(), labels.end(), kLabel);
         it != std::sregex_iterator(); ++it) {
      s.labels[(*it)[1]] = (*it)[2];
    }
    EXPECT_TRUE(absl::SimpleAtod(sm[4].str(), &s.value)) << l;
    out.push_back(std::move(s));
  }
  return out;
}

// The value of the series `name` with exactly `labels`, or -1 when there is none.
double SeriesValue(const std::vector<MetricSeries>& all, const std::string& name,
                   const std::map<std::string, std::string>& labels) {
  for (const MetricSeries& s : all) {
    if (s.name == name && s.labels == labels) return s.value;
  }
  return -1;
}

std::map<std::string, std::string> RpcLabels(const std::string& method, const std::string& code) {
  return {{"service", "schakel.v1.HandoverService"}, {"method", method}, {"code", code}};
}

class MetricsTest : public ::testing::Test {
 protected:
  int port() { return w_.host().host().metrics_port(); }
  HandoverWorld w_{{}, nullptr, "127.0.0.1:0"};
};

TEST_F(MetricsTest, AScrapeAfterCallsShowsTheCountersMoved) {
  ASSERT_GT(port(), 0);
  const std::vector<MetricSeries> before = ParseMetrics(ScrapeMetrics(port()));
  const std::string case_id = w_.MakeCase();
  v1::Handover h;
  ASSERT_TRUE(w_.Propose("vt", case_id, kTeam, v1::PHASE_STABLE_SAFETY, &h).ok());
  ASSERT_TRUE(w_.Accept("wt", h.id()).ok());
  // A refusal: the same handover cannot be accepted twice by someone else.
  EXPECT_FALSE(w_.Accept("agent", h.id()).ok());
  const std::vector<MetricSeries> after = ParseMetrics(ScrapeMetrics(port()));

  const auto moved = [&](const std::string& method, const std::string& code) {
    return std::max(0.0,
                    SeriesValue(after, "schakel_rpc_requests_total", RpcLabels(method, code))) -
           std::max(0.0,
                    SeriesValue(before, "schakel_rpc_requests_total", RpcLabels(method, code)));
  };
  EXPECT_EQ(moved("ProposeHandover", "OK"), 1);
  EXPECT_EQ(moved("AcceptHandover", "OK"), 1);
  double refused = 0;
  for (const MetricSeries& s : after) {
    if (s.name == "schakel_rpc_requests_total" && s.labels.at("method") == "AcceptHandover" &&
        s.labels.at("code") != "OK") {
      refused += s.value;
    }
  }
  EXPECT_EQ(refused, 1) << "the refused accept is counted under its code";
  // The cases service's calls are counted too, with the latency of each method.
  EXPECT_GE(SeriesValue(
                after, "schakel_rpc_requests_total",
                {{"service", "schakel.v1.CaseService"}, {"method", "CreateCase"}, {"code", "OK"}}),
            1);
  EXPECT_GE(SeriesValue(after, "schakel_rpc_latency_seconds_count",
                        {{"service", "schakel.v1.HandoverService"}, {"method", "ProposeHandover"}}),
            1);
}

TEST_F(MetricsTest, NoLabelHoldsAnIdOrAName) {
  const std::string case_id = w_.MakeCase({{"agent", v1::CASE_ROLE_INVOLVED}});
  v1::Handover h;
  ASSERT_TRUE(w_.Propose("vt", case_id, kTeam, v1::PHASE_STABLE_SAFETY, &h).ok());
  w_.host().host().SampleMetrics();
  const std::string text = ScrapeMetrics(port());
  ASSERT_FALSE(text.empty());
  // What must never show: the ids of the case and the handover, the person's name, and who did
  // what (professionals and organisations).
  for (const std::string& secret : {case_id, h.id(), std::string("Sanne"), std::string("Visser")}) {
    EXPECT_EQ(text.find(secret), std::string::npos) << secret << " is in the scrape";
  }
  const std::set<std::string> people = {"vt", "wt", "dir", "agent", kTeam, kVt, kPolice, kGgz};
  std::set<std::string> keys(std::begin(kAllowedLabelKeys), std::end(kAllowedLabelKeys));
  keys.insert("le");        // a histogram's bucket bound
  keys.insert("quantile");  // the endpoint's own request summary
  const std::vector<MetricSeries> all = ParseMetrics(text);
  ASSERT_GT(all.size(), 10u);
  for (const MetricSeries& s : all) {
    for (const auto& [key, value] : s.labels) {
      EXPECT_TRUE(keys.count(key)) << s.name << " has label " << key;
      EXPECT_FALSE(people.count(value)) << s.name << " {" << key << "=" << value << "}";
    }
  }
}

TEST_F(MetricsTest, GaugesShowTheAuditLogOutboxesAndWhatIsOverdue) {
  const std::string case_id = w_.MakeCase();
  v1::Handover h;
  ASSERT_TRUE(w_.Propose("vt", case_id, kTeam, v1::PHASE_STABLE_SAFETY, &h).ok());
  ASSERT_TRUE(w_.Accept("wt", h.id()).ok());
  w_.Flush();
  w_.host().host().SampleMetrics();
  std::vector<MetricSeries> all = ParseMetrics(ScrapeMetrics(port()));
  EXPECT_GT(SeriesValue(all, "schakel_audit_log_entries", {{"service", "audit"}}), 0);
  EXPECT_GE(SeriesValue(all, "schakel_audit_checkpoint_age_seconds", {{"service", "audit"}}), 0);
  // Flushed: nothing waits in the outboxes.
  EXPECT_EQ(
      SeriesValue(all, "schakel_outbox_pending", {{"service", "handover"}, {"topic", "audit"}}), 0);
  EXPECT_EQ(SeriesValue(all, "schakel_outbox_oldest_age_seconds",
                        {{"service", "cases"}, {"topic", "audit"}}),
            0);
  const std::map<std::string, std::string> contact = {{"service", "handover"},
                                                      {"kind", "handover_first_contact"}};
  EXPECT_EQ(SeriesValue(all, "schakel_overdue_deadlines", contact), 0);

  // A month on, no contact with the family was recorded: the accepted handover is overdue.
  w_.clock().Advance(absl::Hours(24 * 30));
  w_.host().host().SampleMetrics();
  all = ParseMetrics(ScrapeMetrics(port()));
  EXPECT_EQ(SeriesValue(all, "schakel_overdue_deadlines", contact), 1);
}

TEST(HostMetricsTest, ASampleWithAnotherLabelKeyIsRefused) {
  auto started = HostMetrics::Start("127.0.0.1:0");
  ASSERT_TRUE(started.ok()) << started.status();
  HostMetrics* metrics = started->get();
  metrics->SetGauges({{"schakel_test_gauge", "a test", {{"case_id", "c-123"}}, 1},
                      {"schakel_test_gauge", "a test", {{"kind", "fine"}}, 2}});
  const std::string text = ScrapeMetrics(metrics->port());
  EXPECT_EQ(text.find("c-123"), std::string::npos);
  EXPECT_NE(text.find(R"(schakel_test_gauge{kind="fine"} 2)"), std::string::npos) << text;
}

TEST_F(MetricsTest, ABusyPortIsNamed) {
  auto busy = HostMetrics::Start(absl::StrCat("127.0.0.1:", port()));
  ASSERT_FALSE(busy.ok());
  EXPECT_NE(busy.status().message().find(absl::StrCat("127.0.0.1:", port())), std::string::npos)
      << busy.status();
}

}  // namespace
}  // namespace schakel
