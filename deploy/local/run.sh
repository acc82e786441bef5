#!/usr/bin/env bash
# Sets up and runs Schakel on this machine (Debian 12, as root for the package install):
#
#   deploy/local/run.sh          install what is missing, build the release preset, make the
#                                development PKI, (re)start schakeld on 127.0.0.1:7400 and seed the
#                                demo region Haaglanden: two MDA++ cases, one with handovers
#   deploy/local/run.sh stop     stop schakeld
#   deploy/local/run.sh status   say whether it runs
#
# SCHAKEL_BUILD_JOBS=N sets the build's parallel jobs (default 2). For tests (tests/e2e), three
# more: SCHAKEL_RUN_HOME=DIR keeps var/ under DIR instead of the checkout, SCHAKEL_LISTEN=HOST:PORT
# listens elsewhere, SCHAKEL_PREBUILT=BUILD_DIR uses the binaries of an existing build and skips
# the install and the build. With it running,
# deploy/local/handover_scenario.sh plays a whole handover scenario on a new case.
#
# Everything it makes lives under var/ (git-ignored): var/pki, var/data, var/log,
# var/schakeld.textproto and var/schakeld.pid. Running it again keeps the CA, the certificates and
# the data, restarts the server and changes nothing else.
set -euo pipefail
# Everything this script and what it starts create (keys, databases, logs, exports) is for this
# user only.
umask 077

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

LISTEN="${SCHAKEL_LISTEN:-127.0.0.1:7400}"
HOME_DIR="${SCHAKEL_RUN_HOME:-$ROOT}"
VAR="$HOME_DIR/var"
PKI="$VAR/pki"
CONFIG="$VAR/schakeld.textproto"
PIDFILE="$VAR/schakeld.pid"
LOG="$VAR/log/schakeld.log"
BUILD_DIR="${SCHAKEL_PREBUILT:-$ROOT/build/release}"
SCHAKELD="$BUILD_DIR/services/schakeld/schakeld"
SCHAKELCTL="$BUILD_DIR/client/cli/schakelctl"
BUILD_JOBS="${SCHAKEL_BUILD_JOBS:-2}"

OPERATOR_ORG="regio-haaglanden"
AUDIT_ORIGIN="schakel.haaglanden/audit"
OPERATOR_NAME="Regio Haaglanden — beheer"
ADMIN_ID="admin"
ADMIN_NAME="Beheerder Haaglanden"

# Partner organisations: id | name | type. The operator organisation is made by the bootstrap.
ORGANISATIONS=(
  "vt-haaglanden|Veilig Thuis Haaglanden|veilig-thuis"
  "wijkteam-den-haag-centrum|Wijkteam Den Haag Centrum|local-team"
  "politie-haaglanden|Politie Eenheid Den Haag|police"
  "ggz-haaglanden|GGZ Haaglanden|mental-health-care"
  "ggz-gezin-haaglanden|GGZ Gezin Haaglanden|mental-health-care"
)

# Demo users: id | organisation | roles | name. The first (admin) is made by the bootstrap.
USERS=(
  "admin|regio-haaglanden|admin|Beheerder Haaglanden"
  "vt-medewerker|vt-haaglanden|vt-intake|Sanne de Vries"
  "regisseur|wijkteam-den-haag-centrum|case-director,professional|Mohammed El Amrani"
  "wijkteam|wijkteam-den-haag-centrum|professional|Eva Jansen"
  "agent|politie-haaglanden|professional|Pieter Bakker"
  "ggz|ggz-haaglanden|professional|Lotte Visser"
  "ggz-gezin|ggz-gezin-haaglanden|professional|Iris Hendriks"
  "supervisor|vt-haaglanden|supervisor|Henk Mulder"
  "regio-toezicht|regio-haaglanden|regional-supervisor|Anouk de Groot"
  "auditor|regio-haaglanden|auditor|Fatma Yilmaz"
)

say() { echo "==> $*"; }
die() {
  echo "run.sh: $*" >&2
  exit 1
}

ctl() { "$SCHAKELCTL" --home="$HOME_DIR" --server="$LISTEN" "$@"; }

# The pid in var/schakeld.pid when it names a running schakeld; empty otherwise.
running_pid() {
  [[ -f "$PIDFILE" ]] || return 0
  local pid
  pid="$(tr -dc '0-9' <"$PIDFILE")"
  [[ -n "$pid" ]] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  # A reused pid that belongs to something else is not ours to stop.
  [[ "$(ps -p "$pid" -o comm= 2>/dev/null)" == "schakeld" ]] || return 0
  echo "$pid"
}

stop_server() {
  local pid
  pid="$(running_pid)"
  if [[ -z "$pid" ]]; then
    rm -f "$PIDFILE"
    echo "schakeld: not running"
    return 0
  fi
  echo "schakeld: stopping (pid $pid)"
  kill -TERM "$pid"
  local i
  for ((i = 0; i < 30; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    die "schakeld (pid $pid) did not stop within 15 s; see $LOG (kill -KILL $pid ends it)"
  fi
  rm -f "$PIDFILE"
  echo "schakeld: stopped"
}

# Escapes a value for a double-quoted protobuf text-format string.
textproto_string() {
  local s="$1"
  s="${s//\\/\\\\}"
  s="${s//\"/\\\"}"
  printf '"%s"' "$s"
}

# Issues a user or service certificate unless a valid one from the current CA exists.
ensure_certificate() {
  local dir="$1" id="$2"
  shift 2
  local crt="$PKI/$dir/$id.crt"
  if [[ -f "$crt" && -f "$PKI/$dir/$id.key" ]]; then
    if openssl verify -CAfile "$PKI/ca.crt" "$crt" >/dev/null 2>&1; then
      return 0
    fi
    echo "$crt is not valid under the current CA (or expired); issuing a new one"
  fi
  ctl pki issue --principal="$id" "$@"
}

# One demo MDA++ case: opened by Veilig Thuis from a report, led by the local team's case
# director, with police and mental-health care on the team, a family of three and one MDO with an
# action. Fixed request ids make a second run change nothing.
DEMO_CASE_ID=""
seed_demo_case() {
  say "demo case (MDA++, Haaglanden)"
  local json out
  # The family's details go to schakelctl on its standard input and never into a file.
  json="$(
    cat <<'EOF'
{
  "originReportId": "vt-demo-000001",
  "directorProfessionalId": "regisseur",
  "details": {
    "criteria": {
      "structuralUnsafety": {"state": "CRITERION_STATE_MET", "note": "Onveiligheid houdt aan sinds 2023."},
      "regularHelpExhausted": {"state": "CRITERION_STATE_MET", "note": "Trajecten van wijkteam en GGZ zonder resultaat."},
      "noCoherentApproach": {"state": "CRITERION_STATE_MET"},
      "repeatedIncidents": {"state": "CRITERION_STATE_MET", "note": "Vier zorgmeldingen in twee jaar."}
    },
    "violenceKinds": ["VIOLENCE_KIND_PARTNER_VIOLENCE", "VIOLENCE_KIND_WITNESSING_PARTNER_VIOLENCE"],
    "notes": [
      {"sensitivity": "SENSITIVITY_GENERAL", "text": "Gezin woont sinds 2022 in Den Haag Centrum."},
      {"sensitivity": "SENSITIVITY_JUSTICE", "text": "Tijdelijk huisverbod opgelegd in oktober."}
    ]
  },
  "persons": [
    {"name": "Demi Voorbeeld", "dateOfBirth": {"year": 1990, "month": 5, "day": 17},
     "bsn": "999990019", "role": "PERSON_ROLE_VICTIM",
     "address": {"street": "Voorbeeldstraat", "houseNumber": "1", "postcode": "2511 AA", "city": "Den Haag"},
     "notes": [{"sensitivity": "SENSITIVITY_CARE", "text": "In behandeling voor PTSS."}]},
    {"name": "Rick Voorbeeld", "dateOfBirth": {"year": 1987, "month": 2, "day": 3},
     "role": "PERSON_ROLE_SUSPECTED_PERPETRATOR"},
    {"name": "Noor Voorbeeld", "dateOfBirth": {"year": 2017, "month": 9, "day": 12},
     "role": "PERSON_ROLE_CHILD"}
  ]
}
EOF
  )"
  if ! out="$(ctl --as vt-medewerker --json --request-id=seed-case-open cases create \
    --from-json=/dev/stdin <<<"$json" 2>/dev/null)"; then
    die "could not open the demo case (schakelctl --as vt-medewerker cases create)"
  fi
  DEMO_CASE_ID="$(printf '%s' "$out" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["case"]["id"])')" ||
    die "could not read the demo case id from:"$'\n'"$out"
  demo_step seed-case-wijkteam add-member "$DEMO_CASE_ID" --professional=wijkteam \
    --org=wijkteam-den-haag-centrum --role=core-team
  demo_step seed-case-agent add-member "$DEMO_CASE_ID" --professional=agent \
    --org=politie-haaglanden --role=core-team
  demo_step seed-case-ggz add-member "$DEMO_CASE_ID" --professional=ggz \
    --org=ggz-haaglanden --role=involved
  demo_step seed-case-mdo record-meeting "$DEMO_CASE_ID" --date=2026-11-02 \
    --attendees=regisseur@wijkteam-den-haag-centrum,agent@politie-haaglanden,ggz@ggz-haaglanden,vt-medewerker@vt-haaglanden \
    --chair="Onafhankelijk voorzitter" \
    --minutes="Gezamenlijke analyse van risico- en beschermende factoren." \
    --decision="Traumabehandeling van moeder starten." \
    --action="Intake bij GGZ plannen." --owner=ggz-haaglanden --due=2026-12-15
  echo "demo case $DEMO_CASE_ID in place (director regisseur; team vt-medewerker, wijkteam," \
    "agent, ggz)"
}

# One step of the demo case, as its case director, under a fixed request id.
demo_step() {
  local rid="$1" out
  shift
  if ! out="$(ctl --as regisseur --request-id="$rid" cases "$@" 2>&1 >/dev/null)"; then
    die "demo case step $rid failed:"$'\n'"$out"
  fi
}

# json_field EXPR: EXPR (Python, on the parsed JSON `d`) over standard input.
json_field() {
  python3 -c 'import json, sys
d = json.load(sys.stdin)
print(eval(sys.argv[1]))' "$1"
}

# One handover step as USER under a fixed request id; its JSON answer in $HANDOVER_OUT.
HANDOVER_OUT=""
handover_step() {
  local rid="$1" user="$2" err="$VAR/handover-step.err"
  shift 2
  if ! HANDOVER_OUT="$(ctl --as "$user" --json --request-id="$rid" handover "$@" 2>"$err")"; then
    die "demo handover step $rid (schakelctl --as $user handover $*) failed:"$'\n'"$(cat "$err")"
  fi
  rm -f "$err"
}

# A second demo case, to show handovers of lead responsibility: Veilig Thuis opens it (and leads,
# phase 1) and proposes phase 2 (stable safety) to the local team, which accepts and confirms its
# first contact with the family; then the local team proposes phase 3 (recovery) to GGZ Haaglanden,
# which has not answered yet. Fixed request ids: a second run changes nothing.
HANDOVER_CASE_ID=""
seed_demo_handovers() {
  say "demo case with handovers (phase 2 accepted, phase 3 pending)"
  local json out i
  json="$(
    cat <<'EOF'
{
  "originReportId": "vt-demo-000002",
  "directorProfessionalId": "regisseur",
  "details": {
    "criteria": {
      "structuralUnsafety": {"state": "CRITERION_STATE_MET"},
      "repeatedIncidents": {"state": "CRITERION_STATE_MET", "note": "Drie meldingen in een jaar."}
    },
    "violenceKinds": ["VIOLENCE_KIND_PARTNER_VIOLENCE", "VIOLENCE_KIND_CHILD_ABUSE_PSYCHOLOGICAL"]
  },
  "persons": [
    {"name": "Sam Proefgezin", "dateOfBirth": {"year": 1985, "month": 11, "day": 4},
     "role": "PERSON_ROLE_VICTIM"},
    {"name": "Kim Proefgezin", "dateOfBirth": {"year": 1983, "month": 6, "day": 21},
     "role": "PERSON_ROLE_SUSPECTED_PERPETRATOR"},
    {"name": "Luca Proefgezin", "dateOfBirth": {"year": 2015, "month": 3, "day": 8},
     "role": "PERSON_ROLE_CHILD"}
  ]
}
EOF
  )"
  if ! out="$(ctl --as vt-medewerker --json --request-id=seed-hcase-open cases create \
    --from-json=/dev/stdin <<<"$json" 2>&1)"; then
    die "could not open the demo handover case:"$'\n'"$out"
  fi
  HANDOVER_CASE_ID="$(printf '%s' "$out" | json_field 'd["case"]["id"]')" ||
    die "could not read the demo handover case id from:"$'\n'"$out"
  # On the team already: the opener (vt-medewerker, who proposes phase 2) and the director
  # (regisseur, who accepts it and proposes phase 3). Eva Jansen of the local team joins too, and
  # GGZ's Lotte Visser, who would take the lead in phase 3 (a new lead must be on the team).
  demo_step seed-hcase-wijkteam add-member "$HANDOVER_CASE_ID" --professional=wijkteam \
    --org=wijkteam-den-haag-centrum --role=core-team
  demo_step seed-hcase-ggz add-member "$HANDOVER_CASE_ID" --professional=ggz \
    --org=ggz-haaglanden --role=involved
  # The handover service's ledger learns of the new case from the cases service's relay.
  for ((i = 0; i < 40; i++)); do
    ctl --as vt-medewerker handover responsibility "$HANDOVER_CASE_ID" >/dev/null 2>&1 && break
    sleep 0.25
  done
  handover_step seed-hcase-propose-team vt-medewerker propose "$HANDOVER_CASE_ID" \
    --to-org=wijkteam-den-haag-centrum --to-professional=regisseur --phase=stable-safety \
    --family-informed \
    --summary="Huisverbod verlopen, directe veiligheid bereikt; risicogestuurde zorg door het wijkteam." \
    --conditions="Geen fysiek of verbaal geweld in huis; Luca gaat elke dag naar school" \
    --agreements="Kim volgt een agressieregulatietraining; Sam belt bij dreiging direct 112" \
    --risks="Schulden en spanning over geld" \
    --open-actions="Veiligheidsplan met het gezin bespreken"
  local h1
  h1="$(json_field 'd["handover"]["id"]' <<<"$HANDOVER_OUT")"
  handover_step seed-hcase-accept-team regisseur accept "$h1"
  handover_step seed-hcase-contact-team regisseur confirm-contact "$h1"
  handover_step seed-hcase-propose-ggz regisseur propose "$HANDOVER_CASE_ID" \
    --to-org=ggz-haaglanden --to-professional=ggz --phase=recovery --family-informed \
    --summary="Veiligheid stabiel sinds drie maanden; traumabehandeling voor Sam en Luca." \
    --conditions="Geen fysiek of verbaal geweld in huis" \
    --open-actions="Intake traumabehandeling plannen"
  echo "demo handover case $HANDOVER_CASE_ID in place (phase 2 led by the local team; phase 3" \
    "proposed to ggz-haaglanden)"
}

# The demo handover case's ledger, and the supervisor's report (whose gaps must be empty).
show_demo_handovers() {
  say "demo handover state"
  local out gaps
  out="$(ctl --as regisseur --json handover responsibility "$HANDOVER_CASE_ID" 2>/dev/null)" ||
    die "could not read the responsibility of case $HANDOVER_CASE_ID"
  json_field '"\n".join(
    ["case %s: phase %s, lead %s (%s) since %s" % (d["responsibility"].get("case_reference", ""),
        d["responsibility"]["phase"], d["responsibility"]["lead_organisation_id"],
        d["responsibility"].get("lead_professional_id", ""), d["responsibility"]["lead_since"])]
    + ["  handover %s  %-24s %s -> %s (%s)" % (h["id"], h["state"], h["from_organisation_id"],
        h["to_organisation_id"], h["phase"]) for h in d.get("handovers", [])]
    + ["  LET OP / NOTE: " + n for n in d["responsibility"].get("notices", [])])' <<<"$out"
  echo
  echo "\$ schakelctl --as supervisor handover report"
  ctl --as supervisor handover report || die "the supervisor's handover report failed"
  out="$(ctl --as supervisor --json handover report)" || die "the handover report failed"
  gaps="$(json_field 'len(d.get("report", {}).get("gaps", []))' <<<"$out")"
  if [[ "$gaps" != "0" ]]; then
    die "the handover report shows $gaps gap(s): a case without a lead, or with two"
  fi
  echo "gaps: none (every open case of the region had exactly one lead all the time)"
}

start() {
  if [[ -z "${SCHAKEL_PREBUILT:-}" ]]; then
    say "dependencies (deploy/install-deps.sh)"
    # Packages install system files that every user must read: the system's umask for those.
    (umask 022 && "$ROOT/deploy/install-deps.sh")

    say "build (cmake --preset release; cmake --build --preset release -j$BUILD_JOBS)"
    cmake --preset release
    cmake --build --preset release -j"$BUILD_JOBS"
  else
    say "binaries of $BUILD_DIR (SCHAKEL_PREBUILT; no install, no build)"
  fi
  [[ -x "$SCHAKELD" ]] || die "the build did not produce $SCHAKELD"
  [[ -x "$SCHAKELCTL" ]] || die "the build did not produce $SCHAKELCTL"

  say "development PKI in var/pki"
  mkdir -p "$VAR/data" "$VAR/log"
  # A var/ from before the umask above (or copied in) may be readable by others: make it private,
  # and drop the demo families' files that earlier versions of this script left behind.
  chmod -R go-rwx "$VAR"
  rm -f "$VAR/demo-case.json" "$VAR/demo-handover-case.json"
  ctl pki init
  ensure_certificate services schakeld --organisation="$OPERATOR_ORG" --kind=service \
    --dns=localhost --ip=127.0.0.1
  local entry id org roles name
  for entry in "${USERS[@]}"; do
    IFS='|' read -r id org roles name <<<"$entry"
    ensure_certificate users "$id" --organisation="$org"
  done

  # Certificates are written world-readable (they are public); under var/ they stay private too.
  chmod -R go-rwx "$PKI"

  say "audit log, case, handover and intake keys in var/keys (made once)"
  ctl pki audit-keys --origin="$AUDIT_ORIGIN"
  ctl pki case-keys

  say "configuration var/schakeld.textproto"
  local tmp="$CONFIG.tmp"
  cat >"$tmp" <<EOF
# schakel.v1.HostConfig (proto/schakel/v1/config.proto), written by deploy/local/run.sh.
# Edits are overwritten on the next run; pass flags to schakeld to try other settings.
listen: $(textproto_string "$LISTEN")
data_dir: $(textproto_string "$VAR/data")
tls {
  cert_file: $(textproto_string "$PKI/services/schakeld.crt")
  key_file: $(textproto_string "$PKI/services/schakeld.key")
  ca_file: $(textproto_string "$PKI/ca.crt")
}
audit {
  master_key_file: $(textproto_string "$VAR/keys/audit-master.key")
  index_key_file: $(textproto_string "$VAR/keys/audit-index.key")
  signing_key_file: $(textproto_string "$VAR/keys/audit-signing.pem")
  origin: $(textproto_string "$AUDIT_ORIGIN")
}
cases {
  data_key_file: $(textproto_string "$VAR/keys/cases-data.key")
  index_key_file: $(textproto_string "$VAR/keys/cases-index.key")
}
handover {
  data_key_file: $(textproto_string "$VAR/keys/handover-data.key")
  index_key_file: $(textproto_string "$VAR/keys/handover-index.key")
}
directory_bootstrap {
  organisation_id: $(textproto_string "$OPERATOR_ORG")
  organisation_name: $(textproto_string "$OPERATOR_NAME")
  region: REGION_HAAGLANDEN
  admin_id: $(textproto_string "$ADMIN_ID")
  admin_name: $(textproto_string "$ADMIN_NAME")
}
EOF
  mv "$tmp" "$CONFIG"

  say "start schakeld on $LISTEN"
  if [[ -n "$(running_pid)" ]]; then
    stop_server
  fi
  rm -f "$PIDFILE"
  # gRPC binds with SO_REUSEPORT, so a second server on the port would start "fine" and share the
  # connections with the first. Refuse instead, naming what holds the port.
  local holders
  holders="$(ss -Hltnp "sport = :${LISTEN##*:}" 2>/dev/null || true)"
  if [[ -n "$holders" ]]; then
    echo "run.sh: something already listens on port ${LISTEN##*:} (not the schakeld in" \
      "var/schakeld.pid):" >&2
    echo "$holders" >&2
    die "stop it first (another checkout's deploy/local/run.sh stop, or kill its pid)"
  fi
  if [[ -f "$LOG" ]]; then
    mv -f "$LOG" "$LOG.1"
  fi
  nohup "$SCHAKELD" --config="$CONFIG" </dev/null >"$LOG" 2>&1 &
  local pid=$!
  echo "$pid" >"$PIDFILE"
  echo "schakeld: pid $pid, log var/log/schakeld.log"

  local ready=0 i
  for ((i = 0; i < 60; i++)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      break
    fi
    if ctl --as "$ADMIN_ID" --timeout-seconds=2 health >/dev/null 2>&1; then
      ready=1
      break
    fi
    sleep 0.5
  done
  if ((!ready)); then
    if kill -0 "$pid" 2>/dev/null; then
      echo "run.sh: schakeld did not report SERVING within 30 s; last log lines:" >&2
    else
      rm -f "$PIDFILE"
      echo "run.sh: schakeld exited during start-up; last log lines:" >&2
    fi
    tail -n 20 "$LOG" >&2 || true
    exit 1
  fi
  echo "schakeld: serving"

  say "demo data (region Haaglanden)"
  local oid oname otype out
  for entry in "${ORGANISATIONS[@]}"; do
    IFS='|' read -r oid oname otype <<<"$entry"
    if ! out="$(ctl --as "$ADMIN_ID" --request-id="seed-org-$oid" directory create-organisation \
      --id="$oid" --name="$oname" --type="$otype" --region=haaglanden 2>&1 >/dev/null)"; then
      die "could not create organisation $oid:"$'\n'"$out"
    fi
  done
  for entry in "${USERS[@]}"; do
    IFS='|' read -r id org roles name <<<"$entry"
    if [[ "$id" == "$ADMIN_ID" ]]; then
      continue
    fi
    if ! out="$(ctl --as "$ADMIN_ID" --request-id="seed-pro-$id" directory register-professional \
      --id="$id" --name="$name" --org="$org" --roles="$roles" 2>&1 >/dev/null)"; then
      die "could not register professional $id:"$'\n'"$out"
    fi
  done
  echo "${#ORGANISATIONS[@]} organisations and $((${#USERS[@]} - 1)) professionals in place"
  seed_demo_case
  seed_demo_handovers
  show_demo_handovers

  local ctl_rel="build/release/client/cli/schakelctl"
  cat <<EOF

Schakel is running: schakeld on $LISTEN (mutual TLS; certificates in var/pki).
Log: var/log/schakeld.log   Data: var/data   Config: var/schakeld.textproto

Try it, from $ROOT:
  $ctl_rel --as vt-medewerker whoami
  $ctl_rel --as admin directory list-organisations
  $ctl_rel --as admin directory list-professionals --org=wijkteam-den-haag-centrum
  $ctl_rel --as admin health
  $ctl_rel --as regisseur cases list
  $ctl_rel --as regisseur cases get $DEMO_CASE_ID
  $ctl_rel --as agent cases get $DEMO_CASE_ID      (police: CARE notes hidden)
  $ctl_rel --as ggz cases timeline $DEMO_CASE_ID
  $ctl_rel --as regisseur handover responsibility $HANDOVER_CASE_ID
  $ctl_rel --as ggz handover inbox                (the phase 3 proposal waits here)
  $ctl_rel --as supervisor handover list          (Veilig Thuis's own handovers)
  $ctl_rel --as regio-toezicht handover list --state=proposed   (the whole region)
  $ctl_rel handover help
  deploy/local/handover_scenario.sh               (a whole handover scenario on a new case)
  $ctl_rel --help

Demo users (--as ID):
EOF
  printf '  %-14s %-26s %-27s %s\n' "ID" "ORGANISATION" "ROLES" "NAME"
  for entry in "${USERS[@]}"; do
    IFS='|' read -r id org roles name <<<"$entry"
    printf '  %-14s %-26s %-27s %s\n' "$id" "$org" "$roles" "$name"
  done
  cat <<EOF

Stop it with: deploy/local/run.sh stop
EOF
}

case "${1:-start}" in
  start) start ;;
  stop) stop_server ;;
  status)
    if pid="$(running_pid)" && [[ -n "$pid" ]]; then
      echo "schakeld: running (pid $pid) on $LISTEN"
    else
      echo "schakeld: not running"
      exit 1
    fi
    ;;
  -h | --help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown command '$1'; use: deploy/local/run.sh [start|stop|status]" ;;
esac
intake {
  data_key_file: $(textproto_string "$VAR/keys/intake-data.key")
  index_key_file: $(textproto_string "$VAR/keys/intake-index.key")
}
