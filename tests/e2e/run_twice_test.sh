#!/usr/bin/env bash
# The README's promise: deploy/local/run.sh is safe to repeat. Runs it twice against a home of its
# own (with the binaries of this build, on a free port): both runs exit 0, and the second keeps
# every id and adds nothing — the same cases, team, persons, handovers, ledger, timelines,
# organisations, professionals and intake queue. And what it leaves on disk is for its user only,
# with no family's details in the clear, even when started from a shell with the usual umask 022
# and over a var/ that an older version left readable.
#   run_twice_test.sh BUILD_DIR
set -uo pipefail
# This test's own files are for this user only; run.sh is started below with the usual umask 022
# on purpose, to show that it makes its files private itself.
umask 077
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD=$1
WORK=$(mktemp -d)
source "$(dirname "${BASH_SOURCE[0]}")/e2e_lib.sh"
PORT=$(free_port)
export SCHAKEL_RUN_HOME=$WORK SCHAKEL_LISTEN=127.0.0.1:$PORT SCHAKEL_PREBUILT=$BUILD
CTL=("$BUILD/client/cli/schakelctl" --home="$WORK" --server="127.0.0.1:$PORT")
cleanup() {
  bash "$ROOT/deploy/local/run.sh" stop >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

# What the demo made, as the people who see it: sorted JSON, so two runs compare byte for byte
# (notices printed to stderr are not state).
snapshot() {
  local case_id=$1 handover_case_id=$2
  {
    "${CTL[@]}" --as regisseur --json cases list
    "${CTL[@]}" --as regisseur --json cases get "$case_id"
    "${CTL[@]}" --as regisseur --json cases get "$handover_case_id"
    "${CTL[@]}" --as regisseur --json cases timeline "$case_id" --page-size=500
    "${CTL[@]}" --as regisseur --json cases timeline "$handover_case_id" --page-size=500
    "${CTL[@]}" --as regisseur --json handover responsibility "$handover_case_id"
    "${CTL[@]}" --as supervisor --json handover list --page-size=500
    "${CTL[@]}" --as admin --json directory list-organisations
    "${CTL[@]}" --as admin --json directory list-professionals
    "${CTL[@]}" --as vt-medewerker --json intake queue --page-size=500
  } 2>>"$WORK/snapshot.err" | python3 -c '
import json, sys
# Each command printed one JSON document; the read times ("as_of", report times) are not state.
text = sys.stdin.read()
decoder, docs, i = json.JSONDecoder(), [], 0
while i < len(text):
    if text[i].isspace():
        i += 1
        continue
    try:
        doc, i = decoder.raw_decode(text, i)
    except ValueError:
        docs.append(text[i:].splitlines()[0]); break
    docs.append(doc)
# Nor is the time left on a report in the intake queue (a row holds report_id), which runs on.
def scrub(x):
    if isinstance(x, dict):
        clock = ("seconds_left", "overdue") if "report_id" in x else ()
        return {k: scrub(v) for k, v in x.items()
                if k not in ("as_of", "asOf", "generated_at") + clock}
    if isinstance(x, list):
        return [scrub(v) for v in x]
    return x
print(json.dumps(scrub(docs), sort_keys=True, indent=1))'
}

# What an older run.sh left: a readable var/ with a demo family in a JSON file.
mkdir -p "$WORK/var/data"
echo '{"persons": [{"name": "Demi Voorbeeld", "bsn": "999990019"}]}' >"$WORK/var/demo-case.json"
chmod -R go+rX "$WORK/var"
chmod go+r "$WORK/var/demo-case.json"

out1=$(umask 022 && bash "$ROOT/deploy/local/run.sh" 2>&1)
rc1=$?
check "first run exits 0" test $rc1 -eq 0
[[ $rc1 -eq 0 ]] || echo "$out1" | tail -n 30
case_id=$(sed -n 's/^demo case \([^ ]*\) in place.*/\1/p' <<<"$out1")
handover_case_id=$(sed -n 's/^demo handover case \([^ ]*\) in place.*/\1/p' <<<"$out1")
check "first run names the demo case" test -n "$case_id"
check "first run names the demo handover case" test -n "$handover_case_id"
before=$(snapshot "$case_id" "$handover_case_id")
[[ -n "${RUN_TWICE_DEBUG:-}" ]] && echo "$before" >"$RUN_TWICE_DEBUG"
check "the snapshot holds the demo case" grep -q "$case_id" <<<"$before"
check "the snapshot holds a handover" grep -q '"HANDOVER_STATE_ACCEPTED"' <<<"$before"
intake_total=$(python3 -c 'import json, sys
docs = json.load(sys.stdin)
print([d for d in docs if isinstance(d, dict) and "rows" in d][0].get("total", 0))' <<<"$before")
check "the demo intake week is in the queue (40 or more reports)" test "${intake_total:-0}" -ge 40
check "the intake queue shows a repeat (radar)" grep -q '"repeat": true' <<<"$before"
check "the intake queue shows a report held" grep -q '"claimed_by": "vt-medewerker"' <<<"$before"

out2=$(umask 022 && bash "$ROOT/deploy/local/run.sh" 2>&1)
rc2=$?
check "second run exits 0" test $rc2 -eq 0
[[ $rc2 -eq 0 ]] || echo "$out2" | tail -n 30
check "second run keeps the demo case id" \
  test "$(sed -n 's/^demo case \([^ ]*\) in place.*/\1/p' <<<"$out2")" == "$case_id"
check "second run keeps the demo handover case id" \
  test "$(sed -n 's/^demo handover case \([^ ]*\) in place.*/\1/p' <<<"$out2")" == "$handover_case_id"
after=$(snapshot "$case_id" "$handover_case_id")
if [[ "$before" != "$after" ]]; then
  diff <(echo "$before") <(echo "$after") | head -n 40
fi
check "second run adds nothing and changes nothing" test "$before" == "$after"

# Nothing under var/ that another user of the machine may read, write or enter.
readable=$(find "$WORK/var" -perm /077 -printf '%m %p\n' | head -n 20)
[[ -z "$readable" ]] || echo "$readable"
check "no file or directory under var/ is open to other users" test -z "$readable"
check "no demo family file is left in var/" test ! -e "$WORK/var/demo-case.json" -a \
  ! -e "$WORK/var/demo-handover-case.json"
seeds=$(find "$WORK/var" -name 'intake-seed*' -o -name '*.rejected.jsonl*' | head -n 5)
[[ -z "$seeds" ]] || echo "left behind: $seeds"
check "no intake seed file is left in var/" test -z "$seeds"
# The demo families' BSNs and names only ever reach the disk encrypted (databases, WAL, log, PKI).
leaks=$(grep -r -a -l -e "999990019" -e "Demi Voorbeeld" -e "999990044" -e "Jesse Oefenhuis" \
  -e "Anna Verzinsel" "$WORK/var" 2>/dev/null)
[[ -z "$leaks" ]] || echo "in the clear in: $leaks"
check "the demo families' BSNs and names are nowhere in var/ in the clear" test -z "$leaks"

finish "run_twice"
