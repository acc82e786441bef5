#include "services/common/config.h"

#include <fstream>

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
}

TEST(HostConfigTest, ValidationNamesEveryBadField) {
  v1::HostConfig c;
  c.add_services("dictionary");
  c.set_worker_threads(0);
  c.set_role_cache_ttl_ms(60000);
  absl::Status st = ValidateHostConfig(c, {"directory"});
  std::set<std::string> fields;
  const google::rpc::BadRequest bad_request = BadRequestOf(st);
  for (const auto& v : bad_request.field_violations()) fields.insert(v.field());
  EXPECT_EQ(fields,
            (std::set<std::string>{"data_dir", "tls.cert_file", "tls.key_file", "tls.ca_file",
                                   "services[0]", "worker_threads", "role_cache_ttl_ms"}));
}

}  // namespace
}  // namespace schakel
