import type { TfConfigModule, TfModuleValues, TfPlanDocument, TfProviderConfig, TfResourceChange } from './plan-types.js';

/**
 * Secrets in a plan never leave the reader. Terraform writes sensitive values in clear in `values`, `after`,
 * `before`, `prior_state`, `variables` and `configuration … constant_value`, and `sensitive_values` /
 * `after_sensitive` is not a complete list (a provider marks what its schema says; a password passed through a
 * plain attribute is not marked). So the scrubbed document keeps only what Calabi reads, and inside resource
 * values replaces (1) everything marked sensitive and (2) every attribute whose name says it holds a secret.
 * `variables`, `output_changes`, `outputs` and every constant in `configuration` are dropped whole.
 */
export const REDACTED = '(sensitive: redacted by calabi)';

/**
 * Attribute names that hold a credential, whatever the provider marks (password, master_password, secret_key,
 * token …): the secret word ends the name, so minimum_password_length or password_reuse_prevention stay.
 */
const secretName = /(^|_)(password|passwd|passphrase|secret|secret_key|secret_string|secret_binary|token|private_key|private_key_pem|access_key|api_key|credentials?|auth|sensitive|key_material|wo)$/i;

/** A URL's user information (https://user:password@host): a credential whatever the attribute is called. */
const urlCredentials = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi;

export function isRedacted(value: unknown): boolean {
  return value === REDACTED;
}

export function isSecretName(key: string): boolean {
  return secretName.test(key);
}

export function scrubPlan(doc: TfPlanDocument): TfPlanDocument {
  const out: TfPlanDocument = { format_version: doc.format_version };
  if (typeof doc.terraform_version === 'string') out.terraform_version = doc.terraform_version;
  if (typeof doc.complete === 'boolean') out.complete = doc.complete;
  if (Array.isArray(doc.resource_changes)) out.resource_changes = doc.resource_changes.map(scrubChange);
  if (doc.values?.root_module) out.values = { root_module: scrubModule(doc.values.root_module) };
  if (doc.prior_state?.values?.root_module) out.prior_state = { values: { root_module: scrubModule(doc.prior_state.values.root_module) } };
  if (doc.configuration) {
    out.configuration = {};
    const providers = doc.configuration.provider_config;
    if (providers && typeof providers === 'object') {
      // Only the region of each provider: its other constants can be credentials (access_key, token …).
      out.configuration.provider_config = Object.fromEntries(
        Object.entries(providers).map(([k, p]) => {
          const region = p?.expressions?.region;
          const constant = typeof region?.constant_value === 'string' ? region.constant_value : undefined;
          const expressions: TfProviderConfig['expressions'] = region ? { region: { constant_value: constant, references: stringList(region.references) } } : {};
          return [k, { name: p?.name, module_address: p?.module_address, expressions } satisfies TfProviderConfig];
        }),
      );
    }
    if (doc.configuration.root_module) out.configuration.root_module = scrubConfigModule(doc.configuration.root_module);
  }
  return out;
}

function scrubChange(rc: TfResourceChange): TfResourceChange {
  const c = rc.change ?? { actions: [] };
  return {
    address: String(rc.address),
    module_address: rc.module_address,
    mode: rc.mode,
    type: String(rc.type),
    name: String(rc.name),
    index: rc.index,
    change: {
      actions: Array.isArray(c.actions) ? c.actions.map(String) : [],
      before: scrubValue(c.before, c.before_sensitive),
      after: scrubValue(c.after, c.after_sensitive),
      after_unknown: c.after_unknown,
      after_sensitive: c.after_sensitive,
    },
  };
}

function scrubModule(m: TfModuleValues): TfModuleValues {
  return {
    address: m.address,
    resources: (m.resources ?? []).map((r) => ({ address: r.address, mode: r.mode, type: r.type, name: r.name, index: r.index, values: scrubValue(r.values, r.sensitive_values), sensitive_values: r.sensitive_values })),
    child_modules: (m.child_modules ?? []).map(scrubModule),
  };
}

/** Keeps references only: constants in the configuration can be secrets. */
function scrubConfigModule(m: TfConfigModule): TfConfigModule {
  return {
    resources: (m.resources ?? []).map((r) => ({ address: r.address, mode: r.mode, type: r.type, name: r.name, expressions: referencesOnly(r.expressions) as Record<string, unknown> })),
    module_calls: Object.fromEntries(
      Object.entries(m.module_calls ?? {}).map(([k, call]) => [k, { source: typeof call?.source === 'string' ? call.source : undefined, module: call?.module ? scrubConfigModule(call.module) : undefined }]),
    ),
  };
}

function referencesOnly(expr: unknown): unknown {
  if (Array.isArray(expr)) return expr.map(referencesOnly);
  if (typeof expr !== 'object' || expr === null) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(expr)) {
    if (k === 'constant_value') continue;
    out[k] = k === 'references' ? stringList(v) : referencesOnly(v);
  }
  return out;
}

function stringList(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : undefined;
}

/**
 * A copy of a resource's values with every sensitive-marked value and every secret-named attribute replaced by
 * REDACTED. `mask` mirrors the value: `true` marks the value below it sensitive.
 */
export function scrubValue(value: unknown, mask: unknown, key = ''): unknown {
  if (value === null || value === undefined) return value;
  if (mask === true || (key && isSecretName(key))) return REDACTED;
  if (Array.isArray(value)) return value.map((v, i) => scrubValue(v, Array.isArray(mask) ? mask[i] : undefined));
  if (typeof value === 'object') {
    const m = typeof mask === 'object' && mask !== null && !Array.isArray(mask) ? (mask as Record<string, unknown>) : {};
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubValue(v, m[k], k)]));
  }
  if (typeof value === 'string') return value.replace(urlCredentials, '$1(credentials redacted)@');
  return value;
}
