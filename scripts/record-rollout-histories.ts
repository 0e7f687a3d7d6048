// Records RolloutWorkflow histories (our own rollout code, dogfooded through our replay gate) into
// histories/controller/RolloutWorkflow/<scenario>[-<tag>].json + histories/controller/manifest.json: an install, a
// promotion, an automatic rollback, a hold (open, then aborted) and a long drain that continued as new (and its
// open continuation). (Beside, not among, the order worker's histories: those replay against worker code.) Real
// dev server, real order workers under the local deployer, real Prometheus, the real rollout worker; releases
// carry plain versions (stored without a leading v), the parsed rollout.yaml and the tests' short timings.
//
//   npx tsx scripts/record-rollout-histories.ts [--tag v2] [--out DIR]
//
// A history on disk is never rewritten: to record from newer code, pass --tag so the files get new names.
// --out records into another folder (a trial run: replay it with `temporal-rollout replay` before keeping it).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { releaseOutcome, rolloutWorkflowId } from '../actions/src/controller/api.js';
import { sendAction, startOrAttachRelease } from '../actions/src/controller/client.js';
import type { ManifestEntry } from '../actions/src/core/replay/manifest.js';
import { controllerConfig, startControllerFixture } from '../test/integration/controller-support.js';
import { order } from '../test/integration/rollout-support.js';
import { approveSignal } from '../worker/src/workflows/definitions.js';
import {
  codeVersion,
  HISTORIES_DIR,
  recordInManifest,
  sdkVersion,
  writeRecordedHistory,
} from './history-records.js';
import { ensureWorkerBuilt } from './local-platform/order-worker.js';

const TYPE = 'rolloutWorkflow';
const DIR = 'RolloutWorkflow';
const APP = 'order-worker';
/** Orders a second while the releases run: enough samples for each analysis (as controller-faults sends). */
const ORDERS_PER_SECOND = 3;
/** At most this many orders over the whole recording (about 13 minutes at ORDERS_PER_SECOND). */
const MAX_ORDERS = 2_400;

const SCENARIOS = [
  'install',
  'promote',
  'automatic-rollback',
  'hold-open',
  'hold-aborted',
  'long-drain-continued',
  'long-drain-open',
  'long-drain-promoted',
];

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { tag: { type: 'string' }, out: { type: 'string' } } });
  const out = values.out ? resolve(values.out) : resolve(HISTORIES_DIR, 'controller');
  const suffix = values.tag ? `-${values.tag}` : '';
  const fileOf = (scenario: string) => `${DIR}/${scenario}${suffix}.json`;
  const taken = SCENARIOS.filter((n) => existsSync(resolve(out, fileOf(n))));
  if (taken.length > 0) {
    console.log(`already recorded: ${taken.join(', ')} (histories are never rewritten; use --tag)`);
    return;
  }
  await ensureWorkerBuilt();
  const fx = await startControllerFixture();
  const entries: ManifestEntry[] = [];
  const version = codeVersion(['actions/src/controller', 'actions/src/core']);
  const sdk = sdkVersion();
  const handleOf = (runId?: string) => fx.client.workflow.getHandle(rolloutWorkflowId(APP), runId);
  const currentRun = async () => (await handleOf().describe()).runId;
  const record = async (scenario: string, runId: string, description: string) => {
    const { entry, eventCount } = await writeRecordedHistory({
      dir: out,
      file: fileOf(scenario),
      workflowType: TYPE,
      scenario,
      history: await handleOf(runId).fetchHistory(),
      codeVersion: version,
      sdkVersion: sdk,
      withRunId: false,
    });
    entries.push(entry);
    const patches = entry.patches.length > 0 ? ` (patches: ${entry.patches.join(', ')})` : '';
    console.log(`${entry.file}: ${entry.status}, ${eventCount} events${patches} — ${description}`);
  };
  const released = (v: string, timeoutMs = 240_000) =>
    fx.waitFor((s) => releaseOutcome(s, v) !== undefined, timeoutMs, `${v} released`);
  try {
    await fx.startWorker();
    await startOrAttachRelease(fx.client, fx.release('1.0.0'));
    await released('1.0.0');
    await record('install', await currentRun(), 'nothing stable: 1.0.0 installed');
    await fx.startTraffic(MAX_ORDERS, ORDERS_PER_SECOND);

    await startOrAttachRelease(fx.client, fx.release('2.0.0'));
    await released('2.0.0');
    await record('promote', await currentRun(), '2.0.0 ramped 25% → 50% with analyses, promoted');

    await startOrAttachRelease(
      fx.client,
      fx.release('3.0.0', { FAULT_PAYMENT_RATE: '0.8' }, controllerConfig({ drainPolicy: 'terminate' })),
    );
    await released('3.0.0');
    await record('automatic-rollback', await currentRun(), '3.0.0 failed its analysis at 25%: rolled back');

    const doubtful = controllerConfig({ minSamples: 1_000_000, inconclusiveLimit: 0 });
    await startOrAttachRelease(fx.client, fx.release('4.0.0', undefined, doubtful));
    await fx.waitFor((s) => s.phase === 'held', 120_000, '4.0.0 held');
    const heldRun = await currentRun();
    await record('hold-open', heldRun, '4.0.0 inconclusive at 25%: holds for a person (open)');
    await sendAction(fx.client, APP, 'abort', { reason: 'recording' });
    await released('4.0.0');
    await record('hold-aborted', heldRun, '4.0.0 held, then aborted by a person: rolled back');

    // An order waiting for approval on the stable release's queue (2.0.0's): 5.0.0's promotion drains it.
    const stableQueue = (await fx.deployer.describe('stable'))?.queues?.order;
    if (!stableQueue) throw new Error('the local deployer runs no stable release');
    const open = await fx.client.workflow.start('OrderWorkflow', {
      taskQueue: stableQueue,
      workflowId: `recorded-open-order-${Date.now()}`,
      args: [order('open', 200_000)],
    });
    const long = {
      ...fx.release('5.0.0'),
      timing: { drainPollMs: 300, heartbeatTimeoutMs: 5_000, historyLimit: 150 },
    };
    await startOrAttachRelease(fx.client, long);
    await fx.waitFor((s) => s.drain !== undefined, 240_000, '5.0.0 draining');
    await fx.waitFor((s) => s.continuedAsNew >= 1, 120_000, '5.0.0 continued as new');
    let continued: string | undefined;
    for await (const run of fx.client.workflow.list({ query: `WorkflowId = "${rolloutWorkflowId(APP)}"` })) {
      if (run.status.name === 'CONTINUED_AS_NEW') continued = run.runId;
    }
    if (!continued) throw new Error('no run of the rollout continued as new');
    await record(
      'long-drain-continued',
      continued,
      'the run whose drain passed the history limit: continued as new',
    );
    const openRun = await currentRun();
    await record('long-drain-open', openRun, 'the continuation, still draining (open)');
    await open.signal(approveSignal, { approver: 'recorder' });
    await released('5.0.0');
    await record(
      'long-drain-promoted',
      await currentRun(),
      'the last run: the old order finished, 5.0.0 promoted',
    );
  } finally {
    await fx.close();
  }
  await recordInManifest(entries, out);
}

await main();
