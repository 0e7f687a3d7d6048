import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { R as ROLLOUT_TASK_QUEUE, a as rollback, p as promote, c as canary, l as loadState, d as releaseFor } from './rollback-BLxVQd3C.js';
import { P as PROMETHEUS_AUTH_OPTIONS, a as prometheusUrlOption } from './prometheus-DvMyLyGX.js';
import { b as requireLib$1, c as requireTime, l as libExports$1 } from './index-Die7_PD0.js';
import { Worker, bundleWorkflowCode, NativeConnection } from '@temporalio/worker';
import { fileURLToPath } from 'node:url';
import { b as __require } from './_node_async_hooks_commonjs-external-PLFQo7C6.js';
import { c as chooseSelectors } from './sides-DkRbOhL_.js';
import { I as InputError, E as ExternalError } from './errors-Cq3sNBNk.js';
import { measureTick } from './analyze-7SMFyqpo.js';
import { rolloutContext, temporalOf } from './rollout-open-DyEDTQ3G.js';
import { p as parseAnalysisSpec } from './spec-DyleIqiK.js';

// The options of the commands that run or reach the rollout workflow (controller, release, status, send): its
// task queue, the Prometheus the analysis measures with, and a prebuilt workflow bundle.
const TASK_QUEUE_OPTION = {
    field: 'task-queue',
    description: 'Task queue of the rollout workers.',
    arg: 'Q',
    help: `the rollout workers' task queue (default ${ROLLOUT_TASK_QUEUE})`,
    inputDefault: ROLLOUT_TASK_QUEUE
};
const PROMETHEUS_OPTIONS = [
    prometheusUrlOption('Prometheus base URL for the analysis (masked: it may carry credentials).', 'where the analysis measures (default $PROMETHEUS_URL); credentials from PROMETHEUS_USERNAME + PROMETHEUS_PASSWORD or PROMETHEUS_TOKEN'),
    ...PROMETHEUS_AUTH_OPTIONS
];
const CONTROLLER_OPTIONS = [
    ...PROMETHEUS_OPTIONS,
    TASK_QUEUE_OPTION,
    {
        field: 'workflow-bundle',
        input: false,
        arg: 'FILE',
        help: 'RolloutWorkflow prebuilt with bundleWorkflowCode (default $ROLLOUT_WORKFLOW_BUNDLE, which the controller image sets; else bundled at start)'
    }
];

var lib = {};

var hasRequiredLib;

function requireLib () {
	if (hasRequiredLib) return lib;
	hasRequiredLib = 1;
	(function (exports) {
		/**
		 * This package's main export is {@link Context}. Get the current Activity's context with
		 * {@link Context.current | `Context.current()`}:
		 *
		 * ```ts
		 * import { Context } from '@temporalio/activity';
		 *
		 * export async function myActivity() {
		 *   const context = Context.current();
		 * }
		 * ```
		 *
		 * Any function can be used as an Activity as long as its parameters and return value are serializable using a
		 * {@link https://docs.temporal.io/default-custom-data-converters#custom-data-converter | DataConverter}.
		 *
		 * ### Cancellation
		 *
		 * Activity Cancellation:
		 *
		 * - lets the Activity know it doesn't need to keep doing work, and
		 * - gives the Activity time to clean up any resources it has created.
		 *
		 * Activities can only receive Cancellation if they {@link Context.heartbeat | emit heartbeats} or are Local Activities
		 * (which can't heartbeat but receive Cancellation anyway).
		 *
		 * An Activity may receive Cancellation if:
		 *
		 * - The Workflow scope containing the Activity call was requested to be Cancelled and
		 *   {@link ActivityOptions.cancellationType} was **not** set to {@link ActivityCancellationType.ABANDON}. The scope can
		 *   be cancelled in either of the following ways:
		 *   - The entire Workflow was Cancelled (via {@link WorkflowHandle.cancel}).
		 *   - Calling {@link CancellationScope.cancel}) from inside a Workflow.
		 * - The Worker has started to shut down. Shutdown is initiated by either:
		 *   - One of the {@link RuntimeOptions.shutdownSignals} was sent to the process.
		 *   - {@link Worker.shutdown | `Worker.shutdown()`} was called.
		 * - The Activity was considered failed by the Server because any of the Activity timeouts have triggered (for example,
		 *   the Server didn't receive a heartbeat within the {@link ActivityOptions.heartbeatTimeout}). The
		 *   {@link CancelledFailure} will have `message: 'TIMED_OUT'`.
		 * - An Activity sends a heartbeat with `Context.current().heartbeat()` and the heartbeat details can't be converted by
		 *   the Worker's configured {@link DataConverter}.
		 * - The Workflow Run reached a {@link https://docs.temporal.io/workflows#status | Closed state}, in which case the
		 *   {@link CancelledFailure} will have `message: 'NOT_FOUND'`.
		 *
		 * The reason for the Cancellation is available at {@link CancelledFailure.message} or
		 * {@link Context#cancellationSignal | Context.cancellationSignal.reason}.
		 *
		 * Activity implementations should opt-in and subscribe to cancellation using one of the following methods:
		 *
		 * 1. `await` on {@link Context.cancelled | `Context.current().cancelled`} or
		 *    {@link Context.sleep | `Context.current().sleep()`}, which each throw a {@link CancelledFailure}.
		 * 2. Pass the context's {@link https://developer.mozilla.org/en-US/docs/Web/API/AbortSignal | `AbortSignal`} at
		 *    {@link Context.cancellationSignal | `Context.current().cancellationSignal`} to a library that supports it.
		 *
		 * ### Examples
		 *
		 * #### An Activity that sends progress heartbeats and can be Cancelled
		 *
		 * ```ts
		 * import { activityInfo, log, sleep, CancelledFailure, heartbeat } from '@temporalio/activity';
		 *
		 * export async function fakeProgress(sleepIntervalMs = 1000): Promise<void> {
		 *   try {
		 *     // allow for resuming from heartbeat
		 *     const startingPoint = activityInfo().heartbeatDetails || 1;
		 *     log.info('Starting activity at progress', { startingPoint });
		 *     for (let progress = startingPoint; progress <= 100; ++progress) {
		 *       // simple utility to sleep in activity for given interval or throw if Activity is cancelled
		 *       // don't confuse with Workflow.sleep which is only used in Workflow functions!
		 *       log.info('Progress', { progress });
		 *       await sleep(sleepIntervalMs);
		 *       heartbeat(progress);
		 *     }
		 *   } catch (err) {
		 *     if (err instanceof CancelledFailure) {
		 *       log.warn('Fake progress activity cancelled', { message: err.message });
		 *       // Cleanup
		 *     }
		 *     throw err;
		 *   }
		 * }
		 * ```
		 *
		 * #### An Activity that makes a cancellable HTTP request
		 *
		 * It passes the `AbortSignal` to {@link https://github.com/node-fetch/node-fetch#api | `fetch`}: `fetch(url, { signal:
		 * Context.current().cancellationSignal })`.
		 *
		 * ```ts
		 * import fetch from 'node-fetch';
		 * import { cancellationSignal, heartbeat } from '@temporalio/activity';
		 * import type { AbortSignal as FetchAbortSignal } from 'node-fetch/externals';
		 *
		 * export async function cancellableFetch(url: string): Promise<Uint8Array> {
		 *   const response = await fetch(url, { signal: cancellationSignal() as FetchAbortSignal });
		 *   const contentLengthHeader = response.headers.get('Content-Length');
		 *   if (contentLengthHeader === null) {
		 *     throw new Error('expected Content-Length header to be set');
		 *   }
		 *   const contentLength = parseInt(contentLengthHeader);
		 *   let bytesRead = 0;
		 *   const chunks: Buffer[] = [];
		 *
		 *   for await (const chunk of response.body) {
		 *     if (!(chunk instanceof Buffer)) {
		 *       throw new TypeError('Expected Buffer');
		 *     }
		 *     bytesRead += chunk.length;
		 *     chunks.push(chunk);
		 *     heartbeat(bytesRead / contentLength);
		 *   }
		 *   return Buffer.concat(chunks);
		 * }
		 * ```
		 *
		 * @module
		 */
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.metricMeter = exports.log = exports.Context = exports.asyncLocalStorage = exports.CompleteAsyncError = exports.CancelledFailure = exports.ApplicationFailure = void 0;
		exports.setActivityOptions = setActivityOptions;
		exports.activityInfo = activityInfo;
		exports.sleep = sleep;
		exports.heartbeat = heartbeat;
		exports.cancelled = cancelled;
		exports.cancellationDetails = cancellationDetails;
		exports.cancellationSignal = cancellationSignal;
		exports.getClient = getClient;
		const node_async_hooks_1 = __require();
		const common_1 = requireLib$1();
		const time_1 = requireTime();
		var common_2 = requireLib$1();
		Object.defineProperty(exports, "ApplicationFailure", { enumerable: true, get: function () { return common_2.ApplicationFailure; } });
		Object.defineProperty(exports, "CancelledFailure", { enumerable: true, get: function () { return common_2.CancelledFailure; } });
		Object.defineProperty(exports, "CompleteAsyncError", { enumerable: true, get: function () { return common_2.CompleteAsyncError; } });
		/**
		 * Attach static metadata to an Activity function.
		 *
		 * Type information is used by a Worker to decode the Activity arguments and encode its result.
		 *
		 * @experimental
		 */
		function setActivityOptions(options, fn) {
		    Object.assign(fn, { activityDefinitionOptions: options });
		}
		// Make it safe to use @temporalio/activity with multiple versions installed.
		const asyncLocalStorageSymbol = Symbol.for('__temporal_activity_context_storage__');
		if (!globalThis[asyncLocalStorageSymbol]) {
		    globalThis[asyncLocalStorageSymbol] = new node_async_hooks_1.AsyncLocalStorage();
		}
		exports.asyncLocalStorage = globalThis[asyncLocalStorageSymbol];
		/**
		 * Activity Context, used to:
		 *
		 * - Get {@link Info} about the current Activity Execution
		 * - Send {@link https://docs.temporal.io/encyclopedia/detecting-activity-failures#activity-heartbeat | heartbeats}
		 * - Get notified of Activity cancellation
		 * - Sleep (cancellation-aware)
		 *
		 * Call `Context.current()` from Activity code in order to get the current Activity's Context.
		 */
		class Context {
		    info;
		    cancelled;
		    cancellationSignal;
		    heartbeatFn;
		    _client;
		    log;
		    metricMeter;
		    _cancellationDetails;
		    /**
		     * Gets the context of the current Activity.
		     *
		     * Uses {@link https://nodejs.org/docs/latest-v16.x/api/async_context.html#class-asynclocalstorage | AsyncLocalStorage} under the hood to make it accessible in nested callbacks and promises.
		     */
		    static current() {
		        const store = exports.asyncLocalStorage.getStore();
		        if (store === undefined) {
		            throw new Error('Activity context not initialized');
		        }
		        return store;
		    }
		    /**
		     * **Not** meant to instantiated by Activity code, used by the worker.
		     *
		     * @ignore
		     */
		    constructor(
		    /**
		     * Holds information about the current executing Activity.
		     */
		    info, 
		    /**
		     * A Promise that fails with a {@link CancelledFailure} when cancellation of this activity is requested. The promise
		     * is guaranteed to never successfully resolve. Await this promise in an Activity to get notified of cancellation.
		     *
		     * Note that to get notified of cancellation, an activity must _also_ {@link Context.heartbeat}.
		     *
		     * @see [Cancellation](/api/namespaces/activity#cancellation)
		     */
		    cancelled, 
		    /**
		     * An {@link https://developer.mozilla.org/en-US/docs/Web/API/AbortSignal | `AbortSignal`} that can be used to react to
		     * Activity cancellation.
		     *
		     * This can be passed in to libraries such as
		     * {@link https://www.npmjs.com/package/node-fetch#request-cancellation-with-abortsignal | fetch} to abort an
		     * in-progress request and
		     * {@link https://nodejs.org/api/child_process.html#child_process_child_process_spawn_command_args_options child_process}
		     * to abort a child process, as well as other built-in node modules and modules found on npm.
		     *
		     * Note that to get notified of cancellation, an activity must _also_ {@link Context.heartbeat}.
		     *
		     * @see [Cancellation](/api/namespaces/activity#cancellation)
		     */
		    cancellationSignal, 
		    /**
		     * The heartbeat implementation, injected via the constructor.
		     */
		    heartbeatFn, 
		    /**
		     * The Worker's client, passed down through Activity context.
		     */
		    _client, 
		    /**
		     * The logger for this Activity.
		     *
		     * This defaults to the `Runtime`'s Logger (see {@link Runtime.logger}). Attributes from the current Activity context
		     * are automatically included as metadata on every log entries. An extra `sdkComponent` metadata attribute is also
		     * added, with value `activity`; this can be used for fine-grained filtering of log entries further downstream.
		     *
		     * To customize log attributes, register a {@link ActivityOutboundCallsInterceptor} that intercepts the
		     * `getLogAttributes()` method.
		     *
		     * Modifying the context logger (eg. `context.log = myCustomLogger` or by an {@link ActivityInboundLogInterceptor}
		     * with a custom logger as argument) is deprecated. Doing so will prevent automatic inclusion of custom log attributes
		     * through the `getLogAttributes()` interceptor. To customize _where_ log messages are sent, set the
		     * {@link Runtime.logger} property instead.
		     */
		    log, 
		    /**
		     * Get the metric meter for this activity with activity-specific tags.
		     *
		     * To add custom tags, register a {@link ActivityOutboundCallsInterceptor} that
		     * intercepts the `getMetricTags()` method.
		     */
		    metricMeter, 
		    /**
		     * Holder object for activity cancellation details
		     */
		    _cancellationDetails) {
		        this.info = info;
		        this.cancelled = cancelled;
		        this.cancellationSignal = cancellationSignal;
		        this.heartbeatFn = heartbeatFn;
		        this._client = _client;
		        this.log = log;
		        this.metricMeter = metricMeter;
		        this._cancellationDetails = _cancellationDetails;
		    }
		    /**
		     * Send a {@link https://docs.temporal.io/encyclopedia/detecting-activity-failures#activity-heartbeat | heartbeat} from an Activity.
		     *
		     * If an Activity times out, then during the next retry, the last value of `details` is available at
		     * {@link Info.heartbeatDetails}. This acts as a periodic checkpoint mechanism for the progress of an Activity.
		     *
		     * If an Activity times out on the final retry (relevant in cases in which {@link RetryPolicy.maximumAttempts} is
		     * set), the Activity function call in the Workflow code will throw an {@link ActivityFailure} with the `cause`
		     * attribute set to a {@link TimeoutFailure}, which has the last value of `details` available at
		     * {@link TimeoutFailure.lastHeartbeatDetails}.
		     *
		     * Calling `heartbeat()` from a Local Activity has no effect.
		     *
		     * The SDK automatically throttles heartbeat calls to the server with a duration of 80% of the specified activity
		     * heartbeat timeout. Throttling behavior may be customized with the `{@link maxHeartbeatThrottleInterval | https://typescript.temporal.io/api/interfaces/worker.WorkerOptions#maxheartbeatthrottleinterval} and {@link defaultHeartbeatThrottleInterval | https://typescript.temporal.io/api/interfaces/worker.WorkerOptions#defaultheartbeatthrottleinterval} worker options.
		     *
		     * Activities must heartbeat in order to receive Cancellation (unless they're Local Activities, which don't need to).
		     *
		     * :warning: Cancellation is not propagated from this function, use {@link cancelled} or {@link cancellationSignal} to
		     * subscribe to cancellation notifications.
		     */
		    heartbeat = (details) => {
		        this.heartbeatFn(details);
		    };
		    /**
		     * A Temporal Client, bound to the same Temporal Namespace as the Worker executing this Activity.
		     *
		     * May throw an {@link IllegalStateError} if the Activity is running inside a `MockActivityEnvironment`
		     * that was created without a Client.
		     *
		     * @experimental Client support over `NativeConnection` is experimental. Error handling may be
		     *               incomplete or different from what would be observed using a {@link Connection}
		     *               instead. Client doesn't support cancellation through a Signal.
		     */
		    get client() {
		        if (this._client === undefined) {
		            throw new common_1.IllegalStateError('No Client available. This may be a MockActivityEnvironment that was created without a Client.');
		        }
		        return this._client;
		    }
		    /**
		     * Helper function for sleeping in an Activity.
		     * @param ms Sleep duration: number of milliseconds or {@link https://www.npmjs.com/package/ms | ms-formatted string}
		     * @returns A Promise that either resolves when `ms` is reached or rejects when the Activity is cancelled
		     */
		    sleep = (ms) => {
		        let handle;
		        const timer = new Promise((resolve) => {
		            handle = setTimeout(resolve, (0, time_1.msToNumber)(ms));
		        });
		        return Promise.race([this.cancelled.finally(() => clearTimeout(handle)), timer]);
		    };
		    /**
		     * Return the cancellation details for this activity, if any.
		     * @returns an object with boolean properties that describes the reason for cancellation, or undefined if not cancelled.
		     *
		     * @experimental Activity cancellation details include usage of experimental features such as activity pause, and may be subject to change.
		     */
		    get cancellationDetails() {
		        return this._cancellationDetails.details;
		    }
		}
		exports.Context = Context;
		/**
		 * The current Activity's context.
		 */
		function activityInfo() {
		    // For consistency with workflow.workflowInfo(), we want activityInfo() to be a function, rather than a const object.
		    return Context.current().info;
		}
		/**
		 * The logger for this Activity.
		 *
		 * This is a shortcut for `Context.current().log` (see {@link Context.log}).
		 */
		exports.log = {
		    // Context.current().log may legitimately change during the lifetime of an Activity, so we can't
		    // just initialize that field to the value of Context.current().log and move on. Hence this indirection.
		    log(level, message, meta) {
		        return Context.current().log.log(level, message, meta);
		    },
		    trace(message, meta) {
		        return Context.current().log.trace(message, meta);
		    },
		    debug(message, meta) {
		        return Context.current().log.debug(message, meta);
		    },
		    info(message, meta) {
		        return Context.current().log.info(message, meta);
		    },
		    warn(message, meta) {
		        return Context.current().log.warn(message, meta);
		    },
		    error(message, meta) {
		        return Context.current().log.error(message, meta);
		    },
		};
		/**
		 * Helper function for sleeping in an Activity.
		 *
		 * This is a shortcut for `Context.current().sleep(ms)` (see {@link Context.sleep}).
		 *
		 * @param ms Sleep duration: number of milliseconds or {@link https://www.npmjs.com/package/ms | ms-formatted string}
		 * @returns A Promise that either resolves when `ms` is reached or rejects when the Activity is cancelled
		 */
		function sleep(ms) {
		    return Context.current().sleep(ms);
		}
		/**
		 * Send a {@link https://docs.temporal.io/encyclopedia/detecting-activity-failures#activity-heartbeat | heartbeat} from an Activity.
		 *
		 * If an Activity times out, then during the next retry, the last value of `details` is available at
		 * {@link Info.heartbeatDetails}. This acts as a periodic checkpoint mechanism for the progress of an Activity.
		 *
		 * If an Activity times out on the final retry (relevant in cases in which {@link RetryPolicy.maximumAttempts} is
		 * set), the Activity function call in the Workflow code will throw an {@link ActivityFailure} with the `cause`
		 * attribute set to a {@link TimeoutFailure}, which has the last value of `details` available at
		 * {@link TimeoutFailure.lastHeartbeatDetails}.
		 *
		 * This is a shortcut for `Context.current().heartbeat(details)` (see {@link Context.heartbeat}).
		 */
		function heartbeat(details) {
		    Context.current().heartbeat(details);
		}
		/**
		 * Return a Promise that fails with a {@link CancelledFailure} when cancellation of this activity is requested. The
		 * promise is guaranteed to never successfully resolve. Await this promise in an Activity to get notified of
		 * cancellation.
		 *
		 * Note that to get notified of cancellation, an activity must _also_ do {@link Context.heartbeat}.
		 *
		 * This is a shortcut for `Context.current().cancelled` (see {@link Context.cancelled}).
		 */
		function cancelled() {
		    return Context.current().cancelled;
		}
		/**
		 * Return the cancellation details for this activity, if any.
		 * @returns an object with boolean properties that describes the reason for cancellation, or undefined if not cancelled.
		 *
		 * @experimental Activity cancellation details include usage of experimental features such as activity pause, and may be subject to change.
		 */
		function cancellationDetails() {
		    return Context.current().cancellationDetails;
		}
		/**
		 * Return an {@link https://developer.mozilla.org/en-US/docs/Web/API/AbortSignal | `AbortSignal`} that can be used to
		 * react to Activity cancellation.
		 *
		 * This can be passed in to libraries such as
		 * {@link https://www.npmjs.com/package/node-fetch#request-cancellation-with-abortsignal | fetch} to abort an
		 * in-progress request and
		 * {@link https://nodejs.org/api/child_process.html#child_process_child_process_spawn_command_args_options child_process}
		 * to abort a child process, as well as other built-in node modules and modules found on npm.
		 *
		 * Note that to get notified of cancellation, an activity must _also_ do {@link Context.heartbeat}.
		 *
		 * This is a shortcut for `Context.current().cancellationSignal` (see {@link Context.cancellationSignal}).
		 */
		function cancellationSignal() {
		    return Context.current().cancellationSignal;
		}
		/**
		 * A Temporal Client, bound to the same Temporal Namespace as the Worker executing this Activity.
		 *
		 * May throw an {@link IllegalStateError} if the Activity is running inside a `MockActivityEnvironment`
		 * that was created without a Client.
		 *
		 * This is a shortcut for `Context.current().client` (see {@link Context.client}).
		 *
		 * @experimental Client support over `NativeConnection` is experimental. Error handling may be
		 *               incomplete or different from what would be observed using a {@link Connection}
		 *               instead. Client doesn't support cancellation through a Signal.
		 */
		function getClient() {
		    return Context.current().client;
		}
		/**
		 * Get the metric meter for the current activity, with activity-specific tags.
		 *
		 * To add custom tags, register a {@link ActivityOutboundCallsInterceptor} that
		 * intercepts the `getMetricTags()` method.
		 *
		 * This is a shortcut for `Context.current().metricMeter` (see {@link Context.metricMeter}).
		 */
		exports.metricMeter = {
		    createCounter(name, unit, description) {
		        return Context.current().metricMeter.createCounter(name, unit, description);
		    },
		    createHistogram(name, valueType = 'int', unit, description) {
		        return Context.current().metricMeter.createHistogram(name, valueType, unit, description);
		    },
		    createGauge(name, valueType = 'int', unit, description) {
		        return Context.current().metricMeter.createGauge(name, valueType, unit, description);
		    },
		    withTags(tags) {
		        return Context.current().metricMeter.withTags(tags);
		    },
		};
		
	} (lib));
	return lib;
}

var libExports = requireLib();

// The analysis spec of one ramp step: rollout.yaml's `analysis:` section with the selectors chosen for that step.
// Pure, so the workflow and the measuring activity derive the same spec.
function isParsed(analysis) {
    return typeof analysis.intervalMs === 'number' && Array.isArray(analysis.checks);
}
/** The step's label, values and matchers, as `analysis.selector` fields (the rule is for people, not PromQL). */ function selectorFields(selectors) {
    const { canary, baseline, label, matchers } = selectors;
    return {
        canary,
        baseline,
        ...label ? {
            label
        } : {},
        ...matchers !== undefined ? {
            matchers
        } : {}
    };
}
function analysisSpecFor(analysis, selectors, where) {
    const fields = selectorFields(selectors);
    if (isParsed(analysis)) return {
        ...analysis,
        selector: {
            ...analysis.selector,
            ...fields
        }
    };
    const selector = {
        ...analysis.selector ?? {},
        ...fields
    };
    return parseAnalysisSpec({
        ...analysis,
        selector
    }, where);
}
/** The section's `analysis.selector` (parsed when the request carries the section as written). */ function selectorSpecOf(analysis, where) {
    return isParsed(analysis) ? analysis.selector : parseAnalysisSpec(analysis, where).selector;
}

// The rollout workflow's activities: thin wrappers over the steps, run by whichever rollout worker polls.
// Each builds its step context from the request's rollout.yaml and this worker's infrastructure, keeps
// heartbeating (a killed worker is noticed in seconds, and the retry runs elsewhere), and turns a bad input
// into a non-retryable failure.
async function guarded(work) {
    const context = libExports.Context.current();
    const every = Math.max(200, Math.floor((context.info.heartbeatTimeoutMs ?? 30_000) / 3));
    const beat = setInterval(()=>context.heartbeat(), every);
    try {
        return await work();
    } catch (err) {
        // A bad request stays bad on every retry: fail it at once, naming what to fix.
        if (err instanceof InputError) throw libExports.ApplicationFailure.nonRetryable(err.message, 'InputError');
        throw err;
    } finally{
        clearInterval(beat);
    }
}
function createRolloutActivities(infra) {
    const contextFor = (config, policy)=>{
        // Called inside the activity: its cancellation (a request, a heartbeat timeout, the worker shutting down)
        // stops the helm it runs.
        const { cancellationSignal } = libExports.Context.current();
        const ctx = rolloutContext({
            ...infra.rollout,
            config,
            cancelSignal: cancellationSignal,
            ...infra.log ? {
                log: infra.log
            } : {}
        }, infra.client, infra.temporal);
        // Count once and answer: the workflow's durable timer does the waiting between counts.
        return {
            ...ctx,
            drain: {
                ...ctx.drain,
                timeoutMs: 0,
                ...policy ? {
                    policy
                } : {}
            }
        };
    };
    return {
        readState: ({ config })=>guarded(async ()=>{
                const state = await loadState(contextFor(config));
                return {
                    phase: state.phase,
                    ...state.stable ? {
                        stable: state.stable.version
                    } : {},
                    ...state.canary ? {
                        canary: {
                            version: state.canary.version,
                            weight: state.canary.weight
                        }
                    } : {},
                    deployed: state.deployed.map((release)=>release.version)
                };
            }),
        placeCanary: (input)=>guarded(async ()=>{
                const ctx = contextFor(input.config);
                const result = await canary(ctx, {
                    version: input.version,
                    image: input.image,
                    weight: input.weight,
                    ...input.env ? {
                        env: input.env
                    } : {},
                    ...input.replayDeploy ? {
                        replayDeploy: input.replayDeploy
                    } : {}
                });
                const stable = (await loadState(ctx)).stable;
                // The queues the step placed it on (the replay verdict may have chosen them, not the template).
                const target = releaseFor(ctx.settings, input.version, input.image, input.env, result.queue);
                // The build ids the workers were deployed with (BUILD_ID, and the chart's pod label).
                const sideOf = (release)=>({
                        buildId: release.buildId,
                        queues: [
                            release.orderQueue,
                            release.paymentQueue
                        ]
                    });
                const where = `${input.config.file}: analysis`;
                const selectors = stable ? chooseSelectors(selectorSpecOf(input.config.analysis, where), sideOf(target), sideOf(stable)) : {
                    canary: '',
                    baseline: ''
                };
                return {
                    result,
                    selectors
                };
            }),
        measureAnalysis: (input)=>guarded(async ()=>{
                if (!infra.prometheus) {
                    throw libExports.ApplicationFailure.nonRetryable('this rollout worker has no Prometheus to measure with; start it with --prometheus-url', 'InputError');
                }
                const spec = analysisSpecFor(input.config.analysis, input.selectors, `${input.config.file}: analysis`);
                return measureTick(infra.prometheus, spec, input.tick);
            }),
        promote: ({ config, version })=>guarded(()=>promote(contextFor(config), {
                    version
                })),
        rollback: ({ config, to, reason, drainPolicy })=>guarded(()=>rollback(contextFor(config, drainPolicy), {
                    reason,
                    ...to ? {
                        to
                    } : {}
                }))
    };
}

// A rollout worker: polls `temporal-rollout` for RolloutWorkflow tasks and runs its activities with this
// process's infrastructure. The CLI's `controller` runs one until stopped; an attached release runs one while
// it follows its rollout.
/** The workflow module; the SDK bundles it (webpack resolves the `.js` imports to `.ts` sources). */ const ROLLOUT_WORKFLOWS_PATH = fileURLToPath(new URL('./workflows.ts', import.meta.url));
const quiet$1 = {
    log () {},
    trace () {},
    debug () {},
    info () {},
    warn () {},
    error () {}
};
/** The workflow bundle, built once and reusable by every worker of a process. */ async function bundleRolloutWorkflows() {
    const { code } = await bundleWorkflowCode({
        workflowsPath: ROLLOUT_WORKFLOWS_PATH,
        logger: quiet$1
    });
    return {
        code
    };
}
async function createRolloutWorker(options) {
    return Worker.create({
        connection: options.connection,
        namespace: options.infra.temporal.namespace,
        taskQueue: options.taskQueue ?? ROLLOUT_TASK_QUEUE,
        ...options.identity ? {
            identity: options.identity
        } : {},
        workflowBundle: options.workflowBundle ?? await bundleRolloutWorkflows(),
        activities: createRolloutActivities(options.infra),
        // Steps shell out to helm and wait for workers; a few at a time is plenty.
        maxConcurrentActivityTaskExecutions: 4
    });
}

// A process that talks to rollouts and may run rollout workers (the controller and release commands, the release
// action, the demo): one Temporal connection for the client, a native one per worker, and this process's
// infrastructure for the activities (the deployer settings, Prometheus).
async function openRolloutSession(options, run = {}) {
    const { config, ...rollout } = options;
    const { address, namespace } = temporalOf(config);
    const auth = options.apiKey ? {
        apiKey: options.apiKey,
        tls: true
    } : {};
    let connection;
    try {
        connection = await libExports$1.Connection.connect({
            address,
            ...auth,
            connectTimeout: 10_000
        });
    } catch (err) {
        throw new ExternalError('Temporal', `cannot connect to ${address}: ${err.message}`, {
            cause: err
        });
    }
    const client = new libExports$1.Client({
        connection,
        namespace
    });
    const infra = {
        client,
        temporal: {
            address,
            namespace
        },
        rollout,
        ...run.prometheus ? {
            prometheus: run.prometheus
        } : {},
        ...options.log ? {
            log: options.log
        } : {}
    };
    const natives = [];
    return {
        client,
        namespace,
        infra,
        async startWorker (identity) {
            const native = await NativeConnection.connect({
                address,
                ...auth
            });
            natives.push(native);
            return createRolloutWorker({
                connection: native,
                infra,
                ...identity ? {
                    identity
                } : {},
                ...run.taskQueue ? {
                    taskQueue: run.taskQueue
                } : {},
                ...run.workflowBundle ? {
                    workflowBundle: run.workflowBundle
                } : {}
            });
        },
        async close () {
            for (const native of natives)await native.close().catch(()=>undefined);
            await connection.close();
        }
    };
}
const quiet = {
    log () {},
    trace () {},
    debug () {},
    info () {},
    warn () {},
    error () {}
};
/** The rollout workflow bundled from its sources at `workflowsPath` (e.g. in a checkout of the toolkit). */ async function bundleWorkflowsAt(workflowsPath) {
    const { code } = await bundleWorkflowCode({
        workflowsPath,
        logger: quiet
    });
    return {
        code
    };
}

export { CONTROLLER_OPTIONS as C, PROMETHEUS_OPTIONS as P, TASK_QUEUE_OPTION as T, bundleWorkflowsAt as b, openRolloutSession as o };
