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
      if (field === 'containers') {
        for (const [probe, expectedPath] of Object.entries(SERENADE_PROBE_PATHS)) {
          if (!container[probe]) {
            report(`${at}.${probe}`, `${name} has no ${probe}`);
          } else if (serenade && container[probe].httpGet?.path !== expectedPath) {
            report(`${at}.${probe}.httpGet.path`, `${name} ${probe} must be an httpGet on ${expectedPath} (Quarkus SmallRye Health), got ${JSON.stringify(container[probe].httpGet?.path ?? null)}`);
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
 *  - egress may omit `to`: "this port to any address" is the chart's default for external
 *    dependencies, whose addresses it cannot know.
 *
 * Returns [{ np: { obj, file }, path, message }].
 */
function openRules(workload, selectingPolicies, { prod }) {
  const out = [];
  const who = `${workload.kind} "${workload.metadata?.name}"`;
  const fromRequiredAlways = isSerenadeWorkload(workload) && !isGateway(workload);
  for (const np of selectingPolicies) {
    const report = (path, message) => out.push({ np, path, message });
    (np.obj.spec?.ingress ?? []).forEach((rule, i) => {
      const at = `spec.ingress[${i}]`;
      if (isEmpty(rule?.ports) && isEmpty(rule?.from)) {
        report(at, `empty ingress rule admits any source on any port of ${who}`);
        return;
      }
      if (!namesPorts(rule)) report(`${at}.ports`, `ingress rule must name its ports (it opens every port of ${who})`);
      if (isEmpty(rule.from) && (fromRequiredAlways || prod)) {
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

  return { errors, warnings };
}
