#include "services/transparency/note.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/sha.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/string_view.h"
#include "gtest/gtest.h"

namespace schakel::audit::note {
namespace {

using ::google::protobuf::Struct;
using ::google::protobuf::Value;

constexpr absl::string_view kPeterText =
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n";

// The published vectors, read at run time so the test checks exactly the shared file.
const Struct& Vectors() {
  static const Struct* const vectors = [] {
    const std::string path = SCHAKEL_TESTDATA_DIR "/rfc6962/signed_notes.json";
    std::ifstream in(path);
    std::stringstream contents;
    contents << in.rdbuf();
    auto* parsed = new Struct;
    const auto status = google::protobuf::util::JsonStringToMessage(contents.str(), parsed);
    EXPECT_TRUE(in.good() && status.ok()) << "cannot read " << path << ": " << status.ToString();
    return parsed;
  }();
  return *vectors;
}

const Struct& VectorNamed(absl::string_view name) {
  for (const Value& v : Vectors().fields().at("vectors").list_value().values()) {
    if (v.struct_value().fields().at("name").string_value() == name) return v.struct_value();
  }
  ADD_FAILURE() << "no vector " << name;
  static const Struct* const empty = new Struct;
  return *empty;
}

std::string Field(const Struct& s, const std::string& key) {
  auto it = s.fields().find(key);
  return it == s.fields().end() ? std::string() : it->second.string_value();
}

Verifier MustParseVerifier(absl::string_view vkey) {
  absl::StatusOr<Verifier> v = ParseVerifierKey(vkey);
  EXPECT_TRUE(v.ok()) << v.status();
  return v.ok() ? *v : Verifier{};
}

Signer NewSigner(std::string name) {
  absl::StatusOr<Ed25519PrivateKey> key = Ed25519PrivateKey::Generate();
  EXPECT_TRUE(key.ok()) << key.status();
  return Signer(std::move(name), *std::move(key));
}

std::string SignOrDie(const Signer& signer, absl::string_view text) {
  absl::StatusOr<std::string> signed_note = signer.SignNote(text);
  EXPECT_TRUE(signed_note.ok()) << signed_note.status();
  return signed_note.ok() ? *signed_note : std::string();
}

template <auto FreeFn>
struct Deleter {
  template <typename T>
  void operator()(T* p) const {
    FreeFn(p);
  }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free_all>>;

PkeyPtr ReadPem(absl::string_view pem) {
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  return PkeyPtr(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
}

// PKCS#8 PEM of `pkey`, encrypted under a fixed passphrase when `cipher` is given.
std::string WritePem(EVP_PKEY* pkey, const EVP_CIPHER* cipher) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  char passphrase[] = "passphrase";
  if (PEM_write_bio_PKCS8PrivateKey(bio.get(), pkey, cipher, cipher ? passphrase : nullptr,
                                    cipher ? static_cast<int>(sizeof(passphrase) - 1) : 0, nullptr,
                                    nullptr) != 1) {
    return "";
  }
  BUF_MEM* mem = nullptr;
  BIO_get_mem_ptr(bio.get(), &mem);
  return std::string(mem->data, mem->length);
}

std::string Sha256(absl::string_view data) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest);
  return std::string(reinterpret_cast<const char*>(digest), sizeof(digest));
}

// ---------------------------------------------------------------------------------------------
// Published vectors.

TEST(NoteVectorsTest, EveryVectorOpens) {
  const auto& vectors = Vectors().fields().at("vectors").list_value().values();
  ASSERT_EQ(vectors.size(), 3);
  for (const Value& value : vectors) {
    const Struct& v = value.struct_value();
    SCOPED_TRACE(Field(v, "name"));
    absl::StatusOr<Verifier> verifier = ParseVerifierKey(Field(v, "verifier_key"));
    ASSERT_TRUE(verifier.ok()) << verifier.status();
    EXPECT_EQ(verifier->public_key.size(), 32u);
    absl::StatusOr<std::string> text = OpenNote(Field(v, "signed_note"), {*verifier});
    ASSERT_TRUE(text.ok()) << text.status();
    EXPECT_EQ(*text, Field(v, "note_text"));
  }
}

TEST(NoteVectorsTest, PeterNeumannResignsByteForByte) {
  const Struct& v = VectorNamed("go-note-PeterNeumann");
  absl::StatusOr<Signer> signer = Signer::FromSignerKeyString(Field(v, "signer_key_TEST_ONLY"));
  ASSERT_TRUE(signer.ok()) << signer.status();
  EXPECT_EQ(signer->name(), "PeterNeumann");
  EXPECT_EQ(signer->key_id(), 0xc74f20a3u);
  EXPECT_EQ(signer->VerifierKey(), Field(v, "verifier_key"));
  EXPECT_EQ(Field(v, "note_text"), kPeterText);
  absl::StatusOr<std::string> signed_note = signer->SignNote(Field(v, "note_text"));
  ASSERT_TRUE(signed_note.ok()) << signed_note.status();
  EXPECT_EQ(*signed_note, Field(v, "signed_note"));
}

TEST(NoteVectorsTest, KeyIdsMatchVerifierKeys) {
  for (const Value& value : Vectors().fields().at("vectors").list_value().values()) {
    const Verifier v = MustParseVerifier(Field(value.struct_value(), "verifier_key"));
    EXPECT_EQ(KeyId(v.name, v.public_key), v.key_id) << v.name;
  }
  EXPECT_EQ(
      MustParseVerifier(Field(VectorNamed("sum.golang.org-checkpoint-6476701"), "verifier_key"))
          .key_id,
      0x033de0aeu);
}

TEST(NoteVectorsTest, BothGoSignaturesOnOneNote) {
  // Go's doubly-signed example: each verifier alone opens it; the other line is an unknown key.
  const Struct& peter = VectorNamed("go-note-PeterNeumann");
  const Struct& enoch = VectorNamed("go-note-EnochRoot");
  const std::string both =
      absl::StrCat(Field(peter, "signed_note"),
                   Field(enoch, "signed_note").substr(Field(enoch, "note_text").size() + 1));
  const Verifier pv = MustParseVerifier(Field(peter, "verifier_key"));
  const Verifier ev = MustParseVerifier(Field(enoch, "verifier_key"));
  for (const std::vector<Verifier>& known :
       {std::vector<Verifier>{pv}, std::vector<Verifier>{ev}, std::vector<Verifier>{pv, ev}}) {
    absl::StatusOr<std::string> text = OpenNote(both, known);
    ASSERT_TRUE(text.ok()) << text.status();
    EXPECT_EQ(*text, kPeterText);
  }
}

TEST(CheckpointVectorsTest, SumGolangOrgCheckpointParses) {
  const Struct& v = VectorNamed("sum.golang.org-checkpoint-6476701");
  const Struct& expected = v.fields().at("checkpoint").struct_value();
  absl::StatusOr<Checkpoint> cp = ParseCheckpoint(Field(v, "note_text"));
  ASSERT_TRUE(cp.ok()) << cp.status();
  EXPECT_EQ(cp->origin, Field(expected, "origin"));
  EXPECT_EQ(cp->tree_size, static_cast<int64_t>(expected.fields().at("tree_size").number_value()));
  EXPECT_EQ(cp->tree_size, 6476701);
  std::string root;
  ASSERT_TRUE(absl::Base64Unescape(Field(expected, "root_hash_b64"), &root));
  EXPECT_EQ(cp->root_hash, root);
  EXPECT_TRUE(cp->extensions.empty());
  EXPECT_EQ(FormatCheckpoint(*cp), Field(v, "note_text"));
}

TEST(CheckpointVectorsTest, GoFormatTree) {
  const Struct& tree = Vectors().fields().at("unsigned_tree_note").struct_value();
  Checkpoint cp;
  cp.origin = "go.sum database tree";
  cp.tree_size = 123456789012;
  cp.root_hash = Sha256(absl::StrCat(absl::string_view("\0", 1), "hello world"));
  EXPECT_EQ(static_cast<int64_t>(tree.fields().at("tree_size").number_value()), cp.tree_size);
  EXPECT_EQ(FormatCheckpoint(cp), Field(tree, "formatted"));
  absl::StatusOr<Checkpoint> parsed = ParseCheckpoint(Field(tree, "formatted"));
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->origin, cp.origin);
  EXPECT_EQ(parsed->tree_size, cp.tree_size);
  EXPECT_EQ(parsed->root_hash, cp.root_hash);
}

// ---------------------------------------------------------------------------------------------
// Notes: tampering and malformed input.

TEST(OpenNoteTest, FlippedByteInTextFails) {
  const Struct& v = VectorNamed("go-note-PeterNeumann");
  const Verifier verifier = MustParseVerifier(Field(v, "verifier_key"));
  std::string note = Field(v, "signed_note");
  note[3] ^= 0x01;  // 'y' -> 'x': still valid text, different bytes
  absl::StatusOr<std::string> text = OpenNote(note, {verifier});
  EXPECT_EQ(text.status().code(), absl::StatusCode::kUnauthenticated) << text.status();
}

TEST(OpenNoteTest, FlippedByteInSignatureFails) {
  const Struct& v = VectorNamed("go-note-PeterNeumann");
  const Verifier verifier = MustParseVerifier(Field(v, "verifier_key"));
  const std::string text = Field(v, "note_text");
  const Signer signer = *Signer::FromSignerKeyString(Field(v, "signer_key_TEST_ONLY"));
  absl::StatusOr<std::string> sig = signer.key().Sign(text);
  ASSERT_TRUE(sig.ok());
  for (size_t i : {0u, 31u, 63u}) {
    std::string bad = *sig;
    bad[i] ^= 0x40;
    const char id[4] = {'\xc7', '\x4f', '\x20', '\xa3'};
    const std::string note =
        absl::StrCat(text, "\n\xE2\x80\x94 PeterNeumann ",
                     absl::Base64Escape(absl::StrCat(absl::string_view(id, 4), bad)), "\n");
    absl::StatusOr<std::string> opened = OpenNote(note, {verifier});
    EXPECT_EQ(opened.status().code(), absl::StatusCode::kUnauthenticated) << i;
  }
}

TEST(OpenNoteTest, WrongVerifierWithSameNameFails) {
  const Struct& v = VectorNamed("go-note-PeterNeumann");
  // Another key under the same name: its key id differs, so the signature is from an unknown key
  // and nothing trusted signed the note.
  const Signer other = NewSigner("PeterNeumann");
  const Verifier other_verifier = MustParseVerifier(other.VerifierKey());
  absl::StatusOr<std::string> text = OpenNote(Field(v, "signed_note"), {other_verifier});
  EXPECT_EQ(text.status().code(), absl::StatusCode::kUnauthenticated) << text.status();

  // Same name and key id but a different public key (as if the key id collided): the signature
  // must be checked against that key and fail.
  Verifier forged = MustParseVerifier(Field(v, "verifier_key"));
  forged.public_key = other_verifier.public_key;
  text = OpenNote(Field(v, "signed_note"), {forged});
  EXPECT_EQ(text.status().code(), absl::StatusCode::kUnauthenticated) << text.status();
}

TEST(OpenNoteTest, OnlyUnknownSignersFails) {
  const Signer stranger = NewSigner("stranger.example/log");
  const Verifier peter =
      MustParseVerifier(Field(VectorNamed("go-note-PeterNeumann"), "verifier_key"));
  absl::StatusOr<std::string> text = OpenNote(SignOrDie(stranger, kPeterText), {peter});
  EXPECT_EQ(text.status().code(), absl::StatusCode::kUnauthenticated) << text.status();
  text = OpenNote(SignOrDie(stranger, kPeterText), {});
  EXPECT_EQ(text.status().code(), absl::StatusCode::kUnauthenticated) << text.status();
}

TEST(OpenNoteTest, UnknownSignatureLinesAreIgnored) {
  const Signer ours = NewSigner("schakel.example/audit");
  const std::string ours_signed = SignOrDie(ours, kPeterText);
  const std::string ours_line = ours_signed.substr(kPeterText.size() + 1);
  // An unknown key's line may have any length and need not be Ed25519.
  const std::string note =
      absl::StrCat(kPeterText, "\n", "\xE2\x80\x94 someone AAAAAAA=\n", ours_line, "\xE2\x80\x94 ",
                   ours.name(), "x ", absl::Base64Escape(std::string(68, 'z')), "\n");
  absl::StatusOr<std::string> text = OpenNote(note, {MustParseVerifier(ours.VerifierKey())});
  ASSERT_TRUE(text.ok()) << text.status();
  EXPECT_EQ(*text, kPeterText);
}

TEST(OpenNoteTest, BadSecondSignatureFromKnownKeyFails) {
  const Signer ours = NewSigner("schakel.example/audit");
  const std::string good = SignOrDie(ours, kPeterText);
  const std::string line = good.substr(kPeterText.size() + 1);
  std::string bad_line = line;
  // Change one base64 character of the signature part (after the 4-byte key id).
  const size_t pos = bad_line.size() - 10;
  bad_line[pos] = bad_line[pos] == 'A' ? 'B' : 'A';
  const std::string note = absl::StrCat(good, bad_line);
  absl::StatusOr<std::string> text = OpenNote(note, {MustParseVerifier(ours.VerifierKey())});
  EXPECT_EQ(text.status().code(), absl::StatusCode::kUnauthenticated) << text.status();
}

TEST(OpenNoteTest, AmbiguousVerifiersFail) {
  const Signer ours = NewSigner("schakel.example/audit");
  const Verifier v = MustParseVerifier(ours.VerifierKey());
  Verifier clash = v;
  clash.public_key = MustParseVerifier(NewSigner("x").VerifierKey()).public_key;
  absl::StatusOr<std::string> text = OpenNote(SignOrDie(ours, kPeterText), {v, clash});
  EXPECT_EQ(text.status().code(), absl::StatusCode::kFailedPrecondition) << text.status();
  // The same key listed twice is not ambiguous.
  EXPECT_TRUE(OpenNote(SignOrDie(ours, kPeterText), {v, v}).ok());
}

TEST(OpenNoteTest, MalformedNotesFailCleanly) {
  const Struct& v = VectorNamed("go-note-PeterNeumann");
  const Verifier verifier = MustParseVerifier(Field(v, "verifier_key"));
  const std::string good = Field(v, "signed_note");
  const std::string text = Field(v, "note_text");
  const std::string line = good.substr(text.size() + 1);  // "— PeterNeumann ...\n"
  const std::string b64 = line.substr(line.rfind(' ') + 1, line.size() - line.rfind(' ') - 2);
  std::string sig;
  ASSERT_TRUE(absl::Base64Unescape(b64, &sig));
  ASSERT_EQ(sig.size(), 68u);

  const std::vector<std::pair<std::string, std::string>> cases = {
      {"empty", ""},
      {"text only", text},
      {"no blank line", absl::StrCat(text, line)},
      {"no signature", absl::StrCat(text, "\n")},
      {"no final newline", good.substr(0, good.size() - 1)},
      {"text without final newline", absl::StrCat(text.substr(0, text.size() - 1), "\n", line)},
      {"bad base64", absl::StrCat(text, "\n\xE2\x80\x94 PeterNeumann ", b64.substr(1), "\n")},
      {"base64 not canonical (no padding)",
       absl::StrCat(text, "\n\xE2\x80\x94 PeterNeumann ", b64.substr(0, b64.size() - 1), "\n")},
      {"empty base64", absl::StrCat(text, "\n\xE2\x80\x94 PeterNeumann \n")},
      {"only the key id", absl::StrCat(text, "\n\xE2\x80\x94 PeterNeumann ",
                                       absl::Base64Escape(sig.substr(0, 4)), "\n")},
      {"hyphen instead of em dash", absl::StrCat(text, "\n- PeterNeumann ", b64, "\n")},
      {"no space after dash", absl::StrCat(text, "\n\xE2\x80\x94PeterNeumann ", b64, "\n")},
      {"no name", absl::StrCat(text, "\n\xE2\x80\x94  ", b64, "\n")},
      {"name with plus", absl::StrCat(text, "\n\xE2\x80\x94 Peter+Neumann ", b64, "\n")},
      {"control character", absl::StrReplaceAll(good, {{"If you", "If\tyou"}})},
      {"carriage return", absl::StrReplaceAll(good, {{"\n", "\r\n"}})},
      {"invalid UTF-8", absl::StrCat("\xff", good)},
      {"trailing blank line", absl::StrCat(good, "\n")},
  };
  for (const auto& [name, note] : cases) {
    EXPECT_EQ(OpenNote(note, {verifier}).status().code(), absl::StatusCode::kInvalidArgument)
        << name;
  }

  // Signatures of the wrong length from the known key.
  for (size_t len : {5u, 36u, 67u, 69u}) {
    std::string resized = sig;
    resized.resize(len, 'x');
    const std::string note =
        absl::StrCat(text, "\n\xE2\x80\x94 PeterNeumann ", absl::Base64Escape(resized), "\n");
    EXPECT_EQ(OpenNote(note, {verifier}).status().code(), absl::StatusCode::kInvalidArgument)
        << len;
  }

  // 100 signature lines are accepted (each one verified); 101 are too many.
  std::string many = good;
  for (int i = 0; i < 99; ++i) absl::StrAppend(&many, line);
  EXPECT_TRUE(OpenNote(many, {verifier}).ok());
  absl::StrAppend(&many, line);
  EXPECT_EQ(OpenNote(many, {verifier}).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(OpenNoteTest, TextWithBlankLineOpensAsInGo) {
  // C2SP: the text may contain blank lines and ends at the last one. SignNote refuses such texts,
  // but a note signed elsewhere must still open.
  const Signer ours = NewSigner("schakel.example/audit");
  const std::string text = "first\n\nsecond\n";
  absl::StatusOr<std::string> sig = ours.key().Sign(text);
  ASSERT_TRUE(sig.ok());
  const uint32_t id = ours.key_id();
  const char id_bytes[4] = {static_cast<char>(id >> 24), static_cast<char>(id >> 16),
                            static_cast<char>(id >> 8), static_cast<char>(id)};
  const std::string note =
      absl::StrCat(text, "\n\xE2\x80\x94 ", ours.name(), " ",
                   absl::Base64Escape(absl::StrCat(absl::string_view(id_bytes, 4), *sig)), "\n");
  absl::StatusOr<std::string> opened = OpenNote(note, {MustParseVerifier(ours.VerifierKey())});
  ASSERT_TRUE(opened.ok()) << opened.status();
  EXPECT_EQ(*opened, text);
}

// ---------------------------------------------------------------------------------------------
// Signing.

TEST(SignerTest, SignAndOpenRoundTrip) {
  const Signer signer = NewSigner("schakel.example/audit");
  const Verifier verifier = MustParseVerifier(signer.VerifierKey());
  EXPECT_EQ(verifier.name, signer.name());
  EXPECT_EQ(verifier.key_id, signer.key_id());
  EXPECT_EQ(verifier.public_key, signer.key().PublicKey());
  const std::string text =
      "schakel.example/audit\n7\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n";
  const std::string note = SignOrDie(signer, text);
  EXPECT_EQ(note.substr(0, text.size() + 1), absl::StrCat(text, "\n"));
  absl::StatusOr<std::string> opened = OpenNote(note, {verifier});
  ASSERT_TRUE(opened.ok()) << opened.status();
  EXPECT_EQ(*opened, text);
}

TEST(SignerTest, UnicodeTextSigns) {
  const Signer signer = NewSigner("quasimodo.example/salvatore");
  const std::string text = "Ognuno sta solo sul cuor della terra\ned \xC3\xA8 subito sera.\n";
  absl::StatusOr<std::string> opened =
      OpenNote(SignOrDie(signer, text), {MustParseVerifier(signer.VerifierKey())});
  ASSERT_TRUE(opened.ok()) << opened.status();
  EXPECT_EQ(*opened, text);
}

TEST(SignerTest, BadTextsAreInvalidArgument) {
  const Signer signer = NewSigner("schakel.example/audit");
  for (absl::string_view text :
       {absl::string_view(""), absl::string_view("no newline"), absl::string_view("\n"),
        absl::string_view("a\n\nb\n"), absl::string_view("a\n\n"), absl::string_view("\nx\n"),
        absl::string_view("tab\there\n"), absl::string_view("cr\r\n"),
        absl::string_view("nul\0\n", 5), absl::string_view("bad \xff utf8\n"),
        absl::string_view("overlong \xC0\xAF\n"), absl::string_view("surrogate \xED\xA0\x80\n"),
        absl::string_view("truncated \xE2\x80\n")}) {
    EXPECT_EQ(signer.SignNote(text).status().code(), absl::StatusCode::kInvalidArgument)
        << absl::CEscape(text);
  }
}

TEST(SignerTest, BadNamesCannotSign) {
  for (std::string name : {std::string(""), std::string("has space"), std::string("has+plus"),
                           std::string("nbsp\xC2\xA0"), std::string("em\xE2\x80\x83space"),
                           std::string("bad\xff"), std::string("tab\t")}) {
    EXPECT_FALSE(IsValidKeyName(name)) << absl::CEscape(name);
    EXPECT_EQ(NewSigner(name).SignNote(kPeterText).status().code(),
              absl::StatusCode::kInvalidArgument)
        << absl::CEscape(name);
  }
  EXPECT_TRUE(IsValidKeyName("sum.golang.org"));
  EXPECT_TRUE(IsValidKeyName("example.com/behind-the-sofa"));
  EXPECT_TRUE(IsValidKeyName("caf\xC3\xA9"));
}

TEST(SignerTest, SignerKeyStringErrors) {
  const std::string good = Field(VectorNamed("go-note-PeterNeumann"), "signer_key_TEST_ONLY");
  ASSERT_TRUE(Signer::FromSignerKeyString(good).ok());
  for (const std::string& skey : {
           std::string(""),
           absl::StrReplaceAll(good, {{"PRIVATE+KEY+", "PUBLIC+KEY+"}}),
           absl::StrReplaceAll(good, {{"c74f20a3", "c74f20a4"}}),  // key id mismatch
           absl::StrReplaceAll(good, {{"c74f20a3", "c74f20a"}}),
           absl::StrReplaceAll(good, {{"PeterNeumann", "Peter Neumann"}}),
           absl::StrReplaceAll(good, {{"PeterNeumann", "EnochRoot"}}),  // id is for another name
           good.substr(0, good.size() - 1),                             // bad base64
           absl::StrReplaceAll(good, {{"+AYEK", "+AoEK"}}),             // algorithm 0x02
           Field(VectorNamed("go-note-PeterNeumann"), "verifier_key"),
       }) {
    EXPECT_EQ(Signer::FromSignerKeyString(skey).status().code(), absl::StatusCode::kInvalidArgument)
        << skey;
  }
}

TEST(VerifierKeyTest, ParseErrors) {
  const std::string good = Field(VectorNamed("go-note-PeterNeumann"), "verifier_key");
  EXPECT_TRUE(ParseVerifierKey(absl::StrReplaceAll(good, {{"c74f20a3", "C74F20A3"}})).ok());
  for (const std::string& vkey : {
           std::string(""),
           std::string("PeterNeumann"),
           std::string("PeterNeumann+c74f20a3"),
           absl::StrReplaceAll(good, {{"c74f20a3", "c74f20a4"}}),
           absl::StrReplaceAll(good, {{"c74f20a3", "0c74f20a3"}}),
           absl::StrReplaceAll(good, {{"c74f20a3", "c74f20ag"}}),
           absl::StrReplaceAll(good, {{"PeterNeumann", "EnochRoot"}}),
           absl::StrReplaceAll(good, {{"+ARpc", "+AhpC"}}),  // another algorithm byte
           good.substr(0, good.size() - 4),                  // 30-byte key
           absl::StrCat("+", good),
       }) {
    EXPECT_EQ(ParseVerifierKey(vkey).status().code(), absl::StatusCode::kInvalidArgument) << vkey;
  }
}

// ---------------------------------------------------------------------------------------------
// Checkpoints.

TEST(CheckpointTest, ExtensionsRoundTrip) {
  Checkpoint cp;
  cp.origin = "schakel.example/audit";
  cp.tree_size = 0;
  cp.root_hash = Sha256("");
  cp.extensions = {"ext one", "\xE2\x80\x94 not a signature"};
  const std::string text = FormatCheckpoint(cp);
  EXPECT_EQ(text, absl::StrCat("schakel.example/audit\n0\n", absl::Base64Escape(Sha256("")),
                               "\next one\n\xE2\x80\x94 not a signature\n"));
  absl::StatusOr<Checkpoint> parsed = ParseCheckpoint(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->origin, cp.origin);
  EXPECT_EQ(parsed->tree_size, 0);
  EXPECT_EQ(parsed->root_hash, cp.root_hash);
  EXPECT_EQ(parsed->extensions, cp.extensions);
}

TEST(CheckpointTest, MaxSize) {
  const std::string root = absl::Base64Escape(Sha256("x"));
  absl::StatusOr<Checkpoint> cp =
      ParseCheckpoint(absl::StrCat("o\n9223372036854775807\n", root, "\n"));
  ASSERT_TRUE(cp.ok()) << cp.status();
  EXPECT_EQ(cp->tree_size, INT64_MAX);
}

TEST(CheckpointTest, RejectsMalformed) {
  const std::string root = absl::Base64Escape(Sha256("x"));
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"leading zero", absl::StrCat("o\n012\n", root, "\n")},
      {"zero zero", absl::StrCat("o\n00\n", root, "\n")},
      {"negative", absl::StrCat("o\n-1\n", root, "\n")},
      {"plus sign", absl::StrCat("o\n+1\n", root, "\n")},
      {"non-numeric", absl::StrCat("o\nabc\n", root, "\n")},
      {"hex", absl::StrCat("o\n0x10\n", root, "\n")},
      {"space", absl::StrCat("o\n 1\n", root, "\n")},
      {"empty size", absl::StrCat("o\n\n", root, "\n")},
      {"overflow", absl::StrCat("o\n9223372036854775808\n", root, "\n")},
      {"huge", absl::StrCat("o\n99999999999999999999999\n", root, "\n")},
      {"short root", absl::StrCat("o\n1\n", absl::Base64Escape(std::string(31, 'a')), "\n")},
      {"long root", absl::StrCat("o\n1\n", absl::Base64Escape(std::string(48, 'a')), "\n")},
      {"root not base64", "o\n1\n!!!!\n"},
      {"root unpadded", absl::StrCat("o\n1\n", root.substr(0, root.size() - 1), "\n")},
      {"empty origin", absl::StrCat("\n1\n", root, "\n")},
      {"missing root", "o\n1\n"},
      {"missing size and root", "o\n"},
      {"empty", ""},
      {"no final newline", absl::StrCat("o\n1\n", root)},
      {"empty extension line", absl::StrCat("o\n1\n", root, "\n\n")},
      {"control character", absl::StrCat("o\tx\n1\n", root, "\n")},
  };
  for (const auto& [name, text] : cases) {
    EXPECT_EQ(ParseCheckpoint(text).status().code(), absl::StatusCode::kInvalidArgument) << name;
  }
}

// ---------------------------------------------------------------------------------------------
// Keys.

TEST(Ed25519Test, PemRoundTrip) {
  absl::StatusOr<Ed25519PrivateKey> key = Ed25519PrivateKey::Generate();
  ASSERT_TRUE(key.ok()) << key.status();
  EXPECT_EQ(key->PublicKey().size(), 32u);
  absl::StatusOr<std::string> pem = key->ToPem();
  ASSERT_TRUE(pem.ok()) << pem.status();
  EXPECT_NE(pem->find("-----BEGIN PRIVATE KEY-----"), std::string::npos);
  absl::StatusOr<Ed25519PrivateKey> again = Ed25519PrivateKey::FromPem(*pem);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->PublicKey(), key->PublicKey());
  EXPECT_EQ(*again->Seed(), *key->Seed());
  // Ed25519 is deterministic: both copies sign identically.
  EXPECT_EQ(*again->Sign("m"), *key->Sign("m"));
}

TEST(Ed25519Test, FromSeedMatchesGo) {
  // Go's test key: seed and public key from the PeterNeumann signer and verifier strings.
  const Struct& v = VectorNamed("go-note-PeterNeumann");
  std::string skey_bytes;
  const std::string skey = Field(v, "signer_key_TEST_ONLY");
  // The base64 itself may contain '+': skip the four fields before it.
  const absl::string_view prefix = "PRIVATE+KEY+PeterNeumann+c74f20a3+";
  ASSERT_EQ(skey.substr(0, prefix.size()), prefix);
  ASSERT_TRUE(absl::Base64Unescape(skey.substr(prefix.size()), &skey_bytes));
  absl::StatusOr<Ed25519PrivateKey> key = Ed25519PrivateKey::FromSeed(skey_bytes.substr(1));
  ASSERT_TRUE(key.ok()) << key.status();
  EXPECT_EQ(key->PublicKey(), MustParseVerifier(Field(v, "verifier_key")).public_key);
  EXPECT_EQ(*key->Seed(), skey_bytes.substr(1));
  EXPECT_EQ(Ed25519PrivateKey::FromSeed("short").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(Ed25519Test, SignAndVerify) {
  absl::StatusOr<Ed25519PrivateKey> key = Ed25519PrivateKey::Generate();
  ASSERT_TRUE(key.ok());
  absl::StatusOr<std::string> sig = key->Sign("message");
  ASSERT_TRUE(sig.ok());
  EXPECT_EQ(sig->size(), 64u);
  EXPECT_TRUE(VerifyEd25519(key->PublicKey(), "message", *sig).ok());
  EXPECT_EQ(VerifyEd25519(key->PublicKey(), "messagf", *sig).code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(VerifyEd25519(key->PublicKey(), "message", sig->substr(1)).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(VerifyEd25519("short", "message", *sig).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(Ed25519PrivateKey::Generate()->PublicKey(), key->PublicKey());
}

TEST(Ed25519Test, FromPemRejectsOtherInput) {
  EXPECT_EQ(Ed25519PrivateKey::FromPem("").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Ed25519PrivateKey::FromPem("not pem").status().code(),
            absl::StatusCode::kInvalidArgument);
  absl::StatusOr<Ed25519PrivateKey> key = Ed25519PrivateKey::Generate();
  ASSERT_TRUE(key.ok());
  absl::StatusOr<std::string> pem = key->ToPem();
  ASSERT_TRUE(pem.ok());
  const PkeyPtr ed25519 = ReadPem(*pem);
  ASSERT_NE(ed25519, nullptr);
  // An encrypted PKCS#8 key must fail, without prompting for a passphrase.
  const std::string encrypted = WritePem(ed25519.get(), EVP_aes_256_cbc());
  ASSERT_NE(encrypted.find("ENCRYPTED PRIVATE KEY"), std::string::npos);
  EXPECT_EQ(Ed25519PrivateKey::FromPem(encrypted).status().code(),
            absl::StatusCode::kInvalidArgument);
  // A P-256 key is not an Ed25519 key.
  const PkeyPtr ec(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  ASSERT_NE(ec, nullptr);
  EXPECT_EQ(Ed25519PrivateKey::FromPem(WritePem(ec.get(), nullptr)).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(Ed25519PrivateKey::FromPem(WritePem(ed25519.get(), nullptr)).ok());
}

class KeyFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           absl::StrCat("note_test_", ::getpid(), "_",
                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    ASSERT_TRUE(std::filesystem::create_directories(dir_));
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  static mode_t ModeOf(const std::filesystem::path& p) {
    struct stat st {};
    EXPECT_EQ(::lstat(p.c_str(), &st), 0);
    return st.st_mode & 07777;
  }

  std::filesystem::path dir_;
};

TEST_F(KeyFileTest, WriteReadRoundTripMode0600) {
  absl::StatusOr<Ed25519PrivateKey> key = Ed25519PrivateKey::Generate();
  ASSERT_TRUE(key.ok());
  const std::filesystem::path path = dir_ / "audit.key";
  ASSERT_TRUE(WritePrivateKeyFile(path, *key).ok());
  EXPECT_EQ(ModeOf(path), 0600u);
  absl::StatusOr<Ed25519PrivateKey> read = ReadPrivateKeyFile(path);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->PublicKey(), key->PublicKey());
}

TEST_F(KeyFileTest, OverwriteTightensModeAndReplacesContents) {
  const std::filesystem::path path = dir_ / "audit.key";
  {
    std::ofstream out(path);
    out << std::string(4096, 'x');
  }
  ::chmod(path.c_str(), 0644);
  absl::StatusOr<Ed25519PrivateKey> key = Ed25519PrivateKey::Generate();
  ASSERT_TRUE(key.ok());
  ASSERT_TRUE(WritePrivateKeyFile(path, *key).ok());
  EXPECT_EQ(ModeOf(path), 0600u);
  absl::StatusOr<Ed25519PrivateKey> read = ReadPrivateKeyFile(path);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->PublicKey(), key->PublicKey());
}

TEST_F(KeyFileTest, DoesNotFollowSymlink) {
  const std::filesystem::path target = dir_ / "target";
  { std::ofstream(target) << "keep"; }
  const std::filesystem::path link = dir_ / "audit.key";
  std::filesystem::create_symlink(target, link);
  absl::StatusOr<Ed25519PrivateKey> key = Ed25519PrivateKey::Generate();
  ASSERT_TRUE(key.ok());
  EXPECT_FALSE(WritePrivateKeyFile(link, *key).ok());
  std::ifstream in(target);
  std::string contents;
  in >> contents;
  EXPECT_EQ(contents, "keep");
}

TEST_F(KeyFileTest, ReadErrors) {
  EXPECT_EQ(ReadPrivateKeyFile(dir_ / "missing.key").status().code(), absl::StatusCode::kNotFound);
  const std::filesystem::path junk = dir_ / "junk.key";
  const auto owner_only = std::filesystem::perms::owner_read | std::filesystem::perms::owner_write;
  { std::ofstream(junk) << "not a key\n"; }
  std::filesystem::permissions(junk, owner_only | std::filesystem::perms::others_read);
  // Readable by others, it is refused before it is read; private, for what it holds.
  EXPECT_EQ(ReadPrivateKeyFile(junk).status().code(), absl::StatusCode::kFailedPrecondition);
  std::filesystem::permissions(junk, owner_only);
  EXPECT_EQ(ReadPrivateKeyFile(junk).status().code(), absl::StatusCode::kInvalidArgument);
  const std::filesystem::path big = dir_ / "big.key";
  { std::ofstream(big) << std::string(65 * 1024, 'a'); }
  std::filesystem::permissions(big, owner_only);
  EXPECT_EQ(ReadPrivateKeyFile(big).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace schakel::audit::note
