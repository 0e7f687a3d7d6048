// The Temporal-native check: Temporal itself knows, without a scrape, when a run's workflow task keeps failing
// on the canary (a non-determinism error, or workflow code that throws): the run stays open and its pending
// workflow task is retried with a rising `attempt`. Pure: the adapter gathers the runs, this judges them.
import type { Assessment } from './assess.js';
import type { SelectorSpec, TemporalCheckSpec } from './spec.js';
import { selectorValues } from './template.js';

/** The name the check goes by in reports. */
export const WORKFLOW_TASK_CHECK = 'workflow-task-failures';

/** An open run whose pending workflow task is past its first attempt. */
export interface RetriedRun {
  workflowId: string;
  runId: string;
  workflowType?: string;
  attempt: number;
  /** The last workflow-task failure or timeout recorded in the run's history. */
  last?: { kind: 'failed'; cause: string; message: string; at?: string } | { kind: 'timed-out'; at?: string };
}

export interface WorkflowTaskObservation {
  /** Open runs the query matched and that were described (at most `maxRuns`). */
  runsChecked: number;
  retried: RetriedRun[];
}

/**
 * Failed when a canary run's workflow task failed and is being retried (attempt ≥ 2, last recorded outcome a
 * failure); a task that only timed out (a worker stopped mid-task) is reported but does not fail the canary.
 */
export function assessWorkflowTasks(obs: WorkflowTaskObservation): Assessment {
  const failing = obs.retried.filter((r) => r.last?.kind === 'failed');
  const timedOut = obs.retried.filter((r) => r.last?.kind !== 'failed');
  const base = { canary: failing.length, canarySamples: obs.runsChecked };
  if (failing.length > 0) {
    const shown = failing
      .slice(0, 3)
      .map((r) => {
        const f = r.last as { cause: string; message: string };
        return `${r.workflowId} (${r.workflowType ? `${r.workflowType}, ` : ''}attempt ${r.attempt}, ${f.cause}: ${oneLine(f.message)})`;
      })
      .join('; ');
    const more = failing.length > 3 ? ` and ${failing.length - 3} more` : '';
    return {
      ...base,
      phase: 'Failed',
      message: `Temporal: ${failing.length} canary run${failing.length === 1 ? '' : 's'} with a failing workflow task: ${shown}${more}`,
    };
  }
  const note =
    timedOut.length > 0
      ? `; ${timedOut.length} with a workflow task retried after a timeout (not a code failure)`
      : '';
  return {
    ...base,
    phase: 'Successful',
    message: `Temporal: no failing workflow task in ${obs.runsChecked} open canary run${obs.runsChecked === 1 ? '' : 's'}${note}`,
  };
}

/**
 * The visibility query for the canary's open runs: the configured one, or its task queues when the selector
 * label is `task_queue`; undefined when neither applies (then the check cannot run).
 */
export function canaryRunsQuery(temporal: TemporalCheckSpec, selector: SelectorSpec): string | undefined {
  if (temporal.runs) return `(${temporal.runs}) AND ExecutionStatus="Running"`;
  if (selector.label !== 'task_queue' || selector.canary === undefined) return undefined;
  return `${taskQueuesQuery(selectorValues(selector.canary))} AND ExecutionStatus="Running"`;
}

/** The visibility query of the runs on these task queues. */
export function taskQueuesQuery(queues: string[]): string {
  return queues.length === 1
    ? `TaskQueue=${JSON.stringify(queues[0])}`
    : `TaskQueue IN (${queues.map((q) => JSON.stringify(q)).join(', ')})`;
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}
