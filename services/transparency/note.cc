#include "services/transparency/note.h"

#include <openssl/sha.h>

#include <algorithm>
#include <array>
#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace schakel::audit::note {
namespace {

// The signature type byte C2SP assigns to Ed25519; it prefixes encoded keys and is hashed into
// the key id.
constexpr unsigned char kAlgEd25519 = 0x01;
constexpr absl::string_view kAlgEd25519Byte("\x01", 1);
// Go refuses notes with more signature lines than this, so a hostile note cannot make us parse
// and verify without bound.
constexpr int kMaxSignatures = 100;
// "— " : U+2014 EM DASH, then a space.
constexpr absl::string_view kSignaturePrefix = "\xE2\x80\x94 ";

// Decodes canonical, padded standard base64. Re-encoding and comparing rejects what absl would
// otherwise tolerate (missing padding, white space, non-zero trailing bits), so every value has
// exactly one encoding and a note re-signs byte for byte.
bool DecodeBase64(absl::string_view in, std::string* out) {
  if (!absl::Base64Unescape(in, out)) return false;
  return absl::Base64Escape(*out) == in;
}

// One code point decoded the way Go's utf8.DecodeRune does: overlong forms, surrogates and values
// above U+10FFFF are invalid. size is 0 for an invalid sequence.
struct Rune {
  uint32_t value = 0;
  size_t size = 0;
};

Rune DecodeRune(absl::string_view s) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b0 = byte(0);
  if (b0 < 0x80) return {b0, 1};
  size_t size;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  uint32_t value;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    size = 2;
    value = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    size = 3;
    value = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // UTF-16 surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    size = 4;
    value = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return {};
  }
  if (s.size() < size) return {};
  for (size_t i = 1; i < size; ++i) {
    const unsigned char b = byte(i);
    if (i == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return {};
    value = (value << 6) | (b & 0x3F);
  }
  return {value, size};
}

// Go's unicode.IsSpace: ASCII white space, NEL, NBSP and the Unicode White_Space code points.
bool IsUnicodeSpace(uint32_t r) {
  switch (r) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return r >= 0x2000 && r <= 0x200A;
  }
}

// The character rule for a whole signed note (Go's Open): valid UTF-8 and no ASCII control
// characters other than newline.
bool IsValidNoteBytes(absl::string_view s) {
  while (!s.empty()) {
    const Rune r = DecodeRune(s);
    if (r.size == 0 || (r.value < 0x20 && r.value != '\n')) return false;
    s.remove_prefix(r.size);
  }
  return true;
}

// What SignNote and ParseCheckpoint require of a text: the note character rule, a final newline
// and no blank line (including a leading one).
absl::Status ValidateStrictText(absl::string_view text) {
  if (text.empty() || text.back() != '\n') {
    return absl::InvalidArgumentError("note text must end in a newline");
  }
  if (text.front() == '\n' || absl::StrContains(text, "\n\n")) {
    return absl::InvalidArgumentError("note text must not contain a blank line");
  }
  if (!IsValidNoteBytes(text)) {
    return absl::InvalidArgumentError(
        "note text must be UTF-8 without control characters other than newline");
  }
  return absl::OkStatus();
}

// Parses exactly 8 hex digits (either case, as Go's strconv.ParseUint(s, 16, 32) with the length
// check NewVerifier makes).
bool ParseKeyIdHex(absl::string_view hex, uint32_t* out) {
  if (hex.size() != 8) return false;
  uint32_t value = 0;
  for (char c : hex) {
    uint32_t digit;
    if (c >= '0' && c <= '9') {
      digit = static_cast<uint32_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      digit = static_cast<uint32_t>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      digit = static_cast<uint32_t>(c - 'A' + 10);
    } else {
      return false;
    }
    value = (value << 4) | digit;
  }
  *out = value;
  return true;
}

// Go's chop: splits at the first `sep`; without one, everything is `before`.
std::pair<absl::string_view, absl::string_view> Chop(absl::string_view s, char sep) {
  const size_t i = s.find(sep);
  if (i == absl::string_view::npos) return {s, absl::string_view()};
  return {s.substr(0, i), s.substr(i + 1)};
}

std::string KeyIdHex(uint32_t key_id) { return absl::StrFormat("%08x", key_id); }

// The trusted key for (name, key id), or nullptr when there is none. A linear scan: a client
// trusts a handful of keys. Two different keys under one pair is Go's ambiguous key, a
// configuration error rather than a property of the note.
absl::StatusOr<const Verifier*> FindVerifier(absl::Span<const Verifier> verifiers,
                                             absl::string_view name, uint32_t key_id) {
  const Verifier* found = nullptr;
  for (const Verifier& v : verifiers) {
    if (v.name != name || v.key_id != key_id) continue;
    if (found != nullptr && found->public_key != v.public_key) {
      return absl::FailedPreconditionError(
          absl::StrCat("ambiguous verifier key ", name, "+", KeyIdHex(key_id)));
    }
    found = &v;
  }
  return found;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Key names, ids and key strings.

uint32_t KeyId(absl::string_view name, absl::string_view public_key32) {
  const std::string input = absl::StrCat(name, "\n", kAlgEd25519Byte, public_key32);
  std::array<unsigned char, SHA256_DIGEST_LENGTH> digest;
  SHA256(Bytes(input), input.size(), digest.data());
  return (uint32_t{digest[0]} << 24) | (uint32_t{digest[1]} << 16) | (uint32_t{digest[2]} << 8) |
         uint32_t{digest[3]};
}

bool IsValidKeyName(absl::string_view name) {
  if (name.empty()) return false;
  while (!name.empty()) {
    const Rune r = DecodeRune(name);
    if (r.size == 0 || r.value == '+' || IsUnicodeSpace(r.value)) return false;
    name.remove_prefix(r.size);
  }
  return true;
}

Signer::Signer(std::string name, Ed25519PrivateKey key)
    : name_(std::move(name)), key_(std::move(key)), key_id_(KeyId(name_, key_.PublicKey())) {}

absl::StatusOr<Signer> Signer::FromSignerKeyString(absl::string_view skey) {
  auto [priv1, rest1] = Chop(skey, '+');
  auto [priv2, rest2] = Chop(rest1, '+');
  auto [name, rest3] = Chop(rest2, '+');
  auto [hex, key64] = Chop(rest3, '+');
  uint32_t key_id = 0;
  std::string key;
  ScopedCleanse wipe_key(&key);
  // Error messages never quote the key string: it is a secret.
  if (priv1 != "PRIVATE" || priv2 != "KEY" || !IsValidKeyName(name) ||
      !ParseKeyIdHex(hex, &key_id) || !DecodeBase64(key64, &key)) {
    return absl::InvalidArgumentError("malformed signer key");
  }
  if (key.size() != 1 + kEd25519SeedSize || static_cast<unsigned char>(key[0]) != kAlgEd25519) {
    return absl::InvalidArgumentError("signer key is not an Ed25519 key");
  }
  absl::StatusOr<Ed25519PrivateKey> private_key =
      Ed25519PrivateKey::FromSeed(absl::string_view(key).substr(1));
  if (!private_key.ok()) return private_key.status();
  Signer signer(std::string(name), *std::move(private_key));
  if (signer.key_id() != key_id) {
    return absl::InvalidArgumentError(absl::StrCat(
        "signer key id ", hex, " does not match its key (", KeyIdHex(signer.key_id()), ")"));
  }
  return signer;
}

std::string Signer::VerifierKey() const {
  return absl::StrCat(name_, "+", KeyIdHex(key_id_), "+",
                      absl::Base64Escape(absl::StrCat(kAlgEd25519Byte, key_.PublicKey())));
}

absl::StatusOr<std::string> Signer::SignNote(absl::string_view text) const {
  if (!IsValidKeyName(name_)) {
    return absl::InvalidArgumentError(absl::StrCat("invalid signer name \"", name_, "\""));
  }
  if (absl::Status s = ValidateStrictText(text); !s.ok()) return s;
  absl::StatusOr<std::string> signature = key_.Sign(text);
  if (!signature.ok()) return signature.status();
  const char id[4] = {static_cast<char>(key_id_ >> 24), static_cast<char>(key_id_ >> 16),
                      static_cast<char>(key_id_ >> 8), static_cast<char>(key_id_)};
  return absl::StrCat(
      text, "\n", kSignaturePrefix, name_, " ",
      absl::Base64Escape(absl::StrCat(absl::string_view(id, sizeof(id)), *signature)), "\n");
}

absl::StatusOr<Verifier> ParseVerifierKey(absl::string_view vkey) {
  auto [name, rest] = Chop(vkey, '+');
  auto [hex, key64] = Chop(rest, '+');
  Verifier verifier;
  std::string key;
  if (!IsValidKeyName(name) || !ParseKeyIdHex(hex, &verifier.key_id) ||
      !DecodeBase64(key64, &key)) {
    return absl::InvalidArgumentError(absl::StrCat("malformed verifier key \"", vkey, "\""));
  }
  if (key.size() != 1 + kEd25519PublicKeySize ||
      static_cast<unsigned char>(key[0]) != kAlgEd25519) {
    return absl::InvalidArgumentError(
        absl::StrCat("verifier key \"", vkey, "\" is not an Ed25519 key"));
  }
  verifier.name = std::string(name);
  verifier.public_key = key.substr(1);
  // Go hashes the encoded key (algorithm byte included); KeyId adds the same byte.
  if (KeyId(verifier.name, verifier.public_key) != verifier.key_id) {
    return absl::InvalidArgumentError(
        absl::StrCat("verifier key \"", vkey, "\": key id does not match the key"));
  }
  return verifier;
}

// ---------------------------------------------------------------------------------------------
// Notes.

absl::StatusOr<std::string> OpenNote(absl::string_view signed_note,
                                     absl::Span<const Verifier> verifiers) {
  if (!IsValidNoteBytes(signed_note)) {
    return absl::InvalidArgumentError(
        "malformed note: not UTF-8 or contains control characters other than newline");
  }
  // The text ends at the last blank line (C2SP); signature lines cannot contain one.
  const size_t split = signed_note.rfind("\n\n");
  if (split == absl::string_view::npos) {
    return absl::InvalidArgumentError("malformed note: no blank line before the signatures");
  }
  const absl::string_view text = signed_note.substr(0, split + 1);
  absl::string_view sigs = signed_note.substr(split + 2);
  if (sigs.empty() || sigs.back() != '\n') {
    return absl::InvalidArgumentError("malformed note: no signature lines, or no final newline");
  }

  int lines = 0;
  int verified = 0;
  while (!sigs.empty()) {
    const size_t eol = sigs.find('\n');  // found: sigs ends in '\n'
    absl::string_view line = sigs.substr(0, eol);
    sigs.remove_prefix(eol + 1);
    if (++lines > kMaxSignatures) {
      return absl::InvalidArgumentError(
          absl::StrCat("malformed note: more than ", kMaxSignatures, " signatures"));
    }
    if (!absl::ConsumePrefix(&line, kSignaturePrefix)) {
      return absl::InvalidArgumentError(
          "malformed note: signature line does not start with \"— \"");
    }
    auto [name, b64] = Chop(line, ' ');
    std::string sig;
    if (!IsValidKeyName(name) || b64.empty() || !DecodeBase64(b64, &sig) || sig.size() < 5) {
      return absl::InvalidArgumentError("malformed note: bad signature line");
    }
    const uint32_t key_id = (uint32_t{static_cast<unsigned char>(sig[0])} << 24) |
                            (uint32_t{static_cast<unsigned char>(sig[1])} << 16) |
                            (uint32_t{static_cast<unsigned char>(sig[2])} << 8) |
                            uint32_t{static_cast<unsigned char>(sig[3])};
    absl::StatusOr<const Verifier*> verifier = FindVerifier(verifiers, name, key_id);
    if (!verifier.ok()) return verifier.status();
    // Unknown keys are skipped (C2SP: MUST ignore), whatever their signature length or algorithm.
    if (*verifier == nullptr) continue;
    // Unlike Go, a repeated line from a known key is verified again rather than skipped: C2SP
    // says a signature from a known key MUST be verified, and a bad one rejects the note.
    if (absl::Status s =
            VerifyEd25519((*verifier)->public_key, text, absl::string_view(sig).substr(4));
        !s.ok()) {
      return absl::Status(
          s.code(), absl::StrCat("signature by ", name, "+", KeyIdHex(key_id), ": ", s.message()));
    }
    ++verified;
  }
  if (verified == 0) {
    return absl::UnauthenticatedError("note has no signature from a trusted key");
  }
  return std::string(text);
}

// ---------------------------------------------------------------------------------------------
// Checkpoints.

std::string FormatCheckpoint(const Checkpoint& checkpoint) {
  std::string out = absl::StrCat(checkpoint.origin, "\n", checkpoint.tree_size, "\n",
                                 absl::Base64Escape(checkpoint.root_hash), "\n");
  for (const std::string& extension : checkpoint.extensions) absl::StrAppend(&out, extension, "\n");
  return out;
}

absl::StatusOr<Checkpoint> ParseCheckpoint(absl::string_view text) {
  // The strict text rule also makes every line non-empty: an empty origin or extension line
  // would be a blank line.
  if (absl::Status s = ValidateStrictText(text); !s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("malformed checkpoint: ", s.message()));
  }
  text.remove_suffix(1);  // the final newline; every remaining '\n' separates two lines
  std::vector<absl::string_view> lines = absl::StrSplit(text, '\n');
  if (lines.size() < 3) {
    return absl::InvalidArgumentError(
        "malformed checkpoint: needs origin, tree size and root hash lines");
  }
  Checkpoint checkpoint;
  checkpoint.origin = std::string(lines[0]);

  const absl::string_view size = lines[1];
  // SimpleAtoi alone would accept a sign, surrounding white space and leading zeros; the format
  // has one spelling per number.
  const bool digits_only = !size.empty() && std::all_of(size.begin(), size.end(), [](char c) {
    return c >= '0' && c <= '9';
  });
  if (!digits_only || (size.size() > 1 && size[0] == '0') ||
      !absl::SimpleAtoi(size, &checkpoint.tree_size)) {
    return absl::InvalidArgumentError(absl::StrCat("malformed checkpoint: tree size \"", size,
                                                   "\" is not a decimal in [0, 2^63)"));
  }

  if (!DecodeBase64(lines[2], &checkpoint.root_hash) || checkpoint.root_hash.size() != 32) {
    return absl::InvalidArgumentError("malformed checkpoint: root hash is not base64 of 32 bytes");
  }
  for (size_t i = 3; i < lines.size(); ++i) checkpoint.extensions.emplace_back(lines[i]);
  return checkpoint;
}

}  // namespace schakel::audit::note
