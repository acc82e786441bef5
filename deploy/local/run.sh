#!/usr/bin/env bash
# Sets up and runs Schakel on this machine (Debian 12, as root for the package install):
#
#   deploy/local/run.sh          install what is missing, build the release preset, make the
#                                development PKI, (re)start schakeld on 127.0.0.1:7400 and seed the
#                                demo region Haaglanden: two MDA++ cases (one with a safety plan,
#                                one with handovers),
#                                and a week of reports at Veilig Thuis's intake desk (one of
#                                which opens a third MDA++ case)
#   deploy/local/run.sh --split  the same with one schakeld per service, each with its own
#                                certificate and port (7400, 7402, ... 7410), calling the others
#                                over mutual TLS (deploy/local/hosts_lib.sh); on the same data
#   deploy/local/run.sh stop     stop schakeld (either layout)
#   deploy/local/run.sh status   say whether it runs
#
# SCHAKEL_BUILD_JOBS=N sets the build's parallel jobs (default 2). For tests (tests/e2e), three
# more: SCHAKEL_RUN_HOME=DIR keeps var/ under DIR instead of the checkout, SCHAKEL_LISTEN=HOST:PORT
# listens elsewhere (and SCHAKEL_METRICS_LISTEN=HOST:PORT moves the metrics endpoint, by default
# on the next port), SCHAKEL_PREBUILT=BUILD_DIR uses the binaries of an existing build and skips
# the install and the build. With it running,
# deploy/local/handover_scenario.sh plays a whole handover scenario on a new case,
# deploy/local/intake_scenario.sh one at Veilig Thuis's intake desk, and
# deploy/local/plan_scenario.sh a safety plan with an incident and an evaluation.
#
# Everything it makes lives under var/ (git-ignored): var/pki, var/data, var/log,
# var/schakeld.textproto and var/schakeld.pid (var/schakeld-<service>.* when split). Running it
# again keeps the CA, the certificates and the data, restarts the server and changes nothing else.
set -euo pipefail
# Everything this script and what it starts create (keys, databases, logs, exports) is for this
# user only.
umask 077

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

LISTEN="${SCHAKEL_LISTEN:-127.0.0.1:7400}"
# The metrics endpoint (plain HTTP, localhost): the port after the gRPC one, unless told.
METRICS_LISTEN="${SCHAKEL_METRICS_LISTEN:-127.0.0.1:$((${LISTEN##*:} + 1))}"
HOME_DIR="${SCHAKEL_RUN_HOME:-$ROOT}"
VAR="$HOME_DIR/var"
PKI="$VAR/pki"
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

# --split: one schakeld per service (deploy/local/hosts_lib.sh); the default is one for all.
LAYOUT=single
ARGS=()
for arg in "$@"; do
  if [[ "$arg" == --split ]]; then LAYOUT=split; else ARGS+=("$arg"); fi
done
set -- "${ARGS[@]+"${ARGS[@]}"}"
# What schakelctl's --server says: one address, or each service's.
source "$ROOT/deploy/local/hosts_lib.sh"
SERVER="$(server_spec "$LAYOUT")"

ctl() { "$SCHAKELCTL" --home="$HOME_DIR" --server="$SERVER" "$@"; }

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

# One safety plan step of the demo case as USER under a fixed request id; its JSON answer in
# $PLAN_OUT.
PLAN_OUT=""
plan_step() {
  local rid="$1" user="$2" err="$VAR/plan-step.err"
  shift 2
  if ! PLAN_OUT="$(ctl --as "$user" --json --request-id="$rid" "$@" 2>"$err")"; then
    die "demo plan step $rid (schakelctl --as $user $*) failed:"$'\n'"$(cat "$err")"
  fi
  rm -f "$err"
}

# The demo case's safety plan: version 1 signed off by the case director and Veilig Thuis, a RiHG
# by the police, version 2 with a sharpened safety condition (signed off too; its evaluation on
# 15 January 2027 still to come); then Veilig Thuis (leading) moves the case to stable safety and
# the police record an incident, which sends it back to direct safety and makes a plan review
# due. Fixed request ids and dates: a second run changes nothing.
seed_demo_plan() {
  say "demo safety plan (two versions, a risk instrument, an incident)"
  local content draft2 i
  content="$(
    cat <<'EOF'
{
  "sections": [
    {"section": "PLAN_SECTION_WORRIES", "items": [
      {"sensitivity": "SENSITIVITY_GENERAL",
       "text": "Vader slaat moeder als hij gedronken heeft; Noor ziet het."}]},
    {"section": "PLAN_SECTION_STRENGTHS", "items": [
      {"sensitivity": "SENSITIVITY_GENERAL",
       "text": "Oma vangt moeder en Noor op; dat lukte in oktober goed."}]},
    {"section": "PLAN_SECTION_CONDITIONS", "items": [
      {"sensitivity": "SENSITIVITY_GENERAL", "text": "Er is geen fysiek geweld in het gezin."},
      {"sensitivity": "SENSITIVITY_CARE",
       "text": "Vader volgt zijn behandeling bij de verslavingszorg."}]},
    {"section": "PLAN_SECTION_AGREEMENTS", "items": [
      {"sensitivity": "SENSITIVITY_GENERAL", "agreement": {
        "what": "Het wijkteam bezoekt moeder elke maandag.",
        "ownerOrganisationId": "wijkteam-den-haag-centrum", "ownerProfessionalId": "wijkteam",
        "due": {"year": 2026, "month": 12, "day": 21}, "checkedBy": "De casusregisseur"}},
      {"sensitivity": "SENSITIVITY_GENERAL", "agreement": {
        "what": "De politie rijdt extra surveillance in de straat.",
        "ownerOrganisationId": "politie-haaglanden", "ownerProfessionalId": "agent",
        "due": {"year": 2027, "month": 1, "day": 8}, "checkedBy": "De wijkagent"}}]},
    {"section": "PLAN_SECTION_WARNING_SIGNALS", "items": [
      {"sensitivity": "SENSITIVITY_GENERAL", "warningSignal": {
        "signal": "Vader komt dronken thuis.", "action": "Moeder gaat met Noor naar oma.",
        "call": "112"}}]},
    {"section": "PLAN_SECTION_CHILD_VOICE", "items": [
      {"sensitivity": "SENSITIVITY_CARE", "childVoice": {
        "said": "Ik wil dat papa niet meer boos wordt.", "saidTo": "Wijkteam",
        "saidOn": {"year": 2026, "month": 11, "day": 3},
        "childVersion": "Papa en mama hebben afgesproken dat er thuis niet meer geslagen wordt."}}]}
  ],
  "evaluationDate": {"year": 2026, "month": 12, "day": 18}
}
EOF
  )"
  plan_step seed-plan-draft1 regisseur plan draft "$DEMO_CASE_ID"
  plan_step seed-plan-edit1 regisseur plan edit "$DEMO_CASE_ID" --plan-version=1 \
    --from-json=/dev/stdin <<<"$content"
  plan_step seed-plan-propose1 regisseur plan propose "$DEMO_CASE_ID" --plan-version=1
  plan_step seed-plan-sign1-director regisseur plan sign-off "$DEMO_CASE_ID" --plan-version=1
  plan_step seed-plan-sign1-vt vt-medewerker plan sign-off "$DEMO_CASE_ID" --plan-version=1
  plan_step seed-plan-rihg agent plan instrument "$DEMO_CASE_ID" --instrument=rihg --level=HIGH \
    --instrument-version=2.1 --assessed-at=2026-11-10T10:00:00+01:00 \
    --notes="Eerdere aangiftes; escalatie in oktober."
  # Version 2: a copy of version 1 (the same item ids), one condition sharpened, a later
  # evaluation.
  plan_step seed-plan-draft2 regisseur plan draft "$DEMO_CASE_ID"
  draft2="$(printf '%s' "$PLAN_OUT" | python3 -c 'import json, sys
d = json.load(sys.stdin)["version"]["content"]
for s in d["sections"]:
    if s["section"] == "PLAN_SECTION_CONDITIONS":
        s["items"][0]["text"] = ("Er is geen fysiek of verbaal geweld in het gezin; vader komt "
                                 "niet in de woning zonder afspraak.")
d["evaluation_date"] = {"year": 2027, "month": 1, "day": 15}
print(json.dumps(d))')" || die "could not prepare version 2 of the demo plan"
  plan_step seed-plan-edit2 regisseur plan edit "$DEMO_CASE_ID" --plan-version=2 \
    --from-json=/dev/stdin <<<"$draft2"
  plan_step seed-plan-propose2 regisseur plan propose "$DEMO_CASE_ID" --plan-version=2
  plan_step seed-plan-sign2-director regisseur plan sign-off "$DEMO_CASE_ID" --plan-version=2
  plan_step seed-plan-sign2-vt vt-medewerker plan sign-off "$DEMO_CASE_ID" --plan-version=2
  # The ledger knows the case once the cases service's relay delivered it (well within seconds).
  for i in $(seq 1 120); do
    ctl --as vt-medewerker handover responsibility "$DEMO_CASE_ID" >/dev/null 2>&1 && break
    sleep 0.25
  done
  plan_step seed-plan-phase2 vt-medewerker handover phase "$DEMO_CASE_ID" --phase=stable-safety
  plan_step seed-plan-incident agent plan incident "$DEMO_CASE_ID" --reported-by=politie \
    --occurred-at=2026-11-28T22:15:00+01:00 --police-reference=PL1500-2026-000123 \
    --what="Vader kwam dronken thuis en sloeg de voordeur in; moeder belde 112."
  echo "demo plan in place: version 2 in force (evaluation 15-01-2027), RiHG HIGH; an incident" \
    "sent the case back to direct safety (plan review due $(printf '%s' "$PLAN_OUT" |
      json_field '"%(day)02d-%(month)02d-%(year)s" % d["incident"]["review_due"]'))"
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

# The seed files of the demo intake week: made in var/ (umask 077), removed when seeded and when
# the script stops early, so no demo family is left on disk in the clear.
SEED_FILES=()
remove_seed_files() {
  if ((${#SEED_FILES[@]})); then
    rm -f -- "${SEED_FILES[@]}"
  fi
  SEED_FILES=()
}

# Imports a seed file (JSON Lines of ReportInput) as USER; dies naming every refused field.
intake_import() {
  local user="$1" file="$2" out
  if ! out="$(ctl --as "$user" intake import "$file" --rejected="$file.rejected.jsonl" 2>&1)"; then
    echo "$out" >&2
    [[ -f "$file.rejected.jsonl.errors.txt" ]] && cat "$file.rejected.jsonl.errors.txt" >&2
    die "the demo intake import as $user failed"
  fi
  # Only the counts: the file's name is a temporary one.
  grep -E '^  ' <<<"$out" | sed "s/^/  $user: /"
}

# One report with `intake submit` as USER under a fixed request id (the report has no
# received_at, so the request is the same every run); its id in $INTAKE_ID.
INTAKE_ID=""
intake_submit() {
  local user="$1" rid="$2" json="$3" err="$VAR/intake-step.err"
  if ! INTAKE_ID="$(ctl --as "$user" --request-id="$rid" intake submit --from-json=/dev/stdin \
    <<<"$json" 2>"$err")"; then
    die "demo intake step $rid (schakelctl --as $user intake submit) failed:"$'\n'"$(cat "$err")"
  fi
  rm -f "$err"
}

# A realistic week at the intake desk of Veilig Thuis Haaglanden, some 40 reports and advice
# requests received over the last seven days (times relative to now: the server takes reports
# received in the last 30 days only): the police feed's zorgmeldingen, imported as the police
# (agent), several acute; reports and advice requests taken in by phone, secure mail and web form
# (vt-medewerker), one a citizen's anonymous report; three about the Oefenhuis family at one
# address, so the newest shows radar hits and the repeat flag; one report held by vt-medewerker.
# Every name is made up. Fixed external references and request ids: a second run adds nothing.
REPEAT_REPORT_ID=""
seed_demo_intake() {
  say "demo intake week (Veilig Thuis Haaglanden: police feed, reports, advice requests)"
  trap remove_seed_files EXIT
  local police_file vt_file
  police_file="$(umask 077 && mktemp "$VAR/intake-seed-police.XXXXXX")"
  SEED_FILES+=("$police_file" "$police_file.rejected.jsonl" "$police_file.rejected.jsonl.errors.txt")
  vt_file="$(umask 077 && mktemp "$VAR/intake-seed-vt.XXXXXX")"
  SEED_FILES+=("$vt_file" "$vt_file.rejected.jsonl" "$vt_file.rejected.jsonl.errors.txt")
  (umask 077 && python3 - "$police_file" "$vt_file" <<'PY') || die "could not write the intake seed files"
import json, sys
from datetime import datetime, timedelta, timezone

now = datetime.now(timezone.utc)
def at(hours_ago):
    return (now - timedelta(hours=hours_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")

def addr(street, number, postcode, city="Den Haag"):
    return {"street": street, "house_number": number, "postcode": postcode, "city": city}

def person(name, dob, role, address=None, bsn=None):
    y, m, d = dob
    p = {"name": name, "date_of_birth": {"year": y, "month": m, "day": d},
         "role": "REPORTED_ROLE_" + role}
    if address: p["address"] = address
    if bsn: p["bsn"] = bsn
    return p

KINDS = {"partner": "PARTNER_VIOLENCE", "fysiek": "CHILD_ABUSE_PHYSICAL",
         "psychisch": "CHILD_ABUSE_PSYCHOLOGICAL", "verwaarlozing": "CHILD_NEGLECT",
         "getuige": "WITNESSING_PARTNER_VIOLENCE", "ouderen": "ELDER_ABUSE",
         "eer": "HONOUR_RELATED", "scheiding": "COMPLEX_DIVORCE",
         "seksueel": "SEXUAL_VIOLENCE", "mensenhandel": "HUMAN_TRAFFICKING"}

def report(ref, hours_ago, kinds, text, persons, reporter, channel, kind="REPORT", acute=False):
    r = {"kind": "REPORT_KIND_" + kind, "channel": "REPORT_CHANNEL_" + channel,
         "reporter": reporter, "persons": persons,
         "violence_kinds": ["VIOLENCE_KIND_" + KINDS[k] for k in kinds],
         "description": text, "received_at": at(hours_ago), "external_reference": ref}
    if acute: r["acute"] = True
    return r

def police(n, hours_ago, kinds, text, persons, acute=False):
    return report("demo-zm-%02d" % n, hours_ago, kinds, text, persons,
                  {"type": "REPORTER_TYPE_POLICE", "police_reference": "demo-pl-%04d" % (1000 + n)},
                  "POLICE_FEED", acute=acute)

def professional(org, profession, name, contact, anonymous_towards_family=False):
    r = {"type": "REPORTER_TYPE_PROFESSIONAL", "organisation_name": org,
         "profession": profession, "name": name, "contact": contact}
    if anonymous_towards_family: r["anonymous_towards_family"] = True
    return r

def citizen(name, contact):
    return {"type": "REPORTER_TYPE_CITIZEN", "name": name, "contact": contact}

# The Oefenhuis family (the radar's example): an advice request six days ago, a zorgmelding four
# days ago; `intake submit` adds the third, acute one now.
oefen = addr("Proefstraat", "14", "2512 XK")
jesse = lambda: person("Jesse Oefenhuis", (1991, 8, 23), "VICTIM", oefen, "999990044")
tom = lambda: person("Tom Oefenhuis", (1989, 1, 30), "SUSPECTED_PERPETRATOR", oefen)
mila = lambda: person("Mila Oefenhuis", (2016, 4, 2), "CHILD", oefen)

P = [
  police(1, 150, ["partner", "getuige"], "Melding huiselijke twist, buren hoorden geschreeuw; kinderen aanwezig.",
         [person("Anna Verzinsel", (1988, 3, 14), "VICTIM", addr("Oefenweg", "3", "2521 AB")),
          person("Bas Verzinsel", (1986, 7, 2), "SUSPECTED_PERPETRATOR", addr("Oefenweg", "3", "2521 AB")),
          person("Fenna Verzinsel", (2014, 11, 9), "CHILD", addr("Oefenweg", "3", "2521 AB"))]),
  police(2, 140, ["ouderen"], "Vermoeden van financiele uitbuiting van een oudere door een kleinzoon.",
         [person("Greet Denkbeeld", (1938, 5, 5), "VICTIM", addr("Demolaan", "120", "2541 CD")),
          person("Ruben Denkbeeld", (1999, 2, 17), "SUSPECTED_PERPETRATOR")]),
  police(3, 128, ["partner"], "Aangifte van mishandeling door ex-partner, letsel aan arm.",
         [person("Yara Fictief", (1995, 9, 30), "VICTIM", addr("Testkade", "8", "2595 EF")),
          person("Niels Bedacht", (1993, 12, 1), "SUSPECTED_PERPETRATOR")]),
  police(4, 118, ["partner", "getuige"], "Zorgmelding na politie-inzet: vrouw met blauwe plek, twee kinderen thuis.",
         [jesse(), tom(), mila()]),
  police(5, 110, ["verwaarlozing"], "Kinderen 's avonds laat alleen op straat aangetroffen.",
         [person("Sem Puzzelaar", (2017, 6, 11), "CHILD", addr("Fictieplein", "2", "2611 GH", "Delft")),
          person("Lina Puzzelaar", (2019, 1, 25), "CHILD", addr("Fictieplein", "2", "2611 GH", "Delft")),
          person("Marco Puzzelaar", (1984, 10, 3), "HOUSEHOLD_MEMBER")]),
  police(6, 100, ["partner"], "Ruzie escaleerde, verdachte aangehouden en weer heengezonden.",
         [person("Sara Droomvelt", (1990, 4, 12), "VICTIM", addr("Verzinsingel", "45", "2713 JK", "Zoetermeer")),
          person("Kevin Droomvelt", (1987, 8, 8), "SUSPECTED_PERPETRATOR")]),
  police(7, 96, ["scheiding", "psychisch"], "Conflict bij overdracht van de kinderen, kinderen overstuur.",
         [person("Eline Schijnvoort", (1985, 2, 2), "HOUSEHOLD_MEMBER"),
          person("Daan Schijnvoort", (2012, 7, 19), "CHILD", addr("Droomstraat", "77", "2582 LM"))]),
  police(8, 90, ["eer"], "Jonge vrouw meldt dreiging door familie na weigering van een huwelijk.",
         [person("Noa Verdichting", (2003, 5, 21), "VICTIM")], acute=True),
  police(9, 80, ["partner"], "Melding via 112: geschreeuw en gestommel, bij aankomst rustig.",
         [person("Ilse Kleurrijk", (1979, 11, 11), "VICTIM", addr("Schetsweg", "19", "2533 NP")),
          person("Hans Kleurrijk", (1976, 3, 3), "SUSPECTED_PERPETRATOR", addr("Schetsweg", "19", "2533 NP"))]),
  police(10, 72, ["fysiek"], "School meldde letsel bij kind, politie nam contact op met de ouders.",
         [person("Finn Ontwerp", (2015, 9, 1), "CHILD", addr("Modelkade", "5", "2498 QR")),
          person("Roos Ontwerp", (1986, 6, 6), "SUSPECTED_PERPETRATOR")]),
  police(11, 66, ["partner", "getuige"], "Tweede inzet dit jaar op dit adres; kinderen sliepen.",
         [person("Mira Proefveld", (1992, 1, 8), "VICTIM", addr("Ideelaan", "230", "2564 ST")),
          person("Joost Proefveld", (1990, 5, 15), "SUSPECTED_PERPETRATOR"),
          person("Ties Proefveld", (2018, 3, 27), "CHILD")]),
  police(12, 60, ["seksueel"], "Vermoeden van seksueel geweld binnen een relatie.",
         [person("Lotte Schets", (2000, 10, 10), "VICTIM")]),
  police(13, 50, ["ouderen"], "Verwaarloosde oudere aangetroffen door wijkagent.",
         [person("Wim Kladblok", (1941, 12, 24), "VICTIM", addr("Tekenstraat", "9", "2623 UV", "Delft"))]),
  police(14, 44, ["partner"], "Vrouw vlucht naar buren na bedreiging met mes.",
         [person("Esra Voorstel", (1994, 7, 7), "VICTIM", addr("Conceptweg", "31", "2516 WX")),
          person("Mert Voorstel", (1991, 4, 4), "SUSPECTED_PERPETRATOR")], acute=True),
  police(15, 30, ["mensenhandel"], "Signalen van uitbuiting van een minderjarige (loverboy).",
         [person("Jada Schaduw", (2008, 8, 18), "VICTIM")], acute=True),
  police(16, 26, ["psychisch", "getuige"], "Kinderen getuige van ruzie, moeder vraagt om hulp.",
         [person("Nadia Rolmodel", (1989, 9, 9), "VICTIM", addr("Oefenweg", "58", "2521 BC")),
          person("Levi Rolmodel", (2013, 2, 14), "CHILD")]),
  police(17, 20, ["partner"], "Politie ter plaatse na melding van buren; huisverbod wordt overwogen.",
         [person("Femke Bouwsteen", (1983, 6, 30), "VICTIM", addr("Prototypeplein", "4", "2725 YZ", "Zoetermeer")),
          person("Ralf Bouwsteen", (1982, 1, 19), "SUSPECTED_PERPETRATOR")], acute=True),
  police(18, 14, ["verwaarlozing"], "Woning in slechte staat, jonge kinderen zonder toezicht.",
         [person("Zoe Zandkasteel", (2020, 12, 5), "CHILD", addr("Duinzicht", "11", "2586 AA"))]),
  police(19, 9, ["partner"], "Man meldt mishandeling door partner.",
         [person("Ahmed Luchtspiegel", (1985, 5, 25), "VICTIM", addr("Wolkenweg", "6", "2492 BB")),
          person("Sanne Luchtspiegel", (1987, 7, 17), "SUSPECTED_PERPETRATOR")]),
  police(20, 5, ["scheiding"], "Escalerende vechtscheiding, vader weigert kind terug te brengen.",
         [person("Olivier Tegenlicht", (2011, 4, 1), "CHILD", addr("Spiegellaan", "88", "2551 CC"))]),
  police(21, 3, ["fysiek"], "Kind met verwondingen, ouders geven tegenstrijdige verklaringen.",
         [person("Mees Kartonnen", (2016, 10, 20), "CHILD", addr("Papierweg", "21", "2631 DD", "Nootdorp"))],
         acute=True),
  police(22, 1, ["partner", "getuige"], "Zorgmelding na huiselijk geweld; kinderen bij oma opgevangen.",
         [person("Kiki Veldboeket", (1997, 3, 9), "VICTIM", addr("Bloemkade", "2", "2521 DE")),
          person("Luuk Veldboeket", (2019, 8, 8), "CHILD")]),
]

school = professional("Basisschool De Oefening", "leerkracht", "J. de Leraar", "leerkracht@oefening.example")
V = [
  report("demo-vt-01", 145, ["getuige", "psychisch"], "Leerkracht ziet Mila stil en angstig; moeder vertelt over ruzies thuis.",
         [mila(), jesse()], school, "PHONE", kind="ADVICE"),
  report("demo-vt-02", 132, ["verwaarlozing"], "Consultatiebureau ziet groeiachterstand en gemiste afspraken.",
         [person("Bo Wolkenvelt", (2023, 2, 11), "CHILD", addr("Regenboog", "17", "2548 EE"))],
         professional("Consultatiebureau Haaglanden", "jeugdarts", "Dr. P. Groeicurve", "070-0000001"), "SECURE_MAIL"),
  report("demo-vt-03", 124, ["partner"], "Huisarts: patiente vertelt over geweld door partner, wil nog geen melding.",
         [person("Karin Stilleven", (1980, 8, 12), "VICTIM")],
         professional("Huisartsenpraktijk Het Voorbeeld", "huisarts", "Dr. A. Spreekuur", "070-0000002"), "PHONE", kind="ADVICE"),
  report("demo-vt-04", 116, ["ouderen"], "Dochter maakt zich zorgen over de zorg van haar vader door haar broer.",
         [person("Gerrit Zonneweide", (1936, 9, 19), "VICTIM", addr("Herfstlaan", "3", "2566 FF"))],
         citizen("M. Zonneweide", "06-00000003"), "PHONE", kind="ADVICE"),
  report("demo-vt-05", 106, ["fysiek"], "Wijkverpleegkundige zag blauwe plekken bij een peuter tijdens huisbezoek.",
         [person("Jens Ochtendrood", (2022, 5, 5), "CHILD", addr("Dageraad", "40", "2614 GG", "Delft"))],
         professional("Wijkzorg Delft", "wijkverpleegkundige", "H. Zorgzaam", "015-0000004", True), "PHONE"),
  report("demo-vt-06", 98, ["scheiding"], "Mediator vraagt advies bij een vastgelopen scheiding met loyaliteitsconflict.",
         [person("Vera Tweesprong", (2010, 1, 1), "CHILD")],
         professional("Mediationbureau Middenweg", "mediator", "S. Bemiddel", "070-0000005"), "SECURE_MAIL", kind="ADVICE"),
  report("demo-vt-07", 86, ["eer"], "Docent meldt dat een leerling vreest uitgehuwelijkt te worden.",
         [person("Soraya Maanlicht", (2007, 7, 7), "VICTIM")],
         professional("ROC Haaglanden Proef", "mentor", "T. Mentorhuis", "070-0000006", True), "PHONE", acute=True),
  report("demo-vt-08", 76, ["partner", "getuige"], "Buurvrouw hoort regelmatig geschreeuw en een huilend kind.",
         [person("Onbekend Kind Blokhuis", (2018, 1, 1), "CHILD", addr("Dambordstraat", "66", "2531 HH"))],
         citizen("R. Overbuur", "06-00000007"), "WEB_FORM"),
  report("demo-vt-09", 70, ["verwaarlozing", "psychisch"], "Kinderopvang ziet ernstige verwaarlozing en een teruggetrokken kind.",
         [person("Pip Vlieger", (2021, 11, 30), "CHILD", addr("Windhoek", "12", "2492 JJ"))],
         professional("Kinderopvang Speelplaats", "pedagogisch medewerker", "L. Zandbak", "070-0000008"), "SECURE_MAIL"),
  report("demo-vt-10", 56, ["partner"], "Verloskundige: zwangere cliente vertelt over geweld door partner.",
         [person("Hanna Knopje", (1998, 12, 12), "VICTIM", addr("Wiegstraat", "1", "2515 KK"))],
         professional("Verloskundigenpraktijk De Proef", "verloskundige", "E. Geboorte", "070-0000009", True), "PHONE"),
  report("demo-vt-11", 46, ["ouderen"], "Thuiszorg vraagt advies: oudere lijkt bang voor inwonende zoon.",
         [person("Truus Lindeboom", (1940, 4, 4), "VICTIM", addr("Kastanjelaan", "29", "2566 LL"))],
         professional("Thuiszorg Hofstad Proef", "verzorgende", "K. Handreiking", "070-0000010"), "PHONE", kind="ADVICE"),
  report("demo-vt-12", 34, ["seksueel"], "Jongerenwerker meldt vermoeden van seksueel misbruik van een tiener.",
         [person("Dewi Zeebries", (2009, 6, 16), "VICTIM")],
         professional("Jongerenwerk Scheveningen Proef", "jongerenwerker", "B. Buurthuis", "070-0000011"), "PHONE"),
  report("demo-vt-13", 22, ["psychisch"], "Oma vraagt advies over de opvoeding door haar dochter.",
         [person("Isa Pluimpje", (2015, 3, 3), "CHILD")],
         citizen("G. Pluimpje", "06-00000012"), "PHONE", kind="ADVICE"),
  report("demo-vt-14", 12, ["partner", "getuige"], "GGZ-behandelaar meldt dreigende escalatie thuis bij een client.",
         [person("Roel Storm", (1984, 9, 9), "SUSPECTED_PERPETRATOR", addr("Orkaanweg", "70", "2545 MM")),
          person("Lisa Storm", (1986, 2, 20), "VICTIM", addr("Orkaanweg", "70", "2545 MM"))],
         professional("GGZ Haaglanden", "psychiater", "Dr. M. Gesprek", "070-0000013"), "SECURE_MAIL", acute=True),
  report("demo-vt-15", 7, ["mensenhandel"], "Zorgcoordinator vraagt advies bij signalen van arbeidsuitbuiting.",
         [person("Pavel Tijdelijk", (1996, 5, 1), "VICTIM")],
         professional("Gemeente Den Haag Proef", "zorgcoordinator", "N. Netwerk", "070-0000014"), "SECURE_MAIL", kind="ADVICE"),
  report("demo-vt-16", 2, ["fysiek", "getuige"], "Sportcoach zag striemen op de rug van een kind na de training.",
         [person("Teun Balvaardig", (2013, 12, 6), "CHILD", addr("Sportlaan", "15", "2566 NN"))],
         professional("Voetbalvereniging Oefenelftal", "trainer", "C. Coach", "06-00000015"), "PHONE"),
]

for path, items in ((sys.argv[1], P), (sys.argv[2], V)):
    with open(path, "w", encoding="utf-8") as f:
        for item in items:
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
PY
  intake_import agent "$police_file"
  intake_import vt-medewerker "$vt_file"
  remove_seed_files

  # Three taken in one at a time (`intake submit`), the JSON on standard input: a citizen's
  # anonymous web form, a GP's report that vt-medewerker holds, and the police's third report
  # about the Oefenhuis family, acute, which the radar links to the two before it.
  intake_submit vt-medewerker seed-intake-anonymous '{"kind": "REPORT_KIND_REPORT",
    "channel": "REPORT_CHANNEL_WEB_FORM",
    "reporter": {"type": "REPORTER_TYPE_CITIZEN", "anonymous": true},
    "persons": [{"name": "Kind van de bovenburen", "role": "REPORTED_ROLE_CHILD",
                 "address": {"street": "Klokkenlaan", "house_number": "101", "postcode": "2583 PP",
                             "city": "Den Haag"}}],
    "violence_kinds": ["VIOLENCE_KIND_CHILD_ABUSE_PHYSICAL"],
    "description": "Anonieme melder hoort bijna elke avond slaan en huilen bij de bovenburen.",
    "external_reference": "demo-web-0001"}'
  intake_submit vt-medewerker seed-intake-gp '{"kind": "REPORT_KIND_REPORT",
    "channel": "REPORT_CHANNEL_PHONE",
    "reporter": {"type": "REPORTER_TYPE_PROFESSIONAL", "organisation_name": "Huisartsenpost Proefduin",
                 "profession": "huisarts", "name": "Dr. F. Fictief", "contact": "070-0000016",
                 "anonymous_towards_family": true},
    "persons": [{"name": "Merel Waterval", "dateOfBirth": {"year": 1993, "month": 10, "day": 2},
                 "role": "REPORTED_ROLE_VICTIM",
                 "address": {"street": "Bronweg", "house_number": "9", "postcode": "2526 RR",
                             "city": "Den Haag"}}],
    "violence_kinds": ["VIOLENCE_KIND_PARTNER_VIOLENCE"],
    "description": "Patiente op de huisartsenpost met letsel dat past bij mishandeling.",
    "external_reference": "demo-vt-gp-0001"}'
  local gp_report="$INTAKE_ID" err="$VAR/intake-step.err"
  if ! ctl --as vt-medewerker --request-id=seed-intake-claim-gp intake claim "$gp_report" \
    >/dev/null 2>"$err"; then
    die "the demo claim of report $gp_report failed:"$'\n'"$(cat "$err")"
  fi
  rm -f "$err"
  intake_submit agent seed-intake-zm-repeat '{"kind": "REPORT_KIND_REPORT",
    "channel": "REPORT_CHANNEL_POLICE_FEED",
    "reporter": {"type": "REPORTER_TYPE_POLICE", "police_reference": "demo-pl-1099"},
    "persons": [
      {"name": "Jesse Oefenhuis", "dateOfBirth": {"year": 1991, "month": 8, "day": 23},
       "bsn": "999990044", "role": "REPORTED_ROLE_VICTIM",
       "address": {"street": "Proefstraat", "house_number": "14", "postcode": "2512 XK", "city": "Den Haag"}},
      {"name": "Tom Oefenhuis", "dateOfBirth": {"year": 1989, "month": 1, "day": 30},
       "role": "REPORTED_ROLE_SUSPECTED_PERPETRATOR",
       "address": {"street": "Proefstraat", "house_number": "14", "postcode": "2512 XK", "city": "Den Haag"}}],
    "violence_kinds": ["VIOLENCE_KIND_PARTNER_VIOLENCE", "VIOLENCE_KIND_WITNESSING_PARTNER_VIOLENCE"],
    "description": "Opnieuw politie-inzet op dit adres: slachtoffer met letsel, dochter was thuis.",
    "acute": true,
    "external_reference": "demo-zm-repeat"}'
  REPEAT_REPORT_ID="$INTAKE_ID"

  # A youth-care worker's report about a family where help got nowhere: assessed with the MDA++
  # route, it opens a joint case that regisseur directs and Veilig Thuis leads first.
  intake_submit vt-medewerker seed-intake-mda '{"kind": "REPORT_KIND_REPORT",
    "channel": "REPORT_CHANNEL_SECURE_MAIL",
    "reporter": {"type": "REPORTER_TYPE_PROFESSIONAL", "organisation_name": "Jeugdhulp Proefstad",
                 "profession": "jeugdhulpverlener", "name": "R. Verzonnen", "contact": "070-0000023"},
    "persons": [
      {"name": "Noor Denkbeeldig", "dateOfBirth": {"year": 1987, "month": 2, "day": 19},
       "role": "REPORTED_ROLE_VICTIM",
       "address": {"street": "Schijnstraat", "house_number": "31", "postcode": "2531 TT", "city": "Den Haag"}},
      {"name": "Daan Denkbeeldig", "dateOfBirth": {"year": 2013, "month": 7, "day": 7},
       "role": "REPORTED_ROLE_CHILD",
       "address": {"street": "Schijnstraat", "house_number": "31", "postcode": "2531 TT", "city": "Den Haag"}},
      {"name": "Erik Denkbeeldig", "dateOfBirth": {"year": 1984, "month": 12, "day": 3},
       "role": "REPORTED_ROLE_SUSPECTED_PERPETRATOR"}],
    "violence_kinds": ["VIOLENCE_KIND_PARTNER_VIOLENCE", "VIOLENCE_KIND_CHILD_ABUSE_PSYCHOLOGICAL"],
    "description": "Drie jaar hulp in het gezin zonder dat het geweld stopt; zoon vertelt over bedreigingen.",
    "external_reference": "demo-vt-mda-0001"}'
  MDA_REPORT_ID="$INTAKE_ID"
  if ! ctl --as vt-medewerker --request-id=seed-intake-assess-mda intake assess "$MDA_REPORT_ID" \
    --from-json=/dev/stdin >/dev/null 2>"$err" <<'JSON'; then
{"structural_unsafety": true,
 "reasoning": "Jarenlang partnergeweld en bedreiging van de zoon; hulp heeft het geweld niet gestopt.",
 "risk_factors": ["herhaald geweld", "bedreiging van het kind"],
 "protective_factors": ["moeder zoekt steun bij haar zus"],
 "route": "ASSESSMENT_ROUTE_MDA_PLUS_PLUS",
 "mda": {"structural_unsafety": "Partnergeweld sinds drie jaar.",
         "help_exhausted": "Jeugdhulp en maatschappelijk werk zonder resultaat.",
         "reason": "Eén plan met politie, jeugdhulp en GGZ is nodig.",
         "director_professional_id": "regisseur"}}
JSON
    die "the demo assessment of report $MDA_REPORT_ID failed:"$'\n'"$(cat "$err")"
  fi
  rm -f "$err"
  # The cases service opens the case through the outbox, within a second; wait for it, so that
  # what this run leaves is the same each time.
  local mda_case="" i
  for ((i = 0; i < 120; i++)); do
    mda_case="$(ctl --as vt-medewerker --json intake get "$MDA_REPORT_ID" 2>/dev/null |
      python3 -c 'import json, sys; print(json.load(sys.stdin)["report"].get("case_id", ""))')" ||
      mda_case=""
    [[ -n "$mda_case" ]] && break
    sleep 0.25
  done
  [[ -n "$mda_case" ]] || die "the MDA++ case of demo report $MDA_REPORT_ID was not opened within 30 s"
  echo "demo intake week in place (report $gp_report held by vt-medewerker; report" \
    "$REPEAT_REPORT_ID repeats an address; report $MDA_REPORT_ID opened MDA++ case $mda_case)"
}

# The triage queue as Veilig Thuis sees it, and the radar of the repeated report.
show_demo_intake() {
  say "demo intake: the triage queue"
  echo "\$ schakelctl --as vt-medewerker intake queue"
  ctl --as vt-medewerker intake queue --page-size=100 || die "the intake queue failed"
  echo
  echo "\$ schakelctl --as vt-medewerker intake radar $REPEAT_REPORT_ID"
  ctl --as vt-medewerker intake radar "$REPEAT_REPORT_ID" || die "the intake radar failed"
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
  # The backup key (schakeld backup/restore): 32 random bytes, made once.
  if [[ ! -s "$VAR/keys/backup.key" ]]; then
    head -c 32 /dev/urandom >"$VAR/keys/backup.key.tmp"
    mv "$VAR/keys/backup.key.tmp" "$VAR/keys/backup.key"
  fi

  if [[ "$LAYOUT" == split ]]; then
    say "service certificates in var/pki/services (one per service: CN=<service>, OU=service)"
    local svc
    for svc in "${SPLIT_SERVICES[@]}"; do
      ensure_certificate services "$svc" --organisation="$OPERATOR_ORG" --kind=service \
        --dns=localhost --ip=127.0.0.1
    done
    chmod -R go-rwx "$PKI"
    say "start one schakeld per service from port $LISTEN_PORT (var/schakeld-<service>.textproto)"
  else
    say "start schakeld on $LISTEN (var/schakeld.textproto)"
  fi
  start_hosts "$LAYOUT"

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
  if [[ "$LAYOUT" == split ]]; then
    # The directory lists its own host; the operator lists the others, so that each can be revoked
    # like a professional (schakelctl directory revoke-service).
    local svc
    for svc in "${SPLIT_SERVICES[@]}"; do
      [[ "$svc" == directory ]] && continue
      if ! out="$(ctl --as "$ADMIN_ID" --request-id="seed-svc-$svc" directory register-service \
        --id="$svc" --org="$OPERATOR_ORG" --name="schakeld: the $svc service" 2>&1 >/dev/null)"; then
        die "could not list service identity $svc:"$'\n'"$out"
      fi
    done
    echo "${#SPLIT_SERVICES[@]} service identities listed (schakelctl --as admin directory list-services)"
  fi
  seed_demo_case
  seed_demo_plan
  seed_demo_handovers
  show_demo_handovers
  seed_demo_intake
  show_demo_intake

  local ctl_rel="build/release/client/cli/schakelctl"
  echo
  if [[ "$LAYOUT" == split ]]; then
    echo "Schakel is running, one schakeld per service (mutual TLS; certificates in var/pki):"
    local i svc
    for i in "${!SPLIT_SERVICES[@]}"; do
      svc="${SPLIT_SERVICES[$i]}"
      printf '  %-11s %s:%s   metrics http://127.0.0.1:%s/metrics   log var/log/schakeld-%s.log\n' \
        "$svc" "$LISTEN_HOST" "$(split_port "$i")" "$(($(split_port "$i") + 1))" "$svc"
    done
    echo "Data: var/data   Configs: var/schakeld-<service>.textproto"
    echo "schakelctl and the scenarios find each service through SCHAKEL_SERVER; first, in your shell:"
    echo "  export SCHAKEL_SERVER=$SERVER"
    echo "Backup while it runs: build/release/services/schakeld/schakeld backup" \
      "--config=var/schakeld-audit.textproto --to=var/backups/\$(date +%Y%m%dT%H%M)" \
      "--backup-key=var/keys/backup.key   (docs/operations.md)"
  else
    cat <<EOF
Schakel is running: schakeld on $LISTEN (mutual TLS; certificates in var/pki).
Log: var/log/schakeld.log   Data: var/data   Config: var/schakeld.textproto
Metrics (Prometheus text, localhost only): http://$METRICS_LISTEN/metrics
Backup while it runs: build/release/services/schakeld/schakeld backup --config=var/schakeld.textproto \
  --to=var/backups/\$(date +%Y%m%dT%H%M) --backup-key=var/keys/backup.key   (docs/operations.md)
EOF
  fi
  cat <<EOF

Try it, from $ROOT:
  $ctl_rel --as vt-medewerker whoami
  $ctl_rel --as admin directory list-organisations
  $ctl_rel --as admin directory list-professionals --org=wijkteam-den-haag-centrum
  $ctl_rel --as admin health
  $ctl_rel --as regisseur cases list
  $ctl_rel --as regisseur cases get $DEMO_CASE_ID
  $ctl_rel --as agent cases get $DEMO_CASE_ID      (police: CARE notes hidden)
  $ctl_rel --as ggz cases timeline $DEMO_CASE_ID
  $ctl_rel --as regisseur plan show $DEMO_CASE_ID   (the safety plan in force)
  $ctl_rel --as agent plan show $DEMO_CASE_ID      (police: CARE items hidden, visibly)
  $ctl_rel --as wijkteam plan diff $DEMO_CASE_ID --from-version=1 --to-version=2
  $ctl_rel --as wijkteam plan inbox               (the incident to review)
  deploy/local/plan_scenario.sh                   (a whole safety plan scenario on a new case)
  $ctl_rel --as regisseur handover responsibility $HANDOVER_CASE_ID
  $ctl_rel --as ggz handover inbox                (the phase 3 proposal waits here)
  $ctl_rel --as supervisor handover list          (Veilig Thuis's own handovers)
  $ctl_rel --as regio-toezicht handover list --state=proposed   (the whole region)
  $ctl_rel handover help
  $ctl_rel --as vt-medewerker intake queue        (Veilig Thuis's triage queue)
  $ctl_rel --as vt-medewerker intake radar $REPEAT_REPORT_ID
  $ctl_rel intake help
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

The desktop client (in Dutch; add --lang=en for English), signed in as demo user ID — e.g.
regisseur (case director), vt-medewerker (triage), wijkteam, agent, supervisor, auditor:
  build/release/client/desktop/schakel-desktop --server=$SERVER \\
    --cert=$VAR/pki/users/ID.crt --key=$VAR/pki/users/ID.key --ca=$VAR/pki/ca.crt

Stop it with: deploy/local/run.sh stop
EOF
}

case "${1:-start}" in
  start) start ;;
  stop) stop_server ;;
  status) server_status ;;
  -h | --help) sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown command '$1'; use: deploy/local/run.sh [--split] [start|stop|status]" ;;
esac
