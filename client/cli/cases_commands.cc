// schakelctl cases ...: one subcommand per CaseService RPC (but RecordCaseEvents, which only
// services call).
#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <iostream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "absl/flags/declare.h"
#include "absl/flags/flag.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "client/cli/cases_care_commands.h"
#include "client/cli/cli.h"
#include "schakel/v1/cases.grpc.pb.h"

ABSL_FLAG(std::string, from_json, "",
          "a protobuf JSON file (cases create: CreateCaseRequest, update: CaseDetails, "
          "update-person: Person, record-meeting: Meeting; handover propose: "
          "ProposeHandoverRequest)");
ABSL_FLAG(std::string, report, "", "cases create: the Veilig Thuis report the case comes from");
ABSL_FLAG(std::string, director, "", "cases create: the case director (default: you)");
ABSL_FLAG(bool, honour_related, false,
          "cases create: honour-related violence (the family is not contacted)");
ABSL_FLAG(bool, human_trafficking, false, "cases create: human trafficking");
ABSL_FLAG(std::string, consent_date, "",
          "cases create: written consent recorded on this date (YYYY-MM-DD)");
ABSL_FLAG(std::string, violence, "",
          "cases create: comma-separated kinds of violence (partner-violence,child-neglect,...)");
ABSL_FLAG(std::string, criteria_met, "",
          "cases create: comma-separated inclusion criteria met (structural_unsafety,"
          "regular_help_exhausted,no_coherent_approach,repeated_incidents)");
ABSL_FLAG(std::string, status, "",
          "cases list: open or closed; cases update-action: open, done or cancelled");
ABSL_FLAG(std::string, bsn, "", "cases find / add-person: a BSN (9 digits)");
ABSL_FLAG(std::string, dob, "", "cases find / add-person: date of birth (YYYY-MM-DD)");
ABSL_FLAG(std::string, person_role, "",
          "cases add-person: victim, suspected-perpetrator, child, parent, partner, ex-partner, "
          "household-member or network");
ABSL_FLAG(std::string, street, "", "cases add-person: address street");
ABSL_FLAG(std::string, house_number, "", "cases add-person: address house number");
ABSL_FLAG(std::string, postcode, "", "cases add-person: address postcode");
ABSL_FLAG(std::string, city, "", "cases add-person: address city");
ABSL_FLAG(std::string, note, "",
          "cases add-person: a note's text; update-action: the status note; share-note: the "
          "note id");
ABSL_FLAG(std::string, sensitivity, "",
          "cases add-person / record-meeting: general, care or justice (default general)");
ABSL_FLAG(bool, clear_bsn, false, "cases update-person: remove the stored BSN");
ABSL_FLAG(std::string, from, "",
          "cases add-relation: the person the relation is from; handover list / report: "
          "proposed on or after this day (YYYY-MM-DD)");
ABSL_FLAG(std::string, to, "",
          "cases add-relation: the person the relation is to; transfer-director: the new "
          "director; handover list / report: proposed on or before this day (YYYY-MM-DD)");
ABSL_FLAG(std::string, relation, "",
          "cases add-relation: partner, ex-partner, parent-of, sibling or household-member");
ABSL_FLAG(std::string, professional, "",
          "cases add-member / remove-member: the professional; handover accept: who leads for "
          "your organisation (default: you)");
ABSL_FLAG(std::string, date, "", "cases record-meeting: the meeting date (YYYY-MM-DD)");
ABSL_FLAG(std::string, attendees, "",
          "cases record-meeting: comma-separated PROFESSIONAL@ORGANISATION attendees");
ABSL_FLAG(bool, family_took_part, false, "cases record-meeting: the family took part");
ABSL_FLAG(std::string, chair, "", "cases record-meeting: the independent chair's name");
ABSL_FLAG(std::string, minutes, "", "cases record-meeting: the minutes");
ABSL_FLAG(std::string, decision, "", "cases record-meeting: a decision");
ABSL_FLAG(std::string, action, "", "cases record-meeting: the action the decision creates");
ABSL_FLAG(std::string, owner, "", "cases record-meeting: the organisation owning the action");
ABSL_FLAG(std::string, due, "", "cases record-meeting: the action's due date (YYYY-MM-DD)");
ABSL_FLAG(std::string, action_id, "", "cases update-action: the action");
ABSL_FLAG(std::string, checklist, "",
          "cases close: `all` or the comma-separated items met (stable_safety_held,"
          "risk_factors_addressed,recovery_owner_in_place,follow_up_agreed)");
ABSL_FLAG(std::string, deviation, "",
          "cases close: why the case closes although a checklist item is not met");
ABSL_FLAG(std::string, follow_up_months, "",
          "cases close: comma-separated months after closure for follow-up checks (default "
          "3,6,12,18)");

ABSL_DECLARE_FLAG(std::string, id);
ABSL_DECLARE_FLAG(std::string, name);
ABSL_DECLARE_FLAG(std::string, region);
ABSL_DECLARE_FLAG(std::string, org);
ABSL_DECLARE_FLAG(std::string, role);
ABSL_DECLARE_FLAG(std::string, etag);
ABSL_DECLARE_FLAG(std::string, reason);
ABSL_DECLARE_FLAG(int, page_size);
ABSL_DECLARE_FLAG(std::string, page_token);
ABSL_DECLARE_FLAG(std::string, principal);

namespace schakel::cli {
namespace {

using v1::CaseService;

constexpr char kUsage[] =
    "cases commands (CASE_ID may also be given as --id; flags take - or _):\n"
    "  create [--region=R] [--report=REPORT_ID] [--director=PRO_ID] [--honour-related]\n"
    "         [--human-trafficking] [--consent-date=YYYY-MM-DD] [--violence=K1,K2]\n"
    "         [--criteria-met=structural_unsafety,regular_help_exhausted,no_coherent_approach,\n"
    "                         repeated_incidents]\n"
    "         [--from-json=FILE (a CreateCaseRequest; the flags above override it)]\n"
    "  get CASE_ID\n"
    "  list [--status=open|closed] [--role=case-director|core-team|involved|oversight]\n"
    "       [--page-size=N] [--page-token=T]\n"
    "  find --bsn=B | --name=N --dob=YYYY-MM-DD\n"
    "  update CASE_ID --etag=E --from-json=FILE (a CaseDetails)\n"
    "  add-person CASE_ID --name=N [--dob=D] [--bsn=B] [--person-role=victim|child|...]\n"
    "             [--street=S --house-number=H --postcode=P --city=C]\n"
    "             [--note=TEXT [--sensitivity=general|care|justice]]\n"
    "  update-person CASE_ID --from-json=FILE (a Person, with id and etag) [--clear-bsn]\n"
    "  add-relation CASE_ID --from=PERSON_ID --to=PERSON_ID\n"
    "               --relation=partner|ex-partner|parent-of|sibling|household-member\n"
    "  add-member CASE_ID --professional=PRO_ID --org=ORG_ID --role=core-team|involved\n"
    "  remove-member CASE_ID --professional=PRO_ID\n"
    "  transfer-director CASE_ID --to=PRO_ID\n"
    "  share-note CASE_ID --note=NOTE_ID --org=ORG_ID\n"
    "  record-meeting CASE_ID --from-json=FILE (a Meeting) | --date=D --attendees=PRO@ORG,...\n"
    "                 [--family-took-part] [--chair=NAME] [--minutes=TEXT] [--decision=TEXT\n"
    "                 [--action=TEXT --owner=ORG_ID --due=D]] [--sensitivity=S]\n"
    "  update-action CASE_ID --action-id=A --status=open|done|cancelled [--note=TEXT] [--etag=E]\n"
    "  timeline CASE_ID [--page-size=N] [--page-token=T]\n"
    "  close CASE_ID --reason=R [--checklist=all|ITEM,...] [--deviation=TEXT]\n"
    "        [--follow-up-months=3,6,12,18]\n"
    "  reopen CASE_ID --reason=R\n"
    "  check-access CASE_ID --principal=PRO_ID   (service principals only)\n";

// Prints the case's notices (honour-related violence: do not contact the family ...) to stderr
// before anything else, so they are never missed in the output.
template <typename Response>
void PrintNotices(const Response& response) {
  if constexpr (requires { response.notices(); }) {
    for (const std::string& notice : response.notices()) {
      std::cerr << "LET OP / NOTE: " << notice << "\n";
    }
  } else if constexpr (requires { response.case_().notices(); }) {
    for (const std::string& notice : response.case_().notices()) {
      std::cerr << "LET OP / NOTE: " << notice << "\n";
    }
  }
}

// Calls `rpc` and prints the response, its notices first (on stderr).
template <typename Request, typename Response, typename Method>
int Call(Method method, const Request& request) {
  return CallAndPrint<CaseService, Request, Response>(method, request, &PrintNotices<Response>);
}

// A list item as a field name: "regular-help-exhausted" -> "regular_help_exhausted".
std::string FieldName(absl::string_view item) {
  return absl::StrReplaceAll(absl::AsciiStrToLower(item), {{"-", "_"}});
}

// The usage of one subcommand, from kUsage: "usage: schakelctl cases get CASE_ID".
std::string UsageOf(absl::string_view verb) { return SubcommandUsage("cases", kUsage, verb); }

// The case id from the second positional argument or --id; empty (after printing the usage)
// when there is none, or when more arguments follow it.
std::string CaseIdArg(const Args& args) {
  if (args.size() > 2) {
    UsageError(absl::StrCat("unexpected argument '", args[2], "' (quote texts with spaces)\n",
                            UsageOf(args[0])));
    return "";
  }
  std::string id = args.size() > 1 ? args[1] : absl::GetFlag(FLAGS_id);
  if (id.empty()) UsageError(absl::StrCat("which case?\n", UsageOf(args[0])));
  return id;
}

// Whether every flag in `set` is non-empty; prints the usage when one is not.
bool Required(absl::string_view verb,
              std::initializer_list<std::pair<const char*, std::string>> set) {
  return RequireFlags("cases", kUsage, verb, set);
}

int Create(const Args& args) {
  if (args.size() > 1) {
    return UsageError(absl::StrCat("unexpected argument '", args[1], "'\n", UsageOf("create")));
  }
  v1::CreateCaseRequest r;
  if (const std::string file = absl::GetFlag(FLAGS_from_json); !file.empty()) {
    if (!JsonFile(file, r)) return 2;
  }
  v1::Region region = r.region();
  if (!EnumFlag("region", "schakel.v1.Region", absl::GetFlag(FLAGS_region), region)) return 2;
  r.set_region(region);
  if (const std::string v = absl::GetFlag(FLAGS_report); !v.empty()) r.set_origin_report_id(v);
  if (const std::string v = absl::GetFlag(FLAGS_director); !v.empty()) {
    r.set_director_professional_id(v);
  }
  v1::CaseDetails& details = *r.mutable_details();
  if (absl::GetFlag(FLAGS_honour_related)) details.set_honour_related_violence(true);
  if (absl::GetFlag(FLAGS_human_trafficking)) details.set_human_trafficking(true);
  if (const std::string v = absl::GetFlag(FLAGS_consent_date); !v.empty()) {
    if (!DateFlag("consent-date", v, *details.mutable_consent()->mutable_date())) return 2;
    details.mutable_consent()->set_recorded(true);
  }
  for (const std::string& item : ListFlag(absl::GetFlag(FLAGS_violence))) {
    v1::ViolenceKind kind = v1::VIOLENCE_KIND_UNSPECIFIED;
    if (!EnumFlag("violence", "schakel.v1.ViolenceKind", item, kind)) return 2;
    details.add_violence_kinds(kind);
  }
  v1::InclusionCriteria& criteria = *details.mutable_criteria();
  for (const std::string& item : ListFlag(absl::GetFlag(FLAGS_criteria_met))) {
    const std::string field = FieldName(item);
    v1::Criterion* c = field == "structural_unsafety" ? criteria.mutable_structural_unsafety()
                       : field == "regular_help_exhausted"
                           ? criteria.mutable_regular_help_exhausted()
                       : field == "no_coherent_approach" ? criteria.mutable_no_coherent_approach()
                       : field == "repeated_incidents"   ? criteria.mutable_repeated_incidents()
                                                         : nullptr;
    if (c == nullptr) {
      return UsageError(absl::StrCat("--criteria-met: '", item,
                                     "' is not one of: structural_unsafety, "
                                     "regular_help_exhausted, no_coherent_approach, "
                                     "repeated_incidents"));
    }
    c->set_state(v1::CRITERION_STATE_MET);
  }
  r.set_request_id(RequestId());
  return Call<v1::CreateCaseRequest, v1::CreateCaseResponse>(&CaseService::Stub::CreateCase, r);
}

int List(const Args& args) {
  if (args.size() > 1) {
    return UsageError(absl::StrCat("unexpected argument '", args[1], "'\n", UsageOf("list")));
  }
  v1::ListMyCasesRequest r;
  v1::CaseStatus status = v1::CASE_STATUS_UNSPECIFIED;
  v1::CaseRole role = v1::CASE_ROLE_UNSPECIFIED;
  if (!EnumFlag("status", "schakel.v1.CaseStatus", absl::GetFlag(FLAGS_status), status) ||
      !EnumFlag("role", "schakel.v1.CaseRole", absl::GetFlag(FLAGS_role), role)) {
    return 2;
  }
  r.set_status(status);
  r.set_role(role);
  r.set_page_size(absl::GetFlag(FLAGS_page_size));
  r.set_page_token(absl::GetFlag(FLAGS_page_token));
  return Call<v1::ListMyCasesRequest, v1::ListMyCasesResponse>(&CaseService::Stub::ListMyCases, r);
}

int Find(const Args& args) {
  if (args.size() > 1) {
    return UsageError(absl::StrCat("unexpected argument '", args[1], "'\n", UsageOf("find")));
  }
  v1::FindCasesRequest r;
  r.set_bsn(absl::GetFlag(FLAGS_bsn));
  r.set_name(absl::GetFlag(FLAGS_name));
  const std::string dob = absl::GetFlag(FLAGS_dob);
  if (r.bsn().empty() == (r.name().empty() && dob.empty())) {
    return UsageError(absl::StrCat("give either --bsn, or --name and --dob\n", UsageOf("find")));
  }
  if (r.bsn().empty() && !Required("find", {{"name", r.name()}, {"dob", dob}})) return 2;
  if (!dob.empty() && !DateFlag("dob", dob, *r.mutable_date_of_birth())) return 2;
  return Call<v1::FindCasesRequest, v1::FindCasesResponse>(&CaseService::Stub::FindCases, r);
}

int AddPerson(const Args& args, const std::string& case_id) {
  v1::AddPersonRequest r;
  r.set_case_id(case_id);
  v1::Person& p = *r.mutable_person();
  p.set_name(absl::GetFlag(FLAGS_name));
  if (!Required(args[0], {{"name", p.name()}})) return 2;
  if (const std::string dob = absl::GetFlag(FLAGS_dob); !dob.empty()) {
    if (!DateFlag("dob", dob, *p.mutable_date_of_birth())) return 2;
  }
  p.set_bsn(absl::GetFlag(FLAGS_bsn));
  v1::PersonRole role = v1::PERSON_ROLE_UNSPECIFIED;
  if (!EnumFlag("person-role", "schakel.v1.PersonRole", absl::GetFlag(FLAGS_person_role), role)) {
    return 2;
  }
  p.set_role(role);
  v1::Address address;
  address.set_street(absl::GetFlag(FLAGS_street));
  address.set_house_number(absl::GetFlag(FLAGS_house_number));
  address.set_postcode(absl::GetFlag(FLAGS_postcode));
  address.set_city(absl::GetFlag(FLAGS_city));
  if (address.ByteSizeLong() > 0) *p.mutable_address() = address;
  const std::string note = absl::GetFlag(FLAGS_note);
  const std::string sensitivity_text = absl::GetFlag(FLAGS_sensitivity);
  if (note.empty() && !sensitivity_text.empty()) {
    return UsageError(absl::StrCat("--sensitivity is for --note\n", UsageOf(args[0])));
  }
  if (!note.empty()) {
    v1::Sensitivity sensitivity = v1::SENSITIVITY_GENERAL;
    if (!EnumFlag("sensitivity", "schakel.v1.Sensitivity", sensitivity_text, sensitivity)) {
      return 2;
    }
    v1::Note& n = *p.add_notes();
    n.set_text(note);
    n.set_sensitivity(sensitivity);
  }
  r.set_request_id(RequestId());
  return Call<v1::AddPersonRequest, v1::AddPersonResponse>(&CaseService::Stub::AddPerson, r);
}

int RecordMeeting(const Args& args, const std::string& case_id) {
  v1::RecordMeetingRequest r;
  r.set_case_id(case_id);
  v1::Meeting& m = *r.mutable_meeting();
  const std::string file = absl::GetFlag(FLAGS_from_json);
  if (!file.empty() && !JsonFile(file, m)) return 2;
  const std::string date = absl::GetFlag(FLAGS_date);
  const std::string attendees = absl::GetFlag(FLAGS_attendees);
  if (file.empty() && !Required(args[0], {{"date", date}, {"attendees", attendees}})) return 2;
  if (!date.empty() && !DateFlag("date", date, *m.mutable_date())) return 2;
  for (const std::string& item : ListFlag(attendees)) {
    std::vector<std::string> parts = absl::StrSplit(item, '@');
    if (parts.size() != 2 || parts[0].empty() || parts[1].empty()) {
      return UsageError(absl::StrCat("--attendees: '", item,
                                     "' is not PROFESSIONAL@ORGANISATION, e.g. "
                                     "j.devries@vt-haaglanden"));
    }
    v1::Attendee& a = *m.add_attendees();
    a.set_professional_id(parts[0]);
    a.set_organisation_id(parts[1]);
  }
  if (absl::GetFlag(FLAGS_family_took_part)) m.set_family_took_part(true);
  if (const std::string chair = absl::GetFlag(FLAGS_chair); !chair.empty()) m.set_chair(chair);

  const std::string sensitivity_text = absl::GetFlag(FLAGS_sensitivity);
  v1::Sensitivity sensitivity = v1::SENSITIVITY_GENERAL;
  if (!EnumFlag("sensitivity", "schakel.v1.Sensitivity", sensitivity_text, sensitivity)) return 2;
  const std::string minutes = absl::GetFlag(FLAGS_minutes);
  const std::string decision = absl::GetFlag(FLAGS_decision);
  const std::string action = absl::GetFlag(FLAGS_action);
  const std::string owner = absl::GetFlag(FLAGS_owner);
  const std::string due = absl::GetFlag(FLAGS_due);
  if (!sensitivity_text.empty() && minutes.empty() && decision.empty()) {
    return UsageError(
        absl::StrCat("--sensitivity is for --minutes and --decision\n", UsageOf(args[0])));
  }
  if (!minutes.empty()) {
    m.mutable_minutes()->set_text(minutes);
    m.mutable_minutes()->set_sensitivity(sensitivity);
  }
  if (decision.empty() && !(action.empty() && owner.empty() && due.empty())) {
    return UsageError(
        absl::StrCat("--action, --owner and --due belong to a --decision\n", UsageOf(args[0])));
  }
  if (!decision.empty()) {
    v1::Decision& d = *m.add_decisions();
    d.mutable_text()->set_text(decision);
    d.mutable_text()->set_sensitivity(sensitivity);
    if (!action.empty() || !owner.empty() || !due.empty()) {
      if (!Required(args[0], {{"action", action}, {"owner", owner}, {"due", due}})) return 2;
      v1::ActionSpec& spec = *d.mutable_action();
      spec.set_description(action);
      spec.set_owner_organisation_id(owner);
      spec.set_sensitivity(sensitivity);
      if (!DateFlag("due", due, *spec.mutable_due_date())) return 2;
    }
  }
  r.set_request_id(RequestId());
  return Call<v1::RecordMeetingRequest, v1::RecordMeetingResponse>(
      &CaseService::Stub::RecordMeeting, r);
}

int Close(const Args& args, const std::string& case_id) {
  v1::CloseCaseRequest r;
  r.set_case_id(case_id);
  r.set_reason(absl::GetFlag(FLAGS_reason));
  if (!Required(args[0], {{"reason", r.reason()}})) return 2;
  r.set_deviation(absl::GetFlag(FLAGS_deviation));
  v1::ClosureChecklist& checklist = *r.mutable_checklist();
  for (const std::string& item : ListFlag(absl::GetFlag(FLAGS_checklist))) {
    const std::string field = FieldName(item);
    const bool all = field == "all";
    if (!all && field != "stable_safety_held" && field != "risk_factors_addressed" &&
        field != "recovery_owner_in_place" && field != "follow_up_agreed") {
      return UsageError(absl::StrCat("--checklist: '", item,
                                     "' is not `all` or one of: stable_safety_held, "
                                     "risk_factors_addressed, recovery_owner_in_place, "
                                     "follow_up_agreed"));
    }
    if (all || field == "stable_safety_held") checklist.set_stable_safety_held(true);
    if (all || field == "risk_factors_addressed") checklist.set_risk_factors_addressed(true);
    if (all || field == "recovery_owner_in_place") checklist.set_recovery_owner_in_place(true);
    if (all || field == "follow_up_agreed") checklist.set_follow_up_agreed(true);
  }
  for (const std::string& item : ListFlag(absl::GetFlag(FLAGS_follow_up_months))) {
    int32_t months = 0;
    if (!absl::SimpleAtoi(item, &months) || months <= 0) {
      return UsageError(
          absl::StrCat("--follow-up-months: '", item, "' is not a positive number of months"));
    }
    r.add_follow_up_months(months);
  }
  r.set_request_id(RequestId());
  return Call<v1::CloseCaseRequest, v1::CloseCaseResponse>(&CaseService::Stub::CloseCase, r);
}

}  // namespace

int RunCasesCommand(const Args& args) {
  const std::string verb = args.empty() ? "" : args[0];
  if (verb == "help") {
    std::cout << "schakelctl [--as=NAME] cases COMMAND ...\n" << kUsage << kCasesCareUsage;
    return 0;
  }
  if (IsCasesCareVerb(verb)) return RunCasesCareCommand(args);
  if (verb == "create") return Create(args);
  if (verb == "list") return List(args);
  if (verb == "find") return Find(args);
  static constexpr const char* kWithCase[] = {
      "get",          "update",         "add-person",    "update-person",
      "add-relation", "add-member",     "remove-member", "transfer-director",
      "share-note",   "record-meeting", "update-action", "timeline",
      "close",        "reopen",         "check-access"};
  if (std::find(std::begin(kWithCase), std::end(kWithCase), verb) == std::end(kWithCase)) {
    return UsageError(
        absl::StrCat(verb.empty() ? "which cases command?" : "unknown cases command '" + verb + "'",
                     "\n", kUsage));
  }
  const std::string case_id = CaseIdArg(args);
  if (case_id.empty()) return 2;

  if (verb == "get") {
    v1::GetCaseRequest r;
    r.set_case_id(case_id);
    return Call<v1::GetCaseRequest, v1::GetCaseResponse>(&CaseService::Stub::GetCase, r);
  }
  if (verb == "update") {
    v1::UpdateCaseRequest r;
    r.set_case_id(case_id);
    r.set_etag(absl::GetFlag(FLAGS_etag));
    const std::string file = absl::GetFlag(FLAGS_from_json);
    if (!Required(verb, {{"etag", r.etag()}, {"from-json", file}})) return 2;
    if (!JsonFile(file, *r.mutable_details())) return 2;
    r.set_request_id(RequestId());
    return Call<v1::UpdateCaseRequest, v1::UpdateCaseResponse>(&CaseService::Stub::UpdateCase, r);
  }
  if (verb == "add-person") return AddPerson(args, case_id);
  if (verb == "update-person") {
    v1::UpdatePersonRequest r;
    r.set_case_id(case_id);
    const std::string file = absl::GetFlag(FLAGS_from_json);
    if (!Required(verb, {{"from-json", file}})) return 2;
    if (!JsonFile(file, *r.mutable_person())) return 2;
    if (r.person().id().empty() || r.person().etag().empty()) {
      return UsageError(
          absl::StrCat("--from-json: the person needs its \"id\" and \"etag\"\n", UsageOf(verb)));
    }
    r.set_clear_bsn(absl::GetFlag(FLAGS_clear_bsn));
    r.set_request_id(RequestId());
    return Call<v1::UpdatePersonRequest, v1::UpdatePersonResponse>(&CaseService::Stub::UpdatePerson,
                                                                   r);
  }
  if (verb == "add-relation") {
    v1::AddRelationRequest r;
    r.set_case_id(case_id);
    v1::Relation& rel = *r.mutable_relation();
    rel.set_from_person_id(absl::GetFlag(FLAGS_from));
    rel.set_to_person_id(absl::GetFlag(FLAGS_to));
    const std::string relation = absl::GetFlag(FLAGS_relation);
    if (!Required(
            verb,
            {{"from", rel.from_person_id()}, {"to", rel.to_person_id()}, {"relation", relation}})) {
      return 2;
    }
    v1::RelationType type = v1::RELATION_TYPE_UNSPECIFIED;
    if (!EnumFlag("relation", "schakel.v1.RelationType", relation, type)) return 2;
    rel.set_type(type);
    r.set_request_id(RequestId());
    return Call<v1::AddRelationRequest, v1::AddRelationResponse>(&CaseService::Stub::AddRelation,
                                                                 r);
  }
  if (verb == "add-member") {
    v1::AddTeamMemberRequest r;
    r.set_case_id(case_id);
    r.set_professional_id(absl::GetFlag(FLAGS_professional));
    r.set_organisation_id(absl::GetFlag(FLAGS_org));
    const std::string role_text = absl::GetFlag(FLAGS_role);
    if (!Required(verb, {{"professional", r.professional_id()},
                         {"org", r.organisation_id()},
                         {"role", role_text}})) {
      return 2;
    }
    v1::CaseRole role = v1::CASE_ROLE_UNSPECIFIED;
    if (!EnumFlag("role", "schakel.v1.CaseRole", role_text, role)) return 2;
    r.set_role(role);
    r.set_request_id(RequestId());
    return Call<v1::AddTeamMemberRequest, v1::AddTeamMemberResponse>(
        &CaseService::Stub::AddTeamMember, r);
  }
  if (verb == "remove-member") {
    v1::RemoveTeamMemberRequest r;
    r.set_case_id(case_id);
    r.set_professional_id(absl::GetFlag(FLAGS_professional));
    if (!Required(verb, {{"professional", r.professional_id()}})) return 2;
    r.set_request_id(RequestId());
    return Call<v1::RemoveTeamMemberRequest, v1::RemoveTeamMemberResponse>(
        &CaseService::Stub::RemoveTeamMember, r);
  }
  if (verb == "transfer-director") {
    v1::TransferDirectorRequest r;
    r.set_case_id(case_id);
    r.set_to_professional_id(absl::GetFlag(FLAGS_to));
    if (!Required(verb, {{"to", r.to_professional_id()}})) return 2;
    r.set_request_id(RequestId());
    return Call<v1::TransferDirectorRequest, v1::TransferDirectorResponse>(
        &CaseService::Stub::TransferDirector, r);
  }
  if (verb == "share-note") {
    v1::ShareNoteRequest r;
    r.set_case_id(case_id);
    r.set_note_id(absl::GetFlag(FLAGS_note));
    r.set_organisation_id(absl::GetFlag(FLAGS_org));
    if (!Required(verb, {{"note", r.note_id()}, {"org", r.organisation_id()}})) return 2;
    r.set_request_id(RequestId());
    return Call<v1::ShareNoteRequest, v1::ShareNoteResponse>(&CaseService::Stub::ShareNote, r);
  }
  if (verb == "record-meeting") return RecordMeeting(args, case_id);
  if (verb == "update-action") {
    v1::UpdateActionRequest r;
    r.set_case_id(case_id);
    r.set_action_id(absl::GetFlag(FLAGS_action_id));
    const std::string status_text = absl::GetFlag(FLAGS_status);
    if (!Required(verb, {{"action-id", r.action_id()}, {"status", status_text}})) return 2;
    v1::ActionStatus status = v1::ACTION_STATUS_UNSPECIFIED;
    if (!EnumFlag("status", "schakel.v1.ActionStatus", status_text, status)) return 2;
    r.set_status(status);
    r.set_status_note(absl::GetFlag(FLAGS_note));
    r.set_etag(absl::GetFlag(FLAGS_etag));
    r.set_request_id(RequestId());
    return Call<v1::UpdateActionRequest, v1::UpdateActionResponse>(&CaseService::Stub::UpdateAction,
                                                                   r);
  }
  if (verb == "timeline") {
    v1::GetTimelineRequest r;
    r.set_case_id(case_id);
    r.set_page_size(absl::GetFlag(FLAGS_page_size));
    r.set_page_token(absl::GetFlag(FLAGS_page_token));
    return Call<v1::GetTimelineRequest, v1::GetTimelineResponse>(&CaseService::Stub::GetTimeline,
                                                                 r);
  }
  if (verb == "close") return Close(args, case_id);
  if (verb == "reopen") {
    v1::ReopenCaseRequest r;
    r.set_case_id(case_id);
    r.set_reason(absl::GetFlag(FLAGS_reason));
    if (!Required(verb, {{"reason", r.reason()}})) return 2;
    r.set_request_id(RequestId());
    return Call<v1::ReopenCaseRequest, v1::ReopenCaseResponse>(&CaseService::Stub::ReopenCase, r);
  }
  // check-access
  v1::CheckAccessRequest r;
  r.set_case_id(case_id);
  r.set_principal_id(absl::GetFlag(FLAGS_principal));
  if (!Required(verb, {{"principal", r.principal_id()}})) return 2;
  return Call<v1::CheckAccessRequest, v1::CheckAccessResponse>(&CaseService::Stub::CheckAccess, r);
}

}  // namespace schakel::cli
