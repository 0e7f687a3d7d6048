// The reference order worker run as local processes from this checkout (worker/dist), as the demo, the
// benchmarks and the tests start it.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { writeWorkflowBundle } from '../../worker/src/image/bundle-workflows.js';
import { freePort } from './ports.js';
import { httpOk, type ManagedProcess, startProcess } from './process.js';

export const WORKER_DIR = fileURLToPath(new URL('../../worker/', import.meta.url));
export const WORKER_MAIN = join(WORKER_DIR, 'dist/main.js');
export const STARTER_MAIN = join(WORKER_DIR, 'dist/starter/server.js');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Compiles worker/ to dist/ when dist is missing or older than the sources (`npm test` builds first). */
export async function ensureWorkerBuilt(): Promise<void> {
  let built = 0;
  try {
    built = statSync(WORKER_MAIN).mtimeMs;
  } catch {
    // not built yet
  }
  if (built >= newest(join(WORKER_DIR, 'src'))) return;
  await execa('npx', ['tsc', '-p', join(WORKER_DIR, 'tsconfig.json')], { cwd: WORKER_DIR });
}

export interface WorkerProcess {
  process: ManagedProcess;
  healthUrl: string;
  metricsUrl: string;
}

/** `node worker/dist/main.js` on 127.0.0.1 with free metrics and health ports, ready when /ready says so. */
export async function startWorkerProcess(
  env: Record<string, string>,
  name = 'order-worker',
): Promise<WorkerProcess> {
  const [metricsPort, healthPort] = [await freePort(), await freePort()];
  const healthUrl = `http://127.0.0.1:${healthPort}`;
  const proc = await startProcess(name, process.execPath, [WORKER_MAIN], {
    env: {
      LISTEN_HOST: '127.0.0.1',
      METRICS_PORT: String(metricsPort),
      HEALTH_PORT: String(healthPort),
      ...env,
    },
    ready: () => httpOk(`${healthUrl}/ready`),
    readyTimeoutMs: 60_000,
  });
  return { process: proc, healthUrl, metricsUrl: `http://127.0.0.1:${metricsPort}/metrics` };
}

export interface StarterProcess {
  process: ManagedProcess;
  url: string;
}

/** `node worker/dist/starter/server.js` on 127.0.0.1 with a free port, ready when /healthz answers. */
export async function startStarterProcess(env: Record<string, string>): Promise<StarterProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = await startProcess('order-starter', process.execPath, [STARTER_MAIN], {
    env: { LISTEN_HOST: '127.0.0.1', STARTER_PORT: String(port), ...env },
    ready: () => httpOk(`${url}/healthz`),
    readyTimeoutMs: 60_000,
  });
  return { process: proc, url };
}

/**
 * Bundles the workflows once (what `WORKFLOW_BUNDLE_PATH` takes), so each worker process a test starts
 * skips its own webpack run. Returns the bundle's path inside `dir`.
 */
export async function prebuiltWorkflowBundle(dir: string): Promise<string> {
  return writeWorkflowBundle(join(dir, 'workflow-bundle.js'), join(WORKER_DIR, 'dist/workflows/index.js'));
}
