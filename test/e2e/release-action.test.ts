// The GitHub release path as a runner runs it: the bundled `release` action under Node 24, with INPUT_*
// variables, against a real dev server, real order workers (local deployer), real Prometheus and FakeGitHub.
// It starts the rollout workflow, runs the rollout worker inside the action, and the release ramps through
// every step of rollout.yaml before it is promoted.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RolloutStatus, releaseOutcome } from '../../actions/src/controller/api.js';
import {
  type ControllerFixture,
  controllerYaml,
  startControllerFixture,
} from '../integration/controller-support.js';
import { order, WORKER_DIST } from '../integration/rollout-support.js';
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js';
import { runBundledAction } from '../support/run-action.js';

describe('the bundled release action under Node 24', () => {
  let fixture: ControllerFixture;
  let github: FakeGitHub;
  let config: string;

  beforeAll(async () => {
    [fixture, github] = await Promise.all([startControllerFixture(), startFakeGitHub()]);
    // Two ramp steps with enough canary traffic at 3 orders/s for each analysis to see both sides.
    config = join(fixture.dir.path, 'release-action.rollout.yaml');
    await writeFile(
      config,
      controllerYaml({
        steps: '[ { weight: 40, pause: 1s }, { weight: 70, pause: 1s }, { weight: 100 } ]',
      }).replace('initialDelay: 4s', 'initialDelay: 8s'),
    );
  }, 240_000);
  afterAll(async () => {
    await Promise.all([fixture?.close(), github?.close()]);
  });

  const release = (version: string, extra: Record<string, string> = {}) =>
    runBundledAction('release', {
      inputs: {
        version,
        image: `file:${join(WORKER_DIST, 'main.js')}`,
        'replay-deploy': 'new-queue',
        config,
        'temporal-address': fixture.address,
        'state-dir': join(fixture.dir.path, '.rollout'),
        'worker-env': Object.entries(fixture.workerEnv)
          .map(([k, v]) => `${k}=${v}`)
          .join('\n'),
        'prometheus-url': fixture.prometheus.url,
        'drain-poll': '1s',
        'attach-timeout': '4m',
        'github-token': github.token,
        environment: 'production',
        ...extra,
      },
      env: { GITHUB_API_URL: github.url },
      timeoutMs: 300_000,
    });

  it('installs the first release, then ramps the next through every step, analyses each and promotes', async () => {
    const first = await release('1.0.0');
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    expect(first.outputs.outcome).toBe('installed');
    expect(first.outputs['workflow-id']).toBe('rollout/order-worker');
    // Orders flow from here on, through the starter that reads the routing the install wrote; stable has
    // served some before the release starts.
    await fixture.startTraffic(900);
    await new Promise((resolve) => setTimeout(resolve, 10_000));

    const second = await release('2.0.0');
    expect(second.exitCode, second.stdout + second.stderr).toBe(0);
    expect(second.outputs).toMatchObject({ outcome: 'promoted', stable: '2.0.0', canary: '' });
    const status = JSON.parse(second.outputs.status ?? '{}') as RolloutStatus;
    // rollout.yaml's steps below 100%: 40% and 70%, each analysed and passed.
    const ramp = status.analyses.filter((a) => a.version === '2.0.0');
    expect(ramp.map((a) => [a.step, a.weight, a.verdict])).toEqual([
      [1, 40, 'pass'],
      [2, 70, 'pass'],
    ]);
    const events = status.history.filter((e) => e.version === '2.0.0').map((e) => e.event);
    expect(events.filter((e) => e === 'canary')).toHaveLength(2);
    expect(events).toContain('promote');
    // The log streamed the rollout as it went.
    expect(second.stdout).toMatch(/canary 2\.0\.0/);
    expect(second.stdout).toMatch(/replay gate: new-queue/);

    // The job summary: the steps' analyses with their charts, and the deployment statuses.
    expect(second.summary).toContain('## Release 2.0.0: promoted');
    expect(second.summary).toContain('### Step 1 (40%): ✅ pass');
    expect(second.summary).toContain('### Step 2 (70%): ✅ pass');
    expect(second.summary).toContain('```mermaid');
    expect(second.summary).toContain('Replay gate: `new-queue`');
    // The verdict reached the workflow: it chose 2.0.0's queue, and the summary says so.
    expect(status.release?.queue?.rule).toMatch(
      /^replay verdict new-queue: an open run does not replay on 2\.0\.0/,
    );
    expect(second.summary).toMatch(
      /\| task queue \| order-task-queue-v2, payment-task-queue-v2 — replay verdict new-queue: .* order-task-queue-v1 drains \|/,
    );
    expect(second.summary).toMatch(/### Deployment statuses[\s\S]*\| production \| success \| promoted/);

    // One GitHub deployment per release, its status following the rollout.
    const deployments = github.state.deployments.filter((d) => d.environment === 'production');
    expect(deployments).toHaveLength(2);
    expect(deployments[1]?.statuses).toEqual(['in_progress', 'success']);
    expect(deployments[1]?.payload).toMatchObject({ step: 'release', version: '2.0.0' });
  }, 600_000);

  it('leaves a drain longer than the job to the controller polling the queue, naming it; the controller promotes', async () => {
    // An order on stable 2.0.0 that waits for a person's approval keeps 2.0.0's queue draining after 3.0.0
    // is promoted.
    const waiting = await fixture.client.workflow.start('OrderWorkflow', {
      taskQueue: 'order-task-queue-v2',
      workflowId: 'awaiting-approval-1',
      args: [order('awaiting-approval-1', 500_000)],
    });
    await fixture.startWorker('in-cluster-controller');
    const third = await release('3.0.0', { 'attach-timeout': '3m' });
    expect(third.exitCode, third.stdout + third.stderr).toBe(0);
    expect(third.outputs).toMatchObject({ outcome: 'handed-over', phase: 'promoting' });
    const notice = third.annotations.find((a) => a.level === 'notice')?.message ?? '';
    expect(notice).toMatch(/leaving the promote of 3\.0\.0: \d+ open run\(s\) on .*in-cluster-controller/);
    // Not the job's own worker, and not the first jobs' workers that the server still lists.
    expect(notice).not.toMatch(/attached-/);
    expect(third.summary).toContain('## Release 3.0.0: promoting');
    expect(github.state.deployments.at(-1)?.statuses).toEqual(['in_progress', 'in_progress']);

    // No job is attached any more: the order ends, and the controller finishes the promotion alone.
    await waiting.terminate('test: the approval never comes');
    const done = await fixture.waitFor(
      (s) => releaseOutcome(s, '3.0.0') !== undefined,
      120_000,
      'the controller to promote 3.0.0',
    );
    expect(releaseOutcome(done, '3.0.0')?.result).toBe('promoted');
  }, 600_000);

  it('refuses a bad input before anything starts, naming it', async () => {
    const run = await release('3.0.0', { 'replay-deploy': 'sideways' });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.map((a) => a.message).join('\n')).toMatch(
      /input "replay-deploy": "sideways" is not a replay verdict — pass same-queue or new-queue/,
    );
    expect(run.outputs).toEqual({});
  });
});
