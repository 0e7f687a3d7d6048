// Issue 15 item 8 through the rollout workflow, from the door users use (`temporal-rollout release`, a real
// process with its own rollout worker): the replay verdict the release is handed chooses the queue. A
// same-queue release takes over stable's queue with no drain; with no analysis label named, its analyses
// compare the two builds by the build id every worker metric carries (temporal_rollout_build_id), so a good one
// is promoted and a bad one rolled back; a task_queue label named in rollout.yaml cannot tell them apart, so it
// holds for a person. A new-queue release gets a versioned queue of its own, its analyses compare the two
// queues, and stable's queue drains. The status says which rule chose the queue and the selector. Real dev
// server, real order workers (local deployer), real Prometheus.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { FileStateStore } from '../../actions/src/adapters/state-file.js';
import { type RolloutStatus, releaseOutcome } from '../../actions/src/controller/api.js';
import { readStatus, sendAction } from '../../actions/src/controller/client.js';
import type { ManagedProcess } from '../../scripts/local-platform/process.js';
import {
  brief,
  type ControllerFixture,
  controllerYaml,
  startControllerFixture,
  WORKFLOW_ID,
} from './controller-support.js';
import { WORKER_DIST } from './rollout-support.js';

const V1 = 'order-task-queue-v1';

async function exitOf(proc: ManagedProcess, timeoutMs: number): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new Error(`${proc.name} still runs after ${timeoutMs} ms:\n${proc.output().slice(-3_000)}`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([proc.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A controller fixture (dev server, Prometheus, order workers) for the cases of the calling describe block,
 * started before them and stopped after them, with the release CLI and the rollout state file it keeps.
 */
function useLine() {
  let started: ControllerFixture | undefined;
  beforeAll(async () => {
    started = await startControllerFixture();
  }, 180_000);
  afterAll(async () => {
    await started?.close();
  }, 120_000);
  const fixture = () => {
    if (!started) throw new Error('the controller fixture did not start');
    return started;
  };
  return {
    get fx() {
      return fixture();
    },
    state: () => new FileStateStore(join(fixture().dir.path, '.rollout', 'state.json')).load(),
    release: (version: string, extra: string[] = []) =>
      fixture().cli(
        'release',
        [
          '--version',
          version,
          '--image',
          `file:${join(WORKER_DIST, 'main.js')}`,
          '--drain-poll',
          '1s',
          '--heartbeat-timeout',
          '5s',
          '--requested-by',
          'test',
          ...extra,
        ],
        `release-${version}`,
      ),
  };
}

/** The build ids Prometheus saw on `metric` of `queue` over the test (also from workers since stopped). */
async function buildIdsSeen(fx: ControllerFixture, metric: string, queue: string): Promise<string[]> {
  const query = `count by (temporal_rollout_build_id) (last_over_time(${metric}{task_queue="${queue}"}[15m]))`;
  const response = await fetch(`${fx.prometheus.url}/api/v1/query?query=${encodeURIComponent(query)}`);
  const body = (await response.json()) as { data: { result: { metric: Record<string, string> }[] } };
  return body.data.result.map((r) => r.metric.temporal_rollout_build_id ?? '').sort();
}

const drained = (status: RolloutStatus, version: string) =>
  status.history.some((e) => e.event === 'drain' && e.version === version);

describe('the replay verdict chooses the queue of a release run by the rollout workflow', () => {
  // Two lines side by side (concurrent suites), each with its own fixture: the same-queue release, and the
  // new-queue release with its analyses and drain. The cases inside each run in order (it.sequential).
  describe('a bad verdict, then same-queue: by build id, a bad canary, a named label', {
    concurrent: true,
  }, () => {
    const line = useLine();

    it.sequential('refuses a verdict that is not one before it starts anything', async ({ expect }) => {
      const { fx, release } = line;
      const bad = await release('1.0.0', ['--replay-deploy', 'maybe']);
      expect(await exitOf(bad, 60_000)).toBe(2);
      expect(bad.output()).toMatch(
        /--replay-deploy: "maybe" is not a replay verdict — pass same-queue or new-queue/,
      );
      expect(await readStatus(fx.client, 'order-worker')).toBeUndefined();
    }, 120_000);

    it.sequential('same-queue takes over stable’s queue with no drain, and with no label named is analysed by build id and promoted', async ({
      expect,
    }) => {
      const { fx, release, state } = line;
      const first = await release('1.0.0');
      expect(await exitOf(first, 120_000), first.output()).toBe(0);
      expect(first.output()).toMatch(/1\.0\.0: installed/);
      // Orders for every analysis of this line from here on (bounded: at most 2,400).
      await fx.startTraffic(2_400, 3);
      await new Promise((resolve) => setTimeout(resolve, 10_000));

      const same = await release('1.1.0', ['--replay-deploy', 'same-queue']);
      expect(await exitOf(same, 420_000), same.output()).toBe(0);
      // Queries (here and below) and a person's Updates need a rollout worker once the CLI's has left.
      await fx.startWorker('in-process');
      const done = await fx.waitForOutcome('1.1.0', 120_000, '1.1.0 released');
      expect(releaseOutcome(done, '1.1.0'), JSON.stringify(brief(done))).toMatchObject({
        result: 'promoted',
      });
      expect(done.release).toMatchObject({
        version: '1.1.0',
        replayDeploy: 'same-queue',
        queue: { orderQueue: V1, paymentQueue: 'payment-task-queue-v1' },
      });
      expect(done.release?.queue?.rule).toMatch(
        /^replay verdict same-queue: every open run replays on 1\.1\.0, so it takes over order-task-queue-v1 \(no drain\)$/,
      );
      expect(done.history.filter((e) => e.event === 'queue' && e.version === '1.1.0')).toHaveLength(1);
      const analyses = done.analyses.filter((a) => a.version === '1.1.0');
      expect(analyses.map((a) => [a.weight, a.verdict])).toEqual([
        [25, 'pass'],
        [50, 'pass'],
      ]);
      expect(analyses[0]?.selectors).toEqual({
        label: 'temporal_rollout_build_id',
        canary: '1.1.0',
        baseline: '1.0.0',
        matchers: `task_queue=~"order-task-queue-v1|payment-task-queue-v1"`,
        rule: 'canary and stable both poll order-task-queue-v1,payment-task-queue-v1, so they are compared by their build id (temporal_rollout_build_id 1.1.0 against 1.0.0) on those queues',
      });
      // A pass needs canary traffic under its build id (a first tick may find no series of the new build yet):
      // the canary's value is what its workers' metrics carry.
      const measured = analyses.flatMap(
        (a) =>
          a.checks
            .find((c) => c.name === 'activity-failure-rate')
            ?.measurements.filter((m) => m.phase === 'Successful') ?? [],
      );
      expect(measured.length).toBeGreaterThan(0);
      for (const m of measured) expect(m.canarySamples ?? 0, JSON.stringify(m)).toBeGreaterThanOrEqual(2);
      // And Prometheus, scraping the real workers, saw both builds on the one queue, on Core's and our own metrics.
      for (const metric of ['temporal_activity_execution_latency_count', 'order_activity_attempts']) {
        expect(await buildIdsSeen(fx, metric, 'payment-task-queue-v1'), metric).toEqual(
          expect.arrayContaining(['1.0.0', '1.1.0']),
        );
      }
      expect(drained(done, '1.1.0')).toBe(false);
      expect((await state())?.stable).toMatchObject({ version: '1.1.0', orderQueue: V1 });
      expect(await fx.deployer.workers('canary')).toEqual([]);
    }, 720_000);

    it.sequential('a bad same-queue canary fails its build-id analysis and is rolled back', async ({
      expect,
    }) => {
      const { fx, release, state } = line;
      const bad = await release('1.1.1', [
        '--replay-deploy',
        'same-queue',
        '--env',
        'FAULT_PAYMENT_RATE=0.8',
      ]);
      expect(await exitOf(bad, 420_000), bad.output()).toBe(1);
      const done = await fx.waitForOutcome('1.1.1', 120_000, '1.1.1 released');
      expect(releaseOutcome(done, '1.1.1'), JSON.stringify(brief(done))).toMatchObject({
        result: 'rolled-back',
      });
      expect(releaseOutcome(done, '1.1.1')?.reasons.join('; ')).toMatch(
        /^analysis failed at 25%: .*activity-failure-rate/,
      );
      const analysis = done.analyses.find((a) => a.version === '1.1.1');
      expect(analysis).toMatchObject({
        verdict: 'fail',
        selectors: { label: 'temporal_rollout_build_id', canary: '1.1.1', baseline: '1.1.0' },
      });
      expect((await state())?.stable).toMatchObject({ version: '1.1.0', orderQueue: V1 });
      expect(await fx.deployer.workers('canary')).toEqual([]);
    }, 600_000);

    it.sequential('a label named in rollout.yaml is kept: task_queue on one queue cannot tell the two apart, so it holds', async ({
      expect,
    }) => {
      const { fx, release, state } = line;
      await writeFile(
        fx.configFile,
        controllerYaml().replace('  builtins:', '  selector: { label: task_queue }\n  builtins:'),
      );
      try {
        const same = await release('1.1.2', ['--replay-deploy', 'same-queue']);
        // Both builds poll one queue, so their metrics carry one task_queue value: no evidence, so it holds (5).
        expect(await exitOf(same, 300_000), same.output()).toBe(5);
        expect(same.output()).toMatch(/1\.1\.2 holds at 25%/);
      } finally {
        await writeFile(fx.configFile, controllerYaml());
      }
      const held = await readStatus(fx.client, 'order-worker');
      expect(held?.phase, JSON.stringify(brief(held))).toBe('held');
      expect(held?.routing).toEqual({ routes: [{ taskQueue: V1, weight: 100 }] });
      const analysis = held?.analyses.find((a) => a.version === '1.1.2');
      expect(analysis).toMatchObject({ verdict: 'inconclusive', ticks: 0 });
      expect(analysis?.selectors.rule).toBe(
        'analysis.selector.label task_queue: canary and stable both poll order-task-queue-v1,payment-task-queue-v1, so their metrics cannot be told apart',
      );
      expect(analysis?.reasons[0]).toMatch(
        /^canary and baseline both have task_queue="order-task-queue-v1,payment-task-queue-v1": the analysis cannot tell 1\.1\.2 from stable/,
      );

      // A person decides: abort.
      await sendAction(fx.client, 'order-worker', 'abort', { reason: 'not today' });
      const done = await fx.waitForOutcome('1.1.2', 120_000, '1.1.2 aborted');
      expect(releaseOutcome(done, '1.1.2'), JSON.stringify(brief(done))).toMatchObject({ result: 'aborted' });
      expect((await state())?.stable).toMatchObject({ version: '1.1.0', orderQueue: V1 });
      // The run ends once nothing is left to do; the next release starts a new one.
      await fx.waitFor((s) => s.phase === 'done', 60_000, 'the rollout run to finish');
      await expect
        .poll(async () => (await fx.client.workflow.getHandle(WORKFLOW_ID).describe()).status.name, {
          timeout: 60_000,
        })
        .toBe('COMPLETED');
    }, 420_000);
  });

  describe('new-queue', { concurrent: true }, () => {
    const line = useLine();

    it.sequential('installs 1.0.0, a rollout worker polling beside the release CLI', async ({ expect }) => {
      const { fx, release } = line;
      const first = await release('1.0.0');
      expect(await exitOf(first, 120_000), first.output()).toBe(0);
      expect(first.output()).toMatch(/1\.0\.0: installed/);
      // The release CLI's worker leaves with it; the drain may be handed to one that keeps polling.
      await fx.startWorker('in-process');
      await fx.waitFor((s) => s.phase === 'done', 60_000, 'the rollout run to finish');
    }, 240_000);

    it.sequential('new-queue gets a versioned queue, is analysed against stable’s, and stable’s queue drains', async ({
      expect,
    }) => {
      const { fx, release, state } = line;
      // Orders for the analyses (bounded: stable's queue drains what it got before the promotion).
      await fx.startTraffic(900);
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      const own = await release('1.2.0', ['--replay-deploy', 'new-queue']);
      // Promoted while attached, or handed to the in-process worker once only the drain is left: both exit 0.
      expect(await exitOf(own, 480_000), own.output()).toBe(0);
      const done = await fx.waitForOutcome('1.2.0', 420_000, '1.2.0 released');
      expect(releaseOutcome(done, '1.2.0'), JSON.stringify(brief(done))).toMatchObject({
        result: 'promoted',
      });
      expect(done.release?.queue).toMatchObject({
        orderQueue: 'order-task-queue-v1.2.0',
        paymentQueue: 'payment-task-queue-v1.2.0',
      });
      expect(done.release?.queue?.rule).toMatch(
        /^replay verdict new-queue: an open run does not replay on 1\.2\.0 and template \{base\}-v\{major\} gives stable's order-task-queue-v1, so it polls order-task-queue-v1\.2\.0/,
      );
      const analyses = done.analyses.filter((a) => a.version === '1.2.0');
      expect(analyses.map((a) => [a.weight, a.verdict])).toEqual([
        [25, 'pass'],
        [50, 'pass'],
      ]);
      // The analysis compares the queue the verdict chose with stable's, not the template's.
      expect(analyses[0]?.selectors).toEqual({
        label: 'task_queue',
        canary: 'order-task-queue-v1.2.0,payment-task-queue-v1.2.0',
        baseline: `${V1},payment-task-queue-v1`,
        rule: `the default label task_queue: canary polls order-task-queue-v1.2.0,payment-task-queue-v1.2.0, stable polls ${V1},payment-task-queue-v1`,
      });
      // Orders flowed to v1 until the promotion: its queue drained before 1.2.0 became stable.
      expect(drained(done, '1.2.0')).toBe(true);
      expect((await state())?.stable).toMatchObject({
        version: '1.2.0',
        orderQueue: 'order-task-queue-v1.2.0',
      });
    }, 960_000);
  });
});
