// What the controller, release, status and send commands share: connecting to Temporal (a client, and a
// native connection for a rollout worker) and this process's infrastructure for the activities.
import type { OpenRolloutOptions } from '../steps/rollout-open.js';
import { openRolloutSession, type RolloutSession } from '../steps/rollout-session.js';
import { authFromEnv } from './analyze.js';

export const CONTROLLER_OPTIONS = {
  'prometheus-url': { type: 'string' },
  'task-queue': { type: 'string' },
  'workflow-bundle': { type: 'string' },
} as const;

export const CONTROLLER_HELP = `
  --prometheus-url URL      where the analysis measures (default $PROMETHEUS_URL); credentials from
                            PROMETHEUS_USERNAME + PROMETHEUS_PASSWORD or PROMETHEUS_TOKEN
  --task-queue Q            the rollout workers' task queue (default temporal-rollout)
  --workflow-bundle FILE    RolloutWorkflow prebuilt with bundleWorkflowCode (default: bundled at start)`;

export interface ControllerValues {
  'prometheus-url'?: string;
  'task-queue'?: string;
  'workflow-bundle'?: string;
}

export type ControllerSession = RolloutSession;

/** The session the controller, release, status and send commands run in: flags, then PROMETHEUS_* env. */
export async function openController(
  options: OpenRolloutOptions,
  values: ControllerValues,
): Promise<ControllerSession> {
  const url = values['prometheus-url'] ?? process.env.PROMETHEUS_URL;
  const prometheusAuth = authFromEnv();
  return openRolloutSession(options, {
    ...(values['task-queue'] ? { taskQueue: values['task-queue'] } : {}),
    ...(url ? { prometheus: { url, ...(prometheusAuth ? { auth: prometheusAuth } : {}) } } : {}),
    ...(values['workflow-bundle'] ? { workflowBundle: { codePath: values['workflow-bundle'] } } : {}),
  });
}
