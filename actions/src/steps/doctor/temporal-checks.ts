import { type Poller, TemporalEnvironment } from '../../adapters/temporal-environment.js';
import { type CheckOutcome, fail, pass, skip, warn } from '../../core/doctor/checklist.js';
import {
  registerCommand,
  searchAttributeProblems,
  searchAttributesIn,
  type UsedSearchAttribute,
} from '../../core/doctor/search-attributes.js';
import { formatDuration } from '../../core/duration.js';
import type { ParsedHistory } from '../../core/replay/history.js';
import { type DoctorContext, once } from './context.js';
import { type Check, needing } from './run-check.js';

const NOT_CONNECTED = 'not checked: the frontend did not answer (see temporal.frontend)';

/** The Temporal checks. `histories` are the stored histories (the search attributes the workflows set). */
export function temporalChecks(
  ctx: DoctorContext,
  histories: () => Promise<ParsedHistory[]>,
  timeoutMs: number,
  onConnected: (environment: TemporalEnvironment) => void,
): Check[] {
  const source = ctx.temporal;
  const connect = once(async () => {
    if (!source) return undefined;
    // A little under the check's own limit, so the check reports the connection's error rather than a timeout.
    const environment = await TemporalEnvironment.connect(source, Math.max(1_000, timeoutMs - 1_000));
    onConnected(environment);
    return environment;
  });
  const withEnvironment = (body: (env: TemporalEnvironment) => Promise<CheckOutcome>) =>
    needing(connect, NOT_CONNECTED, body);
  const namespace = source?.namespace ?? ctx.config.temporal.namespace;
  const facts = once(async () => (await connect())?.describeNamespace());
  /** For checks inside the namespace: skipped (not failed a second time) when it does not exist. */
  const inNamespace = (body: (env: TemporalEnvironment) => Promise<CheckOutcome>) =>
    needing(
      async () => ((await facts()) ? connect() : undefined),
      `not checked: the frontend did not answer or namespace ${namespace} does not exist (see temporal.frontend, temporal.namespace)`,
      body,
    );

  return [
    {
      id: 'temporal.frontend',
      group: 'temporal',
      title: 'the frontend answers with the configured TLS / API key',
      async run() {
        if (!source)
          return fail(
            'no Temporal address is configured',
            `set temporal.address in rollout.yaml, or ${ctx.optionName('temporal-address')}`,
          );
        const auth = [
          source.tls?.cert ? 'mTLS client certificate' : source.tls ? 'TLS' : '',
          source.apiKey ? 'API key' : '',
        ]
          .filter(Boolean)
          .join(' + ');
        try {
          await connect();
        } catch (err) {
          return fail(
            `${source.address} (${auth || 'plain'}): ${(err as Error).message}`,
            'check the address, that the frontend is up and reachable from here, and the TLS certificate / API key it expects',
          );
        }
        return pass(`${source.address} answered (${auth || 'no TLS, no API key'})`);
      },
    },
    {
      id: 'temporal.namespace',
      group: 'temporal',
      title: 'the namespace exists and its retention is set',
      run: withEnvironment(async () => {
        const found = await facts();
        if (!found)
          return fail(
            `namespace ${namespace} does not exist`,
            `create it: temporal operator namespace create --namespace ${namespace} --retention 72h`,
          );
        if (found.state !== 'REGISTERED')
          return fail(`namespace ${namespace} is ${found.state}`, 'use a registered namespace');
        if (found.retentionMs <= 0)
          return fail(
            `namespace ${namespace} has no workflow retention`,
            `set one: temporal operator namespace update --namespace ${namespace} --retention 72h`,
          );
        return pass(`namespace ${namespace} is registered, retention ${formatDuration(found.retentionMs)}`);
      }),
    },
    {
      id: 'temporal.search-attributes',
      group: 'temporal',
      title: 'the search attributes the workflows use are registered with the right types',
      run: inNamespace(async (env) => {
        const used: UsedSearchAttribute[] = [
          ...ctx.searchAttributes,
          ...(await histories()).flatMap((h) => searchAttributesIn(h.history, h.source)),
        ];
        if (used.length === 0)
          return warn(
            'no search attribute found in the stored histories or rollout.yaml doctor.searchAttributes',
            'list the ones your workflows set in doctor.searchAttributes (name: type), or capture fresh histories',
          );
        const problems = searchAttributeProblems(used, await env.searchAttributes());
        const names = [...new Set(used.map((u) => `${u.name} (${u.type})`))];
        if (problems.length === 0) return pass(`${names.join(', ')} registered in ${namespace}`);
        const missing = problems.filter((p) => p.registered === undefined);
        const wrong = problems.filter((p) => p.registered !== undefined);
        const seen = [
          ...missing.map((p) => `${p.name} (${p.expected}, used in ${p.seenIn}) is not registered`),
          ...wrong.map(
            (p) => `${p.name} is ${p.registered}, the workflows write ${p.expected} (${p.seenIn})`,
          ),
        ].join('; ');
        const fixes = [
          missing.length > 0 ? registerCommand(namespace, missing) : '',
          wrong.length > 0
            ? 'a search attribute cannot change type: give the workflows a new name for it, or remove and re-create it'
            : '',
        ].filter(Boolean);
        return fail(seen, fixes.join('; '));
      }),
    },
    {
      id: 'temporal.worker-versioning',
      group: 'temporal',
      title: 'worker versioning is available when the strategy needs it',
      run: inNamespace(async (env) => {
        if (ctx.config.strategy.type !== 'worker-versioning')
          return skip('strategy is task-queue: worker versioning is not used');
        const support = await env.workerVersioning();
        if (support.available)
          return pass(`${namespace} serves Worker Deployments (${ctx.config.strategy.deploymentName})`);
        return fail(
          `${namespace} does not serve Worker Deployments: ${support.reason}`,
          'enable worker versioning on the server (dynamic config system.enableDeploymentVersions, Temporal ≥ 1.27) or use strategy.type: task-queue',
        );
      }),
    },
    {
      id: 'temporal.pollers',
      group: 'temporal',
      title: "the stable release's queues (order and payment) have pollers",
      run: inNamespace(async (env) => {
        const state = await ctx.rolloutState();
        const stable = state?.stable;
        if (!stable)
          return warn(
            `no stable release is recorded in ${ctx.state.where}`,
            'nothing to check until the first release is installed (the canary step on a fresh rollout)',
          );
        const queues: [string, 'workflow' | 'activity'][] = [
          [stable.orderQueue, 'workflow'],
          [stable.orderQueue, 'activity'],
        ];
        if (ctx.config.taskQueues.payment) queues.push([stable.paymentQueue, 'activity']);
        const found = await Promise.all(
          queues.map(async ([queue, kind]) => ({ queue, kind, pollers: await env.pollers(queue, kind) })),
        );
        const describe = (q: { queue: string; kind: string; pollers: Poller[] }) =>
          `${q.queue} (${q.kind}): ${q.pollers.length} poller(s)`;
        const empty = found.filter((q) => q.pollers.length === 0);
        if (empty.length > 0)
          return fail(
            `stable ${stable.version}: ${found.map(describe).join(', ')}`,
            `no worker polls ${empty.map((q) => `${q.queue} (${q.kind})`).join(', ')}: check that the stable workers run, connect to ${namespace} and poll those queues`,
          );
        return pass(`stable ${stable.version}: ${found.map(describe).join(', ')}`);
      }),
    },
  ];
}
