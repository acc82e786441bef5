// Signed notes and checkpoints for the audit log: the C2SP signed-note format (byte-compatible with
// golang.org/x/mod/sumdb/note) with Ed25519 keys, and the C2SP tlog-checkpoint body it carries.
// Anyone holding a Go or transparency-dev client can verify what the audit log publishes, and the
// tests check it against Go's published vectors byte for byte.
//
// Contract:
//  - Key names are non-empty valid UTF-8 without Unicode white space or '+' (Go's isValidName).
//  - key ID = big-endian uint32 of SHA-256(name || "\n" || 0x01 || 32-byte public key)[:4].
//  - Verifier key: "<name>+<8 lowercase hex key id>+<base64(0x01 || public key)>".
//    Signer key (Go's test/dev format, a secret): "PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 ||
//    32-byte seed)>".
//  - A note text is valid UTF-8, ends in "\n" and has no control characters (below U+0020) other
//    than "\n". A signed note is text + "\n" + one or more lines "— <name> <base64(key id ||
//    64-byte Ed25519 signature over the text)>\n" (the dash is U+2014); the text ends at the last
//    blank line. C2SP and Go allow blank lines inside the text and OpenNote accepts them, but
//    SignNote refuses them: what Schakel publishes never depends on the last-blank-line rule.
//  - Base64 is the standard alphabet with padding; only canonical encodings are accepted.
//  - Errors: malformed input is INVALID_ARGUMENT; a signature that does not verify, or a note with
//    no signature from a trusted key, is UNAUTHENTICATED; OpenSSL failures are INTERNAL.
//
// The Ed25519 keys themselves (generating, signing, verifying, key files) are in ed25519.h.
#ifndef SCHAKEL_SERVICES_TRANSPARENCY_NOTE_H_
#define SCHAKEL_SERVICES_TRANSPARENCY_NOTE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "services/transparency/ed25519.h"

namespace schakel::audit::note {

// The key ID of an Ed25519 key under `name` (see the contract above). Does not validate `name`.
uint32_t KeyId(absl::string_view name, absl::string_view public_key32);

// Go's isValidName: non-empty, valid UTF-8, no Unicode white space, no '+'.
bool IsValidKeyName(absl::string_view name);

// A named Ed25519 key that signs notes.
class Signer {
 public:
  // `name` must be a valid key name (IsValidKeyName); SignNote fails otherwise.
  Signer(std::string name, Ed25519PrivateKey key);
  // Parses "PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 || seed)>"; the key id must match the
  // key derived from the seed. Malformed or mismatched keys are INVALID_ARGUMENT.
  static absl::StatusOr<Signer> FromSignerKeyString(absl::string_view skey);

  const std::string& name() const { return name_; }
  uint32_t key_id() const { return key_id_; }
  const Ed25519PrivateKey& key() const { return key_; }

  // "<name>+<8 lowercase hex key id>+<base64(0x01 || public key)>".
  std::string VerifierKey() const;
  // The signed note: text + "\n— <name> <base64(key id || signature)>\n". INVALID_ARGUMENT for a
  // text that breaks the note rules or a signer with an invalid name.
  absl::StatusOr<std::string> SignNote(absl::string_view text) const;

 private:
  std::string name_;
  Ed25519PrivateKey key_;
  uint32_t key_id_;
};

// A trusted public key, as parsed from a verifier key string.
struct Verifier {
  std::string name;
  uint32_t key_id = 0;
  std::string public_key;  // 32 raw bytes
};

// Parses "<name>+<hex key id>+<base64(0x01 || public key)>" and checks that the key id is the one
// the name and key produce. Anything else is INVALID_ARGUMENT.
absl::StatusOr<Verifier> ParseVerifierKey(absl::string_view vkey);

// Opens a signed note and returns its text. Requires at least one signature from one of
// `verifiers` (matched by name AND key id) that verifies; signatures by unknown keys are ignored,
// as in Go. A signature from a known name+key id that does not verify is UNAUTHENTICATED, as is a
// note with no signature from a known key. Two different keys in `verifiers` with the same name
// and key id is FAILED_PRECONDITION (Go's ambiguous key). Malformed notes, and notes with more
// than 100 signature lines, are INVALID_ARGUMENT.
absl::StatusOr<std::string> OpenNote(absl::string_view signed_note,
                                     absl::Span<const Verifier> verifiers);

// The C2SP tlog-checkpoint body: "<origin>\n<decimal size>\n<base64 root>\n" followed by any
// extension lines, each ending in "\n".
struct Checkpoint {
  std::string origin;
  int64_t tree_size = 0;
  std::string root_hash;                // 32 raw bytes (SHA-256)
  std::vector<std::string> extensions;  // without their "\n"
};

// Formats the body. It does not validate: give it a checkpoint ParseCheckpoint would accept.
std::string FormatCheckpoint(const Checkpoint& checkpoint);

// Parses a checkpoint body strictly: valid note text, non-empty origin, a decimal size in
// [0, 2^63) without sign or leading zeros (except "0"), a canonical base64 root of 32 bytes, and
// non-empty extension lines. Anything else is INVALID_ARGUMENT.
absl::StatusOr<Checkpoint> ParseCheckpoint(absl::string_view text);

}  // namespace schakel::audit::note

#endif  // SCHAKEL_SERVICES_TRANSPARENCY_NOTE_H_
