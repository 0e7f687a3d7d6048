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
    analyze: async ()=>(await import('./chunks/analyze-D-UED_QW.js')).runAnalyzeAction(),
    build: async ()=>(await import('./chunks/build-DnCpNYUN.js')).runBuildAction(),
    canary: async ()=>(await import('./chunks/canary-DMDu2lps.js')).runCanaryAction(),
    capture: async ()=>(await import('./chunks/capture-BQAwozqj.js')).runCaptureAction(),
    doctor: async ()=>(await import('./chunks/doctor-BK8KIk6m.js')).runDoctorAction(),
    promote: async ()=>(await import('./chunks/promote-DE3a1pGQ.js')).runPromoteAction(),
    release: async ()=>(await import('./chunks/release-ChV-b7Wp.js')).runReleaseAction(),
    replay: async ()=>(await import('./chunks/replay-CVnskAi1.js')).runReplayAction(),
    rollback: async ()=>(await import('./chunks/rollback-BQf4Xn8j.js')).runRollbackAction()
};
const step = getInput('step').trim();
const run = steps[step];
if (run) {
    await run();
} else {
    const problem = step === '' ? 'is required' : `"${step}" is not a step`;
    setFailed(new InputError('input "step"', problem, `use one of ${Object.keys(steps).join(', ')}`).message);
}
