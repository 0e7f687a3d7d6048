import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { P as PrometheusClient, a as PrometheusError } from './prometheus-CCiUSTAb.js';
import { readRolloutFile } from './rollout-file-CfWIW6kC.js';
import { s as selectorValues, b as formatDuration, e as failedSources, n as needsBaseline, g as assess, B as BUILD_ID_LABEL, h as sideMatchers, i as renderQuery, c as chooseSelectors, j as sideOfVersion } from './sides-DkRbOhL_.js';
import { h as hasTrafficGuard, p as parseAnalysisSpec } from './spec-DyleIqiK.js';
import { I as InputError } from './errors-Cq3sNBNk.js';
import { s as sleep } from './sleep-DCjOWjxt.js';
import 'node:fs/promises';
import './defaults-BsVYh3R2.js';
import './markdown-CTU4Idmi.js';
import './_commonjsHelpers-DR8IKnz7.js';
import './queues-BMU_gztj.js';
import './escape-regexp-DnhsxoBw.js';
import './duration-C-1UD4yS.js';

/**
 * Judges the measurements so far. Fail as soon as a fail-fast check fails once or any check fails more than
 * `failureLimit` times; inconclusive as soon as a check is inconclusive more than `inconclusiveLimit` times or
 * errors more than `consecutiveErrorLimit` times in a row; pass only after all `count` ticks, when every check
 * has at least one successful measurement and at least one check with a traffic guard passed (checks without
 * one can fail a canary but never pass it alone). Missing data never counts towards a pass.
 */ function judge(limits, checks, measurements, ticks) {
    const results = checks.map((check)=>checkResult(limits, check, measurements.get(check.name) ?? []));
    const failed = results.filter((r)=>r.phase === 'Failed');
    const undecided = results.filter((r)=>r.phase === 'Inconclusive' || r.phase === 'Error');
    if (failed.length > 0) return {
        done: true,
        verdict: 'fail',
        reasons: reasons(failed),
        checks: results
    };
    if (undecided.length > 0) return {
        done: true,
        verdict: 'inconclusive',
        reasons: reasons(undecided),
        checks: results
    };
    if (ticks < limits.count) return {
        done: false,
        reasons: [],
        checks: results
    };
    for (const r of results){
        if (r.phase !== 'Running') continue;
        if (r.counts.successful === 0) {
            r.phase = 'Inconclusive';
            r.reason = `no successful measurement in ${ticks} ticks${lastMessage(r)}`;
        } else r.phase = 'Successful';
    }
    const unproven = results.filter((r)=>r.phase === 'Inconclusive');
    if (unproven.length > 0) return {
        done: true,
        verdict: 'inconclusive',
        reasons: reasons(unproven),
        checks: results
    };
    if (!checks.some(hasTrafficGuard)) return {
        done: true,
        verdict: 'inconclusive',
        reasons: [
            `no check measured the canary's traffic (${results.map((r)=>r.name).join(', ')} have no traffic guard), so nothing shows the canary was exercised; enable a built-in rate check or give a check samplesQuery`
        ],
        checks: results
    };
    return {
        done: true,
        verdict: 'pass',
        reasons: [
            `all ${results.length} checks passed over ${ticks} measurements`
        ],
        checks: results
    };
}
function checkResult(limits, check, measurements) {
    const counts = {
        successful: 0,
        failed: 0,
        inconclusive: 0,
        error: 0,
        consecutiveErrors: 0
    };
    for (const m of measurements){
        if (m.phase === 'Error') counts.consecutiveErrors++;
        else counts.consecutiveErrors = 0;
        if (m.phase === 'Successful') counts.successful++;
        else if (m.phase === 'Failed') counts.failed++;
        else if (m.phase === 'Inconclusive') counts.inconclusive++;
        else counts.error++;
    }
    const result = {
        name: check.name,
        source: check.source ?? 'prometheus',
        phase: 'Running',
        failFast: check.failFast,
        counts,
        measurements
    };
    const last = (phase)=>[
            ...measurements
        ].reverse().find((m)=>m.phase === phase)?.message ?? '';
    if (check.failFast && counts.failed > 0) {
        result.phase = 'Failed';
        result.reason = `hard failure (fail-fast): ${last('Failed')}`;
    } else if (counts.failed > limits.failureLimit) {
        result.phase = 'Failed';
        result.reason = `${counts.failed} failed measurements (limit ${limits.failureLimit}): ${last('Failed')}`;
    } else if (counts.inconclusive > limits.inconclusiveLimit) {
        result.phase = 'Inconclusive';
        result.reason = `${counts.inconclusive} inconclusive measurements (limit ${limits.inconclusiveLimit}): ${last('Inconclusive')}`;
    } else if (counts.consecutiveErrors > limits.consecutiveErrorLimit) {
        result.phase = 'Error';
        result.reason = `${counts.consecutiveErrors} errors in a row (limit ${limits.consecutiveErrorLimit}): ${last('Error')}`;
    }
    return result;
}
function lastMessage(r) {
    const m = r.measurements.at(-1);
    return m ? ` (last: ${m.message})` : '';
}
function reasons(results) {
    return results.map((r)=>`${r.name}: ${r.reason ?? r.phase}`);
}

// The Temporal-native check: Temporal itself knows, without a scrape, when a run's workflow task keeps failing
// on the canary (a non-determinism error, or workflow code that throws): the run stays open and its pending
// workflow task is retried with a rising `attempt`. Pure: the adapter gathers the runs, this judges them.
/** The name the check goes by in reports. */ const WORKFLOW_TASK_CHECK = 'workflow-task-failures';
/**
 * Failed when a canary run's workflow task failed and is being retried (attempt ≥ 2, last recorded outcome a
 * failure); a task that only timed out (a worker stopped mid-task) is reported but does not fail the canary.
 */ function assessWorkflowTasks(obs) {
    const failing = obs.retried.filter((r)=>r.last?.kind === 'failed');
    const timedOut = obs.retried.filter((r)=>r.last?.kind !== 'failed');
    const base = {
        canary: failing.length,
        canarySamples: obs.runsChecked
    };
    if (failing.length > 0) {
        const shown = failing.slice(0, 3).map((r)=>{
            const f = r.last;
            return `${r.workflowId} (${r.workflowType ? `${r.workflowType}, ` : ''}attempt ${r.attempt}, ${f.cause}: ${oneLine(f.message)})`;
        }).join('; ');
        const more = failing.length > 3 ? ` and ${failing.length - 3} more` : '';
        return {
            ...base,
            phase: 'Failed',
            message: `Temporal: ${failing.length} canary run${failing.length === 1 ? '' : 's'} with a failing workflow task: ${shown}${more}`
        };
    }
    const note = timedOut.length > 0 ? `; ${timedOut.length} with a workflow task retried after a timeout (not a code failure)` : '';
    return {
        ...base,
        phase: 'Successful',
        message: `Temporal: no failing workflow task in ${obs.runsChecked} open canary run${obs.runsChecked === 1 ? '' : 's'}${note}`
    };
}
/**
 * The visibility query for the canary's open runs: the configured one, or its task queues when the selector
 * label is `task_queue`; undefined when neither applies (then the check cannot run).
 */ function canaryRunsQuery(temporal, selector) {
    if (temporal.runs) return `(${temporal.runs}) AND ExecutionStatus="Running"`;
    if (selector.label !== 'task_queue' || selector.canary === undefined) return undefined;
    return `${taskQueuesQuery(selectorValues(selector.canary))} AND ExecutionStatus="Running"`;
}
/** The visibility query of the runs on these task queues. */ function taskQueuesQuery(queues) {
    return queues.length === 1 ? `TaskQueue=${JSON.stringify(queues[0])}` : `TaskQueue IN (${queues.map((q)=>JSON.stringify(q)).join(', ')})`;
}
function oneLine(text) {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}

/**
 * The `analysis:` section of rollout.yaml (read as every rollout.yaml is, see readRolloutFile) with the
 * overrides given as inputs or flags. Errors name the fields `config`, `canary` and `baseline`.
 */ async function resolveAnalysisSpec(source) {
    const file = source.file ?? (source.configPath ? await readRolloutFile(source.configPath) : undefined);
    const raw = {
        ...file?.analysis ?? {}
    };
    const where = file ? `${file.path}: analysis` : 'analysis';
    if (source.interval !== undefined) raw.interval = source.interval;
    if (source.deadline !== undefined) raw.deadline = source.deadline;
    if (source.queryTimeout !== undefined) raw.queryTimeout = source.queryTimeout;
    if (source.queryRetries !== undefined) raw.queryRetries = source.queryRetries;
    if (source.temporalRuns !== undefined) {
        const temporal = raw.temporal;
        raw.temporal = {
            ...typeof temporal === 'object' && temporal !== null ? temporal : {},
            runs: source.temporalRuns
        };
    }
    if (source.count !== undefined) {
        raw.count = source.count;
        delete raw.duration;
    }
    const selector = {
        ...raw.selector ?? {}
    };
    if (source.label !== undefined) selector.label = source.label;
    if (source.canary !== undefined) selector.canary = source.canary;
    if (source.baseline !== undefined) selector.baseline = source.baseline;
    raw.selector = selector;
    const spec = withChosenSelectors(parseAnalysisSpec(raw, where), source.versions);
    if (spec.selector.canary === undefined) throw new InputError('canary', `is missing: no value of label ${spec.selector.label} selects the canary`, 'pass the canary task queue (or build id / role)');
    if (spec.selector.baseline === undefined) throw new InputError('baseline', `is missing: no value of label ${spec.selector.label} selects the baseline`, 'pass the stable task queue (or build id / role)');
    if (spec.selector.canary === spec.selector.baseline) throw new InputError('baseline', `is the same as the canary (${spec.selector.label}="${spec.selector.canary}")`, spec.selector.label === 'task_queue' ? `compare the canary with the stable version; when both poll one queue, pass their versions (version and baseline-version, and name no label) to compare them by ${BUILD_ID_LABEL}, or set label ${BUILD_ID_LABEL} with their build ids as canary and baseline` : 'compare the canary with the stable version');
    return spec;
}
/**
 * With no label named and both versions known, the rule chooses the selector (by build id when the two sides
 * poll the same queues), and the Temporal check then watches the runs on those queues.
 */ function withChosenSelectors(spec, versions) {
    const { selector } = spec;
    if (!versions || !selector.labelDefaulted || selector.canary === undefined || selector.baseline === undefined) return spec;
    const canaryQueues = selectorValues(selector.canary);
    const chosen = chooseSelectors(selector, sideOfVersion(versions.canary, canaryQueues), sideOfVersion(versions.baseline, selectorValues(selector.baseline)));
    const temporal = chosen.label === BUILD_ID_LABEL && spec.temporal.runs === undefined ? {
        ...spec.temporal,
        runs: taskQueuesQuery(canaryQueues)
    } : spec.temporal;
    return {
        ...spec,
        selector: {
            ...selector,
            ...chosen
        },
        temporal
    };
}
/**
 * Measures every check every `interval` until `count` measurements are in, a limit ends the analysis or the
 * deadline passes, and returns the report with every measurement. With `input.temporal`, the canary's runs
 * are also watched through Temporal (fail-fast) from the start, independent of `initialDelay` and the ticks.
 * Never throws for Prometheus or Temporal trouble during the run (those are Error measurements); throws an
 * InputError before starting when a check's PromQL is rejected as bad.
 */ async function analyze(input) {
    const { spec } = input;
    const client = prometheusClientFor(input.prometheus, spec);
    const matchers = matchersOf(spec);
    const temporalRuns = input.temporal && spec.temporal.enabled ? temporalRunsQuery(spec) : undefined;
    const checks = [
        ...spec.checks
    ];
    if (temporalRuns) checks.push({
        name: WORKFLOW_TASK_CHECK,
        failFast: true,
        source: 'temporal'
    });
    const startedAt = new Date();
    // `finish` ends everything: a verdict, the deadline or the caller's signal.
    const finish = new AbortController();
    let deadlinePassed = false;
    const deadlineTimer = setTimeout(()=>{
        deadlinePassed = true;
        finish.abort();
    }, spec.deadlineMs);
    const onOuterAbort = ()=>finish.abort();
    input.signal?.addEventListener('abort', onOuterAbort, {
        once: true
    });
    const measurements = new Map(checks.map((c)=>[
            c.name,
            []
        ]));
    let tick = 0;
    let judgement = {
        done: false,
        reasons: [],
        checks: []
    };
    const decide = ()=>{
        judgement = judge(spec, checks, measurements, tick);
        if (judgement.done) finish.abort();
    };
    const watcher = temporalRuns ? watchWorkflowTasks(input.temporal.client, temporalRuns, spec, finish.signal, (failed)=>{
        measurements.get(WORKFLOW_TASK_CHECK).push({
            ...failed,
            index: tick + 1
        });
        decide();
    }) : undefined;
    try {
        await preflight(client, spec, matchers.canary, finish.signal);
        if (spec.initialDelayMs > 0) await sleep(spec.initialDelayMs, finish.signal);
        while(tick < spec.count && !finish.signal.aborted){
            const tickStart = Date.now();
            const results = await Promise.all(spec.checks.map((check)=>measureCheck(client, spec, check, matchers, tick + 1, finish.signal)));
            // A tick cut short by the deadline measured nothing real; a verdict reached meanwhile stands.
            if (finish.signal.aborted) break;
            tick++;
            for (const m of results)measurements.get(m.check).push(m.measurement);
            const polled = watcher?.takeTickMeasurement(tick);
            if (polled) measurements.get(WORKFLOW_TASK_CHECK).push(polled);
            decide();
            input.onTick?.(tick, judgement);
            if (judgement.done) break;
            await sleep(Math.max(0, tickStart + spec.intervalMs - Date.now()), finish.signal);
        }
    } finally{
        clearTimeout(deadlineTimer);
        input.signal?.removeEventListener('abort', onOuterAbort);
        finish.abort();
        await watcher?.stopped;
    }
    // A fail-fast failure from the watcher may have landed after the last tick's judgement.
    judgement = judge(spec, checks, measurements, tick);
    if (!judgement.done) {
        // Stopped before the window ended: whatever was seen so far cannot prove a pass.
        const why = deadlinePassed ? `analysis deadline of ${formatDuration(spec.deadlineMs)} passed after ${tick} of ${spec.count} measurements` : `analysis stopped after ${tick} of ${spec.count} measurements`;
        judgement = {
            ...judgement,
            done: true,
            verdict: 'inconclusive',
            reasons: [
                why,
                ...judgement.reasons
            ]
        };
    }
    const report = {
        verdict: judgement.verdict,
        reasons: judgement.reasons,
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        ticks: tick,
        endedEarly: tick < spec.count,
        settings: {
            intervalMs: spec.intervalMs,
            count: spec.count,
            initialDelayMs: spec.initialDelayMs,
            windowMs: spec.windowMs,
            failureLimit: spec.failureLimit,
            inconclusiveLimit: spec.inconclusiveLimit,
            consecutiveErrorLimit: spec.consecutiveErrorLimit
        },
        selectors: matchers,
        ...spec.selector.rule ? {
            selectorRule: spec.selector.rule
        } : {},
        failedSources: judgement.verdict === 'fail' ? failedSources(judgement.checks) : [],
        checks: judgement.checks
    };
    if (temporalRuns) report.temporalRuns = temporalRuns;
    return report;
}
/**
 * The visibility query of the canary's runs for the Temporal-native check; an InputError when none can be
 * made (call it before connecting to Temporal, so a bad setting is reported first).
 */ function temporalRunsQuery(spec) {
    const query = canaryRunsQuery(spec.temporal, spec.selector);
    if (query === undefined) throw new InputError('analysis.temporal.runs', `is needed: the selector label is ${spec.selector.label}, not task_queue, so the canary's runs cannot be found by task queue`, 'give a visibility query for the canary\'s runs (e.g. TaskQueue="orders-v2"), or turn the Temporal check off with temporal: { enabled: false }');
    return query;
}
function prometheusClientFor(prometheus, spec) {
    return new PrometheusClient({
        ...prometheus,
        timeoutMs: prometheus.timeoutMs ?? spec.queryTimeoutMs,
        retries: prometheus.retries ?? spec.queryRetries
    });
}
function matchersOf(spec) {
    return {
        canary: sideMatchers(spec.selector, 'canary'),
        baseline: sideMatchers(spec.selector, 'baseline')
    };
}
/**
 * One tick of an analysis: every Prometheus check measured once, for a caller that keeps the measurements
 * and judges them itself (the rollout workflow runs one activity per tick). The first tick also checks every
 * query.
 */ async function measureTick(prometheus, spec, tick, signal = new AbortController().signal) {
    const client = prometheusClientFor(prometheus, spec);
    const matchers = matchersOf(spec);
    if (tick === 1) await preflight(client, spec, matchers.canary, signal);
    return Promise.all(spec.checks.map((check)=>measureCheck(client, spec, check, matchers, tick, signal)));
}
/** Runs each query once, all at once, so a PromQL mistake stops the step at once, naming the check. */ async function preflight(client, spec, matchers, signal) {
    const queries = spec.checks.flatMap((check)=>[
            [
                'query',
                check.query
            ],
            [
                'samplesQuery',
                check.samples?.query
            ]
        ].flatMap(([field, template])=>template === undefined ? [] : [
                {
                    check,
                    field,
                    template
                }
            ]));
    const outcomes = await Promise.allSettled(queries.map((q)=>client.instant(renderQuery(q.template, matchers, spec.windowMs), undefined, signal)));
    outcomes.forEach((outcome, i)=>{
        const err = outcome.status === 'rejected' ? outcome.reason : undefined;
        if (err instanceof PrometheusError && err.kind === 'bad-query') throw new InputError(`analysis check "${queries[i].check.name}" ${queries[i].field}`, err.message.replace(/^prometheus: /, ''), 'fix the PromQL');
    // Anything else (unreachable, timeout) is measured as Error during the run.
    });
}
/**
 * One measurement of one Prometheus check (the tick's queries for canary, baseline and their sample counts);
 * never throws. Exported for callers that own the schedule (a workflow running one tick per activity).
 */ async function measureCheck(client, spec, check, matchers, index, signal) {
    const startedAt = new Date();
    const withBaseline = needsBaseline(check);
    const read = (template, side)=>{
        const query = renderQuery(template, matchers[side], spec.windowMs);
        if (check.rule.type === 'mann-whitney') {
            const { lookbackMs, stepMs } = check.rule;
            const start = new Date(startedAt.getTime() - lookbackMs);
            return reading(async ()=>{
                const series = await client.range(query, start, startedAt, stepMs, signal);
                if (series.length > 1) throw new Error(`the query returned ${series.length} series; aggregate it to one`);
                return series[0]?.points.map(([, v])=>v) ?? [];
            });
        }
        return reading(async ()=>(await client.instant(query, startedAt, signal)).map((s)=>s.value));
    };
    const readCount = (template, side)=>reading(async ()=>(await client.instant(renderQuery(template, matchers[side], spec.windowMs), startedAt, signal)).map((s)=>s.value));
    const [canary, baseline, canarySamples, baselineSamples] = await Promise.all([
        read(check.query, 'canary'),
        withBaseline ? read(check.query, 'baseline') : undefined,
        check.samples ? readCount(check.samples.query, 'canary') : undefined,
        check.samples && withBaseline ? readCount(check.samples.query, 'baseline') : undefined
    ]);
    const observation = {
        canary
    };
    if (baseline) observation.baseline = baseline;
    if (canarySamples) observation.canarySamples = canarySamples;
    if (baselineSamples) observation.baselineSamples = baselineSamples;
    const assessment = assess(check, observation);
    return {
        check: check.name,
        measurement: {
            index,
            ...assessment,
            startedAt: startedAt.toISOString(),
            finishedAt: new Date().toISOString()
        }
    };
}
/**
 * One look at the canary's open runs through Temporal: Failed when a workflow task keeps failing, Error when
 * Temporal could not be asked (or did not answer within `timeoutMs`). Never throws. Exported for callers that
 * own the schedule.
 */ async function measureWorkflowTasks(client, runsQuery, maxRuns, timeoutMs = 10_000) {
    const startedAt = new Date().toISOString();
    let assessment;
    let deadline;
    try {
        // Loaded on first use: only a run with a Temporal client needs the proto enums.
        const { findRetriedWorkflowTasks } = await import('./temporal-workflow-tasks-Vs5aNpQ4.js');
        deadline = Date.now() + timeoutMs;
        const observation = await client.withDeadline(deadline, ()=>findRetriedWorkflowTasks(client, runsQuery, maxRuns));
        assessment = assessWorkflowTasks(observation);
    } catch (err) {
        // Adapter errors already name Temporal ("Temporal: listing runs … failed: …").
        const text = err.message;
        const named = text.startsWith('Temporal: ') ? text : `Temporal: ${text}`;
        // gRPC reports a passed deadline as DEADLINE_EXCEEDED or, depending on when it passes, as "Call cancelled".
        const late = deadline !== undefined && Date.now() >= deadline;
        assessment = {
            phase: 'Error',
            message: late ? `${named} (no answer within ${timeoutMs} ms)` : named
        };
    }
    return {
        ...assessment,
        startedAt,
        finishedAt: new Date().toISOString()
    };
}
/** Polls the canary's runs every `spec.temporal.intervalMs` until `signal`; a failure is reported at once. */ function watchWorkflowTasks(client, query, spec, signal, onFailed) {
    let lastOk;
    let lastError;
    const ended = new Promise((resolve)=>{
        if (signal.aborted) resolve(undefined);
        signal.addEventListener('abort', ()=>resolve(undefined), {
            once: true
        });
    });
    const loop = async ()=>{
        while(!signal.aborted){
            const started = Date.now();
            // A hung call must not hold the analysis open past its end.
            const measured = await Promise.race([
                measureWorkflowTasks(client, query, spec.temporal.maxRuns),
                ended
            ]);
            if (!measured || signal.aborted) return;
            if (measured.phase === 'Failed') {
                onFailed(measured);
                return;
            }
            if (measured.phase === 'Error') lastError = measured;
            else lastOk = measured;
            await sleep(Math.max(0, started + spec.temporal.intervalMs - Date.now()), signal);
        }
    };
    return {
        takeTickMeasurement (tick) {
            const chosen = lastOk ?? lastError;
            lastOk = undefined;
            lastError = undefined;
            return chosen ? {
                ...chosen,
                index: tick
            } : undefined;
        },
        stopped: loop()
    };
}
async function reading(run) {
    try {
        return {
            ok: true,
            values: await run()
        };
    } catch (err) {
        return {
            ok: false,
            error: err.message.replace(/^prometheus: /, '')
        };
    }
}
/**
 * A Temporal client for the Temporal-native check (the Temporal client is loaded only when asked for, so an
 * analysis without it starts fast).
 */ async function connectAnalysisTemporal(source) {
    const { connectLive } = await import('./temporal-histories-BbsGWPUy.js');
    return connectLive({
        address: source.address,
        namespace: source.namespace,
        ...source.apiKey ? {
            apiKey: source.apiKey
        } : {}
    });
}

export { analyze, connectAnalysisTemporal, measureCheck, measureTick, measureWorkflowTasks, resolveAnalysisSpec, temporalRunsQuery };
