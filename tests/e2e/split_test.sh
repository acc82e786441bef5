#!/usr/bin/env bash
# One process per service, end to end: deploy/local/run.sh --split starts six schakeld processes,
# each with its own certificate, port and database, calling each other over mutual TLS. Against
# it:
#   - the handover and intake scenarios pass;
#   - the directory lists the six service identities;
#   - under write load (Veilig Thuis opening cases), the cases service and then the audit service
#     are killed with SIGKILL and restarted: every case acknowledged is there exactly once, the
#     outboxes catch up (the handover ledger knows every case, the audit log holds the last one's
#     creation), and the audit log's new checkpoint is consistent with the one before the kills;
#   - a revoked service identity is refused.
# The recovery time (SIGKILL to serving again) of each kill is printed.
#   split_test.sh BUILD_DIR
set -uo pipefail
umask 077
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD=$1
WORK=$(mktemp -d)
source "$(dirname "${BASH_SOURCE[0]}")/e2e_lib.sh"
BASE=$(free_ports 12)
export SCHAKEL_RUN_HOME=$WORK SCHAKEL_LISTEN=127.0.0.1:$BASE SCHAKEL_PREBUILT=$BUILD
SCHAKELD="$BUILD/services/schakeld/schakeld"
CTL_BIN="$BUILD/client/cli/schakelctl"
SERVER="directory=127.0.0.1:$BASE,audit=127.0.0.1:$((BASE + 2)),cases=127.0.0.1:$((BASE + 4))"
SERVER+=",handover=127.0.0.1:$((BASE + 6)),intake=127.0.0.1:$((BASE + 8))"
SERVER+=",safetyplan=127.0.0.1:$((BASE + 10))"
CTL=("$CTL_BIN" --home="$WORK" --server="$SERVER")
WRITER=""
cleanup() {
  [[ -n "$WRITER" ]] && kill "$WRITER" 2>/dev/null
  bash "$ROOT/deploy/local/run.sh" stop >/dev/null 2>&1
  [[ -n "${SPLIT_KEEP:-}" ]] || rm -rf "$WORK"
}
trap cleanup EXIT

echo "$(date +%T) run.sh --split"
out=$(bash "$ROOT/deploy/local/run.sh" --split 2>&1)
rc=$?
check "run.sh --split exits 0" test $rc -eq 0
[[ $rc -eq 0 ]] || { echo "$out" | tail -n 30; finish split; exit 1; }
check "run.sh --split names the six addresses" grep -q "safetyplan  *127.0.0.1:$((BASE + 10))" <<<"$out"
pids=$(cat "$WORK"/var/schakeld-*.pid | sort -u | wc -l)
check "six schakeld processes run" test "$pids" -eq 6
check "each has its own configuration with one service" \
  test "$(grep -l '^services: "cases"$' "$WORK"/var/schakeld-*.textproto | wc -l)" -eq 1
check "the cases process holds no audit key" lacks "audit-master" \
  "$(cat "$WORK/var/schakeld-cases.textproto")"
out=$("${CTL[@]}" --as admin health 2>&1)
check "health: six addresses serving" test "$(grep -c ' SERVING$' <<<"$out")" -eq 6
out=$("${CTL[@]}" --as admin --json directory list-services 2>&1)
for svc in directory audit cases handover intake safetyplan; do
  check "the directory lists service $svc" grep -q "\"id\": \"$svc\"" <<<"$out"
done

echo "$(date +%T) scenarios"
export SCHAKELCTL=$CTL_BIN SCHAKEL_HOME=$WORK SCHAKEL_SERVER=$SERVER
out=$(SCENARIO_RUN=split-ho bash "$ROOT/deploy/local/handover_scenario.sh" 2>&1)
rc=$?
check "handover scenario passes split" test $rc -eq 0
[[ $rc -eq 0 ]] || tail -n 15 <<<"$out"
check "handover scenario: no gaps" grep -q "no gaps" <<<"$out"
out=$(SCENARIO_RUN=split-in bash "$ROOT/deploy/local/intake_scenario.sh" 2>&1)
rc=$?
check "intake scenario passes split" test $rc -eq 0
[[ $rc -eq 0 ]] || tail -n 15 <<<"$out"
check "intake scenario: the radar raises the repeat flag" grep -q "repeat flag set" <<<"$out"
check "intake scenario: the MDA++ case is led by Veilig Thuis first" \
  grep -q "the ledger: vt-haaglanden leads first" <<<"$out"

echo "$(date +%T) write load and kills"
# --- kill -9 under write load ---------------------------------------------------------------
# The auditor pins the log's checkpoint before the kills.
"${CTL[@]}" --as auditor audit monitor --state="$WORK/monitor.state" >/dev/null 2>&1
check "the auditor pins a checkpoint" test -s "$WORK/monitor.state"
before=$("${CTL[@]}" --as vt-medewerker --json cases list --page-size=500 2>/dev/null |
  python3 -c 'import json, sys; print(len(json.load(sys.stdin).get("cases", [])))')

# The writer: Veilig Thuis opens cases one after another. A call that fails (the service is
# down) is retried with the same request id until it is answered, as any client would; each
# answered one is acknowledged: "request-id case-id" in acked.
writer() {
  local n=0 rid out id try
  while [[ ! -e "$WORK/stop" ]]; do
    n=$((n + 1))
    rid="split-load-$n"
    for ((try = 0; try < 120; try++)); do
      if out=$("${CTL[@]}" --as vt-medewerker --json --request-id="$rid" --timeout-seconds=5 \
        cases create --director=regisseur --violence=partner-violence \
        --criteria-met=structural_unsafety 2>/dev/null); then
        id=$(python3 -c 'import json, sys; print(json.load(sys.stdin)["case"]["id"])' <<<"$out")
        echo "$rid $id" >>"$WORK/acked"
        break
      fi
      echo "$rid" >>"$WORK/retried"
      sleep 0.25
    done
  done
}
touch "$WORK/acked" "$WORK/retried"
writer &
WRITER=$!

# SIGKILL the service NAME's process and start it again from its configuration; prints the
# seconds from the kill until it serves.
kill_and_restart() {
  local name=$1 port=$2 pid t0 t1
  pid=$(cat "$WORK/var/schakeld-$name.pid")
  t0=$(date +%s.%N)
  kill -KILL "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  nohup "$SCHAKELD" --config="$WORK/var/schakeld-$name.textproto" </dev/null \
    >>"$WORK/var/log/schakeld-$name.log" 2>&1 &
  echo $! >"$WORK/var/schakeld-$name.pid"
  for _ in $(seq 1 600); do
    "$CTL_BIN" --home="$WORK" --server="127.0.0.1:$port" --as admin --timeout-seconds=1 health \
      >/dev/null 2>&1 && break
    sleep 0.05
  done
  t1=$(date +%s.%N)
  python3 -c "print(f'{$t1 - $t0:.2f}')"
}

# Enough acknowledged writes before, between and after the kills.
wait_acked() {
  for _ in $(seq 1 600); do
    [[ $(wc -l <"$WORK/acked") -ge $1 ]] && return 0
    sleep 0.1
  done
  return 1
}
wait_acked 5
check "writes are acknowledged before the kill" test "$(wc -l <"$WORK/acked")" -ge 5
t_cases=$(kill_and_restart cases $((BASE + 4)))
echo "cases service: SIGKILL to serving again in ${t_cases} s"
wait_acked $(($(wc -l <"$WORK/acked") + 5))
t_audit=$(kill_and_restart audit $((BASE + 2)))
echo "audit service: SIGKILL to serving again in ${t_audit} s"
wait_acked $(($(wc -l <"$WORK/acked") + 5))
touch "$WORK/stop"
wait "$WRITER"
WRITER=""
acked=$(wc -l <"$WORK/acked")
retried=$(wc -l <"$WORK/retried")
echo "write load: $acked cases acknowledged; $retried calls failed while a service was down and were retried"
check "writes went on after both restarts" test "$acked" -ge 15

echo "$(date +%T) checks"
# Every acknowledged case is there, exactly once.
list=$("${CTL[@]}" --as vt-medewerker --json cases list --page-size=500 2>/dev/null)
missing=$(python3 -c 'import json, sys
ids = [c["id"] for c in json.loads(sys.argv[2]).get("cases", [])]
acked = [line.split()[1] for line in open(sys.argv[1])]
print(" ".join(i for i in acked if ids.count(i) != 1) if ids else "no list")' "$WORK/acked" "$list")
check "every acknowledged case is listed exactly once" test -z "$missing"
[[ -z "$missing" ]] || echo "not there once: $missing"
after=$(python3 -c 'import json, sys; print(len(json.load(sys.stdin).get("cases", [])))' <<<"$list")
check "no case was made twice (retries with the same request id)" \
  test "$after" -eq $((before + acked))
check "the request ids name distinct cases" \
  test "$(cut -d' ' -f2 "$WORK/acked" | sort -u | wc -l)" -eq "$acked"

# The outboxes catch up: the handover ledger knows every case, the audit log the last one.
unknown=""
while read -r _ id; do
  ok=0
  for _ in $(seq 1 100); do
    "${CTL[@]}" --as vt-medewerker --timeout-seconds=5 handover responsibility "$id" \
      >/dev/null 2>&1 && { ok=1; break; }
    sleep 0.2
  done
  ((ok)) || unknown+=" $id"
done <"$WORK/acked"
check "the handover ledger knows every acknowledged case" test -z "$unknown"
last=$(tail -n 1 "$WORK/acked" | cut -d' ' -f2)
found=0
for _ in $(seq 1 100); do
  out=$("${CTL[@]}" --as auditor --json audit query --object="$last" --purpose="split e2e" 2>&1)
  if grep -q '"event_type": "case.created"' <<<"$out"; then
    found=1
    break
  fi
  sleep 0.2
done
check "the audit log holds the last case's creation" test $found -eq 1
out=$("${CTL[@]}" --as auditor audit monitor --state="$WORK/monitor.state" 2>&1)
rc=$?
check "the audit log's new checkpoint is consistent with the one before the kills" test $rc -eq 0
[[ $rc -eq 0 ]] || echo "$out" | tail -n 5

# A revoked service identity is refused: the intake service can no longer have roles checked,
# so it serves no one.
etag=$("${CTL[@]}" --as admin --json directory get-service intake 2>/dev/null |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["service"]["etag"])')
"${CTL[@]}" --as admin --request-id=split-revoke-intake directory revoke-service intake \
  --reason="e2e: key lost" --etag="$etag" >/dev/null 2>&1
refused=0
for _ in $(seq 1 40); do
  out=$("${CTL[@]}" --as vt-medewerker --timeout-seconds=5 intake queue 2>&1) && { sleep 0.25; continue; }
  grep -q "revoked" <<<"$out" && { refused=1; break; }
  sleep 0.25
done
check "a revoked service identity is refused (and the reason says so)" test $refused -eq 1

finish split
