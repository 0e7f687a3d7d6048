import type { Logger, LogLevel, LogMetadata } from '@temporalio/common';

const ORDER: Record<LogLevel, number> = { TRACE: 0, DEBUG: 1, INFO: 2, WARN: 3, ERROR: 4 };

/** Keys whose values are secrets or card data: replaced before anything is written. */
const SECRET_KEY =
  /token|card|secret|passw|api[-_]?key|authorization|cvv|cvc|pan$|private[-_]?key|^key$|^crt$/i;
const REDACTED = '[redacted]';
const MAX_DEPTH = 6;

/** Copies `value` with secret-looking keys masked; errors become {name, message, stack}. */
export function redact(value: unknown, depth = 0): unknown {
  if (value instanceof Error) {
    return { name: value.name, message: value.message, ...(value.stack ? { stack: value.stack } : {}) };
  }
  if (value === null || typeof value !== 'object')
    return typeof value === 'bigint' ? value.toString() : value;
  if (depth >= MAX_DEPTH) return '[truncated]';
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : redact(v, depth + 1);
  }
  return out;
}

export type LineWriter = (line: string) => void;

/**
 * The SDK Logger as one JSON object per line. The SDK adds workflowId/runId/taskQueue (workflow logs)
 * and activityType/attempt/workflowId/workflowRunId (activity logs); `workflowRunId` is also written
 * as `runId` so both kinds of line can be searched by the same field.
 */
export class JsonLogger implements Logger {
  constructor(
    private readonly level: LogLevel,
    private readonly write: LineWriter = (line) => process.stdout.write(`${line}\n`),
    private readonly base: Record<string, unknown> = {},
  ) {}

  log(level: LogLevel, message: string, meta?: LogMetadata): void {
    if (ORDER[level] < ORDER[this.level]) return;
    const fields = redact({ ...this.base, ...(meta ?? {}) }) as Record<string, unknown>;
    if (fields.runId === undefined && fields.workflowRunId !== undefined) fields.runId = fields.workflowRunId;
    const line = { time: new Date().toISOString(), level, msg: message, ...fields };
    try {
      this.write(JSON.stringify(line));
    } catch {
      this.write(
        JSON.stringify({ time: line.time, level, msg: message, logError: 'metadata not serializable' }),
      );
    }
  }
  trace(message: string, meta?: LogMetadata): void {
    this.log('TRACE', message, meta);
  }
  debug(message: string, meta?: LogMetadata): void {
    this.log('DEBUG', message, meta);
  }
  info(message: string, meta?: LogMetadata): void {
    this.log('INFO', message, meta);
  }
  warn(message: string, meta?: LogMetadata): void {
    this.log('WARN', message, meta);
  }
  error(message: string, meta?: LogMetadata): void {
    this.log('ERROR', message, meta);
  }
}
