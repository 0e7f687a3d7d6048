import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { writeFile } from 'node:fs/promises';
import { e as error, w as warning, i as info, s as setFailed } from './core-_FsuVGiA.js';
import { D as DEFAULTS } from './defaults-Bu9L1tJ8.js';
import { d as doctorOptions, a as doctor, r as renderMarkdown } from './options-DFCnPcSj.js';
import { r as runAction, s as secretInput, o as optionalInput, e as booleanInput, b as setOutputs, w as writeSummary } from './io-CJZ0Or7t.js';
import { a as prometheusAuthInputs } from './prometheus-inputs-eqp-Lw25.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'string_decoder';
import 'events';
import 'child_process';
import 'assert';
import 'timers';
import './rollout-file-BZEGIV8w.js';
import './errors-5XkxSMbp.js';
import './duration-D7VXZGjg.js';
import './table-CAmxcAk9.js';
import './queues-BzXUQGIA.js';
import './_commonjsHelpers-DR8IKnz7.js';
import './rollout-overrides-sw-D39nz.js';
import 'node:path';
import './replay-Bq_OHSMz.js';
import 'node:os';
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
import 'net';
import 'stream';
import 'zlib';
import 'http2';
import 'http';
import 'dns';
import 'util';
import './_node_async_hooks_commonjs-external-PLFQo7C6.js';

/**
 * Inputs: config, only (groups), deployer, strategy, temporal-address, namespace, temporal-api-key and
 * temporal-tls-* (secrets), prometheus-url (+ auth, secrets), kubeconfig, kube-context, helm-namespace, helm,
 * state-dir, workspace, workflows-path, histories-dir, histories-max-age, report-path, fail-on-warning.
 * Outputs: status (pass | warn | fail), failed and warnings (check ids, one per line), report (JSON path).
 * The step fails when a check fails (and on warnings with fail-on-warning); warnings become annotations.
 */ async function runDoctorAction() {
    await runAction(async ()=>{
        const cert = secretInput('temporal-tls-cert');
        const key = secretInput('temporal-tls-key');
        const ca = optionalInput('temporal-tls-ca');
        const serverName = optionalInput('temporal-tls-server-name');
        const options = await doctorOptions({
            configPath: optionalInput('config') ?? DEFAULTS.configFile,
            only: optionalInput('only'),
            subject: (name)=>`input "${name === 'tls-cert' || name === 'tls-key' ? `temporal-${name}` : name}"`,
            deployer: optionalInput('deployer'),
            strategy: optionalInput('strategy'),
            temporalAddress: optionalInput('temporal-address'),
            namespace: optionalInput('namespace'),
            tls: {
                cert,
                key,
                ca,
                serverName
            },
            apiKey: secretInput('temporal-api-key'),
            prometheusUrl: secretInput('prometheus-url'),
            prometheusAuth: prometheusAuthInputs(),
            kubeconfig: optionalInput('kubeconfig'),
            kubeContext: optionalInput('kube-context'),
            helmNamespace: optionalInput('helm-namespace'),
            helm: optionalInput('helm'),
            stateDir: optionalInput('state-dir'),
            workflowsPath: optionalInput('workflows-path'),
            historiesDir: optionalInput('histories-dir'),
            historiesMaxAge: optionalInput('histories-max-age')
        });
        options.root = optionalInput('workspace') ?? '.';
        const failOnWarning = booleanInput('fail-on-warning', false);
        const report = await doctor(options);
        const reportPath = optionalInput('report-path') ?? 'doctor-report.json';
        await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
        const ids = (status)=>report.checks.filter((c)=>c.status === status).map((c)=>c.id).join('\n');
        setOutputs({
            status: report.status,
            failed: ids('fail'),
            warnings: ids('warn'),
            report: reportPath
        });
        for (const check of report.checks){
            const line = `${check.id}: ${check.seen}${check.fix ? ` — fix: ${check.fix}` : ''}`;
            if (check.status === 'fail') error(line, {
                title: `doctor: ${check.title}`
            });
            else if (check.status === 'warn') warning(line, {
                title: `doctor: ${check.title}`
            });
            else info(`${check.status.toUpperCase()} ${check.id}: ${check.seen}`);
        }
        await writeSummary((summary)=>summary.addRaw(renderMarkdown(report)));
        const { fail, warn } = report.counts;
        if (fail > 0) setFailed(`doctor: ${fail} check(s) failed: ${ids('fail').replace(/\n/g, ', ')}`);
        else if (warn > 0 && failOnWarning) setFailed(`doctor: ${warn} warning(s) (fail-on-warning): ${ids('warn').replace(/\n/g, ', ')}`);
    });
}

export { runDoctorAction };
