import { beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
const tdArn = (family: string) => `arn:aws:ecs:us-east-1:111111111111:task-definition/${family}:3`;
/** One task definition (revision 3) and its containers. */
async function taskDefinition(family: string, def: Row, containers: Row[]): Promise<void> {
  await seed(db, 'aws_ecs_task_definitions', [{ arn: tdArn(family), family, revision: 3, status: 'ACTIVE', ...def }]);
  await seed(db, 'aws_ecs_container_definitions', containers.map((c) => ({ task_definition_arn: tdArn(family), family, environment_names: [], ...c })));
}
const reasons = async (id: string) => (await checkFindings(db, id)).map((r) => [r.resource_id, r.reason]);

describe('ecs_task_definition_host_network_user', () => {
  const id = 'ecs_task_definition_host_network_user';
  it('fails host-mode task definitions with a non-privileged container running as root, by name or uid 0', async () => {
    await taskDefinition('unset', { network_mode: 'host' }, [{ name: 'app' }]);
    await taskDefinition('root', { network_mode: 'host' }, [{ name: 'a', user: 'root', privileged: false }, { name: 'b', user: '0:0' }, { name: 'c', user: 'app' }]);
    await taskDefinition('bridge-root', { network_mode: 'bridge' }, [{ name: 'app', user: 'root' }]);
    expect(await reasons(id)).toEqual([
      [tdArn('root'), 'ECS task definition root:3 uses host network mode and runs container(s) a, b as root without privileged set'],
      [tdArn('unset'), 'ECS task definition unset:3 uses host network mode and runs container(s) app as root without privileged set'],
    ]);
  });
  it('passes host-mode containers with a non-root user or privileged set by choice', async () => {
    await taskDefinition('ok', { network_mode: 'host' }, [{ name: 'a', user: '1000' }, { name: 'b', user: 'nginx:nginx' }, { name: 'c', privileged: true }]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('ecs_service_no_public_ip', () => {
  const id = 'ecs_service_no_public_ip';
  const svc = (name: string, assign: string | null) => ({ arn: `arn:aws:ecs:us-east-1:111111111111:service/prod/${name}`, name, assign_public_ip: assign });
  it('fails services that assign public IPs', async () => {
    await seed(db, 'aws_ecs_services', [svc('public', 'ENABLED'), svc('private', 'DISABLED'), svc('bridge', null)]);
    expect(await reasons(id)).toEqual([[svc('public', null).arn, 'ECS service public assigns public IP addresses to its tasks']]);
  });
  it('passes services without public IPs', async () => {
    await seed(db, 'aws_ecs_services', [svc('private', 'DISABLED')]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('ecs_task_definition_pid_mode_not_host', () => {
  const id = 'ecs_task_definition_pid_mode_not_host';
  it("fails task definitions sharing the host's process namespace", async () => {
    await taskDefinition('shared', { pid_mode: 'host' }, [{ name: 'a' }]);
    await taskDefinition('own', { pid_mode: 'task' }, [{ name: 'a' }]);
    expect(await reasons(id)).toEqual([[tdArn('shared'), "ECS task definition shared:3 shares the host's process namespace (pidMode host)"]]);
  });
  it('passes task definitions with their own or the default process namespace', async () => {
    await taskDefinition('own', { pid_mode: 'task' }, [{ name: 'a' }]);
    await taskDefinition('default', {}, [{ name: 'a' }]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('ecs_task_definition_no_privileged_containers', () => {
  const id = 'ecs_task_definition_no_privileged_containers';
  it('fails task definitions with a privileged container', async () => {
    await taskDefinition('priv', {}, [{ name: 'a', privileged: true }, { name: 'b', privileged: false }]);
    expect(await reasons(id)).toEqual([[tdArn('priv'), 'ECS task definition priv:3 runs privileged container(s) a']]);
  });
  it('passes containers with privileged false or unset', async () => {
    await taskDefinition('ok', {}, [{ name: 'a', privileged: false }, { name: 'b' }]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('ecs_task_definition_readonly_root_filesystem', () => {
  const id = 'ecs_task_definition_readonly_root_filesystem';
  it('fails containers whose root filesystem is writable, set or by default', async () => {
    await taskDefinition('rw', {}, [{ name: 'a', readonly_root_filesystem: false }, { name: 'b' }, { name: 'c', readonly_root_filesystem: true }]);
    expect(await reasons(id)).toEqual([[tdArn('rw'), 'ECS task definition rw:3 has container(s) with a writable root filesystem: a, b']]);
  });
  it('passes read-only root filesystems', async () => {
    await taskDefinition('ro', {}, [{ name: 'a', readonly_root_filesystem: true }]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('ecs_task_definition_no_credentials_in_environment', () => {
  const id = 'ecs_task_definition_no_credentials_in_environment';
  it('fails plain variables named as the AWS keys or the ECS registry auth data', async () => {
    await taskDefinition('keys', {}, [{ name: 'a', environment_names: ['STAGE', 'AWS_SECRET_ACCESS_KEY', 'AWS_ACCESS_KEY_ID'] }, { name: 'b', environment_names: ['ECS_ENGINE_AUTH_DATA'] }]);
    expect(await reasons(id)).toEqual([
      [tdArn('keys'), 'ECS task definition keys:3 passes credentials as plain environment variables: a (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY), b (ECS_ENGINE_AUTH_DATA)'],
    ]);
  });
  it('passes other names, other spellings and variables injected from secrets', async () => {
    await taskDefinition('ok', {}, [
      { name: 'a', environment_names: ['DB_PASSWORD', 'aws_secret_access_key', 'AWS_REGION'], secret_names: ['AWS_SECRET_ACCESS_KEY'] },
    ]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('ecs_task_definition_logging_configured', () => {
  const id = 'ecs_task_definition_logging_configured';
  it('fails task definitions with a container without a log driver', async () => {
    await taskDefinition('partly', {}, [{ name: 'a', log_driver: 'awslogs' }, { name: 'b' }]);
    expect(await reasons(id)).toEqual([[tdArn('partly'), 'ECS task definition partly:3 has container(s) without a logging configuration: b']]);
  });
  it('passes containers that all log', async () => {
    await taskDefinition('ok', {}, [{ name: 'a', log_driver: 'awslogs' }, { name: 'b', log_driver: 'awsfirelens' }]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('ecs_cluster_container_insights_enabled', () => {
  const id = 'ecs_cluster_container_insights_enabled';
  const cluster = (name: string, insights: string | null) => ({ arn: `arn:aws:ecs:us-east-1:111111111111:cluster/${name}`, name, container_insights: insights });
  it('fails clusters with Container Insights disabled or not reported', async () => {
    await seed(db, 'aws_ecs_clusters', [cluster('off', 'disabled'), cluster('unknown', null), cluster('on', 'enabled')]);
    expect(await reasons(id)).toEqual([
      [cluster('off', null).arn, 'ECS cluster off has Container Insights disabled'],
      [cluster('unknown', null).arn, 'The Container Insights setting of ECS cluster unknown was not reported'],
    ]);
  });
  it('passes clusters with Container Insights enabled or enhanced', async () => {
    await seed(db, 'aws_ecs_clusters', [cluster('on', 'enabled'), cluster('more', 'enhanced')]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('ecs_service_fargate_latest_platform', () => {
  const id = 'ecs_service_fargate_latest_platform';
  // Judged against schema/calendars/fargate-platform-versions.json: LINUX 1.4.0, WINDOWS 1.0.0, copied on
  // 2026-12-01 and trusted for 365 days.
  const service = (name: string, extra: Row): Row => ({
    arn: `arn:aws:ecs:us-east-1:111111111111:service/prod/${name}`, name, cluster_arn: 'arn:aws:ecs:us-east-1:111111111111:cluster/prod',
    launch_type: 'FARGATE', capacity_providers: [], synced_at: new Date('2026-12-01T12:00:00Z'), ...extra,
  });
  const byName = async () => (await checkFindings(db, id)).map((r) => [r.service_name, r.reason]);
  it('fails Fargate services pinned to an older version of their family, by launch type or capacity provider', async () => {
    await seed(db, 'aws_ecs_services', [
      service('a-old', { platform_version: '1.3.0' }),
      service('b-spot', { launch_type: null, capacity_providers: ['FARGATE_SPOT'], platform_version: '1.3.0' }),
      service('c-win', { platform_version: '1.4.0', platform_family: 'WINDOWS_SERVER_2019_CORE' }),
      service('d-unknown', { platform_version: null }),
    ]);
    expect(await byName()).toEqual([
      ['a-old', 'Fargate service a-old asks for platform version 1.3.0, not LATEST nor the latest LINUX version 1.4.0'],
      ['b-spot', 'Fargate service b-spot asks for platform version 1.3.0, not LATEST nor the latest LINUX version 1.4.0'],
      ['c-win', 'Fargate service c-win asks for platform version 1.4.0, not LATEST nor the latest WINDOWS version 1.0.0'],
      ['d-unknown', 'The Fargate platform version of ECS service d-unknown was not reported'],
    ]);
  });
  it('fails a pinned latest version once the copy is older than a year, but never LATEST', async () => {
    const late = new Date('2027-12-02T12:00:00Z');
    await seed(db, 'aws_ecs_services', [service('a-pinned', { platform_version: '1.4.0', synced_at: late }), service('b-latest', { platform_version: 'LATEST', synced_at: late })]);
    expect(await byName()).toEqual([
      ['a-pinned', "Fargate service a-pinned pins platform version 1.4.0, the latest LINUX version by Calabi's copy of AWS's list, but that copy (copied on 2026-12-01) is too old to vouch for it on 2027-12-02; update Calabi or ask for LATEST"],
    ]);
  });
  it('passes LATEST, the latest version of each family, and leaves non-Fargate services out', async () => {
    await seed(db, 'aws_ecs_services', [
      service('a', { platform_version: 'LATEST' }),
      service('b', { platform_version: '1.4.0', platform_family: 'LINUX' }),
      service('c', { platform_version: '1.0.0', platform_family: 'WINDOWS_SERVER_2022_FULL' }),
      service('ec2', { launch_type: 'EC2', platform_version: null }),
      service('asg', { launch_type: null, capacity_providers: ['my-asg-provider'], platform_version: null }),
    ]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
