#include "client/lib/audit_verify.h"

#include <utility>

#include <google/protobuf/io/zero_copy_stream_impl.h>
#include <google/protobuf/util/delimited_message_util.h>

#include "absl/strings/str_cat.h"

namespace schakel::client {

namespace note = audit::note;
namespace merkle = audit::merkle;
using merkle::Hash;

absl::Status VerifyCheckpoint(const v1::SignedCheckpoint& cp, const note::Verifier& verifier) {
  auto text = note::OpenNote(cp.signed_note(), {&verifier, 1});
  if (!text.ok()) return text.status();
  auto body = note::ParseCheckpoint(*text);
  if (!body.ok()) return body.status();
  if (body->tree_size != cp.tree_size() || body->root_hash != cp.root_hash()) {
    return absl::DataLossError("the signed checkpoint does not match the size and root given");
  }
  return absl::OkStatus();
}

std::vector<Hash> ToHashes(const google::protobuf::RepeatedPtrField<std::string>& raw, bool* ok) {
  std::vector<Hash> out;
  *ok = true;
  for (const auto& r : raw) {
    auto h = merkle::HashFromBytes(r);
    if (!h.ok()) {
      *ok = false;
      return {};
    }
    out.push_back(*h);
  }
  return out;
}

namespace {

InclusionVerdict Failed(InclusionVerdict v, InclusionFailure failure, absl::Status status) {
  v.failure = failure;
  v.status = std::move(status);
  return v;
}

}  // namespace

InclusionVerdict VerifyInclusionAnswer(const v1::GetInclusionProofResponse& proof,
                                       const v1::GetEntryResponse* stored,
                                       const InclusionQuestion& asked,
                                       const note::Verifier& verifier) {
  InclusionVerdict v;
  v.leaf_hash = proof.leaf_hash();
  if (absl::Status cp = VerifyCheckpoint(proof.checkpoint(), verifier); !cp.ok()) {
    return Failed(std::move(v), InclusionFailure::kCheckpoint, cp);
  }
  // The proof must be for the entry asked about, in exactly the tree the signature covers.
  const int64_t wanted = stored != nullptr ? stored->index() : asked.index;
  if (proof.tree_size() != proof.checkpoint().tree_size() ||
      (wanted >= 0 && proof.index() != wanted)) {
    return Failed(std::move(v), InclusionFailure::kWrongProof,
                  absl::DataLossError(absl::StrCat(
                      "the proof is not for entry ",
                      asked.index >= 0 ? absl::StrCat(asked.index) : asked.event_id,
                      " in the signed tree of size ", proof.checkpoint().tree_size())));
  }
  if (stored != nullptr) {
    // Our own leaf, from bytes we hold: the server's leaf hash is not taken on trust.
    const Hash leaf = merkle::HashLeaf(stored->entry());
    v.leaf_hash.assign(leaf.begin(), leaf.end());
    v.leaf_recomputed = true;
    v.server_leaf_differs = v.leaf_hash != proof.leaf_hash();
    v1::LogEntry entry;
    if (!entry.ParseFromString(stored->entry())) {
      return Failed(std::move(v), InclusionFailure::kEntryUnreadable,
                    absl::DataLossError("the stored bytes are not a log entry"));
    }
    v.entry_format = entry.format_version();
    if (entry.format_version() >= 2) v.entry_event_id = entry.event_id();
    if (entry.index() != proof.index()) {
      return Failed(std::move(v), InclusionFailure::kEntryIndex,
                    absl::DataLossError(absl::StrCat("the stored bytes are entry ", entry.index(),
                                                     ", not ", proof.index())));
    }
    if (asked.index < 0 && entry.format_version() >= 2 && entry.event_id() != asked.event_id) {
      return Failed(std::move(v), InclusionFailure::kEntryEvent,
                    absl::DataLossError(absl::StrCat("the stored bytes hold event ",
                                                     entry.event_id(), ", not the one asked for")));
    }
    if (stored->has_record() && stored->record().event_id() != entry.event_id() &&
        entry.format_version() >= 2) {
      return Failed(std::move(v), InclusionFailure::kRecordMismatch,
                    absl::DataLossError("the record returned is not the one inside the stored "
                                        "bytes"));
    }
  }
  bool ok = false;
  const std::vector<Hash> path = ToHashes(proof.proof(), &ok);
  auto leaf = merkle::HashFromBytes(v.leaf_hash);
  auto root = merkle::HashFromBytes(proof.checkpoint().root_hash());
  absl::Status verified =
      ok && leaf.ok() && root.ok()
          ? merkle::VerifyInclusion(proof.index(), proof.tree_size(), *leaf, path, *root)
          : absl::InvalidArgumentError("a hash in the answer is not 32 bytes");
  if (!verified.ok()) return Failed(std::move(v), InclusionFailure::kInclusion, verified);
  return v;
}

namespace {

ExportVerdict Failed(ExportVerdict v, ExportFailure failure, absl::Status status) {
  v.failure = failure;
  v.status = std::move(status);
  return v;
}

}  // namespace

ExportVerdict VerifyExport(std::istream& in, const ExportVerifierChooser& choose,
                           const ExportProgress& progress) {
  ExportVerdict v;
  google::protobuf::io::IstreamInputStream stream(&in);
  v1::ExportLogResponse message;
  bool clean_eof = false;
  if (!google::protobuf::util::ParseDelimitedFromZeroCopyStream(&message, &stream, &clean_eof) ||
      !message.has_header()) {
    return Failed(std::move(v), ExportFailure::kNoHeader,
                  absl::InvalidArgumentError("the file does not start with an export header"));
  }
  const v1::ExportHeader header = message.header();
  auto verifier = choose(header, &v.key_from_export);
  if (!verifier.ok()) return Failed(std::move(v), ExportFailure::kKey, verifier.status());
  if (absl::Status st = VerifyCheckpoint(header.checkpoint(), *verifier); !st.ok()) {
    return Failed(std::move(v), ExportFailure::kCheckpoint, st);
  }
  v.total = header.checkpoint().tree_size();
  if (!progress(0, v.total)) {
    return Failed(std::move(v), ExportFailure::kCancelled, absl::CancelledError("cancelled"));
  }
  merkle::MemoryTree tree;
  // Parsing merges into the message: clear it, or every batch would carry all the ones before.
  for (message.Clear();
       google::protobuf::util::ParseDelimitedFromZeroCopyStream(&message, &stream, &clean_eof);
       message.Clear()) {
    for (const std::string& bytes : message.entries().entries()) {
      v1::LogEntry entry;
      v.entries = tree.size();
      if (!entry.ParseFromString(bytes) || entry.index() != tree.size()) {
        return Failed(std::move(v), ExportFailure::kEntry,
                      absl::DataLossError(
                          absl::StrCat("entry ", tree.size(), ": out of order or unreadable")));
      }
      if (absl::Status st = tree.Append(merkle::HashLeaf(bytes)); !st.ok()) {
        return Failed(std::move(v), ExportFailure::kEntry, st);
      }
    }
    v.entries = tree.size();
    if (!progress(v.entries, v.total)) {
      return Failed(std::move(v), ExportFailure::kCancelled, absl::CancelledError("cancelled"));
    }
  }
  v.entries = tree.size();
  if (!clean_eof) {
    return Failed(std::move(v), ExportFailure::kTruncated,
                  absl::DataLossError(absl::StrCat(
                      "the export is truncated or corrupt after entry ", tree.size())));
  }
  if (tree.size() != v.total) {
    return Failed(std::move(v), ExportFailure::kCount,
                  absl::DataLossError(absl::StrCat("the export holds ", tree.size(),
                                                   " entries; the checkpoint says ", v.total)));
  }
  auto root = merkle::TreeHash(v.total, tree);
  if (!root.ok()) return Failed(std::move(v), ExportFailure::kRoot, root.status());
  if (std::string(root->begin(), root->end()) != header.checkpoint().root_hash()) {
    return Failed(std::move(v), ExportFailure::kRoot,
                  absl::DataLossError("the root of the entries does not match the signed "
                                      "checkpoint"));
  }
  return v;
}

}  // namespace schakel::client
