#!/usr/bin/env bash
# End to end: `schakelctl intake import` against the real schakeld, as the police send their feed.
# A small JSON Lines file with one line the server refuses and one that is no JSON: the summary
# counts them, the rejected file holds exactly those lines as read and the errors file names each
# line and every bad field; the same file again adds nothing; the corrected lines go in.
#   intake_import_test.sh SCHAKELD SCHAKELCTL
set -uo pipefail
umask 077
SCHAKELD=$1
CTL=$2
WORK=$(mktemp -d)
PID=""
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
source "$(dirname "${BASH_SOURCE[0]}")/e2e_lib.sh"
json_field() { python3 -c 'import json, sys; d = json.load(sys.stdin); print(eval(sys.argv[1]))' "$1"; }

export SCHAKEL_HOME=$WORK
PKI=$WORK/var/pki
KEYS=$WORK/var/keys
"$CTL" pki init >/dev/null
"$CTL" pki issue --principal=schakeld --organisation=regio-test --kind=service --dns=localhost \
  --ip=127.0.0.1 >/dev/null
"$CTL" pki audit-keys --origin=schakel.test/audit >/dev/null
"$CTL" pki case-keys >/dev/null
for u in admin:regio-test vt:vt-test agent:politie-test; do
  "$CTL" pki issue --principal="${u%%:*}" --organisation="${u#*:}" >/dev/null
done
PORT=$(free_port)
cat >"$WORK/host.textproto" <<CONF
data_dir: "$WORK/data"
metrics_listen: "127.0.0.1:0"
tls { cert_file: "$PKI/services/schakeld.crt" key_file: "$PKI/services/schakeld.key" ca_file: "$PKI/ca.crt" }
audit { master_key_file: "$KEYS/audit-master.key" index_key_file: "$KEYS/audit-index.key" signing_key_file: "$KEYS/audit-signing.pem" origin: "schakel.test/audit" }
cases { data_key_file: "$KEYS/cases-data.key" index_key_file: "$KEYS/cases-index.key" }
handover { data_key_file: "$KEYS/handover-data.key" index_key_file: "$KEYS/handover-index.key" }
intake { data_key_file: "$KEYS/intake-data.key" index_key_file: "$KEYS/intake-index.key" }
safetyplan { data_key_file: "$KEYS/safetyplan-data.key" index_key_file: "$KEYS/safetyplan-index.key" }
directory_bootstrap { organisation_id: "regio-test" organisation_name: "Regio Test" region: REGION_UTRECHT admin_id: "admin" admin_name: "Beheerder" }
CONF
"$SCHAKELD" --config="$WORK/host.textproto" --listen=127.0.0.1:$PORT >"$WORK/schakeld.log" 2>&1 &
PID=$!
C=("$CTL" --server=127.0.0.1:$PORT)
for _ in $(seq 1 300); do
  "${C[@]}" --as=admin health >/dev/null 2>&1 && break
  sleep 0.1
done
check "schakeld serves" "${C[@]}" --as=admin health
"${C[@]}" --as=admin --request-id=e2e-org-vt directory create-organisation --id=vt-test \
  --name="Veilig Thuis Test" --type=veilig-thuis --region=utrecht >/dev/null
"${C[@]}" --as=admin --request-id=e2e-org-pol directory create-organisation --id=politie-test \
  --name="Politie Test" --type=police --region=utrecht >/dev/null
"${C[@]}" --as=admin --request-id=e2e-pro-vt directory register-professional --id=vt \
  --name="Intake Test" --org=vt-test --roles=vt-intake >/dev/null
"${C[@]}" --as=admin --request-id=e2e-pro-agent directory register-professional --id=agent \
  --name="Agent Test" --org=politie-test --roles=professional >/dev/null

# Four lines (times relative to now: the server takes the last 30 days only): two good ones, one
# the server refuses (a BSN failing the elfproef and no violence kind), and one that is no JSON.
python3 - "$WORK/feed.jsonl" <<'PY'
import json, sys
from datetime import datetime, timedelta, timezone
def at(h): return (datetime.now(timezone.utc) - timedelta(hours=h)).strftime("%Y-%m-%dT%H:%M:%SZ")
def item(n, h, **extra):
    d = {"kind": "REPORT_KIND_REPORT", "channel": "REPORT_CHANNEL_POLICE_FEED",
         "reporter": {"type": "REPORTER_TYPE_POLICE", "police_reference": "e2e-pl-%d" % n},
         "persons": [{"name": "Testpersoon %d" % n, "role": "REPORTED_ROLE_VICTIM",
                      "address": {"postcode": "3511 AB", "house_number": "1"}}],
         "violence_kinds": ["VIOLENCE_KIND_PARTNER_VIOLENCE"], "description": "e2e melding",
         "received_at": at(h), "external_reference": "e2e-zm-%d" % n}
    d.update(extra)
    return json.dumps(d)
with open(sys.argv[1], "w") as f:
    f.write(item(1, 30) + "\n")
    f.write(item(2, 20, violence_kinds=[],
                 persons=[{"name": "Testpersoon 2", "bsn": "123456789", "role": "REPORTED_ROLE_VICTIM"}]) + "\n")
    f.write('{"kind": "REPORT_KIND_REPORT", "description": \n')
    f.write(item(4, 2, acute=True) + "\n")
PY

out=$("${C[@]}" --as=agent intake import "$WORK/feed.jsonl" 2>"$WORK/progress"); rc=$?
check "an import with refused lines exits 1" test $rc -eq 1
check "the summary counts 2 accepted" grep -q "accepted: *2$" <<<"$out"
check "the summary counts no duplicates" grep -q "duplicates: *0 " <<<"$out"
check "the summary counts 2 rejected" grep -q "rejected: *2 (1 onleesbaar/unreadable JSON, 1 door de server" <<<"$out"
check "progress without a terminal: one line per batch" grep -q "^batch 1/1: regels/lines 1-4" "$WORK/progress"
REJ=$WORK/feed.rejected.jsonl
check "the rejected file is FILE.rejected.jsonl" test -f "$REJ"
check "the rejected file holds lines 2 and 3 exactly as read" \
  test "$(cat "$REJ")" == "$(sed -n '2,3p' "$WORK/feed.jsonl")"
check "the rejected file is for its user only" test "$(stat -c %a "$REJ")" = 600
ERR=$REJ.errors.txt
check "the errors file names line 2" grep -q "^regel/line 2:" "$ERR"
check "the errors file names the bad BSN" grep -q "^  persons\[0\].bsn: " "$ERR"
check "the errors file names the missing violence kind" grep -q "^  violence_kinds: " "$ERR"
check "the errors file names line 3 with its parse error" \
  grep -A1 "^regel/line 3:" "$ERR" | grep -q "not a ReportInput in protobuf JSON"
check "the errors file does not name the good lines" bash -c "! grep -q 'line [14]:' '$ERR'"
queue() { "${C[@]}" --as=vt --json intake queue | json_field 'd.get("total", 0)'; }
check "the queue holds the two accepted reports" test "$(queue)" = 2
out=$("${C[@]}" --as=vt intake queue 2>&1)
check "the queue table has Dutch and English headers" grep -q "TERMIJN/DUE" <<<"$out"
check "the queue marks the acute report" grep -q "!! ACUUT" <<<"$out"

# The same file again: the same batches, answered as before; nothing is added.
out=$("${C[@]}" --as=agent intake import "$WORK/feed.jsonl" 2>/dev/null); rc=$?
check "a rerun exits 1 again (the same lines are refused)" test $rc -eq 1
check "a rerun adds nothing" test "$(queue)" = 2
# The same reports in another file (other request ids): duplicates by external reference.
sed -n '4p;1p' "$WORK/feed.jsonl" >"$WORK/again.jsonl"
out=$("${C[@]}" --as=agent --json intake import "$WORK/again.jsonl" 2>/dev/null); rc=$?
check "resending accepted reports in another file exits 0" test $rc -eq 0
check "they come back as duplicates" test "$(json_field '(d["accepted"], d["duplicates"], d["rejected"])' <<<"$out")" = "(0, 2, 0)"
check "and add nothing" test "$(queue)" = 2
check "no rejected file for a clean import" test ! -e "$WORK/again.rejected.jsonl"

# The corrected lines, from the rejected file: they go in.
python3 - "$REJ" <<'PY'
import sys
lines = open(sys.argv[1]).read().splitlines()
fixed = [lines[0].replace('"123456789"', '"999990019"').replace('"violence_kinds": []',
         '"violence_kinds": ["VIOLENCE_KIND_PARTNER_VIOLENCE"]'),
         lines[1] + ' "e2e", "reporter": {"type": "REPORTER_TYPE_POLICE", "police_reference": "e2e-pl-3"}, '
         '"channel": "REPORT_CHANNEL_POLICE_FEED", "persons": [{"name": "Testpersoon 3", '
         '"role": "REPORTED_ROLE_CHILD"}], "violence_kinds": ["VIOLENCE_KIND_CHILD_NEGLECT"], '
         '"external_reference": "e2e-zm-3"}']
open(sys.argv[1], "w").write("\n".join(fixed) + "\n")
PY
out=$("${C[@]}" --as=agent intake import "$REJ" --rejected="$WORK/fixed.rejected.jsonl" 2>&1); rc=$?
check "the corrected lines import cleanly" test $rc -eq 0
[ $rc -eq 0 ] || echo "$out"
check "both are accepted" grep -q "accepted: *2$" <<<"$out"
check "the queue holds four reports" test "$(queue)" = 4

# The rest of the commands on one report: get, claim, release, radar.
id=$("${C[@]}" --as=vt --json intake queue | json_field '[r["report_id"] for r in d["rows"] if r.get("acute")][0]')
out=$("${C[@]}" --as=vt --request-id=e2e-claim intake claim "$id" 2>&1)
check "claim shows the holder in Amsterdam time" grep -q "IN BEHANDELING BIJ/HELD BY vt sinds/since [0-3][0-9]-[01][0-9]-20[0-9][0-9] " <<<"$out"
out=$("${C[@]}" --as=vt intake queue --mine 2>&1)
check "queue --mine shows the held report" grep -q "$id" <<<"$out"
out=$("${C[@]}" --as=vt intake radar "$id" 2>&1)
check "the radar finds the earlier reports at the same address" grep -q "3511AB 1\|3511 AB 1" <<<"$out"
check "the radar says how they matched" grep -q "via adres/address" <<<"$out"
check "release" "${C[@]}" --as=vt --request-id=e2e-release intake release "$id" \
  >/dev/null 2>&1
out=$("${C[@]}" --as=agent intake get "$id" 2>&1); rc=$?
check "the police read no report" grep -q "PERMISSION_DENIED" <<<"$out"
# submit (a ReportInput, or a whole SubmitReportRequest) and convert, as Veilig Thuis.
cat >"$WORK/advice.json" <<'JSON'
{"kind": "REPORT_KIND_ADVICE", "channel": "REPORT_CHANNEL_PHONE",
 "reporter": {"type": "REPORTER_TYPE_CITIZEN", "name": "Buurvrouw Test", "contact": "06-00000000"},
 "persons": [{"name": "Testkind", "role": "REPORTED_ROLE_CHILD"}],
 "violence_kinds": ["VIOLENCE_KIND_CHILD_NEGLECT"], "description": "adviesvraag",
 "external_reference": "e2e-advies-1"}
JSON
advice=$("${C[@]}" --as=vt --request-id=e2e-advice intake submit --from-json="$WORK/advice.json" 2>/dev/null)
check "submit prints the report id" grep -qE '^[0-9a-f]{32}$' <<<"$advice"
python3 -c 'import json, sys; print(json.dumps({"requestId": "e2e-advice-2", "report": json.load(open(sys.argv[1]))}))' \
  "$WORK/advice.json" >"$WORK/advice-request.json"
out=$("${C[@]}" --as=vt intake submit --from-json="$WORK/advice-request.json" 2>&1)
check "a SubmitReportRequest with the same reference answers the same report" grep -q "^$advice$" <<<"$out"
check "and says it was received before" grep -q "received before" <<<"$out"
"${C[@]}" --as=vt --request-id=e2e-convert-0 intake convert "$advice" >/dev/null 2>&1; rc=$?
check "convert without --reason is a usage error" test $rc -eq 2
out=$("${C[@]}" --as=vt --request-id=e2e-convert intake convert "$advice" --reason="Zorgen nemen toe" 2>&1)
check "convert starts the statutory term" grep -q "melding/report $advice (open): .*TERMIJN/DUE [0-3][0-9]-" <<<"$out"
# assess: the safety assessment from a file (only the SafetyAssessment), ending involvement.
cat >"$WORK/assessment.json" <<'JSON'
{"acute_unsafety": false, "structural_unsafety": false,
 "reasoning": "Zorgen besproken; het netwerk vangt het op.",
 "route": "ASSESSMENT_ROUTE_END_OF_INVOLVEMENT", "end": {"reason": "Geen onveiligheid vastgesteld"}}
JSON
out=$("${C[@]}" --as=vt --request-id=e2e-assess intake assess "$advice" \
  --from-json="$WORK/assessment.json" 2>&1); rc=$?
check "assess ends the report's involvement" test $rc -eq 0
check "the assessed report has left the queue" test "$(queue)" = 4
out=$("${C[@]}" --as=vt --request-id=e2e-assess intake assess "$advice" \
  --from-json="$WORK/assessment.json" 2>&1); rc=$?
check "a retried assessment answers the same" test $rc -eq 0
check "the log carries no names" bash -c "! grep -q 'Testpersoon' '$WORK/schakeld.log'"

finish "e2e intake import"
