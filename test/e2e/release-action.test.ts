// The GitHub release path as a runner runs it: the bundled `release` action under Node 24, with INPUT_*
// variables, against a real dev server, real order workers (local deployer), real Prometheus and FakeGitHub.
// It starts the rollout workflow, runs the rollout worker inside the action, and the release ramps through
// every step of rollout.yaml before it is promoted. Two groups, each with its own dev server, workers,
// Prometheus and FakeGitHub, run side by side (most of each is waiting on analyses and drains).

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrometheusClient } from '../../actions/src/adapters/prometheus.js';
import { type RolloutStatus, releaseOutcome } from '../../actions/src/controller/api.js';
import {
  type ControllerFixture,
  controllerYaml,
  startControllerFixture,
} from '../integration/controller-support.js';
import { bundleOrderWorkflowsOnce } from '../integration/order-bundle-once.js';
import { order, WORKER_DIST } from '../integration/rollout-support.js';
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js';
import { runBundledAction } from '../support/run-action.js';

/**
 * One group's release path: a fixture and a FakeGitHub, rollout.yaml ramping 40% → 70%, and `release` running
 * the bundled action against them.
 */
function releaseGroup() {
  let fixture: ControllerFixture | undefined;
  let github: FakeGitHub | undefined;
  let config = '';
  const started = () => {
    if (!fixture || !github) throw new Error('the release group did not start');
    return { fixture, github };
  };

  beforeAll(async () => {
    [fixture, github] = await Promise.all([startControllerFixture(), startFakeGitHub()]);
    // Two ramp steps, each analysed on the canary's share of the orders.
    config = join(fixture.dir.path, 'release-action.rollout.yaml');
    await writeFile(
      config,
      controllerYaml({ steps: '[ { weight: 40, pause: 1s }, { weight: 70, pause: 1s }, { weight: 100 } ]' }),
    );
  }, 240_000);
  afterAll(async () => {
    await Promise.all([fixture?.close(), github?.close()]);
  });

  const release = (version: string, extra: Record<string, string> = {}) => {
    const { fixture, github } = started();
    return runBundledAction('release', {
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
  };

  /**
   * Orders flow from here on, through the starter that reads the routing the install wrote; returns once
   * Prometheus has scraped stable serving some of them (bounded), so a release starts against a baseline.
   */
  const startTrafficOnStable = async () => {
    const { fixture } = started();
    // Held back while 20 orders are open: a loaded machine's backlog, which drains wait for, stays small.
    await fixture.startTraffic(900, 3, 20);
    const prometheus = new PrometheusClient({ url: fixture.prometheus.url });
    const served = async () =>
      (await prometheus.instant('sum(temporal_activity_execution_latency_count{track="stable"})'))[0]
        ?.value ?? 0;
    const deadline = Date.now() + 90_000;
    let count = await served();
    while (count < 20 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      count = await served();
    }
    expect(
      count,
      `activities stable served (rejected orders: ${fixture.rejectedOrders.join('; ')})`,
    ).toBeGreaterThanOrEqual(20);
  };

  return { started, release, startTrafficOnStable };
}

describe('the bundled release action under Node 24', () => {
  bundleOrderWorkflowsOnce();

  // Each describe.concurrent runs beside the other; the cases inside one run in order (it.sequential).
  describe.concurrent('a first release installs, the next ramps', () => {
    const group = releaseGroup();

    it.sequential('installs the first release, then ramps the next through every step, analyses each and promotes', async () => {
      const { github } = group.started();
      const first = await group.release('1.0.0');
      expect(first.exitCode, first.stdout + first.stderr).toBe(0);
      expect(first.outputs.outcome).toBe('installed');
      expect(first.outputs['workflow-id']).toBe('rollout/order-worker');
      // Stable has served some orders before the release starts.
      await group.startTrafficOnStable();

      const second = await group.release('2.0.0');
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

    it.sequential('refuses a bad input before anything starts, naming it', async () => {
      const run = await group.release('3.0.0', { 'replay-deploy': 'sideways' });
      expect(run.exitCode).toBe(1);
      expect(run.annotations.map((a) => a.message).join('\n')).toMatch(
        /input "replay-deploy": "sideways" is not a replay verdict — pass same-queue or new-queue/,
      );
      expect(run.outputs).toEqual({});
    });
  });

  describe.concurrent('a drain outlives the job', () => {
    const group = releaseGroup();

    it('leaves a drain longer than the job to the controller polling the queue, naming it; the controller promotes', async () => {
      const { fixture, github } = group.started();
      const first = await group.release('2.0.0');
      expect(first.exitCode, first.stdout + first.stderr).toBe(0);
      expect(first.outputs.outcome).toBe('installed');
      await group.startTrafficOnStable();
      // An order on stable 2.0.0 that waits for a person's approval keeps 2.0.0's queue draining after 3.0.0
      // is promoted.
      const waiting = await fixture.client.workflow.start('OrderWorkflow', {
        taskQueue: 'order-task-queue-v2',
        workflowId: 'awaiting-approval-1',
        args: [order('awaiting-approval-1', 500_000)],
      });
      await fixture.startWorker('in-cluster-controller');
      const third = await group.release('3.0.0', { 'attach-timeout': '3m' });
      expect(third.exitCode, third.stdout + third.stderr).toBe(0);
      expect(third.outputs).toMatchObject({ outcome: 'handed-over', phase: 'promoting' });
      const notice = third.annotations.find((a) => a.level === 'notice')?.message ?? '';
      expect(notice).toMatch(/leaving the promote of 3\.0\.0: \d+ open run\(s\) on .*in-cluster-controller/);
      // Not the job's own worker, and not the first job's workers that the server still lists.
      expect(notice).not.toMatch(/attached-/);
      expect(third.summary).toContain('## Release 3.0.0: promoting');
      expect(github.state.deployments.at(-1)?.statuses).toEqual(['in_progress', 'in_progress']);

      // No job is attached any more: the order ends, and the controller finishes the promotion alone.
      await waiting.terminate('test: the approval never comes');
      const done = await fixture.waitFor(
        (s) => releaseOutcome(s, '3.0.0') !== undefined,
        180_000,
        'the controller to promote 3.0.0',
      );
      expect(releaseOutcome(done, '3.0.0')?.result).toBe('promoted');
    }, 600_000);
  });
});
