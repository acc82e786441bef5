#!/usr/bin/env bash
# The systemd units under deploy/systemd: `systemd-analyze verify` accepts every unit (the template
# with each service's drop-in) without a single warning, `systemd-analyze security` scores them
# at most 2.0 ("OK"), the hardening the operations guide promises is there, and the example
# configuration is one schakeld accepts.
#   systemd_units_test.sh SCHAKELD SOURCE_DIR
set -uo pipefail
umask 077
SCHAKELD=$1
SRC=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/e2e_lib.sh"

# verify DIR UNIT: rc 0 and nothing said (systemd-analyze only warns about unknown keys).
verify() {
  local out
  out=$(SYSTEMD_UNIT_PATH="$1:" systemd-analyze verify --man=no "$2" 2>&1)
  local rc=$?
  [[ $rc -eq 0 && -z "$out" ]] || { echo "$2: rc $rc: $out"; return 1; }
}

# The units as installed, but with the binary this build made (verify checks that it exists).
UNITS="$WORK/units"
cp -r "$SRC/deploy/systemd" "$UNITS"
sed -i "s#/usr/local/bin/schakeld#$SCHAKELD#" "$UNITS"/*.service

check "schakeld.service verifies" verify "$UNITS" schakeld.service
for svc in directory audit cases handover intake safetyplan; do
  check "schakeld@$svc.service verifies" verify "$UNITS" "schakeld@$svc.service"
done
for svc in audit cases handover intake safetyplan; do
  check "schakeld@$svc has its keys" grep -q "LoadCredential=$svc-" \
    "$UNITS/schakeld@$svc.service.d/credentials.conf"
done

# The test can fail: a misspelt key and a bad value are both caught.
BROKEN="$WORK/broken"
cp -r "$UNITS" "$BROKEN"
sed -i 's/^Type=notify/Type=notifyy/' "$BROKEN/schakeld.service"
echo "LoadCredentia=x:/y" >>"$BROKEN/schakeld@audit.service.d/credentials.conf"
fails() { ! "$@" >/dev/null; }
check "a bad value fails verify" fails verify "$BROKEN" schakeld.service
check "a misspelt drop-in key fails verify" fails verify "$BROKEN" schakeld@audit.service

# The hardening of docs/operations.md, in both units.
for unit in schakeld.service schakeld@.service; do
  for line in Type=notify DynamicUser=yes ProtectSystem=strict PrivateTmp=yes NoNewPrivileges=yes \
    'CapabilityBoundingSet=' 'AmbientCapabilities=' ProtectHome=yes MemoryDenyWriteExecute=yes \
    SystemCallFilter=@system-service UMask=0077; do
    check "$unit has $line" grep -qx -- "$line" "$UNITS/$unit"
  done
  check "$unit writes only its state directory" grep -q '^StateDirectory=schakel' "$UNITS/$unit"
  check "$unit takes its key through LoadCredential" grep -q '^LoadCredential=tls.key:' "$UNITS/$unit"
  out=$(systemd-analyze security --offline=yes "$UNITS/$unit" 2>&1 | grep "Overall exposure")
  score=$(sed -n 's/.*: \([0-9.]*\) .*/\1/p' <<<"$out")
  echo "$unit: $out"
  check "$unit exposure $score is at most 2.0" python3 -c "import sys; sys.exit(0 if float('$score') <= 2.0 else 1)"
done

# The example configuration is one schakeld accepts (with what the unit adds as flags).
out=$("$SCHAKELD" --check-config --config="$SRC/deploy/systemd/schakeld.textproto" \
  --data-dir=/var/lib/schakel --tls-cert=/run/credentials/schakeld.service/tls.crt \
  --tls-key=/run/credentials/schakeld.service/tls.key --tls-ca=/run/credentials/schakeld.service/ca.crt 2>&1)
check "the example configuration is valid" grep -q "configuration is valid" <<<"$out" || echo "$out"
out=$("$SCHAKELD" --check-config --config="$SRC/deploy/systemd/schakeld.textproto" \
  --data-dir=/var/lib/schakel --metrics-listen=nowhere 2>&1)
check "--check-config names what is wrong" grep -q "metrics_listen" <<<"$out"
check "--check-config names every missing field" grep -q "tls.cert_file" <<<"$out"

finish "systemd units"
