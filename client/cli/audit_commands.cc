// schakelctl audit ...: checkpoints, proofs, entry listings, queries, shredding, exports — and the
// offline verification a partner organisation runs for itself (check-proof, verify-export,
// monitor).
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include <google/protobuf/io/zero_copy_stream_impl.h>
#include <google/protobuf/text_format.h>
#include <google/protobuf/util/delimited_message_util.h>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/time_util.h>

#include "absl/flags/declare.h"
#include "absl/flags/flag.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/time/time.h"
#include "client/cli/audit_shared.h"
#include "client/cli/cli.h"
#include "schakel/v1/audit.grpc.pb.h"
#include "schakel/v1/cli.pb.h"
#include "services/common/tls.h"
#include "services/transparency/merkle.h"
#include "services/transparency/note.h"

ABSL_FLAG(std::string, verifier_key, "",
          "audit: the checkpoint verifier key to trust (default: var/keys/audit.vkey, else the "
          "server's, trusted on first use)");
ABSL_FLAG(bool, trust_export_key, false,
          "audit verify-export: use the verifier key inside the export (proves integrity only)");
ABSL_FLAG(bool, fresh, false, "audit checkpoint: ask for a newly signed checkpoint");
ABSL_FLAG(std::string, file, "", "audit check-proof: the proof JSON file");
ABSL_FLAG(std::string, state, "",
          "audit monitor: the state file; handover list: comma-separated handover states "
          "(proposed,accepted,declined,withdrawn,expired)");
ABSL_FLAG(std::string, out, "", "audit export: the file to write");
ABSL_FLAG(std::string, object, "", "audit query: a case, report, person pseudonym ... id");
ABSL_FLAG(std::string, principal_filter, "", "audit query: records of this principal");
ABSL_FLAG(std::string, event_type, "", "audit query: records of this event type");
ABSL_FLAG(std::string, since, "", "audit query: from this time (RFC 3339)");
ABSL_FLAG(std::string, until, "", "audit query: until this time (RFC 3339)");
ABSL_FLAG(std::string, purpose, "", "audit query: why you look (recorded)");

ABSL_DECLARE_FLAG(std::string, org);
ABSL_DECLARE_FLAG(bool, json);
ABSL_DECLARE_FLAG(std::string, reason);
ABSL_DECLARE_FLAG(int, page_size);
ABSL_DECLARE_FLAG(std::string, page_token);

namespace schakel::cli {

using audit::merkle::Hash;
namespace note = audit::note;

std::unique_ptr<v1::AuditService::Stub> AuditStub() {
  auto channel = Connect(v1::AuditService::service_full_name());
  if (!channel.ok()) {
    UsageError(channel.status().message());
    return nullptr;
  }
  return v1::AuditService::NewStub(*channel);
}

// The verifier key to trust, in order: --verifier-key, var/keys/audit.vkey, the server's.
absl::StatusOr<std::string> TrustedVerifierKey(v1::AuditService::Stub* stub, bool* from_server) {
  std::string key = absl::GetFlag(FLAGS_verifier_key);
  *from_server = false;
  if (key.empty()) {
    auto file = ReadFileToString(PkiDir().parent_path() / "keys" / "audit.vkey");
    if (file.ok()) key = std::string(absl::StripAsciiWhitespace(*file));
  }
  if (key.empty() && stub != nullptr) {
    auto ctx = NewContext();
    v1::GetVerifierKeyResponse resp;
    grpc::Status st = stub->GetVerifierKey(ctx.get(), {}, &resp);
    if (!st.ok()) return absl::UnavailableError(st.error_message());
    key = resp.verifier_key();
    *from_server = true;
  }
  if (key.empty()) return absl::InvalidArgumentError("no verifier key: pass --verifier-key");
  return key;
}

absl::StatusOr<note::Verifier> TrustedVerifier(v1::AuditService::Stub* stub, bool* from_server) {
  auto key = TrustedVerifierKey(stub, from_server);
  if (!key.ok()) return key.status();
  return note::ParseVerifierKey(*key);
}

std::string B64(absl::string_view bytes) { return absl::Base64Escape(bytes); }

namespace {

constexpr int kValid = 0;
constexpr int kInvalid = 1;
constexpr int kMalformed = 2;

int Checkpoint() {
  auto stub = AuditStub();
  if (!stub) return 2;
  v1::GetCheckpointRequest req;
  req.set_fresh(absl::GetFlag(FLAGS_fresh));
  v1::GetCheckpointResponse resp;
  auto ctx = NewContext();
  grpc::Status st = stub->GetCheckpoint(ctx.get(), req, &resp);
  if (!st.ok()) return PrintRpcError(st);
  bool from_server = false;
  auto verifier = TrustedVerifier(stub.get(), &from_server);
  if (!verifier.ok()) return UsageError(verifier.status().message());
  absl::Status valid = VerifyCheckpoint(resp.checkpoint(), *verifier);
  if (absl::GetFlag(FLAGS_json)) {
    Print(resp.checkpoint());
  } else {
    const v1::SignedCheckpoint& cp = resp.checkpoint();
    std::cout << "origin:    " << cp.origin() << "\n"
              << "entries:   " << cp.tree_size() << "\n"
              << "root:      " << B64(cp.root_hash()) << "\n"
              << "signed at: " << google::protobuf::util::TimeUtil::ToString(cp.time()) << "\n";
  }
  std::cout << "signature: " << (valid.ok() ? "valid" : "INVALID: " + std::string(valid.message()))
            << (from_server ? " (key from the server, trusted on first use)" : "") << "\n";
  return valid.ok() ? 0 : 1;
}

int PublicKey() {
  auto stub = AuditStub();
  if (!stub) return 2;
  auto ctx = NewContext();
  v1::GetVerifierKeyResponse resp;
  grpc::Status st = stub->GetVerifierKey(ctx.get(), {}, &resp);
  if (!st.ok()) return PrintRpcError(st);
  std::cout << resp.verifier_key() << "\n";
  return 0;
}

absl::StatusOr<google::protobuf::Timestamp> TimeFlag(const std::string& text) {
  google::protobuf::Timestamp ts;
  if (!google::protobuf::util::TimeUtil::FromString(text, &ts)) {
    return absl::InvalidArgumentError("'" + text + "' is not an RFC 3339 time");
  }
  return ts;
}

int Query() {
  auto stub = AuditStub();
  if (!stub) return 2;
  v1::QueryEntriesRequest req;
  req.set_object_id(absl::GetFlag(FLAGS_object));
  req.set_principal_id(absl::GetFlag(FLAGS_principal_filter));
  req.set_organisation_id(absl::GetFlag(FLAGS_org));
  req.set_event_type(absl::GetFlag(FLAGS_event_type));
  req.set_purpose(absl::GetFlag(FLAGS_purpose));
  req.set_page_size(absl::GetFlag(FLAGS_page_size));
  req.set_page_token(absl::GetFlag(FLAGS_page_token));
  if (!absl::GetFlag(FLAGS_since).empty()) {
    auto t = TimeFlag(absl::GetFlag(FLAGS_since));
    if (!t.ok()) return UsageError(t.status().message());
    *req.mutable_start_time() = *t;
  }
  if (!absl::GetFlag(FLAGS_until).empty()) {
    auto t = TimeFlag(absl::GetFlag(FLAGS_until));
    if (!t.ok()) return UsageError(t.status().message());
    *req.mutable_end_time() = *t;
  }
  auto ctx = NewContext();
  v1::QueryEntriesResponse resp;
  grpc::Status st = stub->QueryEntries(ctx.get(), req, &resp);
  if (!st.ok()) return PrintRpcError(st);
  Print(resp);
  return 0;
}

// audit shred propose YYYY-MM --reason=... ; audit shred approve YYYY-MM (another auditor).
int Shred(const Args& args) {
  if (args.size() != 3 || (args[1] != "propose" && args[1] != "approve")) {
    return UsageError(
        "usage: audit shred propose YYYY-MM --reason=... | audit shred approve YYYY-MM");
  }
  auto stub = AuditStub();
  if (!stub) return 2;
  auto ctx = NewContext();
  grpc::Status st;
  if (args[1] == "propose") {
    v1::ProposeShredRequest req;
    req.set_request_id(RequestId());
    req.set_period(args[2]);
    req.set_reason(absl::GetFlag(FLAGS_reason));
    v1::ProposeShredResponse resp;
    st = stub->ProposeShred(ctx.get(), req, &resp);
    if (st.ok()) Print(resp);
  } else {
    v1::ApproveShredRequest req;
    req.set_request_id(RequestId());
    req.set_period(args[2]);
    v1::ApproveShredResponse resp;
    st = stub->ApproveShred(ctx.get(), req, &resp);
    if (st.ok()) Print(resp);
  }
  return st.ok() ? 0 : PrintRpcError(st);
}

int Export() {
  const std::string out_path = absl::GetFlag(FLAGS_out);
  if (out_path.empty()) return UsageError("usage: audit export --out=FILE");
  auto stub = AuditStub();
  if (!stub) return 2;
  grpc::ClientContext ctx;  // no deadline: an export may be large
  auto reader = stub->ExportLog(&ctx, {});
  std::ofstream file(out_path, std::ios::binary | std::ios::trunc);
  if (!file) return UsageError("cannot write " + out_path);
  google::protobuf::io::OstreamOutputStream stream(&file);
  v1::ExportLogResponse message;
  int64_t entries = 0;
  while (reader->Read(&message)) {
    entries += message.entries().entries_size();
    google::protobuf::util::SerializeDelimitedToZeroCopyStream(message, &stream);
  }
  grpc::Status st = reader->Finish();
  if (!st.ok()) return PrintRpcError(st);
  std::cout << "exported " << entries << " entries to " << out_path << "\n";
  return 0;
}

// Reads an export: header first, then entry batches. Verifies every leaf into a tree and the root
// against the signed checkpoint (client::VerifyExport, as the desktop client does).
int VerifyExport(const Args& args) {
  if (args.size() != 2) return UsageError("usage: audit verify-export FILE [--verifier-key=KEY]");
  std::ifstream file(args[1], std::ios::binary);
  if (!file) return UsageError("cannot read " + args[1]);
  // The key must come from the user (--verifier-key or var/keys/audit.vkey): a key taken from the
  // export itself proves nothing about who signed it. --trust-export-key says so explicitly.
  auto choose = [](const v1::ExportHeader& header,
                   bool* from_export) -> absl::StatusOr<note::Verifier> {
    if (absl::GetFlag(FLAGS_trust_export_key)) {
      *from_export = true;
      return note::ParseVerifierKey(header.verifier_key());
    }
    bool unused = false;
    auto key = TrustedVerifierKey(nullptr, &unused);
    if (!key.ok()) {
      return absl::InvalidArgumentError(
          "no verifier key to trust: pass --verifier-key=KEY (from the log's operator), or "
          "--trust-export-key to use the one inside the export");
    }
    return note::ParseVerifierKey(*key);
  };
  int last_percent = -1;
  bool drew = false;
  auto progress = [&](int64_t done, int64_t total) {
    const int percent = total > 0 ? static_cast<int>(done * 100 / total) : 100;
    if (total >= 10000 && percent != last_percent) {
      std::cerr << "\rverifying [" << std::string(percent / 5, '#')
                << std::string(20 - percent / 5, ' ') << "] " << percent << "% (" << done << "/"
                << total << ")" << std::flush;
      last_percent = percent;
      drew = true;
    }
    return true;
  };
  const client::ExportVerdict verdict = client::VerifyExport(file, choose, progress);
  if (drew) std::cerr << "\n";
  switch (verdict.failure) {
    case client::ExportFailure::kNone:
      break;
    case client::ExportFailure::kNoHeader:
      std::cerr << "verify-export: " << args[1] << " does not start with an export header\n";
      return kMalformed;
    case client::ExportFailure::kKey:
      std::cerr << "verify-export: " << verdict.status.message() << "\n";
      return kMalformed;
    case client::ExportFailure::kCheckpoint:
      std::cout << "checkpoint signature: INVALID: " << verdict.status.message() << "\n";
      return kInvalid;
    case client::ExportFailure::kRoot:
      std::cout << "entries:   " << verdict.total << "\n"
                << "root:      DOES NOT MATCH the signed checkpoint\n";
      return kInvalid;
    default:
      std::cout << verdict.status.message() << "\n";
      return kInvalid;
  }
  std::cout << "entries:   " << verdict.total << "\n"
            << "root:      matches the signed checkpoint\n"
            << "signature: valid"
            << (verdict.key_from_export
                    ? " (key taken from the export itself: NOT an independent check)"
                    : "")
            << "\n";
  return kValid;
}

int Monitor() {
  const std::string path = absl::GetFlag(FLAGS_state);
  if (path.empty()) return UsageError("usage: audit monitor --state=FILE");
  v1::MonitorState state;
  if (std::filesystem::exists(path)) {
    // A state file that exists must be a good one: treating a damaged file as a first run would
    // silently trust whatever key and size the server offers now.
    auto text = ReadFileToString(path);
    if (!text.ok() || !google::protobuf::TextFormat::ParseFromString(*text, &state) ||
        state.verifier_key().empty()) {
      return UsageError(path +
                        " exists but is not a valid monitor state; restore it or remove it "
                        "deliberately to start over");
    }
  }
  auto stub = AuditStub();
  if (!stub) return 2;
  if (state.verifier_key().empty()) {
    bool from_server = false;
    auto key = TrustedVerifierKey(stub.get(), &from_server);
    if (!key.ok()) return UsageError(key.status().message());
    state.set_verifier_key(*key);
    if (from_server) std::cout << "pinned the server's verifier key " << *key << "\n";
  }
  auto verifier = note::ParseVerifierKey(state.verifier_key());
  if (!verifier.ok()) return UsageError(verifier.status().message());

  auto ctx = NewContext();
  v1::GetCheckpointResponse latest;
  grpc::Status st = stub->GetCheckpoint(ctx.get(), {}, &latest);
  if (!st.ok()) return PrintRpcError(st);
  const v1::SignedCheckpoint& cp = latest.checkpoint();
  if (absl::Status valid = VerifyCheckpoint(cp, *verifier); !valid.ok()) {
    std::cout << "ALERT: the log's checkpoint signature is invalid: " << valid.message() << "\n";
    return 1;
  }
  if (state.tree_size() > 0) {
    if (cp.tree_size() < state.tree_size()) {
      std::cout << "ALERT: the log shrank from " << state.tree_size() << " to " << cp.tree_size()
                << " entries\n";
      return 1;
    }
    v1::GetConsistencyProofRequest req;
    req.set_size1(state.tree_size());
    req.set_size2(cp.tree_size());
    v1::GetConsistencyProofResponse proof;
    auto pctx = NewContext();
    st = stub->GetConsistencyProof(pctx.get(), req, &proof);
    if (!st.ok()) return PrintRpcError(st);
    bool ok = false;
    std::vector<Hash> hashes = ToHashes(proof.proof(), &ok);
    auto old_root = audit::merkle::HashFromBytes(state.root_hash());
    auto new_root = audit::merkle::HashFromBytes(cp.root_hash());
    absl::Status consistent =
        ok && old_root.ok() && new_root.ok()
            ? audit::merkle::VerifyConsistency(state.tree_size(), cp.tree_size(), *old_root,
                                               *new_root, hashes)
            : absl::InvalidArgumentError("a hash in the answer is not 32 bytes");
    if (!consistent.ok()) {
      std::cout << "ALERT: checkpoint of size " << cp.tree_size()
                << " is NOT consistent with the verified one of size " << state.tree_size() << ": "
                << consistent.message() << "\n";
      return 1;
    }
    std::cout << "consistent: " << state.tree_size() << " -> " << cp.tree_size()
              << " entries; the log only grew\n";
  } else {
    std::cout << "first checkpoint verified: " << cp.tree_size() << " entries\n";
  }
  state.set_tree_size(cp.tree_size());
  state.set_root_hash(cp.root_hash());
  state.set_signed_note(cp.signed_note());
  std::string text;
  google::protobuf::TextFormat::PrintToString(state, &text);
  // Write beside it, then rename: a crash leaves the old state or the new one, never half.
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << text;
    out.flush();
    if (!out) return UsageError("cannot write " + tmp);
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return UsageError("cannot replace " + path + ": " + ec.message());
  return 0;
}

// Exit 0 valid, 1 invalid, 2 malformed input.
int CheckProof() {
  const std::string path = absl::GetFlag(FLAGS_file);
  if (path.empty()) {
    std::cerr << "usage: audit check-proof --file=F.json\n";
    return kMalformed;
  }
  auto json = ReadFileToString(path);
  if (!json.ok()) {
    std::cerr << "check-proof: " << json.status().message() << "\n";
    return kMalformed;
  }
  v1::ProofFile proof;
  if (auto st = google::protobuf::util::JsonStringToMessage(*json, &proof); !st.ok()) {
    std::cerr << "check-proof: malformed JSON: " << st.message() << "\n";
    return kMalformed;
  }
  bool hashes_ok = false;
  std::vector<Hash> path_hashes = ToHashes(proof.proof(), &hashes_ok);
  absl::Status result;
  if (proof.kind() == "inclusion") {
    if (!proof.has_leaf_index() || !proof.has_tree_size() || !proof.has_leaf_hash() ||
        !proof.has_root() || proof.leaf_index() < 0 || proof.tree_size() < 0) {
      std::cerr << "check-proof: an inclusion proof needs leaf_index, tree_size (>= 0), "
                   "leaf_hash and root\n";
      return kMalformed;
    }
    auto leaf = audit::merkle::HashFromBytes(proof.leaf_hash());
    auto root = audit::merkle::HashFromBytes(proof.root());
    result = !hashes_ok || !leaf.ok() || !root.ok()
                 ? absl::InvalidArgumentError("every hash must be 32 bytes (SHA-256)")
                 : audit::merkle::VerifyInclusion(proof.leaf_index(), proof.tree_size(), *leaf,
                                                  path_hashes, *root);
  } else if (proof.kind() == "consistency") {
    if (!proof.has_size1() || !proof.has_size2() || !proof.has_root1() || !proof.has_root2() ||
        proof.size1() < 0 || proof.size2() < 0) {
      std::cerr << "check-proof: a consistency proof needs size1, size2 (>= 0), root1 and root2\n";
      return kMalformed;
    }
    auto root1 = audit::merkle::HashFromBytes(proof.root1());
    auto root2 = audit::merkle::HashFromBytes(proof.root2());
    result = !hashes_ok || !root1.ok() || !root2.ok()
                 ? absl::InvalidArgumentError("every hash must be 32 bytes (SHA-256)")
                 : audit::merkle::VerifyConsistency(proof.size1(), proof.size2(), *root1, *root2,
                                                    path_hashes);
  } else {
    std::cerr << "check-proof: kind must be \"inclusion\" or \"consistency\"\n";
    return kMalformed;
  }
  if (result.ok()) {
    std::cout << "valid\n";
    return kValid;
  }
  std::cout << "invalid: " << result.message() << "\n";
  return kInvalid;
}

}  // namespace

int RunAuditCommand(const Args& args) {
  const std::string verb = args.empty() ? "" : args[0];
  if (verb == "checkpoint") return Checkpoint();
  if (verb == "public-key") return PublicKey();
  if (verb == "prove") return AuditProve(args);
  if (verb == "entries") return AuditEntries();
  if (verb == "query") return Query();
  if (verb == "shred") return Shred(args);
  if (verb == "export") return Export();
  if (verb == "verify-export") return VerifyExport(args);
  if (verb == "monitor") return Monitor();
  if (verb == "check-proof") return CheckProof();
  return UsageError(
      "audit commands: checkpoint [--fresh], public-key, prove EVENT_ID|INDEX, entries "
      "[--org= --event-type=], query [--object= --principal-filter= --org= --event-type= "
      "--since= --until=] --purpose=..., shred propose YYYY-MM --reason=..., shred approve "
      "YYYY-MM, export --out=FILE, verify-export FILE, monitor --state=FILE, "
      "check-proof --file=F.json");
}

}  // namespace schakel::cli
