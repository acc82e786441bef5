# What every end-to-end script shares. Source it after `set -uo pipefail`; it keeps the counts
# and the last line says them:
#   check NAME COMMAND...   passes when COMMAND succeeds, else prints "FAIL: NAME"
#   lacks PATTERN TEXT      succeeds when TEXT does not contain PATTERN
#   free_port               prints a free TCP port on 127.0.0.1
#   free_ports N            prints the first of N free consecutive TCP ports on 127.0.0.1
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
free_ports() {
  python3 - "$1" <<'PY'
import random, socket, sys
n = int(sys.argv[1])
for _ in range(200):
    base = random.randrange(20000, 60000 - n)
    socks = []
    try:
        for p in range(base, base + n):
            s = socket.socket()
            s.bind(("127.0.0.1", p))
            socks.append(s)
    except OSError:
        continue
    finally:
        for s in socks:
            s.close()
    print(base)
    break
PY
}
finish() {
  echo "$1: $passes passed, $failures failed"
  [[ $failures -eq 0 ]]
}
