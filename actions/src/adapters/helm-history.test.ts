import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ExternalError, InputError } from '../core/errors.js';
import {
  chooseRollbackRevision,
  deployedRevision,
  describeDeploy,
  findStuck,
  type HelmRevision,
  parseHistory,
  versionOf,
  versionRunBy,
} from './helm-history.js';

function fixture(name: string): HelmRevision[] {
  const text = readFileSync(new URL(`./fixtures/helm/${name}.json`, import.meta.url), 'utf8');
  return parseHistory(text, 'order-worker');
}

/** What `helm rollback <release>` without a revision would pick (pkg/action/rollback.go: current - 1). */
function helmImplicitPrevious(history: HelmRevision[]): number {
  return history.at(-1)!.revision - 1;
}

describe('parseHistory', () => {
  it('reads every field of helm history -o json, oldest first', () => {
    const history = fixture('failed-upgrade');
    expect(history.map((row) => [row.revision, row.status])).toEqual([
      [1, 'superseded'],
      [2, 'superseded'],
      [3, 'deployed'],
      [4, 'failed'],
    ]);
    expect(history[0]).toMatchObject({
      chart: 'order-worker-0.1.0',
      appVersion: '0.1.0',
      updated: '2026-11-20T09:12:03.118734529Z',
    });
    expect(versionOf(history[2]!)).toBe('1.2.0');
    expect(versionOf(history[3]!)).toBeUndefined();
  });

  it('sorts rows that come out of order', () => {
    const rows = JSON.parse(
      readFileSync(new URL('./fixtures/helm/failed-upgrade.json', import.meta.url), 'utf8'),
    );
    const history = parseHistory(JSON.stringify([...rows].reverse()), 'order-worker');
    expect(history.map((row) => row.revision)).toEqual([1, 2, 3, 4]);
  });

  it('refuses output that is not a history, naming the problem', () => {
    expect(() => parseHistory('Error: boom', 'r')).toThrow(ExternalError);
    expect(() => parseHistory('{"revision":1}', 'r')).toThrow(/not a JSON array/);
    expect(() =>
      parseHistory('[{"revision":"1","updated":"x","status":"deployed","chart":"c"}]', 'r'),
    ).toThrow(/positive integer "revision"/);
    expect(() => parseHistory('[{"revision":1,"updated":"x","status":"exploded","chart":"c"}]', 'r')).toThrow(
      /unknown status "exploded"/,
    );
  });

  it('an empty history is an empty list', () => {
    expect(parseHistory('[]', 'r')).toEqual([]);
  });
});

describe('chooseRollbackRevision', () => {
  it('after two failed upgrades picks the last good revision, where Helm would pick a failed one', () => {
    const history = fixture('two-failures');
    expect(history.find((r) => r.revision === helmImplicitPrevious(history))?.status).toBe('failed');
    const choice = chooseRollbackRevision(history, { lastGood: true }, 'order-worker');
    expect(choice).toMatchObject({ revision: 1, alreadyCurrent: false });
    expect(choice.reason).toMatch(/last good revision before 3 \(failed\)/);
  });

  it('after one failed upgrade restores the revision that was serving', () => {
    expect(
      chooseRollbackRevision(fixture('failed-upgrade'), { lastGood: true }, 'order-worker'),
    ).toMatchObject({
      revision: 3,
      alreadyCurrent: false,
    });
  });

  it('from a healthy deployed revision goes to the one before it', () => {
    const history = fixture('failed-upgrade').slice(0, 3);
    expect(chooseRollbackRevision(history, { lastGood: true }, 'order-worker').revision).toBe(2);
  });

  it('skips failed revisions between the deployed one and the older good one', () => {
    const history = fixture('two-failures');
    const deployedAgain: HelmRevision = {
      ...history[0]!,
      revision: 4,
      status: 'deployed',
      description: describeDeploy('1.1.0', 'r@sha256:x'),
    };
    const rows = [{ ...history[0]!, status: 'superseded' as const }, history[1]!, history[2]!, deployedAgain];
    expect(chooseRollbackRevision(rows, { lastGood: true }, 'order-worker').revision).toBe(1);
  });

  it('a re-run after a rollback finds it done instead of walking further back', () => {
    const choice = chooseRollbackRevision(fixture('atomic-rolled-back'), { lastGood: true }, 'order-worker');
    expect(choice).toMatchObject({ revision: 2, alreadyCurrent: true });
    const explicit = chooseRollbackRevision(fixture('atomic-rolled-back'), { revision: 2 }, 'order-worker');
    expect(explicit.alreadyCurrent).toBe(true);
  });

  it('an explicit good revision is used as given', () => {
    expect(
      chooseRollbackRevision(fixture('atomic-rolled-back'), { revision: 1 }, 'order-worker'),
    ).toMatchObject({
      revision: 1,
      alreadyCurrent: false,
    });
  });

  it('refuses an explicit revision that failed, naming the newest good one', () => {
    const attempt = () => chooseRollbackRevision(fixture('two-failures'), { revision: 2 }, 'order-worker');
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow(/revision 2 of order-worker is failed.*the newest one is 1/);
  });

  it('refuses a revision that is not in the history', () => {
    expect(() => chooseRollbackRevision(fixture('failed-upgrade'), { revision: 9 }, 'order-worker')).toThrow(
      /9 is not in the history of order-worker \(revisions: 1, 2, 3, 4\)/,
    );
  });

  it('finds a named version in the history, and refuses one never deployed successfully', () => {
    const history = fixture('failed-upgrade');
    expect(chooseRollbackRevision(history, { version: '1.1.0' }, 'order-worker')).toMatchObject({
      revision: 2,
      alreadyCurrent: false,
    });
    expect(chooseRollbackRevision(history, { version: '1.2.0' }, 'order-worker').alreadyCurrent).toBe(false);
    expect(() => chooseRollbackRevision(history, { version: '9.9.9' }, 'order-worker')).toThrow(
      /9\.9\.9 was never deployed successfully as order-worker \(deployed versions: 1\.0\.0, 1\.1\.0, 1\.2\.0\)/,
    );
  });

  it('the version already serving is a no-op', () => {
    const history = fixture('failed-upgrade').slice(0, 3);
    expect(chooseRollbackRevision(history, { version: '1.2.0' }, 'order-worker')).toMatchObject({
      revision: 3,
      alreadyCurrent: true,
    });
  });

  it('refuses when there is nothing to roll back to', () => {
    expect(() => chooseRollbackRevision([], { lastGood: true }, 'order-worker')).toThrow(/never deployed/);
    expect(() =>
      chooseRollbackRevision(fixture('pending-install'), { lastGood: true }, 'order-worker'),
    ).toThrow(/no good revision before revision 1/);
  });
});

describe('findStuck', () => {
  const at = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000);

  it('a killed upgrade left pending-upgrade: recover by rolling back to the last good revision', () => {
    const history = fixture('pending-upgrade');
    const found = findStuck(history, at('2026-11-25T09:00:00Z', 600), 300_000);
    expect(found).toEqual({
      stuck: true,
      release: {
        revision: 3,
        status: 'pending-upgrade',
        ageMs: 600_000,
        recovery: { action: 'rollback', revision: 2 },
      },
    });
  });

  it('a young pending revision may be a deploy still running: busy, not stuck', () => {
    const found = findStuck(fixture('pending-upgrade'), at('2026-11-25T09:00:00Z', 30), 300_000);
    expect(found).toEqual({ stuck: false, busy: { revision: 3, status: 'pending-upgrade', ageMs: 30_000 } });
  });

  it('a first install that never finished is uninstalled', () => {
    const found = findStuck(fixture('pending-install'), at('2026-11-25T09:00:00Z', 3600), 60_000);
    expect(found.stuck && found.release.recovery).toEqual({ action: 'uninstall' });
  });

  it('settled releases are not stuck', () => {
    const now = new Date('2026-11-26T00:00:00Z');
    for (const name of ['failed-upgrade', 'two-failures', 'atomic-rolled-back']) {
      expect(findStuck(fixture(name), now, 0)).toEqual({ stuck: false });
    }
    expect(findStuck([], now, 0)).toEqual({ stuck: false });
  });
});

describe('deployedRevision', () => {
  it('is the newest deployed revision, not the newest revision', () => {
    expect(deployedRevision(fixture('failed-upgrade'))?.revision).toBe(3);
    expect(deployedRevision(fixture('pending-install'))).toBeUndefined();
  });
});

describe('versionRunBy', () => {
  it('is the version an upgrade recorded, or for a rollback revision the one of the revision it restored', () => {
    const history = fixture('atomic-rolled-back');
    expect(versionRunBy(history, history[1]!)).toBe('1.1.0');
    // revision 4 is "Rollback to 2": it runs what revision 2 ran.
    expect(versionRunBy(history, history[3]!)).toBe('1.1.0');
    // a failed upgrade recorded no version.
    expect(versionRunBy(history, history[2]!)).toBeUndefined();
  });

  it('follows a rollback to a rollback, and stops on a loop', () => {
    const row = (revision: number, description: string): HelmRevision => ({
      revision,
      updated: '2026-11-30T12:00:00Z',
      status: 'superseded',
      chart: 'order-worker-0.1.0',
      appVersion: '0.1.0',
      description,
    });
    const history = [
      row(1, 'temporal-rollout version=1.0.0 image=x'),
      row(2, 'Rollback to 1'),
      row(3, 'Rollback to 2'),
    ];
    expect(versionRunBy(history, history[2]!)).toBe('1.0.0');
    const loop = [row(1, 'Rollback to 2'), row(2, 'Rollback to 1')];
    expect(versionRunBy(loop, loop[0]!)).toBeUndefined();
  });
});
