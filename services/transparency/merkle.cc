#include "services/transparency/merkle.h"

#include <openssl/sha.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

namespace schakel::audit::merkle {
namespace {

// A run of consecutive records [lo, hi); every proof element and every root is the RFC 6962
// hash of one such range.
struct Range {
  int64_t lo;
  int64_t hi;
};

// The RFC 6962 split point of a range of n >= 2 records: the largest power of two < n.
int64_t SplitPoint(int64_t n) {
  return static_cast<int64_t>(std::bit_floor(static_cast<uint64_t>(n - 1)));
}

bool IsPowerOfTwo(int64_t n) { return n > 0 && (n & (n - 1)) == 0; }

// Appends the stored-hash indexes of the maximal complete subtrees that partition [lo, hi), left
// to right. Every range handed in is a node of the RFC tree, so lo is aligned to each piece.
absl::Status AppendRangeIndexes(Range range, std::vector<int64_t>& out) {
  int64_t lo = range.lo;
  while (lo < range.hi) {
    const int64_t k = static_cast<int64_t>(std::bit_floor(static_cast<uint64_t>(range.hi - lo)));
    if ((lo & (k - 1)) != 0) {
      return absl::InternalError(
          absl::StrCat("merkle: range [", range.lo, ", ", range.hi, ") is not a tree node"));
    }
    const int level = std::countr_zero(static_cast<uint64_t>(k));
    out.push_back(StoredHashIndex(level, lo >> level));
    lo += k;
  }
  return absl::OkStatus();
}

// Hashes of `ranges`, read with a single ReadHashes call and folded back together: the pieces
// of a range are its left-to-right maximal subtrees, so its hash is the right fold
// H(p0 || H(p1 || ... H(p_{m-2} || p_{m-1}))), just as RFC 6962's MTH splits it.
absl::StatusOr<std::vector<Hash>> RangeHashes(absl::Span<const Range> ranges, HashReader& r) {
  std::vector<int64_t> indexes;
  std::vector<size_t> pieces;  // how many indexes each range contributed
  pieces.reserve(ranges.size());
  for (const Range& range : ranges) {
    const size_t before = indexes.size();
    if (absl::Status st = AppendRangeIndexes(range, indexes); !st.ok()) return st;
    pieces.push_back(indexes.size() - before);
  }
  std::vector<Hash> stored;
  if (!indexes.empty()) {
    absl::StatusOr<std::vector<Hash>> read = r.ReadHashes(indexes);
    if (!read.ok()) return read.status();
    if (read->size() != indexes.size()) {
      return absl::DataLossError(absl::StrCat("merkle: ReadHashes returned ", read->size(),
                                              " hashes for ", indexes.size(), " indexes"));
    }
    stored = *std::move(read);
  }
  std::vector<Hash> out;
  out.reserve(ranges.size());
  size_t pos = 0;
  for (size_t count : pieces) {
    if (count == 0) return absl::InternalError("merkle: empty range");
    Hash h = stored[pos + count - 1];
    for (size_t i = count - 1; i > 0; --i) h = HashChildren(stored[pos + i - 1], h);
    out.push_back(h);
    pos += count;
  }
  return out;
}

absl::Status CheckTreeSize(int64_t tree_size) {
  if (tree_size < 0 || tree_size > kMaxTreeSize) {
    return absl::InvalidArgumentError(
        absl::StrCat("merkle: tree size ", tree_size, " outside [0, 2^62]"));
  }
  return absl::OkStatus();
}

}  // namespace

Hash HashLeaf(absl::string_view data) {
  // One contiguous buffer keeps to OpenSSL's non-deprecated one-shot SHA256().
  std::string buf;
  buf.reserve(data.size() + 1);
  buf.push_back('\x00');
  buf.append(data.data(), data.size());
  Hash out;
  SHA256(reinterpret_cast<const unsigned char*>(buf.data()), buf.size(), out.data());
  return out;
}

Hash HashChildren(const Hash& left, const Hash& right) {
  unsigned char buf[1 + 2 * sizeof(Hash)];
  buf[0] = 0x01;
  std::memcpy(buf + 1, left.data(), left.size());
  std::memcpy(buf + 1 + left.size(), right.data(), right.size());
  Hash out;
  SHA256(buf, sizeof(buf), out.data());
  return out;
}

Hash EmptyTreeHash() {
  Hash out;
  SHA256(reinterpret_cast<const unsigned char*>(""), 0, out.data());
  return out;
}

std::string ToHex(const Hash& hash) {
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(hash.data()), hash.size()));
}

absl::StatusOr<Hash> HashFromBytes(absl::string_view raw32) {
  Hash out;
  if (raw32.size() != out.size()) {
    return absl::InvalidArgumentError(
        absl::StrCat("merkle: a hash is 32 bytes, got ", raw32.size()));
  }
  std::memcpy(out.data(), raw32.data(), out.size());
  return out;
}

int64_t StoredHashIndex(int level, int64_t n) {
  if (level < 0 || level >= 63 || n < 0 || n >= (kMaxTreeSize >> level)) return -1;
  // The subtree (level, n) is completed by its last record, m = (n + 1) * 2^level - 1, and is
  // written `level` slots after that record's leaf hash.
  const int64_t m = ((n + 1) << level) - 1;
  // Record m's leaf hash comes right after every hash of the m earlier records.
  return StoredHashCount(m) + level;
}

int64_t StoredHashCount(int64_t n) {
  if (n < 0 || n > kMaxTreeSize) return -1;
  // One hash per complete aligned subtree: n >> l of them at each level l, and
  // n + n/2 + n/4 + ... == 2n - popcount(n).
  // Written as n + (n - popcount(n)) so that n == 2^62 yields INT64_MAX without overflowing.
  return n + (n - std::popcount(static_cast<uint64_t>(n)));
}

absl::StatusOr<std::vector<Hash>> StoredHashesForRecord(int64_t n, const Hash& leaf,
                                                        HashReader& r) {
  if (n < 0 || n >= kMaxTreeSize) {
    return absl::InvalidArgumentError(
        absl::StrCat("merkle: record index ", n, " outside [0, 2^62)"));
  }
  // Each trailing 1 bit of n means record n completes a subtree one level up, whose left half
  // is an already stored subtree; read those left halves (lowest level last, i.e. in index
  // order) in one call.
  const int completed = std::countr_one(static_cast<uint64_t>(n));
  std::vector<int64_t> indexes(completed);
  for (int l = 0; l < completed; ++l) {
    indexes[completed - 1 - l] = StoredHashIndex(l, (n >> l) - 1);
  }
  std::vector<Hash> left;
  if (completed > 0) {
    absl::StatusOr<std::vector<Hash>> read = r.ReadHashes(indexes);
    if (!read.ok()) return read.status();
    if (read->size() != indexes.size()) {
      return absl::DataLossError(absl::StrCat("merkle: ReadHashes returned ", read->size(),
                                              " hashes for ", indexes.size(), " indexes"));
    }
    left = *std::move(read);
  }
  std::vector<Hash> out;
  out.reserve(completed + 1);
  out.push_back(leaf);
  Hash h = leaf;
  for (int l = 0; l < completed; ++l) {
    h = HashChildren(left[completed - 1 - l], h);
    out.push_back(h);
  }
  return out;
}

absl::StatusOr<Hash> TreeHash(int64_t n, HashReader& r) {
  if (absl::Status st = CheckTreeSize(n); !st.ok()) return st;
  if (n == 0) return EmptyTreeHash();
  const Range all{0, n};
  absl::StatusOr<std::vector<Hash>> hashes = RangeHashes({&all, 1}, r);
  if (!hashes.ok()) return hashes.status();
  return hashes->front();
}

absl::StatusOr<std::vector<Hash>> InclusionProof(int64_t index, int64_t tree_size, HashReader& r) {
  if (absl::Status st = CheckTreeSize(tree_size); !st.ok()) return st;
  if (index < 0 || index >= tree_size) {
    return absl::InvalidArgumentError(absl::StrCat("merkle: inclusion proof of record ", index,
                                                   " in a tree of size ", tree_size));
  }
  // RFC 9162 PATH(m, D[lo:hi]), walked from the root down: at each split the sibling of the
  // half holding `index` is one proof element. Collected top-down, emitted leaf upwards.
  std::vector<Range> ranges;
  int64_t lo = 0, hi = tree_size;
  while (hi - lo > 1) {
    const int64_t k = SplitPoint(hi - lo);
    if (index < lo + k) {
      ranges.push_back({lo + k, hi});
      hi = lo + k;
    } else {
      ranges.push_back({lo, lo + k});
      lo += k;
    }
  }
  std::reverse(ranges.begin(), ranges.end());
  return RangeHashes(ranges, r);
}

absl::StatusOr<std::vector<Hash>> ConsistencyProof(int64_t size1, int64_t size2, HashReader& r) {
  if (absl::Status st = CheckTreeSize(size2); !st.ok()) return st;
  if (size1 <= 0 || size1 > size2) {
    return absl::InvalidArgumentError(absl::StrCat("merkle: consistency proof from size ", size1,
                                                   " to size ", size2,
                                                   " needs 0 < size1 <= size2"));
  }
  // RFC 9162 SUBPROOF(m, D[lo:hi], b) with an absolute m (= size1), walked from the root down.
  // b stays true while only left halves have been taken, i.e. while lo == 0; at the end the
  // old tree's own subtree [lo, hi) is an element unless it is the old root (b true).
  std::vector<Range> ranges;
  int64_t lo = 0, hi = size2;
  while (size1 != hi) {
    const int64_t k = SplitPoint(hi - lo);
    if (size1 <= lo + k) {
      ranges.push_back({lo + k, hi});
      hi = lo + k;
    } else {
      ranges.push_back({lo, lo + k});
      lo += k;
    }
  }
  if (lo != 0) ranges.push_back({lo, hi});
  std::reverse(ranges.begin(), ranges.end());
  return RangeHashes(ranges, r);
}

absl::Status VerifyInclusion(int64_t index, int64_t tree_size, const Hash& leaf_hash,
                             absl::Span<const Hash> proof, const Hash& root) {
  if (index < 0 || tree_size <= 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("inclusion proof: negative index or non-positive tree size (index ", index,
                     ", tree size ", tree_size, ")"));
  }
  // Step 1.
  if (index >= tree_size) {
    return absl::InvalidArgumentError(
        absl::StrCat("inclusion proof: index ", index, " not below tree size ", tree_size));
  }
  // Steps 2-3. Unsigned so that the shifts are plainly logical.
  uint64_t fn = static_cast<uint64_t>(index);
  uint64_t sn = static_cast<uint64_t>(tree_size) - 1;
  Hash r = leaf_hash;
  // Step 4.
  for (const Hash& p : proof) {
    if (sn == 0) {  // 4a
      return absl::InvalidArgumentError(absl::StrCat("inclusion proof: ", proof.size(),
                                                     " hashes is too long for index ", index,
                                                     " in tree size ", tree_size));
    }
    if ((fn & 1) != 0 || fn == sn) {  // 4b
      r = HashChildren(p, r);
      if ((fn & 1) == 0) {
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = HashChildren(r, p);
    }
    fn >>= 1;  // 4c
    sn >>= 1;
  }
  // Step 5.
  if (sn != 0) {
    return absl::InvalidArgumentError(absl::StrCat("inclusion proof: ", proof.size(),
                                                   " hashes is too short for index ", index,
                                                   " in tree size ", tree_size));
  }
  if (r != root) {
    return absl::InvalidArgumentError(absl::StrCat("inclusion proof: computed root ", ToHex(r),
                                                   " does not match root ", ToHex(root)));
  }
  return absl::OkStatus();
}

absl::Status VerifyConsistency(int64_t size1, int64_t size2, const Hash& root1, const Hash& root2,
                               absl::Span<const Hash> proof) {
  if (size1 <= 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "consistency proof: size1 must be positive (RFC 9162 defines none from size ", size1, ")"));
  }
  if (size1 > size2) {
    return absl::InvalidArgumentError(
        absl::StrCat("consistency proof: size1 ", size1, " exceeds size2 ", size2));
  }
  // The RFC's algorithm is for size1 < size2; a tree is consistent with itself with nothing to
  // prove (SUBPROOF(m, D[m], true) is empty), so only identical roots and an empty proof pass.
  if (size1 == size2) {
    if (!proof.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "consistency proof: must be empty for equal sizes, has ", proof.size(), " hashes"));
    }
    if (root1 != root2) {
      return absl::InvalidArgumentError(
          absl::StrCat("consistency proof: equal sizes ", size1, " but different roots"));
    }
    return absl::OkStatus();
  }
  // Step 1.
  if (proof.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("consistency proof: empty for sizes ", size1, " -> ", size2));
  }
  // Step 2, without copying: path[i] is root1 followed by the proof when size1 is a power of 2.
  const bool prepend = IsPowerOfTwo(size1);
  const size_t path_size = proof.size() + (prepend ? 1 : 0);
  auto path = [&](size_t i) -> const Hash& {
    if (prepend) return i == 0 ? root1 : proof[i - 1];
    return proof[i];
  };
  // Step 3.
  uint64_t fn = static_cast<uint64_t>(size1) - 1;
  uint64_t sn = static_cast<uint64_t>(size2) - 1;
  // Step 4.
  while ((fn & 1) != 0) {
    fn >>= 1;
    sn >>= 1;
  }
  // Step 5.
  Hash fr = path(0);
  Hash sr = path(0);
  // Step 6.
  for (size_t i = 1; i < path_size; ++i) {
    const Hash& c = path(i);
    if (sn == 0) {  // 6a
      return absl::InvalidArgumentError(absl::StrCat("consistency proof: ", proof.size(),
                                                     " hashes is too long for sizes ", size1,
                                                     " -> ", size2));
    }
    if ((fn & 1) != 0 || fn == sn) {  // 6b
      fr = HashChildren(c, fr);
      sr = HashChildren(c, sr);
      if ((fn & 1) == 0) {
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      sr = HashChildren(sr, c);
    }
    fn >>= 1;  // 6c
    sn >>= 1;
  }
  // Step 7.
  if (sn != 0) {
    return absl::InvalidArgumentError(absl::StrCat("consistency proof: ", proof.size(),
                                                   " hashes is too short for sizes ", size1, " -> ",
                                                   size2));
  }
  if (fr != root1) {
    return absl::InvalidArgumentError(absl::StrCat("consistency proof: computed old root ",
                                                   ToHex(fr), " does not match ", ToHex(root1)));
  }
  if (sr != root2) {
    return absl::InvalidArgumentError(absl::StrCat("consistency proof: computed new root ",
                                                   ToHex(sr), " does not match ", ToHex(root2)));
  }
  return absl::OkStatus();
}

absl::Status MemoryTree::Append(const Hash& leaf) {
  if (static_cast<int64_t>(hashes_.size()) != StoredHashCount(size_)) {
    return absl::FailedPreconditionError(absl::StrCat("merkle: ", hashes_.size(),
                                                      " stored hashes for ", size_,
                                                      " records, want ", StoredHashCount(size_)));
  }
  absl::StatusOr<std::vector<Hash>> stored = StoredHashesForRecord(size_, leaf, *this);
  if (!stored.ok()) return stored.status();
  hashes_.insert(hashes_.end(), stored->begin(), stored->end());
  ++size_;
  return absl::OkStatus();
}

int64_t MemoryTree::size() const { return size_; }

absl::StatusOr<std::vector<Hash>> MemoryTree::ReadHashes(absl::Span<const int64_t> indexes) {
  std::vector<Hash> out;
  out.reserve(indexes.size());
  for (int64_t index : indexes) {
    if (index < 0 || static_cast<uint64_t>(index) >= hashes_.size()) {
      return absl::NotFoundError(
          absl::StrCat("merkle: no stored hash ", index, " (", hashes_.size(), " stored)"));
    }
    out.push_back(hashes_[static_cast<size_t>(index)]);
  }
  return out;
}

std::vector<Hash>& MemoryTree::mutable_hashes() { return hashes_; }

}  // namespace schakel::audit::merkle
