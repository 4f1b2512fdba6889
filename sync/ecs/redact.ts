import type { TaskDefinition } from '@aws-sdk/client-ecs';

/** Log driver options that carry credentials (splunk-token, …): their values are replaced too. */
const credentialOption = /token|password|secret|key/i;
const removed = '[not stored]';

/**
 * A task definition fit for the database: plain environment variables are the very place secrets leak (FSBP
 * ECS.8), so their values are replaced; their names stay. Log driver options that look like credentials are
 * replaced the same way. References to Secrets Manager or Parameter Store (`secrets`) are ARNs, not secrets.
 */
export function redactTaskDefinition(d: TaskDefinition): TaskDefinition {
  return {
    ...d,
    containerDefinitions: d.containerDefinitions?.map((c) => ({
      ...c,
      environment: c.environment?.map((e) => ({ name: e.name, value: removed })),
      logConfiguration: c.logConfiguration && {
        ...c.logConfiguration,
        options: c.logConfiguration.options && Object.fromEntries(
          Object.entries(c.logConfiguration.options).map(([k, v]) => [k, credentialOption.test(k) ? removed : v]),
        ),
      },
    })),
  };
}
