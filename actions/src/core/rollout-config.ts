import { Ajv, type ErrorObject } from 'ajv';
import { parseDocument } from 'yaml';
import { type AnalysisSpec, parseAnalysisSpec } from './analysis/spec.js';
import { DEFAULTS } from './defaults.js';
import type { SearchAttributeTypeName } from './doctor/search-attributes.js';
import { parseDuration } from './duration.js';
import { InputError } from './errors.js';
import { rolloutSchema } from './rollout-schema.js';

export type StrategyType = 'task-queue' | 'worker-versioning';
export type DrainPolicy = 'wait' | 'reset' | 'terminate';

export interface QueueSpec {
  base: string;
  /** e.g. `{base}-v{major}` */
  template: string;
}

export interface RampStep {
  /** Percent of new work that reaches the canary, 1..100. */
  weight: number;
  pauseMs: number;
}

export interface RolloutConfig {
  /** Where the config came from, for error messages. */
  file: string;
  app: string;
  image: string;
  chart: string;
  deployer: 'local' | 'helm';
  temporal: { address?: string; namespace: string };
  taskQueues: { order: QueueSpec; payment?: QueueSpec };
  strategy: {
    type: StrategyType;
    deploymentName: string;
    steps: RampStep[];
    drain: { policy: DrainPolicy; timeoutMs: number };
  };
  helm: {
    release: string;
    namespace?: string;
    timeoutMs: number;
    valuesFiles: string[];
    /**
     * Where Helm keeps its release records (HELM_DRIVER). `configmap` (the default) lets the deploy Role go
     * without any access to Secrets; `secret` is Helm's own default (see the chart README for the trade-off).
     */
    driver: 'configmap' | 'secret';
    /** Where the rollout state lives under the Helm deployer. */
    state: 'configmap' | 'file';
    stateConfigMap: string;
  };
  /** The `analysis:` section, parsed and defaulted (the built-in checks when the file has none). */
  analysis: AnalysisSpec;
  /** The `doctor:` section; absent when the file has none (the doctor's defaults apply). */
  doctor?: DoctorSettings;
}

export interface DoctorSettings {
  historiesDir?: string;
  historiesMaxAgeMs?: number;
  workflowsPath?: string;
  metricsMaxAgeMs?: number;
  searchAttributes?: { name: string; type: SearchAttributeTypeName }[];
  alerts?: string[];
}

export const DEFAULT_QUEUE_TEMPLATE: string = DEFAULTS.queueTemplate;
export const DEFAULT_STEPS: readonly RampStep[] = [
  { weight: 10, pauseMs: 60_000 },
  { weight: 50, pauseMs: 60_000 },
  { weight: 100, pauseMs: 0 },
];

// Typed loosely on purpose: ajv has checked the shape against rolloutSchema before this is read.
interface RawConfig {
  app: string;
  image: string;
  chart?: string;
  deployer?: 'local' | 'helm';
  temporal?: { address?: string; namespace?: string };
  taskQueues: { order: { base: string; template?: string }; payment?: { base: string; template?: string } };
  strategy?: {
    type?: StrategyType;
    deploymentName?: string;
    steps?: { weight: number; pause?: string | number }[];
    drain?: { policy?: DrainPolicy; timeout?: string | number };
  };
  helm?: {
    release?: string;
    namespace?: string;
    timeout?: string | number;
    valuesFiles?: string[];
    driver?: 'configmap' | 'secret';
    state?: 'configmap' | 'file';
    stateConfigMap?: string;
  };
  analysis?: Record<string, unknown>;
  doctor?: {
    historiesDir?: string;
    historiesMaxAge?: string | number;
    workflowsPath?: string;
    metricsMaxAge?: string | number;
    searchAttributes?: Record<string, SearchAttributeTypeName>;
    alerts?: string[];
  };
}

function doctorSettings(raw: NonNullable<RawConfig['doctor']>, file: string): DoctorSettings {
  return {
    ...(raw.historiesDir ? { historiesDir: raw.historiesDir } : {}),
    ...(raw.historiesMaxAge !== undefined
      ? { historiesMaxAgeMs: parseDuration(raw.historiesMaxAge, `${file}: doctor.historiesMaxAge`, 's') }
      : {}),
    ...(raw.workflowsPath ? { workflowsPath: raw.workflowsPath } : {}),
    ...(raw.metricsMaxAge !== undefined
      ? { metricsMaxAgeMs: parseDuration(raw.metricsMaxAge, `${file}: doctor.metricsMaxAge`, 's') }
      : {}),
    ...(raw.searchAttributes
      ? { searchAttributes: Object.entries(raw.searchAttributes).map(([name, type]) => ({ name, type })) }
      : {}),
    ...(raw.alerts ? { alerts: raw.alerts } : {}),
  };
}

const validate = new Ajv({ allErrors: true, strict: false }).compile<RawConfig>(rolloutSchema);

function fieldPath(error: ErrorObject): string {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('');
  const missing = error.keyword === 'required' ? `.${String(error.params.missingProperty)}` : '';
  const extra = error.keyword === 'additionalProperties' ? `.${String(error.params.additionalProperty)}` : '';
  return (path + missing + extra).replace(/^\./, '') || '(top level)';
}

function describe(error: ErrorObject): string {
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a known setting';
    case 'enum':
      return `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return error.message ?? 'is invalid';
  }
}

/** A YAML file's content, as rollout.yaml and an analysis-only file are read. */
export function readYaml(text: string, file: string): unknown {
  const document = parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0) {
    throw new InputError(file, `is not valid YAML: ${document.errors[0]?.message}`, 'fix the YAML syntax');
  }
  return document.toJS() ?? {};
}

/**
 * The `analysis:` section of a YAML file that may hold nothing else (the analyze step takes one), as written:
 * undefined when there is none.
 */
export function analysisSectionOf(text: string, file: string): Record<string, unknown> | undefined {
  const doc = readYaml(text, file);
  const section =
    typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>).analysis : undefined;
  if (section === undefined || section === null) return undefined;
  if (typeof section !== 'object' || Array.isArray(section))
    throw new InputError(`${file}: analysis`, 'must be a mapping');
  return section as Record<string, unknown>;
}

/**
 * Parses and validates rollout.yaml. Every problem is reported at once, each with its field path, so a user
 * fixes the file in one go.
 */
export function parseRolloutConfig(text: string, file: string): RolloutConfig {
  const raw: unknown = readYaml(text, file);
  if (!validate(raw)) {
    // anyOf failures repeat each branch's error; one line per field is enough.
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const error of validate.errors ?? []) {
      const field = fieldPath(error);
      if (seen.has(field)) continue;
      seen.add(field);
      problems.push(`${field} ${describe(error)}`);
    }
    throw new InputError(file, problems.join('; '), 'see the rollout.yaml reference in README.md');
  }
  const steps = (raw.strategy?.steps ?? null)?.map((step, i) => ({
    weight: step.weight,
    pauseMs:
      step.pause === undefined ? 0 : parseDuration(step.pause, `${file}: strategy.steps[${i}].pause`, 's'),
  })) ?? [...DEFAULT_STEPS];
  steps.forEach((step, i) => {
    const previous = steps[i - 1];
    if (previous && step.weight <= previous.weight) {
      throw new InputError(
        `${file}: strategy.steps[${i}].weight`,
        `${step.weight} is not above the step before it (${previous.weight})`,
        'list ramp weights in increasing order',
      );
    }
  });
  if (steps.at(-1)?.weight !== 100) {
    throw new InputError(
      `${file}: strategy.steps`,
      `the last step ramps to ${steps.at(-1)?.weight}%, so promotion would never send all new work to the canary`,
      'end the steps with { weight: 100 }',
    );
  }
  // Parsed now so a bad analysis section fails the first step that reads the file, not the analyze step.
  const analysis = parseAnalysisSpec(raw.analysis, `${file}: analysis`);
  const queue = (spec: { base: string; template?: string }): QueueSpec => ({
    base: spec.base,
    template: spec.template ?? DEFAULT_QUEUE_TEMPLATE,
  });
  return {
    file,
    app: raw.app,
    image: raw.image,
    chart: raw.chart ?? DEFAULTS.chart,
    deployer: raw.deployer ?? 'local',
    temporal: { address: raw.temporal?.address, namespace: raw.temporal?.namespace ?? DEFAULTS.namespace },
    taskQueues: {
      order: queue(raw.taskQueues.order),
      payment: raw.taskQueues.payment ? queue(raw.taskQueues.payment) : undefined,
    },
    strategy: {
      type: raw.strategy?.type ?? 'task-queue',
      deploymentName: raw.strategy?.deploymentName ?? raw.app,
      steps,
      drain: {
        policy: raw.strategy?.drain?.policy ?? 'wait',
        timeoutMs: parseDuration(
          raw.strategy?.drain?.timeout ?? '30m',
          `${file}: strategy.drain.timeout`,
          's',
        ),
      },
    },
    helm: {
      release: raw.helm?.release ?? raw.app,
      namespace: raw.helm?.namespace,
      timeoutMs: parseDuration(raw.helm?.timeout ?? '5m', `${file}: helm.timeout`, 's'),
      valuesFiles: raw.helm?.valuesFiles ?? [],
      driver: raw.helm?.driver ?? 'configmap',
      state: raw.helm?.state ?? 'configmap',
      stateConfigMap: raw.helm?.stateConfigMap ?? `${raw.helm?.release ?? raw.app}-rollout-state`,
    },
    analysis,
    ...(raw.doctor ? { doctor: doctorSettings(raw.doctor, file) } : {}),
  };
}
