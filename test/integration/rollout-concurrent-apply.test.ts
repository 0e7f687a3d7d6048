// Two applies of the local deployer on one track at once — an activity attempt that timed out on its heartbeat
// still running while Temporal's retry runs, in the same process or in another sharing the state dir. The later
// apply wins; the earlier one stops the workers it started and gives way; afterwards exactly one set of worker
// processes runs (checked in /proc), on the later version, the one the track file records.
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerSetSpec } from '../../actions/src/adapters/deployer.js';
import { isOurs, LocalDeployer } from '../../actions/src/adapters/local-deployer.js';
import { SupersededError } from '../../actions/src/adapters/track-lock.js';
import { eventually } from '../../scripts/local-platform/eventually.js';
import { type ManagedProcess, startProcess } from '../../scripts/local-platform/process.js';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { deployerProcesses } from '../support/deployer-processes.js';

// Stand-in worker entries: these cases are about the processes, not what a worker does with Temporal.
const READY = `import { createServer } from 'node:http';
createServer((req, res) => { res.statusCode = req.url === '/ready' ? 200 : 404; res.end(); })
  .listen(Number(process.env.HEALTH_PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));`;
// Ready only after 3 s, as a worker connecting to Temporal is: the window in which a second apply arrives.
const SLOW_READY = `import { createServer } from 'node:http';
const since = Date.now();
createServer((req, res) => { res.statusCode = req.url === '/ready' && Date.now() - since > 3000 ? 200 : 503; res.end(); })
  .listen(Number(process.env.HEALTH_PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));`;

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Exit code of an apply process that gave way to a later one. */
const GAVE_WAY = 3;
// One apply in a process of its own, as a second controller worker runs a retried activity.
const APPLY_SCRIPT = `import { LocalDeployer } from ${JSON.stringify(join(REPO_ROOT, 'actions/src/adapters/local-deployer.ts'))};
import { SupersededError } from ${JSON.stringify(join(REPO_ROOT, 'actions/src/adapters/track-lock.ts'))};
const spec = JSON.parse(process.argv[3]);
try {
  const result = await new LocalDeployer({ dir: process.argv[2], readyTimeoutMs: 30_000, stopGraceMs: 2_000 }).apply(spec);
  console.log(JSON.stringify(result));
} catch (err) {
  console.error(String(err));
  process.exit(err instanceof SupersededError ? ${GAVE_WAY} : 1);
}`;

interface WorkerProcess {
  pid: number;
  id: string;
  buildId: string;
}

/** Every process on this machine started by a local deployer for the Temporal namespace `namespace`. */
function workerProcesses(namespace: string): WorkerProcess[] {
  return deployerProcesses((env) => env('TEMPORAL_NAMESPACE') === namespace).map(({ pid, id, env }) => ({
    pid,
    id,
    buildId: env('BUILD_ID') ?? '',
  }));
}

describe('two local-deployer applies on one track at once', () => {
  let dir: TempDir;
  const namespaces: string[] = [];
  const deployers: LocalDeployer[] = [];
  const children: ManagedProcess[] = [];
  const entry = (name: string) => `file:${join(dir.path, name)}`;

  /** A state dir and a Temporal namespace (the mark of its workers in /proc) of the case's own. */
  function setting(name: string) {
    const namespace = `concurrent-${name}-${randomUUID().slice(0, 8)}`;
    namespaces.push(namespace);
    const stateDir = join(dir.path, name);
    const deployer = new LocalDeployer({ dir: stateDir, readyTimeoutMs: 30_000, stopGraceMs: 2_000 });
    deployers.push(deployer);
    const spec = (version: string, image: string): WorkerSetSpec => ({
      app: 'order-worker',
      track: 'canary',
      release: {
        version,
        buildId: version,
        image,
        orderQueue: `order-task-queue-v${version}`,
        paymentQueue: `payment-task-queue-v${version}`,
      },
      temporal: { address: '127.0.0.1:7233', namespace },
      replicas: 2,
    });
    return { namespace, stateDir, deployer, spec };
  }

  /** Runs one apply in a process of its own; resolves once it exited. */
  async function applyInProcess(stateDir: string, spec: WorkerSetSpec) {
    const child = await startProcess(
      `apply ${spec.release.version}`,
      process.execPath,
      ['--import', 'tsx', join(dir.path, 'apply.mts'), stateDir, JSON.stringify(spec)],
      { cwd: REPO_ROOT },
    );
    children.push(child);
    return child;
  }

  /** Waits until a worker of `buildId` runs: the apply that spawned it is under way. */
  const spawned = (namespace: string, buildId: string) =>
    eventually(
      async () => {
        const found = workerProcesses(namespace).filter((w) => w.buildId === buildId);
        return found.length > 0 ? found : undefined;
      },
      60_000,
      `a ${buildId} worker spawned`,
      20,
    );

  /**
   * Exactly the recorded set runs, all of `version`, `replicas` of them, and no starting or retiring list is
   * left: no worker process is orphaned.
   */
  async function onlyRecorded(namespace: string, deployer: LocalDeployer, version: string): Promise<void> {
    const recorded = await deployer.workers('canary');
    expect(recorded.length).toBe(2);
    expect(recorded.every(isOurs)).toBe(true);
    expect((await deployer.describe('canary'))?.version).toBe(version);
    const running = workerProcesses(namespace);
    expect(running.map((w) => w.pid)).toEqual(recorded.map((w) => w.pid).sort((a, b) => a - b));
    expect(running.map((w) => w.buildId)).toEqual([version, version]);
    const lists = readdirSync(join(deployer.dir, 'workers')).filter((f) =>
      /\.(starting|retiring)\.json$/.test(f),
    );
    expect(lists).toEqual([]);
  }

  beforeAll(async () => {
    dir = await tempDir('concurrent-apply');
    await writeFile(join(dir.path, 'ready.mjs'), READY);
    await writeFile(join(dir.path, 'slow-ready.mjs'), SLOW_READY);
    await writeFile(join(dir.path, 'apply.mts'), APPLY_SCRIPT);
  });
  afterAll(async () => {
    for (const child of children) await child.stop(2_000);
    for (const deployer of deployers) await deployer.removeAll().catch(() => {});
    // A process a deployer lost track of (the case that failed) is stopped too.
    for (const namespace of namespaces) {
      for (const { pid } of workerProcesses(namespace)) process.kill(pid, 'SIGKILL');
    }
    await dir?.remove();
  }, 120_000);

  it('in one process: the earlier apply stops the workers it started and gives way; the later one runs', async () => {
    const { namespace, deployer, spec } = setting('one-process');
    await deployer.apply(spec('1.0.0', entry('ready.mjs')));
    const replaced = workerProcesses(namespace);
    const earlier = deployer.apply(spec('2.0.0', entry('slow-ready.mjs')));
    // The earlier apply is waiting for its workers to get ready when the later one starts.
    const earlierWorkers = await spawned(namespace, '2.0.0');
    const later = deployer.apply(spec('3.0.0', entry('ready.mjs')));
    const [first, second] = await Promise.allSettled([earlier, later]);
    expect(first.status).toBe('rejected');
    const reason = first.status === 'rejected' ? first.reason : undefined;
    expect(reason).toBeInstanceOf(SupersededError);
    expect(String(reason)).toMatch(/canary apply of 2\.0\.0 gave way to a later change of the same track/);
    expect(second).toMatchObject({ status: 'fulfilled', value: { changed: true } });
    await onlyRecorded(namespace, deployer, '3.0.0');
    // Neither the earlier apply's workers nor the set both replaced outlive it.
    expect([...earlierWorkers, ...replaced].filter(isOurs)).toEqual([]);
  }, 120_000);

  it('in two processes sharing the state dir: the later one wins, the earlier stops its own workers', async () => {
    const { namespace, stateDir, deployer, spec } = setting('two-processes');
    const earlier = await applyInProcess(stateDir, spec('2.0.0', entry('slow-ready.mjs')));
    const earlierWorkers = await spawned(namespace, '2.0.0');
    const later = await applyInProcess(stateDir, spec('3.0.0', entry('ready.mjs')));
    expect(await earlier.exited, earlier.output()).toBe(GAVE_WAY);
    expect(earlier.output()).toMatch(/canary apply of 2\.0\.0 gave way to a later change/);
    expect(await later.exited, later.output()).toBe(0);
    expect(later.output()).toMatch(/"changed":true/);
    await onlyRecorded(namespace, deployer, '3.0.0');
    expect(earlierWorkers.filter(isOurs)).toEqual([]);
  }, 120_000);

  it("started at the same moment in two processes: one set runs, the winner's, and nothing is orphaned", async () => {
    const { namespace, stateDir, deployer, spec } = setting('same-moment');
    const specs = [spec('4.0.0', entry('slow-ready.mjs')), spec('5.0.0', entry('slow-ready.mjs'))];
    const applies = await Promise.all(specs.map((s) => applyInProcess(stateDir, s)));
    const codes = await Promise.all(applies.map((a) => a.exited));
    // Each either applied or gave way (not both gave way); who started later is up to the scheduler.
    expect(
      codes.every((code) => code === 0 || code === GAVE_WAY),
      applies.map((a) => a.output()).join('\n'),
    ).toBe(true);
    const applied = specs.filter((_, i) => codes[i] === 0).map((s) => s.release.version);
    expect(applied.length).toBeGreaterThan(0);
    const version = (await deployer.describe('canary'))?.version ?? '';
    expect(applied).toContain(version);
    await onlyRecorded(namespace, deployer, version);
    console.log(`[concurrent-apply] same moment: exit codes ${codes.join(', ')}; ${version} runs`);
  }, 120_000);
});
