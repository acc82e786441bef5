// FieldCipher with real OpenSSL: sealing personal fields to their row, key ids, blind indexes, and
// its role as the idempotency table's protector.
#include "services/common/field_cipher.h"

#include <gtest/gtest.h>

#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "google/protobuf/wrappers.pb.h"
#include "services/common/crypto.h"

namespace schakel {
namespace {

using google::protobuf::StringValue;

std::string Key(char fill) { return std::string(crypto::kKeySize, fill); }

class FieldCipherTest : public ::testing::Test {
 protected:
  FieldCipher cipher_{Key('d'), Key('i')};
};

TEST_F(FieldCipherTest, TextRoundTrip) {
  absl::StatusOr<std::string> blob = cipher_.SealText("Jan de Vries", "client/c-1/name");
  ASSERT_TRUE(blob.ok()) << blob.status();
  EXPECT_EQ(blob->size(), crypto::kNonceSize + 12 + crypto::kTagSize);
  absl::StatusOr<std::string> plain = cipher_.OpenText(cipher_.key_id(), *blob, "client/c-1/name");
  ASSERT_TRUE(plain.ok()) << plain.status();
  EXPECT_EQ(*plain, "Jan de Vries");
}

TEST_F(FieldCipherTest, EmptyTextRoundTrip) {
  absl::StatusOr<std::string> blob = cipher_.SealText("", "row");
  ASSERT_TRUE(blob.ok());
  absl::StatusOr<std::string> plain = cipher_.OpenText(cipher_.key_id(), *blob, "row");
  ASSERT_TRUE(plain.ok()) << plain.status();
  EXPECT_EQ(*plain, "");
}

TEST_F(FieldCipherTest, MessageRoundTrip) {
  StringValue in;
  in.set_value("BSN 123456782");
  absl::StatusOr<std::string> blob = cipher_.Seal(in, "client/c-1");
  ASSERT_TRUE(blob.ok()) << blob.status();
  StringValue out;
  out.set_value("left over");
  ASSERT_TRUE(cipher_.Open(cipher_.key_id(), *blob, "client/c-1", out).ok());
  EXPECT_EQ(out.value(), "BSN 123456782");
}

TEST_F(FieldCipherTest, CiphertextHidesThePlaintextAndDiffersEachTime) {
  const std::string secret = "a rather long and recognisable secret";
  absl::StatusOr<std::string> a = cipher_.SealText(secret, "row");
  absl::StatusOr<std::string> b = cipher_.SealText(secret, "row");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);
  EXPECT_NE(a->substr(0, crypto::kNonceSize), b->substr(0, crypto::kNonceSize)) << "nonce reuse";
  EXPECT_FALSE(absl::StrContains(*a, secret));
  EXPECT_FALSE(absl::StrContains(*a, "recognisable"));
  // Both open.
  EXPECT_EQ(cipher_.OpenText(cipher_.key_id(), *a, "row").value_or(""), secret);
  EXPECT_EQ(cipher_.OpenText(cipher_.key_id(), *b, "row").value_or(""), secret);
}

TEST_F(FieldCipherTest, ACiphertextCannotBeMovedToAnotherRow) {
  absl::StatusOr<std::string> blob = cipher_.SealText("Jan", "client/c-1/name");
  ASSERT_TRUE(blob.ok());
  for (const char* other : {"client/c-2/name", "client/c-1/nam", "client/c-1/name ", ""}) {
    EXPECT_EQ(cipher_.OpenText(cipher_.key_id(), *blob, other).status().code(),
              absl::StatusCode::kDataLoss)
        << "row '" << other << "'";
  }
  StringValue in, out;
  in.set_value("Jan");
  absl::StatusOr<std::string> message_blob = cipher_.Seal(in, "client/c-1");
  ASSERT_TRUE(message_blob.ok());
  EXPECT_EQ(cipher_.Open(cipher_.key_id(), *message_blob, "client/c-2", out).code(),
            absl::StatusCode::kDataLoss);
}

TEST_F(FieldCipherTest, ASealWithAnEmptyRowIsBoundToTheEmptyRow) {
  absl::StatusOr<std::string> blob = cipher_.SealText("Jan", "");
  ASSERT_TRUE(blob.ok());
  EXPECT_TRUE(cipher_.OpenText(cipher_.key_id(), *blob, "").ok());
  EXPECT_EQ(cipher_.OpenText(cipher_.key_id(), *blob, "x").status().code(),
            absl::StatusCode::kDataLoss);
}

TEST_F(FieldCipherTest, EveryFlippedByteIsDetected) {
  absl::StatusOr<std::string> blob = cipher_.SealText("Jan de Vries", "row");
  ASSERT_TRUE(blob.ok());
  // Nonce, ciphertext and tag alike.
  for (size_t i = 0; i < blob->size(); ++i) {
    std::string tampered = *blob;
    tampered[i] = static_cast<char>(tampered[i] ^ 0x01);
    EXPECT_EQ(cipher_.OpenText(cipher_.key_id(), tampered, "row").status().code(),
              absl::StatusCode::kDataLoss)
        << "byte " << i;
  }
}

TEST_F(FieldCipherTest, TruncatedOrExtendedBlobsAreRefused) {
  absl::StatusOr<std::string> blob = cipher_.SealText("Jan", "row");
  ASSERT_TRUE(blob.ok());
  for (size_t n :
       {size_t{0}, size_t{5}, crypto::kNonceSize + crypto::kTagSize - 1, blob->size() - 1}) {
    EXPECT_EQ(cipher_.OpenText(cipher_.key_id(), blob->substr(0, n), "row").status().code(),
              absl::StatusCode::kDataLoss)
        << n << " bytes";
  }
  EXPECT_EQ(cipher_.OpenText(cipher_.key_id(), *blob + "x", "row").status().code(),
            absl::StatusCode::kDataLoss);
}

TEST_F(FieldCipherTest, KeyIdIsStableShortAndRevealsNothing) {
  const std::string& id = cipher_.key_id();
  EXPECT_TRUE(absl::StartsWith(id, "k-")) << id;
  EXPECT_EQ(id.size(), 2u + 12u) << id;
  // The same data key gives the same id whatever the index key; another data key another id.
  EXPECT_EQ(FieldCipher(Key('d'), Key('x')).key_id(), id);
  EXPECT_NE(FieldCipher(Key('e'), Key('i')).key_id(), id);
  // Neither the key nor its hex appears in the id.
  EXPECT_FALSE(absl::StrContains(id, "dddd"));
  EXPECT_FALSE(absl::StrContains(id, absl::BytesToHexString(Key('d')).substr(0, 8)));
}

TEST_F(FieldCipherTest, AnotherKeyIdIsRefusedNamingIt) {
  absl::StatusOr<std::string> blob = cipher_.SealText("Jan", "row");
  ASSERT_TRUE(blob.ok());
  absl::Status st = cipher_.OpenText("k-000000000000", *blob, "row").status();
  EXPECT_EQ(st.code(), absl::StatusCode::kDataLoss);
  EXPECT_TRUE(absl::StrContains(st.message(), "k-000000000000")) << st;
  StringValue out;
  EXPECT_EQ(cipher_.Open("", *blob, "row", out).code(), absl::StatusCode::kDataLoss);
}

TEST_F(FieldCipherTest, AnotherDataKeyCannotOpen) {
  absl::StatusOr<std::string> blob = cipher_.SealText("Jan", "row");
  ASSERT_TRUE(blob.ok());
  FieldCipher other(Key('e'), Key('i'));
  // Under its own key id (refused up front) and even if the id were forged.
  EXPECT_EQ(other.OpenText(cipher_.key_id(), *blob, "row").status().code(),
            absl::StatusCode::kDataLoss);
  EXPECT_EQ(other.OpenText(other.key_id(), *blob, "row").status().code(),
            absl::StatusCode::kDataLoss);
  // A cipher with the same data key (another process, same key file) can.
  FieldCipher same(Key('d'), Key('z'));
  EXPECT_EQ(same.OpenText(cipher_.key_id(), *blob, "row").value_or("?"), "Jan");
}

TEST_F(FieldCipherTest, AWronglySizedDataKeyIsAnErrorNotACrash) {
  FieldCipher short_key(std::string(16, 'd'), Key('i'));
  EXPECT_FALSE(short_key.SealText("Jan", "row").ok());
}

TEST_F(FieldCipherTest, OpeningNonsenseAsAMessageFailsAndDoesNotParse) {
  // A well-authenticated blob whose plaintext is not a StringValue: tag 1 with wire type 7.
  absl::StatusOr<std::string> blob = cipher_.SealText(std::string("\x0f\xff", 2), "row");
  ASSERT_TRUE(blob.ok());
  StringValue out;
  EXPECT_EQ(cipher_.Open(cipher_.key_id(), *blob, "row", out).code(), absl::StatusCode::kDataLoss);
}

TEST_F(FieldCipherTest, BlindIndexIsDeterministicAndKeyedByTheIndexKey) {
  const std::string index = cipher_.BlindIndex("bsn", "123456782");
  EXPECT_EQ(index.size(), 32u);
  EXPECT_EQ(cipher_.BlindIndex("bsn", "123456782"), index);
  // Another process with the same index key finds the same row; the data key plays no part.
  EXPECT_EQ(FieldCipher(Key('e'), Key('i')).BlindIndex("bsn", "123456782"), index);
  // Another index key gives another index.
  EXPECT_NE(FieldCipher(Key('d'), Key('j')).BlindIndex("bsn", "123456782"), index);
  // It is the HMAC-SHA-256 the header describes, not a plain hash.
  EXPECT_EQ(index, crypto::HmacSha256(Key('i'), std::string("bsn") + '\0' + "123456782"));
}

TEST_F(FieldCipherTest, BlindIndexSeparatesKindsAndValues) {
  EXPECT_NE(cipher_.BlindIndex("bsn", "123456782"), cipher_.BlindIndex("email", "123456782"));
  EXPECT_NE(cipher_.BlindIndex("bsn", "123456782"), cipher_.BlindIndex("bsn", "123456783"));
  // The separator keeps ("ab", "c") apart from ("a", "bc").
  EXPECT_NE(cipher_.BlindIndex("ab", "c"), cipher_.BlindIndex("a", "bc"));
}

TEST_F(FieldCipherTest, BlindIndexDoesNotContainThePlaintext) {
  const std::string value = "jan.devries@example.org";
  const std::string index = cipher_.BlindIndex("email", value);
  EXPECT_FALSE(absl::StrContains(index, value));
  EXPECT_FALSE(absl::StrContains(index, "jan"));
  EXPECT_FALSE(absl::StrContains(absl::BytesToHexString(index), absl::BytesToHexString("jan.")));
}

TEST_F(FieldCipherTest, ProtectorSealsWithTheKeyIdInFront) {
  const IdempotencyProtector& protector = cipher_;
  absl::StatusOr<std::string> sealed = protector.Seal("stored answer", "alice/r1");
  ASSERT_TRUE(sealed.ok()) << sealed.status();
  ASSERT_TRUE(absl::StartsWith(*sealed, cipher_.key_id() + std::string(1, '\0')));
  EXPECT_FALSE(absl::StrContains(*sealed, "stored answer"));
  EXPECT_EQ(protector.Open(*sealed, "alice/r1").value_or("?"), "stored answer");
  // The part after the key id is an ordinary field blob.
  EXPECT_EQ(
      cipher_.OpenText(cipher_.key_id(), sealed->substr(cipher_.key_id().size() + 1), "alice/r1")
          .value_or("?"),
      "stored answer");
}

TEST_F(FieldCipherTest, ProtectorRefusesOtherAadOtherKeysAndCorruption) {
  const IdempotencyProtector& protector = cipher_;
  absl::StatusOr<std::string> sealed = protector.Seal("stored answer", "alice/r1");
  ASSERT_TRUE(sealed.ok());
  EXPECT_EQ(protector.Open(*sealed, "bob/r1").status().code(), absl::StatusCode::kDataLoss);
  FieldCipher other(Key('e'), Key('i'));
  EXPECT_EQ(
      static_cast<const IdempotencyProtector&>(other).Open(*sealed, "alice/r1").status().code(),
      absl::StatusCode::kDataLoss);
  // No separator at all.
  EXPECT_EQ(protector.Open("no separator here", "alice/r1").status().code(),
            absl::StatusCode::kDataLoss);
  std::string flipped = *sealed;
  flipped.back() = static_cast<char>(flipped.back() ^ 0x80);
  EXPECT_EQ(protector.Open(flipped, "alice/r1").status().code(), absl::StatusCode::kDataLoss);
}

TEST_F(FieldCipherTest, ProtectorMacIsKeyedByTheIndexKey) {
  const IdempotencyProtector& protector = cipher_;
  const std::string request = "CreateClient bsn=123456782";
  const std::string mac = protector.Mac(request);
  EXPECT_EQ(mac.size(), 32u);
  EXPECT_EQ(protector.Mac(request), mac);
  EXPECT_NE(protector.Mac(request + "x"), mac);
  // Keyed: the index key changes it, the data key does not.
  EXPECT_NE(static_cast<const IdempotencyProtector&>(FieldCipher(Key('d'), Key('j'))).Mac(request),
            mac);
  EXPECT_EQ(static_cast<const IdempotencyProtector&>(FieldCipher(Key('e'), Key('i'))).Mac(request),
            mac);
  // Separate from the blind indexes of personal fields.
  EXPECT_NE(cipher_.BlindIndex("bsn", request), mac);
  EXPECT_FALSE(absl::StrContains(mac, "123456782"));
}

}  // namespace
}  // namespace schakel
