import { mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { glob } from 'tinyglobby';
import { resolveWorkerSdk, type WorkerSdk } from '../adapters/sdk-resolver.js';
import {
  AesGcmCodec,
  connectLive,
  decodeHistory,
  fetchRuns,
  isEncrypted,
  type LiveSource,
} from '../adapters/temporal-histories.js';
import { InputError } from '../core/errors.js';
import { describeFailure } from '../core/replay/divergence.js';
import { type ParsedHistory, parseHistoryText, parseHistoryValue } from '../core/replay/history.js';
import { auditPatches, codePatches } from '../core/replay/patches.js';
import {
  compatibilityVerdict,
  gatePasses,
  type HistoryOutcome,
  type ReplayReport,
  totals,
} from '../core/replay/verdict.js';

export interface LiveReplaySource extends LiveSource {
  /** Visibility query; default: every open run. */
  query?: string;
  /** At most this many runs (default 100). */
  limit?: number;
}

export interface ReplayOptions {
  /** The consumer's package directory: `@temporalio/worker` is resolved from here, globs are relative to it. */
  workspace: string;
  /** Globs of history files (`temporal workflow show -o json` format). */
  histories: string[];
  /** The workflows module (bundled once here), or a prebuilt bundle from `bundleWorkflowCode`. */
  workflowsPath?: string;
  bundlePath?: string;
  live?: LiveReplaySource;
  /** AES-GCM key for histories captured with encrypted payloads. */
  codecKey?: Buffer;
  /** Do not fail on replay errors that are not non-determinism. */
  allowReplayErrors?: boolean;
  /** Where to write the JSON report. */
  reportPath?: string;
  /**
   * Replay workers run side by side in this process (each has its own workflow thread, so they use several
   * cores). Default: the number of CPUs, at most 4.
   */
  concurrency?: number;
}

export interface ReplayResult extends ReplayReport {
  reportPath: string | null;
}

interface Candidate {
  parsed: ParsedHistory;
  origin: 'file' | 'live';
  workflowId: string;
}

export const DEFAULT_LIVE_QUERY = 'ExecutionStatus="Running"';

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
      `input "histories": ${pattern}`,
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
        `input "histories": ${pattern}`,
        `matches no file under ${workspace}`,
        'check the glob (it is relative to the workspace)',
      );
    for (const file of matched) {
      const real = await realpath(file);
      if (real !== root && !real.startsWith(`${root}${sep}`)) {
        throw new InputError(
          `input "histories": ${relative(workspace, file)}`,
          'is a link to a file outside the workspace',
          'keep history files inside the workspace',
        );
      }
      files.add(file);
    }
  }
  return [...files].sort();
}

async function readHistories(workspace: string, files: string[], codec: AesGcmCodec | undefined) {
  const parsed: ParsedHistory[] = [];
  for (const file of files) {
    const name = relative(workspace, file);
    const history = parseHistoryText(await readFile(file, 'utf8'), name);
    if (isEncrypted(history.history)) {
      if (!codec)
        throw new InputError(
          `history file ${name}`,
          'has encrypted payloads',
          'pass the codec key it was captured with ("codec-key" / --codec-key-env)',
        );
      history.history = await decodeHistory(history.history, codec);
    }
    parsed.push(history);
  }
  return parsed;
}

async function loadBundle(
  sdk: WorkerSdk,
  options: ReplayOptions,
): Promise<{ bundle: WorkflowBundleWithSourceMap; label: ReplayReport['workflows'] }> {
  if (options.bundlePath) {
    const path = resolve(options.workspace, options.bundlePath);
    const code = await readFile(path, 'utf8').catch(() => {
      throw new InputError(`input "bundle": ${options.bundlePath}`, 'cannot be read');
    });
    return { bundle: { code, sourceMap: '' }, label: { bundlePath: relative(options.workspace, path) } };
  }
  const path = resolve(options.workspace, options.workflowsPath as string);
  const logger = new sdk.DefaultLogger('WARN');
  try {
    return {
      bundle: await sdk.bundleWorkflowCode({ workflowsPath: path, logger }),
      label: { workflowsPath: relative(options.workspace, path) },
    };
  } catch (err) {
    throw new InputError(
      `input "workflows": ${options.workflowsPath}`,
      `could not be bundled: ${(err as Error).message}`,
    );
  }
}

async function fetchLive(live: LiveReplaySource, codec: AesGcmCodec | undefined): Promise<Candidate[]> {
  const session = await connectLive(live);
  try {
    const runs = await fetchRuns(session.client, live.query ?? DEFAULT_LIVE_QUERY, live.limit ?? 100);
    const candidates: Candidate[] = [];
    for (const run of runs) {
      const history = codec ? await decodeHistory(run.history, codec) : run.history;
      const parsed = parseHistoryValue(history, `live:${run.workflowId}/${run.runId}`);
      candidates.push({ parsed, origin: 'live', workflowId: run.workflowId });
    }
    return candidates;
  } finally {
    await session.close();
  }
}

/**
 * Replays every candidate with one bundle through `concurrency` replay workers (the SDK replays one history at a
 * time per worker); returns outcomes in input order.
 */
export async function replayAll(
  sdk: WorkerSdk,
  bundle: WorkflowBundleWithSourceMap,
  candidates: Candidate[],
  concurrency = 1,
): Promise<HistoryOutcome[]> {
  // The replayer reports results by workflow id; make ids unique so each result finds its history.
  const keys = candidates.map((c, i) => `${c.workflowId}#${i}`);
  const byKey = new Map(keys.map((k, i) => [k, candidates[i] as Candidate]));
  const outcomes = new Map<string, HistoryOutcome>();
  const input = candidates.map((c, i) => ({ workflowId: keys[i] as string, history: c.parsed.history }));
  const lanes = Math.max(1, Math.min(concurrency, input.length));
  const lane = async (index: number) => {
    const mine = input.filter((_, i) => i % lanes === index);
    for await (const result of sdk.Worker.runReplayHistories({ workflowBundle: bundle }, mine)) {
      const candidate = byKey.get(result.workflowId);
      if (!candidate) continue;
      const { parsed } = candidate;
      outcomes.set(result.workflowId, {
        source: parsed.source,
        origin: candidate.origin,
        workflowType: parsed.workflowType,
        ...(parsed.runId ? { runId: parsed.runId } : {}),
        status: parsed.status,
        eventCount: parsed.eventCount,
        failure: result.error
          ? describeFailure(parsed.history, result.error.name, result.error.message)
          : null,
      });
    }
  };
  // Settle every lane before failing, so no replay worker is left running behind a thrown error.
  const settled = await Promise.allSettled(Array.from({ length: lanes }, (_, i) => lane(i)));
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return keys.map((k) => outcomes.get(k) as HistoryOutcome);
}

export async function replay(options: ReplayOptions): Promise<ReplayResult> {
  const startedAt = new Date();
  const workspace = resolve(options.workspace);
  if (!options.workflowsPath === !options.bundlePath)
    throw new InputError(
      'input "workflows" / "bundle"',
      options.workflowsPath ? 'both are set' : 'neither is set',
      'give the workflows module or a prebuilt bundle, not both',
    );
  if (options.histories.length === 0 && !options.live)
    throw new InputError('input "histories"', 'is empty and no live source is set', 'give history globs');
  const codec = options.codecKey ? new AesGcmCodec(options.codecKey) : undefined;
  // Everything that can be wrong with the inputs is checked before the (slow) bundle and the server.
  const files = await expandGlobs(workspace, options.histories);
  const stored = await readHistories(workspace, files, codec);
  const resolved = await resolveWorkerSdk(workspace);
  const { bundle, label } = await loadBundle(resolved.sdk, { ...options, workspace });
  const candidates: Candidate[] = stored.map((parsed) => ({
    parsed,
    origin: 'file',
    workflowId: `replay-${parsed.runId ?? parsed.source}`,
  }));
  if (options.live) candidates.push(...(await fetchLive(options.live, codec)));

  const concurrency = options.concurrency ?? Math.min(4, availableParallelism());
  const outcomes = await replayAll(resolved.sdk, bundle, candidates, concurrency);
  const missing = outcomes.filter((o) => o.origin === 'file' && o.failure?.kind === 'missing-workflow-type');
  if (missing.length > 0)
    throw new InputError(
      `history file ${missing.map((o) => o.source).join(', ')}`,
      `workflow type ${[...new Set(missing.map((o) => `"${o.workflowType}"`))].join(', ')} is not exported by ${label.workflowsPath ?? label.bundlePath}`,
      'export it from the workflows module, or remove histories of workflow types that no longer exist',
    );

  const patches = auditPatches(
    codePatches(bundle.code),
    candidates.map((c) => c.parsed),
  );
  const report: ReplayReport = {
    sdk: { package: '@temporalio/worker', version: resolved.version, path: resolved.path },
    workflows: label,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    totals: totals(outcomes),
    outcomes,
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
