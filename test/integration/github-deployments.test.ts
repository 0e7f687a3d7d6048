import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { githubFromInputs, recordDeployment } from '../../actions/src/action/github-context.js';
import { reportResult } from '../../actions/src/action/rollout.js';
import type { StepResult } from '../../actions/src/steps/rollout.js';
import { tempDir } from '../../scripts/local-platform/temp.js';
import { runAs } from '../support/action-env.js';
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js';

// The env a runner gives an action: inputs as INPUT_<NAME>, the repository, the commit, the run.
const runnerEnv = (fake: FakeGitHub, inputs: Record<string, string>) => ({
  GITHUB_REPOSITORY: 'acme/orders',
  GITHUB_SHA: 'c0ffee'.padEnd(40, '0'),
  GITHUB_API_URL: fake.url,
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_RUN_ID: '77',
  ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
});

async function github() {
  const api = await githubFromInputs();
  if (!api) throw new Error('no github-token input');
  return api;
}

describe('rollout steps recorded as GitHub deployments (FakeGitHub)', () => {
  let fake: FakeGitHub;
  const saved = { ...process.env };
  beforeAll(async () => {
    fake = await startFakeGitHub();
  });
  afterEach(() => {
    process.env = { ...saved };
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('canary → environment canary; promote → production, in_progress while draining then success', async () => {
    Object.assign(process.env, runnerEnv(fake, { 'github-token': fake.token }));
    const canary = await recordDeployment(await github(), {
      step: 'canary',
      outcome: 'done',
      message: 'canary 2.0.0 at 10%',
      version: '2.0.0',
    });
    const draining = await recordDeployment(await github(), {
      step: 'promote',
      outcome: 'waiting',
      message: 'draining 1.0.0',
      version: '2.0.0',
    });
    expect(canary).toBeDefined();
    expect(fake.state.deployments.map((d) => [d.environment, d.statuses])).toEqual([
      ['canary', ['success']],
      ['production', ['in_progress']],
    ]);
    expect(fake.state.deployments[1]).toMatchObject({ id: draining, ref: 'c0ffee'.padEnd(40, '0') });
    const status = fake.requests.find((r) => r.path === `/repos/acme/orders/deployments/${canary}/statuses`);
    expect(status?.body).toMatchObject({
      state: 'success',
      log_url: 'https://github.com/acme/orders/actions/runs/77',
      description: 'canary 2.0.0 at 10%',
    });
  });

  it('uses the environment input, and does nothing without a token', async () => {
    Object.assign(process.env, runnerEnv(fake, { 'github-token': fake.token, environment: 'staging' }));
    await recordDeployment(await github(), {
      step: 'rollback',
      outcome: 'done',
      message: 'rolled back canary 3.0.0',
    });
    expect(fake.state.deployments.at(-1)?.environment).toBe('staging');
    process.env = { ...saved, ...runnerEnv(fake, {}) };
    expect(await githubFromInputs()).toBeUndefined();
  });

  it('a GitHub API failure after a deploy leaves the result standing: retried, then a warning (issue 16 item 19)', async () => {
    // A port nothing listens on: every request is refused, as when GitHub is down.
    Object.assign(process.env, { ...runnerEnv(fake, {}), GITHUB_API_URL: 'http://127.0.0.1:9' });
    const dir = await tempDir('record-failure');
    try {
      const result: StepResult = {
        step: 'canary',
        strategy: 'task-queue',
        outcome: 'done',
        message: 'canary 2.0.0 gets 10% of new work',
        stable: '1.0.0',
        canary: { version: '2.0.0', weight: 10 },
        phase: 'canary',
        actions: ['installed canary 2.0.0'],
      };
      const run = await runAs(async () => reportResult(result, await github()), dir.path, {
        'github-token': 'x',
      });
      expect(run.failed).toBe(false);
      expect(run.outputs).toMatchObject({ outcome: 'done', canary: '2.0.0', weight: '10' });
      const warning = run.log.split('\n').find((line) => line.startsWith('::warning::')) ?? '';
      expect(warning).toMatch(
        /GitHub deployment record for environment "canary" \(2.0.0\) is missing: 3 attempts failed/,
      );
      expect(warning).toMatch(/rollout itself is unaffected/);
    } finally {
      await dir.remove();
    }
  }, 30_000);
});
