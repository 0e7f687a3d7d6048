// The raw side of scripts/bench/replay.ts: the SDK alone, one process — read and parse every history file in a
// directory, Worker.runReplayHistories over them with a prebuilt bundle, print how many failed. Plain JavaScript
// so this side pays no TypeScript loader.
//   node scripts/bench/replay-raw.mjs BUNDLE.js DIR
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';

const [bundlePath = '', dir = ''] = process.argv.slice(2);
Runtime.install({ logger: new DefaultLogger('ERROR') });
const code = await readFile(bundlePath, 'utf8');
const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
const histories = await Promise.all(
  files.map(async (f) => ({ workflowId: f, history: JSON.parse(await readFile(join(dir, f), 'utf8')) })),
);
let total = 0;
let failed = 0;
for await (const result of Worker.runReplayHistories(
  { workflowBundle: { code, sourceMap: '' } },
  histories,
)) {
  total++;
  if (result.error) failed++;
}
console.log(JSON.stringify({ total, failed }));
