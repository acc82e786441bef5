#!/usr/bin/env bash
# The Kubernetes deployment, offline (no cluster):
#   - deploy/k8s/base is what deploy/k8s/generate.sh makes from `schakeld dependencies` today;
#   - the example overlay builds with kubectl kustomize, with development secrets from
#     deploy/k8s/make-secrets.sh, and every object passes deploy/k8s/tools/validate.mjs (the
#     Kubernetes schemas, the restricted Pod Security Standard, a StatefulSet with its volume and
#     health probes per service, NetworkPolicies allowing exactly the declared edges);
#   - each service's built configuration is one schakeld accepts (--check-config), with the
#     region's values over the generated ones;
#   - the validator refuses an undeclared edge, a missing one, and a pod that may run as root;
#   - the Containerfile builds in two stages and runs as a non-root user.
#   k8s_test.sh SCHAKELD SCHAKELCTL
set -uo pipefail
umask 077
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SCHAKELD=$1
CTL=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/e2e_lib.sh"
K8S="$ROOT/deploy/k8s"
TOOLS="$K8S/tools"

if ! command -v kubectl >/dev/null || ! command -v node >/dev/null ||
  [[ ! -d "$TOOLS/node_modules/kubernetes-models" ]]; then
  echo "FAIL: kubectl, node or deploy/k8s/tools/node_modules missing (tests/run.sh installs them)"
  exit 1
fi

"$SCHAKELD" dependencies >"$WORK/deps.json"
check "schakeld declares six services" \
  test "$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["services"]))' "$WORK/deps.json")" -eq 6

# The committed base is the generated one.
node "$TOOLS/generate.mjs" "$WORK/deps.json" "$WORK/base" >/dev/null
for f in schakel.yaml config/directory.textproto config/audit.textproto config/cases.textproto \
  config/handover.textproto config/intake.textproto config/safetyplan.textproto; do
  check "deploy/k8s/base/$f is current (deploy/k8s/generate.sh)" \
    cmp -s "$WORK/base/$f" "$K8S/base/$f"
done

# The overlay, built with development secrets.
cp -r "$K8S" "$WORK/k8s"
rm -rf "$WORK/k8s/overlays/haaglanden/secrets"
bash "$K8S/make-secrets.sh" "$WORK/k8s/overlays/haaglanden" schakel-haaglanden regio-haaglanden \
  "$CTL" >/dev/null
check "make-secrets.sh makes every file the overlay names" test -s "$WORK/k8s/overlays/haaglanden/secrets/safetyplan-index.key"
check "make-secrets.sh keeps no CA key" test ! -e "$WORK/k8s/overlays/haaglanden/secrets/ca.key"
kubectl kustomize "$WORK/k8s/overlays/haaglanden" >"$WORK/built.yaml" 2>"$WORK/kustomize.err"
rc=$?
check "kubectl kustomize builds the overlay" test $rc -eq 0
[[ $rc -eq 0 ]] || cat "$WORK/kustomize.err"
out=$(node "$TOOLS/validate.mjs" "$WORK/built.yaml" "$WORK/deps.json" 2>&1)
rc=$?
echo "$out" | tail -n 1
check "every object passes the schemas and the deployment's rules" test $rc -eq 0
[[ $rc -eq 0 ]] || echo "$out" | head -n 20

# Each service's configuration, as its pod reads it: the generated file, then the region's.
node --input-type=module - "$WORK/built.yaml" "$WORK/cfg" "$TOOLS" <<'JS'
import fs from "node:fs";
import { createRequire } from "node:module";
const [built, out, tools] = process.argv.slice(2);
const yaml = createRequire(tools + "/")("js-yaml");
fs.mkdirSync(out, { recursive: true });
for (const d of yaml.loadAll(fs.readFileSync(built, "utf8"))) {
  if (d?.kind !== "ConfigMap") continue;
  const svc = d.metadata.name.replace(/^schakel-/, "").replace(/-config(-[a-z0-9]+)?$/, "");
  for (const [k, v] of Object.entries(d.data)) fs.writeFileSync(`${out}/${svc}.${k}`, v);
}
JS
for svc in directory audit cases handover intake safetyplan; do
  out=$("$SCHAKELD" --check-config --config="$WORK/cfg/$svc.schakeld.textproto,$WORK/cfg/$svc.region.textproto" 2>&1)
  check "schakeld accepts the $svc configuration ($out)" grep -q "services $svc)" <<<"$out"
done
check "the region's audit origin wins over the generated one" \
  grep -q 'origin: "schakel.haaglanden/audit"' "$WORK/cfg/audit.region.textproto"
check "the directory gets the region's bootstrap" \
  grep -q 'organisation_id: "regio-haaglanden"' "$WORK/cfg/directory.region.textproto"

# The validator can fail: an undeclared edge, a declared one missing, a pod that may run as root.
node --input-type=module - "$WORK" "$TOOLS" <<'JS'
import fs from "node:fs";
import { createRequire } from "node:module";
const [work, tools] = process.argv.slice(2);
const yaml = createRequire(tools + "/")("js-yaml");
const load = () => yaml.loadAll(fs.readFileSync(`${work}/built.yaml`, "utf8")).filter(Boolean);
const save = (docs, name) => fs.writeFileSync(`${work}/${name}`, docs.map((d) => yaml.dump(d)).join("---\n"));
const policy = (docs, name) => docs.find((d) => d.kind === "NetworkPolicy" && d.metadata.name === name);
// intake may reach safetyplan, and safetyplan takes it: an edge nobody declared.
let docs = load();
policy(docs, "schakel-intake").spec.egress[0].to[0].podSelector.matchExpressions[0].values.push("safetyplan");
policy(docs, "schakel-safetyplan").spec.ingress.push(
  { from: [{ podSelector: { matchLabels: { "app.kubernetes.io/component": "intake" } } }] },
);
save(docs, "extra.yaml");
docs = load();
docs.find((d) => d.kind === "StatefulSet").spec.template.spec.securityContext.runAsNonRoot = false;
save(docs, "root.yaml");
JS
out=$(node "$TOOLS/validate.mjs" "$WORK/extra.yaml" "$WORK/deps.json" 2>&1)
check "the validator refuses an edge nobody declared" grep -q "undeclared edges: intake->safetyplan" <<<"$out"
python3 - "$WORK/deps.json" "$WORK/deps-more.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
next(s for s in d["services"] if s["name"] == "intake")["calls"].append("handover")
json.dump(d, open(sys.argv[2], "w"))
PY
out=$(node "$TOOLS/validate.mjs" "$WORK/built.yaml" "$WORK/deps-more.json" 2>&1)
check "the validator refuses a policy that blocks a declared edge" grep -q "block declared edges: intake->handover" <<<"$out"
out=$(node "$TOOLS/validate.mjs" "$WORK/root.yaml" "$WORK/deps.json" 2>&1)
check "the validator refuses a pod that may run as root" grep -q "runs as non-root" <<<"$out"

# The image: two stages on Debian 12, a numeric non-root user, no key in it.
CF="$K8S/Containerfile"
check "the Containerfile builds on Debian 12 in two stages" \
  test "$(grep -c '^FROM debian:12' "$CF")" -eq 2
check "the image runs as user 10001" grep -q '^USER 10001:10001$' "$CF"
check "the image holds no key or local state" lacks "COPY var\|\.key" "$(grep '^COPY' "$CF")"
check ".dockerignore keeps var/ and the overlays' secrets out of the build" \
  grep -q '^deploy/k8s/overlays/\*/secrets/$' "$ROOT/.dockerignore"

finish k8s
