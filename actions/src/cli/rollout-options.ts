// Options the canary, promote and rollback commands share, and how their results print.
import { loadRolloutConfig } from '../adapters/rollout-file.js';
import { parseDuration } from '../core/duration.js';
import { InputError } from '../core/errors.js';
import { parseChoice, parseInteger, parseKeyValues } from '../core/inputs.js';
import type { ReplayDeploy } from '../core/replay/verdict.js';
import { describeDrain } from '../core/rollout/drain.js';
import type { DrainPolicy, StrategyType } from '../core/rollout-config.js';
import type { StepResult } from '../steps/rollout.js';
import { checkRolloutOptions } from '../steps/rollout-check.js';
import type { OpenRolloutOptions } from '../steps/rollout-open.js';
import type { Routed } from '../steps/rollout-route.js';

export const COMMON_OPTIONS = {
  config: { type: 'string', default: 'rollout.yaml' },
  deployer: { type: 'string' },
  strategy: { type: 'string' },
  'temporal-address': { type: 'string' },
  namespace: { type: 'string' },
  'state-dir': { type: 'string', default: '.rollout' },
  replicas: { type: 'string' },
  'worker-entry': { type: 'string' },
  'worker-env': { type: 'string', multiple: true },
  'versioning-behavior': { type: 'string' },
  'drain-policy': { type: 'string' },
  'drain-timeout': { type: 'string' },
  kubeconfig: { type: 'string' },
  'kube-context': { type: 'string' },
  'helm-namespace': { type: 'string' },
  helm: { type: 'string', default: 'helm' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export const COMMON_HELP = `
  --config FILE             rollout.yaml (default ./rollout.yaml)
  --deployer local|helm     overrides rollout.yaml \`deployer\`
  --strategy task-queue|worker-versioning   overrides rollout.yaml strategy.type
  --temporal-address H:P    default rollout.yaml temporal.address, then $TEMPORAL_ADDRESS
  --namespace NS            default rollout.yaml temporal.namespace
  --state-dir DIR           local state, pid files, logs, routing file (default .rollout)
  --replicas N              workers per release (default: helm, the chart's replicaCount; local, 1)
  --worker-entry FILE       local worker entry point (default worker/dist/main.js)
  --worker-env K=V          extra env for the workers (repeatable; not for secrets; Helm: worker.releaseEnv)
  --versioning-behavior PINNED|AUTO_UPGRADE   default for workflows that declare none
  --drain-policy wait|reset|terminate   overrides strategy.drain.policy
  --drain-timeout 30m       overrides strategy.drain.timeout
  --kubeconfig FILE --kube-context C --helm-namespace NS --helm BIN   (deployer helm; the same
                            kubeconfig keeps the rollout state in a ConfigMap unless helm.state is file)
  --json                    print the typed result as JSON
  Secrets come from the environment only: TEMPORAL_API_KEY.
  Exit codes: 0 done or nothing to do, 3 still draining (re-run to continue), 1 error, 2 bad usage or input.`;

type CommonValues = {
  config: string;
  deployer?: string;
  strategy?: string;
  'temporal-address'?: string;
  namespace?: string;
  'state-dir': string;
  replicas?: string;
  'worker-entry'?: string;
  'worker-env'?: string[];
  'versioning-behavior'?: string;
  'drain-policy'?: string;
  'drain-timeout'?: string;
  kubeconfig?: string;
  'kube-context'?: string;
  'helm-namespace'?: string;
  helm: string;
};

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  flag: string,
): T | undefined {
  return value === undefined ? undefined : parseChoice(value, `--${flag}`, allowed);
}

/** The replay step's `deploy` verdict as the canary takes it; undefined when not given. */
export function replayDeployOf(value: string | undefined, subject: string): ReplayDeploy | undefined {
  if (value === undefined || value === '') return undefined;
  if (value !== 'same-queue' && value !== 'new-queue') {
    throw new InputError(
      subject,
      `"${value}" is not a replay verdict`,
      "pass same-queue or new-queue (the replay step's deploy output)",
    );
  }
  return value;
}

export function positiveInt(value: string | undefined, flag: string): number | undefined {
  return value === undefined ? undefined : parseInteger(value, `--${flag}`, { min: 1 });
}

/** The shared options, every one checked (state directory included) before anything loads or connects. */
export async function rolloutOptions(values: CommonValues): Promise<OpenRolloutOptions> {
  const config = await loadRolloutConfig(values.config);
  const strategy = oneOf<StrategyType>(values.strategy, ['task-queue', 'worker-versioning'], 'strategy');
  if (strategy) config.strategy.type = strategy;
  const workerEnv = parseKeyValues(values['worker-env'] ?? [], '--worker-env');
  const policy = oneOf<DrainPolicy>(values['drain-policy'], ['wait', 'reset', 'terminate'], 'drain-policy');
  const timeoutMs = values['drain-timeout']
    ? parseDuration(values['drain-timeout'], '--drain-timeout')
    : undefined;
  const deployer = oneOf(values.deployer, ['local', 'helm'] as const, 'deployer');
  const behavior = oneOf(
    values['versioning-behavior'],
    ['PINNED', 'AUTO_UPGRADE'] as const,
    'versioning-behavior',
  );
  const apiKey = process.env.TEMPORAL_API_KEY?.trim() || undefined;
  const replicas = positiveInt(values.replicas, 'replicas');
  const options: OpenRolloutOptions = {
    config,
    stateDir: values['state-dir'],
    ...(deployer ? { deployer } : {}),
    ...(values['temporal-address'] ? { temporalAddress: values['temporal-address'] } : {}),
    ...(values.namespace ? { namespace: values.namespace } : {}),
    ...(apiKey ? { apiKey } : {}),
    ...(replicas ? { replicas } : {}),
    ...(values['worker-entry'] ? { workerEntry: values['worker-entry'] } : {}),
    ...(Object.keys(workerEnv).length > 0 ? { workerEnv } : {}),
    ...(behavior ? { versioningBehavior: behavior } : {}),
    ...(policy || timeoutMs !== undefined
      ? { drain: { ...(policy ? { policy } : {}), ...(timeoutMs !== undefined ? { timeoutMs } : {}) } }
      : {}),
    ...(values.kubeconfig
      ? {
          helm: {
            binary: values.helm,
            kubeconfig: values.kubeconfig,
            ...(values['helm-namespace'] ? { namespace: values['helm-namespace'] } : {}),
            ...(values['kube-context'] ? { kubeContext: values['kube-context'] } : {}),
          },
        }
      : {}),
    log: (line) => console.error(`  … ${line}`),
  };
  await checkRolloutOptions(options, { stateDir: '--state-dir', kubeconfig: '--kubeconfig' });
  return options;
}

/** The human summary a terminal shows. */
export function formatResult(result: StepResult): string {
  const lines = [`${result.step} (${result.strategy}): ${result.outcome} — ${result.message}`];
  lines.push(
    `  stable: ${result.stable ?? 'none'}; canary: ${result.canary ? `${result.canary.version} at ${result.canary.weight}%` : 'none'}; phase: ${result.phase}`,
  );
  if (result.queue) lines.push(`  queue: ${result.queue.orderQueue} — ${result.queue.rule}`);
  if (result.routing) {
    lines.push(`  routing: ${result.routing.routes.map((r) => `${r.taskQueue}=${r.weight}`).join(', ')}`);
  }
  if (result.versioning) {
    const ramp = result.versioning.ramping
      ? `, ramping ${result.versioning.ramping} at ${result.versioning.percent}%`
      : '';
    lines.push(`  versioning: current ${result.versioning.current ?? 'unversioned'}${ramp}`);
  }
  if (result.gate) {
    lines.push(
      `  gate: ${result.gate.completed}/${result.gate.started} completed in ${result.gate.durationMs} ms`,
    );
  }
  if (result.drain) lines.push(`  drain: ${describeDrain(result.drain)}`);
  for (const action of result.actions) lines.push(`  - ${action}`);
  return lines.join('\n');
}

export function exitCode(result: StepResult): number {
  return result.outcome === 'waiting' ? 3 : 0;
}

/** Prints a step's result, or the rollout workflow's answer when the request went to it; returns the exit code. */
export function printRouted(routed: Routed, app: string, json: boolean): number {
  if (routed.via === 'step') {
    console.log(json ? JSON.stringify(routed.result, null, 2) : formatResult(routed.result));
    return exitCode(routed.result);
  }
  const { answer } = routed;
  console.log(
    json
      ? JSON.stringify(routed, null, 2)
      : `rollout/${app} accepted: ${answer.message} (phase ${answer.phase}${answer.version ? `, ${answer.version}` : ''}); the workflow carries it out and its \`status\` Query shows how far it got`,
  );
  return 0;
}
