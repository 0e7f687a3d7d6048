import { parseArgs } from 'node:util';
import { loadStep, runRolloutStep } from '../adapters/step-loader.js';
import { parseReleaseVersion } from '../core/inputs.js';
import { COMMON_HELP, COMMON_OPTIONS, printRouted, rolloutOptions } from './rollout-options.js';

export const summary = 'stop and drain the canary, or restore an earlier stable version (--to)';

const HELP = `usage: temporal-rollout rollback [--to V] [--reason TEXT] [options]
  (no --to)                 automatic rollback: no new work to the canary, drain it per policy, remove it
  --to V                    manual rollback: make once-stable version V stable again (drains the current one)
  --reason TEXT             recorded in the state and on terminated runs
  While the rollout workflow rollout/<app> runs, this is its \`rollback\` Update (answered at once: accepted,
  or refused with the reason); with none running, the rollback runs here.${COMMON_HELP}`;

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ...COMMON_OPTIONS, to: { type: 'string' }, reason: { type: 'string' } },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const to = values.to === undefined ? undefined : parseReleaseVersion(values.to, '--to');
  const options = await rolloutOptions(values);
  const { routeRollback } = await loadStep(() => import('../steps/rollout-route.js'));
  const routed = await runRolloutStep(options, (ctx) =>
    routeRollback(ctx, options.config, {
      requestedBy: 'cli',
      ...(to ? { to } : {}),
      ...(values.reason ? { reason: values.reason } : {}),
      ...(options.drain?.policy ? { drainPolicy: options.drain.policy } : {}),
    }),
  );
  return printRouted(routed, options.config.app, values.json);
}
