import { checkWritableDirectory } from '../adapters/state-dir.js';
import { loadStep } from '../adapters/step-loader.js';
import { CAPTURE_OPTIONS, captureOptionsOf } from '../options/histories.js';
import { helpLines, switchOf } from '../options/table.js';
import { runTableCommand } from './command.js';
import { flagSecrets } from './secrets.js';

export const summary = 'pull histories from a namespace into histories/ (+ manifest), optionally encrypted';

const HELP = `usage: temporal-rollout capture --address HOST:PORT [options]

Lists runs by visibility query (default: open runs of each workflow type plus recently closed ones),
samples them per type and status, skips run ids the manifest already holds, and writes
<out>/<WorkflowType>/captured-<status>-<runId>.json plus <out>/manifest.json.

${helpLines(CAPTURE_OPTIONS)}
The API key comes from TEMPORAL_API_KEY.`;

export function main(argv: string[]): Promise<number> {
  return runTableCommand(argv, CAPTURE_OPTIONS, HELP, async (values) => {
    const options = captureOptionsOf(values, await flagSecrets(values, true));
    await checkWritableDirectory(options.outDir, 'out-dir');
    const { capture } = await loadStep(() => import('../steps/capture.js'));
    const result = await capture(options);
    if (switchOf(values, 'json')) console.log(JSON.stringify(result, null, 2));
    else {
      console.log(
        `capture: ${result.written.length} new histories (${result.fetched} fetched, ${result.skipped} skipped)`,
      );
      for (const e of result.written)
        console.log(`  ${e.file} (${e.status}, patches: ${e.patches.join(', ') || '—'})`);
      console.log(`manifest: ${result.manifestPath}`);
    }
    return 0;
  });
}
