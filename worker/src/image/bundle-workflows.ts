// Image build step: bundles the order workflows once, so the runtime image needs no bundler (webpack, swc).
//
// Two bundles: the plain one (WORKFLOW_BUNDLE_PATH) and one with the OpenTelemetry workflow interceptors
// (WORKFLOW_BUNDLE_PATH_TRACING, used when ENABLE_TRACING is on), the two the worker would make at start.
//
//   node worker/dist/image/bundle-workflows.js <bundle.js> [<tracing-bundle.js>]
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';

/** The compiled workflows module this file ships next to (dist/workflows/index.js). */
export const COMPILED_WORKFLOWS = fileURLToPath(new URL('../workflows/index.js', import.meta.url));

/**
 * The workflow interceptor module the OpenTelemetry plugin adds to a bundle made at start. Resolved on call: an
 * image without the plugin (the rollout controller's) bundles with this script too.
 */
export function otelWorkflowInterceptors(): string {
  return createRequire(import.meta.url).resolve(
    '@temporalio/interceptors-opentelemetry/lib/workflow-interceptors',
  );
}

/** Writes the `bundleWorkflowCode` bundle of `workflowsPath` to `out`; the worker loads it via WORKFLOW_BUNDLE_PATH. */
export async function writeWorkflowBundle(
  out: string,
  workflowsPath = COMPILED_WORKFLOWS,
  workflowInterceptorModules: string[] = [],
): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    workflowInterceptorModules,
    logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} },
  });
  const path = resolve(out);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, code);
  return path;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [out, tracingOut] = process.argv.slice(2);
  if (!out) {
    process.stderr.write(
      'usage: node worker/dist/image/bundle-workflows.js <bundle.js> [<tracing-bundle.js>]\n',
    );
    process.exit(2);
  }
  process.stdout.write(`workflow bundle written to ${await writeWorkflowBundle(out)}\n`);
  if (tracingOut) {
    const path = await writeWorkflowBundle(tracingOut, COMPILED_WORKFLOWS, [otelWorkflowInterceptors()]);
    process.stdout.write(`workflow bundle with the OpenTelemetry interceptors written to ${path}\n`);
  }
}
