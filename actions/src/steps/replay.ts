import { existsSync } from 'node:fs';
import { mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, relative, resolve, sep } from 'node:path';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { glob } from 'tinyglobby';
import { AesGcmCodec, decodeHistory, isEncrypted, mayBeEncrypted } from '../adapters/history-codec.js';
import { type ReplayJobResult, ReplayProcesses } from '../adapters/replay-processes.js';
import { type LocatedSdk, loadWorkerSdk, locateWorkerSdk } from '../adapters/sdk-resolver.js';
import { DEFAULTS } from '../core/defaults.js';
import { InputError } from '../core/errors.js';
import {
  crashFailure,
  describeFailure,
  type ReplayFailure,
  timeoutFailure,
} from '../core/replay/divergence.js';
import { type ParsedHistory, parseHistoryText, parseHistoryValue } from '../core/replay/history.js';
import { auditPatches, codePatches } from '../core/replay/patches.js';
import { ServedQueues } from '../core/replay/served-queues.js';
import {
  compatibilityVerdict,
  gatePasses,
  type HistoryOutcome,
  type ReplayReport,
  skipForeignLiveRuns,
  totals,
} from '../core/replay/verdict.js';
import type { QueueSpec } from '../core/rollout-config.js';
import { checkReplayOptions, type LiveReplaySource, type ReplayOptions } from './replay-options.js';

export type { LiveReplaySource, ReplayOptions } from './replay-options.js';

export const DEFAULT_HISTORY_TIMEOUT_MS = 60_000;

export interface ReplayResult extends ReplayReport {
  reportPath: string | null;
}

interface Candidate {
  parsed: ParsedHistory;
  origin: 'file' | 'live';
  workflowId: string;
  /** A live run's task queue ('' when visibility gave none). */
  taskQueue?: string;
}

export const DEFAULT_LIVE_QUERY = 'ExecutionStatus="Running"';

/**
 * The live query when none is given: every open run, narrowed to the queues this worker serves when they are known
 * (TaskQueue is a Keyword system search attribute: `=` and `STARTS_WITH` work on SQL and Elasticsearch visibility).
 * Other workers' runs then neither use up the limit nor need skipping.
 */
export function defaultLiveQuery(served: ServedQueues | undefined): string {
  const filter = served?.visibilityFilter();
  return filter ? `${DEFAULT_LIVE_QUERY} AND (${filter})` : DEFAULT_LIVE_QUERY;
}

/**
 * The queues this worker serves, for a live source: `task-queues` (default template) and rollout.yaml's (the
 * default file only when it exists); undefined when neither names one.
 */
async function servedQueuesOf(options: ReplayOptions, workspace: string): Promise<ServedQueues | undefined> {
  if (!options.live) return undefined;
  const specs: QueueSpec[] = (options.taskQueues ?? []).map((base) => ({
    base,
    template: DEFAULTS.queueTemplate,
  }));
  const config = options.configPath ? resolve(workspace, options.configPath) : undefined;
  if (config && (options.configPath !== DEFAULTS.configFile || existsSync(config))) {
    const { loadRolloutConfig } = await import('../adapters/rollout-file.js');
    const { order, payment } = (await loadRolloutConfig(config)).taskQueues;
    specs.push(order, ...(payment ? [payment] : []));
  }
  return specs.length > 0 ? new ServedQueues(specs) : undefined;
}

const GLOB_MAGIC = /[*?[\]{}()!]/;

/**
 * A glob reaches only into the workspace: its fixed leading directories (absolute or not) must resolve inside
 * it, and no `..` may follow a wildcard. Links out of the workspace are caught after matching.
 */
function checkConfined(workspace: string, pattern: string): void {
  const segments = pattern.split(/[\\/]/);
  const firstMagic = segments.findIndex((segment) => GLOB_MAGIC.test(segment));
  const fixed = firstMagic < 0 ? segments : segments.slice(0, firstMagic);
  const base = resolve(workspace, fixed.join('/') || '.');
  const inside = base === workspace || base.startsWith(`${workspace}${sep}`);
  if (!inside || (firstMagic >= 0 && segments.slice(firstMagic).includes('..'))) {
    throw new InputError(
      `histories: ${pattern}`,
      'reaches outside the workspace',
      'give a glob of files inside the workspace, e.g. histories/**/*.json',
    );
  }
}

async function expandGlobs(workspace: string, patterns: string[]): Promise<string[]> {
  const files = new Set<string>();
  const root = await realpath(workspace);
  for (const pattern of patterns) {
    checkConfined(workspace, pattern);
    // The manifest sits beside the histories; a `histories/**/*.json` glob must not read it as one.
    const matched = await glob(pattern, {
      cwd: workspace,
      absolute: true,
      onlyFiles: true,
      ignore: ['**/manifest.json', '**/node_modules/**'],
    });
    if (matched.length === 0)
      throw new InputError(
        `histories: ${pattern}`,
        `matches no file under ${workspace}`,
        'check the glob (it is relative to the workspace)',
      );
    for (const file of matched) {
      const real = await realpath(file);
      if (real !== root && !real.startsWith(`${root}${sep}`)) {
        throw new InputError(
          `histories: ${relative(workspace, file)}`,
          'is a link to a file outside the workspace',
          'keep history files inside the workspace',
        );
      }
      files.add(file);
    }
  }
  return [...files].sort();
}

/** Files read at once: enough to keep the disk busy, few enough to stay far from the open-file limit. */
const READ_AHEAD = 32;

async function readHistories(workspace: string, files: string[], codec: AesGcmCodec | undefined) {
  const parsed: ParsedHistory[] = [];
  for (let start = 0; start < files.length; start += READ_AHEAD) {
    const batch = files.slice(start, start + READ_AHEAD);
    const texts = await Promise.all(batch.map((file) => readFile(file, 'utf8')));
    for (const [i, text] of texts.entries()) {
      const name = relative(workspace, batch[i] as string);
      const history = parseHistoryText(text, name);
      if (mayBeEncrypted(text) && isEncrypted(history.history)) {
        if (!codec)
          throw new InputError(
            `history file ${name}`,
            'has encrypted payloads',
            'pass the codec key it was captured with (⟨codec-key⟩)',
          );
        history.history = await decodeHistory(history.history, codec);
      }
      parsed.push(history);
    }
  }
  return parsed;
}

async function loadBundle(
  located: LocatedSdk,
  options: ReplayOptions,
): Promise<{ bundle: WorkflowBundleWithSourceMap; label: ReplayReport['workflows'] }> {
  if (options.bundlePath) {
    const path = resolve(options.workspace, options.bundlePath);
    const code = await readFile(path, 'utf8').catch(() => {
      throw new InputError(`bundle: ${options.bundlePath}`, 'cannot be read');
    });
    return { bundle: { code, sourceMap: '' }, label: { bundlePath: relative(options.workspace, path) } };
  }
  const path = resolve(options.workspace, options.workflowsPath as string);
  // Only bundling needs the SDK in this process; the replay processes load their own.
  const sdk = await loadWorkerSdk(located);
  const logger = new sdk.DefaultLogger('WARN');
  try {
    return {
      bundle: await sdk.bundleWorkflowCode({ workflowsPath: path, logger }),
      label: { workflowsPath: relative(options.workspace, path) },
    };
  } catch (err) {
    throw new InputError(
      `workflows: ${options.workflowsPath}`,
      `could not be bundled: ${(err as Error).message}`,
    );
  }
}

async function fetchLive(
  live: LiveReplaySource,
  codec: AesGcmCodec | undefined,
  served: ServedQueues | undefined,
): Promise<Candidate[]> {
  // The Temporal client is loaded only for a live source.
  const { connectLive, fetchRuns } = await import('../adapters/temporal-histories.js');
  const session = await connectLive(live);
  try {
    const runs = await fetchRuns(session.client, live.query ?? defaultLiveQuery(served), live.limit ?? 100);
    const candidates: Candidate[] = [];
    for (const run of runs) {
      const history = codec ? await decodeHistory(run.history, codec) : run.history;
      const parsed = parseHistoryValue(history, `live:${run.workflowId}/${run.runId}`);
      candidates.push({ parsed, origin: 'live', workflowId: run.workflowId, taskQueue: run.taskQueue });
    }
    return candidates;
  } finally {
    await session.close();
  }
}

function failureOf(result: ReplayJobResult, candidate: Candidate, timeoutMs: number): ReplayFailure | null {
  if (result.kind === 'timeout') return timeoutFailure(timeoutMs);
  if (result.kind === 'crashed') return crashFailure(result.how);
  return result.error
    ? describeFailure(candidate.parsed.history, result.error.name, result.error.message)
    : null;
}

/** Replays every candidate with one bundle on the replay processes; returns outcomes in input order. */
async function replayAll(
  processes: ReplayProcesses,
  bundle: WorkflowBundleWithSourceMap,
  candidates: Candidate[],
  historyTimeoutMs: number,
): Promise<HistoryOutcome[]> {
  // Results are matched to histories by workflow id; make ids unique.
  const jobs = candidates.map((c, i) => ({ workflowId: `${c.workflowId}#${i}`, history: c.parsed.history }));
  const outcomes: HistoryOutcome[] = [];
  for await (const result of processes.replay(jobs, bundle.code)) {
    const candidate = candidates[outcomes.length] as Candidate;
    const { parsed } = candidate;
    outcomes.push({
      source: parsed.source,
      origin: candidate.origin,
      workflowType: parsed.workflowType,
      ...(parsed.runId ? { runId: parsed.runId } : {}),
      status: parsed.status,
      eventCount: parsed.eventCount,
      failure: failureOf(result, candidate, historyTimeoutMs),
      ...(candidate.taskQueue !== undefined ? { taskQueue: candidate.taskQueue } : {}),
    });
  }
  return outcomes;
}

export async function replay(options: ReplayOptions): Promise<ReplayResult> {
  const startedAt = new Date();
  const workspace = resolve(options.workspace);
  checkReplayOptions(options);
  const codec = options.codecKey ? new AesGcmCodec(options.codecKey) : undefined;
  // Everything that can be wrong with the inputs is checked before the (slow) bundle and the server.
  const files = await expandGlobs(workspace, options.histories);
  const served = await servedQueuesOf(options, workspace);
  const historyTimeoutMs = options.historyTimeoutMs ?? DEFAULT_HISTORY_TIMEOUT_MS;
  // The replay processes start loading the SDK now, while this process reads the histories and makes the bundle.
  // A missing SDK is reported after the histories are checked, as before.
  let located: LocatedSdk | undefined;
  let sdkError: unknown;
  try {
    located = locateWorkerSdk(workspace);
  } catch (err) {
    sdkError = err;
  }
  const concurrency = options.concurrency ?? Math.min(4, availableParallelism());
  const processes = located
    ? new ReplayProcesses(
        { sdkEntry: located.entry, processes: concurrency, historyTimeoutMs },
        Math.max(1, files.length),
      )
    : undefined;
  let outcomes: HistoryOutcome[];
  let candidates: Candidate[];
  let bundle: WorkflowBundleWithSourceMap;
  let label: ReplayReport['workflows'];
  try {
    const stored = await readHistories(workspace, files, codec);
    if (!located || !processes) throw sdkError;
    ({ bundle, label } = await loadBundle(located, { ...options, workspace }));
    candidates = stored.map((parsed) => ({
      parsed,
      origin: 'file',
      workflowId: `replay-${parsed.runId ?? parsed.source}`,
    }));
    if (options.live) candidates.push(...(await fetchLive(options.live, codec, served)));
    outcomes = await replayAll(processes, bundle, candidates, historyTimeoutMs);
  } finally {
    // After `replay` this finds nothing left; after an error before it, it stops the processes.
    await processes?.close();
  }
  // A live query sees the whole namespace: a run of a type this code does not export is left out only on a queue
  // this worker does not serve; every other missing type fails, in plain words rather than the SDK's.
  const code = label.workflowsPath ?? label.bundlePath ?? 'the workflow code';
  const { judged, skipped } = skipForeignLiveRuns(outcomes, served, code);
  const skippedSources = new Set(skipped.map((s) => s.source));
  outcomes = judged;
  candidates = candidates.filter((c) => !skippedSources.has(c.parsed.source));

  const patches = auditPatches(
    codePatches(bundle.code),
    candidates.map((c) => c.parsed),
  );
  const report: ReplayReport = {
    sdk: { package: '@temporalio/worker', version: located.version, path: located.path },
    workflows: label,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    totals: totals(outcomes),
    outcomes,
    servedQueues: served?.list() ?? null,
    skipped,
    patches,
    compatibility: compatibilityVerdict(outcomes),
    passed: gatePasses(outcomes, options.allowReplayErrors ?? false),
  };
  let reportPath: string | null = null;
  if (options.reportPath) {
    reportPath = resolve(workspace, options.reportPath);
    await mkdir(dirname(reportPath), { recursive: true });
    await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  }
  return { ...report, reportPath };
}
