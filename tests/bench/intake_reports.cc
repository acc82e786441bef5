#include "tests/bench/intake_reports.h"

#include <set>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "services/common/proto_time.h"
#include "tests/bench/bench_support.h"

namespace schakel::bench {
namespace {

// Each name with its form without diacritics (as a form or a system without them writes it).
struct Name {
  const char* name;
  const char* plain;
};
constexpr Name kSurnames[] = {
    {"Özdemir", "Ozdemir"},
    {"de Vries", "de Vries"},
    {"Jansen", "Jansen"},
    {"Çelik", "Celik"},
    {"van den Berg", "van den Berg"},
    {"Bakker", "Bakker"},
    {"El Amrani", "El Amrani"},
    {"Wiśniewski", "Wisniewski"},
    {"Nguyễn", "Nguyen"},
    {"Dijkstra", "Dijkstra"},
    {"Şahin", "Sahin"},
    {"Visser", "Visser"},
    {"Kowalczyk", "Kowalczyk"},
    {"Smit", "Smit"},
    {"Müller", "Muller"},
    {"de Jong", "de Jong"},
    {"Yılmaz", "Yilmaz"},
    {"van Dijk", "van Dijk"},
    {"Ramdin", "Ramdin"},
    {"Kaya", "Kaya"},
    {"Hoekstra", "Hoekstra"},
    {"Gonçalves", "Goncalves"},
    {"Brouwer", "Brouwer"},
    {"Pereira da Silva", "Pereira da Silva"},
};
constexpr Name kAdults[] = {
    {"Fatma", "Fatma"},         {"Anaïs", "Anais"},     {"Zoë", "Zoe"},
    {"Mohammed", "Mohammed"},   {"Youssef", "Youssef"}, {"José", "Jose"},
    {"Björn", "Bjorn"},         {"Noël", "Noel"},       {"Ayşe", "Ayse"},
    {"Chloë", "Chloe"},         {"Daan", "Daan"},       {"Sanne", "Sanne"},
    {"Agnieszka", "Agnieszka"}, {"Thị Hoa", "Thi Hoa"}, {"Priya", "Priya"},
    {"Jeroen", "Jeroen"},       {"Hélène", "Helene"},   {"Søren", "Søren"},
    {"Khadija", "Khadija"},     {"Łukasz", "Lukasz"},
};
constexpr Name kChildren[] = {
    {"Elif", "Elif"},       {"Emma", "Emma"},     {"Sem", "Sem"},       {"Lotte", "Lotte"},
    {"Noah", "Noah"},       {"Inès", "Ines"},     {"Daniël", "Daniel"}, {"Liam", "Liam"},
    {"Yasmina", "Yasmina"}, {"Joëlle", "Joelle"}, {"Mila", "Mila"},     {"Zeynep", "Zeynep"},
};
constexpr const char* kHaagseStreets[] = {"Laan van Meerdervoort", "Weimarstraat", "Hoefkade",
                                          "Paul Krugerlaan",       "Vaillantlaan", "Stationsweg",
                                          "Loosduinseweg",         "Hobbemastraat"};
constexpr const char* kUtrechtStreets[] = {"Amsterdamsestraatweg", "Kanaalweg",    "Oudegracht",
                                           "Vleutenseweg",         "Bisschopsweg", "Marnixlaan",
                                           "Columbuslaan",         "Lombokstraat"};
constexpr const char* kFragments[] = {
    "Politie is ter plaatse geweest na een melding van buren over geschreeuw en gestommel.",
    "Melder verklaart dat haar partner haar bij de keel heeft gegrepen en tegen de muur duwde.",
    "Er waren minderjarige kinderen in de woning aanwezig tijdens het incident.",
    "Verdachte was onder invloed van alcohol en is aangehouden op verdenking van mishandeling.",
    "Het is de derde keer dit jaar dat de politie op dit adres komt voor huiselijk geweld.",
    "Slachtoffer had zichtbaar letsel aan de onderarm; zij wil (nog) geen aangifte doen.",
    "De oudste zoon vertelde dat papa vaker boos wordt en dan met spullen gooit; hij leek angstig.",
    "RiHG afgenomen met uitkomst verhoogd risico; een tijdelijk huisverbod is overwogen.",
    "De buurvrouw vangt de kinderen vannacht op; moeder overweegt naar haar zus te gaan.",
    "Verdachte ontkent en zegt dat de ruzie over geld en de omgangsregeling ging.",
    "Zorgmelding opgemaakt met instemming van het slachtoffer; zij staat open voor hulp.",
    "Een tolk Turks was telefonisch aanwezig bij het gesprek met moeder.",
    "Schoolmaatschappelijk werk kent het gezin; de jongste komt vaak te laat en zonder ontbijt.",
    "Er is eerder een melding gedaan door de huisarts over blauwe plekken bij de moeder.",
};

constexpr int64_t kDay = 86400;

// The household's fixed facts.
struct Household {
  const Name* surname;
  const Name* partner_surname;
  const Name* victim;
  const Name* suspect;
  v1::Date victim_born, suspect_born;
  std::vector<std::pair<const Name*, v1::Date>> children;
  bool victim_bsn, suspect_bsn;
  const char* street;
  int number;
  std::string addition;
  int postcode_digits;
  std::string postcode_letters;
};

template <typename T, size_t N>
const T* Pick(const T (&list)[N], std::mt19937_64& rng) {
  return &list[rng() % N];
}

Household HouseholdOf(ReportMaker::Place place, int64_t h) {
  std::mt19937_64 r(static_cast<uint64_t>(h) * 0x9E3779B97F4A7C15ULL +
                    (place == ReportMaker::Place::kUtrecht ? 7 : 3));
  Household hh;
  hh.surname = Pick(kSurnames, r);
  hh.partner_surname = r() % 2 ? hh.surname : Pick(kSurnames, r);
  hh.victim = Pick(kAdults, r);
  hh.suspect = Pick(kAdults, r);
  hh.victim_born = MakeDate(1965 + static_cast<int>(r() % 35), 1 + static_cast<int>(r() % 12),
                            1 + static_cast<int>(r() % 28));
  hh.suspect_born = MakeDate(1960 + static_cast<int>(r() % 38), 1 + static_cast<int>(r() % 12),
                             1 + static_cast<int>(r() % 28));
  const int children = static_cast<int>(r() % 3);
  for (int c = 0; c < children; ++c) {
    hh.children.emplace_back(Pick(kChildren, r), MakeDate(2008 + static_cast<int>(r() % 17),
                                                          1 + static_cast<int>(r() % 12),
                                                          1 + static_cast<int>(r() % 28)));
  }
  hh.victim_bsn = r() % 10 < 7;
  hh.suspect_bsn = r() % 10 < 5;
  hh.street =
      place == ReportMaker::Place::kUtrecht ? *Pick(kUtrechtStreets, r) : *Pick(kHaagseStreets, r);
  hh.number = 1 + static_cast<int>(r() % 300);
  static constexpr const char* kAdditions[] = {"", "", "", "", "A", "B", "bis", "2"};
  hh.addition = *Pick(kAdditions, r);
  hh.postcode_digits = place == ReportMaker::Place::kUtrecht ? 3511 + static_cast<int>(r() % 75)
                                                             : 2491 + static_cast<int>(r() % 109);
  hh.postcode_letters = {static_cast<char>('A' + r() % 26), static_cast<char>('A' + r() % 26)};
  return hh;
}

// The name as this report writes it: mostly as it is, sometimes in capitals or without diacritics.
std::string Written(const Name& first, const Name& last, std::mt19937_64& rng) {
  const int how = static_cast<int>(rng() % 20);
  if (how < 2) return absl::StrCat(first.plain, " ", last.plain);
  if (how < 4) return absl::AsciiStrToUpper(absl::StrCat(first.name, " ", last.name));
  return absl::StrCat(first.name, " ", last.name);
}

}  // namespace

ReportMaker::ReportMaker(Place place, int64_t households)
    : place_(place), households_(std::max<int64_t>(households, 1)) {}

void ReportMaker::Fill(v1::ReportInput& in, std::mt19937_64& rng) const {
  const int64_t h = static_cast<int64_t>(rng() % static_cast<uint64_t>(households_));
  const Household hh = HouseholdOf(place_, h);
  const int64_t bsn_base = (place_ == Place::kUtrecht ? 5'000'000 : 0) + h * 4;
  // The address as this report writes it.
  const std::string postcode =
      rng() % 3 == 0 ? absl::StrCat(hh.postcode_digits, absl::AsciiStrToLower(hh.postcode_letters))
      : rng() % 2    ? absl::StrCat(hh.postcode_digits, " ", hh.postcode_letters)
                     : absl::StrCat(hh.postcode_digits, hh.postcode_letters);
  const std::string number = hh.addition.empty() ? absl::StrCat(hh.number)
                             : rng() % 2
                                 ? absl::StrCat(hh.number, "-", hh.addition)
                                 : absl::StrCat(hh.number, " ", absl::AsciiStrToLower(hh.addition));
  const char* city = place_ == Place::kUtrecht ? "Utrecht" : "Den Haag";
  auto person = [&](const std::string& name, const v1::Date& born, v1::ReportedRole role,
                    const std::string& bsn) {
    v1::ReportedPerson* p = in.add_persons();
    p->set_name(name);
    *p->mutable_date_of_birth() = born;
    p->set_role(role);
    p->set_bsn(bsn);
    p->mutable_address()->set_street(hh.street);
    p->mutable_address()->set_house_number(number);
    p->mutable_address()->set_postcode(postcode);
    p->mutable_address()->set_city(city);
  };
  person(Written(*hh.victim, *hh.surname, rng), hh.victim_born, v1::REPORTED_ROLE_VICTIM,
         hh.victim_bsn && rng() % 5 != 0 ? MakeBsn(bsn_base) : "");
  person(Written(*hh.suspect, *hh.partner_surname, rng), hh.suspect_born,
         v1::REPORTED_ROLE_SUSPECTED_PERPETRATOR,
         hh.suspect_bsn && rng() % 5 != 0 ? MakeBsn(bsn_base + 1) : "");
  for (size_t c = 0; c < hh.children.size(); ++c) {
    person(Written(*hh.children[c].first, *hh.surname, rng), hh.children[c].second,
           v1::REPORTED_ROLE_CHILD,
           rng() % 2 ? MakeBsn(bsn_base + 2 + static_cast<int64_t>(c)) : "");
  }
  std::set<v1::ViolenceKind> kinds;
  if (rng() % 10 < 7) kinds.insert(v1::VIOLENCE_KIND_PARTNER_VIOLENCE);
  if (!hh.children.empty()) {
    if (rng() % 2) kinds.insert(v1::VIOLENCE_KIND_WITNESSING_PARTNER_VIOLENCE);
    if (rng() % 6 == 0) kinds.insert(v1::VIOLENCE_KIND_CHILD_ABUSE_PHYSICAL);
    if (rng() % 6 == 0) kinds.insert(v1::VIOLENCE_KIND_CHILD_ABUSE_PSYCHOLOGICAL);
    if (rng() % 12 == 0) kinds.insert(v1::VIOLENCE_KIND_CHILD_NEGLECT);
  }
  if (rng() % 40 == 0) kinds.insert(v1::VIOLENCE_KIND_HONOUR_RELATED);
  if (kinds.empty()) kinds.insert(v1::VIOLENCE_KIND_PARTNER_VIOLENCE);
  for (v1::ViolenceKind k : kinds) in.add_violence_kinds(k);
  std::string text;
  while (text.size() < 300) {
    absl::StrAppend(&text, text.empty() ? "" : " ", *Pick(kFragments, rng));
  }
  if (text.size() < 500 && rng() % 2) absl::StrAppend(&text, " ", *Pick(kFragments, rng));
  in.set_description(text);
  in.set_acute(rng() % 20 == 0);
  in.set_kind(v1::REPORT_KIND_REPORT);
}

v1::ReportInput ReportMaker::Police(std::mt19937_64& rng, absl::Time now,
                                    const std::string& reference, int max_age_days) const {
  v1::ReportInput in;
  Fill(in, rng);
  in.set_channel(v1::REPORT_CHANNEL_POLICE_FEED);
  in.mutable_reporter()->set_type(v1::REPORTER_TYPE_POLICE);
  in.mutable_reporter()->set_police_reference(absl::StrCat("PL0900-", reference));
  in.set_external_reference(reference);
  const int64_t age = 60 + static_cast<int64_t>(rng() % static_cast<uint64_t>(max_age_days * kDay));
  SetTime(in.mutable_received_at(), now - absl::Seconds(age));
  return in;
}

v1::ReportInput ReportMaker::Desk(std::mt19937_64& rng, absl::Time now) const {
  v1::ReportInput in;
  Fill(in, rng);
  in.set_channel(v1::REPORT_CHANNEL_PHONE);
  auto* r = in.mutable_reporter();
  r->set_type(v1::REPORTER_TYPE_PROFESSIONAL);
  r->set_organisation_name("Huisartsenpraktijk Lombok");
  r->set_profession("huisarts");
  r->set_name("Dr. A. van Dijk-Çelik");
  r->set_contact("030-2345678");
  r->set_anonymous_towards_family(rng() % 2 == 0);
  SetTime(in.mutable_received_at(), now - absl::Seconds(60 + static_cast<int64_t>(rng() % 600)));
  return in;
}

}  // namespace schakel::bench
