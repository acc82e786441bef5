#include "services/common/reseal.h"

#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/common/status.h"

namespace schakel::reseal {
namespace {

constexpr int kBatch = 256;

// The stored-answer form's prefix of key `key_id`.
std::string Prefix(absl::string_view key_id) {
  return absl::StrCat(key_id, absl::string_view("\0", 1));
}

// WHERE clause selecting the values of `column` under the key bound as ?1 (?2: its length + 1,
// for the prefix form).
std::string UnderKey(const Column& column) {
  if (!column.key_id.empty()) return absl::StrCat(column.key_id, " = ?1");
  return absl::StrCat("substr(", column.blob, ", 1, ?2) = ?1");
}

void BindKey(sqlite::Statement& s, const Column& column, absl::string_view key_id) {
  if (!column.key_id.empty()) {
    s.Bind(1, key_id);
  } else {
    const std::string prefix = Prefix(key_id);
    s.BindBlob(1, prefix).Bind(2, static_cast<int64_t>(prefix.size()));
  }
}

absl::StatusOr<bool> HasTable(sqlite::Connection& c, absl::string_view table) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement s,
      c.Prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"));
  s.Bind(1, table);
  return s.Step();
}

// A row's place: its `row` columns (rowid as a number, the others as text).
struct RowKey {
  std::vector<std::string> values;
  void Bind(sqlite::Statement& s, const Column& column, int first) const {
    for (size_t k = 0; k < values.size(); ++k) {
      const int index = first + static_cast<int>(k);
      if (column.row[k] == "rowid") {
        s.Bind(index, static_cast<int64_t>(std::stoll(values[k])));
      } else {
        s.Bind(index, values[k]);
      }
    }
  }
};

// Reseals the next batch of `column` after `after` (none: from the start), in the order of its
// `row` columns, and moves `after` to the last row read; returns how many values (0: none left).
absl::StatusOr<int64_t> Batch(sqlite::Connection& c, const Column& column, const FieldCipher& from,
                              const FieldCipher& to, ObjectSealer* objects,
                              std::optional<RowKey>& after) {
  const bool by_object = objects != nullptr && !column.object.empty();
  std::vector<std::string> selected = {column.blob};
  for (const std::string& r : column.row) selected.push_back(r);
  for (const std::string& i : column.identity) selected.push_back(i);
  if (by_object) selected.push_back(column.object);
  std::vector<std::string> cursor;
  for (size_t k = 0; k < column.row.size(); ++k) cursor.push_back(absl::StrCat("?", k + 3));
  const std::string order = absl::StrJoin(column.row, ", ");
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement read,
      c.Prepare(absl::StrCat(
          "SELECT ", absl::StrJoin(selected, ", "), " FROM ", column.table, " WHERE ",
          UnderKey(column),
          after ? absl::StrCat(" AND (", order, ") > (", absl::StrJoin(cursor, ", "), ")") : "",
          " ORDER BY ", order, " LIMIT ", kBatch)));
  BindKey(read, column, from.key_id());
  if (after) after->Bind(read, column, 3);
  struct Row {
    RowKey row;
    std::string key_id;
    std::optional<std::string> sealed;  // nullopt: NULL stays NULL
  };
  std::vector<Row> rows;
  while (true) {
    SCHAKEL_ASSIGN_OR_RETURN(bool more, read.Step());
    if (!more) break;
    int i = 0;
    const bool null = read.IsNull(i);
    std::string blob = read.ColumnBlob(i++);
    Row r;
    for (size_t k = 0; k < column.row.size(); ++k) r.row.values.push_back(read.ColumnText(i++));
    std::vector<std::string> identity;
    for (size_t k = 0; k < column.identity.size(); ++k) identity.push_back(read.ColumnText(i++));
    after = r.row;
    const std::string aad = column.aad(identity);
    auto fail = [&](const absl::Status& st) {
      return absl::DataLossError(absl::StrCat(column.Name(), " (", absl::StrJoin(identity, ", "),
                                              "): does not open under key ", from.key_id(), ": ",
                                              st.message()));
    };
    if (blob.empty()) {
      // Nothing was sealed (a risk assessment without notes): only the key id moves.
      r.key_id = to.key_id();
      if (!null) r.sealed = "";
      rows.push_back(std::move(r));
      continue;
    }
    absl::StatusOr<std::string> plain =
        column.key_id.empty() ? from.Open(blob, aad) : from.OpenText(from.key_id(), blob, aad);
    if (!plain.ok()) return fail(plain.status());
    absl::StatusOr<std::string> sealed;
    if (by_object) {
      sealed = objects->SealText(c, read.ColumnText(i), *plain, aad, r.key_id);
    } else if (column.key_id.empty()) {
      sealed = to.Seal(absl::string_view(*plain), aad);
    } else {
      sealed = to.SealText(*plain, aad);
      r.key_id = to.key_id();
    }
    if (!sealed.ok()) return fail(sealed.status());
    r.sealed = *std::move(sealed);
    rows.push_back(std::move(r));
  }
  std::vector<std::string> where;
  for (size_t k = 0; k < column.row.size(); ++k) {
    where.push_back(absl::StrCat(column.row[k], " = ?", k + 3));
  }
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement update,
      c.Prepare(
          absl::StrCat("UPDATE ", column.table, " SET ", column.blob, " = ?1",
                       column.key_id.empty() ? "" : absl::StrCat(", ", column.key_id, " = ?2"),
                       " WHERE ", absl::StrJoin(where, " AND "))));
  for (const Row& r : rows) {
    update.Reset();
    if (r.sealed) {
      update.BindBlob(1, *r.sealed);
    } else {
      update.BindNull(1);
    }
    if (!column.key_id.empty()) update.Bind(2, r.key_id);
    r.row.Bind(update, column, 3);
    SCHAKEL_RETURN_IF_ERROR(update.Run());
    if (c.Changes() != 1) {
      return absl::InternalError(absl::StrCat(column.Name(), ": resealing changed ", c.Changes(),
                                              " rows of (", absl::StrJoin(r.row.values, ", "),
                                              ")"));
    }
  }
  return static_cast<int64_t>(rows.size());
}

// Refuses a column (without objects: all its values are under the data key) that holds values
// under another key than `from`: the configured data key is not the one in use (a rotation ran
// before and the configuration does not name its new key yet, say). Resealing only what is under
// `from` would then report success while the service could read nothing after.
absl::Status CheckOnlyUnder(sqlite::Connection& c, const Column& column, const FieldCipher& from) {
  std::string sql;
  if (!column.key_id.empty()) {
    sql = absl::StrCat("SELECT ", column.key_id, ", count(*) FROM ", column.table, " WHERE ",
                       column.key_id, " IS NOT NULL AND ", column.key_id,
                       " NOT IN (?1, 'destroyed', '') GROUP BY 1 LIMIT 1");
  } else {
    // The stored-answer form: "k-" and the key id's hex, then a zero byte.
    sql = absl::StrCat("SELECT CAST(substr(", column.blob, ", 1, ?3) AS TEXT), count(*) FROM ",
                       column.table, " WHERE substr(", column.blob, ", 1, 2) = ?2 AND substr(",
                       column.blob, ", ?4, 1) = X'00' AND substr(", column.blob, ", 1, ?4) <> ?1 ",
                       "GROUP BY 1 LIMIT 1");
  }
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement s, c.Prepare(sql));
  if (!column.key_id.empty()) {
    s.Bind(1, from.key_id());
  } else {
    const int64_t n = static_cast<int64_t>(from.key_id().size());
    s.BindBlob(1, Prefix(from.key_id())).BindBlob(2, "k-").Bind(3, n).Bind(4, n + 1);
  }
  SCHAKEL_ASSIGN_OR_RETURN(bool found, s.Step());
  if (!found) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat(
      s.ColumnInt(1), " values of ", column.Name(), " are under key ", s.ColumnText(0),
      ", not under the configured data key ", from.key_id(),
      ": the configuration names another key than the one in use (was the key rotated before, "
      "and the configuration not pointed at its new key?)"));
}

}  // namespace

absl::Status Check(sqlite::Connection& c, const Plan& plan, const FieldCipher& from) {
  for (const Column& column : plan.columns) {
    if (!column.object.empty() && column.key_id.empty()) {
      return absl::InternalError(
          absl::StrCat(column.Name(), ": a value under its object's key needs a key id column"));
    }
    if (column.object.empty()) SCHAKEL_RETURN_IF_ERROR(CheckOnlyUnder(c, column, from));
  }
  return absl::OkStatus();
}

Column StoredAnswers() {
  return {.table = "idempotency_keys",
          .blob = "response",
          .key_id = "",
          .row = {"principal_id", "request_id"},
          .identity = {"principal_id", "request_id"},
          .aad = [](const std::vector<std::string>& v) {
            return absl::StrCat("idempotency/", v[0], "/", v[1]);
          }};
}

absl::StatusOr<int64_t> CountUnder(sqlite::Connection& c, const Column& column,
                                   absl::string_view key_id) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement s,
      c.Prepare(absl::StrCat("SELECT count(*) FROM ", column.table, " WHERE ", UnderKey(column))));
  BindKey(s, column, key_id);
  SCHAKEL_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? s.ColumnInt(0) : 0;
}

absl::StatusOr<std::vector<Resealed>> Run(sqlite::Connection& c, const Plan& plan,
                                          const FieldCipher& from, const FieldCipher& to,
                                          ObjectSealer* objects) {
  if (from.key_id() == to.key_id()) {
    return absl::InvalidArgumentError("the new data key is the current one");
  }
  SCHAKEL_RETURN_IF_ERROR(Check(c, plan, from));
  SCHAKEL_ASSIGN_OR_RETURN(bool marked, HasTable(c, "resealing"));
  if (marked) SCHAKEL_RETURN_IF_ERROR(c.Exec("INSERT INTO resealing (one) VALUES (1)"));
  std::vector<Resealed> done;
  for (const Column& column : plan.columns) {
    Resealed r{.what = column.Name()};
    std::optional<RowKey> after;
    while (true) {
      SCHAKEL_ASSIGN_OR_RETURN(int64_t n, Batch(c, column, from, to, objects, after));
      if (n == 0) break;
      r.values += n;
    }
    done.push_back(std::move(r));
  }
  for (const Plan::Step& step : plan.steps) {
    SCHAKEL_ASSIGN_OR_RETURN(int64_t n, step.run(c, from, to));
    done.push_back({.what = step.name, .values = n});
  }
  for (const Column& column : plan.columns) {
    SCHAKEL_ASSIGN_OR_RETURN(int64_t left, CountUnder(c, column, from.key_id()));
    if (left != 0) {
      return absl::InternalError(
          absl::StrCat(column.Name(), ": ", left, " values are still under the old key"));
    }
  }
  if (marked) SCHAKEL_RETURN_IF_ERROR(c.Exec("DELETE FROM resealing"));
  return done;
}

}  // namespace schakel::reseal
