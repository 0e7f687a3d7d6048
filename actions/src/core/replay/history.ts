import { InputError } from '../errors.js';

/** One event of a history in proto3-JSON form (`temporal workflow show -o json`, `historyToJSON`). */
export interface HistoryEventJson {
  eventId: string;
  eventType: string;
  [attribute: string]: unknown;
}

/** A `temporal.api.history.v1.History` in proto3-JSON form: what the SDK replayer accepts as-is. */
export interface HistoryJson {
  events: HistoryEventJson[];
}

export type RunStatus =
  | 'open'
  | 'completed'
  | 'failed'
  | 'canceled'
  | 'terminated'
  | 'timed-out'
  | 'continued-as-new';

export interface ParsedHistory {
  /** Where it came from: a file path, or `live:<workflowId>/<runId>`. */
  source: string;
  history: HistoryJson;
  workflowType: string;
  /** The run id the history started with (`originalExecutionRunId`), when the server wrote it. */
  runId?: string;
  status: RunStatus;
  eventCount: number;
}

const CLOSING_EVENTS: Record<string, RunStatus> = {
  EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED: 'completed',
  EVENT_TYPE_WORKFLOW_EXECUTION_FAILED: 'failed',
  EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED: 'canceled',
  EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED: 'terminated',
  EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT: 'timed-out',
  EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW: 'continued-as-new',
};

/** `WorkflowExecutionStarted` (the old PascalCase form the SDK still reads) → `EVENT_TYPE_WORKFLOW_EXECUTION_STARTED`. */
export function normalizeEventType(type: string): string {
  if (type.startsWith('EVENT_TYPE_')) return type;
  return `EVENT_TYPE_${type.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

/** `EVENT_TYPE_ACTIVITY_TASK_SCHEDULED` → `activityTaskScheduledEventAttributes`, the field that holds its details. */
export function attributesField(normalizedType: string): string {
  const words = normalizedType
    .replace(/^EVENT_TYPE_/, '')
    .toLowerCase()
    .split('_');
  return `${words.map((w, i) => (i === 0 ? w : `${w.charAt(0).toUpperCase()}${w.slice(1)}`)).join('')}EventAttributes`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isOpen(status: RunStatus): boolean {
  return status === 'open';
}

/** Where JSON.parse stopped, as line and column when the parser says, without quoting any of the text. */
export function jsonErrorPlace(err: unknown, text: string): string {
  const message = (err as Error).message;
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return `at line ${lineColumn[1]}, column ${lineColumn[2]}`;
  const position = /position (\d+)/.exec(message)?.[1];
  if (position !== undefined) {
    const before = text.slice(0, Number(position));
    return `at line ${before.split('\n').length}, column ${Number(position) - before.lastIndexOf('\n')}`;
  }
  return /end of JSON/i.test(message) ? 'it ends early' : 'an unexpected character';
}

/** Parses the text of a history file; malformed JSON or a JSON value that is not a history is an InputError naming the file. */
export function parseHistoryText(text: string, file: string): ParsedHistory {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new InputError(
      `history file ${file}`,
      // Never the parser's message: it quotes the start of the file, which may not be a history at all.
      `is not valid JSON (${jsonErrorPlace(err, text)})`,
      'store histories as written by `temporal workflow show -o json` or historyToJSON()',
    );
  }
  return parseHistoryValue(value, file);
}

/**
 * Checks that a parsed JSON value is a workflow history and describes it. Numeric event ids (hand-written files)
 * are turned into the strings the SDK expects, so the replayer reads the file as JSON and not as a proto object.
 */
export function parseHistoryValue(value: unknown, source: string): ParsedHistory {
  const notHistory = (problem: string) =>
    new InputError(
      `history file ${source}`,
      `is not a workflow history: ${problem}`,
      'expected `{"events":[…]}` as written by `temporal workflow show -o json`',
    );
  if (!isRecord(value) || !Array.isArray(value.events)) throw notHistory('no "events" array');
  if (value.events.length === 0) throw notHistory('"events" is empty');
  const events: HistoryEventJson[] = [];
  for (const [index, raw] of value.events.entries()) {
    if (!isRecord(raw)) throw notHistory(`events[${index}] is not an object`);
    const { eventId, eventType } = raw;
    if (typeof eventType !== 'string') throw notHistory(`events[${index}] has no eventType`);
    if (typeof eventId === 'number') raw.eventId = String(eventId);
    else if (typeof eventId !== 'string' || !/^\d+$/.test(eventId))
      throw notHistory(`events[${index}] has no numeric eventId`);
    // The SDK core panics and never returns on events out of order or with gaps (issue 16 item 3): refuse them here.
    if (Number(raw.eventId) !== index + 1)
      throw notHistory(
        `events[${index}] has eventId ${raw.eventId}, expected ${index + 1} (events must be in order, numbered from 1 without gaps)`,
      );
    const attributes = attributesField(normalizeEventType(eventType));
    if (!isRecord(raw[attributes]))
      throw notHistory(`events[${index}] (${eventType}) has no "${attributes}" object`);
    events.push(raw as HistoryEventJson);
  }
  const first = events[0] as HistoryEventJson;
  if (normalizeEventType(first.eventType) !== 'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED')
    throw notHistory(`the first event is ${first.eventType}, not WorkflowExecutionStarted`);
  const started = first.workflowExecutionStartedEventAttributes;
  const workflowType =
    isRecord(started) && isRecord(started.workflowType) ? started.workflowType.name : undefined;
  if (typeof workflowType !== 'string' || workflowType === '')
    throw notHistory('the WorkflowExecutionStarted event names no workflow type');
  const runId = isRecord(started) ? started.originalExecutionRunId : undefined;
  const last = events[events.length - 1] as HistoryEventJson;
  const status = CLOSING_EVENTS[normalizeEventType(last.eventType)] ?? 'open';
  return {
    source,
    history: value as unknown as HistoryJson,
    workflowType,
    ...(typeof runId === 'string' && runId !== '' ? { runId } : {}),
    status,
    eventCount: events.length,
  };
}

/** The SDK name/version and build id the first completed workflow task recorded, when the history holds them. */
export function writerOf(history: HistoryJson): { sdk?: string; sdkVersion?: string; buildId?: string } {
  for (const event of history.events) {
    if (normalizeEventType(event.eventType) !== 'EVENT_TYPE_WORKFLOW_TASK_COMPLETED') continue;
    const attributes = event.workflowTaskCompletedEventAttributes;
    if (!isRecord(attributes)) continue;
    const metadata = isRecord(attributes.sdkMetadata) ? attributes.sdkMetadata : {};
    const buildId = isRecord(attributes.workerVersion) ? attributes.workerVersion.buildId : undefined;
    return {
      ...(typeof metadata.sdkName === 'string' ? { sdk: metadata.sdkName } : {}),
      ...(typeof metadata.sdkVersion === 'string' ? { sdkVersion: metadata.sdkVersion } : {}),
      ...(typeof buildId === 'string' ? { buildId } : {}),
    };
  }
  return {};
}
