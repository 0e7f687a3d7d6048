// The single-shot commands while a rollout workflow runs: `rollback` and `promote` (CLI and action) become
// Updates of rollout/<app> — answered at once, refused with the reason when invalid — and run the step
// directly when no rollout is open. Real dev server, real order workers, real Prometheus.
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runRollbackAction } from '../../actions/src/action/rollback.js';
import { runCli } from '../../actions/src/cli.js';
import { releaseOutcome } from '../../actions/src/controller/api.js';
import { startOrAttachRelease } from '../../actions/src/controller/client.js';
import { runAs } from '../support/action-env.js';
import { type ControllerFixture, controllerConfig, startControllerFixture } from './controller-support.js';
import { WORKER_DIST } from './rollout-support.js';

/** `temporal-rollout <argv>` in this process: its exit code and everything it printed. */
async function cli(argv: string[]) {
  const out: string[] = [];
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => {
    out.push(line);
    printed.push(line);
  });
  const err = vi.spyOn(console, 'error').mockImplementation((line: string) => void printed.push(line));
  try {
    return { code: await runCli(argv), out: out.join('\n'), printed: printed.join('\n') };
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

describe('canary / promote / rollback while a rollout workflow runs', () => {
  let fixture: ControllerFixture;
  let flags: string[];
  let inputs: Record<string, string>;

  beforeAll(async () => {
    fixture = await startControllerFixture();
    await fixture.startWorker('route-test-controller');
    const stateDir = join(fixture.dir.path, '.rollout');
    const workerEnv = Object.entries(fixture.workerEnv).map(([k, v]) => `${k}=${v}`);
    flags = [
      '--config',
      fixture.configFile,
      '--temporal-address',
      fixture.address,
      '--state-dir',
      stateDir,
      '--worker-entry',
      join(WORKER_DIST, 'main.js'),
      ...workerEnv.flatMap((pair) => ['--worker-env', pair]),
    ];
    inputs = {
      config: fixture.configFile,
      'temporal-address': fixture.address,
      'state-dir': stateDir,
      'worker-env': workerEnv.join('\n'),
    };
    await startOrAttachRelease(fixture.client, fixture.release('1.0.0'));
    await fixture.waitForOutcome('1.0.0', 90_000, '1.0.0 installed');
    // The starter reads the routing file the install wrote.
    await fixture.startTraffic(600);
  }, 300_000);
  afterAll(async () => {
    await fixture?.close();
  });
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('a rollback to a version never stable is refused at once, naming the valid ones; nothing changes', async () => {
    // A long first pause keeps 2.0.0 at 10% while the commands arrive (paused, or held when the little
    // canary traffic leaves the analysis inconclusive: either way a rollout in flight with a canary).
    const config = controllerConfig({ steps: '[ { weight: 10, pause: 10m }, { weight: 100 } ]' });
    await startOrAttachRelease(fixture.client, fixture.release('2.0.0', undefined, config));
    const before = await fixture.waitFor(
      (s) => (s.phase === 'paused' || s.phase === 'held') && s.canary?.version === '2.0.0',
      150_000,
      '2.0.0 paused at 10%',
    );

    const refused = await runAs(runRollbackAction, fixture.dir.path, {
      ...inputs,
      to: '0.9.0',
      reason: 'wrong version',
    });
    expect(refused.failed).toBe(true);
    expect(refused.log).toMatch(
      /::error::rollout rollback: was refused: 0\.9\.0 was never stable here; versions you can roll back to: 1\.0\.0/,
    );
    const after = await fixture.waitFor(() => true, 10_000, 'status');
    expect(after.phase).toBe(before.phase);
    expect(after.canary).toEqual(before.canary);
    expect(after.stable).toBe('1.0.0');
  }, 240_000);

  it('the CLI rollback is the rollback Update while the rollout runs: accepted at once, carried out by it', async () => {
    const accepted = await cli(['rollback', ...flags, '--reason', 'canary looks wrong']);
    expect(accepted.code, accepted.printed).toBe(0);
    expect(accepted.printed).toMatch(/rollout\/order-worker accepted: /);
    const done = await fixture.waitFor(
      (s) => releaseOutcome(s, '2.0.0')?.result === 'rolled-back',
      150_000,
      'the rollback carried out',
    );
    expect(done.stable).toBe('1.0.0');
    expect(done.canary).toBeUndefined();
    expect(releaseOutcome(done, '2.0.0')?.reasons).toEqual(['canary looks wrong']);
  }, 240_000);

  it('with no rollout running, promote and rollback run the step directly', async () => {
    await fixture.waitFor((s) => s.phase === 'done', 60_000, 'the rollout run to end');
    const promoted = await cli(['promote', ...flags]);
    expect(promoted.code).toBe(2);
    expect(promoted.printed).toMatch(/there is no canary to promote/);
    const rolledBack = await cli(['rollback', ...flags, '--json']);
    expect(rolledBack.code, rolledBack.printed).toBe(0);
    expect(JSON.parse(rolledBack.out)).toMatchObject({ step: 'rollback', outcome: 'unchanged' });
  });
});
