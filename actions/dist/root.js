import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new URL('.', import.meta.url));
import './chunks/protobuf-long-Z62SsISB.js';
import { g as getInput, s as setFailed } from './chunks/core-CYHeLlKv.js';
import { I as InputError } from './chunks/errors-B1fqfkJP.js';
import './chunks/index-minimal-DAJulz_a.js';
import './chunks/_commonjsHelpers-BZ7XjydQ.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'http';
import 'https';
import 'net';
import 'tls';
import 'events';
import 'assert';
import 'util';
import 'node:module';
import './chunks/_node_async_hooks_commonjs-external-C7NGaBqw.js';
import 'string_decoder';
import 'child_process';
import 'timers';

const steps = {
    analyze: async ()=>(await import('./chunks/analyze-BJM7txJx.js')).runAnalyzeAction(),
    build: async ()=>(await import('./chunks/build-Blm1k-QC.js')).runBuildAction(),
    canary: async ()=>(await import('./chunks/canary-CDIeP8sQ.js')).runCanaryAction(),
    capture: async ()=>(await import('./chunks/capture-B7t777gE.js')).runCaptureAction(),
    promote: async ()=>(await import('./chunks/promote-DK3QsbKU.js')).runPromoteAction(),
    replay: async ()=>(await import('./chunks/replay-DbT20MYo.js')).runReplayAction(),
    rollback: async ()=>(await import('./chunks/rollback-PyeU_cpK.js')).runRollbackAction()
};
const step = getInput('step').trim();
const run = steps[step];
if (run) {
    await run();
} else {
    const problem = step === '' ? 'is required' : `"${step}" is not a step`;
    setFailed(new InputError('input "step"', problem, `use one of ${Object.keys(steps).join(', ')}`).message);
}
