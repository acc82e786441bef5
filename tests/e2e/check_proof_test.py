#!/usr/bin/env python3
"""End-to-end conformance test of `schakelctl audit check-proof --file F.json`.

    usage: check_proof_test.py SCHAKELCTL TESTDATA_DIR

Exit codes of the CLI: 0 = valid proof, 1 = invalid proof, 2 = malformed input.

The expected exit code of every valid or mutated proof comes from an independent Python
implementation of RFC 9162 (§2.1.1 MTH, §2.1.3.1 PATH, §2.1.3.2 inclusion verification,
§2.1.4.1 SUBPROOF, §2.1.4.2 consistency verification), checked first against the published
RFC 6962 test vectors in TESTDATA_DIR (tree_8_leaves.json, inclusion_proofs.json,
consistency_proofs.json; hex there, base64 in the CLI's JSON).

Conventions beyond RFC 9162's verification algorithms (which are defined for
0 <= leaf_index < tree_size and 0 < size1 < size2):
  * size1 == size2: valid iff the proof is empty and root1 == root2 (PROOF(m, D[m]) is empty);
  * size1 == 0: never valid (the RFC defines no consistency proof from the empty tree);
  * a hash that is not 32 bytes long is an invalid proof (exit 1), not malformed input.

Each CLI call is a fresh process (~0.1-0.3 s), so the cases run a few at a time in parallel,
and of the ~1400 mutations of the valid proofs (the published vectors and every inclusion and
consistency proof in the trees of size 1..8) a seeded sample runs by default: two of every class
(kind of proof x kind of mutation), a share of those the oracle says stay valid, the rest at
random. Environment:
  CHECK_PROOF_SEED=N  seed for the bit flips and the sample (default 6962)
  CHECK_PROOF_FULL=1  run every mutation (slow: ~1500 CLI calls, minutes)
  CHECK_PROOF_SAMPLE=N size of the sample of mutations (default 120)
"""

import base64
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile

# --------------------------------------------------------------------------------------------
# RFC 9162 reference implementation (the oracle).


def leaf_hash(data):
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def largest_pow2_below(n):
    """The largest power of two k with k < n (n > 1)."""
    k = 1
    while k << 1 < n:
        k <<= 1
    return k


def mth(leaves):
    """MTH over a list of leaf hashes (RFC 9162 §2.1.1)."""
    n = len(leaves)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return leaves[0]
    k = largest_pow2_below(n)
    return node_hash(mth(leaves[:k]), mth(leaves[k:]))


def path(m, leaves):
    """PATH(m, D[n]) (RFC 9162 §2.1.3.1), over leaf hashes."""
    n = len(leaves)
    if n == 1:
        return []
    k = largest_pow2_below(n)
    if m < k:
        return path(m, leaves[:k]) + [mth(leaves[k:])]
    return path(m - k, leaves[k:]) + [mth(leaves[:k])]


def subproof(m, leaves, b):
    """SUBPROOF(m, D[n], b) (RFC 9162 §2.1.4.1), over leaf hashes."""
    n = len(leaves)
    if m == n:
        return [] if b else [mth(leaves)]
    k = largest_pow2_below(n)
    if m <= k:
        return subproof(m, leaves[:k], b) + [mth(leaves[k:])]
    return subproof(m - k, leaves[k:], False) + [mth(leaves[:k])]


def consistency_proof(m, leaves):
    """PROOF(m, D[n]) = SUBPROOF(m, D[n], true)."""
    return subproof(m, leaves, True)


def all_32(*hashes):
    return all(len(h) == 32 for h in hashes)


def verify_inclusion(leaf_index, tree_size, leaf, proof, root):
    """RFC 9162 §2.1.3.2."""
    if not all_32(leaf, root, *proof):
        return False
    if leaf_index < 0 or tree_size < 0:
        return False
    # 1.
    if leaf_index >= tree_size:
        return False
    # 2.-3.
    fn, sn, r = leaf_index, tree_size - 1, leaf
    # 4.
    for p in proof:
        if sn == 0:  # a
            return False
        if fn & 1 or fn == sn:  # b
            r = node_hash(p, r)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1  # c
        sn >>= 1
    # 5.
    return sn == 0 and r == root


def verify_consistency(size1, size2, root1, root2, proof):
    """RFC 9162 §2.1.4.2, plus the conventions in the module docstring."""
    if not all_32(root1, root2, *proof):
        return False
    if size1 <= 0 or size1 > size2:
        return False
    if size1 == size2:
        return not proof and root1 == root2
    # 1.
    if not proof:
        return False
    # 2.
    p = list(proof)
    if size1 & (size1 - 1) == 0:
        p = [root1] + p
    # 3.
    fn, sn = size1 - 1, size2 - 1
    # 4.
    while fn & 1:
        fn >>= 1
        sn >>= 1
    # 5.
    fr = sr = p[0]
    # 6.
    for c in p[1:]:
        if sn == 0:  # a
            return False
        if fn & 1 or fn == sn:  # b
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1  # c
        sn >>= 1
    # 7.
    return fr == root1 and sr == root2 and sn == 0


# --------------------------------------------------------------------------------------------
# Proofs as Python objects and as the CLI's JSON.


def b64(h):
    return base64.b64encode(h).decode("ascii")


class Inclusion:
    kind = "inclusion"

    def __init__(self, leaf_index, tree_size, leaf, proof, root):
        self.leaf_index, self.tree_size = leaf_index, tree_size
        self.leaf, self.proof, self.root = leaf, list(proof), root

    def copy(self, **kw):
        c = Inclusion(self.leaf_index, self.tree_size, self.leaf, self.proof, self.root)
        for k, v in kw.items():
            setattr(c, k, v)
        return c

    def valid(self):
        return verify_inclusion(self.leaf_index, self.tree_size, self.leaf, self.proof, self.root)

    def to_json(self):
        return {"kind": "inclusion", "leaf_index": self.leaf_index, "tree_size": self.tree_size,
                "leaf_hash": b64(self.leaf), "proof": [b64(p) for p in self.proof],
                "root": b64(self.root)}

    def label(self):
        return "inclusion(index=%d,size=%d)" % (self.leaf_index, self.tree_size)


class Consistency:
    kind = "consistency"

    def __init__(self, size1, size2, root1, root2, proof):
        self.size1, self.size2 = size1, size2
        self.root1, self.root2, self.proof = root1, root2, list(proof)

    def copy(self, **kw):
        c = Consistency(self.size1, self.size2, self.root1, self.root2, self.proof)
        for k, v in kw.items():
            setattr(c, k, v)
        return c

    def valid(self):
        return verify_consistency(self.size1, self.size2, self.root1, self.root2, self.proof)

    def to_json(self):
        return {"kind": "consistency", "size1": self.size1, "size2": self.size2,
                "root1": b64(self.root1), "root2": b64(self.root2),
                "proof": [b64(p) for p in self.proof]}

    def label(self):
        return "consistency(%d->%d)" % (self.size1, self.size2)


def flip(h, rng):
    i = rng.randrange(len(h))
    b = bytearray(h)
    b[i] ^= 1 << rng.randrange(8)
    return bytes(b)


EXTRA = hashlib.sha256(b"schakel check-proof extra element").digest()


def mutations(pf, rng):
    """(name, mutated proof) pairs; the oracle decides the expected result of each."""
    out = []
    for i in range(len(pf.proof)):
        pr = list(pf.proof)
        pr[i] = flip(pr[i], rng)
        out.append(("flip bit in proof[%d]" % i, pf.copy(proof=pr)))
    if pf.proof:
        out.append(("drop last proof element", pf.copy(proof=pf.proof[:-1])))
        out.append(("proof[0] is 31 bytes", pf.copy(proof=[pf.proof[0][:31]] + pf.proof[1:])))
        out.append(("proof[0] is 33 bytes",
                    pf.copy(proof=[pf.proof[0] + b"\x00"] + pf.proof[1:])))
    out.append(("append extra proof element", pf.copy(proof=pf.proof + [EXTRA])))
    if isinstance(pf, Inclusion):
        out.append(("flip bit in root", pf.copy(root=flip(pf.root, rng))))
        out.append(("flip bit in leaf_hash", pf.copy(leaf=flip(pf.leaf, rng))))
        out.append(("leaf_hash is 31 bytes", pf.copy(leaf=pf.leaf[:31])))
        out.append(("root is 33 bytes", pf.copy(root=pf.root + b"\x00")))
        out.append(("leaf_index+1", pf.copy(leaf_index=pf.leaf_index + 1)))
        if pf.leaf_index > 0:
            out.append(("leaf_index-1", pf.copy(leaf_index=pf.leaf_index - 1)))
        out.append(("tree_size+1", pf.copy(tree_size=pf.tree_size + 1)))
        out.append(("tree_size-1", pf.copy(tree_size=pf.tree_size - 1)))
        out.append(("tree_size*2", pf.copy(tree_size=pf.tree_size * 2)))
        out.append(("tree_size=0", pf.copy(tree_size=0)))
        out.append(("leaf_index=tree_size", pf.copy(leaf_index=pf.tree_size)))
        out.append(("leaf_index=tree_size+5", pf.copy(leaf_index=pf.tree_size + 5)))
        out.append(("tree_size=leaf_index", pf.copy(tree_size=pf.leaf_index)))
    else:
        out.append(("flip bit in root1", pf.copy(root1=flip(pf.root1, rng))))
        out.append(("flip bit in root2", pf.copy(root2=flip(pf.root2, rng))))
        out.append(("root1 is 31 bytes", pf.copy(root1=pf.root1[:31])))
        out.append(("root2 is 33 bytes", pf.copy(root2=pf.root2 + b"\x00")))
        out.append(("size1+1", pf.copy(size1=pf.size1 + 1)))
        out.append(("size1-1", pf.copy(size1=pf.size1 - 1)))
        out.append(("size2+1", pf.copy(size2=pf.size2 + 1)))
        if pf.size2 > 0:
            out.append(("size2-1", pf.copy(size2=pf.size2 - 1)))
        out.append(("size2*2", pf.copy(size2=pf.size2 * 2)))
        out.append(("size1=size2+1 (size1 > size2)", pf.copy(size1=pf.size2 + 1)))
        if pf.size1 != pf.size2:
            out.append(("sizes and roots swapped (size1 > size2)",
                        pf.copy(size1=pf.size2, size2=pf.size1, root1=pf.root2, root2=pf.root1)))
        out.append(("size1=0 (with the empty-tree root)",
                    pf.copy(size1=0, root1=hashlib.sha256(b"").digest())))
        out.append(("size1=0, empty proof",
                    pf.copy(size1=0, root1=hashlib.sha256(b"").digest(), proof=[])))
        out.append(("size1=size2 with the proof", pf.copy(size1=pf.size2, root1=pf.root2)))
        if pf.size1 == pf.size2:
            out.append(("equal sizes, different roots", pf.copy(root1=flip(pf.root1, rng))))
    return out


def pick(pool, n, rng):
    """A seeded sample of about n mutations that covers every kind of mutation: two of each
    class (kind of proof, mutation), a share of those the oracle says are still valid (changed
    sizes that keep the path shape), the rest at random."""
    if n >= len(pool):
        return list(pool)
    by_class = {}
    for item in pool:
        by_class.setdefault(item[1], []).append(item)
    chosen = []
    for cls in sorted(by_class):
        chosen += rng.sample(by_class[cls], min(2, len(by_class[cls])))
    taken = {id(item) for item in chosen}
    still_valid = [item for item in pool if id(item) not in taken and item[2].valid()]
    for item in rng.sample(still_valid, min(len(still_valid), max(0, n // 8))):
        chosen.append(item)
        taken.add(id(item))
    rest = [item for item in pool if id(item) not in taken]
    chosen += rng.sample(rest, min(len(rest), max(0, n - len(chosen))))
    return chosen


# --------------------------------------------------------------------------------------------
# Running the CLI.


class Runner:
    def __init__(self, binary, tmpdir):
        self.binary, self.tmpdir = binary, tmpdir
        self.cases = []  # (name, content: str or None for a missing file, expected exit)

    def add(self, name, content, expected):
        if not isinstance(content, str) and content is not None:
            content = json.dumps(content)
        self.cases.append((name, content, expected))

    def run(self, parallel):
        """Runs every case; returns [(name, content, expected, exit, output)]."""
        results = [None] * len(self.cases)
        running = []  # (i, proc)
        i = 0

        def finish(j, proc):
            name, content, expected = self.cases[j]
            try:
                out, _ = proc.communicate(timeout=60)
                rc = proc.returncode
            except subprocess.TimeoutExpired:
                proc.kill()
                out, _ = proc.communicate()
                rc = "timeout"
            results[j] = (name, content, expected, rc,
                          out.decode("utf-8", "replace") if out else "")

        while i < len(self.cases) or running:
            while i < len(self.cases) and len(running) < parallel:
                name, content, expected = self.cases[i]
                path = os.path.join(self.tmpdir, "case%05d.json" % i)
                if content is not None:
                    with open(path, "w") as f:
                        f.write(content)
                try:
                    proc = subprocess.Popen(
                        [self.binary, "audit", "check-proof", "--file", path],
                        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                        stderr=subprocess.STDOUT)
                    running.append((i, proc))
                except OSError as e:
                    results[i] = (name, content, expected, "could not start", str(e))
                i += 1
            if running:
                j, proc = running.pop(0)
                finish(j, proc)
        return results


# --------------------------------------------------------------------------------------------


def main():
    # What the test and the server it starts create is for this user only, as in the scripts.
    os.umask(0o077)
    if len(sys.argv) != 3:
        print("usage: %s SCHAKELCTL TESTDATA_DIR" % sys.argv[0], file=sys.stderr)
        return 2
    binary, datadir = sys.argv[1], sys.argv[2]
    seed = int(os.environ.get("CHECK_PROOF_SEED", "6962"))
    full = os.environ.get("CHECK_PROOF_FULL", "") not in ("", "0")
    sample = int(os.environ.get("CHECK_PROOF_SAMPLE", "120"))
    rng = random.Random(seed)

    passed, failed = 0, 0

    def oracle_check(name, ok, detail=""):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAIL [oracle] %s%s" % (name, ("\n  " + detail) if detail else ""))

    def load(name):
        with open(os.path.join(datadir, name)) as f:
            return json.load(f)

    tree = load("tree_8_leaves.json")
    inc_vectors = load("inclusion_proofs.json")["vectors"]
    con_vectors = load("consistency_proofs.json")["vectors"]
    hx = bytes.fromhex

    # 0. The oracle against the published data.
    leaves = [leaf_hash(hx(d)) for d in tree["leaf_inputs_hex"]]
    oracle_check("leaf hashes of the 8 leaf inputs",
                 [h.hex() for h in leaves] == tree["leaf_hashes_hex"])
    leaves = [hx(h) for h in tree["leaf_hashes_hex"]]
    for level, hashes in sorted(tree["node_hashes_hex_by_level"].items()):
        width = 1 << int(level)
        mine = [mth(leaves[i * width:(i + 1) * width]).hex() for i in range(len(hashes))]
        oracle_check("node hashes at level %s" % level, mine == hashes)
    roots = {}
    for size, root in tree["root_hashes_hex_by_tree_size"].items():
        roots[int(size)] = hx(root)
        oracle_check("MTH of the first %s leaves" % size, mth(leaves[:int(size)]).hex() == root,
                     "computed %s" % mth(leaves[:int(size)]).hex())
    n_leaves = len(leaves)

    # The published vectors.
    vec_proofs = []
    for v in inc_vectors:
        pf = Inclusion(v["leaf_index"], v["tree_size"], hx(v["leaf_hash_hex"]),
                       [hx(p) for p in v["proof_hex"]], hx(v["root_hex"]))
        vec_proofs.append(("vector " + pf.label(), pf))
        if v.get("leaf_input_hex") is not None:
            oracle_check("vector %s: leaf hash of its input" % pf.label(),
                         leaf_hash(hx(v["leaf_input_hex"])) == pf.leaf)
    for v in con_vectors:
        pf = Consistency(v["size1"], v["size2"], hx(v["root1_hex"]), hx(v["root2_hex"]),
                         [hx(p) for p in v["proof_hex"]])
        vec_proofs.append(("vector " + pf.label(), pf))

    # Every inclusion proof and every consistency proof in the trees of size 1..8.
    gen_proofs = []
    for size in range(1, n_leaves + 1):
        for index in range(size):
            pf = Inclusion(index, size, leaves[index], path(index, leaves[:size]), roots[size])
            gen_proofs.append(("generated " + pf.label(), pf))
    for size2 in range(1, n_leaves + 1):
        for size1 in range(1, size2 + 1):
            pf = Consistency(size1, size2, roots[size1], roots[size2],
                             consistency_proof(size1, leaves[:size2]))
            gen_proofs.append(("generated " + pf.label(), pf))
    generated = {(pf.kind, pf.label()): pf for _, pf in gen_proofs}

    for name, pf in vec_proofs:
        oracle_check("%s verifies in the Python oracle" % name, pf.valid())
        g = generated.get((pf.kind, pf.label()))
        oracle_check("%s equals the proof generated by PATH/SUBPROOF" % name,
                     g is not None and g.to_json() == pf.to_json(),
                     "vector %s\n  generated %s" % (json.dumps(pf.to_json()),
                                                   json.dumps(g.to_json()) if g else None))
    for name, pf in gen_proofs:
        oracle_check("%s verifies in the Python oracle" % name, pf.valid())

    with tempfile.TemporaryDirectory(prefix="check_proof_test.") as tmp:
        runner = Runner(binary, tmp)
        expect = lambda pf: 0 if pf.valid() else 1

        # 1.-2. Valid proofs.
        for name, pf in vec_proofs + gen_proofs:
            runner.add("valid: " + name, pf.to_json(), 0)

        # 3. Mutations of every valid proof; the oracle gives the expected exit code of each.
        seen = {json.dumps(pf.to_json()) for _, pf in vec_proofs + gen_proofs}
        pool = []  # (case name, class, mutated proof), without duplicates
        for name, pf in vec_proofs + gen_proofs:
            for mname, m in mutations(pf, rng):
                key = json.dumps(m.to_json())
                if key not in seen:
                    seen.add(key)
                    pool.append(("mutated: %s: %s" % (name, mname), (m.kind, mname), m))
        chosen = pool if full else pick(pool, sample, rng)
        for mname, _, m in chosen:
            runner.add(mname, m.to_json(), expect(m))

        # 4. Malformed input.
        inc = Inclusion(5, 8, leaves[5], path(5, leaves), roots[8]).to_json()
        con = Consistency(6, 8, roots[6], roots[8], consistency_proof(6, leaves)).to_json()
        mal = [
            ("not JSON", "this is not JSON"),
            ("empty file", ""),
            ("truncated JSON object", json.dumps(inc)[:-10]),
            ("JSON array, not an object", json.dumps([inc])),
            ("JSON number, not an object", "42"),
            ("JSON string, not an object", json.dumps("inclusion")),
            ("JSON null, not an object", "null"),
            ("empty object", "{}"),
        ]
        for base in (inc, con):
            k = base["kind"]
            d = dict(base)
            del d["kind"]
            mal.append(("%s without kind" % k, d))
            for bad in ("frobnicate", ""):
                mal.append(("%s with kind %r" % (k, bad), dict(base, kind=bad)))
        for base, fields in ((inc, ("leaf_index", "tree_size", "leaf_hash", "root")),
                             (con, ("size1", "size2", "root1", "root2"))):
            k = base["kind"]
            for f in fields:
                d = dict(base)
                del d[f]
                mal.append(("%s missing %s" % (k, f), d))
        for base, fields in ((inc, ("leaf_index", "tree_size")), (con, ("size1", "size2"))):
            k = base["kind"]
            for f in fields:
                mal.append(("%s: %s is the string \"five\"" % (k, f), dict(base, **{f: "five"})))
                mal.append(("%s: %s = -1" % (k, f), dict(base, **{f: -1})))
        for base, fields in ((inc, ("leaf_hash", "root")), (con, ("root1", "root2"))):
            k = base["kind"]
            for f in fields:
                mal.append(("%s: %s is not base64 (\"@@@@\")" % (k, f), dict(base, **{f: "@@@@"})))
            mal.append(("%s: proof[0] is not base64 (\"not base64!\")" % k,
                        dict(base, proof=["not base64!"] + base["proof"][1:])))
        for name, content in mal:
            runner.add("malformed: " + name, content, 2)
        runner.add("malformed: nonexistent file", None, 2)

        print("# %d oracle checks; running %d CLI cases (seed %d%s) against %s"
              % (passed + failed, len(runner.cases), seed,
                 ", full" if full else ", %d of %d mutations sampled" % (len(chosen), len(pool)),
                 binary))
        sys.stdout.flush()
        for name, content, expected, rc, out in runner.run(max(2, 2 * (os.cpu_count() or 1))):
            if rc == expected:
                passed += 1
                continue
            failed += 1
            print("FAIL %s\n  expected exit %s, got %s\n  json: %s\n  output: %s"
                  % (name, expected, rc,
                     "(no file)" if content is None else content,
                     out.strip().replace("\n", "\n          ")))

    print("check-proof: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
