#!/usr/bin/env bash
# The intake scenario, through schakelctl against a running Schakel:
#
#   1. the police feed brings three zorgmeldingen in one file (two about the same family); a
#      resent file adds nothing;
#   2. a citizen phones in an acute report; it tops the triage queue; a Veilig Thuis worker
#      claims it;
#   3. a professional (a GP) reports about the same family as two of the police reports: the radar
#      finds them by person and by address and raises the repeat flag;
#   4. safety assessments with every route: conditions and follow-up, end of involvement, a
#      handover to the local team (which finds it in its list and accepts), an investigation
#      (completed later), and MDA++ — which ends as a joint case the case director sees with the
#      report's persons, Veilig Thuis as its first lead in the ledger, and a timeline that names
#      the report;
#   5. feedback to the reporters: the GP is told who took over and their own part, the citizen
#      only that help started;
#   6. the supervisor's report with the 90% / 80% norms;
#   7. retention: nothing closed today is due for destruction this month; a report under a legal
#      hold is not destroyed; once the hold is lifted, a granted request destroys it at once.
#
#   deploy/local/intake_scenario.sh
#
# By default against the system deploy/local/run.sh started, with its demo users. Environment:
#   SCHAKELCTL      the schakelctl binary (default: build/release/client/cli/schakelctl)
#   SCHAKEL_HOME    the directory whose var/pki holds the users' certificates (default: the checkout)
#   SCHAKEL_SERVER  schakeld's address, or each service's (schakelctl --server; default
#                   127.0.0.1:7400)
#   SCENARIO_RUN    prefix of this run's request ids and references (default: from the time and a
#                   random number; letters, digits and '-')
# and who plays which part (user ids with a certificate in var/pki/users/):
#   SCENARIO_POLICE       a police professional (agent)
#   SCENARIO_VT           a VT_INTAKE worker of Veilig Thuis (vt-medewerker), its organisation
#   SCENARIO_VT_ORG       (vt-haaglanden)
#   SCENARIO_DIRECTOR     the case director of the MDA++ case (regisseur)
#   SCENARIO_TEAM_ORG     the local team that makes the plan with the family and takes the
#                         handed report (wijkteam-den-haag-centrum)
#   SCENARIO_TEAM_USER    a professional of that local team (wijkteam)
#   SCENARIO_SUPERVISOR   a SUPERVISOR of Veilig Thuis (supervisor)
#
# Every run makes a new family (other names and address), so runs do not see each other on the
# radar. Exits 0 when every step succeeded and every check held; else 1.
set -euo pipefail
umask 077

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

SCHAKELCTL="${SCHAKELCTL:-$ROOT/build/release/client/cli/schakelctl}"
SCHAKEL_HOME="${SCHAKEL_HOME:-$ROOT}"
SCHAKEL_SERVER="${SCHAKEL_SERVER:-127.0.0.1:7400}"
RUN="${SCENARIO_RUN:-is-$(date +%Y%m%d-%H%M%S)-$RANDOM}"
POLICE="${SCENARIO_POLICE:-agent}"
VT="${SCENARIO_VT:-vt-medewerker}"
VT_ORG="${SCENARIO_VT_ORG:-vt-haaglanden}"
DIRECTOR="${SCENARIO_DIRECTOR:-regisseur}"
TEAM_ORG="${SCENARIO_TEAM_ORG:-wijkteam-den-haag-centrum}"
TEAM_USER="${SCENARIO_TEAM_USER:-wijkteam}"
SUPERVISOR="${SCENARIO_SUPERVISOR:-supervisor}"

SCENARIO_NAME="intake_scenario.sh"
# shellcheck source=deploy/local/scenario_lib.sh
source "$ROOT/deploy/local/scenario_lib.sh"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

say "scenario $RUN against $SCHAKEL_SERVER"

# The run's family and the JSON of every report and assessment, made by one Python start.
python3 - "$WORK" "$RUN" "$TEAM_ORG" "$VT" "$DIRECTOR" <<'PY' || fail "could not write the scenario's files"
import datetime, json, random, sys, zlib
work, run, team_org, vt, director = sys.argv[1:6]
rnd = random.Random(zlib.crc32(run.encode()))
surname = rnd.choice(["Özdemir", "de Jong", "Bakkali", "Janssen", "Yılmaz", "van Dijk", "Ramdin"])
first = rnd.choice(["Fatma", "Sanne", "Naima", "Esther", "Lisa", "Ayşe"])
child = rnd.choice(["Elif", "Daan", "Noah", "Yara", "Mila"])
partner = rnd.choice(["Murat", "Kevin", "Youssef", "Dennis"])
postcode = "%04d %s" % (rnd.randint(2491, 2597), rnd.choice(["AB", "CD", "EK", "GH", "LP"]))
number = str(rnd.randint(1, 400))
address = {"street": "Laan van Meerdervoort", "house_number": number, "postcode": postcode,
           "city": "Den Haag"}
dob_mother = {"year": 1988, "month": rnd.randint(1, 12), "day": rnd.randint(1, 28)}
dob_child = {"year": 2017, "month": rnd.randint(1, 12), "day": rnd.randint(1, 28)}
dob_partner = {"year": 1985, "month": rnd.randint(1, 12), "day": rnd.randint(1, 28)}
mother = {"name": f"{first} {surname}", "date_of_birth": dob_mother, "address": address,
          "role": "REPORTED_ROLE_VICTIM"}
kid = {"name": f"{child} {surname}", "date_of_birth": dob_child, "address": address,
       "role": "REPORTED_ROLE_CHILD"}
father = {"name": f"{partner} {surname}", "date_of_birth": dob_partner, "address": address,
          "role": "REPORTED_ROLE_SUSPECTED_PERPETRATOR"}

def police(ref, persons, text):
    return {"kind": "REPORT_KIND_REPORT", "channel": "REPORT_CHANNEL_POLICE_FEED",
            "reporter": {"type": "REPORTER_TYPE_POLICE", "police_reference": "PL1500-" + ref},
            "persons": persons, "violence_kinds": ["VIOLENCE_KIND_PARTNER_VIOLENCE"],
            "description": text, "external_reference": ref}

# The police's spelling of the postcode differs (no space, lower case): the radar still matches.
police_address = dict(address, postcode=postcode.replace(" ", "").lower())
other_address = {"street": "Hoefkade", "house_number": str(rnd.randint(1, 400)),
                 "postcode": "2526 %s" % rnd.choice(["AA", "BB", "CC"]), "city": "Den Haag"}
feed = [
    police(f"{run}-1", [dict(mother, address=police_address), dict(father, address=police_address)],
           "Inzet politie na melding buren: ruzie, moeder met blauwe plek, kind thuis."),
    police(f"{run}-2", [dict(mother, name=mother["name"].upper(), address=police_address)],
           "Tweede inzet binnen een maand; moeder wil geen aangifte doen."),
    police(f"{run}-3", [{"name": "Wim Verhoeven", "date_of_birth": {"year": 1941, "month": 2,
                         "day": 9}, "address": other_address, "role": "REPORTED_ROLE_VICTIM"}],
           "Zorgen over oudere man; mogelijk financiële uitbuiting door kleinzoon."),
]
feed[2]["violence_kinds"] = ["VIOLENCE_KIND_ELDER_ABUSE"]
with open(f"{work}/feed.jsonl", "w") as f:
    for r in feed:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")

citizen = {"kind": "REPORT_KIND_REPORT", "channel": "REPORT_CHANNEL_PHONE",
           "reporter": {"type": "REPORTER_TYPE_CITIZEN", "name": "Buurvrouw J. Smit",
                        "contact": "06-12345678"},
           "persons": [{"name": "Jayden Koster", "date_of_birth": {"year": 2019, "month": 4,
                        "day": 2}, "address": other_address, "role": "REPORTED_ROLE_CHILD"}],
           "violence_kinds": ["VIOLENCE_KIND_CHILD_NEGLECT"],
           "description": "Kind van zes staat 's avonds alleen op straat, in korte broek in de kou.",
           "acute": True, "external_reference": f"{run}-tel"}
gp = {"kind": "REPORT_KIND_REPORT", "channel": "REPORT_CHANNEL_SECURE_MAIL",
      "reporter": {"type": "REPORTER_TYPE_PROFESSIONAL", "organisation_name":
                   "Huisartsenpraktijk Duinoord", "profession": "huisarts",
                   "name": "Dr. P. de Wit", "contact": "070-1234567",
                   "anonymous_towards_family": True},
      "persons": [mother, kid, father],
      "violence_kinds": ["VIOLENCE_KIND_PARTNER_VIOLENCE",
                         "VIOLENCE_KIND_WITNESSING_PARTNER_VIOLENCE"],
      "description": "Moeder vertelt op het spreekuur over jaren van slaan; het kind is erbij.",
      "external_reference": f"{run}-huisarts"}
for name, r in (("citizen", citizen), ("gp", gp)):
    with open(f"{work}/{name}.json", "w") as f:
        json.dump(r, f, ensure_ascii=False)

today = datetime.date.today()
def day(d):
    return {"year": d.year, "month": d.month, "day": d.day}
base = {"acute_unsafety": False, "structural_unsafety": True,
        "risk_factors": ["herhaald geweld", "kind getuige"],
        "protective_factors": ["moeder zoekt hulp"]}
assessments = {
    "conditions": dict(base, reasoning="Herhaald partnergeweld; ouders werken mee aan een plan.",
                       route="ASSESSMENT_ROUTE_CONDITIONS_FOLLOW_UP",
                       conditions={"safety_conditions": ["Geen fysiek geweld in het gezin",
                                                         "Vader drinkt geen alcohol thuis"],
                                   "plan_partner_organisation_id": team_org,
                                   "monitoring_dates": [day(today + datetime.timedelta(30)),
                                                        day(today + datetime.timedelta(90))]}),
    "end": dict(base, structural_unsafety=False,
                reasoning="Dezelfde situatie als de eerste melding; die loopt al.",
                route="ASSESSMENT_ROUTE_END_OF_INVOLVEMENT",
                end={"reason": "Opgenomen in de lopende aanpak van de eerste melding."}),
    "investigation": dict(base, acute_unsafety=True,
                          reasoning="Jong kind 's avonds alleen buiten; ouders onbekend.",
                          route="ASSESSMENT_ROUTE_INVESTIGATION",
                          investigation={"investigator_id": vt}),
    "handover": dict(base, structural_unsafety=False, reasoning="Oudere man, hulp is nodig.",
                     route="ASSESSMENT_ROUTE_HANDOVER",
                     handover={"receiving_organisation_id": team_org}),
    "mda": dict(base, reasoning="Jaren van geweld, drie meldingen, hulp zonder resultaat.",
                route="ASSESSMENT_ROUTE_MDA_PLUS_PLUS",
                mda={"structural_unsafety": "Al jaren partnergeweld, kind getuige.",
                     "help_exhausted": "Ambulante hulp en gezinscoach zonder resultaat.",
                     "repeated_events": "Drie meldingen binnen een maand.",
                     "reason": "Structurele onveiligheid: één plan met politie en zorg nodig.",
                     "director_professional_id": director},
                rvdk_request=True, rvdk_reason="Zorgen over de ontwikkeling van het kind."),
}
for name, a in assessments.items():
    with open(f"{work}/assess-{name}.json", "w") as f:
        json.dump(a, f, ensure_ascii=False)
print(f"family {surname}, {postcode} {number}")
PY

say "1. The police feed ($POLICE): three zorgmeldingen in one file"
step import "$POLICE" intake import "$WORK/feed.jsonl" --rejected="$WORK/feed.rejected.jsonl"
fields 'd["accepted"] + d["duplicates"]' 'd["rejected"]' <<<"$OUT"
expect "police feed accepted" "${F[0]}" 3
expect "police feed rejected" "${F[1]}" 0
queue_total() { ctl --as "$VT" --json intake queue --page-size=1 | read_json 'd.get("total", 0)'; }
before="$(queue_total)"
step import-again "$POLICE" intake import "$WORK/feed.jsonl" \
  --rejected="$WORK/feed.rejected.jsonl"
expect "reports in the queue after the same file again" "$(queue_total)" "$before"
echo "    3 accepted; the same file again adds nothing (the queue holds $before reports)"

# The ids of the police reports, from the queue (the police see nothing of a report).
queue_ids() {
  ctl --as "$VT" --json intake queue --page-size=500 | read_json \
    '" ".join(r["report_id"] for r in d.get("rows", []))'
}

say "2. A citizen phones in an acute report ($VT takes it)"
step citizen "$VT" intake submit --from-json="$WORK/citizen.json"
CITIZEN="$(read_json 'd["report_id"]' <<<"$OUT")"
first="$(ctl --as "$VT" --json intake queue --page-size=1 | read_json 'd["rows"][0]["report_id"]')"
# Another acute report of the demo week may be older and stand before it: acute first, then due.
acute_first="$(ctl --as "$VT" --json intake queue --page-size=500 | read_json \
  'all(r.get("acute", False) for r in d["rows"][:[x["report_id"] for x in d["rows"]].index("'"$CITIZEN"'")])')"
expect "acute reports first in the queue" "$acute_first" True
echo "    report $CITIZEN in the queue with the acute ones first (first: $first)"
step claim-citizen "$VT" intake claim "$CITIZEN"
echo "    claimed by $(read_json 'd["report"]["claimed_by"]' <<<"$OUT")"

say "3. A GP reports about the same family as the police did"
step gp "$VT" intake submit --from-json="$WORK/gp.json"
GP="$(read_json 'd["report_id"]' <<<"$OUT")"
step radar-gp "$VT" intake radar "$GP"
fields 'd["earlier_last_12_months"]' 'd.get("repeat", False)' \
  '" ".join(sorted({h["report_id"] for p in d["persons"] for h in p.get("hits", [])}))' \
  '" ".join(sorted({h["report_id"] for a in d["addresses"] for h in a.get("hits", [])}))' <<<"$OUT"
expect "earlier reports about this family" "${F[0]}" 2
expect "the repeat flag" "${F[1]}" True
PERSON_HITS="${F[2]}"
ADDRESS_HITS="${F[3]}"
[[ "$PERSON_HITS" == "$ADDRESS_HITS" ]] ||
  fail "the radar found other reports by person ($PERSON_HITS) than by address ($ADDRESS_HITS)"
read -r P1 P2 <<<"$PERSON_HITS"
echo "    radar: 2 earlier reports ($P1, $P2), by person and by address; repeat flag set"
# Which police report is which: the one with two persons is the first call-out.
persons_of() { ctl --as "$VT" --json intake get "$1" | read_json 'len(d["report"]["input"]["persons"])'; }
if [[ "$(persons_of "$P1")" == "2" ]]; then POL1="$P1" POL2="$P2"; else POL1="$P2" POL2="$P1"; fi
POL3=""
for id in $(queue_ids); do
  [[ "$id" == "$POL1" || "$id" == "$POL2" || "$id" == "$CITIZEN" || "$id" == "$GP" ]] && continue
  ref="$(ctl --as "$VT" --json intake get "$id" | read_json 'd["report"]["input"].get("external_reference", "")')"
  [[ "$ref" == "$RUN-3" ]] && POL3="$id"
done
[[ -n "$POL3" ]] || fail "the third police report ($RUN-3) is not in the queue"

say "4. Safety assessments by $VT"
step assess-pol1 "$VT" intake assess "$POL1" --from-json="$WORK/assess-conditions.json"
echo "    $POL1: conditions and follow-up (the local team makes the plan; VT monitors)"
step assess-pol2 "$VT" intake assess "$POL2" --from-json="$WORK/assess-end.json"
echo "    $POL2: end of involvement (part of the first report's approach)"
step assess-citizen "$VT" intake assess "$CITIZEN" --from-json="$WORK/assess-investigation.json"
echo "    $CITIZEN: investigation, due $(read_json 'd["report"]["investigation_due"]' <<<"$OUT")"
step assess-pol3 "$VT" intake assess "$POL3" --from-json="$WORK/assess-handover.json"
echo "    $POL3: handed to $TEAM_ORG, to answer by $(read_json 'd["report"]["handover"]["accept_due"]' <<<"$OUT")"
step handed "$TEAM_USER" intake handed
grep -q "\"$POL3\"" <<<"$OUT" || fail "$TEAM_ORG ($TEAM_USER) does not find report $POL3 in its list"
grep -q "Zorgen over oudere man" <<<"$OUT" &&
  fail "the handed report shows the report's own description to $TEAM_ORG"
step accept-pol3 "$TEAM_USER" intake answer "$POL3" --accept
expect "the handover of $POL3" "$(read_json 'd["report"]["handover"]["state"]' <<<"$OUT")" \
  REPORT_HANDOVER_STATE_ACCEPTED
echo "    $TEAM_USER ($TEAM_ORG) finds it in its list and accepts"
step assess-gp "$VT" intake assess "$GP" --from-json="$WORK/assess-mda.json"
echo "    $GP: MDA++, case director $DIRECTOR"

CASE=""
for _ in $(seq 1 120); do
  CASE="$(ctl --as "$VT" --json intake get "$GP" | read_json 'd["report"].get("case_id", "")')"
  [[ -n "$CASE" ]] && break
  sleep 0.25
done
[[ -n "$CASE" ]] || fail "the cases service did not open the MDA++ case of $GP within 30 s"
step case-gp "$DIRECTOR" cases get "$CASE"
fields 'd["case"]["origin_report_id"]' 'len(d["case"]["persons"])' \
  '[m["role"] for m in d["case"]["team"] if m["professional_id"] == "'"$DIRECTOR"'"][0]' \
  'd["case"].get("reference", "")' <<<"$OUT"
expect "the case's report" "${F[0]}" "$GP"
expect "persons carried over" "${F[1]}" 3
expect "the director's role" "${F[2]}" CASE_ROLE_CASE_DIRECTOR
echo "    case ${F[3]} ($CASE): the report's 3 persons; $DIRECTOR directs"
ledger=""
for _ in $(seq 1 120); do
  ledger="$(ctl --as "$DIRECTOR" --json handover responsibility "$CASE" 2>/dev/null)" && break
  ledger=""
  sleep 0.25
done
[[ -n "$ledger" ]] || fail "the responsibility ledger did not receive case $CASE within 30 s"
expect "the first lead" "$(read_json 'd["responsibility"]["lead_organisation_id"]' <<<"$ledger")" \
  "$VT_ORG"
echo "    the ledger: $VT_ORG leads first"
step timeline-gp "$DIRECTOR" cases timeline "$CASE"
grep -q "vanuit melding $GP" <<<"$OUT" || fail "the case timeline does not name report $GP"
echo "    the timeline says: opened from report $GP"

say "   The investigation of $CITIZEN ends"
step complete-citizen "$VT" intake complete "$CITIZEN" \
  --conclusion="Moeder werkt 's avonds; opvang geregeld met het wijkteam." \
  --follow-up=conditions-follow-up --note="Wijkteam volgt het gezin."
echo "    completed; a feedback task for the citizen opened"

say "5. Feedback to the reporters"
step tasks "$VT" intake feedback
tasks="$OUT"
for id in "$GP" "$POL1" "$CITIZEN"; do
  grep -q "\"$id\"" <<<"$tasks" || fail "no feedback task for report $id"
done
step feedback-gp "$VT" intake feedback "$GP" --occasion=assessment --method=phone \
  --follow-up-started --taken-over-by="MDA++-team, casusregie wijkteam" \
  --reporter-part="Blijft huisarts van het gezin; meldt nieuwe signalen aan de casusregisseur." \
  --note="Huisarts gebeld over het MDA++-traject."
echo "    the GP: told that an MDA++ case started, who directs it and their own part"
step feedback-citizen "$VT" intake feedback "$CITIZEN" --occasion=investigation --method=phone \
  --follow-up-started --note="Buurvrouw gebeld: er is hulp gestart."
echo "    the citizen: told only that help started"

say "6. The supervisor's report ($SUPERVISOR)"
from="$(date -d '-7 days' +%Y-%m-%d)"
to="$(date +%Y-%m-%d)"
report="$(ctl --as "$SUPERVISOR" --json intake report --from="$from" --to="$to")" ||
  fail "the supervisor's report cannot be read"
fields 'd["received"]' 'd.get("assessments", {})' 'd.get("investigations", {})' \
  'd.get("feedback_given", 0)' <<<"$report"
((F[0] >= 5)) || fail "the report counts ${F[0]} reports received; this run alone brought 5"
echo "    received: ${F[0]}; assessments within 5 working days: ${F[1]}"
echo "    investigations within 10 weeks: ${F[2]}; feedback given: ${F[3]}"
ctl --as "$SUPERVISOR" intake report --from="$from" --to="$to" || true

say "7. Retention ($SUPERVISOR): what goes this month; a request to destroy an unfounded report"
step retention "$SUPERVISOR" intake retention --within-days=31
due="$(read_json '" ".join(i["report_id"] for i in d.get("items", []))' <<<"$OUT")"
[[ " $due " != *" $POL2 "* ]] || fail "report $POL2, closed today, is listed for destruction"
echo "    closed files are kept 15 years: nothing of today's is due this month"
step hold-pol2 "$SUPERVISOR" intake hold "$POL2" --reason="Lopende strafzaak (scenario $RUN)"
held="$(ctl --as "$SUPERVISOR" --json --request-id="$RUN-destroy-held" intake destruction "$POL2" \
  --grant --reason="ongegrond" --requested-by="betrokkene" 2>&1)" &&
  fail "a report under a legal hold was destroyed"
grep -q "legal hold" <<<"$held" || fail "the refusal does not name the legal hold: $held"
step lift-pol2 "$SUPERVISOR" intake hold "$POL2" --lift
step destroy-pol2 "$SUPERVISOR" intake destruction "$POL2" --grant \
  --reason="Na beoordeling ongegrond; betrokkene vroeg om vernietiging." \
  --requested-by="betrokkene (de man uit de politiemelding)"
gone="$(ctl --as "$VT" intake get "$POL2" 2>&1)" && fail "the destroyed report $POL2 can still be read"
grep -q "vernietigd" <<<"$gone" || fail "reading the destroyed report says: $gone"
echo "    under a legal hold it is kept; once lifted, the granted request destroys $POL2 at once"

say "scenario $RUN passed: MDA++ case $CASE from report $GP, led by $VT_ORG"
