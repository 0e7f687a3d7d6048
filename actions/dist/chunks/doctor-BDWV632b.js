import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { writeFile } from 'node:fs/promises';
import { e as error, w as warning, i as info, s as setFailed } from './core-almxvjU4.js';
import { D as DOCTOR_OPTIONS, d as doctorOptionsOf, a as doctor, r as renderMarkdown } from './doctor-CAVJQ_M2.js';
import { i as inputSecrets } from './histories-Bqr9vTTz.js';
import { b as inputSubject, k as booleanOf, t as textOf } from './table-BWLE4AEh.js';
import { r as runAction, a as readInputs, s as setOutputs, w as writeSummary } from './io-O1zhRcWl.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'string_decoder';
import 'events';
import 'child_process';
import 'assert';
import 'timers';
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
import 'net';
import 'stream';
import 'zlib';
import 'http2';
import 'http';
import 'dns';
import 'util';
import './_node_async_hooks_commonjs-external-PLFQo7C6.js';
import './prometheus-DvMyLyGX.js';
import './capture-options-BQhg6GSs.js';

/**
 * Inputs: see DOCTOR_OPTIONS (actions/doctor/action.yml).
 * Outputs: status (pass | warn | fail), failed and warnings (check ids, one per line), report (JSON path).
 * The step fails when a check fails (and on warnings with fail-on-warning); warnings become annotations.
 */ async function runDoctorAction() {
    await runAction(async ()=>{
        const values = readInputs(DOCTOR_OPTIONS);
        const options = await doctorOptionsOf(values, inputSecrets(values));
        const inputName = inputSubject(DOCTOR_OPTIONS);
        options.optionName = (field)=>inputName(field) ?? field;
        const failOnWarning = booleanOf(values, 'fail-on-warning', false);
        const report = await doctor(options);
        const reportPath = textOf(values, 'report-path') ?? 'doctor-report.json';
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
    }, DOCTOR_OPTIONS);
}

export { runDoctorAction };
