import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { d as describeDrain } from './drain-Cq-j2CB-.js';
import { f as formatRoutes } from './routing-BHPDnfjE.js';

// How a rollout step's result reads, for the job summary's table and the terminal alike.
function canaryText(canary) {
    return canary ? `${canary.version} at ${canary.weight}%` : 'none';
}
function versioningText(v) {
    return `current ${v.current ?? 'unversioned'}${v.ramping ? `, ramping ${v.ramping} at ${v.percent}%` : ''}`;
}
/** Where new work goes: the rows both a step result and the rollout workflow's status show. */ function routingRows(view) {
    const rows = [];
    if (view.routing) rows.push([
        'routing',
        formatRoutes(view.routing)
    ]);
    if (view.versioning) rows.push([
        'versioning',
        versioningText(view.versioning)
    ]);
    return rows;
}
/** A step result as [what, value] rows. */ function resultRows(result) {
    const rows = [
        [
            'strategy',
            result.strategy
        ],
        [
            'stable',
            result.stable ?? 'none'
        ],
        [
            'canary',
            canaryText(result.canary)
        ],
        [
            'phase',
            result.phase
        ]
    ];
    if (result.queue) rows.push([
        'queue',
        `${result.queue.orderQueue} — ${result.queue.rule}`
    ]);
    rows.push(...routingRows(result));
    if (result.gate) {
        rows.push([
            'gate',
            `${result.gate.completed}/${result.gate.started} completed in ${result.gate.durationMs} ms`
        ]);
    }
    if (result.drain) rows.push([
        'drain',
        describeDrain(result.drain)
    ]);
    return rows;
}
/** The headline: `canary: done — …`. */ function resultHeadline(result) {
    return `${result.step}: ${result.outcome} — ${result.message}`;
}
/** The terminal's summary of a step result. */ function formatResult(result) {
    return [
        resultHeadline(result),
        ...resultRows(result).map(([what, value])=>`  ${what}: ${value}`),
        ...result.actions.map((action)=>`  - ${action}`)
    ].join('\n');
}
/** The build's first line: built (and pushed) or found in the registry. */ function buildHeadline(result) {
    return result.reused ? `${result.image}: commit ${result.commit.slice(0, 7)} is already in the registry, not rebuilt` : `${result.image}: built with ${result.builder} (${result.builderReason})${result.pushed ? ' and pushed' : ', not pushed'}`;
}
/** A build result as [what, value] rows, for the job summary's table and the terminal alike. */ function buildRows(result) {
    return [
        [
            'version',
            result.version
        ],
        [
            'tags',
            result.tags.join(', ')
        ],
        [
            'digest',
            result.digest ?? '(not pushed)'
        ],
        [
            'image-ref',
            result.imageRef ?? '(not pushed)'
        ],
        [
            'task queue',
            result.taskQueue ?? '(no release version yet)'
        ],
        [
            'commit',
            result.commit
        ],
        [
            'created',
            `${result.created} (commit time)`
        ],
        [
            'builder',
            `${result.builder} (${result.builderReason})`
        ]
    ];
}

export { buildRows as a, buildHeadline as b, canaryText as c, resultHeadline as d, resultRows as e, formatResult as f, routingRows as r };
