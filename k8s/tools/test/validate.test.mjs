// Tests validate.mjs end to end (as CI calls it) on fixture manifests, plus its building blocks.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { selectorMatches, hasPinnedTag, isSerenadeWorkload } from '../lib/policy.mjs';
import { makeStrict, trackUnknownFields } from '../lib/strict.mjs';

const toolsDir = fileURLToPath(new URL('..', import.meta.url));
const fixture = (name) => `test/fixtures/${name}`;
const support = fixture('support.yaml');

function runValidator(...args) {
  const result = spawnSync(process.execPath, ['validate.mjs', ...args], { cwd: toolsDir, encoding: 'utf8' });
  const errorLines = result.stderr.split('\n')
    .filter((line) => line && !line.startsWith('warning: ') && !line.startsWith('INVALID: '));
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, errorLines };
}

/** Asserts failure with exactly the expected error lines (so a bad fixture cannot pass by luck). */
function assertFails(result, expected) {
  assert.equal(result.status, 1, `expected exit 1, got ${result.status}\n${result.stdout}${result.stderr}`);
  assert.deepEqual(result.errorLines.sort(), [...expected].sort());
}

test('the good set (Deployments, Services, NetworkPolicies, HPA, PDB, CRDs) passes', () => {
  const result = runValidator(support, fixture('deployment.yaml'), fixture('crds.yaml'), '--prod');
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^OK: 17 objects \(--prod\): Cluster=1, ConfigMap=1, Database=1, Deployment=2, HorizontalPodAutoscaler=1, Kafka=1, KafkaNodePool=1, KafkaTopic=1, KafkaUser=1, KeycloakRealmImport=1, NetworkPolicy=2, PodDisruptionBudget=1, Service=2, ServiceMonitor=1\n$/);
  // Secrets may live outside the chart: a warning, not an error.
  assert.match(result.stderr, /warning: .*: Secret "profile-db-app" is not rendered here; it must exist in the cluster \(used by Deployment\/profile\)/);
});

const deploymentCases = [
  ['unknown field nested in a container', 'bad-unknown-field-nested.yaml',
    ['spec.template.spec.containers[0].imagePullPolcy: unknown field "imagePullPolcy"']],
  ['unknown field at the top level', 'bad-unknown-field-top.yaml', ['statuss: unknown field "statuss"']],
  ['string where an integer goes', 'bad-wrong-type.yaml', ['spec.replicas: must be integer']],
  ['missing probe', 'bad-missing-probe.yaml',
    ['spec.template.spec.containers[0].readinessProbe: container "profile" has no readinessProbe']],
  ['missing resource limit', 'bad-missing-resources.yaml',
    ['spec.template.spec.containers[0].resources.limits.memory: container "profile" has no resources.limits.memory']],
  ['writable root filesystem', 'bad-writable-rootfs.yaml',
    ['spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem: container "profile" must set readOnlyRootFilesystem: true']],
  ['wrong Quarkus health path', 'bad-wrong-probe-path.yaml',
    ['spec.template.spec.containers[0].startupProbe.httpGet.path: container "profile" startupProbe must be an httpGet on /q/health/started (Quarkus SmallRye Health), got "/q/health/live"']],
  ['health probed on the API port', 'bad-probe-on-api-port.yaml',
    ['spec.template.spec.containers[0].readinessProbe.httpGet.port: container "profile" readinessProbe must target the "management" port (9000, Quarkus management interface), got "http"']],
  ['no management port', 'bad-no-management-port.yaml',
    ['spec.template.spec.containers[0].ports: container "profile" declares no container port named "management" (Quarkus management interface: health and metrics)']],
  ['ConfigMap reference to nothing', 'bad-missing-configmap.yaml',
    ['spec.template.spec.containers[0].envFrom[0].configMapRef: ConfigMap "profile-settings" is not part of the rendered output']],
  ['root, privilege escalation and capabilities', 'bad-root-allowed.yaml', [
    'spec.template.spec.containers[0].securityContext.runAsNonRoot: container "profile" must run with runAsNonRoot: true (pod or container level)',
    'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation: container "profile" must set allowPrivilegeEscalation: false',
    'spec.template.spec.containers[0].securityContext.capabilities.drop: container "profile" must drop ALL capabilities',
  ]],
];

for (const [what, file, messages] of deploymentCases) {
  test(`fails on ${what} (${file})`, () => {
    assertFails(runValidator(support, fixture(file)),
      messages.map((m) => `${fixture(file)}: Deployment/profile: ${m}`));
  });
}

test('latest tag passes by default and fails with --prod', () => {
  assert.equal(runValidator(support, fixture('bad-latest-tag.yaml')).status, 0);
  assertFails(runValidator(support, fixture('bad-latest-tag.yaml'), '--prod'), [
    `${fixture('bad-latest-tag.yaml')}: Deployment/profile: spec.template.spec.containers[0].image: image "ghcr.io/example/serenade/profile-service:latest" must have an explicit tag other than latest, or a digest (--prod)`,
  ]);
});

const standaloneCases = [
  ['no NetworkPolicy with both policy types', 'bad-no-networkpolicy.yaml',
    ['Deployment/orphan: spec.template.metadata.labels: no NetworkPolicy with policyTypes [Ingress, Egress] selects the pods of Deployment "orphan"']],
  ['unknown kind', 'bad-unknown-kind.yaml',
    ['Playlist/favourites: (root): unknown apiVersion/kind "serenade.io/v1" "Playlist" (no schema; not deployable as far as this validator knows)']],
  ['KafkaTopic partitions as a string', 'bad-kafkatopic-partitions.yaml',
    ['KafkaTopic/consent-events: spec.partitions: must be integer']],
  ['unknown field in a CNPG Cluster spec', 'bad-cnpg-unknown-field.yaml',
    ['Cluster/profile-db: spec.storage.storageClas: unknown field "storageClas"']],
  ['a misspelt ACL operation and an unknown field in a KafkaUser', 'bad-kafkauser-acl.yaml', [
    'KafkaUser/profile: spec.authorization.acls[0].operations[0]: must be equal to one of the allowed values: "Read", "Write", "Create", "Delete", "Alter", "Describe", "ClusterAction", "AlterConfigs", "DescribeConfigs", "IdempotentWrite", "All"',
    'KafkaUser/profile: spec.authentication.pasword: unknown field "pasword"',
  ]],
  ['unknown field in a KeycloakRealmImport', 'bad-keycloak-unknown-field.yaml', [
    'KeycloakRealmImport/serenade-realm: spec.keycloakNamespace: unknown field "keycloakNamespace"',
    'KeycloakRealmImport/serenade-realm: spec.realm.realm: missing required field "realm"',
  ]],
];

for (const [what, file, messages] of standaloneCases) {
  test(`fails on ${what} (${file})`, () => {
    assertFails(runValidator(fixture(file)), messages.map((m) => `${fixture(file)}: ${m}`));
  });
}

// Cases built on the fly from the good Deployment; small enough to read inline.
function withTempFile(text, fn) {
  const dir = mkdtempSync(join(tmpdir(), 'validate-test-'));
  try {
    const file = join(dir, 'case.yaml');
    writeFileSync(file, text);
    return fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a Deployment without HPA: a warning, an error with --prod; without PDB: an error; unless an optional dependency', () => {
  // support.yaml without profile's HPA and PDB; its redis has neither and must still pass.
  const supportText = readFileSync(join(toolsDir, support), 'utf8');
  const withoutScaling = supportText.split(/^---$/m)
    .filter((doc) => !/^kind: (HorizontalPodAutoscaler|PodDisruptionBudget)$/m.test(doc)).join('---');
  assert.equal(withoutScaling.split(/^---$/m).length, supportText.split(/^---$/m).length - 2);
  withTempFile(withoutScaling, (file) => {
    const deployment = fixture('deployment.yaml');
    const noPdb = `${deployment}: Deployment/profile: spec.template.metadata.labels: no PodDisruptionBudget selects the pods of Deployment "profile"`;
    // Autoscaling may be turned off (explicit replicas instead), but not in production.
    const relaxed = runValidator(deployment, file);
    assertFails(relaxed, [noPdb]);
    assert.match(relaxed.stderr, /^warning: test\/fixtures\/deployment.yaml: Deployment\/profile: metadata.name: no autoscaling\/v2 HorizontalPodAutoscaler targets Deployment "profile" \(an error with --prod\)$/m);
    assertFails(runValidator(deployment, file, '--prod'), [
      noPdb,
      `${deployment}: Deployment/profile: metadata.name: no autoscaling/v2 HorizontalPodAutoscaler targets Deployment "profile" (--prod)`,
    ]);
  });
});

test('NetworkPolicy: an empty rule in any policy selecting the pods opens them (policies add up)', () => {
  const file = fixture('bad-open-networkpolicy.yaml');
  assertFails(runValidator(support, fixture('deployment.yaml'), file), [
    `${file}: NetworkPolicy/allow-all: spec.ingress[0]: empty ingress rule admits any source on any port of Deployment "profile"`,
    `${file}: NetworkPolicy/allow-all: spec.egress[0]: empty egress rule lets Deployment "profile" reach any address on any port`,
  ]);
});

test('NetworkPolicy: rules must name ports; ingress to a service must name its sources; egress may omit to', () => {
  const file = fixture('bad-networkpolicy-rules.yaml');
  const at = `${file}: NetworkPolicy/profile-extra`;
  assertFails(runValidator(support, fixture('deployment.yaml'), file), [
    `${at}: spec.ingress[0].from: ingress rule must name its sources in from (it admits anyone to Deployment "profile")`,
    `${at}: spec.ingress[1].ports: ingress rule must name its ports (it opens every port of Deployment "profile")`,
    `${at}: spec.egress[0].ports: egress rule must name its ports (it lets Deployment "profile" reach every port)`,
    `${at}: spec.egress[1].ports: egress rule must name its ports (it lets Deployment "profile" reach every port)`,
  ]);
});

test('NetworkPolicy: the gateway (known by its labels) may be reached from anywhere, except with --prod', () => {
  const set = [support, fixture('deployment.yaml'), fixture('gateway.yaml')];
  const relaxed = runValidator(...set);
  assert.equal(relaxed.status, 0, relaxed.stderr);
  assertFails(runValidator(...set, '--prod'), [
    `${fixture('gateway.yaml')}: NetworkPolicy/gateway: spec.ingress[0].from: ingress rule must name its sources in from (it admits anyone to Deployment "gateway") (--prod)`,
  ]);
  // Even the public door names its ports.
  withTempFile(`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: gateway-any-port}
spec:
  podSelector: {matchLabels: {app.kubernetes.io/name: gateway}}
  policyTypes: [Ingress]
  ingress:
    - from: [{ipBlock: {cidr: 0.0.0.0/0}}]
`, (file) => {
    assertFails(runValidator(...set, file), [
      `${file}: NetworkPolicy/gateway-any-port: spec.ingress[0].ports: ingress rule must name its ports (it opens every port of Deployment "gateway")`,
    ]);
  });
});

test('NetworkPolicy: the management port (health, metrics) is never open to anyone, not even on the gateway', () => {
  const set = [support, fixture('deployment.yaml'), fixture('gateway.yaml')];
  withTempFile(`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: scrape-from-anyone}
spec:
  podSelector: {matchExpressions: [{key: app.kubernetes.io/name, operator: In, values: [gateway, profile]}]}
  policyTypes: [Ingress]
  ingress:
    - ports: [{port: management, protocol: TCP}]
    - ports: [{port: 8000, endPort: 9100, protocol: TCP}]
    - ports: [{port: 9000, protocol: TCP}]
      from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}]
`, (file) => {
    const at = `${file}: NetworkPolicy/scrape-from-anyone`;
    const open = (i, who) => `${at}: spec.ingress[${i}].from: ingress rule must name its sources in from (it opens the management port 9000, health and metrics, of Deployment "${who}" to anyone)`;
    // Named, by number or inside a range: the same port. The named scraper (rule 2) is fine.
    assertFails(runValidator(...set, file), [open(0, 'profile'), open(1, 'profile'), open(0, 'gateway'), open(1, 'gateway')]);
  });
});

test('ServiceMonitor: an unknown endpoint field and a bad interval fail; it must select a Service with that port', () => {
  const file = fixture('bad-servicemonitor.yaml');
  assertFails(runValidator(support, fixture('deployment.yaml'), file), [
    `${file}: ServiceMonitor/profile: spec.endpoints[0].interval: must match pattern "^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$"`,
    `${file}: ServiceMonitor/profile: spec.endpoints[0].pth: unknown field "pth"`,
  ]);
  withTempFile(`
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: wrong-port}
spec:
  selector: {matchLabels: {app.kubernetes.io/name: profile}}
  endpoints: [{port: metrics, path: /q/metrics}]
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: nothing}
spec:
  selector: {matchLabels: {app.kubernetes.io/name: ghost}}
  endpoints: [{port: management, path: /q/metrics}]
`, (monitors) => {
    assertFails(runValidator(support, fixture('deployment.yaml'), monitors), [
      `${monitors}: ServiceMonitor/wrong-port: spec.endpoints[0].port: Service "profile" has no port named "metrics"`,
      `${monitors}: ServiceMonitor/nothing: spec.selector: selector {"matchLabels":{"app.kubernetes.io/name":"ghost"}} matches no Service's labels`,
    ]);
  });
});

test('NetworkPolicy: other workloads (Redis) may omit from, except with --prod', () => {
  withTempFile(`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: redis-from-anyone}
spec:
  podSelector: {matchLabels: {app.kubernetes.io/name: redis}}
  policyTypes: [Ingress]
  ingress:
    - ports: [{port: 6379, protocol: TCP}]
`, (file) => {
    const relaxed = runValidator(support, fixture('deployment.yaml'), file);
    assert.equal(relaxed.status, 0, relaxed.stderr);
    assertFails(runValidator(support, fixture('deployment.yaml'), file, '--prod'), [
      `${file}: NetworkPolicy/redis-from-anyone: spec.ingress[0].from: ingress rule must name its sources in from (it admits anyone to Deployment "redis") (--prod)`,
    ]);
  });
});

test('Serenade services are recognised by labels, not by image: probe paths checked wherever the image lives', () => {
  const badProbe = readFileSync(join(toolsDir, fixture('bad-wrong-probe-path.yaml')), 'utf8');
  const moved = badProbe.replace(/image: \S+/, 'image: registry.example.com/acme/profile:1.0.0');
  assert.notEqual(moved, badProbe);
  withTempFile(moved, (file) => {
    assertFails(runValidator(support, file), [
      `${file}: Deployment/profile: spec.template.spec.containers[0].startupProbe.httpGet.path: container "profile" startupProbe must be an httpGet on /q/health/started (Quarkus SmallRye Health), got "/q/health/live"`,
    ]);
  });
  // An optional dependency is part of the release but not a Quarkus service (support.yaml's redis
  // probes over TCP and passes); the same labels on profile switch its probe-path check off.
  const optional = badProbe.replace('app.kubernetes.io/part-of: serenade', 'app.kubernetes.io/part-of: serenade, serenade.io/optional-dependency: "true"');
  assert.notEqual(optional, badProbe);
  withTempFile(optional, (file) => assert.equal(runValidator(support, file).status, 0, runValidator(support, file).stderr));
});

test('a Secret a rendered KafkaUser stands for is not warned about, but its key must be one Strimzi writes', () => {
  const deployment = readFileSync(join(toolsDir, fixture('deployment.yaml')), 'utf8');
  const user = `
---
apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaUser
metadata: {name: profile-kafka, labels: {strimzi.io/cluster: events}}
spec:
  authentication: {type: scram-sha-512}
`;
  const withKey = (key) => deployment.replace('{secretKeyRef: {name: profile-db-app, key: password}}',
    `{secretKeyRef: {name: profile-kafka, key: ${key}}}`) + user;
  assert.notEqual(withKey('x'), deployment + user);
  withTempFile(withKey('sasl.jaas.config'), (file) => {
    const result = runValidator(support, file);
    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /profile-kafka/);
  });
  withTempFile(withKey('jaas'), (file) => {
    assertFails(runValidator(support, file), [
      `${file}: Deployment/profile: spec.template.spec.containers[0].env[1].valueFrom.secretKeyRef: Secret "profile-kafka" is written by the Strimzi user operator for KafkaUser "profile-kafka" and has no key "jaas" (it has password, sasl.jaas.config)`,
    ]);
  });
});

test('a Service whose selector matches no workload fails', () => {
  withTempFile(`
apiVersion: v1
kind: Service
metadata: {name: ghost}
spec:
  selector: {app.kubernetes.io/name: ghost}
  ports: [{port: 80}]
`, (file) => {
    const result = runValidator(support, fixture('deployment.yaml'), file);
    assertFails(result, [`${file}: Service/ghost: spec.selector: selector {"app.kubernetes.io/name":"ghost"} matches no Deployment/StatefulSet pod template`]);
  });
});

test('maps, int-or-string and free-form fields stay lenient; YAML 1.1 booleans are not strings', () => {
  withTempFile(`
apiVersion: v1
kind: ConfigMap
metadata:
  name: c
  labels: {any.label/key: v}
  annotations: {anything: goes}
data: {ENABLED: yes}
`, (file) => {
    // ConfigMap data values must be strings; Kubernetes reads an unquoted yes as a boolean.
    assertFails(runValidator(file), [`${file}: ConfigMap/c: data.ENABLED: must be string`]);
  });
  withTempFile(`
apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaTopic
metadata: {name: t, labels: {strimzi.io/cluster: events}}
spec:
  partitions: 1
  replicas: 1
  config: {any.topic.setting: 42, another: "x"}
`, (file) => assert.equal(runValidator(file).status, 0));
  // The realm is a preserved (free-form) RealmRepresentation: undeclared realm fields are fine.
  withTempFile(`
apiVersion: k8s.keycloak.org/v2alpha1
kind: KeycloakRealmImport
metadata: {name: r}
spec:
  keycloakCRName: keycloak
  realm: {realm: serenade, bruteForceProtected: true, defaultRole: {name: user}}
`, (file) => assert.equal(runValidator(file).status, 0, runValidator(file).stderr));
});

test('bad usage and unreadable input are reported', () => {
  assert.equal(runValidator().status, 2);
  const result = runValidator('test/fixtures/does-not-exist.yaml');
  assert.equal(result.status, 1);
  assert.match(result.stderr, /does-not-exist.yaml: cannot read/);
});

test('selectorMatches follows label selector semantics', () => {
  const labels = { app: 'a', tier: 'web' };
  assert.ok(selectorMatches({}, labels));
  assert.ok(selectorMatches({ matchLabels: { app: 'a' } }, labels));
  assert.ok(!selectorMatches({ matchLabels: { app: 'a', extra: 'x' } }, labels));
  assert.ok(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'api'] }] }, labels));
  assert.ok(!selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['web'] }] }, labels));
  assert.ok(!selectorMatches({ matchExpressions: [{ key: 'zone', operator: 'Exists' }] }, labels));
  assert.ok(!selectorMatches(undefined, labels));
});

test('isSerenadeWorkload: Deployments/StatefulSets labelled part-of serenade, except optional dependencies', () => {
  const workload = (kind, labels) => ({ kind, spec: { template: { metadata: { labels } } } });
  assert.ok(isSerenadeWorkload(workload('Deployment', { 'app.kubernetes.io/part-of': 'serenade' })));
  assert.ok(isSerenadeWorkload(workload('StatefulSet', { 'app.kubernetes.io/part-of': 'serenade' })));
  assert.ok(!isSerenadeWorkload(workload('Deployment', { 'app.kubernetes.io/part-of': 'serenade', 'serenade.io/optional-dependency': 'true' })));
  assert.ok(!isSerenadeWorkload(workload('Deployment', { 'app.kubernetes.io/part-of': 'other' })));
  assert.ok(!isSerenadeWorkload(workload('Job', { 'app.kubernetes.io/part-of': 'serenade' })));
});

test('hasPinnedTag accepts tags and digests, rejects latest and untagged images', () => {
  assert.ok(hasPinnedTag('ghcr.io/x/serenade/profile:1.2.3'));
  assert.ok(hasPinnedTag('redis@sha256:abcdef'));
  assert.ok(!hasPinnedTag('redis'));
  assert.ok(!hasPinnedTag('redis:latest'));
  assert.ok(!hasPinnedTag('registry.local:5000/serenade/profile')); // a port is not a tag
});

test('makeStrict closes objects with properties, leaves maps and preserved fields open', () => {
  const strict = makeStrict({
    type: 'object',
    properties: {
      closed: { type: 'object', properties: { a: { type: 'string' } } },
      map: { type: 'object', additionalProperties: { type: 'string' } },
      free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { b: {} } },
    },
  });
  assert.equal(strict.additionalProperties, false);
  assert.equal(strict.properties.closed.additionalProperties, false);
  assert.deepEqual(strict.properties.map.additionalProperties, { type: 'string' });
  assert.equal(strict.properties.free.additionalProperties, undefined);
});

test('trackUnknownFields reports keys a validator never read', () => {
  const data = { known: { deep: 1, typo: 2 }, map: { x: 1 }, free: { y: 1 }, stray: true };
  const unknown = trackUnknownFields(data, (d) => {
    void d.known.deep; // an object schema reads its declared properties
    for (const k in d.map) void d.map[k]; // a map schema iterates its keys
    void d.free; // a free-form object is never looked into
  });
  assert.deepEqual(unknown, [{ path: ['known'], key: 'typo' }, { path: [], key: 'stray' }]);
});
