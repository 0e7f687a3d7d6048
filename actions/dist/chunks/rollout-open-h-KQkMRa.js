import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { resolve, join } from 'node:path';
import { a as describeDeploy, r as rolledBackTo, i as isGood, b as versionOf, v as versionRunBy, f as findStuck, w as writeFileAtomic, F as FileStateStore, C as ConfigMapStateStore, H as Helm } from './helm-Sglvo_bl.js';
import { E as ExternalError, I as InputError } from './errors-Cq3sNBNk.js';
import { a as routingToReplace, s as sameRouting, d as describeRoutes, I as InvalidRoutingError, b as readRoutingTable, f as formatRoutes } from './routing-BHPDnfjE.js';
import { s as sleep$1 } from './sleep-DCjOWjxt.js';
import { readFile, rm, mkdir } from 'node:fs/promises';
import 'node:os';
import { i as isKubernetesFailure, k as kubernetesApi } from './kubernetes-api-BrNn2NrW.js';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, openSync, closeSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { s as sameRelease } from './state-CvQhWG_v.js';
import { a as childEnv } from './child-env-Cy3YPh8N.js';
import { T as TemporalVisibility } from './temporal-visibility-VxC-1rJJ.js';
import { D as DEFAULTS } from './defaults-BsVYh3R2.js';
import './queues-BMU_gztj.js';
import './_commonjsHelpers-DR8IKnz7.js';
import 'node:url';
import 'node:string_decoder';
import 'node:util';
import 'node:process';
import 'node:tty';
import 'child_process';
import 'path';
import 'fs';
import 'node:timers/promises';
import 'node:events';
import 'node:v8';
import 'node:stream';
import 'node:buffer';
import 'node:stream/promises';

/** `routing.routes` of a release's values: empty or unset means the chart's default (all to its own queue). */ function valuesRoutes(values, source) {
    const routes = values?.routing?.routes;
    if (routes === undefined || routes === null || Array.isArray(routes) && routes.length === 0) {
        return {
            routes: []
        };
    }
    return readRoutingTable({
        routes
    }, source);
}
/** `worker.orderTaskQueue`/`paymentTaskQueue` of a release's values (the deploy sets both); else undefined. */ function valuesQueues(values) {
    const worker = values?.worker;
    const [order, payment] = [
        worker?.orderTaskQueue,
        worker?.paymentTaskQueue
    ];
    return typeof order === 'string' && typeof payment === 'string' ? {
        order,
        payment
    } : undefined;
}
/**
 * The Deployer over the Helm adapter: one chart, two releases. The routing ConfigMap belongs to the stable
 * release (charts/order-worker `routing.routes`), so routing changes upgrade the stable release. Routing is
 * always read back from the cluster, never remembered: a `helm rollback` or another run may have changed it.
 */ class HelmDeployer {
    constructor(helm, options){
        this.helm = helm;
        this.options = options;
        this.kind = 'helm';
    }
    releaseName(track) {
        return track === 'stable' ? this.options.release : `${this.options.release}-canary`;
    }
    /** The env a release's workers get: the deployer-wide env, then the release's own. */ envOf(spec) {
        const env = {
            ...this.options.env,
            ...spec.release.env
        };
        return Object.keys(env).length > 0 ? env : undefined;
    }
    request(spec, routes) {
        const { release } = spec;
        const env = this.envOf(spec);
        return {
            release: this.releaseName(spec.track),
            chart: this.options.chart,
            image: release.image,
            version: release.version,
            track: spec.track,
            orderTaskQueue: release.orderQueue,
            paymentTaskQueue: release.paymentQueue,
            buildId: release.buildId,
            // Unset: the chart's replicaCount (from the values files) decides.
            ...spec.replicas !== undefined ? {
                replicas: spec.replicas
            } : {},
            ...env ? {
                env
            } : {},
            valuesFiles: this.options.valuesFiles ?? [],
            timeoutMs: this.options.timeoutMs,
            values: {
                temporal: {
                    address: spec.temporal.address,
                    namespace: spec.temporal.namespace
                },
                worker: {
                    // A map, not extraEnv's list: Helm merges maps across values files, so the user's extraEnv stays.
                    ...env ? {
                        releaseEnv: env
                    } : {},
                    ...spec.versioning ? {
                        deploymentName: spec.versioning.deploymentName
                    } : {},
                    versioning: {
                        enabled: spec.versioning !== undefined,
                        ...spec.versioning ? {
                            defaultBehavior: spec.versioning.defaultBehavior
                        } : {}
                    }
                },
                // Only the stable release renders the routing ConfigMap; empty routes = all to its own queue.
                routing: {
                    enabled: spec.track === 'stable',
                    routes: spec.track === 'stable' ? routes?.routes ?? [] : []
                }
            }
        };
    }
    async apply(spec) {
        const name = this.releaseName(spec.track);
        const history = await this.helm.history(name);
        const wanted = describeDeploy(spec.release.version, spec.release.image, this.envOf(spec));
        const latest = history.at(-1);
        // A `helm rollback` revision says "Rollback to N": it runs what revision N ran.
        const restored = latest ? rolledBackTo(latest) : undefined;
        const runs = restored === undefined ? latest : history.find((row)=>row.revision === restored);
        if (latest?.status === 'deployed' && runs?.description === wanted) {
            return {
                changed: false,
                detail: `${name} already runs ${spec.release.version} (revision ${latest.revision})`
            };
        }
        // The stable release carries the routing: whatever replaces its revision keeps the routes live now.
        // A live table the starter would refuse is not carried over: the chart's default replaces it.
        const routes = spec.track === 'stable' ? (await routingToReplace(()=>this.readRouting())).live : undefined;
        if (spec.track === 'stable' && latest) {
            // A manual rollback to a version this release ran before is a `helm rollback` to that revision, but only
            // to one whose routes are the live ones: an older revision's routes may name a queue no worker polls.
            const earlier = await this.revisionWithRoutes(name, history, wanted, spec.release.version, routes);
            if (earlier) {
                const result = await this.withRefusalReason(name, ()=>this.helm.rollback(name, {
                        revision: earlier.revision
                    }, this.options.timeoutMs));
                return {
                    changed: true,
                    detail: `helm rollback ${name} to revision ${result.revision} (${spec.release.version})`
                };
            }
        }
        const revision = await this.withRefusalReason(name, ()=>this.helm.upgrade(this.request(spec, routes)));
        return {
            changed: true,
            detail: `${name} revision ${revision.revision} runs ${spec.release.version}`
        };
    }
    /** The newest good revision that ran `version` as `wanted` with exactly `routes`. */ async revisionWithRoutes(name, history, wanted, version, routes) {
        const candidates = [
            ...history
        ].reverse().filter((row)=>isGood(row) && row.description === wanted && versionOf(row) === version);
        for (const row of candidates){
            const values = await this.helm.values(name, row.revision);
            const theirs = await routingToReplace(async ()=>valuesRoutes(values, `${name} revision ${row.revision} values routing.routes`));
            if (theirs.live && sameRouting(theirs.live, routes ?? {
                routes: []
            })) return row;
        }
        return undefined;
    }
    async remove(track) {
        const name = this.releaseName(track);
        const removed = await this.helm.uninstall(name, this.options.timeoutMs);
        return {
            changed: removed,
            detail: removed ? `uninstalled ${name}` : `no release ${name}`
        };
    }
    async describe(track) {
        const name = this.releaseName(track);
        const status = await this.helm.status(name);
        if (!status) return undefined;
        const history = await this.helm.history(name);
        const latest = history.at(-1);
        return {
            track,
            version: latest ? versionRunBy(history, latest) : undefined,
            queues: valuesQueues(await this.helm.values(name)),
            detail: `${name} revision ${status.revision} ${status.status}`
        };
    }
    /**
   * Unblocks both releases when a killed deploy left one `pending-*`: rolls back to the last good revision, or
   * uninstalls a first install that never finished. A pending revision younger than `stuckAfterMs` may belong
   * to a deploy still running: this waits for it to end (or to age into "stuck") rather than racing it.
   */ async recover() {
        const stuckAfterMs = this.options.stuckAfterMs ?? this.options.timeoutMs + 15_000;
        const said = [];
        for (const name of [
            this.releaseName('stable'),
            this.releaseName('canary')
        ]){
            for(;;){
                const found = findStuck(await this.helm.history(name), new Date(), stuckAfterMs);
                if (found.stuck) break;
                if (!found.busy) break;
                const left = stuckAfterMs - found.busy.ageMs;
                this.options.log?.(`${name} is ${found.busy.status} (revision ${found.busy.revision}, ${Math.round(found.busy.ageMs / 1000)} s old): another deploy may still run it; waiting up to ${Math.ceil(left / 1000)} s before recovering it`);
                // A cancelled rollout activity stops waiting at once, with its cancellation.
                const cancelSignal = this.helm.target.cancelSignal;
                await sleep$1(Math.min(5_000, Math.max(250, left)), cancelSignal);
                cancelSignal?.throwIfAborted();
            }
            const recovered = await this.helm.recoverStuck(name, stuckAfterMs, this.options.timeoutMs);
            // Returned, not logged: the caller (reconcile) reports and logs what was repaired.
            if (recovered) said.push(recovered.message);
        }
        return said;
    }
    async writeRouting(table, owner) {
        const { live: before } = await routingToReplace(()=>this.readRouting());
        if (sameRouting(before, table)) {
            return {
                changed: false,
                detail: `routing unchanged (read back: ${describeRoutes(before)})`
            };
        }
        const name = this.releaseName('stable');
        const revision = await this.withRefusalReason(name, ()=>this.helm.upgrade(this.request({
                ...owner,
                track: 'stable'
            }, table)));
        const after = await this.readRouting();
        if (!sameRouting(after, table)) {
            throw new ExternalError('routing', `${name} revision ${revision.revision} was meant to route ${describeRoutes(table)}, but the cluster reads ${describeRoutes(after)}`);
        }
        return {
            changed: true,
            detail: `routing ${describeRoutes(table)} (${name} revision ${revision.revision}; read back from the cluster)`
        };
    }
    /**
   * The routes the cluster serves: the stable release's routing ConfigMap (through the Kubernetes API), else
   * the stable release's deployed values. undefined when there is no stable release.
   */ async readRouting() {
        const name = this.releaseName('stable');
        if (this.options.kubernetes) {
            const listed = await this.options.kubernetes.listConfigMaps(`temporal-rollout/routing=true,app.kubernetes.io/instance=${name}`).catch((error)=>{
                // A cancelled rollout activity's reason goes on as it is.
                if (!isKubernetesFailure(error)) throw error;
                throw new ExternalError('kubernetes', `cannot read the routing ConfigMap of ${name}: ${error.message}`, {
                    cause: error
                });
            });
            const item = listed[0];
            const text = item?.data['routes.json'];
            if (text === undefined) return undefined;
            const source = `ConfigMap ${item?.name} routes.json`;
            let parsed;
            try {
                parsed = JSON.parse(text);
            } catch (error) {
                throw new InvalidRoutingError(`${source}: is not JSON: ${error.message}`);
            }
            return readRoutingTable(parsed, source);
        }
        const values = await this.helm.values(name);
        if (!values) return undefined;
        return valuesRoutes(values, `${name} values routing.routes`);
    }
    /** Runs a deploy; when it fails, adds why Kubernetes refused the release's pods (FailedCreate events). */ async withRefusalReason(name, deploy) {
        const since = Date.now() - 2_000;
        try {
            return await deploy();
        } catch (error) {
            const reason = error instanceof ExternalError ? await this.refusalReason(name, since) : undefined;
            if (!reason) throw error;
            const said = error.message.replace(/^helm: /, '');
            throw new ExternalError('helm', `${said}\nKubernetes refused the pods: ${reason}`, {
                cause: error
            });
        }
    }
    /** The newest FailedCreate message of the release's ReplicaSets since `since` (e.g. exceeded quota). */ async refusalReason(name, since) {
        if (!this.options.kubernetes) return undefined;
        // Best effort: the deploy's own error is what the caller throws when the events cannot be read.
        const listed = await this.options.kubernetes.listEvents('reason=FailedCreate,involvedObject.kind=ReplicaSet').catch(()=>undefined);
        if (!listed) return undefined;
        // A Deployment's ReplicaSets are `<deployment>-<pod-template-hash>`; the deployment is the release name.
        const ours = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-[a-z0-9]+$`);
        const events = listed.filter((e)=>ours.test(e.involvedObject.name)).filter((e)=>e.message && !(e.at < since)).sort((a, b)=>a.at - b.at);
        return events.at(-1)?.message;
    }
}

async function freePort() {
    return new Promise((done, fail)=>{
        const server = createServer();
        server.once('error', fail);
        server.listen(0, '127.0.0.1', ()=>{
            const address = server.address();
            server.close(()=>typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')));
        });
    });
}
/** Alive and still the process we started (not a zombie, not a reused pid). */ function isOurs(worker) {
    try {
        const stat = readFileSync(`/proc/${worker.pid}/stat`, 'latin1');
        if (/^\d+ \(.*\) Z/.test(stat)) return false;
        return readFileSync(`/proc/${worker.pid}/environ`, 'latin1').split('\0').includes(`ROLLOUT_WORKER_ID=${worker.id}`);
    } catch  {
        return false;
    }
}
/** The live process started with ROLLOUT_WORKER_ID=`id`, looked for in /proc (its pid was never recorded). */ function findWorker(id) {
    for (const entry of readdirSync('/proc')){
        if (/^\d+$/.test(entry) && isOurs({
            pid: Number(entry),
            id
        })) return {
            pid: Number(entry),
            id
        };
    }
    return undefined;
}
const sleep = (ms)=>new Promise((r)=>setTimeout(r, ms));
async function ready(port) {
    try {
        const response = await fetch(`http://127.0.0.1:${port}/ready`, {
            signal: AbortSignal.timeout(1_000)
        });
        await response.arrayBuffer();
        return response.ok;
    } catch  {
        return false;
    }
}
function tail(path, chars = 3_000) {
    try {
        return readFileSync(path, 'utf8').slice(-chars);
    } catch  {
        return '(no log)';
    }
}
/**
 * Worker processes on this machine, with the environment the Helm chart sets. Processes are detached and
 * recorded in pid files, so a later CLI call (another process) finds and stops them.
 */ class LocalDeployer {
    constructor(options){
        this.options = options;
        this.kind = 'local';
        this.dir = resolve(options.dir);
        this.routingFile = join(this.dir, 'routing.json');
        this.entry = resolve(options.workerEntry ?? 'worker/dist/main.js');
        this.node = options.node ?? process.execPath;
    }
    trackFile(track) {
        return join(this.dir, 'workers', `${track}.json`);
    }
    /**
   * Workers an apply is starting (listed before each spawn) and has not recorded yet, or is retiring (the
   * set the track file named before the apply switched it): a killed apply leaves them listed here.
   */ listFile(track, list) {
        return join(this.dir, 'workers', `${track}.${list}.json`);
    }
    /**
   * Stops the workers a killed apply left listed that the track file does not record: the ones it started
   * while the new set got ready, and the old set it had switched away from but not stopped yet. Detached,
   * they would outlive it as a second set polling the track's queue, or the queue of a release gone by.
   */ async stopLeftovers(track) {
        const recorded = new Set((await this.workers(track)).map((w)=>w.id));
        for (const list of [
            'starting',
            'retiring'
        ]){
            let listed;
            try {
                listed = JSON.parse(await readFile(this.listFile(track, list), 'utf8'));
            } catch (err) {
                if (err.code === 'ENOENT') continue;
                throw err;
            }
            const leftover = listed.filter((w)=>!recorded.has(w.id)).map((w)=>w.pid === undefined ? findWorker(w.id) : {
                    pid: w.pid,
                    id: w.id
                }).filter((w)=>w !== undefined);
            await this.stopWorkers(leftover);
            await rm(this.listFile(track, list), {
                force: true
            });
        }
    }
    async read(track) {
        try {
            return JSON.parse(await readFile(this.trackFile(track), 'utf8'));
        } catch (err) {
            if (err.code === 'ENOENT') return undefined;
            throw err;
        }
    }
    /** The worker processes of a track, as recorded (for Prometheus targets and tests). */ async workers(track) {
        return (await this.read(track))?.workers ?? [];
    }
    async describe(track) {
        const file = await this.read(track);
        if (!file) return undefined;
        const alive = file.workers.filter(isOurs);
        return {
            track,
            version: file.release.version,
            queues: {
                order: file.release.orderQueue,
                payment: file.release.paymentQueue
            },
            detail: `${alive.length}/${file.workers.length} worker process(es) alive: pid ${file.workers.map((w)=>w.pid).join(', ')}`
        };
    }
    entryFor(release) {
        const entry = release.image.startsWith('file:') ? resolve(release.image.slice('file:'.length)) : this.entry;
        if (!existsSync(entry)) {
            throw new InputError(`worker entry ${entry}`, 'does not exist', 'build the worker first (npm run build -w worker) or pass the entry point');
        }
        return entry;
    }
    workerEnv(spec, healthPort, metricsPort) {
        const { release } = spec;
        return {
            ...this.options.env,
            ...release.env,
            TEMPORAL_ADDRESS: spec.temporal.address,
            TEMPORAL_NAMESPACE: spec.temporal.namespace,
            ORDER_TASK_QUEUE: release.orderQueue,
            PAYMENT_TASK_QUEUE: release.paymentQueue,
            BUILD_ID: release.buildId,
            HEALTH_PORT: String(healthPort),
            METRICS_PORT: String(metricsPort),
            LISTEN_HOST: '127.0.0.1',
            SHUTDOWN_GRACE_MS: String(this.options.stopGraceMs ?? 30_000),
            ...spec.versioning ? {
                DEPLOYMENT_NAME: spec.versioning.deploymentName,
                DEFAULT_VERSIONING_BEHAVIOR: spec.versioning.defaultBehavior
            } : {}
        };
    }
    async startWorker(spec, entry, index, id) {
        const [healthPort, metricsPort] = [
            await freePort(),
            await freePort()
        ];
        const log = join(this.dir, 'logs', `${spec.track}-${spec.release.buildId}-${index}-${id.slice(0, 8)}.log`);
        await mkdir(join(this.dir, 'logs'), {
            recursive: true
        });
        const fd = openSync(log, 'a');
        try {
            const child = spawn(this.node, [
                entry
            ], {
                detached: true,
                stdio: [
                    'ignore',
                    fd,
                    fd
                ],
                // A worker outlives the step: it gets what it is given, never the step's inputs or tokens.
                env: childEnv({
                    ...this.workerEnv(spec, healthPort, metricsPort),
                    ...this.options.secretEnv,
                    ROLLOUT_WORKER_ID: id
                })
            });
            child.unref();
            if (child.pid === undefined) throw new ExternalError('local deployer', `could not start ${this.node} ${entry}`);
            return {
                pid: child.pid,
                id,
                healthPort,
                metricsPort,
                log
            };
        } finally{
            closeSync(fd);
        }
    }
    /** SIGTERM, then SIGKILL after the grace period; resolves when every process is gone. */ async stopWorkers(workers) {
        const alive = workers.filter(isOurs);
        for (const worker of alive){
            try {
                process.kill(worker.pid, 'SIGTERM');
            } catch  {
            // exited meanwhile
            }
        }
        const deadline = Date.now() + (this.options.stopGraceMs ?? 30_000) + 2_000;
        while(alive.some(isOurs) && Date.now() < deadline)await sleep(100);
        for (const worker of alive.filter(isOurs)){
            try {
                process.kill(worker.pid, 'SIGKILL');
            } catch  {
            // exited meanwhile
            }
        }
        while(alive.some(isOurs))await sleep(50);
    }
    async apply(spec) {
        await this.stopLeftovers(spec.track);
        const current = await this.read(spec.track);
        if (current && sameRelease(current.release, spec.release) && JSON.stringify(current.versioning) === JSON.stringify(spec.versioning) && current.workers.length === (spec.replicas ?? 1) && current.workers.every(isOurs)) {
            return {
                changed: false,
                detail: `${spec.track} already runs ${spec.release.version} (${spec.replicas ?? 1} worker(s))`
            };
        }
        const entry = this.entryFor(spec.release);
        const started = [];
        try {
            for(let i = 0; i < (spec.replicas ?? 1); i++){
                const id = randomUUID();
                const listed = [
                    ...started,
                    {
                        id
                    }
                ];
                await writeFileAtomic(this.listFile(spec.track, 'starting'), `${JSON.stringify(listed)}\n`);
                started.push(await this.startWorker(spec, entry, i, id));
                await writeFileAtomic(this.listFile(spec.track, 'starting'), `${JSON.stringify(started)}\n`);
            }
            const deadline = Date.now() + (this.options.readyTimeoutMs ?? 60_000);
            for (const worker of started){
                while(!await ready(worker.healthPort)){
                    if (!isOurs(worker)) throw new ExternalError('local deployer', `worker exited before it was ready:\n${tail(worker.log)}`);
                    if (Date.now() > deadline) {
                        throw new ExternalError('local deployer', `worker was not ready in time:\n${tail(worker.log)}`);
                    }
                    await sleep(200);
                }
            }
        } catch (err) {
            await this.stopWorkers(started);
            await rm(this.listFile(spec.track, 'starting'), {
                force: true
            });
            throw err;
        }
        const file = {
            track: spec.track,
            release: spec.release,
            ...spec.versioning ? {
                versioning: spec.versioning
            } : {},
            workers: started,
            startedAt: new Date().toISOString()
        };
        // The set being replaced is listed before the switch: once the track file names the new set, a retry
        // of a killed apply finds it "unchanged", and only this list still knows the old processes.
        if (current) {
            await writeFileAtomic(this.listFile(spec.track, 'retiring'), `${JSON.stringify(current.workers)}\n`);
        }
        await writeFileAtomic(this.trackFile(spec.track), `${JSON.stringify(file, null, 2)}\n`);
        await rm(this.listFile(spec.track, 'starting'), {
            force: true
        });
        if (current) {
            await this.stopWorkers(current.workers);
            await rm(this.listFile(spec.track, 'retiring'), {
                force: true
            });
        }
        const replaced = current ? `, replacing ${current.release.version}` : '';
        return {
            changed: true,
            detail: `${spec.track} runs ${spec.release.version} on ${spec.release.orderQueue}: pid ${started.map((w)=>w.pid).join(', ')}${replaced}`
        };
    }
    async remove(track) {
        await this.stopLeftovers(track);
        const current = await this.read(track);
        if (!current) return {
            changed: false,
            detail: `no ${track} workers`
        };
        await this.stopWorkers(current.workers);
        await rm(this.trackFile(track), {
            force: true
        });
        return {
            changed: true,
            detail: `stopped ${track} ${current.release.version} (pid ${current.workers.map((w)=>w.pid).join(', ')})`
        };
    }
    async readRouting() {
        let text;
        try {
            text = await readFile(this.routingFile, 'utf8');
        } catch (err) {
            if (err.code === 'ENOENT') return undefined;
            throw err;
        }
        let parsed;
        try {
            parsed = JSON.parse(text);
        } catch (err) {
            throw new InvalidRoutingError(`${this.routingFile}: is not JSON: ${err.message}`);
        }
        return readRoutingTable(parsed, this.routingFile);
    }
    async writeRouting(table, _owner) {
        const { live: before } = await routingToReplace(()=>this.readRouting());
        const text = `${JSON.stringify(table)}\n`;
        if (before && JSON.stringify(before) === JSON.stringify(table)) {
            return {
                changed: false,
                detail: `routing unchanged in ${this.routingFile}`
            };
        }
        await writeFileAtomic(this.routingFile, text);
        return {
            changed: true,
            detail: `routing ${formatRoutes(table)} in ${this.routingFile}`
        };
    }
    /** Stops every worker this deployer recorded (tests, `demo` teardown). */ async removeAll() {
        for (const track of [
            'canary',
            'stable'
        ])await this.remove(track);
    }
}

/** The deployer and state store rollout.yaml and the options ask for (no connection needed). */ function buildDeployment(options) {
    const { config } = options;
    const stateDir = options.stateDir ?? DEFAULTS.stateDir;
    const kind = options.deployer ?? config.deployer;
    let deployer;
    let store = new FileStateStore(join(stateDir, 'state.json'));
    if (kind === 'helm') {
        if (!options.helm) {
            throw new InputError('kubeconfig', 'is required by the helm deployer', 'pass the kubeconfig file');
        }
        const namespace = options.helm.namespace ?? config.helm.namespace ?? DEFAULTS.kubernetesNamespace;
        const kubeContext = options.helm.kubeContext;
        // The same identity reads the routing ConfigMap and pod events, and (helm.state: configmap) keeps the state.
        const kubernetes = kubernetesApi({
            kubeconfig: options.helm.kubeconfig,
            namespace,
            ...kubeContext ? {
                kubeContext
            } : {},
            ...options.cancelSignal ? {
                cancelSignal: options.cancelSignal
            } : {}
        });
        if (config.helm.state === 'configmap') {
            store = new ConfigMapStateStore(kubernetes, config.helm.stateConfigMap);
        }
        deployer = new HelmDeployer(new Helm({
            helm: options.helm.binary,
            kubeconfig: options.helm.kubeconfig,
            namespace,
            driver: config.helm.driver,
            ...kubeContext ? {
                kubeContext
            } : {},
            ...options.cancelSignal ? {
                cancelSignal: options.cancelSignal
            } : {}
        }), {
            release: config.helm.release,
            chart: config.chart,
            timeoutMs: config.helm.timeoutMs,
            valuesFiles: config.helm.valuesFiles,
            ...options.workerEnv ? {
                env: options.workerEnv
            } : {},
            kubernetes,
            ...options.log ? {
                log: options.log
            } : {}
        });
    } else {
        deployer = new LocalDeployer({
            dir: stateDir,
            ...options.workerEntry ? {
                workerEntry: options.workerEntry
            } : {},
            ...options.workerEnv ? {
                env: options.workerEnv
            } : {},
            ...options.apiKey ? {
                secretEnv: {
                    TEMPORAL_API_KEY: options.apiKey
                }
            } : {}
        });
    }
    return {
        deployer,
        store
    };
}
/** Where the rollout's Temporal is: rollout.yaml (overrides applied), then TEMPORAL_ADDRESS, then the default. */ function temporalOf(config) {
    return {
        address: config.temporal.address ?? process.env.TEMPORAL_ADDRESS ?? DEFAULTS.temporalAddress,
        namespace: config.temporal.namespace
    };
}
/** Connects to Temporal and builds the deployer and state store a rollout step runs with. */ async function openRollout(options) {
    const { config } = options;
    const { address, namespace } = temporalOf(config);
    // Loaded only now, after every input was read and checked: the client is most of a step's start-up time.
    await import('./protobuf-long-Bx8NTghs.js');
    const { Client, Connection } = await import('./index-Die7_PD0.js').then(function (n) { return n.i; });
    let connection;
    try {
        connection = await Connection.connect({
            address,
            ...options.apiKey ? {
                apiKey: options.apiKey,
                tls: true
            } : {},
            connectTimeout: 10_000
        });
    } catch (err) {
        throw new ExternalError('Temporal', `cannot connect to ${address}: ${err.message}`, {
            cause: err
        });
    }
    const client = new Client({
        connection,
        namespace
    });
    const ctx = rolloutContext(options, client, {
        address,
        namespace
    });
    return {
        ctx,
        close: ()=>connection.close()
    };
}
/** The context a step runs in, over a client the caller owns (the rollout worker shares one). */ function rolloutContext(options, client, temporal) {
    const { config } = options;
    const { deployer, store } = buildDeployment(options);
    return {
        settings: {
            app: config.app,
            taskQueues: config.taskQueues,
            strategy: config.strategy,
            temporal
        },
        deployer,
        store,
        client,
        visibility: new TemporalVisibility(client, temporal.namespace),
        ...options.replicas !== undefined ? {
            replicas: options.replicas
        } : {},
        ...options.versioningBehavior ? {
            versioningBehavior: options.versioningBehavior
        } : {},
        ...options.drain ? {
            drain: options.drain
        } : {},
        ...options.log ? {
            log: options.log
        } : {}
    };
}
/** Opens the rollout, runs `body` in it and closes it, also when `body` throws. */ async function withRollout(options, body) {
    const { ctx, close } = await openRollout(options);
    try {
        return await body(ctx);
    } finally{
        await close();
    }
}

export { buildDeployment, openRollout, rolloutContext, temporalOf, withRollout };
