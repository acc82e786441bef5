// Resealing: what a service sealed under its data key (FieldCipher), sealed again under a new one,
// so that the old key can go (`schakeld rotate-data-key`; docs/operations.md section 6). Each
// service lists what it seals under the data key — its columns, with the additional data of each
// row — and the kit does the rest: it opens each value under the old key (a wrong additional data
// fails there, so the list cannot be wrong without the rotation failing), seals it again, and
// checks that nothing is left under the old key.
#ifndef SCHAKEL_SERVICES_COMMON_RESEAL_H_
#define SCHAKEL_SERVICES_COMMON_RESEAL_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "services/common/field_cipher.h"
#include "services/common/object_sealer.h"
#include "services/common/sqlite.h"

namespace schakel::reseal {

// A column of sealed values. Table and column names are the service's constants, never input.
struct Column {
  std::string table;
  std::string blob;
  // The column naming the value's key; empty when the key id is in front of the value
  // (FieldCipher's stored-answer form "<key id>\0<nonce ciphertext tag>").
  std::string key_id;
  // The columns that pick the row out, in the order the pass goes through the table: its primary
  // key ("rowid" when it has one; other columns are TEXT).
  std::vector<std::string> row = {"rowid"};
  // The columns the additional data is made of, and how (the function the service seals with).
  std::vector<std::string> identity;
  std::function<std::string(const std::vector<std::string>& identity)> aad;
  // The column naming the object whose own key (ObjectSealer) seals this value from now on (rows
  // sealed before the objects had keys); empty: the value stays under the service's data key.
  std::string object;
  std::string Name() const { return table + "." + blob; }
};

// What a service seals under its data key: its columns, and what is not a column of its own
// (a sealed message inside an outbox payload) as extra steps.
struct Plan {
  std::vector<Column> columns;
  struct Step {
    std::string name;
    // Reseals what it knows under `from` with `to`; returns how many values.
    std::function<absl::StatusOr<int64_t>(sqlite::Connection&, const FieldCipher& from,
                                          const FieldCipher& to)>
        run;
  };
  std::vector<Step> steps;
};

// The stored answers of idempotent requests (schema/common/0001), which every service with a
// cipher seals: in every plan.
Column StoredAnswers();

struct Resealed {
  std::string what;  // "table.column" or a step's name
  int64_t values = 0;
};

// Inside the caller's transaction: reseals every value of `plan` sealed under `from` — under its
// object's key through `objects` for a column with an object (and `objects` given), else under
// `to` — then checks that no value is left under `from`. A column without objects that holds a
// value under another key is FAILED_PRECONDITION before anything is resealed (the configured key
// is not the one in use). Any value that does not open under `from` fails the whole (DATA_LOSS
// naming the column and the row), so the caller's transaction changes nothing. While it runs, the
// table `resealing` (where the schema has one) holds a row, which the safety plan's immutability
// triggers let through. Goes through each table once, in batches.
absl::StatusOr<std::vector<Resealed>> Run(sqlite::Connection& c, const Plan& plan,
                                          const FieldCipher& from, const FieldCipher& to,
                                          ObjectSealer* objects);

// What Run checks before it changes anything: FAILED_PRECONDITION when a column without objects
// holds a value under another key than `from`.
absl::Status Check(sqlite::Connection& c, const Plan& plan, const FieldCipher& from);

// How many values of `column` are sealed under key `key_id`.
absl::StatusOr<int64_t> CountUnder(sqlite::Connection& c, const Column& column,
                                   absl::string_view key_id);

}  // namespace schakel::reseal

#endif  // SCHAKEL_SERVICES_COMMON_RESEAL_H_
