#include "services/transparency/merkle.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <limits>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

#ifndef SCHAKEL_TESTDATA_DIR
#error "SCHAKEL_TESTDATA_DIR must name tests/testdata (the build defines it)"
#endif

namespace schakel::audit::merkle {
namespace {

using google::protobuf::Struct;
using google::protobuf::Value;

constexpr int64_t kInt64Max = std::numeric_limits<int64_t>::max();
constexpr int64_t kInt64Min = std::numeric_limits<int64_t>::min();

// ---------------------------------------------------------------------------------------------
// Test data (tests/testdata/rfc6962, parsed with protobuf's JSON support).

std::string ReadTestdata(const std::string& name) {
  const std::string path = absl::StrCat(SCHAKEL_TESTDATA_DIR, "/rfc6962/", name);
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Struct LoadJson(const std::string& name) {
  Struct s;
  const auto st = google::protobuf::util::JsonStringToMessage(ReadTestdata(name), &s);
  EXPECT_TRUE(st.ok()) << name << ": " << st.ToString();
  return s;
}

const Value& Field(const Struct& s, const std::string& key) {
  static const Value kMissing;
  const auto it = s.fields().find(key);
  if (it == s.fields().end()) {
    ADD_FAILURE() << "test data lacks field " << key;
    return kMissing;
  }
  return it->second;
}

int64_t Int(const Value& v) { return static_cast<int64_t>(v.number_value()); }

std::string Unhex(const std::string& hex) {
  // absl::HexStringToBytes does not validate, so the test data is checked here.
  EXPECT_EQ(hex.size() % 2, 0u) << hex;
  EXPECT_TRUE(std::all_of(hex.begin(), hex.end(), [](char c) { return std::isxdigit(c) != 0; }))
      << hex;
  return absl::HexStringToBytes(hex);
}

Hash HexHash(const std::string& hex) {
  absl::StatusOr<Hash> h = HashFromBytes(Unhex(hex));
  EXPECT_TRUE(h.ok()) << hex << ": " << h.status();
  return h.ok() ? *h : Hash{};
}

std::vector<Hash> HexHashes(const Value& list) {
  std::vector<Hash> out;
  for (const Value& v : list.list_value().values()) out.push_back(HexHash(v.string_value()));
  return out;
}

std::vector<std::string> HexList(const std::vector<Hash>& hashes) {
  std::vector<std::string> out;
  for (const Hash& h : hashes) out.push_back(ToHex(h));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Independent references: RFC 9162 §2.1.1 MTH, §2.1.3.1 PATH and §2.1.4.1 SUBPROOF, computed
// recursively from the leaf hashes with no stored-hash layout involved.

size_t Split(size_t n) { return std::bit_floor(n - 1); }

Hash NaiveMth(absl::Span<const Hash> d) {
  if (d.empty()) return EmptyTreeHash();
  if (d.size() == 1) return d[0];
  const size_t k = Split(d.size());
  return HashChildren(NaiveMth(d.subspan(0, k)), NaiveMth(d.subspan(k)));
}

std::vector<Hash> NaivePath(size_t m, absl::Span<const Hash> d) {
  if (d.size() <= 1) return {};
  const size_t k = Split(d.size());
  std::vector<Hash> out;
  if (m < k) {
    out = NaivePath(m, d.subspan(0, k));
    out.push_back(NaiveMth(d.subspan(k)));
  } else {
    out = NaivePath(m - k, d.subspan(k));
    out.push_back(NaiveMth(d.subspan(0, k)));
  }
  return out;
}

std::vector<Hash> NaiveSubproof(size_t m, absl::Span<const Hash> d, bool b) {
  if (m == d.size()) {
    if (b) return {};
    return {NaiveMth(d)};
  }
  const size_t k = Split(d.size());
  std::vector<Hash> out;
  if (m <= k) {
    out = NaiveSubproof(m, d.subspan(0, k), b);
    out.push_back(NaiveMth(d.subspan(k)));
  } else {
    out = NaiveSubproof(m - k, d.subspan(k), false);
    out.push_back(NaiveMth(d.subspan(0, k)));
  }
  return out;
}

// For each audit-path element, leaf upwards: whether it is the right-hand sibling. Together with
// the length this is everything a verifier learns from (index, tree_size).
std::vector<bool> PathShape(int64_t m, int64_t n) {
  std::vector<bool> right;
  int64_t lo = 0, hi = n;
  while (hi - lo > 1) {
    const int64_t k = static_cast<int64_t>(std::bit_floor(static_cast<uint64_t>(hi - lo - 1)));
    right.push_back(m < lo + k);
    if (m < lo + k) {
      hi = lo + k;
    } else {
      lo += k;
    }
  }
  std::reverse(right.begin(), right.end());
  return right;
}

size_t ConsistencyLength(int64_t m, int64_t n) {
  size_t len = 0;
  int64_t lo = 0, hi = n;
  while (m != hi) {
    const int64_t k = static_cast<int64_t>(std::bit_floor(static_cast<uint64_t>(hi - lo - 1)));
    if (m <= lo + k) {
      hi = lo + k;
    } else {
      lo += k;
    }
    ++len;
  }
  return len + (lo != 0 ? 1 : 0);
}

// Go's tlog.SplitStoredHashIndex: the subtree (level, n) stored at `index`.
std::pair<int, int64_t> SplitStoredHashIndex(int64_t index) {
  // Record r's hashes start at StoredHashCount(r) <= 2r, so the record that wrote `index` is at
  // most log2(index) records after index / 2.
  int64_t r = index / 2;
  int64_t start = StoredHashCount(r);
  while (true) {
    const int64_t next = start + 1 + std::countr_one(static_cast<uint64_t>(r));
    if (next > index) break;
    ++r;
    start = next;
  }
  const int level = static_cast<int>(index - start);
  return {level, r >> level};
}

// ---------------------------------------------------------------------------------------------
// Readers.

// Forwards to another reader and records what was asked for.
class RecordingReader final : public HashReader {
 public:
  explicit RecordingReader(HashReader& base) : base_(base) {}
  absl::StatusOr<std::vector<Hash>> ReadHashes(absl::Span<const int64_t> indexes) override {
    ++calls_;
    indexes_.insert(indexes_.end(), indexes.begin(), indexes.end());
    return base_.ReadHashes(indexes);
  }
  int calls() const { return calls_; }
  const std::vector<int64_t>& indexes() const { return indexes_; }
  bool Read(int64_t index) const {
    return std::find(indexes_.begin(), indexes_.end(), index) != indexes_.end();
  }

 private:
  HashReader& base_;
  int calls_ = 0;
  std::vector<int64_t> indexes_;
};

// A consistent store for a huge tree whose records are all the same: every subtree at one
// level has the same hash. Refuses indexes beyond the tree's StoredHashCount.
class UniformTreeReader final : public HashReader {
 public:
  explicit UniformTreeReader(int64_t size) : limit_(StoredHashCount(size)) {
    level_hash_.push_back(HashLeaf("the same record, again"));
    for (int l = 1; l < 63; ++l) {
      level_hash_.push_back(HashChildren(level_hash_.back(), level_hash_.back()));
    }
  }
  absl::StatusOr<std::vector<Hash>> ReadHashes(absl::Span<const int64_t> indexes) override {
    ++calls_;
    max_batch_ = std::max(max_batch_, indexes.size());
    std::vector<Hash> out;
    for (int64_t index : indexes) {
      if (index < 0 || index >= limit_) return absl::NotFoundError(absl::StrCat(index));
      out.push_back(level_hash_[SplitStoredHashIndex(index).first]);
    }
    return out;
  }
  const Hash& leaf() const { return level_hash_[0]; }
  int calls() const { return calls_; }
  size_t max_batch() const { return max_batch_; }

 private:
  int64_t limit_;
  std::vector<Hash> level_hash_;
  int calls_ = 0;
  size_t max_batch_ = 0;
};

// Returns a fixed error, or a wrong number of hashes.
class BrokenReader final : public HashReader {
 public:
  explicit BrokenReader(int extra) : extra_(extra) {}
  absl::StatusOr<std::vector<Hash>> ReadHashes(absl::Span<const int64_t> indexes) override {
    if (extra_ == 0) return absl::DataLossError("disk on fire");
    const int64_t n = static_cast<int64_t>(indexes.size()) + extra_;
    return std::vector<Hash>(static_cast<size_t>(std::max<int64_t>(n, 0)));
  }

 private:
  int extra_;
};

std::vector<Hash> RandomLeaves(size_t n, std::mt19937_64& rng) {
  std::vector<Hash> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) out.push_back(HashLeaf(absl::StrCat("record-", i, "-", rng())));
  return out;
}

void BuildTree(absl::Span<const Hash> leaves, MemoryTree& tree) {
  for (const Hash& h : leaves) ASSERT_TRUE(tree.Append(h).ok());
}

Hash Flip(Hash h, int bit) {
  h[static_cast<size_t>(bit / 8)] ^= static_cast<uint8_t>(1u << (bit % 8));
  return h;
}

Hash MustTreeHash(int64_t n, HashReader& r) {
  absl::StatusOr<Hash> h = TreeHash(n, r);
  EXPECT_TRUE(h.ok()) << n << ": " << h.status();
  return h.ok() ? *h : Hash{};
}

std::vector<Hash> MustInclusion(int64_t index, int64_t size, HashReader& r) {
  absl::StatusOr<std::vector<Hash>> p = InclusionProof(index, size, r);
  EXPECT_TRUE(p.ok()) << index << "/" << size << ": " << p.status();
  return p.ok() ? *p : std::vector<Hash>{};
}

std::vector<Hash> MustConsistency(int64_t size1, int64_t size2, HashReader& r) {
  absl::StatusOr<std::vector<Hash>> p = ConsistencyProof(size1, size2, r);
  EXPECT_TRUE(p.ok()) << size1 << "->" << size2 << ": " << p.status();
  return p.ok() ? *p : std::vector<Hash>{};
}

// ---------------------------------------------------------------------------------------------
// Hashing.

TEST(MerkleHashTest, MatchesPublishedHasherVectors) {
  const Struct data = LoadJson("tree_8_leaves.json");
  const Struct& extra = Field(data, "extra_hasher_vectors").struct_value();
  EXPECT_EQ(ToHex(EmptyTreeHash()), Field(extra, "empty_root").string_value());
  EXPECT_EQ(ToHex(HashLeaf("")), Field(extra, "leaf_hash_of_empty_input").string_value());
  EXPECT_EQ(ToHex(HashLeaf("L123456")), Field(extra, "leaf_hash_of_ascii_L123456").string_value());
  // node_hash_of_ascii_N123_and_N456 hashes 4-byte children; HashChildren takes 32-byte hashes
  // only, and is checked against the node vectors of the 8-leaf tree instead.
}

TEST(MerkleHashTest, HexAndBytes) {
  const Hash h = HashLeaf("x");
  const std::string hex = ToHex(h);
  EXPECT_EQ(hex.size(), 64u);
  EXPECT_EQ(hex, absl::AsciiStrToLower(hex));
  absl::StatusOr<Hash> back = HashFromBytes(absl::HexStringToBytes(hex));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, h);
  EXPECT_EQ(HashFromBytes("").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(HashFromBytes(std::string(31, 'a')).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(HashFromBytes(std::string(33, 'a')).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(HashFromBytes(hex).status().code(), absl::StatusCode::kInvalidArgument);
  // A leaf is never confused with a node over the same bytes (domain separation).
  const std::string raw(reinterpret_cast<const char*>(h.data()), h.size());
  EXPECT_NE(HashLeaf(raw + raw), HashChildren(h, h));
}

// ---------------------------------------------------------------------------------------------
// Stored-hash layout.

TEST(StoredHashLayoutTest, KnownIndexes) {
  // Record r writes its leaf, then one hash per subtree it completes.
  const std::vector<std::pair<std::pair<int, int64_t>, int64_t>> known = {
      {{0, 0}, 0},  {{0, 1}, 1},  {{1, 0}, 2},  {{0, 2}, 3},  {{0, 3}, 4},
      {{1, 1}, 5},  {{2, 0}, 6},  {{0, 4}, 7},  {{0, 5}, 8},  {{1, 2}, 9},
      {{0, 6}, 10}, {{0, 7}, 11}, {{1, 3}, 12}, {{2, 1}, 13}, {{3, 0}, 14}};
  for (const auto& [coord, index] : known) {
    EXPECT_EQ(StoredHashIndex(coord.first, coord.second), index)
        << coord.first << "," << coord.second;
    EXPECT_EQ(SplitStoredHashIndex(index), coord);
  }
  const std::vector<int64_t> counts = {0, 1, 3, 4, 7, 8, 10, 11, 15};
  for (size_t n = 0; n < counts.size(); ++n) {
    EXPECT_EQ(StoredHashCount(static_cast<int64_t>(n)), counts[n]) << n;
  }
}

TEST(StoredHashLayoutTest, DenseAndAppendOnly) {
  for (int64_t size : std::vector<int64_t>{1, 2, 3, 5, 7, 8, 9, 31, 32, 33, 100, 1000, 3000}) {
    std::set<int64_t> seen;
    for (int level = 0; (int64_t{1} << level) <= size; ++level) {
      for (int64_t n = 0; ((n + 1) << level) <= size; ++n) {
        const int64_t index = StoredHashIndex(level, n);
        EXPECT_TRUE(seen.insert(index).second) << "duplicate " << index;
        EXPECT_EQ(SplitStoredHashIndex(index), std::make_pair(level, n));
      }
    }
    // Exactly the indexes [0, StoredHashCount(size)).
    ASSERT_EQ(static_cast<int64_t>(seen.size()), StoredHashCount(size)) << size;
    EXPECT_EQ(*seen.begin(), 0);
    EXPECT_EQ(*seen.rbegin(), StoredHashCount(size) - 1);
  }
  // Record r's run starts at StoredHashCount(r): its leaf, then each completed level in turn.
  for (int64_t r = 0; r < 5000; ++r) {
    const int completed = std::countr_one(static_cast<uint64_t>(r));
    for (int l = 0; l <= completed; ++l) {
      EXPECT_EQ(StoredHashIndex(l, r >> l), StoredHashCount(r) + l);
    }
    EXPECT_EQ(StoredHashCount(r + 1), StoredHashCount(r) + 1 + completed);
  }
}

TEST(StoredHashLayoutTest, LargeValuesAndDomain) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 1000; ++i) {
    const int64_t n = static_cast<int64_t>(rng() % static_cast<uint64_t>(kMaxTreeSize)) + 1;
    EXPECT_EQ(StoredHashCount(n), n + (n - std::popcount(static_cast<uint64_t>(n))));
    EXPECT_EQ(StoredHashCount(n),
              StoredHashIndex(0, n - 1) + 1 + std::countr_one(static_cast<uint64_t>(n - 1)));
    const int64_t index = static_cast<int64_t>(rng() % static_cast<uint64_t>(StoredHashCount(n)));
    const auto [level, m] = SplitStoredHashIndex(index);
    EXPECT_EQ(StoredHashIndex(level, m), index);
  }
  EXPECT_EQ(StoredHashCount(kMaxTreeSize), kInt64Max);
  EXPECT_EQ(StoredHashIndex(62, 0), kInt64Max - 1);
  EXPECT_EQ(StoredHashIndex(0, kMaxTreeSize - 1), kInt64Max - 63);
  EXPECT_EQ(StoredHashCount(kMaxTreeSize + 1), -1);
  EXPECT_EQ(StoredHashCount(-1), -1);
  EXPECT_EQ(StoredHashCount(kInt64Max), -1);
  EXPECT_EQ(StoredHashIndex(-1, 0), -1);
  EXPECT_EQ(StoredHashIndex(63, 0), -1);
  EXPECT_EQ(StoredHashIndex(1000, 0), -1);
  EXPECT_EQ(StoredHashIndex(0, -1), -1);
  EXPECT_EQ(StoredHashIndex(0, kMaxTreeSize), -1);
  EXPECT_EQ(StoredHashIndex(62, 1), -1);
  EXPECT_EQ(StoredHashIndex(1, kInt64Max), -1);
}

// ---------------------------------------------------------------------------------------------
// The published 8-leaf tree and its proofs.

class Rfc6962VectorsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tree8_ = LoadJson("tree_8_leaves.json");
    for (const Value& v : Field(tree8_, "leaf_inputs_hex").list_value().values()) {
      inputs_.push_back(Unhex(v.string_value()));
      leaves_.push_back(HashLeaf(inputs_.back()));
      ASSERT_TRUE(tree_.Append(leaves_.back()).ok());
    }
    ASSERT_EQ(tree_.size(), 8);
    for (int64_t n = 0; n <= 8; ++n) roots_.push_back(MustTreeHash(n, tree_));
  }

  Struct tree8_;
  std::vector<std::string> inputs_;
  std::vector<Hash> leaves_;
  std::vector<Hash> roots_;
  MemoryTree tree_;
};

TEST_F(Rfc6962VectorsTest, LeafHashes) {
  const std::vector<Hash> want = HexHashes(Field(tree8_, "leaf_hashes_hex"));
  ASSERT_EQ(want.size(), 8u);
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(ToHex(leaves_[i]), ToHex(want[i])) << i;
    EXPECT_EQ(ToHex(tree_.mutable_hashes()[StoredHashIndex(0, static_cast<int64_t>(i))]),
              ToHex(want[i]));
  }
}

TEST_F(Rfc6962VectorsTest, StoredNodeHashes) {
  const Struct& by_level = Field(tree8_, "node_hashes_hex_by_level").struct_value();
  ASSERT_EQ(by_level.fields_size(), 4);
  size_t total = 0;
  for (const auto& [level_name, list] : by_level.fields()) {
    const int level = std::stoi(level_name);
    const std::vector<Hash> want = HexHashes(list);
    ASSERT_EQ(want.size(), size_t{8} >> level);
    for (size_t n = 0; n < want.size(); ++n) {
      const int64_t index = StoredHashIndex(level, static_cast<int64_t>(n));
      ASSERT_LT(index, static_cast<int64_t>(tree_.mutable_hashes().size()));
      EXPECT_EQ(ToHex(tree_.mutable_hashes()[static_cast<size_t>(index)]), ToHex(want[n]))
          << "level " << level << " n " << n;
    }
    total += want.size();
  }
  // Every stored hash is a published node hash, nothing else.
  EXPECT_EQ(static_cast<int64_t>(total), StoredHashCount(8));
  EXPECT_EQ(tree_.mutable_hashes().size(), total);
}

TEST_F(Rfc6962VectorsTest, RootHashes) {
  const Struct& by_size = Field(tree8_, "root_hashes_hex_by_tree_size").struct_value();
  ASSERT_EQ(by_size.fields_size(), 9);
  for (const auto& [size_name, root] : by_size.fields()) {
    const int64_t size = std::stoll(size_name);
    EXPECT_EQ(ToHex(roots_[static_cast<size_t>(size)]), root.string_value()) << size;
    EXPECT_EQ(ToHex(NaiveMth(absl::MakeConstSpan(leaves_).subspan(0, static_cast<size_t>(size)))),
              root.string_value());
  }
  EXPECT_EQ(roots_[0], EmptyTreeHash());
}

TEST_F(Rfc6962VectorsTest, InclusionProofs) {
  const Struct data = LoadJson("inclusion_proofs.json");
  const auto& vectors = Field(data, "vectors").list_value().values();
  ASSERT_EQ(vectors.size(), 5);
  for (const Value& vv : vectors) {
    const Struct& v = vv.struct_value();
    const int64_t index = Int(Field(v, "leaf_index"));
    const int64_t size = Int(Field(v, "tree_size"));
    SCOPED_TRACE(absl::StrCat("leaf ", index, " of ", size));
    const Hash leaf = HexHash(Field(v, "leaf_hash_hex").string_value());
    const Hash root = HexHash(Field(v, "root_hex").string_value());
    const std::vector<Hash> want = HexHashes(Field(v, "proof_hex"));
    EXPECT_EQ(HashLeaf(Unhex(Field(v, "leaf_input_hex").string_value())), leaf);
    EXPECT_EQ(leaf, leaves_[static_cast<size_t>(index)]);
    EXPECT_EQ(root, roots_[static_cast<size_t>(size)]);
    EXPECT_EQ(HexList(MustInclusion(index, size, tree_)), HexList(want));
    EXPECT_TRUE(VerifyInclusion(index, size, leaf, want, root).ok());
  }
}

TEST_F(Rfc6962VectorsTest, ConsistencyProofs) {
  const Struct data = LoadJson("consistency_proofs.json");
  const auto& vectors = Field(data, "vectors").list_value().values();
  ASSERT_EQ(vectors.size(), 5);
  for (const Value& vv : vectors) {
    const Struct& v = vv.struct_value();
    const int64_t size1 = Int(Field(v, "size1"));
    const int64_t size2 = Int(Field(v, "size2"));
    SCOPED_TRACE(absl::StrCat(size1, " -> ", size2));
    const Hash root1 = HexHash(Field(v, "root1_hex").string_value());
    const Hash root2 = HexHash(Field(v, "root2_hex").string_value());
    const std::vector<Hash> want = HexHashes(Field(v, "proof_hex"));
    EXPECT_EQ(root1, roots_[static_cast<size_t>(size1)]);
    EXPECT_EQ(root2, roots_[static_cast<size_t>(size2)]);
    EXPECT_EQ(HexList(MustConsistency(size1, size2, tree_)), HexList(want));
    EXPECT_TRUE(VerifyConsistency(size1, size2, root1, root2, want).ok());
  }
}

TEST_F(Rfc6962VectorsTest, InclusionRejectsEveryAlteration) {
  const Struct data = LoadJson("inclusion_proofs.json");
  for (const Value& vv : Field(data, "vectors").list_value().values()) {
    const Struct& v = vv.struct_value();
    const int64_t index = Int(Field(v, "leaf_index"));
    const int64_t size = Int(Field(v, "tree_size"));
    SCOPED_TRACE(absl::StrCat("leaf ", index, " of ", size));
    const Hash leaf = HexHash(Field(v, "leaf_hash_hex").string_value());
    const Hash root = HexHash(Field(v, "root_hex").string_value());
    const std::vector<Hash> proof = HexHashes(Field(v, "proof_hex"));
    auto rejected = [&](int64_t i, int64_t s, const Hash& l, absl::Span<const Hash> p,
                        const Hash& r) {
      const absl::Status st = VerifyInclusion(i, s, l, p, r);
      return !st.ok() && st.code() == absl::StatusCode::kInvalidArgument && !st.message().empty();
    };
    ASSERT_FALSE(rejected(index, size, leaf, proof, root));
    // Wrong index, including index >= size and negative ones.
    for (int64_t i = -2; i <= size + 2; ++i) {
      if (i != index) {
        EXPECT_TRUE(rejected(i, size, leaf, proof, root)) << "index " << i;
      }
    }
    // Wrong size: a proof only fits sizes whose audit path has its length (the root binds the
    // rest; see SizeIsBoundOnlyThroughRoot).
    for (int64_t s = -1; s <= 2 * size + 2; ++s) {
      if (s == size) continue;
      if (s <= index || PathShape(index, s).size() != proof.size()) {
        EXPECT_TRUE(rejected(index, s, leaf, proof, root)) << "size " << s;
      }
    }
    // Truncated and extended proofs.
    if (!proof.empty()) {
      EXPECT_TRUE(rejected(index, size, leaf, absl::MakeConstSpan(proof).subspan(1), root));
      EXPECT_TRUE(
          rejected(index, size, leaf, absl::MakeConstSpan(proof).first(proof.size() - 1), root));
    }
    for (const Hash& extra : {root, leaf, Hash{}, HashLeaf("extra")}) {
      std::vector<Hash> longer = proof;
      longer.push_back(extra);
      EXPECT_TRUE(rejected(index, size, leaf, longer, root));
      longer.pop_back();
      longer.insert(longer.begin(), extra);
      EXPECT_TRUE(rejected(index, size, leaf, longer, root));
    }
    // The message says why: wrong lengths are caught by the RFC's sn checks, not by chance.
    {
      std::vector<Hash> longer = proof;
      longer.push_back(root);
      EXPECT_TRUE(absl::StrContains(VerifyInclusion(index, size, leaf, longer, root).message(),
                                    "too long"));
      if (!proof.empty()) {
        longer.resize(proof.size() - 1);
        EXPECT_TRUE(absl::StrContains(VerifyInclusion(index, size, leaf, longer, root).message(),
                                      "too short"));
      }
      EXPECT_TRUE(absl::StrContains(
          VerifyInclusion(index, size, leaf, proof, Flip(root, 9)).message(), "does not match"));
    }
    // Any flipped bit anywhere.
    for (int bit = 0; bit < 256; ++bit) {
      EXPECT_TRUE(rejected(index, size, Flip(leaf, bit), proof, root)) << "leaf bit " << bit;
      EXPECT_TRUE(rejected(index, size, leaf, proof, Flip(root, bit))) << "root bit " << bit;
      for (size_t p = 0; p < proof.size(); ++p) {
        std::vector<Hash> bad = proof;
        bad[p] = Flip(bad[p], bit);
        EXPECT_TRUE(rejected(index, size, leaf, bad, root)) << "proof " << p << " bit " << bit;
      }
    }
    // Reordered proof elements.
    if (proof.size() >= 2) {
      std::vector<Hash> swapped = proof;
      std::swap(swapped[0], swapped[1]);
      EXPECT_TRUE(rejected(index, size, leaf, swapped, root));
    }
  }
}

TEST_F(Rfc6962VectorsTest, ConsistencyRejectsEveryAlteration) {
  const Struct data = LoadJson("consistency_proofs.json");
  for (const Value& vv : Field(data, "vectors").list_value().values()) {
    const Struct& v = vv.struct_value();
    const int64_t size1 = Int(Field(v, "size1"));
    const int64_t size2 = Int(Field(v, "size2"));
    SCOPED_TRACE(absl::StrCat(size1, " -> ", size2));
    const Hash root1 = HexHash(Field(v, "root1_hex").string_value());
    const Hash root2 = HexHash(Field(v, "root2_hex").string_value());
    const std::vector<Hash> proof = HexHashes(Field(v, "proof_hex"));
    auto rejected = [&](int64_t s1, int64_t s2, const Hash& r1, const Hash& r2,
                        absl::Span<const Hash> p) {
      const absl::Status st = VerifyConsistency(s1, s2, r1, r2, p);
      return !st.ok() && st.code() == absl::StatusCode::kInvalidArgument && !st.message().empty();
    };
    ASSERT_FALSE(rejected(size1, size2, root1, root2, proof));
    // size1 == 0 is not a valid request, even for the empty tree's real root.
    EXPECT_TRUE(rejected(0, size2, EmptyTreeHash(), root2, {}));
    EXPECT_TRUE(rejected(0, size2, EmptyTreeHash(), root2, proof));
    EXPECT_TRUE(rejected(-1, size2, root1, root2, proof));
    // size1 > size2.
    EXPECT_TRUE(rejected(size2 + 1, size2, root1, root2, proof));
    if (size1 != size2) {
      EXPECT_TRUE(rejected(size2, size1, root2, root1, proof));
    }
    // Equal sizes: only the empty proof between identical roots.
    EXPECT_TRUE(rejected(size2, size2, root2, root2, {root2}));
    EXPECT_TRUE(rejected(size1, size1, root1, root1, {root1}));
    EXPECT_TRUE(rejected(size2, size2, root2, Flip(root2, 0), {}));
    EXPECT_FALSE(rejected(size2, size2, root2, root2, {}));
    // An empty proof between different sizes (RFC 9162 §2.1.4.2 step 1).
    if (size1 != size2) {
      EXPECT_TRUE(rejected(size1, size2, root1, root2, {}));
    }
    // Wrong sizes whose proof would have a different length.
    for (int64_t s1 = 1; s1 <= size2; ++s1) {
      if (s1 != size1 && ConsistencyLength(s1, size2) != proof.size()) {
        EXPECT_TRUE(rejected(s1, size2, root1, root2, proof)) << "size1 " << s1;
      }
    }
    for (int64_t s2 = size1; s2 <= 2 * size2 + 2; ++s2) {
      if (s2 != size2 && ConsistencyLength(size1, s2) != proof.size()) {
        EXPECT_TRUE(rejected(size1, s2, root1, root2, proof)) << "size2 " << s2;
      }
    }
    // Truncated and extended proofs.
    if (!proof.empty()) {
      EXPECT_TRUE(rejected(size1, size2, root1, root2, absl::MakeConstSpan(proof).subspan(1)));
      EXPECT_TRUE(
          rejected(size1, size2, root1, root2, absl::MakeConstSpan(proof).first(proof.size() - 1)));
    }
    for (const Hash& extra : {root1, root2, Hash{}}) {
      std::vector<Hash> longer = proof;
      longer.push_back(extra);
      EXPECT_TRUE(rejected(size1, size2, root1, root2, longer));
      longer.pop_back();
      longer.insert(longer.begin(), extra);
      EXPECT_TRUE(rejected(size1, size2, root1, root2, longer));
    }
    if (size1 != size2) {
      std::vector<Hash> longer = proof;
      longer.push_back(root1);
      EXPECT_TRUE(absl::StrContains(VerifyConsistency(size1, size2, root1, root2, longer).message(),
                                    "too long"));
      longer.resize(proof.size() - 1);
      if (!longer.empty()) {
        EXPECT_TRUE(absl::StrContains(
            VerifyConsistency(size1, size2, root1, root2, longer).message(), "too short"));
      }
      EXPECT_TRUE(
          absl::StrContains(VerifyConsistency(size1, size2, Flip(root1, 9), root2, proof).message(),
                            "does not match"));
      EXPECT_TRUE(
          absl::StrContains(VerifyConsistency(size1, size2, root1, Flip(root2, 9), proof).message(),
                            "does not match"));
    }
    // Any flipped bit anywhere.
    for (int bit = 0; bit < 256; ++bit) {
      EXPECT_TRUE(rejected(size1, size2, Flip(root1, bit), root2, proof)) << "root1 bit " << bit;
      EXPECT_TRUE(rejected(size1, size2, root1, Flip(root2, bit), proof)) << "root2 bit " << bit;
      for (size_t p = 0; p < proof.size(); ++p) {
        std::vector<Hash> bad = proof;
        bad[p] = Flip(bad[p], bit);
        EXPECT_TRUE(rejected(size1, size2, root1, root2, bad)) << "proof " << p << " bit " << bit;
      }
    }
  }
}

// RFC 9162's verifier learns from tree_size only the shape of the audit path, so a proof also
// verifies for another size with the same shape -- against the root it was made for. Callers
// must take (tree_size, root) together from one signed checkpoint.
TEST_F(Rfc6962VectorsTest, SizeIsBoundOnlyThroughRoot) {
  const std::vector<Hash> proof = MustInclusion(5, 8, tree_);
  EXPECT_TRUE(VerifyInclusion(5, 8, leaves_[5], proof, roots_[8]).ok());
  EXPECT_TRUE(VerifyInclusion(5, 7, leaves_[5], proof, roots_[8]).ok());
  EXPECT_FALSE(VerifyInclusion(5, 7, leaves_[5], proof, roots_[7]).ok());
  EXPECT_FALSE(VerifyInclusion(5, 6, leaves_[5], proof, roots_[8]).ok());
}

// ---------------------------------------------------------------------------------------------
// Exhaustive and randomised agreement with the recursive RFC definitions.

TEST(MerklePropertyTest, ExhaustiveSmallTrees) {
  std::mt19937_64 rng(1);
  const std::vector<Hash> leaves = RandomLeaves(64, rng);
  MemoryTree tree;
  BuildTree(leaves, tree);
  const absl::Span<const Hash> all = leaves;
  std::vector<Hash> roots = {EmptyTreeHash()};
  for (int64_t n = 1; n <= 64; ++n) {
    roots.push_back(MustTreeHash(n, tree));
    ASSERT_EQ(roots.back(), NaiveMth(all.first(static_cast<size_t>(n)))) << n;
  }
  for (int64_t n = 1; n <= 64; ++n) {
    const auto d = all.first(static_cast<size_t>(n));
    // The cross checks below are cubic; smaller trees already show every shape of interest.
    const bool cross = n <= 24;
    for (int64_t m = 0; m < n; ++m) {
      const std::vector<Hash> proof = MustInclusion(m, n, tree);
      ASSERT_EQ(HexList(proof), HexList(NaivePath(static_cast<size_t>(m), d))) << m << "/" << n;
      ASSERT_TRUE(VerifyInclusion(m, n, leaves[m], proof, roots[n]).ok()) << m << "/" << n;
      // No other index of this tree accepts the proof; another size does exactly when its audit
      // path has the same shape.
      for (int64_t other = 0; cross && other < n; ++other) {
        if (other == m) continue;
        EXPECT_FALSE(VerifyInclusion(other, n, leaves[m], proof, roots[n]).ok());
        EXPECT_FALSE(VerifyInclusion(other, n, leaves[other], proof, roots[n]).ok());
      }
      for (int64_t s = 1; cross && s <= 40; ++s) {
        if (s == n) continue;
        const bool same_shape = s > m && PathShape(m, s) == PathShape(m, n);
        EXPECT_EQ(VerifyInclusion(m, s, leaves[m], proof, roots[n]).ok(), same_shape)
            << m << "/" << n << " as size " << s;
      }
    }
    for (int64_t m = 1; m <= n; ++m) {
      const std::vector<Hash> proof = MustConsistency(m, n, tree);
      ASSERT_EQ(HexList(proof), HexList(NaiveSubproof(static_cast<size_t>(m), d, true)))
          << m << "->" << n;
      ASSERT_EQ(proof.size(), ConsistencyLength(m, n));
      ASSERT_TRUE(VerifyConsistency(m, n, roots[m], roots[n], proof).ok()) << m << "->" << n;
      for (int64_t other = 1; cross && other <= n; ++other) {
        if (other != m) {
          EXPECT_FALSE(VerifyConsistency(other, n, roots[other], roots[n], proof).ok())
              << m << "->" << n << " as " << other;
        }
      }
    }
  }
}

TEST(MerklePropertyTest, RandomTreesAgreeWithRfcDefinitions) {
  const uint64_t seed = std::random_device{}();
  SCOPED_TRACE(absl::StrCat("seed ", seed));
  std::mt19937_64 rng(seed);
  for (int t = 0; t < 5; ++t) {
    const int64_t size = t == 0 ? 2000 : static_cast<int64_t>(rng() % 2000) + 1;
    SCOPED_TRACE(absl::StrCat("tree of ", size));
    const std::vector<Hash> leaves = RandomLeaves(static_cast<size_t>(size), rng);
    const absl::Span<const Hash> all = leaves;
    MemoryTree tree;
    BuildTree(leaves, tree);
    ASSERT_EQ(static_cast<int64_t>(tree.mutable_hashes().size()), StoredHashCount(size));
    auto pick = [&](int64_t lo, int64_t hi) {  // uniform in [lo, hi]
      return lo + static_cast<int64_t>(rng() % static_cast<uint64_t>(hi - lo + 1));
    };
    for (int i = 0; i < 25; ++i) {
      const int64_t n = i < 5 ? std::min<int64_t>(i, size) : pick(0, size);
      EXPECT_EQ(MustTreeHash(n, tree), NaiveMth(all.first(static_cast<size_t>(n)))) << n;
    }
    for (int i = 0; i < 200; ++i) {
      const int64_t n = pick(1, size);
      const int64_t m = pick(0, n - 1);
      const std::vector<Hash> proof = MustInclusion(m, n, tree);
      EXPECT_TRUE(VerifyInclusion(m, n, leaves[m], proof, MustTreeHash(n, tree)).ok())
          << m << "/" << n;
      if (i < 10) {
        EXPECT_EQ(HexList(proof),
                  HexList(NaivePath(static_cast<size_t>(m), all.first(static_cast<size_t>(n)))));
      }
    }
    for (int i = 0; i < 200; ++i) {
      const int64_t n = pick(1, size);
      const int64_t m = pick(1, n);
      const std::vector<Hash> proof = MustConsistency(m, n, tree);
      EXPECT_TRUE(VerifyConsistency(m, n, MustTreeHash(m, tree), MustTreeHash(n, tree), proof).ok())
          << m << "->" << n;
      if (i < 10) {
        EXPECT_EQ(HexList(proof), HexList(NaiveSubproof(static_cast<size_t>(m),
                                                        all.first(static_cast<size_t>(n)), true)));
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Cost: one batched read of O(log n) indexes.

TEST(MerkleCostTest, OneBatchedLogarithmicRead) {
  std::mt19937_64 rng(3);
  const std::vector<Hash> leaves = RandomLeaves(2000, rng);
  MemoryTree tree;
  BuildTree(leaves, tree);
  for (int64_t n = 0; n <= 2000; ++n) {
    RecordingReader rec(tree);
    MustTreeHash(n, rec);
    EXPECT_EQ(rec.calls(), n == 0 ? 0 : 1);
    EXPECT_EQ(static_cast<int>(rec.indexes().size()), std::popcount(static_cast<uint64_t>(n)));
  }
  size_t max_inclusion = 0, max_consistency = 0;
  for (int i = 0; i < 3000; ++i) {
    const int64_t n = static_cast<int64_t>(rng() % 2000) + 1;
    const int64_t log_n = std::bit_width(static_cast<uint64_t>(n - 1));  // ceil(log2 n)
    {
      const int64_t m = static_cast<int64_t>(rng() % static_cast<uint64_t>(n));
      RecordingReader rec(tree);
      const std::vector<Hash> proof = MustInclusion(m, n, rec);
      EXPECT_EQ(rec.calls(), n == 1 ? 0 : 1);
      EXPECT_LE(static_cast<int64_t>(rec.indexes().size()), 2 * log_n) << m << "/" << n;
      EXPECT_LE(static_cast<int64_t>(proof.size()), log_n);
      max_inclusion = std::max(max_inclusion, rec.indexes().size());
    }
    {
      const int64_t m = static_cast<int64_t>(rng() % static_cast<uint64_t>(n)) + 1;
      RecordingReader rec(tree);
      const std::vector<Hash> proof = MustConsistency(m, n, rec);
      EXPECT_LE(rec.calls(), 1);
      EXPECT_LE(static_cast<int64_t>(rec.indexes().size()), 2 * log_n + 1) << m << "->" << n;
      EXPECT_LE(static_cast<int64_t>(proof.size()), log_n + 1);
      max_consistency = std::max(max_consistency, rec.indexes().size());
    }
  }
  EXPECT_LE(max_inclusion, 22u);
  EXPECT_LE(max_consistency, 23u);
  // Appending reads only the left siblings of the subtrees the new record completes.
  MemoryTree fresh;
  for (int64_t r = 0; r < 2000; ++r) {
    RecordingReader rec(fresh);
    absl::StatusOr<std::vector<Hash>> stored = StoredHashesForRecord(r, leaves[r], rec);
    ASSERT_TRUE(stored.ok());
    const int completed = std::countr_one(static_cast<uint64_t>(r));
    EXPECT_EQ(rec.calls(), completed == 0 ? 0 : 1);
    EXPECT_EQ(static_cast<int>(rec.indexes().size()), completed);
    EXPECT_EQ(static_cast<int>(stored->size()), completed + 1);
    ASSERT_TRUE(fresh.Append(leaves[r]).ok());
  }
  EXPECT_EQ(fresh.mutable_hashes(), tree.mutable_hashes());
}

TEST(MerkleCostTest, HugeTreesUseLogarithmicReadsAndVerify) {
  std::mt19937_64 rng(11);
  for (int64_t size : std::vector<int64_t>{kMaxTreeSize, kMaxTreeSize - 1, kMaxTreeSize / 3,
                                           123456789012, (int64_t{1} << 40) + 12345, 6476701}) {
    SCOPED_TRACE(absl::StrCat("size ", size));
    UniformTreeReader reader(size);
    const Hash root = MustTreeHash(size, reader);
    EXPECT_EQ(reader.max_batch(), static_cast<size_t>(std::popcount(static_cast<uint64_t>(size))));
    std::vector<int64_t> indexes = {0, 1, size / 2, size - 2, size - 1};
    for (int i = 0; i < 20; ++i) {
      indexes.push_back(static_cast<int64_t>(rng() % static_cast<uint64_t>(size)));
    }
    for (int64_t index : indexes) {
      const std::vector<Hash> proof = MustInclusion(index, size, reader);
      EXPECT_TRUE(VerifyInclusion(index, size, reader.leaf(), proof, root).ok()) << index;
      EXPECT_FALSE(VerifyInclusion(index, size, reader.leaf(), proof, Flip(root, 3)).ok());
    }
    std::vector<int64_t> olds = {1, 2, size / 2, size - 1, size};
    for (int i = 0; i < 20; ++i) olds.push_back(static_cast<int64_t>(rng() % size) + 1);
    for (int64_t old_size : olds) {
      const Hash old_root = MustTreeHash(old_size, reader);
      const std::vector<Hash> proof = MustConsistency(old_size, size, reader);
      EXPECT_TRUE(VerifyConsistency(old_size, size, old_root, root, proof).ok()) << old_size;
    }
    EXPECT_LE(reader.max_batch(), 2u * 62 + 1);
    // Beyond the tree: the reader refuses, and the error passes through.
    EXPECT_EQ(TreeHash(size + 1, reader).status().code(), size == kMaxTreeSize
                                                              ? absl::StatusCode::kInvalidArgument
                                                              : absl::StatusCode::kNotFound);
  }
}

// ---------------------------------------------------------------------------------------------
// Bad inputs and failing readers.

TEST(MerkleErrorsTest, GenerationRejectsInvalidRequests) {
  MemoryTree tree;
  for (int i = 0; i < 8; ++i) ASSERT_TRUE(tree.Append(HashLeaf(absl::StrCat(i))).ok());
  auto code = [](const auto& result) { return result.status().code(); };
  using absl::StatusCode;
  EXPECT_EQ(code(InclusionProof(-1, 5, tree)), StatusCode::kInvalidArgument);
  EXPECT_EQ(code(InclusionProof(5, 5, tree)), StatusCode::kInvalidArgument);
  EXPECT_EQ(code(InclusionProof(0, 0, tree)), StatusCode::kInvalidArgument);
  EXPECT_EQ(code(InclusionProof(0, -3, tree)), StatusCode::kInvalidArgument);
  EXPECT_EQ(code(InclusionProof(0, kInt64Max, tree)), StatusCode::kInvalidArgument);
  EXPECT_EQ(code(InclusionProof(kInt64Min, kInt64Min, tree)), StatusCode::kInvalidArgument);
  EXPECT_EQ(code(ConsistencyProof(0, 5, tree)), StatusCode::kInvalidArgument);
  EXPECT_EQ(code(ConsistencyProof(0, 0, tree)), StatusCode::kInvalidArgument);
  EXPECT_EQ(code(ConsistencyProof(6, 5, tree)), StatusCode::kInvalidArgument);
  EXPECT_EQ(code(ConsistencyProof(-1, 5, tree)), StatusCode::kInvalidArgument);
  EXPECT_EQ(code(ConsistencyProof(1, kInt64Max, tree)), StatusCode::kInvalidArgument);
  EXPECT_EQ(code(TreeHash(-1, tree)), StatusCode::kInvalidArgument);
  EXPECT_EQ(code(TreeHash(kInt64Max, tree)), StatusCode::kInvalidArgument);
  EXPECT_EQ(code(StoredHashesForRecord(-1, Hash{}, tree)), StatusCode::kInvalidArgument);
  EXPECT_EQ(code(StoredHashesForRecord(kMaxTreeSize, Hash{}, tree)), StatusCode::kInvalidArgument);
  // Equal sizes need no hashes at all.
  RecordingReader rec(tree);
  absl::StatusOr<std::vector<Hash>> same = ConsistencyProof(8, 8, rec);
  ASSERT_TRUE(same.ok());
  EXPECT_TRUE(same->empty());
  EXPECT_EQ(rec.calls(), 0);
  // Beyond what is stored: NOT_FOUND from the reader, unchanged.
  EXPECT_EQ(code(TreeHash(9, tree)), StatusCode::kNotFound);
  EXPECT_EQ(code(InclusionProof(0, 9, tree)), StatusCode::kNotFound);
  EXPECT_EQ(code(ConsistencyProof(3, 9, tree)), StatusCode::kNotFound);
  EXPECT_EQ(code(tree.ReadHashes(std::vector<int64_t>{0, 15})), StatusCode::kNotFound);
  EXPECT_EQ(code(tree.ReadHashes(std::vector<int64_t>{-1})), StatusCode::kNotFound);
  EXPECT_TRUE(tree.ReadHashes({}).ok());
}

TEST(MerkleErrorsTest, ReaderFailuresPassThrough) {
  BrokenReader failing(0);
  using absl::StatusCode;
  EXPECT_EQ(TreeHash(5, failing).status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(TreeHash(5, failing).status().message(), "disk on fire");
  EXPECT_EQ(InclusionProof(1, 5, failing).status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(ConsistencyProof(3, 5, failing).status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(StoredHashesForRecord(3, Hash{}, failing).status().code(), StatusCode::kDataLoss);
  // A record that completes no subtree reads nothing.
  EXPECT_TRUE(StoredHashesForRecord(4, Hash{}, failing).ok());
  // Too few or too many hashes are reported, never read past.
  for (int extra : {-1, -3, 1, 5}) {
    BrokenReader wrong(extra);
    EXPECT_EQ(TreeHash(7, wrong).status().code(), StatusCode::kDataLoss) << extra;
    EXPECT_EQ(InclusionProof(2, 7, wrong).status().code(), StatusCode::kDataLoss) << extra;
    EXPECT_EQ(ConsistencyProof(3, 7, wrong).status().code(), StatusCode::kDataLoss) << extra;
    EXPECT_EQ(StoredHashesForRecord(7, Hash{}, wrong).status().code(), StatusCode::kDataLoss)
        << extra;
  }
}

TEST(MerkleErrorsTest, MemoryTreeRefusesToAppendToADamagedStore) {
  MemoryTree tree;
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(tree.Append(HashLeaf(absl::StrCat(i))).ok());
  EXPECT_EQ(tree.size(), 4);
  tree.mutable_hashes().pop_back();
  EXPECT_EQ(tree.Append(HashLeaf("4")).code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(tree.size(), 4);
}

TEST(MerkleErrorsTest, VerifiersSurviveHostileInput) {
  const Hash h = HashLeaf("h");
  const std::vector<Hash> many(10000, h);
  const std::vector<Hash> sixty_four(64, h);
  const std::vector<int64_t> values = {
      kInt64Min,        kInt64Min + 1, -2,       -1, 0, 1, 2, 3, kMaxTreeSize - 1, kMaxTreeSize,
      kMaxTreeSize + 1, kInt64Max - 1, kInt64Max};
  for (int64_t a : values) {
    for (int64_t b : values) {
      for (absl::Span<const Hash> proof :
           {absl::Span<const Hash>(), absl::MakeConstSpan(many), absl::MakeConstSpan(sixty_four),
            absl::MakeConstSpan(many).first(62)}) {
        // Nothing here is a valid proof (random hashes), except a tree equal to itself.
        EXPECT_FALSE(VerifyInclusion(a, b, h, proof, h).ok() && !proof.empty());
        const absl::Status c = VerifyConsistency(a, b, h, h, proof);
        EXPECT_EQ(c.ok(), a > 0 && a == b && proof.empty()) << a << " " << b;
      }
    }
  }
  // A one-record tree is its own leaf: the empty proof is valid, anything more is not.
  EXPECT_TRUE(VerifyInclusion(0, 1, h, {}, h).ok());
  EXPECT_FALSE(VerifyInclusion(0, 1, h, {h}, h).ok());
}

// ---------------------------------------------------------------------------------------------
// Tampering with a 3000-record store: any proof or root that reads a changed stored hash stops
// verifying against what was computed before, every other one still verifies, and every change
// is caught by some entry's proof.

class MerkleTamperTest : public ::testing::Test {
 protected:
  static constexpr int64_t kSize = 3000;

  void SetUp() override {
    std::mt19937_64 rng(2024);
    leaves_ = RandomLeaves(kSize, rng);
    BuildTree(leaves_, tree_);
    pristine_ = tree_.mutable_hashes();
    for (int64_t n = 0; n <= kSize; ++n) roots_.push_back(MustTreeHash(n, tree_));
  }

  int64_t Pick(int64_t lo, int64_t hi) {  // uniform in [lo, hi]
    return lo + static_cast<int64_t>(rng_() % static_cast<uint64_t>(hi - lo + 1));
  }

  // A stored hash, drawn level first so that high subtrees are hit as often as leaves.
  int64_t PickStoredIndex() {
    const int level = static_cast<int>(Pick(0, std::bit_width(static_cast<uint64_t>(kSize)) - 1));
    return StoredHashIndex(level, Pick(0, (kSize >> level) - 1));
  }

  // Leaves whose proofs include the subtree stored at `index`, or may: its neighbours on both
  // sides, one inside it, its sibling at the same level, and two anywhere.
  void AddCandidates(int64_t index, std::vector<int64_t>& out) {
    const auto [level, n] = SplitStoredHashIndex(index);
    const int64_t start = n << level, end = (n + 1) << level;
    if (start > 0) out.push_back(start - 1);
    if (end < kSize) out.push_back(end);
    out.push_back(Pick(start, end - 1));
    const int64_t sib = (n ^ 1) << level;
    if (sib < kSize) out.push_back(Pick(sib, std::min(sib + (int64_t{1} << level), kSize) - 1));
    out.push_back(Pick(0, kSize - 1));
    out.push_back(Pick(0, kSize - 1));
  }

  // Checks every candidate's inclusion proof, some roots and some consistency proofs against
  // the values from before tampering. Returns how many inclusion proofs were affected.
  int CheckAgainstPristine(const std::vector<int64_t>& changed,
                           const std::vector<int64_t>& candidates) {
    auto touched = [&](const RecordingReader& rec) {
      return std::any_of(changed.begin(), changed.end(), [&](int64_t i) { return rec.Read(i); });
    };
    int affected = 0;
    for (int64_t j : candidates) {
      RecordingReader rec(tree_);
      const std::vector<Hash> proof = MustInclusion(j, kSize, rec);
      const bool hit = touched(rec);
      EXPECT_EQ(VerifyInclusion(j, kSize, leaves_[j], proof, roots_.back()).ok(), !hit)
          << "entry " << j;
      affected += hit ? 1 : 0;
    }
    for (int i = 0; i < 3; ++i) {
      const int64_t n = i == 0 ? kSize : Pick(1, kSize);
      RecordingReader rec(tree_);
      const bool same = MustTreeHash(n, rec) == roots_[n];  // read before asking what was read
      EXPECT_EQ(same, !touched(rec)) << "root " << n;
    }
    for (int i = 0; i < 2; ++i) {
      const int64_t n = i == 0 ? kSize : Pick(1, kSize);
      const int64_t m = Pick(1, n);
      RecordingReader rec(tree_);
      const std::vector<Hash> proof = MustConsistency(m, n, rec);
      EXPECT_EQ(VerifyConsistency(m, n, roots_[m], roots_[n], proof).ok(), !touched(rec))
          << m << "->" << n;
    }
    return affected;
  }

  std::mt19937_64 rng_{99};
  std::vector<Hash> leaves_;
  MemoryTree tree_;
  std::vector<Hash> pristine_;
  std::vector<Hash> roots_;
};

TEST_F(MerkleTamperTest, FlippedStoredHash) {
  for (int trial = 0; trial < 400; ++trial) {
    const int64_t index = PickStoredIndex();
    SCOPED_TRACE(absl::StrCat("trial ", trial, " stored hash ", index));
    auto& hashes = tree_.mutable_hashes();
    hashes[index] = Flip(hashes[index], static_cast<int>(Pick(0, 255)));
    std::vector<int64_t> candidates;
    AddCandidates(index, candidates);
    EXPECT_GE(CheckAgainstPristine({index}, candidates), 1);
    hashes[index] = pristine_[index];
  }
  EXPECT_EQ(tree_.mutable_hashes(), pristine_);
}

TEST_F(MerkleTamperTest, SwappedStoredHashes) {
  for (int trial = 0; trial < 150; ++trial) {
    const int64_t a = PickStoredIndex();
    int64_t b = trial % 2 == 0 ? PickStoredIndex() : Pick(0, StoredHashCount(kSize) - 1);
    if (b == a) b = (a + 1) % StoredHashCount(kSize);
    SCOPED_TRACE(absl::StrCat("trial ", trial, " swapped ", a, " and ", b));
    auto& hashes = tree_.mutable_hashes();
    std::swap(hashes[a], hashes[b]);
    std::vector<int64_t> candidates;
    AddCandidates(a, candidates);
    AddCandidates(b, candidates);
    EXPECT_GE(CheckAgainstPristine({a, b}, candidates), 1);
    std::swap(hashes[a], hashes[b]);
  }
  EXPECT_EQ(tree_.mutable_hashes(), pristine_);
}

TEST_F(MerkleTamperTest, DeletedOrDuplicatedRecord) {
  for (int trial = 0; trial < 60; ++trial) {
    const bool duplicate = trial % 2 == 1;
    const int64_t k = trial < 2 ? 0 : trial < 4 ? kSize - 1 : Pick(0, kSize - 1);
    SCOPED_TRACE(absl::StrCat("trial ", trial, duplicate ? " duplicated " : " deleted ", k));
    std::vector<Hash> changed = leaves_;
    if (duplicate) {
      changed.insert(changed.begin() + k + 1, leaves_[k]);
    } else {
      changed.erase(changed.begin() + k);
    }
    MemoryTree redone;
    BuildTree(changed, redone);
    const int64_t size = redone.size();
    const int64_t common = std::min(size, kSize);
    // The first position whose record differs from the original log's.
    const int64_t first = duplicate ? k + 1 : k;
    const Hash new_root = MustTreeHash(size, redone);
    EXPECT_NE(new_root, roots_.back());
    // Everything before the change is untouched.
    EXPECT_EQ(MustTreeHash(std::min(first, common), redone), roots_[std::min(first, common)]);
    if (first > 0) {
      const int64_t j = Pick(0, first - 1);
      EXPECT_TRUE(
          VerifyInclusion(j, first, leaves_[j], MustInclusion(j, first, redone), roots_[first])
              .ok());
    }
    if (first < common) {
      // From the change on, no root matches and the moved entries cannot be proven.
      EXPECT_NE(MustTreeHash(first + 1, redone), roots_[first + 1]);
      EXPECT_NE(MustTreeHash(common, redone), roots_[common]);
      for (int64_t j : {first, Pick(first, common - 1)}) {
        EXPECT_FALSE(
            VerifyInclusion(j, common, leaves_[j], MustInclusion(j, common, redone), roots_[common])
                .ok())
            << "entry " << j;
      }
    }
    // The altered log's head is consistent with the original head exactly when the change was a
    // plain append (duplicating the last record) or truncation (deleting it).
    const bool append_or_truncate = k == kSize - 1;
    if (duplicate) {
      const std::vector<Hash> proof = MustConsistency(kSize, size, redone);
      EXPECT_EQ(VerifyConsistency(kSize, size, roots_.back(), new_root, proof).ok(),
                append_or_truncate);
    } else {
      const std::vector<Hash> proof = MustConsistency(size, kSize, tree_);
      EXPECT_EQ(VerifyConsistency(size, kSize, new_root, roots_.back(), proof).ok(),
                append_or_truncate);
    }
  }
}

}  // namespace
}  // namespace schakel::audit::merkle
