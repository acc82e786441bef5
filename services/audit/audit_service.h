// AuditService: the gRPC face of the AuditLog. See proto/schakel/v1/audit.proto for who may call
// what; this class adds the checks that depend on the entry (a user sees proofs of their own
// organisation's entries) and records every query, export and shredding in the log itself.
#ifndef SCHAKEL_SERVICES_AUDIT_AUDIT_SERVICE_H_
#define SCHAKEL_SERVICES_AUDIT_AUDIT_SERVICE_H_

#include <memory>
#include <string>
#include <vector>

#include "schakel/v1/audit.grpc.pb.h"
#include "services/audit/audit_log.h"
#include "services/common/audit_trail.h"
#include "services/common/authz.h"
#include "services/common/hosted_service.h"
#include "services/common/rpc.h"
#include "services/runtime/service_runtime.h"

namespace schakel::audit {

AuthorizationTable AuditAuthorizationTable();

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
  grpc::ServerUnaryReactor* ShredPeriod(grpc::CallbackServerContext* ctx,
                                        const v1::ShredPeriodRequest* req,
                                        v1::ShredPeriodResponse* resp) override;

 private:
  class ExportReactor;
  grpc::ServerUnaryReactor* Handle(grpc::CallbackServerContext* ctx, absl::string_view method,
                                   RpcHandler handler);
  void ScheduleCheckpoint();

  HostEnv env_;
  ServiceRuntime rt_;
  sqlite::Database* db_ = nullptr;  // rt_'s parts, by short names
  Authorizer* authorizer_ = nullptr;
  AuditTrail* audit_ = nullptr;
  std::unique_ptr<AuditLog> log_;
  // MaybeCheckpoint every second, on the host's scheduler.
  ScheduledJob checkpoint_job_;
};

}  // namespace schakel::audit

#endif  // SCHAKEL_SERVICES_AUDIT_AUDIT_SERVICE_H_
