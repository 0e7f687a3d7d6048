import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import './chunks/protobuf-long-BruXXn8L.js';
import { g as getInput, s as setFailed } from './chunks/core-BZnLh8et.js';
import { I as InputError } from './chunks/errors-Brz47dcM.js';
import './chunks/index-minimal-Byr18cyI.js';
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
import './chunks/_node_async_hooks_commonjs-external-OTwLQov_.js';
import 'string_decoder';
import 'child_process';
import 'timers';

const steps = {
    analyze: async ()=>(await import('./chunks/analyze-BL2L8-5B.js')).runAnalyzeAction(),
    build: async ()=>(await import('./chunks/build-5P-saxrZ.js')).runBuildAction(),
    canary: async ()=>(await import('./chunks/canary-DRaWuokO.js')).runCanaryAction(),
    capture: async ()=>(await import('./chunks/capture-Bmolu7d1.js')).runCaptureAction(),
    doctor: async ()=>(await import('./chunks/doctor-DVb7Qinj.js')).runDoctorAction(),
    promote: async ()=>(await import('./chunks/promote-DqopFgqH.js')).runPromoteAction(),
    replay: async ()=>(await import('./chunks/replay-BYkwWLFV.js')).runReplayAction(),
    rollback: async ()=>(await import('./chunks/rollback-BLk0cMXw.js')).runRollbackAction()
};
const step = getInput('step').trim();
const run = steps[step];
if (run) {
    await run();
} else {
    const problem = step === '' ? 'is required' : `"${step}" is not a step`;
    setFailed(new InputError('input "step"', problem, `use one of ${Object.keys(steps).join(', ')}`).message);
}
