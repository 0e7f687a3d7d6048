import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { I as InputError, E as ExternalError } from './errors-Cq3sNBNk.js';
import { s as sleep } from './sleep-DCjOWjxt.js';

/** A query that failed; `kind` says why. Never carries credentials. */ class PrometheusError extends ExternalError {
    constructor(kind, message, options){
        super('prometheus', message, options), this.kind = kind;
    }
}
const TRANSIENT = [
    'unreachable',
    'timeout',
    'server'
];
/** Prometheus HTTP API v1: instant and range queries with timeouts, bounded retries and auth. */ class PrometheusClient {
    constructor(options){
        let url;
        try {
            url = new URL(options.url);
        } catch  {
            throw new InputError('prometheus-url', 'is not a URL', 'give e.g. http://prometheus:9090');
        }
        if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError('prometheus-url', `uses ${url.protocol}`, 'use http:// or https://');
        let auth = options.auth;
        if (url.username || url.password) {
            auth ??= {
                type: 'basic',
                username: urlPart(url.username, 'user name'),
                password: urlPart(url.password, 'password')
            };
            url.username = '';
            url.password = '';
        }
        this.baseUrl = url.toString().replace(/\/+$/, '');
        this.authHeader = auth?.type === 'basic' ? `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` : auth?.type === 'bearer' ? `Bearer ${auth.token}` : undefined;
        this.timeoutMs = options.timeoutMs ?? 10_000;
        this.retries = options.retries ?? 2;
        this.backoffMs = options.backoffMs ?? 500;
    }
    /** Instant query at `time` (default: now). A scalar result comes back as one sample without labels. */ async instant(query, time, signal) {
        const params = new URLSearchParams({
            query
        });
        if (time) params.set('time', String(time.getTime() / 1000));
        const data = await this.call('query', params, signal);
        if (data.resultType === 'scalar') return [
            {
                labels: {},
                value: parseValue(asPair(data.result)[1])
            }
        ];
        if (data.resultType !== 'vector') throw new PrometheusError('bad-response', `expected a vector, got ${data.resultType}`);
        return asArray(data.result).map((r)=>{
            const item = r;
            return {
                labels: item.metric ?? {},
                value: parseValue(asPair(item.value)[1])
            };
        });
    }
    /** Range query over [start, end] with one point per `stepMs`. */ async range(query, start, end, stepMs, signal) {
        const params = new URLSearchParams({
            query,
            start: String(start.getTime() / 1000),
            end: String(end.getTime() / 1000),
            step: `${Math.max(1, stepMs) / 1000}`
        });
        const data = await this.call('query_range', params, signal);
        if (data.resultType !== 'matrix') throw new PrometheusError('bad-response', `expected a matrix, got ${data.resultType}`);
        return asArray(data.result).map((r)=>{
            const item = r;
            return {
                labels: item.metric ?? {},
                points: asArray(item.values).map((p)=>{
                    const [t, v] = asPair(p);
                    return [
                        Number(t),
                        parseValue(v)
                    ];
                })
            };
        });
    }
    /** Alerting rules as loaded (`GET /api/v1/rules?type=alert`), each with its state and firing alerts. */ async alertingRules() {
        const data = await this.call('rules', new URLSearchParams({
            type: 'alert'
        }), undefined, 'GET');
        if (!Array.isArray(data?.groups)) throw new PrometheusError('bad-response', 'rules API answered without groups');
        return data.groups.flatMap((group)=>(group.rules ?? []).map((rule)=>({
                    name: rule.name ?? '',
                    state: rule.state ?? 'unknown',
                    firing: (rule.alerts ?? []).filter((alert)=>alert.state === 'firing').length,
                    group: group.name ?? '',
                    file: group.file ?? ''
                })));
    }
    async call(endpoint, params, signal, method = 'POST') {
        let lastError;
        for(let attempt = 0; attempt <= this.retries; attempt++){
            if (attempt > 0) await sleep(this.backoffMs * 2 ** (attempt - 1), signal);
            if (signal?.aborted) throw aborted(lastError);
            try {
                return await this.once(endpoint, params, signal, method);
            } catch (err) {
                if (!(err instanceof PrometheusError) || !TRANSIENT.includes(err.kind)) throw err;
                lastError = err;
            }
        }
        throw new PrometheusError(lastError.kind, `${lastError.message.replace(/^prometheus: /, '')} (after ${this.retries + 1} attempts)`, {
            cause: lastError
        });
    }
    async once(endpoint, params, outer, method) {
        const headers = method === 'POST' ? {
            'content-type': 'application/x-www-form-urlencoded'
        } : {};
        if (this.authHeader) headers.authorization = this.authHeader;
        const where = `${this.baseUrl}/api/v1/${endpoint}`;
        // One timeout for the whole exchange, headers and body: a server that stalls mid-body is a timeout too.
        const timeout = AbortSignal.timeout(this.timeoutMs);
        const signal = outer ? AbortSignal.any([
            timeout,
            outer
        ]) : timeout;
        const stopped = (err)=>{
            if (outer?.aborted) return aborted();
            const name = err.name;
            if (timeout.aborted || name === 'TimeoutError' || name === 'AbortError') return new PrometheusError('timeout', `no answer from ${this.baseUrl} within ${this.timeoutMs} ms`);
            return undefined;
        };
        let response;
        try {
            response = method === 'POST' ? await fetch(where, {
                method,
                headers,
                body: params,
                signal
            }) : await fetch(`${where}?${params}`, {
                method,
                headers,
                signal
            });
        } catch (err) {
            const stop = stopped(err);
            if (stop) throw stop;
            const cause = err.cause;
            throw new PrometheusError('unreachable', `cannot reach ${this.baseUrl}: ${cause?.code ?? cause?.message ?? err.message}`);
        }
        if (response.status === 401 || response.status === 403) throw new PrometheusError('auth', `${this.baseUrl} refused the credentials (HTTP ${response.status}); check the auth inputs`);
        let body;
        try {
            body = await response.json();
        } catch (err) {
            const stop = stopped(err);
            if (stop) throw stop;
            if (response.status >= 500) throw new PrometheusError('server', `HTTP ${response.status} from ${where}`);
            throw new PrometheusError('bad-response', `HTTP ${response.status} from ${where} is not Prometheus API JSON`);
        }
        if (body.status === 'success') return body.data;
        const detail = `${body.errorType ?? 'error'}: ${body.error ?? 'no message'}`;
        if (response.status === 400 || body.errorType === 'bad_data') throw new PrometheusError('bad-query', `bad PromQL (${detail}) in query: ${params.get('query')}`);
        if (response.status >= 500 || body.errorType === 'timeout' || body.errorType === 'unavailable') throw new PrometheusError('server', `HTTP ${response.status} ${detail}`);
        throw new PrometheusError('bad-response', `HTTP ${response.status} ${detail}`);
    }
}
/** Prometheus writes special floats as strings: "NaN", "+Inf", "-Inf". */ function parseValue(raw) {
    if (raw === '+Inf') return Number.POSITIVE_INFINITY;
    if (raw === '-Inf') return Number.NEGATIVE_INFINITY;
    if (typeof raw !== 'string') throw new PrometheusError('bad-response', `sample value ${JSON.stringify(raw)} is not a string`);
    return Number(raw);
}
function asArray(raw) {
    if (!Array.isArray(raw)) throw new PrometheusError('bad-response', 'result is not a list');
    return raw;
}
function asPair(raw) {
    if (!Array.isArray(raw) || raw.length !== 2) throw new PrometheusError('bad-response', 'sample is not a [time, value] pair');
    return raw;
}
/** A user name or password from the URL, percent-decoded; a stray `%` is an input error, not a URIError. */ function urlPart(raw, what) {
    try {
        return decodeURIComponent(raw);
    } catch  {
        throw new InputError('prometheus-url', `has a ${what} with a "%" that is not percent-encoding`, 'write a literal % as %25 in the URL, or pass the credentials as ⟨prometheus-username⟩ / ⟨prometheus-password⟩');
    }
}
function aborted(last) {
    return new PrometheusError('aborted', `stopped by the analysis deadline${last ? ` (last attempt: ${last.message.replace(/^prometheus: /, '')})` : ''}`);
}

export { PrometheusClient as P, PrometheusError as a };
