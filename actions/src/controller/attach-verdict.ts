// How a job that attached to a release ends, decided once for every front end: the CLI's exit code and the
// release action's failure or annotation come from here, so they cannot disagree.
import type { OutcomeResult } from './api.js';
import type { AttachEnd } from './attach.js';

export interface JobEnd {
  /** The CLI's exit code: 0 done, 1 failed, 3 left a drain nobody finishes, 5 held for a person. */
  exitCode: 0 | 1 | 3 | 5;
  /** How the action reports it: `error` fails the step; `warning` and `notice` annotate a step that succeeds. */
  level: 'info' | 'notice' | 'warning' | 'error';
}

const OUTCOME_END: Record<OutcomeResult, JobEnd> = {
  installed: { exitCode: 0, level: 'info' },
  promoted: { exitCode: 0, level: 'info' },
  unchanged: { exitCode: 0, level: 'info' },
  restored: { exitCode: 0, level: 'info' },
  // Nothing went wrong: a newer release took this one's place, as releases that follow each other do. The job
  // succeeds, but warns that this version was not shipped (the message names the newer one).
  superseded: { exitCode: 0, level: 'warning' },
  'rolled-back': { exitCode: 1, level: 'error' },
  aborted: { exitCode: 1, level: 'error' },
  failed: { exitCode: 1, level: 'error' },
};

export function jobEndOf(end: AttachEnd): JobEnd {
  switch (end.kind) {
    case 'outcome':
      return OUTCOME_END[end.outcome.result];
    case 'handed-over':
      return { exitCode: 0, level: 'notice' };
    case 'left-alone':
      return { exitCode: 3, level: 'error' };
    case 'held':
      return { exitCode: 5, level: 'error' };
  }
}
