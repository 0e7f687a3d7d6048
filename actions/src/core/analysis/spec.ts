import { parseDuration } from '../duration.js';
import { InputError } from '../errors.js';
import { BUILTIN_NAMES, type BuiltinName, builtinChecks, DEFAULT_BUILTINS } from './builtins.js';

/** Pass when the canary value lies within [min, max]. */
export interface ThresholdRule {
  type: 'threshold';
  min?: number;
  max?: number;
}

/** Pass when canary ≤ baseline × maxRatio + allowance (and ≥ baseline × minRatio − allowance when set). */
export interface RatioRule {
  type: 'ratio';
  maxRatio: number;
  minRatio?: number;
  /** Absolute slack, so a baseline of 0 does not fail every non-zero canary value. */
  allowance: number;
}

/**
 * Kayenta's judge: compare the canary's samples with the baseline's over `lookback` (a range query, one sample
 * per `stepMs`); fail when the canary is significantly worse at `confidence` and its median is worse by more
 * than `tolerance` (a fraction of the baseline median).
 */
export interface MannWhitneyRule {
  type: 'mann-whitney';
  confidence: number;
  /** Which way is worse: `increase` (latency, errors), `decrease` (throughput) or `either`. */
  direction: 'increase' | 'decrease' | 'either';
  tolerance: number;
  lookbackMs: number;
  stepMs: number;
  /** Fewer samples than this on either side → inconclusive. */
  minSamples: number;
}

export type Rule = ThresholdRule | RatioRule | MannWhitneyRule;

/** Where a check's measurements come from. */
export type CheckSource = 'prometheus' | 'temporal';

export interface CheckSpec {
  name: string;
  /** PromQL with `{{selector}}` (label matchers of the side measured) and `{{window}}` (rate window). */
  query: string;
  rule: Rule;
  /** A hard signal: one failed measurement fails the whole analysis at once. */
  failFast: boolean;
  /**
   * Traffic guard: a query for the number of samples behind the value; below `min` → inconclusive. A check
   * without one (or with `min` 0) can fail the analysis but never pass it alone (see `hasTrafficGuard`).
   */
  samples?: { query: string; min: number };
  /** What the value means, for the report (e.g. `ratio`, `ms`, `count`). */
  unit?: string;
}

export interface SelectorSpec {
  /** Label whose value tells canary from baseline: `task_queue` (task-queue strategy), `build_id`, `role`… */
  label: string;
  /** True when rollout.yaml (and no override) names no label: `task_queue`, or the build id on a shared queue. */
  labelDefaulted?: boolean;
  canary?: string;
  baseline?: string;
  /** Extra matchers for both sides, e.g. `namespace="default"`. */
  matchers?: string;
  /** Why this label and these values, when `chooseSelectors` chose them (for the report). */
  rule?: string;
}

/**
 * The Temporal-native check: canary runs whose workflow task keeps failing (DescribeWorkflowExecution shows a
 * pending workflow task at attempt ≥ 2), polled every `intervalMs` from the start of the analysis, fail-fast.
 */
export interface TemporalCheckSpec {
  enabled: boolean;
  intervalMs: number;
  /** Visibility query for the canary's open runs; default: its task queues when the selector label is `task_queue`. */
  runs?: string;
  /** Most runs described per poll (newest first). */
  maxRuns: number;
}

export interface AnalysisSpec {
  intervalMs: number;
  /** Number of measurements (from `count`, or `duration` / `interval`). */
  count: number;
  initialDelayMs: number;
  /** Rate window substituted for `{{window}}`. */
  windowMs: number;
  failureLimit: number;
  inconclusiveLimit: number;
  consecutiveErrorLimit: number;
  /** The whole analysis ends `inconclusive` (unless already decided) when it runs longer than this. */
  deadlineMs: number;
  /** Per Prometheus query attempt. */
  queryTimeoutMs: number;
  /** Further attempts after a transient failure (unreachable, timeout, HTTP 5xx). */
  queryRetries: number;
  selector: SelectorSpec;
  checks: CheckSpec[];
  temporal: TemporalCheckSpec;
}

export const ANALYSIS_DEFAULTS = {
  intervalMs: 10_000,
  count: 6,
  initialDelayMs: 0,
  windowMs: 60_000,
  failureLimit: 1,
  inconclusiveLimit: 2,
  consecutiveErrorLimit: 4,
  minSamples: 10,
  /** Added to initialDelay + count × interval for the default deadline: room for slow queries. */
  deadlineSlackMs: 60_000,
  queryTimeoutMs: 10_000,
  queryRetries: 2,
  temporalIntervalMs: 2_000,
  temporalMaxRuns: 200,
} as const;

/** Whether a passing measurement of this check shows that the canary had enough traffic. */
export function hasTrafficGuard(check: Pick<CheckSpec, 'samples'>): boolean {
  return (check.samples?.min ?? 0) >= 1;
}

type Raw = Record<string, unknown>;

/**
 * Validates the `analysis:` section of rollout.yaml (already parsed from YAML). `path` names where it came
 * from, e.g. `rollout.yaml: analysis`, for error messages. A missing section gives the defaults with every
 * built-in check.
 */
export function parseAnalysisSpec(raw: unknown, path: string): AnalysisSpec {
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
    'temporal',
  ]);
  const intervalMs = durationField(obj, 'interval', path) ?? ANALYSIS_DEFAULTS.intervalMs;
  if (intervalMs < 1000) throw new InputError(`${path}.interval`, 'must be at least 1s');
  const durationMs = durationField(obj, 'duration', path);
  const countRaw = intField(obj, 'count', path, 1);
  if (countRaw !== undefined && durationMs !== undefined)
    throw new InputError(path, 'sets both `count` and `duration`', 'keep one of them');
  const count =
    countRaw ??
    (durationMs !== undefined ? Math.max(1, Math.floor(durationMs / intervalMs)) : ANALYSIS_DEFAULTS.count);
  const minSamples = intField(obj, 'minSamples', path, 1) ?? ANALYSIS_DEFAULTS.minSamples;
  const windowMs = durationField(obj, 'window', path) ?? ANALYSIS_DEFAULTS.windowMs;

  const checks = [...parseBuiltins(obj.builtins, `${path}.builtins`, minSamples)];
  if (obj.checks !== undefined) {
    if (!Array.isArray(obj.checks)) throw new InputError(`${path}.checks`, 'must be a list of checks');
    obj.checks.forEach((c, i) => {
      checks.push(parseCheck(c, `${path}.checks[${i}]`, minSamples));
    });
  }
  const names = new Set<string>();
  for (const check of checks) {
    if (names.has(check.name))
      throw new InputError(
        `${path}.checks`,
        `two checks are named "${check.name}"`,
        'give each check its own name',
      );
    names.add(check.name);
  }
  if (checks.length === 0) throw new InputError(path, 'has no checks', 'enable a built-in check or add one');

  const initialDelayMs = durationField(obj, 'initialDelay', path) ?? ANALYSIS_DEFAULTS.initialDelayMs;
  const deadlineMs =
    durationField(obj, 'deadline', path) ??
    initialDelayMs + count * intervalMs + ANALYSIS_DEFAULTS.deadlineSlackMs;
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
    consecutiveErrorLimit:
      intField(obj, 'consecutiveErrorLimit', path, 0) ?? ANALYSIS_DEFAULTS.consecutiveErrorLimit,
    deadlineMs,
    queryTimeoutMs,
    queryRetries: intField(obj, 'queryRetries', path, 0) ?? ANALYSIS_DEFAULTS.queryRetries,
    selector: parseSelector(obj.selector, `${path}.selector`),
    checks,
    temporal: parseTemporalCheck(obj.temporal, `${path}.temporal`),
  };
}

function parseTemporalCheck(raw: unknown, path: string): TemporalCheckSpec {
  const obj =
    raw === undefined || raw === null ? {} : raw === false ? { enabled: false } : asObject(raw, path);
  allowKeys(obj, path, ['enabled', 'interval', 'runs', 'maxRuns']);
  const spec: TemporalCheckSpec = {
    enabled: obj.enabled === undefined ? true : boolField(obj, 'enabled', path),
    intervalMs: durationField(obj, 'interval', path) ?? ANALYSIS_DEFAULTS.temporalIntervalMs,
    maxRuns: intField(obj, 'maxRuns', path, 1) ?? ANALYSIS_DEFAULTS.temporalMaxRuns,
  };
  if (spec.intervalMs < 500) throw new InputError(`${path}.interval`, 'must be at least 500ms');
  const runs = stringField(obj, 'runs', path);
  if (runs !== undefined) {
    if (!runs.trim())
      throw new InputError(`${path}.runs`, 'is empty', 'give a visibility query, e.g. TaskQueue="orders-v2"');
    spec.runs = runs;
  }
  return spec;
}

function parseSelector(raw: unknown, path: string): SelectorSpec {
  if (raw === undefined) return { label: 'task_queue', labelDefaulted: true };
  const obj = asObject(raw, path);
  allowKeys(obj, path, ['label', 'canary', 'baseline', 'matchers']);
  const given = stringField(obj, 'label', path);
  const label = given ?? 'task_queue';
  if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(label))
    throw new InputError(`${path}.label`, `"${label}" is not a Prometheus label name`, 'use e.g. task_queue');
  const selector: SelectorSpec = { label, ...(given === undefined ? { labelDefaulted: true } : {}) };
  const canary = stringField(obj, 'canary', path);
  const baseline = stringField(obj, 'baseline', path);
  const matchers = stringField(obj, 'matchers', path);
  if (canary !== undefined) selector.canary = canary;
  if (baseline !== undefined) selector.baseline = baseline;
  if (matchers !== undefined) selector.matchers = matchers;
  return selector;
}

function parseBuiltins(raw: unknown, path: string, minSamples: number): CheckSpec[] {
  const defaults = builtinChecks(minSamples);
  if (raw === undefined) return DEFAULT_BUILTINS.map((n) => defaults[n]);
  if (Array.isArray(raw)) {
    return raw.map((name, i) => {
      if (typeof name !== 'string' || !isBuiltin(name))
        throw new InputError(
          `${path}[${i}]`,
          `unknown built-in check ${JSON.stringify(name)}`,
          `use one of: ${BUILTIN_NAMES.join(', ')}`,
        );
      return defaults[name];
    });
  }
  const obj = asObject(raw, path);
  const checks: CheckSpec[] = [];
  for (const name of Object.keys(obj)) {
    if (!isBuiltin(name))
      throw new InputError(
        `${path}.${name}`,
        'is not a built-in check',
        `use one of: ${BUILTIN_NAMES.join(', ')}`,
      );
  }
  for (const name of BUILTIN_NAMES) {
    const value = obj[name];
    if (value === false || (value === undefined && !DEFAULT_BUILTINS.includes(name))) continue;
    const base = defaults[name];
    if (value === undefined || value === true) {
      checks.push(base);
      continue;
    }
    const override = asObject(value, `${path}.${name}`);
    allowKeys(override, `${path}.${name}`, ['rule', 'failFast', 'minSamples']);
    const check: CheckSpec = { ...base };
    if (override.rule !== undefined) check.rule = parseRule(override.rule, `${path}.${name}.rule`);
    if (override.failFast !== undefined) check.failFast = boolField(override, 'failFast', `${path}.${name}`);
    const min = intField(override, 'minSamples', `${path}.${name}`, 0);
    if (min !== undefined && !check.samples)
      throw new InputError(
        `${path}.${name}.minSamples`,
        'does not apply: this check counts hard errors and has no traffic guard',
        'remove minSamples here',
      );
    if (min !== undefined && check.samples) check.samples = { ...check.samples, min };
    checks.push(check);
  }
  return checks;
}

function isBuiltin(name: string): name is BuiltinName {
  return (BUILTIN_NAMES as readonly string[]).includes(name);
}

function parseCheck(raw: unknown, path: string, minSamples: number): CheckSpec {
  const obj = asObject(raw, path);
  if (obj.samples !== undefined)
    throw new InputError(
      `${path}.samples`,
      'is not a field: the traffic guard is `samplesQuery` (PromQL counting the samples behind the value, with {{selector}}) and `minSamples`',
      'write e.g. samplesQuery: sum(increase(my_requests_total{ {{selector}} }[{{window}}])) and minSamples: 20',
    );
  allowKeys(obj, path, ['name', 'query', 'rule', 'failFast', 'samplesQuery', 'minSamples', 'unit']);
  const name = stringField(obj, 'name', path);
  if (!name) throw new InputError(`${path}.name`, 'is missing', 'give the check a name');
  const query = stringField(obj, 'query', path);
  if (!query) throw new InputError(`${path}.query`, 'is missing', 'give a PromQL query using {{selector}}');
  if (!query.includes('{{selector}}'))
    throw new InputError(
      `${path}.query`,
      'does not use {{selector}}, so canary and baseline would read the same series',
      'put {{selector}} inside the metric matcher, e.g. my_metric{ {{selector}} }',
    );
  if (obj.rule === undefined)
    throw new InputError(`${path}.rule`, 'is missing', 'add e.g. { type: threshold, max: 0.05 }');
  const check: CheckSpec = {
    name,
    query,
    rule: parseRule(obj.rule, `${path}.rule`),
    failFast: obj.failFast === undefined ? false : boolField(obj, 'failFast', path),
  };
  const samplesQuery = stringField(obj, 'samplesQuery', path);
  const checkMin = intField(obj, 'minSamples', path, 0);
  if (samplesQuery !== undefined) {
    if (!samplesQuery.includes('{{selector}}'))
      throw new InputError(
        `${path}.samplesQuery`,
        'does not use {{selector}}, so it would count the whole fleet instead of each side',
        'put {{selector}} inside the metric matcher, e.g. sum(increase(my_requests_total{ {{selector}} }[{{window}}]))',
      );
    check.samples = { query: samplesQuery, min: checkMin ?? minSamples };
  } else if (checkMin === undefined || checkMin > 0)
    throw new InputError(
      path,
      `check "${name}" has no traffic guard, so it could pass on a canary that saw almost no traffic`,
      'add samplesQuery (PromQL counting the samples behind the value, with {{selector}}); or set minSamples: 0 to accept no guard (the check can then fail the canary but never pass it alone)',
    );
  const unit = stringField(obj, 'unit', path);
  if (unit !== undefined) check.unit = unit;
  return check;
}

export function parseRule(raw: unknown, path: string): Rule {
  const obj = asObject(raw, path);
  const type = obj.type;
  if (type === 'threshold') {
    allowKeys(obj, path, ['type', 'min', 'max']);
    const rule: ThresholdRule = { type };
    const min = numberField(obj, 'min', path);
    const max = numberField(obj, 'max', path);
    if (min === undefined && max === undefined)
      throw new InputError(path, 'a threshold needs `min`, `max` or both');
    if (min !== undefined && max !== undefined && min > max)
      throw new InputError(path, '`min` is above `max`');
    if (min !== undefined) rule.min = min;
    if (max !== undefined) rule.max = max;
    return rule;
  }
  if (type === 'ratio') {
    allowKeys(obj, path, ['type', 'maxRatio', 'minRatio', 'allowance']);
    const maxRatio = numberField(obj, 'maxRatio', path);
    if (maxRatio === undefined || maxRatio <= 0)
      throw new InputError(`${path}.maxRatio`, 'must be a number above 0', 'e.g. maxRatio: 1.5');
    const rule: RatioRule = { type, maxRatio, allowance: numberField(obj, 'allowance', path) ?? 0 };
    const minRatio = numberField(obj, 'minRatio', path);
    if (minRatio !== undefined) rule.minRatio = minRatio;
    return rule;
  }
  if (type === 'mann-whitney') {
    allowKeys(obj, path, ['type', 'confidence', 'direction', 'tolerance', 'lookback', 'step', 'minSamples']);
    const confidence = numberField(obj, 'confidence', path) ?? 0.95;
    if (!(confidence > 0 && confidence < 1))
      throw new InputError(`${path}.confidence`, 'must lie between 0 and 1', 'e.g. confidence: 0.95');
    const direction = obj.direction ?? 'increase';
    if (direction !== 'increase' && direction !== 'decrease' && direction !== 'either')
      throw new InputError(
        `${path}.direction`,
        `unknown direction ${JSON.stringify(direction)}`,
        'use increase, decrease or either',
      );
    return {
      type,
      confidence,
      direction,
      tolerance: numberField(obj, 'tolerance', path) ?? 0.1,
      lookbackMs: durationField(obj, 'lookback', path) ?? 120_000,
      stepMs: durationField(obj, 'step', path) ?? 5_000,
      minSamples: intField(obj, 'minSamples', path, 2) ?? 8,
    };
  }
  throw new InputError(
    `${path}.type`,
    `unknown rule type ${JSON.stringify(type)}`,
    'use threshold, ratio or mann-whitney',
  );
}

function asObject(raw: unknown, path: string): Raw {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new InputError(path, 'must be a mapping');
  return raw as Raw;
}

function allowKeys(obj: Raw, path: string, allowed: string[]): void {
  for (const key of Object.keys(obj))
    if (!allowed.includes(key))
      throw new InputError(`${path}.${key}`, 'is not a known field', `known fields: ${allowed.join(', ')}`);
}

function stringField(obj: Raw, key: string, path: string): string | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new InputError(`${path}.${key}`, 'must be a string');
  return v;
}

function numberField(obj: Raw, key: string, path: string): number | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new InputError(`${path}.${key}`, 'must be a number');
  return v;
}

function intField(obj: Raw, key: string, path: string, min: number): number | undefined {
  const v = numberField(obj, key, path);
  if (v === undefined) return undefined;
  if (!Number.isInteger(v) || v < min)
    throw new InputError(`${path}.${key}`, `must be a whole number ≥ ${min}`);
  return v;
}

function boolField(obj: Raw, key: string, path: string): boolean {
  const v = obj[key];
  if (typeof v !== 'boolean') throw new InputError(`${path}.${key}`, 'must be true or false');
  return v;
}

function durationField(obj: Raw, key: string, path: string): number | undefined {
  const v = obj[key];
  return v === undefined ? undefined : parseDuration(v, `${path}.${key}`);
}
