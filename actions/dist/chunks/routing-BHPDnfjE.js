import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { E as ExternalError } from './errors-Cq3sNBNk.js';

// Pure routing-weight logic shared by the starter (which reads it) and the deployers (which write it).
// No I/O here, so any package can import it.
/** A routing table that cannot be used; `source` names the file or variable it came from. */ class RoutingError extends Error {
    constructor(source, problem){
        super(`${source}: ${problem}`), this.source = source;
        this.name = 'RoutingError';
    }
}
const TASK_QUEUE = /^[A-Za-z0-9._\-/:]{1,200}$/;
/** Validates a parsed routing document `{"routes":[{"taskQueue","weight"}]}`. */ function validateRoutingTable(value, source) {
    if (value === null || typeof value !== 'object' || !Array.isArray(value.routes)) {
        throw new RoutingError(source, 'expected {"routes":[{"taskQueue":"…","weight":N}, …]}');
    }
    const routes = [];
    const seen = new Set();
    for (const [i, raw] of (value.routes ?? []).entries()){
        const route = raw;
        const taskQueue = route?.taskQueue;
        const weight = route?.weight;
        if (typeof taskQueue !== 'string' || !TASK_QUEUE.test(taskQueue)) {
            throw new RoutingError(source, `routes[${i}].taskQueue must be a task queue name, got ${JSON.stringify(taskQueue)}`);
        }
        if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 0) {
            throw new RoutingError(source, `routes[${i}].weight must be an integer ≥ 0, got ${JSON.stringify(weight)}`);
        }
        if (seen.has(taskQueue)) throw new RoutingError(source, `routes[${i}]: task queue "${taskQueue}" is listed twice`);
        seen.add(taskQueue);
        routes.push({
            taskQueue,
            weight
        });
    }
    if (routes.length === 0) throw new RoutingError(source, 'needs at least one route');
    if (routes.every((r)=>r.weight === 0)) throw new RoutingError(source, 'all weights are 0: nothing could be routed');
    return {
        routes
    };
}

/** A routing table where a deployer publishes it that the starter would refuse (edited by hand, another tool). */ class InvalidRoutingError extends ExternalError {
    constructor(problem){
        super('routing', `${problem} — the starter refuses such a table; a rollout step rewrites it from the rollout state`), this.problem = problem;
    }
}
/**
 * A routing table read back from where a deployer published it (`source` names the file or ConfigMap),
 * validated as the starter validates it.
 */ function readRoutingTable(value, source) {
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
 */ async function routingToReplace(read) {
    try {
        return {
            live: await read()
        };
    } catch (error) {
        if (error instanceof InvalidRoutingError) return {
            live: undefined,
            invalid: error.problem
        };
        throw error;
    }
}
/**
 * New starts split between the stable queue and the canary queue: `canaryPercent` of them to the canary.
 * When both releases share a queue (worker-versioning, or a compatible release), all starts go to that queue.
 */ function routingFor(stableQueue, canaryQueue, canaryPercent) {
    if (canaryQueue === undefined || canaryQueue === stableQueue || canaryPercent <= 0) {
        return {
            routes: [
                {
                    taskQueue: stableQueue,
                    weight: 100
                }
            ]
        };
    }
    if (canaryPercent >= 100) return {
        routes: [
            {
                taskQueue: canaryQueue,
                weight: 100
            }
        ]
    };
    const canary = Math.round(canaryPercent);
    return {
        routes: [
            {
                taskQueue: stableQueue,
                weight: 100 - canary
            },
            {
                taskQueue: canaryQueue,
                weight: canary
            }
        ]
    };
}
/** Same routes in the same order (how the starter reads them); both absent counts as the same. */ function sameRouting(a, b) {
    return JSON.stringify(a?.routes) === JSON.stringify(b?.routes);
}
/** `order-task-queue-v1=90, order-task-queue-v2=10`: how every message, log and summary shows a table. */ function formatRoutes(table) {
    return table.routes.map((r)=>`${r.taskQueue}=${r.weight}`).join(', ');
}
/** As formatRoutes, and says so when there is no table or it is empty. */ function describeRoutes(table) {
    if (!table) return 'no routing';
    return formatRoutes(table) || 'no routes';
}

export { InvalidRoutingError as I, routingToReplace as a, readRoutingTable as b, describeRoutes as d, formatRoutes as f, routingFor as r, sameRouting as s };
