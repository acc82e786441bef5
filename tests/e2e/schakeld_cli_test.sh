#!/usr/bin/env bash
# End to end: the real schakeld binary and schakelctl, as an operator would use them.
#   schakeld_cli_test.sh SCHAKELD SCHAKELCTL
set -uo pipefail
# Everything this script and what it starts create (keys, databases, logs, exports) is for this
# user only.
umask 077
SCHAKELD=$1
CTL=$2
WORK=$(mktemp -d)
PID=""
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
source "$(dirname "${BASH_SOURCE[0]}")/e2e_lib.sh"

export SCHAKEL_HOME=$WORK
PKI=$WORK/var/pki
"$CTL" pki init >/dev/null
"$CTL" pki issue --principal=schakeld --organisation=regio-test --kind=service --dns=localhost --ip=127.0.0.1 >/dev/null
"$CTL" pki issue --principal=admin --organisation=regio-test >/dev/null
"$CTL" pki audit-keys --origin=schakel.test/audit >/dev/null
"$CTL" pki case-keys >/dev/null
KEYS=$WORK/var/keys
PORT=$(free_port)
MPORT=$(free_port)
cat >"$WORK/host.textproto" <<CONF
data_dir: "$WORK/data"
metrics_listen: "127.0.0.1:$MPORT"
tls { cert_file: "$PKI/services/schakeld.crt" key_file: "$PKI/services/schakeld.key" ca_file: "$PKI/ca.crt" }
audit { master_key_file: "$KEYS/audit-master.key" index_key_file: "$KEYS/audit-index.key" signing_key_file: "$KEYS/audit-signing.pem" origin: "schakel.test/audit" }
cases { data_key_file: "$KEYS/cases-data.key" index_key_file: "$KEYS/cases-index.key" }
handover { data_key_file: "$KEYS/handover-data.key" index_key_file: "$KEYS/handover-index.key" }
intake { data_key_file: "$KEYS/intake-data.key" index_key_file: "$KEYS/intake-index.key" }
safetyplan { data_key_file: "$KEYS/safetyplan-data.key" index_key_file: "$KEYS/safetyplan-index.key" }
directory_bootstrap { organisation_id: "regio-test" organisation_name: "Regio Test" region: REGION_UTRECHT admin_id: "admin" admin_name: "Beheerder" }
CONF

# A bad flag, an unreadable key, an unknown service: non-zero exit and a message saying what to fix.
out=$("$SCHAKELD" --no-such-flag 2>&1); rc=$?
check "bad flag exits non-zero" test $rc -ne 0
check "bad flag is named" grep -q "no-such-flag\|no_such_flag" <<<"$out"
out=$("$SCHAKELD" --config="$WORK/host.textproto" --listen=127.0.0.1:$PORT --tls-key="$WORK/missing.key" 2>&1); rc=$?
check "unreadable key exits non-zero" test $rc -ne 0
check "unreadable key names the file" grep -q "missing.key" <<<"$out"
out=$("$SCHAKELD" --config="$WORK/host.textproto" --services=dictionary 2>&1); rc=$?
check "unknown service exits non-zero" test $rc -ne 0
check "unknown service is named" grep -q "dictionary" <<<"$out"

# Start it (flags with dashes override the file), as systemd would a Type=notify service: a
# socket in NOTIFY_SOCKET that should hear READY=1 once it serves.
python3 - "$WORK/notify.sock" "$WORK/notify.txt" <<'PY' &
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
s.settimeout(120)
open(sys.argv[2], "w").write(s.recv(4096).decode())
PY
NOTIFY_PID=$!
for _ in $(seq 1 100); do [ -S "$WORK/notify.sock" ] && break; sleep 0.1; done
NOTIFY_SOCKET="$WORK/notify.sock" "$SCHAKELD" --config="$WORK/host.textproto" \
  --listen=127.0.0.1:$PORT --shutdown-grace-seconds=5 >"$WORK/schakeld.log" 2>&1 &
PID=$!
for _ in $(seq 1 300); do
  "$CTL" --server=127.0.0.1:$PORT --as=admin health >/dev/null 2>&1 && break
  sleep 0.1
done
check "health is SERVING" "$CTL" --server=127.0.0.1:$PORT --as=admin health
wait "$NOTIFY_PID"
check "systemd hears READY=1" grep -q "^READY=1" "$WORK/notify.txt"
check "and the address served" grep -q "STATUS=serving on 127.0.0.1:$PORT" "$WORK/notify.txt"
out=$("$CTL" --server=127.0.0.1:$PORT --as=admin --json whoami 2>&1)
check "whoami answers as admin" grep -q '"principal_id": "admin"' <<<"$out"
check "whoami shows the ADMIN role" grep -q 'ROLE_ADMIN' <<<"$out"

# A second host on the same port fails and says so.
out=$("$SCHAKELD" --config="$WORK/host.textproto" --listen=127.0.0.1:$PORT --data-dir="$WORK/data2" \
  --metrics-listen=off 2>&1); rc=$?
check "port in use exits non-zero" test $rc -ne 0
check "port in use is explained" grep -q "cannot listen" <<<"$out"
# So does one whose metrics port is taken (by the first host's endpoint).
out=$("$SCHAKELD" --config="$WORK/host.textproto" --listen=127.0.0.1:$(free_port) \
  --data-dir="$WORK/data3" 2>&1); rc=$?
check "metrics port in use exits non-zero" test $rc -ne 0
check "metrics port in use is named" grep -q "cannot serve metrics on 127.0.0.1:$MPORT" <<<"$out"

# The metrics endpoint: plain HTTP on localhost, the calls above counted.
metrics=$(python3 -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=10).read().decode())' \
  "http://127.0.0.1:$MPORT/metrics" 2>&1)
check "metrics count the whoami call" grep -q \
  'schakel_rpc_requests_total{code="OK",method="WhoAmI",service="schakel.v1.DirectoryService"}' <<<"$metrics"
check "metrics show the health checks" grep -q 'method="Check",service="grpc.health.v1.Health"' <<<"$metrics"

# Idempotent mutation through the CLI; a second request_id for the same id is refused.
"$CTL" --server=127.0.0.1:$PORT --as=admin --request-id=e2e-1 directory create-organisation \
  --id=vt-utrecht --name="Veilig Thuis Utrecht" --type=veilig-thuis --region=utrecht >/dev/null
check "retry with the same request_id succeeds" "$CTL" --server=127.0.0.1:$PORT --as=admin \
  --request-id=e2e-1 directory create-organisation --id=vt-utrecht --name="Veilig Thuis Utrecht" \
  --type=veilig-thuis --region=utrecht
out=$("$CTL" --server=127.0.0.1:$PORT --as=admin --request-id=e2e-2 directory create-organisation \
  --id=vt-utrecht --name="Veilig Thuis Utrecht" --type=veilig-thuis --region=utrecht 2>&1); rc=$?
check "duplicate id exits 1" test $rc -eq 1
check "duplicate id names the field" grep -q "organisation.id" <<<"$out"

# The audit log, as an auditor and as a partner organisation use it.
"$CTL" pki issue --principal=auditor --organisation=regio-test >/dev/null
"$CTL" --server=127.0.0.1:$PORT --as=admin --request-id=e2e-aud directory register-professional \
  --id=auditor --name="Auditor" --org=regio-test --roles=auditor >/dev/null 2>&1
AUD=("$CTL" --server=127.0.0.1:$PORT --as=auditor)
out=$("${AUD[@]}" audit public-key 2>&1)
check "public-key is the one made by pki audit-keys" test "$out" = "$(cat "$KEYS/audit.vkey")"
out=$("${AUD[@]}" audit checkpoint --fresh 2>&1); rc=$?
check "checkpoint verifies" test $rc -eq 0
check "checkpoint signature valid" grep -q "signature: valid" <<<"$out"
check "state file starts empty" test ! -e "$WORK/monitor.state"
out=$("${AUD[@]}" audit monitor --state="$WORK/monitor.state" 2>&1); rc=$?
check "monitor pins the first checkpoint" test $rc -eq 0
out=$("${AUD[@]}" --json audit query --event-type=directory.organisation.created \
  --object=vt-utrecht --purpose="e2e check" 2>&1)
check "query finds the organisation's creation" grep -q '"event_type": "directory.organisation.created"' <<<"$out"
event_id=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["entries"][0]["record"]["event_id"])' <<<"$out")
out=$("${AUD[@]}" audit prove "$event_id" 2>&1); rc=$?
check "prove verifies the inclusion" test $rc -eq 0
check "prove says verified" grep -q "inclusion: verified" <<<"$out"
"$CTL" --server=127.0.0.1:$PORT --as=admin --request-id=e2e-3 directory create-organisation \
  --id=politie-utrecht --name="Politie Utrecht" --type=police --region=utrecht >/dev/null
"${AUD[@]}" audit checkpoint --fresh >/dev/null 2>&1
out=$("${AUD[@]}" audit monitor --state="$WORK/monitor.state" 2>&1); rc=$?
check "monitor sees the log only grew" test $rc -eq 0
check "monitor checked consistency" grep -q "consistent:" <<<"$out"
out=$("${AUD[@]}" audit export --out="$WORK/export.bin" 2>&1); rc=$?
check "export writes a file" test $rc -eq 0
out=$("$CTL" audit verify-export "$WORK/export.bin" 2>&1); rc=$?
check "verify-export accepts the export" test $rc -eq 0
check "verify-export matched the root" grep -q "matches the signed checkpoint" <<<"$out"
python3 - "$WORK/export.bin" <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
data[-5] ^= 0x01  # one bit in the last entry
open(sys.argv[1] + ".tampered", "wb").write(data)
PY
out=$("$CTL" audit verify-export "$WORK/export.bin.tampered" 2>&1); rc=$?
check "verify-export rejects a tampered export" test $rc -ne 0
out=$("$CTL" --server=127.0.0.1:$PORT --as=admin audit query --purpose=x 2>&1); rc=$?
check "admin may not read the audit log" grep -q "PERMISSION_DENIED" <<<"$out"

# A joint case through the CLI: Veilig Thuis opens it, the director builds the team and records an
# MDO with an action, the police see CARE notes hidden, the case closes and reopens.
CC=("$CTL" --server=127.0.0.1:$PORT)
"${CC[@]}" --as=admin --request-id=e2e-org-team directory create-organisation --id=wijkteam-utrecht \
  --name="Wijkteam Utrecht" --type=local-team --region=utrecht >/dev/null
for u in "vt|vt-utrecht|vt-intake" "regisseur|wijkteam-utrecht|case-director" \
  "agent|politie-utrecht|professional"; do
  IFS='|' read -r id org roles <<<"$u"
  "$CTL" pki issue --principal="$id" --organisation="$org" >/dev/null
  "${CC[@]}" --as=admin --request-id="e2e-pro-$id" directory register-professional --id="$id" \
    --name="Professional $id" --org="$org" --roles="$roles" >/dev/null
done
cat >"$WORK/case.json" <<'JSON'
{"originReportId": "vt-e2e-1", "directorProfessionalId": "regisseur",
 "details": {"honourRelatedViolence": true},
 "persons": [{"name": "Ezra Testpersoon", "bsn": "999990019", "role": "PERSON_ROLE_VICTIM",
   "notes": [{"sensitivity": "SENSITIVITY_CARE", "text": "traumabehandeling"}]}]}
JSON
out=$("${CC[@]}" --as=vt --json --request-id=e2e-case cases create --from-json="$WORK/case.json" 2>"$WORK/notice"); rc=$?
check "cases create succeeds" test $rc -eq 0
check "honour-related notice is shown first" grep -q "LET OP / NOTE: Eergerelateerd geweld" "$WORK/notice"
CASE=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["case"]["id"])' <<<"$out")
out2=$("${CC[@]}" --as=vt --json --request-id=e2e-case cases create --from-json="$WORK/case.json" 2>/dev/null)
check "a retried create gives the same case" grep -q "$CASE" <<<"$out2"
check "BSN is shown masked" grep -q '"bsnMasked": "\*\*\*\*\*\*019"\|"bsn_masked": "\*\*\*\*\*\*019"' <<<"$out"
check "plain BSN is not returned" lacks 999990019 "$out"
REG=("${CC[@]}" --as=regisseur)
check "add-member" "${REG[@]}" cases add-member "$CASE" --professional=agent --org=politie-utrecht \
  --role=core-team
out=$("${REG[@]}" --json cases record-meeting "$CASE" --date=2026-01-05 \
  --attendees=regisseur@wijkteam-utrecht,agent@politie-utrecht --decision="Huisverbod bewaken" \
  --action="Controle" --owner=politie-utrecht --due=2030-01-01 2>/dev/null); rc=$?
check "record-meeting with an action" test $rc -eq 0
ACTION=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["actions"][0]["id"])' <<<"$out")
check "the owning organisation updates its action" "${CC[@]}" --as=agent cases update-action \
  "$CASE" --action-id="$ACTION" --status=done
out=$("${CC[@]}" --as=agent cases get "$CASE" 2>/dev/null)
check "police see the CARE note as hidden" grep -q "verborgen voor uw organisatie" <<<"$out"
check "police do not see the CARE text" lacks traumabehandeling "$out"
out=$("${CC[@]}" --as=agent --json cases find --bsn=999990019 2>/dev/null)
check "find by BSN finds the case for a team member" grep -q "$CASE" <<<"$out"
out=$("${CC[@]}" --as=admin cases get "$CASE" 2>&1); rc=$?
check "admin never sees client data" grep -q "PERMISSION_DENIED" <<<"$out"
out=$("${REG[@]}" cases close "$CASE" --reason="Stabiel veilig" 2>&1); rc=$?
check "close without the checklist names the items" grep -q "checklist.follow_up_agreed" <<<"$out"
check "close with the checklist" "${REG[@]}" cases close "$CASE" --reason="Stabiel veilig" \
  --checklist=all
check "reopen" "${REG[@]}" cases reopen "$CASE" --reason="Nieuw incident"
out=$("${CC[@]}" --as=agent cases timeline "$CASE" 2>/dev/null)
check "timeline shows closing and reopening" grep -q "case.reopened" <<<"$out"
# Without --json the output is for people: tables and "Label: value" lines, times in
# Europe/Amsterdam as dd-MM-yyyy HH:mm, enum values in words, no protobuf text.
check "the timeline is a table" grep -q "^SEQUENCE  *TIME  *TYPE" <<<"$out"
out=$("${REG[@]}" cases list 2>/dev/null)
check "cases list is a table with the role in words" grep -q "case director" <<<"$out"
check "cases list has no protobuf text" lacks "CASE_ROLE_\|seconds:\|cases {" "$out"
created=$("${REG[@]}" --json cases get "$CASE" 2>/dev/null | python3 -c 'import datetime, json, re, sys, zoneinfo
t = re.sub(r"\.\d+", "", json.load(sys.stdin)["case"]["create_time"]).replace("Z", "+00:00")
d = datetime.datetime.fromisoformat(t).astimezone(zoneinfo.ZoneInfo("Europe/Amsterdam"))
print(d.strftime("%d-%m-%Y %H:%M"))')
out=$("${REG[@]}" cases get "$CASE" 2>/dev/null)
check "cases get shows the creation time in Amsterdam, Dutch notation" \
  grep -q "^Create time: *$created$" <<<"$out"
check "cases get shows the person's role in words" grep -q "Role: *victim" <<<"$out"
out=$("${CC[@]}" --as=auditor --json audit query --object="$CASE" --purpose="e2e check" 2>&1)
check "the audit log holds the case's search by BSN" grep -q "case.search.bsn" <<<"$out"
check "the audit log never holds the BSN" lacks 999990019 "$out"

# Handovers: deploy/local/handover_scenario.sh against this schakeld, with Utrecht's parties (VT
# opens and hands phase 2 to the local team; phase 3 is declined by one mental-health care partner
# and accepted by another; the supervisor's report has no gap; the timeline has every event).
SCENARIO="$(cd "$(dirname "$0")/../.." && pwd)/deploy/local/handover_scenario.sh"
for o in "ggz-utrecht|GGZ Utrecht" "ggz-gezin-utrecht|GGZ Gezin Utrecht"; do
  IFS='|' read -r id name <<<"$o"
  "${CC[@]}" --as=admin --request-id="e2e-org-$id" directory create-organisation --id="$id" \
    --name="$name" --type=mental-health-care --region=utrecht >/dev/null
done
for u in "ggz|ggz-utrecht|professional" "ggz-gezin|ggz-gezin-utrecht|professional" \
  "toezicht|vt-utrecht|supervisor"; do
  IFS='|' read -r id org roles <<<"$u"
  "$CTL" pki issue --principal="$id" --organisation="$org" >/dev/null
  "${CC[@]}" --as=admin --request-id="e2e-pro-$id" directory register-professional --id="$id" \
    --name="Professional $id" --org="$org" --roles="$roles" >/dev/null
done
out=$(SCHAKELCTL="$CTL" SCHAKEL_HOME="$WORK" SCHAKEL_SERVER=127.0.0.1:$PORT SCENARIO_RUN=e2e-ho \
  SCENARIO_VT=vt SCENARIO_VT_ORG=vt-utrecht SCENARIO_TEAM=regisseur SCENARIO_TEAM_ORG=wijkteam-utrecht \
  SCENARIO_GGZ1=ggz SCENARIO_GGZ1_ORG=ggz-utrecht SCENARIO_GGZ2=ggz-gezin \
  SCENARIO_GGZ2_ORG=ggz-gezin-utrecht SCENARIO_SUPERVISOR=toezicht bash "$SCENARIO" 2>&1); rc=$?
check "handover scenario passes" test $rc -eq 0
[ $rc -eq 0 ] || tail -n 15 <<<"$out"
check "scenario: the report has no gaps" grep -q "no gaps" <<<"$out"
check "scenario: the timeline shows the decline" grep -q "handover.declined" <<<"$out"
check "scenario: the recovery phase ends with the second partner" \
  grep -q "led by ggz-gezin-utrecht in RECOVERY" <<<"$out"

# Intake: deploy/local/intake_scenario.sh runs against the split layout (split_test.sh, e2e_split)
# and run.sh seeds a week of intake in this layout (run_twice_test.sh); not a third time here.
# Safety plans: deploy/local/plan_scenario.sh against this schakeld, with Utrecht's parties (two
# signed-off versions and their diff, a RiHG, an incident that sends the case back to phase 1 under
# the same lead, the team's plan inbox, an evaluation that reviews it, the timeline).
PLAN_SCENARIO="$(dirname "$SCENARIO")/plan_scenario.sh"
out=$(SCHAKELCTL="$CTL" SCHAKEL_HOME="$WORK" SCHAKEL_SERVER=127.0.0.1:$PORT SCENARIO_RUN=e2e-ps \
  SCENARIO_VT=vt SCENARIO_VT_ORG=vt-utrecht SCENARIO_DIRECTOR=regisseur SCENARIO_TEAM=ggz \
  SCENARIO_TEAM_ORG=ggz-utrecht SCENARIO_POLICE=agent SCENARIO_POLICE_ORG=politie-utrecht \
  SCENARIO_SUPERVISOR=toezicht bash "$PLAN_SCENARIO" 2>&1); rc=$?
check "plan scenario passes" test $rc -eq 0
[ $rc -eq 0 ] || tail -n 25 <<<"$out"
check "plan scenario: the diff shows the changed condition" \
  grep -q "PLAN_SECTION_CONDITIONS ITEM_CHANGE_CHANGED" <<<"$out"
check "plan scenario: the incident sends the case back to direct safety" \
  grep -q "back in DIRECT_SAFETY, vt-utrecht still leads" <<<"$out"
# The honour-related case: the family is never informed.
out=$("${CC[@]}" --as=vt --request-id=e2e-ho-honour handover propose "$CASE" --to-org=wijkteam-utrecht \
  --phase=stable-safety --summary="Overdracht" --family-informed 2>&1); rc=$?
check "family_informed on an honour-related case exits 1" test $rc -eq 1
check "family_informed on an honour-related case is INVALID_ARGUMENT" \
  grep -q "INVALID_ARGUMENT" <<<"$out"
check "the refusal names family_informed" grep -q "family_informed" <<<"$out"
# Only the receiving organisation accepts.
out=$("${CC[@]}" --as=vt --json --request-id=e2e-ho-prop handover propose --case="$CASE" \
  --to-org=wijkteam-utrecht --phase=stable-safety --summary="Overdracht" \
  --conditions="Geen contact met de familie, ook niet indirect; Adres blijft geheim" 2>/dev/null)
HO=$(python3 -c 'import json,sys; h=json.load(sys.stdin)["handover"]; print(h["id"], len(h["content"]["safety_conditions"]))' <<<"$out")
check "propose splits --conditions at ';'" test "${HO#* }" = 2
HO=${HO%% *}
out=$("${CC[@]}" --as=agent --request-id=e2e-ho-steal handover accept "$HO" 2>&1); rc=$?
check "accept by another organisation exits 1" test $rc -eq 1
check "accept by another organisation is PERMISSION_DENIED" grep -q "PERMISSION_DENIED" <<<"$out"
out=$(timeout 20 "${CC[@]}" --as=regisseur handover watch --max-updates=1 2>&1); rc=$?
check "watch prints the inbox and stops" test $rc -eq 0
check "the inbox holds the waiting handover" grep -q "$HO" <<<"$out"
check "the sender withdraws" "${CC[@]}" --as=vt --request-id=e2e-ho-withdraw handover withdraw \
  "$HO" --reason="Eerst een MDO"
"${CC[@]}" --as=toezicht handover report --csv >"$WORK/report.csv" 2>/dev/null; rc=$?
check "report --csv succeeds" test $rc -eq 0
check "report --csv writes the CSV header first" test "$(head -n 1 "$WORK/report.csv")" = \
  "section,subject,measure,value"
check "report --csv writes only CSV" lacks "report {" "$(cat "$WORK/report.csv")"
check "the CSV counts no gaps" grep -q "^gaps,,count,0$" "$WORK/report.csv"

# A user certificate from another CA is refused.
mkdir -p "$WORK/other" && SCHAKEL_HOME=$WORK/other "$CTL" pki init >/dev/null
SCHAKEL_HOME=$WORK/other "$CTL" pki issue --principal=admin --organisation=regio-test >/dev/null
"$CTL" pki audit-keys --origin=schakel.test/audit >/dev/null
KEYS=$WORK/var/keys
out=$("$CTL" --server=127.0.0.1:$PORT --cert="$WORK/other/var/pki/users/admin.crt" \
  --key="$WORK/other/var/pki/users/admin.key" --ca="$PKI/ca.crt" whoami 2>&1); rc=$?
check "foreign CA is refused" test $rc -ne 0

# A backup while it serves, restored and checked against the audit log's signed checkpoint; a
# backup with one byte changed is refused.
head -c 32 /dev/urandom >"$WORK/backup.key"
out=$("$SCHAKELD" backup --config="$WORK/host.textproto" --to="$WORK/backups/one" \
  --backup-key="$WORK/backup.key" 2>&1); rc=$?
check "backup while serving exits 0" test $rc -eq 0 || echo "$out"
check "backup lists the audit log's checkpoint" grep -q "audit log checkpoint: size" <<<"$out"
out=$("$SCHAKELD" restore --from="$WORK/backups/one" --to="$WORK/restored" \
  --backup-key="$WORK/backup.key" --audit-vkey="$KEYS/audit.vkey" 2>&1); rc=$?
check "restore exits 0" test $rc -eq 0 || echo "$out"
check "restore proves the log against the signed checkpoint" \
  grep -q "root equals the signed checkpoint's" <<<"$out"
check "restore brings every database" test -s "$WORK/restored/cases.db" -a -s "$WORK/restored/audit.db"
cp -r "$WORK/backups/one" "$WORK/backups/flipped"
python3 - "$WORK/backups/flipped/directory.db.enc" <<'PY'
import sys
p = sys.argv[1]
b = bytearray(open(p, "rb").read()); b[len(b) // 2] ^= 1; open(p, "wb").write(b)
PY
out=$("$SCHAKELD" restore --from="$WORK/backups/flipped" --to="$WORK/restored2" \
  --backup-key="$WORK/backup.key" 2>&1); rc=$?
check "a flipped byte is refused" test $rc -eq 1
check "and named" grep -q "directory.db.enc does not authenticate" <<<"$out"
check "nothing is left of it" test -z "$(ls -A "$WORK/restored2")"

# A report, for the intake master key rotation below: its content is sealed under a data key of
# its own, wrapped by intake's master key.
cat >"$WORK/report.json" <<'JSON'
{"kind": "REPORT_KIND_REPORT", "channel": "REPORT_CHANNEL_PHONE",
 "reporter": {"type": "REPORTER_TYPE_CITIZEN", "name": "Buurman", "contact": "06-12345678"},
 "persons": [{"name": "Mila Kramer", "date_of_birth": {"year": 2017, "month": 5, "day": 3},
              "address": {"street": "Oudegracht", "house_number": "5", "postcode": "3511 AB",
                          "city": "Utrecht"}, "role": "REPORTED_ROLE_CHILD"}],
 "violence_kinds": ["VIOLENCE_KIND_CHILD_NEGLECT"],
 "description": "Kind staat avond aan avond alleen op de stoep."}
JSON
out=$("${CC[@]}" --as=vt --json --request-id=e2e-in-report intake submit \
  --from-json="$WORK/report.json" 2>&1); rc=$?
check "a report is submitted" test $rc -eq 0 || echo "$out"
REPORT=$(python3 -c 'import json, sys; print(json.load(sys.stdin)["report_id"])' <<<"$out")

# SIGTERM: a clean exit.
kill -TERM "$PID"
wait "$PID"; rc=$?
PID=""
check "SIGTERM exits 0" test $rc -eq 0
check "shutdown is logged" grep -q '"host.stopped"' "$WORK/schakeld.log"
# No personal names in the log (the demo names are only in the directory).
check "log carries no names" bash -c "! grep -q 'Veilig Thuis Utrecht\|Beheerder\|Ezra\|999990019' '$WORK/schakeld.log'"

# The audit log's master key rotated, offline: its data keys rewrapped under a new one, and the
# log still read with it (a query decrypts entries of before the rotation); a wrong current key is
# refused and changes nothing.
head -c 32 /dev/urandom >"$WORK/new-master.key"
out=$("$SCHAKELD" rotate-master-key --config="$WORK/host.textproto" --service=directory \
  --new-master-key="$WORK/new-master.key" 2>&1); rc=$?
check "rotate-master-key refuses a service without wrapped keys" test $rc -eq 2
sed "s|$KEYS/audit-master.key|$WORK/new-master.key|" "$WORK/host.textproto" >"$WORK/rotated.textproto"
out=$("$SCHAKELD" rotate-master-key --config="$WORK/rotated.textproto" --service=audit \
  --new-master-key="$KEYS/audit-master.key" 2>&1); rc=$?
check "rotate-master-key refuses a wrong current key" test $rc -eq 1
check "and says nothing changed" grep -q "nothing changed" <<<"$out"
out=$("$SCHAKELD" rotate-master-key --config="$WORK/host.textproto" --service=audit \
  --new-master-key="$WORK/new-master.key" 2>&1); rc=$?
check "rotate-master-key exits 0" test $rc -eq 0 || echo "$out"
check "it says how many keys it rewrapped" grep -q "data keys of .*audit.db rewrapped" <<<"$out"
# Intake's master key the same way: the report keys, wrapped until now by a key derived from the
# data key, rewrapped under a key of its own, which the configuration then names.
head -c 32 /dev/urandom >"$WORK/new-intake-master.key"
out=$("$SCHAKELD" rotate-master-key --config="$WORK/host.textproto" --service=intake \
  --new-master-key="$WORK/new-intake-master.key" 2>&1); rc=$?
check "rotate-master-key --service=intake exits 0" test $rc -eq 0 || echo "$out"
check "it rewrapped intake's report keys" grep -q "data keys of .*intake.db rewrapped" <<<"$out"
sed -i "s|^intake { data_key_file|intake { master_key_file: \"$WORK/new-intake-master.key\" data_key_file|" \
  "$WORK/rotated.textproto"
check "the rotated configuration names intake's new master key" \
  grep -q "new-intake-master.key" "$WORK/rotated.textproto"
# And the cases service's: the case keys, one per case.
head -c 32 /dev/urandom >"$WORK/new-cases-master.key"
out=$("$SCHAKELD" rotate-master-key --config="$WORK/host.textproto" --service=cases \
  --new-master-key="$WORK/new-cases-master.key" 2>&1); rc=$?
check "rotate-master-key --service=cases exits 0" test $rc -eq 0 || echo "$out"
check "it rewrapped the case keys" grep -q "[1-9][0-9]* data keys of .*cases.db rewrapped" <<<"$out"
sed -i "s|^cases { data_key_file|cases { master_key_file: \"$WORK/new-cases-master.key\" data_key_file|" \
  "$WORK/rotated.textproto"
# The handover service's master key: its case keys rewrapped under a key of its own.
head -c 32 /dev/urandom >"$WORK/new-handover-master.key"
out=$("$SCHAKELD" rotate-master-key --config="$WORK/host.textproto" --service=handover \
  --new-master-key="$WORK/new-handover-master.key" 2>&1); rc=$?
check "rotate-master-key --service=handover exits 0" test $rc -eq 0 || echo "$out"
check "it says what it rewrapped in handover.db" grep -q "data keys of .*handover.db rewrapped" <<<"$out"
sed -i "s|^handover { data_key_file|handover { master_key_file: \"$WORK/new-handover-master.key\" data_key_file|" \
  "$WORK/rotated.textproto"
check "the rotated configuration names the handover master key" \
  grep -q "new-handover-master.key" "$WORK/rotated.textproto"
# Every service's data key rotated, offline: what each sealed under it sealed again under a new
# key, which the configuration then names. Intake's and cases' master keys are files of their own
# by now (above), so their report and case keys stay as they are.
out=$("$SCHAKELD" rotate-data-key --config="$WORK/rotated.textproto" --service=directory \
  --new-data-key="$WORK/new-master.key" 2>&1); rc=$?
check "rotate-data-key refuses a service without a data key" test $rc -eq 2
check "and names those with one" grep -q "intake, safetyplan\|cases, handover" <<<"$out"
for svc in intake cases handover safetyplan; do
  head -c 32 /dev/urandom >"$WORK/new-$svc-data.key"
  out=$("$SCHAKELD" rotate-data-key --config="$WORK/rotated.textproto" --service=$svc \
    --new-data-key="$WORK/new-$svc-data.key" 2>&1); rc=$?
  check "rotate-data-key --service=$svc exits 0" test $rc -eq 0 || echo "$out"
  check "it says what it resealed in $svc.db" \
    grep -q "[1-9][0-9]* values of .*$svc.db resealed" <<<"$out"
  sed -i "s|$KEYS/$svc-data.key|$WORK/new-$svc-data.key|" "$WORK/rotated.textproto"
done
out=$("$SCHAKELD" rotate-data-key --config="$WORK/rotated.textproto" --service=handover \
  --new-data-key="$WORK/new-handover-data.key" 2>&1); rc=$?
check "rotate-data-key refuses the current key again" test $rc -eq 2
check "and says nothing changed" grep -q "current one; nothing changed" <<<"$out"
RPORT=$(free_port)
"$SCHAKELD" --config="$WORK/rotated.textproto" --listen=127.0.0.1:$RPORT --metrics-listen=off \
  >"$WORK/rotated.log" 2>&1 &
PID=$!
for _ in $(seq 1 300); do
  "$CTL" --server=127.0.0.1:$RPORT --as=admin health >/dev/null 2>&1 && break
  sleep 0.1
done
out=$("$CTL" --server=127.0.0.1:$RPORT --as=auditor --json audit query \
  --event-type=directory.organisation.created --purpose="e2e rotation" 2>&1)
check "after the rotation the log reads its entries of before" grep -q '"vt-utrecht"' <<<"$out"
out=$("$CTL" --server=127.0.0.1:$RPORT --as=vt --json intake get "$REPORT" 2>&1)
check "after the rotations intake reads its report of before" grep -q "Mila Kramer" <<<"$out" ||
  echo "$out" | tail -n 3
out=$("$CTL" --server=127.0.0.1:$RPORT --as=regisseur --json cases get "$CASE" 2>&1)
check "after the rotations cases reads its case of before" grep -q "Ezra Testpersoon" <<<"$out" ||
  echo "$out" | tail -n 3
kill -TERM "$PID"
wait "$PID"
PID=""

finish "e2e"
