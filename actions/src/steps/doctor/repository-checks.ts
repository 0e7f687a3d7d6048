import { readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fail, pass, skip, warn } from '../../core/doctor/checklist.js';
import { formatDuration } from '../../core/duration.js';
import { type Manifest, parseManifest } from '../../core/replay/manifest.js';
import { failureLine } from '../../core/replay/render.js';
import { type ReplayResult, replay } from '../replay.js';
import { type DoctorContext, once } from './context.js';
import type { Check } from './run-check.js';

/** Replay bundles the workflow code (seconds of CPU) before it replays anything. */
const REPLAY_TIMEOUT_MS = 300_000;

function ageText(ms: number): string {
  const days = ms / 86_400_000;
  return days >= 1 ? `${days.toFixed(1)} days` : formatDuration(Math.round(ms / 60_000) * 60_000 || 60_000);
}

export function repositoryChecks(ctx: DoctorContext): Check[] {
  const dir = resolve(ctx.root, ctx.historiesDir);
  const shown = relative(ctx.root, dir) || '.';
  const manifestFile = join(dir, 'manifest.json');
  const manifest = once(async (): Promise<Manifest | undefined> => {
    const text = await readFile(manifestFile, 'utf8').catch(() => undefined);
    return text === undefined ? undefined : parseManifest(text, `${shown}/manifest.json`);
  });
  const replayed = once(async (): Promise<ReplayResult | undefined> => {
    if (!ctx.workflowsPath || !(await manifest())) return undefined;
    return replay({
      workspace: ctx.root,
      histories: [`${shown}/*/*.json`],
      workflowsPath: ctx.workflowsPath,
    });
  });
  const needsReplay = `not checked: neither doctor.workflowsPath nor ${ctx.optionName('workflows')} is set`;

  return [
    {
      id: 'repository.histories',
      group: 'repository',
      title: 'histories/ is present with its manifest',
      async run() {
        const exists = await stat(dir)
          .then((s) => s.isDirectory())
          .catch(() => false);
        if (!exists)
          return fail(
            `${shown}/ does not exist`,
            'capture production histories into it (the capture action, or temporal-rollout capture --out) and commit them',
          );
        const m = await manifest();
        if (!m)
          return fail(
            `${shown}/manifest.json does not exist`,
            'the capture step writes it; re-capture, or restore it from git',
          );
        if (m.histories.length === 0)
          return fail(
            `${shown}/manifest.json lists no history`,
            'capture histories (the capture action, nightly)',
          );
        const open = m.histories.filter((h) => h.status === 'open').length;
        return pass(`${m.histories.length} histories (${open} open) in ${shown}/`);
      },
    },
    {
      id: 'repository.histories-age',
      group: 'repository',
      title: 'the newest captured history is recent',
      async run() {
        const m = await manifest().catch(() => undefined);
        if (!m || m.histories.length === 0) return skip('no manifest (see repository.histories)');
        const newest = m.histories
          .map((h) => ({ file: h.file, at: Date.parse(h.capturedAt) }))
          .filter((h) => !Number.isNaN(h.at))
          .sort((a, b) => b.at - a.at)[0];
        if (!newest)
          return fail(`no entry of ${shown}/manifest.json has a capturedAt date`, 're-capture the histories');
        const age = ctx.now().getTime() - newest.at;
        const seen = `newest capture ${new Date(newest.at).toISOString()} (${newest.file}), ${ageText(age)} old; limit ${ageText(ctx.historiesMaxAgeMs)}`;
        if (age > ctx.historiesMaxAgeMs)
          return warn(
            seen,
            'capture fresh histories (the scheduled capture workflow opens a pull request) so replay tests what production runs now',
          );
        return pass(seen);
      },
    },
    {
      id: 'repository.replay',
      group: 'repository',
      title: 'the stored histories replay on this code',
      timeoutMs: REPLAY_TIMEOUT_MS,
      async run() {
        if (!ctx.workflowsPath)
          return warn(needsReplay, 'set doctor.workflowsPath in rollout.yaml (your workflows module)');
        const report = await replayed();
        if (!report) return skip('no manifest (see repository.histories)');
        const sdk = `@temporalio/worker ${report.sdk.version}`;
        if (!report.passed) {
          const failures = report.outcomes.filter((o) => o.failure !== null);
          return fail(
            `${failures.length} of ${report.totals.total} histories do not replay with ${sdk}: ${failures.map(failureLine).join('; ')}`,
            "guard the change with patched() (or deploy on a new per-version task queue); the replay step's report names the first diverging event",
          );
        }
        return pass(`${report.totals.total} histories replay with ${sdk} (${report.durationMs} ms)`);
      },
    },
    {
      id: 'repository.patches',
      group: 'repository',
      title: 'no patch is kept that no open run needs',
      timeoutMs: REPLAY_TIMEOUT_MS,
      async run() {
        if (!ctx.workflowsPath) return skip(needsReplay);
        const report = await replayed().catch(() => undefined);
        if (!report) return skip('not checked: the histories did not replay (see repository.replay)');
        const removable = report.patches.filter(
          (p) => p.advice === 'can-deprecate' || p.advice === 'can-remove-call',
        );
        const kept = report.patches.filter(
          (p) => p.advice === 'keep-old-branch' || p.advice === 'keep-deprecate-call',
        );
        if (removable.length > 0)
          return warn(
            removable.map((p) => `${p.id}: ${p.explanation}`).join('; '),
            'simplify the workflow code as each line says, then re-run the replay gate',
          );
        if (kept.length === 0) return pass('no patch in the code or the histories');
        return pass(kept.map((p) => `${p.id}: ${p.explanation}`).join('; '));
      },
    },
  ];
}
