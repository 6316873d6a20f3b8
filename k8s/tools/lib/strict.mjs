// Makes schema validation strict about unknown fields, the way kubeconform's -strict does.
//
// kubernetes-models ships its JSON schemas only as precompiled Ajv validators, so we cannot
// add `additionalProperties: false` to them. Instead we hand the validator a proxy of the object
// and record which keys it looks up. A compiled validator reads every property its schema
// declares (`data.foo === undefined ? ... : validate(data.foo)`), and reads every key of a map
// (additionalProperties schema) while iterating it. So for an object the validator touched, an
// own key it never read is not declared anywhere in the schema: an unknown field. An object it
// never touched at all has a schema without `properties` (free-form, e.g.
// x-kubernetes-preserve-unknown-fields) and is left alone, like kubeconform does.

/**
 * Runs `validateFn(proxiedData)` and returns the unknown fields it found as
 * [{ path: ['spec', 'template', ...], key }].
 */
export function trackUnknownFields(data, validateFn) {
  const touched = new WeakMap(); // target object -> Set of keys the validator read
  const proxies = new WeakMap(); // target object -> its proxy (so identity stays stable)

  const wrap = (value) => {
    if (value === null || typeof value !== 'object') return value;
    if (proxies.has(value)) return proxies.get(value);
    touched.set(value, new Set());
    const proxy = new Proxy(value, {
      get(target, key, receiver) {
        if (typeof key === 'string') touched.get(target).add(key);
        return wrap(Reflect.get(target, key, receiver));
      },
      has(target, key) {
        if (typeof key === 'string') touched.get(target).add(key);
        return Reflect.has(target, key);
      },
      getOwnPropertyDescriptor(target, key) {
        if (typeof key === 'string') touched.get(target).add(key);
        return Reflect.getOwnPropertyDescriptor(target, key);
      },
    });
    proxies.set(value, proxy);
    return proxy;
  };

  validateFn(wrap(data));

  const unknown = [];
  const walk = (value, path) => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...path, i]));
      return;
    }
    const seen = touched.get(value);
    // Never looked at: either a free-form object or one below a type error; not our call.
    if (!seen || seen.size === 0) return;
    for (const key of Object.keys(value)) {
      if (!seen.has(key)) unknown.push({ path, key });
      else walk(value[key], [...path, key]);
    }
  };
  walk(data, []);
  return unknown;
}

/**
 * Returns a copy of a plain (OpenAPI v3 / CRD) JSON schema where every object schema that
 * declares `properties` but no `additionalProperties` forbids unknown keys — exactly the
 * rewrite kubeconform's openapi2jsonschema applies for -strict. Schemas that preserve unknown
 * fields keep doing so.
 */
export function makeStrict(schema) {
  if (Array.isArray(schema)) return schema.map(makeStrict);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    // `properties` and the like are maps of name -> schema: recurse into their values only.
    if (key === 'properties' || key === 'patternProperties' || key === 'definitions' || key === '$defs') {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, makeStrict(v)]));
    } else {
      out[key] = makeStrict(value);
    }
  }
  if (out.properties && out.additionalProperties === undefined &&
      out['x-kubernetes-preserve-unknown-fields'] !== true) {
    out.additionalProperties = false;
  }
  return out;
}
