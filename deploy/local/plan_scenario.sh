#!/usr/bin/env bash
# The safety plan scenario, through schakelctl against a running Schakel:
#
#   1. Veilig Thuis opens an MDA++ case with the local team's case director, the police and the
#      local team on the core team;
#   2. the director drafts the first safety plan (worries, two safety conditions, agreements with an
#      owner on the team, a warning signal), proposes it, signs it off, and so does Veilig Thuis
#      (it sets the conditions);
#   3. the police record a risk instrument (RiHG);
#   4. a second version changes one condition; the diff shows exactly that; both sign it off;
#   5. Veilig Thuis, leading, moves the case on to phase 2 (stable safety); then the police record
#      an incident: the case is back in phase 1 in the same answer, the same lead, the whole team
#      finds it in their plan inbox, and the supervisor's report has no gap;
#   6. the director evaluates the plan (an outcome per condition) and confirms it: the incident is
#      reviewed; the case timeline shows every step.
#
#   deploy/local/plan_scenario.sh
#
# By default against the system deploy/local/run.sh started, with its demo users. Environment:
#   SCHAKELCTL      the schakelctl binary (default: build/release/client/cli/schakelctl)
#   SCHAKEL_HOME    the directory whose var/pki holds the users' certificates (default: the checkout)
#   SCHAKEL_SERVER  schakeld's address, or each service's (schakelctl --server; default
#                   127.0.0.1:7400)
#   SCENARIO_RUN    prefix of this run's request ids (default: from the time and a random number)
# and who plays which part (a user id, certificate var/pki/users/ID.crt, and its organisation):
#   SCENARIO_VT, SCENARIO_VT_ORG          Veilig Thuis (vt-medewerker, vt-haaglanden)
#   SCENARIO_DIRECTOR                     the case director (regisseur)
#   SCENARIO_TEAM, SCENARIO_TEAM_ORG      the local team's professional (wijkteam,
#                                         wijkteam-den-haag-centrum; the director's organisation)
#   SCENARIO_POLICE, SCENARIO_POLICE_ORG  the police officer (agent, politie-haaglanden)
#   SCENARIO_SUPERVISOR                   a SUPERVISOR of Veilig Thuis (supervisor)
#
# Every run opens a new case. Exits 0 when every step succeeded and every check held; else 1.
set -euo pipefail
umask 077

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

SCHAKELCTL="${SCHAKELCTL:-$ROOT/build/release/client/cli/schakelctl}"
SCHAKEL_HOME="${SCHAKEL_HOME:-$ROOT}"
SCHAKEL_SERVER="${SCHAKEL_SERVER:-127.0.0.1:7400}"
RUN="${SCENARIO_RUN:-ps-$(date +%Y%m%d-%H%M%S)-$RANDOM}"
VT="${SCENARIO_VT:-vt-medewerker}"
VT_ORG="${SCENARIO_VT_ORG:-vt-haaglanden}"
DIRECTOR="${SCENARIO_DIRECTOR:-regisseur}"
TEAM="${SCENARIO_TEAM:-wijkteam}"
TEAM_ORG="${SCENARIO_TEAM_ORG:-wijkteam-den-haag-centrum}"
POLICE="${SCENARIO_POLICE:-agent}"
POLICE_ORG="${SCENARIO_POLICE_ORG:-politie-haaglanden}"
SUPERVISOR="${SCENARIO_SUPERVISOR:-supervisor}"

SCENARIO_NAME="plan_scenario.sh"
# shellcheck source=deploy/local/scenario_lib.sh
source "$ROOT/deploy/local/scenario_lib.sh"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# A date N days from today (YYYY-MM-DD).
day_in() { date -d "+$1 days" +%F; }

say "scenario $RUN against $SCHAKEL_SERVER"

say "1. Veilig Thuis ($VT) opens a case; $DIRECTOR directs it"
step open "$VT" cases create --report="$RUN-report" --director="$DIRECTOR" \
  --violence=partner-violence,witnessing-partner-violence \
  --criteria-met=structural_unsafety,regular_help_exhausted,no_coherent_approach,repeated_incidents
CASE="$(read_json 'd["case"]["id"]' <<<"$OUT")"
echo "    case $CASE"
step team "$DIRECTOR" cases add-member "$CASE" --professional="$TEAM" --org="$TEAM_ORG" \
  --role=core-team
step police "$DIRECTOR" cases add-member "$CASE" --professional="$POLICE" --org="$POLICE_ORG" \
  --role=core-team
echo "    core team: $VT, $TEAM, $POLICE; director $DIRECTOR"

say "2. The first safety plan"
step draft1 "$DIRECTOR" plan draft "$CASE"
expect "first draft" "$(read_json 'd["version"]["version"]' <<<"$OUT")" 1
cat >"$WORK/v1.json" <<EOF
{
  "sections": [
    {"section": "PLAN_SECTION_WORRIES", "items": [
      {"text": "Vader slaat moeder als hij gedronken heeft; de kinderen zien het."}]},
    {"section": "PLAN_SECTION_CONDITIONS", "items": [
      {"text": "Er is geen fysiek geweld in het gezin.", "sensitivity": "SENSITIVITY_GENERAL"},
      {"text": "Vader volgt zijn behandeling bij de verslavingszorg.", "sensitivity": "SENSITIVITY_CARE"}]},
    {"section": "PLAN_SECTION_AGREEMENTS", "items": [
      {"sensitivity": "SENSITIVITY_GENERAL", "agreement": {
        "what": "Het wijkteam bezoekt moeder elke maandag.",
        "ownerOrganisationId": "$TEAM_ORG", "ownerProfessionalId": "$TEAM",
        "due": {"year": $(date -d '+14 days' +%Y), "month": $(date -d '+14 days' +%-m), "day": $(date -d '+14 days' +%-d)},
        "checkedBy": "De casusregisseur"}},
      {"sensitivity": "SENSITIVITY_GENERAL", "agreement": {
        "what": "De politie rijdt extra surveillance in de straat.",
        "ownerOrganisationId": "$POLICE_ORG", "ownerProfessionalId": "$POLICE",
        "due": {"year": $(date -d '+21 days' +%Y), "month": $(date -d '+21 days' +%-m), "day": $(date -d '+21 days' +%-d)},
        "checkedBy": "De wijkagent"}}]},
    {"section": "PLAN_SECTION_WARNING_SIGNALS", "items": [
      {"sensitivity": "SENSITIVITY_GENERAL", "warningSignal": {
        "signal": "Vader komt dronken thuis.", "action": "Moeder gaat met de kinderen naar oma.",
        "call": "112"}}]}
  ]
}
EOF
step edit1 "$DIRECTOR" plan edit "$CASE" --plan-version=1 --from-json="$WORK/v1.json"
echo "    evaluation date (the default): $(read_json '"%(year)s-%(month)02d-%(day)02d" % d["version"]["content"]["evaluation_date"]' <<<"$OUT")"
step propose1 "$DIRECTOR" plan propose "$CASE" --plan-version=1
expect "version 1 proposed" "$(read_json 'd["version"]["state"]' <<<"$OUT")" \
  PLAN_VERSION_STATE_PROPOSED
step sign1-director "$DIRECTOR" plan sign-off "$CASE" --plan-version=1
expect "after the director's sign-off" "$(read_json 'd["version"]["state"]' <<<"$OUT")" \
  PLAN_VERSION_STATE_PROPOSED
step sign1-vt "$VT" plan sign-off "$CASE" --plan-version=1
expect "after Veilig Thuis's sign-off" "$(read_json 'd["version"]["state"]' <<<"$OUT")" \
  PLAN_VERSION_STATE_ACTIVE
echo "    version 1 in force (signed off by the case director and Veilig Thuis)"

say "3. The police record a risk instrument"
step rihg "$POLICE" plan instrument "$CASE" --instrument=rihg --level=HIGH \
  --instrument-version=2.1 --notes="Eerdere aangiftes en escalatie in de afgelopen maand."
echo "    RiHG: $(read_json 'd["assessment"]["outcome_level"]' <<<"$OUT")"

say "4. Version 2 changes one safety condition"
step draft2 "$DIRECTOR" plan draft "$CASE"
expect "second draft" "$(read_json 'd["version"]["version"]' <<<"$OUT")" 2
printf '%s' "$OUT" >"$WORK/draft2.json"
python3 - "$WORK/draft2.json" "$WORK/v2.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))["version"]["content"]
for section in d["sections"]:
    if section["section"] == "PLAN_SECTION_CONDITIONS":
        section["items"][0]["text"] = ("Er is geen fysiek of verbaal geweld in het gezin; "
                                       "vader komt niet in de woning zonder afspraak.")
json.dump(d, open(sys.argv[2], "w"))
PY
CHANGED_ID="$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))
print([s for s in d["sections"] if s["section"]=="PLAN_SECTION_CONDITIONS"][0]["items"][0]["id"])' \
  "$WORK/v2.json")"
step edit2 "$DIRECTOR" plan edit "$CASE" --plan-version=2 --from-json="$WORK/v2.json"
step propose2 "$DIRECTOR" plan propose "$CASE" --plan-version=2
expect "version 2 changes the conditions" \
  "$(read_json 'd["version"].get("conditions_changed", False)' <<<"$OUT")" True
step sign2-director "$DIRECTOR" plan sign-off "$CASE" --plan-version=2
step sign2-vt "$VT" plan sign-off "$CASE" --plan-version=2
expect "version 2" "$(read_json 'd["version"]["state"]' <<<"$OUT")" PLAN_VERSION_STATE_ACTIVE
step diff "$TEAM" plan diff "$CASE" --from-version=1 --to-version=2
read_json '"\n".join("    %s %s %s: %s" % (s["section"], i["change"], i["item_id"],
    ", ".join(i.get("changed_fields", []))) for s in d["diff"]["sections"] for i in s["items"])' \
  <<<"$OUT"
expect "the diff" "$(read_json '[(s["section"], i["change"], i["item_id"]) for s in d["diff"]["sections"] for i in s["items"]]' <<<"$OUT")" \
  "[('PLAN_SECTION_CONDITIONS', 'ITEM_CHANGE_CHANGED', '$CHANGED_ID')]"
step plan-v1 "$TEAM" plan show "$CASE" --plan-version=1
expect "version 1 afterwards" "$(read_json 'd["version"]["state"]' <<<"$OUT")" \
  PLAN_VERSION_STATE_SUPERSEDED

say "5. Veilig Thuis (leading) moves the case on to stable safety; then an incident"
ledger=""
for _ in $(seq 1 120); do
  if ledger="$(ctl --as "$VT" --json handover responsibility "$CASE" 2>/dev/null)"; then break; fi
  ledger=""
  sleep 0.25
done
[[ -n "$ledger" ]] || fail "the responsibility ledger did not receive case $CASE within 30 s"
expect "lead" "$(read_json 'd["responsibility"]["lead_organisation_id"]' <<<"$ledger")" "$VT_ORG"
step phase2 "$VT" handover phase "$CASE" --phase=stable-safety
expect "phase" "$(read_json 'd["phase"]' <<<"$OUT")" PHASE_STABLE_SAFETY
echo "    $VT_ORG leads in STABLE_SAFETY"
step incident "$POLICE" plan incident "$CASE" --reported-by=politie \
  --what="Vader kwam dronken thuis en sloeg de voordeur in; moeder belde 112." \
  --police-reference="PL1500-$RUN"
fields 'd["phase"]' 'd["lead_organisation_id"]' \
  '"%(year)s-%(month)02d-%(day)02d" % d["incident"]["review_due"]' <<<"$OUT"
expect "phase after the incident" "${F[0]}" PHASE_DIRECT_SAFETY
expect "lead after the incident" "${F[1]}" "$VT_ORG"
INCIDENT="$(read_json 'd["incident"]["id"]' <<<"$OUT")"
echo "    back in DIRECT_SAFETY, $VT_ORG still leads; plan review due ${F[2]}"
ledger="$(ctl --as "$VT" --json handover responsibility "$CASE")" || fail "ledger unreadable"
expect "the ledger's last cause" "$(read_json 'd["history"][-1]["cause"]' <<<"$ledger")" \
  plan.incident
for who in "$DIRECTOR" "$TEAM" "$POLICE" "$VT"; do
  inbox="$(ctl --as "$who" --json plan inbox)" || fail "the plan inbox of $who cannot be read"
  grep -q "\"$INCIDENT\"" <<<"$inbox" || fail "the incident is not in the plan inbox of $who"
done
echo "    the director, $TEAM, $POLICE and $VT find the incident in their plan inbox"
report="$(ctl --as "$SUPERVISOR" --json handover report)" || fail "the report cannot be read"
gaps="$(read_json 'len(d.get("report", {}).get("gaps", []))' <<<"$report")"
[[ "$gaps" == "0" ]] || fail "the handover report shows $gaps gap(s)"
echo "    the supervisor's handover report: no gaps"

say "6. The director evaluates version 2 and confirms it"
step plan-v2 "$DIRECTOR" plan show "$CASE"
OUTCOMES="$(read_json '",".join("%s=%s" % (i["id"], o) for i, o in zip([s for s in d["version"]["content"]["sections"] if s["section"] == "PLAN_SECTION_CONDITIONS"][0]["items"], ["partly-met", "met"]))' <<<"$OUT")"
step evaluate "$DIRECTOR" plan evaluate "$CASE" --plan-version=2 --outcomes="$OUTCOMES" \
  --confirm-until="$(day_in 42)" --notes="Incident besproken; voorwaarden blijven gelden."
echo "    outcomes: $OUTCOMES"
step plan-after "$DIRECTOR" plan show "$CASE"
fields 'len(d.get("evaluations", []))' 'd["incidents"][0].get("reviewed", False)' \
  '"%(year)s-%(month)02d-%(day)02d" % d["next_evaluation_date"]' <<<"$OUT"
expect "evaluations" "${F[0]}" 1
expect "the incident reviewed" "${F[1]}" True
expect "next evaluation" "${F[2]}" "$(day_in 42)"
echo "    confirmed until ${F[2]}; the incident is reviewed"

say "   The case timeline ($DIRECTOR)"
wanted=(plan.signed_off plan.risk_instrument plan.incident handover.phase_reset plan.evaluated)
timeline=""
missing=("${wanted[@]}")
for _ in $(seq 1 120); do
  timeline="$(ctl --as "$DIRECTOR" --json cases timeline "$CASE" --page-size=100)" ||
    fail "the timeline of case $CASE cannot be read"
  missing=()
  for type in "${wanted[@]}"; do
    grep -q "\"type\": \"$type\"" <<<"$timeline" || missing+=("$type")
  done
  ((${#missing[@]} == 0)) && break
  sleep 0.25
done
read_json '"\n".join("  %s  %-28s %-26s %s" % (e.get("time", ""), e.get("type", ""),
    e.get("actor_organisation_id", ""), e.get("summary", {}).get("text", ""))
    for e in d.get("events", []))' <<<"$timeline"
((${#missing[@]} == 0)) || fail "the timeline of case $CASE lacks: ${missing[*]}"

say "scenario $RUN passed: case $CASE, plan version 2 in force and evaluated, incident $INCIDENT reviewed"
