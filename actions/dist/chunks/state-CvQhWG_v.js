import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { a as sameVersion } from './queues-BMU_gztj.js';

function emptyState(app, strategy) {
    return {
        schema: 1,
        app,
        strategy,
        phase: 'stable',
        deployed: [],
        history: []
    };
}
/** Same version and same placement: re-applying it changes nothing. */ function sameRelease(a, b) {
    if (!a || !b) return false;
    return sameVersion(a.version, b.version) && a.buildId === b.buildId && a.image === b.image && a.orderQueue === b.orderQueue && a.paymentQueue === b.paymentQueue && JSON.stringify(sortedEnv(a.env)) === JSON.stringify(sortedEnv(b.env));
}
function sortedEnv(env) {
    return Object.entries(env ?? {}).sort(([x], [y])=>x.localeCompare(y));
}
/** Records `release` as deployed stable (keeping one entry per version, newest last). */ function withDeployed(state, release) {
    const { weight: _weight, ...spec } = release;
    return [
        ...state.deployed.filter((r)=>r.version !== release.version),
        spec
    ];
}

export { emptyState as e, sameRelease as s, withDeployed as w };
