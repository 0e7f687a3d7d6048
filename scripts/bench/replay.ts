// Replay throughput, side by side from one run: the raw SDK (Worker.runReplayHistories in one process,
// scripts/bench/replay-raw.mjs) against `temporal-rollout replay --concurrency 1` and `--concurrency N` (the
// bundled CLI, node actions/dist/cli.js), each a fresh process given the same prebuilt bundle, on two corpora:
//   uniform: copies of the stored OrderWorkflow histories;
//   mixed:   the same plus synthetic timer-loop histories of 100 to 5,000 events (bundle: replay-workflows.ts).
// Per run: wall time, histories/s, ms per history, throughput against raw, CPU time (user+sys of the whole
// process tree; per history and against raw, the overhead figure that survives a busy shared machine) and peak
// memory (largest sum of RSS over the process tree, sampled every 20 ms).
//
//   npm run bundle && npx tsx scripts/bench/replay.ts [--histories 1000] [--processes 2] [--rounds 1]
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: {
    histories: { type: 'string', default: '1000' },
    processes: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '1' },
  },
});
const size = Number(values.histories);
const processes = Number(values.processes);
const rounds = Number(values.rounds);
if (!existsSync(join(root, 'actions/dist/replay-child.js')))
  throw new Error('actions/dist has no replay-child.js: run `npm run bundle` first');

/** A history of `benchTimers(turns)`: start, then per turn a workflow task and a timer, then completion. */
function timerHistory(turns: number): { events: Record<string, unknown>[] } {
  const events: Record<string, unknown>[] = [];
  const time = '2026-11-30T00:00:00Z';
  const queue = { name: 'bench', kind: 'TASK_QUEUE_KIND_NORMAL' };
  const json = (value: unknown) => ({
    metadata: { encoding: Buffer.from('json/plain').toString('base64') },
    data: Buffer.from(JSON.stringify(value)).toString('base64'),
  });
  const add = (eventType: string, attributes: Record<string, unknown>) => {
    const eventId = String(events.length + 1);
    const field = `${eventType
      .replace(/^EVENT_TYPE_/, '')
      .toLowerCase()
      .replace(/_(.)/g, (_, c: string) => c.toUpperCase())}EventAttributes`;
    events.push({ eventId, eventTime: time, eventType, [field]: attributes });
    return eventId;
  };
  add('EVENT_TYPE_WORKFLOW_EXECUTION_STARTED', {
    workflowType: { name: 'benchTimers' },
    taskQueue: queue,
    input: { payloads: [json(turns)] },
    workflowTaskTimeout: '10s',
    originalExecutionRunId: `bench-${turns}`,
    firstExecutionRunId: `bench-${turns}`,
    attempt: 1,
    header: {},
  });
  const workflowTask = () => {
    const scheduled = add('EVENT_TYPE_WORKFLOW_TASK_SCHEDULED', {
      taskQueue: queue,
      startToCloseTimeout: '10s',
      attempt: 1,
    });
    const started = add('EVENT_TYPE_WORKFLOW_TASK_STARTED', {
      scheduledEventId: scheduled,
      identity: 'bench',
    });
    return add('EVENT_TYPE_WORKFLOW_TASK_COMPLETED', {
      scheduledEventId: scheduled,
      startedEventId: started,
      identity: 'bench',
    });
  };
  for (let turn = 1; turn <= turns; turn++) {
    const completed = workflowTask();
    const timerId = String(turn);
    const started = add('EVENT_TYPE_TIMER_STARTED', {
      timerId,
      startToFireTimeout: '1s',
      workflowTaskCompletedEventId: completed,
    });
    add('EVENT_TYPE_TIMER_FIRED', { timerId, startedEventId: started });
  }
  const last = workflowTask();
  add('EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED', {
    result: { payloads: [json(turns)] },
    workflowTaskCompletedEventId: last,
  });
  return { events };
}

interface Measured {
  wallMs: number;
  cpuS: number;
  peakRssMb: number;
  total: number;
  failed: number;
}

/** Sum of RSS over `pid` and its descendants, from /proc. */
function treeRssBytes(pid: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // gone meanwhile
    }
  }
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [child, parent] of parents)
      if (tree.has(parent) && !tree.has(child)) {
        tree.add(child);
        grew = true;
      }
  }
  let bytes = 0;
  for (const p of tree) {
    try {
      bytes += Number(readFileSync(`/proc/${p}/statm`, 'utf8').split(' ')[1]) * 4096;
    } catch {
      // gone meanwhile
    }
  }
  return bytes;
}

/** Runs a command under /usr/bin/time (CPU of the whole tree) while sampling its memory. */
async function measure(args: string[], counts: (stdout: string) => { total: number; failed: number }) {
  const timeFile = join(tmpdir(), `tr-bench-time-${process.pid}`);
  const started = performance.now();
  const child = spawn('/usr/bin/time', ['-f', '%U %S', '-o', timeFile, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  let peak = 0;
  const sampler = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRssBytes(child.pid));
  }, 20);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - started;
  clearInterval(sampler);
  const [user, sys] =
    (await readFile(timeFile, 'utf8')).trim().split('\n').pop()?.split(' ').map(Number) ?? [];
  await rm(timeFile, { force: true });
  if (code !== 0 && code !== 1) throw new Error(`${args.join(' ')} exited ${code}: ${stderr.slice(-2000)}`);
  return {
    wallMs,
    cpuS: (user ?? 0) + (sys ?? 0),
    peakRssMb: peak / 2 ** 20,
    ...counts(stdout),
  } satisfies Measured;
}

const raw = (bundle: string, dir: string) =>
  measure(['node', 'scripts/bench/replay-raw.mjs', bundle, dir], (out) => JSON.parse(out));
const cli = (bundle: string, dir: string, concurrency: number) =>
  measure(
    [
      'node',
      'actions/dist/cli.js',
      'replay',
      '--workspace',
      root,
      '--histories',
      `${dir}/*.json`,
      '--bundle',
      bundle,
      '--concurrency',
      String(concurrency),
      '--json',
    ],
    (out) => {
      const report = JSON.parse(out) as { totals: { total: number; failed: number } };
      return { total: report.totals.total, failed: report.totals.failed };
    },
  );

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function compare(name: string, dir: string, bundle: string, events: number, histories: number) {
  const sides: [string, () => Promise<Measured>][] = [
    ['raw SDK runReplayHistories, 1 process', () => raw(bundle, dir)],
    ['replay --concurrency 1', () => cli(bundle, dir, 1)],
    [`replay --concurrency ${processes}`, () => cli(bundle, dir, processes)],
  ];
  const runs = new Map<string, Measured[]>(sides.map(([label]) => [label, []]));
  // Rounds interleave the sides, so a busy spell on the shared machine hits all of them.
  for (let round = 0; round < rounds; round++)
    for (const [label, run] of sides) runs.get(label)?.push(await run());
  console.log(
    `\n${name}: ${histories} histories, ${events} events; ${availableParallelism()} CPUs; median of ${rounds} round(s)`,
  );
  console.log(
    `${'side'.padEnd(40)} ${'wall ms'.padStart(8)} ${'hist/s'.padStart(7)} ${'ms/hist'.padStart(8)} ${'× raw'.padStart(6)} ${'CPU s'.padStart(6)} ${'CPU ms/h'.padStart(8)} ${'CPU × raw'.padStart(9)} ${'peak MB'.padStart(8)}  failed`,
  );
  const rawRuns = runs.get(sides[0]?.[0] as string) ?? [];
  const rawMs = median(rawRuns.map((m) => m.wallMs));
  const rawCpu = median(rawRuns.map((m) => m.cpuS));
  for (const [label, measured] of runs) {
    const wall = median(measured.map((m) => m.wallMs));
    const cpu = median(measured.map((m) => m.cpuS));
    const peak = median(measured.map((m) => m.peakRssMb));
    const last = measured[measured.length - 1] as Measured;
    // CPU time per history is the overhead figure that survives a busy shared machine; wall time is the goal.
    const cells = [
      label.padEnd(40),
      wall.toFixed(0).padStart(8),
      (last.total / (wall / 1000)).toFixed(1).padStart(7),
      (wall / last.total).toFixed(2).padStart(8),
      (rawMs / wall).toFixed(2).padStart(6),
      cpu.toFixed(1).padStart(6),
      ((cpu * 1000) / last.total).toFixed(2).padStart(8),
      (rawCpu / cpu).toFixed(2).padStart(9),
      peak.toFixed(0).padStart(8),
      ` ${last.failed}/${last.total}`,
    ];
    console.log(cells.join(' '));
  }
  console.log(
    `load average after this corpus: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}

const work = await mkdtemp(join(tmpdir(), 'tr-bench-replay-'));
try {
  const bundlePath = join(work, 'bundle.js');
  const { code } = await bundleWorkflowCode({
    workflowsPath: join(root, 'scripts/bench/replay-workflows.ts'),
    logger: new DefaultLogger('ERROR'),
  });
  await writeFile(bundlePath, code);

  const storedDir = join(root, 'histories/OrderWorkflow');
  const stored = (await readdir(storedDir)).filter((f) => f.endsWith('.json')).sort();
  const eventsOf = async (file: string) =>
    (JSON.parse(await readFile(file, 'utf8')) as { events: unknown[] }).events.length;
  const storedEvents = await Promise.all(stored.map((f) => eventsOf(join(storedDir, f))));

  const copyStored = async (dir: string, count: number) => {
    let events = 0;
    for (let i = 0; i < count; i++) {
      const k = i % stored.length;
      await copyFile(
        join(storedDir, stored[k] as string),
        join(dir, `${String(i).padStart(5, '0')}-${stored[k]}`),
      );
      events += storedEvents[k] as number;
    }
    return events;
  };

  const uniform = join(work, 'uniform');
  await mkdir(uniform);
  const uniformEvents = await copyStored(uniform, size);
  await compare(`uniform (copies of ${stored.length} stored)`, uniform, bundlePath, uniformEvents, size);

  // Long histories spread through the corpus, so they land on different processes and in between short ones.
  const mixed = join(work, 'mixed');
  await mkdir(mixed);
  const turns = [20, 50, 100, 200, 500, 1000];
  const long = Math.min(size, 18);
  let mixedEvents = await copyStored(mixed, size - long);
  for (let i = 0; i < long; i++) {
    const history = timerHistory(turns[i % turns.length] as number);
    mixedEvents += history.events.length;
    const position = String(Math.floor(((i + 0.5) * size) / long)).padStart(5, '0');
    await writeFile(join(mixed, `${position}-long-${i}.json`), JSON.stringify(history));
  }
  await compare(
    `mixed (${size - long} stored copies + ${long} timer loops of 100–5,000 events)`,
    mixed,
    bundlePath,
    mixedEvents,
    size,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
