// The two rollout strategies behind one interface. Everything that differs between them — where a release's
// workers poll, how new work is split, where a release's open runs are counted, how a gate run reaches the
// canary — is asked of the strategy; the steps (and a workflow driving them) never branch on its type.
import type { WorkflowStartOptions } from '@temporalio/client';
import type { WorkerSetSpec } from '../adapters/deployer.js';
import type { RunScope } from '../adapters/temporal-visibility.js';
import type { ReplayDeploy } from '../core/replay/verdict.js';
import { OWN_QUEUE_TEMPLATE, queueName } from '../core/rollout/queues.js';
import { type RoutingTable, routingFor } from '../core/rollout/routing.js';
import type { ReleaseSpec, RolloutState } from '../core/rollout/state.js';
import type { RolloutConfig, StrategyType } from '../core/rollout-config.js';
import type { RolloutContext, StepResult } from './rollout.js';

/** Where a new release's workers poll, and the rule that chose it (for the step result and job summary). */
export interface QueuePlacement {
  orderQueue: string;
  paymentQueue: string;
  rule: string;
}

/** What a placement is decided from. */
export interface PlacementInput {
  version: string;
  /** The release serving now; undefined for the first release. */
  stable: ReleaseSpec | undefined;
  /** The canary already running this version, whose queues a later ramp step keeps. */
  running?: ReleaseSpec;
  /** The replay gate's verdict on the open runs (its `deploy` output); undefined when no gate ran. */
  verdict?: ReplayDeploy;
}

export interface RolloutStrategy {
  readonly type: StrategyType;
  /** The queues a new release polls. */
  placement(input: PlacementInput): QueuePlacement;
  /** What the release's workers declare to the server (worker versioning), or nothing. */
  workerVersioning(behavior: 'PINNED' | 'AUTO_UPGRADE' | undefined): WorkerSetSpec['versioning'];
  /** The starter's routing table while the state is what it is (see `reconcile` for the invariant). */
  routingOf(state: RolloutState): RoutingTable | undefined;
  /** The table that sends `percent` of new work to `canary` (the rest to `stable`). */
  routingTable(stable: ReleaseSpec, canary: ReleaseSpec | undefined, percent: number): RoutingTable;
  /**
   * What else must move besides the starter's table to send `percent` of new work to `canary` (the server's
   * ramp under worker versioning). Returns what it changed.
   */
  routeOnServer(
    ctx: RolloutContext,
    stable: ReleaseSpec,
    canary: ReleaseSpec | undefined,
    percent: number,
  ): Promise<string[]>;
  /** Where the open runs that need `release`'s workers are counted. */
  scopeOf(release: ReleaseSpec): RunScope;
  /** True when moving all work from `leaving` to `staying` must wait for `leaving`'s open runs first. */
  needsDrain(leaving: ReleaseSpec, staying: ReleaseSpec): boolean;
  /** Start options that send a gate workflow to `canary` only (after the server knows it). */
  gateOptions(ctx: RolloutContext, canary: ReleaseSpec): Promise<Partial<WorkflowStartOptions>>;
  /** The routing as served now: the starter's table read back from the target, or the server's ramp. */
  observe(ctx: RolloutContext): Promise<Pick<StepResult, 'routing' | 'versioning'>>;
}

type Settings = Pick<RolloutConfig, 'taskQueues' | 'strategy'>;

function paymentOf(settings: Settings) {
  return (
    settings.taskQueues.payment ?? {
      base: 'payment-task-queue',
      template: settings.taskQueues.order.template,
    }
  );
}

/** New work split by the starter's routing table between per-version task queues. */
export class TaskQueueStrategy implements RolloutStrategy {
  readonly type = 'task-queue' as const;
  constructor(private readonly settings: Settings) {}

  placement({ version, stable, running, verdict }: PlacementInput): QueuePlacement {
    const { order } = this.settings.taskQueues;
    const payment = paymentOf(this.settings);
    // A later ramp step without a verdict, or a re-run for the version already stable, keeps its queues.
    if (running && running.version === version && (verdict === undefined || running === stable)) {
      return {
        orderQueue: running.orderQueue,
        paymentQueue: running.paymentQueue,
        rule: `kept: ${version} already polls ${running.orderQueue}`,
      };
    }
    const templated = {
      orderQueue: queueName(order.template, order.base, version),
      paymentQueue: queueName(payment.template, payment.base, version),
    };
    if (!stable) {
      return { ...templated, rule: `first release: queue template ${order.template}` };
    }
    if (verdict === 'same-queue') {
      return {
        orderQueue: stable.orderQueue,
        paymentQueue: stable.paymentQueue,
        rule: `replay verdict same-queue: every open run replays on ${version}, so it takes over ${stable.orderQueue} (no drain)`,
      };
    }
    if (verdict === 'new-queue') {
      if (templated.orderQueue !== stable.orderQueue) {
        return {
          ...templated,
          rule: `replay verdict new-queue: an open run does not replay on ${version}, so it polls ${templated.orderQueue} (template ${order.template}) and ${stable.orderQueue} drains`,
        };
      }
      // The template would put it on stable's queue; the verdict says it must not: a queue of its own.
      const own = {
        orderQueue: queueName(OWN_QUEUE_TEMPLATE, order.base, version),
        paymentQueue: queueName(OWN_QUEUE_TEMPLATE, payment.base, version),
      };
      return {
        ...own,
        rule: `replay verdict new-queue: an open run does not replay on ${version} and template ${order.template} gives stable's ${stable.orderQueue}, so it polls ${own.orderQueue} and ${stable.orderQueue} drains`,
      };
    }
    const shared = templated.orderQueue === stable.orderQueue;
    return {
      ...templated,
      rule: `queue template ${order.template} (no replay verdict given)${shared ? `: shares stable's ${stable.orderQueue}, no drain` : ''}`,
    };
  }

  workerVersioning(): WorkerSetSpec['versioning'] {
    return undefined;
  }

  routingOf(state: RolloutState): RoutingTable | undefined {
    const { stable, canary } = state;
    if (!stable) return undefined;
    if (!canary) return routingFor(stable.orderQueue, undefined, 0);
    const percent = state.phase === 'promoting' ? 100 : state.phase === 'rolling-back' ? 0 : canary.weight;
    return routingFor(stable.orderQueue, canary.orderQueue, percent);
  }

  routingTable(stable: ReleaseSpec, canary: ReleaseSpec | undefined, percent: number): RoutingTable {
    return routingFor(stable.orderQueue, canary?.orderQueue, percent);
  }

  async routeOnServer(): Promise<string[]> {
    return [];
  }

  scopeOf(release: ReleaseSpec): RunScope {
    return { kind: 'task-queue', taskQueue: release.orderQueue };
  }

  needsDrain(leaving: ReleaseSpec, staying: ReleaseSpec): boolean {
    return leaving.version !== staying.version && leaving.orderQueue !== staying.orderQueue;
  }

  async gateOptions(_ctx: RolloutContext, canary: ReleaseSpec): Promise<Partial<WorkflowStartOptions>> {
    return { taskQueue: canary.orderQueue };
  }

  async observe(ctx: RolloutContext): Promise<Pick<StepResult, 'routing' | 'versioning'>> {
    const routing = await ctx.deployer.readRouting();
    return routing ? { routing } : {};
  }
}

/** Every build polls the same queues; the server's Worker Deployment routing splits new work between builds. */
export class WorkerVersioningStrategy implements RolloutStrategy {
  readonly type = 'worker-versioning' as const;
  constructor(
    private readonly settings: Settings,
    private readonly deploymentName: string,
  ) {}

  placement(): QueuePlacement {
    const order = this.settings.taskQueues.order.base;
    return {
      orderQueue: order,
      paymentQueue: paymentOf(this.settings).base,
      rule: `worker versioning: every build polls ${order}; the server splits new work and pinned runs stay on their build (the replay verdict does not move queues)`,
    };
  }

  workerVersioning(behavior: 'PINNED' | 'AUTO_UPGRADE' | undefined): WorkerSetSpec['versioning'] {
    return { deploymentName: this.deploymentName, defaultBehavior: behavior ?? 'PINNED' };
  }

  routingOf(state: RolloutState): RoutingTable | undefined {
    return state.stable ? routingFor(state.stable.orderQueue, undefined, 0) : undefined;
  }

  routingTable(stable: ReleaseSpec): RoutingTable {
    // The starter sends everything to the shared queue; the server does the split.
    return routingFor(stable.orderQueue, undefined, 0);
  }

  async routeOnServer(
    ctx: RolloutContext,
    stable: ReleaseSpec,
    canary: ReleaseSpec | undefined,
    percent: number,
  ): Promise<string[]> {
    const actions: string[] = [];
    const name = this.deploymentName;
    const queuesOf = (release: ReleaseSpec) => [release.orderQueue, release.paymentQueue];
    const routing = await ctx.visibility.waitForVersion(
      name,
      (canary ?? stable).buildId,
      queuesOf(canary ?? stable),
      60_000,
    );
    let token = routing.conflictToken;
    const refresh = async () => {
      token = (await ctx.visibility.describeDeployment(name))?.conflictToken ?? token;
    };
    if (!canary || percent >= 100) {
      const target = percent >= 100 && canary ? canary : stable;
      if (routing.currentBuildId !== target.buildId) {
        await ctx.visibility.setCurrent(name, target.buildId, token);
        actions.push(`set ${name}:${target.buildId} current`);
        await refresh();
      }
      // Setting a new current clears a ramp to the same build; clear any other.
      const after = await ctx.visibility.describeDeployment(name);
      if (after?.rampingBuildId) {
        await ctx.visibility.setRamping(name, '', 0, after.conflictToken);
        actions.push(`cleared the ramp of ${name}:${after.rampingBuildId}`);
      }
      return actions;
    }
    if (routing.currentBuildId !== stable.buildId) {
      await ctx.visibility.waitForVersion(name, stable.buildId, queuesOf(stable), 60_000);
      await ctx.visibility.setCurrent(name, stable.buildId, token);
      actions.push(`set ${name}:${stable.buildId} current`);
      await refresh();
    }
    if (routing.rampingBuildId !== canary.buildId || routing.rampingPercent !== percent) {
      await ctx.visibility.setRamping(name, canary.buildId, percent, token);
      actions.push(`ramped ${name}:${canary.buildId} to ${percent}%`);
    }
    return actions;
  }

  scopeOf(release: ReleaseSpec): RunScope {
    return { kind: 'version', deploymentName: this.deploymentName, buildId: release.buildId };
  }

  needsDrain(leaving: ReleaseSpec, staying: ReleaseSpec): boolean {
    // Pinned runs stay on the build they started on, whatever queue it shares.
    return leaving.buildId !== staying.buildId;
  }

  async gateOptions(ctx: RolloutContext, canary: ReleaseSpec): Promise<Partial<WorkflowStartOptions>> {
    // A run pinned to a version the server does not know yet would wait for nothing.
    const queues = [canary.orderQueue, canary.paymentQueue];
    await ctx.visibility.waitForVersion(this.deploymentName, canary.buildId, queues, 60_000);
    return {
      taskQueue: canary.orderQueue,
      versioningOverride: { pinnedTo: { deploymentName: this.deploymentName, buildId: canary.buildId } },
    };
  }

  async observe(ctx: RolloutContext): Promise<Pick<StepResult, 'routing' | 'versioning'>> {
    const deployment = await ctx.visibility.describeDeployment(this.deploymentName);
    if (!deployment) return {};
    return {
      versioning: {
        ...(deployment.currentBuildId ? { current: deployment.currentBuildId } : {}),
        ...(deployment.rampingBuildId ? { ramping: deployment.rampingBuildId } : {}),
        percent: deployment.rampingPercent,
      },
    };
  }
}

/** The strategy rollout.yaml (or --strategy) names. */
export function strategyFor(settings: Settings): RolloutStrategy {
  const { strategy } = settings;
  return strategy.type === 'task-queue'
    ? new TaskQueueStrategy(settings)
    : new WorkerVersioningStrategy(settings, strategy.deploymentName);
}
