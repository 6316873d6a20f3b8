// Maps apiVersion + kind to a schema validator: Kubernetes core from kubernetes-models, Strimzi
// (Kafka, KafkaNodePool, KafkaTopic, KafkaUser, ...), CloudNativePG and the Prometheus Operator
// (ServiceMonitor, ...) from their @kubernetes-models packages, Keycloak's realm import from the
// schema committed under ../schemas.

import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import * as k8s from 'kubernetes-models';
import * as strimzi from '@kubernetes-models/strimzi-kafka-operator';
import * as cnpg from '@kubernetes-models/cloudnative-pg';
import * as prometheusOperator from '@kubernetes-models/prometheus-operator';
import { ObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta';
import { makeStrict } from './strict.mjs';

/**
 * A validator takes the (possibly proxied) object and returns Ajv-style errors
 * ({ instancePath, keyword, params, message }), empty when valid.
 */
function modelValidator(ModelClass) {
  // Calling the prototype's validate with our own object as `this` runs the compiled schema
  // directly on it; `new ModelClass(obj)` would copy the top level and hide it from strict.mjs.
  return (data) => {
    try {
      ModelClass.prototype.validate.call(data);
      return [];
    } catch (err) {
      if (Array.isArray(err.errors)) return err.errors;
      throw err;
    }
  };
}

// Walks the nested `export * as group` namespaces of a models package and collects every
// class that carries static apiVersion/kind, i.e. every top-level resource type.
function collectModels(namespace, into, source) {
  for (const value of Object.values(namespace)) {
    if (typeof value === 'function' && value.apiVersion && value.kind) {
      // trackUnknown: compiled validators cannot be rewritten, so strict.mjs watches them instead.
      into.set(`${value.apiVersion}/${value.kind}`, {
        validate: modelValidator(value), source, crd: source !== 'kubernetes-models', trackUnknown: true,
      });
    } else if (value && typeof value === 'object' && value[Symbol.toStringTag] === 'Module') {
      collectModels(value, into, source);
    }
  }
}

function loadJsonSchemaValidator(file) {
  const schema = JSON.parse(readFileSync(new URL(`../schemas/${file}`, import.meta.url), 'utf8'));
  // strict:false because CRD schemas carry x-kubernetes-* keywords Ajv does not know.
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(makeStrict(schema));
  return (data) => (validate(data) ? [] : validate.errors);
}

const registry = new Map();
collectModels(k8s, registry, 'kubernetes-models');
collectModels(strimzi, registry, '@kubernetes-models/strimzi-kafka-operator');
collectModels(cnpg, registry, '@kubernetes-models/cloudnative-pg');
collectModels(prometheusOperator, registry, '@kubernetes-models/prometheus-operator');
registry.set('k8s.keycloak.org/v2alpha1/KeycloakRealmImport', {
  validate: loadJsonSchemaValidator('keycloakrealmimports.k8s.keycloak.org-v2alpha1.json'),
  source: 'schemas/keycloakrealmimports.k8s.keycloak.org-v2alpha1.json',
  crd: true,
  // Already strict through makeStrict, which (unlike key tracking) honours
  // x-kubernetes-preserve-unknown-fields on objects that also declare properties.
  trackUnknown: false,
});

/** Validator for `metadata`; CRD schemas declare it as a bare `type: object`. */
export const validateObjectMeta = modelValidator(ObjectMeta);

/** Returns { validate, source, crd, trackUnknown } or undefined when the apiVersion/kind is unknown. */
export function lookup(apiVersion, kind) {
  return registry.get(`${apiVersion}/${kind}`);
}
