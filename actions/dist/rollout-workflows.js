import * as wf from '@temporalio/workflow';
import { defineQuery, defineUpdate } from '@temporalio/workflow';

// The one duration grammar of temporal-rollout: rollout.yaml, the analysis spec, action inputs, CLI flags and
// this worker's env all read durations with it. It lives in the worker's source because the worker image
// compiles worker/ alone; the toolkit wraps it in actions/src/core/duration.ts. No imports, no I/O.
//
// A duration is one or more <number><unit> parts, units ms, s, m, h, d: 500ms, 30s, 1m30s, 1.5h, 7d (spaces
// between parts and units are ignored). 0 alone is zero. Any other bare number is refused: its unit would be a
// guess (rollout.yaml used to read one as seconds, this worker's env as milliseconds).
const UNIT_MS = {
    ms: 1,
    s: 1_000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000
};
const DURATION = /^(?:\d+(?:\.\d+)?\s*(?:ms|s|m|h|d)\s*)+$/;
const PART = /(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)/g;
const BARE_NUMBER = /^\d+(?:\.\d+)?$/;
/** Examples for messages. */ const DURATION_EXAMPLES = '500ms, 30s, 5m, 1h or 1m30s';
/** Reads a duration as written (a YAML number arrives as a number) into milliseconds, or says what is wrong. */ function readDuration(value) {
    let text;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) text = String(value);
    else if (typeof value === 'string') text = value.trim();
    else return {
        problem: 'not-a-duration'
    };
    if (BARE_NUMBER.test(text)) return Number(text) === 0 ? {
        ms: 0
    } : {
        problem: 'no-unit',
        amount: text
    };
    if (!DURATION.test(text)) return {
        problem: 'not-a-duration'
    };
    let ms = 0;
    for (const [, amount, unit] of text.matchAll(PART))ms += Number(amount) * UNIT_MS[unit];
    return {
        ms
    };
}
/**
 * The fix for a bare number: the amount with a unit. `meant` is the unit the place read a bare number in
 * before durations always carried one, so the fix keeps what the value meant.
 */ function unitFix(amount, meant) {
    return `give it a unit: ${amount}s for seconds, ${amount}ms for milliseconds`;
}

/**
 * A problem with what the user gave us: an input, a file or a field. The message names the thing and the fix,
 * and the step stops before it changes anything.
 *
 * Steps and parsers shared by the action and the CLI name an option by its neutral field name: the subject is
 * the bare field (`kubeconfig`), and another option named in the problem or the fix is written `⟨field⟩`. Each
 * front end calls `named` to speak of its own input or flag (`input "kubeconfig"`, `--kubeconfig`).
 */ class InputError extends Error {
    constructor(/**
     * The field, file or value at fault, e.g. `histories`, `histories: ../*.json` (a field and the entry in it)
     * or `rollout.yaml: strategy.steps[1]`.
     */ subject, problem, /** What to do about it. */ fix){
        super(`${fill(subject, (f)=>f)}: ${fill(problem, (f)=>f)}${fix ? ` — ${fill(fix, (f)=>f)}` : ''}`), this.subject = subject, this.problem = problem, this.fix = fix, this.name = 'InputError';
    }
    /**
   * The same error as a front end says it: `nameOf(field)` gives its name for a field of its option table
   * (undefined for any other subject), and `placeholder` names a `⟨field⟩` outside the table.
   */ named(nameOf, placeholder) {
        const name = (f)=>nameOf(f) ?? placeholder(f);
        const renamed = new InputError(namedSubject(this.subject, nameOf, name), fill(this.problem, name), this.fix === undefined ? undefined : fill(this.fix, name));
        renamed.stack = this.stack;
        return renamed;
    }
}
/**
 * A field (`histories`), a field and what in it is at fault (`histories: ../*.json`), or fields together
 * (`⟨workflows⟩ / ⟨bundle⟩`), as a front end names them.
 */ function namedSubject(subject, nameOf, name) {
    const whole = nameOf(subject);
    if (whole) return whole;
    const part = /^([a-z][a-z0-9-]*): (.*)$/s.exec(subject);
    const head = part?.[1] ? nameOf(part[1]) : undefined;
    return head ? `${head}: ${part?.[2]}` : fill(subject, name);
}
function fill(text, name) {
    return text.replace(/⟨([a-z][a-z0-9-]*)⟩/g, (_, field)=>name(field));
}

/**
 * Parses a duration (the grammar: worker/src/duration.ts; `500ms`, `30s`, `1m30s`, `1.5h`, `7d`, or `0`) into
 * milliseconds. `subject` names the input, flag or field for the error. A bare number other than 0 is refused
 * with a fix; `bareNumberMeant` is the unit the field read a bare number in before, so the fix keeps its meaning.
 */ function parseDuration(value, subject, bareNumberMeant) {
    const read = readDuration(value);
    if ('ms' in read) return read.ms;
    if (read.problem === 'no-unit') {
        throw new InputError(subject, `${read.amount} has no unit`, unitFix(read.amount));
    }
    throw new InputError(subject, `${JSON.stringify(value)} is not a duration`, `write it like ${DURATION_EXAMPLES}`);
}

/**
 * Built-in checks over the Temporal SDK's own metrics (Core, prefix `temporal_`: counters have no `_total`,
 * histograms are `_bucket/_sum/_count` in milliseconds; every worker metric carries `task_queue`).
 */ const BUILTIN_NAMES = [
    'non-determinism',
    'activity-failure-rate',
    'workflow-failure-rate',
    'activity-latency-p95',
    'schedule-to-start'
];
/**
 * On unless turned off. `workflow-failure-rate` is opt-in: it needs runs that *finish* inside the window, and most
 * Temporal workflows outlive a canary window, which would leave every analysis inconclusive.
 */ const DEFAULT_BUILTINS = [
    'non-determinism',
    'activity-failure-rate',
    'activity-latency-p95',
    'schedule-to-start'
];
/** `sum(increase(m{selector}[window]))`, 0 when the series does not exist yet (no event so far). */ const increase = (metric, extra = '')=>`(sum(increase(${metric}{ {{selector}}${extra} }[{{window}}])) or vector(0))`;
function builtinChecks(minSamples) {
    return {
        // The counter itself, not its increase: a canary is new, so any non-determinism error it ever reported
        // is one too many, and increase() would miss a series that appears already at its final value.
        'non-determinism': {
            name: 'non-determinism',
            query: 'sum(temporal_workflow_task_execution_failed{ {{selector}}, failure_reason="NonDeterminismError" }) or vector(0)',
            rule: {
                type: 'threshold',
                max: 0
            },
            failFast: true,
            unit: 'count'
        },
        'activity-failure-rate': {
            name: 'activity-failure-rate',
            query: `${increase('temporal_activity_execution_failed')} / sum(increase(temporal_activity_execution_latency_count{ {{selector}} }[{{window}}]))`,
            rule: {
                type: 'threshold',
                max: 0.05
            },
            failFast: false,
            samples: {
                query: 'sum(increase(temporal_activity_execution_latency_count{ {{selector}} }[{{window}}]))',
                min: minSamples
            },
            unit: 'ratio'
        },
        'workflow-failure-rate': {
            name: 'workflow-failure-rate',
            query: `${increase('temporal_workflow_failed')} / (${increase('temporal_workflow_completed')} + ${increase('temporal_workflow_failed')})`,
            rule: {
                type: 'threshold',
                max: 0.05
            },
            failFast: false,
            samples: {
                query: `${increase('temporal_workflow_completed')} + ${increase('temporal_workflow_failed')}`,
                min: minSamples
            },
            unit: 'ratio'
        },
        'activity-latency-p95': {
            name: 'activity-latency-p95',
            query: 'histogram_quantile(0.95, sum by (le) (rate(temporal_activity_execution_latency_bucket{ {{selector}} }[{{window}}])))',
            rule: {
                type: 'mann-whitney',
                confidence: 0.95,
                direction: 'increase',
                tolerance: 0.25,
                lookbackMs: 60_000,
                stepMs: 5_000,
                minSamples: 4
            },
            failFast: false,
            samples: {
                query: 'sum(increase(temporal_activity_execution_latency_count{ {{selector}} }[{{window}}]))',
                min: minSamples
            },
            unit: 'ms'
        },
        // Backlog: how long workflow tasks wait for a poller on the canary's queue, against the baseline's (a busy
        // cluster slows both; only a canary-specific backlog should fail it).
        // The mean, not a quantile: Core's buckets here are coarse (100, 500, 1000, 5000 ms…), so an interpolated
        // p95 jumps between them under load and trips the rule on a healthy canary.
        'schedule-to-start': {
            name: 'schedule-to-start',
            query: 'sum(rate(temporal_workflow_task_schedule_to_start_latency_sum{ {{selector}} }[{{window}}])) / sum(rate(temporal_workflow_task_schedule_to_start_latency_count{ {{selector}} }[{{window}}]))',
            rule: {
                type: 'ratio',
                maxRatio: 2,
                allowance: 1_000
            },
            failFast: false,
            samples: {
                query: 'sum(increase(temporal_workflow_task_schedule_to_start_latency_count{ {{selector}} }[{{window}}]))',
                min: minSamples
            },
            unit: 'ms'
        }
    };
}

const ANALYSIS_DEFAULTS = {
    intervalMs: 10_000,
    count: 6,
    initialDelayMs: 0,
    windowMs: 60_000,
    failureLimit: 1,
    inconclusiveLimit: 2,
    consecutiveErrorLimit: 4,
    minSamples: 10,
    /** Added to initialDelay + count × interval for the default deadline: room for slow queries. */ deadlineSlackMs: 60_000,
    queryTimeoutMs: 10_000,
    queryRetries: 2,
    temporalIntervalMs: 2_000,
    temporalMaxRuns: 200
};
/** Whether a passing measurement of this check shows that the canary had enough traffic. */ function hasTrafficGuard(check) {
    return (check.samples?.min ?? 0) >= 1;
}
/**
 * Validates the `analysis:` section of rollout.yaml (already parsed from YAML). `path` names where it came
 * from, e.g. `rollout.yaml: analysis`, for error messages. A missing section gives the defaults with every
 * built-in check.
 */ function parseAnalysisSpec(raw, path) {
    const obj = raw === undefined || raw === null ? {} : asObject(raw, path);
    allowKeys(obj, path, [
        'interval',
        'count',
        'duration',
        'initialDelay',
        'window',
        'failureLimit',
        'inconclusiveLimit',
        'consecutiveErrorLimit',
        'minSamples',
        'deadline',
        'queryTimeout',
        'queryRetries',
        'selector',
        'builtins',
        'checks',
        'temporal'
    ]);
    const intervalMs = durationField(obj, 'interval', path) ?? ANALYSIS_DEFAULTS.intervalMs;
    if (intervalMs < 1000) throw new InputError(`${path}.interval`, 'must be at least 1s');
    const durationMs = durationField(obj, 'duration', path);
    const countRaw = intField(obj, 'count', path, 1);
    if (countRaw !== undefined && durationMs !== undefined) throw new InputError(path, 'sets both `count` and `duration`', 'keep one of them');
    const count = countRaw ?? (durationMs !== undefined ? Math.max(1, Math.floor(durationMs / intervalMs)) : ANALYSIS_DEFAULTS.count);
    const minSamples = intField(obj, 'minSamples', path, 1) ?? ANALYSIS_DEFAULTS.minSamples;
    const windowMs = durationField(obj, 'window', path) ?? ANALYSIS_DEFAULTS.windowMs;
    const checks = [
        ...parseBuiltins(obj.builtins, `${path}.builtins`, minSamples)
    ];
    if (obj.checks !== undefined) {
        if (!Array.isArray(obj.checks)) throw new InputError(`${path}.checks`, 'must be a list of checks');
        obj.checks.forEach((c, i)=>{
            checks.push(parseCheck(c, `${path}.checks[${i}]`, minSamples));
        });
    }
    const names = new Set();
    for (const check of checks){
        if (names.has(check.name)) throw new InputError(`${path}.checks`, `two checks are named "${check.name}"`, 'give each check its own name');
        names.add(check.name);
    }
    if (checks.length === 0) throw new InputError(path, 'has no checks', 'enable a built-in check or add one');
    const initialDelayMs = durationField(obj, 'initialDelay', path) ?? ANALYSIS_DEFAULTS.initialDelayMs;
    const deadlineMs = durationField(obj, 'deadline', path) ?? initialDelayMs + count * intervalMs + ANALYSIS_DEFAULTS.deadlineSlackMs;
    if (deadlineMs < 1000) throw new InputError(`${path}.deadline`, 'must be at least 1s');
    const queryTimeoutMs = durationField(obj, 'queryTimeout', path) ?? ANALYSIS_DEFAULTS.queryTimeoutMs;
    if (queryTimeoutMs < 100) throw new InputError(`${path}.queryTimeout`, 'must be at least 100ms');
    return {
        intervalMs,
        count,
        initialDelayMs,
        windowMs,
        failureLimit: intField(obj, 'failureLimit', path, 0) ?? ANALYSIS_DEFAULTS.failureLimit,
        inconclusiveLimit: intField(obj, 'inconclusiveLimit', path, 0) ?? ANALYSIS_DEFAULTS.inconclusiveLimit,
        consecutiveErrorLimit: intField(obj, 'consecutiveErrorLimit', path, 0) ?? ANALYSIS_DEFAULTS.consecutiveErrorLimit,
        deadlineMs,
        queryTimeoutMs,
        queryRetries: intField(obj, 'queryRetries', path, 0) ?? ANALYSIS_DEFAULTS.queryRetries,
        selector: parseSelector(obj.selector, `${path}.selector`),
        checks,
        temporal: parseTemporalCheck(obj.temporal, `${path}.temporal`)
    };
}
function parseTemporalCheck(raw, path) {
    const obj = raw === undefined || raw === null ? {} : raw === false ? {
        enabled: false
    } : asObject(raw, path);
    allowKeys(obj, path, [
        'enabled',
        'interval',
        'runs',
        'maxRuns'
    ]);
    const spec = {
        enabled: obj.enabled === undefined ? true : boolField(obj, 'enabled', path),
        intervalMs: durationField(obj, 'interval', path) ?? ANALYSIS_DEFAULTS.temporalIntervalMs,
        maxRuns: intField(obj, 'maxRuns', path, 1) ?? ANALYSIS_DEFAULTS.temporalMaxRuns
    };
    if (spec.intervalMs < 500) throw new InputError(`${path}.interval`, 'must be at least 500ms');
    const runs = stringField(obj, 'runs', path);
    if (runs !== undefined) {
        if (!runs.trim()) throw new InputError(`${path}.runs`, 'is empty', 'give a visibility query, e.g. TaskQueue="orders-v2"');
        spec.runs = runs;
    }
    return spec;
}
function parseSelector(raw, path) {
    if (raw === undefined) return {
        label: 'task_queue',
        labelDefaulted: true
    };
    const obj = asObject(raw, path);
    allowKeys(obj, path, [
        'label',
        'canary',
        'baseline',
        'matchers'
    ]);
    const given = stringField(obj, 'label', path);
    const label = given ?? 'task_queue';
    if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(label)) throw new InputError(`${path}.label`, `"${label}" is not a Prometheus label name`, 'use e.g. task_queue');
    const selector = {
        label,
        ...given === undefined ? {
            labelDefaulted: true
        } : {}
    };
    const canary = stringField(obj, 'canary', path);
    const baseline = stringField(obj, 'baseline', path);
    const matchers = stringField(obj, 'matchers', path);
    if (canary !== undefined) selector.canary = canary;
    if (baseline !== undefined) selector.baseline = baseline;
    if (matchers !== undefined) selector.matchers = matchers;
    return selector;
}
function parseBuiltins(raw, path, minSamples) {
    const defaults = builtinChecks(minSamples);
    if (raw === undefined) return DEFAULT_BUILTINS.map((n)=>defaults[n]);
    if (Array.isArray(raw)) {
        return raw.map((name, i)=>{
            if (typeof name !== 'string' || !isBuiltin(name)) throw new InputError(`${path}[${i}]`, `unknown built-in check ${JSON.stringify(name)}`, `use one of: ${BUILTIN_NAMES.join(', ')}`);
            return defaults[name];
        });
    }
    const obj = asObject(raw, path);
    const checks = [];
    for (const name of Object.keys(obj)){
        if (!isBuiltin(name)) throw new InputError(`${path}.${name}`, 'is not a built-in check', `use one of: ${BUILTIN_NAMES.join(', ')}`);
    }
    for (const name of BUILTIN_NAMES){
        const value = obj[name];
        if (value === false || value === undefined && !DEFAULT_BUILTINS.includes(name)) continue;
        const base = defaults[name];
        if (value === undefined || value === true) {
            checks.push(base);
            continue;
        }
        const override = asObject(value, `${path}.${name}`);
        allowKeys(override, `${path}.${name}`, [
            'rule',
            'failFast',
            'minSamples'
        ]);
        const check = {
            ...base
        };
        if (override.rule !== undefined) check.rule = parseRule(override.rule, `${path}.${name}.rule`);
        if (override.failFast !== undefined) check.failFast = boolField(override, 'failFast', `${path}.${name}`);
        const min = intField(override, 'minSamples', `${path}.${name}`, 0);
        if (min !== undefined && !check.samples) throw new InputError(`${path}.${name}.minSamples`, 'does not apply: this check counts hard errors and has no traffic guard', 'remove minSamples here');
        if (min !== undefined && check.samples) check.samples = {
            ...check.samples,
            min
        };
        checks.push(check);
    }
    return checks;
}
function isBuiltin(name) {
    return BUILTIN_NAMES.includes(name);
}
function parseCheck(raw, path, minSamples) {
    const obj = asObject(raw, path);
    if (obj.samples !== undefined) throw new InputError(`${path}.samples`, 'is not a field: the traffic guard is `samplesQuery` (PromQL counting the samples behind the value, with {{selector}}) and `minSamples`', 'write e.g. samplesQuery: sum(increase(my_requests_total{ {{selector}} }[{{window}}])) and minSamples: 20');
    allowKeys(obj, path, [
        'name',
        'query',
        'rule',
        'failFast',
        'samplesQuery',
        'minSamples',
        'unit'
    ]);
    const name = stringField(obj, 'name', path);
    if (!name) throw new InputError(`${path}.name`, 'is missing', 'give the check a name');
    const query = stringField(obj, 'query', path);
    if (!query) throw new InputError(`${path}.query`, 'is missing', 'give a PromQL query using {{selector}}');
    if (!query.includes('{{selector}}')) throw new InputError(`${path}.query`, 'does not use {{selector}}, so canary and baseline would read the same series', 'put {{selector}} inside the metric matcher, e.g. my_metric{ {{selector}} }');
    if (obj.rule === undefined) throw new InputError(`${path}.rule`, 'is missing', 'add e.g. { type: threshold, max: 0.05 }');
    const check = {
        name,
        query,
        rule: parseRule(obj.rule, `${path}.rule`),
        failFast: obj.failFast === undefined ? false : boolField(obj, 'failFast', path)
    };
    const samplesQuery = stringField(obj, 'samplesQuery', path);
    const checkMin = intField(obj, 'minSamples', path, 0);
    if (samplesQuery !== undefined) {
        if (!samplesQuery.includes('{{selector}}')) throw new InputError(`${path}.samplesQuery`, 'does not use {{selector}}, so it would count the whole fleet instead of each side', 'put {{selector}} inside the metric matcher, e.g. sum(increase(my_requests_total{ {{selector}} }[{{window}}]))');
        check.samples = {
            query: samplesQuery,
            min: checkMin ?? minSamples
        };
    } else if (checkMin === undefined || checkMin > 0) throw new InputError(path, `check "${name}" has no traffic guard, so it could pass on a canary that saw almost no traffic`, 'add samplesQuery (PromQL counting the samples behind the value, with {{selector}}); or set minSamples: 0 to accept no guard (the check can then fail the canary but never pass it alone)');
    const unit = stringField(obj, 'unit', path);
    if (unit !== undefined) check.unit = unit;
    return check;
}
function parseRule(raw, path) {
    const obj = asObject(raw, path);
    const type = obj.type;
    if (type === 'threshold') {
        allowKeys(obj, path, [
            'type',
            'min',
            'max'
        ]);
        const rule = {
            type
        };
        const min = numberField(obj, 'min', path);
        const max = numberField(obj, 'max', path);
        if (min === undefined && max === undefined) throw new InputError(path, 'a threshold needs `min`, `max` or both');
        if (min !== undefined && max !== undefined && min > max) throw new InputError(path, '`min` is above `max`');
        if (min !== undefined) rule.min = min;
        if (max !== undefined) rule.max = max;
        return rule;
    }
    if (type === 'ratio') {
        allowKeys(obj, path, [
            'type',
            'maxRatio',
            'minRatio',
            'allowance'
        ]);
        const maxRatio = numberField(obj, 'maxRatio', path);
        if (maxRatio === undefined || maxRatio <= 0) throw new InputError(`${path}.maxRatio`, 'must be a number above 0', 'e.g. maxRatio: 1.5');
        const rule = {
            type,
            maxRatio,
            allowance: numberField(obj, 'allowance', path) ?? 0
        };
        const minRatio = numberField(obj, 'minRatio', path);
        if (minRatio !== undefined) rule.minRatio = minRatio;
        return rule;
    }
    if (type === 'mann-whitney') {
        allowKeys(obj, path, [
            'type',
            'confidence',
            'direction',
            'tolerance',
            'lookback',
            'step',
            'minSamples'
        ]);
        const confidence = numberField(obj, 'confidence', path) ?? 0.95;
        if (!(confidence > 0 && confidence < 1)) throw new InputError(`${path}.confidence`, 'must lie between 0 and 1', 'e.g. confidence: 0.95');
        const direction = obj.direction ?? 'increase';
        if (direction !== 'increase' && direction !== 'decrease' && direction !== 'either') throw new InputError(`${path}.direction`, `unknown direction ${JSON.stringify(direction)}`, 'use increase, decrease or either');
        return {
            type,
            confidence,
            direction,
            tolerance: numberField(obj, 'tolerance', path) ?? 0.1,
            lookbackMs: durationField(obj, 'lookback', path) ?? 120_000,
            stepMs: durationField(obj, 'step', path) ?? 5_000,
            minSamples: intField(obj, 'minSamples', path, 2) ?? 8
        };
    }
    throw new InputError(`${path}.type`, `unknown rule type ${JSON.stringify(type)}`, 'use threshold, ratio or mann-whitney');
}
function asObject(raw, path) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InputError(path, 'must be a mapping');
    return raw;
}
function allowKeys(obj, path, allowed) {
    for (const key of Object.keys(obj))if (!allowed.includes(key)) throw new InputError(`${path}.${key}`, 'is not a known field', `known fields: ${allowed.join(', ')}`);
}
function stringField(obj, key, path) {
    const v = obj[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') throw new InputError(`${path}.${key}`, 'must be a string');
    return v;
}
function numberField(obj, key, path) {
    const v = obj[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputError(`${path}.${key}`, 'must be a number');
    return v;
}
function intField(obj, key, path, min) {
    const v = numberField(obj, key, path);
    if (v === undefined) return undefined;
    if (!Number.isInteger(v) || v < min) throw new InputError(`${path}.${key}`, `must be a whole number ≥ ${min}`);
    return v;
}
function boolField(obj, key, path) {
    const v = obj[key];
    if (typeof v !== 'boolean') throw new InputError(`${path}.${key}`, 'must be true or false');
    return v;
}
function durationField(obj, key, path) {
    const v = obj[key];
    return v === undefined ? undefined : parseDuration(v, `${path}.${key}`);
}

/**
 * Judges the measurements so far. Fail as soon as a fail-fast check fails once or any check fails more than
 * `failureLimit` times; inconclusive as soon as a check is inconclusive more than `inconclusiveLimit` times or
 * errors more than `consecutiveErrorLimit` times in a row; pass only after all `count` ticks, when every check
 * has at least one successful measurement and at least one check with a traffic guard passed (checks without
 * one can fail a canary but never pass it alone). Missing data never counts towards a pass.
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
    if (!checks.some(hasTrafficGuard)) return {
        done: true,
        verdict: 'inconclusive',
        reasons: [
            `no check measured the canary's traffic (${results.map((r)=>r.name).join(', ')} have no traffic guard), so nothing shows the canary was exercised; enable a built-in rate check or give a check samplesQuery`
        ],
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
        source: check.source ?? 'prometheus',
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

function getDefaultExportFromCjs (x) {
	return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, 'default') ? x['default'] : x;
}

var re = {exports: {}};

var constants;
var hasRequiredConstants;

function requireConstants () {
	if (hasRequiredConstants) return constants;
	hasRequiredConstants = 1;

	// Note: this is the semver.org version of the spec that it implements
	// Not necessarily the package version of this code.
	const SEMVER_SPEC_VERSION = '2.0.0';

	const MAX_LENGTH = 256;
	const MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER ||
	/* istanbul ignore next */ 9007199254740991;

	// Max safe segment length for coercion.
	const MAX_SAFE_COMPONENT_LENGTH = 16;

	// Max safe length for a build identifier. The max length minus 6 characters for
	// the shortest version with a build 0.0.0+BUILD.
	const MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;

	// ECMAScript whitespace and line terminators matched by \s.
	const WHITESPACE_CHARACTERS = [
	  '\t',
	  '\n',
	  '\v',
	  '\f',
	  '\r',
	  ' ',
	  '\u00a0',
	  '\u1680',
	  '\u2000',
	  '\u2001',
	  '\u2002',
	  '\u2003',
	  '\u2004',
	  '\u2005',
	  '\u2006',
	  '\u2007',
	  '\u2008',
	  '\u2009',
	  '\u200a',
	  '\u2028',
	  '\u2029',
	  '\u202f',
	  '\u205f',
	  '\u3000',
	  '\ufeff',
	];

	const RELEASE_TYPES = [
	  'major',
	  'premajor',
	  'minor',
	  'preminor',
	  'patch',
	  'prepatch',
	  'prerelease',
	];

	constants = {
	  MAX_LENGTH,
	  MAX_SAFE_COMPONENT_LENGTH,
	  MAX_SAFE_BUILD_LENGTH,
	  MAX_SAFE_INTEGER,
	  WHITESPACE_CHARACTERS,
	  RELEASE_TYPES,
	  SEMVER_SPEC_VERSION,
	  FLAG_INCLUDE_PRERELEASE: 0b001,
	  FLAG_LOOSE: 0b010,
	};
	return constants;
}

var debug_1;
var hasRequiredDebug;

function requireDebug () {
	if (hasRequiredDebug) return debug_1;
	hasRequiredDebug = 1;

	const debug = (
	  typeof process === 'object' &&
	  process.env &&
	  process.env.NODE_DEBUG &&
	  /\bsemver\b/i.test(process.env.NODE_DEBUG)
	) ? (...args) => console.error('SEMVER', ...args)
	  : () => {};

	debug_1 = debug;
	return debug_1;
}

var hasRequiredRe;

function requireRe () {
	if (hasRequiredRe) return re.exports;
	hasRequiredRe = 1;
	(function (module, exports) {

		const {
		  MAX_SAFE_COMPONENT_LENGTH,
		  MAX_SAFE_BUILD_LENGTH,
		  MAX_LENGTH,
		} = requireConstants();
		const debug = requireDebug();
		exports = module.exports = {};

		// The actual regexps go on exports.re
		const re = exports.re = [];
		const safeRe = exports.safeRe = [];
		const src = exports.src = [];
		const safeSrc = exports.safeSrc = [];
		const t = exports.t = {};
		let R = 0;

		const LETTERDASHNUMBER = '[a-zA-Z0-9-]';

		// Replace some greedy regex tokens to prevent regex dos issues. These regex are
		// used internally via the safeRe object since all inputs in this library get
		// normalized first to trim and collapse all extra whitespace. The original
		// regexes are exported for userland consumption and lower level usage. A
		// future breaking change could export the safer regex only with a note that
		// all input should have extra whitespace removed.
		const safeRegexReplacements = [
		  ['\\s', 1],
		  ['\\d', MAX_LENGTH],
		  [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH],
		];

		const makeSafeRegex = (value) => {
		  for (const [token, max] of safeRegexReplacements) {
		    value = value
		      .split(`${token}*`).join(`${token}{0,${max}}`)
		      .split(`${token}+`).join(`${token}{1,${max}}`);
		  }
		  return value
		};

		const createToken = (name, value, isGlobal) => {
		  const safe = makeSafeRegex(value);
		  const index = R++;
		  debug(name, index, value);
		  t[name] = index;
		  src[index] = value;
		  safeSrc[index] = safe;
		  re[index] = new RegExp(value, isGlobal ? 'g' : undefined);
		  safeRe[index] = new RegExp(safe, isGlobal ? 'g' : undefined);
		};

		// The following Regular Expressions can be used for tokenizing,
		// validating, and parsing SemVer version strings.

		// ## Numeric Identifier
		// A single `0`, or a non-zero digit followed by zero or more digits.

		createToken('NUMERICIDENTIFIER', '0|[1-9]\\d*');
		createToken('NUMERICIDENTIFIERLOOSE', '\\d+');

		// ## Non-numeric Identifier
		// Zero or more digits, followed by a letter or hyphen, and then zero or
		// more letters, digits, or hyphens.

		createToken('NONNUMERICIDENTIFIER', `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`);

		// ## Main Version
		// Three dot-separated numeric identifiers.

		createToken('MAINVERSION', `(${src[t.NUMERICIDENTIFIER]})\\.` +
		                   `(${src[t.NUMERICIDENTIFIER]})\\.` +
		                   `(${src[t.NUMERICIDENTIFIER]})`);

		createToken('MAINVERSIONLOOSE', `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
		                        `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
		                        `(${src[t.NUMERICIDENTIFIERLOOSE]})`);

		// ## Pre-release Version Identifier
		// A numeric identifier, or a non-numeric identifier.
		// Non-numeric identifiers include numeric identifiers but can be longer.
		// Therefore non-numeric identifiers must go first.

		createToken('PRERELEASEIDENTIFIER', `(?:${src[t.NONNUMERICIDENTIFIER]
		}|${src[t.NUMERICIDENTIFIER]})`);

		createToken('PRERELEASEIDENTIFIERLOOSE', `(?:${src[t.NONNUMERICIDENTIFIER]
		}|${src[t.NUMERICIDENTIFIERLOOSE]})`);

		// ## Pre-release Version
		// Hyphen, followed by one or more dot-separated pre-release version
		// identifiers.

		createToken('PRERELEASE', `(?:-(${src[t.PRERELEASEIDENTIFIER]
		}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`);

		createToken('PRERELEASELOOSE', `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]
		}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`);

		// ## Build Metadata Identifier
		// Any combination of digits, letters, or hyphens.

		createToken('BUILDIDENTIFIER', `${LETTERDASHNUMBER}+`);

		// ## Build Metadata
		// Plus sign, followed by one or more period-separated build metadata
		// identifiers.

		createToken('BUILD', `(?:\\+(${src[t.BUILDIDENTIFIER]
		}(?:\\.${src[t.BUILDIDENTIFIER]})*))`);

		// ## Full Version String
		// A main version, followed optionally by a pre-release version and
		// build metadata.

		// Note that the only major, minor, patch, and pre-release sections of
		// the version string are capturing groups.  The build metadata is not a
		// capturing group, because it should not ever be used in version
		// comparison.

		createToken('FULLPLAIN', `v?${src[t.MAINVERSION]
		}${src[t.PRERELEASE]}?${
		  src[t.BUILD]}?`);

		createToken('FULL', `^${src[t.FULLPLAIN]}$`);

		// like full, but allows v1.2.3 and =1.2.3, which people do sometimes.
		// also, 1.0.0alpha1 (prerelease without the hyphen) which is pretty
		// common in the npm registry.
		createToken('LOOSEPLAIN', `[v=\\s]*${src[t.MAINVERSIONLOOSE]
		}${src[t.PRERELEASELOOSE]}?${
		  src[t.BUILD]}?`);

		createToken('LOOSE', `^${src[t.LOOSEPLAIN]}$`);

		createToken('GTLT', '((?:<|>)?=?)');

		// Something like "2.*" or "1.2.x".
		// Note that "x.x" is a valid xRange identifier, meaning "any version"
		// Only the first item is strictly required.
		createToken('XRANGEIDENTIFIERLOOSE', `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`);
		createToken('XRANGEIDENTIFIER', `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`);

		createToken('XRANGEPLAIN', `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})` +
		                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
		                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
		                   `(?:${src[t.PRERELEASE]})?${
		                     src[t.BUILD]}?` +
		                   `)?)?`);

		createToken('XRANGEPLAINLOOSE', `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})` +
		                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
		                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
		                        `(?:${src[t.PRERELEASELOOSE]})?${
		                          src[t.BUILD]}?` +
		                        `)?)?`);

		createToken('XRANGE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`);
		createToken('XRANGELOOSE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`);

		// Coercion.
		// Extract anything that could conceivably be a part of a valid semver
		createToken('COERCEPLAIN', `${'(^|[^\\d])' +
		              '(\\d{1,'}${MAX_SAFE_COMPONENT_LENGTH}})` +
		              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?` +
		              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`);
		createToken('COERCE', `${src[t.COERCEPLAIN]}(?:$|[^\\d])`);
		createToken('COERCEFULL', src[t.COERCEPLAIN] +
		              `(?:${src[t.PRERELEASE]})?` +
		              `(?:${src[t.BUILD]})?` +
		              `(?:$|[^\\d])`);
		createToken('COERCERTL', src[t.COERCE], true);
		createToken('COERCERTLFULL', src[t.COERCEFULL], true);

		// Tilde ranges.
		// Meaning is "reasonably at or greater than"
		createToken('LONETILDE', '(?:~>?)');

		createToken('TILDETRIM', `(\\s*)${src[t.LONETILDE]}\\s+`, true);
		exports.tildeTrimReplace = '$1~';

		createToken('TILDE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`);
		createToken('TILDELOOSE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`);

		// Caret ranges.
		// Meaning is "at least and backwards compatible with"
		createToken('LONECARET', '(?:\\^)');

		createToken('CARETTRIM', `(\\s*)${src[t.LONECARET]}\\s+`, true);
		exports.caretTrimReplace = '$1^';

		createToken('CARET', `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`);
		createToken('CARETLOOSE', `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`);

		// A simple gt/lt/eq thing, or just "" to indicate "any version"
		createToken('COMPARATORLOOSE', `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`);
		createToken('COMPARATOR', `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`);

		// An expression to strip any whitespace between the gtlt and the thing
		// it modifies, so that `> 1.2.3` ==> `>1.2.3`
		createToken('COMPARATORTRIM', `(\\s*)${src[t.GTLT]
		}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true);
		exports.comparatorTrimReplace = '$1$2$3';

		// Something like `1.2.3 - 1.2.4`
		// Note that these all use the loose form, because they'll be
		// checked against either the strict or loose comparator form
		// later.
		createToken('HYPHENRANGE', `^\\s*(${src[t.XRANGEPLAIN]})` +
		                   `\\s+-\\s+` +
		                   `(${src[t.XRANGEPLAIN]})` +
		                   `\\s*$`);

		createToken('HYPHENRANGELOOSE', `^\\s*(${src[t.XRANGEPLAINLOOSE]})` +
		                        `\\s+-\\s+` +
		                        `(${src[t.XRANGEPLAINLOOSE]})` +
		                        `\\s*$`);

		// Star ranges basically just allow anything at all.
		createToken('STAR', '(<|>)?=?\\s*\\*');
		// >=0.0.0 is like a star
		createToken('GTE0', '^\\s*>=\\s*0\\.0\\.0\\s*$');
		createToken('GTE0PRE', '^\\s*>=\\s*0\\.0\\.0-0\\s*$'); 
	} (re, re.exports));
	return re.exports;
}

var parseOptions_1;
var hasRequiredParseOptions;

function requireParseOptions () {
	if (hasRequiredParseOptions) return parseOptions_1;
	hasRequiredParseOptions = 1;

	// parse out just the options we care about
	const looseOption = Object.freeze({ loose: true });
	const emptyOpts = Object.freeze({ });
	const parseOptions = options => {
	  if (!options) {
	    return emptyOpts
	  }

	  if (typeof options !== 'object') {
	    return looseOption
	  }

	  return options
	};
	parseOptions_1 = parseOptions;
	return parseOptions_1;
}

var identifiers;
var hasRequiredIdentifiers;

function requireIdentifiers () {
	if (hasRequiredIdentifiers) return identifiers;
	hasRequiredIdentifiers = 1;

	const numeric = /^[0-9]+$/;
	const compareIdentifiers = (a, b) => {
	  if (typeof a === 'number' && typeof b === 'number') {
	    return a === b ? 0 : a < b ? -1 : 1
	  }

	  const anum = numeric.test(a);
	  const bnum = numeric.test(b);

	  if (anum && bnum) {
	    a = +a;
	    b = +b;
	  }

	  return a === b ? 0
	    : (anum && !bnum) ? -1
	    : (bnum && !anum) ? 1
	    : a < b ? -1
	    : 1
	};

	const rcompareIdentifiers = (a, b) => compareIdentifiers(b, a);

	identifiers = {
	  compareIdentifiers,
	  rcompareIdentifiers,
	};
	return identifiers;
}

var semver$2;
var hasRequiredSemver$1;

function requireSemver$1 () {
	if (hasRequiredSemver$1) return semver$2;
	hasRequiredSemver$1 = 1;

	const debug = requireDebug();
	const { MAX_LENGTH, MAX_SAFE_INTEGER } = requireConstants();
	const { safeRe: re, t } = requireRe();

	const parseOptions = requireParseOptions();
	const { compareIdentifiers } = requireIdentifiers();

	const isPrereleaseIdentifier = (prerelease, identifier) => {
	  const identifiers = identifier.split('.');
	  if (identifiers.length > prerelease.length) {
	    return false
	  }

	  for (let i = 0; i < identifiers.length; i++) {
	    if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
	      return false
	    }
	  }

	  return true
	};

	class SemVer {
	  constructor (version, options) {
	    options = parseOptions(options);

	    if (version instanceof SemVer) {
	      if (version.loose === !!options.loose &&
	        version.includePrerelease === !!options.includePrerelease) {
	        return version
	      } else {
	        version = version.version;
	      }
	    } else if (typeof version !== 'string') {
	      throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`)
	    }

	    if (version.length > MAX_LENGTH) {
	      throw new TypeError(
	        `version is longer than ${MAX_LENGTH} characters`
	      )
	    }

	    debug('SemVer', version, options);
	    this.options = options;
	    this.loose = !!options.loose;
	    // this isn't actually relevant for versions, but keep it so that we
	    // don't run into trouble passing this.options around.
	    this.includePrerelease = !!options.includePrerelease;

	    const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL]);

	    if (!m) {
	      throw new TypeError(`Invalid Version: ${version}`)
	    }

	    this.raw = version;

	    // these are actually numbers
	    this.major = +m[1];
	    this.minor = +m[2];
	    this.patch = +m[3];

	    if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
	      throw new TypeError('Invalid major version')
	    }

	    if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
	      throw new TypeError('Invalid minor version')
	    }

	    if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
	      throw new TypeError('Invalid patch version')
	    }

	    // numberify any prerelease numeric ids
	    if (!m[4]) {
	      this.prerelease = [];
	    } else {
	      this.prerelease = m[4].split('.').map((id) => {
	        if (/^[0-9]+$/.test(id)) {
	          const num = +id;
	          if (num >= 0 && num < MAX_SAFE_INTEGER) {
	            return num
	          }
	        }
	        return id
	      });
	    }

	    this.build = m[5] ? m[5].split('.') : [];
	    this.format();
	  }

	  format () {
	    this.version = `${this.major}.${this.minor}.${this.patch}`;
	    if (this.prerelease.length) {
	      this.version += `-${this.prerelease.join('.')}`;
	    }
	    return this.version
	  }

	  toString () {
	    return this.version
	  }

	  compare (other) {
	    debug('SemVer.compare', this.version, this.options, other);
	    if (!(other instanceof SemVer)) {
	      if (typeof other === 'string' && other === this.version) {
	        return 0
	      }
	      other = new SemVer(other, this.options);
	    }

	    if (other.version === this.version) {
	      return 0
	    }

	    return this.compareMain(other) || this.comparePre(other)
	  }

	  compareMain (other) {
	    if (!(other instanceof SemVer)) {
	      other = new SemVer(other, this.options);
	    }

	    if (this.major < other.major) {
	      return -1
	    }
	    if (this.major > other.major) {
	      return 1
	    }
	    if (this.minor < other.minor) {
	      return -1
	    }
	    if (this.minor > other.minor) {
	      return 1
	    }
	    if (this.patch < other.patch) {
	      return -1
	    }
	    if (this.patch > other.patch) {
	      return 1
	    }
	    return 0
	  }

	  comparePre (other) {
	    if (!(other instanceof SemVer)) {
	      other = new SemVer(other, this.options);
	    }

	    // NOT having a prerelease is > having one
	    if (this.prerelease.length && !other.prerelease.length) {
	      return -1
	    } else if (!this.prerelease.length && other.prerelease.length) {
	      return 1
	    } else if (!this.prerelease.length && !other.prerelease.length) {
	      return 0
	    }

	    let i = 0;
	    do {
	      const a = this.prerelease[i];
	      const b = other.prerelease[i];
	      debug('prerelease compare', i, a, b);
	      if (a === undefined && b === undefined) {
	        return 0
	      } else if (b === undefined) {
	        return 1
	      } else if (a === undefined) {
	        return -1
	      } else if (a === b) {
	        continue
	      } else {
	        return compareIdentifiers(a, b)
	      }
	    } while (++i)
	  }

	  compareBuild (other) {
	    if (!(other instanceof SemVer)) {
	      other = new SemVer(other, this.options);
	    }

	    let i = 0;
	    do {
	      const a = this.build[i];
	      const b = other.build[i];
	      debug('build compare', i, a, b);
	      if (a === undefined && b === undefined) {
	        return 0
	      } else if (b === undefined) {
	        return 1
	      } else if (a === undefined) {
	        return -1
	      } else if (a === b) {
	        continue
	      } else {
	        return compareIdentifiers(a, b)
	      }
	    } while (++i)
	  }

	  // preminor will bump the version up to the next minor release, and immediately
	  // down to pre-release. premajor and prepatch work the same way.
	  inc (release, identifier, identifierBase) {
	    if (release.startsWith('pre')) {
	      if (!identifier && identifierBase === false) {
	        throw new Error('invalid increment argument: identifier is empty')
	      }
	      // Avoid an invalid semver results
	      if (identifier) {
	        const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE]);
	        if (!match || match[1] !== identifier) {
	          throw new Error(`invalid identifier: ${identifier}`)
	        }
	      }
	    }

	    switch (release) {
	      case 'premajor':
	        this.prerelease.length = 0;
	        this.patch = 0;
	        this.minor = 0;
	        this.major++;
	        this.inc('pre', identifier, identifierBase);
	        break
	      case 'preminor':
	        this.prerelease.length = 0;
	        this.patch = 0;
	        this.minor++;
	        this.inc('pre', identifier, identifierBase);
	        break
	      case 'prepatch':
	        // If this is already a prerelease, it will bump to the next version
	        // drop any prereleases that might already exist, since they are not
	        // relevant at this point.
	        this.prerelease.length = 0;
	        this.inc('patch', identifier, identifierBase);
	        this.inc('pre', identifier, identifierBase);
	        break
	      // If the input is a non-prerelease version, this acts the same as
	      // prepatch.
	      case 'prerelease':
	        if (this.prerelease.length === 0) {
	          this.inc('patch', identifier, identifierBase);
	        }
	        this.inc('pre', identifier, identifierBase);
	        break
	      case 'release':
	        if (this.prerelease.length === 0) {
	          throw new Error(`version ${this.raw} is not a prerelease`)
	        }
	        this.prerelease.length = 0;
	        break

	      case 'major':
	        // If this is a pre-major version, bump up to the same major version.
	        // Otherwise increment major.
	        // 1.0.0-5 bumps to 1.0.0
	        // 1.1.0 bumps to 2.0.0
	        if (
	          this.minor !== 0 ||
	          this.patch !== 0 ||
	          this.prerelease.length === 0
	        ) {
	          this.major++;
	        }
	        this.minor = 0;
	        this.patch = 0;
	        this.prerelease = [];
	        break
	      case 'minor':
	        // If this is a pre-minor version, bump up to the same minor version.
	        // Otherwise increment minor.
	        // 1.2.0-5 bumps to 1.2.0
	        // 1.2.1 bumps to 1.3.0
	        if (this.patch !== 0 || this.prerelease.length === 0) {
	          this.minor++;
	        }
	        this.patch = 0;
	        this.prerelease = [];
	        break
	      case 'patch':
	        // If this is not a pre-release version, it will increment the patch.
	        // If it is a pre-release it will bump up to the same patch version.
	        // 1.2.0-5 patches to 1.2.0
	        // 1.2.0 patches to 1.2.1
	        if (this.prerelease.length === 0) {
	          this.patch++;
	        }
	        this.prerelease = [];
	        break
	      // This probably shouldn't be used publicly.
	      // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
	      case 'pre': {
	        const base = Number(identifierBase) ? 1 : 0;

	        if (this.prerelease.length === 0) {
	          this.prerelease = [base];
	        } else {
	          let i = this.prerelease.length;
	          while (--i >= 0) {
	            if (typeof this.prerelease[i] === 'number') {
	              this.prerelease[i]++;
	              i = -2;
	            }
	          }
	          if (i === -1) {
	            // didn't increment anything
	            if (identifier === this.prerelease.join('.') && identifierBase === false) {
	              throw new Error('invalid increment argument: identifier already exists')
	            }
	            this.prerelease.push(base);
	          }
	        }
	        if (identifier) {
	          // 1.2.0-beta.1 bumps to 1.2.0-beta.2,
	          // 1.2.0-beta.fooblz or 1.2.0-beta bumps to 1.2.0-beta.0
	          let prerelease = [identifier, base];
	          if (identifierBase === false) {
	            prerelease = [identifier];
	          }
	          if (isPrereleaseIdentifier(this.prerelease, identifier)) {
	            const prereleaseBase = this.prerelease[identifier.split('.').length];
	            if (isNaN(prereleaseBase)) {
	              this.prerelease = prerelease;
	            }
	          } else {
	            this.prerelease = prerelease;
	          }
	        }
	        break
	      }
	      default:
	        throw new Error(`invalid increment argument: ${release}`)
	    }
	    this.raw = this.format();
	    if (this.build.length) {
	      this.raw += `+${this.build.join('.')}`;
	    }
	    return this
	  }
	}

	semver$2 = SemVer;
	return semver$2;
}

var parse_1;
var hasRequiredParse;

function requireParse () {
	if (hasRequiredParse) return parse_1;
	hasRequiredParse = 1;

	const SemVer = requireSemver$1();
	const parse = (version, options, throwErrors = false) => {
	  if (version instanceof SemVer) {
	    return version
	  }
	  try {
	    return new SemVer(version, options)
	  } catch (er) {
	    if (!throwErrors) {
	      return null
	    }
	    throw er
	  }
	};

	parse_1 = parse;
	return parse_1;
}

var valid_1;
var hasRequiredValid$1;

function requireValid$1 () {
	if (hasRequiredValid$1) return valid_1;
	hasRequiredValid$1 = 1;

	const parse = requireParse();
	const valid = (version, options) => {
	  const v = parse(version, options);
	  return v ? v.version : null
	};
	valid_1 = valid;
	return valid_1;
}

var clean_1;
var hasRequiredClean;

function requireClean () {
	if (hasRequiredClean) return clean_1;
	hasRequiredClean = 1;

	const parse = requireParse();
	const clean = (version, options) => {
	  const s = parse(version.trim().replace(/^[=v]+/, ''), options);
	  return s ? s.version : null
	};
	clean_1 = clean;
	return clean_1;
}

var inc_1;
var hasRequiredInc;

function requireInc () {
	if (hasRequiredInc) return inc_1;
	hasRequiredInc = 1;

	const SemVer = requireSemver$1();

	const inc = (version, release, options, identifier, identifierBase) => {
	  if (typeof (options) === 'string') {
	    identifierBase = identifier;
	    identifier = options;
	    options = undefined;
	  }

	  try {
	    return new SemVer(
	      version instanceof SemVer ? version.version : version,
	      options
	    ).inc(release, identifier, identifierBase).version
	  } catch (er) {
	    return null
	  }
	};
	inc_1 = inc;
	return inc_1;
}

var diff_1;
var hasRequiredDiff;

function requireDiff () {
	if (hasRequiredDiff) return diff_1;
	hasRequiredDiff = 1;

	const parse = requireParse();

	const diff = (version1, version2) => {
	  const v1 = parse(version1, null, true);
	  const v2 = parse(version2, null, true);
	  const comparison = v1.compare(v2);

	  if (comparison === 0) {
	    return null
	  }

	  const v1Higher = comparison > 0;
	  const highVersion = v1Higher ? v1 : v2;
	  const lowVersion = v1Higher ? v2 : v1;
	  const highHasPre = !!highVersion.prerelease.length;
	  const lowHasPre = !!lowVersion.prerelease.length;

	  if (lowHasPre && !highHasPre) {
	    // Going from prerelease -> no prerelease requires some special casing

	    // If the low version has only a major, then it will always be a major
	    // Some examples:
	    // 1.0.0-1 -> 1.0.0
	    // 1.0.0-1 -> 1.1.1
	    // 1.0.0-1 -> 2.0.0
	    if (!lowVersion.patch && !lowVersion.minor) {
	      return 'major'
	    }

	    // If the main part has no difference
	    if (lowVersion.compareMain(highVersion) === 0) {
	      if (lowVersion.minor && !lowVersion.patch) {
	        return 'minor'
	      }
	      return 'patch'
	    }
	  }

	  // add the `pre` prefix if we are going to a prerelease version
	  const prefix = highHasPre ? 'pre' : '';

	  if (v1.major !== v2.major) {
	    return prefix + 'major'
	  }

	  if (v1.minor !== v2.minor) {
	    return prefix + 'minor'
	  }

	  if (v1.patch !== v2.patch) {
	    return prefix + 'patch'
	  }

	  // high and low are prereleases
	  return 'prerelease'
	};

	diff_1 = diff;
	return diff_1;
}

var major_1;
var hasRequiredMajor;

function requireMajor () {
	if (hasRequiredMajor) return major_1;
	hasRequiredMajor = 1;

	const SemVer = requireSemver$1();
	const major = (a, loose) => new SemVer(a, loose).major;
	major_1 = major;
	return major_1;
}

var minor_1;
var hasRequiredMinor;

function requireMinor () {
	if (hasRequiredMinor) return minor_1;
	hasRequiredMinor = 1;

	const SemVer = requireSemver$1();
	const minor = (a, loose) => new SemVer(a, loose).minor;
	minor_1 = minor;
	return minor_1;
}

var patch_1;
var hasRequiredPatch;

function requirePatch () {
	if (hasRequiredPatch) return patch_1;
	hasRequiredPatch = 1;

	const SemVer = requireSemver$1();
	const patch = (a, loose) => new SemVer(a, loose).patch;
	patch_1 = patch;
	return patch_1;
}

var prerelease_1;
var hasRequiredPrerelease;

function requirePrerelease () {
	if (hasRequiredPrerelease) return prerelease_1;
	hasRequiredPrerelease = 1;

	const parse = requireParse();
	const prerelease = (version, options) => {
	  const parsed = parse(version, options);
	  return (parsed && parsed.prerelease.length) ? parsed.prerelease : null
	};
	prerelease_1 = prerelease;
	return prerelease_1;
}

var compare_1;
var hasRequiredCompare;

function requireCompare () {
	if (hasRequiredCompare) return compare_1;
	hasRequiredCompare = 1;

	const SemVer = requireSemver$1();
	const compare = (a, b, loose) =>
	  new SemVer(a, loose).compare(new SemVer(b, loose));

	compare_1 = compare;
	return compare_1;
}

var rcompare_1;
var hasRequiredRcompare;

function requireRcompare () {
	if (hasRequiredRcompare) return rcompare_1;
	hasRequiredRcompare = 1;

	const compare = requireCompare();
	const rcompare = (a, b, loose) => compare(b, a, loose);
	rcompare_1 = rcompare;
	return rcompare_1;
}

var compareLoose_1;
var hasRequiredCompareLoose;

function requireCompareLoose () {
	if (hasRequiredCompareLoose) return compareLoose_1;
	hasRequiredCompareLoose = 1;

	const compare = requireCompare();
	const compareLoose = (a, b) => compare(a, b, true);
	compareLoose_1 = compareLoose;
	return compareLoose_1;
}

var compareBuild_1;
var hasRequiredCompareBuild;

function requireCompareBuild () {
	if (hasRequiredCompareBuild) return compareBuild_1;
	hasRequiredCompareBuild = 1;

	const SemVer = requireSemver$1();
	const compareBuild = (a, b, loose) => {
	  const versionA = new SemVer(a, loose);
	  const versionB = new SemVer(b, loose);
	  return versionA.compare(versionB) || versionA.compareBuild(versionB)
	};
	compareBuild_1 = compareBuild;
	return compareBuild_1;
}

var sort_1;
var hasRequiredSort;

function requireSort () {
	if (hasRequiredSort) return sort_1;
	hasRequiredSort = 1;

	const compareBuild = requireCompareBuild();
	const sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose));
	sort_1 = sort;
	return sort_1;
}

var rsort_1;
var hasRequiredRsort;

function requireRsort () {
	if (hasRequiredRsort) return rsort_1;
	hasRequiredRsort = 1;

	const compareBuild = requireCompareBuild();
	const rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose));
	rsort_1 = rsort;
	return rsort_1;
}

var gt_1;
var hasRequiredGt;

function requireGt () {
	if (hasRequiredGt) return gt_1;
	hasRequiredGt = 1;

	const compare = requireCompare();
	const gt = (a, b, loose) => compare(a, b, loose) > 0;
	gt_1 = gt;
	return gt_1;
}

var lt_1;
var hasRequiredLt;

function requireLt () {
	if (hasRequiredLt) return lt_1;
	hasRequiredLt = 1;

	const compare = requireCompare();
	const lt = (a, b, loose) => compare(a, b, loose) < 0;
	lt_1 = lt;
	return lt_1;
}

var eq_1;
var hasRequiredEq;

function requireEq () {
	if (hasRequiredEq) return eq_1;
	hasRequiredEq = 1;

	const compare = requireCompare();
	const eq = (a, b, loose) => compare(a, b, loose) === 0;
	eq_1 = eq;
	return eq_1;
}

var neq_1;
var hasRequiredNeq;

function requireNeq () {
	if (hasRequiredNeq) return neq_1;
	hasRequiredNeq = 1;

	const compare = requireCompare();
	const neq = (a, b, loose) => compare(a, b, loose) !== 0;
	neq_1 = neq;
	return neq_1;
}

var gte_1;
var hasRequiredGte;

function requireGte () {
	if (hasRequiredGte) return gte_1;
	hasRequiredGte = 1;

	const compare = requireCompare();
	const gte = (a, b, loose) => compare(a, b, loose) >= 0;
	gte_1 = gte;
	return gte_1;
}

var lte_1;
var hasRequiredLte;

function requireLte () {
	if (hasRequiredLte) return lte_1;
	hasRequiredLte = 1;

	const compare = requireCompare();
	const lte = (a, b, loose) => compare(a, b, loose) <= 0;
	lte_1 = lte;
	return lte_1;
}

var cmp_1;
var hasRequiredCmp;

function requireCmp () {
	if (hasRequiredCmp) return cmp_1;
	hasRequiredCmp = 1;

	const eq = requireEq();
	const neq = requireNeq();
	const gt = requireGt();
	const gte = requireGte();
	const lt = requireLt();
	const lte = requireLte();

	const cmp = (a, op, b, loose) => {
	  switch (op) {
	    case '===':
	      if (typeof a === 'object') {
	        a = a.version;
	      }
	      if (typeof b === 'object') {
	        b = b.version;
	      }
	      return a === b

	    case '!==':
	      if (typeof a === 'object') {
	        a = a.version;
	      }
	      if (typeof b === 'object') {
	        b = b.version;
	      }
	      return a !== b

	    case '':
	    case '=':
	    case '==':
	      return eq(a, b, loose)

	    case '!=':
	      return neq(a, b, loose)

	    case '>':
	      return gt(a, b, loose)

	    case '>=':
	      return gte(a, b, loose)

	    case '<':
	      return lt(a, b, loose)

	    case '<=':
	      return lte(a, b, loose)

	    default:
	      throw new TypeError(`Invalid operator: ${op}`)
	  }
	};
	cmp_1 = cmp;
	return cmp_1;
}

var coerce_1;
var hasRequiredCoerce;

function requireCoerce () {
	if (hasRequiredCoerce) return coerce_1;
	hasRequiredCoerce = 1;

	const SemVer = requireSemver$1();
	const parse = requireParse();
	const { safeRe: re, t } = requireRe();

	const coerce = (version, options) => {
	  if (version instanceof SemVer) {
	    return version
	  }

	  if (typeof version === 'number') {
	    version = String(version);
	  }

	  if (typeof version !== 'string') {
	    return null
	  }

	  options = options || {};

	  let match = null;
	  if (!options.rtl) {
	    match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE]);
	  } else {
	    // Find the right-most coercible string that does not share
	    // a terminus with a more left-ward coercible string.
	    // Eg, '1.2.3.4' wants to coerce '2.3.4', not '3.4' or '4'
	    // With includePrerelease option set, '1.2.3.4-rc' wants to coerce '2.3.4-rc', not '2.3.4'
	    //
	    // Walk through the string checking with a /g regexp
	    // Manually set the index so as to pick up overlapping matches.
	    // Stop when we get a match that ends at the string end, since no
	    // coercible string can be more right-ward without the same terminus.
	    const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL];
	    let next;
	    while ((next = coerceRtlRegex.exec(version)) &&
	        (!match || match.index + match[0].length !== version.length)
	    ) {
	      if (!match ||
	            next.index + next[0].length !== match.index + match[0].length) {
	        match = next;
	      }
	      coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length;
	    }
	    // leave it in a clean state
	    coerceRtlRegex.lastIndex = -1;
	  }

	  if (match === null) {
	    return null
	  }

	  const major = match[2];
	  const minor = match[3] || '0';
	  const patch = match[4] || '0';
	  const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : '';
	  const build = options.includePrerelease && match[6] ? `+${match[6]}` : '';

	  return parse(`${major}.${minor}.${patch}${prerelease}${build}`, options)
	};
	coerce_1 = coerce;
	return coerce_1;
}

var truncate_1;
var hasRequiredTruncate;

function requireTruncate () {
	if (hasRequiredTruncate) return truncate_1;
	hasRequiredTruncate = 1;

	const parse = requireParse();
	const constants = requireConstants();
	const SemVer = requireSemver$1();

	const truncate = (version, truncation, options) => {
	  if (!constants.RELEASE_TYPES.includes(truncation)) {
	    return null
	  }

	  const clonedVersion = cloneInputVersion(version, options);
	  return clonedVersion && doTruncation(clonedVersion, truncation)
	};

	const cloneInputVersion = (version, options) => {
	  const versionStringToParse = (
	    version instanceof SemVer ? version.version : version
	  );

	  return parse(versionStringToParse, options)
	};

	const doTruncation = (version, truncation) => {
	  if (isPrerelease(truncation)) {
	    return version.version
	  }

	  version.prerelease = [];

	  switch (truncation) {
	    case 'major':
	      version.minor = 0;
	      version.patch = 0;
	      break
	    case 'minor':
	      version.patch = 0;
	      break
	  }

	  return version.format()
	};

	const isPrerelease = (type) => {
	  return type.startsWith('pre')
	};

	truncate_1 = truncate;
	return truncate_1;
}

var lrucache;
var hasRequiredLrucache;

function requireLrucache () {
	if (hasRequiredLrucache) return lrucache;
	hasRequiredLrucache = 1;

	class LRUCache {
	  constructor () {
	    this.max = 1000;
	    this.map = new Map();
	  }

	  get (key) {
	    const value = this.map.get(key);
	    if (value === undefined) {
	      return undefined
	    } else {
	      // Remove the key from the map and add it to the end
	      this.map.delete(key);
	      this.map.set(key, value);
	      return value
	    }
	  }

	  delete (key) {
	    return this.map.delete(key)
	  }

	  set (key, value) {
	    const deleted = this.delete(key);

	    if (!deleted && value !== undefined) {
	      // If cache is full, delete the least recently used item
	      if (this.map.size >= this.max) {
	        const firstKey = this.map.keys().next().value;
	        this.delete(firstKey);
	      }

	      this.map.set(key, value);
	    }

	    return this
	  }
	}

	lrucache = LRUCache;
	return lrucache;
}

var trimComparatorWhitespace_1;
var hasRequiredTrimComparatorWhitespace;

function requireTrimComparatorWhitespace () {
	if (hasRequiredTrimComparatorWhitespace) return trimComparatorWhitespace_1;
	hasRequiredTrimComparatorWhitespace = 1;

	// Reproduce safeRe[COMPARATORTRIM] replacement boundaries, not version
	// validation. Each end-index finder returns an exclusive end, or its start
	// on no match.
	// Positions count from zero. An end of 3 means characters 0, 1, and 2 were read;
	// range.slice(start, end) gives the matched text, not a converted number.
	const {
	  MAX_LENGTH,
	  MAX_SAFE_BUILD_LENGTH,
	  WHITESPACE_CHARACTERS,
	} = requireConstants();

	/**
	 * Remembers the last two rows of digits so their characters need not be reread.
	 * Positions start at -1 until a row has been found.
	 *
	 * @typedef {object} DigitRunCache
	 * @property {number} start The first character of the most recently found row.
	 * @property {number} end The position after that row's last character.
	 * @property {number} previousStart The first character of the previous row.
	 * @property {number} previousEnd The position after the previous row.
	 */

	// One entry per UTF-16 code unit keeps membership checks constant-time.
	const whitespace = new Uint8Array(0x10000);
	for (const char of WHITESPACE_CHARACTERS) {
	  whitespace[char.charCodeAt(0)] = 1;
	}

	/**
	 * Checks whether a character is whitespace, like a space, tab, or newline.
	 * Looking past the end of the string returns false.
	 *
	 * @param {string|undefined} char One character, or undefined past the string's end.
	 * @returns {boolean} Whether the character is whitespace.
	 * @example isWhitespace(' ') // true
	 * @example isWhitespace('1') // false
	 */
	const isWhitespace = char =>
	  char !== undefined && whitespace[char.charCodeAt(0)] === 1;

	/**
	 * Checks for v, =, or whitespace before the version number.
	 * These are historical version prefixes, not range operators:
	 * < and > are handled separately, as are tilde and caret ranges.
	 *
	 * @param {string|undefined} char One character to check.
	 * @returns {boolean} Whether the character can belong to a version prefix.
	 * @example isVersionPrefix('=') // true
	 * @example isVersionPrefix('>') // false
	 */
	const isVersionPrefix = char =>
	  char === 'v' ||
	  char === '=' ||
	  isWhitespace(char);

	/**
	 * Checks whether a character is one of the digits 0 through 9.
	 *
	 * @param {string|undefined} char One character to check.
	 * @returns {boolean} Whether the character is an ASCII digit.
	 * @example isDigit('7') // true
	 * @example isDigit('.') // false
	 */
	const isDigit = char => char !== undefined && char >= '0' && char <= '9';

	/**
	 * Checks whether a character is an English letter, uppercase or lowercase.
	 *
	 * @param {string|undefined} char One character to check.
	 * @returns {boolean} Whether the character is an ASCII letter.
	 * @example isLetter('b') // true
	 * @example isLetter('7') // false
	 */
	const isLetter = char =>
	  char !== undefined && (
	    (char >= 'a' && char <= 'z') ||
	    (char >= 'A' && char <= 'Z')
	  );

	/**
	 * Checks for a letter, digit, or hyphen: the characters allowed inside
	 * prerelease and build names such as beta-1.
	 *
	 * @param {string|undefined} char One character to check.
	 * @returns {boolean} Whether the character can be part of an identifier.
	 * @example isIdentifierCharacter('-') // true
	 * @example isIdentifierCharacter('.') // false; dots separate identifiers
	 */
	const isIdentifierCharacter = char => isDigit(char) || isLetter(char) || char === '-';

	/**
	 * Checks whether a version component can begin here: with a digit or
	 * a wildcard such as x, X, or *.
	 *
	 * @param {string|undefined} char One character to check.
	 * @returns {boolean} Whether a number or wildcard can start with this character.
	 * @example isVersionStart('x') // true
	 * @example isVersionStart('v') // false; v belongs to the prefix
	 */
	const isVersionStart = char =>
	  isDigit(char) ||
	  char === 'x' ||
	  char === 'X' ||
	  char === '*';

	/**
	 * Finds the end of a row of digits, but returns no more than limit digits.
	 * Remembers the last two rows so looking at them again does not reread them.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position of the first character to check.
	 * @param {number} limit The most digit characters the returned match can include.
	 * @param {DigitRunCache} digitRuns Shared cache of digit-run positions, updated in place.
	 * @returns {number} The position after the matched digits, or start if none match.
	 * @example findDigitsEndIndex('123abc', 0, 10, digitRuns) // 3, pointing at a
	 * @example findDigitsEndIndex('123abc', 0, 2, digitRuns) // 2, pointing at the unread 3
	 */
	const findDigitsEndIndex = (range, start, limit, digitRuns) => {
	  if (!isDigit(range[start])) {
	    return start
	  }
	  if (start >= digitRuns.start && start < digitRuns.end) {
	    return Math.min(start + limit, digitRuns.end)
	  }
	  if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
	    return Math.min(start + limit, digitRuns.previousEnd)
	  }
	  let end = start + 1;
	  while (isDigit(range[end])) {
	    end++;
	  }
	  // A failed full version can rewind from its second run to its first.
	  digitRuns.previousStart = digitRuns.start;
	  digitRuns.previousEnd = digitRuns.end;
	  digitRuns.start = start;
	  digitRuns.end = end;
	  return Math.min(start + limit, end)
	};

	/**
	 * Reads a number using the old regex's length and leading-zero rules.
	 * Strict mode reads just the first zero in 012; loose mode can read all three.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position where the number should begin.
	 * @param {boolean} loose Whether to allow leading zeros.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position after the matched digits, not their numeric value.
	 * @example findVersionNumberEndIndex('012', 0, false, digitRuns) // 1
	 * @example findVersionNumberEndIndex('012', 0, true, digitRuns) // 3
	 */
	const findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
	  if (!loose && range[start] === '0') {
	    return start + 1
	  }
	  // Strict syntax allows an initial nonzero digit plus MAX_LENGTH digits.
	  return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns)
	};

	/**
	 * Reads one piece of a prerelease name, such as beta or 1 in beta.1.
	 * Tries the letter-or-hyphen form first, then the number-only form.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position where the identifier should begin.
	 * @param {boolean} loose Whether numeric identifiers may have leading zeros.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position after the identifier, or start if none matches.
	 * @example findPrereleaseIdentifierEndIndex('beta.1', 0, false, digitRuns) // 4, at the dot
	 * @example findPrereleaseIdentifierEndIndex('001beta', 0, false, digitRuns) // 7
	 */
	const findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
	  const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns);
	  // The legacy regex tries a nonnumeric identifier before a numeric one.
	  if (isLetter(range[digitsEnd]) || range[digitsEnd] === '-') {
	    let end = digitsEnd + 1;
	    const limit = end + MAX_SAFE_BUILD_LENGTH;
	    while (end < limit && isIdentifierCharacter(range[end])) {
	      end++;
	    }
	    return end
	  }
	  return findVersionNumberEndIndex(range, start, loose, digitRuns)
	};

	/**
	 * Reads a prerelease suffix such as -beta.1, one dot-separated piece at a time.
	 * Loose mode also allows the name without its opening hyphen.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position where the suffix should begin, including -.
	 * @param {boolean} loose Whether the opening hyphen is optional and zeros allowed.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position after the matched suffix, or start if absent.
	 * @example findPrereleaseEndIndex('-beta.1+sha', 0, false, digitRuns) // 7, at the plus
	 * @example findPrereleaseEndIndex('beta', 0, false, digitRuns) // 0; no opening hyphen
	 */
	const findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
	  const hyphen = range[start] === '-';
	  if (!loose && !hyphen) {
	    return start
	  }
	  const identifierStart = start + (hyphen ? 1 : 0);
	  let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns);
	  if (end === identifierStart) {
	    if (!loose || !hyphen) {
	      return start
	    }
	    // In loose syntax, a lone hyphen can itself be the identifier.
	    end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns);
	  }
	  while (range[end] === '.') {
	    const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns);
	    if (next === end + 1) {
	      break
	    }
	    end = next;
	  }
	  return end
	};

	/**
	 * Reads one build-name piece, such as sha or 123 in +sha.123.
	 * Stops at a disallowed character or the old regex's length limit.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position where the identifier should begin.
	 * @returns {number} The position after the identifier, or start if none matches.
	 * @example findBuildIdentifierEndIndex('sha.123', 0) // 3, at the dot
	 * @example findBuildIdentifierEndIndex('001', 0) // 3; leading zeros are allowed
	 */
	const findBuildIdentifierEndIndex = (range, start) => {
	  let end = start;
	  while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
	    end++;
	  }
	  return end
	};

	/**
	 * Reads optional build metadata such as +sha.123.
	 * Leaves the position unchanged if there is no plus sign followed by a name.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position where the opening + should be.
	 * @returns {number} The position after the matched metadata, or start if absent.
	 * @example findBuildEndIndex('+sha.123 <2', 0) // 8, at the space
	 * @example findBuildEndIndex('+', 0) // 0; a plus sign alone is not a match
	 */
	const findBuildEndIndex = (range, start) => {
	  if (range[start] !== '+') {
	    return start
	  }
	  let end = findBuildIdentifierEndIndex(range, start + 1);
	  if (end === start + 1) {
	    return start
	  }
	  while (range[end] === '.') {
	    const next = findBuildIdentifierEndIndex(range, end + 1);
	    if (next === end + 1) {
	      break
	    }
	    end = next;
	  }
	  return end
	};

	/**
	 * Reads three numbers separated by dots, then any prerelease and build suffixes.
	 * Uses loose rules, so forms such as 01.02.03beta can match here.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position of the first number, after any prefix.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position after the version match, or start if none matches.
	 * @example findLooseFullVersionEndIndex('1.2.3-beta+sha <2', 0, digitRuns) // 14
	 * @example findLooseFullVersionEndIndex('1.2', 0, digitRuns) // 0; needs three numbers
	 */
	const findLooseFullVersionEndIndex = (range, start, digitRuns) => {
	  let end = start;
	  for (let component = 0; component < 3; component++) {
	    const next = findVersionNumberEndIndex(range, end, true, digitRuns);
	    if (next === end) {
	      return start
	    }
	    end = next;
	    if (component < 2) {
	      if (range[end] !== '.') {
	        return start
	      }
	      end++;
	    }
	  }
	  const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns);
	  return findBuildEndIndex(range, prereleaseEnd)
	};

	/**
	 * Reads one component of a partial or wildcard version, such as 2 or x in 2.x.
	 * Numbers use strict leading-zero rules; wildcards take up one character.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position where the component should begin.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position after the component, or start if none matches.
	 * @example findPartialVersionComponentEndIndex('2.x', 0, digitRuns) // 1, at the dot
	 * @example findPartialVersionComponentEndIndex('2.x', 2, digitRuns) // 3, after x
	 */
	const findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
	  if (isDigit(range[start])) {
	    return findVersionNumberEndIndex(range, start, false, digitRuns)
	  }
	  return isVersionStart(range[start]) ? start + 1 : start
	};

	/**
	 * Reads up to three components, allowing forms such as 1, 1.2, or 1.x.
	 * After the third component, also reads any strict prerelease and build suffixes.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position of a number or wildcard, after any prefix.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position after the matched version text.
	 * @example findPartialVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
	 * @example findPartialVersionEndIndex('1.', 0, digitRuns) // 1; the trailing dot is unread
	 */
	const findPartialVersionEndIndex = (range, start, digitRuns) => {
	  let end = findPartialVersionComponentEndIndex(range, start, digitRuns);
	  for (let component = 0; component < 2; component++) {
	    if (range[end] !== '.') {
	      return end
	    }
	    const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns);
	    if (next === end + 1) {
	      return end
	    }
	    end = next;
	  }
	  const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns);
	  return findBuildEndIndex(range, prereleaseEnd)
	};

	/**
	 * Finds where a version match ends, without deciding whether the range is valid.
	 * Tries a loose full version first, then a partial or wildcard version, just
	 * like the old regex's LOOSEPLAIN and XRANGEPLAIN alternatives.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position of a number or wildcard, after any prefix.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position where scanning the next candidate can resume.
	 * @example findVersionEndIndex('1.2.3 <2', 0, digitRuns) // 5, at the space
	 * @example findVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
	 */
	const findVersionEndIndex = (range, start, digitRuns) => {
	  const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns);
	  return fullVersionEnd !== start
	    ? fullVersionEnd
	    : findPartialVersionEndIndex(range, start, digitRuns)
	};

	/**
	 * Finds the one whitespace character the old replacement would remove.
	 * Keeps leading whitespace, skips an optional operator, and checks immediately
	 * after it. Returns -1 if there is nothing to remove.
	 *
	 * @param {string} range The text containing a candidate already found by the caller.
	 * @param {number} matchStart The candidate's position, including leading whitespace.
	 * @returns {number} The position of the removable whitespace, or -1 if absent.
	 * @example findRemovableWhitespaceIndex(' > 1', 0) // 2; keep the space at position 0
	 * @example findRemovableWhitespaceIndex('>1', 0) // -1
	 */
	const findRemovableWhitespaceIndex = (range, matchStart) => {
	  let position = matchStart;
	  if (isWhitespace(range[position])) {
	    position++;
	  }
	  if (range[position] === '<' || range[position] === '>') {
	    position++;
	  }
	  if (range[position] === '=') {
	    position++;
	  }
	  return isWhitespace(range[position]) ? position : -1
	};

	/**
	 * Joins an operator to its version, turning > 1.2.3 into >1.2.3.
	 * Copies everything else according to the old regex's matching rules.
	 * Moves forward through prefixes and whole versions to avoid repeatedly
	 * searching the same characters on long inputs.
	 *
	 * @param {string} range The range text to process; the original string is unchanged.
	 * @returns {string} The range with matched operator whitespace removed.
	 * @example trimComparatorWhitespace('> 1.2.3 < 2') // '>1.2.3 <2'
	 * @example trimComparatorWhitespace('> invalid') // '> invalid'
	 */
	const trimComparatorWhitespace = range => {
	  let result = '';
	  let copyFrom = 0;
	  let cursor = 0;
	  const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 };

	  while (cursor < range.length) {
	    const matchStart = cursor;
	    if (range[cursor] === '<' || range[cursor] === '>') {
	      cursor++;
	    } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
	      cursor++;
	      continue
	    }

	    // Consume a v/=/whitespace run once, even when no version follows it.
	    while (cursor < range.length && isVersionPrefix(range[cursor])) {
	      cursor++;
	    }
	    if (!isVersionStart(range[cursor])) {
	      continue
	    }

	    const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart);
	    if (whitespacePosition !== -1) {
	      result += range.slice(copyFrom, whitespacePosition);
	      copyFrom = whitespacePosition + 1;
	    }

	    // Skip the entire match, so a prerelease's trailing v cannot be
	    // reconsidered as the prefix of another version.
	    cursor = findVersionEndIndex(range, cursor, digitRuns);
	  }

	  return result + range.slice(copyFrom)
	};

	trimComparatorWhitespace_1 = trimComparatorWhitespace;
	return trimComparatorWhitespace_1;
}

var range;
var hasRequiredRange;

function requireRange () {
	if (hasRequiredRange) return range;
	hasRequiredRange = 1;

	const SPACE_CHARACTERS = /\s+/g;

	// hoisted class for cyclic dependency
	class Range {
	  constructor (range, options) {
	    options = parseOptions(options);

	    if (range instanceof Range) {
	      if (
	        range.loose === !!options.loose &&
	        range.includePrerelease === !!options.includePrerelease
	      ) {
	        return range
	      } else {
	        return new Range(range.raw, options)
	      }
	    }

	    if (range instanceof Comparator) {
	      // just put it in the set and return
	      this.raw = range.value;
	      this.set = [[range]];
	      this.formatted = undefined;
	      return this
	    }

	    this.options = options;
	    this.loose = !!options.loose;
	    this.includePrerelease = !!options.includePrerelease;

	    // First reduce all whitespace as much as possible so we do not have to rely
	    // on potentially slow regexes like \s*. This is then stored and used for
	    // future error messages as well.
	    this.raw = range.trim().replace(SPACE_CHARACTERS, ' ');

	    // First, split on ||
	    this.set = this.raw
	      .split('||')
	      // map the range to a 2d array of comparators
	      .map(r => this.parseRange(r.trim()))
	      // throw out any comparator lists that are empty
	      // this generally means that it was not a valid range, which is allowed
	      // in loose mode, but will still throw if the WHOLE range is invalid.
	      .filter(c => c.length);

	    if (!this.set.length) {
	      throw new TypeError(`Invalid SemVer Range: ${this.raw}`)
	    }

	    // if we have any that are not the null set, throw out null sets.
	    if (this.set.length > 1) {
	      // keep the first one, in case they're all null sets
	      const first = this.set[0];
	      this.set = this.set.filter(c => !isNullSet(c[0]));
	      if (this.set.length === 0) {
	        this.set = [first];
	      } else if (this.set.length > 1) {
	        // if we have any that are *, then the range is just *
	        for (const c of this.set) {
	          if (c.length === 1 && isAny(c[0])) {
	            this.set = [c];
	            break
	          }
	        }
	      }
	    }

	    this.formatted = undefined;
	  }

	  get range () {
	    if (this.formatted === undefined) {
	      this.formatted = '';
	      for (let i = 0; i < this.set.length; i++) {
	        if (i > 0) {
	          this.formatted += '||';
	        }
	        const comps = this.set[i];
	        for (let k = 0; k < comps.length; k++) {
	          if (k > 0) {
	            this.formatted += ' ';
	          }
	          this.formatted += comps[k].toString().trim();
	        }
	      }
	    }
	    return this.formatted
	  }

	  format () {
	    return this.range
	  }

	  toString () {
	    return this.range
	  }

	  parseRange (range) {
	    // strip build metadata so it can't bleed into the version
	    range = range.replace(BUILDSTRIPRE, '');

	    // memoize range parsing for performance.
	    // this is a very hot path, and fully deterministic.
	    const memoOpts =
	      (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) |
	      (this.options.loose && FLAG_LOOSE);
	    const memoKey = memoOpts + ':' + range;
	    const cached = cache.get(memoKey);
	    if (cached) {
	      return cached
	    }

	    const loose = this.options.loose;
	    // `1.2.3 - 1.2.4` => `>=1.2.3 <=1.2.4`
	    const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE];
	    range = range.replace(hr, hyphenReplace(this.options.includePrerelease));
	    debug('hyphen replace', range);

	    // `> 1.2.3 < 1.2.5` => `>1.2.3 <1.2.5`
	    range = trimComparatorWhitespace(range);
	    debug('comparator trim', range);

	    // `~ 1.2.3` => `~1.2.3`
	    range = range.replace(re[t.TILDETRIM], tildeTrimReplace);
	    debug('tilde trim', range);

	    // `^ 1.2.3` => `^1.2.3`
	    range = range.replace(re[t.CARETTRIM], caretTrimReplace);
	    debug('caret trim', range);

	    // At this point, the range is completely trimmed and
	    // ready to be split into comparators.

	    let rangeList = range
	      .split(' ')
	      .map(comp => parseComparator(comp, this.options))
	      .join(' ')
	      .split(/\s+/)
	      // >=0.0.0 is equivalent to *
	      .map(comp => replaceGTE0(comp, this.options));

	    if (loose) {
	      // in loose mode, throw out any that are not valid comparators
	      rangeList = rangeList.filter(comp => {
	        debug('loose invalid filter', comp, this.options);
	        return !!comp.match(re[t.COMPARATORLOOSE])
	      });
	    }
	    debug('range list', rangeList);

	    // if any comparators are the null set, then replace with JUST null set
	    // if more than one comparator, remove any * comparators
	    // also, don't include the same comparator more than once
	    const rangeMap = new Map();
	    const comparators = rangeList.map(comp => new Comparator(comp, this.options));
	    for (const comp of comparators) {
	      if (isNullSet(comp)) {
	        return [comp]
	      }
	      rangeMap.set(comp.value, comp);
	    }
	    if (rangeMap.size > 1 && rangeMap.has('')) {
	      rangeMap.delete('');
	    }

	    const result = [...rangeMap.values()];
	    cache.set(memoKey, result);
	    return result
	  }

	  intersects (range, options) {
	    if (!(range instanceof Range)) {
	      throw new TypeError('a Range is required')
	    }

	    return this.set.some((thisComparators) => {
	      return (
	        isSatisfiable(thisComparators, options) &&
	        range.set.some((rangeComparators) => {
	          return (
	            isSatisfiable(rangeComparators, options) &&
	            thisComparators.every((thisComparator) => {
	              return rangeComparators.every((rangeComparator) => {
	                return thisComparator.intersects(rangeComparator, options)
	              })
	            })
	          )
	        })
	      )
	    })
	  }

	  // if ANY of the sets match ALL of its comparators, then pass
	  test (version) {
	    if (!version) {
	      return false
	    }

	    if (typeof version === 'string') {
	      try {
	        version = new SemVer(version, this.options);
	      } catch (er) {
	        return false
	      }
	    }

	    for (let i = 0; i < this.set.length; i++) {
	      if (testSet(this.set[i], version, this.options)) {
	        return true
	      }
	    }
	    return false
	  }
	}

	range = Range;

	const LRU = requireLrucache();
	const cache = new LRU();

	const parseOptions = requireParseOptions();
	const Comparator = requireComparator();
	const debug = requireDebug();
	const SemVer = requireSemver$1();
	const trimComparatorWhitespace = requireTrimComparatorWhitespace();
	const {
	  safeRe: re,
	  src,
	  t,
	  tildeTrimReplace,
	  caretTrimReplace,
	} = requireRe();
	const { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = requireConstants();

	// unbounded global build-metadata stripper used by parseRange
	const BUILDSTRIPRE = new RegExp(src[t.BUILD], 'g');

	const isNullSet = c => c.value === '<0.0.0-0';
	const isAny = c => c.value === '';

	// take a set of comparators and determine whether there
	// exists a version which can satisfy it
	const isSatisfiable = (comparators, options) => {
	  let result = true;
	  const remainingComparators = comparators.slice();
	  let testComparator = remainingComparators.pop();

	  while (result && remainingComparators.length) {
	    result = remainingComparators.every((otherComparator) => {
	      return testComparator.intersects(otherComparator, options)
	    });

	    testComparator = remainingComparators.pop();
	  }

	  return result
	};

	// comprised of xranges, tildes, stars, and gtlt's at this point.
	// already replaced the hyphen ranges
	// turn into a set of JUST comparators.
	const parseComparator = (comp, options) => {
	  comp = comp.replace(re[t.BUILD], '');
	  debug('comp', comp, options);
	  comp = replaceCarets(comp, options);
	  debug('caret', comp);
	  comp = replaceTildes(comp, options);
	  debug('tildes', comp);
	  comp = replaceXRanges(comp, options);
	  debug('xrange', comp);
	  comp = replaceStars(comp, options);
	  debug('stars', comp);
	  return comp
	};

	const isX = id => !id || id.toLowerCase() === 'x' || id === '*';

	const invalidXRangeOrder = (M, m, p) => (
	  (isX(M) && !isX(m)) ||
	  (isX(m) && p && !isX(p))
	);

	// ~, ~> --> * (any, kinda silly)
	// ~2, ~2.x, ~2.x.x, ~>2, ~>2.x ~>2.x.x --> >=2.0.0 <3.0.0-0
	// ~2.0, ~2.0.x, ~>2.0, ~>2.0.x --> >=2.0.0 <2.1.0-0
	// ~1.2, ~1.2.x, ~>1.2, ~>1.2.x --> >=1.2.0 <1.3.0-0
	// ~1.2.3, ~>1.2.3 --> >=1.2.3 <1.3.0-0
	// ~1.2.0, ~>1.2.0 --> >=1.2.0 <1.3.0-0
	// ~0.0.1 --> >=0.0.1 <0.1.0-0
	const replaceTildes = (comp, options) => {
	  return comp
	    .trim()
	    .split(/\s+/)
	    .map((c) => replaceTilde(c, options))
	    .join(' ')
	};

	const replaceTilde = (comp, options) => {
	  const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE];
	  // if we're including prereleases in the match, then the lower bound is
	  // -0, the lowest possible prerelease value, just like x-ranges and carets.
	  // this keeps `~1.2` equivalent to the `1.2.x` x-range it's documented as.
	  const z = options.includePrerelease ? '-0' : '';
	  return comp.replace(r, (_, M, m, p, pr) => {
	    debug('tilde', comp, _, M, m, p, pr);
	    let ret;

	    if (isX(M)) {
	      ret = '';
	    } else if (isX(m)) {
	      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
	    } else if (isX(p)) {
	      // ~1.2 == >=1.2.0 <1.3.0-0
	      ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
	    } else if (pr) {
	      debug('replaceTilde pr', pr);
	      ret = `>=${M}.${m}.${p}-${pr
	      } <${M}.${+m + 1}.0-0`;
	    } else {
	      // ~1.2.3 == >=1.2.3 <1.3.0-0
	      ret = `>=${M}.${m}.${p
	      } <${M}.${+m + 1}.0-0`;
	    }

	    debug('tilde return', ret);
	    return ret
	  })
	};

	// ^ --> * (any, kinda silly)
	// ^2, ^2.x, ^2.x.x --> >=2.0.0 <3.0.0-0
	// ^2.0, ^2.0.x --> >=2.0.0 <3.0.0-0
	// ^1.2, ^1.2.x --> >=1.2.0 <2.0.0-0
	// ^1.2.3 --> >=1.2.3 <2.0.0-0
	// ^1.2.0 --> >=1.2.0 <2.0.0-0
	// ^0.0.1 --> >=0.0.1 <0.0.2-0
	// ^0.1.0 --> >=0.1.0 <0.2.0-0
	const replaceCarets = (comp, options) => {
	  return comp
	    .trim()
	    .split(/\s+/)
	    .map((c) => replaceCaret(c, options))
	    .join(' ')
	};

	const replaceCaret = (comp, options) => {
	  debug('caret', comp, options);
	  const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET];
	  const z = options.includePrerelease ? '-0' : '';
	  return comp.replace(r, (_, M, m, p, pr) => {
	    debug('caret', comp, _, M, m, p, pr);
	    let ret;

	    if (isX(M)) {
	      ret = '';
	    } else if (isX(m)) {
	      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
	    } else if (isX(p)) {
	      if (M === '0') {
	        ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
	      } else {
	        ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`;
	      }
	    } else if (pr) {
	      debug('replaceCaret pr', pr);
	      if (M === '0') {
	        if (m === '0') {
	          ret = `>=${M}.${m}.${p}-${pr
	          } <${M}.${m}.${+p + 1}-0`;
	        } else {
	          ret = `>=${M}.${m}.${p}-${pr
	          } <${M}.${+m + 1}.0-0`;
	        }
	      } else {
	        ret = `>=${M}.${m}.${p}-${pr
	        } <${+M + 1}.0.0-0`;
	      }
	    } else {
	      debug('no pr');
	      if (M === '0') {
	        if (m === '0') {
	          ret = `>=${M}.${m}.${p
	          } <${M}.${m}.${+p + 1}-0`;
	        } else {
	          ret = `>=${M}.${m}.${p
	          } <${M}.${+m + 1}.0-0`;
	        }
	      } else {
	        ret = `>=${M}.${m}.${p
	        } <${+M + 1}.0.0-0`;
	      }
	    }

	    debug('caret return', ret);
	    return ret
	  })
	};

	const replaceXRanges = (comp, options) => {
	  debug('replaceXRanges', comp, options);
	  return comp
	    .split(/\s+/)
	    .map((c) => replaceXRange(c, options))
	    .join(' ')
	};

	const replaceXRange = (comp, options) => {
	  comp = comp.trim();
	  const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE];
	  return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
	    debug('xRange', comp, ret, gtlt, M, m, p, pr);
	    if (invalidXRangeOrder(M, m, p)) {
	      return comp
	    }

	    const xM = isX(M);
	    const xm = xM || isX(m);
	    const xp = xm || isX(p);
	    const anyX = xp;

	    if (gtlt === '=' && anyX) {
	      gtlt = '';
	    }

	    // if we're including prereleases in the match, then we need
	    // to fix this to -0, the lowest possible prerelease value
	    pr = options.includePrerelease ? '-0' : '';

	    if (xM) {
	      if (gtlt === '>' || gtlt === '<') {
	        // nothing is allowed
	        ret = '<0.0.0-0';
	      } else {
	        // nothing is forbidden
	        ret = '*';
	      }
	    } else if (gtlt && anyX) {
	      // we know patch is an x, because we have any x at all.
	      // replace X with 0
	      if (xm) {
	        m = 0;
	      }
	      p = 0;

	      if (gtlt === '>') {
	        // >1 => >=2.0.0
	        // >1.2 => >=1.3.0
	        gtlt = '>=';
	        if (xm) {
	          M = +M + 1;
	          m = 0;
	          p = 0;
	        } else {
	          m = +m + 1;
	          p = 0;
	        }
	      } else if (gtlt === '<=') {
	        // <=0.7.x is actually <0.8.0, since any 0.7.x should
	        // pass.  Similarly, <=7.x is actually <8.0.0, etc.
	        gtlt = '<';
	        if (xm) {
	          M = +M + 1;
	        } else {
	          m = +m + 1;
	        }
	      }

	      if (gtlt === '<') {
	        pr = '-0';
	      }

	      ret = `${gtlt + M}.${m}.${p}${pr}`;
	    } else if (xm) {
	      ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`;
	    } else if (xp) {
	      ret = `>=${M}.${m}.0${pr
	      } <${M}.${+m + 1}.0-0`;
	    }

	    debug('xRange return', ret);

	    return ret
	  })
	};

	// Because * is AND-ed with everything else in the comparator,
	// and '' means "any version", just remove the *s entirely.
	const replaceStars = (comp, options) => {
	  debug('replaceStars', comp, options);
	  // Looseness is ignored here.  star is always as loose as it gets!
	  return comp
	    .trim()
	    .replace(re[t.STAR], '')
	};

	const replaceGTE0 = (comp, options) => {
	  debug('replaceGTE0', comp, options);
	  return comp
	    .trim()
	    .replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], '')
	};

	// This function is passed to string.replace(re[t.HYPHENRANGE])
	// M, m, patch, prerelease, build
	// 1.2 - 3.4.5 => >=1.2.0 <=3.4.5
	// 1.2.3 - 3.4 => >=1.2.0 <3.5.0-0 Any 3.4.x will do
	// 1.2 - 3.4 => >=1.2.0 <3.5.0-0
	// TODO build?
	const hyphenReplace = incPr => ($0,
	  from, fM, fm, fp, fpr, fb,
	  to, tM, tm, tp, tpr) => {
	  if (isX(fM)) {
	    from = '';
	  } else if (isX(fm)) {
	    from = `>=${fM}.0.0${incPr ? '-0' : ''}`;
	  } else if (isX(fp)) {
	    from = `>=${fM}.${fm}.0${incPr ? '-0' : ''}`;
	  } else if (fpr) {
	    from = `>=${from}`;
	  } else {
	    from = `>=${from}${incPr ? '-0' : ''}`;
	  }

	  if (isX(tM)) {
	    to = '';
	  } else if (isX(tm)) {
	    to = `<${+tM + 1}.0.0-0`;
	  } else if (isX(tp)) {
	    to = `<${tM}.${+tm + 1}.0-0`;
	  } else if (tpr) {
	    to = `<=${tM}.${tm}.${tp}-${tpr}`;
	  } else if (incPr) {
	    to = `<${tM}.${tm}.${+tp + 1}-0`;
	  } else {
	    to = `<=${to}`;
	  }

	  return `${from} ${to}`.trim()
	};

	const testSet = (set, version, options) => {
	  for (let i = 0; i < set.length; i++) {
	    if (!set[i].test(version)) {
	      return false
	    }
	  }

	  if (version.prerelease.length && !options.includePrerelease) {
	    // Find the set of versions that are allowed to have prereleases
	    // For example, ^1.2.3-pr.1 desugars to >=1.2.3-pr.1 <2.0.0
	    // That should allow `1.2.3-pr.2` to pass.
	    // However, `1.2.4-alpha.notready` should NOT be allowed,
	    // even though it's within the range set by the comparators.
	    for (let i = 0; i < set.length; i++) {
	      debug(set[i].semver);
	      if (set[i].semver === Comparator.ANY) {
	        continue
	      }

	      if (set[i].semver.prerelease.length > 0) {
	        const allowed = set[i].semver;
	        if (allowed.major === version.major &&
	            allowed.minor === version.minor &&
	            allowed.patch === version.patch) {
	          return true
	        }
	      }
	    }

	    // Version has a -pre, but it's not one of the ones we like.
	    return false
	  }

	  return true
	};
	return range;
}

var comparator;
var hasRequiredComparator;

function requireComparator () {
	if (hasRequiredComparator) return comparator;
	hasRequiredComparator = 1;

	const ANY = Symbol('SemVer ANY');
	// hoisted class for cyclic dependency
	class Comparator {
	  static get ANY () {
	    return ANY
	  }

	  constructor (comp, options) {
	    options = parseOptions(options);

	    if (comp instanceof Comparator) {
	      if (comp.loose === !!options.loose) {
	        return comp
	      } else {
	        comp = comp.value;
	      }
	    }

	    comp = comp.trim().split(/\s+/).join(' ');
	    debug('comparator', comp, options);
	    this.options = options;
	    this.loose = !!options.loose;
	    this.parse(comp);

	    if (this.semver === ANY) {
	      this.value = '';
	    } else {
	      this.value = this.operator + this.semver.version;
	    }

	    debug('comp', this);
	  }

	  parse (comp) {
	    const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR];
	    const m = comp.match(r);

	    if (!m) {
	      throw new TypeError(`Invalid comparator: ${comp}`)
	    }

	    this.operator = m[1] !== undefined ? m[1] : '';
	    if (this.operator === '=') {
	      this.operator = '';
	    }

	    // if it literally is just '>' or '' then allow anything.
	    if (!m[2]) {
	      this.semver = ANY;
	    } else {
	      this.semver = new SemVer(m[2], this.options.loose);
	    }
	  }

	  toString () {
	    return this.value
	  }

	  test (version) {
	    debug('Comparator.test', version, this.options.loose);

	    if (this.semver === ANY || version === ANY) {
	      return true
	    }

	    if (typeof version === 'string') {
	      try {
	        version = new SemVer(version, this.options);
	      } catch (er) {
	        return false
	      }
	    }

	    return cmp(version, this.operator, this.semver, this.options)
	  }

	  intersects (comp, options) {
	    if (!(comp instanceof Comparator)) {
	      throw new TypeError('a Comparator is required')
	    }

	    if (this.operator === '') {
	      if (this.value === '') {
	        return true
	      }
	      return new Range(comp.value, options).test(this.value)
	    } else if (comp.operator === '') {
	      if (comp.value === '') {
	        return true
	      }
	      return new Range(this.value, options).test(comp.semver)
	    }

	    options = parseOptions(options);

	    // Special cases where nothing can possibly be lower
	    if (options.includePrerelease &&
	      (this.value === '<0.0.0-0' || comp.value === '<0.0.0-0')) {
	      return false
	    }
	    if (!options.includePrerelease &&
	      (this.value.startsWith('<0.0.0') || comp.value.startsWith('<0.0.0'))) {
	      return false
	    }

	    // Same direction increasing (> or >=)
	    if (this.operator.startsWith('>') && comp.operator.startsWith('>')) {
	      return true
	    }
	    // Same direction decreasing (< or <=)
	    if (this.operator.startsWith('<') && comp.operator.startsWith('<')) {
	      return true
	    }
	    // same SemVer and both sides are inclusive (<= or >=)
	    if (
	      (this.semver.version === comp.semver.version) &&
	      this.operator.includes('=') && comp.operator.includes('=')) {
	      return true
	    }
	    // opposite directions less than
	    if (cmp(this.semver, '<', comp.semver, options) &&
	      this.operator.startsWith('>') && comp.operator.startsWith('<')) {
	      return true
	    }
	    // opposite directions greater than
	    if (cmp(this.semver, '>', comp.semver, options) &&
	      this.operator.startsWith('<') && comp.operator.startsWith('>')) {
	      return true
	    }
	    return false
	  }
	}

	comparator = Comparator;

	const parseOptions = requireParseOptions();
	const { safeRe: re, t } = requireRe();
	const cmp = requireCmp();
	const debug = requireDebug();
	const SemVer = requireSemver$1();
	const Range = requireRange();
	return comparator;
}

var satisfies_1;
var hasRequiredSatisfies;

function requireSatisfies () {
	if (hasRequiredSatisfies) return satisfies_1;
	hasRequiredSatisfies = 1;

	const Range = requireRange();
	const satisfies = (version, range, options) => {
	  try {
	    range = new Range(range, options);
	  } catch (er) {
	    return false
	  }
	  return range.test(version)
	};
	satisfies_1 = satisfies;
	return satisfies_1;
}

var toComparators_1;
var hasRequiredToComparators;

function requireToComparators () {
	if (hasRequiredToComparators) return toComparators_1;
	hasRequiredToComparators = 1;

	const Range = requireRange();

	// Mostly just for testing and legacy API reasons
	const toComparators = (range, options) =>
	  new Range(range, options).set
	    .map(comp => comp.map(c => c.value).join(' ').trim().split(' '));

	toComparators_1 = toComparators;
	return toComparators_1;
}

var maxSatisfying_1;
var hasRequiredMaxSatisfying;

function requireMaxSatisfying () {
	if (hasRequiredMaxSatisfying) return maxSatisfying_1;
	hasRequiredMaxSatisfying = 1;

	const SemVer = requireSemver$1();
	const Range = requireRange();

	const maxSatisfying = (versions, range, options) => {
	  let max = null;
	  let maxSV = null;
	  let rangeObj = null;
	  try {
	    rangeObj = new Range(range, options);
	  } catch (er) {
	    return null
	  }
	  versions.forEach((v) => {
	    if (rangeObj.test(v)) {
	      // satisfies(v, range, options)
	      if (!max || maxSV.compare(v) === -1) {
	        // compare(max, v, true)
	        max = v;
	        maxSV = new SemVer(max, options);
	      }
	    }
	  });
	  return max
	};
	maxSatisfying_1 = maxSatisfying;
	return maxSatisfying_1;
}

var minSatisfying_1;
var hasRequiredMinSatisfying;

function requireMinSatisfying () {
	if (hasRequiredMinSatisfying) return minSatisfying_1;
	hasRequiredMinSatisfying = 1;

	const SemVer = requireSemver$1();
	const Range = requireRange();
	const minSatisfying = (versions, range, options) => {
	  let min = null;
	  let minSV = null;
	  let rangeObj = null;
	  try {
	    rangeObj = new Range(range, options);
	  } catch (er) {
	    return null
	  }
	  versions.forEach((v) => {
	    if (rangeObj.test(v)) {
	      // satisfies(v, range, options)
	      if (!min || minSV.compare(v) === 1) {
	        // compare(min, v, true)
	        min = v;
	        minSV = new SemVer(min, options);
	      }
	    }
	  });
	  return min
	};
	minSatisfying_1 = minSatisfying;
	return minSatisfying_1;
}

var minVersion_1;
var hasRequiredMinVersion;

function requireMinVersion () {
	if (hasRequiredMinVersion) return minVersion_1;
	hasRequiredMinVersion = 1;

	const SemVer = requireSemver$1();
	const Range = requireRange();
	const gt = requireGt();

	const minVersion = (range, loose) => {
	  range = new Range(range, loose);

	  let minver = new SemVer('0.0.0');
	  if (range.test(minver)) {
	    return minver
	  }

	  minver = new SemVer('0.0.0-0');
	  if (range.test(minver)) {
	    return minver
	  }

	  minver = null;
	  for (let i = 0; i < range.set.length; ++i) {
	    const comparators = range.set[i];

	    let setMin = null;
	    comparators.forEach((comparator) => {
	      // Clone to avoid manipulating the comparator's semver object.
	      const compver = new SemVer(comparator.semver.version);
	      switch (comparator.operator) {
	        case '>':
	          if (compver.prerelease.length === 0) {
	            compver.patch++;
	          } else {
	            compver.prerelease.push(0);
	          }
	          compver.raw = compver.format();
	          /* fallthrough */
	        case '':
	        case '>=':
	          if (!setMin || gt(compver, setMin)) {
	            setMin = compver;
	          }
	          break
	        case '<':
	        case '<=':
	          /* Ignore maximum versions */
	          break
	        /* istanbul ignore next */
	        default:
	          throw new Error(`Unexpected operation: ${comparator.operator}`)
	      }
	    });
	    if (setMin && (!minver || gt(minver, setMin))) {
	      minver = setMin;
	    }
	  }

	  if (minver && range.test(minver)) {
	    return minver
	  }

	  return null
	};
	minVersion_1 = minVersion;
	return minVersion_1;
}

var valid;
var hasRequiredValid;

function requireValid () {
	if (hasRequiredValid) return valid;
	hasRequiredValid = 1;

	const Range = requireRange();
	const validRange = (range, options) => {
	  try {
	    // Return '*' instead of '' so that truthiness works.
	    // This will throw if it's invalid anyway
	    return new Range(range, options).range || '*'
	  } catch (er) {
	    return null
	  }
	};
	valid = validRange;
	return valid;
}

var outside_1;
var hasRequiredOutside;

function requireOutside () {
	if (hasRequiredOutside) return outside_1;
	hasRequiredOutside = 1;

	const SemVer = requireSemver$1();
	const Comparator = requireComparator();
	const { ANY } = Comparator;
	const Range = requireRange();
	const satisfies = requireSatisfies();
	const gt = requireGt();
	const lt = requireLt();
	const lte = requireLte();
	const gte = requireGte();

	const outside = (version, range, hilo, options) => {
	  version = new SemVer(version, options);
	  range = new Range(range, options);

	  let gtfn, ltefn, ltfn, comp, ecomp;
	  switch (hilo) {
	    case '>':
	      gtfn = gt;
	      ltefn = lte;
	      ltfn = lt;
	      comp = '>';
	      ecomp = '>=';
	      break
	    case '<':
	      gtfn = lt;
	      ltefn = gte;
	      ltfn = gt;
	      comp = '<';
	      ecomp = '<=';
	      break
	    default:
	      throw new TypeError('Must provide a hilo val of "<" or ">"')
	  }

	  // If it satisfies the range it is not outside
	  if (satisfies(version, range, options)) {
	    return false
	  }

	  // From now on, variable terms are as if we're in "gtr" mode.
	  // but note that everything is flipped for the "ltr" function.

	  for (let i = 0; i < range.set.length; ++i) {
	    const comparators = range.set[i];

	    let high = null;
	    let low = null;

	    comparators.forEach((comparator) => {
	      if (comparator.semver === ANY) {
	        comparator = new Comparator('>=0.0.0');
	      }
	      high = high || comparator;
	      low = low || comparator;
	      if (gtfn(comparator.semver, high.semver, options)) {
	        high = comparator;
	      } else if (ltfn(comparator.semver, low.semver, options)) {
	        low = comparator;
	      }
	    });

	    // If the edge version comparator has a operator then our version
	    // isn't outside it
	    if (high.operator === comp || high.operator === ecomp) {
	      return false
	    }

	    // If the lowest version comparator has an operator and our version
	    // is less than it then it isn't higher than the range
	    if ((!low.operator || low.operator === comp) &&
	        ltefn(version, low.semver)) {
	      return false
	    } else if (low.operator === ecomp && ltfn(version, low.semver)) {
	      return false
	    }
	  }
	  return true
	};

	outside_1 = outside;
	return outside_1;
}

var gtr_1;
var hasRequiredGtr;

function requireGtr () {
	if (hasRequiredGtr) return gtr_1;
	hasRequiredGtr = 1;

	// Determine if version is greater than all the versions possible in the range.
	const outside = requireOutside();
	const gtr = (version, range, options) => outside(version, range, '>', options);
	gtr_1 = gtr;
	return gtr_1;
}

var ltr_1;
var hasRequiredLtr;

function requireLtr () {
	if (hasRequiredLtr) return ltr_1;
	hasRequiredLtr = 1;

	const outside = requireOutside();
	// Determine if version is less than all the versions possible in the range
	const ltr = (version, range, options) => outside(version, range, '<', options);
	ltr_1 = ltr;
	return ltr_1;
}

var intersects_1;
var hasRequiredIntersects;

function requireIntersects () {
	if (hasRequiredIntersects) return intersects_1;
	hasRequiredIntersects = 1;

	const Range = requireRange();
	const intersects = (r1, r2, options) => {
	  r1 = new Range(r1, options);
	  r2 = new Range(r2, options);
	  return r1.intersects(r2, options)
	};
	intersects_1 = intersects;
	return intersects_1;
}

var simplify;
var hasRequiredSimplify;

function requireSimplify () {
	if (hasRequiredSimplify) return simplify;
	hasRequiredSimplify = 1;

	// given a set of versions and a range, create a "simplified" range
	// that includes the same versions that the original range does
	// If the original range is shorter than the simplified one, return that.
	const satisfies = requireSatisfies();
	const compare = requireCompare();
	simplify = (versions, range, options) => {
	  const set = [];
	  let first = null;
	  let prev = null;
	  const v = versions.sort((a, b) => compare(a, b, options));
	  for (const version of v) {
	    const included = satisfies(version, range, options);
	    if (included) {
	      prev = version;
	      if (!first) {
	        first = version;
	      }
	    } else {
	      if (prev) {
	        set.push([first, prev]);
	      }
	      prev = null;
	      first = null;
	    }
	  }
	  if (first) {
	    set.push([first, null]);
	  }

	  const ranges = [];
	  for (const [min, max] of set) {
	    if (min === max) {
	      ranges.push(min);
	    } else if (!max && min === v[0]) {
	      ranges.push('*');
	    } else if (!max) {
	      ranges.push(`>=${min}`);
	    } else if (min === v[0]) {
	      ranges.push(`<=${max}`);
	    } else {
	      ranges.push(`${min} - ${max}`);
	    }
	  }
	  const simplified = ranges.join(' || ');
	  const original = typeof range.raw === 'string' ? range.raw : String(range);
	  return simplified.length < original.length ? simplified : range
	};
	return simplify;
}

var subset_1;
var hasRequiredSubset;

function requireSubset () {
	if (hasRequiredSubset) return subset_1;
	hasRequiredSubset = 1;

	const Range = requireRange();
	const Comparator = requireComparator();
	const { ANY } = Comparator;
	const satisfies = requireSatisfies();
	const compare = requireCompare();

	// Complex range `r1 || r2 || ...` is a subset of `R1 || R2 || ...` iff:
	// - Every simple range `r1, r2, ...` is a null set, OR
	// - Every simple range `r1, r2, ...` which is not a null set is a subset of
	//   some `R1, R2, ...`
	//
	// Simple range `c1 c2 ...` is a subset of simple range `C1 C2 ...` iff:
	// - If c is only the ANY comparator
	//   - If C is only the ANY comparator, return true
	//   - Else if in prerelease mode, return false
	//   - else replace c with `[>=0.0.0]`
	// - If C is only the ANY comparator
	//   - if in prerelease mode, return true
	//   - else replace C with `[>=0.0.0]`
	// - Let EQ be the set of = comparators in c
	// - If EQ is more than one, return true (null set)
	// - Let GT be the highest > or >= comparator in c
	// - Let LT be the lowest < or <= comparator in c
	// - If GT and LT, and GT.semver > LT.semver, return true (null set)
	// - If any C is a = range, and GT or LT are set, return false
	// - If EQ
	//   - If GT, and EQ does not satisfy GT, return true (null set)
	//   - If LT, and EQ does not satisfy LT, return true (null set)
	//   - If EQ satisfies every C, return true
	//   - Else return false
	// - If GT
	//   - If GT.semver is lower than any > or >= comp in C, return false
	//   - If GT is >=, and GT.semver does not satisfy every C, return false
	//   - If GT.semver has a prerelease, and not in prerelease mode
	//     - If no C has a prerelease and the GT.semver tuple, return false
	// - If LT
	//   - If LT.semver is greater than any < or <= comp in C, return false
	//   - If LT is <=, and LT.semver does not satisfy every C, return false
	//   - If LT.semver has a prerelease, and not in prerelease mode
	//     - If no C has a prerelease and the LT.semver tuple, return false
	// - Else return true

	const subset = (sub, dom, options = {}) => {
	  if (sub === dom) {
	    return true
	  }

	  sub = new Range(sub, options);
	  dom = new Range(dom, options);
	  let sawNonNull = false;

	  OUTER: for (const simpleSub of sub.set) {
	    for (const simpleDom of dom.set) {
	      const isSub = simpleSubset(simpleSub, simpleDom, options);
	      sawNonNull = sawNonNull || isSub !== null;
	      if (isSub) {
	        continue OUTER
	      }
	    }
	    // the null set is a subset of everything, but null simple ranges in
	    // a complex range should be ignored.  so if we saw a non-null range,
	    // then we know this isn't a subset, but if EVERY simple range was null,
	    // then it is a subset.
	    if (sawNonNull) {
	      return false
	    }
	  }
	  return true
	};

	const minimumVersionWithPreRelease = [new Comparator('>=0.0.0-0')];
	const minimumVersion = [new Comparator('>=0.0.0')];

	const simpleSubset = (sub, dom, options) => {
	  if (sub === dom) {
	    return true
	  }

	  if (sub.length === 1 && sub[0].semver === ANY) {
	    if (dom.length === 1 && dom[0].semver === ANY) {
	      return true
	    } else if (options.includePrerelease) {
	      sub = minimumVersionWithPreRelease;
	    } else {
	      sub = minimumVersion;
	    }
	  }

	  if (dom.length === 1 && dom[0].semver === ANY) {
	    if (options.includePrerelease) {
	      return true
	    } else {
	      dom = minimumVersion;
	    }
	  }

	  const eqSet = new Set();
	  let gt, lt;
	  for (const c of sub) {
	    if (c.operator === '>' || c.operator === '>=') {
	      gt = higherGT(gt, c, options);
	    } else if (c.operator === '<' || c.operator === '<=') {
	      lt = lowerLT(lt, c, options);
	    } else {
	      eqSet.add(c.semver);
	    }
	  }

	  if (eqSet.size > 1) {
	    return null
	  }

	  let gtltComp;
	  if (gt && lt) {
	    gtltComp = compare(gt.semver, lt.semver, options);
	    if (gtltComp > 0) {
	      return null
	    } else if (gtltComp === 0 && (gt.operator !== '>=' || lt.operator !== '<=')) {
	      return null
	    }
	  }

	  // will iterate one or zero times
	  for (const eq of eqSet) {
	    if (gt && !satisfies(eq, String(gt), options)) {
	      return null
	    }

	    if (lt && !satisfies(eq, String(lt), options)) {
	      return null
	    }

	    for (const c of dom) {
	      if (!satisfies(eq, String(c), options)) {
	        return false
	      }
	    }

	    return true
	  }

	  let higher, lower;
	  let hasDomLT, hasDomGT;
	  // if the subset has a prerelease, we need a comparator in the superset
	  // with the same tuple and a prerelease, or it's not a subset
	  let needDomLTPre = lt &&
	    !options.includePrerelease &&
	    lt.semver.prerelease.length ? lt.semver : false;
	  let needDomGTPre = gt &&
	    !options.includePrerelease &&
	    gt.semver.prerelease.length ? gt.semver : false;
	  // exception: <1.2.3-0 is the same as <1.2.3
	  if (needDomLTPre && needDomLTPre.prerelease.length === 1 &&
	      lt.operator === '<' && needDomLTPre.prerelease[0] === 0) {
	    needDomLTPre = false;
	  }

	  for (const c of dom) {
	    hasDomGT = hasDomGT || c.operator === '>' || c.operator === '>=';
	    hasDomLT = hasDomLT || c.operator === '<' || c.operator === '<=';
	    if (gt) {
	      if (needDomGTPre) {
	        if (c.semver.prerelease && c.semver.prerelease.length &&
	            c.semver.major === needDomGTPre.major &&
	            c.semver.minor === needDomGTPre.minor &&
	            c.semver.patch === needDomGTPre.patch) {
	          needDomGTPre = false;
	        }
	      }
	      if (c.operator === '>' || c.operator === '>=') {
	        higher = higherGT(gt, c, options);
	        if (higher === c && higher !== gt) {
	          return false
	        }
	      } else if (gt.operator === '>=' && !c.test(gt.semver)) {
	        return false
	      }
	    }
	    if (lt) {
	      if (needDomLTPre) {
	        if (c.semver.prerelease && c.semver.prerelease.length &&
	            c.semver.major === needDomLTPre.major &&
	            c.semver.minor === needDomLTPre.minor &&
	            c.semver.patch === needDomLTPre.patch) {
	          needDomLTPre = false;
	        }
	      }
	      if (c.operator === '<' || c.operator === '<=') {
	        lower = lowerLT(lt, c, options);
	        if (lower === c && lower !== lt) {
	          return false
	        }
	      } else if (lt.operator === '<=' && !c.test(lt.semver)) {
	        return false
	      }
	    }
	    if (!c.operator && (lt || gt) && gtltComp !== 0) {
	      return false
	    }
	  }

	  // if there was a < or >, and nothing in the dom, then must be false
	  // UNLESS it was limited by another range in the other direction.
	  // Eg, >1.0.0 <1.0.1 is still a subset of <2.0.0
	  if (gt && hasDomLT && !lt && gtltComp !== 0) {
	    return false
	  }

	  if (lt && hasDomGT && !gt && gtltComp !== 0) {
	    return false
	  }

	  // we needed a prerelease range in a specific tuple, but didn't get one
	  // then this isn't a subset.  eg >=1.2.3-pre is not a subset of >=1.0.0,
	  // because it includes prereleases in the 1.2.3 tuple
	  if (needDomGTPre || needDomLTPre) {
	    return false
	  }

	  return true
	};

	// >=1.2.3 is lower than >1.2.3
	const higherGT = (a, b, options) => {
	  if (!a) {
	    return b
	  }
	  const comp = compare(a.semver, b.semver, options);
	  return comp > 0 ? a
	    : comp < 0 ? b
	    : b.operator === '>' && a.operator === '>=' ? b
	    : a
	};

	// <=1.2.3 is higher than <1.2.3
	const lowerLT = (a, b, options) => {
	  if (!a) {
	    return b
	  }
	  const comp = compare(a.semver, b.semver, options);
	  return comp < 0 ? a
	    : comp > 0 ? b
	    : b.operator === '<' && a.operator === '<=' ? b
	    : a
	};

	subset_1 = subset;
	return subset_1;
}

var semver$1;
var hasRequiredSemver;

function requireSemver () {
	if (hasRequiredSemver) return semver$1;
	hasRequiredSemver = 1;

	// just pre-load all the stuff that index.js lazily exports
	const internalRe = requireRe();
	const constants = requireConstants();
	const SemVer = requireSemver$1();
	const identifiers = requireIdentifiers();
	const parse = requireParse();
	const valid = requireValid$1();
	const clean = requireClean();
	const inc = requireInc();
	const diff = requireDiff();
	const major = requireMajor();
	const minor = requireMinor();
	const patch = requirePatch();
	const prerelease = requirePrerelease();
	const compare = requireCompare();
	const rcompare = requireRcompare();
	const compareLoose = requireCompareLoose();
	const compareBuild = requireCompareBuild();
	const sort = requireSort();
	const rsort = requireRsort();
	const gt = requireGt();
	const lt = requireLt();
	const eq = requireEq();
	const neq = requireNeq();
	const gte = requireGte();
	const lte = requireLte();
	const cmp = requireCmp();
	const coerce = requireCoerce();
	const truncate = requireTruncate();
	const Comparator = requireComparator();
	const Range = requireRange();
	const satisfies = requireSatisfies();
	const toComparators = requireToComparators();
	const maxSatisfying = requireMaxSatisfying();
	const minSatisfying = requireMinSatisfying();
	const minVersion = requireMinVersion();
	const validRange = requireValid();
	const outside = requireOutside();
	const gtr = requireGtr();
	const ltr = requireLtr();
	const intersects = requireIntersects();
	const simplifyRange = requireSimplify();
	const subset = requireSubset();
	semver$1 = {
	  parse,
	  valid,
	  clean,
	  inc,
	  diff,
	  major,
	  minor,
	  patch,
	  prerelease,
	  compare,
	  rcompare,
	  compareLoose,
	  compareBuild,
	  sort,
	  rsort,
	  gt,
	  lt,
	  eq,
	  neq,
	  gte,
	  lte,
	  cmp,
	  coerce,
	  truncate,
	  Comparator,
	  Range,
	  satisfies,
	  toComparators,
	  maxSatisfying,
	  minSatisfying,
	  minVersion,
	  validRange,
	  outside,
	  gtr,
	  ltr,
	  intersects,
	  simplifyRange,
	  subset,
	  SemVer,
	  re: internalRe.re,
	  src: internalRe.src,
	  tokens: internalRe.t,
	  SEMVER_SPEC_VERSION: constants.SEMVER_SPEC_VERSION,
	  RELEASE_TYPES: constants.RELEASE_TYPES,
	  compareIdentifiers: identifiers.compareIdentifiers,
	  rcompareIdentifiers: identifiers.rcompareIdentifiers,
	};
	return semver$1;
}

var semverExports = requireSemver();
var semver = /*@__PURE__*/getDefaultExportFromCjs(semverExports);

/**
 * A release version as the pipeline names it: a semver, with or without a leading `v` (`v1.4.0`). Build
 * metadata (`1.4.0+build.7`) is refused: semver ignores it when comparing, so such a release would share
 * 1.4.0's image tags, build id and task queue, overwriting or impersonating it.
 */ function parseVersion(version, subject) {
    const parsed = semver.parse(version.trim().replace(/^v/, ''));
    if (!parsed) {
        throw new InputError(subject, `"${version}" is not a semantic version`, 'pass a version like v1.4.0');
    }
    if (parsed.build.length > 0) {
        const metadata = parsed.build.join('.');
        throw new InputError(subject, `"${version}" carries build metadata (+${metadata}), which would share ${parsed.version}'s image tags, build id and task queue`, `release it under a version of its own, e.g. ${parsed.version}-${metadata} or the next patch`);
    }
    return parsed;
}

// Which label tells the canary's metrics from stable's, and its value on each side: one rule for the rollout
// workflow (per ramp step) and the analyze step. Pure.
/**
 * The label carrying a worker's build id (its release version without `v`) on every metric: the order worker
 * sets it as a global metric tag (BUILD_ID), and the chart's PodMonitor copies it from the pod label
 * `temporal-rollout/build-id`.
 */ const BUILD_ID_LABEL = 'temporal_rollout_build_id';

// The analysis spec of one ramp step: rollout.yaml's `analysis:` section with the selectors chosen for that step.
// Pure, so the workflow and the measuring activity derive the same spec.
function isParsed(analysis) {
    return typeof analysis.intervalMs === 'number' && Array.isArray(analysis.checks);
}
/** The step's label, values and matchers, as `analysis.selector` fields (the rule is for people, not PromQL). */ function selectorFields(selectors) {
    const { canary, baseline, label, matchers } = selectors;
    return {
        canary,
        baseline,
        ...label ? {
            label
        } : {},
        ...matchers !== undefined ? {
            matchers
        } : {}
    };
}
function analysisSpecFor(analysis, selectors, where) {
    const fields = selectorFields(selectors);
    if (isParsed(analysis)) return {
        ...analysis,
        selector: {
            ...analysis.selector,
            ...fields
        }
    };
    const selector = {
        ...analysis.selector ?? {},
        ...fields
    };
    return parseAnalysisSpec({
        ...analysis,
        selector
    }, where);
}

// The rollout controller's contract: the workflow's id and task queue, what a request carries, what the
// `status` Query answers and the Updates a person or a job sends. Clients (the CLI, the GitHub actions) and
// the workflow import this one module; it is workflow-safe (no Node, no clock). Extend it compatibly only:
// rollouts in flight were started with these shapes.
/** One rollout per app: the server refuses a second run with this id, so it is the lock. */ function rolloutWorkflowId(app) {
    return `rollout/${app}`;
}
const statusQuery = defineQuery('status');
const releaseUpdate = defineUpdate('release');
const rollbackUpdate = defineUpdate('rollback');
const promoteNowUpdate = defineUpdate('promote-now');
const abortUpdate = defineUpdate('abort');
const resumeUpdate = defineUpdate('resume');
/** Phases in which the release in flight still ramps (a newer release supersedes it; see README). */ const RAMPING_PHASES = [
    'canary',
    'analyzing',
    'paused',
    'held'
];
/** The outcome of `version`'s release in this rollout, once it has one. */ /** The answer to a release of the version already in flight (the job attaches to it). */ function attachedAnswer(version) {
    return `attached to the release of ${version} in progress`;
}

// RolloutWorkflow: one per app (id `rollout/<app>`), running the whole release of rollout.yaml as durable
// code. Steps are activities; the plan, the analysis judge and every decision stay here as pure code, so a
// killed job, worker or server only delays a rollout. Workflow bundle: imports only core/ and controller/
// modules that are workflow-safe.
const HISTORY_KEPT = 200;
const DEFAULTS = {
    drainPollMs: 30_000,
    heartbeatTimeoutMs: 30_000,
    historyLimit: 2_000
};
function timingOf(operation) {
    return {
        ...DEFAULTS,
        ...operation.request.timing
    };
}
function activitiesFor(operation) {
    const timing = timingOf(operation);
    const helmMs = operation.request.config.helm.timeoutMs;
    return wf.proxyActivities({
        // A retried step may wait out a stuck revision, roll it back, upgrade and uninstall: up to about six
        // helm.timeout in one attempt. A silent worker is noticed sooner, by its missing heartbeat.
        startToCloseTimeout: 6 * helmMs + 5 * 60_000,
        heartbeatTimeout: timing.heartbeatTimeoutMs,
        retry: {
            initialInterval: '1s',
            backoffCoefficient: 2,
            maximumInterval: '1m',
            maximumAttempts: 20
        }
    });
}
function failureMessage(err) {
    if (err instanceof wf.ActivityFailure && err.cause) return err.cause.message;
    return err.message;
}
function newer(a, b) {
    return parseVersion(a, 'version').compare(parseVersion(b, 'version')) > 0;
}
class Rollout {
    constructor(input){
        this.input = input;
        const carried = input.carry;
        this.status = carried ? {
            ...carried.status,
            continuedAsNew: carried.status.continuedAsNew + 1
        } : {
            app: input.app,
            workflowId: rolloutWorkflowId(input.app),
            phase: 'starting',
            analyses: [],
            outcomes: [],
            history: [],
            continuedAsNew: 0,
            historyLength: 0
        };
        this.pending = carried?.pending ?? [];
        this.seq = this.status.history.at(-1)?.seq ?? -1;
    }
    note(event, detail, version) {
        this.seq += 1;
        this.status.history.push({
            seq: this.seq,
            at: new Date().toISOString(),
            event,
            detail,
            ...version ? {
                version
            } : {}
        });
        if (this.status.history.length > HISTORY_KEPT) this.status.history.shift();
    }
    answer(message) {
        const version = this.status.release?.version;
        return {
            message,
            phase: this.status.phase,
            ...version ? {
                version
            } : {}
        };
    }
    ramping() {
        return this.current?.kind === 'release' && RAMPING_PHASES.includes(this.status.phase);
    }
    draining() {
        return this.status.phase === 'promoting' || this.status.phase === 'rolling-back';
    }
    // ── Update checks: the validator runs them once the state is known (no history for a refusal); the handler
    // runs them again after waiting for the state, so a rollout started by the Update refuses the same way.
    checkApp(app) {
        if (app !== this.input.app) {
            throw new Error(`this rollout is for app ${this.input.app}, not ${app}`);
        }
    }
    checkRelease(request) {
        this.checkApp(request.config.app);
        parseVersion(request.version, 'version');
        const inFlight = this.current?.kind === 'release' ? this.current.request.version : undefined;
        if (inFlight && inFlight !== request.version && !newer(request.version, inFlight)) {
            throw new Error(`${request.version} is not newer than ${inFlight}, which is being released; release a newer version`);
        }
        const stable = this.known?.stable;
        if (stable && request.version !== stable && newer(stable, request.version)) {
            throw new Error(`${request.version} is older than stable ${stable}; a release only goes forward — to go back, roll back to ${request.version} (rollback.yml with to: ${request.version}, or temporal-rollout rollback --to ${request.version})`);
        }
        const queued = this.pending.find((op)=>op.kind === 'release');
        if (queued?.kind === 'release' && queued.request.version !== request.version) {
            if (!newer(request.version, queued.request.version)) {
                throw new Error(`${request.version} is not newer than ${queued.request.version}, already queued`);
            }
        }
    }
    checkRollback(request) {
        this.checkApp(request.config.app);
        const known = this.known;
        if (!known || request.to === undefined) return;
        if (!known.deployed.includes(request.to)) {
            throw new Error(`${request.to} was never stable here; versions you can roll back to: ${known.deployed.join(', ') || 'none'}`);
        }
        const canaryUp = this.ramping() || known.canary && known.phase === 'canary';
        if (canaryUp && request.to !== known.stable) {
            throw new Error(`canary ${this.status.release?.version ?? known.canary?.version} is running, so a rollback returns to stable ${known.stable}, not ${request.to}; roll back without a version first`);
        }
    }
    checkAction(kind) {
        if (kind === 'resume') {
            if (this.status.phase !== 'held') {
                throw new Error(`nothing holds (phase ${this.status.phase}); resume continues a held rollout`);
            }
            return;
        }
        if (!this.ramping()) {
            const what = this.draining() ? `${this.status.phase === 'promoting' ? 'a promotion' : 'a rollback'} is draining` : 'no release is ramping';
            throw new Error(`${kind} applies to a release that ramps, but ${what} (phase ${this.status.phase})`);
        }
    }
    refuse(check) {
        try {
            check();
        } catch (err) {
            throw wf.ApplicationFailure.nonRetryable(err.message, 'RolloutRefused');
        }
    }
    /** Reads the recorded state once (an Update that starts the rollout needs it to answer). */ async ensureKnown(operation) {
        this.reading ??= this.refresh(operation).then(()=>undefined);
        await this.reading;
    }
    install() {
        wf.setHandler(statusQuery, ()=>({
                ...this.status,
                historyLength: wf.workflowInfo().historyLength
            }));
        wf.setHandler(releaseUpdate, async (request)=>{
            await this.ensureKnown({
                kind: 'release',
                request
            });
            this.refuse(()=>this.checkRelease(request));
            const inFlight = this.current?.kind === 'release' ? this.current.request.version : undefined;
            if (inFlight === request.version) {
                return this.answer(attachedAnswer(request.version));
            }
            this.note('request', `release ${request.version}${by(request)}`, request.version);
            // Rule for a newer release while one is in flight: it supersedes a release still ramping (whose
            // canary is rolled back first; never two canaries), and waits for a promotion or rollback that drains.
            this.pending = [
                ...this.pending.filter((op)=>op.kind !== 'release'),
                {
                    kind: 'release',
                    request
                }
            ];
            if (this.ramping() && inFlight) {
                this.command = {
                    kind: 'supersede',
                    request
                };
                return this.answer(`${request.version} supersedes ${inFlight}: its canary is rolled back, then ${request.version} ramps`);
            }
            if (this.current) {
                this.status.queued = {
                    version: request.version,
                    ...request.requestedBy ? {
                        requestedBy: request.requestedBy
                    } : {}
                };
                return this.answer(`${request.version} is queued: it starts once the running ${this.current.kind} is done`);
            }
            return this.answer(`release of ${request.version} accepted`);
        }, {
            validator: (request)=>this.known ? this.checkRelease(request) : this.checkApp(request.config.app)
        });
        wf.setHandler(rollbackUpdate, async (request)=>{
            await this.ensureKnown({
                kind: 'rollback',
                request
            });
            this.refuse(()=>this.checkRollback(request));
            const target = request.to ?? this.known?.stable ?? 'stable';
            this.note('request', `rollback to ${target}: ${request.reason}${by(request)}`, request.to);
            if (this.ramping()) {
                this.command = {
                    kind: 'rollback',
                    request
                };
                return this.answer(`rolling back canary ${this.status.release?.version}; ${target} takes all new work`);
            }
            this.pending = [
                ...this.pending.filter((op)=>op.kind !== 'rollback'),
                {
                    kind: 'rollback',
                    request
                }
            ];
            if (this.current) {
                this.status.queuedRollback = {
                    reason: request.reason,
                    ...request.to ? {
                        to: request.to
                    } : {}
                };
                return this.answer(`rollback to ${target} is queued: it runs once the draining ${this.status.phase} is done`);
            }
            return this.answer(`rollback to ${target} accepted`);
        }, {
            validator: (request)=>this.checkRollback(request)
        });
        for (const [definition, kind] of [
            [
                promoteNowUpdate,
                'promote-now'
            ],
            [
                abortUpdate,
                'abort'
            ],
            [
                resumeUpdate,
                'resume'
            ]
        ]){
            wf.setHandler(definition, (request)=>{
                this.checkAction(kind);
                this.note(kind, `${request.reason ?? 'requested'}${by(request)}`, this.status.release?.version);
                this.command = {
                    kind,
                    request
                };
                if (kind === 'abort') this.pending = this.pending.filter((op)=>op.kind !== 'release');
                return this.answer(`${kind} accepted for ${this.status.release?.version}`);
            }, {
                validator: (_request)=>this.checkAction(kind)
            });
        }
    }
    async run() {
        this.install();
        const carried = this.input.carry?.resume;
        if (carried) {
            this.current = carried.operation;
            await this.refresh(carried.operation);
            await this.finishDrain(carried.operation, carried.drain, carried.version, {
                recordAs: carried.recordAs,
                result: carried.result,
                ...carried.reasons.length > 0 ? {
                    reasons: carried.reasons
                } : {}
            });
            this.current = undefined;
        }
        for(;;){
            // An Update still deciding (reading the state first) may yet add an operation.
            await wf.condition(()=>this.pending.length > 0 || wf.allHandlersFinished());
            const next = this.pending.shift();
            if (!next) break;
            this.current = next;
            this.command = undefined;
            if (next.kind === 'release') {
                delete this.status.queued;
                await this.release(next);
            } else {
                delete this.status.queuedRollback;
                await this.rollback(next);
            }
            this.current = undefined;
            await this.refresh(next);
        }
        this.status.phase = 'done';
        delete this.status.drain;
        await wf.condition(wf.allHandlersFinished);
        return {
            ...this.status,
            historyLength: wf.workflowInfo().historyLength
        };
    }
    async refresh(operation) {
        try {
            this.known = await activitiesFor(operation).readState({
                config: operation.request.config
            });
        } catch (err) {
            this.note('error', `cannot read the rollout state: ${failureMessage(err)}`);
            this.known ??= {
                phase: 'stable',
                deployed: []
            };
            return undefined;
        }
        this.status.stable = this.known.stable;
        if (this.known.canary) this.status.canary = this.known.canary;
        else delete this.status.canary;
        return this.known;
    }
    seen(result) {
        if (result.stable) this.status.stable = result.stable;
        if (result.canary) this.status.canary = result.canary;
        else delete this.status.canary;
        if (result.routing) this.status.routing = result.routing;
        if (result.versioning) this.status.versioning = result.versioning;
        if (this.known) {
            this.known = {
                ...this.known,
                phase: result.phase,
                ...result.stable ? {
                    stable: result.stable
                } : {},
                ...result.canary ? {
                    canary: result.canary
                } : {}
            };
            if (!result.canary) delete this.known.canary;
        }
    }
    /** Says where the release's workers poll and which rule chose it (the replay verdict or the template). */ placedOn(version, queue) {
        const release = this.status.release;
        if (!queue || release?.version !== version) return;
        if (release.queue?.rule !== queue.rule) this.note('queue', queue.rule, version);
        release.queue = {
            orderQueue: queue.orderQueue,
            paymentQueue: queue.paymentQueue,
            rule: queue.rule
        };
    }
    outcome(operation, version, result, reasons) {
        this.status.outcomes.push({
            operation,
            version,
            result,
            reasons,
            at: new Date().toISOString()
        });
        this.note(result, reasons.join('; '), version);
    }
    /** Waits a pause or an analysis interval; an Update's command ends it early. */ async wait(ms) {
        if (ms > 0) await wf.condition(()=>this.command !== undefined, ms);
    }
    takeCommand() {
        const command = this.command;
        this.command = undefined;
        return command;
    }
    // ── A release: install, or ramp → analyse → pause per step, then promote.
    async release(operation) {
        const { request } = operation;
        const { version, config } = request;
        const acts = activitiesFor(operation);
        this.status.release = {
            version,
            image: request.image,
            ...request.requestedBy ? {
                requestedBy: request.requestedBy
            } : {},
            ...request.replayDeploy ? {
                replayDeploy: request.replayDeploy
            } : {}
        };
        delete this.status.step;
        delete this.status.hold;
        const state = await this.refresh(operation);
        if (!state) return this.outcome('release', version, 'failed', [
            'the rollout state could not be read'
        ]);
        const place = async (weight)=>{
            const placed = await acts.placeCanary({
                config,
                version,
                image: request.image,
                weight,
                ...request.env ? {
                    env: request.env
                } : {},
                ...request.replayDeploy ? {
                    replayDeploy: request.replayDeploy
                } : {}
            });
            this.placedOn(version, placed.result.queue);
            return placed;
        };
        if (!state.stable) {
            this.status.phase = 'installing';
            try {
                const placed = await place(100);
                this.seen(placed.result);
                return this.outcome('release', version, 'installed', [
                    placed.result.message
                ]);
            } catch (err) {
                return this.outcome('release', version, 'failed', [
                    failureMessage(err)
                ]);
            }
        }
        if (state.canary && state.canary.version !== version) {
            // A canary of another version is up (left by a run outside this rollout): one canary at a time.
            if (state.phase === 'promoting') {
                await this.finishDrain({
                    kind: 'release',
                    request: {
                        ...request,
                        version: state.canary.version
                    }
                }, 'promote', state.canary.version, {
                    recordAs: 'release',
                    result: 'promoted'
                });
            } else {
                await this.rollbackCanary(operation, `superseded by ${version}`, state.canary.version, 'superseded');
            }
        } else if (state.canary && state.phase === 'promoting') {
            return this.promote(operation);
        } else if (!state.canary && state.stable === version) {
            return this.outcome('release', version, 'unchanged', [
                `${version} is already the stable release`
            ]);
        }
        const steps = config.strategy.steps.filter((step)=>step.weight < 100);
        const from = this.known?.canary?.version === version ? this.known.canary.weight : 0;
        let turn = 'continue';
        for(let i = steps.findIndex((step)=>step.weight >= from); i >= 0 && i < steps.length; i++){
            const step = steps[i];
            this.status.step = {
                index: i + 1,
                of: steps.length,
                weight: step.weight
            };
            turn = await this.onCommand(operation);
            if (turn !== 'continue') break;
            this.status.phase = 'canary';
            let selectors;
            try {
                const placed = await place(step.weight);
                this.seen(placed.result);
                selectors = placed.selectors;
                this.note('canary', placed.result.message, version);
            } catch (err) {
                turn = await this.hold(operation, [
                    `canary at ${step.weight}% failed: ${failureMessage(err)}`
                ]);
                if (turn === 'continue') {
                    i--;
                    continue;
                }
                break;
            }
            turn = await this.onCommand(operation);
            if (turn !== 'continue') break;
            const judgement = await this.analyze(operation, i + 1, step.weight, selectors);
            if (judgement?.verdict === 'fail') {
                const reason = `analysis failed at ${step.weight}%: ${judgement.reasons.join('; ')}`;
                return this.rollbackCanary(operation, reason, version, 'rolled-back');
            }
            if (judgement?.verdict === 'inconclusive') {
                // Missing evidence is not a pass: the canary stays where it is until a person decides.
                turn = await this.hold(operation, judgement.reasons);
            } else if (judgement) {
                turn = 'continue';
            } else {
                turn = await this.onCommand(operation);
            }
            if (turn !== 'continue') break;
            if (step.pauseMs > 0) {
                this.status.phase = 'paused';
                this.status.step.pauseUntil = new Date(Date.now() + step.pauseMs).toISOString();
                this.note('pause', `${step.pauseMs / 1000} s at ${step.weight}%`, version);
                await this.wait(step.pauseMs);
                delete this.status.step.pauseUntil;
            }
        }
        if (turn === 'continue') turn = await this.onCommand(operation);
        if (turn === 'stop') return;
        return this.promote(operation);
    }
    /** Acts on an Update's command between steps: the ramp goes on, jumps to promotion, or stops. */ async onCommand(operation) {
        const command = this.takeCommand();
        const version = operation.request.version;
        switch(command?.kind){
            case undefined:
            case 'resume':
                return 'continue';
            case 'promote-now':
                return 'promote';
            case 'abort':
                await this.rollbackCanary(operation, `aborted: ${command.request.reason ?? 'by request'}`, version, 'aborted');
                return 'stop';
            case 'rollback':
                await this.rollbackCanary(operation, command.request.reason, version, 'rolled-back', command.request);
                return 'stop';
            case 'supersede':
                await this.rollbackCanary(operation, `superseded by ${command.request.version}`, version, 'superseded');
                return 'stop';
        }
    }
    /** Holds until a person sends resume, promote-now, abort, rollback or a newer release. */ async hold(operation, reasons) {
        this.status.phase = 'held';
        this.status.hold = {
            reasons,
            since: new Date().toISOString()
        };
        this.note('hold', reasons.join('; '), operation.request.version);
        await wf.condition(()=>this.command !== undefined);
        delete this.status.hold;
        return this.onCommand(operation);
    }
    /** One activity per tick; the judge runs here. Undefined when an Update interrupted it. */ async analyze(operation, step, weight, selectors) {
        const { config, version } = operation.request;
        const acts = activitiesFor(operation);
        const spec = analysisSpecFor(config.analysis, selectors, `${config.file}: analysis`);
        const record = {
            version,
            step,
            weight,
            selectors,
            reasons: [],
            ticks: 0,
            count: spec.count,
            checks: [],
            startedAt: new Date().toISOString()
        };
        this.status.analyses.push(record);
        this.status.phase = 'analyzing';
        if (selectors.canary === selectors.baseline && wf.patched('analysis-needs-two-sides')) {
            // Both releases poll one queue (replay verdict same-queue, or a template that shares it): their metrics
            // carry the same label value, so comparing them would prove nothing. Missing evidence is not a pass.
            const reason = `canary and baseline both have ${spec.selector.label}="${selectors.canary}": the analysis cannot tell ${version} from stable; resume or promote-now after checking by hand, or let rollout.yaml name no analysis.selector.label (a shared queue is then compared by ${BUILD_ID_LABEL}) or one that differs per build`;
            record.verdict = 'inconclusive';
            record.reasons = [
                reason
            ];
            record.finishedAt = record.startedAt;
            this.note('analysis', `inconclusive at ${weight}%: ${reason}`, version);
            return {
                done: true,
                verdict: 'inconclusive',
                reasons: [
                    reason
                ],
                checks: []
            };
        }
        await this.wait(spec.initialDelayMs);
        const measurements = new Map(spec.checks.map((c)=>[
                c.name,
                []
            ]));
        let judgement = {
            done: false,
            reasons: [],
            checks: []
        };
        // The next measurement waits the whole interval after the last one ends. The old cadence subtracted the
        // measurement's time (Date.now() deltas across activations), and @temporalio/worker 1.24 can give the
        // activation after a timed-out workflow task another time on replay than it had live: a timer live, none
        // on replay (TMPRL1100 'Timer machine does not handle this event: ActivityTaskScheduled').
        const timerAfterEachTick = wf.patched('analysis-interval-after-each-tick');
        for(let tick = 1; tick <= spec.count && this.command === undefined; tick++){
            const tickStart = Date.now();
            let measured;
            try {
                measured = await acts.measureAnalysis({
                    config,
                    selectors,
                    tick
                });
            } catch (err) {
                judgement = {
                    done: true,
                    verdict: 'inconclusive',
                    reasons: [
                        failureMessage(err)
                    ],
                    checks: record.checks
                };
                break;
            }
            for (const { check, measurement } of measured)measurements.get(check)?.push(measurement);
            judgement = judge(spec, spec.checks, measurements, tick);
            record.ticks = tick;
            record.checks = judgement.checks;
            if (judgement.done) break;
            await this.wait(timerAfterEachTick ? spec.intervalMs : tickStart + spec.intervalMs - Date.now());
        }
        record.finishedAt = new Date().toISOString();
        if (!judgement.done) {
            record.reasons = [
                `stopped by ${this.command?.kind} after ${record.ticks} of ${spec.count} measurements`
            ];
            return undefined;
        }
        record.verdict = judgement.verdict;
        record.reasons = judgement.reasons;
        // What was compared, when the step chose the label (the person following the release sees it).
        const by = selectors.label ? ` (${selectors.label} ${selectors.canary} against ${selectors.baseline})` : '';
        this.note('analysis', `${judgement.verdict} at ${weight}%${by}: ${judgement.reasons.join('; ')}`, version);
        return judgement;
    }
    async promote(operation) {
        const { version } = operation.request;
        this.status.phase = 'promoting';
        delete this.status.step;
        this.note('promote', `${version} takes all new work`, version);
        await this.finishDrain(operation, 'promote', version, {
            recordAs: 'release',
            result: 'promoted'
        });
    }
    /** Automatic rollback of the canary (analysis failed, abort, supersede, or a rollback Update). */ async rollbackCanary(operation, reason, version, result, request) {
        this.status.phase = 'rolling-back';
        delete this.status.step;
        this.note('rollback', reason, version);
        const { config, timing } = operation.request;
        const through = {
            kind: 'rollback',
            request: request ?? {
                config,
                reason,
                ...timing ? {
                    timing
                } : {}
            }
        };
        await this.finishDrain(through, 'rollback', version, {
            recordAs: operation.kind,
            result,
            reasons: [
                reason
            ]
        });
    }
    // ── A rollback requested while nothing ramps: restore an older version, or stop a leftover canary.
    async rollback(operation) {
        const { request } = operation;
        const state = await this.refresh(operation);
        if (!state) return this.outcome('rollback', request.to ?? '-', 'failed', [
            'the rollout state could not be read'
        ]);
        try {
            this.checkRollback(request);
        } catch (err) {
            return this.outcome('rollback', request.to ?? '-', 'failed', [
                err.message
            ]);
        }
        if (request.to === undefined) {
            if (!state.canary) {
                return this.outcome('rollback', state.stable ?? '-', 'unchanged', [
                    'no canary is running: nothing to roll back'
                ]);
            }
            return this.rollbackCanary(operation, request.reason, state.canary.version, 'rolled-back', request);
        }
        if (state.stable === request.to && !state.canary) {
            return this.outcome('rollback', request.to, 'unchanged', [
                `${request.to} is already the stable release`
            ]);
        }
        this.status.phase = 'promoting';
        this.note('restore', `${request.to}: ${request.reason}`, request.to);
        await this.finishDrain(operation, 'restore', request.to, {
            recordAs: 'rollback',
            result: 'restored',
            reasons: [
                request.reason
            ]
        });
    }
    /**
   * Runs promote/rollback until the release being left has no open run: each activity counts once, a durable
   * timer waits between counts (for days if need be), and the run continues as new when its history grows.
   * Records the outcome when it is over.
   */ async finishDrain(operation, kind, version, record) {
        const acts = activitiesFor(operation);
        const timing = timingOf(operation);
        const { config } = operation.request;
        const rollback = operation.kind === 'rollback' ? operation.request : undefined;
        const policy = rollback?.drainPolicy ?? config.strategy.drain.policy;
        const once = ()=>{
            // A restore whose target already takes all new work (a re-run, or a new run) continues as a promotion.
            if (kind === 'promote' || kind === 'restore' && this.known?.canary?.version === version) {
                return acts.promote({
                    config,
                    version
                });
            }
            return acts.rollback({
                config,
                reason: rollback?.reason ?? `rollback of ${version}`,
                ...kind === 'restore' ? {
                    to: version
                } : {},
                ...rollback?.drainPolicy ? {
                    drainPolicy: rollback.drainPolicy
                } : {}
            });
        };
        this.status.phase = kind === 'rollback' ? 'rolling-back' : 'promoting';
        for(;;){
            let result;
            try {
                result = await once();
            } catch (err) {
                delete this.status.drain;
                return this.outcome(record.recordAs, version, 'failed', [
                    `${kind}: ${failureMessage(err)}`
                ]);
            }
            this.seen(result);
            if (result.outcome !== 'waiting') {
                delete this.status.drain;
                return this.outcome(record.recordAs, version, record.result, record.reasons ?? [
                    result.message
                ]);
            }
            const drain = result.drain;
            const previous = this.status.drain;
            this.status.drain = {
                kind,
                staying: kind === 'rollback' ? result.stable ?? '-' : version,
                ...kind === 'rollback' ? {
                    leaving: version
                } : result.stable ? {
                    leaving: result.stable
                } : {},
                policy,
                ...drain?.label ? {
                    label: drain.label
                } : {},
                ...drain ? {
                    openRuns: drain.openRunsAtEnd
                } : {},
                ...drain?.oldestStart ? {
                    oldestStart: drain.oldestStart
                } : {},
                since: previous?.since ?? new Date().toISOString(),
                polls: (previous?.polls ?? 0) + 1
            };
            if (previous?.openRuns !== this.status.drain.openRuns) {
                this.note('drain', `waiting for ${this.status.drain.openRuns} open run(s) on ${drain?.label}`, version);
            }
            const info = wf.workflowInfo();
            if (info.historyLength >= timing.historyLimit || info.continueAsNewSuggested) {
                await this.continueAsNew(operation, kind, version, record);
            }
            await wf.sleep(timing.drainPollMs);
        }
    }
    async continueAsNew(operation, kind, version, record) {
        this.note('continue-as-new', `history has ${wf.workflowInfo().historyLength} events`, version);
        await wf.condition(wf.allHandlersFinished);
        const carry = {
            status: this.status,
            pending: this.pending,
            resume: {
                drain: kind,
                operation,
                version,
                ...record,
                reasons: record.reasons ?? []
            }
        };
        return wf.continueAsNew({
            app: this.input.app,
            carry
        });
    }
}
function by(request) {
    return request.requestedBy ? ` (by ${request.requestedBy})` : '';
}
async function rolloutWorkflow(input) {
    return new Rollout(input).run();
}

export { rolloutWorkflow };
