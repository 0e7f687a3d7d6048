import { createHash } from 'node:crypto';
import { ExternalError, InputError } from '../core/errors.js';

/** Release statuses as `helm history -o json` prints them (Helm v3 `pkg/release/status.go`). */
export const HELM_STATUSES = [
  'unknown',
  'deployed',
  'uninstalled',
  'superseded',
  'failed',
  'uninstalling',
  'pending-install',
  'pending-upgrade',
  'pending-rollback',
] as const;
export type HelmStatus = (typeof HELM_STATUSES)[number];

/** One row of `helm history <release> -o json`. */
export interface HelmRevision {
  revision: number;
  /** As Helm prints it (RFC 3339 with a zone offset). */
  updated: string;
  status: HelmStatus;
  /** `<chart name>-<chart version>` */
  chart: string;
  appVersion: string;
  description: string;
}

/** A revision that once ran to completion: it was deployed (and may since have been replaced). */
export function isGood(revision: HelmRevision): boolean {
  return revision.status === 'deployed' || revision.status === 'superseded';
}

export function isPending(revision: HelmRevision): boolean {
  return revision.status.startsWith('pending-');
}

function field(row: Record<string, unknown>, name: string, index: number): string {
  const value = row[name];
  if (typeof value !== 'string') {
    throw new ExternalError(
      'helm',
      `history row ${index} has no string "${name}" (got ${JSON.stringify(value)})`,
    );
  }
  return value;
}

/** Parses `helm history -o json` output; the rows come back oldest first. */
export function parseHistory(json: string, release: string): HelmRevision[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new ExternalError('helm', `history of ${release} is not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(raw)) throw new ExternalError('helm', `history of ${release} is not a JSON array`);
  const rows = raw.map((item: unknown, index): HelmRevision => {
    if (typeof item !== 'object' || item === null) {
      throw new ExternalError('helm', `history row ${index} of ${release} is not an object`);
    }
    const row = item as Record<string, unknown>;
    const revision = row.revision;
    if (typeof revision !== 'number' || !Number.isInteger(revision) || revision < 1) {
      throw new ExternalError(
        'helm',
        `history row ${index} of ${release} has no positive integer "revision"`,
      );
    }
    const status = field(row, 'status', index);
    if (!(HELM_STATUSES as readonly string[]).includes(status)) {
      throw new ExternalError('helm', `revision ${revision} of ${release} has an unknown status "${status}"`);
    }
    return {
      revision,
      updated: field(row, 'updated', index),
      status: status as HelmStatus,
      chart: field(row, 'chart', index),
      appVersion: typeof row.app_version === 'string' ? row.app_version : '',
      description: typeof row.description === 'string' ? row.description : '',
    };
  });
  return rows.sort((a, b) => a.revision - b.revision);
}

/** The description our upgrades write, so a named version can be found in the history later. */
export function describeDeploy(
  version: string,
  image: string,
  env?: Readonly<Record<string, string>>,
): string {
  const base = `temporal-rollout version=${version} image=${image}`;
  const entries = Object.entries(env ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return base;
  // A fingerprint, not the values: the description is shown by `helm history` to anyone who can list releases.
  const fingerprint = createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 12);
  return `${base} env=${fingerprint}`;
}

/** The version an upgrade recorded in its description (see `describeDeploy`), if any. */
export function versionOf(revision: HelmRevision): string | undefined {
  return /(?:^|\s)version=(\S+)/.exec(revision.description)?.[1];
}

/** `Rollback to 3` → 3: the revision a rollback revision restored. */
export function rolledBackTo(revision: HelmRevision): number | undefined {
  const match = /^Rollback to (\d+)$/.exec(revision.description.trim());
  return match ? Number(match[1]) : undefined;
}

/** The version a revision runs: the one its upgrade recorded, or, for a rollback, the one of the revision it restored. */
export function versionRunBy(history: readonly HelmRevision[], revision: HelmRevision): string | undefined {
  let row: HelmRevision | undefined = revision;
  for (let hops = 0; row && hops < history.length; hops++) {
    const version = versionOf(row);
    if (version) return version;
    const target = rolledBackTo(row);
    row = target === undefined ? undefined : history.find((r) => r.revision === target);
  }
  return undefined;
}

/** What a manual rollback asks for: an explicit revision, a version we deployed, or the last good one. */
export type RollbackRequest = { revision: number } | { version: string } | { lastGood: true };

export interface RollbackChoice {
  revision: number;
  /** True when the release already runs exactly that revision's content (a re-run): nothing to do. */
  alreadyCurrent: boolean;
  reason: string;
}

/**
 * Picks the revision `helm rollback` must be given. Never Helm's implicit "previous" (`current - 1`, which can
 * be a failed revision): only a revision that was deployed successfully, chosen from the recorded history.
 *
 * - `{revision}`: that revision, refused when it is not in the history or never deployed successfully.
 * - `{version}`: the newest good revision whose upgrade recorded that version (or chart appVersion).
 * - `{lastGood}`: the newest good revision older than the newest revision. When the newest revision is
 *   itself a rollback, it is the answer already (re-running a rollback must not walk further back).
 */
export function chooseRollbackRevision(
  history: readonly HelmRevision[],
  request: RollbackRequest,
  release: string,
): RollbackChoice {
  const latest = history.at(-1);
  if (!latest) {
    throw new InputError(`release ${release}`, 'has no history: it was never deployed', 'deploy it first');
  }
  const currentTarget = latest.status === 'deployed' ? (rolledBackTo(latest) ?? latest.revision) : undefined;
  const choose = (target: HelmRevision, why: string): RollbackChoice => ({
    revision: target.revision,
    alreadyCurrent: currentTarget === target.revision || (latest.status === 'deployed' && latest === target),
    reason: why,
  });

  if ('revision' in request) {
    const target = history.find((row) => row.revision === request.revision);
    if (!target) {
      const known = history.map((row) => row.revision).join(', ');
      throw new InputError(
        'revision',
        `${request.revision} is not in the history of ${release} (revisions: ${known})`,
        'pick one from `helm history`',
      );
    }
    if (!isGood(target)) {
      throw new InputError(
        'revision',
        `revision ${target.revision} of ${release} is ${target.status}, it never ran successfully`,
        `pick a deployed or superseded revision${lastGoodHint(history)}`,
      );
    }
    return choose(target, `revision ${target.revision} as requested`);
  }

  if ('version' in request) {
    const target = [...history]
      .reverse()
      .find(
        (row) => isGood(row) && (versionOf(row) === request.version || row.appVersion === request.version),
      );
    if (!target) {
      const seen = [...new Set(history.map(versionOf).filter((v): v is string => v !== undefined))];
      throw new InputError(
        'version',
        `${request.version} was never deployed successfully as ${release}${seen.length ? ` (deployed versions: ${seen.join(', ')})` : ''}`,
        'name a version from the release history, or give an explicit revision',
      );
    }
    return choose(target, `newest good revision of version ${request.version}`);
  }

  const restored = latest.status === 'deployed' ? rolledBackTo(latest) : undefined;
  if (restored !== undefined) {
    const target = history.find((row) => row.revision === restored);
    if (target)
      return {
        revision: target.revision,
        alreadyCurrent: true,
        reason: `already rolled back to ${restored}`,
      };
  }
  const target = [...history].reverse().find((row) => row.revision < latest.revision && isGood(row));
  if (!target) {
    throw new InputError(
      `release ${release}`,
      `has no good revision before revision ${latest.revision} (${latest.status}) to roll back to`,
      'give an explicit revision, or uninstall and deploy again',
    );
  }
  return choose(target, `last good revision before ${latest.revision} (${latest.status})`);
}

function lastGoodHint(history: readonly HelmRevision[]): string {
  const good = [...history].reverse().find(isGood);
  return good ? ` (the newest one is ${good.revision})` : '';
}

/** A release left `pending-*` by a deploy that died (SIGKILL, runner lost) — Helm refuses every later operation. */
export interface StuckRelease {
  revision: number;
  status: HelmStatus;
  ageMs: number;
  /** How to unblock it: roll back to a good revision, or uninstall a first install that never finished. */
  recovery: { action: 'rollback'; revision: number } | { action: 'uninstall' };
}

/**
 * Finds a release stuck in `pending-*`. A pending revision younger than `minAgeMs` may belong to a deploy
 * still running elsewhere, so it is reported as busy (`stuck: false`) rather than recovered.
 */
export function findStuck(
  history: readonly HelmRevision[],
  now: Date,
  minAgeMs: number,
):
  | { stuck: true; release: StuckRelease }
  | { stuck: false; busy?: { revision: number; status: HelmStatus; ageMs: number } } {
  const latest = history.at(-1);
  if (!latest || !isPending(latest)) return { stuck: false };
  const updated = Date.parse(latest.updated);
  const ageMs = Number.isNaN(updated) ? Number.POSITIVE_INFINITY : Math.max(0, now.getTime() - updated);
  if (ageMs < minAgeMs)
    return { stuck: false, busy: { revision: latest.revision, status: latest.status, ageMs } };
  const good = [...history].reverse().find((row) => row.revision < latest.revision && isGood(row));
  return {
    stuck: true,
    release: {
      revision: latest.revision,
      status: latest.status,
      ageMs,
      recovery: good ? { action: 'rollback', revision: good.revision } : { action: 'uninstall' },
    },
  };
}

/** The revision serving now: the newest one Helm marks `deployed`. */
export function deployedRevision(history: readonly HelmRevision[]): HelmRevision | undefined {
  return [...history].reverse().find((row) => row.status === 'deployed');
}
