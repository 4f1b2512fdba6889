/**
 * `terraform show -json` output, typed by the narrow subset Calabi reads. Everything else in the file is ignored
 * (Terraform adds keys with every release), and secrets are scrubbed before anything else sees the document.
 */
export interface TfPlanDocument {
  format_version: string;
  terraform_version?: string;
  /** Plans only; states carry `values`. */
  resource_changes?: TfResourceChange[];
  values?: { root_module?: TfModuleValues };
  prior_state?: { values?: { root_module?: TfModuleValues } };
  configuration?: { provider_config?: Record<string, TfProviderConfig>; root_module?: TfConfigModule };
  /** false when the plan was made with -target (part of the configuration only). */
  complete?: boolean;
}

export interface TfResourceChange {
  address: string;
  module_address?: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: string | number;
  change: { actions: string[]; before?: unknown; after?: unknown; after_unknown?: unknown; after_sensitive?: unknown; before_sensitive?: unknown };
}

export interface TfModuleValues {
  address?: string;
  resources?: Array<{ address: string; mode: 'managed' | 'data'; type: string; name: string; index?: string | number; values?: unknown; sensitive_values?: unknown }>;
  child_modules?: TfModuleValues[];
}

export interface TfProviderConfig {
  name?: string;
  module_address?: string;
  expressions?: Record<string, { constant_value?: unknown; references?: string[] }>;
}

export interface TfConfigResource {
  address: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  expressions?: Record<string, unknown>;
}

export interface TfConfigModule {
  resources?: TfConfigResource[];
  module_calls?: Record<string, { source?: string; module?: TfConfigModule }>;
}
