import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { c as checkWritableDirectory } from './state-dir-Cs_87Ymx.js';
import { l as loadStep } from './step-loader-CM5iRiBA.js';
import { C as CAPTURE_OPTIONS, c as captureOptionsOf } from './histories-Bqr9vTTz.js';
import { h as helpLines, s as switchOf } from './table-BWLE4AEh.js';
import { r as runTableCommand } from './command-B8NptNxI.js';
import { f as flagSecrets } from './secrets-Baj-NtRF.js';
import 'node:fs';
import 'node:fs/promises';
import 'node:path';
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

const summary = 'pull histories from a namespace into histories/ (+ manifest), optionally encrypted';
const HELP = `usage: temporal-rollout capture --address HOST:PORT [options]

Lists runs by visibility query (default: open runs of each workflow type plus recently closed ones),
samples them per type and status, skips run ids the manifest already holds, and writes
<out>/<WorkflowType>/captured-<status>-<runId>.json plus <out>/manifest.json.

${helpLines(CAPTURE_OPTIONS)}
The API key comes from TEMPORAL_API_KEY.`;
function main(argv) {
    return runTableCommand(argv, CAPTURE_OPTIONS, HELP, async (values)=>{
        const options = captureOptionsOf(values, await flagSecrets(values, true));
        await checkWritableDirectory(options.outDir, 'out-dir');
        const { capture } = await loadStep(()=>import('./capture-5bW1pbI6.js'));
        const result = await capture(options);
        if (switchOf(values, 'json')) console.log(JSON.stringify(result, null, 2));
        else {
            console.log(`capture: ${result.written.length} new histories (${result.fetched} fetched, ${result.skipped} skipped)`);
            for (const e of result.written)console.log(`  ${e.file} (${e.status}, patches: ${e.patches.join(', ') || '—'})`);
            console.log(`manifest: ${result.manifestPath}`);
        }
        return 0;
    });
}

export { main, summary };
