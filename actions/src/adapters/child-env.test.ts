import { describe, expect, it } from 'vitest';
import { childEnv, childOptions } from './child-env.js';

describe('childEnv (issue 16 item 13)', () => {
  const step = {
    PATH: '/usr/bin',
    HOME: '/home/runner',
    LC_ALL: 'C.UTF-8',
    HTTPS_PROXY: 'http://proxy:3128',
    'INPUT_REGISTRY-PASSWORD': 'hunter2',
    'INPUT_GITHUB-TOKEN': 'ghs_input',
    GITHUB_TOKEN: 'ghs_job',
    ACTIONS_RUNTIME_TOKEN: 'runtime',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
    TEMPORAL_API_KEY: 'api-key',
    REGISTRY_PASSWORD: 'pw',
    PROMETHEUS_TOKEN: 'prom',
    AWS_SECRET_ACCESS_KEY: 'aws',
  };

  it('passes what tools need to run and nothing of the step’s inputs, tokens or keys', () => {
    expect(childEnv({}, step)).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      LC_ALL: 'C.UTF-8',
      HTTPS_PROXY: 'http://proxy:3128',
    });
  });

  it('adds what the caller gives, and childOptions stops execa from inheriting the rest', () => {
    expect(childEnv({ KUBECONFIG: '/k', SKIPPED: undefined }, step)).toMatchObject({ KUBECONFIG: '/k' });
    expect(childEnv({ SKIPPED: undefined }, step)).not.toHaveProperty('SKIPPED');
    expect(childOptions().extendEnv).toBe(false);
  });
});
