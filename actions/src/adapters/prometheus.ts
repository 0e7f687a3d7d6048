import type { LoadedAlertRule } from '../core/doctor/alert-rules.js';
import { ExternalError, InputError } from '../core/errors.js';
import { sleep } from '../core/sleep.js';

export type PrometheusAuth =
  | { type: 'basic'; username: string; password: string }
  | { type: 'bearer'; token: string };

export interface PrometheusOptions {
  /** Base URL, e.g. `http://prometheus:9090` (credentials in the URL are moved to basic auth). */
  url: string;
  auth?: PrometheusAuth;
  /** Per attempt. */
  timeoutMs?: number;
  /** Further attempts after the first, for transient failures only (unreachable, timeout, 5xx). */
  retries?: number;
  /** First backoff; doubles per retry. */
  backoffMs?: number;
}

export interface InstantSample {
  labels: Record<string, string>;
  value: number;
}

export interface RangeSeries {
  labels: Record<string, string>;
  /** [unix seconds, value] */
  points: [number, number][];
}

export type PrometheusErrorKind =
  | 'unreachable'
  | 'timeout'
  | 'bad-query'
  | 'auth'
  | 'server'
  | 'bad-response'
  /** The caller's signal ended the query (the analysis deadline). */
  | 'aborted';

/** A query that failed; `kind` says why. Never carries credentials. */
export class PrometheusError extends ExternalError {
  constructor(
    readonly kind: PrometheusErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('prometheus', message, options);
  }
}

const TRANSIENT: PrometheusErrorKind[] = ['unreachable', 'timeout', 'server'];

type ApiBody = { status: 'success'; data: unknown } | { status: 'error'; errorType?: string; error?: string };

type QueryData = { resultType: string; result: unknown };

/** Prometheus HTTP API v1: instant and range queries with timeouts, bounded retries and auth. */
export class PrometheusClient {
  readonly baseUrl: string;
  private readonly authHeader: string | undefined;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;

  constructor(options: PrometheusOptions) {
    let url: URL;
    try {
      url = new URL(options.url);
    } catch {
      throw new InputError('prometheus-url', 'is not a URL', 'give e.g. http://prometheus:9090');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new InputError('prometheus-url', `uses ${url.protocol}`, 'use http:// or https://');
    let auth = options.auth;
    if (url.username || url.password) {
      auth ??= {
        type: 'basic',
        username: urlPart(url.username, 'user name'),
        password: urlPart(url.password, 'password'),
      };
      url.username = '';
      url.password = '';
    }
    this.baseUrl = url.toString().replace(/\/+$/, '');
    this.authHeader =
      auth?.type === 'basic'
        ? `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`
        : auth?.type === 'bearer'
          ? `Bearer ${auth.token}`
          : undefined;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retries = options.retries ?? 2;
    this.backoffMs = options.backoffMs ?? 500;
  }

  /** Instant query at `time` (default: now). A scalar result comes back as one sample without labels. */
  async instant(query: string, time?: Date, signal?: AbortSignal): Promise<InstantSample[]> {
    const params = new URLSearchParams({ query });
    if (time) params.set('time', String(time.getTime() / 1000));
    const data = await this.call('query', params, signal);
    if (data.resultType === 'scalar') return [{ labels: {}, value: parseValue(asPair(data.result)[1]) }];
    if (data.resultType !== 'vector')
      throw new PrometheusError('bad-response', `expected a vector, got ${data.resultType}`);
    return asArray(data.result).map((r) => {
      const item = r as { metric?: Record<string, string>; value?: unknown };
      return { labels: item.metric ?? {}, value: parseValue(asPair(item.value)[1]) };
    });
  }

  /** Range query over [start, end] with one point per `stepMs`. */
  async range(
    query: string,
    start: Date,
    end: Date,
    stepMs: number,
    signal?: AbortSignal,
  ): Promise<RangeSeries[]> {
    const params = new URLSearchParams({
      query,
      start: String(start.getTime() / 1000),
      end: String(end.getTime() / 1000),
      step: `${Math.max(1, stepMs) / 1000}`,
    });
    const data = await this.call('query_range', params, signal);
    if (data.resultType !== 'matrix')
      throw new PrometheusError('bad-response', `expected a matrix, got ${data.resultType}`);
    return asArray(data.result).map((r) => {
      const item = r as { metric?: Record<string, string>; values?: unknown };
      return {
        labels: item.metric ?? {},
        points: asArray(item.values).map((p) => {
          const [t, v] = asPair(p);
          return [Number(t), parseValue(v)] as [number, number];
        }),
      };
    });
  }

  /** Alerting rules as loaded (`GET /api/v1/rules?type=alert`), each with its state and firing alerts. */
  async alertingRules(): Promise<LoadedAlertRule[]> {
    const data = (await this.call('rules', new URLSearchParams({ type: 'alert' }), undefined, 'GET')) as {
      groups?: {
        name?: string;
        file?: string;
        rules?: { name?: string; state?: string; alerts?: { state?: string }[] }[];
      }[];
    };
    if (!Array.isArray(data?.groups))
      throw new PrometheusError('bad-response', 'rules API answered without groups');
    return data.groups.flatMap((group) =>
      (group.rules ?? []).map((rule) => ({
        name: rule.name ?? '',
        state: rule.state ?? 'unknown',
        firing: (rule.alerts ?? []).filter((alert) => alert.state === 'firing').length,
        group: group.name ?? '',
        file: group.file ?? '',
      })),
    );
  }

  private async call(endpoint: string, params: URLSearchParams, signal?: AbortSignal): Promise<QueryData>;
  private async call(
    endpoint: string,
    params: URLSearchParams,
    signal: AbortSignal | undefined,
    method: 'GET',
  ): Promise<unknown>;
  private async call(
    endpoint: string,
    params: URLSearchParams,
    signal?: AbortSignal,
    method: 'GET' | 'POST' = 'POST',
  ): Promise<unknown> {
    let lastError: PrometheusError | undefined;
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) await sleep(this.backoffMs * 2 ** (attempt - 1), signal);
      if (signal?.aborted) throw aborted(lastError);
      try {
        return await this.once(endpoint, params, signal, method);
      } catch (err) {
        if (!(err instanceof PrometheusError) || !TRANSIENT.includes(err.kind)) throw err;
        lastError = err;
      }
    }
    throw new PrometheusError(
      lastError!.kind,
      `${lastError!.message.replace(/^prometheus: /, '')} (after ${this.retries + 1} attempts)`,
      { cause: lastError },
    );
  }

  private async once(
    endpoint: string,
    params: URLSearchParams,
    outer: AbortSignal | undefined,
    method: 'GET' | 'POST',
  ): Promise<unknown> {
    const headers: Record<string, string> =
      method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {};
    if (this.authHeader) headers.authorization = this.authHeader;
    const where = `${this.baseUrl}/api/v1/${endpoint}`;
    // One timeout for the whole exchange, headers and body: a server that stalls mid-body is a timeout too.
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = outer ? AbortSignal.any([timeout, outer]) : timeout;
    const stopped = (err: unknown): PrometheusError | undefined => {
      if (outer?.aborted) return aborted();
      const name = (err as { name?: string }).name;
      if (timeout.aborted || name === 'TimeoutError' || name === 'AbortError')
        return new PrometheusError('timeout', `no answer from ${this.baseUrl} within ${this.timeoutMs} ms`);
      return undefined;
    };
    let response: Response;
    try {
      response =
        method === 'POST'
          ? await fetch(where, { method, headers, body: params, signal })
          : await fetch(`${where}?${params}`, { method, headers, signal });
    } catch (err) {
      const stop = stopped(err);
      if (stop) throw stop;
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new PrometheusError(
        'unreachable',
        `cannot reach ${this.baseUrl}: ${cause?.code ?? cause?.message ?? (err as Error).message}`,
      );
    }
    if (response.status === 401 || response.status === 403)
      throw new PrometheusError(
        'auth',
        `${this.baseUrl} refused the credentials (HTTP ${response.status}); check the auth inputs`,
      );
    let body: ApiBody;
    try {
      body = (await response.json()) as ApiBody;
    } catch (err) {
      const stop = stopped(err);
      if (stop) throw stop;
      if (response.status >= 500)
        throw new PrometheusError('server', `HTTP ${response.status} from ${where}`);
      throw new PrometheusError(
        'bad-response',
        `HTTP ${response.status} from ${where} is not Prometheus API JSON`,
      );
    }
    if (body.status === 'success') return body.data;
    const detail = `${body.errorType ?? 'error'}: ${body.error ?? 'no message'}`;
    if (response.status === 400 || body.errorType === 'bad_data')
      throw new PrometheusError('bad-query', `bad PromQL (${detail}) in query: ${params.get('query')}`);
    if (response.status >= 500 || body.errorType === 'timeout' || body.errorType === 'unavailable')
      throw new PrometheusError('server', `HTTP ${response.status} ${detail}`);
    throw new PrometheusError('bad-response', `HTTP ${response.status} ${detail}`);
  }
}

/** Prometheus writes special floats as strings: "NaN", "+Inf", "-Inf". */
function parseValue(raw: unknown): number {
  if (raw === '+Inf') return Number.POSITIVE_INFINITY;
  if (raw === '-Inf') return Number.NEGATIVE_INFINITY;
  if (typeof raw !== 'string')
    throw new PrometheusError('bad-response', `sample value ${JSON.stringify(raw)} is not a string`);
  return Number(raw);
}

function asArray(raw: unknown): unknown[] {
  if (!Array.isArray(raw)) throw new PrometheusError('bad-response', 'result is not a list');
  return raw;
}

function asPair(raw: unknown): [unknown, unknown] {
  if (!Array.isArray(raw) || raw.length !== 2)
    throw new PrometheusError('bad-response', 'sample is not a [time, value] pair');
  return raw as [unknown, unknown];
}

/** A user name or password from the URL, percent-decoded; a stray `%` is an input error, not a URIError. */
function urlPart(raw: string, what: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new InputError(
      'prometheus-url',
      `has a ${what} with a "%" that is not percent-encoding`,
      'write a literal % as %25 in the URL, or pass the credentials as ⟨prometheus-username⟩ / ⟨prometheus-password⟩',
    );
  }
}

function aborted(last?: PrometheusError): PrometheusError {
  return new PrometheusError(
    'aborted',
    `stopped by the analysis deadline${last ? ` (last attempt: ${last.message.replace(/^prometheus: /, '')})` : ''}`,
  );
}
