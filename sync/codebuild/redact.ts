import type { Project, ProjectSource } from '@aws-sdk/client-codebuild';

const removed = '[not stored]';

/** A source location with any URL user information (user name, password, token) replaced by ***. */
export function redactLocation(location: string | undefined): { location: string | null; credentials: boolean } {
  if (location === undefined) return { location: null, credentials: false };
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    // Not a URL (an S3 bucket/key, an scp-style git@host:path): it carries no user information.
    return { location, credentials: false };
  }
  if (url.username === '' && url.password === '') return { location, credentials: false };
  // Rebuilt by hand: URL.toString() would re-encode the rest of the location.
  const at = location.indexOf('@', location.indexOf('//') + 2);
  return { location: `${location.slice(0, location.indexOf('//') + 2)}***${location.slice(at)}`, credentials: true };
}

const redactSource = (s: ProjectSource): ProjectSource => ({ ...s, location: redactLocation(s.location).location ?? undefined });

/**
 * A project fit for the database: PLAINTEXT environment variables are where secrets leak (FSBP CodeBuild.2), so
 * their values are replaced (names stay); PARAMETER_STORE and SECRETS_MANAGER values are references, kept. User
 * information in source URLs (CodeBuild.1) is replaced the same way.
 */
export function redactProject(p: Project): Project {
  return {
    ...p,
    source: p.source && redactSource(p.source),
    secondarySources: p.secondarySources?.map(redactSource),
    environment: p.environment && {
      ...p.environment,
      environmentVariables: p.environment.environmentVariables?.map((v) => (v.type === 'PLAINTEXT' || v.type === undefined ? { ...v, value: removed } : v)),
    },
  };
}
