import type { RolloutStatus } from '../controller/api.js';
import { readStatus } from '../controller/client.js';
import { describeComparison } from '../core/analysis/sides.js';
import { canaryText, routingRows } from '../options/render.js';
import { switchOf } from '../options/table.js';
import { runTableCommand } from './command.js';
import { openController } from './controller-options.js';
import { rolloutHelp, rolloutOptions, rolloutTable } from './rollout-options.js';

export const summary = "print the app's rollout: phase, step, weights, analyses, drain, history";

const HELP = rolloutHelp(`usage: temporal-rollout status [options]
Reads the \`status\` Query of rollout/<app> (app from --config). Exit code 0, or 4 when the app never had one.`);

export function formatStatus(status: RolloutStatus): string {
  const lines = [
    `${status.workflowId}: ${status.phase}${status.release ? ` — release ${status.release.version}` : ''}${status.step ? ` at step ${status.step.index}/${status.step.of} (${status.step.weight}%)` : ''}`,
    `  stable: ${status.stable ?? 'none'}; canary: ${canaryText(status.canary)}`,
    ...routingRows(status).map(([what, value]) => `  ${what}: ${value}`),
  ];
  const queue = status.release?.queue;
  if (queue) lines.push(`  task queue: ${queue.orderQueue}, ${queue.paymentQueue} — ${queue.rule}`);
  if (status.hold) lines.push(`  holds since ${status.hold.since}: ${status.hold.reasons.join('; ')}`);
  if (status.drain) {
    const d = status.drain;
    lines.push(
      `  draining (${d.kind}, ${d.policy}): ${d.openRuns ?? '?'} open run(s) on ${d.label ?? d.leaving} since ${d.since}`,
    );
  }
  if (status.queued) lines.push(`  queued: release ${status.queued.version}`);
  for (const a of status.analyses.slice(-4)) {
    lines.push(
      `  analysis ${a.version} @${a.weight}%: ${a.verdict ?? 'running'} (${a.ticks}/${a.count}) ${a.reasons.join('; ')}`,
      `    ${describeComparison(a.selectors)}`,
    );
  }
  for (const o of status.outcomes.slice(-4))
    lines.push(`  ${o.operation} ${o.version}: ${o.result} — ${o.reasons.join('; ')}`);
  for (const e of status.history.slice(-10)) {
    lines.push(`  ${e.at} ${e.event}${e.version ? ` ${e.version}` : ''}: ${e.detail}`);
  }
  lines.push(
    `  history: ${status.historyLength} events in this run, ${status.continuedAsNew} earlier run(s)`,
  );
  return lines.join('\n');
}

export function main(argv: string[]): Promise<number> {
  return runTableCommand(argv, rolloutTable(), HELP, async (values) => {
    const options = await rolloutOptions(values);
    const session = await openController(options, {});
    try {
      const status = await readStatus(session.client, options.config.app);
      if (!status) {
        console.error(`no rollout of ${options.config.app} has run in ${session.namespace}`);
        return 4;
      }
      console.log(switchOf(values, 'json') ? JSON.stringify(status, null, 2) : formatStatus(status));
      return 0;
    } finally {
      await session.close();
    }
  });
}
