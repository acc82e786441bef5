#include "services/common/config.h"

#include <fstream>
#include <map>
#include <set>
#include <string>

#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include "services/common/status.h"
#include "tests/support/test_env.h"

namespace schakel {
namespace {

TEST(HostConfigTest, LoadsTextFormat) {
  testing::TempDir dir;
  const auto path = dir.path() / "host.textproto";
  std::ofstream(path) << "listen: \"127.0.0.1:9000\"\nservices: \"directory\"\n"
                         "tls { cert_file: \"c\" key_file: \"k\" ca_file: \"a\" }\n";
  auto config = LoadHostConfig(path);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->listen(), "127.0.0.1:9000");
  EXPECT_EQ(config->tls().ca_file(), "a");
}

TEST(HostConfigTest, SyntaxErrorNamesFileAndLine) {
  testing::TempDir dir;
  const auto path = dir.path() / "bad.textproto";
  std::ofstream(path) << "listen: \"x\"\nno_such_field: 3\n";
  auto config = LoadHostConfig(path);
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.status().message().find("bad.textproto"), absl::string_view::npos);
  EXPECT_NE(config.status().message().find("line 2"), absl::string_view::npos);
}

TEST(HostConfigTest, MissingFileIsNotFound) {
  EXPECT_EQ(LoadHostConfig("/nonexistent/host.textproto").status().code(),
            absl::StatusCode::kNotFound);
}

TEST(HostConfigTest, FlagsOverrideFile) {
  v1::HostConfig file;
  file.set_listen("127.0.0.1:1");
  file.set_data_dir("/from/file");
  file.add_services("directory");
  file.mutable_tls()->set_ca_file("file-ca");
  v1::HostConfig flags;
  flags.set_listen("127.0.0.1:2");
  flags.add_services("all");
  MergeHostConfig(flags, file);
  EXPECT_EQ(file.listen(), "127.0.0.1:2");
  EXPECT_EQ(file.data_dir(), "/from/file");  // not given as a flag: kept
  ASSERT_EQ(file.services_size(), 1);
  EXPECT_EQ(file.services(0), "all");
  EXPECT_EQ(file.tls().ca_file(), "file-ca");
}

TEST(HostConfigTest, DefaultsFillTheRest) {
  v1::HostConfig c;
  ApplyHostConfigDefaults(c);
  EXPECT_EQ(c.listen(), "127.0.0.1:7400");
  EXPECT_EQ(c.services(0), "all");
  EXPECT_EQ(c.shutdown_grace_seconds(), 10);
  EXPECT_EQ(c.role_cache_ttl_ms(), 2000);
  EXPECT_EQ(c.max_request_bytes(), 4 << 20);
  EXPECT_EQ(c.idempotency_retention_days(), 7);
}

TEST(HostConfigTest, ValidationNamesEveryBadField) {
  v1::HostConfig c;
  c.add_services("dictionary");
  c.set_worker_threads(0);
  c.set_role_cache_ttl_ms(60000);
  c.set_max_request_bytes(65 << 20);
  c.set_idempotency_retention_days(365);
  c.set_relay_alarm_seconds(-1);
  c.set_metrics_listen("localhost");
  c.set_metrics_interval_seconds(7200);
  absl::Status st = ValidateHostConfig(c, {"directory"});
  std::set<std::string> fields;
  const google::rpc::BadRequest bad_request = BadRequestOf(st);
  for (const auto& v : bad_request.field_violations()) fields.insert(v.field());
  EXPECT_EQ(fields, (std::set<std::string>{"data_dir", "tls.cert_file", "tls.key_file",
                                           "tls.ca_file", "services[0]", "worker_threads",
                                           "role_cache_ttl_ms", "max_request_bytes",
                                           "idempotency_retention_days", "relay_alarm_seconds",
                                           "metrics_listen", "metrics_interval_seconds"}));
}

TEST(HostConfigTest, ServiceAddressesAreAMapByServiceName) {
  testing::TempDir dir;
  const auto path = dir.path() / "host.textproto";
  std::ofstream(path) << "service_addresses { key: \"audit\" value: \"audit.test:7400\" }\n"
                         "service_addresses { key: \"cases\" value: \"cases.test:7400\" }\n";
  auto config = LoadHostConfig(path);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->service_addresses().at("audit"), "audit.test:7400");
  EXPECT_EQ(config->service_addresses().at("cases"), "cases.test:7400");
}

TEST(HostConfigTest, DeprecatedAddressFieldsAreStillReadIntoTheMap) {
  testing::TempDir dir;
  const auto path = dir.path() / "old.textproto";
  // A file written before service_addresses existed.
  std::ofstream(path) << "audit_address: \"audit.test:7400\"\n"
                         "directory_address: \"directory.test:7400\"\n"
                         "cases_address: \"cases.test:7400\"\n"
                         "handover_address: \"handover.test:7400\"\n";
  auto config = LoadHostConfig(path);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->service_addresses().size(), 4u);
  EXPECT_EQ(config->service_addresses().at("audit"), "audit.test:7400");
  EXPECT_EQ(config->service_addresses().at("directory"), "directory.test:7400");
  EXPECT_EQ(config->service_addresses().at("cases"), "cases.test:7400");
  EXPECT_EQ(config->service_addresses().at("handover"), "handover.test:7400");
  // Folded, not kept twice: the map is the one place the host looks.
  v1::HostConfig expected;
  for (const auto& [service, address] : config->service_addresses()) {
    (*expected.mutable_service_addresses())[service] = address;
  }
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(*config, expected))
      << config->DebugString();
}

TEST(HostConfigTest, TheMapWinsOverADeprecatedField) {
  testing::TempDir dir;
  const auto path = dir.path() / "both.textproto";
  std::ofstream(path) << "audit_address: \"old.test:1\"\n"
                         "service_addresses { key: \"audit\" value: \"new.test:2\" }\n";
  auto config = LoadHostConfig(path);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->service_addresses().at("audit"), "new.test:2");
  // Folding again changes nothing.
  v1::HostConfig again = *config;
  FoldDeprecatedServiceAddresses(again);
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(again, *config));
}

TEST(HostConfigTest, ValidationNamesBadServiceAddresses) {
  v1::HostConfig c;
  ApplyHostConfigDefaults(c);
  c.set_data_dir("/data");
  c.mutable_tls()->set_cert_file("c");
  c.mutable_tls()->set_key_file("k");
  c.mutable_tls()->set_ca_file("a");
  auto& addresses = *c.mutable_service_addresses();
  addresses["audit"] = "audit.test:7400";  // fine
  addresses["audti"] = "audit.test:7400";  // a typo
  addresses["cases"] = "";
  absl::Status st = ValidateHostConfig(c, {"directory", "audit", "cases", "handover"});
  std::map<std::string, std::string> violations;
  const google::rpc::BadRequest bad_request = BadRequestOf(st);
  for (const auto& v : bad_request.field_violations()) {
    violations[v.field()] = v.description();
  }
  ASSERT_EQ(violations.size(), 2u) << st;
  EXPECT_NE(violations["service_addresses[audti]"].find("unknown service 'audti'"),
            std::string::npos);
  EXPECT_NE(violations["service_addresses[cases]"].find("address"), std::string::npos);
}

}  // namespace
}  // namespace schakel
