import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { normalizeEventType, parseHistoryText, parseHistoryValue } from './history.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../test/fixtures/replay/histories/${name}.json`, import.meta.url), 'utf8');

describe('parseHistoryText', () => {
  it('describes a recorded completed history', () => {
    const parsed = parseHistoryText(fixture('base-completed'), 'base-completed.json');
    expect(parsed.workflowType).toBe('fixtureOrder');
    expect(parsed.status).toBe('completed');
    expect(parsed.runId).toMatch(/^[0-9a-f-]{36}$/);
    expect(parsed.eventCount).toBe(parsed.history.events.length);
  });

  it('calls a history without a closing event open', () => {
    expect(parseHistoryText(fixture('base-open'), 'base-open.json').status).toBe('open');
  });

  it('names the file for malformed JSON', () => {
    expect(() => parseHistoryText('{"events": [', 'h/broken.json')).toThrow(
      /history file h\/broken\.json: is not valid JSON/,
    );
  });

  it('never quotes the file in its error (issue 16 item 16)', () => {
    const secretFile = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin';
    let message = '';
    try {
      parseHistoryText(secretFile, 'h/passwd.json');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/history file h\/passwd\.json: is not valid JSON \((at line 1|an unexpected)/);
    expect(message).not.toMatch(/root|daemon/);
  });

  it.each([
    ['{"foo": 1}', /no "events" array/],
    ['{"events": []}', /"events" is empty/],
    ['{"events": [{"eventId": "1"}]}', /events\[0\] has no eventType/],
    [
      '{"events": [{"eventId": "x", "eventType": "EVENT_TYPE_WORKFLOW_EXECUTION_STARTED"}]}',
      /numeric eventId/,
    ],
    [
      '{"events": [{"eventId": "1", "eventType": "EVENT_TYPE_TIMER_STARTED", "timerStartedEventAttributes": {}}]}',
      /not WorkflowExecutionStarted/,
    ],
    [
      '{"events": [{"eventId": "1", "eventType": "EVENT_TYPE_WORKFLOW_EXECUTION_STARTED", "workflowExecutionStartedEventAttributes": {}}]}',
      /no workflow type/,
    ],
  ])('rejects %s as not a history, naming the file', (text, problem) => {
    let error: unknown;
    try {
      parseHistoryText(text, 'x.json');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).subject).toBe('history file x.json');
    expect((error as Error).message).toMatch(problem);
  });

  describe('refuses corrupt event lists before replay (the SDK core hangs or misreports on them)', () => {
    const recorded = () => JSON.parse(fixture('base-completed')) as { events: Record<string, unknown>[] };
    const refuse = (
      edit: (events: Record<string, unknown>[]) => Record<string, unknown>[],
      problem: RegExp,
    ) => {
      const history = recorded();
      expect(() => parseHistoryValue({ events: edit(history.events) }, 'x.json')).toThrow(problem);
    };

    it('events reversed after the first', () =>
      refuse(
        ([first, ...rest]) => [first as Record<string, unknown>, ...rest.reverse()],
        /events\[1\] has eventId 29, expected 2 \(events must be in order/,
      ));
    it('a gap', () =>
      refuse((events) => events.filter((_, i) => i !== 3), /events\[3\] has eventId 5, expected 4/));
    it('a repeated id', () =>
      refuse(
        (events) => events.map((e, i) => (i === 4 ? { ...e, eventId: '4' } : e)),
        /events\[4\] has eventId 4, expected 5/,
      ));
    it('an event without its attributes', () =>
      refuse(
        (events) => events.map((e, i) => (i === 4 ? { eventId: e.eventId, eventType: e.eventType } : e)),
        /events\[4\] \(EVENT_TYPE_ACTIVITY_TASK_SCHEDULED\) has no "activityTaskScheduledEventAttributes" object/,
      ));
    it('an unknown event type', () =>
      refuse(
        (events) => events.map((e, i) => (i === 4 ? { ...e, eventType: 'EVENT_TYPE_BANANA' } : e)),
        /has no "bananaEventAttributes"/,
      ));
    it('attributes of another event type', () =>
      refuse(
        (events) => events.map((e, i) => (i === 4 ? { ...e, eventType: 'EVENT_TYPE_TIMER_STARTED' } : e)),
        /events\[4\] \(EVENT_TYPE_TIMER_STARTED\) has no "timerStartedEventAttributes"/,
      ));
  });

  it('reads numeric ids and PascalCase event types, turning ids into the strings the SDK expects', () => {
    const parsed = parseHistoryValue(
      {
        events: [
          {
            eventId: 1,
            eventType: 'WorkflowExecutionStarted',
            workflowExecutionStartedEventAttributes: { workflowType: { name: 'w' } },
          },
          {
            eventId: 2,
            eventType: 'WorkflowExecutionCompleted',
            workflowExecutionCompletedEventAttributes: {},
          },
        ],
      },
      'old.json',
    );
    expect(parsed.history.events[0]?.eventId).toBe('1');
    expect(parsed.status).toBe('completed');
  });
});

describe('normalizeEventType', () => {
  it('maps the legacy PascalCase names', () => {
    expect(normalizeEventType('ActivityTaskScheduled')).toBe('EVENT_TYPE_ACTIVITY_TASK_SCHEDULED');
    expect(normalizeEventType('EVENT_TYPE_MARKER_RECORDED')).toBe('EVENT_TYPE_MARKER_RECORDED');
  });
});
