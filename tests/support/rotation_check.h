// What a data key rotation test needs besides the services themselves: the sealed values of a
// service's resealing plan under one key (read from its database file by a connection of the
// test's own), and rows made as they were before objects had keys of their own (sealed under the
// service's data key), so that every column of the plan has a value to reseal.
#ifndef SCHAKEL_TESTS_SUPPORT_ROTATION_CHECK_H_
#define SCHAKEL_TESTS_SUPPORT_ROTATION_CHECK_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/common/object_sealer.h"
#include "services/common/reseal.h"
#include "services/common/sqlite.h"

namespace schakel::testing {

// WHERE clause of the values of `column` under key ?1 (?2: the prefix's length).
inline std::string UnderKeySql(const reseal::Column& column) {
  if (!column.key_id.empty()) return absl::StrCat(column.key_id, " = ?1");
  return absl::StrCat("substr(", column.blob, ", 1, ?2) = ?1");
}

// The sealed values of every column of `plan` in `db` under key `key_id`, by column name.
inline std::map<std::string, std::vector<std::string>> ValuesUnder(const std::filesystem::path& db,
                                                                   const reseal::Plan& plan,
                                                                   const std::string& key_id) {
  std::map<std::string, std::vector<std::string>> out;
  auto opened = sqlite::Database::Open(db);
  EXPECT_TRUE(opened.ok()) << opened.status();
  if (!opened.ok()) return out;
  const std::string prefix = absl::StrCat(key_id, std::string(1, '\0'));
  EXPECT_TRUE((*opened)
                  ->Transaction([&](sqlite::Connection& c) -> absl::Status {
                    for (const reseal::Column& column : plan.columns) {
                      auto s = c.Prepare(absl::StrCat("SELECT ", column.blob, " FROM ",
                                                      column.table, " WHERE ", UnderKeySql(column),
                                                      " AND length(", column.blob, ") > 0"));
                      if (!s.ok()) return s.status();
                      if (column.key_id.empty()) {
                        s->BindBlob(1, prefix).Bind(2, static_cast<int64_t>(prefix.size()));
                      } else {
                        s->Bind(1, key_id);
                      }
                      std::vector<std::string>& values = out[column.Name()];
                      while (true) {
                        auto row = s->Step();
                        if (!row.ok()) return row.status();
                        if (!*row) break;
                        values.push_back(s->ColumnBlob(0));
                      }
                    }
                    return absl::OkStatus();
                  })
                  .ok());
  return out;
}

// Moves every value of `plan`'s columns with an object from its object's own key to the
// service's data key (`objects.service()`), as such rows were before object keys: each is opened
// under its object's key with the column's additional data (a wrong one fails here) and sealed
// again under the data key. Returns how many values per column.
inline std::map<std::string, int> SealUnderDataKey(const std::filesystem::path& db,
                                                   const reseal::Plan& plan,
                                                   ObjectSealer& objects) {
  std::map<std::string, int> moved;
  auto opened = sqlite::Database::Open(db);
  EXPECT_TRUE(opened.ok()) << opened.status();
  if (!opened.ok()) return moved;
  const FieldCipher& data = objects.service();
  const absl::Status st = (*opened)->Transaction([&](sqlite::Connection& c) -> absl::Status {
    // The safety plan's frozen rows take another key only in a rotation (its table `resealing`).
    auto marker = c.Prepare("SELECT 1 FROM sqlite_master WHERE name = 'resealing'");
    if (!marker.ok()) return marker.status();
    auto marked = marker->Step();
    if (!marked.ok()) return marked.status();
    if (*marked) {
      if (absl::Status m = c.Exec("INSERT INTO resealing (one) VALUES (1)"); !m.ok()) return m;
    }
    for (const reseal::Column& column : plan.columns) {
      if (column.object.empty()) continue;
      std::vector<std::string> selected = {column.blob, column.key_id, column.object};
      for (const std::string& r : column.row) selected.push_back(r);
      for (const std::string& i : column.identity) selected.push_back(i);
      auto read = c.Prepare(absl::StrCat(
          "SELECT ", absl::StrJoin(selected, ", "), " FROM ", column.table, " WHERE ",
          column.key_id, " NOT IN ('destroyed', ?1) AND length(", column.blob, ") > 0"));
      if (!read.ok()) return read.status();
      read->Bind(1, data.key_id());
      std::vector<std::pair<std::vector<std::string>, std::string>> rows;
      while (true) {
        auto more = read->Step();
        if (!more.ok()) return more.status();
        if (!*more) break;
        std::vector<std::string> row, identity;
        int i = 3;
        for (size_t k = 0; k < column.row.size(); ++k) row.push_back(read->ColumnText(i++));
        for (size_t k = 0; k < column.identity.size(); ++k) {
          identity.push_back(read->ColumnText(i++));
        }
        const std::string aad = column.aad(identity);
        auto plain =
            objects.OpenText(c, read->ColumnText(2), read->ColumnText(1), read->ColumnBlob(0), aad);
        if (!plain.ok()) {
          return absl::DataLossError(
              absl::StrCat(column.Name(),
                           " does not open with its additional data: ", plain.status().message()));
        }
        auto sealed = data.SealText(*plain, aad);
        if (!sealed.ok()) return sealed.status();
        rows.emplace_back(std::move(row), *std::move(sealed));
      }
      std::vector<std::string> where;
      for (size_t k = 0; k < column.row.size(); ++k) {
        where.push_back(absl::StrCat(column.row[k], " = ?", k + 3));
      }
      auto update =
          c.Prepare(absl::StrCat("UPDATE ", column.table, " SET ", column.blob, " = ?1, ",
                                 column.key_id, " = ?2 WHERE ", absl::StrJoin(where, " AND ")));
      if (!update.ok()) return update.status();
      for (const auto& [row, sealed] : rows) {
        update->Reset();
        update->BindBlob(1, sealed).Bind(2, data.key_id());
        for (size_t k = 0; k < row.size(); ++k) update->Bind(static_cast<int>(k + 3), row[k]);
        if (absl::Status u = update->Run(); !u.ok()) return u;
      }
      moved[column.Name()] += static_cast<int>(rows.size());
    }
    return *marked ? c.Exec("DELETE FROM resealing") : absl::OkStatus();
  });
  EXPECT_TRUE(st.ok()) << st;
  return moved;
}

}  // namespace schakel::testing

#endif  // SCHAKEL_TESTS_SUPPORT_ROTATION_CHECK_H_
