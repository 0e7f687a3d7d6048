import {
  type Route,
  RoutingError,
  type RoutingTable,
  validateRoutingTable,
} from '../../../../worker/src/starter/routing.js';
import { ExternalError } from '../errors.js';

/**
 * The routing table the order starter reads (a ConfigMap in Kubernetes, a file locally):
 * `{"routes":[{"taskQueue":"order-task-queue-v1","weight":90},{"taskQueue":"order-task-queue-v2","weight":10}]}`.
 * Weights are relative integers ≥ 0. The type and its validation are the starter's own
 * (worker/src/starter/routing.ts, pure, compiled into the worker image, which builds worker/ alone), so what the
 * deployers write and read back is checked exactly as the starter will check it.
 */
export type { Route, RoutingTable };

/** A routing table where a deployer publishes it that the starter would refuse (edited by hand, another tool). */
export class InvalidRoutingError extends ExternalError {
  constructor(readonly problem: string) {
    super(
      'routing',
      `${problem} — the starter refuses such a table; a rollout step rewrites it from the rollout state`,
    );
  }
}

/**
 * A routing table read back from where a deployer published it (`source` names the file or ConfigMap),
 * validated as the starter validates it.
 */
export function readRoutingTable(value: unknown, source: string): RoutingTable {
  try {
    return validateRoutingTable(value, source);
  } catch (error) {
    if (error instanceof RoutingError) throw new InvalidRoutingError(error.message);
    throw error;
  }
}

/**
 * The live table for a caller about to replace it: a table the starter would refuse counts as none and comes
 * back as `invalid` (its problem), for the caller's report, instead of stopping the repair.
 */
export async function routingToReplace(
  read: () => Promise<RoutingTable | undefined>,
): Promise<{ live: RoutingTable | undefined; invalid?: string }> {
  try {
    return { live: await read() };
  } catch (error) {
    if (error instanceof InvalidRoutingError) return { live: undefined, invalid: error.problem };
    throw error;
  }
}

/**
 * New starts split between the stable queue and the canary queue: `canaryPercent` of them to the canary.
 * When both releases share a queue (worker-versioning, or a compatible release), all starts go to that queue.
 */
export function routingFor(
  stableQueue: string,
  canaryQueue: string | undefined,
  canaryPercent: number,
): RoutingTable {
  if (canaryQueue === undefined || canaryQueue === stableQueue || canaryPercent <= 0) {
    return { routes: [{ taskQueue: stableQueue, weight: 100 }] };
  }
  if (canaryPercent >= 100) return { routes: [{ taskQueue: canaryQueue, weight: 100 }] };
  const canary = Math.round(canaryPercent);
  return {
    routes: [
      { taskQueue: stableQueue, weight: 100 - canary },
      { taskQueue: canaryQueue, weight: canary },
    ],
  };
}

/** The percent of new starts a table sends to `taskQueue`. */
export function shareOf(table: RoutingTable, taskQueue: string): number {
  const total = table.routes.reduce((sum, route) => sum + route.weight, 0);
  if (total === 0) return 0;
  const mine = table.routes.filter((r) => r.taskQueue === taskQueue).reduce((sum, r) => sum + r.weight, 0);
  return (100 * mine) / total;
}

/** Same routes in the same order (how the starter reads them); both absent counts as the same. */
export function sameRouting(a: RoutingTable | undefined, b: RoutingTable | undefined): boolean {
  return JSON.stringify(a?.routes) === JSON.stringify(b?.routes);
}

/** `order-task-queue-v1=90, order-task-queue-v2=10`: how every message, log and summary shows a table. */
export function formatRoutes(table: RoutingTable): string {
  return table.routes.map((r) => `${r.taskQueue}=${r.weight}`).join(', ');
}

/** As formatRoutes, and says so when there is no table or it is empty. */
export function describeRoutes(table: RoutingTable | undefined): string {
  if (!table) return 'no routing';
  return formatRoutes(table) || 'no routes';
}
