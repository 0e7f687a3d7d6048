// The doctor's options, and what they become: rollout.yaml with the overrides, and where each check looks.
import { loadRolloutConfig } from '../adapters/rollout-file.js';
import { DEFAULTS } from '../core/defaults.js';
import type { CheckGroup } from '../core/doctor/checklist.js';
import { InputError } from '../core/errors.js';
import { parseChoice } from '../core/inputs.js';
import type { StrategyType } from '../core/rollout-config.js';
import { applyOverrides } from '../core/rollout-overrides.js';
import { CHECK_GROUPS, type DoctorOptions } from '../steps/doctor/doctor.js';
import { type Secrets, TEMPORAL_TLS_OPTIONS } from './histories.js';
import { PROMETHEUS_AUTH_OPTIONS, prometheusOf, prometheusUrlOption } from './prometheus.js';
import { ROLLOUT_OPTIONS } from './rollout.js';
import {
  durationOf,
  type OptionSpec,
  type OptionTable,
  type OptionValues,
  outputFlags,
  textOf,
} from './table.js';

/** A shared rollout option, as the doctor takes it too. */
function rolloutOption(field: string, own: Partial<OptionSpec> = {}): OptionSpec {
  const spec = ROLLOUT_OPTIONS.find((s) => s.field === field);
  if (!spec) throw new Error(`no rollout option ${field}`);
  return { ...spec, ...own };
}

export const DOCTOR_OPTIONS: OptionTable = [
  {
    field: 'config',
    description: 'rollout.yaml.',
    arg: 'FILE',
    help: 'rollout.yaml (default ./rollout.yaml)',
    default: DEFAULTS.configFile,
  },
  {
    field: 'only',
    description: 'Check groups, comma-separated: temporal, prometheus, kubernetes, repository (default all).',
    arg: 'GROUPS',
    help: `comma-separated: ${CHECK_GROUPS.join(', ')} (default all)`,
  },
  rolloutOption('deployer'),
  rolloutOption('strategy'),
  {
    field: 'temporal-address',
    env: 'TEMPORAL_ADDRESS',
    description: 'host:port of the Temporal frontend; default rollout.yaml temporal.address.',
    arg: 'H:P',
    help: 'default rollout.yaml temporal.address, then $TEMPORAL_ADDRESS',
  },
  rolloutOption('namespace'),
  ...TEMPORAL_TLS_OPTIONS,
  prometheusUrlOption('Prometheus base URL (masked: it may carry credentials).', 'default $PROMETHEUS_URL'),
  ...PROMETHEUS_AUTH_OPTIONS,
  rolloutOption('kubeconfig'),
  rolloutOption('kube-context'),
  rolloutOption('helm-namespace'),
  rolloutOption('helm'),
  rolloutOption('state-dir', {
    help: `the rollout state file of the local deployer (default ${DEFAULTS.stateDir})`,
  }),
  {
    field: 'workspace',
    description:
      'The repository directory: histories-dir, the chart and workflows-path are relative to it, and @temporalio/worker is loaded from it (run npm ci first).',
    arg: 'DIR',
    help: 'the repository: --histories-dir, the chart and --workflows are relative to it, and @temporalio/worker is loaded from it (default .)',
    default: '.',
  },
  {
    field: 'workflows',
    input: 'workflows-path',
    description:
      'The module that exports your workflows (bundled once). Default: rollout.yaml doctor.workflowsPath; none: no replay check.',
    arg: 'FILE',
    help: 'the workflows module replayed against histories (default doctor.workflowsPath)',
  },
  {
    field: 'histories-dir',
    description:
      'The stored histories and their manifest; default rollout.yaml doctor.historiesDir, then histories.',
    arg: 'DIR',
    help: 'default doctor.historiesDir, then histories',
  },
  {
    field: 'histories-max-age',
    description:
      'The newest captured history may be at most this old, e.g. 720h; default rollout.yaml doctor.historiesMaxAge, then 720h.',
    arg: 'D',
    help: 'default doctor.historiesMaxAge, then 720h',
  },
  { field: 'timeout', input: false, arg: 'D', help: 'per check (default 15s; replay has 5m)' },
  {
    field: 'report-path',
    flag: false,
    description: 'Where the JSON report is written.',
    default: 'doctor-report.json',
  },
  { field: 'summary', input: false, arg: 'FILE', help: 'also write the markdown checklist' },
  {
    field: 'fail-on-warning',
    flag: false,
    description: 'Fail the step on warnings too (a failed check always fails it).',
    default: 'false',
  },
  ...outputFlags('print the report as JSON'),
];

/** One of `allowed`; undefined when empty. */
function oneOf<T extends string>(values: OptionValues, field: string, allowed: readonly T[]): T | undefined {
  const text = textOf(values, field);
  return text === undefined ? undefined : parseChoice(text, field, allowed);
}

export function parseGroups(text: string | undefined, subject: string): CheckGroup[] | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const groups = text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((g) => parseChoice(g, subject, CHECK_GROUPS) as CheckGroup);
  return [...new Set(groups)];
}

/** rollout.yaml plus the overrides, as the doctor takes them. Every bad option is refused before a check runs. */
export async function doctorOptionsOf(values: OptionValues, secrets: Secrets): Promise<DoctorOptions> {
  const deployer = oneOf(values, 'deployer', ['local', 'helm'] as const);
  const strategy = oneOf<StrategyType>(values, 'strategy', ['task-queue', 'worker-versioning']);
  const config = applyOverrides(await loadRolloutConfig(textOf(values, 'config') ?? DEFAULTS.configFile), {
    ...(deployer ? { deployer } : {}),
    ...(strategy ? { strategy } : {}),
  });
  const groups = parseGroups(textOf(values, 'only'), 'only');
  const { cert, key, ca } = secrets.tls;
  const serverName = textOf(values, 'tls-server-name');
  if (!cert !== !key) throw new InputError('⟨tls-cert⟩ / ⟨tls-key⟩', 'go together', 'pass both');
  const timeoutMs = durationOf(values, 'timeout');
  if (timeoutMs !== undefined && timeoutMs <= 0) throw new InputError('timeout', 'must be above 0');
  const settings = config.doctor ?? {};
  const historiesMaxAgeMs = durationOf(values, 'histories-max-age') ?? settings.historiesMaxAgeMs;
  const prometheus = prometheusOf(values);
  const address = textOf(values, 'temporal-address');
  const namespace = textOf(values, 'namespace');
  const kubeconfig = textOf(values, 'kubeconfig');
  const helmNamespace = textOf(values, 'helm-namespace');
  const kubeContext = textOf(values, 'kube-context');
  const helm = textOf(values, 'helm');
  const stateDir = textOf(values, 'state-dir');
  const workflowsPath = textOf(values, 'workflows') ?? settings.workflowsPath;
  const historiesDir = textOf(values, 'histories-dir') ?? settings.historiesDir;
  return {
    config,
    root: textOf(values, 'workspace') ?? '.',
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    temporal: {
      ...(address ? { address } : {}),
      ...(namespace ? { namespace } : {}),
      ...(cert || ca || serverName ? { tls: { cert, key, ca, serverName } } : {}),
      ...(secrets.apiKey ? { apiKey: secrets.apiKey } : {}),
    },
    ...(prometheus ? { prometheus } : {}),
    ...(kubeconfig
      ? {
          kubernetes: {
            kubeconfig,
            ...(helmNamespace ? { namespace: helmNamespace } : {}),
            ...(kubeContext ? { kubeContext } : {}),
            ...(helm ? { helm } : {}),
          },
        }
      : {}),
    ...(stateDir ? { stateDir } : {}),
    ...(workflowsPath ? { workflowsPath } : {}),
    ...(historiesDir ? { historiesDir } : {}),
    ...(historiesMaxAgeMs !== undefined ? { historiesMaxAgeMs } : {}),
    ...(settings.metricsMaxAgeMs !== undefined ? { metricsMaxAgeMs: settings.metricsMaxAgeMs } : {}),
    ...(settings.searchAttributes
      ? {
          searchAttributes: settings.searchAttributes.map((a) => ({
            ...a,
            seenIn: `${config.file} doctor.searchAttributes`,
          })),
        }
      : {}),
    ...(settings.alerts ? { alerts: settings.alerts } : {}),
    ...(groups ? { groups } : {}),
  };
}
