import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OctokitGitHub } from '../../actions/src/adapters/github.js';
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js';

const repo = { owner: 'acme', repo: 'orders' };

describe('OctokitGitHub against FakeGitHub (a local fake of the GitHub REST API)', () => {
  let fake: FakeGitHub;
  let github: OctokitGitHub;

  beforeAll(async () => {
    fake = await startFakeGitHub();
    github = new OctokitGitHub(repo, fake.token, fake.url);
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('creates a deployment and walks its statuses', async () => {
    const { id } = await github.createDeployment({
      ref: 'v1.4.0',
      environment: 'canary',
      description: 'order-worker 1.4.0 canary',
      payload: { image: 'r/order-worker@sha256:abc', taskQueue: 'order-task-queue-v1' },
      productionEnvironment: false,
    });
    await github.setDeploymentStatus(id, 'in_progress', { description: 'ramping 10%' });
    await github.setDeploymentStatus(id, 'success', {
      description: 'promoted',
      logUrl: 'https://example/run/1',
    });
    expect(fake.state.deployments).toEqual([
      expect.objectContaining({
        id,
        environment: 'canary',
        ref: 'v1.4.0',
        statuses: ['in_progress', 'success'],
      }),
    ]);
    const create = fake.requests.find((r) => r.path === '/repos/acme/orders/deployments');
    expect(create?.body).toMatchObject({
      required_contexts: [],
      auto_merge: false,
      production_environment: false,
    });
  });

  it('never edits a comment someone else wrote, though it carries the marker (issue 16 item 15)', async () => {
    const forged = '### ✅ replay passed: 99/99\n\n<!-- temporal-rollout:replay -->';
    fake.state.comments.push({ id: 1, issue: 21, body: forged, author: 'mallory' });
    const ours = await github.upsertPullRequestComment(21, 'temporal-rollout:replay', 'replay: 1/3 passed');
    expect(ours.created).toBe(true);
    expect(fake.state.comments.find((c) => c.id === 1)?.body).toBe(forged);
    const again = await github.upsertPullRequestComment(21, 'temporal-rollout:replay', 'replay: 3/3 passed');
    expect(again).toEqual({ id: ours.id, created: false });
    expect(fake.state.comments.filter((c) => c.issue === 21).map((c) => c.author)).toEqual([
      'mallory',
      'github-actions[bot]',
    ]);
  });

  it('knows its identity from GET /user for a user token', async () => {
    const userFake = await startFakeGitHub({ identity: { login: 'release-bot', kind: 'user' } });
    try {
      const api = new OctokitGitHub(repo, userFake.token, userFake.url);
      expect(await api.login()).toBe('release-bot');
      userFake.state.comments.push({ id: 5, issue: 3, body: 'x\n\n<!-- m -->', author: 'release-bot' });
      expect(await api.upsertPullRequestComment(3, 'm', 'y')).toEqual({ id: 5, created: false });
    } finally {
      await userFake.close();
    }
  });

  it('edits its own pull request comment on a re-run instead of adding another', async () => {
    const first = await github.upsertPullRequestComment(7, 'temporal-rollout:replay', 'replay: 12/12 passed');
    const second = await github.upsertPullRequestComment(
      7,
      'temporal-rollout:replay',
      'replay: 13/13 passed',
    );
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    expect(fake.state.comments.filter((c) => c.issue === 7)).toHaveLength(1);
    expect(fake.state.comments.find((c) => c.issue === 7)?.body).toContain('13/13');
  });

  it('opens a pull request with files on a new branch, and updates it on the next run', async () => {
    const request = {
      base: 'main',
      branch: 'histories/capture',
      title: 'Fresh production histories',
      body: 'captured by the capture workflow',
      commitMessage: 'histories: capture',
      files: [{ path: 'histories/OrderWorkflow/open-1.json', content: '{"events":[]}' }],
    };
    const opened = await github.openPullRequest(request);
    expect(opened).toMatchObject({ number: 1, created: true });
    const again = await github.openPullRequest({
      ...request,
      files: [{ path: 'histories/OrderWorkflow/open-2.json', content: '{"events":[1]}' }],
    });
    expect(again).toMatchObject({ number: 1, created: false });
    expect(fake.state.pulls).toHaveLength(1);
    const head = fake.state.branches.get('histories/capture') ?? '';
    expect(fake.state.commits.get(head)?.files).toEqual(['histories/OrderWorkflow/open-2.json']);
  });

  it('names the token input when the API refuses it', async () => {
    const wrong = new OctokitGitHub(repo, 'not-the-token', fake.url);
    await expect(wrong.upsertPullRequestComment(1, 'm', 'b')).rejects.toThrow(
      /GitHub API: listing pull request comments failed \(HTTP 401\).*github-token/,
    );
  });

  it('refuses a base branch that does not exist', async () => {
    await expect(
      github.openPullRequest({
        base: 'nope',
        branch: 'x',
        title: 't',
        body: 'b',
        commitMessage: 'm',
        files: [],
      }),
    ).rejects.toThrow(/base branch "nope" does not exist/);
  });
});
