// Records RolloutWorkflow histories (our own rollout code, dogfooded through our replay gate) into
// histories/controller/RolloutWorkflow/<scenario>[-<tag>].json + histories/controller/manifest.json: an install, a promotion, an automatic
// rollback, a hold (open, then aborted) and a long drain that continued as new (and its open continuation).
// (Beside, not among, the order worker's histories: those replay against worker code.) Real dev server, real order workers under the local deployer, real Prometheus, the real rollout worker.
//
//   npx tsx scripts/record-rollout-histories.ts [--tag v2]
//
// A history on disk is never rewritten: to record from newer code, pass --tag so the files get new names.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { releaseOutcome, rolloutWorkflowId } from '../actions/src/controller/api.js';
import { sendAction, startOrAttachRelease } from '../actions/src/controller/client.js';
import { parseHistoryValue } from '../actions/src/core/replay/history.js';
import type { ManifestEntry } from '../actions/src/core/replay/manifest.js';
import { controllerConfig, startControllerFixture } from '../test/integration/controller-support.js';
import { order } from '../test/integration/rollout-support.js';
import { approveSignal } from '../worker/src/workflows/definitions.js';
import { codeVersion, HISTORIES_DIR, recordInManifest, sdkVersion } from './history-records.js';
import { ensureWorkerBuilt } from './local-platform/order-worker.js';

const OUT = join(HISTORIES_DIR, 'controller');

const TYPE = 'rolloutWorkflow';
const DIR = 'RolloutWorkflow';
const APP = 'order-worker';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { tag: { type: 'string' } } });
  const suffix = values.tag ? `-${values.tag}` : '';
  const names = [
    'install',
    'promote',
    'automatic-rollback',
    'hold-open',
    'hold-aborted',
    'long-drain-continued',
    'long-drain-open',
    'long-drain-promoted',
  ];
  const taken = names.filter((n) => existsSync(join(OUT, DIR, `${n}${suffix}.json`)));
  if (taken.length > 0) {
    console.log(`already recorded: ${taken.join(', ')} (histories are never rewritten; use --tag)`);
    return;
  }
  await ensureWorkerBuilt();
  const fx = await startControllerFixture();
  const entries: ManifestEntry[] = [];
  const version = codeVersion(['actions/src/controller', 'actions/src/core']);
  const sdk = sdkVersion();
  await mkdir(join(OUT, DIR), { recursive: true });
  const handleOf = (runId?: string) => fx.client.workflow.getHandle(rolloutWorkflowId(APP), runId);
  const currentRun = async () => (await handleOf().describe()).runId;
  const record = async (scenario: string, runId: string, description: string) => {
    const json = historyToJSON(await handleOf(runId).fetchHistory());
    const parsed = parseHistoryValue(JSON.parse(json), scenario);
    const file = `${DIR}/${scenario}${suffix}.json`;
    await writeFile(join(OUT, file), `${json}\n`, { flag: 'wx' });
    entries.push({
      file,
      workflowType: TYPE,
      scenario,
      status: parsed.status,
      codeVersion: version,
      sdkVersion: sdk,
      capturedAt: new Date().toISOString(),
      source: 'recorded',
      // No runId: one rollout run holds several scenarios, each file a snapshot of it at a different point,
      // and the manifest keeps one entry per runId.
      patches: [],
      encrypted: false,
    });
    console.log(`${file}: ${parsed.status}, ${parsed.eventCount} events — ${description}`);
  };
  const released = (v: string, timeoutMs = 240_000) =>
    fx.waitFor((s) => releaseOutcome(s, v) !== undefined, timeoutMs, `${v} released`);
  try {
    await fx.startWorker();
    await startOrAttachRelease(fx.client, fx.release('v1.0.0'));
    await released('v1.0.0');
    await record('install', await currentRun(), 'nothing stable: v1.0.0 installed');
    await fx.startTraffic(3_000);

    await startOrAttachRelease(fx.client, fx.release('v2.0.0'));
    await released('v2.0.0');
    await record('promote', await currentRun(), 'v2.0.0 ramped 25% → 50% with analyses, promoted');

    await startOrAttachRelease(
      fx.client,
      fx.release('v3.0.0', { FAULT_PAYMENT_RATE: '0.8' }, controllerConfig({ drainPolicy: 'terminate' })),
    );
    await released('v3.0.0');
    await record('automatic-rollback', await currentRun(), 'v3.0.0 failed its analysis at 25%: rolled back');

    const doubtful = controllerConfig({ minSamples: 1_000_000, inconclusiveLimit: 0 });
    await startOrAttachRelease(fx.client, fx.release('v4.0.0', undefined, doubtful));
    await fx.waitFor((s) => s.phase === 'held', 120_000, 'v4 held');
    const heldRun = await currentRun();
    await record('hold-open', heldRun, 'v4.0.0 inconclusive at 25%: holds for a person (open)');
    await sendAction(fx.client, APP, 'abort', { reason: 'recording' });
    await released('v4.0.0');
    await record('hold-aborted', heldRun, 'v4.0.0 held, then aborted by a person: rolled back');

    const open = await fx.client.workflow.start('OrderWorkflow', {
      taskQueue: 'order-task-queue-v2',
      workflowId: `recorded-open-order-${Date.now()}`,
      args: [order('open', 200_000)],
    });
    const long = {
      ...fx.release('v5.0.0'),
      timing: { drainPollMs: 300, heartbeatTimeoutMs: 5_000, historyLimit: 150 },
    };
    await startOrAttachRelease(fx.client, long);
    await fx.waitFor((s) => s.drain !== undefined, 240_000, 'v5 draining');
    await fx.waitFor((s) => s.continuedAsNew >= 1, 120_000, 'v5 continued as new');
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
    await released('v5.0.0');
    await record(
      'long-drain-promoted',
      await currentRun(),
      'the last run: the old order finished, v5.0.0 promoted',
    );
  } finally {
    await fx.close();
  }
  await recordInManifest(entries, OUT);
}

await main();
