// Lines of Helm releases side by side in one kwok cluster, as the longest Kubernetes files run them: the file
// starts one cluster (its start is the slow part), and each of its describe blocks (`concurrent: true`) is a
// line in a namespace of its own, with its own dev server, temp folder, rollout.yaml and order-worker pods, so
// the lines run side by side while the cases inside each run in order. Here: the hooks that start and stop the
// cluster and a line, what every line reads from its namespace, and the wait for a Helm revision.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResultPromise } from 'execa';
import { afterAll, beforeAll } from 'vitest';
import type { HelmRevision } from '../../actions/src/adapters/helm.js';
import { sleep } from '../../actions/src/core/sleep.js';
import {
  inNamespace,
  type KubernetesCluster,
  startKubernetes,
} from '../../scripts/local-platform/kubernetes.js';
import type { PodProcess, PodRunner } from '../../scripts/local-platform/kwok-pods.js';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { startTemporal, type TemporalDevServer } from '../../scripts/local-platform/temporal.js';
import { tool } from '../../scripts/local-platform/tools.js';
import { clusterRoutes, clusterState, helmHistory } from '../support/cluster-namespace.js';
import { helmRolloutYaml, startOrderWorkerPods } from './rollout-support.js';

/** The image of order-worker release `n` (1 → 1.0.0), by a digest made of that digit. */
export const digest = (n: number) => `registry.example.com/acme/order-worker@sha256:${String(n).repeat(64)}`;

/** The route of release `version`'s order task queue at `weight` percent, as the routing ConfigMap holds it. */
export const route = (version: number, weight: number) => ({
  taskQueue: `order-task-queue-v${version}`,
  weight,
});

/** The order task queues the running worker pods poll, sorted (the starter's pod, if it runs, is not one). */
export const workerQueues = (running: PodProcess[]) =>
  running
    .filter((p) => p.labels['app.kubernetes.io/component'] === 'worker')
    .map((p) => p.env.ORDER_TASK_QUEUE)
    .sort();

/** The fields of a Deployment (`kubectl get deployment -o json`) the lines' cases read. */
export interface Deployment {
  spec: {
    replicas: number;
    template: { spec: { containers: { image: string; env?: { name: string; value?: string }[] }[] } };
  };
}

/**
 * Registers, in the calling describe block, the hooks that start one kwok cluster (pods Ready as the stand-in
 * kubelet runs them) before its cases and delete it after them; returns the cluster for the lines in it.
 */
export function useSharedCluster(): () => KubernetesCluster {
  let shared: KubernetesCluster | undefined;
  beforeAll(async () => {
    shared = await startKubernetes({ nodes: 1, podReadiness: 'stand-in-kubelet' });
  }, 180_000);
  afterAll(async () => {
    // delete() throws when the cluster does not stop cleanly: the suite fails rather than leaking it.
    await shared?.delete();
  }, 120_000);
  return () => {
    if (!shared) throw new Error('the shared kwok cluster did not start');
    return shared;
  };
}

export interface HelmLineOptions {
  /** values.yaml the rollout installs the chart with. */
  values: string;
  /** rollout.yaml `helm.timeout`, in seconds. */
  helmTimeoutS: number;
  /** rollout.yaml `strategy.drain`, `strategy.steps` and lines at its end (see helmRolloutYaml). */
  drain: string;
  steps?: string;
  extra?: string[];
  /** The chart's pod components the stand-in kubelet runs (default: its workers). */
  components?: readonly ('worker' | 'starter')[];
  /** Arguments for the line's dev server. */
  temporalArgs?: string[];
  /** How long the line may take to start, and to stop. */
  hookTimeoutsMs: { start: number; stop: number };
}

/** One line's namespace, dev server, folder and pods, and what its cases read from them. */
export interface HelmLine {
  /** The shared cluster, seen from the line's namespace. */
  cluster: KubernetesCluster;
  server: TemporalDevServer;
  dir: TempDir;
  pods: PodRunner;
  /**
   * The CLI flags that point a step or the controller at this line: its rollout.yaml, Helm in its namespace
   * through `kubeconfig` (default: the cluster admin's), its dev server and its state folder.
   */
  cliFlags(kubeconfig?: string): string[];
  history(release: string): Promise<HelmRevision[]>;
  deployment(name: string): Promise<Deployment>;
  imageOf(name: string): Promise<string | undefined>;
  routesInCluster(): ReturnType<typeof clusterRoutes>;
  stateInCluster(): ReturnType<typeof clusterState>;
  /**
   * Polls every 200 ms until the newest revision of `release` matches. Fails as soon as one of `runs` (what
   * should get it there) ends first, with what `said` tells of it, and after `timeoutMs` with the history.
   */
  waitForLatest(
    release: string,
    match: (row: HelmRevision) => boolean,
    watch: {
      runs: ResultPromise[];
      timeoutMs: number;
      said(run: ResultPromise): string | Promise<string>;
      /** More to tell on a timeout. */
      context?(): Promise<string>;
    },
  ): Promise<HelmRevision>;
  /** Runs `stop` when the line stops: the last registered first, every one even if another throws. */
  onStop(stop: () => Promise<unknown>): void;
}

/**
 * Registers, in the calling describe block, the hooks that start a line in namespace `name` of `shared`
 * before its cases and stop it after them. `extend` adds what the block needs to the line (its CLI, say),
 * registering with `onStop` whatever it starts. Returns what `extend` returned, once the line has started.
 */
export function useHelmLine<T>(
  shared: () => KubernetesCluster,
  name: string,
  options: HelmLineOptions,
  extend: (line: HelmLine) => Promise<T>,
): () => T {
  const stops: (() => Promise<unknown>)[] = [];
  let current: T | undefined;
  beforeAll(async () => {
    current = await extend(await startHelmLine(shared(), name, options, (stop) => stops.push(stop)));
  }, options.hookTimeoutsMs.start);
  afterAll(async () => {
    const failures: unknown[] = [];
    for (const stop of stops.toReversed()) await stop().catch((err: unknown) => failures.push(err));
    if (failures.length > 0) throw failures[0];
  }, options.hookTimeoutsMs.stop);
  return () => {
    if (current === undefined) throw new Error(`line ${name} did not start`);
    return current;
  };
}

async function startHelmLine(
  shared: KubernetesCluster,
  name: string,
  options: HelmLineOptions,
  onStop: (stop: () => Promise<unknown>) => void,
): Promise<HelmLine> {
  const [namespaced, started, made] = await Promise.allSettled([
    inNamespace(shared, name),
    startTemporal({ extraArgs: options.temporalArgs }),
    tempDir(name),
  ]);
  // Registered before a failure is thrown: what did start stops with the line (the server before the folder).
  if (made.status === 'fulfilled') onStop(() => made.value.remove());
  if (started.status === 'fulfilled') onStop(() => started.value.teardown());
  if (namespaced.status === 'rejected') throw namespaced.reason;
  if (started.status === 'rejected') throw started.reason;
  if (made.status === 'rejected') throw made.reason;
  const [cluster, server, dir] = [namespaced.value, started.value, made.value];

  const values = join(dir.path, 'values.yaml');
  await writeFile(values, options.values);
  const config = join(dir.path, 'rollout.yaml');
  await writeFile(
    config,
    helmRolloutYaml({
      drain: options.drain,
      helm: `{ release: order-worker, timeout: ${options.helmTimeoutS}s, valuesFiles: [ ${JSON.stringify(values)} ] }`,
      steps: options.steps,
      extra: options.extra,
    }),
  );
  const pods = await startOrderWorkerPods(cluster, dir.path, options.components);
  onStop(() => pods.stop());

  const history = (release: string) => helmHistory(cluster, release);
  const deployment = (deploymentName: string) =>
    cluster.getJson<Deployment>(['deployment', deploymentName, '-n', cluster.namespace]);
  return {
    cluster,
    server,
    dir,
    pods,
    cliFlags: (kubeconfig = cluster.kubeconfig) => [
      '--config',
      config,
      '--deployer',
      'helm',
      '--kubeconfig',
      kubeconfig,
      '--helm-namespace',
      cluster.namespace,
      '--helm',
      tool('helm'),
      '--temporal-address',
      server.address,
      '--state-dir',
      join(dir.path, '.rollout'),
    ],
    history,
    deployment,
    imageOf: async (deploymentName) =>
      (await deployment(deploymentName)).spec.template.spec.containers[0]?.image,
    routesInCluster: () => clusterRoutes(cluster),
    stateInCluster: () => clusterState(cluster),
    async waitForLatest(release, match, watch) {
      const ended = new Set<ResultPromise>();
      for (const run of watch.runs) void run.finally(() => ended.add(run));
      for (const deadline = Date.now() + watch.timeoutMs; Date.now() < deadline; ) {
        const latest = (await history(release)).at(-1);
        if (latest && match(latest)) return latest;
        const gone = watch.runs.find((run) => ended.has(run));
        if (gone) throw new Error(`${await watch.said(gone)}\n(before ${release} got there)`);
        await sleep(200);
      }
      const more = watch.context ? `; ${await watch.context()}` : '';
      throw new Error(
        `${release} never reached the awaited revision: ${JSON.stringify(await history(release))}${more}`,
      );
    },
    onStop,
  };
}
