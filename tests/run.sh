#!/usr/bin/env bash
# Sets up and tests Schakel: installs what is missing, lints the API (buf) and the C++ formatting
# (clang-format), builds the `ci` preset (ASan + UBSan) and runs the tests with ctest.
#
#   tests/run.sh                        everything except tests labelled `slow`
#   SCHAKEL_SLOW_TESTS=1 tests/run.sh   the slow ones too
#
# Works from any directory. Ends with a line "tests: N passed, F failed"; exits non-zero when any
# step or any test fails.
set -euo pipefail
# Everything this script and what it starts create (keys, databases, logs, exports) is for this
# user only.
umask 077

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# The npm package @bufbuild/buf, pinned; installed into the git-ignored .tools/.
BUF_VERSION="1.75.0"
BUF="$ROOT/.tools/node_modules/.bin/buf"

current_step=""
step() {
  current_step="$1"
  echo
  echo "==> $1"
}
on_exit() {
  local rc=$?
  if ((rc != 0)) && [[ -n "$current_step" ]]; then
    echo >&2
    echo "==> FAILED during: $current_step (exit $rc)" >&2
  fi
}
trap on_exit EXIT

# --- a. dependencies --------------------------------------------------------------------------
step "dependencies (deploy/install-deps.sh)"
# Packages install system files that every user must read: the system's umask for those.
(umask 022 && "$ROOT/deploy/install-deps.sh")

# --- b. buf lint --------------------------------------------------------------------------------
step "buf lint (buf $BUF_VERSION)"
installed_buf=""
if [[ -x "$BUF" ]]; then
  installed_buf="$("$BUF" --version 2>/dev/null || true)"
fi
if [[ "$installed_buf" != "$BUF_VERSION" ]]; then
  echo "installing @bufbuild/buf@$BUF_VERSION into .tools/"
  npm install --no-audit --no-fund --prefix "$ROOT/.tools" "@bufbuild/buf@$BUF_VERSION"
  installed_buf="$("$BUF" --version)"
  if [[ "$installed_buf" != "$BUF_VERSION" ]]; then
    echo "buf --version says '$installed_buf', expected $BUF_VERSION" >&2
    exit 1
  fi
fi
if ! "$BUF" lint; then
  echo "buf lint found problems in proto/ (see above); fix the .proto files" >&2
  exit 1
fi
echo "buf lint: clean"

# --- b2. the Kubernetes tools (pinned in deploy/k8s/tools/package-lock.json) --------------------
step "Kubernetes manifest tools (npm ci in deploy/k8s/tools)"
K8S_TOOLS="$ROOT/deploy/k8s/tools"
if ! cmp -s "$K8S_TOOLS/package-lock.json" "$K8S_TOOLS/node_modules/.package-lock.json.installed"; then
  npm ci --no-audit --no-fund --prefix "$K8S_TOOLS"
  cp "$K8S_TOOLS/package-lock.json" "$K8S_TOOLS/node_modules/.package-lock.json.installed"
else
  echo "deploy/k8s/tools: installed"
fi

# --- c. clang-format ----------------------------------------------------------------------------
step "clang-format check"
sources=()
if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  # Tracked files plus new ones that are not ignored.
  while IFS= read -r -d '' f; do
    sources+=("$f")
  done < <({
    git ls-files -z -- '*.cc' '*.h'
    git ls-files -z --others --exclude-standard -- '*.cc' '*.h'
  } | sort -zu)
else
  while IFS= read -r -d '' f; do
    sources+=("${f#./}")
  done < <(find . \( -path ./build -o -path ./.tools -o -path ./var -o -path ./.git \) -prune \
    -o -type f \( -name '*.cc' -o -name '*.h' \) -print0 | sort -z)
fi
unformatted=()
checked=0
for f in "${sources[@]}"; do
  [[ "$f" == build/* ]] && continue
  [[ -f "$f" ]] || continue # tracked but deleted in the work tree
  checked=$((checked + 1))
  if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
    unformatted+=("$f")
  fi
done
if ((${#unformatted[@]} > 0)); then
  echo "clang-format: ${#unformatted[@]} of $checked files are not formatted:" >&2
  printf '  %s\n' "${unformatted[@]}" >&2
  echo "fix each with: clang-format -i FILE   (e.g. clang-format -i ${unformatted[0]})" >&2
  exit 1
fi
echo "clang-format: $checked files clean"

# --- d. configure and build ---------------------------------------------------------------------
step "configure (cmake --preset ci)"
cmake --preset ci

step "build (cmake --build --preset ci -j2)"
cmake --build --preset ci -j2

# --- e. tests -----------------------------------------------------------------------------------
ctest_args=(--preset ci -j2 --output-on-failure)
if [[ "${SCHAKEL_SLOW_TESTS:-0}" == "1" ]]; then
  step "tests (ctest, all labels)"
else
  ctest_args+=(-LE slow)
  step "tests (ctest, without label 'slow'; SCHAKEL_SLOW_TESTS=1 runs them too)"
fi
log="$ROOT/build/ci/ctest.log"
ctest_rc=0
ctest "${ctest_args[@]}" 2>&1 | tee "$log" || ctest_rc=$?

# --- f. summary ---------------------------------------------------------------------------------
current_step="test summary"
summary="$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1 ||
  true)"
if [[ -z "$summary" ]]; then
  echo "ctest printed no summary line (exit $ctest_rc); see $log" >&2
  exit 1
fi
failed="$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$summary")"
total="$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\2/' <<<"$summary")"
passed=$((total - failed))
if ((failed == 0 && ctest_rc != 0)); then
  echo "ctest exited $ctest_rc although no test failed; see $log" >&2
fi
# The summary is the last line printed, whatever the outcome.
current_step=""
echo
echo "tests: $passed passed, $failed failed"
if ((failed > 0 || ctest_rc != 0)); then
  exit 1
fi
