/**
 * The routing table the order starter reads (a ConfigMap in Kubernetes, a file locally):
 * `{"routes":[{"taskQueue":"order-task-queue-v1","weight":90},{"taskQueue":"order-task-queue-v2","weight":10}]}`.
 * Weights are relative integers ≥ 0. Same format as worker/src/starter/routing.ts.
 */
export interface Route {
  taskQueue: string;
  weight: number;
}

export interface RoutingTable {
  routes: Route[];
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
