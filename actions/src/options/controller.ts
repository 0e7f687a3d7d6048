// The options of the commands that run or reach the rollout workflow (controller, release, status, send): its
// task queue, the Prometheus the analysis measures with, and a prebuilt workflow bundle.
import { ROLLOUT_TASK_QUEUE } from '../controller/api.js';
import { PROMETHEUS_AUTH_OPTIONS, prometheusUrlOption } from './prometheus.js';
import type { OptionSpec, OptionTable } from './table.js';

export const TASK_QUEUE_OPTION: OptionSpec = {
  field: 'task-queue',
  description: 'Task queue of the rollout workers.',
  arg: 'Q',
  help: `the rollout workers' task queue (default ${ROLLOUT_TASK_QUEUE})`,
  inputDefault: ROLLOUT_TASK_QUEUE,
};

export const PROMETHEUS_OPTIONS: OptionTable = [
  prometheusUrlOption(
    'Prometheus base URL for the analysis (masked: it may carry credentials).',
    'where the analysis measures (default $PROMETHEUS_URL); credentials from PROMETHEUS_USERNAME + PROMETHEUS_PASSWORD or PROMETHEUS_TOKEN',
  ),
  ...PROMETHEUS_AUTH_OPTIONS,
];

export const CONTROLLER_OPTIONS: OptionTable = [
  ...PROMETHEUS_OPTIONS,
  TASK_QUEUE_OPTION,
  {
    field: 'workflow-bundle',
    input: false,
    arg: 'FILE',
    help: 'RolloutWorkflow prebuilt with bundleWorkflowCode (default $ROLLOUT_WORKFLOW_BUNDLE, which the controller image sets; else bundled at start)',
  },
];
