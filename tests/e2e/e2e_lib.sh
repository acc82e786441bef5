# What every end-to-end script shares. Source it after `set -uo pipefail`; it keeps the counts
# and the last line says them:
#   check NAME COMMAND...   passes when COMMAND succeeds, else prints "FAIL: NAME"
#   lacks PATTERN TEXT      succeeds when TEXT does not contain PATTERN
#   free_port               prints a free TCP port on 127.0.0.1
#   finish LABEL            prints "LABEL: N passed, F failed" and returns non-zero on a failure
failures=0
passes=0
check() {
  local name=$1
  shift
  if "$@"; then passes=$((passes + 1)); else echo "FAIL: $name"; failures=$((failures + 1)); fi
}
lacks() {
  ! grep -q -- "$1" <<<"$2"
}
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
finish() {
  echo "$1: $passes passed, $failures failed"
  [[ $failures -eq 0 ]]
}
