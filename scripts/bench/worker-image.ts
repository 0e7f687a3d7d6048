// The worker image before/after bundling the workflows at image build time, side by side from one run: the image
// from worker/Containerfile at `--before` (bundles at every start, so it carries webpack and swc) against the one
// in this tree (bundle made in the build stage, bundler pruned), both built by the build step with buildah from
// the cached local Node base image and pushed to a local registry.
// Prints: compressed size (sum of the pushed manifest's layer sizes, as skopeo reads them), the worker's spawn →
// /ready time inside each image against a local Temporal dev server (`buildah run`, interleaved rounds), and build
// + push times, cold (fresh store) and warm (same store again: the base image is there, but the build step runs
// buildah without --layers, so every step runs again), for each buildah storage driver asked for.
// The vfs and overlay stores give different digests for the same Containerfile and context, so the last line
// says whether the digests matched.
//
// --before-base gives the before side its own base image (BASE_IMAGE, e.g. an older cached
// oci-archive:…/node-base.oci.tar), to compare base-image changes too; by default both sides use today's base.
//
//   npx tsx scripts/bench/worker-image.ts [--before 4e69d69] [--before-base REF] [--rounds 3] [--drivers vfs,overlay]
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { type BuildInputs, runBuild } from '../../actions/src/steps/build.js';
import { workerRepo } from '../../test/support/worker-repo.js';
import { nodeBaseImage } from '../local-platform/base-image.js';
import {
  type BuildahStore,
  buildahStore,
  type StorageDriver,
  startWorkerInContainer,
} from '../local-platform/buildah.js';
import { startRegistry } from '../local-platform/registry.js';
import { tempDir } from '../local-platform/temp.js';
import { startTemporal } from '../local-platform/temporal.js';
import { tool } from '../local-platform/tools.js';
import { repoRoot } from '../tool-paths.mjs';

const { values } = parseArgs({
  options: {
    // The last commit whose worker image bundled its workflows at start.
    before: { type: 'string', default: '4e69d69' },
    'before-base': { type: 'string' },
    rounds: { type: 'string', default: '3' },
    drivers: { type: 'string', default: 'vfs,overlay' },
  },
});
const rounds = Number(values.rounds);
const drivers = values.drivers.split(',').map((d) => d.trim()) as StorageDriver[];
for (const d of drivers)
  if (d !== 'vfs' && d !== 'overlay') throw new Error(`--drivers: unknown driver "${d}"`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const cell = (text: string, width = 36) => text.padEnd(width);

async function compressedBytes(ref: string): Promise<{ bytes: number; layers: number }> {
  const { stdout } = await execa(tool('skopeo'), [
    'inspect',
    '--raw',
    '--tls-verify=false',
    `docker://${ref}`,
  ]);
  const layers = (JSON.parse(stdout) as { layers: { size: number }[] }).layers;
  return { bytes: layers.reduce((sum, l) => sum + l.size, 0), layers: layers.length };
}

await execa('npm', ['run', 'build', '--workspace=worker'], { cwd: repoRoot });
const cleanups: (() => Promise<unknown>)[] = [];
try {
  const registry = await startRegistry();
  cleanups.push(() => registry.stop());
  const base = await nodeBaseImage();
  const repo = await tempDir('bench-image-repo');
  cleanups.push(() => repo.remove());
  await workerRepo(repo.path);
  const beforeFile = join(repo.path, 'Containerfile.before');
  const before = await execa('git', ['show', `${values.before}:worker/Containerfile`], { cwd: repoRoot });
  await writeFile(beforeFile, `${before.stdout}\n`);

  const newStore = async (driver: StorageDriver) => {
    const store = await buildahStore(driver);
    cleanups.push(() => store.remove());
    return store;
  };
  const build = async (store: BuildahStore, name: string, containerfile?: string, baseRef = base.ref) => {
    const inputs: BuildInputs = {
      repoDir: repo.path,
      image: `${registry.host}/bench/${name}`,
      ref: 'refs/tags/v1.4.0',
      compile: false,
      force: true,
      builder: 'buildah',
      builderOptions: { binary: tool('buildah'), globalArgs: store.globalArgs },
      isolation: 'chroot',
      buildArgs: { BASE_IMAGE: baseRef },
      tlsVerify: false,
      skopeo: tool('skopeo'),
      ...(containerfile ? { containerfile } : {}),
    };
    const started = performance.now();
    const result = await runBuild(inputs);
    return { ms: performance.now() - started, imageRef: result.imageRef as string };
  };

  // Builds, one at a time (the machine is shared): before cold, then after cold + warm per driver.
  const beforeStore = await newStore(drivers[0] ?? 'vfs');
  const beforeBuild = await build(beforeStore, 'before', beforeFile, values['before-base']);
  const afterBuilds = new Map<
    StorageDriver,
    { cold: number; warm: number; imageRef: string; store: BuildahStore }
  >();
  for (const driver of drivers) {
    const store = await newStore(driver);
    const cold = await build(store, `after-${driver}`);
    const warm = await build(store, `after-${driver}`);
    afterBuilds.set(driver, { cold: cold.ms, warm: warm.ms, imageRef: cold.imageRef, store });
  }
  const after = afterBuilds.get(drivers[0] ?? 'vfs');
  if (!after) throw new Error('no driver built the image');

  const temporal = await startTemporal();
  cleanups.push(() => temporal.teardown());
  const container = async (store: BuildahStore, ref: string) =>
    (await store.run(['from', '--tls-verify=false', ref])).trim();
  const sides = [
    {
      store: beforeStore,
      container: await container(beforeStore, beforeBuild.imageRef),
      times: [] as number[],
    },
    { store: after.store, container: await container(after.store, after.imageRef), times: [] as number[] },
  ];
  let workerCount = 0;
  const startToReady = async (store: BuildahStore, name: string) => {
    const started = performance.now();
    const worker = await startWorkerInContainer(store, name, {
      TEMPORAL_ADDRESS: temporal.address,
      ORDER_TASK_QUEUE: `bench-order-${++workerCount}`,
      PAYMENT_TASK_QUEUE: `bench-payment-${workerCount}`,
    });
    const ms = performance.now() - started;
    await worker.process.stop(15_000);
    return ms;
  };
  // Interleaved, so a busy spell on the shared machine hits both sides.
  for (let i = 0; i < rounds; i++) {
    for (const side of sides) side.times.push(await startToReady(side.store, side.container));
  }

  const [beforeSize, afterSize] = [
    await compressedBytes(beforeBuild.imageRef),
    await compressedBytes(after.imageRef),
  ];
  const mb = (s: { bytes: number; layers: number }) =>
    `${(s.bytes / 1e6).toFixed(1)} MB (${s.layers} layers)`;
  const times = (xs: number[]) => `${median(xs).toFixed(0)} [${xs.map((x) => x.toFixed(0)).join(', ')}]`;
  console.log(`\nworker image, before = worker/Containerfile at ${values.before}, after = this tree`);
  console.log(`base image: before ${values['before-base'] ?? base.ref}, after ${base.ref}`);
  console.log(`${cell('')}${cell(`before (${values.before})`)}after (this tree)`);
  console.log(`${cell('compressed size')}${cell(mb(beforeSize))}${mb(afterSize)}`);
  console.log(
    `${cell(`spawn → /ready ms, median of ${rounds}`)}${cell(times(sides[0]?.times ?? []))}${times(sides[1]?.times ?? [])}`,
  );
  console.log(
    `${cell(`cold build+push s (${drivers[0]})`)}${cell(seconds(beforeBuild.ms))}${seconds(after.cold)}`,
  );
  console.log(`\nafter image, build + push by buildah storage driver (s)`);
  console.log(`${cell('')}${drivers.map((d) => cell(d, 12)).join('')}`);
  console.log(
    `${cell('cold (fresh store)')}${drivers.map((d) => cell(seconds(afterBuilds.get(d)?.cold ?? 0), 12)).join('')}`,
  );
  console.log(
    `${cell('warm (same store again)')}${drivers.map((d) => cell(seconds(afterBuilds.get(d)?.warm ?? 0), 12)).join('')}`,
  );
  const digests = new Set([...afterBuilds.values()].map((b) => b.imageRef.split('@')[1]));
  console.log(`after image digest identical across drivers: ${digests.size === 1}`);
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
}
