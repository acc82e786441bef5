// schakelctl audit prove and audit entries: a partner proves its own records from bytes it holds.
#include <chrono>
#include <iostream>
#include <thread>

#include <google/protobuf/util/time_util.h>

#include "absl/flags/declare.h"
#include "absl/flags/flag.h"
#include "absl/strings/numbers.h"
#include "client/cli/audit_shared.h"
#include "client/cli/cli.h"
#include "client/lib/audit_verify.h"
#include "schakel/v1/audit.grpc.pb.h"

ABSL_DECLARE_FLAG(std::string, org);
ABSL_DECLARE_FLAG(std::string, event_type);
ABSL_DECLARE_FLAG(int, page_size);
ABSL_DECLARE_FLAG(std::string, page_token);

namespace schakel::cli {
namespace {

// The inclusion proof for `req`, waiting while the entry is newer than the latest checkpoint
// (the log signs on demand at most once per interval, and answers UNAVAILABLE until then).
grpc::Status ProofFor(v1::AuditService::Stub* stub, const v1::GetInclusionProofRequest& req,
                      v1::GetInclusionProofResponse* resp) {
  grpc::Status st;
  for (int attempt = 0; attempt < 15; ++attempt) {
    auto ctx = NewContext();
    st = stub->GetInclusionProof(ctx.get(), req, resp);
    if (st.error_code() != grpc::StatusCode::UNAVAILABLE) return st;
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  return st;
}

}  // namespace

// Proves that an entry is in the signed log and, from the entry's stored bytes (SUPERVISOR and
// AUDITOR may fetch those of their organisation), that it is the event asked for: the leaf is
// recomputed here from the bytes, and the event id inside them must be the one asked for.
int AuditProve(const Args& args) {
  if (args.size() != 2) return UsageError("usage: audit prove EVENT_ID|INDEX");
  auto stub = AuditStub();
  if (!stub) return 2;
  int64_t asked_index = -1;
  const bool by_index = absl::SimpleAtoi(args[1], &asked_index);
  v1::GetEntryRequest ereq;
  if (by_index) {
    ereq.set_index(asked_index);
  } else {
    ereq.set_event_id(args[1]);
  }
  v1::GetEntryResponse stored;
  auto ectx = NewContext();
  grpc::Status est = stub->GetEntry(ectx.get(), ereq, &stored);
  const bool have_bytes = est.ok();
  if (!have_bytes && est.error_code() != grpc::StatusCode::PERMISSION_DENIED) {
    return PrintRpcError(est);
  }
  v1::GetInclusionProofRequest req;
  if (have_bytes) {
    req.set_index(stored.index());
  } else if (by_index) {
    req.set_index(asked_index);
  } else {
    req.set_event_id(args[1]);
  }
  v1::GetInclusionProofResponse resp;
  grpc::Status st = ProofFor(stub.get(), req, &resp);
  if (!st.ok()) return PrintRpcError(st);
  bool from_server = false;
  auto verifier = TrustedVerifier(stub.get(), &from_server);
  if (!verifier.ok()) return UsageError(verifier.status().message());
  client::InclusionQuestion asked;
  if (by_index) {
    asked.index = asked_index;
  } else {
    asked.event_id = args[1];
  }
  const client::InclusionVerdict verdict =
      client::VerifyInclusionAnswer(resp, have_bytes ? &stored : nullptr, asked, *verifier);
  switch (verdict.failure) {
    case client::InclusionFailure::kCheckpoint:
      std::cout << "checkpoint: INVALID: " << verdict.status.message() << "\n";
      return 1;
    case client::InclusionFailure::kWrongProof:
      std::cout << "inclusion: FAILED: " << verdict.status.message() << "\n";
      return 1;
    case client::InclusionFailure::kEntryUnreadable:
    case client::InclusionFailure::kEntryIndex:
    case client::InclusionFailure::kEntryEvent:
    case client::InclusionFailure::kRecordMismatch:
      std::cout << "entry:     FAILED: " << verdict.status.message() << "\n";
      return 1;
    case client::InclusionFailure::kNone:
    case client::InclusionFailure::kInclusion:
      break;
  }
  if (have_bytes) {
    if (verdict.server_leaf_differs) {
      std::cout << "leaf:      the server's leaf hash differs from the one of the stored bytes\n";
    }
    if (verdict.entry_format >= 2) {
      std::cout << "event:     " << verdict.entry_event_id << " (inside the hashed bytes)\n";
    } else {
      std::cout << "event:     NOT CHECKED: entry format " << verdict.entry_format
                << " does not carry its event id in the hashed bytes\n";
    }
    if (stored.has_record()) {
      std::cout << "record:    " << stored.record().event_type() << " at "
                << google::protobuf::util::TimeUtil::ToString(stored.record().event_time())
                << " by " << stored.record().user().principal_id() << "\n";
    }
  }
  std::cout << "entry " << resp.index() << " in tree of size " << resp.tree_size() << "\n"
            << "leaf hash: " << B64(verdict.leaf_hash)
            << (have_bytes ? " (recomputed from the stored bytes)" : " (as the server gave it)")
            << "\n"
            << "root:      " << B64(resp.checkpoint().root_hash()) << " (signed checkpoint)\n"
            << "proof:     " << resp.proof_size() << " hashes\n"
            << "inclusion: "
            << (verdict.ok() ? "verified" : "FAILED: " + std::string(verdict.status.message()))
            << "\n";
  if (!have_bytes) {
    std::cout << "note: the entry's bytes are for its organisation's supervisors and auditors; "
                 "without them the proof covers the leaf hash the server gave\n";
  }
  return verdict.ok() ? 0 : 1;
}

int AuditEntries() {
  auto stub = AuditStub();
  if (!stub) return 2;
  v1::ListEntriesRequest req;
  req.set_organisation_id(absl::GetFlag(FLAGS_org));
  req.set_event_type(absl::GetFlag(FLAGS_event_type));
  req.set_page_size(absl::GetFlag(FLAGS_page_size));
  req.set_page_token(absl::GetFlag(FLAGS_page_token));
  auto ctx = NewContext();
  v1::ListEntriesResponse resp;
  grpc::Status st = stub->ListEntries(ctx.get(), req, &resp);
  if (!st.ok()) return PrintRpcError(st);
  Print(resp);
  return 0;
}

}  // namespace schakel::cli
