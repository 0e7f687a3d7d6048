// Replay throughput: the replay step vs a plain Worker.runReplayHistories loop over the same corpus (copies of
// the stored OrderWorkflow histories), with one replay worker and with several side by side (each replay worker
// has its own workflow thread, so they spread over the cores).
//
//   npx tsx scripts/bench/replay.ts [--copies 63] [--lanes 2]
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { replay } from '../../actions/src/steps/replay.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: {
    copies: { type: 'string', default: '63' },
    lanes: { type: 'string', default: String(Math.min(4, cpus().length)) },
  },
});
const copies = Number(values.copies);
const lanes = Number(values.lanes);

Runtime.install({ logger: new DefaultLogger('ERROR') });

const sources = (await readdir(join(root, 'histories/OrderWorkflow'))).filter((f) => f.endsWith('.json'));
// Inside the repo like a real histories directory; removed at the end.
await mkdir(join(root, 'scripts/bench/.corpus'), { recursive: true });
const work = await mkdtemp(join(root, 'scripts/bench/.corpus/run-'));
try {
  let n = 0;
  for (let c = 0; c < copies; c++)
    for (const file of sources) {
      await copyFile(join(root, 'histories/OrderWorkflow', file), join(work, `${c}-${file}`));
      n++;
    }
  console.log(`corpus: ${n} histories (${sources.length} stored × ${copies}), ${cpus().length} cores`);

  let t = performance.now();
  const bundle = await bundleWorkflowCode({
    workflowsPath: join(root, 'worker/src/workflows/index.ts'),
    logger: new DefaultLogger('ERROR'),
  });
  console.log(`bundle once: ${(performance.now() - t).toFixed(0)} ms`);
  const bundlePath = join(root, 'scripts/bench/.corpus', `${work.split('/').pop()}-bundle.js`);
  await writeFile(bundlePath, bundle.code);

  // Plain SDK loop: read + JSON.parse every file, runReplayHistories over them, count the results.
  t = performance.now();
  const files = (await readdir(work)).filter((f) => f.endsWith('.json'));
  const histories = await Promise.all(
    files.map(async (f) => ({ workflowId: f, history: JSON.parse(await readFile(join(work, f), 'utf8')) })),
  );
  let plainCount = 0;
  let plainFailed = 0;
  for await (const result of Worker.runReplayHistories({ workflowBundle: bundle }, histories)) {
    plainCount++;
    if (result.error) plainFailed++;
  }
  const plainMs = performance.now() - t;

  // The replay step (glob, validation, patch audit, verdict included), same bundle.
  const step = async (concurrency: number) => {
    const started = performance.now();
    const report = await replay({ workspace: root, histories: [`${work}/*.json`], bundlePath, concurrency });
    return { report, ms: performance.now() - started };
  };
  const one = await step(1);
  const many = await step(lanes);
  await rm(bundlePath, { force: true });

  const rate = (count: number, ms: number) => (count / (ms / 1000)).toFixed(1);
  const line = (label: string, total: number, failed: number, ms: number) =>
    console.log(
      `${label.padEnd(36)} ${total} histories, ${failed} failed, ${ms.toFixed(0)} ms, ${rate(total, ms)} histories/s`,
    );
  line('plain Worker.runReplayHistories:', plainCount, plainFailed, plainMs);
  line('replay step, 1 replay worker:', one.report.totals.total, one.report.totals.failed, one.ms);
  line(`replay step, ${lanes} replay workers:`, many.report.totals.total, many.report.totals.failed, many.ms);
  console.log(
    `ratio vs plain: step ×1 ${(plainMs / one.ms).toFixed(2)}x, step ×${lanes} ${(plainMs / many.ms).toFixed(2)}x; speed-up ${lanes} workers vs 1: ${(one.ms / many.ms).toFixed(2)}x`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
