import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WorkerSetSpec } from '../../actions/src/adapters/deployer.js';
import { isOurs, LocalDeployer } from '../../actions/src/adapters/local-deployer.js';
import { ExternalError, InputError } from '../../actions/src/core/errors.js';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';

// Stand-in entry points: the real worker needs a Temporal server, and these cases are about the processes.
const READY = `import { createServer } from 'node:http';
createServer((req, res) => { res.statusCode = req.url === '/ready' ? 200 : 404; res.end(JSON.stringify(process.env.BUILD_ID)); })
  .listen(Number(process.env.HEALTH_PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));`;
const CRASH = `console.error('bad config: ORDER_TASK_QUEUE=' + process.env.ORDER_TASK_QUEUE); process.exit(2);`;
const NEVER_READY = `setInterval(() => {}, 1000);`;

describe('local deployer processes', () => {
  let dir: TempDir;
  let deployer: LocalDeployer;
  const entry = (name: string) => join(dir.path, name);
  const spec = (version: string, image: string): WorkerSetSpec => ({
    app: 'order-worker',
    track: 'stable',
    release: { version, buildId: version.slice(1), image, orderQueue: 'q-v1', paymentQueue: 'p-v1' },
    temporal: { address: '127.0.0.1:7233', namespace: 'default' },
    replicas: 2,
  });

  beforeAll(async () => {
    dir = await tempDir('local-deployer');
    await writeFile(entry('ready.mjs'), READY);
    await writeFile(entry('crash.mjs'), CRASH);
    await writeFile(entry('never.mjs'), NEVER_READY);
    deployer = new LocalDeployer({
      dir: join(dir.path, '.rollout'),
      readyTimeoutMs: 3_000,
      stopGraceMs: 1_000,
    });
  });
  afterAll(async () => {
    await deployer?.removeAll();
    await dir?.remove();
  });

  it('starts detached workers with the chart env, finds them again from the pid file, and a re-apply is a no-op', async () => {
    // What a runner gives a step: every input, secrets too, and the job's token. A worker outlives the step.
    vi.stubEnv('INPUT_GITHUB-TOKEN', 'ghs_input_token');
    vi.stubEnv('INPUT_TEMPORAL-API-KEY', 'input-api-key');
    vi.stubEnv('GITHUB_TOKEN', 'ghs_job_token');
    vi.stubEnv('ACTIONS_RUNTIME_TOKEN', 'runtime-token');
    const first = await deployer
      .apply(spec('v1.0.0', `file:${entry('ready.mjs')}`))
      .finally(() => vi.unstubAllEnvs());
    expect(first.changed).toBe(true);
    const workers = await deployer.workers('stable');
    expect(workers).toHaveLength(2);
    expect(workers.every(isOurs)).toBe(true);
    const environ = await readFile(`/proc/${workers[0]?.pid}/environ`, 'latin1');
    expect(environ.split('\0')).toEqual(
      expect.arrayContaining([
        'ORDER_TASK_QUEUE=q-v1',
        'PAYMENT_TASK_QUEUE=p-v1',
        'BUILD_ID=1.0.0',
        'LISTEN_HOST=127.0.0.1',
      ]),
    );
    // Issue 16 item 13: none of the step's inputs or tokens reach a worker.
    expect(environ).not.toMatch(/INPUT_|ghs_|input-api-key|runtime-token|GITHUB_TOKEN/);
    expect(environ.split('\0')).toContain(`PATH=${process.env.PATH}`);
    // Another process (a later CLI call) sees the same workers through the files alone.
    const later = new LocalDeployer({ dir: join(dir.path, '.rollout') });
    const described = await later.describe('stable');
    expect(described?.detail).toMatch(/^2\/2 worker process\(es\) alive/);
    expect(described?.queues).toEqual({ order: 'q-v1', payment: 'p-v1' });
    expect((await later.apply(spec('v1.0.0', `file:${entry('ready.mjs')}`))).changed).toBe(false);
  });

  it('a release whose workers crash or never get ready leaves the running release untouched', async () => {
    const before = await deployer.workers('stable');
    const crash = await deployer.apply(spec('v2.0.0', `file:${entry('crash.mjs')}`)).catch((e: unknown) => e);
    expect(crash).toBeInstanceOf(ExternalError);
    expect(String(crash)).toMatch(/worker exited before it was ready:\nbad config: ORDER_TASK_QUEUE=q-v1/);
    const never = await deployer.apply(spec('v2.0.0', `file:${entry('never.mjs')}`)).catch((e: unknown) => e);
    expect(String(never)).toMatch(/worker was not ready in time/);
    expect(await deployer.workers('stable')).toEqual(before);
    expect(before.every(isOurs)).toBe(true);
    expect((await deployer.describe('stable'))?.version).toBe('v1.0.0');
    await expect(deployer.apply(spec('v2.0.0', `file:${entry('missing.mjs')}`))).rejects.toThrow(InputError);
  });

  it('replaces a release new-before-old, and remove stops every process', async () => {
    const old = await deployer.workers('stable');
    const result = await deployer.apply(spec('v1.1.0', `file:${entry('ready.mjs')}`));
    expect(result.detail).toMatch(/replacing v1.0.0/);
    expect(old.some(isOurs)).toBe(false);
    const current = await deployer.workers('stable');
    expect(current.every(isOurs)).toBe(true);
    expect((await deployer.remove('stable')).changed).toBe(true);
    expect(current.some(isOurs)).toBe(false);
    expect((await deployer.remove('stable')).changed).toBe(false);
  });

  it('a worker a killed apply listed by its id only (killed right after spawn()) is found and stopped by the next remove', async () => {
    // What an apply SIGKILLed between spawn() and writing the pid leaves: the id listed, a process running.
    const id = randomUUID();
    const orphan = spawn(process.execPath, [entry('ready.mjs')], {
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, ROLLOUT_WORKER_ID: id, HEALTH_PORT: '0' },
    });
    orphan.unref();
    const worker = { pid: orphan.pid ?? 0, id };
    await vi.waitFor(() => expect(isOurs(worker)).toBe(true), { timeout: 10_000 });
    await writeFile(join(deployer.dir, 'workers', 'canary.starting.json'), `${JSON.stringify([{ id }])}\n`);
    expect(await deployer.remove('canary')).toEqual({ changed: false, detail: 'no canary workers' });
    expect(isOurs(worker)).toBe(false);
  });

  it('writes the routing file in the starter format, once', async () => {
    const table = {
      routes: [
        { taskQueue: 'q-v1', weight: 90 },
        { taskQueue: 'q-v2', weight: 10 },
      ],
    };
    expect((await deployer.writeRouting(table)).changed).toBe(true);
    expect(JSON.parse(await readFile(deployer.routingFile, 'utf8'))).toEqual(table);
    expect((await deployer.writeRouting(table)).changed).toBe(false);
  });
});
