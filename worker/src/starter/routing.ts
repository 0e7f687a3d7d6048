// Pure routing-weight logic shared by the starter (which reads it) and the deployers (which write it).
// No I/O here, so any package can import it.

export interface Route {
  taskQueue: string;
  /** Relative weight, an integer ≥ 0. */
  weight: number;
}

export interface RoutingTable {
  routes: Route[];
}

/** A routing table that cannot be used; `source` names the file or variable it came from. */
export class RoutingError extends Error {
  constructor(
    readonly source: string,
    problem: string,
  ) {
    super(`${source}: ${problem}`);
    this.name = 'RoutingError';
  }
}

const TASK_QUEUE = /^[A-Za-z0-9._\-/:]{1,200}$/;

/** Validates a parsed routing document `{"routes":[{"taskQueue","weight"}]}`. */
export function validateRoutingTable(value: unknown, source: string): RoutingTable {
  if (value === null || typeof value !== 'object' || !Array.isArray((value as { routes?: unknown }).routes)) {
    throw new RoutingError(source, 'expected {"routes":[{"taskQueue":"…","weight":N}, …]}');
  }
  const routes: Route[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of ((value as { routes: unknown[] }).routes ?? []).entries()) {
    const route = raw as Partial<Route> | null;
    const taskQueue = route?.taskQueue;
    const weight = route?.weight;
    if (typeof taskQueue !== 'string' || !TASK_QUEUE.test(taskQueue)) {
      throw new RoutingError(
        source,
        `routes[${i}].taskQueue must be a task queue name, got ${JSON.stringify(taskQueue)}`,
      );
    }
    if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 0) {
      throw new RoutingError(
        source,
        `routes[${i}].weight must be an integer ≥ 0, got ${JSON.stringify(weight)}`,
      );
    }
    if (seen.has(taskQueue))
      throw new RoutingError(source, `routes[${i}]: task queue "${taskQueue}" is listed twice`);
    seen.add(taskQueue);
    routes.push({ taskQueue, weight });
  }
  if (routes.length === 0) throw new RoutingError(source, 'needs at least one route');
  if (routes.every((r) => r.weight === 0))
    throw new RoutingError(source, 'all weights are 0: nothing could be routed');
  return { routes };
}

/** Parses the text of a routing file (JSON). */
export function parseRoutingFile(text: string, source = 'ROUTING_FILE'): RoutingTable {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new RoutingError(source, `is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  return validateRoutingTable(parsed, source);
}

/** Parses `ROUTING_WEIGHTS`, e.g. `order-task-queue-v1=90,order-task-queue-v2=10`. */
export function parseRoutingWeights(value: string, source = 'ROUTING_WEIGHTS'): RoutingTable {
  const routes = value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part, i) => {
      const eq = part.lastIndexOf('=');
      if (eq <= 0)
        throw new RoutingError(source, `entry ${i + 1} "${part}" must look like <taskQueue>=<weight>`);
      const weightText = part.slice(eq + 1).trim();
      return {
        taskQueue: part.slice(0, eq).trim(),
        weight: /^\d+$/.test(weightText) ? Number(weightText) : Number.NaN,
      };
    });
  return validateRoutingTable({ routes }, source);
}

/** The routing file text for `table` (what the deployers write). */
export function formatRoutingFile(table: RoutingTable): string {
  return `${JSON.stringify({ routes: table.routes.map((r) => ({ taskQueue: r.taskQueue, weight: r.weight })) }, null, 2)}\n`;
}

/** The `ROUTING_WEIGHTS` value for `table`. */
export function formatRoutingWeights(table: RoutingTable): string {
  return table.routes.map((r) => `${r.taskQueue}=${r.weight}`).join(',');
}

/** Everything to one task queue. */
export function singleRoute(taskQueue: string): RoutingTable {
  return { routes: [{ taskQueue, weight: 1 }] };
}

/** Picks the task queue for a point `u` in [0, 1): route i owns a share weight_i / total of the line. */
export function chooseTaskQueue(table: RoutingTable, u: number): string {
  const total = table.routes.reduce((sum, r) => sum + r.weight, 0);
  const point = Math.min(Math.max(u, 0), 1 - Number.EPSILON) * total;
  let edge = 0;
  for (const route of table.routes) {
    edge += route.weight;
    if (route.weight > 0 && point < edge) return route.taskQueue;
  }
  // Only reachable through float rounding at the very end of the line.
  const last = [...table.routes].reverse().find((r) => r.weight > 0);
  if (!last) throw new RoutingError('routing', 'all weights are 0: nothing could be routed');
  return last.taskQueue;
}

/**
 * A stable point in [0, 1) for a key (FNV-1a + a final mix, 32 bit): the same order id always lands on the same
 * queue for a given table, and many ids spread by the weights.
 */
export function routingPoint(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // murmur3 fmix32: FNV alone leaves ids that differ in the last character close together.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35) >>> 0;
  hash ^= hash >>> 16;
  return (hash >>> 0) / 0x1_0000_0000;
}
