#include "client/cli/readable.h"

#include <cstdint>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "client/cli/table.h"

namespace schakel::cli {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// Lists with more columns than this read better as blocks than as a table.
constexpr size_t kMaxTableColumns = 9;
// Bytes up to this length (hashes, keys) are shown in hex; longer ones by their size.
constexpr int kMaxHexBytes = 32;

std::vector<const FieldDescriptor*> SetFields(const Message& m) {
  std::vector<const FieldDescriptor*> fields;
  m.GetReflection()->ListFields(m, &fields);
  return fields;
}

// Messages shown as one value: times, dates, notes, addresses.
bool IsValueMessage(const Descriptor& d) {
  const std::string& name = d.full_name();
  return name == "google.protobuf.Timestamp" || name == "schakel.v1.Date" ||
         name == "schakel.v1.Note" || name == "schakel.v1.Address";
}

// Whether a field is shown as a value (not as a nested object or a list of objects).
bool IsValueField(const FieldDescriptor& f) {
  return f.cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE || IsValueMessage(*f.message_type());
}

std::string StringField(const Message& m, absl::string_view name) {
  const FieldDescriptor* f = m.GetDescriptor()->FindFieldByName(std::string(name));
  if (f == nullptr || f->cpp_type() != FieldDescriptor::CPPTYPE_STRING || f->is_repeated()) {
    return "";
  }
  return m.GetReflection()->GetString(m, f);
}

const FieldDescriptor* Field(const Message& m, absl::string_view name) {
  return m.GetDescriptor()->FindFieldByName(std::string(name));
}

// A note: "ID: " (when it has one), "[care] " when it is not general, then its text or, when it
// is hidden, why.
std::string NoteText(const Message& note, bool with_id) {
  const Reflection& r = *note.GetReflection();
  std::string text;
  if (const FieldDescriptor* s = Field(note, "sensitivity");
      s != nullptr && s->cpp_type() == FieldDescriptor::CPPTYPE_ENUM) {
    const auto* value = r.GetEnum(note, s);
    if (value->number() > 1) text = absl::StrCat("[", EnumWords(*value), "] ");
  }
  const FieldDescriptor* hidden = Field(note, "hidden");
  if (hidden != nullptr && hidden->cpp_type() == FieldDescriptor::CPPTYPE_BOOL &&
      r.GetBool(note, hidden)) {
    const std::string why = StringField(note, "hidden_reason");
    absl::StrAppend(&text, "(", why.empty() ? "hidden" : why, ")");
  } else {
    absl::StrAppend(&text, StringField(note, "text"));
  }
  if (const FieldDescriptor* shared = Field(note, "shared_with_organisation_ids");
      shared != nullptr && shared->is_repeated() &&
      shared->cpp_type() == FieldDescriptor::CPPTYPE_STRING && r.FieldSize(note, shared) > 0) {
    std::vector<std::string> orgs;
    for (int i = 0; i < r.FieldSize(note, shared); ++i) {
      orgs.push_back(r.GetRepeatedString(note, shared, i));
    }
    absl::StrAppend(&text, " (shared with ", absl::StrJoin(orgs, ", "), ")");
  }
  // The id, when it has one, is what `cases share-note --note=ID` takes.
  const std::string id = StringField(note, "id");
  return id.empty() || !with_id ? text : absl::StrCat(id, ": ", text);
}

std::string AddressText(const Message& a) {
  const std::string street =
      absl::StrJoin({StringField(a, "street"), StringField(a, "house_number")}, " ");
  const std::string city = absl::StrJoin({StringField(a, "postcode"), StringField(a, "city")}, " ");
  std::string out = absl::StrJoin({std::string(absl::StripAsciiWhitespace(street)),
                                   std::string(absl::StripAsciiWhitespace(city))},
                                  ", ");
  return std::string(absl::StripAsciiWhitespace(absl::StripSuffix(out, ", ")));
}

std::string ValueMessageText(const Message& m, bool with_id) {
  const std::string& name = m.GetDescriptor()->full_name();
  const Reflection& r = *m.GetReflection();
  if (name == "google.protobuf.Timestamp") {
    const int64_t seconds = r.GetInt64(m, Field(m, "seconds"));
    const int32_t nanos = r.GetInt32(m, Field(m, "nanos"));
    if (seconds == 0 && nanos == 0) return "";  // unset: left out, like other empty values
    return LocalTime(absl::FromUnixSeconds(seconds) + absl::Nanoseconds(nanos));
  }
  if (name == "schakel.v1.Date") {
    v1::Date date;
    date.set_year(r.GetInt32(m, Field(m, "year")));
    date.set_month(r.GetInt32(m, Field(m, "month")));
    date.set_day(r.GetInt32(m, Field(m, "day")));
    return date.year() == 0 && date.month() == 0 && date.day() == 0 ? "" : LocalDate(date);
  }
  if (name == "schakel.v1.Note") return NoteText(m, with_id);
  return AddressText(m);
}

std::string BytesText(const std::string& bytes) {
  if (bytes.size() <= kMaxHexBytes) return absl::BytesToHexString(bytes);
  return absl::StrCat("(", bytes.size(), " bytes)");
}

// One value of field `f` of `m`: element `index` of a repeated field, or the field itself.
std::string ValueText(const Message& m, const FieldDescriptor& f, int index, bool with_id) {
  const Reflection& r = *m.GetReflection();
  const bool rep = f.is_repeated();
  switch (f.cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
      return absl::StrCat(rep ? r.GetRepeatedInt32(m, &f, index) : r.GetInt32(m, &f));
    case FieldDescriptor::CPPTYPE_INT64:
      return absl::StrCat(rep ? r.GetRepeatedInt64(m, &f, index) : r.GetInt64(m, &f));
    case FieldDescriptor::CPPTYPE_UINT32:
      return absl::StrCat(rep ? r.GetRepeatedUInt32(m, &f, index) : r.GetUInt32(m, &f));
    case FieldDescriptor::CPPTYPE_UINT64:
      return absl::StrCat(rep ? r.GetRepeatedUInt64(m, &f, index) : r.GetUInt64(m, &f));
    case FieldDescriptor::CPPTYPE_DOUBLE:
      return absl::StrCat(rep ? r.GetRepeatedDouble(m, &f, index) : r.GetDouble(m, &f));
    case FieldDescriptor::CPPTYPE_FLOAT:
      return absl::StrCat(rep ? r.GetRepeatedFloat(m, &f, index) : r.GetFloat(m, &f));
    case FieldDescriptor::CPPTYPE_BOOL:
      return (rep ? r.GetRepeatedBool(m, &f, index) : r.GetBool(m, &f)) ? "yes" : "no";
    case FieldDescriptor::CPPTYPE_ENUM: {
      const auto& value = rep ? *r.GetRepeatedEnum(m, &f, index) : *r.GetEnum(m, &f);
      return value.number() == 0 ? "-" : EnumWords(value);
    }
    case FieldDescriptor::CPPTYPE_STRING: {
      const std::string s = rep ? r.GetRepeatedString(m, &f, index) : r.GetString(m, &f);
      return f.type() == FieldDescriptor::TYPE_BYTES ? BytesText(s) : s;
    }
    case FieldDescriptor::CPPTYPE_MESSAGE:
      return ValueMessageText(rep ? r.GetRepeatedMessage(m, &f, index) : r.GetMessage(m, &f),
                              with_id);
  }
  return "";
}

// A value field as text; the items of a repeated one joined with `separator`. Empty when unset.
// Without `with_id`, a note leaves out its id (a table's cell: the summary of an event).
std::string FieldText(const Message& m, const FieldDescriptor& f, absl::string_view separator,
                      bool with_id = true) {
  const Reflection& r = *m.GetReflection();
  if (!f.is_repeated()) {
    if (f.has_presence() && !r.HasField(m, &f)) return "";
    return ValueText(m, f, -1, with_id);
  }
  std::vector<std::string> items;
  for (int i = 0; i < r.FieldSize(m, &f); ++i) items.push_back(ValueText(m, f, i, with_id));
  return absl::StrJoin(items, separator);
}

// Whether `m` shows anything: a value that is not empty, or an object or list that does.
bool HasContent(const Message& m) {
  const Reflection& r = *m.GetReflection();
  for (const FieldDescriptor* f : SetFields(m)) {
    if (IsValueField(*f)) {
      if (!FieldText(m, *f, "").empty()) return true;
    } else if (f->is_repeated()) {
      if (r.FieldSize(m, f) > 0) return true;
    } else if (HasContent(r.GetMessage(m, f))) {
      return true;
    }
  }
  return false;
}

std::string FieldValueLabel(const FieldDescriptor& f) {
  // The next page of a list reads as the flag that asks for it.
  if (f.name() == "next_page_token") return "Next page";
  return FieldLabel(f.name());
}

std::string FieldValueForLabel(const Message& m, const FieldDescriptor& f) {
  const std::string text =
      FieldText(m, f, f.cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE ? "\n" : ", ");
  if (f.name() == "next_page_token") return absl::StrCat("--page-token=", text);
  return text;
}

bool IsNumber(const FieldDescriptor& f) {
  switch (f.cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
    case FieldDescriptor::CPPTYPE_INT64:
    case FieldDescriptor::CPPTYPE_UINT32:
    case FieldDescriptor::CPPTYPE_UINT64:
    case FieldDescriptor::CPPTYPE_DOUBLE:
    case FieldDescriptor::CPPTYPE_FLOAT:
      return !f.is_repeated();
    default:
      return false;
  }
}

// Ids, references and etags are copied into the next command: never cut.
bool NeverCut(const FieldDescriptor& f) {
  const std::string& n = f.name();
  return n == "id" || absl::EndsWith(n, "_id") || n == "etag" || n == "reference";
}

// Free text (notes, summaries, descriptions): the reason a list is read, so cut later.
constexpr size_t kTextMaxWidth = 64;
bool IsText(const FieldDescriptor& f) {
  if (f.cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
    return f.message_type()->full_name() == "schakel.v1.Note";
  }
  const std::string& n = f.name();
  return f.cpp_type() == FieldDescriptor::CPPTYPE_STRING &&
         (n == "text" || n == "summary" || n == "description" || n == "reason" || n == "note");
}

// The width a table cuts the values of field `f` at (0: never).
size_t ColumnMaxWidth(const FieldDescriptor& f) {
  if (NeverCut(f)) return 0;
  return IsText(f) ? kTextMaxWidth : Table::kDefaultMaxWidth;
}

bool WouldBeCut(const FieldDescriptor& f, const std::string& text) {
  const size_t max = ColumnMaxWidth(f);
  return max != 0 && DisplayWidth(OneLine(text)) > max;
}

// A column of a table of list items: a value field of the item, or one of an object inside it
// (`parent` set), shown as "PARENT FIELD".
struct ItemColumn {
  const FieldDescriptor* parent = nullptr;
  const FieldDescriptor* field = nullptr;
};

// The columns for the items of `list` in `owner`, in field order, only those set in some item;
// false when an item does not fit a table (it holds lists of objects or deeper objects).
bool TableColumns(const Message& owner, const FieldDescriptor& list, bool cut_texts,
                  std::vector<ItemColumn>& columns) {
  const Reflection& r = *owner.GetReflection();
  const Descriptor& item = *list.message_type();
  std::vector<bool> used(static_cast<size_t>(item.field_count()), false);
  std::vector<std::vector<bool>> used_inner(static_cast<size_t>(item.field_count()));
  for (int i = 0; i < r.FieldSize(owner, &list); ++i) {
    const Message& m = r.GetRepeatedMessage(owner, &list, i);
    for (const FieldDescriptor* f : SetFields(m)) {
      const size_t at = static_cast<size_t>(f->index());
      if (IsValueField(*f)) {
        // A list of notes or addresses is too long for a cell.
        if (f->is_repeated() && f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) return false;
        const std::string text = FieldText(m, *f, "", /*with_id=*/false);
        if (!cut_texts && WouldBeCut(*f, text)) return false;
        if (!text.empty()) used[at] = true;
        continue;
      }
      if (f->is_repeated()) return false;
      const Message& inner = m.GetReflection()->GetMessage(m, f);
      used_inner[at].resize(static_cast<size_t>(f->message_type()->field_count()), false);
      for (const FieldDescriptor* g : SetFields(inner)) {
        if (!IsValueField(*g) ||
            (g->is_repeated() && g->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE)) {
          return false;
        }
        const std::string text = FieldText(inner, *g, "", /*with_id=*/false);
        if (!cut_texts && WouldBeCut(*g, text)) return false;
        if (!text.empty()) used_inner[at][static_cast<size_t>(g->index())] = true;
      }
    }
  }
  for (int k = 0; k < item.field_count(); ++k) {
    const FieldDescriptor* f = item.field(k);
    if (used[static_cast<size_t>(k)]) columns.push_back({nullptr, f});
    const auto& inner = used_inner[static_cast<size_t>(k)];
    for (size_t g = 0; g < inner.size(); ++g) {
      if (inner[g]) columns.push_back({f, f->message_type()->field(static_cast<int>(g))});
    }
  }
  return columns.size() <= kMaxTableColumns;
}

void PrintTable(const Message& owner, const FieldDescriptor& list,
                const std::vector<ItemColumn>& columns, std::ostream& out,
                const std::string& indent) {
  std::vector<Table::Column> headers;
  for (const ItemColumn& c : columns) {
    std::string label = c.parent == nullptr
                            ? FieldLabel(c.field->name())
                            : absl::StrCat(FieldLabel(c.parent->name()), " ", c.field->name());
    absl::StrReplaceAll({{"_", " "}}, &label);
    Table::Column column{absl::AsciiStrToUpper(label)};
    column.max_width = ColumnMaxWidth(*c.field);
    column.align_right = IsNumber(*c.field);
    headers.push_back(std::move(column));
  }
  Table table(std::move(headers));
  const Reflection& r = *owner.GetReflection();
  for (int i = 0; i < r.FieldSize(owner, &list); ++i) {
    const Message& m = r.GetRepeatedMessage(owner, &list, i);
    std::vector<std::string> cells;
    for (const ItemColumn& c : columns) {
      if (c.parent == nullptr) {
        cells.push_back(FieldText(m, *c.field, ", ", /*with_id=*/false));
      } else {
        const Message& inner = m.GetReflection()->GetMessage(m, c.parent);
        cells.push_back(FieldText(inner, *c.field, ", ", /*with_id=*/false));
      }
    }
    table.AddRow(std::move(cells));
  }
  table.Print(out, indent);
}

void PrintObject(const Message& m, std::ostream& out, const std::string& indent);

// A list of objects: a table when they are flat enough, else numbered blocks. A list that is the
// whole answer (`cut_texts`) is an overview: its long texts are cut to fit; inside an object
// (the items of a plan) they are read, so such a list becomes blocks instead.
void PrintList(const Message& owner, const FieldDescriptor& list, std::ostream& out,
               const std::string& indent, bool cut_texts) {
  std::vector<ItemColumn> columns;
  if (TableColumns(owner, list, cut_texts, columns)) {
    PrintTable(owner, list, columns, out, indent);
    return;
  }
  const Reflection& r = *owner.GetReflection();
  for (int i = 0; i < r.FieldSize(owner, &list); ++i) {
    out << indent << "[" << i + 1 << "]\n";
    PrintObject(r.GetRepeatedMessage(owner, &list, i), out, indent + "  ");
  }
}

// An object: its values as "Label: value" lines, then its objects and lists, each under a
// heading.
void PrintObject(const Message& m, std::ostream& out, const std::string& indent) {
  const std::vector<const FieldDescriptor*> set = SetFields(m);
  Fields values;
  Fields next_page;  // last, after the lists it continues
  for (const FieldDescriptor* f : set) {
    if (!IsValueField(*f)) continue;
    std::string text = FieldValueForLabel(m, *f);
    if (text.empty()) continue;
    (f->name() == "next_page_token" ? next_page : values).Add(FieldValueLabel(*f), std::move(text));
  }
  values.Print(out, indent);
  const Reflection& r = *m.GetReflection();
  for (const FieldDescriptor* f : set) {
    if (IsValueField(*f)) continue;
    if (f->is_repeated()) {
      out << indent << FieldLabel(f->name()) << " (" << r.FieldSize(m, f) << "):\n";
      PrintList(m, *f, out, indent + "  ", /*cut_texts=*/false);
    } else {
      const Message& inner = r.GetMessage(m, f);
      if (!HasContent(inner)) continue;
      out << indent << FieldLabel(f->name()) << ":\n";
      PrintObject(inner, out, indent + "  ");
    }
  }
  next_page.Print(out, indent);
}

}  // namespace

const absl::TimeZone& AmsterdamZone() {
  static const absl::TimeZone* zone = [] {
    auto* tz = new absl::TimeZone();
    if (!absl::LoadTimeZone("Europe/Amsterdam", tz)) {
      *tz = absl::FixedTimeZone(3600);
      std::cerr << "schakelctl: no time zone data for Europe/Amsterdam (install tzdata); times "
                   "are shown in UTC+1\n";
    }
    return tz;
  }();
  return *zone;
}

std::string LocalTime(absl::Time t) {
  if (t == absl::UnixEpoch()) return "-";
  return absl::FormatTime("%d-%m-%Y %H:%M", t, AmsterdamZone());
}

std::string LocalTime(const google::protobuf::Timestamp& t) {
  return LocalTime(absl::FromUnixSeconds(t.seconds()) + absl::Nanoseconds(t.nanos()));
}

std::string LocalDate(const v1::Date& date) {
  if (date.year() == 0 && date.month() == 0 && date.day() == 0) return "-";
  return absl::StrFormat("%02d-%02d-%04d", date.day(), date.month(), date.year());
}

std::string EnumWords(const google::protobuf::EnumValueDescriptor& value) {
  const google::protobuf::EnumDescriptor& type = *value.type();
  std::string name = value.name();
  // The values' common prefix is the first value's name without UNSPECIFIED
  // ("ORGANISATION_TYPE_"); enums without that convention keep their names.
  const std::string& first = type.value(0)->name();
  if (absl::EndsWith(first, "UNSPECIFIED")) {
    const std::string prefix = first.substr(0, first.size() - std::string("UNSPECIFIED").size());
    if (absl::StartsWith(name, prefix) && name.size() > prefix.size()) {
      name = name.substr(prefix.size());
    }
  }
  name = absl::AsciiStrToLower(name);
  absl::StrReplaceAll({{"_", " "}}, &name);
  return name;
}

std::string EnumNameWords(absl::string_view name) {
  const auto* value = google::protobuf::DescriptorPool::generated_pool()->FindEnumValueByName(
      absl::StrCat("schakel.v1.", name));
  return value == nullptr ? std::string(name) : EnumWords(*value);
}

std::string FieldLabel(absl::string_view field_name) {
  std::vector<std::string> words = absl::StrSplit(field_name, '_', absl::SkipEmpty());
  for (std::string& w : words) {
    if (w == "bsn" || w == "csv" || w == "mda" || w == "vt" || w == "dns" || w == "ip") {
      w = absl::AsciiStrToUpper(w);
    }
  }
  std::string label = absl::StrJoin(words, " ");
  if (!label.empty()) label[0] = absl::ascii_toupper(static_cast<unsigned char>(label[0]));
  return label;
}

void PrintReadable(const google::protobuf::Message& message, std::ostream& out) {
  const std::vector<const FieldDescriptor*> set = SetFields(message);
  if (set.empty()) {
    out << "(none)\n";
    return;
  }
  // One object: shown without its heading.
  if (set.size() == 1 && !IsValueField(*set[0]) && !set[0]->is_repeated()) {
    const Message& inner = message.GetReflection()->GetMessage(message, set[0]);
    if (!HasContent(inner)) {
      out << "(none)\n";
      return;
    }
    PrintObject(inner, out, "");
    return;
  }
  // One list (and values such as the next page token): the list first, without its heading.
  const FieldDescriptor* only_list = nullptr;
  int lists = 0;
  for (const FieldDescriptor* f : set) {
    if (!IsValueField(*f)) {
      ++lists;
      if (f->is_repeated()) only_list = f;
    }
  }
  if (lists == 1 && only_list != nullptr) {
    PrintList(message, *only_list, out, "", /*cut_texts=*/true);
    Fields values;
    for (const FieldDescriptor* f : set) {
      if (!IsValueField(*f)) continue;
      std::string text = FieldValueForLabel(message, *f);
      if (!text.empty()) values.Add(FieldValueLabel(*f), std::move(text));
    }
    values.Print(out);
    return;
  }
  PrintObject(message, out, "");
}

}  // namespace schakel::cli
