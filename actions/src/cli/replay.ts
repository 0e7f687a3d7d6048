import { loadStep } from '../adapters/step-loader.js';
import { renderText } from '../core/replay/render.js';
import { REPLAY_OPTIONS, replayOptionsOf } from '../options/histories.js';
import { helpLines, switchOf } from '../options/table.js';
import { runTableCommand } from './command.js';
import { flagSecrets } from './secrets.js';

export const summary = 'replay stored (and live open) histories against new workflow code';

const HELP = `usage: temporal-rollout replay --histories GLOB [--histories GLOB…] (--workflows FILE | --bundle FILE) [options]

Bundles the workflow code once with the @temporalio/worker installed in the workspace and replays every
history across --concurrency processes, each loading that SDK.
Exit codes: 0 pass; 1 the gate fails (non-determinism, a missing workflow type, a timeout, another replay
error) or a server cannot be reached; 2 bad usage or input (unknown option, missing --histories/--workflows,
a file that is not a valid history) — nothing was replayed.

${helpLines(REPLAY_OPTIONS)}
The API key for --address comes from TEMPORAL_API_KEY.`;

export function main(argv: string[]): Promise<number> {
  return runTableCommand(argv, REPLAY_OPTIONS, HELP, async (values) => {
    const options = replayOptionsOf(values, await flagSecrets(values, false));
    // The step (and the Temporal client it loads) only after every option was checked.
    const { replay } = await loadStep(() => import('../steps/replay.js'));
    const report = await replay(options);
    console.log(switchOf(values, 'json') ? JSON.stringify(report, null, 2) : renderText(report));
    return report.passed ? 0 : 1;
  });
}
