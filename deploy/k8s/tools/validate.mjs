// Checks built Kubernetes manifests offline (no cluster):
//   - every object against the Kubernetes schemas (kubernetes-models: types, required fields,
//     enums and formats; unknown fields are not caught);
//   - the restricted Pod Security Standard on every pod, and the namespace enforcing it;
//   - one StatefulSet per declared service: one replica, its own volume, startup, readiness and
//     liveness probes on the gRPC health service, and every ConfigMap, Secret and key it mounts
//     present in the build;
//   - the NetworkPolicies: deny by default, and between the services allow exactly the calls and
//     outbox deliveries that `schakeld dependencies` declares.
//
//   node validate.mjs BUILT.yaml DEPENDENCIES.json
// Prints one line per failure and a summary; exits 1 when anything fails.
import fs from "node:fs";
import { createRequire } from "node:module";
import yaml from "js-yaml";

const require = createRequire(import.meta.url);
const [builtFile, depsFile] = process.argv.slice(2);
const docs = yaml.loadAll(fs.readFileSync(builtFile, "utf8")).filter(Boolean);
const declared = JSON.parse(fs.readFileSync(depsFile, "utf8")).services;

let failures = 0;
let checks = 0;
const check = (ok, what) => {
  checks++;
  if (!ok) {
    failures++;
    console.log(`FAIL: ${what}`);
  }
};

// --- 1. the schemas --------------------------------------------------------------------------
const MODELS = {
  "v1/Namespace": "kubernetes-models/v1/Namespace",
  "v1/Service": "kubernetes-models/v1/Service",
  "v1/ConfigMap": "kubernetes-models/v1/ConfigMap",
  "v1/Secret": "kubernetes-models/v1/Secret",
  "apps/v1/StatefulSet": "kubernetes-models/apps/v1/StatefulSet",
  "networking.k8s.io/v1/NetworkPolicy": "kubernetes-models/networking.k8s.io/v1/NetworkPolicy",
};
for (const doc of docs) {
  const id = `${doc.kind}/${doc.metadata?.name}`;
  const model = MODELS[`${doc.apiVersion}/${doc.kind}`];
  check(model !== undefined, `${id}: ${doc.apiVersion} ${doc.kind} is not a kind this deployment uses`);
  if (!model) continue;
  const Class = require(model)[doc.kind];
  let error = "";
  try {
    // kustomize wraps a Secret's base64 over lines; the API server's decoder skips the line
    // breaks, the schema's "byte" format does not.
    const object =
      doc.kind === "Secret"
        ? {
            ...doc,
            data: Object.fromEntries(
              Object.entries(doc.data ?? {}).map(([k, v]) => [k, v.replace(/\s+/g, "")]),
            ),
          }
        : doc;
    new Class(object).validate();
  } catch (e) {
    error = e.message;
  }
  check(error === "", `${id}: does not match the Kubernetes schema: ${error}`);
}

const byKind = (kind) => docs.filter((d) => d.kind === kind);
const named = (kind, name) => byKind(kind).find((d) => d.metadata.name === name);

// --- 2. Pod Security: restricted ---------------------------------------------------------------
const namespaces = byKind("Namespace");
check(namespaces.length === 1, "exactly one Namespace");
for (const ns of namespaces) {
  check(
    ns.metadata.labels?.["pod-security.kubernetes.io/enforce"] === "restricted",
    `namespace ${ns.metadata.name} enforces the restricted Pod Security Standard`,
  );
}
const ALLOWED_VOLUMES = ["configMap", "secret", "emptyDir", "persistentVolumeClaim", "projected", "downwardAPI"];
for (const sts of byKind("StatefulSet")) {
  const pod = sts.spec.template.spec;
  const id = `StatefulSet/${sts.metadata.name}`;
  check(!pod.hostNetwork && !pod.hostPID && !pod.hostIPC, `${id}: no host namespaces`);
  check(pod.securityContext?.runAsNonRoot === true, `${id}: the pod runs as non-root`);
  check(
    pod.securityContext?.seccompProfile?.type === "RuntimeDefault",
    `${id}: the pod's seccomp profile is RuntimeDefault`,
  );
  check(pod.automountServiceAccountToken === false, `${id}: no service account token`);
  for (const v of pod.volumes ?? []) {
    const type = Object.keys(v).find((k) => k !== "name");
    check(ALLOWED_VOLUMES.includes(type), `${id}: volume ${v.name} (${type}) is allowed`);
  }
  for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
    const sc = c.securityContext ?? {};
    const cid = `${id} container ${c.name}`;
    check(sc.allowPrivilegeEscalation === false, `${cid}: allowPrivilegeEscalation false`);
    check(sc.privileged !== true, `${cid}: not privileged`);
    check(JSON.stringify(sc.capabilities?.drop) === '["ALL"]', `${cid}: drops all capabilities`);
    check(!(sc.capabilities?.add ?? []).length, `${cid}: adds no capability`);
    check(sc.runAsUser !== 0, `${cid}: not root`);
    check(sc.readOnlyRootFilesystem === true, `${cid}: read-only root file system`);
    check(!(c.ports ?? []).some((p) => p.hostPort), `${cid}: no host ports`);
  }
}

// --- 3. one StatefulSet per service ---------------------------------------------------------
for (const s of declared) {
  const sts = named("StatefulSet", s.name);
  check(sts !== undefined, `a StatefulSet for service ${s.name}`);
  if (!sts) continue;
  const id = `StatefulSet/${s.name}`;
  const pod = sts.spec.template.spec;
  const main = pod.containers.find((c) => c.name === "schakeld");
  check(sts.spec.replicas === 1, `${id}: one replica (one writer per database)`);
  check(
    (sts.spec.volumeClaimTemplates ?? []).some((t) => t.metadata.name === "data") &&
      main?.volumeMounts?.some((m) => m.name === "data" && m.mountPath === "/var/lib/schakel"),
    `${id}: its own volume at /var/lib/schakel`,
  );
  check(named("Service", s.name)?.spec?.selector?.["app.kubernetes.io/component"] === s.name,
    `${id}: a Service named ${s.name} selects it`);
  for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
    const cmd = main?.[probe]?.exec?.command ?? [];
    check(
      cmd[0] === "/usr/local/bin/schakelctl" && cmd.at(-1) === "health" &&
        cmd.includes("--server=127.0.0.1:7400"),
      `${id}: ${probe} asks the gRPC health service over mutual TLS`,
    );
  }
  check(/:[^:/]+$/.test(main?.image ?? "") && !/:latest$/.test(main?.image ?? ""),
    `${id}: the image has a fixed tag (${main?.image})`);
  const config = (main?.args ?? []).find((a) => a.startsWith("--config="));
  check(config !== undefined, `${id}: schakeld is given its configuration`);
  for (const v of pod.volumes ?? []) {
    if (v.configMap) {
      const cm = named("ConfigMap", v.configMap.name);
      check(cm !== undefined, `${id}: ConfigMap ${v.configMap.name} exists`);
      check(cm?.data?.["schakeld.textproto"]?.includes(`services: "${s.name}"`),
        `${id}: its configuration hosts ${s.name} alone`);
    }
    if (v.secret) {
      const secret = named("Secret", v.secret.secretName);
      check(secret !== undefined, `${id}: Secret ${v.secret.secretName} exists`);
      for (const item of v.secret.items ?? []) {
        check(secret?.data?.[item.key] !== undefined,
          `${id}: Secret ${v.secret.secretName} holds ${item.key}`);
      }
    }
  }
}
check(byKind("StatefulSet").length === declared.length, "no StatefulSet beyond the services");

// --- 4. NetworkPolicies -----------------------------------------------------------------------
const SERVICES = declared.map((s) => s.name);
const podLabels = (name) => ({ "app.kubernetes.io/name": "schakel", "app.kubernetes.io/component": name });
function matches(selector, labels) {
  if (!selector) return false;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = e.key in labels;
    const ok = {
      In: has && e.values.includes(labels[e.key]),
      NotIn: !has || !e.values.includes(labels[e.key]),
      Exists: has,
      DoesNotExist: !has,
    }[e.operator];
    if (!ok) return false;
  }
  return true;
}
// The schakel services a peer list names (same namespace: a podSelector without a
// namespaceSelector).
const peersIn = (peers) =>
  SERVICES.filter((t) =>
    (peers ?? []).some((p) => p.podSelector && !p.namespaceSelector && !p.ipBlock &&
      matches(p.podSelector, podLabels(t))),
  );
const policies = byKind("NetworkPolicy");
check(
  policies.some((p) => Object.keys(p.spec.podSelector ?? {}).length === 0 &&
    !p.spec.ingress?.length && !p.spec.egress?.length &&
    ["Ingress", "Egress"].every((t) => p.spec.policyTypes?.includes(t))),
  "a default-deny NetworkPolicy for every pod, both directions",
);
const egress = new Set();
const ingress = new Set();
for (const p of policies) {
  for (const s of SERVICES.filter((s) => matches(p.spec.podSelector, podLabels(s)))) {
    for (const rule of p.spec.egress ?? []) {
      if (!rule.to) check(false, `${p.metadata.name}: an egress rule without 'to' opens everything`);
      for (const t of peersIn(rule.to)) egress.add(`${s}->${t}`);
    }
    for (const rule of p.spec.ingress ?? []) {
      if (!rule.from) check(false, `${p.metadata.name}: an ingress rule without 'from' opens everything`);
      for (const f of peersIn(rule.from)) ingress.add(`${f}->${s}`);
    }
  }
}
const allowed = [...egress].filter((e) => ingress.has(e)).sort();
const wanted = declared
  .flatMap((s) => [...new Set([...s.calls, ...s.sendsTo])].map((t) => `${s.name}->${t}`))
  .sort();
const extra = allowed.filter((e) => !wanted.includes(e));
const missing = wanted.filter((e) => !allowed.includes(e));
check(extra.length === 0, `NetworkPolicies allow undeclared edges: ${extra.join(", ")}`);
check(missing.length === 0, `NetworkPolicies block declared edges: ${missing.join(", ")}`);
const oneWay = [...egress, ...ingress].filter((e) => !(egress.has(e) && ingress.has(e)));
check(oneWay.length === 0, `edges open in one direction only: ${[...new Set(oneWay)].join(", ")}`);

console.log(
  `k8s: ${docs.length} objects, ${checks - failures} checks passed, ${failures} failed; ` +
    `${allowed.length} edges between services allowed, as declared`,
);
process.exit(failures === 0 ? 0 : 1);
