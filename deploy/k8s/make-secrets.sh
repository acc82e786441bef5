#!/usr/bin/env bash
# Makes DEVELOPMENT keys and certificates for a Kubernetes overlay, under OVERLAY/secrets
# (git-ignored): a CA, one service certificate per service (CN=<service>, OU=service, valid for
# <service>, <service>.NAMESPACE.svc and 127.0.0.1, where the health probe connects), the audit
# log's keys and each service's data and index keys. A region in production puts the files from
# its own CA and key ceremony there instead, under the same names.
#   deploy/k8s/make-secrets.sh OVERLAY_DIR NAMESPACE ORGANISATION [SCHAKELCTL]
# Keeps existing files: running it again changes nothing.
set -euo pipefail
umask 077
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OVERLAY="${1:?usage: make-secrets.sh OVERLAY_DIR NAMESPACE ORGANISATION [SCHAKELCTL]}"
NAMESPACE="${2:?namespace}"
ORG="${3:?organisation (the operator organisation id)}"
CTL="${4:-$ROOT/build/release/client/cli/schakelctl}"
[[ -x "$CTL" ]] || { echo "make-secrets.sh: no schakelctl at $CTL" >&2; exit 1; }
OUT="$OVERLAY/secrets"
if [[ -s "$OUT/ca.crt" ]]; then
  echo "make-secrets.sh: $OUT already holds keys; nothing changed"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ctl() { "$CTL" --home="$work" "$@" >/dev/null; }
ctl pki init
for svc in directory audit cases handover intake safetyplan; do
  ctl pki issue --principal="$svc" --organisation="$ORG" --kind=service --dns="$svc" \
    --dns="$svc.$NAMESPACE.svc" --dns="$svc.$NAMESPACE.svc.cluster.local" --dns=localhost \
    --ip=127.0.0.1
done
ctl pki audit-keys --origin="schakel.$NAMESPACE/audit"
ctl pki case-keys
mkdir -p "$OUT"
cp "$work/var/pki/ca.crt" "$OUT/ca.crt.tmp"
cp "$work"/var/pki/services/*.crt "$work"/var/pki/services/*.key "$OUT/"
cp "$work"/var/keys/*.key "$work/var/keys/audit-signing.pem" "$OUT/"
mv "$OUT/ca.crt.tmp" "$OUT/ca.crt"
echo "make-secrets.sh: development keys and certificates in $OUT (the CA's key is not kept)"
