import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { I as InputError, E as ExternalError } from './errors-Cq3sNBNk.js';
import { i as isKubernetesFailure, K as KubernetesApiError } from './kubernetes-api-BrNn2NrW.js';
import { randomUUID, createHash } from 'node:crypto';
import { readFile, mkdir, writeFile, rename, mkdtemp, chmod, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { e as execa, c as childOptions } from './child-env-Cy3YPh8N.js';

/** Writes `text` to `path` through a temporary file and a rename, so a reader never sees half a file. */ async function writeFileAtomic(path, text) {
    await mkdir(dirname(path), {
        recursive: true
    });
    // Unique per write: two writes of one file at once in one process must not share a temporary file.
    const temporary = `${path}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
    await writeFile(temporary, text);
    await rename(temporary, path);
}
/** Parses a stored rollout state; `where` names the file or object in errors. */ function parseState(text, where) {
    let state;
    try {
        state = JSON.parse(text);
    } catch (err) {
        throw new InputError(where, `is not valid JSON (${err.message})`, 'restore it or delete it');
    }
    if (state?.schema !== 1) {
        throw new InputError(where, `has schema ${String(state?.schema)}, expected 1`, 'restore it or delete it');
    }
    return state;
}
/** The rollout state as a JSON file (`.rollout/state.json` by default). */ class FileStateStore {
    constructor(where){
        this.where = where;
    }
    async load() {
        let text;
        try {
            text = await readFile(this.where, 'utf8');
        } catch (err) {
            if (err.code === 'ENOENT') return undefined;
            throw err;
        }
        return parseState(text, this.where);
    }
    async save(state) {
        await writeFileAtomic(this.where, `${JSON.stringify(state, null, 2)}\n`);
    }
}

const STATE_KEY = 'state.json';
/**
 * The rollout state in a ConfigMap beside the releases, so every workflow run (a release, a manual rollback
 * days later) reads the same state without passing files around. Writes are conditional on the
 * resourceVersion last read: two pipelines changing the same rollout at once cannot overwrite each other;
 * the second gets a clear error instead.
 */ class ConfigMapStateStore {
    constructor(api, name){
        this.api = api;
        this.name = name;
        if (name.length > 253 || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name)) {
            throw new InputError('helm.stateConfigMap', `"${name}" is not a valid ConfigMap name`, 'use lowercase letters, digits, dashes and dots');
        }
        this.where = `ConfigMap ${api.namespace}/${name}`;
    }
    async load() {
        const found = await this.api.readConfigMap(this.name).catch((error)=>{
            throw this.failure('read', error);
        });
        this.resourceVersion = found?.resourceVersion;
        const text = found?.data[STATE_KEY];
        return text === undefined ? undefined : parseState(text, `${this.where} (key ${STATE_KEY})`);
    }
    async save(state) {
        this.resourceVersion = await this.api.writeConfigMap({
            name: this.name,
            labels: {
                'app.kubernetes.io/managed-by': 'temporal-rollout',
                'app.kubernetes.io/part-of': state.app
            },
            ...this.resourceVersion ? {
                resourceVersion: this.resourceVersion
            } : {},
            data: {
                [STATE_KEY]: `${JSON.stringify(state, null, 2)}\n`
            }
        }).catch((error)=>{
            throw this.failure('write', error);
        });
    }
    failure(action, error) {
        // A cancelled rollout activity's reason goes on as it is, so Temporal records a cancellation.
        if (!isKubernetesFailure(error)) return error;
        const detail = error.message;
        if (!(error instanceof KubernetesApiError)) {
            return new ExternalError('rollout state', `cannot ${action} ${this.where}: ${detail}`, {
                cause: error
            });
        }
        if (error.conflict) {
            return new ExternalError('rollout state', `${this.where} changed since this step read it (another pipeline run is changing this rollout?): ${detail}. The state was not written; wait for the other run to finish, then re-run this step (steps are idempotent)`, {
                cause: error
            });
        }
        // No credentials at all: 401, or 403 as the anonymous user when the API server allows anonymous requests.
        if (error.status === 401 || error.status === 403 && /system:anonymous/.test(detail)) {
            return new ExternalError('rollout state', `cannot ${action} ${this.where}: the kubeconfig has no usable credentials (${detail}). Give the deploy identity's kubeconfig (input "kubeconfig", --kubeconfig)`, {
                cause: error
            });
        }
        if (error.status === 403) {
            return new ExternalError('rollout state', `cannot ${action} ${this.where}: ${detail}. The deploy identity needs get, create and update on configmaps in this namespace (the chart's deployRbac Role has them)`, {
                cause: error
            });
        }
        return new ExternalError('rollout state', `cannot ${action} ${this.where}: ${detail}`, {
            cause: error
        });
    }
}

/** Release statuses as `helm history -o json` prints them (Helm v3 `pkg/release/status.go`). */ const HELM_STATUSES = [
    'unknown',
    'deployed',
    'uninstalled',
    'superseded',
    'failed',
    'uninstalling',
    'pending-install',
    'pending-upgrade',
    'pending-rollback'
];
/** A revision that once ran to completion: it was deployed (and may since have been replaced). */ function isGood(revision) {
    return revision.status === 'deployed' || revision.status === 'superseded';
}
function isPending(revision) {
    return revision.status.startsWith('pending-');
}
function field(row, name, index) {
    const value = row[name];
    if (typeof value !== 'string') {
        throw new ExternalError('helm', `history row ${index} has no string "${name}" (got ${JSON.stringify(value)})`);
    }
    return value;
}
/** Parses `helm history -o json` output; the rows come back oldest first. */ function parseHistory(json, release) {
    let raw;
    try {
        raw = JSON.parse(json);
    } catch (error) {
        throw new ExternalError('helm', `history of ${release} is not JSON: ${error.message}`);
    }
    if (!Array.isArray(raw)) throw new ExternalError('helm', `history of ${release} is not a JSON array`);
    const rows = raw.map((item, index)=>{
        if (typeof item !== 'object' || item === null) {
            throw new ExternalError('helm', `history row ${index} of ${release} is not an object`);
        }
        const row = item;
        const revision = row.revision;
        if (typeof revision !== 'number' || !Number.isInteger(revision) || revision < 1) {
            throw new ExternalError('helm', `history row ${index} of ${release} has no positive integer "revision"`);
        }
        const status = field(row, 'status', index);
        if (!HELM_STATUSES.includes(status)) {
            throw new ExternalError('helm', `revision ${revision} of ${release} has an unknown status "${status}"`);
        }
        return {
            revision,
            updated: field(row, 'updated', index),
            status: status,
            chart: field(row, 'chart', index),
            appVersion: typeof row.app_version === 'string' ? row.app_version : '',
            description: typeof row.description === 'string' ? row.description : ''
        };
    });
    return rows.sort((a, b)=>a.revision - b.revision);
}
/** The description our upgrades write, so a named version can be found in the history later. */ function describeDeploy(version, image, env) {
    const base = `temporal-rollout version=${version} image=${image}`;
    const entries = Object.entries(env ?? {}).sort(([a], [b])=>a.localeCompare(b));
    if (entries.length === 0) return base;
    // A fingerprint, not the values: the description is shown by `helm history` to anyone who can list releases.
    const fingerprint = createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 12);
    return `${base} env=${fingerprint}`;
}
/** The version an upgrade recorded in its description (see `describeDeploy`), if any. */ function versionOf(revision) {
    return /(?:^|\s)version=(\S+)/.exec(revision.description)?.[1];
}
/** `Rollback to 3` → 3: the revision a rollback revision restored. */ function rolledBackTo(revision) {
    const match = /^Rollback to (\d+)$/.exec(revision.description.trim());
    return match ? Number(match[1]) : undefined;
}
/** The version a revision runs: the one its upgrade recorded, or, for a rollback, the one of the revision it restored. */ function versionRunBy(history, revision) {
    let row = revision;
    for(let hops = 0; row && hops < history.length; hops++){
        const version = versionOf(row);
        if (version) return version;
        const target = rolledBackTo(row);
        row = target === undefined ? undefined : history.find((r)=>r.revision === target);
    }
    return undefined;
}
/**
 * Picks the revision `helm rollback` must be given. Never Helm's implicit "previous" (`current - 1`, which can
 * be a failed revision): only a revision that was deployed successfully, chosen from the recorded history.
 *
 * - `{revision}`: that revision, refused when it is not in the history or never deployed successfully.
 * - `{version}`: the newest good revision whose upgrade recorded that version (or chart appVersion).
 * - `{lastGood}`: the newest good revision older than the newest revision. When the newest revision is
 *   itself a rollback, it is the answer already (re-running a rollback must not walk further back).
 */ function chooseRollbackRevision(history, request, release) {
    const latest = history.at(-1);
    if (!latest) {
        throw new InputError(`release ${release}`, 'has no history: it was never deployed', 'deploy it first');
    }
    const currentTarget = latest.status === 'deployed' ? rolledBackTo(latest) ?? latest.revision : undefined;
    const choose = (target, why)=>({
            revision: target.revision,
            alreadyCurrent: currentTarget === target.revision || latest.status === 'deployed' && latest === target,
            reason: why
        });
    if ('revision' in request) {
        const target = history.find((row)=>row.revision === request.revision);
        if (!target) {
            const known = history.map((row)=>row.revision).join(', ');
            throw new InputError('revision', `${request.revision} is not in the history of ${release} (revisions: ${known})`, 'pick one from `helm history`');
        }
        if (!isGood(target)) {
            throw new InputError('revision', `revision ${target.revision} of ${release} is ${target.status}, it never ran successfully`, `pick a deployed or superseded revision${lastGoodHint(history)}`);
        }
        return choose(target, `revision ${target.revision} as requested`);
    }
    if ('version' in request) {
        const target = [
            ...history
        ].reverse().find((row)=>isGood(row) && (versionOf(row) === request.version || row.appVersion === request.version));
        if (!target) {
            const seen = [
                ...new Set(history.map(versionOf).filter((v)=>v !== undefined))
            ];
            throw new InputError('version', `${request.version} was never deployed successfully as ${release}${seen.length ? ` (deployed versions: ${seen.join(', ')})` : ''}`, 'name a version from the release history, or give an explicit revision');
        }
        return choose(target, `newest good revision of version ${request.version}`);
    }
    const restored = latest.status === 'deployed' ? rolledBackTo(latest) : undefined;
    if (restored !== undefined) {
        const target = history.find((row)=>row.revision === restored);
        if (target) return {
            revision: target.revision,
            alreadyCurrent: true,
            reason: `already rolled back to ${restored}`
        };
    }
    const target = [
        ...history
    ].reverse().find((row)=>row.revision < latest.revision && isGood(row));
    if (!target) {
        throw new InputError(`release ${release}`, `has no good revision before revision ${latest.revision} (${latest.status}) to roll back to`, 'give an explicit revision, or uninstall and deploy again');
    }
    return choose(target, `last good revision before ${latest.revision} (${latest.status})`);
}
function lastGoodHint(history) {
    const good = [
        ...history
    ].reverse().find(isGood);
    return good ? ` (the newest one is ${good.revision})` : '';
}
/**
 * Finds a release stuck in `pending-*`. A pending revision younger than `minAgeMs` may belong to a deploy
 * still running elsewhere, so it is reported as busy (`stuck: false`) rather than recovered.
 */ function findStuck(history, now, minAgeMs) {
    const latest = history.at(-1);
    if (!latest || !isPending(latest)) return {
        stuck: false
    };
    const updated = Date.parse(latest.updated);
    const ageMs = Number.isNaN(updated) ? Number.POSITIVE_INFINITY : Math.max(0, now.getTime() - updated);
    if (ageMs < minAgeMs) return {
        stuck: false,
        busy: {
            revision: latest.revision,
            status: latest.status,
            ageMs
        }
    };
    const good = [
        ...history
    ].reverse().find((row)=>row.revision < latest.revision && isGood(row));
    return {
        stuck: true,
        release: {
            revision: latest.revision,
            status: latest.status,
            ageMs,
            recovery: good ? {
                action: 'rollback',
                revision: good.revision
            } : {
                action: 'uninstall'
            }
        }
    };
}
/** The revision serving now: the newest one Helm marks `deployed`. */ function deployedRevision(history) {
    return [
        ...history
    ].reverse().find((row)=>row.status === 'deployed');
}

const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DIGEST_IMAGE = /^([^@\s]+)@(sha256:[a-f0-9]{64})$/;
const QUEUE = /^[^\s,]+$/;
function checkReleaseName(release) {
    if (release.length > 53 || !RELEASE_NAME.test(release)) {
        throw new InputError('release', `"${release}" is not a valid Helm release name`, 'use lowercase letters, digits and dashes, at most 53 characters');
    }
}
/** Splits `repo@sha256:…`; a tag-only reference is refused: deploys are by digest. */ function splitImage(image) {
    const match = DIGEST_IMAGE.exec(image);
    if (!match) {
        throw new InputError('image', `"${image}" is not pinned by digest`, 'pass the image as <repository>@sha256:<64 hex> (the build step outputs it)');
    }
    return {
        repository: match[1],
        digest: match[2]
    };
}
/** `--set-string` treats `,` `=` `\` `.` `[` specially in values; ours are checked plain, but escape anyway. */ function setString(key, value) {
    return [
        '--set-string',
        `${key}=${value.replace(/[\\,]/g, (c)=>`\\${c}`)}`
    ];
}
function durationArg(ms) {
    if (!Number.isInteger(ms) || ms <= 0) throw new InputError('timeout', `${ms} ms is not a positive duration`);
    return `${Math.ceil(ms / 1000)}s`;
}
function targetArgs(target) {
    return [
        '--kubeconfig',
        target.kubeconfig,
        '--namespace',
        target.namespace,
        ...target.kubeContext ? [
            '--kube-context',
            target.kubeContext
        ] : []
    ];
}
/**
 * `helm upgrade --install` arguments. The image digest, queues, track and build id go as --set-string (never
 * a number or bool by accident); anything else, secrets included, only through `valuesFile`.
 */ function upgradeArgs(target, request, valuesFile) {
    checkReleaseName(request.release);
    const { repository, digest } = splitImage(request.image);
    for (const [name, queue] of [
        [
            'orderTaskQueue',
            request.orderTaskQueue
        ],
        [
            'paymentTaskQueue',
            request.paymentTaskQueue
        ]
    ]){
        if (!QUEUE.test(queue)) throw new InputError(name, `"${queue}" is not a task queue name`, 'no spaces or commas');
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
        describeDeploy(request.version, request.image, request.env)
    ];
    if (request.atomic ?? true) args.push('--atomic');
    for (const file of request.valuesFiles ?? [])args.push('--values', file);
    if (valuesFile) args.push('--values', valuesFile);
    args.push(...setString('track', request.track), ...setString('image.repository', repository), ...setString('image.digest', digest), ...setString('worker.orderTaskQueue', request.orderTaskQueue), ...setString('worker.paymentTaskQueue', request.paymentTaskQueue));
    if (request.buildId) args.push(...setString('worker.buildId', request.buildId));
    if (request.replicas !== undefined) {
        if (!Number.isInteger(request.replicas) || request.replicas < 0) {
            throw new InputError('replicas', `${request.replicas} is not a whole number ≥ 0`);
        }
        args.push('--set', `replicaCount=${request.replicas}`);
    }
    return args;
}
/** `helm rollback` to an explicit revision, always: Helm's default (`current - 1`) may be a failed revision. */ function rollbackArgs(target, release, revision, timeoutMs) {
    checkReleaseName(release);
    if (!Number.isInteger(revision) || revision < 1) {
        throw new InputError('revision', `${revision} is not a revision number`, 'pass a revision from `helm history`');
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
        '20'
    ];
}
function historyArgs(target, release) {
    checkReleaseName(release);
    return [
        'history',
        release,
        ...targetArgs(target),
        '--output',
        'json',
        '--max',
        '256'
    ];
}
function statusArgs(target, release) {
    checkReleaseName(release);
    return [
        'status',
        release,
        ...targetArgs(target),
        '--output',
        'json'
    ];
}
/** `helm get values` of the deployed (or a given) revision: the user-supplied values, as JSON. */ function getValuesArgs(target, release, revision) {
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
        ...revision !== undefined ? [
            '--revision',
            String(revision)
        ] : []
    ];
}
function uninstallArgs(target, release, timeoutMs) {
    checkReleaseName(release);
    return [
        'uninstall',
        release,
        ...targetArgs(target),
        '--wait',
        '--timeout',
        durationArg(timeoutMs)
    ];
}
function parseStatus(json, release) {
    let raw;
    try {
        raw = JSON.parse(json);
    } catch (error) {
        throw new ExternalError('helm', `status of ${release} is not JSON: ${error.message}`);
    }
    const doc = typeof raw === 'object' && raw !== null ? raw : {};
    const info = typeof doc.info === 'object' && doc.info !== null ? doc.info : {};
    if (typeof doc.name !== 'string' || typeof doc.version !== 'number' || typeof info.status !== 'string') {
        throw new ExternalError('helm', `status of ${release} lacks name, version or info.status`);
    }
    return {
        name: doc.name,
        namespace: typeof doc.namespace === 'string' ? doc.namespace : '',
        revision: doc.version,
        status: info.status,
        description: typeof info.description === 'string' ? info.description : '',
        lastDeployed: typeof info.last_deployed === 'string' ? info.last_deployed : ''
    };
}
const NOT_FOUND = /release: not found/i;
/** Runs helm against one namespace of one cluster. */ class Helm {
    constructor(target){
        this.target = target;
    }
    async run(args, what) {
        const result = await execa(this.target.helm, args, {
            reject: false,
            ...childOptions({
                HELM_DRIVER: this.target.driver ?? 'configmap',
                KUBECONFIG: this.target.kubeconfig
            }),
            stdin: 'ignore',
            ...this.target.commandTimeoutMs ? {
                timeout: this.target.commandTimeoutMs
            } : {},
            ...this.target.cancelSignal ? {
                cancelSignal: this.target.cancelSignal
            } : {}
        });
        if (result.isCanceled) {
            // The activity's CancelledFailure, so Temporal records a cancellation, not a failed helm.
            const reason = this.target.cancelSignal?.reason;
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
    /** Revisions oldest first; [] when the release does not exist. */ async history(release) {
        try {
            return parseHistory(await this.run(historyArgs(this.target, release), `history of ${release}`), release);
        } catch (error) {
            if (error instanceof ExternalError && NOT_FOUND.test(error.message)) return [];
            throw error;
        }
    }
    /** undefined when the release does not exist. */ async status(release) {
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
   */ async values(release, revision) {
        let text;
        try {
            text = await this.run(getValuesArgs(this.target, release, revision), `values of ${release}`);
        } catch (error) {
            if (error instanceof ExternalError && NOT_FOUND.test(error.message)) return undefined;
            throw error;
        }
        const parsed = JSON.parse(text || 'null');
        return typeof parsed === 'object' && parsed !== null ? parsed : {};
    }
    /**
   * `helm upgrade --install --atomic --wait`. The values go through a 0600 file in a private temp directory,
   * removed afterwards. Returns the revision now deployed.
   */ async upgrade(request) {
        const dir = await mkdtemp(join(tmpdir(), 'tr-helm-'));
        try {
            let valuesFile;
            if (request.values && Object.keys(request.values).length > 0) {
                valuesFile = join(dir, 'values.json');
                // JSON is YAML: no serializer quirks, and helm reads it with --values.
                await writeFile(valuesFile, JSON.stringify(request.values), {
                    mode: 0o600
                });
                await chmod(valuesFile, 0o600);
            }
            await this.run(upgradeArgs(this.target, request, valuesFile), `upgrade of ${request.release}`);
        } finally{
            await rm(dir, {
                recursive: true,
                force: true
            });
        }
        const latest = (await this.history(request.release)).at(-1);
        if (latest?.status !== 'deployed') {
            throw new ExternalError('helm', `upgrade of ${request.release} returned but the release is ${latest?.status}`);
        }
        return latest;
    }
    /** Rolls back to the chosen revision, or does nothing when the release already runs it. */ async rollback(release, request, timeoutMs) {
        const history = await this.history(release);
        const choice = chooseRollbackRevision(history, request, release);
        if (choice.alreadyCurrent) return choice;
        await this.run(rollbackArgs(this.target, release, choice.revision, timeoutMs), `rollback of ${release}`);
        const latest = (await this.history(release)).at(-1);
        return {
            ...choice,
            newRevision: latest?.revision
        };
    }
    /** Removes the release; false when there was none (a re-run). */ async uninstall(release, timeoutMs) {
        if ((await this.history(release)).length === 0) return false;
        await this.run(uninstallArgs(this.target, release, timeoutMs), `uninstall of ${release}`);
        return true;
    }
    /**
   * Unblocks a release a killed deploy left `pending-*` (Helm would refuse every later operation with
   * "another operation (install/upgrade/rollback) is in progress"). A pending revision younger than
   * `minAgeMs` is left alone: another deploy may still be running it.
   */ async recoverStuck(release, minAgeMs, timeoutMs, now = new Date()) {
        const found = findStuck(await this.history(release), now, minAgeMs);
        if (!found.stuck) {
            if (found.busy) {
                throw new ExternalError('helm', `release ${release} is ${found.busy.status} (revision ${found.busy.revision}, ${Math.round(found.busy.ageMs / 1000)} s old): another deploy may be running; retry after it ends, or after ${Math.round(minAgeMs / 1000)} s to recover it`);
            }
            return undefined;
        }
        const stuck = found.release;
        const age = `${Math.round(stuck.ageMs / 1000)} s`;
        if (stuck.recovery.action === 'rollback') {
            await this.run(rollbackArgs(this.target, release, stuck.recovery.revision, timeoutMs), `recovery rollback of ${release}`);
            return {
                recovered: stuck,
                message: `release ${release} was stuck ${stuck.status} at revision ${stuck.revision} for ${age} (a deploy was interrupted); rolled back to revision ${stuck.recovery.revision}, the last good one`
            };
        }
        await this.run(uninstallArgs(this.target, release, timeoutMs), `recovery uninstall of ${release}`);
        return {
            recovered: stuck,
            message: `release ${release} was stuck ${stuck.status} at revision ${stuck.revision} for ${age} with no good revision before it; uninstalled it so the next deploy starts clean`
        };
    }
}

export { ConfigMapStateStore as C, FileStateStore as F, Helm as H, describeDeploy as a, versionOf as b, deployedRevision as d, findStuck as f, isGood as i, rolledBackTo as r, versionRunBy as v, writeFileAtomic as w };
