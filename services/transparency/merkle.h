// RFC 6962 / RFC 9162 Merkle tree hashing, proofs and proof verification for the append-only
// audit log.
//
// Contract:
//  * Hashing is RFC 6962's: leaf = SHA-256(0x00 || data), node = SHA-256(0x01 || left || right),
//    and the empty tree hashes to SHA-256(""). Leaf indexes are 0-based; proofs are ordered from
//    the leaf upwards, exactly as RFC 9162 §2.1.3.1 / §2.1.4.1 define them.
//  * Storage follows Go's golang.org/x/mod/sumdb/tlog "stored hash" layout: every complete,
//    aligned subtree (level, n) -- the 2^level leaves [n * 2^level, (n + 1) * 2^level) -- has one
//    hash at index StoredHashIndex(level, n). Appending record n writes its leaf hash and the
//    hashes of the subtrees it completes as one contiguous run starting at StoredHashCount(n), so
//    the store only ever grows at the end. A tree of n records holds StoredHashCount(n) hashes.
//  * Proof generation and TreeHash issue at most one HashReader::ReadHashes call, for
//    O(log n) indexes, whatever the index or size. Reader errors are returned unchanged.
//  * Verification follows RFC 9162 §2.1.3.2 / §2.1.4.2 step by step and accepts any input
//    without crashing: OK means the proof is valid, anything else (kInvalidArgument, with a
//    message saying what is wrong) means it is not. Note, as in the RFC, that an inclusion proof
//    binds the tree size only through the root it is checked against.
//  * Tree sizes are limited to kMaxTreeSize (2^62) so that stored-hash indexes fit in int64_t.
#ifndef SCHAKEL_SERVICES_TRANSPARENCY_MERKLE_H_
#define SCHAKEL_SERVICES_TRANSPARENCY_MERKLE_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace schakel::audit::merkle {

using Hash = std::array<uint8_t, 32>;

// The largest tree (in records) this library builds or proves over. StoredHashCount(2^62) is
// exactly INT64_MAX, so every stored-hash index of such a tree is representable.
inline constexpr int64_t kMaxTreeSize = int64_t{1} << 62;

// SHA-256(0x00 || data): the RFC 6962 leaf hash of one record.
Hash HashLeaf(absl::string_view data);
// SHA-256(0x01 || left || right): the RFC 6962 interior node hash.
Hash HashChildren(const Hash& left, const Hash& right);
// SHA-256(""): the root of the empty tree.
Hash EmptyTreeHash();

// Lower-case hex, 64 characters.
std::string ToHex(const Hash& hash);
// The hash whose 32 raw bytes are `raw32`; INVALID_ARGUMENT for any other length.
absl::StatusOr<Hash> HashFromBytes(absl::string_view raw32);

// Index of the stored hash of the complete subtree (level, n). Defined for 0 <= level < 63,
// n >= 0 and (n + 1) * 2^level <= kMaxTreeSize; returns -1 outside that domain.
int64_t StoredHashIndex(int level, int64_t n);
// Number of hashes stored for a tree of n records (0 <= n <= kMaxTreeSize); -1 outside that
// domain. Equals 2n - popcount(n).
int64_t StoredHashCount(int64_t n);

// Reads stored hashes by index (backed by SQLite in production, memory in tests).
class HashReader {
 public:
  virtual ~HashReader() = default;
  // Returns the hashes at `indexes`, in the same order; NOT_FOUND / DATA_LOSS style errors pass
  // through. Returning a different number of hashes than indexes is reported as DATA_LOSS.
  virtual absl::StatusOr<std::vector<Hash>> ReadHashes(absl::Span<const int64_t> indexes) = 0;
};

// The hashes to store (in order, at indexes StoredHashCount(n) ...) when appending record n
// (0-based) whose leaf hash is `leaf`: the leaf hash followed by the hash of every subtree that
// record n completes. Reads the left siblings of those subtrees (one ReadHashes call).
absl::StatusOr<std::vector<Hash>> StoredHashesForRecord(int64_t n, const Hash& leaf, HashReader& r);
// The RFC 6962 root of the first n records (EmptyTreeHash() for n == 0).
absl::StatusOr<Hash> TreeHash(int64_t n, HashReader& r);
// RFC 9162 §2.1.3.1 inclusion proof (audit path, leaf upwards) of record `index` in the tree of
// `tree_size` records. INVALID_ARGUMENT unless 0 <= index < tree_size <= kMaxTreeSize.
absl::StatusOr<std::vector<Hash>> InclusionProof(int64_t index, int64_t tree_size, HashReader& r);
// RFC 9162 §2.1.4.1 consistency proof from size1 to size2: empty when size1 == size2;
// INVALID_ARGUMENT unless 0 < size1 <= size2 <= kMaxTreeSize (the RFC defines no proof from the
// empty tree).
absl::StatusOr<std::vector<Hash>> ConsistencyProof(int64_t size1, int64_t size2, HashReader& r);

// RFC 9162 §2.1.3.2: OK iff `proof` proves that `leaf_hash` is record `index` of the tree of
// `tree_size` records whose root is `root`.
absl::Status VerifyInclusion(int64_t index, int64_t tree_size, const Hash& leaf_hash,
                             absl::Span<const Hash> proof, const Hash& root);
// RFC 9162 §2.1.4.2: OK iff `proof` proves that the tree of size2 records with root `root2`
// extends the tree of size1 records with root `root1`. size1 == size2 is valid only with an
// empty proof and equal roots; size1 == 0 is rejected (the RFC defines no such proof).
absl::Status VerifyConsistency(int64_t size1, int64_t size2, const Hash& root1, const Hash& root2,
                               absl::Span<const Hash> proof);

// An in-memory append-only tree on top of the stored-hash layout (tests, tools, export
// verification).
class MemoryTree final : public HashReader {
 public:
  // Appends StoredHashesForRecord(size(), leaf). FAILED_PRECONDITION if the stored hashes no
  // longer match the size (e.g. after mutable_hashes() removed some).
  absl::Status Append(const Hash& leaf);
  int64_t size() const;
  // NOT_FOUND for any index outside the stored hashes.
  absl::StatusOr<std::vector<Hash>> ReadHashes(absl::Span<const int64_t> indexes) override;
  // Direct access to the stored hashes, for tamper tests.
  std::vector<Hash>& mutable_hashes();

 private:
  std::vector<Hash> hashes_;
  int64_t size_ = 0;
};

}  // namespace schakel::audit::merkle

#endif  // SCHAKEL_SERVICES_TRANSPARENCY_MERKLE_H_
