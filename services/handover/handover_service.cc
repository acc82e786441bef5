#include "services/handover/handover_service.h"

#include <algorithm>
#include <set>

#include <google/protobuf/util/time_util.h>
#include <grpcpp/client_context.h>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "schakel/v1/cases.grpc.pb.h"
#include "services/common/crypto.h"
#include "services/common/idempotency.h"
#include "services/common/ids.h"
#include "services/common/log.h"
#include "services/common/migrations.h"
#include "services/common/outbox.h"
#include "services/common/status.h"
#include "services/common/validation.h"
#include "services/handover/handover_store.h"

namespace schakel::migrations {
const MigrationTrack& handover_track();
}  // namespace schakel::migrations

namespace schakel::handover {
namespace {

using google::protobuf::util::TimeUtil;

constexpr size_t kSummaryMax = 4000;
constexpr size_t kTextMax = 2000;
constexpr int kMaxListItems = 50;
constexpr int kMaxTermDays = 20;
constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 500;
// Escalations stay in a supervisor's inbox this long.
constexpr absl::Duration kEscalationShownFor = absl::Hours(24 * 30);
constexpr char kNotOnTeam[] = "you are not on this case's team";
constexpr char kPurpose[] = "handover of lead responsibility (MDA++)";

int64_t Micros(absl::Time t) { return absl::ToUnixMicros(t); }
absl::Time FromMicros(int64_t us) { return absl::FromUnixMicros(us); }

void SetTime(google::protobuf::Timestamp* ts, int64_t us) {
  *ts = TimeUtil::MicrosecondsToTimestamp(us);
}

bool ValidTimestamp(const google::protobuf::Timestamp& t) {
  return t.seconds() >= TimeUtil::kTimestampMinSeconds &&
         t.seconds() <= TimeUtil::kTimestampMaxSeconds && t.nanos() >= 0 &&
         t.nanos() <= 999'999'999;
}

int64_t ToMicros(const google::protobuf::Timestamp& t) {
  return TimeUtil::TimestampToMicroseconds(t);
}

std::string Etag(int64_t version) { return absl::StrCat("v", version); }

// A deadline is the end (24:00) of a day: that day, as people say it.
std::string DeadlineDay(int64_t deadline) {
  return absl::FormatCivilTime(absl::ToCivilDay(FromMicros(deadline - 1), calendar::Amsterdam()));
}

bool HasAnyRole(const DirectoryEntry& entry, std::initializer_list<v1::Role> roles) {
  return std::any_of(roles.begin(), roles.end(), [&](v1::Role r) {
    return std::find(entry.roles.begin(), entry.roles.end(), r) != entry.roles.end();
  });
}

// Professionals who do case work (and so may accept, decline, propose).
bool IsWorker(const DirectoryEntry& entry) {
  return HasAnyRole(entry, {v1::ROLE_VT_INTAKE, v1::ROLE_PROFESSIONAL, v1::ROLE_CASE_DIRECTOR});
}

bool IsSupervisor(const DirectoryEntry& entry) { return HasAnyRole(entry, {v1::ROLE_SUPERVISOR}); }

const char* StateName(v1::HandoverState s) {
  switch (s) {
    case v1::HANDOVER_STATE_PROPOSED:
      return "PROPOSED";
    case v1::HANDOVER_STATE_ACCEPTED:
      return "ACCEPTED";
    case v1::HANDOVER_STATE_DECLINED:
      return "DECLINED";
    case v1::HANDOVER_STATE_WITHDRAWN:
      return "WITHDRAWN";
    case v1::HANDOVER_STATE_EXPIRED:
      return "EXPIRED";
    default:
      return "UNSPECIFIED";
  }
}

v1::Handover ToProto(const HandoverRow& h, const std::string& reference, bool with_content) {
  v1::Handover out;
  out.set_id(h.id);
  out.set_case_id(h.case_id);
  out.set_case_reference(reference);
  out.set_state(h.state);
  out.set_from_organisation_id(h.from_organisation_id);
  out.set_to_organisation_id(h.to_organisation_id);
  out.set_phase(h.phase);
  if (with_content) {
    // Who, and what moves with it; a list or report shows organisations and times only.
    out.set_from_professional_id(h.from_professional_id);
    out.set_to_professional_id(h.to_professional_id);
    out.set_decided_by(h.decided_by);
    out.set_family_informed(h.family_informed);
    *out.mutable_content() = h.body.content();
    out.set_decline_reason(h.body.decline_reason());
    out.set_withdraw_reason(h.body.withdraw_reason());
  }
  SetTime(out.mutable_proposed_at(), h.proposed);
  SetTime(out.mutable_accept_deadline(), h.accept_deadline);
  if (h.decided) SetTime(out.mutable_decided_at(), *h.decided);
  if (h.contact_deadline) SetTime(out.mutable_first_contact_deadline(), *h.contact_deadline);
  if (h.contact) SetTime(out.mutable_first_contact_at(), *h.contact);
  if (h.accept_escalated) SetTime(out.mutable_acceptance_escalated_at(), *h.accept_escalated);
  if (h.contact_escalated) {
    SetTime(out.mutable_first_contact_escalated_at(), *h.contact_escalated);
  }
  out.set_etag(Etag(h.version));
  return out;
}

v1::Responsibility ToProto(const LedgerRow& l, const std::optional<HandoverRow>& pending,
                           bool with_content) {
  v1::Responsibility r;
  r.set_case_id(l.case_id);
  r.set_case_reference(l.reference);
  r.set_region(l.region);
  r.set_case_status(l.status);
  r.set_phase(l.phase);
  r.set_lead_organisation_id(l.lead_organisation_id);
  r.set_lead_professional_id(l.lead_professional_id);
  SetTime(r.mutable_lead_since(), l.lead_since);
  r.set_watching_organisation_id(l.watching_organisation_id);
  if (pending) {
    *r.mutable_pending_handover() = ToProto(*pending, l.reference, with_content);
    r.add_notices(absl::StrCat(
        "Overdracht in behandeling: ", l.lead_organisation_id, " blijft verantwoordelijk tot ",
        pending->to_organisation_id, " accepteert / Handover pending: ", l.lead_organisation_id,
        " stays responsible until ", pending->to_organisation_id, " accepts"));
  }
  if (!l.watching_organisation_id.empty()) {
    r.add_notices(absl::StrCat(
        "Overlap: ", l.watching_organisation_id,
        " kijkt mee tot het eerste contact is bevestigd / Overlap: ", l.watching_organisation_id,
        " keeps watching until first contact is confirmed"));
  }
  return r;
}

void AddObject(v1::AuditRecord& r, absl::string_view type, const std::string& id) {
  auto* o = r.add_objects();
  o->set_type(std::string(type));
  o->set_id(id);
  o->set_sensitivity(v1::SENSITIVITY_GENERAL);
}

// An event for the case's timeline, through the outbox (same transaction as the change).
absl::Status Timeline(sqlite::Connection& c, const std::string& case_id, absl::string_view type,
                      const std::string& summary, const std::string& actor_id,
                      const std::string& actor_organisation_id, int64_t now) {
  v1::CaseEventInput e;
  e.set_source_service("handover");
  e.set_case_id(case_id);
  e.set_type(std::string(type));
  SetTime(e.mutable_time(), now);
  e.set_sensitivity(v1::SENSITIVITY_GENERAL);
  e.set_summary(summary);
  e.set_actor_id(actor_id);
  e.set_actor_organisation_id(actor_organisation_id);
  return WriteToOutbox(c, kCaseTimelineTopic, e, FromMicros(now)).status();
}

void CheckContent(FieldViolations& v, const v1::HandoverContent& content) {
  CheckText(v, "content.summary", content.summary(), kSummaryMax, true);
  const std::pair<const char*, const google::protobuf::RepeatedPtrField<std::string>*> lists[] = {
      {"content.safety_conditions", &content.safety_conditions()},
      {"content.agreements", &content.agreements()},
      {"content.open_risks", &content.open_risks()},
      {"content.open_actions", &content.open_actions()},
  };
  for (const auto& [name, list] : lists) {
    if (list->size() > kMaxListItems) {
      v.Add(name, absl::StrCat("at most ", kMaxListItems, " items"));
    }
    for (int i = 0; i < list->size(); ++i) {
      CheckText(v, absl::StrCat(name, "[", i, "]"), list->Get(i), kTextMax, true);
    }
  }
}

void CheckTerm(FieldViolations& v, const std::string& field, int days) {
  if (days < 0 || days > kMaxTermDays) {
    v.Add(field, absl::StrCat("must be 0 (the default) to ", kMaxTermDays, " working days"));
  }
}

// Whether `h` waits for an answer from `organisation_id` (who may then read it).
bool IsOpenTo(const HandoverRow& h, const std::string& organisation_id) {
  return h.state == v1::HANDOVER_STATE_PROPOSED && h.to_organisation_id == organisation_id;
}

std::string CsvField(absl::string_view s) {
  if (s.find_first_of(",\"\n\r") == absl::string_view::npos) return std::string(s);
  return absl::StrCat("\"", absl::StrReplaceAll(s, {{"\"", "\"\""}}), "\"");
}

std::string IsoTime(int64_t us) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", FromMicros(us), absl::UTCTimeZone());
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// InboxHub.

int64_t InboxHub::Subscribe(std::string organisation_id, Listener listener) {
  absl::MutexLock lock(&mu_);
  const int64_t id = next_++;
  listeners_[id] = {std::move(organisation_id), std::move(listener)};
  return id;
}

void InboxHub::Unsubscribe(int64_t id) {
  absl::MutexLock lock(&mu_);
  listeners_.erase(id);
}

void InboxHub::Notify(const std::vector<std::string>& organisation_ids) {
  std::vector<Listener> due;
  {
    absl::MutexLock lock(&mu_);
    for (const auto& [id, entry] : listeners_) {
      if (std::find(organisation_ids.begin(), organisation_ids.end(), entry.first) !=
          organisation_ids.end()) {
        due.push_back(entry.second);
      }
    }
  }
  for (auto& listener : due) listener();
}

// ---------------------------------------------------------------------------------------------
// Set-up.

AuthorizationTable HandoverAuthorizationTable() {
  AuthorizationTable t;
  const std::vector<v1::Role> workers = {v1::ROLE_VT_INTAKE, v1::ROLE_PROFESSIONAL,
                                         v1::ROLE_CASE_DIRECTOR};
  const std::vector<v1::Role> readers = {v1::ROLE_VT_INTAKE, v1::ROLE_PROFESSIONAL,
                                         v1::ROLE_CASE_DIRECTOR, v1::ROLE_SUPERVISOR,
                                         v1::ROLE_AUDITOR};
  for (const char* m : {"GetResponsibility", "GetHandover"}) t.Allow(m, {.roles = readers});
  for (const char* m : {"ProposeHandover", "AcceptHandover", "DeclineHandover", "WithdrawHandover",
                        "ConfirmFirstContact"}) {
    t.Allow(m, {.roles = workers});
  }
  std::vector<v1::Role> inbox = workers;
  inbox.push_back(v1::ROLE_SUPERVISOR);
  for (const char* m : {"ListInbox", "WatchInbox"}) t.Allow(m, {.roles = inbox});
  for (const char* m : {"ListHandovers", "GetHandoverReport"}) {
    t.Allow(m, {.roles = {v1::ROLE_SUPERVISOR}});
  }
  t.Allow("ReceiveCaseEvents", {.services = true});
  return t;
}

HandoverService::~HandoverService() { Stop(); }

absl::Status HandoverService::Open(const HostEnv& env) {
  env_ = env;
  const v1::HandoverConfig& config = env.config.handover();
  FieldViolations v;
  if (config.data_key_file().empty()) v.Add("handover.data_key_file", "must be set");
  if (config.index_key_file().empty()) v.Add("handover.index_key_file", "must be set");
  CheckTerm(v, "handover.accept_working_days", config.accept_working_days());
  CheckTerm(v, "handover.first_contact_working_days", config.first_contact_working_days());
  if (config.deadline_scan_seconds() < 0) {
    v.Add("handover.deadline_scan_seconds", "must not be negative");
  }
  std::vector<absl::CivilDay> equated;
  for (int i = 0; i < env.config.equated_days_size(); ++i) {
    absl::CivilDay day;
    if (!absl::ParseCivilTime(env.config.equated_days(i), &day)) {
      v.Add(absl::StrCat("equated_days[", i, "]"), "must be a date YYYY-MM-DD");
    } else {
      equated.push_back(day);
    }
  }
  SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
  SCHAKEL_ASSIGN_OR_RETURN(std::string data_key, crypto::ReadKeyFile(config.data_key_file()));
  SCHAKEL_ASSIGN_OR_RETURN(std::string index_key, crypto::ReadKeyFile(config.index_key_file()));
  if (data_key == index_key) {
    return absl::InvalidArgumentError(
        "handover.data_key_file and handover.index_key_file must differ");
  }
  cipher_ = std::make_unique<FieldCipher>(std::move(data_key), std::move(index_key));
  calendar_ = std::make_unique<calendar::WorkingDayCalendar>(std::move(equated));
  if (config.accept_working_days() > 0) accept_days_ = config.accept_working_days();
  if (config.first_contact_working_days() > 0) contact_days_ = config.first_contact_working_days();
  if (config.deadline_scan_seconds() > 0) {
    scan_interval_ = absl::Seconds(config.deadline_scan_seconds());
  }
  case_event_sources_.assign(config.case_event_sources().begin(),
                             config.case_event_sources().end());

  SCHAKEL_ASSIGN_OR_RETURN(db_, sqlite::Database::Open(env.data_dir / "handover.db"));
  SCHAKEL_RETURN_IF_ERROR(db_->Exec("PRAGMA secure_delete=ON"));
  const migrations::MigrationTrack* tracks[] = {&migrations::common_track(),
                                                &migrations::handover_track()};
  SCHAKEL_RETURN_IF_ERROR(migrations::Apply(*db_, tracks));

  const int ttl_ms = env.config.role_cache_ttl_ms() > 0 ? env.config.role_cache_ttl_ms() : 2000;
  auto directory = [this] { return env_.channel_to("directory"); };
  roles_ = std::make_shared<CachingRoleResolver>(std::make_shared<DirectoryRoleResolver>(directory),
                                                 absl::Milliseconds(ttl_ms), *env.clock);
  authorizer_ = std::make_unique<Authorizer>(HandoverAuthorizationTable(), roles_);
  organisations_ =
      std::make_unique<OrganisationResolver>(directory, absl::Milliseconds(ttl_ms), *env.clock);
  audit_ = std::make_unique<AuditTrail>(*db_, std::string(name()), *env.clock);

  // The deadline timer: its own thread and io_context; a scan is a few indexed reads when nothing
  // is due.
  timer_ = std::make_unique<boost::asio::steady_timer>(timer_io_);
  ScheduleScan();
  timer_thread_ = std::thread([this] { timer_io_.run(); });
  return absl::OkStatus();
}

void HandoverService::ScheduleScan() {
  timer_->expires_after(absl::ToChronoMilliseconds(scan_interval_));
  timer_->async_wait([this](const boost::system::error_code& error) {
    if (error) return;
    SettleDeadlines();
    ScheduleScan();
  });
}

void HandoverService::Stop() {
  if (!timer_thread_.joinable()) return;
  timer_io_.stop();
  timer_thread_.join();
}

grpc::ServerUnaryReactor* HandoverService::Handle(grpc::CallbackServerContext* ctx,
                                                  absl::string_view method, RpcHandler handler) {
  return HandleUnary(ctx, env_, *authorizer_, audit_.get(), name(), method, std::move(handler));
}

std::vector<OutboxRoute> HandoverService::outbox_routes() {
  OutboxRoute timeline;
  timeline.topic = kCaseTimelineTopic;
  timeline.target = "cases";
  timeline.send = [](const std::shared_ptr<grpc::Channel>& channel,
                     const std::vector<OutboxMessage>& batch) -> absl::Status {
    v1::RecordCaseEventsRequest request;
    for (const OutboxMessage& m : batch) {
      v1::CaseEventInput* e = request.add_events();
      if (!e->ParseFromString(m.payload)) {
        return absl::DataLossError("an outbox timeline event does not parse");
      }
      e->set_source_sequence(m.seq);
    }
    auto stub = v1::CaseService::NewStub(channel);
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    v1::RecordCaseEventsResponse response;
    return FromGrpcStatus(stub->RecordCaseEvents(&ctx, request, &response));
  };
  return {std::move(timeline)};
}

absl::StatusOr<v1::CheckAccessResponse> HandoverService::CaseAccess(
    const std::string& case_id, const std::string& principal_id) {
  auto stub = v1::CaseService::NewStub(env_.channel_to("cases"));
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  v1::CheckAccessRequest request;
  request.set_case_id(case_id);
  request.set_principal_id(principal_id);
  v1::CheckAccessResponse response;
  const grpc::Status status = stub->CheckAccess(&ctx, request, &response);
  if (status.error_code() == grpc::StatusCode::NOT_FOUND ||
      status.error_code() == grpc::StatusCode::INVALID_ARGUMENT) {
    return v1::CheckAccessResponse();  // no such case: nobody has access
  }
  if (!status.ok()) {
    return absl::UnavailableError(absl::StrCat(
        "the cases service could not be asked who is on the case: ", status.error_message()));
  }
  return response;
}

// ---------------------------------------------------------------------------------------------
// The ledger follows the cases service.

grpc::ServerUnaryReactor* HandoverService::ReceiveCaseEvents(
    grpc::CallbackServerContext* ctx, const v1::ReceiveCaseEventsRequest* req,
    v1::ReceiveCaseEventsResponse* resp) {
  return Handle(ctx, "ReceiveCaseEvents", [this, req, resp](const Caller& caller) -> absl::Status {
    // Who leads a case follows these events, so only the cases service may send them: this host
    // (in-process), or a host named in handover.case_event_sources.
    if (caller.principal.id != env_.internal->host.id &&
        std::find(case_event_sources_.begin(), case_event_sources_.end(), caller.principal.id) ==
            case_event_sources_.end()) {
      return absl::PermissionDeniedError(
          "case events are taken only from the cases service (handover.case_event_sources)");
    }
    FieldViolations v;
    if (req->events().empty()) v.Add("events", "must not be empty");
    for (int i = 0; i < req->events_size(); ++i) {
      const auto& r = req->events(i);
      const std::string at = absl::StrCat("events[", i, "].");
      if (r.source_sequence() <= 0) v.Add(at + "source_sequence", "must be positive");
      const v1::CaseEvent& e = r.event();
      if (e.case_id().empty()) v.Add(at + "event.case_id", "must be set");
      if (e.type() == v1::CASE_EVENT_TYPE_UNSPECIFIED || !v1::CaseEventType_IsValid(e.type())) {
        v.Add(at + "event.type", "must be OPENED, CLOSED or REOPENED");
      }
      if (!e.has_time() || !ValidTimestamp(e.time())) v.Add(at + "event.time", "must be set");
      if (e.type() == v1::CASE_EVENT_TYPE_OPENED && e.organisation_id().empty()) {
        v.Add(at + "event.organisation_id", "must be set for an opened case");
      }
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    std::vector<std::string> notify;
    SCHAKEL_RETURN_IF_ERROR(db_->Transaction([&](sqlite::Connection& c) -> absl::Status {
      HandoverStore store(c, *cipher_);
      v1::AuditRecord rec =
          audit_->NewRecord(caller, v1::AUDIT_ACTION_UPDATE, "handover.ledger.case_events");
      rec.set_purpose_of_use("responsibility ledger");
      int duplicates = 0;
      for (const auto& r : req->events()) {
        SCHAKEL_ASSIGN_OR_RETURN(bool fresh,
                                 store.MarkReceived(caller.principal.id, r.source_sequence()));
        if (!fresh) {
          ++duplicates;
          continue;
        }
        const v1::CaseEvent& e = r.event();
        const int64_t at = ToMicros(e.time());
        SCHAKEL_ASSIGN_OR_RETURN(auto ledger, store.GetLedger(e.case_id()));
        AddObject(rec, "case", e.case_id());
        if (e.type() == v1::CASE_EVENT_TYPE_OPENED) {
          if (ledger) continue;  // already open in the ledger
          LedgerRow l;
          l.case_id = e.case_id();
          l.reference = e.reference();
          l.region = e.region();
          l.status = v1::CASE_STATUS_OPEN;
          l.phase = v1::PHASE_DIRECT_SAFETY;
          l.lead_organisation_id = e.organisation_id();
          l.lead_professional_id = e.professional_id();
          l.lead_since = at;
          SCHAKEL_RETURN_IF_ERROR(store.InsertLedger(l));
          SCHAKEL_RETURN_IF_ERROR(store.StartPeriod({.case_id = l.case_id,
                                                     .phase = l.phase,
                                                     .organisation_id = l.lead_organisation_id,
                                                     .professional_id = l.lead_professional_id,
                                                     .start = at,
                                                     .cause = "case.opened"}));
          SCHAKEL_RETURN_IF_ERROR(store.OpenCase(l.case_id, at));
          continue;
        }
        if (!ledger) {
          // Cannot happen with an ordered outbox; kept out of the ledger rather than blocking it.
          LogEvent(LogLevel::kWarning, "handover.case_event_for_unknown_case",
                   {{"case", e.case_id()}});
          continue;
        }
        LedgerRow l = *std::move(ledger);
        const bool closing = e.type() == v1::CASE_EVENT_TYPE_CLOSED;
        if ((closing && l.status == v1::CASE_STATUS_CLOSED) ||
            (!closing && l.status == v1::CASE_STATUS_OPEN)) {
          continue;  // the ledger is there already
        }
        if (closing) {
          // An open handover ends with the case; the lead stays and moves to follow-up.
          SCHAKEL_ASSIGN_OR_RETURN(auto open, store.GetOpenHandover(l.case_id));
          if (open) {
            open->state = v1::HANDOVER_STATE_WITHDRAWN;
            open->decided = at;
            open->decided_by = e.professional_id();
            open->body.set_withdraw_reason("zaak gesloten / case closed");
            SCHAKEL_RETURN_IF_ERROR(store.UpdateHandover(*open));
            SCHAKEL_RETURN_IF_ERROR(
                Timeline(c, l.case_id, "handover.withdrawn",
                         absl::StrCat("Overdracht aan ", open->to_organisation_id,
                                      " ingetrokken: zaak gesloten / Handover to ",
                                      open->to_organisation_id, " withdrawn: case closed"),
                         e.professional_id(), e.organisation_id(), at));
            AddObject(rec, "handover", open->id);
            notify.push_back(open->to_organisation_id);
            notify.push_back(open->from_organisation_id);
          }
          SCHAKEL_RETURN_IF_ERROR(store.CloseCase(l.case_id, at));
          l.status = v1::CASE_STATUS_CLOSED;
          l.phase = v1::PHASE_FOLLOW_UP;
        } else {
          SCHAKEL_RETURN_IF_ERROR(store.OpenCase(l.case_id, at));
          l.status = v1::CASE_STATUS_OPEN;
          l.phase = v1::PHASE_DIRECT_SAFETY;  // a reopened case starts again at direct safety
        }
        SCHAKEL_RETURN_IF_ERROR(
            store.SwitchPeriod(l.case_id, at,
                               {.case_id = l.case_id,
                                .phase = l.phase,
                                .organisation_id = l.lead_organisation_id,
                                .professional_id = l.lead_professional_id,
                                .cause = closing ? "case.closed" : "case.reopened"}));
        l.lead_since = at;
        SCHAKEL_RETURN_IF_ERROR(store.UpdateLedger(l));
      }
      resp->set_duplicates(duplicates);
      if (rec.objects().empty()) return absl::OkStatus();
      return audit_->Record(c, rec);
    }));
    hub_.Notify(notify);
    return absl::OkStatus();
  });
}

// ---------------------------------------------------------------------------------------------
// Reading the ledger.

grpc::ServerUnaryReactor* HandoverService::GetResponsibility(
    grpc::CallbackServerContext* ctx, const v1::GetResponsibilityRequest* req,
    v1::GetResponsibilityResponse* resp) {
  return Handle(ctx, "GetResponsibility", [this, req, resp](const Caller& caller) -> absl::Status {
    if (req->case_id().empty()) return InvalidField("case_id", "must be set");
    SettleDeadlines();
    SCHAKEL_ASSIGN_OR_RETURN(v1::CheckAccessResponse access,
                             CaseAccess(req->case_id(), caller.principal.id));
    const std::string& org = caller.principal.organisation_id;
    v1::AuditRecord rec =
        audit_->NewRecord(caller, v1::AUDIT_ACTION_READ, "handover.responsibility.read");
    AddObject(rec, "case", req->case_id());
    SCHAKEL_RETURN_IF_ERROR(db_->Read([&](sqlite::Connection& c) -> absl::Status {
      HandoverStore store(c, *cipher_);
      SCHAKEL_ASSIGN_OR_RETURN(auto ledger, store.GetLedger(req->case_id()));
      SCHAKEL_ASSIGN_OR_RETURN(auto handovers, store.ListHandoversOfCase(req->case_id()));
      // Besides the team: the receiving organisation while a handover to it is open.
      const bool receiver = std::any_of(handovers.begin(), handovers.end(),
                                        [&](const HandoverRow& h) { return IsOpenTo(h, org); });
      if (!access.allowed() && !receiver) return absl::PermissionDeniedError(kNotOnTeam);
      if (!ledger) {
        return absl::UnavailableError(
            "the responsibility ledger has not received this case yet; retry shortly");
      }
      std::optional<HandoverRow> pending;
      for (const auto& h : handovers) {
        if (h.state == v1::HANDOVER_STATE_PROPOSED) pending = h;
        // An outsider sees only the open handover to it; the rest of the ledger's handovers as
        // places in it, without content.
        const bool content = access.allowed() || IsOpenTo(h, org);
        *resp->add_handovers() = ToProto(h, ledger->reference, content);
        AddObject(rec, "handover", h.id);
      }
      const bool pending_content = pending && (access.allowed() || IsOpenTo(*pending, org));
      *resp->mutable_responsibility() = ToProto(*ledger, pending, pending_content);
      SCHAKEL_ASSIGN_OR_RETURN(auto periods, store.ListPeriods(req->case_id()));
      for (const auto& p : periods) {
        v1::LeadPeriod* out = resp->add_history();
        out->set_phase(p.phase);
        out->set_organisation_id(p.organisation_id);
        out->set_professional_id(p.professional_id);
        SetTime(out->mutable_start(), p.start);
        if (p.end != kForever) SetTime(out->mutable_end(), p.end);
        out->set_cause(p.cause);
        out->set_handover_id(p.handover_id);
      }
      return absl::OkStatus();
    }));
    rec.set_purpose_of_use(access.role() == v1::CASE_ROLE_OVERSIGHT ? "oversight (MDA++)"
                                                                    : kPurpose);
    rec.mutable_checks()->set_care_relationship(access.allowed() ? v1::AUDIT_CHECK_PASSED
                                                                 : v1::AUDIT_CHECK_NOT_APPLICABLE);
    return audit_->RecordDurably(rec);
  });
}

grpc::ServerUnaryReactor* HandoverService::GetHandover(grpc::CallbackServerContext* ctx,
                                                       const v1::GetHandoverRequest* req,
                                                       v1::GetHandoverResponse* resp) {
  return Handle(ctx, "GetHandover", [this, req, resp](const Caller& caller) -> absl::Status {
    if (req->handover_id().empty()) return InvalidField("handover_id", "must be set");
    SettleDeadlines();
    std::optional<HandoverRow> h;
    std::string reference;
    SCHAKEL_RETURN_IF_ERROR(db_->Read([&](sqlite::Connection& c) -> absl::Status {
      HandoverStore store(c, *cipher_);
      SCHAKEL_ASSIGN_OR_RETURN(h, store.GetHandover(req->handover_id()));
      if (!h) return absl::OkStatus();
      SCHAKEL_ASSIGN_OR_RETURN(auto ledger, store.GetLedger(h->case_id));
      if (ledger) reference = ledger->reference;
      return absl::OkStatus();
    }));
    if (!h) return absl::NotFoundError("no handover with this id");
    // The case team, or the receiving organisation while the handover waits for its answer.
    SCHAKEL_ASSIGN_OR_RETURN(v1::CheckAccessResponse access,
                             CaseAccess(h->case_id, caller.principal.id));
    const bool team = access.allowed();
    if (!team && !IsOpenTo(*h, caller.principal.organisation_id)) {
      return absl::PermissionDeniedError(kNotOnTeam);
    }
    *resp->mutable_handover() = ToProto(*h, reference, true);
    v1::AuditRecord rec = audit_->NewRecord(caller, v1::AUDIT_ACTION_READ, "handover.read");
    AddObject(rec, "case", h->case_id);
    AddObject(rec, "handover", h->id);
    rec.set_purpose_of_use(kPurpose);
    rec.mutable_checks()->set_care_relationship(team ? v1::AUDIT_CHECK_PASSED
                                                     : v1::AUDIT_CHECK_NOT_APPLICABLE);
    return audit_->RecordDurably(rec);
  });
}

// ---------------------------------------------------------------------------------------------
// Proposing.

grpc::ServerUnaryReactor* HandoverService::ProposeHandover(grpc::CallbackServerContext* ctx,
                                                           const v1::ProposeHandoverRequest* req,
                                                           v1::ProposeHandoverResponse* resp) {
  return Handle(ctx, "ProposeHandover", [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    CheckId(v, "to_organisation_id", req->to_organisation_id());
    if (!req->to_professional_id().empty()) {
      CheckId(v, "to_professional_id", req->to_professional_id());
    }
    if (req->phase() == v1::PHASE_UNSPECIFIED || req->phase() == v1::PHASE_FOLLOW_UP ||
        !v1::Phase_IsValid(req->phase())) {
      v.Add("phase", "must be DIRECT_SAFETY, STABLE_SAFETY or RECOVERY");
    }
    CheckContent(v, req->content());
    CheckTerm(v, "accept_working_days", req->accept_working_days());
    if (req->case_id().empty()) return v.ToStatus();
    SettleDeadlines();

    // Who the caller is on the case, and who receives (before the transaction: no I/O in it).
    // Permission first; then a closed case; then every bad field in one answer.
    SCHAKEL_ASSIGN_OR_RETURN(v1::CheckAccessResponse access,
                             CaseAccess(req->case_id(), caller.principal.id));
    if (!access.allowed()) return absl::PermissionDeniedError(kNotOnTeam);
    if (access.role() == v1::CASE_ROLE_OVERSIGHT) {
      return absl::PermissionDeniedError("oversight is read only; you are not on the team");
    }
    std::optional<LedgerRow> ledger;
    SCHAKEL_RETURN_IF_ERROR(db_->Read([&](sqlite::Connection& c) -> absl::Status {
      HandoverStore store(c, *cipher_);
      SCHAKEL_ASSIGN_OR_RETURN(ledger, store.GetLedger(req->case_id()));
      return absl::OkStatus();
    }));
    if (!ledger) {
      return absl::UnavailableError(
          "the responsibility ledger has not received this case yet; retry shortly");
    }
    if (ledger->lead_organisation_id != caller.principal.organisation_id) {
      return absl::PermissionDeniedError(absl::StrCat("only the lead organisation (",
                                                      ledger->lead_organisation_id,
                                                      ") may propose a handover"));
    }
    // A closed case has nothing to hand over, whatever the request says.
    if (access.status() != v1::CASE_STATUS_OPEN || ledger->status != v1::CASE_STATUS_OPEN) {
      return absl::FailedPreconditionError("the case is closed; nothing to hand over");
    }
    const bool phase_given = req->phase() != v1::PHASE_UNSPECIFIED &&
                             req->phase() != v1::PHASE_FOLLOW_UP && v1::Phase_IsValid(req->phase());
    if (phase_given && !MayHandOverTo(ledger->phase, req->phase())) {
      v.Add("phase", absl::StrCat("must be the current phase (", PhaseLabel(ledger->phase),
                                  "), the next, or DIRECT_SAFETY after a new incident"));
    }
    if (access.honour_related_violence() && req->family_informed()) {
      v.Add("family_informed",
            "must be false: in a case of honour-related violence the family is never informed");
    }
    if (req->to_organisation_id() == ledger->lead_organisation_id) {
      v.Add("to_organisation_id", "is the current lead itself");
    } else if (IsWellFormedId(req->to_organisation_id())) {
      SCHAKEL_ASSIGN_OR_RETURN(auto to_org, organisations_->Get(req->to_organisation_id()));
      if (!to_org || to_org->type() == v1::ORGANISATION_TYPE_OPERATOR) {
        v.Add("to_organisation_id", "no partner organisation with this id");
      }
    }
    if (IsWellFormedId(req->to_professional_id())) {
      SCHAKEL_ASSIGN_OR_RETURN(DirectoryEntry p, roles_->Resolve(req->to_professional_id()));
      if (!p.registered || !p.active) {
        v.Add("to_professional_id", "no active professional with this id");
      } else if (p.organisation_id != req->to_organisation_id()) {
        v.Add("to_professional_id", "works for another organisation than to_organisation_id");
      } else if (!IsWorker(p)) {
        v.Add("to_professional_id", "has no case-work role");
      }
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    const absl::Time now_time = env_.clock->Now();
    const int64_t now = Micros(now_time);
    const int days = req->accept_working_days() > 0 ? req->accept_working_days() : accept_days_;
    std::string from_org;
    std::string to_org_id = req->to_organisation_id();
    int64_t earliest_due = kForever;
    SCHAKEL_RETURN_IF_ERROR(RunIdempotent(
        *db_, {caller.principal.id, req->request_id(), "ProposeHandover"}, *req, *resp, now_time,
        [&](sqlite::Connection& c) -> absl::Status {
          HandoverStore store(c, *cipher_);
          // The same checks again, on the state this transaction sees.
          SCHAKEL_ASSIGN_OR_RETURN(ledger, store.GetLedger(req->case_id()));
          if (!ledger || ledger->lead_organisation_id != caller.principal.organisation_id) {
            return absl::PermissionDeniedError("the lead moved meanwhile; read the case again");
          }
          if (ledger->status != v1::CASE_STATUS_OPEN) {
            return absl::FailedPreconditionError("the case is closed; nothing to hand over");
          }
          if (!MayHandOverTo(ledger->phase, req->phase())) {
            return absl::AbortedError("the phase changed meanwhile; read the case again");
          }
          SCHAKEL_ASSIGN_OR_RETURN(auto open, store.GetOpenHandover(req->case_id()));
          if (open) {
            return absl::FailedPreconditionError(
                absl::StrCat("handover ", open->id, " to ", open->to_organisation_id,
                             " is still open; withdraw it or wait for the answer"));
          }
          HandoverRow h;
          h.id = NewRandomId();
          h.case_id = req->case_id();
          h.state = v1::HANDOVER_STATE_PROPOSED;
          h.from_organisation_id = caller.principal.organisation_id;
          h.from_professional_id = caller.principal.id;
          h.to_organisation_id = req->to_organisation_id();
          h.to_professional_id = req->to_professional_id();
          h.phase = req->phase();
          h.family_informed = req->family_informed();
          *h.body.mutable_content() = req->content();
          h.proposed = now;
          h.accept_deadline = Micros(calendar_->DeadlineAfter(now_time, days));
          if (days > 1) h.reminder = Micros(calendar_->DeadlineAfter(now_time, days - 1));
          earliest_due = h.reminder.value_or(h.accept_deadline);
          h.version = 1;
          SCHAKEL_RETURN_IF_ERROR(store.InsertHandover(h));
          SCHAKEL_RETURN_IF_ERROR(
              Timeline(c, h.case_id, "handover.proposed",
                       absl::StrCat("Overdracht voorgesteld aan ", h.to_organisation_id,
                                    " voor fase ", PhaseLabel(h.phase), "; antwoord uiterlijk ",
                                    DeadlineDay(h.accept_deadline), " / Handover proposed to ",
                                    h.to_organisation_id, ", answer by the end of ",
                                    DeadlineDay(h.accept_deadline)),
                       caller.principal.id, caller.principal.organisation_id, now));
          *resp->mutable_handover() = ToProto(h, ledger->reference, true);
          from_org = h.from_organisation_id;
          v1::AuditRecord rec =
              audit_->NewRecord(caller, v1::AUDIT_ACTION_CREATE, "handover.proposed");
          AddObject(rec, "case", h.case_id);
          AddObject(rec, "handover", h.id);
          rec.set_purpose_of_use(kPurpose);
          rec.mutable_checks()->set_care_relationship(v1::AUDIT_CHECK_PASSED);
          return audit_->Record(c, rec);
        },
        cipher_.get(),
        [&](sqlite::Connection& c) -> absl::Status {
          v1::AuditRecord rec =
              audit_->NewRecord(caller, v1::AUDIT_ACTION_READ, "handover.proposed.replayed");
          AddObject(rec, "case", req->case_id());
          rec.set_purpose_of_use(kPurpose);
          return audit_->Record(c, rec);
        }));
    LowerNextDue(earliest_due);
    hub_.Notify({to_org_id, caller.principal.organisation_id});
    return absl::OkStatus();
  });
}

// ---------------------------------------------------------------------------------------------
// Answering, withdrawing, confirming: one shape.

struct HandoverService::Change {
  sqlite::Connection& c;
  HandoverStore store;
  HandoverRow h;
  LedgerRow ledger;
  absl::Time now_time;
  int64_t now = 0;
  bool ledger_changed = false;
  v1::AuditRecord audit;
  // Timeline event for the change: type and summary.
  std::string event_type;
  std::string summary;
};

absl::Status HandoverService::ChangeHandover(const Caller& caller, absl::string_view method,
                                             const google::protobuf::Message& request,
                                             google::protobuf::Message& response,
                                             const std::string& request_id,
                                             const std::string& handover_id,
                                             absl::string_view event_type,
                                             const std::function<absl::Status(Change&)>& body) {
  SettleDeadlines();
  const absl::Time now_time = env_.clock->Now();
  std::vector<std::string> notify;
  SCHAKEL_RETURN_IF_ERROR(RunIdempotent(
      *db_, {caller.principal.id, request_id, std::string(method)}, request, response, now_time,
      [&](sqlite::Connection& c) -> absl::Status {
        Change ch{c, HandoverStore(c, *cipher_), {}, {}, now_time, Micros(now_time)};
        SCHAKEL_ASSIGN_OR_RETURN(auto h, ch.store.GetHandover(handover_id));
        if (!h) return absl::NotFoundError("no handover with this id");
        ch.h = *std::move(h);
        SCHAKEL_ASSIGN_OR_RETURN(auto ledger, ch.store.GetLedger(ch.h.case_id));
        if (!ledger) return absl::InternalError("a handover without a ledger");
        ch.ledger = *std::move(ledger);
        ch.audit = audit_->NewRecord(caller, v1::AUDIT_ACTION_UPDATE, event_type);
        AddObject(ch.audit, "case", ch.h.case_id);
        AddObject(ch.audit, "handover", ch.h.id);
        ch.audit.set_purpose_of_use(kPurpose);
        ch.event_type = std::string(event_type);
        SCHAKEL_RETURN_IF_ERROR(body(ch));
        SCHAKEL_RETURN_IF_ERROR(ch.store.UpdateHandover(ch.h));
        if (ch.ledger_changed) SCHAKEL_RETURN_IF_ERROR(ch.store.UpdateLedger(ch.ledger));
        SCHAKEL_RETURN_IF_ERROR(Timeline(c, ch.h.case_id, ch.event_type, ch.summary,
                                         caller.principal.id, caller.principal.organisation_id,
                                         ch.now));
        notify = {ch.h.from_organisation_id, ch.h.to_organisation_id};
        return audit_->Record(c, ch.audit);
      },
      cipher_.get(),
      [&](sqlite::Connection& c) -> absl::Status {
        v1::AuditRecord rec =
            audit_->NewRecord(caller, v1::AUDIT_ACTION_READ, absl::StrCat(event_type, ".replayed"));
        AddObject(rec, "handover", handover_id);
        rec.set_purpose_of_use(kPurpose);
        return audit_->Record(c, rec);
      }));
  hub_.Notify(notify);
  return absl::OkStatus();
}

namespace {

absl::Status CheckEtag(const std::string& etag, const HandoverRow& h) {
  if (!etag.empty() && etag != Etag(h.version)) {
    return absl::AbortedError("the handover changed since you read it; read it again");
  }
  return absl::OkStatus();
}

// The receiver's answer needs the handover open and in time.
absl::Status CheckAnswerable(const HandoverRow& h, int64_t now) {
  if (h.state != v1::HANDOVER_STATE_PROPOSED) {
    return absl::FailedPreconditionError(
        absl::StrCat("the handover is ", StateName(h.state), "; there is nothing to answer"));
  }
  if (now >= h.accept_deadline) {
    return absl::FailedPreconditionError("the acceptance deadline passed; the sender stays lead");
  }
  return absl::OkStatus();
}

absl::Status CheckReceiverOrg(const Caller& caller, const std::string& to_organisation_id,
                              absl::string_view what) {
  if (caller.principal.organisation_id != to_organisation_id) {
    return absl::PermissionDeniedError(absl::StrCat(
        "only professionals of the receiving organisation (", to_organisation_id, ") may ", what));
  }
  return absl::OkStatus();
}

absl::Status CheckReceiver(const Caller& caller, const HandoverRow& h, absl::string_view what) {
  return CheckReceiverOrg(caller, h.to_organisation_id, what);
}

}  // namespace

grpc::ServerUnaryReactor* HandoverService::AcceptHandover(grpc::CallbackServerContext* ctx,
                                                          const v1::AcceptHandoverRequest* req,
                                                          v1::AcceptHandoverResponse* resp) {
  return Handle(ctx, "AcceptHandover", [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->handover_id().empty()) v.Add("handover_id", "must be set");
    CheckTerm(v, "first_contact_working_days", req->first_contact_working_days());
    std::string responsible = req->responsible_professional_id();
    if (!responsible.empty()) {
      CheckId(v, "responsible_professional_id", responsible);
      SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
      SCHAKEL_ASSIGN_OR_RETURN(DirectoryEntry p, roles_->Resolve(responsible));
      if (!p.registered || !p.active || !IsWorker(p)) {
        v.Add("responsible_professional_id", "no active professional with a case-work role");
      } else if (p.organisation_id != caller.principal.organisation_id) {
        v.Add("responsible_professional_id", "works for another organisation than yours");
      }
    } else {
      responsible = caller.principal.id;
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    // The new lead must see the case: the professional who takes the lead has to be on its team
    // (the case director adds them). Asked before the transaction; the receiver check comes first
    // so that someone of another organisation hears only "no".
    std::string case_id;
    std::string to_org;
    bool family_informed = false;
    SCHAKEL_RETURN_IF_ERROR(db_->Read([&](sqlite::Connection& c) -> absl::Status {
      HandoverStore store(c, *cipher_);
      SCHAKEL_ASSIGN_OR_RETURN(auto h, store.GetHandover(req->handover_id(), false));
      if (h) {
        case_id = h->case_id;
        to_org = h->to_organisation_id;
        family_informed = h->family_informed;
      }
      return absl::OkStatus();
    }));
    if (case_id.empty()) return absl::NotFoundError("no handover with this id");
    SCHAKEL_RETURN_IF_ERROR(CheckReceiverOrg(caller, to_org, "accept it"));
    SCHAKEL_ASSIGN_OR_RETURN(v1::CheckAccessResponse lead_access, CaseAccess(case_id, responsible));
    if (!lead_access.allowed() || lead_access.role() == v1::CASE_ROLE_OVERSIGHT) {
      return absl::FailedPreconditionError(absl::StrCat(
          responsible,
          " is not on the case team and so could not see the case they would lead; ask the "
          "case director to add them first"));
    }
    // The cases service may know more than the ledger yet: a closure, or a case that became
    // honour-related after the proposal said the family was informed.
    if (lead_access.status() != v1::CASE_STATUS_OPEN) {
      return absl::FailedPreconditionError("the case is closed");
    }
    if (lead_access.honour_related_violence() && family_informed) {
      return absl::FailedPreconditionError(
          "the case is now one of honour-related violence and this proposal says the family was "
          "informed; the sender withdraws it and proposes again");
    }
    const int days =
        req->first_contact_working_days() > 0 ? req->first_contact_working_days() : contact_days_;
    int64_t contact_due = kForever;
    absl::Status accepted = ChangeHandover(
        caller, "AcceptHandover", *req, *resp, req->request_id(), req->handover_id(),
        "handover.accepted", [&](Change& ch) -> absl::Status {
          SCHAKEL_RETURN_IF_ERROR(CheckReceiver(caller, ch.h, "accept it"));
          SCHAKEL_RETURN_IF_ERROR(CheckAnswerable(ch.h, ch.now));
          SCHAKEL_RETURN_IF_ERROR(CheckEtag(req->etag(), ch.h));
          if (ch.ledger.status != v1::CASE_STATUS_OPEN) {
            return absl::FailedPreconditionError("the case is closed");
          }
          if (ch.ledger.lead_organisation_id != ch.h.from_organisation_id) {
            return absl::FailedPreconditionError("the lead changed since the proposal");
          }
          // The switch: the sender's period ends and the receiver's begins at the same instant,
          // in this transaction.
          SCHAKEL_RETURN_IF_ERROR(ch.store.SwitchPeriod(ch.h.case_id, ch.now,
                                                        {.case_id = ch.h.case_id,
                                                         .phase = ch.h.phase,
                                                         .organisation_id = ch.h.to_organisation_id,
                                                         .professional_id = responsible,
                                                         .cause = "handover.accepted",
                                                         .handover_id = ch.h.id}));
          ch.ledger.phase = ch.h.phase;
          ch.ledger.lead_organisation_id = ch.h.to_organisation_id;
          ch.ledger.lead_professional_id = responsible;
          ch.ledger.lead_since = ch.now;
          ch.ledger.watching_organisation_id = ch.h.from_organisation_id;
          ch.ledger.watching_handover_id = ch.h.id;
          ch.ledger_changed = true;
          ch.h.state = v1::HANDOVER_STATE_ACCEPTED;
          ch.h.decided = ch.now;
          ch.h.decided_by = caller.principal.id;
          ch.h.contact_deadline = Micros(calendar_->DeadlineAfter(ch.now_time, days));
          contact_due = *ch.h.contact_deadline;
          ch.summary =
              absl::StrCat(ch.h.to_organisation_id, " neemt de regie over in fase ",
                           PhaseLabel(ch.h.phase), "; eerste contact uiterlijk ",
                           DeadlineDay(*ch.h.contact_deadline), " / ", ch.h.to_organisation_id,
                           " accepted lead responsibility; first contact by the end of ",
                           DeadlineDay(*ch.h.contact_deadline));
          ch.audit.mutable_checks()->set_care_relationship(v1::AUDIT_CHECK_NOT_APPLICABLE);
          *resp->mutable_handover() = ToProto(ch.h, ch.ledger.reference, true);
          resp->mutable_handover()->set_etag(Etag(ch.h.version + 1));
          *resp->mutable_responsibility() = ToProto(ch.ledger, std::nullopt, false);
          return absl::OkStatus();
        });
    if (accepted.ok()) LowerNextDue(contact_due);
    return accepted;
  });
}

grpc::ServerUnaryReactor* HandoverService::DeclineHandover(grpc::CallbackServerContext* ctx,
                                                           const v1::DeclineHandoverRequest* req,
                                                           v1::DeclineHandoverResponse* resp) {
  return Handle(ctx, "DeclineHandover", [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->handover_id().empty()) v.Add("handover_id", "must be set");
    CheckText(v, "reason", req->reason(), kTextMax, true);
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    return ChangeHandover(caller, "DeclineHandover", *req, *resp, req->request_id(),
                          req->handover_id(), "handover.declined", [&](Change& ch) -> absl::Status {
                            SCHAKEL_RETURN_IF_ERROR(CheckReceiver(caller, ch.h, "decline it"));
                            SCHAKEL_RETURN_IF_ERROR(CheckAnswerable(ch.h, ch.now));
                            SCHAKEL_RETURN_IF_ERROR(CheckEtag(req->etag(), ch.h));
                            ch.h.state = v1::HANDOVER_STATE_DECLINED;
                            ch.h.decided = ch.now;
                            ch.h.decided_by = caller.principal.id;
                            ch.h.body.set_decline_reason(req->reason());
                            ch.summary =
                                absl::StrCat("Overdracht afgewezen door ", ch.h.to_organisation_id,
                                             "; ", ch.h.from_organisation_id,
                                             " blijft verantwoordelijk / Handover "
                                             "declined by ",
                                             ch.h.to_organisation_id, "; ",
                                             ch.h.from_organisation_id, " stays responsible");
                            *resp->mutable_handover() = ToProto(ch.h, ch.ledger.reference, true);
                            resp->mutable_handover()->set_etag(Etag(ch.h.version + 1));
                            return absl::OkStatus();
                          });
  });
}

grpc::ServerUnaryReactor* HandoverService::WithdrawHandover(grpc::CallbackServerContext* ctx,
                                                            const v1::WithdrawHandoverRequest* req,
                                                            v1::WithdrawHandoverResponse* resp) {
  return Handle(ctx, "WithdrawHandover", [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->handover_id().empty()) v.Add("handover_id", "must be set");
    CheckText(v, "reason", req->reason(), kTextMax, false);
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    // The sender must still be on the team (asked before the transaction).
    std::string case_id;
    SCHAKEL_RETURN_IF_ERROR(db_->Read([&](sqlite::Connection& c) -> absl::Status {
      HandoverStore store(c, *cipher_);
      SCHAKEL_ASSIGN_OR_RETURN(auto h, store.GetHandover(req->handover_id(), false));
      if (h) case_id = h->case_id;
      return absl::OkStatus();
    }));
    if (case_id.empty()) return absl::NotFoundError("no handover with this id");
    SCHAKEL_ASSIGN_OR_RETURN(v1::CheckAccessResponse access,
                             CaseAccess(case_id, caller.principal.id));
    return ChangeHandover(
        caller, "WithdrawHandover", *req, *resp, req->request_id(), req->handover_id(),
        "handover.withdrawn", [&](Change& ch) -> absl::Status {
          if (caller.principal.organisation_id != ch.h.from_organisation_id) {
            return absl::PermissionDeniedError(absl::StrCat(
                "only the sending organisation (", ch.h.from_organisation_id, ") may withdraw it"));
          }
          if (!access.allowed() || access.role() == v1::CASE_ROLE_OVERSIGHT) {
            return absl::PermissionDeniedError(kNotOnTeam);
          }
          if (ch.h.state != v1::HANDOVER_STATE_PROPOSED) {
            return absl::FailedPreconditionError(absl::StrCat(
                "the handover is ", StateName(ch.h.state), "; only an open one can be withdrawn"));
          }
          SCHAKEL_RETURN_IF_ERROR(CheckEtag(req->etag(), ch.h));
          ch.h.state = v1::HANDOVER_STATE_WITHDRAWN;
          ch.h.decided = ch.now;
          ch.h.decided_by = caller.principal.id;
          ch.h.body.set_withdraw_reason(req->reason());
          ch.audit.mutable_checks()->set_care_relationship(v1::AUDIT_CHECK_PASSED);
          ch.summary =
              absl::StrCat("Overdracht aan ", ch.h.to_organisation_id,
                           " ingetrokken / Handover to ", ch.h.to_organisation_id, " withdrawn");
          *resp->mutable_handover() = ToProto(ch.h, ch.ledger.reference, true);
          resp->mutable_handover()->set_etag(Etag(ch.h.version + 1));
          return absl::OkStatus();
        });
  });
}

grpc::ServerUnaryReactor* HandoverService::ConfirmFirstContact(
    grpc::CallbackServerContext* ctx, const v1::ConfirmFirstContactRequest* req,
    v1::ConfirmFirstContactResponse* resp) {
  return Handle(
      ctx, "ConfirmFirstContact", [this, req, resp](const Caller& caller) -> absl::Status {
        FieldViolations v;
        CheckRequestId(v, req->request_id());
        if (req->handover_id().empty()) v.Add("handover_id", "must be set");
        if (req->has_contact_at() && !ValidTimestamp(req->contact_at())) {
          v.Add("contact_at", "must be a valid time");
        }
        SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
        return ChangeHandover(
            caller, "ConfirmFirstContact", *req, *resp, req->request_id(), req->handover_id(),
            "handover.first_contact_confirmed", [&](Change& ch) -> absl::Status {
              SCHAKEL_RETURN_IF_ERROR(CheckReceiver(caller, ch.h, "confirm first contact"));
              if (ch.h.state != v1::HANDOVER_STATE_ACCEPTED) {
                return absl::FailedPreconditionError(absl::StrCat("the handover is ",
                                                                  StateName(ch.h.state),
                                                                  "; only an accepted one has a "
                                                                  "first contact"));
              }
              if (ch.h.contact) {
                return absl::FailedPreconditionError("first contact was confirmed already");
              }
              const int64_t at = req->has_contact_at() ? ToMicros(req->contact_at()) : ch.now;
              FieldViolations cv;
              if (at > ch.now) cv.Add("contact_at", "must not be in the future");
              if (ch.h.decided && at < *ch.h.decided) {
                cv.Add("contact_at", "must not be before the acceptance");
              }
              SCHAKEL_RETURN_IF_ERROR(cv.ToStatus());
              ch.h.contact = at;
              if (ch.ledger.watching_handover_id == ch.h.id) {
                ch.ledger.watching_organisation_id.clear();
                ch.ledger.watching_handover_id.clear();
                ch.ledger_changed = true;
              }
              ch.summary = absl::StrCat(ch.h.to_organisation_id,
                                        " bevestigt het eerste contact; de overlap is voorbij / ",
                                        ch.h.to_organisation_id,
                                        " confirmed first contact; the overlap ended");
              *resp->mutable_handover() = ToProto(ch.h, ch.ledger.reference, true);
              resp->mutable_handover()->set_etag(Etag(ch.h.version + 1));
              return absl::OkStatus();
            });
      });
}

// ---------------------------------------------------------------------------------------------
// Deadlines.

absl::StatusOr<int> HandoverService::ScanDeadlines() {
  absl::MutexLock lock(&scan_mu_);
  const absl::Time now_time = env_.clock->Now();
  const int64_t now = Micros(now_time);
  DueWork due;
  int64_t next_due = kForever;
  SCHAKEL_RETURN_IF_ERROR(db_->Read([&](sqlite::Connection& c) -> absl::Status {
    HandoverStore store(c, *cipher_);
    SCHAKEL_ASSIGN_OR_RETURN(due, store.FindDue(now));
    if (due.empty()) {
      SCHAKEL_ASSIGN_OR_RETURN(next_due, store.NextDue());
    }
    return absl::OkStatus();
  }));
  // Nothing due: calls may skip scanning until the earliest deadline (a deadline written later
  // lowers it under this same mutex).
  if (due.empty()) {
    next_due_.store(next_due);
    return 0;
  }
  Caller system;
  system.principal = env_.internal->host;
  std::set<std::string> notify;
  int acted = 0;
  using Body = std::function<absl::Status(sqlite::Connection&, HandoverStore&, HandoverRow&,
                                          const LedgerRow&)>;
  // Each handover in a transaction of its own: one that cannot be settled (a row that does not
  // decrypt, say) is logged and skipped, and holds up no other.
  auto act = [&](const std::string& id, v1::HandoverState need, absl::string_view event_type,
                 const Body& body) {
    const absl::Status st = db_->Transaction([&](sqlite::Connection& c) -> absl::Status {
      HandoverStore store(c, *cipher_);
      SCHAKEL_ASSIGN_OR_RETURN(auto h, store.GetHandover(id));
      if (!h || h->state != need) return absl::OkStatus();  // settled meanwhile
      SCHAKEL_ASSIGN_OR_RETURN(auto ledger, store.GetLedger(h->case_id));
      if (!ledger) return absl::InternalError("a handover without a ledger");
      SCHAKEL_RETURN_IF_ERROR(body(c, store, *h, *ledger));
      SCHAKEL_RETURN_IF_ERROR(store.UpdateHandover(*h));
      v1::AuditRecord rec = audit_->NewRecord(system, v1::AUDIT_ACTION_UPDATE, event_type);
      AddObject(rec, "case", h->case_id);
      AddObject(rec, "handover", h->id);
      rec.set_purpose_of_use("deadline monitoring of handovers");
      SCHAKEL_RETURN_IF_ERROR(audit_->Record(c, rec));
      notify.insert(h->from_organisation_id);
      notify.insert(h->to_organisation_id);
      ++acted;
      return absl::OkStatus();
    });
    if (!st.ok()) {
      LogEvent(LogLevel::kError, "handover.deadline_not_settled",
               {{"handover", id},
                {"event", event_type},
                {"code", absl::StatusCodeToString(st.code())},
                {"detail", st.message()}});
    }
  };
  auto escalate = [&](HandoverStore& store, const HandoverRow& h, v1::InboxItemKind kind,
                      int64_t due_at) -> absl::Status {
    for (const std::string& org : {h.from_organisation_id, h.to_organisation_id}) {
      SCHAKEL_RETURN_IF_ERROR(store
                                  .AddInboxItem({.organisation_id = org,
                                                 .audience = Audience::kSupervisors,
                                                 .kind = kind,
                                                 .handover_id = h.id,
                                                 .due = due_at,
                                                 .created = now})
                                  .status());
    }
    return absl::OkStatus();
  };
  for (const std::string& id : due.expired) {
    act(id, v1::HANDOVER_STATE_PROPOSED, "handover.expired",
        [&](sqlite::Connection& c, HandoverStore& store, HandoverRow& h,
            const LedgerRow& l) -> absl::Status {
          h.state = v1::HANDOVER_STATE_EXPIRED;
          h.decided = h.accept_deadline;
          h.accept_escalated = now;
          SCHAKEL_RETURN_IF_ERROR(
              escalate(store, h, v1::INBOX_ITEM_KIND_ESCALATION_NOT_ACCEPTED, h.accept_deadline));
          return Timeline(
              c, h.case_id, "handover.expired",
              absl::StrCat("Overdracht aan ", h.to_organisation_id, " niet op tijd geaccepteerd; ",
                           l.lead_organisation_id,
                           " blijft verantwoordelijk; leidinggevenden ingelicht / "
                           "Handover to ",
                           h.to_organisation_id, " not accepted in time; ", l.lead_organisation_id,
                           " stays responsible; supervisors told"),
              "", "", now);
        });
  }
  for (const std::string& id : due.reminders) {
    act(id, v1::HANDOVER_STATE_PROPOSED, "handover.reminded",
        [&](sqlite::Connection&, HandoverStore& store, HandoverRow& h,
            const LedgerRow&) -> absl::Status {
          h.reminded = now;
          return store
              .AddInboxItem({.organisation_id = h.to_organisation_id,
                             .audience = Audience::kProfessionals,
                             .kind = v1::INBOX_ITEM_KIND_REMINDER,
                             .handover_id = h.id,
                             .due = h.accept_deadline,
                             .created = now})
              .status();
        });
  }
  for (const std::string& id : due.contact_late) {
    act(id, v1::HANDOVER_STATE_ACCEPTED, "handover.first_contact_overdue",
        [&](sqlite::Connection& c, HandoverStore& store, HandoverRow& h,
            const LedgerRow&) -> absl::Status {
          if (h.contact || h.contact_escalated) return absl::OkStatus();
          h.contact_escalated = now;
          SCHAKEL_RETURN_IF_ERROR(escalate(
              store, h, v1::INBOX_ITEM_KIND_ESCALATION_NO_FIRST_CONTACT, *h.contact_deadline));
          return Timeline(c, h.case_id, "handover.first_contact_overdue",
                          absl::StrCat(h.to_organisation_id,
                                       " heeft het eerste contact niet op tijd bevestigd; "
                                       "leidinggevenden ingelicht / ",
                                       h.to_organisation_id,
                                       " did not confirm first contact in time; supervisors told"),
                          "", "", now);
        });
  }
  if (acted > 0) {
    LogEvent(LogLevel::kInfo, "handover.deadlines_acted", {{"handovers", acted}});
  }
  hub_.Notify(std::vector<std::string>(notify.begin(), notify.end()));
  return acted;
}

void HandoverService::LowerNextDue(int64_t at) {
  absl::MutexLock lock(&scan_mu_);
  if (at < next_due_.load()) next_due_.store(at);
}

void HandoverService::SettleDeadlines() {
  if (Micros(env_.clock->Now()) < next_due_.load()) return;  // nothing can be due yet
  if (absl::StatusOr<int> acted = ScanDeadlines(); !acted.ok()) {
    LogEvent(LogLevel::kWarning, "handover.deadline_scan_failed",
             {{"code", absl::StatusCodeToString(acted.status().code())}});
  }
}

// ---------------------------------------------------------------------------------------------
// The inbox.

absl::StatusOr<v1::ListInboxResponse> HandoverService::BuildInbox(const Caller& caller,
                                                                  int due_within) {
  if (due_within <= 0) due_within = 2;
  const absl::Time now_time = env_.clock->Now();
  const int64_t now = Micros(now_time);
  const absl::CivilDay today = absl::ToCivilDay(now_time, calendar::Amsterdam());
  const std::string& org = caller.principal.organisation_id;
  v1::ListInboxResponse out;
  SetTime(out.mutable_as_of(), now);
  SCHAKEL_RETURN_IF_ERROR(db_->Read([&](sqlite::Connection& c) -> absl::Status {
    HandoverStore store(c, *cipher_);
    absl::flat_hash_map<std::string, std::string> references;
    auto item = [&](v1::InboxItemKind kind, const HandoverRow& h, int64_t due,
                    int64_t created) -> absl::StatusOr<v1::InboxItem*> {
      auto it = references.find(h.case_id);
      if (it == references.end()) {
        SCHAKEL_ASSIGN_OR_RETURN(auto ledger, store.GetLedger(h.case_id));
        it = references.emplace(h.case_id, ledger ? ledger->reference : "").first;
      }
      v1::InboxItem* i = out.add_items();
      i->set_kind(kind);
      i->set_handover_id(h.id);
      i->set_case_id(h.case_id);
      i->set_case_reference(it->second);
      i->set_from_organisation_id(h.from_organisation_id);
      i->set_to_organisation_id(h.to_organisation_id);
      i->set_phase(h.phase);
      SetTime(i->mutable_due(), due);
      SetTime(i->mutable_created_at(), created);
      const absl::CivilDay due_day = absl::ToCivilDay(FromMicros(due - 1), calendar::Amsterdam());
      i->set_overdue(now >= due);
      i->set_due_soon(now >= due || (due_day >= today &&
                                     calendar_->WorkingDaysBetween(today, due_day) <= due_within));
      return i;
    };
    if (IsWorker(caller.entry)) {
      SCHAKEL_ASSIGN_OR_RETURN(auto waiting, store.ListTo(org, v1::HANDOVER_STATE_PROPOSED));
      for (const auto& h : waiting) {
        SCHAKEL_ASSIGN_OR_RETURN(v1::InboxItem * i, item(v1::INBOX_ITEM_KIND_HANDOVER_WAITING, h,
                                                         h.accept_deadline, h.proposed));
        i->set_text(absl::StrCat(
            "Overdracht van ", h.from_organisation_id, " (", i->case_reference(), ", fase ",
            PhaseLabel(h.phase), ") wacht op uw antwoord, uiterlijk ",
            DeadlineDay(h.accept_deadline), " / Handover from ", h.from_organisation_id,
            " awaits your answer by the end of ", DeadlineDay(h.accept_deadline)));
      }
      SCHAKEL_ASSIGN_OR_RETURN(auto reminders,
                               store.ListInboxItems(org, Audience::kProfessionals, 0, true));
      for (const auto& r : reminders) {
        SCHAKEL_ASSIGN_OR_RETURN(auto h, store.GetHandover(r.handover_id, false));
        if (!h || h->state != v1::HANDOVER_STATE_PROPOSED) continue;  // answered since
        SCHAKEL_ASSIGN_OR_RETURN(v1::InboxItem * i, item(r.kind, *h, r.due, r.created));
        i->set_text(absl::StrCat("Herinnering: de termijn voor overdracht ", i->case_reference(),
                                 " verloopt aan het eind van ", DeadlineDay(r.due),
                                 " / Reminder: the term for handover ", i->case_reference(),
                                 " ends at the end of ", DeadlineDay(r.due)));
      }
      SCHAKEL_ASSIGN_OR_RETURN(auto accepted, store.ListTo(org, v1::HANDOVER_STATE_ACCEPTED));
      for (const auto& h : accepted) {
        if (h.contact || !h.contact_deadline) continue;
        SCHAKEL_ASSIGN_OR_RETURN(v1::InboxItem * i, item(v1::INBOX_ITEM_KIND_FIRST_CONTACT_DUE, h,
                                                         *h.contact_deadline, *h.decided));
        i->set_text(absl::StrCat("Bevestig het eerste contact met de cliënt(en) (",
                                 i->case_reference(), ") uiterlijk ",
                                 DeadlineDay(*h.contact_deadline),
                                 " / Confirm first contact with the client(s) by the end of ",
                                 DeadlineDay(*h.contact_deadline)));
      }
    }
    if (IsSupervisor(caller.entry)) {
      SCHAKEL_ASSIGN_OR_RETURN(auto escalations,
                               store.ListInboxItems(org, Audience::kSupervisors,
                                                    Micros(now_time - kEscalationShownFor)));
      for (const auto& r : escalations) {
        SCHAKEL_ASSIGN_OR_RETURN(auto h, store.GetHandover(r.handover_id, false));
        if (!h) continue;
        SCHAKEL_ASSIGN_OR_RETURN(v1::InboxItem * i, item(r.kind, *h, r.due, r.created));
        i->set_due_soon(false);
        if (r.kind == v1::INBOX_ITEM_KIND_ESCALATION_NOT_ACCEPTED) {
          i->set_text(absl::StrCat("Escalatie: overdracht ", i->case_reference(), " van ",
                                   h->from_organisation_id, " aan ", h->to_organisation_id,
                                   " is niet op tijd geaccepteerd; ", h->from_organisation_id,
                                   " blijft verantwoordelijk / Escalation: handover ",
                                   i->case_reference(), " was not accepted in time; ",
                                   h->from_organisation_id, " stays responsible"));
        } else {
          i->set_text(absl::StrCat("Escalatie: ", h->to_organisation_id,
                                   " heeft het eerste contact niet op tijd bevestigd (",
                                   i->case_reference(), ") / Escalation: ", h->to_organisation_id,
                                   " did not confirm first contact in time"));
        }
      }
    }
    return absl::OkStatus();
  }));
  return out;
}

grpc::ServerUnaryReactor* HandoverService::ListInbox(grpc::CallbackServerContext* ctx,
                                                     const v1::ListInboxRequest* req,
                                                     v1::ListInboxResponse* resp) {
  return Handle(ctx, "ListInbox", [this, req, resp](const Caller& caller) -> absl::Status {
    if (req->due_within_working_days() < 0 || req->due_within_working_days() > kMaxTermDays) {
      return InvalidField("due_within_working_days", "must be 0 (the default) to 20");
    }
    SettleDeadlines();
    SCHAKEL_ASSIGN_OR_RETURN(*resp, BuildInbox(caller, req->due_within_working_days()));
    v1::AuditRecord rec = audit_->NewRecord(caller, v1::AUDIT_ACTION_READ, "handover.inbox.read");
    for (const auto& i : resp->items()) AddObject(rec, "handover", i.handover_id());
    rec.set_purpose_of_use(kPurpose);
    return audit_->RecordDurably(rec);
  });
}

// A connected WatchInbox client: the inbox at once, then again after every change that touches
// the caller's organisation. One write at a time; a change during a write is sent after it.
class HandoverService::InboxWatch final : public grpc::ServerWriteReactor<v1::WatchInboxResponse>,
                                          public std::enable_shared_from_this<InboxWatch> {
 public:
  InboxWatch(HandoverService& service, grpc::CallbackServerContext* ctx, int due_within)
      : service_(service), ctx_(ctx), due_within_(due_within) {}

  void Begin(std::shared_ptr<InboxWatch> self) {
    self_ = std::move(self);
    absl::StatusOr<Principal> principal = AuthenticateCall(*ctx_, service_.env_.internal);
    if (!principal.ok()) {
      End(principal.status());
      return;
    }
    if (due_within_ < 0 || due_within_ > kMaxTermDays) {
      End(InvalidField("due_within_working_days", "must be 0 (the default) to 20"));
      return;
    }
    principal_ = *std::move(principal);
    service_.env_.pool->Post([self = shared_from_this()] { self->Authorize(); });
  }

  void End(absl::Status status) {
    {
      absl::MutexLock lock(&mu_);
      if (ending_) return;
      ending_ = true;
      final_ = ToGrpcStatus(ClientVisible(status, "WatchInbox"));
      if (subscription_ != 0) service_.hub_.Unsubscribe(subscription_);
      subscription_ = 0;
      if (writing_) return;  // OnWriteDone finishes
      finished_ = true;
    }
    Finish(final_);
  }

  void OnWriteDone(bool ok) override {
    bool again = false;
    bool finish = false;
    {
      absl::MutexLock lock(&mu_);
      writing_ = false;
      if (ending_ && !finished_) {
        finished_ = true;
        finish = true;
      } else {
        again = dirty_ && ok;
        dirty_ = false;
      }
    }
    if (finish) {
      Finish(final_);
    } else if (!ok) {
      End(absl::CancelledError("the client went away"));
    } else if (again) {
      Changed();
    }
  }

  void OnCancel() override { End(absl::CancelledError("the client hung up")); }

  void OnDone() override {
    std::shared_ptr<InboxWatch> keep;
    {
      absl::MutexLock lock(&mu_);
      if (subscription_ != 0) service_.hub_.Unsubscribe(subscription_);
      subscription_ = 0;
      ending_ = finished_ = true;
      keep = std::move(self_);
    }
    // `keep` goes last: pending tasks hold their own reference.
  }

 private:
  void Authorize() {
    absl::StatusOr<Caller> caller = service_.authorizer_->Authorize(principal_, "WatchInbox");
    if (!caller.ok()) {
      if (absl::IsPermissionDenied(caller.status()) || absl::IsUnauthenticated(caller.status())) {
        (void)service_.audit_->RecordDurably(
            service_.audit_->NewDeniedRecord(principal_, "WatchInbox", caller.status()));
      }
      End(caller.status());
      return;
    }
    caller_ = *std::move(caller);
    {
      absl::MutexLock lock(&mu_);
      if (ending_) return;
      std::weak_ptr<InboxWatch> weak = shared_from_this();
      subscription_ = service_.hub_.Subscribe(caller_.principal.organisation_id, [weak] {
        if (auto self = weak.lock()) self->Changed();
      });
    }
    {
      absl::MutexLock lock(&service_.watches_mu_);
      auto& watches = service_.watches_;
      watches.erase(
          std::remove_if(watches.begin(), watches.end(), [](const auto& w) { return w.expired(); }),
          watches.end());
      watches.push_back(weak_from_this());
    }
    Refresh();
  }

  void Changed() {
    service_.env_.pool->Post([self = shared_from_this()] { self->Refresh(); });
  }

  void Refresh() {
    {
      absl::MutexLock lock(&mu_);
      if (ending_) return;
      if (writing_) {
        dirty_ = true;
        return;
      }
      writing_ = true;
    }
    // Every push is authorised again: a revoked professional stops receiving within the role
    // cache's lifetime.
    absl::StatusOr<Caller> still = service_.authorizer_->Authorize(principal_, "WatchInbox");
    absl::StatusOr<v1::ListInboxResponse> inbox =
        still.ok() ? service_.BuildInbox(*still, due_within_)
                   : absl::StatusOr<v1::ListInboxResponse>(still.status());
    absl::Status status = inbox.status();
    if (status.ok()) {
      v1::AuditRecord rec =
          service_.audit_->NewRecord(caller_, v1::AUDIT_ACTION_READ, "handover.inbox.watched");
      for (const auto& i : inbox->items()) AddObject(rec, "handover", i.handover_id());
      rec.set_purpose_of_use(kPurpose);
      status = service_.audit_->RecordDurably(rec);
    }
    bool write = false;
    bool finish = false;
    {
      absl::MutexLock lock(&mu_);
      if (status.ok() && !ending_) {
        *response_.mutable_inbox() = *std::move(inbox);
        write = true;
      } else {
        writing_ = false;
        // End() came while this refresh held the write slot: it left the finishing to us.
        if (ending_ && !finished_) finish = finished_ = true;
      }
    }
    if (write) {
      StartWrite(&response_);
    } else if (finish) {
      Finish(final_);
    } else if (!status.ok()) {
      End(status);
    }
  }

  HandoverService& service_;
  grpc::CallbackServerContext* ctx_;
  const int due_within_;
  Principal principal_;
  Caller caller_;
  absl::Mutex mu_;
  std::shared_ptr<InboxWatch> self_;
  v1::WatchInboxResponse response_;
  int64_t subscription_ = 0;
  bool writing_ = false;
  bool dirty_ = false;
  bool ending_ = false;
  bool finished_ = false;
  grpc::Status final_;
};

void HandoverService::BeginShutdown() {
  std::vector<std::shared_ptr<InboxWatch>> watches;
  {
    absl::MutexLock lock(&watches_mu_);
    for (auto& w : watches_) {
      if (auto p = w.lock()) watches.push_back(std::move(p));
    }
  }
  for (auto& w : watches) w->End(absl::UnavailableError("the server is shutting down"));
}

grpc::ServerWriteReactor<v1::WatchInboxResponse>* HandoverService::WatchInbox(
    grpc::CallbackServerContext* ctx, const v1::WatchInboxRequest* req) {
  auto watch = std::make_shared<InboxWatch>(*this, ctx, req->due_within_working_days());
  InboxWatch* raw = watch.get();
  raw->Begin(std::move(watch));
  return raw;
}

// ---------------------------------------------------------------------------------------------
// Supervisors.

grpc::ServerUnaryReactor* HandoverService::ListHandovers(grpc::CallbackServerContext* ctx,
                                                         const v1::ListHandoversRequest* req,
                                                         v1::ListHandoversResponse* resp) {
  return Handle(ctx, "ListHandovers", [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    if (!req->organisation_id().empty()) CheckId(v, "organisation_id", req->organisation_id());
    for (int i = 0; i < req->states_size(); ++i) {
      if (req->states(i) == v1::HANDOVER_STATE_UNSPECIFIED ||
          !v1::HandoverState_IsValid(req->states(i))) {
        v.Add(absl::StrCat("states[", i, "]"), "is not a handover state");
      }
    }
    if (req->has_proposed_from() && !ValidTimestamp(req->proposed_from())) {
      v.Add("proposed_from", "must be a valid time");
    }
    if (req->has_proposed_to() && !ValidTimestamp(req->proposed_to())) {
      v.Add("proposed_to", "must be a valid time");
    }
    if (req->page_size() < 0) v.Add("page_size", "must not be negative");
    HandoverFilter f;
    if (!req->page_token().empty()) {
      std::string decoded;
      std::vector<std::string> parts;
      int64_t t = 0;
      if (absl::WebSafeBase64Unescape(req->page_token(), &decoded)) {
        parts = absl::StrSplit(decoded, absl::MaxSplits('/', 1));
      }
      if (parts.size() != 2 || !absl::SimpleAtoi(parts[0], &t)) {
        v.Add("page_token", "is not a token this service gave out");
      } else {
        f.after = std::make_pair(t, parts[1]);
      }
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    SettleDeadlines();
    SCHAKEL_ASSIGN_OR_RETURN(auto org, organisations_->Get(caller.principal.organisation_id));
    if (!org) return absl::FailedPreconditionError("your organisation is not in the directory");
    f.region = org->region();
    f.organisation_id = req->organisation_id();
    for (int s : req->states()) f.states.push_back(s);
    f.overdue_only = req->overdue_only();
    f.now = Micros(env_.clock->Now());
    if (req->has_proposed_from()) f.proposed_from = ToMicros(req->proposed_from());
    if (req->has_proposed_to()) f.proposed_to = ToMicros(req->proposed_to());
    const int limit =
        req->page_size() == 0 ? kDefaultPageSize : std::min<int>(req->page_size(), kMaxPageSize);
    f.limit = limit + 1;
    std::vector<HandoverRow> rows;
    absl::flat_hash_map<std::string, std::string> references;
    SCHAKEL_RETURN_IF_ERROR(db_->Read([&](sqlite::Connection& c) -> absl::Status {
      HandoverStore store(c, *cipher_);
      SCHAKEL_ASSIGN_OR_RETURN(rows, store.ListHandovers(f));
      for (const auto& h : rows) {
        if (references.contains(h.case_id)) continue;
        SCHAKEL_ASSIGN_OR_RETURN(auto ledger, store.GetLedger(h.case_id));
        references[h.case_id] = ledger ? ledger->reference : "";
      }
      return absl::OkStatus();
    }));
    if (static_cast<int>(rows.size()) > limit) {
      rows.resize(limit);
      resp->set_next_page_token(
          absl::WebSafeBase64Escape(absl::StrCat(rows.back().proposed, "/", rows.back().id)));
    }
    v1::AuditRecord rec = audit_->NewRecord(caller, v1::AUDIT_ACTION_READ, "handover.list");
    for (const auto& h : rows) {
      *resp->add_handovers() = ToProto(h, references[h.case_id], false);
      AddObject(rec, "handover", h.id);
    }
    rec.set_purpose_of_use("oversight of handovers");
    rec.mutable_checks()->set_care_relationship(v1::AUDIT_CHECK_NOT_APPLICABLE);
    return audit_->RecordDurably(rec);
  });
}

grpc::ServerUnaryReactor* HandoverService::GetHandoverReport(
    grpc::CallbackServerContext* ctx, const v1::GetHandoverReportRequest* req,
    v1::GetHandoverReportResponse* resp) {
  return Handle(ctx, "GetHandoverReport", [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    if (req->has_proposed_from() && !ValidTimestamp(req->proposed_from())) {
      v.Add("proposed_from", "must be a valid time");
    }
    if (req->has_proposed_to() && !ValidTimestamp(req->proposed_to())) {
      v.Add("proposed_to", "must be a valid time");
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    SettleDeadlines();
    SCHAKEL_ASSIGN_OR_RETURN(auto org, organisations_->Get(caller.principal.organisation_id));
    if (!org) return absl::FailedPreconditionError("your organisation is not in the directory");
    const int64_t now = Micros(env_.clock->Now());
    HandoverFilter filter;
    filter.region = org->region();
    if (req->has_proposed_from()) filter.proposed_from = ToMicros(req->proposed_from());
    if (req->has_proposed_to()) filter.proposed_to = ToMicros(req->proposed_to());
    std::vector<HandoverRow> rows;
    std::vector<LedgerRow> ledgers;
    std::vector<PeriodRow> periods;
    std::vector<std::pair<std::string, Interval>> open;
    SCHAKEL_RETURN_IF_ERROR(db_->Read([&](sqlite::Connection& c) -> absl::Status {
      HandoverStore store(c, *cipher_);
      SCHAKEL_ASSIGN_OR_RETURN(rows, store.ListHandovers(filter));
      SCHAKEL_ASSIGN_OR_RETURN(ledgers, store.ListLedgers(filter.region));
      SCHAKEL_ASSIGN_OR_RETURN(periods, store.ListPeriodsOfRegion(filter.region));
      SCHAKEL_ASSIGN_OR_RETURN(open, store.ListOpenPeriodsOfRegion(filter.region));
      return absl::OkStatus();
    }));

    v1::HandoverReport* report = resp->mutable_report();
    SetTime(report->mutable_generated_at(), now);
    report->set_region(org->region());
    std::map<int, int> counts;
    std::map<std::string, v1::OrganisationFigures> per_org;
    std::vector<double> hours;
    auto figures = [&](const std::string& id) -> v1::OrganisationFigures& {
      auto& f = per_org[id];
      f.set_organisation_id(id);
      return f;
    };
    for (const auto& h : rows) {
      ++counts[h.state];
      figures(h.from_organisation_id).set_sent(figures(h.from_organisation_id).sent() + 1);
      auto& to = figures(h.to_organisation_id);
      to.set_received(to.received() + 1);
      if (h.state == v1::HANDOVER_STATE_ACCEPTED) {
        to.set_accepted(to.accepted() + 1);
        hours.push_back(static_cast<double>(*h.decided - h.proposed) / 3.6e9);
      }
      if (h.state == v1::HANDOVER_STATE_DECLINED) to.set_declined(to.declined() + 1);
      const bool late_contact =
          h.contact_escalated ||
          (h.state == v1::HANDOVER_STATE_ACCEPTED && h.contact_deadline &&
           (h.contact ? *h.contact > *h.contact_deadline : now >= *h.contact_deadline));
      if (h.state == v1::HANDOVER_STATE_EXPIRED || late_contact) to.set_overdue(to.overdue() + 1);
    }
    for (int s = v1::HANDOVER_STATE_PROPOSED; s <= v1::HANDOVER_STATE_EXPIRED; ++s) {
      v1::StateCount* c = report->add_counts();
      c->set_state(static_cast<v1::HandoverState>(s));
      c->set_count(counts[s]);
    }
    report->set_accepted(counts[v1::HANDOVER_STATE_ACCEPTED]);
    report->set_median_hours_to_accept(Percentile(hours, 50));
    report->set_p90_hours_to_accept(Percentile(hours, 90));
    for (auto& [id, f] : per_org) *report->add_organisations() = f;

    // Gaps, case by case, over the whole ledger.
    absl::flat_hash_map<std::string, std::vector<Interval>> open_by_case;
    for (auto& [case_id, interval] : open) open_by_case[case_id].push_back(interval);
    absl::flat_hash_map<std::string, std::vector<PeriodRow>> periods_by_case;
    for (auto& p : periods) periods_by_case[p.case_id].push_back(p);
    for (const auto& l : ledgers) {
      report->set_cases(report->cases() + 1);
      if (l.status == v1::CASE_STATUS_OPEN) report->set_open_cases(report->open_cases() + 1);
      for (const GapSpan& g : FindGaps(open_by_case[l.case_id], periods_by_case[l.case_id])) {
        v1::Gap* gap = report->add_gaps();
        gap->set_case_id(l.case_id);
        gap->set_case_reference(l.reference);
        gap->set_kind(g.kind);
        SetTime(gap->mutable_start(), g.start);
        if (g.end != kForever) SetTime(gap->mutable_end(), g.end);
      }
    }

    if (req->csv()) {
      std::string csv = "section,subject,measure,value\n";
      absl::StrAppend(&csv, "report,,generated_at,", IsoTime(now), "\n");
      absl::StrAppend(&csv, "report,,region,", v1::Region_Name(report->region()), "\n");
      absl::StrAppend(&csv, "report,,cases,", report->cases(), "\n");
      absl::StrAppend(&csv, "report,,open_cases,", report->open_cases(), "\n");
      for (const auto& c : report->counts()) {
        absl::StrAppend(&csv, "count,,", StateName(c.state()), ",", c.count(), "\n");
      }
      absl::StrAppend(&csv, "time_to_accept,,median_hours,",
                      absl::StrFormat("%.2f", report->median_hours_to_accept()), "\n");
      absl::StrAppend(&csv, "time_to_accept,,p90_hours,",
                      absl::StrFormat("%.2f", report->p90_hours_to_accept()), "\n");
      for (const auto& f : report->organisations()) {
        const std::string subject = CsvField(f.organisation_id());
        const std::pair<const char*, int> measures[] = {{"received", f.received()},
                                                        {"accepted", f.accepted()},
                                                        {"declined", f.declined()},
                                                        {"overdue", f.overdue()},
                                                        {"sent", f.sent()}};
        for (const auto& [measure, value] : measures) {
          absl::StrAppend(&csv, "organisation,", subject, ",", measure, ",", value, "\n");
        }
      }
      absl::StrAppend(&csv, "gaps,,count,", report->gaps_size(), "\n");
      for (const auto& g : report->gaps()) {
        absl::StrAppend(&csv, "gap,", CsvField(g.case_reference()), ",", v1::GapKind_Name(g.kind()),
                        ",", IsoTime(ToMicros(g.start())), "/",
                        g.has_end() ? IsoTime(ToMicros(g.end())) : "", "\n");
      }
      resp->set_csv(std::move(csv));
    }
    v1::AuditRecord rec =
        audit_->NewRecord(caller, req->csv() ? v1::AUDIT_ACTION_EXECUTE : v1::AUDIT_ACTION_READ,
                          req->csv() ? "handover.report.exported" : "handover.report.read");
    rec.set_purpose_of_use("oversight of handovers");
    rec.mutable_checks()->set_care_relationship(v1::AUDIT_CHECK_NOT_APPLICABLE);
    AddObject(rec, "region", v1::Region_Name(org->region()));
    for (const auto& g : report->gaps()) AddObject(rec, "case", g.case_id());
    return audit_->RecordDurably(rec);
  });
}

}  // namespace schakel::handover
