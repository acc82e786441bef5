#include "client/cli/table.h"

#include <algorithm>
#include <cstdint>

#include "absl/strings/str_split.h"

namespace schakel::cli {
namespace {

// One decoded character: its code point and its length in bytes. Invalid UTF-8 yields U+FFFD
// over one byte, so every byte is consumed.
struct Decoded {
  char32_t code_point;
  size_t length;
};

Decoded DecodeAt(absl::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return {b0, 1};
  size_t length = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    length = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    length = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    length = 4;
    cp = b0 & 0x07;
  } else {
    return {0xFFFD, 1};
  }
  if (i + length > s.size()) return {0xFFFD, 1};
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {0xFFFD, 1};
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  return {cp, length};
}

bool InRanges(char32_t cp, std::initializer_list<std::pair<char32_t, char32_t>> ranges) {
  for (const auto& [first, last] : ranges) {
    if (cp >= first && cp <= last) return true;
  }
  return false;
}

// Display columns of one code point (a small wcwidth: the ranges that occur in names and texts).
size_t CodePointWidth(char32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return 0;  // control characters
  if (InRanges(cp, {{0x0300, 0x036F},      // combining diacritical marks (e + U+0308 = ë)
                    {0x0483, 0x0489},      // Cyrillic combining marks
                    {0x0591, 0x05BD},      // Hebrew points
                    {0x0610, 0x061A},      // Arabic marks
                    {0x064B, 0x065F},      // Arabic vowel marks
                    {0x1AB0, 0x1AFF},      // combining marks extended
                    {0x1DC0, 0x1DFF},      // combining marks supplement
                    {0x200B, 0x200F},      // zero-width space, joiners, direction marks
                    {0x202A, 0x202E},      // direction embeddings
                    {0x2060, 0x2064},      // word joiner, invisible operators
                    {0x20D0, 0x20FF},      // combining marks for symbols
                    {0xFE00, 0xFE0F},      // variation selectors
                    {0xFE20, 0xFE2F},      // combining half marks
                    {0xFEFF, 0xFEFF}})) {  // byte order mark
    return 0;
  }
  if (InRanges(cp, {{0x1100, 0x115F},        // Hangul Jamo
                    {0x2E80, 0x303E},        // CJK radicals, punctuation
                    {0x3041, 0x33FF},        // Hiragana, Katakana, CJK compatibility
                    {0x3400, 0x4DBF},        // CJK extension A
                    {0x4E00, 0x9FFF},        // CJK unified ideographs
                    {0xA000, 0xA4CF},        // Yi
                    {0xAC00, 0xD7A3},        // Hangul syllables
                    {0xF900, 0xFAFF},        // CJK compatibility ideographs
                    {0xFE30, 0xFE4F},        // CJK compatibility forms
                    {0xFF00, 0xFF60},        // fullwidth forms
                    {0xFFE0, 0xFFE6},        // fullwidth signs
                    {0x1F300, 0x1F64F},      // pictographs, emoticons
                    {0x1F900, 0x1F9FF},      // supplemental symbols and pictographs
                    {0x20000, 0x3FFFD}})) {  // CJK extensions B and later
    return 2;
  }
  return 1;
}

std::string Pad(absl::string_view text, size_t width, bool right) {
  const size_t have = DisplayWidth(text);
  const std::string fill(width > have ? width - have : 0, ' ');
  return right ? fill + std::string(text) : std::string(text) + fill;
}

void TrimTrailingSpaces(std::string& line) {
  while (!line.empty() && line.back() == ' ') line.pop_back();
}

}  // namespace

size_t DisplayWidth(absl::string_view text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size();) {
    const Decoded d = DecodeAt(text, i);
    width += CodePointWidth(d.code_point);
    i += d.length;
  }
  return width;
}

std::string Ellipsize(absl::string_view text, size_t max_width) {
  if (max_width == 0 || DisplayWidth(text) <= max_width) return std::string(text);
  // Room for the ellipsis (one column); zero-width characters stay with the one before them.
  const size_t room = max_width - 1;
  size_t width = 0;
  size_t end = 0;
  for (size_t i = 0; i < text.size();) {
    const Decoded d = DecodeAt(text, i);
    const size_t w = CodePointWidth(d.code_point);
    if (w > 0 && width + w > room) break;
    width += w;
    i += d.length;
    end = i;
  }
  std::string out(text.substr(0, end));
  TrimTrailingSpaces(out);
  return out + "\u2026";
}

std::string OneLine(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

Table Table::WithHeaders(const std::vector<std::string>& headers) {
  std::vector<Column> columns;
  columns.reserve(headers.size());
  for (const std::string& h : headers) columns.push_back({h});
  return Table(std::move(columns));
}

void Table::AddRow(std::vector<std::string> cells) {
  cells.resize(columns_.size());
  for (size_t i = 0; i < cells.size(); ++i) {
    cells[i] = Ellipsize(OneLine(cells[i]), columns_[i].max_width);
  }
  rows_.push_back(std::move(cells));
}

void Table::Print(std::ostream& out, absl::string_view indent) const {
  if (columns_.empty()) return;
  std::vector<size_t> widths(columns_.size(), 0);
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (show_header_) widths[i] = DisplayWidth(columns_[i].header);
    for (const auto& row : rows_) widths[i] = std::max(widths[i], DisplayWidth(row[i]));
  }
  const auto print_row = [&](const std::vector<std::string>& cells, bool header) {
    std::string line(indent);
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) line += "  ";
      line += Pad(cells[i], widths[i], columns_[i].align_right && !header);
    }
    TrimTrailingSpaces(line);
    out << line << "\n";
  };
  if (show_header_) {
    std::vector<std::string> headers;
    headers.reserve(columns_.size());
    for (const Column& c : columns_) headers.push_back(c.header);
    print_row(headers, true);
  }
  for (const auto& row : rows_) print_row(row, false);
}

void Fields::Add(std::string label, std::string value) {
  fields_.emplace_back(std::move(label), std::move(value));
}

void Fields::Print(std::ostream& out, absl::string_view indent) const {
  size_t width = 0;
  for (const auto& [label, value] : fields_) width = std::max(width, DisplayWidth(label) + 1);
  for (const auto& [label, value] : fields_) {
    const std::string head = std::string(indent) + Pad(label + ":", width, false) + " ";
    const std::string continuation(DisplayWidth(head), ' ');
    bool first = true;
    for (absl::string_view line : absl::StrSplit(value, '\n')) {
      std::string text = (first ? head : continuation) + std::string(line);
      TrimTrailingSpaces(text);
      out << text << "\n";
      first = false;
    }
  }
}

}  // namespace schakel::cli
