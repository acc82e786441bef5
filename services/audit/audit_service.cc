#include "services/audit/audit_service.h"

#include <google/protobuf/util/time_util.h>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "services/common/crypto.h"
#include "services/common/directory_resolver.h"
#include "services/common/ids.h"
#include "services/common/log.h"
#include "services/common/migrations.h"
#include "services/common/status.h"
#include "services/common/validation.h"
#include "services/runtime/service_runtime.h"

namespace schakel::migrations {
const MigrationTrack& audit_track();
}  // namespace schakel::migrations

namespace schakel::audit {
namespace {

constexpr int kExportBatch = 1000;

bool MaySeeEveryOrganisation(const Caller& caller) {
  return caller.IsService() || caller.HasRole(v1::ROLE_AUDITOR) ||
         caller.HasRole(v1::ROLE_SUPERVISOR);
}

void CheckRecord(FieldViolations& v, const v1::AuditRecord& r, int i) {
  const std::string at = absl::StrCat("records[", i, "].");
  if (r.event_id().empty()) v.Add(at + "event_id", "must be set");
  if (r.event_type().empty()) v.Add(at + "event_type", "must be set");
  if (r.action() == v1::AUDIT_ACTION_UNSPECIFIED || !v1::AuditAction_IsValid(r.action())) {
    v.Add(at + "action", "must be CREATE, READ, UPDATE, DELETE or EXECUTE");
  }
  if (r.outcome() == v1::AUDIT_OUTCOME_UNSPECIFIED || !v1::AuditOutcome_IsValid(r.outcome())) {
    v.Add(at + "outcome", "must be SUCCESS, DENIED or FAILED");
  }
  if (!r.has_event_time()) v.Add(at + "event_time", "must be set");
  if (!IsWellFormedId(r.source_service())) {
    v.Add(at + "source_service", "must name the outbox: a well-formed id such as \"cases\"");
  }
  if (r.source_sequence() <= 0) v.Add(at + "source_sequence", "must be positive");
}

std::vector<std::string> ProofBytes(const std::vector<merkle::Hash>& proof) {
  std::vector<std::string> out;
  for (const auto& h : proof) out.emplace_back(h.begin(), h.end());
  return out;
}

}  // namespace

AuthorizationTable AuditAuthorizationTable() {
  AuthorizationTable t;
  t.Allow("Append", {.services = true});
  t.Allow("GetCheckpoint", {.any_principal = true});
  t.Allow("GetVerifierKey", {.any_principal = true});
  t.Allow("GetConsistencyProof", {.any_principal = true});
  // Which entries: checked per entry (own organisation, or SUPERVISOR / AUDITOR).
  t.Allow("GetInclusionProof", {.any_user = true, .services = true});
  t.Allow("QueryEntries", {.roles = {v1::ROLE_AUDITOR, v1::ROLE_SUPERVISOR}});
  t.Allow("ExportLog", {.roles = {v1::ROLE_AUDITOR}});
  // Two different auditors: checked in the handlers.
  t.Allow("ProposeShred", {.roles = {v1::ROLE_AUDITOR}});
  t.Allow("ApproveShred", {.roles = {v1::ROLE_AUDITOR}});
  // Supervisors: their own organisation's entries only (checked per entry).
  t.Allow("ListEntries", {.roles = {v1::ROLE_AUDITOR, v1::ROLE_SUPERVISOR}});
  t.Allow("GetEntry", {.roles = {v1::ROLE_AUDITOR, v1::ROLE_SUPERVISOR}});
  return t;
}

const RepeatedLimits& AppendLimits() {
  static const auto* limits = [] {
    auto* l = new RepeatedLimits(StandardRepeatedLimits());
    l->insert_or_assign("schakel.v1.AuditRecord.objects", kMaxObjectsPerRecord);
    return l;
  }();
  return *limits;
}

AskedObject Asked(absl::string_view type, absl::string_view id) {
  return AskedObject{std::string(type), std::string(id)};
}

std::string IndexPageToken(int64_t index) { return absl::WebSafeBase64Escape(absl::StrCat(index)); }

bool DecodeIndexPageToken(const std::string& token, int64_t* after) {
  std::string decoded;
  return absl::WebSafeBase64Unescape(token, &decoded) && absl::SimpleAtoi(decoded, after) &&
         *after >= -1;
}

absl::StatusOr<std::string> AuditService::SourceOf(const Caller& caller, const std::string& named) {
  if (!caller.IsService()) return absl::PermissionDeniedError("only services append records");
  // The host's own in-process caller vouches for the services in its process: they name
  // themselves ("cases"), as their relay stamps each outbox.
  if (caller.principal.peer == kInProcessPeer) return named;
  // Over mutual TLS the source is the certificate's identity: a name of the caller's own
  // outboxes under it, so no certificate can write into another's sequence (or a co-hosted
  // service's: those names hold no '/').
  if (!IsWellFormedId(caller.principal.id)) {
    return absl::PermissionDeniedError("the service certificate does not name a well-formed id");
  }
  return absl::StrCat(caller.principal.id, "/", named);
}

AuditService::~AuditService() { Stop(); }

absl::Status AuditService::Open(const HostEnv& env) {
  env_ = env;
  const v1::AuditConfig& config = env.config.audit();
  FieldViolations v;
  if (config.master_key_file().empty()) v.Add("audit.master_key_file", "must be set");
  if (config.index_key_file().empty()) v.Add("audit.index_key_file", "must be set");
  if (config.signing_key_file().empty()) v.Add("audit.signing_key_file", "must be set");
  if (config.retention_years() != 0 &&
      (config.retention_years() < 5 || config.retention_years() > 100)) {
    v.Add("audit.retention_years",
          "must be 5 to 100 years (NEN 7513 keeps the log at least 5; default 20)");
  }
  if (config.shred_approval_hours() < 0 || config.shred_approval_hours() > 720) {
    v.Add("audit.shred_approval_hours", "must be 1 to 720 hours (default 72)");
  }
  if (config.on_demand_checkpoint_seconds() < 0 || config.on_demand_checkpoint_seconds() > 3600) {
    v.Add("audit.on_demand_checkpoint_seconds", "must be 1 to 3600 seconds (default 1)");
  }
  SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
  if (config.retention_years() != 0) retention_years_ = config.retention_years();
  if (config.shred_approval_hours() != 0) {
    shred_approval_term_ = absl::Hours(config.shred_approval_hours());
  }
  if (config.on_demand_checkpoint_seconds() != 0) {
    on_demand_interval_ = absl::Seconds(config.on_demand_checkpoint_seconds());
  }

  AuditLogKeys keys;
  SCHAKEL_ASSIGN_OR_RETURN(keys.master_key, crypto::ReadKeyFile(config.master_key_file()));
  SCHAKEL_ASSIGN_OR_RETURN(keys.index_key, crypto::ReadKeyFile(config.index_key_file()));
  SCHAKEL_ASSIGN_OR_RETURN(auto signing_key, note::ReadPrivateKeyFile(config.signing_key_file()));
  const std::string origin = config.origin().empty() ? "schakel.local/audit" : config.origin();
  keys.signer.emplace(origin, std::move(signing_key));

  // Freed pages (a shredded key) are overwritten, not just unlinked: the runtime sets
  // secure_delete on every database.
  SCHAKEL_ASSIGN_OR_RETURN(rt_,
                           OpenServiceRuntime(env, {.service = std::string(name()),
                                                    .track = &migrations::audit_track(),
                                                    .authorization = AuditAuthorizationTable()}));
  db_ = rt_.db.get();
  authorizer_ = rt_.authorizer.get();
  audit_ = rt_.audit.get();

  AuditLogOptions options;
  if (config.checkpoint_interval_seconds() > 0) {
    options.checkpoint_interval = absl::Seconds(config.checkpoint_interval_seconds());
  }
  if (config.checkpoint_every_entries() > 0) {
    options.checkpoint_every_entries = config.checkpoint_every_entries();
  }
  options.on_demand_interval = on_demand_interval_;
  log_ = std::make_unique<AuditLog>(*db_, std::move(keys), options, *env.clock);

  ScheduleCheckpoint();
  return absl::OkStatus();
}

void AuditService::ScheduleCheckpoint() {
  if (env_.scheduler == nullptr) return;
  // Every second: MaybeCheckpoint signs only when the interval passed or enough entries came.
  checkpoint_job_ = env_.scheduler->Schedule("audit.checkpoint", absl::Seconds(1), [this] {
    if (absl::Status st = log_->MaybeCheckpoint(); !st.ok()) {
      LogEvent(LogLevel::kError, "audit.checkpoint_failed",
               {{"code", absl::StatusCodeToString(st.code())}, {"detail", st.message()}});
    }
  });
}

void AuditService::Stop() { checkpoint_job_.Cancel(); }

std::vector<MetricSample> AuditService::MetricSamples() {
  std::vector<MetricSample> out;
  if (absl::StatusOr<int64_t> size = log_->Size(); size.ok()) {
    out.push_back(
        {"schakel_audit_log_entries", "Entries in the audit log.", {}, static_cast<double>(*size)});
  }
  absl::StatusOr<int64_t> newest =
      sqlite::ReadInt(*db_, "SELECT MAX(create_time) FROM checkpoints");
  if (newest.ok() && *newest > 0) {
    out.push_back({"schakel_audit_checkpoint_age_seconds",
                   "Time since the audit log's newest signed checkpoint.",
                   {},
                   absl::ToDoubleSeconds(env_.clock->Now() - absl::FromUnixMicros(*newest))});
  }
  return out;
}

grpc::ServerUnaryReactor* AuditService::Handle(grpc::CallbackServerContext* ctx,
                                               absl::string_view method,
                                               const google::protobuf::Message& request,
                                               std::vector<AskedObject> asked, RpcHandler handler,
                                               const RepeatedLimits& limits) {
  return HandleUnary(
      ctx, env_, *authorizer_, audit_, name(), method, std::move(asked),
      CallHandler([&request, &limits, handler = std::move(handler)](const CallContext& call) {
        // Checked before anything is read or written, every field named.
        FieldViolations too_many;
        CheckRepeatedLimits(too_many, request, limits);
        SCHAKEL_RETURN_IF_ERROR(too_many.ToStatus());
        return handler(call.caller());
      }));
}

grpc::ServerUnaryReactor* AuditService::Append(grpc::CallbackServerContext* ctx,
                                               const v1::AppendRequest* req,
                                               v1::AppendResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    if (req->records().empty()) v.Add("records", "must not be empty");
    for (int i = 0; i < req->records_size(); ++i) CheckRecord(v, req->records(i), i);
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    // The source comes from who calls; the request only names which of the caller's outboxes.
    google::protobuf::RepeatedPtrField<v1::AuditRecord> records = req->records();
    for (v1::AuditRecord& r : records) {
      SCHAKEL_ASSIGN_OR_RETURN(std::string source, SourceOf(caller, r.source_service()));
      r.set_source_service(std::move(source));
    }
    SCHAKEL_ASSIGN_OR_RETURN(*resp, log_->Append(records));
    return log_->MaybeCheckpoint();
  };
  return Handle(ctx, "Append", *req, {}, std::move(handler), AppendLimits());
}

grpc::ServerUnaryReactor* AuditService::GetCheckpoint(grpc::CallbackServerContext* ctx,
                                                      const v1::GetCheckpointRequest* req,
                                                      v1::GetCheckpointResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    if (req->fresh()) {
      if (!caller.IsService() && !caller.HasRole(v1::ROLE_AUDITOR)) {
        return absl::PermissionDeniedError(
            "only services and auditors may ask for a fresh checkpoint");
      }
      // At most one on-demand signing per interval, whoever asks; otherwise the latest.
      SCHAKEL_ASSIGN_OR_RETURN(*resp->mutable_checkpoint(), log_->SignOnDemand());
      return absl::OkStatus();
    }
    SCHAKEL_ASSIGN_OR_RETURN(*resp->mutable_checkpoint(), log_->LatestCheckpoint());
    return absl::OkStatus();
  };
  return Handle(ctx, "GetCheckpoint", *req, {}, std::move(handler));
}

grpc::ServerUnaryReactor* AuditService::GetVerifierKey(grpc::CallbackServerContext* ctx,
                                                       const v1::GetVerifierKeyRequest* req,
                                                       v1::GetVerifierKeyResponse* resp) {
  auto handler = [this, resp](const Caller&) -> absl::Status {
    resp->set_verifier_key(log_->VerifierKey());
    resp->set_origin(log_->origin());
    return absl::OkStatus();
  };
  return Handle(ctx, "GetVerifierKey", *req, {}, std::move(handler));
}

grpc::ServerUnaryReactor* AuditService::GetInclusionProof(grpc::CallbackServerContext* ctx,
                                                          const v1::GetInclusionProofRequest* req,
                                                          v1::GetInclusionProofResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    if (req->entry_case() == v1::GetInclusionProofRequest::ENTRY_NOT_SET) {
      v.Add("entry", "give an index or an event_id");
    }
    if (req->entry_case() == v1::GetInclusionProofRequest::kIndex && req->index() < 0) {
      v.Add("index", "must not be negative");
    }
    if (req->tree_size() < 0) v.Add("tree_size", "must not be negative");
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    SCHAKEL_ASSIGN_OR_RETURN(auto location,
                             req->entry_case() == v1::GetInclusionProofRequest::kIndex
                                 ? log_->FindByIndex(req->index())
                                 : log_->FindByEventId(req->event_id()));
    // Asked by event id: a refusal names the entry found too.
    if (const CallContext* call = CurrentCall();
        location && call != nullptr &&
        req->entry_case() == v1::GetInclusionProofRequest::kEventId) {
      call->AskedFor("audit_entry", absl::StrCat(location->index));
    }
    // The same answer whether the entry does not exist or is another organisation's.
    if (!location || (!MaySeeEveryOrganisation(caller) &&
                      location->organisation_id != caller.principal.organisation_id)) {
      return absl::PermissionDeniedError("no entry of yours with that index or event id");
    }
    int64_t tree_size = req->tree_size();
    if (tree_size == 0) {
      SCHAKEL_ASSIGN_OR_RETURN(v1::SignedCheckpoint cp, log_->LatestCheckpoint());
      if (cp.tree_size() <= location->index) {
        // A user may not make the log sign at will: at most once per interval, whoever asks.
        SCHAKEL_ASSIGN_OR_RETURN(cp, log_->SignOnDemand());
        if (cp.tree_size() <= location->index) {
          return absl::UnavailableError(absl::StrCat(
              "entry ", location->index, " is newer than the latest signed checkpoint (",
              cp.tree_size(), " entries); one covering it is signed within ",
              absl::ToInt64Seconds(on_demand_interval_) + 1, " s: ask again then"));
        }
      }
      tree_size = cp.tree_size();
      *resp->mutable_checkpoint() = std::move(cp);
    } else {
      SCHAKEL_ASSIGN_OR_RETURN(auto cp, log_->CheckpointAt(tree_size));
      if (cp) *resp->mutable_checkpoint() = *std::move(cp);
    }
    SCHAKEL_ASSIGN_OR_RETURN(auto proof, log_->ProveInclusion(location->index, tree_size));
    resp->set_index(location->index);
    resp->set_tree_size(tree_size);
    resp->set_leaf_hash(std::string(proof.first.begin(), proof.first.end()));
    for (auto& h : ProofBytes(proof.second)) resp->add_proof(std::move(h));
    return absl::OkStatus();
  };
  return Handle(ctx, "GetInclusionProof", *req, AskedEntry(*req), std::move(handler));
}

grpc::ServerUnaryReactor* AuditService::GetConsistencyProof(
    grpc::CallbackServerContext* ctx, const v1::GetConsistencyProofRequest* req,
    v1::GetConsistencyProofResponse* resp) {
  auto handler = [this, req, resp](const Caller&) -> absl::Status {
    FieldViolations v;
    if (req->size1() <= 0) v.Add("size1", "must be positive");
    if (req->size2() < 0) v.Add("size2", "must not be negative");
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    int64_t size2 = req->size2();
    if (size2 == 0) {
      SCHAKEL_ASSIGN_OR_RETURN(v1::SignedCheckpoint cp, log_->LatestCheckpoint());
      size2 = cp.tree_size();
      *resp->mutable_checkpoint() = std::move(cp);
    } else {
      SCHAKEL_ASSIGN_OR_RETURN(auto cp, log_->CheckpointAt(size2));
      if (cp) *resp->mutable_checkpoint() = *std::move(cp);
    }
    if (req->size1() > size2) {
      return InvalidField("size1", absl::StrCat("must not exceed size2 (", size2, ")"));
    }
    SCHAKEL_ASSIGN_OR_RETURN(auto proof, log_->ProveConsistency(req->size1(), size2));
    resp->set_size1(req->size1());
    resp->set_size2(size2);
    for (auto& h : ProofBytes(proof)) resp->add_proof(std::move(h));
    return absl::OkStatus();
  };
  return Handle(ctx, "GetConsistencyProof", *req, {}, std::move(handler));
}

grpc::ServerUnaryReactor* AuditService::QueryEntries(grpc::CallbackServerContext* ctx,
                                                     const v1::QueryEntriesRequest* req,
                                                     v1::QueryEntriesResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckName(v, "purpose", req->purpose(), 500);
    if (req->page_size() < 0) v.Add("page_size", "must not be negative");
    // These go into the query's own audit record: bounded, so no record outgrows a relay batch.
    for (const auto& [field, value] :
         {std::pair<const char*, const std::string&>{"object_id", req->object_id()},
          {"principal_id", req->principal_id()},
          {"organisation_id", req->organisation_id()},
          {"event_type", req->event_type()}}) {
      if (value.size() > 256) v.Add(field, "must be at most 256 characters");
    }
    int64_t after = -1;
    if (!req->page_token().empty() && !DecodeIndexPageToken(req->page_token(), &after)) {
      v.Add("page_token", "is not a token this service gave out");
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    QueryFilter filter{req->object_id(),  req->principal_id(), req->organisation_id(),
                       req->event_type(), std::nullopt,        std::nullopt};
    if (req->has_start_time()) {
      filter.start_time = absl::FromUnixSeconds(req->start_time().seconds());
    }
    if (req->has_end_time()) filter.end_time = absl::FromUnixSeconds(req->end_time().seconds());
    if (!caller.HasRole(v1::ROLE_AUDITOR)) {
      // A supervisor reads the records of their own organisation only.
      if (!filter.organisation_id.empty() &&
          filter.organisation_id != caller.principal.organisation_id) {
        return absl::PermissionDeniedError("supervisors query their own organisation's records");
      }
      filter.organisation_id = caller.principal.organisation_id;
    }
    // The look at the log is itself on record before anything is shown.
    v1::AuditRecord record = audit_->NewRecord(caller, v1::AUDIT_ACTION_READ, "audit.query");
    record.set_purpose_of_use(req->purpose());
    if (!filter.object_id.empty()) {
      auto* o = record.add_objects();
      o->set_type("object");
      o->set_id(filter.object_id);
    }
    if (!filter.principal_id.empty()) {
      auto* o = record.add_objects();
      o->set_type("principal");
      o->set_id(filter.principal_id);
    }
    SCHAKEL_RETURN_IF_ERROR(audit_->RecordDurably(record));
    const int limit = req->page_size() == 0 ? kAuditDefaultPageSize
                                            : std::min(req->page_size(), kAuditMaxPageSize);
    // Read before the entries: whatever a source delivered up to its watermark is in the answer.
    SCHAKEL_ASSIGN_OR_RETURN(auto watermarks, log_->Watermarks());
    for (auto& w : watermarks) *resp->add_watermarks() = std::move(w);
    SCHAKEL_ASSIGN_OR_RETURN(auto entries, log_->Query(filter, after, limit + 1));
    const bool more = static_cast<int>(entries.size()) > limit;
    if (more) entries.pop_back();
    for (auto& e : entries) *resp->add_entries() = std::move(e);
    if (more) {
      resp->set_next_page_token(IndexPageToken(resp->entries().rbegin()->index()));
    }
    return absl::OkStatus();
  };
  return Handle(ctx, "QueryEntries", *req,
                {Asked("object", req->object_id()), Asked("principal", req->principal_id()),
                 Asked("organisation", req->organisation_id())},
                std::move(handler));
}

// Streams the header, then the entries in batches of kExportBatch: one Step each, so every read
// runs on the worker pool once the previous message was written, and the auditor is authorized
// again before each.
class AuditService::ExportReactor final : public ServerStream<v1::ExportLogResponse> {
 public:
  ExportReactor(AuditService* service, grpc::CallbackServerContext* ctx, int64_t tree_size)
      : ServerStream(ctx, {.env = &service->env_,
                           .authorizer = service->authorizer_,
                           .audit = service->audit_,
                           .service = service->name(),
                           .method = "ExportLog"}),
        service_(service),
        tree_size_(tree_size) {}

 private:
  absl::Status Step(const CallContext& call) override {
    if (!header_sent_) {
      header_sent_ = true;
      return SendHeader(call.caller());
    }
    return SendBatch();
  }

  absl::Status SendHeader(const Caller& caller) {
    v1::SignedCheckpoint cp;
    if (tree_size_ == 0) {
      SCHAKEL_ASSIGN_OR_RETURN(cp, service_->log_->SignOnDemand());
    } else {
      SCHAKEL_ASSIGN_OR_RETURN(auto at, service_->log_->CheckpointAt(tree_size_));
      if (!at) return absl::NotFoundError("no checkpoint was signed for that tree size");
      cp = *std::move(at);
    }
    end_ = cp.tree_size();
    v1::AuditRecord record =
        service_->audit_->NewRecord(caller, v1::AUDIT_ACTION_EXECUTE, "audit.export");
    record.set_purpose_of_use("export for offline verification");
    SCHAKEL_RETURN_IF_ERROR(service_->audit_->RecordDurably(record));
    v1::ExportLogResponse message;
    auto* header = message.mutable_header();
    *header->mutable_checkpoint() = std::move(cp);
    header->set_verifier_key(service_->log_->VerifierKey());
    Send(std::move(message));
    Continue();
    return absl::OkStatus();
  }

  absl::Status SendBatch() {
    SCHAKEL_ASSIGN_OR_RETURN(
        auto entries,
        service_->log_->ReadEntries(next_, std::min<int64_t>(kExportBatch, end_ - next_)));
    if (entries.empty()) return absl::DataLossError("entries missing below the checkpoint");
    v1::ExportLogResponse message;
    for (auto& e : entries) message.mutable_entries()->add_entries(std::move(e));
    next_ += static_cast<int64_t>(entries.size());
    Send(std::move(message));
    Continue();
    return absl::OkStatus();
  }

  // Another batch after this message, or the end once every entry is queued.
  void Continue() {
    if (next_ >= end_) {
      End(absl::OkStatus());
    } else {
      Wake();
    }
  }

  AuditService* service_;
  const int64_t tree_size_;
  // Steps never overlap, and each starts after the previous one ended.
  bool header_sent_ = false;
  int64_t next_ = 0;
  int64_t end_ = 0;
};

grpc::ServerWriteReactor<v1::ExportLogResponse>* AuditService::ExportLog(
    grpc::CallbackServerContext* ctx, const v1::ExportLogRequest* req) {
  return ExportReactor::Start(std::make_shared<ExportReactor>(this, ctx, req->tree_size()));
}

std::unique_ptr<HostedService> NewAuditService() { return std::make_unique<AuditService>(); }

}  // namespace schakel::audit
