import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new URL('.', import.meta.url));
import { g as getInput, s as setFailed } from './chunks/core-MSuJPO9h.js';
import { I as InputError } from './chunks/errors-B1fqfkJP.js';
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
import './chunks/_commonjsHelpers-BZ7XjydQ.js';
import 'string_decoder';
import 'child_process';
import 'timers';

// The root action (`uses: owner/temporal-rollout@v1` with `step: replay|build|…`): one entry reaching every step.
const steps = {
    analyze: async ()=>(await import('./chunks/analyze-7PXLzEtW.js')).runAnalyzeAction(),
    build: async ()=>(await import('./chunks/build-BzVNH_5B.js')).runBuildAction(),
    canary: async ()=>(await import('./chunks/canary-Dn4E4PkB.js')).runCanaryAction(),
    capture: async ()=>(await import('./chunks/capture-Jafu0ZMk.js')).runCaptureAction(),
    promote: async ()=>(await import('./chunks/promote-o1db2Yui.js')).runPromoteAction(),
    replay: async ()=>(await import('./chunks/replay-Cb1vwyo6.js')).runReplayAction(),
    rollback: async ()=>(await import('./chunks/rollback-DXBw4_IA.js')).runRollbackAction()
};
const step = getInput('step').trim();
const run = steps[step];
if (run) {
    await run();
} else {
    const problem = step === '' ? 'is required' : `"${step}" is not a step`;
    setFailed(new InputError('input "step"', problem, `use one of ${Object.keys(steps).join(', ')}`).message);
}
