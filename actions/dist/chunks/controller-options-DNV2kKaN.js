import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { P as PROMETHEUS_OPTIONS, o as openRolloutSession } from './rollout-session-DkBIH-aE.js';
import { p as prometheusOf } from './prometheus-DvMyLyGX.js';
import { a as valuesByField, t as textOf } from './table-BWLE4AEh.js';

// What the controller, release, status and send commands share: connecting to Temporal (a client, and a
// native connection for a rollout worker) and this process's infrastructure for the activities.
/** The session the controller, release, status and send commands run in: flags, then PROMETHEUS_* env. */ async function openController(options, values) {
    // Commands without the Prometheus flags (status, send) still take them from the environment.
    const fromEnv = valuesByField(PROMETHEUS_OPTIONS, {}, process.env);
    const url = textOf(values, 'prometheus-url');
    const prometheus = prometheusOf({
        ...fromEnv,
        ...url ? {
            'prometheus-url': url
        } : {}
    });
    const taskQueue = textOf(values, 'task-queue');
    const bundle = textOf(values, 'workflow-bundle') ?? (process.env.ROLLOUT_WORKFLOW_BUNDLE || undefined);
    return openRolloutSession(options, {
        ...taskQueue ? {
            taskQueue
        } : {},
        ...prometheus ? {
            prometheus
        } : {},
        ...bundle ? {
            workflowBundle: {
                codePath: bundle
            }
        } : {}
    });
}

export { openController as o };
