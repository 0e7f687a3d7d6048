import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { I as InputError } from './errors-Cq3sNBNk.js';
import { T as TASK_QUEUE_BASE_PATTERN } from './rollout-schema-BvgejjqT.js';

// What the replay step takes, and the checks a front end runs on it before the step (and the SDK it loads) is
// loaded. Errors name options by their neutral fields (options/histories.ts).
const TASK_QUEUE = new RegExp(TASK_QUEUE_BASE_PATTERN);
/** The code to replay on, the timeout, the sources and the served queues, checked before any file is read. */ function checkReplayOptions(options) {
    if (!options.workflowsPath === !options.bundlePath) throw new InputError('⟨workflows⟩ / ⟨bundle⟩', options.workflowsPath ? 'both are set' : 'neither is set', 'give the workflows module or a prebuilt bundle, not both');
    if (options.historyTimeoutMs !== undefined && !(options.historyTimeoutMs >= 1_000)) throw new InputError('history-timeout', `${options.historyTimeoutMs} ms is too short`, 'give at least 1s');
    if (options.histories.length === 0 && !options.live) throw new InputError('histories', 'is empty and no live source is set', 'give history globs, or ⟨temporal-address⟩ to replay open runs');
    for (const queue of options.taskQueues ?? [])if (!TASK_QUEUE.test(queue)) throw new InputError(`task-queues: ${queue}`, 'is not a task queue name', 'give the base name of a queue this worker serves, e.g. order-task-queue (letters, digits, . _ -)');
}

export { checkReplayOptions as c };
