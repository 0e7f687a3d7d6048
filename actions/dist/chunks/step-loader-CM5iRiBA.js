import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
// A step is loaded only after its inputs were read and checked: the Temporal client alone is most of a step's
// start-up time, and a bad input should be reported before any of that is paid.
/**
 * Loads a step module, giving protobufjs long.js first (see protobuf-long.ts): any step may reach the Temporal
 * client, whose int64 fields need it before the client's modules are evaluated.
 */ async function loadStep(load) {
    await import('./protobuf-long-Bx8NTghs.js');
    return load();
}
/**
 * Opens the rollout (openRollout loads long.js and the Temporal client only now), runs the step in it and
 * closes it.
 */ async function runRolloutStep(options, step) {
    const { withRollout } = await import('./rollout-open-DyEDTQ3G.js');
    return withRollout(options, step);
}

export { loadStep as l, runRolloutStep as r };
