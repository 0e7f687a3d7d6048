import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new URL('.', import.meta.url));
import { f as formatDuration, p as promDuration, d as distExports, a as parseAnalysisSpec } from './spec-CWFM_OSd.js';
import { readFile } from 'node:fs/promises';
import { I as InputError, E as ExternalError } from './errors-B1fqfkJP.js';

/**
 * Mann-Whitney U test of two independent samples (Kayenta's judge): is one sample stochastically larger than
 * the other? Exact distribution for small samples without ties; otherwise the normal approximation with the tie
 * correction and a continuity correction (the same choices as scipy.stats.mannwhitneyu).
 */ /** Both samples at most this large and no ties → the exact distribution (scipy's `auto` uses 8). */ const EXACT_LIMIT = 8;
function mannWhitneyU(x, y, alternative = 'two-sided', method = 'auto') {
    const n1 = x.length;
    const n2 = y.length;
    if (n1 === 0 || n2 === 0) throw new RangeError('Mann-Whitney U needs at least one value in each sample');
    if ([
        ...x,
        ...y
    ].some((v)=>!Number.isFinite(v))) throw new RangeError('Mann-Whitney U needs finite values');
    const { ranks, tieTerm } = rank([
        ...x,
        ...y
    ]);
    let rankSumX = 0;
    for(let i = 0; i < n1; i++)rankSumX += ranks[i];
    const u1 = rankSumX - n1 * (n1 + 1) / 2;
    const u2 = n1 * n2 - u1;
    const useExact = method === 'exact' || method === 'auto' && tieTerm === 0 && Math.max(n1, n2) <= EXACT_LIMIT;
    if (useExact) {
        if (tieTerm !== 0) throw new RangeError('the exact Mann-Whitney U distribution needs samples without ties');
        const pValue = exactPValue(n1, n2, u1, u2, alternative);
        return {
            u: u1,
            pValue,
            method: 'exact'
        };
    }
    const n = n1 + n2;
    const mean = n1 * n2 / 2;
    const sd = Math.sqrt(n1 * n2 / 12 * (n + 1 - tieTerm / (n * (n - 1))));
    // Every value tied: no evidence either way.
    if (sd === 0) return {
        u: u1,
        pValue: 1,
        method: 'asymptotic'
    };
    const stat = alternative === 'greater' ? u1 : alternative === 'less' ? u2 : Math.max(u1, u2);
    const z = (stat - mean - 0.5) / sd;
    const tail = normalSf(z);
    const pValue = alternative === 'two-sided' ? Math.min(1, 2 * tail) : tail;
    return {
        u: u1,
        pValue: clamp01(pValue),
        method: 'asymptotic'
    };
}
/** Average ranks (1-based) and Σ(t³ − t) over tie groups. */ function rank(values) {
    const order = values.map((v, i)=>[
            v,
            i
        ]).sort((a, b)=>a[0] - b[0]);
    const ranks = new Array(values.length);
    let tieTerm = 0;
    for(let i = 0; i < order.length;){
        let j = i;
        while(j + 1 < order.length && order[j + 1][0] === order[i][0])j++;
        const average = (i + j + 2) / 2;
        for(let k = i; k <= j; k++)ranks[order[k][1]] = average;
        const t = j - i + 1;
        tieTerm += t * t * t - t;
        i = j + 1;
    }
    return {
        ranks,
        tieTerm
    };
}
/** P-value from the exact null distribution of U (counts of arrangements, by the usual recurrence). */ function exactPValue(n1, n2, u1, u2, alternative) {
    const counts = uDistribution(n1, n2);
    const total = counts.reduce((a, b)=>a + b, 0);
    const sf = (u)=>{
        let s = 0;
        for(let k = Math.ceil(u - 1e-9); k < counts.length; k++)s += counts[k];
        return s / total;
    };
    if (alternative === 'greater') return sf(u1);
    if (alternative === 'less') return sf(u2);
    return clamp01(2 * sf(Math.max(u1, u2)));
}
/** counts[u] = number of orderings of n1 x's and n2 y's whose U statistic is u. */ function uDistribution(n1, n2) {
    // f[m][k] for the current n1 row, built up over n2; f(m, k, u) = f(m-1, k, u-k) + f(m, k-1, u).
    let previous = []; // row m-1: previous[k] = distribution for (m-1, k)
    for(let m = 0; m <= n1; m++){
        const row = [];
        for(let k = 0; k <= n2; k++){
            if (m === 0 || k === 0) {
                row.push([
                    1
                ]);
                continue;
            }
            const size = m * k + 1;
            const dist = new Array(size).fill(0);
            const fromX = previous[k]; // x placed last: it beats all k y's
            for(let u = 0; u < fromX.length; u++)dist[u + k] += fromX[u];
            const fromY = row[k - 1]; // y placed last: beats nothing
            for(let u = 0; u < fromY.length; u++)dist[u] += fromY[u];
            row.push(dist);
        }
        previous = row;
    }
    return previous[n2];
}
/** Upper tail of the standard normal distribution. */ function normalSf(z) {
    return 0.5 * erfc(z / Math.SQRT2);
}
/** Complementary error function (Numerical Recipes `erfcc`, fractional error below 1.2e-7). */ function erfc(x) {
    const z = Math.abs(x);
    const t = 1 / (1 + 0.5 * z);
    const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? r : 2 - r;
}
function clamp01(p) {
    return Math.min(1, Math.max(0, p));
}

/** Does the rule compare the canary with the baseline (so the baseline must be measured too)? */ function needsBaseline(check) {
    return check.rule.type !== 'threshold';
}
/**
 * Turns the readings of one measurement into its phase. Missing data, NaN and too little traffic are
 * Inconclusive, never Successful; a query that could not run is an Error.
 */ function assess(check, obs) {
    const readings = [
        [
            'canary',
            obs.canary
        ],
        [
            'baseline',
            obs.baseline
        ],
        [
            'canary samples',
            obs.canarySamples
        ],
        [
            'baseline samples',
            obs.baselineSamples
        ]
    ];
    for (const [what, reading] of readings)if (reading && !reading.ok) return {
        phase: 'Error',
        message: `${what} query failed: ${reading.error}`
    };
    const result = {
        phase: 'Inconclusive',
        message: ''
    };
    if (check.samples) {
        const guard = trafficGuard(check.samples.min, obs.canarySamples, 'canary', result, 'canarySamples');
        if (guard) return {
            ...result,
            message: guard
        };
        if (needsBaseline(check)) {
            const baselineGuard = trafficGuard(check.samples.min, obs.baselineSamples, 'baseline', result, 'baselineSamples');
            if (baselineGuard) return {
                ...result,
                message: baselineGuard
            };
        }
    }
    const rule = check.rule;
    if (rule.type === 'mann-whitney') return {
        ...result,
        ...assessMannWhitney(rule, obs)
    };
    const canary = single(obs.canary, 'canary');
    if (typeof canary === 'string') return {
        ...result,
        phase: 'Inconclusive',
        message: canary
    };
    result.canary = canary;
    if (rule.type === 'threshold') return {
        ...result,
        ...assessThreshold(rule, canary, check.unit)
    };
    const baseline = single(obs.baseline, 'baseline');
    if (typeof baseline === 'string') return {
        ...result,
        phase: 'Inconclusive',
        message: baseline
    };
    result.baseline = baseline;
    return {
        ...result,
        ...assessRatio(rule, canary, baseline)
    };
}
function trafficGuard(min, reading, side, into, key) {
    const count = reading?.ok ? reading.values[0] : undefined;
    if (count === undefined || Number.isNaN(count)) return `no ${side} traffic data (the sample count query returned nothing)`;
    into[key] = count;
    if (reading?.ok && reading.values.length > 1) return `the ${side} sample count query returned ${reading.values.length} series; aggregate it with sum()`;
    if (count < min) return `too little ${side} traffic: ${fmt(count)} samples, need ${min}`;
    return undefined;
}
/** One finite value, or the reason there is none. */ function single(reading, side) {
    if (!reading?.ok) return `no ${side} reading`;
    if (reading.values.length === 0) return `no ${side} data (empty result)`;
    if (reading.values.length > 1) return `the ${side} query returned ${reading.values.length} series; aggregate it to one (sum, max, histogram_quantile)`;
    const value = reading.values[0];
    if (Number.isNaN(value)) return `the ${side} value is NaN (no events in the window)`;
    if (!Number.isFinite(value)) return `the ${side} value is ${value} (division by zero)`;
    return value;
}
function assessThreshold(rule, canary, unit) {
    const u = unit && unit !== 'ratio' && unit !== 'count' ? ` ${unit}` : '';
    if (rule.max !== undefined && canary > rule.max) return {
        phase: 'Failed',
        message: `canary ${fmt(canary)}${u} > max ${fmt(rule.max)}${u}`
    };
    if (rule.min !== undefined && canary < rule.min) return {
        phase: 'Failed',
        message: `canary ${fmt(canary)}${u} < min ${fmt(rule.min)}${u}`
    };
    const bounds = [
        rule.min !== undefined ? `≥ ${fmt(rule.min)}` : '',
        rule.max !== undefined ? `≤ ${fmt(rule.max)}` : ''
    ].filter(Boolean).join(' and ');
    return {
        phase: 'Successful',
        message: `canary ${fmt(canary)}${u} ${bounds}`
    };
}
function assessRatio(rule, canary, baseline) {
    const upper = baseline * rule.maxRatio + rule.allowance;
    if (canary > upper) return {
        phase: 'Failed',
        message: `canary ${fmt(canary)} > baseline ${fmt(baseline)} × ${rule.maxRatio}${rule.allowance ? ` + ${rule.allowance}` : ''} = ${fmt(upper)}`
    };
    if (rule.minRatio !== undefined) {
        const lower = baseline * rule.minRatio - rule.allowance;
        if (canary < lower) return {
            phase: 'Failed',
            message: `canary ${fmt(canary)} < baseline ${fmt(baseline)} × ${rule.minRatio} = ${fmt(lower)}`
        };
    }
    return {
        phase: 'Successful',
        message: `canary ${fmt(canary)} within ${rule.maxRatio}× baseline ${fmt(baseline)}`
    };
}
function assessMannWhitney(rule, obs) {
    const canary = finiteValues(obs.canary);
    const baseline = finiteValues(obs.baseline);
    const out = {};
    if (canary.length > 0) out.canary = median(canary);
    if (baseline.length > 0) out.baseline = median(baseline);
    if (canary.length < rule.minSamples || baseline.length < rule.minSamples) return {
        ...out,
        phase: 'Inconclusive',
        message: `too few points for Mann-Whitney U: canary ${canary.length}, baseline ${baseline.length}, need ${rule.minSamples} each`
    };
    const alternative = rule.direction === 'increase' ? 'greater' : rule.direction === 'decrease' ? 'less' : 'two-sided';
    const { pValue } = mannWhitneyU(canary, baseline, alternative);
    out.pValue = pValue;
    const alpha = 1 - rule.confidence;
    const cm = out.canary;
    const bm = out.baseline;
    const shift = bm === 0 ? cm === 0 ? 0 : Number.POSITIVE_INFINITY : (cm - bm) / Math.abs(bm);
    const worse = rule.direction === 'increase' ? shift > rule.tolerance : rule.direction === 'decrease' ? -shift > rule.tolerance : Math.abs(shift) > rule.tolerance;
    const summary = `canary median ${fmt(cm)} vs baseline ${fmt(bm)} (${shift >= 0 ? '+' : ''}${fmt(shift * 100)}%), p=${fmt(pValue)}`;
    if (pValue < alpha && worse) return {
        ...out,
        phase: 'Failed',
        message: `${summary} < ${fmt(alpha)}: significantly worse at ${rule.confidence} confidence`
    };
    return {
        ...out,
        phase: 'Successful',
        message: `${summary}: not significantly worse beyond ${fmt(rule.tolerance * 100)}%`
    };
}
function finiteValues(reading) {
    return reading?.ok ? reading.values.filter((v)=>Number.isFinite(v)) : [];
}
function median(values) {
    const sorted = [
        ...values
    ].sort((a, b)=>a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
/** Compact number for messages: 0.0512, 1234.5, 3e-7. */ function fmt(n) {
    if (!Number.isFinite(n)) return String(n);
    if (n === 0) return '0';
    if (Math.abs(n) >= 1e-3 && Math.abs(n) < 1e6) return String(Number(n.toPrecision(4)));
    return n.toExponential(2);
}

const VERDICT_ICON = {
    pass: '✅',
    fail: '❌',
    inconclusive: '⚠️'
};
const PHASE_ICON = {
    Successful: '✅',
    Failed: '❌',
    Inconclusive: '⚠️',
    Error: '🛑',
    Running: '⏳'
};
/** Markdown for the job summary: verdict, reasons, a table of checks, a Mermaid chart per check, every measurement. */ function renderMarkdown(report) {
    const s = report.settings;
    const lines = [
        `## Canary analysis: ${VERDICT_ICON[report.verdict]} ${report.verdict}`,
        '',
        `Canary \`${report.selectors.canary}\` against baseline \`${report.selectors.baseline}\`: ${report.ticks} of ${s.count} measurements every ${formatDuration(s.intervalMs)}${report.endedEarly ? ' (ended early)' : ''}, window ${formatDuration(s.windowMs)}, limits: failures ${s.failureLimit}, inconclusive ${s.inconclusiveLimit}, consecutive errors ${s.consecutiveErrorLimit}.`,
        '',
        ...report.reasons.map((r)=>`- ${escapeCell(r)}`),
        '',
        '| Check | Phase | ✅ | ❌ | ⚠️ | 🛑 | Last canary | Last baseline | Last result |',
        '|---|---|---|---|---|---|---|---|---|'
    ];
    for (const c of report.checks){
        const last = c.measurements.at(-1);
        lines.push(`| ${c.name}${c.failFast ? ' (fail-fast)' : ''} | ${PHASE_ICON[c.phase]} ${c.phase} | ${c.counts.successful} | ${c.counts.failed} | ${c.counts.inconclusive} | ${c.counts.error} | ${num(last?.canary)} | ${num(last?.baseline)} | ${escapeCell(last?.message ?? '')} |`);
    }
    for (const c of report.checks){
        const chart = renderChart(c);
        if (chart) lines.push('', chart);
    }
    lines.push('', '<details><summary>Every measurement</summary>', '');
    lines.push('| Check | # | Phase | Canary | Baseline | Samples (c/b) | Started | Finished | Message |');
    lines.push('|---|---|---|---|---|---|---|---|---|');
    for (const c of report.checks)for (const m of c.measurements)lines.push(`| ${c.name} | ${m.index} | ${PHASE_ICON[m.phase]} ${m.phase} | ${num(m.canary)} | ${num(m.baseline)} | ${num(m.canarySamples)}/${num(m.baselineSamples)} | ${m.startedAt} | ${m.finishedAt} | ${escapeCell(m.message)} |`);
    lines.push('', '</details>', '');
    return lines.join('\n');
}
/**
 * A Mermaid xychart of canary (red, first line) against baseline (blue, second line) per measurement;
 * undefined when the check has no canary values. Points without a value repeat the previous one.
 */ function renderChart(check) {
    const points = check.measurements.filter((m)=>m.canary !== undefined);
    if (points.length === 0) return undefined;
    const canary = fill(points.map((m)=>m.canary));
    const hasBaseline = points.some((m)=>m.baseline !== undefined);
    const baseline = hasBaseline ? fill(points.map((m)=>m.baseline)) : undefined;
    const all = [
        ...canary,
        ...baseline ?? []
    ];
    const max = Math.max(...all);
    const min = Math.min(0, ...all);
    const top = max === min ? min + 1 : max * 1.1;
    return [
        '```mermaid',
        '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#d62728, #1f77b4"}}}}%%',
        'xychart-beta',
        `  title "${check.name}: canary (red)${baseline ? ' vs baseline (blue)' : ''}"`,
        `  x-axis [${points.map((m)=>`"${m.index}"`).join(', ')}]`,
        `  y-axis "${check.name}" ${mermaidNum(min)} --> ${mermaidNum(top)}`,
        `  line [${canary.map(mermaidNum).join(', ')}]`,
        ...baseline ? [
            `  line [${baseline.map(mermaidNum).join(', ')}]`
        ] : [],
        '```'
    ].join('\n');
}
function fill(values) {
    let previous = 0;
    return values.map((v)=>{
        if (v !== undefined) previous = v;
        return previous;
    });
}
function mermaidNum(n) {
    return String(Number(n.toPrecision(6)));
}
function num(n) {
    return n === undefined ? '—' : fmt(n);
}
function escapeCell(text) {
    return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

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
            throw new InputError('input "prometheus-url"', 'is not a URL', 'give e.g. http://prometheus:9090');
        }
        if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError('input "prometheus-url"', `uses ${url.protocol}`, 'use http:// or https://');
        let auth = options.auth;
        if (url.username || url.password) {
            auth ??= {
                type: 'basic',
                username: decodeURIComponent(url.username),
                password: decodeURIComponent(url.password)
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
    /** Instant query at `time` (default: now). A scalar result comes back as one sample without labels. */ async instant(query, time) {
        const params = new URLSearchParams({
            query
        });
        if (time) params.set('time', String(time.getTime() / 1000));
        const data = await this.call('query', params);
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
    /** Range query over [start, end] with one point per `stepMs`. */ async range(query, start, end, stepMs) {
        const params = new URLSearchParams({
            query,
            start: String(start.getTime() / 1000),
            end: String(end.getTime() / 1000),
            step: `${Math.max(1, stepMs) / 1000}`
        });
        const data = await this.call('query_range', params);
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
    async call(endpoint, params) {
        let lastError;
        for(let attempt = 0; attempt <= this.retries; attempt++){
            if (attempt > 0) await sleep$1(this.backoffMs * 2 ** (attempt - 1));
            try {
                return await this.once(endpoint, params);
            } catch (err) {
                if (!(err instanceof PrometheusError) || !TRANSIENT.includes(err.kind)) throw err;
                lastError = err;
            }
        }
        throw new PrometheusError(lastError.kind, `${lastError.message.replace(/^prometheus: /, '')} (after ${this.retries + 1} attempts)`, {
            cause: lastError
        });
    }
    async once(endpoint, params) {
        const headers = {
            'content-type': 'application/x-www-form-urlencoded'
        };
        if (this.authHeader) headers.authorization = this.authHeader;
        const where = `${this.baseUrl}/api/v1/${endpoint}`;
        let response;
        try {
            response = await fetch(where, {
                method: 'POST',
                headers,
                body: params,
                signal: AbortSignal.timeout(this.timeoutMs)
            });
        } catch (err) {
            const name = err.name;
            if (name === 'TimeoutError' || name === 'AbortError') throw new PrometheusError('timeout', `no answer from ${this.baseUrl} within ${this.timeoutMs} ms`);
            const cause = err.cause;
            throw new PrometheusError('unreachable', `cannot reach ${this.baseUrl}: ${cause?.code ?? cause?.message ?? err.message}`);
        }
        if (response.status === 401 || response.status === 403) throw new PrometheusError('auth', `${this.baseUrl} refused the credentials (HTTP ${response.status}); check the auth inputs`);
        let body;
        try {
            body = await response.json();
        } catch  {
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
const sleep$1 = (ms)=>new Promise((resolve)=>setTimeout(resolve, ms));

/**
 * Judges the measurements so far. Fail as soon as a fail-fast check fails once or any check fails more than
 * `failureLimit` times; inconclusive as soon as a check is inconclusive more than `inconclusiveLimit` times or
 * errors more than `consecutiveErrorLimit` times in a row; pass only after all `count` ticks, when every check
 * has at least one successful measurement. Missing data never counts towards a pass.
 */ function judge(limits, checks, measurements, ticks) {
    const results = checks.map((check)=>checkResult(limits, check, measurements.get(check.name) ?? []));
    const failed = results.filter((r)=>r.phase === 'Failed');
    const undecided = results.filter((r)=>r.phase === 'Inconclusive' || r.phase === 'Error');
    if (failed.length > 0) return {
        done: true,
        verdict: 'fail',
        reasons: reasons(failed),
        checks: results
    };
    if (undecided.length > 0) return {
        done: true,
        verdict: 'inconclusive',
        reasons: reasons(undecided),
        checks: results
    };
    if (ticks < limits.count) return {
        done: false,
        reasons: [],
        checks: results
    };
    for (const r of results){
        if (r.phase !== 'Running') continue;
        if (r.counts.successful === 0) {
            r.phase = 'Inconclusive';
            r.reason = `no successful measurement in ${ticks} ticks${lastMessage(r)}`;
        } else r.phase = 'Successful';
    }
    const unproven = results.filter((r)=>r.phase === 'Inconclusive');
    if (unproven.length > 0) return {
        done: true,
        verdict: 'inconclusive',
        reasons: reasons(unproven),
        checks: results
    };
    return {
        done: true,
        verdict: 'pass',
        reasons: [
            `all ${results.length} checks passed over ${ticks} measurements`
        ],
        checks: results
    };
}
function checkResult(limits, check, measurements) {
    const counts = {
        successful: 0,
        failed: 0,
        inconclusive: 0,
        error: 0,
        consecutiveErrors: 0
    };
    for (const m of measurements){
        if (m.phase === 'Error') counts.consecutiveErrors++;
        else counts.consecutiveErrors = 0;
        if (m.phase === 'Successful') counts.successful++;
        else if (m.phase === 'Failed') counts.failed++;
        else if (m.phase === 'Inconclusive') counts.inconclusive++;
        else counts.error++;
    }
    const result = {
        name: check.name,
        phase: 'Running',
        failFast: check.failFast,
        counts,
        measurements
    };
    const last = (phase)=>[
            ...measurements
        ].reverse().find((m)=>m.phase === phase)?.message ?? '';
    if (check.failFast && counts.failed > 0) {
        result.phase = 'Failed';
        result.reason = `hard failure (fail-fast): ${last('Failed')}`;
    } else if (counts.failed > limits.failureLimit) {
        result.phase = 'Failed';
        result.reason = `${counts.failed} failed measurements (limit ${limits.failureLimit}): ${last('Failed')}`;
    } else if (counts.inconclusive > limits.inconclusiveLimit) {
        result.phase = 'Inconclusive';
        result.reason = `${counts.inconclusive} inconclusive measurements (limit ${limits.inconclusiveLimit}): ${last('Inconclusive')}`;
    } else if (counts.consecutiveErrors > limits.consecutiveErrorLimit) {
        result.phase = 'Error';
        result.reason = `${counts.consecutiveErrors} errors in a row (limit ${limits.consecutiveErrorLimit}): ${last('Error')}`;
    }
    return result;
}
function lastMessage(r) {
    const m = r.measurements.at(-1);
    return m ? ` (last: ${m.message})` : '';
}
function reasons(results) {
    return results.map((r)=>`${r.name}: ${r.reason ?? r.phase}`);
}

/**
 * Label matchers for one side, e.g. `task_queue="order-task-queue-v2", namespace="default"`. A comma-separated
 * value matches any of its parts (a worker process polls an order and a payment queue):
 * `task_queue=~"order-task-queue-v2|payment-task-queue-v2"`.
 */ function sideMatchers(selector, side) {
    const value = selector[side];
    if (value === undefined) throw new Error(`no ${side} value for selector label ${selector.label}`);
    const parts = value.split(',').map((p)=>p.trim()).filter(Boolean);
    const own = parts.length > 1 ? `${selector.label}=~"${escapeLabelValue(parts.map(escapeRegex).join('|'))}"` : `${selector.label}="${escapeLabelValue(parts[0] ?? value)}"`;
    return selector.matchers ? `${own}, ${selector.matchers}` : own;
}
/** Fills `{{selector}}` and `{{window}}` in a check's PromQL template. */ function renderQuery(template, matchers, windowMs) {
    return template.replaceAll('{{selector}}', matchers).replaceAll('{{window}}', promDuration(windowMs));
}
function escapeRegex(value) {
    return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
function escapeLabelValue(value) {
    return value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
}

/** Reads the `analysis:` section of rollout.yaml and applies the overrides given as inputs. */ async function resolveAnalysisSpec(source) {
    let raw = {};
    let where = 'analysis';
    if (source.configPath) {
        let text;
        try {
            text = await readFile(source.configPath, 'utf8');
        } catch (err) {
            throw new InputError(`input "config" (${source.configPath})`, `cannot be read: ${err.message}`, 'give the path of rollout.yaml');
        }
        let doc;
        try {
            doc = distExports.parse(text);
        } catch (err) {
            throw new InputError(source.configPath, `is not valid YAML: ${err.message}`);
        }
        const section = doc?.analysis;
        if (section !== undefined && section !== null) {
            if (typeof section !== 'object' || Array.isArray(section)) throw new InputError(`${source.configPath}: analysis`, 'must be a mapping');
            raw = {
                ...section
            };
        }
        where = `${source.configPath}: analysis`;
    }
    if (source.interval !== undefined) raw.interval = source.interval;
    if (source.count !== undefined) {
        raw.count = source.count;
        delete raw.duration;
    }
    const selector = {
        ...raw.selector ?? {}
    };
    if (source.label !== undefined) selector.label = source.label;
    if (source.canary !== undefined) selector.canary = source.canary;
    if (source.baseline !== undefined) selector.baseline = source.baseline;
    raw.selector = selector;
    const spec = parseAnalysisSpec(raw, where);
    if (spec.selector.canary === undefined) throw new InputError('input "canary"', `is missing: no value of label ${spec.selector.label} selects the canary`, 'pass the canary task queue (or build id / role)');
    if (spec.selector.baseline === undefined) throw new InputError('input "baseline"', `is missing: no value of label ${spec.selector.label} selects the baseline`, 'pass the stable task queue (or build id / role)');
    if (spec.selector.canary === spec.selector.baseline) throw new InputError('input "baseline"', `is the same as the canary (${spec.selector.canary})`, 'compare the canary with the stable version');
    return spec;
}
/**
 * Measures every check every `interval` until `count` measurements are in or a limit ends the analysis, and
 * returns the report with every measurement. Never throws for Prometheus trouble during the run (those are
 * Error measurements); throws an InputError before starting when a check's PromQL is rejected as bad.
 */ async function analyze(input) {
    const { spec } = input;
    const client = new PrometheusClient(input.prometheus);
    const matchers = {
        canary: sideMatchers(spec.selector, 'canary'),
        baseline: sideMatchers(spec.selector, 'baseline')
    };
    await preflight(client, spec, matchers.canary);
    const startedAt = new Date();
    const measurements = new Map(spec.checks.map((c)=>[
            c.name,
            []
        ]));
    if (spec.initialDelayMs > 0) await sleep(spec.initialDelayMs, input.signal);
    let judgement = {
        done: false,
        reasons: [],
        checks: []
    };
    let tick = 0;
    while(tick < spec.count){
        tick++;
        const tickStart = Date.now();
        const results = await Promise.all(spec.checks.map((check)=>measure(client, spec, check, matchers, tick)));
        for (const m of results)measurements.get(m.check).push(m.measurement);
        judgement = judge(spec, spec.checks, measurements, tick);
        input.onTick?.(tick, judgement);
        if (judgement.done || input.signal?.aborted) break;
        await sleep(Math.max(0, tickStart + spec.intervalMs - Date.now()), input.signal);
    }
    if (!judgement.done) {
        // Stopped from outside before the window ended: whatever was seen so far cannot prove a pass.
        judgement = {
            ...judgement,
            done: true,
            verdict: judgement.verdict ?? 'inconclusive',
            reasons: judgement.reasons.length > 0 ? judgement.reasons : [
                `analysis stopped after ${tick} of ${spec.count} measurements`
            ]
        };
    }
    return {
        verdict: judgement.verdict,
        reasons: judgement.reasons,
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        ticks: tick,
        endedEarly: tick < spec.count,
        settings: {
            intervalMs: spec.intervalMs,
            count: spec.count,
            initialDelayMs: spec.initialDelayMs,
            windowMs: spec.windowMs,
            failureLimit: spec.failureLimit,
            inconclusiveLimit: spec.inconclusiveLimit,
            consecutiveErrorLimit: spec.consecutiveErrorLimit
        },
        selectors: matchers,
        checks: judgement.checks
    };
}
/** Runs each query once so a PromQL mistake stops the step at once, naming the check. */ async function preflight(client, spec, matchers) {
    for (const check of spec.checks){
        for (const [field, template] of [
            [
                'query',
                check.query
            ],
            [
                'samplesQuery',
                check.samples?.query
            ]
        ]){
            if (template === undefined) continue;
            try {
                await client.instant(renderQuery(template, matchers, spec.windowMs));
            } catch (err) {
                if (err instanceof PrometheusError && err.kind === 'bad-query') throw new InputError(`analysis check "${check.name}" ${field}`, err.message.replace(/^prometheus: /, ''), 'fix the PromQL');
            // Anything else (unreachable, timeout) is measured as Error during the run.
            }
        }
    }
}
async function measure(client, spec, check, matchers, index) {
    const startedAt = new Date();
    const withBaseline = needsBaseline(check);
    const read = (template, side)=>{
        const query = renderQuery(template, matchers[side], spec.windowMs);
        if (check.rule.type === 'mann-whitney') {
            const start = new Date(startedAt.getTime() - check.rule.lookbackMs);
            return reading(async ()=>{
                const series = await client.range(query, start, startedAt, check.rule.stepMs);
                if (series.length > 1) throw new Error(`the query returned ${series.length} series; aggregate it to one`);
                return series[0]?.points.map(([, v])=>v) ?? [];
            });
        }
        return reading(async ()=>(await client.instant(query, startedAt)).map((s)=>s.value));
    };
    const readCount = (template, side)=>reading(async ()=>(await client.instant(renderQuery(template, matchers[side], spec.windowMs), startedAt)).map((s)=>s.value));
    const [canary, baseline, canarySamples, baselineSamples] = await Promise.all([
        read(check.query, 'canary'),
        withBaseline ? read(check.query, 'baseline') : undefined,
        check.samples ? readCount(check.samples.query, 'canary') : undefined,
        check.samples && withBaseline ? readCount(check.samples.query, 'baseline') : undefined
    ]);
    const observation = {
        canary
    };
    if (baseline) observation.baseline = baseline;
    if (canarySamples) observation.canarySamples = canarySamples;
    if (baselineSamples) observation.baselineSamples = baselineSamples;
    const assessment = assess(check, observation);
    return {
        check: check.name,
        measurement: {
            index,
            ...assessment,
            startedAt: startedAt.toISOString(),
            finishedAt: new Date().toISOString()
        }
    };
}
async function reading(run) {
    try {
        return {
            ok: true,
            values: await run()
        };
    } catch (err) {
        return {
            ok: false,
            error: err.message.replace(/^prometheus: /, '')
        };
    }
}
function sleep(ms, signal) {
    return new Promise((resolve)=>{
        if (ms <= 0 || signal?.aborted) return resolve();
        const timer = setTimeout(done, ms);
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
        signal?.addEventListener('abort', done, {
            once: true
        });
    });
}

export { analyze as a, renderMarkdown as b, fmt as f, resolveAnalysisSpec as r };
