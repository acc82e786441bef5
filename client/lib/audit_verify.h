// Checking what the audit log publishes, offline, with the transparency library: a signed
// checkpoint against a verifier key, an entry's inclusion proof (from the entry's own bytes when
// the caller holds them), and an export file (every leaf into a tree, the root against the signed
// checkpoint). schakelctl and schakel-desktop both check with these, so both refuse exactly the
// same things. Nothing here talks to a server: the answers are fetched by the caller.
//
// Every failure carries a kind (for a client's own sentence, in its own language) and an English
// status message with the detail.
#ifndef SCHAKEL_CLIENT_LIB_AUDIT_VERIFY_H_
#define SCHAKEL_CLIENT_LIB_AUDIT_VERIFY_H_

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "schakel/v1/audit.pb.h"
#include "services/transparency/merkle.h"
#include "services/transparency/note.h"

namespace schakel::client {

// OK when the checkpoint's signed note verifies under `verifier` and its body says the size and
// root the message says; otherwise the reason (UNAUTHENTICATED, INVALID_ARGUMENT, DATA_LOSS).
absl::Status VerifyCheckpoint(const v1::SignedCheckpoint& cp,
                              const audit::note::Verifier& verifier);

// The hashes of a proof; `ok` false (and nothing returned) when one is not 32 bytes.
std::vector<audit::merkle::Hash> ToHashes(
    const google::protobuf::RepeatedPtrField<std::string>& raw, bool* ok);

// What an inclusion check was asked about: an index (>= 0) or an event id.
struct InclusionQuestion {
  int64_t index = -1;
  std::string event_id;
};

enum class InclusionFailure {
  kNone,
  kCheckpoint,       // the checkpoint's signature or body does not verify
  kWrongProof,       // the proof is for another entry or another tree than the signed one
  kEntryUnreadable,  // the stored bytes are not a log entry
  kEntryIndex,       // the stored bytes are another entry
  kEntryEvent,       // the stored bytes hold another event than the one asked for
  kRecordMismatch,   // the record returned is not the one inside the stored bytes
  kInclusion,        // the audit path does not lead from the leaf to the signed root
};

struct InclusionVerdict {
  InclusionFailure failure = InclusionFailure::kNone;
  // OK, or the failure's detail in English.
  absl::Status status;
  // The 32-byte leaf hash the proof was checked for: recomputed from the stored bytes when they
  // were given, else the server's.
  std::string leaf_hash;
  bool leaf_recomputed = false;
  // The server's leaf hash is not the one of the stored bytes (the proof is checked for ours).
  bool server_leaf_differs = false;
  // From the stored bytes (when given): their format version and the event id inside them
  // (format 2 and later; empty for format 1, which does not carry it).
  uint32_t entry_format = 0;
  std::string entry_event_id;

  bool ok() const { return failure == InclusionFailure::kNone; }
};

// Checks, in order: the signed checkpoint in `proof` under `verifier`; that the proof is for the
// entry asked about in exactly the signed tree; when `stored` is given (GetEntry's answer), that
// its bytes are that entry (index, event id) and the leaf is recomputed from them rather than
// taken from the server; then the inclusion of the leaf in the signed root.
InclusionVerdict VerifyInclusionAnswer(const v1::GetInclusionProofResponse& proof,
                                       const v1::GetEntryResponse* stored,
                                       const InclusionQuestion& asked,
                                       const audit::note::Verifier& verifier);

enum class ExportFailure {
  kNone,
  kNoHeader,    // the file does not start with an export header
  kKey,         // no verifier key to trust (the chooser's status says why)
  kCheckpoint,  // the header's checkpoint does not verify under the key
  kEntry,       // an entry is unreadable or out of order (`entries` is its index)
  kTruncated,   // the file ends inside a message, or holds something else after entry `entries`
  kCount,       // the file holds `entries` entries, the checkpoint says `total`
  kRoot,        // the tree of the entries does not have the signed root
  kCancelled,   // the progress callback asked to stop
};

struct ExportVerdict {
  ExportFailure failure = ExportFailure::kNone;
  absl::Status status;  // OK, or the failure's detail in English
  int64_t entries = 0;  // entries read into the tree
  int64_t total = 0;    // the signed checkpoint's tree size (0 before the header is checked)
  // The verifier key came from the export itself (an integrity check only).
  bool key_from_export = false;

  bool ok() const { return failure == ExportFailure::kNone; }
};

// Picks the key to trust once the header is read. It may take the header's own verifier key and
// say so through `from_export`; a status that is not OK ends the check as kKey.
using ExportVerifierChooser = std::function<absl::StatusOr<audit::note::Verifier>(
    const v1::ExportHeader& header, bool* from_export)>;

// Called after the checkpoint verified and after each batch of entries with the entries read so
// far and the checkpoint's size; returning false stops the check (kCancelled).
using ExportProgress = std::function<bool(int64_t done, int64_t total)>;

// Reads an export as schakelctl audit export and the desktop client write it (length-delimited
// ExportLogResponse messages: the header, then batches of entries) and checks it: the header's
// checkpoint under the chosen key, every entry in index order into a Merkle tree, exactly as many
// entries as the checkpoint covers, and the tree's root against the signed one.
ExportVerdict VerifyExport(std::istream& in, const ExportVerifierChooser& choose,
                           const ExportProgress& progress);

}  // namespace schakel::client

#endif  // SCHAKEL_CLIENT_LIB_AUDIT_VERIFY_H_
