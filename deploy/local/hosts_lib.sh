# The schakeld processes of deploy/local/run.sh: their configurations, start, health and stop, in
# either layout. Sourced by run.sh, not run.
#
#   single (default)  one schakeld hosting all six services on $LISTEN:
#                     var/schakeld.textproto, var/schakeld.pid, var/log/schakeld.log
#   split (--split)   one schakeld per service, each with its own certificate
#                     (var/pki/services/<service>.crt, CN=<service>) on a port of its own, from
#                     $LISTEN's port upwards in steps of two (directory 7400, audit 7402, cases 7404,
#                     handover 7406, intake 7408, safetyplan 7410; each one's metrics on the port
#                     after): var/schakeld-<service>.{textproto,pid}, var/log/schakeld-<service>.log
#
# Both keep one SQLite database per service in var/data, so either layout opens the same data.
# Before sourcing, set VAR, PKI, LISTEN, METRICS_LISTEN, SCHAKELD, the audit origin and operator
# variables of run.sh, and define say, die and ctl.

SPLIT_SERVICES=(directory audit cases handover intake safetyplan)
LISTEN_HOST="${LISTEN%:*}"
LISTEN_PORT="${LISTEN##*:}"

# The gRPC port of service number I (0 for the directory) in the split layout.
split_port() { echo $((LISTEN_PORT + 2 * $1)); }

# What --server says to schakelctl for LAYOUT (single|split): one address, or one per service.
server_spec() {
  if [[ "$1" == single ]]; then
    echo "$LISTEN"
    return
  fi
  local i spec=""
  for i in "${!SPLIT_SERVICES[@]}"; do
    spec+="${spec:+,}${SPLIT_SERVICES[$i]}=$LISTEN_HOST:$(split_port "$i")"
  done
  echo "$spec"
}

# The host names of LAYOUT: "schakeld", or "schakeld-<service>" for each service.
host_names() {
  if [[ "$1" == single ]]; then
    echo schakeld
  else
    printf 'schakeld-%s\n' "${SPLIT_SERVICES[@]}"
  fi
}

# The pid in var/NAME.pid when it names a running schakeld; empty otherwise.
running_pid() {
  local pidfile="$VAR/$1.pid" pid
  [[ -f "$pidfile" ]] || return 0
  pid="$(tr -dc '0-9' <"$pidfile")"
  [[ -n "$pid" ]] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  # A reused pid that belongs to something else is not ours to stop.
  [[ "$(ps -p "$pid" -o comm= 2>/dev/null)" == "schakeld" ]] || return 0
  echo "$pid"
}

# Every host of either layout with a pidfile under var/.
known_hosts() {
  local f
  for f in "$VAR"/schakeld.pid "$VAR"/schakeld-*.pid; do
    [[ -f "$f" ]] && basename "$f" .pid
  done
  return 0
}

# Stops every schakeld this var/ started, in either layout: SIGTERM to all, then waits (15 s).
stop_server() {
  local name pid names=() pids=()
  while read -r name; do
    [[ -n "$name" ]] || continue
    pid="$(running_pid "$name")"
    if [[ -z "$pid" ]]; then
      rm -f "$VAR/$name.pid"
      continue
    fi
    echo "$name: stopping (pid $pid)"
    kill -TERM "$pid"
    names+=("$name")
    pids+=("$pid")
  done < <(known_hosts)
  if ((${#pids[@]} == 0)); then
    echo "schakeld: not running"
    return 0
  fi
  local i j
  for ((i = 0; i < 30; i++)); do
    local alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    ((alive)) || break
    sleep 0.5
  done
  for j in "${!pids[@]}"; do
    if kill -0 "${pids[$j]}" 2>/dev/null; then
      die "${names[$j]} (pid ${pids[$j]}) did not stop within 15 s; see" \
        "var/log/${names[$j]}.log (kill -KILL ${pids[$j]} ends it)"
    fi
    rm -f "$VAR/${names[$j]}.pid"
    echo "${names[$j]}: stopped"
  done
}

# Prints what runs; non-zero when nothing does.
server_status() {
  local name pid any=1
  while read -r name; do
    [[ -n "$name" ]] || continue
    pid="$(running_pid "$name")"
    if [[ -n "$pid" ]]; then
      echo "$name: running (pid $pid)"
      any=0
    fi
  done < <(known_hosts)
  ((any == 0)) || echo "schakeld: not running"
  return $any
}

# Escapes a value for a double-quoted protobuf text-format string.
textproto_string() {
  local s="$1"
  s="${s//\\/\\\\}"
  s="${s//\"/\\\"}"
  printf '"%s"' "$s"
}

# The key section of SERVICE's configuration (none for the directory); LAYOUT split adds the
# services it takes events from.
# key_section SERVICE [LAYOUT]
key_section() {
  local k="$VAR/keys"
  case "$1" in
    audit)
      cat <<EOF
audit {
  master_key_file: $(textproto_string "$k/audit-master.key")
  index_key_file: $(textproto_string "$k/audit-index.key")
  signing_key_file: $(textproto_string "$k/audit-signing.pem")
  origin: $(textproto_string "$AUDIT_ORIGIN")
}
EOF
      ;;
    cases | handover | intake | safetyplan)
      echo "$1 {"
      echo "  data_key_file: $(textproto_string "$k/$1-data.key")"
      echo "  index_key_file: $(textproto_string "$k/$1-index.key")"
      # Split: the services whose certificates may send what only a service of this deployment
      # may (in one process that is the host itself).
      if [[ "${2:-}" == split ]]; then
        case "$1" in
          cases) echo '  report_sources: "intake"' ;;
          handover) echo '  case_event_sources: "cases"  case_event_sources: "safetyplan"' ;;
          intake | safetyplan) echo '  case_event_sources: "cases"' ;;
        esac
      fi
      echo "}"
      ;;
  esac
}

# Writes var/NAME.textproto: SERVICES ("all" or one name) on LISTEN_AT, metrics on METRICS_AT,
# presenting CERT_NAME's certificate, with the others' addresses (split) and each hosted service's
# keys only.
write_config() {
  local name="$1" services="$2" listen_at="$3" metrics_at="$4" cert_name="$5"
  local config="$VAR/$name.textproto" tmp="$VAR/$name.textproto.tmp" s i
  {
    cat <<EOF
# schakel.v1.HostConfig (proto/schakel/v1/config.proto), written by deploy/local/run.sh.
# Edits are overwritten on the next run; pass flags to schakeld to try other settings.
listen: $(textproto_string "$listen_at")
metrics_listen: $(textproto_string "$metrics_at")
data_dir: $(textproto_string "$VAR/data")
services: $(textproto_string "$services")
tls {
  cert_file: $(textproto_string "$PKI/services/$cert_name.crt")
  key_file: $(textproto_string "$PKI/services/$cert_name.key")
  ca_file: $(textproto_string "$PKI/ca.crt")
}
EOF
    if [[ "$services" == all ]]; then
      for s in "${SPLIT_SERVICES[@]}"; do key_section "$s"; done
    else
      key_section "$services" split
      for i in "${!SPLIT_SERVICES[@]}"; do
        s="${SPLIT_SERVICES[$i]}"
        [[ "$s" == "$services" ]] && continue
        echo "service_addresses { key: \"$s\" value: \"$LISTEN_HOST:$(split_port "$i")\" }"
      done
    fi
    if [[ "$services" == all || "$services" == directory ]]; then
      cat <<EOF
directory_bootstrap {
  organisation_id: $(textproto_string "$OPERATOR_ORG")
  organisation_name: $(textproto_string "$OPERATOR_NAME")
  region: REGION_HAAGLANDEN
  admin_id: $(textproto_string "$ADMIN_ID")
  admin_name: $(textproto_string "$ADMIN_NAME")
}
EOF
    fi
  } >"$tmp"
  mv "$tmp" "$config"
}

# Refuses a port that something else holds. gRPC binds with SO_REUSEPORT, so a second server on
# the port would start "fine" and share the connections with the first.
check_port_free() {
  local port="$1" holders
  holders="$(ss -Hltnp "sport = :$port" 2>/dev/null || true)"
  if [[ -n "$holders" ]]; then
    echo "run.sh: something already listens on port $port (not a schakeld of this var/):" >&2
    echo "$holders" >&2
    die "stop it first (another checkout's deploy/local/run.sh stop, or kill its pid)"
  fi
}

# Starts var/NAME.textproto in the background: pid in var/NAME.pid, log in var/log/NAME.log.
start_host() {
  local name="$1" log="$VAR/log/$1.log" pid
  [[ -f "$log" ]] && mv -f "$log" "$log.1"
  nohup "$SCHAKELD" --config="$VAR/$name.textproto" </dev/null >"$log" 2>&1 &
  pid=$!
  echo "$pid" >"$VAR/$name.pid"
  echo "$name: pid $pid, log var/log/$name.log"
}

# Writes the configurations of LAYOUT, stops whatever runs (either layout), and starts LAYOUT;
# returns once every host answers health as SERVING (30 s at most).
start_hosts() {
  local layout="$1" name i s
  if [[ "$layout" == single ]]; then
    write_config schakeld all "$LISTEN" "$METRICS_LISTEN" schakeld
  else
    for i in "${!SPLIT_SERVICES[@]}"; do
      s="${SPLIT_SERVICES[$i]}"
      write_config "schakeld-$s" "$s" "$LISTEN_HOST:$(split_port "$i")" \
        "127.0.0.1:$(($(split_port "$i") + 1))" "$s"
    done
  fi
  stop_server >/dev/null
  if [[ "$layout" == single ]]; then
    check_port_free "$LISTEN_PORT"
  else
    for i in "${!SPLIT_SERVICES[@]}"; do check_port_free "$(split_port "$i")"; done
  fi
  while read -r name; do start_host "$name"; done < <(host_names "$layout")

  local ready=0 dead=""
  for ((i = 0; i < 60; i++)); do
    dead=""
    while read -r name; do
      [[ -n "$(running_pid "$name")" ]] || dead="$name"
    done < <(host_names "$layout")
    [[ -z "$dead" ]] || break
    if ctl --as "$ADMIN_ID" --timeout-seconds=2 health >/dev/null 2>&1; then
      ready=1
      break
    fi
    sleep 0.5
  done
  if ((!ready)); then
    if [[ -n "$dead" ]]; then
      echo "run.sh: $dead exited during start-up; last log lines:" >&2
      tail -n 20 "$VAR/log/$dead.log" >&2 || true
    else
      echo "run.sh: schakeld did not report SERVING within 30 s; last log lines:" >&2
      while read -r name; do tail -n 5 "$VAR/log/$name.log" >&2 || true; done \
        < <(host_names "$layout")
    fi
    stop_server >/dev/null 2>&1 || true
    exit 1
  fi
  echo "schakeld: serving ($layout layout)"
}
