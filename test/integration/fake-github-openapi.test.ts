// FakeGitHub holds itself to GitHub's published REST description (@octokit/openapi): requests GitHub would
// reject are violations that fail the test, and its own answers have the documented shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js';

describe('FakeGitHub checks requests and answers against GitHub REST description', () => {
  let fake: FakeGitHub;

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${fake.url}${path}`, {
      method,
      headers: { authorization: `token ${fake.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  /** The violations recorded since the last call, removed so close() does not fail on the ones provoked here. */
  const taken = () => fake.violations.splice(0);

  beforeAll(async () => {
    fake = await startFakeGitHub();
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('a route GitHub does not have is a 404 and a violation', async () => {
    const reply = await call('POST', '/repos/acme/orders/deployment', { ref: 'main' });
    expect(reply.status).toBe(404);
    expect(taken()).toEqual(["POST /repos/acme/orders/deployment: GitHub's REST API has no such route"]);
  });

  it('a missing required field is a 422 naming it, and nothing is stored', async () => {
    const reply = await call('POST', '/repos/acme/orders/issues/7/comments', { text: 'hi' });
    expect(reply.status).toBe(422);
    const [violation, ...more] = taken();
    expect(more).toEqual([]);
    expect(violation).toMatch(/issues\/create-comment.*body must have required property 'body'/);
    expect(fake.state.comments).toEqual([]);
  });

  it('a wrong type in the body or in a path parameter is a violation', async () => {
    const deployment = await call('POST', '/repos/acme/orders/deployments', { ref: 'v1', auto_merge: 'no' });
    expect(deployment.status).toBe(422);
    const comments = await call('GET', '/repos/acme/orders/issues/seven/comments');
    expect(comments.status).toBe(422);
    const found = taken();
    expect(found[0]).toMatch(/repos\/create-deployment.*body\/auto_merge must be boolean/);
    expect(found[1]).toMatch(/path parameter "issue_number" is "seven", not an integer/);
    expect(fake.state.deployments).toEqual([]);
  });

  it('a route GitHub has and the fake lacks is a violation too (the fake never answers for GitHub)', async () => {
    const reply = await call('GET', '/repos/acme/orders/releases/latest');
    expect(reply.status).toBe(404);
    expect(taken()).toEqual([
      'GET /repos/acme/orders/releases/latest (repos/get-latest-release): GitHub has it, FakeGitHub does not implement it',
    ]);
  });

  it('answers are completed to the documented schema: a pull request has its user, head repo and URLs', async () => {
    const created = await call('POST', '/repos/acme/orders/pulls', {
      title: 'fresh histories',
      head: 'capture',
      base: 'main',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ number: 1, state: expect.any(String), user: expect.any(Object) });
    const listed = await call('GET', '/repos/acme/orders/pulls?head=acme:capture&per_page=100');
    expect(listed.status).toBe(200);
    const [pull] = listed.body as unknown as Record<string, Record<string, unknown>>[];
    expect(pull?.head).toMatchObject({ ref: 'capture', repo: expect.any(Object), sha: expect.any(String) });
    expect(pull?.html_url).toBe(`${fake.url}/pull/1`);
    expect(taken()).toEqual([]);
  });
});
