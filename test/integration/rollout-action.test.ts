import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCanaryAction } from '../../actions/src/action/canary.js';
import { runPromoteAction } from '../../actions/src/action/promote.js';
import { runRollbackAction } from '../../actions/src/action/rollback.js';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { startTemporal, type TemporalDevServer } from '../../scripts/local-platform/temporal.js';
import { runAs } from '../support/action-env.js';

describe('canary / promote / rollback actions (INPUT_* env, real dev server)', () => {
  let server: TemporalDevServer;
  let dir: TempDir;
  let inputs: Record<string, string>;

  beforeAll(async () => {
    server = await startTemporal();
    dir = await tempDir('rollout-action');
    const config = join(dir.path, 'rollout.yaml');
    await writeFile(
      config,
      'app: order-worker\nimage: local\ntaskQueues:\n  order: { base: order-task-queue }\n',
    );
    inputs = { config, 'temporal-address': server.address, 'state-dir': join(dir.path, '.rollout') };
  });
  afterAll(async () => {
    await server?.teardown();
    await dir?.remove();
  });
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('rollback with nothing to roll back is a no-op with outputs and a job summary', async () => {
    const { failed, outputs, summary } = await runAs(runRollbackAction, dir.path, inputs);
    expect(failed).toBe(false);
    expect(outputs).toMatchObject({ outcome: 'unchanged', stable: '', canary: '', phase: 'stable' });
    expect(summary).toContain('rollback: unchanged');
    expect(summary).toContain('no canary is running: nothing to roll back');
  });

  it('refuses promote with no canary and rollback to a version never deployed, naming the input', async () => {
    const promoted = await runAs(runPromoteAction, dir.path, inputs);
    expect(promoted.failed).toBe(true);
    expect(promoted.outputs).toEqual({});
    expect(promoted.log).toMatch(
      /::error::input "version": there is no canary to promote — run the canary step first/,
    );
    const restored = await runAs(runRollbackAction, dir.path, { ...inputs, to: 'v0.1.0' });
    expect(restored.failed).toBe(true);
    expect(restored.log).toMatch(
      /::error::input "to": v0.1.0 was never deployed here \(deployed: none\)|::error::input "to": nothing is deployed yet/,
    );
  });

  it('rejects a bad weight before anything starts', async () => {
    const result = await runAs(runCanaryAction, dir.path, { ...inputs, version: 'v1.0.0', weight: '150' });
    expect(result.failed).toBe(true);
    expect(result.outputs).toEqual({});
    expect(result.log).toMatch(/::error::input "weight": "150" is not a whole number ≥ 1 and ≤ 100/);
  });
});
