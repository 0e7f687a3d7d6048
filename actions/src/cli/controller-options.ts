// What the controller, release, status and send commands share: connecting to Temporal (a client, and a
// native connection for a rollout worker) and this process's infrastructure for the activities.
import { type OptionTable, type OptionValues, textOf } from '../options/table.js';
import type { OpenRolloutOptions } from '../steps/rollout-open.js';
import { openRolloutSession, type RolloutSession } from '../steps/rollout-session.js';
import { authFromEnv } from './analyze.js';

export const TASK_QUEUE_OPTION = {
  field: 'task-queue',
  arg: 'Q',
  help: "the rollout workers' task queue (default temporal-rollout)",
} as const;

export const CONTROLLER_OPTIONS: OptionTable = [
  {
    field: 'prometheus-url',
    arg: 'URL',
    help: 'where the analysis measures (default $PROMETHEUS_URL); credentials from PROMETHEUS_USERNAME + PROMETHEUS_PASSWORD or PROMETHEUS_TOKEN',
  },
  TASK_QUEUE_OPTION,
  {
    field: 'workflow-bundle',
    arg: 'FILE',
    help: 'RolloutWorkflow prebuilt with bundleWorkflowCode (default $ROLLOUT_WORKFLOW_BUNDLE, which the controller image sets; else bundled at start)',
  },
];

export type ControllerSession = RolloutSession;

/** The session the controller, release, status and send commands run in: flags, then PROMETHEUS_* env. */
export async function openController(
  options: OpenRolloutOptions,
  values: OptionValues,
): Promise<ControllerSession> {
  const url = textOf(values, 'prometheus-url') ?? process.env.PROMETHEUS_URL;
  const prometheusAuth = authFromEnv();
  const taskQueue = textOf(values, 'task-queue');
  const bundle = textOf(values, 'workflow-bundle') ?? (process.env.ROLLOUT_WORKFLOW_BUNDLE || undefined);
  return openRolloutSession(options, {
    ...(taskQueue ? { taskQueue } : {}),
    ...(url ? { prometheus: { url, ...(prometheusAuth ? { auth: prometheusAuth } : {}) } } : {}),
    ...(bundle ? { workflowBundle: { codePath: bundle } } : {}),
  });
}
