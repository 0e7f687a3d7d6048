// One change at a time on a track of the local deployer's state dir, the latest one to start winning. An
// activity attempt that timed out on its heartbeat can still run while its retry starts (on another worker, or
// in the same process): without this both would read, spawn and write the same track files, and the set
// the loser started would run on, recorded nowhere.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { lock } from 'proper-lockfile';
import { ExternalError } from '../core/errors.js';
import { sleep } from '../core/sleep.js';
import { writeFileAtomic } from './state-file.js';

/** A change that gave way to a later one on the same track (which carries on): it changed nothing that stays. */
export class SupersededError extends ExternalError {}

export interface Turn {
  /** Throws SupersededError once a later change on the track started, or the lock was lost: call between steps. */
  check(): Promise<void>;
}

export interface TrackLockOptions {
  /** How long to wait for the change holding the lock before giving up. */
  waitMs: number;
  /** A lock not refreshed for this long is taken over: its holder was killed (proper-lockfile refreshes it). */
  staleMs?: number;
  pollMs?: number;
}

/**
 * Runs `work` holding the lock `<base>.lock`, after naming itself the latest change in `<base>.latest`. A
 * change waiting for the lock gives up as soon as a later one started; the one holding it learns it through
 * `turn.check()` and stops what it started. `what` names the change in messages.
 */
export async function withTrackLock<T>(
  base: string,
  what: string,
  options: TrackLockOptions,
  work: (turn: Turn) => Promise<T>,
): Promise<T> {
  const ticket = randomUUID();
  const latestFile = `${base}.latest`;
  const lockfilePath = `${base}.lock`;
  await writeFileAtomic(latestFile, ticket);
  let lost: Error | undefined;
  const gaveWay = async (): Promise<Error | undefined> => {
    if (lost) return lost;
    const latest = await readFile(latestFile, 'utf8').catch(() => '');
    return latest === ticket
      ? undefined
      : new SupersededError('local deployer', `${what} gave way to a later change of the same track`);
  };
  const deadline = Date.now() + options.waitMs;
  let release: () => Promise<void>;
  for (;;) {
    try {
      release = await lock(base, {
        realpath: false,
        lockfilePath,
        stale: options.staleMs ?? 10_000,
        retries: 0,
        onCompromised: (err) => {
          lost = new ExternalError('local deployer', `${what} lost its lock ${lockfilePath}: ${err.message}`);
        },
      });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
    }
    const superseded = await gaveWay();
    if (superseded) throw superseded;
    if (Date.now() > deadline) {
      throw new ExternalError(
        'local deployer',
        `${what}: another change of the track held ${lockfilePath} for more than ${Math.round(options.waitMs / 1000)} s; retry once it finished`,
      );
    }
    await sleep(options.pollMs ?? 200);
  }
  const turn: Turn = {
    async check() {
      const superseded = await gaveWay();
      if (superseded) throw superseded;
    },
  };
  try {
    await turn.check();
    return await work(turn);
  } finally {
    // Rejects when the lock was lost (compromised): nothing is left to release then.
    await release().catch(() => {});
  }
}
