import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { ExternalError, InputError } from '../core/errors.js';
import { childOptions } from './child-env.js';
import {
  chooseRollbackRevision,
  describeDeploy,
  findStuck,
  type HelmRevision,
  type HelmStatus,
  parseHistory,
  type RollbackChoice,
  type RollbackRequest,
  type StuckRelease,
} from './helm-history.js';

export * from './helm-history.js';

/** Where and as whom helm runs. */
export interface HelmTarget {
  /** The helm binary. */
  helm: string;
  /** A kubeconfig file; passed as --kubeconfig so no ambient ~/.kube/config is ever used. */
  kubeconfig: string;
  namespace: string;
  kubeContext?: string;
  /**
   * HELM_DRIVER: configmap (our default: the deploy identity then needs no access to Secrets) or secret
   * (Helm's own default).
   */
  driver?: 'secret' | 'configmap';
  /** Kill helm after this long (default: no limit; --wait has its own --timeout). */
  commandTimeoutMs?: number;
  /**
   * Stops a running helm (SIGTERM, then SIGKILL after 5 s) when aborted: a rollout activity passes its
   * cancellation signal, so a cancelled, timed-out or shut-down activity leaves no helm behind.
   */
  cancelSignal?: AbortSignal;
}

export interface UpgradeRequest {
  release: string;
  /** A chart directory or packaged chart. */
  chart: string;
  /** `repo/name@sha256:…`: the chart gets repository and digest separately. */
  image: string;
  version: string;
  track: 'stable' | 'canary';
  orderTaskQueue: string;
  paymentTaskQueue: string;
  buildId?: string;
  replicas?: number;
  /** The release's own worker env (sent as `worker.releaseEnv`); its fingerprint joins the description, so a change is an upgrade. */
  env?: Readonly<Record<string, string>>;
  /** Values (secrets included) written to a private temp file and passed with --values, never on argv. */
  values?: Record<string, unknown>;
  /** Values files from rollout.yaml, applied before `values`. */
  valuesFiles?: readonly string[];
  timeoutMs: number;
  /** --atomic: a failed upgrade rolls back (a failed first install uninstalls). Default true. */
  atomic?: boolean;
  historyMax?: number;
}

const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DIGEST_IMAGE = /^([^@\s]+)@(sha256:[a-f0-9]{64})$/;
const QUEUE = /^[^\s,]+$/;

export function checkReleaseName(release: string): void {
  if (release.length > 53 || !RELEASE_NAME.test(release)) {
    throw new InputError(
      'release',
      `"${release}" is not a valid Helm release name`,
      'use lowercase letters, digits and dashes, at most 53 characters',
    );
  }
}

/** Splits `repo@sha256:…`; a tag-only reference is refused: deploys are by digest. */
export function splitImage(image: string): { repository: string; digest: string } {
  const match = DIGEST_IMAGE.exec(image);
  if (!match) {
    throw new InputError(
      'image',
      `"${image}" is not pinned by digest`,
      'pass the image as <repository>@sha256:<64 hex> (the build step outputs it)',
    );
  }
  return { repository: match[1]!, digest: match[2]! };
}

/** `--set-string` treats `,` `=` `\` `.` `[` specially in values; ours are checked plain, but escape anyway. */
function setString(key: string, value: string): string[] {
  return ['--set-string', `${key}=${value.replace(/[\\,]/g, (c) => `\\${c}`)}`];
}

function durationArg(ms: number): string {
  if (!Number.isInteger(ms) || ms <= 0)
    throw new InputError('timeout', `${ms} ms is not a positive duration`);
  return `${Math.ceil(ms / 1000)}s`;
}

function targetArgs(target: HelmTarget): string[] {
  return [
    '--kubeconfig',
    target.kubeconfig,
    '--namespace',
    target.namespace,
    ...(target.kubeContext ? ['--kube-context', target.kubeContext] : []),
  ];
}

/**
 * `helm upgrade --install` arguments. The image digest, queues, track and build id go as --set-string (never
 * a number or bool by accident); anything else, secrets included, only through `valuesFile`.
 */
export function upgradeArgs(target: HelmTarget, request: UpgradeRequest, valuesFile?: string): string[] {
  checkReleaseName(request.release);
  const { repository, digest } = splitImage(request.image);
  for (const [name, queue] of [
    ['orderTaskQueue', request.orderTaskQueue],
    ['paymentTaskQueue', request.paymentTaskQueue],
  ] as const) {
    if (!QUEUE.test(queue))
      throw new InputError(name, `"${queue}" is not a task queue name`, 'no spaces or commas');
  }
  const args = [
    'upgrade',
    request.release,
    request.chart,
    '--install',
    ...targetArgs(target),
    '--wait',
    '--timeout',
    durationArg(request.timeoutMs),
    '--history-max',
    String(request.historyMax ?? 20),
    '--description',
    describeDeploy(request.version, request.image, request.env),
  ];
  if (request.atomic ?? true) args.push('--atomic');
  for (const file of request.valuesFiles ?? []) args.push('--values', file);
  if (valuesFile) args.push('--values', valuesFile);
  args.push(
    ...setString('track', request.track),
    ...setString('image.repository', repository),
    ...setString('image.digest', digest),
    ...setString('worker.orderTaskQueue', request.orderTaskQueue),
    ...setString('worker.paymentTaskQueue', request.paymentTaskQueue),
  );
  if (request.buildId) args.push(...setString('worker.buildId', request.buildId));
  if (request.replicas !== undefined) {
    if (!Number.isInteger(request.replicas) || request.replicas < 0) {
      throw new InputError('replicas', `${request.replicas} is not a whole number ≥ 0`);
    }
    args.push('--set', `replicaCount=${request.replicas}`);
  }
  return args;
}

/** `helm rollback` to an explicit revision, always: Helm's default (`current - 1`) may be a failed revision. */
export function rollbackArgs(
  target: HelmTarget,
  release: string,
  revision: number,
  timeoutMs: number,
): string[] {
  checkReleaseName(release);
  if (!Number.isInteger(revision) || revision < 1) {
    throw new InputError(
      'revision',
      `${revision} is not a revision number`,
      'pass a revision from `helm history`',
    );
  }
  return [
    'rollback',
    release,
    String(revision),
    ...targetArgs(target),
    '--wait',
    '--timeout',
    durationArg(timeoutMs),
    '--history-max',
    '20',
  ];
}

export function historyArgs(target: HelmTarget, release: string): string[] {
  checkReleaseName(release);
  return ['history', release, ...targetArgs(target), '--output', 'json', '--max', '256'];
}

export function statusArgs(target: HelmTarget, release: string): string[] {
  checkReleaseName(release);
  return ['status', release, ...targetArgs(target), '--output', 'json'];
}

/** `helm get values` of the deployed (or a given) revision: the user-supplied values, as JSON. */
export function getValuesArgs(target: HelmTarget, release: string, revision?: number): string[] {
  checkReleaseName(release);
  if (revision !== undefined && (!Number.isInteger(revision) || revision < 1)) {
    throw new InputError('revision', `${revision} is not a revision number`);
  }
  return [
    'get',
    'values',
    release,
    ...targetArgs(target),
    '--output',
    'json',
    ...(revision !== undefined ? ['--revision', String(revision)] : []),
  ];
}

export function uninstallArgs(target: HelmTarget, release: string, timeoutMs: number): string[] {
  checkReleaseName(release);
  return ['uninstall', release, ...targetArgs(target), '--wait', '--timeout', durationArg(timeoutMs)];
}

/** What `helm status -o json` tells us, without `config` (user values, may hold secrets) or the manifest. */
export interface HelmReleaseStatus {
  name: string;
  namespace: string;
  revision: number;
  status: HelmStatus;
  description: string;
  lastDeployed: string;
}

export function parseStatus(json: string, release: string): HelmReleaseStatus {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new ExternalError('helm', `status of ${release} is not JSON: ${(error as Error).message}`);
  }
  const doc = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const info = (typeof doc.info === 'object' && doc.info !== null ? doc.info : {}) as Record<string, unknown>;
  if (typeof doc.name !== 'string' || typeof doc.version !== 'number' || typeof info.status !== 'string') {
    throw new ExternalError('helm', `status of ${release} lacks name, version or info.status`);
  }
  return {
    name: doc.name,
    namespace: typeof doc.namespace === 'string' ? doc.namespace : '',
    revision: doc.version,
    status: info.status as HelmStatus,
    description: typeof info.description === 'string' ? info.description : '',
    lastDeployed: typeof info.last_deployed === 'string' ? info.last_deployed : '',
  };
}

const NOT_FOUND = /release: not found/i;

/** Runs helm against one namespace of one cluster. */
export class Helm {
  constructor(readonly target: HelmTarget) {}

  private async run(args: string[], what: string): Promise<string> {
    const result = await execa(this.target.helm, args, {
      reject: false,
      ...childOptions({ HELM_DRIVER: this.target.driver ?? 'configmap', KUBECONFIG: this.target.kubeconfig }),
      stdin: 'ignore',
      ...(this.target.commandTimeoutMs ? { timeout: this.target.commandTimeoutMs } : {}),
      ...(this.target.cancelSignal ? { cancelSignal: this.target.cancelSignal } : {}),
    });
    if (result.isCanceled) {
      // The activity's CancelledFailure, so Temporal records a cancellation, not a failed helm.
      const reason: unknown = this.target.cancelSignal?.reason;
      if (reason instanceof Error) throw reason;
      throw new ExternalError('helm', `${what} was cancelled and helm stopped`);
    }
    if (result.timedOut) {
      throw new ExternalError('helm', `${what} did not finish within ${this.target.commandTimeoutMs} ms`);
    }
    if (result.exitCode !== 0) {
      const detail = (result.stderr || result.stdout).trim().split('\n').slice(-5).join('\n');
      throw new ExternalError('helm', `${what} failed (exit ${result.exitCode}): ${detail}`);
    }
    return result.stdout;
  }

  /** Revisions oldest first; [] when the release does not exist. */
  async history(release: string): Promise<HelmRevision[]> {
    try {
      return parseHistory(
        await this.run(historyArgs(this.target, release), `history of ${release}`),
        release,
      );
    } catch (error) {
      if (error instanceof ExternalError && NOT_FOUND.test(error.message)) return [];
      throw error;
    }
  }

  /** undefined when the release does not exist. */
  async status(release: string): Promise<HelmReleaseStatus | undefined> {
    try {
      return parseStatus(await this.run(statusArgs(this.target, release), `status of ${release}`), release);
    } catch (error) {
      if (error instanceof ExternalError && NOT_FOUND.test(error.message)) return undefined;
      throw error;
    }
  }

  /**
   * The user-supplied values of the deployed revision (e.g. `routing.routes` as the cluster has them);
   * undefined when the release does not exist. May hold secrets: callers must not log it whole.
   */
  async values(release: string, revision?: number): Promise<Record<string, unknown> | undefined> {
    let text: string;
    try {
      text = await this.run(getValuesArgs(this.target, release, revision), `values of ${release}`);
    } catch (error) {
      if (error instanceof ExternalError && NOT_FOUND.test(error.message)) return undefined;
      throw error;
    }
    const parsed: unknown = JSON.parse(text || 'null');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  }

  /**
   * `helm upgrade --install --atomic --wait`. The values go through a 0600 file in a private temp directory,
   * removed afterwards. Returns the revision now deployed.
   */
  async upgrade(request: UpgradeRequest): Promise<HelmRevision> {
    const dir = await mkdtemp(join(tmpdir(), 'tr-helm-'));
    try {
      let valuesFile: string | undefined;
      if (request.values && Object.keys(request.values).length > 0) {
        valuesFile = join(dir, 'values.json');
        // JSON is YAML: no serializer quirks, and helm reads it with --values.
        await writeFile(valuesFile, JSON.stringify(request.values), { mode: 0o600 });
        await chmod(valuesFile, 0o600);
      }
      await this.run(upgradeArgs(this.target, request, valuesFile), `upgrade of ${request.release}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const latest = (await this.history(request.release)).at(-1);
    if (latest?.status !== 'deployed') {
      throw new ExternalError(
        'helm',
        `upgrade of ${request.release} returned but the release is ${latest?.status}`,
      );
    }
    return latest;
  }

  /** Rolls back to the chosen revision, or does nothing when the release already runs it. */
  async rollback(
    release: string,
    request: RollbackRequest,
    timeoutMs: number,
  ): Promise<RollbackChoice & { newRevision?: number }> {
    const history = await this.history(release);
    const choice = chooseRollbackRevision(history, request, release);
    if (choice.alreadyCurrent) return choice;
    await this.run(rollbackArgs(this.target, release, choice.revision, timeoutMs), `rollback of ${release}`);
    const latest = (await this.history(release)).at(-1);
    return { ...choice, newRevision: latest?.revision };
  }

  /** Removes the release; false when there was none (a re-run). */
  async uninstall(release: string, timeoutMs: number): Promise<boolean> {
    if ((await this.history(release)).length === 0) return false;
    await this.run(uninstallArgs(this.target, release, timeoutMs), `uninstall of ${release}`);
    return true;
  }

  /**
   * Unblocks a release a killed deploy left `pending-*` (Helm would refuse every later operation with
   * "another operation (install/upgrade/rollback) is in progress"). A pending revision younger than
   * `minAgeMs` is left alone: another deploy may still be running it.
   */
  async recoverStuck(
    release: string,
    minAgeMs: number,
    timeoutMs: number,
    now: Date = new Date(),
  ): Promise<{ recovered: StuckRelease; message: string } | undefined> {
    const found = findStuck(await this.history(release), now, minAgeMs);
    if (!found.stuck) {
      if (found.busy) {
        throw new ExternalError(
          'helm',
          `release ${release} is ${found.busy.status} (revision ${found.busy.revision}, ${Math.round(found.busy.ageMs / 1000)} s old): another deploy may be running; retry after it ends, or after ${Math.round(minAgeMs / 1000)} s to recover it`,
        );
      }
      return undefined;
    }
    const stuck = found.release;
    const age = `${Math.round(stuck.ageMs / 1000)} s`;
    if (stuck.recovery.action === 'rollback') {
      await this.run(
        rollbackArgs(this.target, release, stuck.recovery.revision, timeoutMs),
        `recovery rollback of ${release}`,
      );
      return {
        recovered: stuck,
        message: `release ${release} was stuck ${stuck.status} at revision ${stuck.revision} for ${age} (a deploy was interrupted); rolled back to revision ${stuck.recovery.revision}, the last good one`,
      };
    }
    await this.run(uninstallArgs(this.target, release, timeoutMs), `recovery uninstall of ${release}`);
    return {
      recovered: stuck,
      message: `release ${release} was stuck ${stuck.status} at revision ${stuck.revision} for ${age} with no good revision before it; uninstalled it so the next deploy starts clean`,
    };
  }
}
