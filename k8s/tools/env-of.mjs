#!/usr/bin/env node
// Prints the environment a rendered Deployment's first container would get in Kubernetes, as KEY=VALUE
// lines: envFrom ConfigMaps and plain or ConfigMap-referenced env from the same rendering, Secrets from
// the command line. k8s/tests/chart-env.sh starts services with exactly this and nothing else, to prove
// the chart gives each service all it needs.
//
// Usage: node env-of.mjs <rendered.yaml> <deployment-name> [--secret name/key=value]...

import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

function fail(message) {
  console.error(`env-of: ${message}`);
  process.exit(1);
}

const [file, deploymentName, ...rest] = process.argv.slice(2);
if (!file || !deploymentName) fail('usage: env-of.mjs <rendered.yaml> <deployment-name> [--secret name/key=value]...');

const secrets = new Map();
for (let i = 0; i < rest.length; i += 2) {
  if (rest[i] !== '--secret' || !rest[i + 1]?.includes('=')) fail(`bad argument "${rest[i]}"`);
  const [ref, ...value] = rest[i + 1].split('=');
  secrets.set(ref, value.join('='));
}

const objects = parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS()).filter(Boolean);
const find = (kind, name) => objects.find((o) => o.kind === kind && o.metadata?.name === name);
const deployment = find('Deployment', deploymentName) ?? fail(`no Deployment "${deploymentName}" in ${file}`);
const container = deployment.spec.template.spec.containers[0];

const configMapData = (name) => (find('ConfigMap', name) ?? fail(`ConfigMap "${name}" is not rendered`)).data ?? {};
const secretValue = ({ name, key }) => secrets.get(`${name}/${key}`) ?? fail(`no value given for Secret ${name}/${key}`);

// Kubernetes order: envFrom first, then env, a later entry replacing an earlier one of the same name.
const env = new Map();
for (const source of container.envFrom ?? []) {
  if (source.configMapRef) Object.entries(configMapData(source.configMapRef.name)).forEach(([k, v]) => env.set(k, v));
  if (source.secretRef) fail(`envFrom Secret "${source.secretRef.name}" cannot be resolved here`);
}
for (const { name, value, valueFrom } of container.env ?? []) {
  if (valueFrom?.secretKeyRef) env.set(name, secretValue(valueFrom.secretKeyRef));
  else if (valueFrom?.configMapKeyRef) env.set(name, configMapData(valueFrom.configMapKeyRef.name)[valueFrom.configMapKeyRef.key]);
  else if (valueFrom) fail(`env ${name}: only secretKeyRef and configMapKeyRef are resolved here`);
  else env.set(name, value ?? '');
}
for (const [name, value] of env) {
  if (String(value).includes('\n')) fail(`env ${name} holds a newline`);
  console.log(`${name}=${value}`);
}
