// Our workflow YAML run by a real Actions engine (nektos/act) in a user's repository that calls
// temporal-rollout by its public name, against the real dev server and FakeGitHub (checked against GitHub's
// REST description). The stand-ins for GitHub's own actions are in test/support/act/stand-ins.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConsumerRepo,
  createConsumerRepo,
  fixtureWorkflowSource,
  TOOLKIT,
  thisRepository,
  toolkitSnapshot,
} from '../support/act/consumer-repo.js';
import { runAct } from '../support/act/run-act.js';
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js';
import { pullRequestEvent } from '../support/run-action.js';
import type { TempDir } from '../support/temp.js';
import { startTemporal, type TemporalDevServer } from '../support/temporal.js';

describe('our workflows under act, from a consumer repository', () => {
  let github: FakeGitHub;
  let toolkit: TempDir;
  let repo: ConsumerRepo;
  let server: TemporalDevServer;
  /** Starts a fixtureOrder run no worker polls: it stays open with a real history. */
  const openRun = (workflowId: string) =>
    server.env.client.workflow.start('fixtureOrder', {
      taskQueue: 'act-open',
      workflowId,
      args: [workflowId],
    });

  beforeAll(async () => {
    [github, toolkit, repo, server] = await Promise.all([
      startFakeGitHub(),
      toolkitSnapshot(),
      createConsumerRepo(),
      startTemporal(),
    ]);
    await openRun('live-1');
  });
  afterAll(async () => {
    await Promise.all([repo?.remove(), toolkit?.remove(), server?.teardown()]);
    await github?.close();
  });

  const pullRequest = (number: number, sha: string) =>
    runAct({
      repo: repo.path,
      workflow: '.github/workflows/pr.yml',
      event: pullRequestEvent(number, sha),
      repositories: { [TOOLKIT]: toolkit.path },
      secrets: { TEMPORAL_ADDRESS: server.address },
      github,
    });

  it('pull_request, compatible change: the reusable replay gate passes on stored and live runs (a secret passed in), its outputs reach the next job, one PR comment', async () => {
    const sha = await repo.commit('a compatible change');
    const run = await pullRequest(7, sha);
    expect(run.exitCode, run.log).toBe(0);
    const replay = run.job('reusable replay gate/replay');
    expect(replay.result).toBe('success');
    expect(replay.steps.map((s) => [s.name, s.result])).toEqual([
      ['actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683', 'success'],
      ['actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683', 'success'],
      ['actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020', 'success'],
      ['npm ci', 'success'],
      ['./.temporal-rollout/actions/replay', 'success'],
    ]);
    expect(replay.outputs.replay).toMatchObject({
      // Two stored histories and the run open on the dev server (live-query, through the secret).
      total: '3',
      passed: '3',
      failed: '0',
      compatible: 'true',
      'sdk-version': '1.24.0',
    });
    expect(run.job('pr/report').log).toContain('replay outputs failed=0 compatible=true');
    const comments = github.state.comments.filter((c) => c.issue === 7);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toMatch(/replay passed: 3\/3 histories/);
    expect(run.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/acme/orders/issues/7/comments',
      // Who we are, so only a comment our identity wrote is ever edited.
      'GET /user',
      'POST /repos/acme/orders/issues/7/comments',
    ]);
  }, 300_000);

  it('pull_request breaking an open run: the job fails, the comment names the history and the event', async () => {
    await repo.write('src/workflows/index.ts', await fixtureWorkflowSource('reordered'));
    const sha = await repo.commit('swap charge and reserve');
    const run = await pullRequest(8, sha);
    expect(run.exitCode).not.toBe(0);
    const replay = run.job('reusable replay gate/replay');
    expect(replay.result).toBe('failure');
    expect(replay.steps.find((s) => s.id === 'replay')?.result).toBe('failure');
    expect(replay.outputs.replay).toMatchObject({ failed: '2', compatible: 'false', deploy: 'new-queue' });
    const errors = replay.annotations
      .filter((a) => a.level === 'error')
      .map((a) => a.message)
      .join('\n');
    expect(errors).toContain('histories/fixtureOrder/base-open.json');
    expect(errors).toContain('ACTIVITY_TASK_SCHEDULED');
    const [comment, ...more] = github.state.comments.filter((c) => c.issue === 8);
    expect(more).toEqual([]);
    expect(comment?.body).toMatch(/replay failed: 1\/3 histories/);
    expect(comment?.body).toContain('histories/fixtureOrder/base-open.json');
    expect(comment?.body).toMatch(/5 ACTIVITY_TASK_SCHEDULED/);
  }, 300_000);

  it("this repository's own pr.yml replay job: a same-repository nested reusable workflow, the toolkit checked out at github.sha", async () => {
    const own = await thisRepository();
    const ownGitHub = await startFakeGitHub();
    try {
      const sha = await own.commit('a pull request of temporal-rollout itself');
      const run = await runAct({
        repo: own.path,
        workflow: '.github/workflows/pr.yml',
        job: 'replay',
        event: pullRequestEvent(21, sha),
        // What `toolkit-repository: github.repository, toolkit-ref: github.sha` checks out: this commit.
        repositories: { [`temporal-rollout/temporal-rollout@${sha}`]: own.path },
        github: ownGitHub,
        timeoutMs: 420_000,
      });
      expect(run.exitCode, run.log).toBe(0);
      const replay = run.job('reusable replay gate/replay');
      expect(replay.result).toBe('success');
      const stored = (await readdir(join(own.path, 'histories', 'OrderWorkflow'))).length;
      expect(replay.outputs.replay).toMatchObject({ total: String(stored), failed: '0', compatible: 'true' });
      expect(ownGitHub.state.comments.filter((c) => c.issue === 21)).toHaveLength(1);
    } finally {
      await Promise.all([own.remove(), ownGitHub.close()]);
    }
  }, 480_000);

  describe('the nightly capture', () => {
    it('schedule: open runs on the dev server become a pull request with fresh histories', async () => {
      await openRun('nightly-1');
      const run = await runAct({
        repo: repo.path,
        workflow: '.github/workflows/capture.yml',
        event: {
          name: 'schedule',
          payload: { schedule: '17 3 * * *', repository: { full_name: 'acme/orders' } },
        },
        repositories: { [TOOLKIT]: toolkit.path },
        secrets: { TEMPORAL_ADDRESS: server.address },
        github,
      });
      expect(run.exitCode, run.log).toBe(0);
      const capture = run.job('capture histories/capture');
      expect(capture.result).toBe('success');
      expect(capture.outputs.capture).toMatchObject({ written: '2', 'pull-request': `${github.url}/pull/1` });
      const files = capture.outputs.capture?.files?.split('\n').sort() ?? [];
      expect(files).toHaveLength(2);
      expect(files.every((f) => /^histories\/fixtureOrder\/captured-open-[\w-]+\.json$/.test(f))).toBe(true);
      expect(capture.log).toContain(`captured 2 histories, pull request ${github.url}/pull/1`);
      const head = github.state.branches.get('temporal-rollout/captured-histories');
      expect(github.state.commits.get(head ?? '')?.files.sort()).toEqual(
        [...files, 'histories/manifest.json'].sort(),
      );
      expect(github.state.pulls).toEqual([
        expect.objectContaining({ number: 1, head: 'temporal-rollout/captured-histories', base: 'main' }),
      ]);
      expect(run.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)).toEqual([
        'POST /repos/acme/orders/git/trees',
        'POST /repos/acme/orders/git/commits',
        'POST /repos/acme/orders/git/refs',
        'POST /repos/acme/orders/pulls',
      ]);
    }, 300_000);

    it("this repository's own capture.yml (workflow_dispatch, ./actions/capture) proposes the same runs", async () => {
      const own = await thisRepository();
      const ownGitHub = await startFakeGitHub();
      try {
        const run = await runAct({
          repo: own.path,
          workflow: '.github/workflows/capture.yml',
          event: {
            name: 'workflow_dispatch',
            // capture.yml runs only from the default branch (the snapshot's branch is main).
            payload: {
              inputs: {},
              repository: { full_name: 'temporal-rollout/temporal-rollout', default_branch: 'main' },
            },
          },
          repositories: {},
          secrets: { TEMPORAL_ADDRESS: server.address },
          github: ownGitHub,
        });
        expect(run.exitCode, run.log).toBe(0);
        const capture = run.job('capture histories/capture');
        expect(capture.result).toBe('success');
        expect(capture.steps.map((s) => [s.name, s.result])).toEqual([
          ['actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683', 'success'],
          ['./actions/capture', 'success'],
        ]);
        const outputs = Object.values(capture.outputs)[0];
        // Every open run of every type on the server: live-1 and nightly-1.
        expect(outputs).toMatchObject({ written: '2', 'pull-request': `${ownGitHub.url}/pull/1` });
        expect(ownGitHub.state.pulls).toEqual([
          expect.objectContaining({ head: 'temporal-rollout/captured-histories', base: 'main' }),
        ]);
        expect(
          run.requests.every((r) => r.path.startsWith('/repos/temporal-rollout/temporal-rollout/')),
        ).toBe(true);
      } finally {
        await Promise.all([own.remove(), ownGitHub.close()]);
      }
    }, 300_000);
  });
});
