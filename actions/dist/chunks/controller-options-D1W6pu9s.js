import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { o as openRolloutSession } from './rollout-session-B24445ll.js';
import { authFromEnv } from './analyze-ikaJKbRz.js';

// What the controller, release, status and send commands share: connecting to Temporal (a client, and a
// native connection for a rollout worker) and this process's infrastructure for the activities.
const CONTROLLER_OPTIONS = {
    'prometheus-url': {
        type: 'string'
    },
    'task-queue': {
        type: 'string'
    },
    'workflow-bundle': {
        type: 'string'
    }
};
const CONTROLLER_HELP = `
  --prometheus-url URL      where the analysis measures (default $PROMETHEUS_URL); credentials from
                            PROMETHEUS_USERNAME + PROMETHEUS_PASSWORD or PROMETHEUS_TOKEN
  --task-queue Q            the rollout workers' task queue (default temporal-rollout)
  --workflow-bundle FILE    RolloutWorkflow prebuilt with bundleWorkflowCode (default: bundled at start)`;
/** The session the controller, release, status and send commands run in: flags, then PROMETHEUS_* env. */ async function openController(options, values) {
    const url = values['prometheus-url'] ?? process.env.PROMETHEUS_URL;
    const prometheusAuth = authFromEnv();
    return openRolloutSession(options, {
        ...values['task-queue'] ? {
            taskQueue: values['task-queue']
        } : {},
        ...url ? {
            prometheus: {
                url,
                ...prometheusAuth ? {
                    auth: prometheusAuth
                } : {}
            }
        } : {},
        ...values['workflow-bundle'] ? {
            workflowBundle: {
                codePath: values['workflow-bundle']
            }
        } : {}
    });
}

export { CONTROLLER_OPTIONS as C, CONTROLLER_HELP as a, openController as o };
