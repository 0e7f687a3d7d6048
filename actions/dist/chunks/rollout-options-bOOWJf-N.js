import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { f as formatResult } from './render-Dl2WZAYd.js';
import { R as ROLLOUT_OPTIONS, a as ROLLOUT_HELP_FOOTER, r as rolloutSetup } from './rollout-Bx7AR7l9.js';
import { h as helpLines } from './table-BWLE4AEh.js';

// What the canary, promote, rollback, release, controller, status and send commands share: the rollout option
// table as flags, its help, and how a result prints.
/** A rollout command's options: its own, then the shared ones. */ function rolloutTable(own = []) {
    return [
        ...own,
        ...ROLLOUT_OPTIONS
    ];
}
/** `usage` (the command's own prose), its own options' lines, then the shared options and the footer. */ function rolloutHelp(usage, own = [], extra = '') {
    return [
        usage,
        own.length > 0 ? helpLines(own) : '',
        extra,
        helpLines(ROLLOUT_OPTIONS),
        ROLLOUT_HELP_FOOTER
    ].filter(Boolean).join('\n');
}
/** The shared options from flags, every one checked before anything loads or connects; secrets from the env. */ async function rolloutOptions(values) {
    const apiKey = process.env.TEMPORAL_API_KEY?.trim() || undefined;
    const { options, overrides } = await rolloutSetup(values, {
        ...apiKey ? {
            apiKey
        } : {},
        log: (line)=>console.error(`  … ${line}`)
    });
    return overrides.deployer ? {
        ...options,
        deployer: overrides.deployer
    } : options;
}
function exitCode(result) {
    return result.outcome === 'waiting' ? 3 : 0;
}
/** Prints a step's result, or the rollout workflow's answer when the request went to it; returns the exit code. */ function printRouted(routed, app, json) {
    if (routed.via === 'step') {
        console.log(json ? JSON.stringify(routed.result, null, 2) : formatResult(routed.result));
        return exitCode(routed.result);
    }
    const { answer } = routed;
    console.log(json ? JSON.stringify(routed, null, 2) : `rollout/${app} accepted: ${answer.message} (phase ${answer.phase}${answer.version ? `, ${answer.version}` : ''}); the workflow carries it out and its \`status\` Query shows how far it got`);
    return 0;
}

export { rolloutHelp as a, rolloutOptions as b, printRouted as p, rolloutTable as r };
