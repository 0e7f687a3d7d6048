import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
// The inside of one replay process (started by replay-processes.ts): it loads the consumer's own
// @temporalio/worker, which gives this process its own SDK Runtime (one per process, so processes replay in
// parallel), and replays the histories its parent sends, one at a time, answering each in the order received.
/** Histories as they arrive from the parent, handed to the SDK's replay loop as an async iterable. */ class JobQueue {
    push(job) {
        this.jobs.push(job);
        this.wake?.();
    }
    end() {
        this.ended = true;
        this.wake?.();
    }
    async *[Symbol.asyncIterator]() {
        for(;;){
            const job = this.jobs.shift();
            if (job) yield job;
            else if (this.ended) return;
            else await new Promise((resolve)=>this.wake = resolve);
        }
    }
    constructor(){
        this.jobs = [];
        this.ended = false;
    }
}
function send(message) {
    return new Promise((resolve)=>{
        if (!process.send) resolve();
        else process.send(message, undefined, undefined, ()=>resolve());
    });
}
/** Runs until the parent sends `end` (or disconnects), then exits. */ async function serveReplays() {
    if (!process.send) throw new Error('replay-child runs only as a child process of the replay step');
    const queue = new JobQueue();
    let onInit = ()=>{};
    let onBundle = ()=>{};
    const init = new Promise((resolve)=>onInit = resolve);
    const bundle = new Promise((resolve)=>onBundle = resolve);
    process.on('message', (message)=>{
        if (message.type === 'init') onInit(message.sdkEntry);
        else if (message.type === 'bundle') onBundle(message.code);
        else if (message.type === 'history') queue.push({
            workflowId: message.workflowId,
            history: message.history
        });
        else queue.end();
    });
    // A parent that goes away takes its replays with it.
    process.on('disconnect', ()=>process.exit());
    try {
        // Loading the SDK overlaps with the parent reading histories and making the bundle.
        const sdk = await import(await init);
        // This process's own Runtime; its log lines go to stderr (stdout is the parent's report).
        sdk.Runtime.install({
            logger: new sdk.DefaultLogger('WARN')
        });
        const code = await bundle;
        await send({
            type: 'ready'
        });
        const histories = sdk.Worker.runReplayHistories({
            workflowBundle: {
                code,
                sourceMap: ''
            }
        }, // The SDK reads JSON histories (string event ids) as well as decoded ones; the parent validated them.
        queue);
        for await (const result of histories){
            const error = result.error ? {
                name: result.error.name,
                message: result.error.message
            } : null;
            await send({
                type: 'result',
                workflowId: result.workflowId,
                error
            });
        }
    } catch (err) {
        await send({
            type: 'fatal',
            message: err.message
        });
        process.exitCode = 1;
    }
    process.disconnect();
}

// One replay process, started by the replay step for each of its --concurrency lanes (not an action).
await serveReplays();
