import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import type { StateStore } from '../../adapters/deployer.js';
import { kubernetesApi } from '../../adapters/kubernetes-api.js';
import type { PrometheusAuth } from '../../adapters/prometheus.js';
import { ConfigMapStateStore } from '../../adapters/state-configmap.js';
import { FileStateStore } from '../../adapters/state-file.js';
import type { TemporalEnvironment } from '../../adapters/temporal-environment.js';
import type { LiveSource } from '../../adapters/temporal-histories.js';
import { DEFAULTS } from '../../core/defaults.js';
import {
  type CheckGroup,
  type CheckResult,
  countStatuses,
  type DoctorReport,
  overall,
} from '../../core/doctor/checklist.js';
import type { UsedSearchAttribute } from '../../core/doctor/search-attributes.js';
import { type ParsedHistory, parseHistoryText } from '../../core/replay/history.js';
import type { RolloutConfig } from '../../core/rollout-config.js';
import { type DoctorContext, once } from './context.js';
import { kubernetesChecks } from './kubernetes-checks.js';
import { prometheusChecks } from './prometheus-checks.js';
import { repositoryChecks } from './repository-checks.js';
import { type Check, runCheck } from './run-check.js';
import { temporalChecks } from './temporal-checks.js';

export const CHECK_GROUPS: readonly CheckGroup[] = ['temporal', 'prometheus', 'kubernetes', 'repository'];

export interface DoctorOptions {
  config: RolloutConfig;
  /** Where histories/, the chart and the workflows module are found. Default: the current directory. */
  root?: string;
  /** host:port etc.; the address defaults to rollout.yaml temporal.address. */
  temporal?: Partial<LiveSource>;
  prometheus?: { url: string; auth?: PrometheusAuth };
  kubernetes?: {
    kubeconfig: string;
    namespace?: string;
    kubeContext?: string;
    helm?: string;
  };
  /** The state directory of the local deployer (and of Helm with helm.state: file), as the steps use it. Default `.rollout`. */
  stateDir?: string;
  workflowsPath?: string;
  historiesDir?: string;
  historiesMaxAgeMs?: number;
  metricsMaxAgeMs?: number;
  searchAttributes?: UsedSearchAttribute[];
  alerts?: string[];
  /** Only these groups; default all. */
  groups?: readonly CheckGroup[];
  /** Per check (the replay check has its own, longer limit). Default 15 s. */
  timeoutMs?: number;
  now?: () => Date;
  /** How the front end names an option in a fix (`input "kubeconfig"`, `--kubeconfig`); default the bare field. */
  optionName?: (field: string) => string;
}

export const DEFAULT_HISTORIES_MAX_AGE_MS = 30 * 86_400_000;
export const DEFAULT_METRICS_MAX_AGE_MS = 120_000;
export const DEFAULT_CHECK_TIMEOUT_MS = 15_000;

function stateStore(options: DoctorOptions, namespace: string): StateStore {
  const { config, kubernetes } = options;
  if (config.deployer === 'helm' && config.helm.state === 'configmap' && kubernetes) {
    const api = kubernetesApi({
      kubeconfig: kubernetes.kubeconfig,
      namespace,
      ...(kubernetes.kubeContext ? { kubeContext: kubernetes.kubeContext } : {}),
    });
    return new ConfigMapStateStore(api, config.helm.stateConfigMap);
  }
  return new FileStateStore(join(resolve(options.stateDir ?? DEFAULTS.stateDir), 'state.json'));
}

function context(options: DoctorOptions): DoctorContext {
  const { config } = options;
  const root = resolve(options.root ?? '.');
  const address = options.temporal?.address ?? config.temporal.address;
  const namespace = options.kubernetes?.namespace ?? config.helm.namespace ?? DEFAULTS.kubernetesNamespace;
  const state = stateStore(options, namespace);
  return {
    config,
    root,
    ...(address
      ? {
          temporal: {
            ...options.temporal,
            address,
            namespace: options.temporal?.namespace ?? config.temporal.namespace,
          },
        }
      : {}),
    ...(options.prometheus ? { prometheus: options.prometheus } : {}),
    ...(options.kubernetes
      ? {
          kubernetes: {
            kubeconfig: options.kubernetes.kubeconfig,
            namespace,
            helm: options.kubernetes.helm ?? 'helm',
            ...(options.kubernetes.kubeContext ? { kubeContext: options.kubernetes.kubeContext } : {}),
          },
        }
      : {}),
    state,
    historiesDir: options.historiesDir ?? 'histories',
    historiesMaxAgeMs: options.historiesMaxAgeMs ?? DEFAULT_HISTORIES_MAX_AGE_MS,
    metricsMaxAgeMs: options.metricsMaxAgeMs ?? DEFAULT_METRICS_MAX_AGE_MS,
    ...(options.workflowsPath ? { workflowsPath: options.workflowsPath } : {}),
    searchAttributes: options.searchAttributes ?? [],
    ...(options.alerts ? { alerts: options.alerts } : {}),
    now: options.now ?? (() => new Date()),
    optionName: options.optionName ?? ((field) => field),
    rolloutState: once(() => state.load()),
  };
}

/** The stored history files (not the manifest), parsed; unreadable ones are left to the replay check. */
async function storedHistories(ctx: DoctorContext): Promise<ParsedHistory[]> {
  const files = await glob('*/*.json', { cwd: resolve(ctx.root, ctx.historiesDir), absolute: true });
  const parsed: ParsedHistory[] = [];
  for (const file of files.sort()) {
    try {
      parsed.push(parseHistoryText(await readFile(file, 'utf8'), file.slice(ctx.root.length + 1)));
    } catch {
      // A malformed file fails repository.replay with its name; here it only adds no search attribute.
    }
  }
  return parsed;
}

/**
 * Checks the real environment a rollout runs in against rollout.yaml: Temporal, Prometheus, Kubernetes/Helm and
 * the repository. Groups run side by side, the checks of a group one after another, each bounded in time.
 */
export async function doctor(options: DoctorOptions): Promise<DoctorReport> {
  const started = Date.now();
  const ctx = context(options);
  const timeoutMs = options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const connections: TemporalEnvironment[] = [];
  let finished = false;
  // A connection that completes after its check timed out (and the doctor finished) is closed at once.
  const keep = (env: TemporalEnvironment) =>
    finished ? void env.close().catch(() => undefined) : connections.push(env);
  const histories = once(() => storedHistories(ctx));
  const groups: Record<CheckGroup, () => Check[]> = {
    temporal: () => temporalChecks(ctx, histories, timeoutMs, keep),
    prometheus: () => prometheusChecks(ctx, timeoutMs),
    kubernetes: () => kubernetesChecks(ctx, timeoutMs),
    repository: () => repositoryChecks(ctx),
  };
  const chosen = CHECK_GROUPS.filter((g) => !options.groups || options.groups.includes(g));
  try {
    const results = await Promise.all(
      chosen.map(async (group) => {
        const done: CheckResult[] = [];
        for (const check of groups[group]()) done.push(await runCheck(check, timeoutMs));
        return done;
      }),
    );
    const checks = results.flat();
    return {
      status: overall(checks),
      counts: countStatuses(checks),
      checks,
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
    };
  } finally {
    finished = true;
    await Promise.all(connections.map((c) => c.close().catch(() => undefined)));
  }
}
