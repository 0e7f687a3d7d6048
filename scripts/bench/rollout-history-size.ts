// The rollout workflow's history size, one run: a real 3-step release (10% → 50% → 100%, an analysis at each
// step) on a dev server with the local deployer, real order workers and real Prometheus, whose promotion
// drains for --drain seconds (an order on the old queue waits for approval until the bench ends it). Reads
// the events of every run in the continue-as-new chain of that release, measures what the ramp and one
// drain poll cost, and prints both sides: what was measured (with --history-limit, low, so the chain is cut
// in minutes) and the projection for a 1-hour drain at the production poll interval and history limit
// (30 s, 2,000 events): the events a single run would hold, and where continue-as-new cuts it.
//
//   npx tsc -p worker/tsconfig.json && npx tsx scripts/bench/rollout-history-size.ts \
//     [--drain 90] [--drain-poll 1s] [--history-limit 400] [--project-drain 1h] [--project-poll 30s] \
//     [--project-limit 2000]
import { parseArgs } from 'node:util';
import type { Client } from '@temporalio/client';
import { type RolloutStatus, releaseOutcome } from '../../actions/src/controller/api.js';
import { sendAction, startOrAttachRelease } from '../../actions/src/controller/client.js';
import { parseDuration } from '../../actions/src/core/duration.js';
import { parseRolloutConfig } from '../../actions/src/core/rollout-config.js';
import { sleep } from '../../actions/src/core/sleep.js';
import {
  brief,
  controllerYaml,
  FAST_TIMING,
  startControllerFixture,
  WORKFLOW_ID,
} from '../../test/integration/controller-support.js';
import { order } from '../../test/integration/rollout-support.js';
import { cleanupOnSignal } from '../cleanup-on-signal.js';

const { values } = parseArgs({
  options: {
    drain: { type: 'string', default: '90' },
    'drain-poll': { type: 'string', default: '1s' },
    'history-limit': { type: 'string', default: '400' },
    'project-drain': { type: 'string', default: '1h' },
    'project-poll': { type: 'string', default: '30s' },
    'project-limit': { type: 'string', default: '2000' },
  },
});
const drainSeconds = Number(values.drain);
const drainPollMs = parseDuration(values['drain-poll'] ?? '1s', '--drain-poll');
const historyLimit = Number(values['history-limit']);
const project = {
  drainMs: parseDuration(values['project-drain'] ?? '1h', '--project-drain'),
  pollMs: parseDuration(values['project-poll'] ?? '30s', '--project-poll'),
  limit: Number(values['project-limit']),
};
for (const [flag, n] of [
  ['--drain', drainSeconds],
  ['--history-limit', historyLimit],
  ['--project-limit', project.limit],
] as const) {
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag}: a positive whole number, not ${n}`);
}

const log = (msg: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);

/** One run of the chain, as its history tells it. */
interface RunCount {
  runId: string;
  events: number;
  /** Drain polls: the `promote` activities it scheduled. */
  polls: number;
  /** Events before its first drain poll (the ramp in the first run; start-up in a continued one). */
  beforeFirstPoll: number;
  /** Events from its first drain poll to its last one. */
  pollSpan: number;
  /** Events after its last drain poll. */
  afterLastPoll: number;
  end: 'continued-as-new' | 'completed' | 'running' | 'other';
  endedAt?: Date;
}

async function countRun(client: Client, runId: string): Promise<RunCount & { previous?: string }> {
  const history = await client.workflow.getHandle(WORKFLOW_ID, runId).fetchHistory();
  const events = history.events ?? [];
  const polls: number[] = [];
  events.forEach((e, i) => {
    if (e.activityTaskScheduledEventAttributes?.activityType?.name === 'promote') polls.push(i);
  });
  const last = events.at(-1);
  const end = last?.workflowExecutionContinuedAsNewEventAttributes
    ? 'continued-as-new'
    : last?.workflowExecutionCompletedEventAttributes
      ? 'completed'
      : events.some((e) => e.workflowExecutionCompletedEventAttributes)
        ? 'other'
        : 'running';
  const first = polls[0] ?? events.length;
  const lastPoll = polls.at(-1) ?? events.length;
  const seconds = last?.eventTime?.seconds;
  const previous = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId ?? undefined;
  return {
    runId,
    events: events.length,
    polls: polls.length,
    beforeFirstPoll: first,
    pollSpan: polls.length > 0 ? lastPoll - first : 0,
    afterLastPoll: events.length - lastPoll,
    end,
    ...(seconds !== undefined && seconds !== null ? { endedAt: new Date(Number(seconds) * 1000) } : {}),
    ...(previous ? { previous } : {}),
  };
}

/** The runs of the chain that ends in the latest run, oldest first (back to the run the release started). */
async function chain(client: Client): Promise<RunCount[]> {
  const latest = (await client.workflow.getHandle(WORKFLOW_ID).describe()).runId;
  const runs: RunCount[] = [];
  for (let runId: string | undefined = latest; runId; ) {
    const run = await countRun(client, runId);
    runs.unshift(run);
    runId = run.previous;
  }
  return runs;
}

/** A drain of `polls` polls cut by `limit`: the events and polls of each run. */
function projectRuns(
  measured: { ramp: number; perPoll: number; restart: number; tail: number },
  polls: number,
  limit: number,
): { events: number; polls: number }[] {
  const runs: { events: number; polls: number }[] = [];
  let base = measured.ramp;
  let left = polls;
  while (left > 0) {
    // The workflow checks its length after each count: it continues as new once it has `limit` events.
    const fit = Math.max(1, Math.ceil((limit - base) / measured.perPoll));
    const taken = Math.min(fit, left);
    left -= taken;
    runs.push({
      events: Math.round(base + taken * measured.perPoll + (left === 0 ? measured.tail : 1)),
      polls: taken,
    });
    base = measured.restart;
  }
  return runs;
}

const fx = await startControllerFixture();
const stopAll = cleanupOnSignal(() => fx.close());
try {
  await fx.startWorker('bench');
  const config = parseRolloutConfig(
    controllerYaml({ steps: '[ { weight: 10, pause: 1s }, { weight: 50, pause: 1s }, { weight: 100 } ]' }),
    'rollout.yaml',
  );
  const request = (version: string) => ({
    ...fx.release(version, undefined, config),
    timing: { ...FAST_TIMING, drainPollMs, historyLimit },
  });
  const outcomeOf = (version: string) => (s: RolloutStatus) => releaseOutcome(s, version) !== undefined;

  await startOrAttachRelease(fx.client, request('1.0.0'));
  await fx.waitFor(outcomeOf('1.0.0'), 120_000, '1.0.0 installed');
  // Orders for the two analyses, bounded (5/s for 2 minutes): the drain waits for what reached 1.0.0 too.
  log('1.0.0 installed; orders flow (5/s, 600 at most)');
  await fx.startTraffic(600);
  await sleep(8_000);
  // An order on 1.0.0's queue that waits for a person: the promotion drains until the bench ends it.
  const waiting = await fx.client.workflow.start('OrderWorkflow', {
    taskQueue: 'order-task-queue-v1',
    workflowId: `history-bench-${Date.now().toString(36)}`,
    args: [order('history-bench', 500_000)],
  });

  await startOrAttachRelease(fx.client, request('2.0.0'));
  log('2.0.0 released: 10% → 50% → 100%, an analysis at each step');
  for (;;) {
    const s = await fx.waitFor(
      (st) => st.phase === 'promoting' || st.phase === 'held' || outcomeOf('2.0.0')(st),
      300_000,
      '2.0.0 to reach its promotion',
    );
    if (s.phase !== 'held') break;
    log(`held (${s.hold?.reasons.join('; ')}): resume`);
    await sendAction(fx.client, 'order-worker', 'resume', { reason: 'history bench' });
    await sleep(1_000);
  }
  const drainStart = Date.now();
  log(`promoting: the drain goes on for ${drainSeconds} s (a count every ${drainPollMs} ms)`);
  await sleep(drainSeconds * 1_000);
  await waiting.terminate('history bench: the drain is over');
  const done = await fx.waitFor(outcomeOf('2.0.0'), 180_000, '2.0.0 promoted');
  const outcome = releaseOutcome(done, '2.0.0');
  if (outcome?.result !== 'promoted')
    throw new Error(`2.0.0 was not promoted: ${JSON.stringify(brief(done))}`);
  await fx.waitFor((s) => s.phase === 'done', 30_000, 'the rollout to finish');

  const runs = await chain(fx.client);
  const polls = runs.reduce((n, r) => n + r.polls, 0);
  const spans = runs.filter((r) => r.polls > 1);
  const perPoll =
    spans.reduce((n, r) => n + r.pollSpan, 0) /
    Math.max(
      1,
      spans.reduce((n, r) => n + r.polls - 1, 0),
    );
  const continued = runs.slice(1);
  const measured = {
    ramp: runs[0]?.beforeFirstPoll ?? 0,
    perPoll,
    restart: continued.length
      ? continued.reduce((n, r) => n + r.beforeFirstPoll, 0) / continued.length
      : (runs[0]?.beforeFirstPoll ?? 0),
    tail: runs.at(-1)?.afterLastPoll ?? 0,
  };

  console.log('\nMeasured (one run of the bench):');
  console.log(
    `  release 2.0.0: 3 steps (10% → 50% → 100%), 2 analyses of ${config.analysis.count ?? '?'} measurements, promoted after a ${((Date.now() - drainStart) / 1000).toFixed(0)} s drain counted every ${drainPollMs} ms; history limit ${historyLimit}`,
  );
  console.log('  run  events  drain polls  before 1st poll  ended');
  runs.forEach((r, i) => {
    const at = r.endedAt
      ? ` at drain +${Math.max(0, (r.endedAt.getTime() - drainStart) / 1000).toFixed(0)} s`
      : '';
    console.log(
      `  ${String(i + 1).padStart(3)}  ${String(r.events).padStart(6)}  ${String(r.polls).padStart(11)}  ${String(r.beforeFirstPoll).padStart(15)}  ${r.end}${at}`,
    );
  });
  console.log(
    `  ${runs.length} run(s), ${runs.reduce((n, r) => n + r.events, 0)} events in all, ${polls} drain polls; largest run ${Math.max(...runs.map((r) => r.events))} events (limit ${historyLimit})`,
  );
  console.log(
    `  the ramp (the request, 2 canary steps with their analyses and pauses): ${measured.ramp} events; one drain poll: ${perPoll.toFixed(1)} events; a continued run starts with ${measured.restart.toFixed(0)} events before its first poll; the end: ${measured.tail} events`,
  );
  console.log(
    `  the status Query agrees: continuedAsNew ${done.continuedAsNew}, ${done.history.filter((e) => e.event === 'continue-as-new').length} continue-as-new event(s) in its history`,
  );

  const projectedPolls = Math.floor(project.drainMs / project.pollMs) + 1;
  const single = Math.round(measured.ramp + projectedPolls * perPoll + measured.tail);
  const cut = projectRuns(measured, projectedPolls, project.limit);
  const firstCutPolls = cut[0]?.polls ?? projectedPolls;
  console.log(
    `\nProjected: a ${values['project-drain']} drain counted every ${values['project-poll']} (${projectedPolls} polls), history limit ${project.limit}:`,
  );
  console.log(
    `  one run would hold ${single} events (ramp ${measured.ramp} + ${projectedPolls} × ${perPoll.toFixed(1)} + end ${measured.tail})`,
  );
  if (cut.length === 1) {
    const until = Math.ceil((project.limit - measured.ramp) / perPoll);
    console.log(
      `  under the limit: no continue-as-new in this drain; the first cut would come after ${until} polls (${((until * project.pollMs) / 60_000).toFixed(0)} min of drain)`,
    );
  } else {
    console.log(
      `  continue-as-new cuts it into ${cut.length} runs: the first after ${firstCutPolls} polls (${((firstCutPolls * project.pollMs) / 60_000).toFixed(0)} min of drain), then every ${cut[1]?.polls ?? '?'} polls (${(((cut[1]?.polls ?? 0) * project.pollMs) / 60_000).toFixed(0)} min)`,
    );
  }
  console.log(`  runs: ${cut.map((r) => `${r.events} events / ${r.polls} polls`).join(', ')}`);
  console.log(
    `  any drain, however long: no run exceeds ≈ ${Math.round(project.limit + perPoll)} events (the limit + one poll); a day of drain at ${values['project-poll']} is ${Math.floor(86_400_000 / project.pollMs) + 1} polls in ${projectRuns(measured, Math.floor(86_400_000 / project.pollMs) + 1, project.limit).length} runs`,
  );
} finally {
  await stopAll();
}
