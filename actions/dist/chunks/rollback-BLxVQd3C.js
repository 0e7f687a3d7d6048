import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { a as requireActivityOptions, b as requireLib$1, c as requireTime, d as requireTypeHelpers, e as requireEnumsHelpers, f as requireInterceptors$1, g as requirePayloadConverter, h as requireEncoding, j as requirePayloadSearchAttributes, k as requireInternalWorkflow, m as requireErrors$1, n as requireWorkflowHandle, o as requireWorkflowOptions } from './index-Die7_PD0.js';
import { E as ExternalError } from './errors-Cq3sNBNk.js';
import { p as planCanary, a as planPromote, b as planRollback } from './plan-DZflFiIU.js';
import { e as emptyState, w as withDeployed } from './state-CvQhWG_v.js';
import { a as decideDrain, d as describeDrain } from './drain-Cq-j2CB-.js';
import { r as routingFor, s as sameRouting, d as describeRoutes, a as routingToReplace } from './routing-BHPDnfjE.js';
import { randomUUID } from 'node:crypto';
import { s as scopeLabel } from './temporal-visibility-DuA1Yd36.js';
import { q as queueName, O as OWN_QUEUE_TEMPLATE, b as buildIdFor, c as canonicalVersion } from './queues-BMU_gztj.js';
import { s as sleep } from './sleep-DCjOWjxt.js';

var lib = {};

var activities = {};

var hasRequiredActivities;

function requireActivities () {
	if (hasRequiredActivities) return activities;
	hasRequiredActivities = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.decodeActivityCancellationType = exports.encodeActivityCancellationType = exports.ActivityCancellationType = void 0;
		const activity_options_1 = requireActivityOptions();
		Object.defineProperty(exports, "ActivityCancellationType", { enumerable: true, get: function () { return activity_options_1.ActivityCancellationType; } });
		Object.defineProperty(exports, "encodeActivityCancellationType", { enumerable: true, get: function () { return activity_options_1.encodeActivityCancellationType; } });
		Object.defineProperty(exports, "decodeActivityCancellationType", { enumerable: true, get: function () { return activity_options_1.decodeActivityCancellationType; } });
		
	} (activities));
	return activities;
}

var cancellationScope = {};

var stackHelpers = {};

var globalAttributes = {};

var hasRequiredGlobalAttributes;

function requireGlobalAttributes () {
	if (hasRequiredGlobalAttributes) return globalAttributes;
	hasRequiredGlobalAttributes = 1;
	Object.defineProperty(globalAttributes, "__esModule", { value: true });
	globalAttributes.getActivator = void 0;
	globalAttributes.setActivator = setActivator;
	globalAttributes.maybeGetActivator = maybeGetActivator;
	globalAttributes.assertInWorkflowContext = assertInWorkflowContext;
	const common_1 = requireLib$1();
	function setActivator(activator) {
	    globalThis.__TEMPORAL_ACTIVATOR__ = activator;
	}
	function maybeGetActivator() {
	    return globalThis.__TEMPORAL_ACTIVATOR__;
	}
	function assertInWorkflowContext(uninitializedErrorMessage) {
	    const activator = maybeGetActivator();
	    if (activator == null)
	        throw new common_1.IllegalStateError(uninitializedErrorMessage);
	    return activator;
	}
	// This is really just an alias for `assertInWorkflowContext` with a default error message,
	// because that name better conveys the intent in some very common use cases.
	globalAttributes.getActivator = assertInWorkflowContext.bind(null, 'Workflow uninitialized');
	
	return globalAttributes;
}

var hasRequiredStackHelpers;

function requireStackHelpers () {
	if (hasRequiredStackHelpers) return stackHelpers;
	hasRequiredStackHelpers = 1;
	Object.defineProperty(stackHelpers, "__esModule", { value: true });
	stackHelpers.untrackPromise = untrackPromise;
	const global_attributes_1 = requireGlobalAttributes();
	/**
	 * Helper function to remove a promise from being tracked for stack trace query purposes
	 */
	function untrackPromise(promise) {
	    const store = (0, global_attributes_1.maybeGetActivator)()?.promiseStackStore;
	    if (!store)
	        return;
	    store.childToParent.delete(promise);
	    store.promiseToStack.delete(promise);
	}
	
	return stackHelpers;
}

var flags = {};

var hasRequiredFlags;

function requireFlags () {
	if (hasRequiredFlags) return flags;
	hasRequiredFlags = 1;
	Object.defineProperty(flags, "__esModule", { value: true });
	flags.SdkFlags = void 0;
	flags.assertValidFlag = assertValidFlag;
	const flagsRegistry = new Map();
	flags.SdkFlags = {
	    /**
	     * This flag gates multiple fixes related to cancellation scopes and timers introduced in 1.10.2/1.11.0:
	     * - Cancellation of a non-cancellable scope no longer propagates to children scopes
	     *   (see https://github.com/temporalio/sdk-typescript/issues/1423).
	     * - CancellationScope.withTimeout(fn) now cancel the timer if `fn` completes before expiration
	     *   of the timeout, similar to how `condition(fn, timeout)` works.
	     * - Timers created using setTimeout can now be intercepted.
	     *
	     * @since Introduced in 1.10.2/1.11.0. However, due to an SDK bug, SDKs v1.11.0 and v1.11.1 were not
	     *        properly writing back the flags to history, possibly resulting in NDE on replay. We therefore
	     *        consider that a WFT emitted by Worker v1.11.0 or v1.11.1 to implicitly have this flag on.
	     */
	    NonCancellableScopesAreShieldedFromPropagation: defineFlag(1, true, [buildIdSdkVersionMatches(/1\.11\.[01]/)]),
	    /**
	     * Prior to 1.11.0, when processing a Workflow activation, the SDK would execute `notifyHasPatch`
	     * and `signalWorkflow` jobs in distinct phases, before other types of jobs. The primary reason
	     * behind that multi-phase algorithm was to avoid the possibility that a Workflow execution might
	     * complete before all incoming signals have been dispatched (at least to the point that the
	     * _synchronous_ part of the handler function has been executed).
	     *
	     * This flag replaces that multi-phase algorithm with a simpler one where jobs are simply sorted as
	     * `(signals and updates) -> others`, but without processing them as distinct batches (i.e. without
	     * leaving/reentering the VM context between each group, which automatically triggers the execution
	     * of all outstanding microtasks). That single-phase approach resolves a number of quirks of the
	     * former algorithm, and yet still satisfies to the original requirement of ensuring that every
	     * `signalWorkflow` jobs - and now `doUpdate` jobs as well - have been given a proper chance to
	     * execute before the Workflow main function might completes.
	     *
	     * @since Introduced in 1.11.0. This change is not rollback-safe. However, due to an SDK bug, SDKs
	     *        v1.11.0 and v1.11.1 were not properly writing back the flags to history, possibly resulting
	     *        in NDE on replay. We therefore consider that a WFT emitted by Worker v1.11.0 or v1.11.1
	     *        to implicitely have this flag on.
	     */
	    ProcessWorkflowActivationJobsAsSingleBatch: defineFlag(2, true, [buildIdSdkVersionMatches(/1\.11\.[01]/)]),
	    /**
	     * In 1.11.5 the `handleSignal` interceptor was added to @temporalio/interceptors-opentelemetry
	     * which added a yield point. The added yield point can cause NDE if there was a signal handler and
	     * the workflow was started with a signal.
	     *
	     * This yield point was removed in 1.13.2, but in order to prevent workflows from the
	     * affected versions resulting in NDE, we have to inject the yield point on replay.
	     * @since Introduced in 1.13.2.
	     */
	    OpenTelemetryInterceptorsTracesInboundSignals: defineFlag(3, true, [isAtLeast({ major: 1, minor: 11, patch: 5 })]),
	    /**
	     * In 1.11.6, the `scheduleLocalActivity` interceptor was added to
	     * `@temporalio/interceptors-opentelemetry` which added a yield point to the
	     * outbound interceptor. This yield point was removed in 1.13.2.
	     *
	     * @since Introduced in 1.13.2
	     */
	    OpenTelemetryInterceptorsTracesLocalActivities: defineFlag(4, true, [isAtLeast({ major: 1, minor: 11, patch: 6 })]),
	    /**
	     * The interceptors provided by @temporalio/interceptors-opentelemetry initially had unnecessary
	     * yield points on calling to `extractContextFromHeaders`.
	     * If replaying a workflow created from these versions a yield point is injected to prevent any NDE.
	     *
	     * If the history does not include the SDK version, default to extra yields since the yields were present since the OTEL
	     * package was created.
	     *
	     * @since Introduced in 1.13.2
	     */
	    OpenTelemetryInterceporsAvoidsExtraYields: defineFlag(5, true, [isAtLeast({ major: 1, minor: 13, patch: 2 })]),
	    /**
	     * In 1.13.3, all remaining interceptor methods were implemented in @temporalio/interceptors-opentelemetry
	     * including `handleUpdate`, `validateUpdate`, `handleQuery`, `startTimer`, and `startNexusOperation`.
	     * These add instrumentation and yield points that were not present in earlier versions.
	     * This flag gates these new interceptor methods to prevent NDE on replay of workflows from earlier versions.
	     *
	     * @since Introduced in 1.13.3
	     */
	    OpenTelemetryInterceptorsInstrumentsAllMethods: defineFlag(6, true),
	};
	function defineFlag(id, def, alternativeConditions) {
	    const flag = { id, default: def, alternativeConditions };
	    flagsRegistry.set(id, flag);
	    return flag;
	}
	function assertValidFlag(id) {
	    if (!flagsRegistry.has(id))
	        throw new TypeError(`Unknown SDK flag: ${id}`);
	}
	function buildIdSdkVersionMatches(version) {
	    const regex = new RegExp(`^@temporalio/worker@(${version.source})[+]`);
	    return ({ info }) => info.currentBuildId != null && regex.test(info.currentBuildId);
	}
	/**
	 * Creates an `AltConditionFn` that checks if the SDK version is equal to or after the provided version.
	 * An optional default can be provided in case the SDK version is not available.
	 */
	function isAtLeast(compare, missingDefault) {
	    return (ctx) => {
	        return isCompared(compare, -1, missingDefault)(ctx) || isCompared(compare, 0, missingDefault)(ctx);
	    };
	}
	function isCompared(compare, comparison, missingDefault = false) {
	    return ({ sdkVersion }) => {
	        if (!sdkVersion)
	            return missingDefault;
	        const version = parseSemver(sdkVersion);
	        if (!version)
	            return missingDefault;
	        return compareSemver(compare, version) === comparison;
	    };
	}
	function parseSemver(version) {
	    try {
	        const [_, major, minor, patch] = version.match(/(\d+)\.(\d+)\.(\d+)/);
	        return {
	            major: Number.parseInt(major),
	            minor: Number.parseInt(minor),
	            patch: Number.parseInt(patch),
	        };
	    }
	    catch {
	        return undefined;
	    }
	}
	function compareSemver(a, b) {
	    if (a.major < b.major)
	        return -1;
	    if (a.major > b.major)
	        return 1;
	    if (a.minor < b.minor)
	        return -1;
	    if (a.minor > b.minor)
	        return 1;
	    if (a.patch < b.patch)
	        return -1;
	    if (a.patch > b.patch)
	        return 1;
	    return 0;
	}
	
	return flags;
}

var hasRequiredCancellationScope;

function requireCancellationScope () {
	if (hasRequiredCancellationScope) return cancellationScope;
	hasRequiredCancellationScope = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.RootCancellationScope = exports.CancellationScope = exports.AsyncLocalStorage = void 0;
		exports.registerSleepImplementation = registerSleepImplementation;
		const common_1 = requireLib$1();
		const time_1 = requireTime();
		const stack_helpers_1 = requireStackHelpers();
		const global_attributes_1 = requireGlobalAttributes();
		const flags_1 = requireFlags();
		// AsyncLocalStorage is injected via vm module into global scope.
		// In case Workflow code is imported in Node.js context, replace with an empty class.
		exports.AsyncLocalStorage = globalThis.AsyncLocalStorage ?? class {
		};
		/** Magic symbol used to create the root scope - intentionally not exported */
		const NO_PARENT = Symbol('NO_PARENT');
		/**
		 * Cancellation Scopes provide the mechanic by which a Workflow may gracefully handle incoming requests for cancellation
		 * (e.g. in response to {@link WorkflowHandle.cancel} or through the UI or CLI), as well as request cancellation of
		 * cancellable operations it owns (e.g. Activities, Timers, Child Workflows, etc).
		 *
		 * Cancellation Scopes form a tree, with the Workflow's main function running in the root scope of that tree.
		 * By default, cancellation propagates down from a parent scope to its children and its cancellable operations.
		 * A non-cancellable scope can receive cancellation requests, but is never effectively considered as cancelled,
		 * thus shieldding its children and cancellable operations from propagation of cancellation requests it receives.
		 *
		 * Scopes are created using the `CancellationScope` constructor or the static helper methods {@link cancellable},
		 * {@link nonCancellable} and {@link withTimeout}. `withTimeout` creates a scope that automatically cancels itself after
		 * some duration.
		 *
		 * Cancellation of a cancellable scope results in all operations created directly in that scope to throw a
		 * {@link CancelledFailure} (either directly, or as the `cause` of an {@link ActivityFailure} or a
		 * {@link ChildWorkflowFailure}). Further attempt to create new cancellable scopes or cancellable operations within a
		 * scope that has already been cancelled will also immediately throw a {@link CancelledFailure} exception. It is however
		 * possible to create a non-cancellable scope at that point; this is often used to execute rollback or cleanup
		 * operations. For example:
		 *
		 * ```ts
		 * async function myWorkflow(...): Promise<void> {
		 *   try {
		 *     // This activity runs in the root cancellation scope. Therefore, a cancellation request on
		 *     // the Workflow execution (e.g. through the UI or CLI) automatically propagates to this
		 *     // activity. Assuming that the activity properly handle the cancellation request, then the
		 *     // call below will throw an `ActivityFailure` exception, with `cause` sets to an
		 *     // instance of `CancelledFailure`.
		 *     await someActivity();
		 *   } catch (e) {
		 *     if (isCancellation(e)) {
		 *       // Run cleanup activity in a non-cancellable scope
		 *       await CancellationScope.nonCancellable(async () => {
		 *         await cleanupActivity();
		 *       }
		 *     } else {
		 *       throw e;
		 *     }
		 *   }
		 * }
		 * ```
		 *
		 * A cancellable scope may be programatically cancelled by calling {@link cancel|`scope.cancel()`}`. This may be used,
		 * for example, to explicitly request cancellation of an Activity or Child Workflow:
		 *
		 * ```ts
		 * const cancellableActivityScope = new CancellationScope();
		 * const activityPromise = cancellableActivityScope.run(() => someActivity());
		 * cancellableActivityScope.cancel(); // Cancels the activity
		 * await activityPromise; // Throws `ActivityFailure` with `cause` set to `CancelledFailure`
		 * ```
		 */
		class CancellationScope {
		    /**
		     * Time in milliseconds before the scope cancellation is automatically requested
		     */
		    timeout;
		    /**
		     * If false, then this scope will never be considered cancelled, even if a cancellation request is received (either
		     * directly by calling `scope.cancel()` or indirectly by cancelling a cancellable parent scope). This effectively
		     * shields the scope's children and cancellable operations from propagation of cancellation requests made on the
		     * non-cancellable scope.
		     *
		     * Note that the Promise returned by the `run` function of non-cancellable scope may still throw a `CancelledFailure`
		     * if such an exception is thrown from within that scope (e.g. by directly cancelling a cancellable child scope).
		     */
		    cancellable;
		    /**
		     * An optional CancellationScope (useful for running background tasks), defaults to {@link CancellationScope.current}()
		     */
		    parent;
		    /**
		     * A Promise that throws when a cancellable scope receives a cancellation request, either directly
		     * (i.e. `scope.cancel()`), or indirectly (by cancelling a cancellable parent scope).
		     *
		     * Note that a non-cancellable scope may receive cancellation requests, resulting in the `cancelRequested` promise for
		     * that scope to throw, though the scope will not effectively get cancelled (i.e. `consideredCancelled` will still
		     * return `false`, and cancellation will not be propagated to child scopes and contained operations).
		     */
		    cancelRequested;
		    #cancelRequested = false;
		    // Typescript does not understand that the Promise executor runs synchronously in the constructor
		    // eslint-disable-next-line @typescript-eslint/ban-ts-comment
		    // @ts-ignore
		    reject;
		    constructor(options) {
		        this.timeout = (0, time_1.msOptionalToNumber)(options?.timeout);
		        this.cancellable = options?.cancellable ?? true;
		        this.cancelRequested = new Promise((_, reject) => {
		            // @ts-expect-error TSC doesn't understand that the Promise executor runs synchronously
		            this.reject = (err) => {
		                this.#cancelRequested = true;
		                reject(err);
		            };
		        });
		        (0, stack_helpers_1.untrackPromise)(this.cancelRequested);
		        // Avoid unhandled rejections
		        (0, stack_helpers_1.untrackPromise)(this.cancelRequested.catch(() => undefined));
		        if (options?.parent !== NO_PARENT) {
		            this.parent = options?.parent || CancellationScope.current();
		            if (this.parent.cancellable ||
		                (this.parent.#cancelRequested &&
		                    !(0, global_attributes_1.getActivator)().hasFlag(flags_1.SdkFlags.NonCancellableScopesAreShieldedFromPropagation))) {
		                this.#cancelRequested = this.parent.#cancelRequested;
		                (0, stack_helpers_1.untrackPromise)(this.parent.cancelRequested.catch((err) => {
		                    this.reject(err);
		                }));
		            }
		            else {
		                (0, stack_helpers_1.untrackPromise)(this.parent.cancelRequested.catch((err) => {
		                    if (!(0, global_attributes_1.getActivator)().hasFlag(flags_1.SdkFlags.NonCancellableScopesAreShieldedFromPropagation)) {
		                        this.reject(err);
		                    }
		                }));
		            }
		        }
		    }
		    /**
		     * Whether the scope was effectively cancelled. A non-cancellable scope can never be considered cancelled.
		     */
		    get consideredCancelled() {
		        return this.#cancelRequested && this.cancellable;
		    }
		    /**
		     * Activate the scope as current and run  `fn`
		     *
		     * Any timers, Activities, Triggers and CancellationScopes created in the body of `fn`
		     * automatically link their cancellation to this scope.
		     *
		     * @return the result of `fn`
		     */
		    run(fn) {
		        return storage.run(this, this.runInContext.bind(this, fn));
		    }
		    /**
		     * Method that runs a function in AsyncLocalStorage context.
		     *
		     * Could have been written as anonymous function, made into a method for improved stack traces.
		     */
		    async runInContext(fn) {
		        let timerScope;
		        if (this.timeout) {
		            timerScope = new CancellationScope();
		            (0, stack_helpers_1.untrackPromise)(timerScope
		                .run(() => sleep(this.timeout))
		                .then(() => this.cancel(), () => {
		                // scope was already cancelled, ignore
		            }));
		        }
		        try {
		            return await fn();
		        }
		        finally {
		            if (timerScope &&
		                !timerScope.consideredCancelled &&
		                (0, global_attributes_1.getActivator)().hasFlag(flags_1.SdkFlags.NonCancellableScopesAreShieldedFromPropagation)) {
		                timerScope.cancel();
		            }
		        }
		    }
		    /**
		     * Request to cancel the scope and linked children
		     */
		    cancel() {
		        this.reject(new common_1.CancelledFailure('Cancellation scope cancelled'));
		    }
		    /**
		     * Get the current "active" scope
		     */
		    static current() {
		        // Using globals directly instead of a helper function to avoid circular import
		        return storage.getStore() ?? globalThis.__TEMPORAL_ACTIVATOR__.rootScope;
		    }
		    /** Alias to `new CancellationScope({ cancellable: true }).run(fn)` */
		    static cancellable(fn) {
		        return new this({ cancellable: true }).run(fn);
		    }
		    /** Alias to `new CancellationScope({ cancellable: false }).run(fn)` */
		    static nonCancellable(fn) {
		        return new this({ cancellable: false }).run(fn);
		    }
		    /** Alias to `new CancellationScope({ cancellable: true, timeout }).run(fn)` */
		    static withTimeout(timeout, fn) {
		        return new this({ cancellable: true, timeout }).run(fn);
		    }
		}
		exports.CancellationScope = CancellationScope;
		const storage = new exports.AsyncLocalStorage();
		class RootCancellationScope extends CancellationScope {
		    constructor() {
		        super({ cancellable: true, parent: NO_PARENT });
		    }
		    cancel() {
		        this.reject(new common_1.CancelledFailure('Workflow cancelled'));
		    }
		}
		exports.RootCancellationScope = RootCancellationScope;
		/** This function is here to avoid a circular dependency between this module and workflow.ts */
		let sleep = (_) => {
		    throw new common_1.IllegalStateError('Workflow has not been properly initialized');
		};
		function registerSleepImplementation(fn) {
		    sleep = fn;
		}
		
	} (cancellationScope));
	return cancellationScope;
}

var errors = {};

var hasRequiredErrors;

function requireErrors () {
	if (hasRequiredErrors) return errors;
	hasRequiredErrors = 1;
	var __decorate = (errors && errors.__decorate) || function (decorators, target, key, desc) {
	    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
	    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
	    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
	    return c > 3 && r && Object.defineProperty(target, key, r), r;
	};
	Object.defineProperty(errors, "__esModule", { value: true });
	errors.LocalActivityDoBackoff = errors.DeterminismViolationError = errors.WorkflowError = void 0;
	errors.isCancellation = isCancellation;
	const common_1 = requireLib$1();
	const type_helpers_1 = requireTypeHelpers();
	/**
	 * Base class for all workflow errors
	 */
	let WorkflowError = class WorkflowError extends Error {
	};
	errors.WorkflowError = WorkflowError;
	errors.WorkflowError = WorkflowError = __decorate([
	    (0, type_helpers_1.SymbolBasedInstanceOfError)('WorkflowError')
	], WorkflowError);
	/**
	 * Thrown in workflow when it tries to do something that non-deterministic such as construct a WeakRef()
	 */
	let DeterminismViolationError = class DeterminismViolationError extends WorkflowError {
	};
	errors.DeterminismViolationError = DeterminismViolationError;
	errors.DeterminismViolationError = DeterminismViolationError = __decorate([
	    (0, type_helpers_1.SymbolBasedInstanceOfError)('DeterminismViolationError')
	], DeterminismViolationError);
	/**
	 * A class that acts as a marker for this special result type
	 */
	let LocalActivityDoBackoff = class LocalActivityDoBackoff extends Error {
	    backoff;
	    constructor(backoff) {
	        super();
	        this.backoff = backoff;
	    }
	};
	errors.LocalActivityDoBackoff = LocalActivityDoBackoff;
	errors.LocalActivityDoBackoff = LocalActivityDoBackoff = __decorate([
	    (0, type_helpers_1.SymbolBasedInstanceOfError)('LocalActivityDoBackoff')
	], LocalActivityDoBackoff);
	/**
	 * Returns whether provided `err` is caused by cancellation
	 */
	function isCancellation(err) {
	    return (err instanceof common_1.CancelledFailure ||
	        ((err instanceof common_1.ActivityFailure || err instanceof common_1.ChildWorkflowFailure || err instanceof common_1.NexusOperationFailure) &&
	            err.cause instanceof common_1.CancelledFailure));
	}
	
	return errors;
}

var interceptors = {};

var hasRequiredInterceptors;

function requireInterceptors () {
	if (hasRequiredInterceptors) return interceptors;
	hasRequiredInterceptors = 1;
	/**
	 * Type definitions for Workflow interceptors.
	 *
	 * @module
	 */
	Object.defineProperty(interceptors, "__esModule", { value: true });
	
	return interceptors;
}

var interfaces = {};

var hasRequiredInterfaces;

function requireInterfaces () {
	if (hasRequiredInterfaces) return interfaces;
	hasRequiredInterfaces = 1;
	(function (exports) {
		var __decorate = (interfaces && interfaces.__decorate) || function (decorators, target, key, desc) {
		    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
		    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
		    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
		    return c > 3 && r && Object.defineProperty(target, key, r), r;
		};
		var _a, _b;
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.decodeParentClosePolicy = exports.encodeParentClosePolicy = exports.ParentClosePolicy = exports.decodeChildWorkflowCancellationType = exports.encodeChildWorkflowCancellationType = exports.ChildWorkflowCancellationType = exports.ContinueAsNew = void 0;
		const type_helpers_1 = requireTypeHelpers();
		const enums_helpers_1 = requireEnumsHelpers();
		/**
		 * Not an actual error, used by the Workflow runtime to abort execution when {@link continueAsNew} is called
		 */
		let ContinueAsNew = class ContinueAsNew extends Error {
		    command;
		    eventGroupMarkers;
		    /**
		     * The `ContinueAsNew` class is exported so that user code can perform
		     * `instanceof ContinueAsNew` checks, but users should never explicitly
		     * construct instances of that class.
		     *
		     * Use the {@link continueAsNew} / {@link makeContinueAsNewFunc} functions instead.
		     *
		     * @internal
		     */
		    constructor(command, eventGroupMarkers) {
		        super('Workflow continued as new');
		        this.command = command;
		        this.eventGroupMarkers = eventGroupMarkers;
		    }
		};
		exports.ContinueAsNew = ContinueAsNew;
		exports.ContinueAsNew = ContinueAsNew = __decorate([
		    (0, type_helpers_1.SymbolBasedInstanceOfError)('ContinueAsNew')
		], ContinueAsNew);
		/**
		 * Determines:
		 * - whether cancellation requests should be propagated from the Parent Workflow to the Child, and
		 * - whether and when should the Child's cancellation be reported back to the Parent Workflow
		 *   (i.e. at which moment should the {@link executeChild}'s or {@link ChildWorkflowHandle.result}'s
		 *   promise fail with a `ChildWorkflowFailure`, with `cause` set to a `CancelledFailure`).
		 *
		 * Note that this setting only applies to cancellation originating from an external request for the
		 * Parent Workflow itself, or from internal cancellation of the `CancellationScope` in which the
		 * Child Workflow call was made. Eventual Cancellation of a Child Workflow on completion of the
		 * Parent Workflow is controlled by the {@link ParentClosePolicy} setting.
		 *
		 * @default ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED
		 */
		// MAINTENANCE: Keep this typedoc in sync with the `ChildWorkflowOptions.cancellationType` field
		exports.ChildWorkflowCancellationType = {
		    /**
		     * Do not propagate cancellation requests to the Child, and immediately report cancellation
		     * to the caller.
		     */
		    ABANDON: 'ABANDON',
		    /**
		     * Propagate cancellation request from the Parent Workflow to the Child, yet _immediately_ report
		     * cancellation to the caller, i.e. without waiting for the server to confirm the cancellation
		     * request.
		     *
		     * Note that this cancellation type provides no guarantee, from the Parent-side, that the
		     * cancellation request will actually be atomically added to the Child workflow's history.
		     * In particular, the Child may complete (either successfully or uncessfully) before the
		     * cancellation is delivered, resulting in a situation where the Parent workflow thinks its child
		     * was cancelled, but the child actually completed successfully.
		     *
		     * To guarantee that the Child will eventually be notified of the cancellation request,
		     * use {@link WAIT_CANCELLATION_REQUESTED}.
		     */
		    TRY_CANCEL: 'TRY_CANCEL',
		    /**
		     * Propagate cancellation request from the Parent Workflow to the Child, then wait for the server
		     * to confirm that the Child Workflow cancellation request was recorded in its history.
		     *
		     * This cancellation type guarantees that the Child will eventually be notified of the
		     * cancellation request (that is, unless the Child terminates inbetween due to unexpected causes).
		     */
		    WAIT_CANCELLATION_REQUESTED: 'WAIT_CANCELLATION_REQUESTED',
		    /**
		     * Propagate cancellation request from the Parent Workflow to the Child, then wait for completion
		     * of the Child Workflow.
		     *
		     * The Child may respect cancellation, in which case the Parent's `executeChild` or
		     * `ChildWorkflowHandle.result` promise will fail with a `ChildWorkflowFailure`, with `cause`
		     * set to a `CancelledFailure`. On the other hand, the Child may ignore the cancellation request,
		     * in which case the corresponding promise will either resolve with a result (if Child completed
		     * successfully) or reject with a different cause (if Child completed uncessfully).
		     *
		     * @default
		     */
		    WAIT_CANCELLATION_COMPLETED: 'WAIT_CANCELLATION_COMPLETED',
		};
		// ts-prune-ignore-next
		_a = (0, enums_helpers_1.makeProtoEnumConverters)({
		    [exports.ChildWorkflowCancellationType.ABANDON]: 0,
		    [exports.ChildWorkflowCancellationType.TRY_CANCEL]: 1,
		    [exports.ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED]: 2,
		    [exports.ChildWorkflowCancellationType.WAIT_CANCELLATION_REQUESTED]: 3,
		}, ''), exports.encodeChildWorkflowCancellationType = _a[0], exports.decodeChildWorkflowCancellationType = _a[1];
		/**
		 * How a Child Workflow reacts to the Parent Workflow reaching a Closed state.
		 *
		 * @see {@link https://docs.temporal.io/concepts/what-is-a-parent-close-policy/ | Parent Close Policy}
		 */
		exports.ParentClosePolicy = {
		    /**
		     * When the Parent is Closed, the Child is Terminated.
		     *
		     * @default
		     */
		    TERMINATE: 'TERMINATE',
		    /**
		     * When the Parent is Closed, nothing is done to the Child.
		     */
		    ABANDON: 'ABANDON',
		    /**
		     * When the Parent is Closed, the Child is Cancelled.
		     */
		    REQUEST_CANCEL: 'REQUEST_CANCEL',
		    /// Anything below this line has been deprecated
		    /**
		     * If a `ParentClosePolicy` is set to this, or is not set at all, the server default value will be used.
		     *
		     * @deprecated Either leave property `undefined`, or set an explicit policy instead.
		     */
		    PARENT_CLOSE_POLICY_UNSPECIFIED: undefined,
		    /**
		     * When the Parent is Closed, the Child is Terminated.
		     *
		     * @deprecated Use {@link ParentClosePolicy.TERMINATE} instead.
		     */
		    PARENT_CLOSE_POLICY_TERMINATE: 'TERMINATE',
		    /**
		     * When the Parent is Closed, nothing is done to the Child.
		     *
		     * @deprecated Use {@link ParentClosePolicy.ABANDON} instead.
		     */
		    PARENT_CLOSE_POLICY_ABANDON: 'ABANDON',
		    /**
		     * When the Parent is Closed, the Child is Cancelled.
		     *
		     * @deprecated Use {@link ParentClosePolicy.REQUEST_CANCEL} instead.
		     */
		    PARENT_CLOSE_POLICY_REQUEST_CANCEL: 'REQUEST_CANCEL',
		};
		// ts-prune-ignore-next
		_b = (0, enums_helpers_1.makeProtoEnumConverters)({
		    [exports.ParentClosePolicy.TERMINATE]: 1,
		    [exports.ParentClosePolicy.ABANDON]: 2,
		    [exports.ParentClosePolicy.REQUEST_CANCEL]: 3,
		    UNSPECIFIED: 0,
		}, 'PARENT_CLOSE_POLICY_'), exports.encodeParentClosePolicy = _b[0], exports.decodeParentClosePolicy = _b[1];
		
	} (interfaces));
	return interfaces;
}

var sinks = {};

var hasRequiredSinks;

function requireSinks () {
	if (hasRequiredSinks) return sinks;
	hasRequiredSinks = 1;
	/**
	 * Type definitions for the Workflow end of the sinks mechanism.
	 *
	 * Sinks are a mechanism for exporting data from the Workflow isolate to the
	 * Node.js environment, they are necessary because the Workflow has no way to
	 * communicate with the outside World.
	 *
	 * Sinks are typically used for exporting logs, metrics and traces out from the
	 * Workflow.
	 *
	 * Sink functions may not return values to the Workflow in order to prevent
	 * breaking determinism.
	 *
	 * @module
	 */
	Object.defineProperty(sinks, "__esModule", { value: true });
	sinks.proxySinks = proxySinks;
	const global_attributes_1 = requireGlobalAttributes();
	/**
	 * Get a reference to Sinks for exporting data out of the Workflow.
	 *
	 * These Sinks **must** be registered with the Worker in order for this
	 * mechanism to work.
	 *
	 * @example
	 * ```ts
	 * import { proxySinks, Sinks } from '@temporalio/workflow';
	 *
	 * interface MySinks extends Sinks {
	 *   logger: {
	 *     info(message: string): void;
	 *     error(message: string): void;
	 *   };
	 * }
	 *
	 * const { logger } = proxySinks<MyDependencies>();
	 * logger.info('setting up');
	 *
	 * export function myWorkflow() {
	 *   return {
	 *     async execute() {
	 *       logger.info("hey ho");
	 *       logger.error("lets go");
	 *     }
	 *   };
	 * }
	 * ```
	 */
	function proxySinks() {
	    return new Proxy({}, {
	        get(_, ifaceName) {
	            return new Proxy({}, {
	                get(_, fnName) {
	                    return (...args) => {
	                        const activator = (0, global_attributes_1.assertInWorkflowContext)('Proxied sinks functions may only be used from a Workflow Execution.');
	                        activator.sinkCalls.push({
	                            ifaceName: ifaceName,
	                            fnName: fnName,
	                            // Sink function doesn't get called immediately. Make a clone of the sink's args, so that further mutations
	                            // to these objects don't corrupt the args that the sink function will receive. Only available from node 17.
	                            args: globalThis.structuredClone ? globalThis.structuredClone(args) : args,
	                            // activator.info is internally copy-on-write. This ensure that any further mutations
	                            // to the workflow state in the context of the present activation will not corrupt the
	                            // workflowInfo state that gets passed when the sink function actually gets called.
	                            workflowInfo: activator.info,
	                        });
	                    };
	                },
	            });
	        },
	    });
	}
	
	return sinks;
}

var randomStreams = {};

var randomHelpers = {};

var hasRequiredRandomHelpers;

function requireRandomHelpers () {
	if (hasRequiredRandomHelpers) return randomHelpers;
	hasRequiredRandomHelpers = 1;
	Object.defineProperty(randomHelpers, "__esModule", { value: true });
	randomHelpers.fillWithRandom = fillWithRandom;
	randomHelpers.uuid4FromRandom = uuid4FromRandom;
	randomHelpers.createUnsafeRandomSource = createUnsafeRandomSource;
	function fillWithRandom(random, bytes) {
	    for (let i = 0; i < bytes.length; ++i) {
	        bytes[i] = Math.floor(random() * 0x100);
	    }
	    return bytes;
	}
	function uuid4FromRandom(random) {
	    const ho = (n, p) => n.toString(16).padStart(p, '0');
	    const view = new DataView(new ArrayBuffer(16));
	    view.setUint32(0, (random() * 0x100000000) >>> 0);
	    view.setUint32(4, (random() * 0x100000000) >>> 0);
	    view.setUint32(8, (random() * 0x100000000) >>> 0);
	    view.setUint32(12, (random() * 0x100000000) >>> 0);
	    view.setUint8(6, (view.getUint8(6) & 0xf) | 0x40);
	    view.setUint8(8, (view.getUint8(8) & 0x3f) | 0x80);
	    return `${ho(view.getUint32(0), 8)}-${ho(view.getUint16(4), 4)}-${ho(view.getUint16(6), 4)}-${ho(view.getUint16(8), 4)}-${ho(view.getUint32(10), 8)}${ho(view.getUint16(14), 4)}`;
	}
	function createUnsafeRandomSource(random) {
	    const source = {
	        random,
	        uuid4: () => uuid4FromRandom(random),
	        fillRandom: (bytes) => fillWithRandom(random, bytes),
	    };
	    // Omit from JSON like `now`: the methods otherwise stringify to a misleading empty {}.
	    Object.defineProperty(source, 'toJSON', { value: () => undefined, enumerable: true });
	    return source;
	}
	
	return randomHelpers;
}

var hasRequiredRandomStreams;

function requireRandomStreams () {
	if (hasRequiredRandomStreams) return randomStreams;
	hasRequiredRandomStreams = 1;
	Object.defineProperty(randomStreams, "__esModule", { value: true });
	randomStreams.workflowRandom = void 0;
	randomStreams.getRandomStream = getRandomStream;
	const global_attributes_1 = requireGlobalAttributes();
	const random_helpers_1 = requireRandomHelpers();
	class ActivatorRandomStream {
	    activator;
	    name;
	    constructor(activator, name) {
	        this.activator = activator;
	        this.name = name;
	    }
	    random() {
	        return this.activator.getNamedRandom(this.name)();
	    }
	    uuid4() {
	        return (0, random_helpers_1.uuid4FromRandom)(() => this.random());
	    }
	    fill(bytes) {
	        return (0, random_helpers_1.fillWithRandom)(() => this.random(), bytes);
	    }
	    with(fn) {
	        return this.activator.withCurrentRandom(this, fn);
	    }
	}
	class DefaultWorkflowRandomStream {
	    random() {
	        return (0, global_attributes_1.assertInWorkflowContext)('Workflow.workflowRandom may only be used from workflow context.').random();
	    }
	    uuid4() {
	        return (0, random_helpers_1.uuid4FromRandom)(() => this.random());
	    }
	    fill(bytes) {
	        return (0, random_helpers_1.fillWithRandom)(() => this.random(), bytes);
	    }
	    with(fn) {
	        const activator = (0, global_attributes_1.assertInWorkflowContext)('Workflow.workflowRandom may only be used from workflow context.');
	        return activator.withCurrentRandom(this, fn);
	    }
	}
	/**
	 * The default deterministic random stream for the current workflow execution.
	 *
	 * This exposes the same underlying sequence used by workflow-level `Math.random()`
	 * when no named override is active. It can be useful for plugin/interceptor code
	 * that wants an explicit handle to the main workflow random stream, including from
	 * inside a temporary named scope established by another `WorkflowRandomStream`.
	 *
	 * @experimental This API may be removed or changed in the future.
	 */
	randomStreams.workflowRandom = new DefaultWorkflowRandomStream();
	/**
	 * Get a named deterministic random stream for the current workflow execution.
	 *
	 * Named streams are derived from the workflow seed and a stable stream name,
	 * without consuming the workflow's default `Math.random()` stream. Repeated
	 * calls with the same `name` within a workflow execution refer to the same
	 * logical stream state, including across activations.
	 *
	 * This is the preferred entry point for workflow plugins and interceptors that
	 * need their own deterministic entropy. Use stable package- or module-style
	 * names so the stream identity remains replay-safe, then keep the returned
	 * `WorkflowRandomStream` around and call its methods directly.
	 *
	 * @experimental This API may be removed or changed in the future.
	 */
	function getRandomStream(name) {
	    const activator = (0, global_attributes_1.assertInWorkflowContext)('Workflow.getRandomStream(...) may only be used from workflow context.');
	    return new ActivatorRandomStream(activator, name);
	}
	
	return randomStreams;
}

var logs = {};

var interceptorComposition = {};

var hasRequiredInterceptorComposition;

function requireInterceptorComposition () {
	if (hasRequiredInterceptorComposition) return interceptorComposition;
	hasRequiredInterceptorComposition = 1;
	Object.defineProperty(interceptorComposition, "__esModule", { value: true });
	interceptorComposition.composeInterceptors = composeInterceptors;
	const interceptors_1 = requireInterceptors$1();
	const global_attributes_1 = requireGlobalAttributes();
	/**
	 * Compose workflow interceptors while making every `next(...)` continuation re-enter
	 * the workflow-random scope that was current when that continuation was created.
	 *
	 * This is intentionally a thin wrapper over the shared interceptor composition helper
	 * in `packages/common`. The shared helper owns the actual chain-construction algorithm,
	 * ordering, and `next(...)` wiring so workflow code cannot silently drift away from the
	 * semantics used by the rest of the SDK.
	 *
	 * The workflow-specific behavior lives entirely in the `wrapNext` hook we pass into that
	 * shared helper. Each `next(...)` continuation handed to a workflow interceptor is wrapped
	 * with `Activator.bindCurrentRandom(...)`, which captures the currently active workflow
	 * random scope, including the absence of any scoped override. When the interceptor later
	 * calls `next(...)`, the wrapper restores that captured scope before entering the rest of
	 * the interceptor chain or the base workflow/runtime handler.
	 *
	 * That is the behavior we need for `WorkflowRandomStream.with(...)`: a temporary
	 * plugin/interceptor scope should apply to the plugin's own code, but it must not
	 * leak through `next(...)` into downstream workflow code unless that downstream code
	 * explicitly establishes its own scope.
	 */
	function composeInterceptors(interceptors, method, next) {
	    const activator = (0, global_attributes_1.getActivator)();
	    return (0, interceptors_1.composeInterceptorsWith)(interceptors, method, next, ((wrappedNext) => activator.bindCurrentRandom(wrappedNext)));
	}
	
	return interceptorComposition;
}

var workflow = {};

var userMetadata = {};

var hasRequiredUserMetadata;

function requireUserMetadata () {
	if (hasRequiredUserMetadata) return userMetadata;
	hasRequiredUserMetadata = 1;
	Object.defineProperty(userMetadata, "__esModule", { value: true });
	userMetadata.userMetadataToPayload = userMetadataToPayload;
	const payload_converter_1 = requirePayloadConverter();
	function userMetadataToPayload(payloadConverter, staticSummary, staticDetails, context) {
	    if (staticSummary == null && staticDetails == null)
	        return undefined;
	    const summary = (0, payload_converter_1.convertOptionalToPayload)(payloadConverter, staticSummary, context);
	    const details = (0, payload_converter_1.convertOptionalToPayload)(payloadConverter, staticDetails, context);
	    if (summary == null && details == null)
	        return undefined;
	    return { summary, details };
	}
	
	return userMetadata;
}

var versioningIntentEnum = {};

var hasRequiredVersioningIntentEnum;

function requireVersioningIntentEnum () {
	if (hasRequiredVersioningIntentEnum) return versioningIntentEnum;
	hasRequiredVersioningIntentEnum = 1;
	Object.defineProperty(versioningIntentEnum, "__esModule", { value: true });
	versioningIntentEnum.VersioningIntent = void 0;
	versioningIntentEnum.versioningIntentToProto = versioningIntentToProto;
	const type_helpers_1 = requireTypeHelpers();
	// Avoid importing the proto implementation to reduce workflow bundle size
	// Copied from coresdk.common.VersioningIntent
	/**
	 * Protobuf enum representation of {@link VersioningIntentString}.
	 *
	 * @deprecated Worker Versioning is now deprecated. Please use the Worker Deployment API instead: https://docs.temporal.io/worker-deployments
	 */
	var VersioningIntent;
	(function (VersioningIntent) {
	    VersioningIntent[VersioningIntent["UNSPECIFIED"] = 0] = "UNSPECIFIED";
	    VersioningIntent[VersioningIntent["COMPATIBLE"] = 1] = "COMPATIBLE";
	    VersioningIntent[VersioningIntent["DEFAULT"] = 2] = "DEFAULT";
	})(VersioningIntent || (versioningIntentEnum.VersioningIntent = VersioningIntent = {}));
	(0, type_helpers_1.checkExtends)();
	(0, type_helpers_1.checkExtends)();
	/**
	 * @deprecated Worker Versioning is now deprecated. Please use the Worker Deployment API instead: https://docs.temporal.io/worker-deployments
	 */
	function versioningIntentToProto(intent) {
	    switch (intent) {
	        case 'DEFAULT':
	            return VersioningIntent.DEFAULT;
	        case 'COMPATIBLE':
	            return VersioningIntent.COMPATIBLE;
	        case undefined:
	            return VersioningIntent.UNSPECIFIED;
	        default:
	            (0, type_helpers_1.assertNever)('Unexpected VersioningIntent', intent);
	    }
	}
	
	return versioningIntentEnum;
}

var reserved = {};

var hasRequiredReserved;

function requireReserved () {
	if (hasRequiredReserved) return reserved;
	hasRequiredReserved = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.ENHANCED_STACK_TRACE_QUERY_NAME = exports.STACK_TRACE_QUERY_NAME = exports.TEMPORAL_RESERVED_PREFIX = void 0;
		exports.throwIfReservedName = throwIfReservedName;
		exports.TEMPORAL_RESERVED_PREFIX = '__temporal_';
		exports.STACK_TRACE_QUERY_NAME = '__stack_trace';
		exports.ENHANCED_STACK_TRACE_QUERY_NAME = '__enhanced_stack_trace';
		/**
		 * Wire identifiers used by first-party SDK contrib packages. Each entry pairs
		 * a name with the entity type it's allowed to register as; that pair bypasses
		 * the {@link TEMPORAL_RESERVED_PREFIX} check at registration time. Registering
		 * the same name as a different entity type is still rejected.
		 */
		const INTERNAL_RESERVED_NAME_ALLOWLIST = new Map([
		    // @temporalio/workflow-streams
		    ['__temporal_workflow_stream_publish', 'signal'],
		    ['__temporal_workflow_stream_poll', 'update'],
		    ['__temporal_workflow_stream_offset', 'query'],
		    // @temporalio/openai-agents
		    ['__temporal_openai_agents_tracing', 'sink'],
		    // @temporalio/langsmith
		    ['__temporal_langsmith', 'sink'],
		]);
		/**
		 * Validates if the provided name contains any reserved prefixes or matches any reserved names.
		 * Throws a TypeError if validation fails, with a specific message indicating whether the issue
		 * is with a reserved prefix or an exact match to a reserved name.
		 *
		 * @param type The entity type being checked
		 * @param name The name to check against reserved prefixes/names
		 */
		function throwIfReservedName(type, name) {
		    if (name.startsWith(exports.TEMPORAL_RESERVED_PREFIX) && INTERNAL_RESERVED_NAME_ALLOWLIST.get(name) !== type) {
		        throw new TypeError(`Cannot use ${type} name: '${name}', with reserved prefix: '${exports.TEMPORAL_RESERVED_PREFIX}'`);
		    }
		    if (name === exports.STACK_TRACE_QUERY_NAME || name === exports.ENHANCED_STACK_TRACE_QUERY_NAME) {
		        throw new TypeError(`Cannot use ${type} name: '${name}', which is a reserved name`);
		    }
		}
		
	} (reserved));
	return reserved;
}

var eventGroups = {};

var sha1 = {};

var hasRequiredSha1;

function requireSha1 () {
	if (hasRequiredSha1) return sha1;
	hasRequiredSha1 = 1;
	Object.defineProperty(sha1, "__esModule", { value: true });
	sha1.sha1Hex = sha1Hex;
	const encoding_1 = requireEncoding();
	/**
	 * Minimal SHA-1 implementation, for use inside the Workflow sandbox. This implementation
	 * relies only on plain arithmetic, without requirement on the `crypto` module or any other
	 * Node built-in.
	 *
	 * @internal
	 */
	function sha1Hex(input) {
	    const message = (0, encoding_1.encode)(input);
	    const messageBitLength = message.length * 8;
	    // Padding: append 0x80, then 0x00 until the length is congruent to 56 (mod 64), then the original
	    // message length as a 64-bit big-endian integer.
	    const data = new Uint8Array(Math.ceil((message.length + 9) / 64) * 64);
	    data.set(message);
	    data[message.length] = 0x80;
	    const hiLen = Math.floor(messageBitLength / 0x100000000);
	    const loLen = messageBitLength >>> 0;
	    const lengthPos = data.length - 8;
	    data[lengthPos] = (hiLen >>> 24) & 0xff;
	    data[lengthPos + 1] = (hiLen >>> 16) & 0xff;
	    data[lengthPos + 2] = (hiLen >>> 8) & 0xff;
	    data[lengthPos + 3] = hiLen & 0xff;
	    data[lengthPos + 4] = (loLen >>> 24) & 0xff;
	    data[lengthPos + 5] = (loLen >>> 16) & 0xff;
	    data[lengthPos + 6] = (loLen >>> 8) & 0xff;
	    data[lengthPos + 7] = loLen & 0xff;
	    let h0 = 0x67452301;
	    let h1 = 0xefcdab89;
	    let h2 = 0x98badcfe;
	    let h3 = 0x10325476;
	    let h4 = 0xc3d2e1f0;
	    const w = new Uint32Array(80);
	    for (let chunk = 0; chunk < data.length; chunk += 64) {
	        for (let i = 0; i < 16; i++) {
	            const j = chunk + i * 4;
	            w[i] =
	                (((data[j] ?? 0) << 24) | ((data[j + 1] ?? 0) << 16) | ((data[j + 2] ?? 0) << 8) | (data[j + 3] ?? 0)) >>> 0;
	        }
	        for (let i = 16; i < 80; i++) {
	            w[i] = rotl((w[i - 3] ?? 0) ^ (w[i - 8] ?? 0) ^ (w[i - 14] ?? 0) ^ (w[i - 16] ?? 0), 1);
	        }
	        let a = h0;
	        let b = h1;
	        let c = h2;
	        let d = h3;
	        let e = h4;
	        for (let i = 0; i < 80; i++) {
	            let f;
	            let k;
	            if (i < 20) {
	                f = (b & c) | (~b & d);
	                k = 0x5a827999;
	            }
	            else if (i < 40) {
	                f = b ^ c ^ d;
	                k = 0x6ed9eba1;
	            }
	            else if (i < 60) {
	                f = (b & c) | (b & d) | (c & d);
	                k = 0x8f1bbcdc;
	            }
	            else {
	                f = b ^ c ^ d;
	                k = 0xca62c1d6;
	            }
	            const temp = (rotl(a, 5) + (f >>> 0) + (e >>> 0) + k + (w[i] ?? 0)) >>> 0;
	            e = d;
	            d = c;
	            c = rotl(b, 30);
	            b = a;
	            a = temp;
	        }
	        h0 = (h0 + a) >>> 0;
	        h1 = (h1 + b) >>> 0;
	        h2 = (h2 + c) >>> 0;
	        h3 = (h3 + d) >>> 0;
	        h4 = (h4 + e) >>> 0;
	    }
	    return [h0, h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
	}
	/** Rotate a 32-bit value left by `n` bits. */
	function rotl(value, n) {
	    return ((value << n) | (value >>> (32 - n))) >>> 0;
	}
	
	return sha1;
}

var hasRequiredEventGroups;

function requireEventGroups () {
	if (hasRequiredEventGroups) return eventGroups;
	hasRequiredEventGroups = 1;
	Object.defineProperty(eventGroups, "__esModule", { value: true });
	eventGroups.createEventGroup = createEventGroup;
	eventGroups.createInboundEventMarker = createInboundEventMarker;
	eventGroups.createInboundUpdateMarker = createInboundUpdateMarker;
	eventGroups.eventGroupMarkersToProto = eventGroupMarkersToProto;
	const payload_converter_1 = requirePayloadConverter();
	const cancellation_scope_1 = requireCancellationScope();
	const global_attributes_1 = requireGlobalAttributes();
	const sha1_1 = requireSha1();
	/** Active event group markers in the current execution scope. */
	const activeMarkerScopes = new cancellation_scope_1.AsyncLocalStorage();
	class EventGroupMarkerImpl {
	    withScope(fn) {
	        (0, global_attributes_1.assertInWorkflowContext)('EventGroupMarker.withScope(...) may only be used from a Workflow Execution');
	        const active = activeMarkerScopes.getStore() ?? {
	            implicitScope: undefined,
	            explicitScopes: {},
	        };
	        const newActive = this.applyOverActiveMarkerScopes(active);
	        return activeMarkerScopes.run(newActive, fn);
	    }
	}
	class ImplicitEventGroupMarkerImpl extends EventGroupMarkerImpl {
	    marker;
	    static withInboundEventId(eventId) {
	        return new ImplicitEventGroupMarkerImpl({ inboundEvent: { inboundEventId: eventId } });
	    }
	    static withInboundUpdateId(updateId) {
	        return new ImplicitEventGroupMarkerImpl({ inboundUpdate: { inboundUpdateId: updateId } });
	    }
	    constructor(marker) {
	        super();
	        this.marker = marker;
	    }
	    applyOverActiveMarkerScopes(_active) {
	        return {
	            implicitScope: this,
	            explicitScopes: {},
	        };
	    }
	    toProto() {
	        return {
	            inboundEvent: this.marker.inboundEvent
	                ? {
	                    inboundEventId: this.marker.inboundEvent?.inboundEventId,
	                }
	                : undefined,
	            inboundUpdate: this.marker.inboundUpdate
	                ? {
	                    inboundUpdateId: this.marker.inboundUpdate?.inboundUpdateId,
	                }
	                : undefined,
	        };
	    }
	}
	/**
	 * This stub provides a safe fallback for the case where we'd try to create an Implicit
	 * Event Group Marker for an inbound event, but receive an invalid event ID.
	 *
	 * To be clear, this should never happen and would indicate a bug in the SDK itself.
	 * Still, we wouldn't want that situation to result in failing the WFT, as Event Groups
	 * is a non-critical feature.
	 *
	 * Instead, we return a stub Implicit Event Group Marker that honors the interface,
	 * including the `withScope()` method with proper bookkeeping logic. This way, callers
	 * can proceed through their normal code path without having to know about this anomaly.
	 */
	class StubImplicitEventGroupMarkerImpl extends EventGroupMarkerImpl {
	    constructor() {
	        super();
	    }
	    applyOverActiveMarkerScopes(_active) {
	        return {
	            implicitScope: undefined,
	            explicitScopes: {},
	        };
	    }
	    toProto() {
	        // This method will never get called, since the stub will not set itself as
	        // the active implicit scope, and therefore won't get collected by
	        // mergeScopeAndDirectEventGroupMarkers() for serialization.
	        return {};
	    }
	}
	class ExplicitEventGroupMarkerImpl extends EventGroupMarkerImpl {
	    marker;
	    static withLabel(label, id) {
	        return new ExplicitEventGroupMarkerImpl({ label: { id, label } });
	    }
	    constructor(marker) {
	        super();
	        this.marker = marker;
	    }
	    applyOverActiveMarkerScopes(active) {
	        return {
	            implicitScope: active.implicitScope,
	            explicitScopes: { ...active.explicitScopes, [this.marker.label.id]: this },
	        };
	    }
	    toProto() {
	        // Deliberately the SDK's default converter rather than the workflow's own: the UI and CLI
	        // rely on the label being a `json/plain` string, which a user-provided converter could break.
	        return {
	            label: { id: this.marker.label.id, label: payload_converter_1.defaultPayloadConverter.toPayload(this.marker.label.label) },
	        };
	    }
	}
	/**
	 * Create a new event group marker that can be attached to commands scheduled by this workflow.
	 *
	 * The returned marker has a freshly-generated identifier (workflow-deterministic). Attach it
	 * to any number of commands (activities, child workflows, timers, etc.) via their `eventGroups`
	 * option, or implicitly via {@link EventGroupMarker.withScope}, to indicate that those commands
	 * belong to the same logical group.
	 *
	 * @param label a user-visible label for the group, surfaced in the UI / CLI
	 *     This label is converted to a Payload using the SDK's default Payload Converter, not the
	 *     one configured on the worker, then codec-encoded using the worker's configured Payload
	 *     Codecs.
	 *
	 *     Note that if no `id` is provided, the `id` will be derived from the `label` using a
	 *     deterministic hash function. Given short and predictable labels, brute-forcing the `id`'s
	 *     hashed value may be computationally feasible, thus allowing for recovery of the `label`
	 *     value. Thus, it is recommended to avoid including highly sensitive information in
	 *     event-group labels, and/or to provide an explicit `id` value.
	 *
	 * @param id an optional opaque identifier used to determine whether two event groups are the same;
	 *     i.e. events will be grouped together if and only if they are both associated with group
	 *     markers that have the same `id` value, without regard to the markers' labels. Only the first
	 *     label value associated with a marker `id` will be used, subsequent label values will be ignored.
	 *
	 *     Note that `id` will not be codec-encoded.
	 *
	 * @experimental Event Groups is an experimental API and may change without notice.
	 */
	function createEventGroup(label, options) {
	    const activator = (0, global_attributes_1.assertInWorkflowContext)('createEventGroup(...) may only be used from a Workflow Execution');
	    // When the workflow author doesn't provide an explicit `id`, derive a deterministic, replay-stable
	    // one from the label. The Original Execution Run ID is used to mitigate brute-force recovery of the
	    // label from the ID, while preserving resetstability across Workflow Execution resets.
	    const id = options?.id ?? (0, sha1_1.sha1Hex)(`${activator.info.originalExecutionRunId}${label}`);
	    return ExplicitEventGroupMarkerImpl.withLabel(label, id);
	}
	/**
	 * Create an implicit group marker referencing a specific history event by ID. Used by the
	 * SDK at the signal handler dispatch point; never exposed to user code.
	 *
	 * @internal
	 */
	function createInboundEventMarker(eventId) {
	    if (eventId == null || eventId.toNumber() <= 0) {
	        // Invalid event ID. Don't fail the WFT — return a stub Implicit EG Marker instead.
	        return new StubImplicitEventGroupMarkerImpl();
	    }
	    return ImplicitEventGroupMarkerImpl.withInboundEventId(eventId);
	}
	/**
	 * Create an implicit group marker referencing an inbound update by its workflow-unique
	 * identifier. Used by the SDK at the update-handler dispatch point; never exposed to user
	 * code.
	 *
	 * @internal
	 */
	function createInboundUpdateMarker(updateId) {
	    return ImplicitEventGroupMarkerImpl.withInboundUpdateId(updateId);
	}
	/**
	 * Merge the explicitly-attached markers with those active in the current execution scope and
	 * serialize the result into the proto form attached to a workflow command.
	 *
	 * This function reads the active-scope markers from AsyncLocalStorage, and may therefore only be
	 * called from within a Workflow Execution.
	 *
	 * Returns `undefined` if no marker ends up attached, so the caller can omit the `eventGroupMarkers`
	 * field from the outgoing command altogether (matching the convention used for `userMetadata`).
	 *
	 * Each marker is encoded as one of the `EventGroupMarker.variant` cases: the `label` variant
	 * (for explicit markers created via `createEventGroup`), the `inboundEvent` variant, or the
	 * `inboundUpdate` variant (for implicit markers created by the SDK around inbound signal and
	 * update handlers).
	 *
	 * The SDK `id` is only carried on the wire for the `label` variant. For inbound variants it is
	 * derivable from `inboundEventId` / `inboundUpdateId`, so it is omitted.
	 *
	 * @internal
	 */
	function eventGroupMarkersToProto(explicit) {
	    const markers = mergeScopeAndDirectEventGroupMarkers(explicit);
	    if (markers == null || markers.length === 0)
	        return undefined;
	    return markers.map((marker) => marker.toProto());
	}
	/**
	 * Merge active scope event group markers with directly-attached markers, deduplicating by `id`.
	 */
	function mergeScopeAndDirectEventGroupMarkers(directs) {
	    if (directs?.some((m) => !(m instanceof ExplicitEventGroupMarkerImpl))) {
	        throw new Error('Directly attached Event Group Markers must be instances of ExplicitEventGroupMarkerImpl');
	    }
	    const directExplicits = directs ?? [];
	    const active = activeMarkerScopes.getStore();
	    const merged = { ...(active?.explicitScopes ?? {}) };
	    for (const marker of directExplicits) {
	        merged[marker.marker.label.id] = marker;
	    }
	    return [...(active?.implicitScope ? [active.implicitScope] : []), ...Object.values(merged)];
	}
	
	return eventGroups;
}

var updateScope = {};

var hasRequiredUpdateScope;

function requireUpdateScope () {
	if (hasRequiredUpdateScope) return updateScope;
	hasRequiredUpdateScope = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.UpdateScope = exports.AsyncLocalStorage = void 0;
		// AsyncLocalStorage is injected via vm module into global scope.
		// In case Workflow code is imported in Node.js context, replace with an empty class.
		exports.AsyncLocalStorage = globalThis.AsyncLocalStorage ?? class {
		};
		class UpdateScope {
		    /**
		     *  A workflow-unique identifier for this update.
		     */
		    id;
		    /**
		     *  The update type name.
		     */
		    name;
		    constructor(options) {
		        this.id = options.id;
		        this.name = options.name;
		    }
		    /**
		     * Activate the scope as current and run the update handler `fn`.
		     *
		     * @return the result of `fn`
		     */
		    run(fn) {
		        return storage.run(this, fn);
		    }
		    /**
		     * Get the current "active" update scope.
		     */
		    static current() {
		        return storage.getStore();
		    }
		    /** Alias to `new UpdateScope({ id, name }).run(fn)` */
		    static updateWithInfo(id, name, fn) {
		        return new this({ id, name }).run(fn);
		    }
		}
		exports.UpdateScope = UpdateScope;
		const storage = new exports.AsyncLocalStorage();
		
	} (updateScope));
	return updateScope;
}

var hasRequiredWorkflow;

function requireWorkflow () {
	if (hasRequiredWorkflow) return workflow;
	hasRequiredWorkflow = 1;
	Object.defineProperty(workflow, "__esModule", { value: true });
	workflow.workflowMetadataQuery = workflow.enhancedStackTraceQuery = workflow.stackTraceQuery = workflow.NotAnActivityMethod = void 0;
	workflow.addDefaultWorkflowOptions = addDefaultWorkflowOptions;
	workflow.sleep = sleep;
	workflow.scheduleActivity = scheduleActivity;
	workflow.scheduleLocalActivity = scheduleLocalActivity;
	workflow.proxyActivities = proxyActivities;
	workflow.proxyLocalActivities = proxyLocalActivities;
	workflow.getExternalWorkflowHandle = getExternalWorkflowHandle;
	workflow.startChild = startChild;
	workflow.executeChild = executeChild;
	workflow.workflowInfo = workflowInfo;
	workflow.currentUpdateInfo = currentUpdateInfo;
	workflow.inWorkflowContext = inWorkflowContext;
	workflow.makeContinueAsNewFunc = makeContinueAsNewFunc;
	workflow.continueAsNew = continueAsNew;
	workflow.uuid4 = uuid4;
	workflow.patched = patched;
	workflow.deprecatePatch = deprecatePatch;
	workflow.condition = condition;
	workflow.defineUpdate = defineUpdate;
	workflow.defineSignal = defineSignal;
	workflow.defineQuery = defineQuery;
	workflow.setHandler = setHandler;
	workflow.setDefaultSignalHandler = setDefaultSignalHandler;
	workflow.setDefaultUpdateHandler = setDefaultUpdateHandler;
	workflow.setDefaultQueryHandler = setDefaultQueryHandler;
	workflow.upsertSearchAttributes = upsertSearchAttributes;
	workflow.upsertMemo = upsertMemo;
	workflow.allHandlersFinished = allHandlersFinished;
	workflow.setWorkflowOptions = setWorkflowOptions;
	workflow.defineWorkflowOptions = defineWorkflowOptions;
	workflow.getCurrentDetails = getCurrentDetails;
	workflow.setCurrentDetails = setCurrentDetails;
	const common_1 = requireLib$1();
	const user_metadata_1 = requireUserMetadata();
	const payload_search_attributes_1 = requirePayloadSearchAttributes();
	const versioning_intent_enum_1 = requireVersioningIntentEnum();
	const time_1 = requireTime();
	const internal_workflow_1 = requireInternalWorkflow();
	const reserved_1 = requireReserved();
	const event_groups_1 = requireEventGroups();
	const cancellation_scope_1 = requireCancellationScope();
	const interceptor_composition_1 = requireInterceptorComposition();
	const update_scope_1 = requireUpdateScope();
	const activities_1 = requireActivities();
	const interfaces_1 = requireInterfaces();
	const errors_1 = requireErrors();
	const global_attributes_1 = requireGlobalAttributes();
	const random_helpers_1 = requireRandomHelpers();
	const stack_helpers_1 = requireStackHelpers();
	// Avoid a circular dependency
	(0, cancellation_scope_1.registerSleepImplementation)(sleep);
	function currentWorkflowSerializationContext(info) {
	    return {
	        type: 'workflow',
	        namespace: info.namespace,
	        workflowId: info.workflowId,
	    };
	}
	function targetWorkflowSerializationContext(info, workflowId) {
	    return {
	        type: 'workflow',
	        namespace: info.namespace,
	        workflowId,
	    };
	}
	function activitySerializationContext(info, activityId, isLocal) {
	    return {
	        type: 'activity',
	        namespace: info.namespace,
	        activityId,
	        workflowId: info.workflowId,
	        isLocal,
	    };
	}
	/**
	 * Adds default values of `workflowId` and `cancellationType` to given workflow options.
	 */
	function addDefaultWorkflowOptions(opts) {
	    const { args, workflowId, ...rest } = opts;
	    return {
	        workflowId: workflowId ?? uuid4(),
	        args: (args ?? []),
	        cancellationType: interfaces_1.ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED,
	        ...rest,
	    };
	}
	/**
	 * Push a startTimer command into state accumulator and register completion
	 */
	function timerNextHandler({ seq, durationMs, options }) {
	    const activator = (0, global_attributes_1.getActivator)();
	    const context = currentWorkflowSerializationContext(activator.info);
	    return new Promise((resolve, reject) => {
	        const scope = cancellation_scope_1.CancellationScope.current();
	        if (scope.consideredCancelled) {
	            (0, stack_helpers_1.untrackPromise)(scope.cancelRequested.catch(reject));
	            return;
	        }
	        if (scope.cancellable) {
	            (0, stack_helpers_1.untrackPromise)(scope.cancelRequested.catch((err) => {
	                if (!activator.completions.timer.delete(seq)) {
	                    return; // Already resolved or never scheduled
	                }
	                activator.pushCommand({
	                    cancelTimer: {
	                        seq,
	                    },
	                    eventGroupMarkers: (0, event_groups_1.eventGroupMarkersToProto)(options?.eventGroups),
	                });
	                reject(err);
	            }));
	        }
	        activator.pushCommand({
	            startTimer: {
	                seq,
	                startToFireTimeout: (0, time_1.msToTs)(durationMs),
	            },
	            userMetadata: (0, user_metadata_1.userMetadataToPayload)(activator.payloadConverter, options?.summary, undefined, context),
	            eventGroupMarkers: (0, event_groups_1.eventGroupMarkersToProto)(options?.eventGroups),
	        });
	        activator.completions.timer.set(seq, {
	            resolve,
	            reject,
	        });
	    });
	}
	/**
	 * Asynchronous sleep.
	 *
	 * Schedules a timer on the Temporal service.
	 *
	 * @param ms sleep duration - number of milliseconds or {@link https://www.npmjs.com/package/ms | ms-formatted string}.
	 * If given a negative number or 0, value will be set to 1.
	 * @param options optional timer options for additional configuration
	 */
	function sleep(ms, options) {
	    const activator = (0, global_attributes_1.assertInWorkflowContext)('Workflow.sleep(...) may only be used from a Workflow Execution');
	    const seq = activator.nextSeqs.timer++;
	    const durationMs = Math.max(1, (0, time_1.msToNumber)(ms));
	    const execute = (0, interceptor_composition_1.composeInterceptors)(activator.interceptors.outbound, 'startTimer', timerNextHandler);
	    return execute({
	        durationMs,
	        seq,
	        options,
	    });
	}
	function validateActivityOptions(options) {
	    if (options.scheduleToCloseTimeout === undefined && options.startToCloseTimeout === undefined) {
	        throw new TypeError('Required either scheduleToCloseTimeout or startToCloseTimeout');
	    }
	}
	// Use same validation we use for normal activities
	const validateLocalActivityOptions = validateActivityOptions;
	/**
	 * Push a scheduleActivity command into activator accumulator and register completion
	 */
	function scheduleActivityNextHandler({ options, args, headers, seq, activityType, typeInfo, }) {
	    const activator = (0, global_attributes_1.getActivator)();
	    validateActivityOptions(options);
	    const activityId = options.activityId ?? `${seq}`;
	    const context = activitySerializationContext(activator.info, activityId, false);
	    return new Promise((resolve, reject) => {
	        const scope = cancellation_scope_1.CancellationScope.current();
	        if (scope.consideredCancelled) {
	            (0, stack_helpers_1.untrackPromise)(scope.cancelRequested.catch(reject));
	            return;
	        }
	        if (scope.cancellable) {
	            (0, stack_helpers_1.untrackPromise)(scope.cancelRequested.catch(() => {
	                if (!activator.completions.activity.has(seq)) {
	                    return; // Already resolved or never scheduled
	                }
	                activator.pushCommand({
	                    requestCancelActivity: {
	                        seq,
	                    },
	                    eventGroupMarkers: (0, event_groups_1.eventGroupMarkersToProto)(options.eventGroups),
	                });
	            }));
	        }
	        activator.pushCommand({
	            scheduleActivity: {
	                seq,
	                activityId,
	                activityType,
	                arguments: (0, common_1.toPayloadsWithContext)(activator.payloadConverter, context, args, typeInfo?.inputTypes),
	                retryPolicy: options.retry ? (0, common_1.compileRetryPolicy)(options.retry) : undefined,
	                taskQueue: options.taskQueue || activator.info.taskQueue,
	                heartbeatTimeout: (0, time_1.msOptionalToTs)(options.heartbeatTimeout),
	                scheduleToCloseTimeout: (0, time_1.msOptionalToTs)(options.scheduleToCloseTimeout),
	                startToCloseTimeout: (0, time_1.msOptionalToTs)(options.startToCloseTimeout),
	                scheduleToStartTimeout: (0, time_1.msOptionalToTs)(options.scheduleToStartTimeout),
	                headers,
	                cancellationType: (0, activities_1.encodeActivityCancellationType)(options.cancellationType),
	                doNotEagerlyExecute: !(options.allowEagerDispatch ?? true),
	                versioningIntent: (0, versioning_intent_enum_1.versioningIntentToProto)(options.versioningIntent),
	                priority: options.priority ? (0, common_1.compilePriority)(options.priority) : undefined,
	            },
	            userMetadata: (0, user_metadata_1.userMetadataToPayload)(activator.payloadConverter, options.summary, undefined, context),
	            eventGroupMarkers: (0, event_groups_1.eventGroupMarkersToProto)(options.eventGroups),
	        });
	        activator.completions.activity.set(seq, {
	            resolve,
	            reject,
	            context,
	            outputTypeInfo: typeInfo?.outputType,
	        });
	    });
	}
	/**
	 * Push a scheduleActivity command into state accumulator and register completion
	 */
	async function scheduleLocalActivityNextHandler({ options, args, headers, seq, activityType, attempt, originalScheduleTime, typeInfo, }) {
	    const activator = (0, global_attributes_1.getActivator)();
	    const activityId = `${seq}`;
	    const context = activitySerializationContext(activator.info, activityId, true);
	    // Eagerly fail the local activity if the worker will not be able to execute it,
	    // e.g. the given activity type is not registered on the local activity worker
	    // and there is no fallback 'default' activity. This obviously doesn't apply
	    // when replaying the workflow history, as the worker won't actually have to run
	    // the activity.
	    if (!activator.info.unsafe.isReplaying &&
	        !activator.registeredActivityNames.has(activityType) &&
	        !activator.registeredActivityNames.has('default')) {
	        throw new ReferenceError(`Local activity of type '${activityType}' not registered on worker`);
	    }
	    validateLocalActivityOptions(options);
	    return new Promise((resolve, reject) => {
	        const scope = cancellation_scope_1.CancellationScope.current();
	        if (scope.consideredCancelled) {
	            (0, stack_helpers_1.untrackPromise)(scope.cancelRequested.catch(reject));
	            return;
	        }
	        if (scope.cancellable) {
	            (0, stack_helpers_1.untrackPromise)(scope.cancelRequested.catch(() => {
	                if (!activator.completions.activity.has(seq)) {
	                    return; // Already resolved or never scheduled
	                }
	                activator.pushCommand({
	                    requestCancelLocalActivity: {
	                        seq,
	                    },
	                });
	            }));
	        }
	        activator.pushCommand({
	            scheduleLocalActivity: {
	                seq,
	                attempt,
	                originalScheduleTime,
	                activityId,
	                activityType,
	                arguments: (0, common_1.toPayloadsWithContext)(activator.payloadConverter, context, args, typeInfo?.inputTypes),
	                retryPolicy: options.retry ? (0, common_1.compileRetryPolicy)(options.retry) : undefined,
	                scheduleToCloseTimeout: (0, time_1.msOptionalToTs)(options.scheduleToCloseTimeout),
	                startToCloseTimeout: (0, time_1.msOptionalToTs)(options.startToCloseTimeout),
	                scheduleToStartTimeout: (0, time_1.msOptionalToTs)(options.scheduleToStartTimeout),
	                localRetryThreshold: (0, time_1.msOptionalToTs)(options.localRetryThreshold),
	                headers,
	                cancellationType: (0, activities_1.encodeActivityCancellationType)(options.cancellationType),
	            },
	            userMetadata: (0, user_metadata_1.userMetadataToPayload)(activator.payloadConverter, options.summary, undefined, context),
	            eventGroupMarkers: (0, event_groups_1.eventGroupMarkersToProto)(options.eventGroups),
	        });
	        activator.completions.activity.set(seq, {
	            resolve,
	            reject,
	            context,
	            outputTypeInfo: typeInfo?.outputType,
	        });
	    });
	}
	/**
	 * Schedule an activity and run outbound interceptors
	 * @hidden
	 */
	function scheduleActivity(activityType, args, options, typeInfo) {
	    const activator = (0, global_attributes_1.assertInWorkflowContext)('Workflow.scheduleActivity(...) may only be used from a Workflow Execution');
	    if (options === undefined) {
	        throw new TypeError('Got empty activity options');
	    }
	    const seq = activator.nextSeqs.activity++;
	    const execute = (0, interceptor_composition_1.composeInterceptors)(activator.interceptors.outbound, 'scheduleActivity', scheduleActivityNextHandler);
	    return execute({
	        activityType,
	        headers: {},
	        options,
	        args,
	        seq,
	        typeInfo,
	    });
	}
	/**
	 * Schedule an activity and run outbound interceptors
	 * @hidden
	 */
	async function scheduleLocalActivity(activityType, args, options, typeInfo) {
	    const activator = (0, global_attributes_1.assertInWorkflowContext)('Workflow.scheduleLocalActivity(...) may only be used from a Workflow Execution');
	    if (options === undefined) {
	        throw new TypeError('Got empty activity options');
	    }
	    let attempt = 1;
	    let originalScheduleTime = undefined;
	    for (;;) {
	        const seq = activator.nextSeqs.activity++;
	        const execute = (0, interceptor_composition_1.composeInterceptors)(activator.interceptors.outbound, 'scheduleLocalActivity', scheduleLocalActivityNextHandler);
	        try {
	            return (await execute({
	                activityType,
	                headers: {},
	                options,
	                args,
	                seq,
	                attempt,
	                originalScheduleTime,
	                typeInfo,
	            }));
	        }
	        catch (err) {
	            if (err instanceof errors_1.LocalActivityDoBackoff) {
	                await sleep((0, time_1.requiredTsToMs)(err.backoff.backoffDuration, 'backoffDuration'), {
	                    eventGroups: options.eventGroups,
	                });
	                if (typeof err.backoff.attempt !== 'number') {
	                    throw new TypeError('Invalid backoff attempt type');
	                }
	                attempt = err.backoff.attempt;
	                originalScheduleTime = err.backoff.originalScheduleTime ?? undefined;
	            }
	            else {
	                throw err;
	            }
	        }
	    }
	}
	function startChildWorkflowExecutionNextHandler({ options, headers, workflowType, seq, }) {
	    const activator = (0, global_attributes_1.getActivator)();
	    const workflowId = options.workflowId ?? uuid4();
	    const context = targetWorkflowSerializationContext(activator.info, workflowId);
	    const startPromise = new Promise((resolve, reject) => {
	        const scope = cancellation_scope_1.CancellationScope.current();
	        if (scope.consideredCancelled) {
	            (0, stack_helpers_1.untrackPromise)(scope.cancelRequested.catch(reject));
	            return;
	        }
	        if (scope.cancellable) {
	            (0, stack_helpers_1.untrackPromise)(scope.cancelRequested.catch(() => {
	                const complete = !activator.completions.childWorkflowComplete.has(seq);
	                if (!complete) {
	                    activator.pushCommand({
	                        cancelChildWorkflowExecution: { childWorkflowSeq: seq },
	                        eventGroupMarkers: (0, event_groups_1.eventGroupMarkersToProto)(options.eventGroups),
	                    });
	                }
	                // Nothing to cancel otherwise
	            }));
	        }
	        activator.pushCommand({
	            startChildWorkflowExecution: {
	                seq,
	                workflowId,
	                workflowType,
	                input: (0, common_1.toPayloadsWithContext)(activator.payloadConverter, context, options.args, options.typeInfo?.inputTypes),
	                retryPolicy: options.retry ? (0, common_1.compileRetryPolicy)(options.retry) : undefined,
	                taskQueue: options.taskQueue || activator.info.taskQueue,
	                workflowExecutionTimeout: (0, time_1.msOptionalToTs)(options.workflowExecutionTimeout),
	                workflowRunTimeout: (0, time_1.msOptionalToTs)(options.workflowRunTimeout),
	                workflowTaskTimeout: (0, time_1.msOptionalToTs)(options.workflowTaskTimeout),
	                namespace: activator.info.namespace, // Not configurable
	                headers,
	                cancellationType: (0, interfaces_1.encodeChildWorkflowCancellationType)(options.cancellationType),
	                workflowIdReusePolicy: (0, common_1.encodeWorkflowIdReusePolicy)(options.workflowIdReusePolicy),
	                parentClosePolicy: (0, interfaces_1.encodeParentClosePolicy)(options.parentClosePolicy),
	                cronSchedule: options.cronSchedule,
	                searchAttributes: options.searchAttributes || options.typedSearchAttributes
	                    ? { indexedFields: (0, payload_search_attributes_1.encodeUnifiedSearchAttributes)(options.searchAttributes, options.typedSearchAttributes) }
	                    : undefined,
	                memo: options.memo && (0, common_1.mapToPayloads)(activator.payloadConverter, options.memo, context),
	                versioningIntent: (0, versioning_intent_enum_1.versioningIntentToProto)(options.versioningIntent),
	                priority: options.priority ? (0, common_1.compilePriority)(options.priority) : undefined,
	            },
	            userMetadata: (0, user_metadata_1.userMetadataToPayload)(activator.payloadConverter, options?.staticSummary, options?.staticDetails, context),
	            eventGroupMarkers: (0, event_groups_1.eventGroupMarkersToProto)(options.eventGroups),
	        });
	        activator.completions.childWorkflowStart.set(seq, {
	            resolve,
	            reject,
	            context,
	        });
	    });
	    // We construct a Promise for the completion of the child Workflow before we know
	    // if the Workflow code will await it to capture the result in case it does.
	    const completePromise = new Promise((resolve, reject) => {
	        // Chain start Promise rejection to the complete Promise.
	        (0, stack_helpers_1.untrackPromise)(startPromise.catch(reject));
	        activator.completions.childWorkflowComplete.set(seq, {
	            resolve,
	            reject,
	            context,
	            outputTypeInfo: options.typeInfo?.outputType,
	        });
	    });
	    (0, stack_helpers_1.untrackPromise)(startPromise);
	    (0, stack_helpers_1.untrackPromise)(completePromise);
	    // Prevent unhandled rejection because the completion might not be awaited
	    (0, stack_helpers_1.untrackPromise)(completePromise.catch(() => undefined));
	    const ret = new Promise((resolve) => resolve([startPromise, completePromise]));
	    (0, stack_helpers_1.untrackPromise)(ret);
	    return ret;
	}
	function signalWorkflowNextHandler({ seq, signalName, args, typeInfo, target, headers }) {
	    const activator = (0, global_attributes_1.getActivator)();
	    const targetWorkflowId = target.type === 'external' ? target.workflowExecution.workflowId : target.childWorkflowId;
	    const context = targetWorkflowSerializationContext(activator.info, targetWorkflowId);
	    return new Promise((resolve, reject) => {
	        const scope = cancellation_scope_1.CancellationScope.current();
	        if (scope.consideredCancelled) {
	            (0, stack_helpers_1.untrackPromise)(scope.cancelRequested.catch(reject));
	            return;
	        }
	        if (scope.cancellable) {
	            (0, stack_helpers_1.untrackPromise)(scope.cancelRequested.catch(() => {
	                if (!activator.completions.signalWorkflow.has(seq)) {
	                    return;
	                }
	                activator.pushCommand({ cancelSignalWorkflow: { seq } });
	            }));
	        }
	        activator.pushCommand({
	            signalExternalWorkflowExecution: {
	                seq,
	                args: (0, common_1.toPayloadsWithContext)(activator.payloadConverter, context, args, typeInfo?.inputTypes),
	                headers,
	                signalName,
	                ...(target.type === 'external'
	                    ? {
	                        workflowExecution: {
	                            namespace: activator.info.namespace,
	                            ...target.workflowExecution,
	                        },
	                    }
	                    : {
	                        childWorkflowId: target.childWorkflowId,
	                    }),
	            },
	            eventGroupMarkers: (0, event_groups_1.eventGroupMarkersToProto)(undefined),
	        });
	        activator.completions.signalWorkflow.set(seq, { resolve, reject, context });
	    });
	}
	/**
	 * Symbol used in the return type of proxy methods to mark that an attribute on the source type is not a method.
	 *
	 * @see {@link ActivityInterfaceFor}
	 * @see {@link proxyActivities}
	 * @see {@link proxyLocalActivities}
	 */
	workflow.NotAnActivityMethod = Symbol.for('__TEMPORAL_NOT_AN_ACTIVITY_METHOD');
	/**
	 * Configure Activity functions with given {@link ActivityOptions}.
	 *
	 * This method may be called multiple times to setup Activities with different options.
	 *
	 * @return a {@link https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Proxy | Proxy} for
	 *         which each attribute is a callable Activity function
	 *
	 * @example
	 * ```ts
	 * import { proxyActivities } from '@temporalio/workflow';
	 * import * as activities from '../activities';
	 *
	 * // Setup Activities from module exports
	 * const { httpGet, otherActivity } = proxyActivities<typeof activities>({
	 *   startToCloseTimeout: '30 minutes',
	 * });
	 *
	 * // Use activities with default options
	 * const result1 = await httpGet('http://example.com');
	 *
	 * // Override options for specific activity calls
	 * const result2 = await httpGet.executeWithOptions({
	 *   staticSummary: 'Fetches data from external API',
	 *   scheduleToCloseTimeout: '5m'
	 * }, ['http://api.example.com']);
	 *
	 * const result3 = await otherActivity.executeWithOptions({
	 *   staticSummary: 'Processes the fetched data',
	 *   taskQueue: 'special-task-queue'
	 * }, [data]);
	 *
	 * // Setup Activities from an explicit interface (e.g. when defined by another SDK)
	 * interface JavaActivities {
	 *   httpGetFromJava(url: string): Promise<string>
	 *   someOtherJavaActivity(arg1: number, arg2: string): Promise<string>;
	 * }
	 *
	 * const {
	 *   httpGetFromJava,
	 *   someOtherJavaActivity
	 * } = proxyActivities<JavaActivities>({
	 *   taskQueue: 'java-worker-taskQueue',
	 *   startToCloseTimeout: '5m',
	 * });
	 *
	 * export function execute(): Promise<void> {
	 *   const response = await httpGet("http://example.com");
	 *   // Or with custom options:
	 *   const response2 = await httpGetFromJava.executeWithOptions({
	 *     staticSummary: 'Java HTTP call with timeout override',
	 *     startToCloseTimeout: '2m'
	 *   }, ["http://fast-api.example.com"]);
	 *   // ...
	 * }
	 * ```
	 */
	function proxyActivities(options) {
	    if (options === undefined) {
	        throw new TypeError('options must be defined');
	    }
	    // Validate as early as possible for immediate user feedback
	    validateActivityOptions(options);
	    return new Proxy({}, {
	        get(_, activityType) {
	            if (typeof activityType !== 'string') {
	                throw new TypeError(`Only strings are supported for Activity types, got: ${String(activityType)}`);
	            }
	            const activityName = activityType;
	            function activityProxyFunction(...args) {
	                const { activityTypeInfo, ...activityOptions } = options;
	                return scheduleActivity(activityName, args, activityOptions, activityTypeInfo?.[activityName]);
	            }
	            activityProxyFunction.executeWithOptions = function (overrideOptions, args) {
	                const { activityTypeInfo, ...activityOptions } = options;
	                return scheduleActivity(activityName, args, (0, internal_workflow_1.deepMerge)(activityOptions, overrideOptions), activityTypeInfo?.[activityName]);
	            };
	            return activityProxyFunction;
	        },
	    });
	}
	/**
	 * Configure Local Activity functions with given {@link LocalActivityOptions}.
	 *
	 * This method may be called multiple times to setup Activities with different options.
	 *
	 * @return a {@link https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Proxy | Proxy}
	 *         for which each attribute is a callable Activity function
	 *
	 * @see {@link proxyActivities} for examples
	 */
	function proxyLocalActivities(options) {
	    if (options === undefined) {
	        throw new TypeError('options must be defined');
	    }
	    // Validate as early as possible for immediate user feedback
	    validateLocalActivityOptions(options);
	    return new Proxy({}, {
	        get(_, activityType) {
	            if (typeof activityType !== 'string') {
	                throw new TypeError(`Only strings are supported for Activity types, got: ${String(activityType)}`);
	            }
	            const activityName = activityType;
	            function localActivityProxyFunction(...args) {
	                const { activityTypeInfo, ...activityOptions } = options;
	                return scheduleLocalActivity(activityName, args, activityOptions, activityTypeInfo?.[activityName]);
	            }
	            localActivityProxyFunction.executeWithOptions = function (overrideOptions, args) {
	                const { activityTypeInfo, ...activityOptions } = options;
	                return scheduleLocalActivity(activityName, args, (0, internal_workflow_1.deepMerge)(activityOptions, overrideOptions), activityTypeInfo?.[activityName]);
	            };
	            return localActivityProxyFunction;
	        },
	    });
	}
	// TODO: deprecate this patch after "enough" time has passed
	const EXTERNAL_WF_CANCEL_PATCH = '__temporal_internal_connect_external_handle_cancel_to_scope';
	// The name of this patch comes from an attempt to build a generic internal patching mechanism.
	// That effort has been abandoned in favor of a newer WorkflowTaskCompletedMetadata based mechanism.
	const CONDITION_0_PATCH = '__sdk_internal_patch_number:1';
	/**
	 * Returns a client-side handle that can be used to signal and cancel an existing Workflow execution.
	 * It takes a Workflow ID and optional run ID.
	 */
	function getExternalWorkflowHandle(workflowId, runId) {
	    const activator = (0, global_attributes_1.assertInWorkflowContext)('Workflow.getExternalWorkflowHandle(...) may only be used from a Workflow Execution. Consider using Client.workflow.getHandle(...) instead.)');
	    const signal = (signalName, args, typeInfo) => {
	        return (0, interceptor_composition_1.composeInterceptors)(activator.interceptors.outbound, 'signalWorkflow', signalWorkflowNextHandler)({
	            seq: activator.nextSeqs.signalWorkflow++,
	            signalName,
	            args,
	            typeInfo,
	            target: {
	                type: 'external',
	                workflowExecution: { workflowId, runId },
	            },
	            headers: {},
	        });
	    };
	    return {
	        workflowId,
	        runId,
	        cancel() {
	            return new Promise((resolve, reject) => {
	                // Connect this cancel operation to the current cancellation scope.
	                // This is behavior was introduced after v0.22.0 and is incompatible
	                // with histories generated with previous SDK versions and thus requires
	                // patching.
	                //
	                // We try to delay patching as much as possible to avoid polluting
	                // histories unless strictly required.
	                const scope = cancellation_scope_1.CancellationScope.current();
	                if (scope.cancellable) {
	                    (0, stack_helpers_1.untrackPromise)(scope.cancelRequested.catch((err) => {
	                        if (patched(EXTERNAL_WF_CANCEL_PATCH)) {
	                            reject(err);
	                        }
	                    }));
	                }
	                if (scope.consideredCancelled) {
	                    if (patched(EXTERNAL_WF_CANCEL_PATCH)) {
	                        return;
	                    }
	                }
	                const seq = activator.nextSeqs.cancelWorkflow++;
	                activator.pushCommand({
	                    requestCancelExternalWorkflowExecution: {
	                        seq,
	                        workflowExecution: {
	                            namespace: activator.info.namespace,
	                            workflowId,
	                            runId,
	                        },
	                    },
	                    eventGroupMarkers: (0, event_groups_1.eventGroupMarkersToProto)(undefined),
	                });
	                activator.completions.cancelWorkflow.set(seq, {
	                    resolve,
	                    reject,
	                    context: targetWorkflowSerializationContext(activator.info, workflowId),
	                });
	            });
	        },
	        signal(def, ...args) {
	            if (typeof def === 'string') {
	                return signal(def, args);
	            }
	            else {
	                return signal(def.name, args, def.typeInfo);
	            }
	        },
	        signalWithOptions(signalName, options) {
	            return signal(signalName, options.args ?? [], options.typeInfo);
	        },
	    };
	}
	async function startChild(workflowTypeOrFunc, options) {
	    const activator = (0, global_attributes_1.assertInWorkflowContext)('Workflow.startChild(...) may only be used from a Workflow Execution. Consider using Client.workflow.start(...) instead.)');
	    const optionsWithDefaults = addDefaultWorkflowOptions(options ?? {});
	    const { type: workflowType, typeInfo } = (0, common_1.extractWorkflowTypeAndConfig)(workflowTypeOrFunc, optionsWithDefaults.typeInfo);
	    const workflowOptions = {
	        ...optionsWithDefaults,
	        typeInfo,
	    };
	    const execute = (0, interceptor_composition_1.composeInterceptors)(activator.interceptors.outbound, 'startChildWorkflowExecution', startChildWorkflowExecutionNextHandler);
	    const [started, completed] = await execute({
	        seq: activator.nextSeqs.childWorkflow++,
	        options: workflowOptions,
	        headers: {},
	        workflowType,
	    });
	    const firstExecutionRunId = await started;
	    const signal = (signalName, args, typeInfo) => {
	        return (0, interceptor_composition_1.composeInterceptors)(activator.interceptors.outbound, 'signalWorkflow', signalWorkflowNextHandler)({
	            seq: activator.nextSeqs.signalWorkflow++,
	            signalName,
	            args,
	            typeInfo,
	            target: {
	                type: 'child',
	                childWorkflowId: workflowOptions.workflowId,
	            },
	            headers: {},
	        });
	    };
	    return {
	        workflowId: workflowOptions.workflowId,
	        firstExecutionRunId,
	        async result() {
	            return (await completed);
	        },
	        async signal(def, ...args) {
	            if (typeof def === 'string') {
	                return signal(def, args);
	            }
	            else {
	                return signal(def.name, args, def.typeInfo);
	            }
	        },
	        async signalWithOptions(signalName, options) {
	            return signal(signalName, options.args ?? [], options.typeInfo);
	        },
	    };
	}
	async function executeChild(workflowTypeOrFunc, options) {
	    const activator = (0, global_attributes_1.assertInWorkflowContext)('Workflow.executeChild(...) may only be used from a Workflow Execution. Consider using Client.workflow.execute(...) instead.');
	    const optionsWithDefaults = addDefaultWorkflowOptions(options ?? {});
	    const { type: workflowType, typeInfo } = (0, common_1.extractWorkflowTypeAndConfig)(workflowTypeOrFunc, optionsWithDefaults.typeInfo);
	    const workflowOptions = {
	        ...optionsWithDefaults,
	        typeInfo,
	    };
	    const execute = (0, interceptor_composition_1.composeInterceptors)(activator.interceptors.outbound, 'startChildWorkflowExecution', startChildWorkflowExecutionNextHandler);
	    const execPromise = execute({
	        seq: activator.nextSeqs.childWorkflow++,
	        options: workflowOptions,
	        headers: {},
	        workflowType,
	    });
	    (0, stack_helpers_1.untrackPromise)(execPromise);
	    const completedPromise = execPromise.then(([_started, completed]) => completed);
	    (0, stack_helpers_1.untrackPromise)(completedPromise);
	    return completedPromise;
	}
	/**
	 * Get information about the current Workflow.
	 *
	 * WARNING: This function returns a frozen copy of WorkflowInfo, at the point where this method has been called.
	 * Changes happening at later point in workflow execution will not be reflected in the returned object.
	 *
	 * For this reason, we recommend calling `workflowInfo()` on every access to {@link WorkflowInfo}'s fields,
	 * rather than caching the `WorkflowInfo` object (or part of it) in a local variable. For example:
	 *
	 * ```ts
	 * // GOOD
	 * function myWorkflow() {
	 *   doSomething(workflowInfo().searchAttributes)
	 *   ...
	 *   doSomethingElse(workflowInfo().searchAttributes)
	 * }
	 * ```
	 *
	 * vs
	 *
	 * ```ts
	 * // BAD
	 * function myWorkflow() {
	 *   const attributes = workflowInfo().searchAttributes
	 *   doSomething(attributes)
	 *   ...
	 *   doSomethingElse(attributes)
	 * }
	 * ```
	 */
	function workflowInfo() {
	    const activator = (0, global_attributes_1.assertInWorkflowContext)('Workflow.workflowInfo(...) may only be used from a Workflow Execution.');
	    return activator.info;
	}
	/**
	 * Get information about the current update if any.
	 *
	 * @return Info for the current update handler the code calling this is executing
	 * within if any.
	 */
	function currentUpdateInfo() {
	    (0, global_attributes_1.assertInWorkflowContext)('Workflow.currentUpdateInfo(...) may only be used from a Workflow Execution.');
	    return update_scope_1.UpdateScope.current();
	}
	/**
	 * Returns whether or not code is executing in workflow context
	 */
	function inWorkflowContext() {
	    return (0, global_attributes_1.maybeGetActivator)() !== undefined;
	}
	/**
	 * Returns a function `f` that will cause the current Workflow to ContinueAsNew when called.
	 *
	 * `f` takes the same arguments as the Workflow function supplied to typeparam `F`.
	 *
	 * Once `f` is called, Workflow Execution immediately completes.
	 */
	function makeContinueAsNewFunc(options) {
	    const activator = (0, global_attributes_1.assertInWorkflowContext)('Workflow.continueAsNew(...) and Workflow.makeContinueAsNewFunc(...) may only be used from a Workflow Execution.');
	    const info = activator.info;
	    const { workflowType, taskQueue, ...rest } = options ?? {};
	    const requiredOptions = {
	        workflowType: workflowType ?? info.workflowType,
	        taskQueue: taskQueue ?? info.taskQueue,
	        ...rest,
	    };
	    return (...args) => {
	        const context = currentWorkflowSerializationContext(info);
	        const fn = (0, interceptor_composition_1.composeInterceptors)(activator.interceptors.outbound, 'continueAsNew', async (input) => {
	            const { headers, args, options } = input;
	            const typeInfo = options.typeInfo ?? (options.workflowType === info.workflowType ? activator.typeInfo : undefined);
	            throw new interfaces_1.ContinueAsNew({
	                workflowType: options.workflowType,
	                arguments: (0, common_1.toPayloadsWithContext)(activator.payloadConverter, context, args, typeInfo?.inputTypes),
	                headers,
	                taskQueue: options.taskQueue,
	                memo: options.memo && (0, common_1.mapToPayloads)(activator.payloadConverter, options.memo, context),
	                searchAttributes: options.searchAttributes || options.typedSearchAttributes
	                    ? {
	                        indexedFields: (0, payload_search_attributes_1.encodeUnifiedSearchAttributes)(options.searchAttributes, options.typedSearchAttributes),
	                    }
	                    : undefined,
	                workflowRunTimeout: (0, time_1.msOptionalToTs)(options.workflowRunTimeout),
	                workflowTaskTimeout: (0, time_1.msOptionalToTs)(options.workflowTaskTimeout),
	                backoffStartInterval: (0, time_1.msOptionalToTs)(options.backoffStartInterval),
	                versioningIntent: (0, versioning_intent_enum_1.versioningIntentToProto)(options.versioningIntent),
	                initialVersioningBehavior: (0, common_1.encodeInitialVersioningBehavior)(options.initialVersioningBehavior),
	            }, (0, event_groups_1.eventGroupMarkersToProto)(options.eventGroups));
	        });
	        return fn({
	            args,
	            headers: {},
	            options: requiredOptions,
	        });
	    };
	}
	/**
	 * {@link https://docs.temporal.io/workflow-execution/continue-as-new#continue-as-new | Continues-As-New} the current Workflow Execution
	 * with default options.
	 *
	 * Shorthand for `makeContinueAsNewFunc<F>()(...args)`. (See: {@link makeContinueAsNewFunc}.)
	 *
	 * @example
	 *
	 * ```ts
	 * import { continueAsNew } from '@temporalio/workflow';
	 * import { SearchAttributeType } from '@temporalio/common';
	 *
	 * export async function myWorkflow(n: number): Promise<void> {
	 *   // ... Workflow logic
	 *   await continueAsNew<typeof myWorkflow>(n + 1);
	 * }
	 * ```
	 */
	function continueAsNew(...args) {
	    return makeContinueAsNewFunc()(...args);
	}
	/**
	 * Generate an RFC compliant V4 uuid.
	 * Uses the workflow's deterministic PRNG making it safe for use within a workflow.
	 * This function is cryptographically insecure.
	 * See the {@link https://stackoverflow.com/questions/105034/how-to-create-a-guid-uuid | stackoverflow discussion}.
	 */
	function uuid4() {
	    const activator = (0, global_attributes_1.maybeGetActivator)();
	    return (0, random_helpers_1.uuid4FromRandom)(activator ? () => activator.currentRandom() : Math.random);
	}
	/**
	 * Patch or upgrade workflow code by checking or stating that this workflow has a certain patch.
	 *
	 * See {@link https://docs.temporal.io/typescript/versioning | docs page} for info.
	 *
	 * If the workflow is replaying an existing history, then this function returns true if that
	 * history was produced by a worker which also had a `patched` call with the same `patchId`.
	 * If the history was produced by a worker *without* such a call, then it will return false.
	 *
	 * If the workflow is not currently replaying, then this call *always* returns true.
	 *
	 * Your workflow code should run the "new" code if this returns true, if it returns false, you
	 * should run the "old" code. By doing this, you can maintain determinism.
	 *
	 * @param patchId An identifier that should be unique to this patch. It is OK to use multiple
	 * calls with the same ID, which means all such calls will always return the same value.
	 */
	function patched(patchId) {
	    const activator = (0, global_attributes_1.assertInWorkflowContext)('Workflow.patch(...) and Workflow.deprecatePatch may only be used from a Workflow Execution.');
	    return activator.patchInternal(patchId, false);
	}
	/**
	 * Indicate that a patch is being phased out.
	 *
	 * See {@link https://docs.temporal.io/typescript/versioning | docs page} for info.
	 *
	 * Workflows with this call may be deployed alongside workflows with a {@link patched} call, but
	 * they must *not* be deployed while any workers still exist running old code without a
	 * {@link patched} call, or any runs with histories produced by such workers exist. If either kind
	 * of worker encounters a history produced by the other, their behavior is undefined.
	 *
	 * Once all live workflow runs have been produced by workers with this call, you can deploy workers
	 * which are free of either kind of patch call for this ID. Workers with and without this call
	 * may coexist, as long as they are both running the "new" code.
	 *
	 * @param patchId An identifier that should be unique to this patch. It is OK to use multiple
	 * calls with the same ID, which means all such calls will always return the same value.
	 */
	function deprecatePatch(patchId) {
	    const activator = (0, global_attributes_1.assertInWorkflowContext)('Workflow.patch(...) and Workflow.deprecatePatch may only be used from a Workflow Execution.');
	    activator.patchInternal(patchId, true);
	}
	async function condition(fn, timeout, opts) {
	    (0, global_attributes_1.assertInWorkflowContext)('Workflow.condition(...) may only be used from a Workflow Execution.');
	    // Prior to 1.5.0, `condition(fn, 0)` was treated as equivalent to `condition(fn, undefined)`
	    if (timeout === 0 && !patched(CONDITION_0_PATCH)) {
	        return conditionInner(fn);
	    }
	    if (typeof timeout === 'number' || typeof timeout === 'string') {
	        return cancellation_scope_1.CancellationScope.cancellable(async () => {
	            try {
	                return await Promise.race([sleep(timeout, opts).then(() => false), conditionInner(fn).then(() => true)]);
	            }
	            finally {
	                cancellation_scope_1.CancellationScope.current().cancel();
	            }
	        });
	    }
	    return conditionInner(fn);
	}
	function conditionInner(fn) {
	    const activator = (0, global_attributes_1.getActivator)();
	    return new Promise((resolve, reject) => {
	        const scope = cancellation_scope_1.CancellationScope.current();
	        if (scope.consideredCancelled) {
	            (0, stack_helpers_1.untrackPromise)(scope.cancelRequested.catch(reject));
	            return;
	        }
	        const seq = activator.nextSeqs.condition++;
	        if (scope.cancellable) {
	            (0, stack_helpers_1.untrackPromise)(scope.cancelRequested.catch((err) => {
	                activator.blockedConditions.delete(seq);
	                reject(err);
	            }));
	        }
	        // Eager evaluation
	        if (fn()) {
	            resolve();
	            return;
	        }
	        activator.blockedConditions.set(seq, { fn, resolve });
	    });
	}
	/**
	 * Define an update method for a Workflow.
	 *
	 * A definition is used to register a handler in the Workflow via {@link setHandler} and to update a Workflow using a {@link WorkflowHandle}, {@link ChildWorkflowHandle} or {@link ExternalWorkflowHandle}.
	 * A definition can be reused in multiple Workflows.
	 */
	function defineUpdate(name, options = {}) {
	    return {
	        type: 'update',
	        name,
	        ...options,
	    };
	}
	/**
	 * Define a signal method for a Workflow.
	 *
	 * A definition is used to register a handler in the Workflow via {@link setHandler} and to signal a Workflow using a {@link WorkflowHandle}, {@link ChildWorkflowHandle} or {@link ExternalWorkflowHandle}.
	 * A definition can be reused in multiple Workflows.
	 *
	 * @param options optional type information used to convert Signal arguments
	 */
	function defineSignal(name, options = {}) {
	    return {
	        type: 'signal',
	        name,
	        ...options,
	    };
	}
	/**
	 * Define a query method for a Workflow.
	 *
	 * A definition is used to register a handler in the Workflow via {@link setHandler} and to query a Workflow using a {@link WorkflowHandle}.
	 * A definition can be reused in multiple Workflows.
	 */
	function defineQuery(name, options = {}) {
	    return {
	        type: 'query',
	        name,
	        ...options,
	    };
	}
	// For Updates and Signals we want to make a public guarantee something like the
	// following:
	//
	//   "If a WFT contains a Signal/Update, and if a handler is available for that
	//   Signal/Update, then the handler will be executed.""
	//
	// However, that statement is not well-defined, leaving several questions open:
	//
	// 1. What does it mean for a handler to be "available"? What happens if the
	//    handler is not present initially but is set at some point during the
	//    Workflow code that is executed in that WFT? What happens if the handler is
	//    set and then deleted, or replaced with a different handler?
	//
	// 2. When is the handler executed? (When it first becomes available? At the end
	//    of the activation?) What are the execution semantics of Workflow and
	//    Signal/Update handler code given that they are concurrent? Can the user
	//    rely on Signal/Update side effects being reflected in the Workflow return
	//    value, or in the value passed to Continue-As-New? If the handler is an
	//    async function / coroutine, how much of it is executed and when is the
	//    rest executed?
	//
	// 3. What happens if the handler is not executed? (i.e. because it wasn't
	//    available in the sense defined by (1))
	//
	// 4. In the case of Update, when is the validation function executed?
	//
	// The implementation for Typescript is as follows:
	//
	// 1. sdk-core sorts Signal and Update jobs (and Patches) ahead of all other
	//    jobs. Thus if the handler is available at the start of the Activation then
	//    the Signal/Update will be executed before Workflow code is executed. If it
	//    is not, then the Signal/Update calls are pushed to a buffer.
	//
	// 2. On each call to setHandler for a given Signal/Update, we make a pass
	//    through the buffer list. If a buffered job is associated with the just-set
	//    handler, then the job is removed from the buffer and the initial
	//    synchronous portion of the handler is invoked on that input (i.e.
	//    preempting workflow code).
	//
	// Thus in the case of Typescript the questions above are answered as follows:
	//
	// 1. A handler is "available" if it is set at the start of the Activation or
	//    becomes set at any point during the Activation. If the handler is not set
	//    initially then it is executed as soon as it is set. Subsequent deletion or
	//    replacement by a different handler has no impact because the jobs it was
	//    handling have already been handled and are no longer in the buffer.
	//
	// 2. The handler is executed as soon as it becomes available. I.e. if the
	//    handler is set at the start of the Activation then it is executed when
	//    first attempting to process the Signal/Update job; alternatively, if it is
	//    set by a setHandler call made by Workflow code, then it is executed as
	//    part of that call (preempting Workflow code). Therefore, a user can rely
	//    on Signal/Update side effects being reflected in e.g. the Workflow return
	//    value, and in the value passed to Continue-As-New. Activation jobs are
	//    processed in the order supplied by sdk-core, i.e. Signals, then Updates,
	//    then other jobs. Within each group, the order sent by the server is
	//    preserved. If the handler is async, it is executed up to its first yield
	//    point.
	//
	// 3. Signal case: If a handler does not become available for a Signal job then
	//    the job remains in the buffer. If a handler for the Signal becomes
	//    available in a subsequent Activation (of the same or a subsequent WFT)
	//    then the handler will be executed. If not, then the Signal will never be
	//    responded to and this causes no error.
	//
	//    Update case: If a handler does not become available for an Update job then
	//    the Update is rejected at the end of the Activation. Thus, if a user does
	//    not want an Update to be rejected for this reason, then it is their
	//    responsibility to ensure that their application and workflow code interact
	//    such that a handler is available for the Update during any Activation
	//    which might contain their Update job. (Note that the user often has
	//    uncertainty about which WFT their Signal/Update will appear in. For
	//    example, if they call startWorkflow() followed by startUpdate(), then they
	//    will typically not know whether these will be delivered in one or two
	//    WFTs. On the other hand there are situations where they would have reason
	//    to believe they are in the same WFT, for example if they do not start
	//    Worker polling until after they have verified that both requests have
	//    succeeded.)
	//
	// 4. If an Update has a validation function then it is executed immediately
	//    prior to the handler. (Note that the validation function is required to be
	//    synchronous).
	function setHandler(def, handler, options) {
	    const activator = (0, global_attributes_1.assertInWorkflowContext)('Workflow.setHandler(...) may only be used from a Workflow Execution.');
	    // Cannot register handler for reserved names
	    (0, reserved_1.throwIfReservedName)(def.type, def.name);
	    const description = options?.description;
	    if (def.type === 'update') {
	        if (typeof handler === 'function') {
	            const updateOptions = options;
	            const validator = updateOptions?.validator;
	            const unfinishedPolicy = updateOptions?.unfinishedPolicy ?? common_1.HandlerUnfinishedPolicy.WARN_AND_ABANDON;
	            activator.updateHandlers.set(def.name, {
	                handler,
	                validator,
	                description,
	                unfinishedPolicy,
	                typeInfo: def.typeInfo,
	            });
	            activator.dispatchBufferedUpdates();
	        }
	        else if (handler == null) {
	            activator.updateHandlers.delete(def.name);
	        }
	        else {
	            throw new TypeError(`Expected handler to be either a function or 'undefined'. Got: '${typeof handler}'`);
	        }
	    }
	    else if (def.type === 'signal') {
	        if (typeof handler === 'function') {
	            const signalOptions = options;
	            const unfinishedPolicy = signalOptions?.unfinishedPolicy ?? common_1.HandlerUnfinishedPolicy.WARN_AND_ABANDON;
	            activator.signalHandlers.set(def.name, {
	                handler: handler,
	                description,
	                unfinishedPolicy,
	                typeInfo: def.typeInfo,
	            });
	            activator.dispatchBufferedSignals();
	        }
	        else if (handler == null) {
	            activator.signalHandlers.delete(def.name);
	        }
	        else {
	            throw new TypeError(`Expected handler to be either a function or 'undefined'. Got: '${typeof handler}'`);
	        }
	    }
	    else if (def.type === 'query') {
	        if (typeof handler === 'function') {
	            activator.queryHandlers.set(def.name, { handler: handler, description, typeInfo: def.typeInfo });
	        }
	        else if (handler == null) {
	            activator.queryHandlers.delete(def.name);
	        }
	        else {
	            throw new TypeError(`Expected handler to be either a function or 'undefined'. Got: '${typeof handler}'`);
	        }
	    }
	    else {
	        throw new TypeError(`Invalid definition type: ${def.type}`);
	    }
	}
	/**
	 * Set a signal handler function that will handle signals calls for non-registered signal names.
	 *
	 * Signals are dispatched to the default signal handler in the order that they were accepted by the server.
	 *
	 * If this function is called multiple times for a given signal name the last handler will overwrite any previous calls.
	 *
	 * @param handler a function that will handle signals for non-registered signal names, or `undefined` to unset the handler.
	 */
	function setDefaultSignalHandler(handler) {
	    const activator = (0, global_attributes_1.assertInWorkflowContext)('Workflow.setDefaultSignalHandler(...) may only be used from a Workflow Execution.');
	    if (typeof handler === 'function') {
	        activator.defaultSignalHandler = handler;
	        activator.dispatchBufferedSignals();
	    }
	    else if (handler == null) {
	        activator.defaultSignalHandler = undefined;
	    }
	    else {
	        throw new TypeError(`Expected handler to be either a function or 'undefined'. Got: '${typeof handler}'`);
	    }
	}
	/**
	 * Set a update handler function that will handle updates calls for non-registered update names.
	 *
	 * Updates are dispatched to the default update handler in the order that they were accepted by the server.
	 *
	 * If this function is called multiple times for a given update name the last handler will overwrite any previous calls.
	 *
	 * @param handler a function that will handle updates for non-registered update names, or `undefined` to unset the handler.
	 */
	function setDefaultUpdateHandler(handler) {
	    const activator = (0, global_attributes_1.assertInWorkflowContext)('Workflow.setDefaultUpdateHandler(...) may only be used from a Workflow Execution.');
	    if (typeof handler === 'function') {
	        activator.defaultUpdateHandler = handler;
	        activator.dispatchBufferedUpdates();
	    }
	    else if (handler == null) {
	        activator.defaultUpdateHandler = undefined;
	    }
	    else {
	        throw new TypeError(`Expected handler to be either a function or 'undefined'. Got: '${typeof handler}'`);
	    }
	}
	/**
	 * Set a query handler function that will handle query calls for non-registered query names.
	 *
	 * Queries are dispatched to the default query handler in the order that they were accepted by the server.
	 *
	 * If this function is called multiple times for a given query name the last handler will overwrite any previous calls.
	 *
	 * @param handler a function that will handle queries for non-registered query names, or `undefined` to unset the handler.
	 */
	function setDefaultQueryHandler(handler) {
	    const activator = (0, global_attributes_1.assertInWorkflowContext)('Workflow.setDefaultQueryHandler(...) may only be used from a Workflow Execution.');
	    if (typeof handler === 'function' || handler === undefined) {
	        activator.defaultQueryHandler = handler;
	    }
	    else {
	        throw new TypeError(`Expected handler to be either a function or 'undefined'. Got: '${typeof handler}'`);
	    }
	}
	/**
	 * Updates this Workflow's Search Attributes by merging the provided `searchAttributes` with the existing Search
	 * Attributes, `workflowInfo().searchAttributes`.
	 *
	 * Search attributes can be upserted using either SearchAttributes (deprecated) or SearchAttributeUpdatePair[] (preferred)
	 *
	 * Upserting a workflow's search attributes using SearchAttributeUpdatePair[]:
	 *
	 * ```ts
	 * const intKey = defineSearchKey('CustomIntField', 'INT');
	 * const boolKey = defineSearchKey('CustomBoolField', 'BOOL');
	 * const keywordListKey = defineSearchKey('CustomKeywordField', 'KEYWORD_LIST');
	 *
	 * upsertSearchAttributes([
	 *  defineSearchAttribute(intKey, 1),
	 *  defineSearchAttribute(boolKey, true)
	 * ]);
	 * upsertSearchAttributes([
	 *  defineSearchAttribute(intKey, 42),
	 *  defineSearchAttribute(keywordListKey, ['durable code', 'is great'])
	 * ]);
	 * ```
	 *
	 * Would result in the Workflow having these Search Attributes:
	 *
	 * ```ts
	 * {
	 *   CustomIntField: [42],
	 *   CustomBoolField: [true],
	 *   CustomKeywordField: ['durable code', 'is great']
	 * }
	 * ```
	 *
	 * @param searchAttributes The Record to merge.
	 * If using SearchAttributeUpdatePair[] (preferred), set a value to null to remove the search attribute.
	 * If using SearchAttributes (deprecated), set a value to undefined or an empty list to remove the search attribute.
	 */
	function upsertSearchAttributes(searchAttributes) {
	    const activator = (0, global_attributes_1.assertInWorkflowContext)('Workflow.upsertSearchAttributes(...) may only be used from a Workflow Execution.');
	    if (searchAttributes == null) {
	        throw new Error('searchAttributes must be a non-null SearchAttributes');
	    }
	    if (Array.isArray(searchAttributes)) {
	        // Typed search attributes
	        activator.pushCommand({
	            upsertWorkflowSearchAttributes: {
	                searchAttributes: {
	                    indexedFields: (0, payload_search_attributes_1.encodeUnifiedSearchAttributes)(undefined, searchAttributes),
	                },
	            },
	            eventGroupMarkers: (0, event_groups_1.eventGroupMarkersToProto)(undefined),
	        });
	        activator.mutateWorkflowInfo((info) => {
	            // Create a copy of the current state.
	            const newSearchAttributes = { ...info.searchAttributes };
	            for (const pair of searchAttributes) {
	                if (pair.value == null) {
	                    // If the value is null, remove the search attribute.
	                    // We don't mutate the existing state (just the new map) so this is safe.
	                    delete newSearchAttributes[pair.key.name];
	                }
	                else {
	                    newSearchAttributes[pair.key.name] = Array.isArray(pair.value)
	                        ? pair.value
	                        : [pair.value];
	                }
	            }
	            return {
	                ...info,
	                searchAttributes: newSearchAttributes,
	                // Create an empty copy and apply existing and new updates. Keep in mind the order matters here (existing first, new second - to possibly overwrite existing).
	                typedSearchAttributes: info.typedSearchAttributes.updateCopy([...searchAttributes]),
	            };
	        });
	    }
	    else {
	        // Legacy search attributes
	        activator.pushCommand({
	            upsertWorkflowSearchAttributes: {
	                searchAttributes: {
	                    indexedFields: (0, common_1.mapToPayloads)(payload_search_attributes_1.searchAttributePayloadConverter, searchAttributes),
	                },
	            },
	            eventGroupMarkers: (0, event_groups_1.eventGroupMarkersToProto)(undefined),
	        });
	        activator.mutateWorkflowInfo((info) => {
	            // Create a new copy of the current state.
	            let typedSearchAttributes = info.typedSearchAttributes.updateCopy([]);
	            const newSearchAttributes = { ...info.searchAttributes };
	            // Upsert legacy search attributes into typedSearchAttributes.
	            for (const [k, v] of Object.entries(searchAttributes)) {
	                if (v !== undefined && !Array.isArray(v)) {
	                    throw new Error(`Search attribute value must be an array or undefined, got ${v}`);
	                }
	                // The value is undefined or an empty list, this signifies deletion.
	                // Remove from both untyped & typed search attributes.
	                if (v == null || (Array.isArray(v) && v.length === 0)) {
	                    // We cannot discern a valid key typing from these values.
	                    // Instead, we do a "best effort" deletion from typed search attributes:
	                    // - check if a matching key name exists, if so, remove it.
	                    const matchingPair = typedSearchAttributes.getAll().find((pair) => pair.key.name === k);
	                    if (matchingPair) {
	                        typedSearchAttributes = typedSearchAttributes.updateCopy([
	                            { key: matchingPair.key, value: null },
	                        ]);
	                    }
	                    delete newSearchAttributes[k];
	                    continue;
	                }
	                // Attempt to discern a valid key typing for the update.
	                const typedKey = common_1.TypedSearchAttributes.getKeyFromUntyped(k, v);
	                // Unable to discern a valid key typing (no valid type for defined value).
	                // Skip applying this update (no-op).
	                if (typedKey === undefined) {
	                    continue;
	                }
	                // TEXT type is inferred from a string value, but it could also be KEYWORD.
	                // If a matching pair exists with KEYWORD type, use that instead.
	                if (typedKey.type === 'TEXT') {
	                    const matchingPair = typedSearchAttributes.getAll().find((pair) => pair.key.name === typedKey.name);
	                    if (matchingPair) {
	                        typedKey.type = matchingPair.key.type;
	                    }
	                }
	                let newValue = v;
	                // Unpack value if it is a single-element array.
	                if (v.length === 1) {
	                    newValue = v[0];
	                    // Convert value back to Date.
	                    if (typedKey.type === 'DATETIME') {
	                        newValue = new Date(newValue);
	                    }
	                }
	                // We have a defined value with valid type. Apply the update.
	                typedSearchAttributes = typedSearchAttributes.updateCopy([
	                    { key: typedKey, value: newValue },
	                ]);
	                newSearchAttributes[k] = v;
	            }
	            return {
	                ...info,
	                searchAttributes: newSearchAttributes,
	                typedSearchAttributes,
	            };
	        });
	    }
	}
	/**
	 * Updates this Workflow's Memos by merging the provided `memo` with existing
	 * Memos (as returned by `workflowInfo().memo`).
	 *
	 * New memo is merged by replacing properties of the same name _at the first
	 * level only_. Setting a property to value `undefined` or `null` clears that
	 * key from the Memo.
	 *
	 * For example:
	 *
	 * ```ts
	 * upsertMemo({
	 *   key1: value,
	 *   key3: { subkey1: value }
	 *   key4: value,
	 * });
	 * upsertMemo({
	 *   key2: value
	 *   key3: { subkey2: value }
	 *   key4: undefined,
	 * });
	 * ```
	 *
	 * would result in the Workflow having these Memo:
	 *
	 * ```ts
	 * {
	 *   key1: value,
	 *   key2: value,
	 *   key3: { subkey2: value }  // Note this object was completely replaced
	 *   // Note that key4 was completely removed
	 * }
	 * ```
	 *
	 * @param memo The Record to merge.
	 */
	function upsertMemo(memo) {
	    const activator = (0, global_attributes_1.assertInWorkflowContext)('Workflow.upsertMemo(...) may only be used from a Workflow Execution.');
	    const context = currentWorkflowSerializationContext(activator.info);
	    if (memo == null) {
	        throw new Error('memo must be a non-null Record');
	    }
	    activator.pushCommand({
	        modifyWorkflowProperties: {
	            upsertedMemo: {
	                fields: (0, common_1.mapToPayloads)(activator.payloadConverter, 
	                // Convert null to undefined
	                Object.fromEntries(Object.entries(memo).map(([k, v]) => [k, v ?? undefined])), context),
	            },
	        },
	        eventGroupMarkers: (0, event_groups_1.eventGroupMarkersToProto)(undefined),
	    });
	    activator.mutateWorkflowInfo((info) => {
	        return {
	            ...info,
	            memo: Object.fromEntries(Object.entries({
	                ...info.memo,
	                ...memo,
	            }).filter(([_, v]) => v != null)),
	        };
	    });
	}
	/**
	 * Whether update and signal handlers have finished executing.
	 *
	 * Consider waiting on this condition before workflow return or continue-as-new, to prevent
	 * interruption of in-progress handlers by workflow exit:
	 *
	 * ```ts
	 * await workflow.condition(workflow.allHandlersFinished)
	 * ```
	 *
	 * @returns true if there are no in-progress update or signal handler executions.
	 */
	function allHandlersFinished() {
	    const activator = (0, global_attributes_1.assertInWorkflowContext)('allHandlersFinished() may only be used from a Workflow Execution.');
	    return activator.inProgressSignals.size === 0 && activator.inProgressUpdates.size === 0;
	}
	/**
	 * Can be used to alter workflow functions with certain options specified at definition time.
	 *
	 * Prefer {@link defineWorkflowOptions} for new code, especially when setting static workflow
	 * metadata such as type information.
	 *
	 * @example
	 * For example:
	 * ```ts
	 * setWorkflowOptions({
	 *   versioningBehavior: 'PINNED',
	 *   failureExceptionTypes: [CustomWorkflowError]
	 * }, myWorkflow);
	 * export async function myWorkflow(): Promise<string> {
	 *   // Workflow code here
	 *   return "hi";
	 * }
	 * ```
	 *
	 * @example
	 * To annotate a default or dynamic workflow:
	 * ```ts
	 * export default async function (): Promise<string> {
	 *   // Workflow code here
	 *   return "hi";
	 * }
	 * setWorkflowOptions({
	 *   versioningBehavior: 'PINNED',
	 *   failureExceptionTypes: [CustomWorkflowError]
	 * }, module.exports.default);
	 * ```
	 *
	 * @param options Options for the workflow defintion, or a function that returns options. If a
	 * function is provided, it will be called once just before the workflow function is called for the
	 * first time. It is safe to call {@link workflowInfo} inside such a function.
	 * @param fn The workflow function.
	 */
	function setWorkflowOptions(options, fn) {
	    return defineWorkflowOptions(fn, { workflowDefinitionOptions: options });
	}
	/**
	 * Attach per-execution options and static metadata to a Workflow function.
	 *
	 * Static options are available before the Workflow function's arguments are decoded.
	 *
	 * @experimental
	 */
	function defineWorkflowOptions(fn, config) {
	    Object.assign(fn, config);
	}
	workflow.stackTraceQuery = defineQuery('__stack_trace');
	workflow.enhancedStackTraceQuery = defineQuery('__enhanced_stack_trace');
	workflow.workflowMetadataQuery = defineQuery('__temporal_workflow_metadata');
	function getCurrentDetails() {
	    const activator = (0, global_attributes_1.assertInWorkflowContext)('getCurrentDetails() may only be used from a Workflow Execution.');
	    return activator.currentDetails;
	}
	function setCurrentDetails(details) {
	    const activator = (0, global_attributes_1.assertInWorkflowContext)('getCurrentDetails() may only be used from a Workflow Execution.');
	    activator.currentDetails = details;
	}
	
	return workflow;
}

var hasRequiredLogs;

function requireLogs () {
	if (hasRequiredLogs) return logs;
	hasRequiredLogs = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.log = void 0;
		exports.executeWithLifecycleLogging = executeWithLifecycleLogging;
		exports.workflowLogAttributes = workflowLogAttributes;
		const common_1 = requireLib$1();
		const interceptor_composition_1 = requireInterceptorComposition();
		const stack_helpers_1 = requireStackHelpers();
		const sinks_1 = requireSinks();
		const errors_1 = requireErrors();
		const interfaces_1 = requireInterfaces();
		const global_attributes_1 = requireGlobalAttributes();
		const workflow_1 = requireWorkflow();
		const loggerSink = (0, sinks_1.proxySinks)().__temporal_logger;
		/**
		 * Symbol used by the SDK logger to extract a timestamp from log attributes.
		 * Also defined in `worker/logger.ts` - intentionally not shared.
		 */
		const LogTimestamp = Symbol.for('log_timestamp');
		/**
		 * Default workflow logger.
		 *
		 * This logger is replay-aware and will omit log messages on workflow replay. Messages emitted by this logger are
		 * funnelled through a sink that forwards them to the logger registered on {@link Runtime.logger}.
		 *
		 * Attributes from the current Workflow Execution context are automatically included as metadata on every log
		 * entries. An extra `sdkComponent` metadata attribute is also added, with value `workflow`; this can be used for
		 * fine-grained filtering of log entries further downstream.
		 *
		 * To customize log attributes, register a {@link WorkflowOutboundCallsInterceptor} that intercepts the
		 * `getLogAttributes()` method.
		 *
		 * Notice that since sinks are used to power this logger, any log attributes must be transferable via the
		 * {@link https://nodejs.org/api/worker_threads.html#worker_threads_port_postmessage_value_transferlist | postMessage}
		 * API.
		 *
		 * NOTE: Specifying a custom logger through {@link defaultSink} or by manually registering a sink named
		 * `defaultWorkerLogger` has been deprecated. Please use {@link Runtime.logger} instead.
		 */
		exports.log = Object.fromEntries(['trace', 'debug', 'info', 'warn', 'error'].map((level) => {
		    return [
		        level,
		        (message, attrs) => {
		            const activator = (0, global_attributes_1.assertInWorkflowContext)('Workflow.log(...) may only be used from workflow context.');
		            const getLogAttributes = (0, interceptor_composition_1.composeInterceptors)(activator.interceptors.outbound, 'getLogAttributes', (a) => a);
		            return loggerSink[level](message, {
		                // Inject the call time in nanosecond resolution as expected by the worker logger.
		                [LogTimestamp]: activator.getTimeOfDay(),
		                sdkComponent: common_1.SdkComponent.workflow,
		                ...getLogAttributes(workflowLogAttributes(activator.info)),
		                ...attrs,
		            });
		        },
		    ];
		}));
		function executeWithLifecycleLogging(fn) {
		    exports.log.debug('Workflow started', { sdkComponent: common_1.SdkComponent.worker });
		    const p = fn().then((res) => {
		        exports.log.debug('Workflow completed', { sdkComponent: common_1.SdkComponent.worker });
		        return res;
		    }, (error) => {
		        // Avoid using instanceof checks in case the modules they're defined in loaded more than once,
		        // e.g. by jest or when multiple versions are installed.
		        if (typeof error === 'object' && error != null) {
		            if ((0, errors_1.isCancellation)(error)) {
		                exports.log.debug('Workflow completed as cancelled', { sdkComponent: common_1.SdkComponent.worker });
		                throw error;
		            }
		            else if (error instanceof interfaces_1.ContinueAsNew) {
		                exports.log.debug('Workflow continued as new', { sdkComponent: common_1.SdkComponent.worker });
		                throw error;
		            }
		        }
		        exports.log.warn('Workflow failed', { error, sdkComponent: common_1.SdkComponent.worker });
		        throw error;
		    });
		    // Avoid showing this interceptor in stack trace query
		    (0, stack_helpers_1.untrackPromise)(p);
		    return p;
		}
		/**
		 * Returns a map of attributes to be set _by default_ on log messages for a given Workflow.
		 * Note that this function may be called from outside of the Workflow context (eg. by the worker itself).
		 */
		function workflowLogAttributes(info) {
		    const attributes = {
		        namespace: info.namespace,
		        taskQueue: info.taskQueue,
		        workflowId: info.workflowId,
		        runId: info.runId,
		        workflowType: info.workflowType,
		    };
		    if ((0, workflow_1.inWorkflowContext)()) {
		        const updateInfo = (0, workflow_1.currentUpdateInfo)();
		        if (updateInfo) {
		            // Add update info if it exists
		            attributes['updateId'] = updateInfo.id;
		            attributes['updateName'] = updateInfo.name;
		        }
		    }
		    return attributes;
		}
		
	} (logs));
	return logs;
}

var trigger = {};

var hasRequiredTrigger;

function requireTrigger () {
	if (hasRequiredTrigger) return trigger;
	hasRequiredTrigger = 1;
	Object.defineProperty(trigger, "__esModule", { value: true });
	trigger.Trigger = void 0;
	const cancellation_scope_1 = requireCancellationScope();
	const stack_helpers_1 = requireStackHelpers();
	/**
	 * A `PromiseLike` helper which exposes its `resolve` and `reject` methods.
	 *
	 * Trigger is CancellationScope-aware: it is linked to the current scope on
	 * construction and throws when that scope is cancelled.
	 *
	 * Useful for e.g. waiting for unblocking a Workflow from a Signal.
	 *
	 * @example
	 * ```ts
	 * import { defineSignal, setHandler, sleep, Trigger } from '@temporalio/workflow';
	 *
	 * const completeUserInteraction = defineSignal('completeUserInteraction');
	 *
	 * export async function waitOnUser(userId: string): Promise<void> {
	 *   const userInteraction = new Trigger<boolean>();
	 *
	 *   // programmatically resolve Trigger
	 *   setHandler(completeUserInteraction, () => userInteraction.resolve(true));
	 *
	 *   const userInteracted = await Promise.race([userInteraction, sleep('30 days')]);
	 *   if (!userInteracted) {
	 *     await sendReminderEmail(userId);
	 *   }
	 * }
	 * ```
	 */
	class Trigger {
	    // Typescript does not realize that the promise executor is run synchronously in the constructor
	    // eslint-disable-next-line @typescript-eslint/ban-ts-comment
	    // @ts-ignore
	    resolve;
	    // eslint-disable-next-line @typescript-eslint/ban-ts-comment
	    // @ts-ignore
	    reject;
	    promise;
	    constructor() {
	        this.promise = new Promise((resolve, reject) => {
	            const scope = cancellation_scope_1.CancellationScope.current();
	            if (scope.cancellable) {
	                (0, stack_helpers_1.untrackPromise)(scope.cancelRequested.catch(reject));
	            }
	            // eslint-disable-next-line @typescript-eslint/ban-ts-comment
	            // @ts-ignore
	            this.resolve = resolve;
	            // eslint-disable-next-line @typescript-eslint/ban-ts-comment
	            // @ts-ignore
	            this.reject = reject;
	        });
	        // Avoid unhandled rejections
	        (0, stack_helpers_1.untrackPromise)(this.promise.catch(() => undefined));
	    }
	    then(onfulfilled, onrejected) {
	        return this.promise.then(onfulfilled, onrejected);
	    }
	}
	trigger.Trigger = Trigger;
	
	return trigger;
}

var metrics = {};

var hasRequiredMetrics;

function requireMetrics () {
	if (hasRequiredMetrics) return metrics;
	hasRequiredMetrics = 1;
	Object.defineProperty(metrics, "__esModule", { value: true });
	metrics.metricMeter = void 0;
	const common_1 = requireLib$1();
	const interceptor_composition_1 = requireInterceptorComposition();
	const sinks_1 = requireSinks();
	const workflow_1 = requireWorkflow();
	const global_attributes_1 = requireGlobalAttributes();
	class WorkflowMetricMeterImpl {
	    constructor() { }
	    createCounter(name, unit, description) {
	        (0, global_attributes_1.assertInWorkflowContext)("Workflow's `metricMeter` can only be used while in Workflow Context");
	        return new WorkflowMetricCounter(name, unit, description);
	    }
	    createHistogram(name, valueType = 'int', unit, description) {
	        (0, global_attributes_1.assertInWorkflowContext)("Workflow's `metricMeter` can only be used while in Workflow Context");
	        return new WorkflowMetricHistogram(name, valueType, unit, description);
	    }
	    createGauge(name, valueType = 'int', unit, description) {
	        (0, global_attributes_1.assertInWorkflowContext)("Workflow's `metricMeter` can only be used while in Workflow Context");
	        return new WorkflowMetricGauge(name, valueType, unit, description);
	    }
	    withTags(_tags) {
	        (0, global_attributes_1.assertInWorkflowContext)("Workflow's `metricMeter` can only be used while in Workflow Context");
	        // Tags composition is handled by a MetricMeterWithComposedTags wrapper over this one
	        throw new Error(`withTags is not supported directly on WorkflowMetricMeter`);
	    }
	}
	class WorkflowMetricCounter {
	    name;
	    unit;
	    description;
	    kind = 'counter';
	    valueType = 'int';
	    constructor(name, unit, description) {
	        this.name = name;
	        this.unit = unit;
	        this.description = description;
	    }
	    add(value, extraTags = {}) {
	        if (value < 0) {
	            throw new Error(`MetricCounter value must be non-negative (got ${value})`);
	        }
	        if (!(0, workflow_1.workflowInfo)().unsafe.isReplaying) {
	            metricSink.addMetricCounterValue(this.name, this.unit, this.description, value, extraTags);
	        }
	    }
	    withTags(_tags) {
	        // Tags composition is handled by a MetricMeterWithComposedTags wrapper over this one
	        throw new Error(`withTags is not supported directly on WorkflowMetricCounter`);
	    }
	}
	class WorkflowMetricHistogram {
	    name;
	    valueType;
	    unit;
	    description;
	    kind = 'histogram';
	    constructor(name, valueType, unit, description) {
	        this.name = name;
	        this.valueType = valueType;
	        this.unit = unit;
	        this.description = description;
	    }
	    record(value, extraTags = {}) {
	        if (value < 0) {
	            throw new Error(`MetricHistogram value must be non-negative (got ${value})`);
	        }
	        if (!(0, workflow_1.workflowInfo)().unsafe.isReplaying) {
	            metricSink.recordMetricHistogramValue(this.name, this.valueType, this.unit, this.description, value, extraTags);
	        }
	    }
	    withTags(_tags) {
	        // Tags composition is handled by a MetricMeterWithComposedTags wrapper over this one
	        throw new Error(`withTags is not supported directly on WorkflowMetricHistogram`);
	    }
	}
	class WorkflowMetricGauge {
	    name;
	    valueType;
	    unit;
	    description;
	    kind = 'gauge';
	    constructor(name, valueType, unit, description) {
	        this.name = name;
	        this.valueType = valueType;
	        this.unit = unit;
	        this.description = description;
	    }
	    set(value, tags) {
	        if (value < 0) {
	            throw new Error(`MetricGauge value must be non-negative (got ${value})`);
	        }
	        if (!(0, workflow_1.workflowInfo)().unsafe.isReplaying) {
	            metricSink.setMetricGaugeValue(this.name, this.valueType, this.unit, this.description, value, tags ?? {});
	        }
	    }
	    withTags(_tags) {
	        // Tags composition is handled by a MetricMeterWithComposedTags wrapper over this one
	        throw new Error(`withTags is not supported directly on WorkflowMetricGauge`);
	    }
	}
	////////////////////////////////////////////////////////////////////////////////////////////////////
	// Note: given that forwarding metrics outside of the sanbox can be quite chatty and add non
	// negligeable overhead, we eagerly check for `isReplaying` and completely skip doing sink
	// calls if we are replaying.
	const metricSink = (0, sinks_1.proxySinks)().__temporal_metrics;
	/**
	 * A MetricMeter that can be used to emit metrics from within a Workflow.
	 *
	 * @experimental The Metric API is an experimental feature and may be subject to change.
	 */
	metrics.metricMeter = common_1.MetricMeterWithComposedTags.compose(new WorkflowMetricMeterImpl(), () => {
	    const activator = (0, global_attributes_1.assertInWorkflowContext)('Workflow.metricMeter may only be used from workflow context.');
	    const getMetricTags = (0, interceptor_composition_1.composeInterceptors)(activator.interceptors.outbound, 'getMetricTags', (a) => a);
	    const info = activator.info;
	    return getMetricTags({
	        // namespace and taskQueue will be added by the Worker
	        workflowType: info.workflowType,
	    });
	}, true);
	
	return metrics;
}

var nexus = {};

var hasRequiredNexus;

function requireNexus () {
	if (hasRequiredNexus) return nexus;
	hasRequiredNexus = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.NexusOperationCancellationType = void 0;
		exports.createNexusServiceClient = createNexusServiceClient;
		const common_1 = requireLib$1();
		const time_1 = requireTime();
		const user_metadata_1 = requireUserMetadata();
		const enums_helpers_1 = requireEnumsHelpers();
		const event_groups_1 = requireEventGroups();
		const cancellation_scope_1 = requireCancellationScope();
		const global_attributes_1 = requireGlobalAttributes();
		const interceptor_composition_1 = requireInterceptorComposition();
		const stack_helpers_1 = requireStackHelpers();
		/**
		 * Create a Nexus client for invoking Nexus Operations from a Workflow.
		 *
		 */
		function createNexusServiceClient(options) {
		    class NexusServiceClientImpl {
		        async executeOperation(operation, input, operationOptions) {
		            const handle = await this.startOperation(operation, input, operationOptions);
		            return await handle.result();
		        }
		        async startOperation(operation, input, operationOptions) {
		            let operationDefinition;
		            if (typeof operation === 'string') {
		                operationDefinition = options.service.operations[operation];
		            }
		            else {
		                operationDefinition = operation;
		            }
		            // Casting as string to cover up the fact that `opName` might be undefined.
		            // If this happens, then `execute` will produce a `NexusOperationFailure.NOT_FOUND`.
		            const opName = operationDefinition?.name;
		            const activator = (0, global_attributes_1.getActivator)();
		            const seq = activator.nextSeqs.nexusOperation++;
		            const execute = (0, interceptor_composition_1.composeInterceptors)(activator.interceptors.outbound, 'startNexusOperation', startNexusOperationNextHandler);
		            // The interceptor returns a Promise<StartNexusOperationOutput>, with the result promise contained
		            // in that Output object. As a consequence of this, the result promise/completion does not exist
		            // until the StartNexusOperation event is received. This is totally different from what we did in
		            // ChildWorkflow, but is much cleaner from the interceptors point of view.
		            const { token, result: resultPromise } = await execute({
		                endpoint: options.endpoint,
		                service: options.service.name,
		                operation: opName,
		                options: {
		                    ...operationOptions,
		                    cancellationType: operationOptions?.cancellationType ?? 'WAIT_CANCELLATION_COMPLETED',
		                },
		                headers: {},
		                seq,
		                input,
		                inputType: operationDefinition?.inputType,
		                outputType: operationDefinition?.outputType,
		            });
		            return {
		                service: options.service.name,
		                operation: opName,
		                token,
		                async result() {
		                    return resultPromise;
		                },
		            };
		        }
		    }
		    return new NexusServiceClientImpl();
		}
		function startNexusOperationNextHandler({ input, endpoint, service, options, operation, seq, headers, inputType, outputType, }) {
		    const activator = (0, global_attributes_1.getActivator)();
		    const context = {
		        type: 'workflow',
		        namespace: activator.info.namespace,
		        workflowId: activator.info.workflowId,
		    };
		    return new Promise((resolve, reject) => {
		        const scope = cancellation_scope_1.CancellationScope.current();
		        if (scope.consideredCancelled) {
		            (0, stack_helpers_1.untrackPromise)(scope.cancelRequested.catch(reject));
		            return;
		        }
		        if (scope.cancellable) {
		            (0, stack_helpers_1.untrackPromise)(scope.cancelRequested.catch(() => {
		                const completed = !activator.completions.nexusOperationStart.has(seq) &&
		                    !activator.completions.nexusOperationComplete.has(seq);
		                if (!completed) {
		                    activator.pushCommand({
		                        requestCancelNexusOperation: { seq },
		                        eventGroupMarkers: (0, event_groups_1.eventGroupMarkersToProto)(options?.eventGroups),
		                    });
		                }
		                // Nothing to cancel otherwise
		            }));
		        }
		        activator.pushCommand({
		            scheduleNexusOperation: {
		                seq,
		                endpoint,
		                service,
		                operation,
		                nexusHeader: headers,
		                input: (0, common_1.toPayloadWithTypeInfo)(activator.payloadConverter, input, context, inputType),
		                scheduleToCloseTimeout: (0, time_1.msOptionalToTs)(options?.scheduleToCloseTimeout),
		                scheduleToStartTimeout: (0, time_1.msOptionalToTs)(options?.scheduleToStartTimeout),
		                startToCloseTimeout: (0, time_1.msOptionalToTs)(options?.startToCloseTimeout),
		                cancellationType: encodeNexusOperationCancellationType(options?.cancellationType),
		            },
		            userMetadata: (0, user_metadata_1.userMetadataToPayload)(activator.payloadConverter, options?.summary, undefined, context),
		            eventGroupMarkers: (0, event_groups_1.eventGroupMarkersToProto)(options?.eventGroups),
		        });
		        activator.completions.nexusOperationStart.set(seq, {
		            resolve,
		            reject,
		            outputTypeInfo: outputType,
		        });
		    });
		}
		/**
		 * Determines:
		 * - whether cancellation requests should be propagated from the Workflow to the Nexus Operation
		 * - whether and when should the Operation's cancellation be reported back to the Workflow
		 *   (i.e. at which moment should the operation's result promise fail with a `NexusOperationFailure`,
		 *   with `cause` set to a `CancelledFailure`).
		 *
		 * Note that this setting only applies to cancellation originating from an external request for the
		 * Workflow itself, or from internal cancellation of the `CancellationScope` in which the
		 * Operation call was made.
		 *
		 */
		// MAINTENANCE: Keep this typedoc in sync with the `StartNexusOperationOptions.cancellationType` field
		exports.NexusOperationCancellationType = {
		    /**
		     * Do not propagate cancellation requests to the Nexus Operation, and immediately report
		     * cancellation to the caller.
		     */
		    ABANDON: 'ABANDON',
		    /**
		     * Initiate a cancellation request for the Nexus operation and immediately report cancellation to
		     * the caller. Note that it doesn't guarantee that cancellation is delivered to the operation if
		     * calling workflow exits before the delivery is done. If you want to ensure that cancellation is
		     * delivered to the operation, use {@link WAIT_CANCELLATION_REQUESTED}.
		     *
		     * Propagate cancellation request from the Workflow to the Operation, yet _immediately_ report
		     * cancellation to the caller, i.e. without waiting for the server to confirm the cancellation
		     * request.
		     *
		     * Note that this cancellation type provides no guarantee, from the Workflow-side, that the
		     * cancellation request will be delivered to the Operation Handler. In particular, either the
		     * Operation or the Workflow may complete (either successfully or uncessfully) before the
		     * cancellation request is delivered, resulting in a situation where the Operation completed
		     * successfully, but the Workflow thinks it was cancelled.
		     *
		     * To guarantee that the Operation will eventually be notified of the cancellation request,
		     * use {@link WAIT_CANCELLATION_REQUESTED}.
		     */
		    TRY_CANCEL: 'TRY_CANCEL',
		    /**
		     * Propagate cancellation request from the Workflow to the Operation, then wait for the server
		     * to confirm that the Operation cancellation request was delivered to the Operation Handler.
		     */
		    WAIT_CANCELLATION_REQUESTED: 'WAIT_CANCELLATION_REQUESTED',
		    /**
		     * Propagate cancellation request from the Workflow to the Operation, then wait for completion
		     * of the Operation.
		     */
		    WAIT_CANCELLATION_COMPLETED: 'WAIT_CANCELLATION_COMPLETED',
		};
		const [encodeNexusOperationCancellationType, _] = (0, enums_helpers_1.makeProtoEnumConverters)({
		    [exports.NexusOperationCancellationType.WAIT_CANCELLATION_COMPLETED]: 0,
		    [exports.NexusOperationCancellationType.ABANDON]: 1,
		    [exports.NexusOperationCancellationType.TRY_CANCEL]: 2,
		    [exports.NexusOperationCancellationType.WAIT_CANCELLATION_REQUESTED]: 3,
		}, '');
		
	} (nexus));
	return nexus;
}

var hasRequiredLib;

function requireLib () {
	if (hasRequiredLib) return lib;
	hasRequiredLib = 1;
	(function (exports) {
		/**
		 * This library provides tools required for authoring workflows.
		 *
		 * ## Usage
		 * See the {@link https://docs.temporal.io/typescript/hello-world#workflows | tutorial} for writing your first workflow.
		 *
		 * ### Timers
		 *
		 * The recommended way of scheduling timers is by using the {@link sleep} function. We've replaced `setTimeout` and
		 * `clearTimeout` with deterministic versions so these are also usable but have a limitation that they don't play well
		 * with {@link https://docs.temporal.io/typescript/cancellation-scopes | cancellation scopes}.
		 *
		 * ```ts
		 * import { sleep } from '@temporalio/workflow';
		 *
		 * export async function sleeper(ms = 100): Promise<void> {
		 *   await sleep(ms);
		 *   console.log('slept');
		 * }
		 * ```
		 *
		 * ### Activities
		 *
		 * To schedule Activities, use {@link proxyActivities} to obtain an Activity function and call.
		 *
		 * ```ts
		 * import { proxyActivities } from '@temporalio/workflow';
		 * import type * as activities from './activities';
		 *
		 * const { sendEmail } = proxyActivities<typeof activities>({
		 *   startToCloseTimeout: '1 minute',
		 * });

		export async function sampleWorkflow(): Promise<string> {
		  await sendEmail("to@example.com","Hello, Temporal!");
		}

		 * ```
		 *
		 * ### Updates, Signals and Queries
		 *
		 * Use {@link setHandler} to set handlers for Updates, Signals, and Queries.
		 *
		 * Update and Signal handlers can be either async or non-async functions. Update handlers may return a value, but signal
		 * handlers may not (return `void` or `Promise<void>`). You may use Activities, Timers, child Workflows, etc in Update
		 * and Signal handlers, but this should be done cautiously: for example, note that if you await async operations such as
		 * these in an Update or Signal handler, then you are responsible for ensuring that the workflow does not complete first.
		 *
		 * Query handlers may **not** be async functions, and may **not** mutate any variables or use Activities, Timers,
		 * child Workflows, etc.
		 *
		 * #### Implementation
		 *
		 * ```ts
		 * export const incrementSignal = wf.defineSignal<[number]>('increment');
		 * export const getValueQuery = wf.defineQuery<number>('getValue');
		 * export const incrementAndGetValueUpdate = wf.defineUpdate<number, [number]>('incrementAndGetValue');
		 *
		 * export async function counterWorkflow(initialValue: number): Promise<void> {
		 *   let count = initialValue;
		 *   wf.setHandler(incrementSignal, (arg: number) => {
		 *     count += arg;
		 *   });
		 *   wf.setHandler(getValueQuery, () => count);
		 *   wf.setHandler(incrementAndGetValueUpdate, (arg: number): number => {
		 *     count += arg;
		 *     return count;
		 *   });
		 *   await wf.condition(() => false);
		 * }
		 * ```
		 *
		 * ### More
		 *
		 * - [Deterministic built-ins](https://docs.temporal.io/typescript/determinism#sources-of-non-determinism)
		 * - [Cancellation and scopes](https://docs.temporal.io/typescript/cancellation-scopes)
		 *   - {@link CancellationScope}
		 *   - {@link Trigger}
		 * - [Sinks](https://docs.temporal.io/application-development/observability/?lang=ts#logging)
		 *   - {@link Sinks}
		 *
		 * @module
		 */
		var __createBinding = (lib && lib.__createBinding) || (Object.create ? (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    var desc = Object.getOwnPropertyDescriptor(m, k);
		    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
		      desc = { enumerable: true, get: function() { return m[k]; } };
		    }
		    Object.defineProperty(o, k2, desc);
		}) : (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    o[k2] = m[k];
		}));
		var __exportStar = (lib && lib.__exportStar) || function(m, exports) {
		    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
		};
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.NexusOperationCancellationType = exports.createNexusServiceClient = exports.metricMeter = exports.createEventGroup = exports.Trigger = exports.log = exports.workflowRandom = exports.getRandomStream = exports.proxySinks = exports.ParentClosePolicy = exports.ContinueAsNew = exports.ChildWorkflowCancellationType = exports.CancellationScope = exports.AsyncLocalStorage = exports.TimeoutFailure = exports.TerminatedFailure = exports.TemporalFailure = exports.ServerFailure = exports.rootCause = exports.defaultPayloadConverter = exports.ChildWorkflowFailure = exports.CancelledFailure = exports.ApplicationFailure = exports.ActivityFailure = exports.ActivityCancellationType = void 0;
		var activities_1 = requireActivities();
		Object.defineProperty(exports, "ActivityCancellationType", { enumerable: true, get: function () { return activities_1.ActivityCancellationType; } });
		var common_1 = requireLib$1();
		Object.defineProperty(exports, "ActivityFailure", { enumerable: true, get: function () { return common_1.ActivityFailure; } });
		Object.defineProperty(exports, "ApplicationFailure", { enumerable: true, get: function () { return common_1.ApplicationFailure; } });
		Object.defineProperty(exports, "CancelledFailure", { enumerable: true, get: function () { return common_1.CancelledFailure; } });
		Object.defineProperty(exports, "ChildWorkflowFailure", { enumerable: true, get: function () { return common_1.ChildWorkflowFailure; } });
		Object.defineProperty(exports, "defaultPayloadConverter", { enumerable: true, get: function () { return common_1.defaultPayloadConverter; } });
		Object.defineProperty(exports, "rootCause", { enumerable: true, get: function () { return common_1.rootCause; } });
		Object.defineProperty(exports, "ServerFailure", { enumerable: true, get: function () { return common_1.ServerFailure; } });
		Object.defineProperty(exports, "TemporalFailure", { enumerable: true, get: function () { return common_1.TemporalFailure; } });
		Object.defineProperty(exports, "TerminatedFailure", { enumerable: true, get: function () { return common_1.TerminatedFailure; } });
		Object.defineProperty(exports, "TimeoutFailure", { enumerable: true, get: function () { return common_1.TimeoutFailure; } });
		__exportStar(requireErrors$1(), exports);
		__exportStar(requireWorkflowHandle(), exports);
		__exportStar(requireWorkflowOptions(), exports);
		var cancellation_scope_1 = requireCancellationScope();
		Object.defineProperty(exports, "AsyncLocalStorage", { enumerable: true, get: function () { return cancellation_scope_1.AsyncLocalStorage; } });
		Object.defineProperty(exports, "CancellationScope", { enumerable: true, get: function () { return cancellation_scope_1.CancellationScope; } });
		__exportStar(requireErrors(), exports);
		__exportStar(requireInterceptors(), exports);
		var interfaces_1 = requireInterfaces();
		Object.defineProperty(exports, "ChildWorkflowCancellationType", { enumerable: true, get: function () { return interfaces_1.ChildWorkflowCancellationType; } });
		Object.defineProperty(exports, "ContinueAsNew", { enumerable: true, get: function () { return interfaces_1.ContinueAsNew; } });
		Object.defineProperty(exports, "ParentClosePolicy", { enumerable: true, get: function () { return interfaces_1.ParentClosePolicy; } });
		var sinks_1 = requireSinks();
		Object.defineProperty(exports, "proxySinks", { enumerable: true, get: function () { return sinks_1.proxySinks; } });
		var random_streams_1 = requireRandomStreams();
		Object.defineProperty(exports, "getRandomStream", { enumerable: true, get: function () { return random_streams_1.getRandomStream; } });
		Object.defineProperty(exports, "workflowRandom", { enumerable: true, get: function () { return random_streams_1.workflowRandom; } });
		var logs_1 = requireLogs();
		Object.defineProperty(exports, "log", { enumerable: true, get: function () { return logs_1.log; } });
		var trigger_1 = requireTrigger();
		Object.defineProperty(exports, "Trigger", { enumerable: true, get: function () { return trigger_1.Trigger; } });
		var event_groups_1 = requireEventGroups();
		Object.defineProperty(exports, "createEventGroup", { enumerable: true, get: function () { return event_groups_1.createEventGroup; } });
		__exportStar(requireWorkflow(), exports);
		var metrics_1 = requireMetrics();
		Object.defineProperty(exports, "metricMeter", { enumerable: true, get: function () { return metrics_1.metricMeter; } });
		var nexus_1 = requireNexus();
		Object.defineProperty(exports, "createNexusServiceClient", { enumerable: true, get: function () { return nexus_1.createNexusServiceClient; } });
		Object.defineProperty(exports, "NexusOperationCancellationType", { enumerable: true, get: function () { return nexus_1.NexusOperationCancellationType; } });
		
	} (lib));
	return lib;
}

var libExports = requireLib();

// The rollout controller's contract: the workflow's id and task queue, what a request carries, what the
// `status` Query answers and the Updates a person or a job sends. Clients (the CLI, the GitHub actions) and
// the workflow import this one module; it is workflow-safe (no Node, no clock). Extend it compatibly only:
// rollouts in flight were started with these shapes.
/** The task queue every rollout worker polls (attached jobs, the in-cluster controller, the CLI). */ const ROLLOUT_TASK_QUEUE = 'temporal-rollout';
/** The workflow type name, for clients that start it without importing the workflow code. */ const ROLLOUT_WORKFLOW_TYPE = 'rolloutWorkflow';
/** One rollout per app: the server refuses a second run with this id, so it is the lock. */ function rolloutWorkflowId(app) {
    return `rollout/${app}`;
}
const statusQuery = libExports.defineQuery('status');
const releaseUpdate = libExports.defineUpdate('release');
const rollbackUpdate = libExports.defineUpdate('rollback');
const promoteNowUpdate = libExports.defineUpdate('promote-now');
const abortUpdate = libExports.defineUpdate('abort');
const resumeUpdate = libExports.defineUpdate('resume');
/** The Updates by the names a CLI or workflow_dispatch input uses. */ const ACTION_UPDATES = {
    'promote-now': promoteNowUpdate,
    abort: abortUpdate,
    resume: resumeUpdate
};
/** The outcome of `version`'s release in this rollout, once it has one. */ /** The answer to a release of the version already in flight (the job attaches to it). */ function attachedAnswer(version) {
    return `attached to the release of ${version} in progress`;
}
function releaseOutcome(status, version) {
    return status.outcomes.findLast((o)=>o.operation === 'release' && o.version === version);
}

// The two rollout strategies behind one interface. Everything that differs between them — where a release's
// workers poll, how new work is split, where a release's open runs are counted, how a gate run reaches the
// canary — is asked of the strategy; the steps (and a workflow driving them) never branch on its type.
function paymentOf(settings) {
    return settings.taskQueues.payment ?? {
        base: 'payment-task-queue',
        template: settings.taskQueues.order.template
    };
}
/** New work split by the starter's routing table between per-version task queues. */ class TaskQueueStrategy {
    constructor(settings){
        this.settings = settings;
        this.type = 'task-queue';
    }
    placement({ version, stable, running, verdict }) {
        const { order } = this.settings.taskQueues;
        const payment = paymentOf(this.settings);
        // A later ramp step without a verdict, or a re-run for the version already stable, keeps its queues.
        if (running && running.version === version && (verdict === undefined || running === stable)) {
            return {
                orderQueue: running.orderQueue,
                paymentQueue: running.paymentQueue,
                rule: `kept: ${version} already polls ${running.orderQueue}`
            };
        }
        const templated = {
            orderQueue: queueName(order.template, order.base, version),
            paymentQueue: queueName(payment.template, payment.base, version)
        };
        if (!stable) {
            return {
                ...templated,
                rule: `first release: queue template ${order.template}`
            };
        }
        if (verdict === 'same-queue') {
            return {
                orderQueue: stable.orderQueue,
                paymentQueue: stable.paymentQueue,
                rule: `replay verdict same-queue: every open run replays on ${version}, so it takes over ${stable.orderQueue} (no drain)`
            };
        }
        if (verdict === 'new-queue') {
            if (templated.orderQueue !== stable.orderQueue) {
                return {
                    ...templated,
                    rule: `replay verdict new-queue: an open run does not replay on ${version}, so it polls ${templated.orderQueue} (template ${order.template}) and ${stable.orderQueue} drains`
                };
            }
            // The template would put it on stable's queue; the verdict says it must not: a queue of its own.
            const own = {
                orderQueue: queueName(OWN_QUEUE_TEMPLATE, order.base, version),
                paymentQueue: queueName(OWN_QUEUE_TEMPLATE, payment.base, version)
            };
            return {
                ...own,
                rule: `replay verdict new-queue: an open run does not replay on ${version} and template ${order.template} gives stable's ${stable.orderQueue}, so it polls ${own.orderQueue} and ${stable.orderQueue} drains`
            };
        }
        const shared = templated.orderQueue === stable.orderQueue;
        return {
            ...templated,
            rule: `queue template ${order.template} (no replay verdict given)${shared ? `: shares stable's ${stable.orderQueue}, no drain` : ''}`
        };
    }
    workerVersioning() {
        return undefined;
    }
    routingOf(state) {
        const { stable, canary } = state;
        if (!stable) return undefined;
        if (!canary) return routingFor(stable.orderQueue, undefined, 0);
        const percent = state.phase === 'promoting' ? 100 : state.phase === 'rolling-back' ? 0 : canary.weight;
        return routingFor(stable.orderQueue, canary.orderQueue, percent);
    }
    routingTable(stable, canary, percent) {
        return routingFor(stable.orderQueue, canary?.orderQueue, percent);
    }
    async routeOnServer() {
        return [];
    }
    scopeOf(release) {
        return {
            kind: 'task-queue',
            taskQueue: release.orderQueue
        };
    }
    needsDrain(leaving, staying) {
        return leaving.version !== staying.version && leaving.orderQueue !== staying.orderQueue;
    }
    async gateOptions(_ctx, canary) {
        return {
            taskQueue: canary.orderQueue
        };
    }
    async observe(ctx) {
        const routing = await ctx.deployer.readRouting();
        return routing ? {
            routing
        } : {};
    }
}
/** Every build polls the same queues; the server's Worker Deployment routing splits new work between builds. */ class WorkerVersioningStrategy {
    constructor(settings, deploymentName){
        this.settings = settings;
        this.deploymentName = deploymentName;
        this.type = 'worker-versioning';
    }
    placement() {
        const order = this.settings.taskQueues.order.base;
        return {
            orderQueue: order,
            paymentQueue: paymentOf(this.settings).base,
            rule: `worker versioning: every build polls ${order}; the server splits new work and pinned runs stay on their build (the replay verdict does not move queues)`
        };
    }
    workerVersioning(behavior) {
        return {
            deploymentName: this.deploymentName,
            defaultBehavior: behavior ?? 'PINNED'
        };
    }
    routingOf(state) {
        return state.stable ? routingFor(state.stable.orderQueue, undefined, 0) : undefined;
    }
    routingTable(stable) {
        // The starter sends everything to the shared queue; the server does the split.
        return routingFor(stable.orderQueue, undefined, 0);
    }
    async routeOnServer(ctx, stable, canary, percent) {
        const actions = [];
        const name = this.deploymentName;
        const queuesOf = (release)=>[
                release.orderQueue,
                release.paymentQueue
            ];
        const routing = await ctx.visibility.waitForVersion(name, (canary ?? stable).buildId, queuesOf(canary ?? stable), 60_000);
        let token = routing.conflictToken;
        const refresh = async ()=>{
            token = (await ctx.visibility.describeDeployment(name))?.conflictToken ?? token;
        };
        if (!canary || percent >= 100) {
            const target = percent >= 100 && canary ? canary : stable;
            if (routing.currentBuildId !== target.buildId) {
                await ctx.visibility.setCurrent(name, target.buildId, token);
                actions.push(`set ${name}:${target.buildId} current`);
                await refresh();
            }
            // Setting a new current clears a ramp to the same build; clear any other.
            const after = await ctx.visibility.describeDeployment(name);
            if (after?.rampingBuildId) {
                await ctx.visibility.setRamping(name, '', 0, after.conflictToken);
                actions.push(`cleared the ramp of ${name}:${after.rampingBuildId}`);
            }
            return actions;
        }
        if (routing.currentBuildId !== stable.buildId) {
            await ctx.visibility.waitForVersion(name, stable.buildId, queuesOf(stable), 60_000);
            await ctx.visibility.setCurrent(name, stable.buildId, token);
            actions.push(`set ${name}:${stable.buildId} current`);
            await refresh();
        }
        if (routing.rampingBuildId !== canary.buildId || routing.rampingPercent !== percent) {
            await ctx.visibility.setRamping(name, canary.buildId, percent, token);
            actions.push(`ramped ${name}:${canary.buildId} to ${percent}%`);
        }
        return actions;
    }
    scopeOf(release) {
        return {
            kind: 'version',
            deploymentName: this.deploymentName,
            buildId: release.buildId
        };
    }
    needsDrain(leaving, staying) {
        // Pinned runs stay on the build they started on, whatever queue it shares.
        return leaving.buildId !== staying.buildId;
    }
    async gateOptions(ctx, canary) {
        // A run pinned to a version the server does not know yet would wait for nothing.
        const queues = [
            canary.orderQueue,
            canary.paymentQueue
        ];
        await ctx.visibility.waitForVersion(this.deploymentName, canary.buildId, queues, 60_000);
        return {
            taskQueue: canary.orderQueue,
            versioningOverride: {
                pinnedTo: {
                    deploymentName: this.deploymentName,
                    buildId: canary.buildId
                }
            }
        };
    }
    async observe(ctx) {
        const deployment = await ctx.visibility.describeDeployment(this.deploymentName);
        if (!deployment) return {};
        return {
            versioning: {
                ...deployment.currentBuildId ? {
                    current: deployment.currentBuildId
                } : {},
                ...deployment.rampingBuildId ? {
                    ramping: deployment.rampingBuildId
                } : {},
                percent: deployment.rampingPercent
            }
        };
    }
}
/** The strategy rollout.yaml (or --strategy) names. */ function strategyFor(settings) {
    const { strategy } = settings;
    return strategy.type === 'task-queue' ? new TaskQueueStrategy(settings) : new WorkerVersioningStrategy(settings, strategy.deploymentName);
}

// Shared by the canary, promote and rollback steps: the context they run in, release specs, routing for a
// strategy, drains and gate workflows.
/** The strategy the settings name: every strategy-specific decision goes through it. */ function strategyOf(ctx) {
    return strategyFor(ctx.settings);
}
/**
 * A release of `version`: its build id and, unless `queues` are given (from `RolloutStrategy.placement`), the
 * queues the strategy gives a first release.
 */ function releaseFor(settings, version, image, env, queues) {
    const placed = queues ?? strategyFor(settings).placement({
        version,
        stable: undefined
    });
    return {
        // Stored and compared without a leading `v`: `v1.4.0` and `1.4.0` are one release.
        version: canonicalVersion(version),
        buildId: buildIdFor(version),
        image,
        orderQueue: placed.orderQueue,
        paymentQueue: placed.paymentQueue,
        ...env && Object.keys(env).length > 0 ? {
            env
        } : {}
    };
}
function workerSet(ctx, track, release) {
    const { settings } = ctx;
    const versioning = strategyOf(ctx).workerVersioning(ctx.versioningBehavior);
    return {
        app: settings.app,
        track,
        release,
        temporal: settings.temporal,
        ...ctx.replicas !== undefined ? {
            replicas: ctx.replicas
        } : {},
        ...versioning ? {
            versioning
        } : {}
    };
}
async function loadState(ctx) {
    const state = await ctx.store.load() ?? emptyState(ctx.settings.app, ctx.settings.strategy.type);
    if (state.strategy !== ctx.settings.strategy.type && (state.stable || state.canary)) {
        throw new ExternalError('rollout state', `${ctx.store.where} records strategy ${state.strategy}, but the config says ${ctx.settings.strategy.type}; finish the rollout under ${state.strategy} first`);
    }
    return state;
}
function event(entry) {
    return {
        at: new Date().toISOString(),
        ...entry
    };
}
/** Sends `percent` of new work to the canary: the starter's routing table, and whatever the strategy moves on the server. */ async function route(ctx, stable, canary, percent) {
    const strategy = strategyOf(ctx);
    const actions = [];
    const table = strategy.routingTable(stable, canary, percent);
    const written = await ctx.deployer.writeRouting(table, workerSet(ctx, 'stable', stable));
    if (written.changed) actions.push(written.detail);
    actions.push(...await strategy.routeOnServer(ctx, stable, canary, percent));
    return actions;
}
/** Where a release's open runs are counted: its queue (task-queue) or its version (worker-versioning). */ function scopeOf(ctx, release) {
    return strategyOf(ctx).scopeOf(release);
}
/** How long "no open runs" must hold before a drain believes it (visibility lags behind new starts). */ const DEFAULT_VISIBILITY_SETTLE_MS = 3_000;
/**
 * How stale DescribeTaskQueue statistics may be: the server caches them (measured on the dev server 1.29: three
 * starts showed up 4.7 s later). The zero must have held this long before the statistics can vouch for it.
 */ const DEFAULT_TASK_QUEUE_STATS_LAG_MS = 5_000;
/**
 * Waits until no open run needs the workers of `leaving`, or acts on those runs per the drain policy:
 * terminate them with `reason`, or restart them on `staying` ("reset to stable").
 */ async function drain(ctx, leaving, staying, reason) {
    const scope = scopeOf(ctx, leaving);
    const policy = ctx.drain?.policy ?? ctx.settings.strategy.drain.policy;
    const timeoutMs = ctx.drain?.timeoutMs ?? ctx.settings.strategy.drain.timeoutMs;
    const pollMs = ctx.drain?.pollMs ?? 1_000;
    const settleMs = Math.max(ctx.drain?.settleMs ?? DEFAULT_VISIBILITY_SETTLE_MS, ctx.drain?.statsLagMs ?? DEFAULT_TASK_QUEUE_STATS_LAG_MS);
    const started = Date.now();
    // Visibility is eventually consistent: a run started a moment ago may not be counted yet. A zero is only
    // believed once it has held for settleMs; otherwise workers could stop under a run that still needs them.
    let zeroSince;
    const first = await ctx.visibility.drainTarget(scope);
    const report = {
        label: scopeLabel(scope),
        policy,
        openRunsAtStart: first.openRuns,
        openRunsAtEnd: first.openRuns,
        waitedMs: 0,
        drained: false,
        acted: [],
        ...first.oldestStart ? {
            oldestStart: first.oldestStart
        } : {}
    };
    let target = first;
    let acting = policy;
    let lastSaid;
    let lastSaidQuiet;
    for(;;){
        report.waitedMs = Date.now() - started;
        report.openRunsAtEnd = target.openRuns;
        if (target.oldestStart) report.oldestStart = target.oldestStart;
        const decision = decideDrain(target, acting, report.waitedMs, timeoutMs, pollMs);
        if (decision.kind === 'drained') {
            zeroSince ??= Date.now();
            const unsettled = settleMs - (Date.now() - zeroSince);
            if (unsettled <= 0) {
                // Visibility's zero has held; the matching service must agree before any worker stops.
                const quiet = await quietQueues(ctx, scope);
                report.evidence = [
                    `visibility: no open run for ${((Date.now() - zeroSince) / 1000).toFixed(1)} s`,
                    quiet.said
                ];
                if (quiet.quiet) {
                    report.drained = true;
                    return report;
                }
                if (quiet.said !== lastSaidQuiet) ctx.log?.(`${report.label}: ${quiet.said}`);
                lastSaidQuiet = quiet.said;
                if (report.waitedMs >= timeoutMs) return report;
            }
            await sleep(Math.max(1, Math.min(pollMs, unsettled > 0 ? unsettled : pollMs)));
            target = await ctx.visibility.drainTarget(scope);
            continue;
        }
        zeroSince = undefined;
        if (decision.kind === 'timed-out') return report;
        if (decision.kind === 'wait') {
            // Said when the count changes, or every 10 s while it holds: a poll every 500 ms is not news.
            if (target.openRuns !== lastSaid?.openRuns || Date.now() - lastSaid.at >= 10_000) {
                ctx.log?.(`waiting for ${target.openRuns} open run(s) on ${report.label}`);
                lastSaid = {
                    openRuns: target.openRuns,
                    at: Date.now()
                };
            }
            await sleep(decision.sleepMs);
        } else {
            for (const run of (await ctx.visibility.listOpenRuns(scope))){
                if (decision.kind === 'terminate') await ctx.visibility.terminate(run, reason);
                else await ctx.visibility.restart(run, staying.orderQueue, reason);
                report.acted.push(run.workflowId);
            }
            ctx.log?.(`${decision.kind === 'terminate' ? 'terminated' : 'restarted'} ${report.acted.length} run(s) on ${report.label}`);
            // Visibility catches up shortly; wait for it rather than acting twice on the same runs.
            acting = 'wait';
        }
        target = await ctx.visibility.drainTarget(scope);
    }
}
/**
 * The second drain signal: the server's matching service, which sees a new run's first workflow task at once,
 * while visibility may not have indexed the run yet. Quiet = no workflow task backlogged and none added in the
 * server's 30 s averaging window. A server that reports no statistics leaves visibility as the only signal,
 * and the evidence says so.
 */ async function quietQueues(ctx, scope) {
    const activity = await ctx.visibility.queueActivity(scope);
    if (!activity) return {
        quiet: true,
        said: 'task queue statistics: not reported by this server'
    };
    const where = activity.queues.join(', ') || 'no queue polled by this version';
    if (activity.backlog > 0 || activity.addRate > 0) {
        return {
            quiet: false,
            said: `DescribeTaskQueue on ${where}: ${activity.backlog} workflow task(s) backlogged, ${activity.addRate.toFixed(2)}/s added in the last 30 s — a run visibility has not indexed yet may be there`
        };
    }
    return {
        quiet: true,
        said: `DescribeTaskQueue on ${where}: no backlog, nothing added in the last 30 s`
    };
}
/** Starts `gate.count` workflows on the canary only and waits for all of them. */ async function runGate(ctx, canary, gate) {
    const started = Date.now();
    const nonce = randomUUID().slice(0, 8);
    const placement = await strategyOf(ctx).gateOptions(ctx, canary);
    const handles = await Promise.all(Array.from({
        length: gate.count
    }, (_, i)=>ctx.client.workflow.start(gate.workflowType, {
            taskQueue: canary.orderQueue,
            ...placement,
            workflowId: `${ctx.settings.app}-gate-${canary.version}-${nonce}-${i}`,
            args: gate.args,
            workflowExecutionTimeout: gate.timeoutMs
        })));
    const results = await Promise.allSettled(handles.map((handle)=>handle.result()));
    const failures = results.flatMap((result, i)=>result.status === 'rejected' ? [
            `${handles[i]?.workflowId}: ${result.reason.message}`
        ] : []);
    return {
        started: handles.length,
        completed: handles.length - failures.length,
        failures,
        durationMs: Date.now() - started
    };
}
/**
 * The routing the rollout state means: what the starter must read while the state is what it is.
 *
 * - `stable`: all new work to stable's queue.
 * - `canary`: `canary.weight` percent to the canary's queue, the rest to stable's.
 * - `promoting` (a promotion or a manual restore draining the old release): all new work to the canary.
 * - `rolling-back`: all new work back to stable.
 *
 * Under worker versioning every build shares one queue and the server splits the work, so the table always
 * names stable's (shared) queue. undefined when nothing is stable yet.
 */ function routingOf(ctx, state) {
    return strategyOf(ctx).routingOf(state);
}
/**
 * The routing both strategies report after a step, read back from the cluster (or the local routing file).
 * Given the state the step saved, it is checked against what that state means (`routingOf`): a mismatch
 * fails the step, naming both, and a re-run repairs it (`reconcile`).
 */ async function observedRouting(ctx, state) {
    const observed = await strategyOf(ctx).observe(ctx);
    const meant = state ? routingOf(ctx, state) : undefined;
    if (state && meant && observed.routing && !sameRouting(observed.routing, meant)) {
        throw new ExternalError('routing', `the cluster serves ${describeRoutes(observed.routing)}, but the rollout state (${state.phase}${state.canary ? `, canary ${state.canary.version}` : ''}) means ${describeRoutes(meant)}; re-run the step to repair it`);
    }
    return observed;
}
function summarize(state) {
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
        } : {}
    };
}

// What every rollout step restores before it acts, so a step that failed or was killed at any point is
// repaired by running a step again.
/**
 * THE INVARIANT: the rollout state matches the releases. After any step run — finished, failed, or killed at
 * any point of any step — the next step run makes these hold before it changes anything else:
 *
 * 1. No release is half-deployed: a release a killed deploy left `pending-*` is rolled back to its last good
 *    revision, or uninstalled when its first install never finished (`Deployer.recover`).
 * 2. A canary runs if and only if the state records one: a canary release the state does not name (its step
 *    died before saving) is removed; a canary the state records at a weight is running.
 * 3. The routing the cluster serves, read back from it, is `routingOf(state)`; every step checks it again when it reports (`observedRouting`).
 *
 * Each step saves the state only after the change it records has been made (or, where a later failure must
 * find something to undo, records the change first at a weight that sends it no work), so every point a step
 * can die at leaves a cluster these three rules bring back in line. The step then plans from the state as
 * usual, and its own re-run logic (resume a drain, re-apply idempotently) finishes what was interrupted.
 *
 * Returns what it did, for the step's report.
 */ async function reconcile(ctx, state) {
    const actions = [
        ...await ctx.deployer.recover?.() ?? []
    ];
    if (!state.canary) {
        const orphan = await ctx.deployer.describe('canary');
        if (orphan) {
            const removed = await ctx.deployer.remove('canary');
            actions.push(`${removed.detail}: the rollout state records no canary, so ${orphan.detail} was left by an interrupted step`);
        }
    } else if (state.phase === 'canary' && !await ctx.deployer.describe('canary')) {
        const { weight: _weight, ...release } = state.canary;
        const applied = await ctx.deployer.apply(workerSet(ctx, 'canary', release));
        actions.push(`${applied.detail}: the rollout state records canary ${release.version}, but it was not running`);
    }
    const meant = routingOf(ctx, state);
    if (meant && state.stable) {
        const { live, invalid } = await routingToReplace(()=>ctx.deployer.readRouting());
        if (invalid !== undefined || !sameRouting(live, meant)) {
            const written = await ctx.deployer.writeRouting(meant, workerSet(ctx, 'stable', state.stable));
            const served = invalid !== undefined ? `a table the starter refuses (${invalid})` : describeRoutes(live);
            actions.push(`routing repaired: the cluster served ${served}, the rollout state (${state.phase}) means ${describeRoutes(meant)} — ${written.detail}`);
        }
    }
    for (const line of actions)ctx.log?.(line);
    return actions;
}

/**
 * Puts `version` beside stable and sends it `weight` percent of new work; re-running with a higher weight
 * moves the ramp, and re-running with the same inputs changes nothing. With nothing stable yet, the
 * release is installed as stable.
 */ async function canary(ctx, input) {
    const state = await loadState(ctx);
    const { stable: current, canary: running } = state;
    const queue = strategyOf(ctx).placement({
        version: input.version,
        stable: current,
        // A later ramp step (or a re-run) keeps the queues the version already has.
        running: [
            running,
            current
        ].find((release)=>release?.version === input.version),
        ...input.replayDeploy ? {
            verdict: input.replayDeploy
        } : {}
    });
    const release = releaseFor(ctx.settings, input.version, input.image, input.env, queue);
    const plan = planCanary(state, release, input.weight);
    const base = {
        step: 'canary',
        strategy: ctx.settings.strategy.type,
        queue,
        actions: await reconcile(ctx, state)
    };
    if (plan.kind === 'noop') {
        return {
            ...base,
            outcome: 'unchanged',
            message: plan.reason,
            ...summarize(state),
            ...await observedRouting(ctx, state)
        };
    }
    if (plan.kind === 'install') {
        const applied = await ctx.deployer.apply(workerSet(ctx, 'stable', release));
        base.actions.push(applied.detail);
        base.actions.push(...await route(ctx, release, undefined, 0));
        state.stable = release;
        state.phase = 'stable';
        state.deployed = withDeployed(state, release);
        state.history.push(event({
            event: 'install',
            version: release.version
        }));
        await ctx.store.save(state);
        return {
            ...base,
            outcome: 'done',
            message: `nothing was stable yet: installed ${release.version} as stable`,
            ...summarize(state),
            ...await observedRouting(ctx, state)
        };
    }
    const stable = state.stable;
    if (!stable) throw new Error('unreachable: a canary plan always has a stable release');
    let gate;
    if (plan.kind === 'deploy') {
        const applied = await ctx.deployer.apply(workerSet(ctx, 'canary', release));
        base.actions.push(applied.detail);
        // Recorded at 0% first: if the gate fails, a rollback finds the canary to remove.
        state.canary = {
            ...release,
            weight: 0
        };
        state.phase = 'canary';
        state.history.push(event({
            event: 'canary',
            version: release.version
        }));
        await ctx.store.save(state);
        if (input.gate && input.gate.count > 0) {
            gate = await runGate(ctx, release, input.gate);
            base.actions.push(`gate: ${gate.completed}/${gate.started} ${input.gate.workflowType} run(s) completed on the canary`);
            if (gate.failures.length > 0) {
                throw new ExternalError('gate workflows', `${gate.failures.length} of ${gate.started} failed on canary ${release.version}; it receives no traffic (roll it back): ${gate.failures.slice(0, 3).join('; ')}`);
            }
        }
    }
    try {
        base.actions.push(...await route(ctx, stable, release, plan.weight));
    } catch (error) {
        // The state still says what runs (the canary at its previous weight): a re-run ramps it, a rollback removes it.
        const was = state.canary?.weight ?? 0;
        error.message += ` — canary ${release.version} runs at ${was}% of new work; re-run this step to ramp it, or roll it back`;
        throw error;
    }
    state.canary = {
        ...release,
        weight: plan.weight
    };
    state.history.push(event({
        event: 'weight',
        version: release.version,
        detail: `${plan.weight}%`
    }));
    await ctx.store.save(state);
    const from = plan.kind === 'reweight' ? ` (was ${plan.from}%)` : '';
    return {
        ...base,
        outcome: 'done',
        message: `canary ${release.version} gets ${plan.weight}% of new work${from}; stable ${stable.version} the rest`,
        ...summarize(state),
        ...await observedRouting(ctx, state),
        ...gate ? {
            gate
        } : {}
    };
}

/**
 * Moves all new work to `next`, waits until the `previous` release owns no open run (or acts per the drain
 * policy), then runs `next` as stable and removes the canary. Stops early, changing nothing more, when the
 * drain times out: a re-run continues from there.
 */ async function completePromotion(ctx, state, next, previous, resume, kind, /** What the step already did (a repair by `reconcile`, the restored release deployed), reported first. */ done = []) {
    const base = {
        step: kind === 'promote' ? 'promote' : 'rollback',
        strategy: ctx.settings.strategy.type
    };
    const actions = [
        ...done
    ];
    if (!resume) {
        state.phase = 'promoting';
        state.promotion = kind;
        await ctx.store.save(state);
    }
    // Re-applied on resume too: it is idempotent, and it repairs a run that stopped half-way.
    actions.push(...await route(ctx, previous ?? next, next, 100));
    let drainReport;
    if (previous && strategyOf(ctx).needsDrain(previous, next)) {
        drainReport = await drain(ctx, previous, next, `${kind === 'promote' ? 'promotion' : 'rollback'} to ${next.version}`);
        actions.push(describeDrain(drainReport));
        if (!drainReport.drained) {
            return {
                ...base,
                outcome: 'waiting',
                message: `all new work goes to ${next.version}; ${previous.version} keeps its workers until its open runs finish — re-run to continue`,
                actions,
                drain: drainReport,
                ...summarize(state),
                ...await observedRouting(ctx, state)
            };
        }
    }
    const applied = await ctx.deployer.apply(workerSet(ctx, 'stable', next));
    actions.push(applied.detail);
    const removed = await ctx.deployer.remove('canary');
    if (removed.changed) actions.push(removed.detail);
    actions.push(...await route(ctx, next, undefined, 0));
    state.stable = next;
    delete state.canary;
    delete state.promotion;
    state.phase = 'stable';
    state.deployed = withDeployed(state, next);
    state.history.push(event({
        event: kind,
        version: next.version,
        ...previous ? {
            detail: `from ${previous.version}`
        } : {}
    }));
    await ctx.store.save(state);
    return {
        ...base,
        outcome: 'done',
        message: kind === 'promote' ? `${next.version} is stable and takes all new work${previous ? `; ${previous.version} stopped after its runs drained` : ''}` : `restored ${next.version} as stable${previous ? `; ${previous.version} stopped after its runs drained` : ''}`,
        actions,
        ...drainReport ? {
            drain: drainReport
        } : {},
        ...summarize(state),
        ...await observedRouting(ctx, state)
    };
}
async function promote(ctx, input) {
    const state = await loadState(ctx);
    const plan = planPromote(state, input.version);
    const repaired = await reconcile(ctx, state);
    if (plan.kind === 'noop') {
        return {
            step: 'promote',
            strategy: ctx.settings.strategy.type,
            outcome: 'unchanged',
            message: plan.reason,
            actions: repaired,
            ...summarize(state),
            ...await observedRouting(ctx, state)
        };
    }
    return completePromotion(ctx, state, plan.canary, plan.stable, plan.resume, 'promote', repaired);
}

/**
 * Automatic: stop new work to the canary, drain it per policy (wait, restart on stable, or terminate), remove
 * it. Manual: run the named earlier version beside stable, send it all new work, drain the current release,
 * make it stable. Stable keeps serving throughout; no worker stops while it still owns an open run.
 */ async function rollback(ctx, input) {
    const state = await loadState(ctx);
    const plan = planRollback(state, input.to);
    const base = {
        step: 'rollback',
        strategy: ctx.settings.strategy.type
    };
    const repaired = await reconcile(ctx, state);
    if (plan.kind === 'noop') {
        return {
            ...base,
            outcome: 'unchanged',
            message: plan.reason,
            actions: repaired,
            ...summarize(state),
            ...await observedRouting(ctx, state)
        };
    }
    if (plan.kind === 'restore') {
        // Beside the current release first (a re-run finds it running); then the same path as a promotion.
        const applied = await ctx.deployer.apply(workerSet(ctx, 'canary', plan.target));
        state.canary = {
            ...plan.target,
            weight: 100
        };
        return completePromotion(ctx, state, plan.target, plan.current, plan.resume, 'restore', [
            ...repaired,
            applied.detail
        ]);
    }
    const { canary, stable } = plan;
    const actions = [
        ...repaired
    ];
    if (!plan.resume) {
        state.phase = 'rolling-back';
        await ctx.store.save(state);
    }
    if (stable) {
        // The stable workers must be there to take the work back (a re-run also repairs them).
        const applied = await ctx.deployer.apply(workerSet(ctx, 'stable', stable));
        if (applied.changed) actions.push(applied.detail);
        actions.push(...await route(ctx, stable, undefined, 0));
    }
    const reason = input.reason ?? `rollback of canary ${canary.version}`;
    let drainReport;
    if (stable && strategyOf(ctx).needsDrain(canary, stable)) {
        drainReport = await drain(ctx, canary, stable, reason);
        actions.push(describeDrain(drainReport));
        if (!drainReport.drained) {
            return {
                ...base,
                outcome: 'waiting',
                message: `no new work goes to ${canary.version}; its workers stay until its open runs finish — re-run to continue, or choose drain policy reset/terminate`,
                actions,
                drain: drainReport,
                ...summarize(state),
                ...await observedRouting(ctx, state)
            };
        }
    }
    const removed = await ctx.deployer.remove('canary');
    if (removed.changed) actions.push(removed.detail);
    delete state.canary;
    state.phase = 'stable';
    state.history.push(event({
        event: 'rollback',
        version: canary.version,
        detail: reason
    }));
    await ctx.store.save(state);
    return {
        ...base,
        outcome: 'done',
        message: `rolled back canary ${canary.version}; ${stable ? `stable ${stable.version} serves all new work` : 'nothing else runs'}`,
        actions,
        ...drainReport ? {
            drain: drainReport
        } : {},
        ...summarize(state),
        ...await observedRouting(ctx, state)
    };
}

export { ACTION_UPDATES as A, ROLLOUT_TASK_QUEUE as R, rollback as a, releaseOutcome as b, canary as c, releaseFor as d, attachedAnswer as e, releaseUpdate as f, rollbackUpdate as g, ROLLOUT_WORKFLOW_TYPE as h, loadState as l, promote as p, rolloutWorkflowId as r, statusQuery as s };
