import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { t as textOf } from './table-CAmxcAk9.js';
import { o as openRolloutSession } from './rollout-session-Dhcc1zyc.js';
import { authFromEnv } from './analyze-Nb10n6CB.js';

// What the controller, release, status and send commands share: connecting to Temporal (a client, and a
// native connection for a rollout worker) and this process's infrastructure for the activities.
const TASK_QUEUE_OPTION = {
    field: 'task-queue',
    arg: 'Q',
    help: "the rollout workers' task queue (default temporal-rollout)"
};
const CONTROLLER_OPTIONS = [
    {
        field: 'prometheus-url',
        arg: 'URL',
        help: 'where the analysis measures (default $PROMETHEUS_URL); credentials from PROMETHEUS_USERNAME + PROMETHEUS_PASSWORD or PROMETHEUS_TOKEN'
    },
    TASK_QUEUE_OPTION,
    {
        field: 'workflow-bundle',
        arg: 'FILE',
        help: 'RolloutWorkflow prebuilt with bundleWorkflowCode (default $ROLLOUT_WORKFLOW_BUNDLE, which the controller image sets; else bundled at start)'
    }
];
/** The session the controller, release, status and send commands run in: flags, then PROMETHEUS_* env. */ async function openController(options, values) {
    const url = textOf(values, 'prometheus-url') ?? process.env.PROMETHEUS_URL;
    const prometheusAuth = authFromEnv();
    const taskQueue = textOf(values, 'task-queue');
    const bundle = textOf(values, 'workflow-bundle') ?? (process.env.ROLLOUT_WORKFLOW_BUNDLE || undefined);
    return openRolloutSession(options, {
        ...taskQueue ? {
            taskQueue
        } : {},
        ...url ? {
            prometheus: {
                url,
                ...prometheusAuth ? {
                    auth: prometheusAuth
                } : {}
            }
        } : {},
        ...bundle ? {
            workflowBundle: {
                codePath: bundle
            }
        } : {}
    });
}

export { CONTROLLER_OPTIONS as C, TASK_QUEUE_OPTION as T, openController as o };
