// Reads what a service wrote to its outbox, for tests: the committed payloads of one topic, oldest
// first, through a connection of the test's own (so only committed rows count).
#ifndef SCHAKEL_TESTS_SUPPORT_OUTBOX_READER_H_
#define SCHAKEL_TESTS_SUPPORT_OUTBOX_READER_H_

#include <vector>

#include <gtest/gtest.h>

#include "absl/strings/string_view.h"
#include "services/common/sqlite.h"
#include "services/common/status.h"

namespace schakel::testing {

template <typename Message>
std::vector<Message> OutboxPayloads(sqlite::Database& db, absl::string_view topic) {
  std::vector<Message> out;
  EXPECT_TRUE(db.Read([&](sqlite::Connection& c) -> absl::Status {
                  SCHAKEL_ASSIGN_OR_RETURN(
                      auto s, c.Prepare("SELECT payload FROM outbox WHERE topic = ? ORDER BY seq"));
                  s.Bind(1, topic);
                  return sqlite::ForEachRow(s, [&] {
                    out.emplace_back();
                    EXPECT_TRUE(out.back().ParseFromString(s.ColumnBlob(0)));
                    return absl::OkStatus();
                  });
                }).ok());
  return out;
}

}  // namespace schakel::testing

#endif  // SCHAKEL_TESTS_SUPPORT_OUTBOX_READER_H_
