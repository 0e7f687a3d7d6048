// Faults on the Helm path, driven the way a pipeline drives it: the bundled CLI (`node actions/dist/cli.js
// <step> --deployer helm`) against a kwok cluster and a real dev server, with the stand-in kubelet running
// every worker pod as a real worker process. Each deploy that hangs is SIGKILLed (the whole process group,
// helm included) while its release is `pending-*`, then the same command runs again and must converge.
// Deploys hang on a ResourceQuota that refuses the next pod, which also shows the refusal reaching the error.

import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { describe, it } from 'vitest';
import type { HelmRevision } from '../../actions/src/adapters/helm.js';
import type { StepResult } from '../../actions/src/steps/rollout.js';
import type { KubernetesCluster } from '../../scripts/local-platform/kubernetes.js';
import { repoRoot } from '../../scripts/tool-paths.mjs';
import { approveSignal, statusQuery } from '../../worker/src/workflows/definitions.js';
import { limitPods, unlimitPods } from '../support/cluster-namespace.js';
import { killGroup } from '../support/process-group.js';
import {
  digest,
  type HelmLine,
  workerQueues as queues,
  route,
  useHelmLine,
  useSharedCluster,
} from './helm-lines.js';

const CLI = join(repoRoot, 'actions', 'dist', 'cli.js');

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  result?: StepResult;
}

const order = (id: string, amountCents: number) => ({
  orderId: id,
  customerId: 'c-1',
  items: [{ sku: 'sku-1', quantity: 1 }],
  amountCents,
  currency: 'USD',
  paymentToken: 'tok_faults',
  shippingAddress: '1 Cluster Street',
});

/** One line of faults (a namespace of the shared cluster, a dev server, the pods) and the CLI against it. */
interface Sandbox extends HelmLine {
  cli(args: string[]): Promise<CliRun>;
  /**
   * Starts `args` in its own process group under a ResourceQuota of `quota.hard` pods (in force once the
   * namespace holds `quota.present`), SIGKILLs the group, helm included, once the newest revision of `release`
   * matches (failing with what the step printed if it ended first), then lifts the quota.
   */
  killWhenLatest(
    args: string[],
    release: string,
    match: (row: HelmRevision) => boolean,
    quota: { hard: number; present: number },
  ): Promise<void>;
}

/**
 * Registers the hooks that start a sandbox in namespace `name` of `shared` before the calling describe block's
 * cases and stop it after them; returns the sandbox.
 */
function useSandbox(shared: () => KubernetesCluster, name: string): () => Sandbox {
  return useHelmLine(
    shared,
    name,
    {
      // The chart's default is 2; the values file says 1 and no --replicas is given: the values file decides.
      values: 'replicaCount: 1\n',
      drain: '{ policy: wait, timeout: 60s }',
      // A short Helm timeout (a killed deploy's pending revision counts as stuck 15 s after it), with room for
      // the stand-in kubelet to start a worker on a loaded machine: a pod is Ready only once its worker is.
      helmTimeoutS: 30,
      hookTimeoutsMs: { start: 180_000, stop: 120_000 },
    },
    async (line) => {
      const cliArgs = (args: string[]) => [CLI, ...args, ...line.cliFlags(), '--json'];
      const startCli = (args: string[]): ResultPromise =>
        execa('node', cliArgs(args), { reject: false, detached: true });
      return {
        ...line,
        async cli(args) {
          const run = await execa('node', cliArgs(args), { reject: false, timeout: 240_000 });
          const code = run.exitCode ?? -1;
          return {
            code,
            stdout: run.stdout,
            stderr: run.stderr,
            ...(code === 0 || code === 3 ? { result: JSON.parse(run.stdout) as StepResult } : {}),
          };
        },
        async killWhenLatest(args, release, match, quota) {
          await limitPods(line.cluster, quota.hard, quota.present);
          const killed = startCli(args);
          try {
            await line.waitForLatest(release, match, {
              runs: [killed],
              timeoutMs: 90_000,
              said: async (run) => {
                const done = await run;
                return `the step ended (exit ${done.exitCode}):\n${done.stderr}`;
              },
            });
          } catch (err) {
            // Not left running (or holding the quota) for the cases after this one.
            await killGroup(killed).catch(() => undefined);
            await unlimitPods(line.cluster);
            throw err;
          }
          await killGroup(killed);
          await unlimitPods(line.cluster);
        },
      };
    },
  );
}

describe('Helm path faults through the CLI: killed deploys, manual rollback routing, quota refusals', () => {
  // One kwok cluster for the file (its start is the slow part); each describe block below gets a namespace of
  // its own in it, with its own dev server and pods, so the three run side by side (concurrent suites) while
  // the cases inside each run in order (it.sequential), each building on the state the one before left.
  const shared = useSharedCluster();

  describe('deploys killed while pending, from the first install to a promotion', {
    concurrent: true,
  }, () => {
    const sandbox = useSandbox(shared, 'faults-killed');

    it.sequential('installs the first release with replicaCount from the values file', async ({ expect }) => {
      const { pods, cli, deployment, routesInCluster } = sandbox();
      const first = await cli(['canary', '--version', '1.0.0', '--image', digest(1)]);
      expect(first, first.stderr).toMatchObject({ code: 0, result: { outcome: 'done', stable: '1.0.0' } });
      expect((await deployment('order-worker')).spec.replicas).toBe(1);
      expect(await routesInCluster()).toEqual([route(1, 100)]);
      await pods.waitFor((running) => queues(running).join() === 'order-task-queue-v1', 'one v1 worker');
    }, 180_000);

    it.sequential('recovers a canary whose first install was killed at pending-install, and the re-run converges', async ({
      expect,
    }) => {
      const { pods, cli, killWhenLatest, history, routesInCluster } = sandbox();
      const args = ['canary', '--version', '2.0.0', '--image', digest(2), '--weight', '50'];
      await killWhenLatest(args, 'order-worker-canary', (row) => row.status === 'pending-install', {
        hard: 1,
        present: 1,
      });
      expect((await history('order-worker-canary')).map((r) => r.status)).toEqual(['pending-install']);

      const rerun = await cli(args);
      expect(rerun, rerun.stderr).toMatchObject({
        code: 0,
        result: { outcome: 'done', phase: 'canary', canary: { version: '2.0.0', weight: 50 } },
      });
      expect(rerun.result?.actions.join('\n')).toMatch(
        /order-worker-canary was stuck pending-install at revision 1 .*uninstalled it/,
      );
      // What the step reports is what the cluster serves.
      expect(rerun.result?.routing?.routes).toEqual([route(1, 50), route(2, 50)]);
      expect(await routesInCluster()).toEqual([route(1, 50), route(2, 50)]);
      expect((await history('order-worker-canary')).at(-1)?.status).toBe('deployed');
      await pods.waitFor(
        (running) => queues(running).join() === 'order-task-queue-v1,order-task-queue-v2',
        'v1 and v2 workers',
      );
    }, 240_000);

    it.sequential('recovers the stable release killed at pending-upgrade during promote, and the re-run promotes', async ({
      expect,
    }) => {
      const { pods, cli, killWhenLatest, history, imageOf, routesInCluster, stateInCluster } = sandbox();
      const before = (await history('order-worker')).at(-1)?.revision ?? 0;
      // Revision before+1 moves the routes (no new pod); before+2 replaces the workers and waits for a pod.
      await killWhenLatest(
        ['promote', '--version', '2.0.0'],
        'order-worker',
        (row) => row.status === 'pending-upgrade' && row.revision >= before + 2,
        { hard: 2, present: 2 },
      );
      expect((await history('order-worker')).at(-1)?.status).toBe('pending-upgrade');

      const rerun = await cli(['promote', '--version', '2.0.0']);
      expect(rerun, rerun.stderr).toMatchObject({
        code: 0,
        result: { outcome: 'done', stable: '2.0.0', phase: 'stable' },
      });
      expect(rerun.result?.actions.join('\n')).toMatch(
        /order-worker was stuck pending-upgrade at revision \d+ .*rolled back to revision \d+, the last good one/,
      );
      expect(await imageOf('order-worker')).toBe(digest(2));
      expect(await routesInCluster()).toEqual([route(2, 100)]);
      expect(await history('order-worker-canary')).toEqual([]);
      expect((await stateInCluster()).history.at(-1)).toMatchObject({ event: 'promote', version: '2.0.0' });
      await pods.waitFor((running) => queues(running).join() === 'order-task-queue-v2', 'only v2 workers');
    }, 240_000);
  });

  describe('a manual rollback continued, and a quota refusal, from stable 2.0.0 over 1.0.0', {
    concurrent: true,
  }, () => {
    const sandbox = useSandbox(shared, 'faults-rollback');

    it.sequential('installs 1.0.0 and promotes 2.0.0, the releases the rollbacks go between', async ({
      expect,
    }) => {
      const { cli, routesInCluster, pods } = sandbox();
      for (const args of [
        ['canary', '--version', '1.0.0', '--image', digest(1)],
        ['canary', '--version', '2.0.0', '--image', digest(2), '--weight', '50'],
        ['promote', '--version', '2.0.0'],
      ]) {
        const step = await cli(args);
        expect(step.code, step.stderr).toBe(0);
      }
      expect(await routesInCluster()).toEqual([route(2, 100)]);
      await pods.waitFor((running) => queues(running).join() === 'order-task-queue-v2', 'only v2 workers');
    }, 240_000);

    it.sequential('continues a waiting manual rollback by re-running it: routing ends on v1 and new orders complete there', async ({
      expect,
    }) => {
      const { server, pods, cli, history, imageOf, routesInCluster, stateInCluster } = sandbox();
      const { Client, Connection } = await import('@temporalio/client');
      const connection = await Connection.connect({ address: server.address });
      try {
        const client = new Client({ connection });
        // An order held for approval on v2: the rollback must wait for it before v2's workers stop.
        const held = await client.workflow.start('OrderWorkflow', {
          taskQueue: 'order-task-queue-v2',
          workflowId: 'faults-held-v2',
          args: [order('faults-held-v2', 150_000)],
        });
        await expect
          .poll(async () => (await held.query(statusQuery).catch(() => undefined))?.stage, {
            timeout: 30_000,
          })
          .toBe('AWAITING_APPROVAL');

        // A short drain timeout: the step reports waiting instead of holding the test.
        const waiting = await cli(['rollback', '--to', '1.0.0', '--drain-timeout', '3s']);
        expect(waiting, waiting.stderr).toMatchObject({
          code: 3,
          result: { outcome: 'waiting', phase: 'promoting' },
        });
        expect(await routesInCluster()).toEqual([route(1, 100)]);
        expect(await imageOf('order-worker-canary')).toBe(digest(1));
        // The same command again continues the same rollback (it waits again: the order is still open).
        const again = await cli(['rollback', '--to', '1.0.0', '--drain-timeout', '3s']);
        expect(again, again.stderr).toMatchObject({ code: 3, result: { outcome: 'waiting' } });
        const plain = await cli(['rollback']);
        // Refused before anything changes: an input error, exit 2 (the CLI's one exit-code rule).
        expect(plain.code).toBe(2);
        expect(plain.stderr).toMatch(/re-run rollback --to 1.0.0 to continue it/);

        await held.signal(approveSignal, { approver: 'faults-test' });
        expect(await held.result()).toMatchObject({ outcome: 'COMPLETED' });
        const done = await cli(['rollback', '--to', '1.0.0']);
        expect(done, done.stderr).toMatchObject({
          code: 0,
          result: { outcome: 'done', stable: '1.0.0', phase: 'stable', routing: { routes: [route(1, 100)] } },
        });
        expect((await stateInCluster()).history.at(-1)).toMatchObject({ event: 'restore', version: '1.0.0' });
        // The routing ConfigMap (not a remembered copy) sends new work to v1, and only v1 workers run.
        expect(await routesInCluster()).toEqual([route(1, 100)]);
        expect(await imageOf('order-worker')).toBe(digest(1));
        expect(await history('order-worker-canary')).toEqual([]);
        await pods.waitFor((running) => queues(running).join() === 'order-task-queue-v1', 'only v1 workers');

        // A new order sent where the ConfigMap says completes: a v1 worker polls that queue.
        const [target] = (await routesInCluster()) as { taskQueue: string }[];
        const fresh = await client.workflow.start('OrderWorkflow', {
          taskQueue: target?.taskQueue ?? 'none',
          workflowId: 'faults-after-restore',
          args: [order('faults-after-restore', 1_000)],
          workflowExecutionTimeout: 60_000,
        });
        expect(await fresh.result()).toMatchObject({ outcome: 'COMPLETED' });
        expect((await fresh.describe()).taskQueue).toBe('order-task-queue-v1');
      } finally {
        await connection.close();
      }
    }, 300_000);

    it.sequential('fails a canary refused by a ResourceQuota with the reason Kubernetes gave, changing nothing', async ({
      expect,
    }) => {
      const { cluster, cli, history, routesInCluster, stateInCluster } = sandbox();
      await limitPods(cluster, 1, 1);
      const refused = await cli(['canary', '--version', '3.0.0', '--image', digest(3), '--weight', '50']);
      await unlimitPods(cluster);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/Kubernetes refused the pods: .*exceeded quota: pods/);
      expect((await history('order-worker-canary')).map((r) => r.status)).not.toContain('deployed');
      expect(await routesInCluster()).toEqual([route(1, 100)]);
      expect((await stateInCluster()).canary).toBeUndefined();
      // Nothing to roll back: the state and the cluster agree that no canary runs.
      const nothing = await cli(['rollback']);
      expect(nothing).toMatchObject({ code: 0, result: { outcome: 'unchanged' } });
    }, 240_000);
  });

  describe('a manual rollback killed while pending, returning to an earlier revision', {
    concurrent: true,
  }, () => {
    const sandbox = useSandbox(shared, 'faults-rollback-killed');

    it.sequential('installs 1.0.0, promotes 2.0.0 and restores 1.0.0: a good revision a rollback can return to', async ({
      expect,
    }) => {
      const { cli, routesInCluster, history, pods } = sandbox();
      for (const args of [
        ['canary', '--version', '1.0.0', '--image', digest(1)],
        ['canary', '--version', '2.0.0', '--image', digest(2), '--weight', '50'],
        ['promote', '--version', '2.0.0'],
        ['rollback', '--to', '1.0.0'],
      ]) {
        const step = await cli(args);
        expect(step.code, step.stderr).toBe(0);
      }
      expect(await routesInCluster()).toEqual([route(1, 100)]);
      // The restore left stable a revision running 1.0.0 with today's routes: the next restore of 1.0.0 is a
      // `helm rollback` to it (pending-rollback while it runs), not an upgrade.
      expect((await history('order-worker')).at(-1)).toMatchObject({ status: 'deployed' });
      await pods.waitFor((running) => queues(running).join() === 'order-task-queue-v1', 'only v1 workers');
    }, 300_000);

    it.sequential('recovers the stable release killed at pending-rollback during a manual rollback, and the re-run restores', async ({
      expect,
    }) => {
      const { pods, cli, killWhenLatest, history, imageOf, routesInCluster, stateInCluster } = sandbox();
      for (const args of [
        ['canary', '--version', '2.0.0', '--image', digest(2), '--weight', '50'],
        ['promote', '--version', '2.0.0'],
      ]) {
        const step = await cli(args);
        expect(step.code, step.stderr).toBe(0);
      }
      expect(await routesInCluster()).toEqual([route(2, 100)]);
      // Stable's one pod plus the restored release beside it fit; replacing stable's pod does not.
      await killWhenLatest(
        ['rollback', '--to', '1.0.0'],
        'order-worker',
        (row) => row.status === 'pending-rollback',
        { hard: 2, present: 1 },
      );
      expect((await history('order-worker')).at(-1)?.status).toBe('pending-rollback');

      const rerun = await cli(['rollback', '--to', '1.0.0']);
      expect(rerun, rerun.stderr).toMatchObject({
        code: 0,
        result: { outcome: 'done', stable: '1.0.0', phase: 'stable' },
      });
      expect(rerun.result?.actions.join('\n')).toMatch(
        /order-worker was stuck pending-rollback at revision \d+/,
      );
      expect(await routesInCluster()).toEqual([route(1, 100)]);
      expect(await imageOf('order-worker')).toBe(digest(1));
      expect((await stateInCluster()).history.at(-1)).toMatchObject({ event: 'restore', version: '1.0.0' });
      await pods.waitFor((running) => queues(running).join() === 'order-task-queue-v1', 'only v1 workers');
    }, 300_000);
  });
});
