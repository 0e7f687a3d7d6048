import { describe, expect, it } from 'vitest';
import { ciBuildContext } from './ci-env.js';

describe('ciBuildContext', () => {
  it('reads the commit, ref, repository address and cache service of a GitHub job', () => {
    expect(
      ciBuildContext({
        GITHUB_SHA: 'a'.repeat(40),
        GITHUB_REF: 'refs/tags/v1.4.0',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'acme/orders',
        GITHUB_ACTIONS: 'true',
        ACTIONS_RUNTIME_TOKEN: 't',
      }),
    ).toEqual({
      sha: 'a'.repeat(40),
      ref: 'refs/tags/v1.4.0',
      sourceUrl: 'https://github.com/acme/orders',
      actionsCache: true,
    });
  });

  it('gives nothing outside a job, and no cache without the runtime token', () => {
    expect(ciBuildContext({})).toEqual({ actionsCache: false });
    expect(ciBuildContext({ GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/orders' })).toEqual({
      actionsCache: false,
    });
  });
});
