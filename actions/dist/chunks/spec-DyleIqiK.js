import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { p as parseDuration } from './duration-C-1UD4yS.js';
import { I as InputError } from './errors-Cq3sNBNk.js';

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

export { hasTrafficGuard as h, parseAnalysisSpec as p };
