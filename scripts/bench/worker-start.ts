// Worker cold start, side by side from one run: `node worker/dist/main.js` bundling its workflows at start
// (webpack + swc in the process, what the image does today) against the same worker given a bundle made ahead
// (WORKFLOW_BUNDLE_PATH, what an image bundled at build time would run), each timed from spawn to /ready against a
// local Temporal dev server. Also prints how much of the worker's production dependencies only bundling needs
// (webpack, swc and their own dependencies), compressed, i.e. what a build-time bundle lets the image drop.
//
//   npx tsx scripts/bench/worker-start.ts [--rounds 3]
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { uniqueQueues } from '../../worker/test/support/orders.js';
import {
  ensureWorkerBuilt,
  prebuiltWorkflowBundle,
  startWorkerProcess,
} from '../local-platform/order-worker.js';
import { type TempDir, tempDir } from '../local-platform/temp.js';
import { startTemporal } from '../local-platform/temporal.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
const rounds = Number(values.rounds);

interface NpmTree {
  dependencies?: Record<string, NpmTree>;
}

/**
 * The worker's production packages that only `bundleWorkflowCode` needs: reached through webpack, swc or
 * swc-loader and through nothing else (`npm ls --omit=dev --workspace worker --all`). The SDK still requires
 * webpack itself when it loads, so an image without them keeps a stub in webpack's place.
 */
async function bundlingOnlyPackages(): Promise<string[]> {
  const { stdout } = await execa('npm', ['ls', '--omit=dev', '--workspace', 'worker', '--all', '--json'], {
    cwd: root,
    reject: false,
  });
  const reached = new Map<string, Set<boolean>>();
  const walk = (node: NpmTree, underBundler: boolean) => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      const under = underBundler || ['webpack', '@swc/core', 'swc-loader'].includes(name);
      reached.set(name, (reached.get(name) ?? new Set()).add(under));
      walk(child, under);
    }
  };
  walk(JSON.parse(stdout) as NpmTree, false);
  return [...reached].filter(([, how]) => how.size === 1 && how.has(true)).map(([name]) => name);
}

function duBytes(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, entry) => sum + duBytes(join(path, entry)), 0);
}

async function gzipBytes(dirs: string[]): Promise<number> {
  const tar = await execa('tar', ['-czf', '-', '-C', join(root, 'node_modules'), ...dirs], {
    encoding: 'buffer',
    maxBuffer: 1 << 30,
  });
  return tar.stdout.length;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

await ensureWorkerBuilt();
const server = await startTemporal();
let dir: TempDir | undefined;
try {
  dir = await tempDir('bench-worker-start');
  const bundle = await prebuiltWorkflowBundle(dir.path);
  const startToReady = async (env: Record<string, string>) => {
    const started = performance.now();
    const worker = await startWorkerProcess({
      TEMPORAL_ADDRESS: server.address,
      ...uniqueQueues('start'),
      ...env,
    });
    const ms = performance.now() - started;
    await worker.process.stop();
    return ms;
  };
  const atStart: number[] = [];
  const prebuilt: number[] = [];
  // Interleaved, so a busy spell on the shared machine hits both sides.
  for (let i = 0; i < rounds; i++) {
    atStart.push(await startToReady({}));
    prebuilt.push(await startToReady({ WORKFLOW_BUNDLE_PATH: bundle }));
  }
  console.log(`worker spawn → /ready, median of ${rounds} (ms):`);
  console.log(
    `  bundles its workflows at start (today's image)   ${median(atStart).toFixed(0)}   [${atStart.map((x) => x.toFixed(0)).join(', ')}]`,
  );
  console.log(
    `  WORKFLOW_BUNDLE_PATH, bundled ahead              ${median(prebuilt).toFixed(0)}   [${prebuilt.map((x) => x.toFixed(0)).join(', ')}]`,
  );

  const present = (await bundlingOnlyPackages()).filter((p) => {
    try {
      statSync(join(root, 'node_modules', p));
      return true;
    } catch {
      return false;
    }
  });
  const raw = present.reduce((sum, p) => sum + duBytes(join(root, 'node_modules', p)), 0);
  const gz = await gzipBytes(present);
  console.log(
    `${present.length} installed packages only bundling needs (webpack, swc and theirs): ${(raw / 2 ** 20).toFixed(1)} MiB on disk, ${(gz / 2 ** 20).toFixed(1)} MiB gzip-compressed`,
  );
} finally {
  await dir?.remove();
  await server.teardown();
}
