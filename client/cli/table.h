// Text layout for people: tables with aligned columns and "Label: value" lines. Widths are display
// widths (what a terminal shows), so names like "Özdemir" or "Zoë" align like plain ASCII ones.
#ifndef SCHAKEL_CLIENT_CLI_TABLE_H_
#define SCHAKEL_CLIENT_CLI_TABLE_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace schakel::cli {

// The columns a terminal uses to show UTF-8 `text`: combining marks and zero-width characters
// take none, East Asian wide characters and emoji two, control characters none, everything else
// one. A byte that is not valid UTF-8 counts as one column.
size_t DisplayWidth(absl::string_view text);

// `text` cut to at most `max_width` display columns, ending in "…" when it was cut. Never splits
// a character or separates it from its combining marks. A max_width of 0 means no limit.
std::string Ellipsize(absl::string_view text, size_t max_width);

// `text` on one line: line breaks and tabs become single spaces.
std::string OneLine(absl::string_view text);

// A table: a header row and rows of cells, each column as wide as its widest cell (after
// cutting), two spaces between columns, no trailing spaces.
class Table {
 public:
  // Cells wider than this are cut with "…", unless the column says otherwise.
  static constexpr size_t kDefaultMaxWidth = 40;

  struct Column {
    std::string header;
    // 0: never cut (ids people copy into the next command).
    size_t max_width = kDefaultMaxWidth;
    bool align_right = false;  // numbers
  };

  Table() = default;
  explicit Table(std::vector<Column> columns) : columns_(std::move(columns)) {}
  // Columns with default settings and these headers.
  static Table WithHeaders(const std::vector<std::string>& headers);

  // Missing cells are empty; cells beyond the columns are ignored. Line breaks become spaces.
  void AddRow(std::vector<std::string> cells);
  size_t row_count() const { return rows_.size(); }
  // Hides the header row (a list of label/value pairs without headings).
  void set_show_header(bool show) { show_header_ = show; }

  // Writes the table, each line starting with `indent`; nothing when it has no columns.
  void Print(std::ostream& out, absl::string_view indent = "") const;

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
  bool show_header_ = true;
};

// "Label: value" lines with the values aligned:
//   Id:        c-0001
//   Reference: MDA-2026-0001
// A value with line breaks continues on the next lines at the value's column.
class Fields {
 public:
  void Add(std::string label, std::string value);
  bool empty() const { return fields_.empty(); }
  void Print(std::ostream& out, absl::string_view indent = "") const;

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

}  // namespace schakel::cli

#endif  // SCHAKEL_CLIENT_CLI_TABLE_H_
