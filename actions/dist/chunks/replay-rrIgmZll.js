import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { l as loadStep } from './step-loader-CM5iRiBA.js';
import { r as renderText } from './render-1jlK3wJ3.js';
import { R as REPLAY_OPTIONS, r as replayOptionsOf } from './histories-Bqr9vTTz.js';
import { h as helpLines, s as switchOf } from './table-BWLE4AEh.js';
import { r as runTableCommand } from './command-B8NptNxI.js';
import { f as flagSecrets } from './secrets-Baj-NtRF.js';
import './markdown-CTU4Idmi.js';
import './verdict-D0aqHdIs.js';
import './errors-Cq3sNBNk.js';
import './history-codec-JxvfVN6M.js';
import 'node:crypto';
import './defaults-BsVYh3R2.js';
import './duration-C-1UD4yS.js';
import './capture-options-BQhg6GSs.js';
import './replay-options-DogIxxOg.js';
import './rollout-schema-BvgejjqT.js';
import './queues-BMU_gztj.js';
import './_commonjsHelpers-DR8IKnz7.js';
import 'node:util';
import 'node:fs/promises';

const summary = 'replay stored (and live open) histories against new workflow code';
const HELP = `usage: temporal-rollout replay --histories GLOB [--histories GLOB…] (--workflows FILE | --bundle FILE) [options]

Bundles the workflow code once with the @temporalio/worker installed in the workspace and replays every
history across --concurrency processes, each loading that SDK.
Exit codes: 0 pass; 1 the gate fails (non-determinism, a missing workflow type, a timeout, another replay
error) or a server cannot be reached; 2 bad usage or input (unknown option, missing --histories/--workflows,
a file that is not a valid history) — nothing was replayed.

${helpLines(REPLAY_OPTIONS)}
The API key for --address comes from TEMPORAL_API_KEY.`;
function main(argv) {
    return runTableCommand(argv, REPLAY_OPTIONS, HELP, async (values)=>{
        const options = replayOptionsOf(values, await flagSecrets(values, false));
        // The step (and the Temporal client it loads) only after every option was checked.
        const { replay } = await loadStep(()=>import('./replay-V9QJMg6A.js').then(function (n) { return n.a; }));
        const report = await replay(options);
        console.log(switchOf(values, 'json') ? JSON.stringify(report, null, 2) : renderText(report));
        return report.passed ? 0 : 1;
    });
}

export { main, summary };
