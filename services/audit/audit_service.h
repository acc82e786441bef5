// AuditService: the gRPC face of the AuditLog. See proto/schakel/v1/audit.proto for who may call
// what; this class adds the checks that depend on the entry (a user sees proofs of their own
// organisation's entries) and records every query, export and shredding in the log itself.
#ifndef SCHAKEL_SERVICES_AUDIT_AUDIT_SERVICE_H_
#define SCHAKEL_SERVICES_AUDIT_AUDIT_SERVICE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "schakel/v1/audit.grpc.pb.h"
#include "services/audit/audit_log.h"
#include "services/common/audit_trail.h"
#include "services/common/authz.h"
#include "services/common/hosted_service.h"
#include "services/common/rpc.h"
#include "services/common/validation.h"
#include "services/runtime/service_runtime.h"

namespace schakel::audit {

AuthorizationTable AuditAuthorizationTable();

// The first moment `period` ("YYYY-MM") may be shredded: `retention_years` after the period
// ended (entries are keyed by the month they were appended in, so every entry of the period is
// at least that old by then).
absl::Time ShreddableFrom(absl::CivilMonth period, int retention_years);

// Pages of QueryEntries and ListEntries: larger than the service kit's (records are small).
inline constexpr int kAuditDefaultPageSize = 100;
inline constexpr int kAuditMaxPageSize = 1000;

// The limits of an Append batch: the relays' batches (records, 1000), and the objects of one
// record, which the services write and which may name a whole inbox or a case's handovers: far
// more than a request's default, still bounded (a record refused here would stall its relay).
inline constexpr int kMaxObjectsPerRecord = 10000;
const RepeatedLimits& AppendLimits();

// An object a request names, for the record of its refusal (the record cuts a long id, see
// kMaxAskedIdBytes).
AskedObject Asked(absl::string_view type, absl::string_view id);
// What GetEntry and GetInclusionProof ask for: the entry at an index ("audit_entry", as in the
// record of a read entry) or the entry of an event id ("audit_event").
template <typename EntryRequest>
std::vector<AskedObject> AskedEntry(const EntryRequest& req) {
  if (req.entry_case() == EntryRequest::kIndex) {
    return {Asked("audit_entry", absl::StrCat(req.index()))};
  }
  return {Asked("audit_event", req.event_id())};
}

// Page tokens of the audit log's listings: the last index of the page, opaque to clients.
std::string IndexPageToken(int64_t index);
bool DecodeIndexPageToken(const std::string& token, int64_t* after);

class AuditService final : public v1::AuditService::CallbackService, public HostedService {
 public:
  AuditService() = default;
  ~AuditService() override;

  absl::string_view name() const override { return "audit"; }
  absl::string_view full_name() const override { return "schakel.v1.AuditService"; }
  grpc::Service* grpc_service() override { return this; }
  // Opens <data_dir>/audit.db and the keys named by the config's `audit` section.
  absl::Status Open(const HostEnv& env) override;
  sqlite::Database* outbox_database() override { return db_; }
  // Roles of the callers, from the directory. Its own audit records reach it by its outbox.
  std::vector<std::string> calls() const override { return {kDirectoryService}; }
  void Stop() override;
  // The log's size and the age of its newest checkpoint.
  std::vector<MetricSample> MetricSamples() override;

  AuditLog& log() { return *log_; }

  grpc::ServerUnaryReactor* Append(grpc::CallbackServerContext* ctx, const v1::AppendRequest* req,
                                   v1::AppendResponse* resp) override;
  grpc::ServerUnaryReactor* GetCheckpoint(grpc::CallbackServerContext* ctx,
                                          const v1::GetCheckpointRequest* req,
                                          v1::GetCheckpointResponse* resp) override;
  grpc::ServerUnaryReactor* GetVerifierKey(grpc::CallbackServerContext* ctx,
                                           const v1::GetVerifierKeyRequest* req,
                                           v1::GetVerifierKeyResponse* resp) override;
  grpc::ServerUnaryReactor* GetInclusionProof(grpc::CallbackServerContext* ctx,
                                              const v1::GetInclusionProofRequest* req,
                                              v1::GetInclusionProofResponse* resp) override;
  grpc::ServerUnaryReactor* GetConsistencyProof(grpc::CallbackServerContext* ctx,
                                                const v1::GetConsistencyProofRequest* req,
                                                v1::GetConsistencyProofResponse* resp) override;
  grpc::ServerUnaryReactor* QueryEntries(grpc::CallbackServerContext* ctx,
                                         const v1::QueryEntriesRequest* req,
                                         v1::QueryEntriesResponse* resp) override;
  grpc::ServerWriteReactor<v1::ExportLogResponse>* ExportLog(
      grpc::CallbackServerContext* ctx, const v1::ExportLogRequest* req) override;
  grpc::ServerUnaryReactor* ProposeShred(grpc::CallbackServerContext* ctx,
                                         const v1::ProposeShredRequest* req,
                                         v1::ProposeShredResponse* resp) override;
  grpc::ServerUnaryReactor* ApproveShred(grpc::CallbackServerContext* ctx,
                                         const v1::ApproveShredRequest* req,
                                         v1::ApproveShredResponse* resp) override;
  grpc::ServerUnaryReactor* ListEntries(grpc::CallbackServerContext* ctx,
                                        const v1::ListEntriesRequest* req,
                                        v1::ListEntriesResponse* resp) override;
  grpc::ServerUnaryReactor* GetEntry(grpc::CallbackServerContext* ctx,
                                     const v1::GetEntryRequest* req,
                                     v1::GetEntryResponse* resp) override;

 private:
  class ExportReactor;
  // Every unary RPC's edge: `asked` names the objects `request` asks for, so that the record of
  // a refusal names them (issue 11, item 9); a request with more entries in a repeated field than
  // `limits` allow is INVALID_ARGUMENT, naming the field, before `handler` runs (item 12).
  grpc::ServerUnaryReactor* Handle(grpc::CallbackServerContext* ctx, absl::string_view method,
                                   const google::protobuf::Message& request,
                                   std::vector<AskedObject> asked, RpcHandler handler,
                                   const RepeatedLimits& limits = StandardRepeatedLimits());
  void ScheduleCheckpoint();
  // The source a record from `caller` is stored under (see Append in audit.proto), or
  // PERMISSION_DENIED.
  static absl::StatusOr<std::string> SourceOf(const Caller& caller, const std::string& named);
  // Records a refused attempt to shred (a wrong state, a period too young), durably: every step
  // towards destroying audit content is on record, not only the ones that succeed.
  absl::Status RecordShredRefusal(const Caller& caller, absl::string_view step,
                                  const std::string& period, const absl::Status& refusal);

  HostEnv env_;
  ServiceRuntime rt_;
  sqlite::Database* db_ = nullptr;  // rt_'s parts, by short names
  Authorizer* authorizer_ = nullptr;
  AuditTrail* audit_ = nullptr;
  std::unique_ptr<AuditLog> log_;
  // audit.retention_years and audit.shred_approval_hours, with their defaults.
  int retention_years_ = 20;
  absl::Duration shred_approval_term_ = absl::Hours(72);
  absl::Duration on_demand_interval_ = absl::Seconds(1);
  // MaybeCheckpoint every second, on the host's scheduler.
  ScheduledJob checkpoint_job_;
};

// A new AuditService, for the host's registry: the service's (heavy) constructor is compiled here,
// in the service's library, not in every file that hosts it.
std::unique_ptr<HostedService> NewAuditService();

}  // namespace schakel::audit

#endif  // SCHAKEL_SERVICES_AUDIT_AUDIT_SERVICE_H_
