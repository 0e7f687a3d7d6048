// The doctor action as GitHub runs it: the committed bundle under Node 24 with INPUT_* variables, on this
// repository (its rollout.yaml, histories/ and worker workflows) against a real Temporal dev server; and the same
// step through the root action (`step: doctor`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { startTemporal, type TemporalDevServer } from '../../scripts/local-platform/temporal.js';
import { runBundledAction } from '../support/run-action.js';

describe('bundled doctor action under Node 24', () => {
  let server: TemporalDevServer;
  let dir: TempDir;

  beforeAll(async () => {
    [server, dir] = await Promise.all([startTemporal(), tempDir('bundled-doctor')]);
  });
  afterAll(async () => {
    await Promise.all([server?.teardown(), dir?.remove()]);
  });

  it('checks Temporal and this repository: a warning (no stable release yet) leaves the step green', async () => {
    const run = await runBundledAction('doctor', {
      inputs: {
        only: 'temporal,repository',
        'temporal-address': server.address,
        'state-dir': dir.path,
        'report-path': `${dir.path}/doctor.json`,
      },
      timeoutMs: 300_000,
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'warn', failed: '' });
    expect(run.outputs.warnings?.split('\n')).toContain('temporal.pollers');
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        message: expect.stringContaining('temporal.pollers: no stable release is recorded'),
      }),
    );
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
    for (const line of [
      /\| ✅ \| `temporal.frontend` .* \| 127\.0\.0\.1:\d+ answered \(no TLS, no API key\)/,
      /\| ✅ \| `temporal.search-attributes` .* \| CustomerTier \(Keyword\), OrderID \(Keyword\) registered in default/,
      /\| ✅ \| `repository.replay` .* \| \d+ histories replay with @temporalio\/worker 1\.24\.0/,
      /\| ➖ \| `temporal.worker-versioning` .* strategy is task-queue/,
    ])
      expect(run.summary).toMatch(line);
  }, 360_000);

  it('the root action runs it as step: doctor, and a dead frontend fails the step quickly', async () => {
    const started = Date.now();
    const run = await runBundledAction('root', {
      inputs: {
        step: 'doctor',
        only: 'temporal',
        'temporal-address': '127.0.0.1:1',
        'state-dir': dir.path,
        'report-path': `${dir.path}/root-doctor.json`,
      },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ status: 'fail', failed: 'temporal.frontend' });
    expect(run.annotations.map((a) => a.message).join('\n')).toMatch(
      /temporal\.frontend: 127\.0\.0\.1:1 \(plain\): Temporal: cannot reach 127\.0\.0\.1:1: ECONNREFUSED — fix: check the address/,
    );
    // Refused at once (a TCP probe), not after the 15 s check limit.
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
