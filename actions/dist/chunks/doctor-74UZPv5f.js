import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { writeFile, readFile } from 'node:fs/promises';
import { D as DEFAULTS } from './defaults-Bu9L1tJ8.js';
import { d as doctorOptions, a as doctor, r as renderMarkdown, b as renderText, e as exitCodeOf, C as CHECK_GROUPS } from './options-DFCnPcSj.js';
import { p as parseDuration } from './duration-D7VXZGjg.js';
import { I as InputError } from './errors-5XkxSMbp.js';
import { authFromEnv } from './analyze-Nb10n6CB.js';
import { p as parseCommand, O as OUTPUT_SWITCHES } from './command-C7-RYSQS.js';
import './rollout-file-BZEGIV8w.js';
import './table-CAmxcAk9.js';
import './queues-BzXUQGIA.js';
import './_commonjsHelpers-DR8IKnz7.js';
import './rollout-overrides-sw-D39nz.js';
import 'node:path';
import './replay-Bq_OHSMz.js';
import 'node:os';
import 'fs';
import 'path';
import 'url';
import 'module';
import './history-codec-IIOv7AL3.js';
import 'node:crypto';
import 'node:child_process';
import 'node:fs';
import 'node:module';
import 'node:url';
import './kubernetes-api-u-cf04IJ.js';
import './helm-DDQJgr-d.js';
import './child-env-Cy3YPh8N.js';
import 'node:string_decoder';
import 'node:util';
import 'node:process';
import 'node:tty';
import 'child_process';
import 'node:timers/promises';
import 'node:events';
import 'node:v8';
import 'node:stream';
import 'node:buffer';
import 'node:stream/promises';
import './prometheus-BY-ZYP9B.js';
import './manifest-DrW5xiNK.js';
import './render-BmyC4Xey.js';
import './markdown-CTU4Idmi.js';
import 'node:net';
import './index-DA9XjHXy.js';
import './index-BKk9e40y.js';
import './index-minimal-Bp1UdQBh.js';
import './temporal-histories-gQVLuu1M.js';
import './index-Die7_PD0.js';
import 'process';
import 'tls';
import 'os';
import 'net';
import 'events';
import 'stream';
import 'zlib';
import 'http2';
import 'http';
import 'dns';
import 'util';
import './_node_async_hooks_commonjs-external-PLFQo7C6.js';
import 'crypto';
import './step-loader-CzJ_H5Dk.js';
import './report-DZdw_OwW.js';
import './commands-CqFBZbcc.js';

const summary = 'check the environment a rollout runs in: Temporal, Prometheus, Kubernetes/Helm, histories';
const HELP = `usage: temporal-rollout doctor [options]

Reads rollout.yaml and checks the real environment: the Temporal frontend, namespace, search attributes, worker
versioning and the stable release's pollers; Prometheus, the stable release's SDK metrics and the runbook
alerts; the Helm releases, the rollout state, Pod Security and the deploy identity (deployer helm); histories/,
their age, replay on this code and the patch audit. Prints a checklist: each check passes, warns or fails with
what it saw and the fix. Exit code: 0 all pass, 1 any fail, 3 warnings only, 2 usage.

  --config FILE             rollout.yaml (default ./rollout.yaml)
  --only GROUPS             comma-separated: ${CHECK_GROUPS.join(', ')} (default all)
  --deployer local|helm     overrides rollout.yaml \`deployer\`
  --strategy task-queue|worker-versioning   overrides rollout.yaml strategy.type
  --temporal-address H:P    default rollout.yaml temporal.address, then $TEMPORAL_ADDRESS
  --namespace NS            default rollout.yaml temporal.namespace
  --tls-cert FILE --tls-key FILE [--tls-ca FILE] [--tls-server-name NAME]   mTLS to the frontend
  --prometheus-url URL      default $PROMETHEUS_URL
  --kubeconfig FILE --kube-context C --helm-namespace NS --helm BIN   (deployer helm)
  --state-dir DIR           the rollout state file of the local deployer (default .rollout)
  --workspace DIR           the repository: --histories-dir, the chart and --workflows are relative to it, and
                            @temporalio/worker is loaded from it (default .)
  --workflows FILE          the workflows module replayed against histories (default doctor.workflowsPath)
  --histories-dir DIR       default doctor.historiesDir, then histories
  --histories-max-age D     default doctor.historiesMaxAge, then 720h
  --timeout D               per check (default 15s; replay has 5m)
  --summary FILE            also write the markdown checklist
  --json                    print the report as JSON
Secrets come from the environment only: TEMPORAL_API_KEY, PROMETHEUS_TOKEN or PROMETHEUS_USERNAME +
PROMETHEUS_PASSWORD.`;
const OPTIONS = {
    config: {
        type: 'string',
        default: DEFAULTS.configFile
    },
    only: {
        type: 'string'
    },
    deployer: {
        type: 'string'
    },
    strategy: {
        type: 'string'
    },
    'temporal-address': {
        type: 'string'
    },
    namespace: {
        type: 'string'
    },
    'tls-cert': {
        type: 'string'
    },
    'tls-key': {
        type: 'string'
    },
    'tls-ca': {
        type: 'string'
    },
    'tls-server-name': {
        type: 'string'
    },
    'prometheus-url': {
        type: 'string'
    },
    kubeconfig: {
        type: 'string'
    },
    'kube-context': {
        type: 'string'
    },
    'helm-namespace': {
        type: 'string'
    },
    helm: {
        type: 'string',
        default: DEFAULTS.helm
    },
    'state-dir': {
        type: 'string',
        default: DEFAULTS.stateDir
    },
    workspace: {
        type: 'string',
        default: '.'
    },
    workflows: {
        type: 'string'
    },
    'histories-dir': {
        type: 'string'
    },
    'histories-max-age': {
        type: 'string'
    },
    timeout: {
        type: 'string'
    },
    summary: {
        type: 'string'
    },
    ...OUTPUT_SWITCHES
};
async function main(argv) {
    const values = parseCommand(argv, OPTIONS, HELP);
    if (!values) return 0;
    const options = await doctorOptions({
        configPath: values.config,
        only: values.only,
        subject: (name)=>`--${name}`,
        deployer: values.deployer,
        strategy: values.strategy,
        temporalAddress: values['temporal-address'] ?? process.env.TEMPORAL_ADDRESS,
        namespace: values.namespace,
        tls: {
            cert: await readPem('tls-cert', values['tls-cert']),
            key: await readPem('tls-key', values['tls-key']),
            ca: await readPem('tls-ca', values['tls-ca']),
            serverName: values['tls-server-name']
        },
        apiKey: process.env.TEMPORAL_API_KEY,
        prometheusUrl: values['prometheus-url'] ?? process.env.PROMETHEUS_URL,
        prometheusAuth: authFromEnv(),
        kubeconfig: values.kubeconfig,
        kubeContext: values['kube-context'],
        helmNamespace: values['helm-namespace'],
        helm: values.helm,
        stateDir: values['state-dir'],
        workflowsPath: values.workflows,
        historiesDir: values['histories-dir'],
        historiesMaxAge: values['histories-max-age']
    });
    options.root = values.workspace;
    if (values.timeout !== undefined) {
        options.timeoutMs = parseDuration(values.timeout, '--timeout');
        if (options.timeoutMs <= 0) throw new InputError('--timeout', 'must be above 0');
    }
    const report = await doctor(options);
    if (values.summary) await writeFile(values.summary, renderMarkdown(report));
    console.log(values.json ? JSON.stringify(report, null, 2) : renderText(report));
    return exitCodeOf(report.status);
}
async function readPem(flag, path) {
    if (path === undefined) return undefined;
    return readFile(path, 'utf8').catch(()=>{
        throw new InputError(`--${flag}`, `cannot read ${path}`, 'pass the path of a PEM file');
    });
}

export { main, summary };
