import { parseCodecKey } from '../adapters/temporal-histories.js';
import { capture } from '../steps/capture.js';
import {
  listInput,
  numberInput,
  optionalInput,
  requiredInput,
  runAction,
  secretInput,
  setOutputs,
  writeSummary,
} from './io.js';

/**
 * Inputs: temporal-address, temporal-namespace, temporal-tls-cert / -key / -ca, temporal-tls-server-name,
 * temporal-api-key (secrets), out-dir (default histories), workflow-types (list), query, open-per-type,
 * closed-per-status, codec-key (secret: payloads stored encrypted).
 * Outputs: written (count), files (newline-separated), manifest.
 */
export async function runCaptureAction(): Promise<void> {
  await runAction(async () => {
    const cert = secretInput('temporal-tls-cert');
    const key = secretInput('temporal-tls-key');
    const ca = optionalInput('temporal-tls-ca');
    const serverName = optionalInput('temporal-tls-server-name');
    const apiKey = secretInput('temporal-api-key');
    const codecKey = secretInput('codec-key');
    const types = listInput('workflow-types');
    const result = await capture({
      live: {
        address: requiredInput('temporal-address', 'set the Temporal frontend host:port'),
        namespace: optionalInput('temporal-namespace') ?? 'default',
        ...(cert || ca || serverName ? { tls: { cert, key, ca, serverName } } : {}),
        ...(apiKey ? { apiKey } : {}),
      },
      outDir: optionalInput('out-dir') ?? 'histories',
      workflowTypes: types.length > 0 ? types : undefined,
      query: optionalInput('query'),
      openPerType: numberInput('open-per-type', 20, { min: 0 }),
      closedPerStatus: numberInput('closed-per-status', 3, { min: 0 }),
      codecKey: codecKey ? parseCodecKey(codecKey, 'input "codec-key"') : undefined,
    });
    setOutputs({
      written: result.written.length,
      files: result.written.map((e) => e.file).join('\n'),
      manifest: result.manifestPath,
    });
    await writeSummary((s) =>
      s.addHeading(`Capture: ${result.written.length} new histories`, 2).addTable([
        [
          { data: 'File', header: true },
          { data: 'Status', header: true },
          { data: 'Patches', header: true },
        ],
        ...result.written.map((e) => [e.file, e.status, e.patches.join(', ')]),
      ]),
    );
  });
}
