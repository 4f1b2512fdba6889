import { describe, expect, it } from 'vitest';
import { redactLocation, redactProject } from '../../../sync/codebuild/redact.js';

describe('CodeBuild source and variable redaction', () => {
  it('replaces a user name and password, or a token alone, in a source URL', () => {
    expect(redactLocation('https://me:p%40ss@bitbucket.org/w/r.git')).toEqual({ location: 'https://***@bitbucket.org/w/r.git', credentials: true });
    expect(redactLocation('https://ghp_token@github.com/o/r.git')).toEqual({ location: 'https://***@github.com/o/r.git', credentials: true });
  });

  it('leaves locations without user information as they are', () => {
    expect(redactLocation('https://github.com/o/r.git')).toEqual({ location: 'https://github.com/o/r.git', credentials: false });
    expect(redactLocation('my-bucket/source.zip')).toEqual({ location: 'my-bucket/source.zip', credentials: false });
    // An scp-style git URL names the SSH user, not a credential.
    expect(redactLocation('git@github.com:o/r.git')).toEqual({ location: 'git@github.com:o/r.git', credentials: false });
    expect(redactLocation(undefined)).toEqual({ location: null, credentials: false });
  });

  it('removes plain-text variable values and secondary source credentials from the stored project', () => {
    const p = redactProject({
      name: 'p',
      secondarySources: [{ type: 'GITHUB', sourceIdentifier: 'tools', location: 'https://x:y@github.com/o/t.git' }],
      environment: {
        type: 'LINUX_CONTAINER', image: 'i', computeType: 'BUILD_GENERAL1_SMALL',
        environmentVariables: [{ name: 'A', value: 'secret-a' }, { name: 'B', value: 'secret-b', type: 'PLAINTEXT' }, { name: 'C', value: 'arn:secret', type: 'SECRETS_MANAGER' }],
      },
    });
    expect(p.secondarySources![0]!.location).toBe('https://***@github.com/o/t.git');
    expect(p.environment!.environmentVariables!.map((v) => v.value)).toEqual(['[not stored]', '[not stored]', 'arn:secret']);
  });
});
