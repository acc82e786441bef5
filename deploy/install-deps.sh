#!/usr/bin/env bash
# Installs every Debian 12 package Schakel needs to build, run and test.
#
#   deploy/install-deps.sh           install what is missing (as root), or say how (otherwise)
#   deploy/install-deps.sh --check   only report what is missing; exit 1 if anything is
#
# Safe to run again: packages already installed are left alone, and when nothing is missing it
# does nothing at all (no apt-get update).
set -euo pipefail
# No `umask 077` here, unlike every other script: Debian's packages install system files that
# every user must be able to read, so this runs with the system's umask (the callers set 022).

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git clang-format
  # gRPC, Protocol Buffers, Abseil, and the third-party protos (google.rpc, grpc.health.v1)
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler libabsl-dev
  grpc-proto golang-github-gogo-googleapis-dev
  # libraries
  libboost-dev libsqlite3-dev sqlite3 libssl-dev openssl
  # ICU: name normalisation for the intake radar (NFKC case folding, diacritics removed)
  libicu-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  # desktop client (Qt 6) and its tests under a virtual X server
  qt6-base-dev qt6-tools-dev qt6-l10n-tools xvfb
  # charts of the supervision view (Qt Charts' CMake package needs Qt's OpenGL one); a font for
  # the screenshots under Xvfb
  qt6-charts-dev libqt6opengl6-dev fonts-dejavu-core
  # the metrics endpoint (Prometheus text format over HTTP on localhost)
  prometheus-cpp-dev
  # systemd-analyze: the tests verify the units under deploy/systemd
  systemd
  # scripts
  procps iproute2 ca-certificates python3
  # time zone data: deadlines and "today" are Europe/Amsterdam
  tzdata
)

check_only=0
case "${1:-}" in
  "") ;;
  --check) check_only=1 ;;
  -h | --help)
    sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
  *)
    echo "install-deps: unknown argument '$1' (try --help)" >&2
    exit 2
    ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-deps: dpkg-query not found; this script is for Debian 12 (bookworm)" >&2
  exit 1
fi

is_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

missing=()
for pkg in "${packages[@]}"; do
  is_installed "$pkg" || missing+=("$pkg")
done

# Node.js and npm (for the pinned buf) may come from outside apt (NodeSource, nvm, /usr/local).
# Ask apt for them only when there is no npm on the PATH at all.
if ! command -v npm >/dev/null 2>&1; then
  for pkg in nodejs npm; do
    is_installed "$pkg" || missing+=("$pkg")
  done
fi

# kubectl builds the Kubernetes overlays offline (kubectl kustomize; tests/e2e/k8s_test.sh). Any
# kubectl on the PATH will do; otherwise Debian's.
if ! command -v kubectl >/dev/null 2>&1; then
  is_installed kubernetes-client || missing+=(kubernetes-client)
fi

if ((${#missing[@]} == 0)); then
  echo "install-deps: all dependencies present"
  exit 0
fi

echo "install-deps: missing packages: ${missing[*]}"
if ((check_only)); then
  exit 1
fi

if [[ "$(id -u)" -ne 0 ]]; then
  echo "install-deps: not running as root; install them with:" >&2
  echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

echo "install-deps: apt-get update"
apt-get update
echo "install-deps: installing ${missing[*]}"
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"

# Verify, so a package that apt skipped is reported here rather than as a confusing build error.
still_missing=()
for pkg in "${missing[@]}"; do
  is_installed "$pkg" || still_missing+=("$pkg")
done
if ((${#still_missing[@]} > 0)); then
  echo "install-deps: still missing after apt-get install: ${still_missing[*]}" >&2
  exit 1
fi
echo "install-deps: all dependencies present"
