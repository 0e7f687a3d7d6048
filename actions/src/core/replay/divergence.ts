import type { HistoryEventJson, HistoryJson } from './history.js';
import { normalizeEventType } from './history.js';
import { patchMarkerOf } from './patches.js';

/**
 * `invalid-history`: the SDK refused the history itself (corrupt input). `timeout` / `crashed`: the replay never
 * finished, so nothing was verified. Only `replay-error` (the workflow code threw) may be tolerated.
 */
export type FailureKind =
  | 'nondeterminism'
  | 'missing-workflow-type'
  | 'invalid-history'
  | 'timeout'
  | 'crashed'
  | 'replay-error';

export interface DivergingEvent {
  id: number;
  /** e.g. `EVENT_TYPE_ACTIVITY_TASK_SCHEDULED`. */
  type: string;
}

/** What the replayer said, reduced to what a reader needs. */
export interface ReplayFailure {
  kind: FailureKind;
  /** The SDK's error class name (`DeterminismViolationError`, `ReplayError`, …). */
  errorName: string;
  /** The SDK's full message. */
  message: string;
  /** Core's own sentence, when the SDK wrapped one (e.g. `[TMPRL1100] Nondeterminism error: …`). */
  detail: string;
  divergingEvent: DivergingEvent | null;
}

/** Pulls Core's `message: "…"` out of the SDK's `Failure { failure: Some(Failure { message: "…" …` text. */
export function coreDetail(message: string): string {
  const match = /message: "((?:[^"\\]|\\.)*)"/.exec(message);
  return match ? (match[1] as string).replace(/\\(.)/g, '$1') : message;
}

export function classifyFailure(errorName: string, message: string): FailureKind {
  if (errorName === 'DeterminismViolationError' || /TMPRL1100|[Nn]ondeterminism/.test(message))
    return 'nondeterminism';
  if (/no such function is exported by the workflow bundle/.test(message)) return 'missing-workflow-type';
  if (
    /history is invalid|history is out of order|invalid history|missing attributes in history event/i.test(
      message,
    )
  )
    return 'invalid-history';
  return 'replay-error';
}

/** A replay that did not finish within its time limit: its process was stopped. */
export function timeoutFailure(limitMs: number): ReplayFailure {
  const message = `replay did not finish within ${limitMs / 1000} s; its replay process was stopped (raise the history timeout if the history is very long)`;
  return { kind: 'timeout', errorName: 'ReplayTimeout', message, detail: message, divergingEvent: null };
}

/** A replay whose process died before it answered (the SDK core aborted or the process ran out of memory). */
export function crashFailure(how: string): ReplayFailure {
  const message = `the replay process ${how} before this history finished`;
  return { kind: 'crashed', errorName: 'ReplayProcessExit', message, detail: message, divergingEvent: null };
}

function eventById(history: HistoryJson, id: number): HistoryEventJson | undefined {
  return history.events.find((e) => Number(e.eventId) === id);
}

function describe(event: HistoryEventJson | undefined): DivergingEvent | null {
  return event ? { id: Number(event.eventId), type: normalizeEventType(event.eventType) } : null;
}

function firstEvent(history: HistoryJson, test: (e: HistoryEventJson) => boolean): DivergingEvent | null {
  return describe(history.events.find(test));
}

function attributeName(event: HistoryEventJson, attributes: string, field: string): unknown {
  const value = event[attributes] as Record<string, unknown> | undefined;
  const named = value?.[field] as { name?: unknown } | undefined;
  return named?.name;
}

/**
 * The first history event the new code disagrees with, read from Core's message: it names the event
 * (`HistoryEvent(id: 5, ActivityTaskScheduled)`), or the activity type / patch / timer the event holds, which we
 * look up in the history. Null when the message says neither.
 */
export function findDivergingEvent(history: HistoryJson, detail: string): DivergingEvent | null {
  const byId = /HistoryEvent\(\s*id:\s*(\d+)/.exec(detail) ?? /event[_ ]id[:= ]+(\d+)/i.exec(detail);
  if (byId) {
    const id = Number(byId[1]);
    return describe(eventById(history, id)) ?? { id, type: 'unknown' };
  }
  const activity = /Activity type of scheduled event '([^']*)' does not match/.exec(detail);
  if (activity)
    return firstEvent(
      history,
      (e) =>
        normalizeEventType(e.eventType) === 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED' &&
        attributeName(e, 'activityTaskScheduledEventAttributes', 'activityType') === activity[1],
    );
  const child = /Child workflow type of scheduled event '([^']*)'/i.exec(detail);
  if (child)
    return firstEvent(
      history,
      (e) =>
        normalizeEventType(e.eventType) === 'EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED' &&
        attributeName(e, 'startChildWorkflowExecutionInitiatedEventAttributes', 'workflowType') === child[1],
    );
  const patch = /patch marker encountered for change ([^\s,]+)/i.exec(detail);
  if (patch) return firstEvent(history, (e) => patchMarkerOf(e)?.id === patch[1]);
  const timer = /Timer id of scheduled event '([^']*)'/i.exec(detail);
  if (timer)
    return firstEvent(
      history,
      (e) =>
        normalizeEventType(e.eventType) === 'EVENT_TYPE_TIMER_STARTED' &&
        (e.timerStartedEventAttributes as { timerId?: unknown } | undefined)?.timerId === timer[1],
    );
  return null;
}

export function describeFailure(history: HistoryJson, errorName: string, message: string): ReplayFailure {
  const detail = coreDetail(message);
  const kind = classifyFailure(errorName, message);
  return {
    kind,
    errorName,
    message,
    detail,
    divergingEvent: kind === 'nondeterminism' ? findDivergingEvent(history, detail) : null,
  };
}
