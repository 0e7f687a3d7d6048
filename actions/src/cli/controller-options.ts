// What the controller, release, status and send commands share: connecting to Temporal (a client, and a
// native connection for a rollout worker) and this process's infrastructure for the activities.
import { PROMETHEUS_OPTIONS } from '../options/controller.js';
import { prometheusOf } from '../options/prometheus.js';
import { type OptionValues, textOf, valuesByField } from '../options/table.js';
import type { OpenRolloutOptions } from '../steps/rollout-open.js';
import { openRolloutSession, type RolloutSession } from '../steps/rollout-session.js';

export { CONTROLLER_OPTIONS, TASK_QUEUE_OPTION } from '../options/controller.js';

export type ControllerSession = RolloutSession;

/** The session the controller, release, status and send commands run in: flags, then PROMETHEUS_* env. */
export async function openController(
  options: OpenRolloutOptions,
  values: OptionValues,
): Promise<ControllerSession> {
  // Commands without the Prometheus flags (status, send) still take them from the environment.
  const fromEnv = valuesByField(PROMETHEUS_OPTIONS, {}, process.env);
  const url = textOf(values, 'prometheus-url');
  const prometheus = prometheusOf({ ...fromEnv, ...(url ? { 'prometheus-url': url } : {}) });
  const taskQueue = textOf(values, 'task-queue');
  const bundle = textOf(values, 'workflow-bundle') ?? (process.env.ROLLOUT_WORKFLOW_BUNDLE || undefined);
  return openRolloutSession(options, {
    ...(taskQueue ? { taskQueue } : {}),
    ...(prometheus ? { prometheus } : {}),
    ...(bundle ? { workflowBundle: { codePath: bundle } } : {}),
  });
}
