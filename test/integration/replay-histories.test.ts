import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseManifest } from '../../actions/src/core/replay/manifest.js';
import { replay } from '../../actions/src/steps/replay.js';
import { writeOrderVariant } from '../fixtures/replay/order-variants.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
// The order worker's own histories (RolloutWorkflow's, under histories/controller/, replay in controller-replay).
const stored = 'histories/OrderWorkflow/*.json';
const workflows = 'worker/src/workflows/index.ts';

describe('stored OrderWorkflow histories (recorded from the real worker)', () => {
  // Inside the repo so the variants resolve @temporalio/workflow from its node_modules (gitignored).
  const scratch = { path: '' };
  beforeAll(async () => {
    await mkdir(join(root, 'test/fixtures/replay/.generated'), { recursive: true });
    scratch.path = await mkdtemp(join(root, 'test/fixtures/replay/.generated/order-'));
  });
  afterAll(async () => {
    if (scratch.path) await rm(scratch.path, { recursive: true, force: true });
  });

  it('are all listed in the manifest, with every scenario of the issue', async () => {
    const manifest = parseManifest(await readFile(join(root, 'histories/manifest.json'), 'utf8'), 'manifest');
    const scenarios = manifest.histories.map((e) => e.scenario);
    for (const s of [
      'happy',
      'declined-compensation',
      'approval-approved',
      'approval-rejected',
      'approval-timed-out',
      'cancelled',
      'open-awaiting-approval',
    ])
      expect(scenarios).toContain(s);
    expect(manifest.histories.filter((e) => e.status === 'open').length).toBeGreaterThanOrEqual(1);
  });

  it('all replay on the current worker code, and the patch audit finds its patch', async () => {
    const report = await replay({ workspace: root, histories: [stored], workflowsPath: workflows });
    const failures = report.outcomes.filter((o) => o.failure).map((o) => `${o.source}: ${o.failure?.detail}`);
    expect(failures).toEqual([]);
    expect(report.totals.total).toBeGreaterThanOrEqual(8);
    expect(report.compatibility.deploy).toBe('same-queue');
    const patch = report.patches.find((p) => p.id === 'notify-customer');
    expect(patch).toMatchObject({ inCode: 'patched', openWithoutMarker: [] });
    expect(patch?.closedWithMarker).toBeGreaterThanOrEqual(1);
  });

  it('fail on reordered activities at the first scheduled activity, open runs included: new queue + drain', async () => {
    const report = await replay({
      workspace: root,
      histories: [stored],
      workflowsPath: await writeOrderVariant(scratch.path, 'activities-reordered'),
    });
    expect(report.totals.failed).toBe(report.totals.total);
    for (const o of report.outcomes)
      expect(o.failure).toMatchObject({
        kind: 'nondeterminism',
        divergingEvent: { type: 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED' },
      });
    expect(report.outcomes[0]?.source).toMatch(/^histories\/OrderWorkflow\/.+\.json$/);
    expect(report.compatibility).toMatchObject({ deploy: 'new-queue', drainRequired: true });
  });

  it('fail when a timer is added', async () => {
    const report = await replay({
      workspace: root,
      histories: [stored],
      workflowsPath: await writeOrderVariant(scratch.path, 'timer-added'),
    });
    expect(report.totals.failed).toBe(report.totals.total);
    expect(report.outcomes.every((o) => o.failure?.divergingEvent !== null)).toBe(true);
  });

  it('fail where the removed patch left its marker; open runs that have not reached it still replay', async () => {
    const report = await replay({
      workspace: root,
      histories: [stored],
      workflowsPath: await writeOrderVariant(scratch.path, 'patch-removed'),
    });
    const failed = report.outcomes.filter((o) => o.failure);
    expect(failed.map((o) => o.source).sort()).toEqual([
      'histories/OrderWorkflow/approval-approved.json',
      'histories/OrderWorkflow/happy.json',
    ]);
    for (const o of failed) {
      expect(o.failure?.divergingEvent?.type).toBe('EVENT_TYPE_MARKER_RECORDED');
      expect(o.failure?.detail).toContain('notify-customer');
    }
    expect(report.compatibility.deploy).toBe('same-queue');
    expect(report.compatibility.warnings[0]).toContain('queries and resets');
    expect(report.passed).toBe(false);
    expect(report.patches.find((p) => p.id === 'notify-customer')?.advice).toBe('removed-from-code');
  });
});
