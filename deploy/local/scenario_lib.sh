# Shared by the scenario scripts (handover_scenario.sh, intake_scenario.sh); sourced, not run.
# Before sourcing, set SCENARIO_NAME (for messages), SCHAKELCTL, SCHAKEL_HOME, SCHAKEL_SERVER and
# RUN (the prefix of this run's request ids).

say() { echo "==> $*"; }
fail() {
  echo "$SCENARIO_NAME: $*" >&2
  exit 1
}

[[ -x "$SCHAKELCTL" ]] || fail "no schakelctl at $SCHAKELCTL (build it, or set SCHAKELCTL)"

ctl() { "$SCHAKELCTL" --home="$SCHAKEL_HOME" --server="$SCHAKEL_SERVER" "$@"; }

# step RID USER ARGS... : schakelctl --as USER --json --request-id=$RUN-RID ARGS; its JSON answer in
# $OUT. Ends the scenario when the call fails.
OUT=""
step() {
  local rid="$1" user="$2" err
  shift 2
  err="$(mktemp)"
  if ! OUT="$(ctl --as "$user" --json --request-id="$RUN-$rid" "$@" 2>"$err")"; then
    echo "$SCENARIO_NAME: step $rid failed: schakelctl --as $user $*" >&2
    cat "$err" >&2
    rm -f "$err"
    exit 1
  fi
  rm -f "$err"
}

# read_json EXPR: evaluates EXPR (Python, on the parsed JSON `d`) over standard input.
read_json() {
  python3 -c 'import json, sys
d = json.load(sys.stdin)
print(eval(sys.argv[1]))' "$1"
}

# fields EXPR... : like read_json, for several expressions at once (one Python start): the values
# in the array F.
F=()
fields() {
  mapfile -t F < <(python3 -c 'import json, sys
d = json.load(sys.stdin)
for e in sys.argv[1:]:
    print(str(eval(e)).replace("\n", " "))' "$@")
}

# expect WHAT ACTUAL WANTED
expect() {
  [[ "$2" == "$3" ]] || fail "$1: expected $3, got $2"
}
