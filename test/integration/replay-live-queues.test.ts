// The replay gate's live-run skip rule through the CLI, against the dev server: an open run of a workflow type the
// new code no longer exports fails the gate on a queue this worker serves, is skipped on another worker's queue,
// and fails closed when the gate was not told which queues are this worker's. The default live query reads only
// the served queues (TaskQueue = / STARTS_WITH on the dev server's SQL visibility).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplayReport } from '../../actions/src/core/replay/verdict.js';
import type { TempDir } from '../../scripts/local-platform/temp.js';
import { startTemporal, type TemporalDevServer } from '../../scripts/local-platform/temporal.js';
import { fixtureActivities } from '../fixtures/replay/activities.js';
import { bundleVariants } from '../fixtures/replay/bundles.js';
import { runBundledAction } from '../support/run-action.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** This worker's versioned queue (base order-task-queue) and another worker's. */
const SERVED = 'order-task-queue-v3';
const FOREIGN = 'rollout-control';

describe('replay CLI: live runs of a workflow type the new code no longer exports', () => {
  let server: TemporalDevServer;
  let scratch: TempDir;
  let bundles: Record<string, string> = {};
  let configPath = '';
  /** A workspace with no rollout.yaml (the SDK resolves from the repository's node_modules above it). */
  let workspace = '';

  function cli(args: string[]) {
    return execa(
      'node',
      ['--import', 'tsx', 'actions/src/entries/cli.ts', 'replay', '--address', server.address, ...args],
      { cwd: root, reject: false, timeout: 180_000 },
    );
  }

  /** Waits until the run has reached its approval wait (a timer), so its history is a real open one. */
  async function parked(workflowId: string): Promise<void> {
    const handle = server.env.client.workflow.getHandle(workflowId);
    for (let i = 0; i < 200; i++) {
      const history = await handle.fetchHistory();
      if (history.events?.some((e) => e.timerStartedEventAttributes)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${workflowId} never reached its approval wait`);
  }

  beforeAll(async () => {
    // Inside the repository (its tmp/ is git-ignored): --config is read relative to the workspace.
    await mkdir(join(root, 'tmp'), { recursive: true });
    const path = await mkdtemp(join(root, 'tmp', 'replay-queues-'));
    scratch = { path, remove: () => rm(path, { recursive: true, force: true }) };
    configPath = relative(root, join(path, 'rollout.yaml'));
    workspace = join(path, 'workspace');
    await mkdir(workspace);
    await writeFile(join(workspace, 'package.json'), '{ "name": "no-rollout-yaml", "private": true }\n');
    await writeFile(
      join(root, configPath),
      'app: order-worker\nimage: registry.example.com/acme/order-worker\ntaskQueues:\n  order: { base: order-task-queue }\n',
    );
    [server, bundles] = await Promise.all([startTemporal(), bundleVariants(path, ['base', 'renamed'])]);
    // One open fixtureOrder run on this worker's queue and one on another worker's, each parked at its approval.
    const workers = await Promise.all(
      [SERVED, FOREIGN].map((taskQueue) =>
        Worker.create({
          connection: server.env.nativeConnection,
          taskQueue,
          workflowBundle: { codePath: bundles.base as string },
          activities: fixtureActivities,
        }),
      ),
    );
    const [served, foreign] = workers as [Worker, Worker];
    await served.runUntil(
      foreign.runUntil(async () => {
        for (const [workflowId, taskQueue] of [
          ['legacy-1', SERVED],
          ['control-1', FOREIGN],
        ] as const)
          await server.env.client.workflow.start('fixtureOrder', {
            taskQueue,
            workflowId,
            args: [workflowId],
          });
        await Promise.all([parked('legacy-1'), parked('control-1')]);
      }),
    );
  }, 240_000);
  afterAll(async () => {
    await server?.teardown();
    await scratch?.remove();
  });

  const everyOpenRun = ['--query', 'ExecutionStatus="Running"'];
  /** The code under test (it exports fixtureOrderRenamed, no longer fixtureOrder), in the workspace without rollout.yaml. */
  const renamed = () => ['--workspace', workspace, '--bundle', bundles.renamed as string];

  /** Runs the CLI with --json, checks its exit code, returns the report it printed. */
  async function report(args: string[], exitCode: number): Promise<ReplayReport> {
    const run = await cli([...args, '--json']);
    expect(run.exitCode, run.stderr).toBe(exitCode);
    return JSON.parse(run.stdout) as ReplayReport;
  }

  it("fails the gate for the run on a queue this worker serves, and skips the other worker's run, saying why", async () => {
    const gate = await report([...everyOpenRun, '--task-queue', 'order-task-queue', ...renamed()], 1);
    expect(gate.passed).toBe(false);
    expect(gate.outcomes.map((o) => [o.source.replace(/\/.*/, ''), o.taskQueue, o.failure?.kind])).toEqual([
      ['live:legacy-1', SERVED, 'missing-workflow-type'],
    ]);
    expect(gate.outcomes[0]?.failure?.detail).toBe(
      `workflow type "fixtureOrder" has 1 open run(s) on task queue "${SERVED}", which this worker serves, and is no longer exported by ${relative(workspace, bundles.renamed as string)}: those runs cannot continue on the new code; keep the type or drain those runs first`,
    );
    expect(gate.skipped).toEqual([
      expect.objectContaining({
        source: expect.stringMatching(/^live:control-1\//),
        workflowType: 'fixtureOrder',
        status: 'open',
        taskQueue: FOREIGN,
        reason: `task queue "${FOREIGN}" is not one this worker serves (order-task-queue, order-task-queue-v{major}, order-task-queue-v{version})`,
      }),
    ]);
    expect(gate.servedQueues).toEqual([
      'order-task-queue',
      'order-task-queue-v{major}',
      'order-task-queue-v{version}',
    ]);

    // The summary a person reads says the same.
    const text = await cli([...everyOpenRun, '--task-queue', 'order-task-queue', ...renamed()]);
    expect(text.exitCode, text.stderr).toBe(1);
    expect(text.stdout).toContain(
      `skipped 1 live run(s) of workflow types this code does not export, on task queues this worker does not serve (order-task-queue, order-task-queue-v{major}, order-task-queue-v{version}), so another worker's: fixtureOrder on ${FOREIGN}`,
    );
    expect(text.stdout).toMatch(
      /FAIL live:legacy-1\/\S+ \(open\): fixtureOrder: workflow type "fixtureOrder" has 1 open run\(s\)/,
    );
    expect(text.stdout).toContain('result: FAIL');
  }, 240_000);

  it("passes when the run of the missing type is only on another worker's queue", async () => {
    const gate = await report([...everyOpenRun, '--task-queue', 'payments', ...renamed()], 0);
    expect(gate.passed).toBe(true);
    expect(gate.outcomes).toEqual([]);
    expect(gate.skipped.map((s) => s.taskQueue).sort()).toEqual([FOREIGN, SERVED].sort());
  }, 240_000);

  it('fails closed when it was not told which queues this worker serves, naming the options to set', async () => {
    const gate = await report([...everyOpenRun, ...renamed()], 1);
    expect(gate.skipped).toEqual([]);
    expect(gate.servedQueues).toBeNull();
    expect(gate.outcomes.map((o) => o.taskQueue).sort()).toEqual([FOREIGN, SERVED].sort());
    for (const o of gate.outcomes)
      expect(o.failure?.detail).toContain(
        `the replay was not told which task queues this worker serves, so this live run on task queue "${o.taskQueue}" cannot be told another worker's: set task-queues or config (CLI: --task-queue, --config)`,
      );
  }, 240_000);

  it("without --query reads only the open runs on rollout.yaml's queues (--config, or the workspace's by default), and fails on the stranded one", async () => {
    const gate = await report(['--config', configPath, '--bundle', bundles.renamed as string], 1);
    // The other worker's run is not fetched at all: nothing to skip.
    expect(gate.skipped).toEqual([]);
    expect(gate.outcomes.map((o) => [o.source.replace(/\/.*/, ''), o.taskQueue])).toEqual([
      ['live:legacy-1', SERVED],
    ]);

    // The workspace's own rollout.yaml (this repository's: order-task-queue and payment-task-queue) is read by
    // default.
    const byDefault = await report(['--bundle', bundles.renamed as string], 1);
    expect(byDefault.servedQueues).toContain('payment-task-queue-v{major}');
    expect(byDefault.skipped).toEqual([]);
    expect(byDefault.outcomes.map((o) => o.taskQueue)).toEqual([SERVED]);

    // With the code that still exports the type, the same run replays and the gate passes.
    const kept = await report(['--config', configPath, '--bundle', bundles.base as string], 0);
    expect(kept.totals).toEqual({ total: 1, passed: 1, failed: 0 });
  }, 240_000);

  it('the bundled action takes the queues as task-queues lines: it fails the stranded run and logs the skipped one', async () => {
    const run = await runBundledAction('replay', {
      inputs: {
        'temporal-address': server.address,
        'live-query': 'ExecutionStatus="Running"',
        'task-queues': 'payments\norder-task-queue',
        'bundle-path': bundles.renamed as string,
        'report-path': join(scratch.path, 'action-report.json'),
      },
      timeoutMs: 180_000,
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(1);
    expect(run.outputs).toMatchObject({ total: '1', failed: '1', compatible: 'false', deploy: 'new-queue' });
    const errors = run.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    expect(
      errors.some((m) => m.includes(`has 1 open run(s) on task queue "${SERVED}", which this worker serves`)),
    ).toBe(true);
    expect(run.stdout).toMatch(
      new RegExp(
        `skipped live:control-1/\\S+ \\(fixtureOrder\\): task queue "${FOREIGN}" is not one this worker serves \\(payments, `,
      ),
    );
    expect(run.summary).toContain(`so another worker's: fixtureOrder on ${FOREIGN}.`);
  }, 240_000);
});
