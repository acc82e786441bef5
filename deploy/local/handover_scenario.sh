#!/usr/bin/env bash
# The handover scenario, through schakelctl against a running Schakel:
#
#   1. Veilig Thuis opens a case (phase 1, direct safety; VT leads) and proposes phase 2 (stable
#      safety) to the local team;
#   2. the local team accepts (the lead moves in the same instant) and confirms its first contact
#      with the family;
#   3. later the local team proposes phase 3 (recovery) to a mental-health care partner, who
#      declines (the local team stays lead), then to another, who accepts;
#   4. the region's supervisor report shows no gap (never a moment without a lead, nor two), and
#      the case timeline shows every step.
#
#   deploy/local/handover_scenario.sh
#
# By default against the system deploy/local/run.sh started, with its demo users. Environment:
#   SCHAKELCTL      the schakelctl binary (default: build/release/client/cli/schakelctl)
#   SCHAKEL_HOME    the directory whose var/pki holds the users' certificates (default: the checkout)
#   SCHAKEL_SERVER  schakeld's address, or each service's (schakelctl --server; default
#                   127.0.0.1:7400)
#   SCENARIO_RUN    prefix of this run's request ids and report id (default: from the time and a
#                   random number; lowercase letters, digits and '-')
# and who plays which part: a user id (certificate var/pki/users/ID.crt) and its organisation.
#   SCENARIO_VT, SCENARIO_VT_ORG          Veilig Thuis (vt-medewerker, vt-haaglanden)
#   SCENARIO_TEAM, SCENARIO_TEAM_ORG      the local team's case director (regisseur,
#                                         wijkteam-den-haag-centrum)
#   SCENARIO_GGZ1, SCENARIO_GGZ1_ORG      mental-health care that declines (ggz, ggz-haaglanden)
#   SCENARIO_GGZ2, SCENARIO_GGZ2_ORG      mental-health care that accepts (ggz-gezin,
#                                         ggz-gezin-haaglanden)
#   SCENARIO_SUPERVISOR                   a SUPERVISOR of the region (supervisor)
#
# Every run opens a new case. Exits 0 when every step succeeded, the report has no gap and the
# timeline holds handover.proposed, .accepted, .declined and .first_contact_confirmed; else 1.
set -euo pipefail
# Everything this script and what it starts create (keys, databases, logs, exports) is for this
# user only.
umask 077

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

SCHAKELCTL="${SCHAKELCTL:-$ROOT/build/release/client/cli/schakelctl}"
SCHAKEL_HOME="${SCHAKEL_HOME:-$ROOT}"
SCHAKEL_SERVER="${SCHAKEL_SERVER:-127.0.0.1:7400}"
RUN="${SCENARIO_RUN:-hs-$(date +%Y%m%d-%H%M%S)-$RANDOM}"
VT="${SCENARIO_VT:-vt-medewerker}"
VT_ORG="${SCENARIO_VT_ORG:-vt-haaglanden}"
TEAM="${SCENARIO_TEAM:-regisseur}"
TEAM_ORG="${SCENARIO_TEAM_ORG:-wijkteam-den-haag-centrum}"
GGZ1="${SCENARIO_GGZ1:-ggz}"
GGZ1_ORG="${SCENARIO_GGZ1_ORG:-ggz-haaglanden}"
GGZ2="${SCENARIO_GGZ2:-ggz-gezin}"
GGZ2_ORG="${SCENARIO_GGZ2_ORG:-ggz-gezin-haaglanden}"
SUPERVISOR="${SCENARIO_SUPERVISOR:-supervisor}"

SCENARIO_NAME="handover_scenario.sh"
# shellcheck source=deploy/local/scenario_lib.sh
source "$ROOT/deploy/local/scenario_lib.sh"

say "scenario $RUN against $SCHAKEL_SERVER"

say "1. Veilig Thuis ($VT) opens a case; the local team's $TEAM will direct it"
step open "$VT" cases create --report="$RUN-report" --director="$TEAM" \
  --violence=partner-violence,witnessing-partner-violence \
  --criteria-met=structural_unsafety,repeated_incidents
fields 'd["case"]["id"]' 'd["case"].get("reference", "")' <<<"$OUT"
CASE="${F[0]}"
REFERENCE="${F[1]}"
echo "    case $REFERENCE (id $CASE)"

# The ledger opens when the cases service's relay delivers the new case (well within a second);
# until then the handover service answers UNAVAILABLE.
ledger=""
for _ in $(seq 1 120); do
  if ledger="$(ctl --as "$VT" --json handover responsibility "$CASE" 2>/dev/null)"; then
    break
  fi
  ledger=""
  sleep 0.25
done
[[ -n "$ledger" ]] || fail "the responsibility ledger did not receive case $CASE within 30 s"
fields 'd["responsibility"]["lead_organisation_id"]' 'd["responsibility"]["phase"]' <<<"$ledger"
expect "lead at the start" "${F[0]}" "$VT_ORG"
expect "phase at the start" "${F[1]}" PHASE_DIRECT_SAFETY
echo "    $VT_ORG leads, phase DIRECT_SAFETY"

say "   Veilig Thuis proposes phase 2 (stable safety) to $TEAM_ORG"
step propose-team "$VT" handover propose "$CASE" --to-org="$TEAM_ORG" --to-professional="$TEAM" \
  --phase=stable-safety --family-informed --days=5 \
  --summary="Directe veiligheid is bereikt; risicogestuurde zorg kan beginnen." \
  --conditions="Geen fysiek geweld in het gezin; Kinderen gaan dagelijks naar school" \
  --agreements="Vader woont tijdelijk bij zijn broer, contact met de kinderen alleen onder begeleiding" \
  --risks="Alcoholgebruik van vader; Financiële stress" \
  --open-actions="Plan van aanpak opstellen met het gezin"
fields 'd["handover"]["id"]' 'd["handover"]["accept_deadline"]' <<<"$OUT"
H1="${F[0]}"
echo "    handover $H1, to accept by ${F[1]}"

inbox="$(ctl --as "$TEAM" --json handover inbox)" || fail "the inbox of $TEAM cannot be read"
grep -q "\"$H1\"" <<<"$inbox" || fail "handover $H1 is not in the inbox of $TEAM_ORG"
echo "    $TEAM_ORG finds it in its inbox"

say "2. The local team ($TEAM) accepts and confirms the first contact"
step accept-team "$TEAM" handover accept "$H1" --days=3
fields 'd["handover"]["state"]' 'd["responsibility"]["lead_organisation_id"]' \
  'd["responsibility"]["phase"]' 'd["handover"]["first_contact_deadline"]' <<<"$OUT"
expect "handover $H1" "${F[0]}" HANDOVER_STATE_ACCEPTED
expect "lead after acceptance" "${F[1]}" "$TEAM_ORG"
expect "phase after acceptance" "${F[2]}" PHASE_STABLE_SAFETY
echo "    $TEAM_ORG leads in STABLE_SAFETY; first contact by ${F[3]}"
step contact-team "$TEAM" handover confirm-contact "$H1"
echo "    first contact confirmed at $(read_json 'd["handover"]["first_contact_at"]' <<<"$OUT")"

say "3. Later: the local team proposes phase 3 (recovery) to $GGZ1_ORG"
step propose-ggz1 "$TEAM" handover propose "$CASE" --to-org="$GGZ1_ORG" --phase=recovery \
  --family-informed \
  --summary="Veiligheid is stabiel; traumabehandeling van moeder en kinderen is nodig." \
  --conditions="Geen fysiek geweld in het gezin" \
  --open-actions="Intake traumabehandeling plannen"
H2="$(read_json 'd["handover"]["id"]' <<<"$OUT")"
echo "    handover $H2"
step decline-ggz1 "$GGZ1" handover decline "$H2" \
  --reason="Wachtlijst van vier maanden; wij kunnen de regie nu niet overnemen."
expect "handover $H2" "$(read_json 'd["handover"]["state"]' <<<"$OUT")" HANDOVER_STATE_DECLINED
echo "    $GGZ1_ORG declines; $TEAM_ORG stays lead"

say "   ... and then to $GGZ2_ORG"
step propose-ggz2 "$TEAM" handover propose "$CASE" --to-org="$GGZ2_ORG" --phase=recovery \
  --family-informed \
  --summary="Veiligheid is stabiel; traumabehandeling van moeder en kinderen is nodig." \
  --conditions="Geen fysiek geweld in het gezin" \
  --open-actions="Intake traumabehandeling plannen"
H3="$(read_json 'd["handover"]["id"]' <<<"$OUT")"
echo "    handover $H3"
# Whoever takes the lead must see the case: the case director puts $GGZ2 on the team first.
step team-ggz2 "$TEAM" cases add-member "$CASE" --professional="$GGZ2" --org="$GGZ2_ORG" \
  --role=involved
echo "    the case director adds $GGZ2 ($GGZ2_ORG) to the case team"
step accept-ggz2 "$GGZ2" handover accept "$H3"
fields 'd["handover"]["state"]' 'd["responsibility"]["lead_organisation_id"]' \
  'd["responsibility"]["phase"]' <<<"$OUT"
expect "handover $H3" "${F[0]}" HANDOVER_STATE_ACCEPTED
expect "lead after the second acceptance" "${F[1]}" "$GGZ2_ORG"
expect "phase after the second acceptance" "${F[2]}" PHASE_RECOVERY
echo "    $GGZ2_ORG leads in RECOVERY; $TEAM_ORG watches until the first contact"

say "4. The supervisor's report ($SUPERVISOR)"
report="$(ctl --as "$SUPERVISOR" --json handover report)" || fail "the report cannot be read"
echo "$report"
gaps="$(read_json 'len(d.get("report", {}).get("gaps", []))' <<<"$report")"
[[ "$gaps" == "0" ]] || fail "the report shows $gaps gap(s): a case without a lead, or with two"
echo "    no gaps: every open case of the region had exactly one lead all the time"

say "   The case timeline ($TEAM)"
wanted=(handover.proposed handover.accepted handover.declined handover.first_contact_confirmed)
# Handover events reach the timeline through an outbox relay: give them up to 30 s (a loaded machine).
timeline=""
missing=("${wanted[@]}")
for _ in $(seq 1 120); do
  timeline="$(ctl --as "$TEAM" --json cases timeline "$CASE" --page-size=100)" ||
    fail "the timeline of case $CASE cannot be read"
  missing=()
  for type in "${wanted[@]}"; do
    grep -q "\"type\": \"$type\"" <<<"$timeline" || missing+=("$type")
  done
  ((${#missing[@]} == 0)) && break
  sleep 0.25
done
read_json '"\n".join("  %s  %-34s %-28s %s" % (e.get("time", ""), e.get("type", ""),
    e.get("actor_organisation_id", ""), e.get("summary", {}).get("text", ""))
    for e in d.get("events", []))' <<<"$timeline"
((${#missing[@]} == 0)) || fail "the timeline of case $CASE lacks: ${missing[*]}"

say "scenario $RUN passed: case $REFERENCE ($CASE) led by $GGZ2_ORG in RECOVERY, no gaps"
