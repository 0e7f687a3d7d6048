import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../actions/src/core/errors.js';
import { parseManifest } from '../../actions/src/core/replay/manifest.js';
import { renderText } from '../../actions/src/core/replay/render.js';
import { capture } from '../../actions/src/steps/capture.js';
import { replay } from '../../actions/src/steps/replay.js';
import type { TempDir } from '../../scripts/local-platform/temp.js';
import { startTemporal, type TemporalDevServer } from '../../scripts/local-platform/temporal.js';
import { fixtureActivities } from '../fixtures/replay/activities.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = 'test/fixtures/replay';
const taskQueue = 'capture-fixture';

async function parkedAtApproval(handle: WorkflowHandle): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const history = await handle.fetchHistory();
    if (history.events?.some((e) => e.timerStartedEventAttributes)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${handle.workflowId} never reached the approval wait`);
}

describe('live replay and capture against the dev server', () => {
  let server: TemporalDevServer;
  let out: TempDir;
  const key = randomBytes(32);

  beforeAll(async () => {
    server = await startTemporal();
    // Inside the repository (its tmp/ is git-ignored): replay reads histories only from its workspace.
    await mkdir(join(root, 'tmp'), { recursive: true });
    const path = await mkdtemp(join(root, 'tmp', 'capture-'));
    out = { path, remove: () => rm(path, { recursive: true, force: true }) };
    const { client } = server.env;
    const worker = await Worker.create({
      connection: server.env.nativeConnection,
      taskQueue,
      workflowsPath: join(root, fixtures, 'base.ts'),
      activities: fixtureActivities,
    });
    await worker.runUntil(async () => {
      const open = await Promise.all(
        ['open-1', 'open-2'].map((id) =>
          client.workflow.start('fixtureOrder', { taskQueue, workflowId: id, args: [id] }),
        ),
      );
      const done = await client.workflow.start('fixtureOrder', {
        taskQueue,
        workflowId: 'done-1',
        args: ['d'],
      });
      await done.signal('approve');
      await done.result();
      for (const handle of open) await parkedAtApproval(handle);
    });
  });
  afterAll(async () => {
    await out?.remove();
    await server?.teardown();
  });

  const live = () => ({ address: server.address, namespace: 'default' });

  it('replays the open runs it fetches from the server, beside the stored histories', async () => {
    const report = await replay({
      workspace: root,
      histories: [`${fixtures}/histories/base-*.json`],
      workflowsPath: `${fixtures}/base.ts`,
      live: { ...live(), query: `TaskQueue="${taskQueue}" AND ExecutionStatus="Running"` },
    });
    const liveOutcomes = report.outcomes.filter((o) => o.origin === 'live');
    expect(liveOutcomes.map((o) => o.source).sort()).toEqual([
      expect.stringMatching(/^live:open-1\//),
      expect.stringMatching(/^live:open-2\//),
    ]);
    expect(liveOutcomes.every((o) => o.status === 'open' && o.failure === null)).toBe(true);
    expect(report.totals).toEqual({ total: 4, passed: 4, failed: 0 });
    expect(report.skipped).toEqual([]);
  });

  it("skips live runs of a workflow type the code does not export on another worker's queue, and says so; stored histories of it still fail", async () => {
    // renamed.ts exports fixtureOrderRenamed only, and this worker serves order-task-queue: the open fixtureOrder
    // runs on capture-fixture are, to this code, another worker's runs.
    const report = await replay({
      workspace: root,
      histories: [`${fixtures}/histories/base-*.json`],
      workflowsPath: `${fixtures}/renamed.ts`,
      live: { ...live(), query: `TaskQueue="${taskQueue}" AND ExecutionStatus="Running"` },
      taskQueues: ['order-task-queue'],
    });
    expect(
      report.skipped.map((s) => [s.source.replace(/\/.*/, ''), s.workflowType, s.status, s.taskQueue]).sort(),
    ).toEqual([
      ['live:open-1', 'fixtureOrder', 'open', taskQueue],
      ['live:open-2', 'fixtureOrder', 'open', taskQueue],
    ]);
    expect(report.outcomes.every((o) => o.origin === 'file')).toBe(true);
    expect(report.outcomes.map((o) => o.failure?.kind)).toEqual([
      'missing-workflow-type',
      'missing-workflow-type',
    ]);
    expect(report.passed).toBe(false);
    expect(report.totals).toEqual({ total: 2, passed: 0, failed: 2 });
    expect(renderText(report)).toContain(
      `skipped 2 live run(s) of workflow types this code does not export, on task queues this worker does not serve (order-task-queue, order-task-queue-v{major}, order-task-queue-v{version}), so another worker's: fixtureOrder ×2 on ${taskQueue}`,
    );
  });

  it('says a new queue is needed when the live open runs do not replay on the new code', async () => {
    const report = await replay({
      workspace: root,
      histories: [],
      workflowsPath: `${fixtures}/patch-removed.ts`,
      live: live(),
    });
    expect(report.totals).toEqual({ total: 2, passed: 0, failed: 2 });
    expect(report.compatibility).toMatchObject({ deploy: 'new-queue', drainRequired: true });
    expect(report.compatibility.openRuns.failed).toBe(2);
    expect(report.outcomes[0]?.failure?.divergingEvent?.type).toBe('EVENT_TYPE_MARKER_RECORDED');
  });

  it('captures open and closed runs encrypted, dedupes by run id, and the capture replays with the key', async () => {
    const first = await capture({
      live: live(),
      outDir: out.path,
      workflowTypes: ['fixtureOrder'],
      codecKey: key,
    });
    expect(first.written.map((e) => e.status).sort()).toEqual(['completed', 'open', 'open']);
    for (const entry of first.written) {
      expect(entry).toMatchObject({
        workflowType: 'fixtureOrder',
        scenario: 'captured',
        sdkVersion: '1.24.0',
        patches: ['fixture-charge-v2'],
        encrypted: true,
      });
      const text = await readFile(join(out.path, entry.file), 'utf8');
      expect(text).toContain(Buffer.from('binary/encrypted').toString('base64'));
      expect(text).not.toContain(Buffer.from('"open-1"').toString('base64'));
    }
    const manifest = parseManifest(await readFile(first.manifestPath, 'utf8'), 'manifest.json');
    expect(manifest.histories).toHaveLength(3);

    const again = await capture({
      live: live(),
      outDir: out.path,
      workflowTypes: ['fixtureOrder'],
      codecKey: key,
    });
    expect(again.written).toEqual([]);

    const files = [`${relative(root, out.path)}/fixtureOrder/*.json`];
    const report = await replay({
      workspace: root,
      histories: files,
      workflowsPath: `${fixtures}/base.ts`,
      codecKey: key,
    });
    expect(report.totals).toEqual({ total: 3, passed: 3, failed: 0 });
    expect(report.compatibility.openRuns.total).toBe(2);

    const error = await replay({
      workspace: root,
      histories: files,
      workflowsPath: `${fixtures}/base.ts`,
    }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/captured-\w+-[0-9a-f-]+\.json: has encrypted payloads/);
  });
});
