import type { PrometheusAuth } from '../../adapters/prometheus.js';
import { loadRolloutConfig } from '../../adapters/rollout-file.js';
import type { CheckGroup } from '../../core/doctor/checklist.js';
import { parseDuration } from '../../core/duration.js';
import { InputError } from '../../core/errors.js';
import { parseChoice } from '../../core/inputs.js';
import type { StrategyType } from '../../core/rollout-config.js';
import { applyOverrides } from '../../core/rollout-overrides.js';
import { CHECK_GROUPS, type DoctorOptions } from './doctor.js';

/** What the CLI flags or the action inputs gave, before rollout.yaml fills the rest. */
export interface DoctorInputs {
  configPath: string;
  /** Comma-separated groups. */
  only?: string;
  /** Names an input or flag in errors: `--only` or `input "only"`. */
  subject: (name: string) => string;
  deployer?: string;
  strategy?: string;
  temporalAddress?: string;
  namespace?: string;
  tls?: { cert?: string; key?: string; ca?: string; serverName?: string };
  apiKey?: string;
  prometheusUrl?: string;
  prometheusAuth?: PrometheusAuth;
  kubeconfig?: string;
  kubeContext?: string;
  helmNamespace?: string;
  helm?: string;
  stateDir?: string;
  workflowsPath?: string;
  historiesDir?: string;
  historiesMaxAge?: string;
}

/** One of `allowed`; undefined when empty. */
function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  subject: string,
): T | undefined {
  return value === undefined || value === '' ? undefined : parseChoice(value, subject, allowed);
}

export function parseGroups(text: string | undefined, subject: string): CheckGroup[] | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const groups = text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((g) => oneOf(g, CHECK_GROUPS, subject) as CheckGroup);
  return [...new Set(groups)];
}

/** rollout.yaml plus the overrides, as the doctor takes them. Every bad input is refused before a check runs. */
export async function doctorOptions(inputs: DoctorInputs): Promise<DoctorOptions> {
  const deployer = oneOf(inputs.deployer, ['local', 'helm'] as const, inputs.subject('deployer'));
  const strategy = oneOf<StrategyType>(
    inputs.strategy,
    ['task-queue', 'worker-versioning'],
    inputs.subject('strategy'),
  );
  const config = applyOverrides(await loadRolloutConfig(inputs.configPath), {
    ...(deployer ? { deployer } : {}),
    ...(strategy ? { strategy } : {}),
  });
  const groups = parseGroups(inputs.only, inputs.subject('only'));
  const tls = inputs.tls ?? {};
  if (!tls.cert !== !tls.key)
    throw new InputError(
      `${inputs.subject('tls-cert')} / ${inputs.subject('tls-key')}`,
      'go together',
      'pass both',
    );
  const hasTls = Boolean(tls.cert || tls.ca || tls.serverName);
  const settings = config.doctor ?? {};
  const historiesMaxAgeMs = inputs.historiesMaxAge
    ? parseDuration(inputs.historiesMaxAge, inputs.subject('histories-max-age'))
    : settings.historiesMaxAgeMs;
  const apiKey = inputs.apiKey?.trim() || undefined;
  const workflowsPath = inputs.workflowsPath ?? settings.workflowsPath;
  const historiesDir = inputs.historiesDir ?? settings.historiesDir;
  return {
    config,
    temporal: {
      ...(inputs.temporalAddress ? { address: inputs.temporalAddress } : {}),
      ...(inputs.namespace ? { namespace: inputs.namespace } : {}),
      ...(hasTls ? { tls } : {}),
      ...(apiKey ? { apiKey } : {}),
    },
    ...(inputs.prometheusUrl
      ? {
          prometheus: {
            url: inputs.prometheusUrl,
            ...(inputs.prometheusAuth ? { auth: inputs.prometheusAuth } : {}),
          },
        }
      : {}),
    ...(inputs.kubeconfig
      ? {
          kubernetes: {
            kubeconfig: inputs.kubeconfig,
            ...(inputs.helmNamespace ? { namespace: inputs.helmNamespace } : {}),
            ...(inputs.kubeContext ? { kubeContext: inputs.kubeContext } : {}),
            ...(inputs.helm ? { helm: inputs.helm } : {}),
          },
        }
      : {}),
    ...(inputs.stateDir ? { stateDir: inputs.stateDir } : {}),
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
