import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LocalDeployer } from '../../actions/src/adapters/local-deployer.js';
import { main as canaryMain } from '../../actions/src/cli/canary.js';
import { main as promoteMain } from '../../actions/src/cli/promote.js';
import { main as rollbackMain } from '../../actions/src/cli/rollback.js';
import type { StepResult } from '../../actions/src/steps/rollout.js';
import { type TempDir, tempDir } from '../support/temp.js';
import { startTemporal, type TemporalDevServer } from '../support/temporal.js';
import { WORKER_DIST, workflowBundle } from './rollout-support.js';

/** Runs a command's main() and returns its exit code and the JSON it printed. */
async function run(
  main: (argv: string[]) => Promise<number>,
  argv: string[],
): Promise<{ code: number; result: StepResult }> {
  const printed: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const code = await main([...argv, '--json']);
    return { code, result: JSON.parse(printed.join('\n')) as StepResult };
  } finally {
    spy.mockRestore();
    quiet.mockRestore();
  }
}

describe('canary / promote / rollback commands (local deployer)', () => {
  let server: TemporalDevServer;
  let dir: TempDir;
  let common: string[];

  beforeAll(async () => {
    server = await startTemporal();
    dir = await tempDir('rollout-cli');
    const config = join(dir.path, 'rollout.yaml');
    await writeFile(
      config,
      'app: order-worker\nimage: local\ntaskQueues:\n  order: { base: order-task-queue }\nstrategy:\n  steps: [ { weight: 25 }, { weight: 100 } ]\n',
    );
    common = [
      '--config',
      config,
      '--temporal-address',
      server.address,
      '--state-dir',
      join(dir.path, '.rollout'),
      '--worker-entry',
      join(WORKER_DIST, 'main.js'),
      '--worker-env',
      'LOG_LEVEL=WARN',
      '--worker-env',
      `WORKFLOW_BUNDLE_PATH=${await workflowBundle(dir.path)}`,
    ];
  }, 120_000);
  afterAll(async () => {
    await new LocalDeployer({ dir: join(dir.path, '.rollout') }).removeAll();
    await server?.teardown();
    await dir?.remove();
  });

  it('runs a release through canary and promote across separate invocations, each re-run a no-op', async () => {
    expect(await run(canaryMain, ['--version', 'v1.0.0', ...common])).toMatchObject({
      code: 0,
      // Versions are stored without their leading v (issue 16 item 2).
      result: { outcome: 'done', stable: '1.0.0' },
    });
    const ramp = await run(canaryMain, ['--version', 'v2.0.0', '--step', '1', ...common]);
    expect(ramp).toMatchObject({
      code: 0,
      result: { outcome: 'done', canary: { version: '2.0.0', weight: 25 } },
    });
    expect(ramp.result.routing?.routes).toEqual([
      { taskQueue: 'order-task-queue-v1', weight: 75 },
      { taskQueue: 'order-task-queue-v2', weight: 25 },
    ]);
    expect((await run(canaryMain, ['--version', 'v2.0.0', '--step', '1', ...common])).result.outcome).toBe(
      'unchanged',
    );
    const promoted = await run(promoteMain, ['--version', 'v2.0.0', ...common]);
    expect(promoted).toMatchObject({
      code: 0,
      result: { outcome: 'done', stable: '2.0.0', phase: 'stable' },
    });
    expect((await run(promoteMain, ['--version', 'v2.0.0', ...common])).result.outcome).toBe('unchanged');
    await expect(promoteMain(common)).rejects.toThrow(/no canary to promote/);
    await expect(rollbackMain(['--to', 'v9.9.9', ...common])).rejects.toThrow(/never deployed here/);
    const restored = await run(rollbackMain, ['--to', 'v1.0.0', ...common]);
    expect(restored).toMatchObject({ code: 0, result: { outcome: 'done', stable: '1.0.0' } });
    // The drain says both signals it believed.
    expect(restored.result.actions.join('\n')).toMatch(
      /order-task-queue-v2: no open runs \(visibility: no open run for \d+\.\d s; DescribeTaskQueue on order-task-queue-v2: no backlog, nothing added in the last 30 s\)/,
    );
  }, 300_000);

  it('takes the replay verdict: --replay-deploy same-queue puts v1.1.0 on stable’s queue and says why', async () => {
    await expect(canaryMain(['--version', 'v1.1.0', '--replay-deploy', 'maybe', ...common])).rejects.toThrow(
      /--replay-deploy: "maybe" is not a replay verdict — pass same-queue or new-queue/,
    );
    const same = await run(canaryMain, ['--version', 'v1.1.0', '--replay-deploy', 'same-queue', ...common]);
    expect(same).toMatchObject({
      code: 0,
      result: { outcome: 'done', queue: { orderQueue: 'order-task-queue-v1' } },
    });
    expect(same.result.queue?.rule).toMatch(/^replay verdict same-queue/);
    const promoted = await run(promoteMain, ['--version', 'v1.1.0', ...common]);
    expect(promoted).toMatchObject({ code: 0, result: { outcome: 'done', stable: '1.1.0' } });
    expect(promoted.result.drain).toBeUndefined();
  }, 120_000);
});
