import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyFailure, coreDetail, describeFailure, findDivergingEvent } from './divergence.js';
import { parseHistoryText } from './history.js';

const history = parseHistoryText(
  readFileSync(
    new URL('../../../../test/fixtures/replay/histories/base-completed.json', import.meta.url),
    'utf8',
  ),
  'base-completed.json',
).history;

// Messages as the SDK 1.24 replayer produced them for the fixture variants.
const wrap = (detail: string) =>
  `Replay failed with a nondeterminism error. … Details: Workflow activation completion failed: Failure { failure: Some(Failure { message: "${detail}", source: "", stack_trace: "" }), force_cause: NonDeterministicError }`;

describe('divergence', () => {
  it.each([
    'Fatal error in workflow machines: Event type is unspecified! This history is invalid. Event detail: …',
    'Fatal error in workflow machines: History is out of order. Last processed event: 3, event id: 5',
    'Missing attributes in history event: {…}',
  ])('calls a history the SDK refuses invalid, not a replay error: %s', (message) => {
    const sdk = `Replay failed due to internal SDK issue. Code: FATAL, Details: ${message}`;
    expect(classifyFailure('ReplayError', sdk)).toBe('invalid-history');
    expect(classifyFailure('ReplayError', 'Replay failed due workflow task failure. Details: boom')).toBe(
      'replay-error',
    );
  });

  it("extracts Core's sentence from the SDK message", () => {
    expect(coreDetail(wrap('[TMPRL1100] Nondeterminism error: x'))).toBe(
      '[TMPRL1100] Nondeterminism error: x',
    );
  });

  it('reads an event named by id', () => {
    const detail =
      '[TMPRL1100] Nondeterminism error: Timer machine does not handle this event: HistoryEvent(id: 5, ActivityTaskScheduled)';
    expect(findDivergingEvent(history, detail)).toEqual({
      id: 5,
      type: 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED',
    });
  });

  it('finds the scheduled activity a reorder collides with', () => {
    const detail =
      "[TMPRL1100] Nondeterminism error: Activity type of scheduled event 'reserve' does not match activity type of activity command 'charge'";
    expect(findDivergingEvent(history, detail)).toEqual({
      id: 5,
      type: 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED',
    });
  });

  it('finds the patch marker a removed patch leaves behind', () => {
    const detail =
      '[TMPRL1100] Nondeterminism error: Non-deprecated patch marker encountered for change fixture-charge-v2, but there is no corresponding change command!';
    const event = findDivergingEvent(history, detail);
    expect(event?.type).toBe('EVENT_TYPE_MARKER_RECORDED');
    expect(history.events.find((e) => Number(e.eventId) === event?.id)).toBeDefined();
  });

  it('returns null when the message names nothing it can find', () => {
    expect(findDivergingEvent(history, 'something else')).toBeNull();
  });

  it('classifies the SDK errors', () => {
    expect(classifyFailure('DeterminismViolationError', 'x')).toBe('nondeterminism');
    expect(
      classifyFailure(
        'ReplayError',
        "Failed to initialize workflow of type 'a': no such function is exported by the workflow bundle",
      ),
    ).toBe('missing-workflow-type');
    expect(classifyFailure('ReplayError', 'internal SDK issue')).toBe('replay-error');
    const failure = describeFailure(history, 'ReplayError', 'internal SDK issue');
    expect(failure.divergingEvent).toBeNull();
  });
});
