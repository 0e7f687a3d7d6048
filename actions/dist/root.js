import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { g as getInput, s as setFailed } from './chunks/core-almxvjU4.js';
import { I as InputError } from './chunks/errors-Cq3sNBNk.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'string_decoder';
import 'events';
import 'child_process';
import 'assert';
import 'timers';

// The root action (`uses: owner/temporal-rollout@v1` with `step: replay|build|…`): one entry reaching every step.
const steps = {
    analyze: async ()=>(await import('./chunks/analyze-CHzeTLO2.js')).runAnalyzeAction(),
    build: async ()=>(await import('./chunks/build-BBPr0SSD.js')).runBuildAction(),
    canary: async ()=>(await import('./chunks/canary-CUGXRT4e.js')).runCanaryAction(),
    capture: async ()=>(await import('./chunks/capture-DK2uVbel.js')).runCaptureAction(),
    doctor: async ()=>(await import('./chunks/doctor-BDWV632b.js')).runDoctorAction(),
    promote: async ()=>(await import('./chunks/promote-n4qwbZzs.js')).runPromoteAction(),
    release: async ()=>(await import('./chunks/release-BqgqdAvr.js')).runReleaseAction(),
    replay: async ()=>(await import('./chunks/replay-rf54g9Nu.js')).runReplayAction(),
    rollback: async ()=>(await import('./chunks/rollback-BombaR4H.js')).runRollbackAction()
};
const step = getInput('step').trim();
const run = steps[step];
if (run) {
    await run();
} else {
    const problem = step === '' ? 'is required' : `"${step}" is not a step`;
    setFailed(new InputError('input "step"', problem, `use one of ${Object.keys(steps).join(', ')}`).message);
}
