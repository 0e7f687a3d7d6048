import { ExternalError } from '../core/errors.js';
import { escapeRegExp } from '../core/escape-regexp.js';
import {
  describeRoutes,
  InvalidRoutingError,
  type RoutingTable,
  readRoutingTable,
  routingToReplace,
  sameRouting,
} from '../core/rollout/routing.js';
import { sleep } from '../core/sleep.js';
import type { ApplyResult, DeployedSet, Deployer, Track, WorkerSetSpec } from './deployer.js';
import {
  describeDeploy,
  findStuck,
  type Helm,
  type HelmRevision,
  isGood,
  rolledBackTo,
  type UpgradeRequest,
  versionOf,
  versionRunBy,
} from './helm.js';
import { isKubernetesFailure, type KubernetesApi } from './kubernetes-api.js';

export interface HelmDeployerOptions {
  /** The stable release's name; the canary is `<release>-canary`. */
  release: string;
  chart: string;
  timeoutMs: number;
  valuesFiles?: readonly string[];
  /** Non-secret env for every release's workers (the `worker-env` input), under each release's own env. */
  env?: Readonly<Record<string, string>>;
  /**
   * Reads what the cluster has: the routing ConfigMap, and the events that say why pods were refused. Without
   * it, routing is read from the stable release's deployed values (`helm get values`).
   */
  kubernetes?: KubernetesApi;
  /**
   * How old a `pending-*` revision must be before it is treated as left behind by a killed deploy and
   * recovered. Default: the Helm timeout plus 15 s — a live `helm --wait --timeout` has given up by then.
   */
  stuckAfterMs?: number;
  /** Progress lines (waiting for a pending release). */
  log?: (line: string) => void;
}

/** `routing.routes` of a release's values: empty or unset means the chart's default (all to its own queue). */
function valuesRoutes(values: Record<string, unknown> | undefined, source: string): RoutingTable {
  const routes = (values?.routing as { routes?: unknown } | undefined)?.routes;
  if (routes === undefined || routes === null || (Array.isArray(routes) && routes.length === 0)) {
    return { routes: [] };
  }
  return readRoutingTable({ routes }, source);
}

/** `worker.orderTaskQueue`/`paymentTaskQueue` of a release's values (the deploy sets both); else undefined. */
export function valuesQueues(
  values: Record<string, unknown> | undefined,
): { order: string; payment: string } | undefined {
  const worker = values?.worker as { orderTaskQueue?: unknown; paymentTaskQueue?: unknown } | undefined;
  const [order, payment] = [worker?.orderTaskQueue, worker?.paymentTaskQueue];
  return typeof order === 'string' && typeof payment === 'string' ? { order, payment } : undefined;
}

/**
 * The Deployer over the Helm adapter: one chart, two releases. The routing ConfigMap belongs to the stable
 * release (charts/order-worker `routing.routes`), so routing changes upgrade the stable release. Routing is
 * always read back from the cluster, never remembered: a `helm rollback` or another run may have changed it.
 */
export class HelmDeployer implements Deployer {
  readonly kind = 'helm';

  constructor(
    private readonly helm: Helm,
    private readonly options: HelmDeployerOptions,
  ) {}

  releaseName(track: Track): string {
    return track === 'stable' ? this.options.release : `${this.options.release}-canary`;
  }

  /** The env a release's workers get: the deployer-wide env, then the release's own. */
  private envOf(spec: WorkerSetSpec): Record<string, string> | undefined {
    const env = { ...this.options.env, ...spec.release.env };
    return Object.keys(env).length > 0 ? env : undefined;
  }

  request(spec: WorkerSetSpec, routes: RoutingTable | undefined): UpgradeRequest {
    const { release } = spec;
    const env = this.envOf(spec);
    return {
      release: this.releaseName(spec.track),
      chart: this.options.chart,
      image: release.image,
      version: release.version,
      track: spec.track,
      orderTaskQueue: release.orderQueue,
      paymentTaskQueue: release.paymentQueue,
      buildId: release.buildId,
      // Unset: the chart's replicaCount (from the values files) decides.
      ...(spec.replicas !== undefined ? { replicas: spec.replicas } : {}),
      ...(env ? { env } : {}),
      valuesFiles: this.options.valuesFiles ?? [],
      timeoutMs: this.options.timeoutMs,
      values: {
        temporal: { address: spec.temporal.address, namespace: spec.temporal.namespace },
        worker: {
          // A map, not extraEnv's list: Helm merges maps across values files, so the user's extraEnv stays.
          ...(env ? { releaseEnv: env } : {}),
          ...(spec.versioning ? { deploymentName: spec.versioning.deploymentName } : {}),
          versioning: {
            enabled: spec.versioning !== undefined,
            ...(spec.versioning ? { defaultBehavior: spec.versioning.defaultBehavior } : {}),
          },
        },
        // Only the stable release renders the routing ConfigMap; empty routes = all to its own queue.
        routing: {
          enabled: spec.track === 'stable',
          routes: spec.track === 'stable' ? (routes?.routes ?? []) : [],
        },
      },
    };
  }

  async apply(spec: WorkerSetSpec): Promise<ApplyResult> {
    const name = this.releaseName(spec.track);
    const history = await this.helm.history(name);
    const wanted = describeDeploy(spec.release.version, spec.release.image, this.envOf(spec));
    const latest = history.at(-1);
    // A `helm rollback` revision says "Rollback to N": it runs what revision N ran.
    const restored = latest ? rolledBackTo(latest) : undefined;
    const runs = restored === undefined ? latest : history.find((row) => row.revision === restored);
    if (latest?.status === 'deployed' && runs?.description === wanted) {
      return {
        changed: false,
        detail: `${name} already runs ${spec.release.version} (revision ${latest.revision})`,
      };
    }
    // The stable release carries the routing: whatever replaces its revision keeps the routes live now.
    // A live table the starter would refuse is not carried over: the chart's default replaces it.
    const routes =
      spec.track === 'stable' ? (await routingToReplace(() => this.readRouting())).live : undefined;
    if (spec.track === 'stable' && latest) {
      // A manual rollback to a version this release ran before is a `helm rollback` to that revision, but only
      // to one whose routes are the live ones: an older revision's routes may name a queue no worker polls.
      const earlier = await this.revisionWithRoutes(name, history, wanted, spec.release.version, routes);
      if (earlier) {
        const result = await this.withRefusalReason(name, () =>
          this.helm.rollback(name, { revision: earlier.revision }, this.options.timeoutMs),
        );
        return {
          changed: true,
          detail: `helm rollback ${name} to revision ${result.revision} (${spec.release.version})`,
        };
      }
    }
    const revision = await this.withRefusalReason(name, () => this.helm.upgrade(this.request(spec, routes)));
    return { changed: true, detail: `${name} revision ${revision.revision} runs ${spec.release.version}` };
  }

  /** The newest good revision that ran `version` as `wanted` with exactly `routes`. */
  private async revisionWithRoutes(
    name: string,
    history: readonly HelmRevision[],
    wanted: string,
    version: string,
    routes: RoutingTable | undefined,
  ): Promise<HelmRevision | undefined> {
    const candidates = [...history]
      .reverse()
      .filter((row) => isGood(row) && row.description === wanted && versionOf(row) === version);
    for (const row of candidates) {
      const values = await this.helm.values(name, row.revision);
      const theirs = await routingToReplace(async () =>
        valuesRoutes(values, `${name} revision ${row.revision} values routing.routes`),
      );
      if (theirs.live && sameRouting(theirs.live, routes ?? { routes: [] })) return row;
    }
    return undefined;
  }

  async remove(track: Track): Promise<ApplyResult> {
    const name = this.releaseName(track);
    const removed = await this.helm.uninstall(name, this.options.timeoutMs);
    return { changed: removed, detail: removed ? `uninstalled ${name}` : `no release ${name}` };
  }

  async describe(track: Track): Promise<DeployedSet | undefined> {
    const name = this.releaseName(track);
    const status = await this.helm.status(name);
    if (!status) return undefined;
    const history = await this.helm.history(name);
    const latest = history.at(-1);
    return {
      track,
      version: latest ? versionRunBy(history, latest) : undefined,
      queues: valuesQueues(await this.helm.values(name)),
      detail: `${name} revision ${status.revision} ${status.status}`,
    };
  }

  /**
   * Unblocks both releases when a killed deploy left one `pending-*`: rolls back to the last good revision, or
   * uninstalls a first install that never finished. A pending revision younger than `stuckAfterMs` may belong
   * to a deploy still running: this waits for it to end (or to age into "stuck") rather than racing it.
   */
  async recover(): Promise<string[]> {
    const stuckAfterMs = this.options.stuckAfterMs ?? this.options.timeoutMs + 15_000;
    const said: string[] = [];
    for (const name of [this.releaseName('stable'), this.releaseName('canary')]) {
      for (;;) {
        const found = findStuck(await this.helm.history(name), new Date(), stuckAfterMs);
        if (found.stuck) break;
        if (!found.busy) break;
        const left = stuckAfterMs - found.busy.ageMs;
        this.options.log?.(
          `${name} is ${found.busy.status} (revision ${found.busy.revision}, ${Math.round(found.busy.ageMs / 1000)} s old): another deploy may still run it; waiting up to ${Math.ceil(left / 1000)} s before recovering it`,
        );
        // A cancelled rollout activity stops waiting at once, with its cancellation.
        const cancelSignal = this.helm.target.cancelSignal;
        await sleep(Math.min(5_000, Math.max(250, left)), cancelSignal);
        cancelSignal?.throwIfAborted();
      }
      const recovered = await this.helm.recoverStuck(name, stuckAfterMs, this.options.timeoutMs);
      // Returned, not logged: the caller (reconcile) reports and logs what was repaired.
      if (recovered) said.push(recovered.message);
    }
    return said;
  }

  async writeRouting(table: RoutingTable, owner: WorkerSetSpec): Promise<ApplyResult> {
    const { live: before } = await routingToReplace(() => this.readRouting());
    if (sameRouting(before, table)) {
      return { changed: false, detail: `routing unchanged (read back: ${describeRoutes(before)})` };
    }
    const name = this.releaseName('stable');
    const revision = await this.withRefusalReason(name, () =>
      this.helm.upgrade(this.request({ ...owner, track: 'stable' }, table)),
    );
    const after = await this.readRouting();
    if (!sameRouting(after, table)) {
      throw new ExternalError(
        'routing',
        `${name} revision ${revision.revision} was meant to route ${describeRoutes(table)}, but the cluster reads ${describeRoutes(after)}`,
      );
    }
    return {
      changed: true,
      detail: `routing ${describeRoutes(table)} (${name} revision ${revision.revision}; read back from the cluster)`,
    };
  }

  /**
   * The routes the cluster serves: the stable release's routing ConfigMap (through the Kubernetes API), else
   * the stable release's deployed values. undefined when there is no stable release.
   */
  async readRouting(): Promise<RoutingTable | undefined> {
    const name = this.releaseName('stable');
    if (this.options.kubernetes) {
      const listed = await this.options.kubernetes
        .listConfigMaps(`temporal-rollout/routing=true,app.kubernetes.io/instance=${name}`)
        .catch((error: unknown) => {
          // A cancelled rollout activity's reason goes on as it is.
          if (!isKubernetesFailure(error)) throw error;
          throw new ExternalError(
            'kubernetes',
            `cannot read the routing ConfigMap of ${name}: ${(error as Error).message}`,
            { cause: error },
          );
        });
      const item = listed[0];
      const text = item?.data['routes.json'];
      if (text === undefined) return undefined;
      const source = `ConfigMap ${item?.name} routes.json`;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        throw new InvalidRoutingError(`${source}: is not JSON: ${(error as Error).message}`);
      }
      return readRoutingTable(parsed, source);
    }
    const values = await this.helm.values(name);
    if (!values) return undefined;
    return valuesRoutes(values, `${name} values routing.routes`);
  }

  /** Runs a deploy; when it fails, adds why Kubernetes refused the release's pods (FailedCreate events). */
  private async withRefusalReason<T>(name: string, deploy: () => Promise<T>): Promise<T> {
    const since = Date.now() - 2_000;
    try {
      return await deploy();
    } catch (error) {
      const reason = error instanceof ExternalError ? await this.refusalReason(name, since) : undefined;
      if (!reason) throw error;
      const said = (error as Error).message.replace(/^helm: /, '');
      throw new ExternalError('helm', `${said}\nKubernetes refused the pods: ${reason}`, { cause: error });
    }
  }

  /** The newest FailedCreate message of the release's ReplicaSets since `since` (e.g. exceeded quota). */
  async refusalReason(name: string, since: number): Promise<string | undefined> {
    if (!this.options.kubernetes) return undefined;
    // Best effort: the deploy's own error is what the caller throws when the events cannot be read.
    const listed = await this.options.kubernetes
      .listEvents('reason=FailedCreate,involvedObject.kind=ReplicaSet')
      .catch(() => undefined);
    if (!listed) return undefined;
    // A Deployment's ReplicaSets are `<deployment>-<pod-template-hash>`; the deployment is the release name.
    const ours = new RegExp(`^${escapeRegExp(name)}-[a-z0-9]+$`);
    const events = listed
      .filter((e) => ours.test(e.involvedObject.name))
      .filter((e) => e.message && !(e.at < since))
      .sort((a, b) => a.at - b.at);
    return events.at(-1)?.message;
  }
}
