// Serenade's deployment policy: security, probes, resources, network isolation and openness,
// autoscaling, disruption budgets and reference integrity, checked across all objects of one
// rendered release.
//
// Serenade's own services are recognised by their pod labels (part-of: serenade, not an optional
// dependency), never by image name: operators move images to their own registries, and a check
// keyed on the image would silently switch off.

const OPTIONAL_DEPENDENCY_LABEL = 'serenade.io/optional-dependency';
const PART_OF_LABEL = 'app.kubernetes.io/part-of';
const NAME_LABEL = 'app.kubernetes.io/name';
const SERENADE_PROBE_PATHS = {
  livenessProbe: '/q/health/live',
  readinessProbe: '/q/health/ready',
  startupProbe: '/q/health/started',
};
// Quarkus' management interface: health and metrics on their own port, never on the API port.
export const MANAGEMENT_PORT_NAME = 'management';

/** The container port named "management" ({ name, containerPort }), or undefined. */
const managementPortOf = (container) =>
  (container?.ports ?? []).find((p) => p?.name === MANAGEMENT_PORT_NAME);

/** True when a probe's or policy's port (a number or a container port name) is the management port. */
const isManagementPort = (port, management) => management !== undefined &&
  (port === MANAGEMENT_PORT_NAME || port === management.containerPort);

/** The keys of the Secret the Strimzi user operator writes for a KafkaUser, by its authentication type. */
const KAFKA_USER_SECRET_KEYS = {
  'scram-sha-512': ['password', 'sasl.jaas.config'],
  tls: ['ca.crt', 'user.crt', 'user.key', 'user.p12', 'user.password'],
};

/** Where each workload kind keeps its pod template, for the kinds that have one. */
function podTemplateOf(obj) {
  switch (obj.kind) {
    case 'Deployment': case 'StatefulSet': case 'DaemonSet': case 'ReplicaSet': case 'Job':
      return obj.spec?.template;
    case 'CronJob':
      return obj.spec?.jobTemplate?.spec?.template;
    case 'Pod':
      return { metadata: obj.metadata, spec: obj.spec };
    default:
      return undefined;
  }
}

/** Label selector semantics (matchLabels and matchExpressions); an empty selector selects everything. */
export function selectorMatches(selector, labels = {}) {
  if (!selector) return false;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[key] !== value) return false;
  }
  for (const expr of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, expr.key);
    const values = expr.values ?? [];
    if (expr.operator === 'In' && !(has && values.includes(labels[expr.key]))) return false;
    if (expr.operator === 'NotIn' && has && values.includes(labels[expr.key])) return false;
    if (expr.operator === 'Exists' && !has) return false;
    if (expr.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

// Rendered charts often leave namespace unset (helm template without --namespace); an unset
// namespace is then "the release namespace" and matches any other.
const sameNamespace = (a, b) => !a.metadata?.namespace || !b.metadata?.namespace ||
  a.metadata.namespace === b.metadata.namespace;

/** A Deployment/StatefulSet running one of Serenade's own services (not Redis or another optional dependency). */
export function isSerenadeWorkload(obj) {
  if (obj?.kind !== 'Deployment' && obj?.kind !== 'StatefulSet') return false;
  const labels = obj.spec?.template?.metadata?.labels ?? {};
  return labels[PART_OF_LABEL] === 'serenade' && labels[OPTIONAL_DEPENDENCY_LABEL] !== 'true';
}

/** The gateway is Serenade's public door: the one service that may be reached from outside. */
const isGateway = (obj) => isSerenadeWorkload(obj) && obj.spec.template.metadata.labels[NAME_LABEL] === 'gateway';

const isOptionalDependency = (obj) =>
  obj.metadata?.labels?.[OPTIONAL_DEPENDENCY_LABEL] === 'true' ||
  podTemplateOf(obj)?.metadata?.labels?.[OPTIONAL_DEPENDENCY_LABEL] === 'true';

/** True when the image reference names a tag other than `latest`, or a digest. */
export function hasPinnedTag(image) {
  if (image.includes('@sha256:')) return true;
  const lastSegment = image.slice(image.lastIndexOf('/') + 1); // a registry port is not a tag
  const colon = lastSegment.lastIndexOf(':');
  if (colon < 0) return false;
  const tag = lastSegment.slice(colon + 1);
  return tag !== '' && tag !== 'latest';
}

function checkContainers(podSpec, base, report, { serenade }) {
  const podSecurity = podSpec.securityContext ?? {};
  if (podSecurity.seccompProfile?.type !== 'RuntimeDefault') {
    report(`${base}.securityContext.seccompProfile.type`, 'pod seccompProfile must be RuntimeDefault');
  }
  for (const flag of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (podSpec[flag]) report(`${base}.${flag}`, `${flag} is not allowed`);
  }
  (podSpec.volumes ?? []).forEach((volume, i) => {
    if (volume.hostPath) report(`${base}.volumes[${i}].hostPath`, `hostPath volume "${volume.name}" is not allowed`);
  });

  const groups = [['containers', podSpec.containers ?? []], ['initContainers', podSpec.initContainers ?? []]];
  for (const [field, containers] of groups) {
    containers.forEach((container, i) => {
      const at = `${base}.${field}[${i}]`;
      const name = `container "${container.name}"`;
      // Probes are only allowed on regular containers, so init containers are exempt. Serenade's
      // services are Quarkus apps, so their probes must hit SmallRye Health's endpoints.
      // They are served on the management port (Quarkus' management interface), which only probes
      // and scrapers reach; the API port does not serve them.
      if (field === 'containers') {
        const management = managementPortOf(container);
        if (serenade && !management) {
          report(`${at}.ports`, `${name} declares no container port named "${MANAGEMENT_PORT_NAME}" (Quarkus management interface: health and metrics)`);
        }
        for (const [probe, expectedPath] of Object.entries(SERENADE_PROBE_PATHS)) {
          if (!container[probe]) {
            report(`${at}.${probe}`, `${name} has no ${probe}`);
          } else if (serenade && container[probe].httpGet?.path !== expectedPath) {
            report(`${at}.${probe}.httpGet.path`, `${name} ${probe} must be an httpGet on ${expectedPath} (Quarkus SmallRye Health), got ${JSON.stringify(container[probe].httpGet?.path ?? null)}`);
          } else if (serenade && management && !isManagementPort(container[probe].httpGet.port, management)) {
            report(`${at}.${probe}.httpGet.port`, `${name} ${probe} must target the "${MANAGEMENT_PORT_NAME}" port (${management.containerPort}, Quarkus management interface), got ${JSON.stringify(container[probe].httpGet.port ?? null)}`);
          }
        }
      }
      for (const bound of ['requests', 'limits']) {
        for (const resource of ['cpu', 'memory']) {
          if (container.resources?.[bound]?.[resource] === undefined) {
            report(`${at}.resources.${bound}.${resource}`, `${name} has no resources.${bound}.${resource}`);
          }
        }
      }
      const sc = container.securityContext ?? {};
      const runAsNonRoot = sc.runAsNonRoot ?? podSecurity.runAsNonRoot;
      if (runAsNonRoot !== true) report(`${at}.securityContext.runAsNonRoot`, `${name} must run with runAsNonRoot: true (pod or container level)`);
      if (sc.readOnlyRootFilesystem !== true) report(`${at}.securityContext.readOnlyRootFilesystem`, `${name} must set readOnlyRootFilesystem: true`);
      if (sc.allowPrivilegeEscalation !== false) report(`${at}.securityContext.allowPrivilegeEscalation`, `${name} must set allowPrivilegeEscalation: false`);
      if (!(sc.capabilities?.drop ?? []).includes('ALL')) report(`${at}.securityContext.capabilities.drop`, `${name} must drop ALL capabilities`);
      if (sc.privileged === true) report(`${at}.securityContext.privileged`, `${name} must not be privileged`);
      if (sc.seccompProfile && sc.seccompProfile.type !== 'RuntimeDefault') {
        report(`${at}.securityContext.seccompProfile.type`, `${name} overrides seccompProfile to ${sc.seccompProfile.type}`);
      }
    });
  }
}

/** Every ConfigMap/Secret an env var, envFrom or volume refers to. */
function referencesOf(podSpec, base) {
  const refs = [];
  const containers = [
    ...(podSpec.containers ?? []).map((c, i) => [c, `${base}.containers[${i}]`]),
    ...(podSpec.initContainers ?? []).map((c, i) => [c, `${base}.initContainers[${i}]`]),
  ];
  for (const [container, at] of containers) {
    (container.env ?? []).forEach((env, j) => {
      const cm = env.valueFrom?.configMapKeyRef;
      const secret = env.valueFrom?.secretKeyRef;
      if (cm) refs.push({ type: 'ConfigMap', name: cm.name, key: cm.key, optional: cm.optional, path: `${at}.env[${j}].valueFrom.configMapKeyRef` });
      if (secret) refs.push({ type: 'Secret', name: secret.name, key: secret.key, optional: secret.optional, path: `${at}.env[${j}].valueFrom.secretKeyRef` });
    });
    (container.envFrom ?? []).forEach((source, j) => {
      if (source.configMapRef) refs.push({ type: 'ConfigMap', name: source.configMapRef.name, optional: source.configMapRef.optional, path: `${at}.envFrom[${j}].configMapRef` });
      if (source.secretRef) refs.push({ type: 'Secret', name: source.secretRef.name, optional: source.secretRef.optional, path: `${at}.envFrom[${j}].secretRef` });
    });
  }
  (podSpec.volumes ?? []).forEach((volume, i) => {
    if (volume.configMap) refs.push({ type: 'ConfigMap', name: volume.configMap.name, optional: volume.configMap.optional, path: `${base}.volumes[${i}].configMap` });
    if (volume.secret) refs.push({ type: 'Secret', name: volume.secret.secretName, optional: volume.secret.optional, path: `${base}.volumes[${i}].secret` });
  });
  return refs;
}

const isEmpty = (list) => !Array.isArray(list) || list.length === 0;
// A rule without ports, or a port entry without a number, opens every port (of that protocol).
const namesPorts = (rule) => !isEmpty(rule.ports) && rule.ports.every((p) => p?.port !== undefined);

/**
 * NetworkPolicy rules that open a workload's pods wider than Serenade allows. Policies are additive,
 * so every policy selecting the pods counts: one open rule opens the pod whatever the others say.
 * Rules are checked even when policyTypes leaves their direction out (and Kubernetes ignores them):
 * they would open the pod as soon as someone adds the type.
 *
 *  - no rule may be empty ({} allows everything), and every rule must name its ports;
 *  - ingress must name its sources (a non-empty `from`) for Serenade's internal services; the
 *    gateway may omit it (it is the public door), other workloads too, except with --prod where
 *    every ingress rule must name its sources (production lets only the ingress controller in);
 *  - an ingress rule that reaches a Serenade service's management port (health and metrics) must
 *    name its sources, on the gateway too and without --prod: scrapers are named, never "anyone";
 *  - egress may omit `to`: "this port to any address" is the chart's default for external
 *    dependencies, whose addresses it cannot know.
 *
 * Returns [{ np: { obj, file }, path, message }].
 */
function openRules(workload, selectingPolicies, { prod }) {
  const out = [];
  const who = `${workload.kind} "${workload.metadata?.name}"`;
  const fromRequiredAlways = isSerenadeWorkload(workload) && !isGateway(workload);
  const management = isSerenadeWorkload(workload)
    ? (podTemplateOf(workload)?.spec?.containers ?? []).map(managementPortOf).find(Boolean)
    : undefined;
  // A port entry reaches the management port by name, by number, or by a range (endPort) around it.
  const reachesManagement = (rule) => management !== undefined && (rule.ports ?? []).some((p) =>
    isManagementPort(p?.port, management) ||
    (typeof p?.port === 'number' && typeof p?.endPort === 'number' &&
      p.port <= management.containerPort && management.containerPort <= p.endPort));
  for (const np of selectingPolicies) {
    const report = (path, message) => out.push({ np, path, message });
    (np.obj.spec?.ingress ?? []).forEach((rule, i) => {
      const at = `spec.ingress[${i}]`;
      if (isEmpty(rule?.ports) && isEmpty(rule?.from)) {
        report(at, `empty ingress rule admits any source on any port of ${who}`);
        return;
      }
      if (!namesPorts(rule)) report(`${at}.ports`, `ingress rule must name its ports (it opens every port of ${who})`);
      if (isEmpty(rule.from) && reachesManagement(rule)) {
        report(`${at}.from`, `ingress rule must name its sources in from (it opens the ${MANAGEMENT_PORT_NAME} port ${management.containerPort}, health and metrics, of ${who} to anyone)`);
      } else if (isEmpty(rule.from) && (fromRequiredAlways || prod)) {
        report(`${at}.from`, `ingress rule must name its sources in from (it admits anyone to ${who})${fromRequiredAlways ? '' : ' (--prod)'}`);
      }
    });
    (np.obj.spec?.egress ?? []).forEach((rule, i) => {
      const at = `spec.egress[${i}]`;
      if (isEmpty(rule?.ports) && isEmpty(rule?.to)) {
        report(at, `empty egress rule lets ${who} reach any address on any port`);
      } else if (!namesPorts(rule)) {
        report(`${at}.ports`, `egress rule must name its ports (it lets ${who} reach every port)`);
      }
    });
  }
  return out;
}

/**
 * Checks the whole set. `objects` are { obj, file } entries; returns { errors, warnings } where each
 * entry is { file, obj, path, message }; `shared` marks a warning about something many objects
 * refer to (a Secret), which the caller reports once.
 */
export function checkPolicy(objects, { prod = false } = {}) {
  const errors = [];
  const warnings = [];
  const ofKind = (kind) => objects.filter(({ obj }) => obj.kind === kind);
  const networkPolicies = ofKind('NetworkPolicy');
  const hpas = ofKind('HorizontalPodAutoscaler').map((e) => e.obj);
  const pdbs = ofKind('PodDisruptionBudget').map((e) => e.obj);
  const workloads = objects.filter(({ obj }) => obj.kind === 'Deployment' || obj.kind === 'StatefulSet');
  const renderedByKindAndName = new Map(objects.map(({ obj }) => [`${obj.kind}/${obj.metadata?.name}`, obj]));
  const kafkaUsers = new Map(objects.filter(({ obj }) => obj.kind === 'KafkaUser' && obj.apiVersion?.startsWith('kafka.strimzi.io/'))
    .map(({ obj }) => [obj.metadata?.name, obj]));

  for (const { obj, file } of objects) {
    const report = (path, message) => errors.push({ file, obj, path, message });
    const template = podTemplateOf(obj);
    const podSpec = template?.spec;
    if (!podSpec) continue;
    const base = obj.kind === 'Pod' ? 'spec' : obj.kind === 'CronJob' ? 'spec.jobTemplate.spec.template.spec' : 'spec.template.spec';
    const podLabels = template.metadata?.labels ?? {};

    if (obj.kind === 'Deployment' || obj.kind === 'StatefulSet') {
      checkContainers(podSpec, base, report, { serenade: isSerenadeWorkload(obj) });

      const selecting = networkPolicies.filter((np) => sameNamespace(np.obj, obj) &&
        selectorMatches(np.obj.spec?.podSelector, podLabels));
      const isolated = selecting.some(({ obj: np }) =>
        (np.spec?.policyTypes ?? []).includes('Ingress') && (np.spec?.policyTypes ?? []).includes('Egress'));
      if (!isolated) report('spec.template.metadata.labels', `no NetworkPolicy with policyTypes [Ingress, Egress] selects the pods of ${obj.kind} "${obj.metadata?.name}"`);
      for (const { np, path, message } of openRules(obj, selecting, { prod })) {
        errors.push({ file: np.file, obj: np.obj, path, message });
      }

      // Every Deployment but an optional dependency (Redis) scales and survives node drains, not only
      // those recognised as Serenade's: a label slip must not switch these checks off.
      if (obj.kind === 'Deployment' && !isOptionalDependency(obj)) {
        const scaled = hpas.some((hpa) => sameNamespace(hpa, obj) && hpa.apiVersion === 'autoscaling/v2' &&
          hpa.spec?.scaleTargetRef?.kind === 'Deployment' && hpa.spec?.scaleTargetRef?.name === obj.metadata?.name);
        // Operators may turn autoscaling off (the Deployment then has explicit replicas); production may not.
        if (!scaled && prod) report('metadata.name', `no autoscaling/v2 HorizontalPodAutoscaler targets Deployment "${obj.metadata?.name}" (--prod)`);
        if (!scaled && !prod) warnings.push({ file, obj, path: 'metadata.name', message: `no autoscaling/v2 HorizontalPodAutoscaler targets Deployment "${obj.metadata?.name}" (an error with --prod)` });
        const budgeted = pdbs.some((pdb) => sameNamespace(pdb, obj) && selectorMatches(pdb.spec?.selector, podLabels));
        if (!budgeted) report('spec.template.metadata.labels', `no PodDisruptionBudget selects the pods of Deployment "${obj.metadata?.name}"`);
      }
    }

    for (const ref of referencesOf(podSpec, base)) {
      const target = renderedByKindAndName.get(`${ref.type}/${ref.name}`);
      if (ref.type === 'ConfigMap' && !target && ref.optional !== true) {
        report(ref.path, `ConfigMap "${ref.name}" is not part of the rendered output`);
      } else if (ref.type === 'ConfigMap' && target && ref.key !== undefined &&
                 !Object.hasOwn(target.data ?? {}, ref.key) && !Object.hasOwn(target.binaryData ?? {}, ref.key) && ref.optional !== true) {
        report(ref.path, `ConfigMap "${ref.name}" has no key "${ref.key}"`);
      } else if (ref.type === 'Secret' && !target && kafkaUsers.has(ref.name)) {
        // The Strimzi user operator writes a Secret named after each KafkaUser, with keys by its authentication.
        const keys = KAFKA_USER_SECRET_KEYS[kafkaUsers.get(ref.name).spec?.authentication?.type] ?? [];
        if (ref.key !== undefined && !keys.includes(ref.key)) {
          report(ref.path, `Secret "${ref.name}" is written by the Strimzi user operator for KafkaUser "${ref.name}" and has no key "${ref.key}" (it has ${keys.join(', ') || 'no keys'})`);
        }
      } else if (ref.type === 'Secret' && !target) {
        // Secrets usually come from outside the chart (External Secrets, sealed secrets, an operator).
        warnings.push({ file, obj, path: ref.path, message: `Secret "${ref.name}" is not rendered here; it must exist in the cluster`, shared: true });
      }
    }

    if (prod) {
      for (const field of ['containers', 'initContainers']) {
        (podSpec[field] ?? []).forEach((container, i) => {
          if (typeof container.image !== 'string' || !hasPinnedTag(container.image)) {
            report(`${base}.${field}[${i}].image`, `image "${container.image}" must have an explicit tag other than latest, or a digest (--prod)`);
          }
        });
      }
    }
  }

  for (const { obj, file } of ofKind('Service')) {
    const selector = obj.spec?.selector;
    if (!selector || Object.keys(selector).length === 0) continue; // headless/external services select nothing on purpose
    const matched = workloads.some(({ obj: w }) => sameNamespace(w, obj) && selectorMatches({ matchLabels: selector }, podTemplateOf(w)?.metadata?.labels));
    if (!matched) errors.push({ file, obj, path: 'spec.selector', message: `selector ${JSON.stringify(selector)} matches no Deployment/StatefulSet pod template` });
  }

  // A ServiceMonitor scrapes Services of its own namespace (unless namespaceSelector says otherwise,
  // which this rendering cannot resolve) through a named Service port: both must exist, or Prometheus
  // silently scrapes nothing.
  const services = ofKind('Service');
  for (const { obj, file } of ofKind('ServiceMonitor')) {
    if (obj.spec?.namespaceSelector && Object.keys(obj.spec.namespaceSelector).length > 0) continue;
    const matched = services.filter(({ obj: svc }) => sameNamespace(svc, obj) &&
      selectorMatches(obj.spec?.selector, svc.metadata?.labels ?? {}));
    if (matched.length === 0) {
      errors.push({ file, obj, path: 'spec.selector', message: `selector ${JSON.stringify(obj.spec?.selector ?? null)} matches no Service's labels` });
      continue;
    }
    (obj.spec?.endpoints ?? []).forEach((endpoint, i) => {
      if (endpoint?.port === undefined) return;
      for (const { obj: svc } of matched) {
        if (!(svc.spec?.ports ?? []).some((p) => p?.name === endpoint.port)) {
          errors.push({ file, obj, path: `spec.endpoints[${i}].port`, message: `Service "${svc.metadata?.name}" has no port named "${endpoint.port}"` });
        }
      }
    });
  }

  return { errors, warnings };
}
