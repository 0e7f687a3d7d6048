import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordDeployment } from '../../actions/src/action/github-context.js';
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
    const canary = await recordDeployment({
      step: 'canary',
      outcome: 'done',
      message: 'canary 2.0.0 at 10%',
      version: '2.0.0',
    });
    const draining = await recordDeployment({
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
    await recordDeployment({ step: 'rollback', outcome: 'done', message: 'rolled back canary 3.0.0' });
    expect(fake.state.deployments.at(-1)?.environment).toBe('staging');
    const before = fake.requests.length;
    process.env = { ...saved, ...runnerEnv(fake, {}) };
    expect(await recordDeployment({ step: 'promote', outcome: 'done', message: 'x' })).toBeUndefined();
    expect(fake.requests.length).toBe(before);
  });
});
