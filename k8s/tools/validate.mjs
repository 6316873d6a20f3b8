#!/usr/bin/env node
// Validates rendered Kubernetes manifests offline: strict schema validation plus Serenade's policy checks.
//
// Usage: node validate.mjs <file.yaml>... [--prod]     ("-" reads standard input)
// Exit status 0 when everything passes, 1 on any error, 2 on bad usage.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { lookup, validateObjectMeta } from './lib/registry.mjs';
import { trackUnknownFields } from './lib/strict.mjs';
import { checkPolicy } from './lib/policy.mjs';

/** ['spec', 'containers', 0, 'image'] -> spec.containers[0].image (keys with dots or slashes quoted). */
export function formatPath(segments) {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number' || /^\d+$/.test(segment)) out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out || '(root)';
}

// Ajv reports JSON pointers (/spec/containers/0); turn them into the segment list above.
const pointerToSegments = (pointer) => pointer.split('/').slice(1)
  .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

function describeAjvError(err) {
  switch (err.keyword) {
    case 'additionalProperties':
      return { extra: err.params.additionalProperty, message: `unknown field "${err.params.additionalProperty}"` };
    case 'enum':
      return { message: `${err.message}: ${err.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}` };
    case 'required':
      return { extra: err.params.missingProperty, message: `missing required field "${err.params.missingProperty}"` };
    default:
      return { message: err.message };
  }
}

/** Runs one schema validator strictly; returns [{ path, message }]. */
function schemaErrors(validate, data, prefix = [], trackUnknown = true) {
  const out = [];
  let ajvErrors = [];
  const unknown = trackUnknown
    ? trackUnknownFields(data, (proxy) => { ajvErrors = validate(proxy); })
    : (ajvErrors = validate(data), []);
  const seen = new Set();
  for (const err of ajvErrors) {
    // anyOf/oneOf (int-or-string) emit one error per branch plus a summary; keep them, deduplicated.
    const { extra, message } = describeAjvError(err);
    const segments = [...prefix, ...pointerToSegments(err.instancePath)];
    if (extra !== undefined) segments.push(extra);
    const line = `${formatPath(segments)}: ${message}`;
    if (!seen.has(line)) { seen.add(line); out.push({ path: formatPath(segments), message }); }
  }
  for (const { path, key } of unknown) {
    const at = formatPath([...prefix, ...path, key]);
    if (!seen.has(`${at}: unknown field "${key}"`)) {
      seen.add(`${at}: unknown field "${key}"`);
      out.push({ path: at, message: `unknown field "${key}"` });
    }
  }
  return out;
}

/** Reads multi-document YAML files into [{ obj, file }] plus parse errors. */
function loadObjects(files) {
  const objects = [];
  const errors = [];
  for (const file of files) {
    let text;
    try {
      text = readFileSync(file === '-' ? 0 : file, 'utf8');
    } catch (err) {
      errors.push(`${file}: cannot read: ${err.message}`);
      continue;
    }
    // YAML 1.1 because that is what Kubernetes (sigs.k8s.io/yaml) speaks: `yes` is a boolean there.
    const docs = parseAllDocuments(text, { version: '1.1', uniqueKeys: true });
    for (const doc of Array.isArray(docs) ? docs : [docs]) {
      if (doc.errors.length > 0) {
        for (const e of doc.errors) errors.push(`${file}: YAML: ${e.message.split('\n')[0]}`);
        continue;
      }
      const value = doc.toJS({ maxAliasCount: 100 });
      if (value === null || value === undefined) continue; // empty document (e.g. a disabled template)
      const items = value.kind === 'List' && Array.isArray(value.items) ? value.items : [value];
      for (const obj of items) objects.push({ obj, file });
    }
  }
  return { objects, errors };
}

const label = (obj) => `${obj?.kind ?? '<no kind>'}/${obj?.metadata?.name ?? '<no name>'}`;

/** Validates files; returns { errors: [string], warnings: [string], summary: string }. */
export function validateFiles(files, { prod = false } = {}) {
  const { objects, errors } = loadObjects(files);
  const warnings = [];

  for (const { obj, file } of objects) {
    const prefix = `${file}: ${label(obj)}`;
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
      errors.push(`${file}: document is not an object`);
      continue;
    }
    const entry = lookup(obj.apiVersion, obj.kind);
    if (!entry) {
      errors.push(`${prefix}: (root): unknown apiVersion/kind "${obj.apiVersion}" "${obj.kind}" (no schema; not deployable as far as this validator knows)`);
      continue;
    }
    for (const e of schemaErrors(entry.validate, obj, [], entry.trackUnknown)) errors.push(`${prefix}: ${e.path}: ${e.message}`);
    if (entry.crd && obj.metadata && typeof obj.metadata === 'object') {
      for (const e of schemaErrors(validateObjectMeta, obj.metadata, ['metadata'])) errors.push(`${prefix}: ${e.path}: ${e.message}`);
    }
    if (!obj.metadata?.name) errors.push(`${prefix}: metadata.name: missing`);
  }

  const seenNames = new Map();
  for (const { obj, file } of objects) {
    const key = `${obj.apiVersion}/${obj.kind}/${obj.metadata?.namespace ?? ''}/${obj.metadata?.name}`;
    if (seenNames.has(key)) errors.push(`${file}: ${label(obj)}: metadata.name: duplicate object (also in ${seenNames.get(key)})`);
    else seenNames.set(key, file);
  }

  const policy = checkPolicy(objects, { prod });
  for (const e of policy.errors) errors.push(`${e.file}: ${label(e.obj)}: ${e.path}: ${e.message}`);
  // One line per distinct shared warning (a Secret is referenced by many containers); others, like errors.
  const grouped = new Map();
  for (const w of policy.warnings) {
    if (!w.shared) {
      warnings.push(`${w.file}: ${label(w.obj)}: ${w.path}: ${w.message}`);
      continue;
    }
    const key = `${w.file}: ${w.message}`;
    if (!grouped.has(key)) grouped.set(key, new Set());
    grouped.get(key).add(label(w.obj));
  }
  for (const [key, users] of grouped) warnings.push(`${key} (used by ${[...users].join(', ')})`);

  const counts = new Map();
  for (const { obj } of objects) counts.set(obj.kind, (counts.get(obj.kind) ?? 0) + 1);
  const kinds = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k}=${n}`).join(', ');
  const summary = `${objects.length} objects${prod ? ' (--prod)' : ''}: ${kinds || 'none'}`;
  if (objects.length === 0 && errors.length === 0) errors.push(`${files.join(', ')}: no Kubernetes objects found`);
  return { errors, warnings, summary };
}

function main(argv) {
  const prod = argv.includes('--prod');
  const files = argv.filter((a) => a !== '--prod');
  if (files.length === 0 || files.some((f) => f.startsWith('--'))) {
    console.error('usage: validate.mjs <file.yaml>... [--prod]');
    return 2;
  }
  const { errors, warnings, summary } = validateFiles(files, { prod });
  for (const w of warnings) console.error(`warning: ${w}`);
  if (errors.length > 0) {
    for (const e of errors) console.error(e);
    console.error(`INVALID: ${errors.length} error(s) in ${summary}`);
    return 1;
  }
  console.log(`OK: ${summary}`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(process.argv.slice(2));
}
