// schakelctl's output for people: the table printer (display widths, ellipsis, aligned labels)
// and the readable form of the services' answers (Amsterdam times, enums in words, hidden notes).
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "client/cli/readable.h"
#include "client/cli/table.h"
#include "schakel/v1/cases.pb.h"

namespace schakel::cli {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  return absl::StrSplit(text, '\n', absl::SkipEmpty());
}

// The display column where `needle` starts in `line`.
size_t ColumnOf(const std::string& line, const std::string& needle) {
  const size_t at = line.find(needle);
  EXPECT_NE(at, std::string::npos) << needle << " not in: " << line;
  return DisplayWidth(line.substr(0, at));
}

TEST(DisplayWidthTest, CountsWhatATerminalShows) {
  EXPECT_EQ(DisplayWidth("Jansen"), 6u);
  EXPECT_EQ(DisplayWidth("\xC3\x96zdemir"), 7u);            // Özdemir, precomposed (2 bytes Ö)
  EXPECT_EQ(DisplayWidth("O\xCC\x88zdemir"), 7u);           // O + combining diaeresis
  EXPECT_EQ(DisplayWidth("\xE7\x8E\x8B\xE8\x8A\xB3"), 4u);  // two CJK characters, two each
  EXPECT_EQ(DisplayWidth("a\xE2\x80\x8B"
                         "b"),
            2u);                        // zero-width space
  EXPECT_EQ(DisplayWidth("\xFF"), 1u);  // not UTF-8: one column per byte
}

TEST(EllipsizeTest, CutsAtTheWidthWithAnEllipsis) {
  EXPECT_EQ(Ellipsize("kort", 10), "kort");
  EXPECT_EQ(Ellipsize("Huisverbod bewaken", 10), "Huisverbo\u2026");
  EXPECT_EQ(DisplayWidth(Ellipsize("Huisverbod bewaken", 10)), 10u);
  // Never inside a character, never between a letter and its combining mark.
  EXPECT_EQ(Ellipsize("\xC3\x96zdemir-Zo\xC3\xAB", 4), "\xC3\x96zd\u2026");
  EXPECT_EQ(Ellipsize("O\xCC\x88zdemir", 2), "O\xCC\x88\u2026");
  // A wide character that does not fit is left out whole.
  EXPECT_EQ(Ellipsize("a\xE7\x8E\x8B\xE8\x8A\xB3", 3), "a\u2026");
  EXPECT_EQ(Ellipsize("no limit at all", 0), "no limit at all");
}

TEST(TableTest, AlignsColumnsByDisplayWidth) {
  Table table = Table::WithHeaders({"NAAM", "ROL"});
  table.AddRow({"\xC3\x96zdemir", "slachtoffer"});  // Özdemir (precomposed)
  table.AddRow({"O\xCC\x88zdemir", "kind"});        // Özdemir (decomposed)
  table.AddRow({"Jansen", "vermoedelijke pleger"});
  std::ostringstream out;
  table.Print(out);
  const std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 4u) << out.str();
  EXPECT_EQ(lines[0], "NAAM     ROL");
  EXPECT_EQ(ColumnOf(lines[1], "slachtoffer"), 9u) << out.str();
  EXPECT_EQ(ColumnOf(lines[2], "kind"), 9u) << out.str();
  EXPECT_EQ(ColumnOf(lines[3], "vermoedelijke"), 9u) << out.str();
  for (const std::string& line : lines) EXPECT_NE(line.back(), ' ') << "trailing space";
}

TEST(TableTest, CutsLongCellsButNotIds) {
  Table table({{"ID", 0}, {"TEXT", 12}, {"N", Table::kDefaultMaxWidth, true}});
  const std::string id = "c-0123456789abcdef0123456789abcdef";
  table.AddRow({id, "Een lange tekst\nover twee regels", "7"});
  table.AddRow({"c-1", "kort", "12"});
  std::ostringstream out;
  table.Print(out);
  const std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_NE(lines[1].find(id), std::string::npos) << "ids are never cut";
  EXPECT_NE(lines[1].find("Een lange t\u2026"), std::string::npos) << out.str();
  EXPECT_EQ(lines[1].find('\n'), std::string::npos);
  // Numbers align on the right.
  EXPECT_EQ(DisplayWidth(lines[1]), DisplayWidth(lines[2])) << out.str();
}

TEST(FieldsTest, AlignsValuesAndContinuesLines) {
  Fields fields;
  fields.Add("Id", "c-1");
  fields.Add("Naam", "Zo\xC3\xAB \xC3\x96zdemir");
  fields.Add("Notulen", "regel een\nregel twee");
  std::ostringstream out;
  fields.Print(out, "  ");
  EXPECT_EQ(out.str(),
            "  Id:      c-1\n"
            "  Naam:    Zo\xC3\xAB \xC3\x96zdemir\n"
            "  Notulen: regel een\n"
            "           regel twee\n");
}

google::protobuf::Timestamp At(absl::Time t) {
  google::protobuf::Timestamp ts;
  ts.set_seconds(absl::ToUnixSeconds(t));
  return ts;
}

TEST(ReadableTest, TimesAreAmsterdamInDutchNotation) {
  // Winter (UTC+1) and summer (UTC+2).
  EXPECT_EQ(
      LocalTime(At(absl::FromCivil(absl::CivilMinute(2026, 1, 15, 10, 5), absl::UTCTimeZone()))),
      "15-01-2026 11:05");
  EXPECT_EQ(
      LocalTime(At(absl::FromCivil(absl::CivilMinute(2026, 7, 1, 22, 30), absl::UTCTimeZone()))),
      "02-07-2026 00:30");
  EXPECT_EQ(LocalTime(google::protobuf::Timestamp()), "-");
  v1::Date date;
  date.set_year(2017);
  date.set_month(9);
  date.set_day(2);
  EXPECT_EQ(LocalDate(date), "02-09-2017");
}

TEST(ReadableTest, ListsAreTablesWithWordsAndLocalTimes) {
  v1::ListMyCasesResponse response;
  v1::CaseSummary* a = response.add_cases();
  a->set_id("case-1");
  a->set_reference("MDA-2026-0001");
  a->set_status(v1::CASE_STATUS_OPEN);
  a->set_my_role(v1::CASE_ROLE_CASE_DIRECTOR);
  a->set_region(v1::REGION_HAAGLANDEN);
  a->set_open_actions(3);
  *a->mutable_create_time() =
      At(absl::FromCivil(absl::CivilMinute(2026, 3, 5, 13, 7), absl::UTCTimeZone()));
  v1::CaseSummary* b = response.add_cases();
  b->set_id("case-2");
  b->set_status(v1::CASE_STATUS_CLOSED);
  b->set_my_role(v1::CASE_ROLE_CORE_TEAM);
  response.set_next_page_token("tok");
  std::ostringstream out;
  PrintReadable(response, out);
  const std::string text = out.str();
  const std::vector<std::string> lines = Lines(text);
  ASSERT_GE(lines.size(), 4u) << text;
  EXPECT_NE(lines[0].find("ID"), std::string::npos) << text;
  EXPECT_NE(lines[0].find("MY ROLE"), std::string::npos) << text;
  EXPECT_NE(lines[0].find("CREATE TIME"), std::string::npos) << text;
  EXPECT_NE(lines[1].find("case director"), std::string::npos) << text;
  EXPECT_NE(lines[1].find("05-03-2026 14:07"), std::string::npos) << text;
  EXPECT_NE(lines[1].find("haaglanden"), std::string::npos) << text;
  EXPECT_NE(lines[2].find("closed"), std::string::npos) << text;
  EXPECT_NE(lines[2].find("core team"), std::string::npos) << text;
  EXPECT_EQ(ColumnOf(lines[1], "open "), ColumnOf(lines[2], "closed")) << text;
  EXPECT_EQ(lines.back(), "Next page: --page-token=tok");
  EXPECT_EQ(text.find("CASE_STATUS"), std::string::npos) << text;
  EXPECT_EQ(text.find("seconds"), std::string::npos) << text;
}

TEST(ReadableTest, OneObjectIsLabelsAndAHiddenNoteSaysWhy) {
  v1::GetCaseResponse response;
  v1::Case* c = response.mutable_case_();
  c->set_id("case-1");
  c->set_reference("MDA-2026-0001");
  v1::Person* p = c->add_persons();
  p->set_id("p-1");
  p->set_name("Zo\xC3\xAB \xC3\x96zdemir");
  p->set_role(v1::PERSON_ROLE_VICTIM);
  p->mutable_date_of_birth()->set_year(1990);
  p->mutable_date_of_birth()->set_month(5);
  p->mutable_date_of_birth()->set_day(17);
  v1::Note* note = p->add_notes();
  note->set_id("n-1");
  note->set_sensitivity(v1::SENSITIVITY_CARE);
  note->set_hidden(true);
  note->set_hidden_reason("verborgen voor uw organisatie (CARE) / hidden for your organisation");
  v1::Note* open = p->add_notes();
  open->set_sensitivity(v1::SENSITIVITY_GENERAL);
  open->set_text("Woont sinds 2022 in Den Haag.");
  std::ostringstream out;
  PrintReadable(response, out);
  const std::string text = out.str();
  const std::vector<std::string> lines = Lines(text);
  ASSERT_GE(lines.size(), 3u) << text;
  EXPECT_EQ(lines[0], "Id:        case-1") << text;
  EXPECT_EQ(lines[1], "Reference: MDA-2026-0001") << text;
  EXPECT_NE(text.find("Persons (1):"), std::string::npos) << text;
  EXPECT_NE(text.find("Date of birth: 17-05-1990"), std::string::npos) << text;
  EXPECT_NE(text.find("Role:          victim"), std::string::npos) << text;
  EXPECT_NE(
      text.find(
          "n-1: [care] (verborgen voor uw organisatie (CARE) / hidden for your organisation)"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("Woont sinds 2022 in Den Haag."), std::string::npos) << text;
}

TEST(ReadableTest, AnEmptyAnswerSaysSo) {
  std::ostringstream out;
  PrintReadable(v1::ListMyCasesResponse(), out);
  EXPECT_EQ(out.str(), "(none)\n");
}

}  // namespace
}  // namespace schakel::cli
