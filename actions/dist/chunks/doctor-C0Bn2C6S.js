import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { writeFile } from 'node:fs/promises';
import { D as DOCTOR_OPTIONS, d as doctorOptionsOf, a as doctor, r as renderMarkdown, b as renderText, e as exitCodeOf } from './doctor-CAVJQ_M2.js';
import { h as helpLines, t as textOf, s as switchOf, f as flagSubject } from './table-BWLE4AEh.js';
import { r as runTableCommand } from './command-B8NptNxI.js';
import { f as flagSecrets } from './secrets-Baj-NtRF.js';
import './rollout-file-CfWIW6kC.js';
import './defaults-BsVYh3R2.js';
import './errors-Cq3sNBNk.js';
import './rollout-Bx7AR7l9.js';
import './duration-C-1UD4yS.js';
import './plan-DZflFiIU.js';
import './queues-BMU_gztj.js';
import './_commonjsHelpers-DR8IKnz7.js';
import './state-CvQhWG_v.js';
import 'node:fs';
import './state-dir-Cs_87Ymx.js';
import 'node:path';
import './replay-deploy-CL7Vuhcl.js';
import './verdict-D0aqHdIs.js';
import './replay-V9QJMg6A.js';
import 'node:os';
import 'fs';
import 'path';
import 'url';
import 'module';
import './history-codec-JxvfVN6M.js';
import 'node:crypto';
import 'node:child_process';
import 'node:module';
import 'node:url';
import './escape-regexp-DnhsxoBw.js';
import './replay-options-DogIxxOg.js';
import './rollout-schema-BvgejjqT.js';
import './kubernetes-api-BrNn2NrW.js';
import './helm-5FlJdf2v.js';
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
import './prometheus-CCiUSTAb.js';
import './sleep-DCjOWjxt.js';
import './manifest-BHc6sclr.js';
import './render-1jlK3wJ3.js';
import './markdown-CTU4Idmi.js';
import 'node:net';
import './index-DA9XjHXy.js';
import './index-BKk9e40y.js';
import './index-minimal-Bp1UdQBh.js';
import './temporal-histories-BbsGWPUy.js';
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
import './histories-Bqr9vTTz.js';
import './capture-options-BQhg6GSs.js';
import './prometheus-DvMyLyGX.js';

const summary = 'check the environment a rollout runs in: Temporal, Prometheus, Kubernetes/Helm, histories';
const HELP = `usage: temporal-rollout doctor [options]

Reads rollout.yaml and checks the real environment: the Temporal frontend, namespace, search attributes, worker
versioning and the stable release's pollers; Prometheus, the stable release's SDK metrics and the runbook
alerts; the Helm releases, the rollout state, Pod Security and the deploy identity (deployer helm); histories/,
their age, replay on this code and the patch audit. Prints a checklist: each check passes, warns or fails with
what it saw and the fix. Exit code: 0 all pass, 1 any fail, 3 warnings only, 2 usage.

${helpLines(DOCTOR_OPTIONS)}
Secrets come from the environment only: TEMPORAL_API_KEY, PROMETHEUS_TOKEN or PROMETHEUS_USERNAME +
PROMETHEUS_PASSWORD.`;
function main(argv) {
    return runTableCommand(argv, DOCTOR_OPTIONS, HELP, async (values)=>{
        const options = await doctorOptionsOf(values, await flagSecrets(values, false));
        const flagName = flagSubject(DOCTOR_OPTIONS);
        options.optionName = (field)=>flagName(field) ?? field;
        const report = await doctor(options);
        const summaryPath = textOf(values, 'summary');
        if (summaryPath) await writeFile(summaryPath, renderMarkdown(report));
        console.log(switchOf(values, 'json') ? JSON.stringify(report, null, 2) : renderText(report));
        return exitCodeOf(report.status);
    });
}

export { main, summary };
