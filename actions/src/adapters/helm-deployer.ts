import type { RoutingTable } from '../core/rollout/routing.js';
import type { ApplyResult, DeployedSet, Deployer, Track, WorkerSetSpec } from './deployer.js';
import { describeDeploy, type Helm, isGood, type UpgradeRequest, versionOf } from './helm.js';

export interface HelmDeployerOptions {
  /** The stable release's name; the canary is `<release>-canary`. */
  release: string;
  chart: string;
  timeoutMs: number;
  valuesFiles?: readonly string[];
  /** Non-secret env for every release's workers (the `worker-env` input), under each release's own env. */
  env?: Readonly<Record<string, string>>;
}

/**
 * The Deployer over the Helm adapter: one chart, two releases. The routing ConfigMap belongs to the stable
 * release (charts/order-worker `routing.routes`), so routing changes upgrade the stable release.
 */
export class HelmDeployer implements Deployer {
  readonly kind = 'helm';
  private routes: RoutingTable | undefined;

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
      replicas: spec.replicas,
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
    if (latest?.status === 'deployed' && latest.description === wanted) {
      return {
        changed: false,
        detail: `${name} already runs ${spec.release.version} (revision ${latest.revision})`,
      };
    }
    // A manual rollback to a version this release ran before is a `helm rollback` to that explicit revision.
    const earlier = [...history]
      .reverse()
      .find((row) => isGood(row) && row.description === wanted && versionOf(row) === spec.release.version);
    if (spec.track === 'stable' && earlier && latest) {
      const result = await this.helm.rollback(name, { revision: earlier.revision }, this.options.timeoutMs);
      return {
        changed: true,
        detail: `helm rollback ${name} to revision ${result.revision} (${spec.release.version})`,
      };
    }
    const revision = await this.helm.upgrade(
      this.request(spec, spec.track === 'stable' ? this.routes : undefined),
    );
    return { changed: true, detail: `${name} revision ${revision.revision} runs ${spec.release.version}` };
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
    const latest = (await this.helm.history(name)).at(-1);
    const version = latest ? versionOf(latest) : undefined;
    const image = latest ? /(?:^|\s)image=(\S+)/.exec(latest.description)?.[1] : undefined;
    return {
      track,
      release: { version: version ?? '', buildId: '', image: image ?? '', orderQueue: '', paymentQueue: '' },
      detail: `${name} revision ${status.revision} ${status.status}`,
    };
  }

  async writeRouting(table: RoutingTable, owner: WorkerSetSpec): Promise<ApplyResult> {
    if (JSON.stringify(await this.readRouting()) === JSON.stringify(table)) {
      return { changed: false, detail: 'routing unchanged' };
    }
    const revision = await this.helm.upgrade(this.request({ ...owner, track: 'stable' }, table));
    this.routes = table;
    return {
      changed: true,
      detail: `routing ${table.routes.map((r) => `${r.taskQueue}=${r.weight}`).join(', ')} (${this.releaseName('stable')} revision ${revision.revision})`,
    };
  }

  /** The routes the stable release was deployed with (`helm get values`), or undefined with no stable release. */
  async readRouting(): Promise<RoutingTable | undefined> {
    if (this.routes) return this.routes;
    const values = await this.helm.values(this.releaseName('stable'));
    if (!values) return undefined;
    const routing = values.routing as { routes?: unknown } | undefined;
    const routes = Array.isArray(routing?.routes) ? routing.routes : [];
    this.routes = {
      routes: routes.flatMap((route: unknown) => {
        const r = route as { taskQueue?: unknown; weight?: unknown } | null;
        return typeof r?.taskQueue === 'string' && typeof r.weight === 'number'
          ? [{ taskQueue: r.taskQueue, weight: r.weight }]
          : [];
      }),
    };
    return this.routes;
  }
}
