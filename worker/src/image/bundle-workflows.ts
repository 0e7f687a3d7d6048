// Image build step: bundles the order workflows once, so the runtime image needs no bundler (webpack, swc).
//
//   node worker/dist/image/bundle-workflows.js <bundle.js>
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';

/** The compiled workflows module this file ships next to (dist/workflows/index.js). */
export const COMPILED_WORKFLOWS = fileURLToPath(new URL('../workflows/index.js', import.meta.url));

/** Writes the `bundleWorkflowCode` bundle of `workflowsPath` to `out`; the worker loads it via WORKFLOW_BUNDLE_PATH. */
export async function writeWorkflowBundle(out: string, workflowsPath = COMPILED_WORKFLOWS): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} },
  });
  const path = resolve(out);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, code);
  return path;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) {
    process.stderr.write('usage: node worker/dist/image/bundle-workflows.js <bundle.js>\n');
    process.exit(2);
  }
  const path = await writeWorkflowBundle(out);
  process.stdout.write(`workflow bundle written to ${path}\n`);
}
