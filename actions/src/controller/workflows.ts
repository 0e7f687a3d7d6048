// RolloutWorkflow: one per app (id `rollout/<app>`), running the whole release of rollout.yaml as durable
// code. Steps are activities; the plan, the analysis judge and every decision stay here as pure code, so a
// killed job, worker or server only delays a rollout. Workflow bundle: imports only core/ and controller/
// modules that are workflow-safe.
import * as wf from '@temporalio/workflow';
import { type Judgement, judge, type Measurement } from '../core/analysis/judge.js';
import { BUILD_ID_LABEL } from '../core/analysis/sides.js';
import { parseVersion } from '../core/rollout/queues.js';
import type { StepResult } from '../steps/rollout.js';
import type { RolloutActivities, StateSummary } from './activity-types.js';
import { analysisSpecFor } from './analysis-spec.js';
import {
  type ActionRequest,
  abortUpdate,
  attachedAnswer,
  type DrainStatus,
  type OutcomeResult,
  type PendingOperation,
  promoteNowUpdate,
  RAMPING_PHASES,
  type ReleaseRequest,
  type RollbackRequest,
  type RolloutCarry,
  type RolloutStatus,
  type RolloutTiming,
  type RolloutWorkflowInput,
  releaseUpdate,
  resumeUpdate,
  rollbackUpdate,
  rolloutWorkflowId,
  type StepAnalysis,
  type StepSelectors,
  statusQuery,
  type UpdateAnswer,
} from './api.js';

const HISTORY_KEPT = 200;
const DEFAULTS = { drainPollMs: 30_000, heartbeatTimeoutMs: 30_000, historyLimit: 2_000 } as const;

/** What interrupts the ramp between two steps or ticks; set by an Update, taken by the ramp loop. */
type Command =
  | { kind: 'promote-now'; request: ActionRequest }
  | { kind: 'abort'; request: ActionRequest }
  | { kind: 'resume'; request: ActionRequest }
  | { kind: 'rollback'; request: RollbackRequest }
  | { kind: 'supersede'; request: ReleaseRequest };

type Turn = 'continue' | 'promote' | 'stop';

/** What a drain records once it is over; reasons default to the step's message. */
interface Outcome {
  recordAs: PendingOperation['kind'];
  result: OutcomeResult;
  reasons?: string[];
}

function timingOf(operation: PendingOperation): Required<RolloutTiming> {
  return { ...DEFAULTS, ...operation.request.timing };
}

function activitiesFor(operation: PendingOperation): wf.ActivityInterfaceFor<RolloutActivities> {
  const timing = timingOf(operation);
  const helmMs = operation.request.config.helm.timeoutMs;
  return wf.proxyActivities<RolloutActivities>({
    // A retried step may wait out a stuck revision, roll it back, upgrade and uninstall: up to about six
    // helm.timeout in one attempt. A silent worker is noticed sooner, by its missing heartbeat.
    startToCloseTimeout: 6 * helmMs + 5 * 60_000,
    heartbeatTimeout: timing.heartbeatTimeoutMs,
    retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m', maximumAttempts: 20 },
  });
}

function failureMessage(err: unknown): string {
  if (err instanceof wf.ActivityFailure && err.cause) return err.cause.message;
  return (err as Error).message;
}

function newer(a: string, b: string): boolean {
  return parseVersion(a, 'version').compare(parseVersion(b, 'version')) > 0;
}

class Rollout {
  readonly status: RolloutStatus;
  pending: PendingOperation[];
  current: PendingOperation | undefined;
  known: StateSummary | undefined;
  command: Command | undefined;
  seq: number;
  reading: Promise<void> | undefined;

  constructor(readonly input: RolloutWorkflowInput) {
    const carried = input.carry;
    this.status = carried
      ? { ...carried.status, continuedAsNew: carried.status.continuedAsNew + 1 }
      : {
          app: input.app,
          workflowId: rolloutWorkflowId(input.app),
          phase: 'starting',
          analyses: [],
          outcomes: [],
          history: [],
          continuedAsNew: 0,
          historyLength: 0,
        };
    this.pending = carried?.pending ?? [];
    this.seq = this.status.history.at(-1)?.seq ?? -1;
  }

  note(event: string, detail: string, version?: string): void {
    this.seq += 1;
    this.status.history.push({
      seq: this.seq,
      at: new Date().toISOString(),
      event,
      detail,
      ...(version ? { version } : {}),
    });
    if (this.status.history.length > HISTORY_KEPT) this.status.history.shift();
  }

  answer(message: string): UpdateAnswer {
    const version = this.status.release?.version;
    return { message, phase: this.status.phase, ...(version ? { version } : {}) };
  }

  ramping(): boolean {
    return this.current?.kind === 'release' && RAMPING_PHASES.includes(this.status.phase);
  }

  draining(): boolean {
    return this.status.phase === 'promoting' || this.status.phase === 'rolling-back';
  }

  // ── Update checks: the validator runs them once the state is known (no history for a refusal); the handler
  // runs them again after waiting for the state, so a rollout started by the Update refuses the same way.

  checkApp(app: string): void {
    if (app !== this.input.app) {
      throw new Error(`this rollout is for app ${this.input.app}, not ${app}`);
    }
  }

  checkRelease(request: ReleaseRequest): void {
    this.checkApp(request.config.app);
    parseVersion(request.version, 'version');
    const inFlight = this.current?.kind === 'release' ? this.current.request.version : undefined;
    if (inFlight && inFlight !== request.version && !newer(request.version, inFlight)) {
      throw new Error(
        `${request.version} is not newer than ${inFlight}, which is being released; release a newer version`,
      );
    }
    const stable = this.known?.stable;
    if (stable && request.version !== stable && newer(stable, request.version)) {
      throw new Error(
        `${request.version} is older than stable ${stable}; a release only goes forward — to go back, roll back to ${request.version} (rollback.yml with to: ${request.version}, or temporal-rollout rollback --to ${request.version})`,
      );
    }
    const queued = this.pending.find((op) => op.kind === 'release');
    if (queued?.kind === 'release' && queued.request.version !== request.version) {
      if (!newer(request.version, queued.request.version)) {
        throw new Error(`${request.version} is not newer than ${queued.request.version}, already queued`);
      }
    }
  }

  checkRollback(request: RollbackRequest): void {
    this.checkApp(request.config.app);
    const known = this.known;
    if (!known || request.to === undefined) return;
    if (!known.deployed.includes(request.to)) {
      throw new Error(
        `${request.to} was never stable here; versions you can roll back to: ${known.deployed.join(', ') || 'none'}`,
      );
    }
    const canaryUp = this.ramping() || (known.canary && known.phase === 'canary');
    if (canaryUp && request.to !== known.stable) {
      throw new Error(
        `canary ${this.status.release?.version ?? known.canary?.version} is running, so a rollback returns to stable ${known.stable}, not ${request.to}; roll back without a version first`,
      );
    }
  }

  checkAction(kind: 'promote-now' | 'abort' | 'resume'): void {
    if (kind === 'resume') {
      if (this.status.phase !== 'held') {
        throw new Error(`nothing holds (phase ${this.status.phase}); resume continues a held rollout`);
      }
      return;
    }
    if (!this.ramping()) {
      const what = this.draining()
        ? `${this.status.phase === 'promoting' ? 'a promotion' : 'a rollback'} is draining`
        : 'no release is ramping';
      throw new Error(`${kind} applies to a release that ramps, but ${what} (phase ${this.status.phase})`);
    }
  }

  refuse(check: () => void): void {
    try {
      check();
    } catch (err) {
      throw wf.ApplicationFailure.nonRetryable((err as Error).message, 'RolloutRefused');
    }
  }

  /** Reads the recorded state once (an Update that starts the rollout needs it to answer). */
  async ensureKnown(operation: PendingOperation): Promise<void> {
    this.reading ??= this.refresh(operation).then(() => undefined);
    await this.reading;
  }

  install(): void {
    wf.setHandler(statusQuery, () => ({ ...this.status, historyLength: wf.workflowInfo().historyLength }));

    wf.setHandler(
      releaseUpdate,
      async (request) => {
        await this.ensureKnown({ kind: 'release', request });
        this.refuse(() => this.checkRelease(request));
        const inFlight = this.current?.kind === 'release' ? this.current.request.version : undefined;
        if (inFlight === request.version) {
          return this.answer(attachedAnswer(request.version));
        }
        this.note('request', `release ${request.version}${by(request)}`, request.version);
        // Rule for a newer release while one is in flight: it supersedes a release still ramping (whose
        // canary is rolled back first; never two canaries), and waits for a promotion or rollback that drains.
        this.pending = [...this.pending.filter((op) => op.kind !== 'release'), { kind: 'release', request }];
        if (this.ramping() && inFlight) {
          this.command = { kind: 'supersede', request };
          return this.answer(
            `${request.version} supersedes ${inFlight}: its canary is rolled back, then ${request.version} ramps`,
          );
        }
        if (this.current) {
          this.status.queued = {
            version: request.version,
            ...(request.requestedBy ? { requestedBy: request.requestedBy } : {}),
          };
          return this.answer(
            `${request.version} is queued: it starts once the running ${this.current.kind} is done`,
          );
        }
        return this.answer(`release of ${request.version} accepted`);
      },
      {
        validator: (request) => (this.known ? this.checkRelease(request) : this.checkApp(request.config.app)),
      },
    );

    wf.setHandler(
      rollbackUpdate,
      async (request) => {
        await this.ensureKnown({ kind: 'rollback', request });
        this.refuse(() => this.checkRollback(request));
        const target = request.to ?? this.known?.stable ?? 'stable';
        this.note('request', `rollback to ${target}: ${request.reason}${by(request)}`, request.to);
        if (this.ramping()) {
          this.command = { kind: 'rollback', request };
          return this.answer(
            `rolling back canary ${this.status.release?.version}; ${target} takes all new work`,
          );
        }
        this.pending = [
          ...this.pending.filter((op) => op.kind !== 'rollback'),
          { kind: 'rollback', request },
        ];
        if (this.current) {
          this.status.queuedRollback = { reason: request.reason, ...(request.to ? { to: request.to } : {}) };
          return this.answer(
            `rollback to ${target} is queued: it runs once the draining ${this.status.phase} is done`,
          );
        }
        return this.answer(`rollback to ${target} accepted`);
      },
      { validator: (request) => this.checkRollback(request) },
    );

    for (const [definition, kind] of [
      [promoteNowUpdate, 'promote-now'],
      [abortUpdate, 'abort'],
      [resumeUpdate, 'resume'],
    ] as const) {
      wf.setHandler(
        definition,
        (request: ActionRequest) => {
          this.checkAction(kind);
          this.note(kind, `${request.reason ?? 'requested'}${by(request)}`, this.status.release?.version);
          this.command = { kind, request };
          if (kind === 'abort') this.pending = this.pending.filter((op) => op.kind !== 'release');
          return this.answer(`${kind} accepted for ${this.status.release?.version}`);
        },
        { validator: (_request: ActionRequest) => this.checkAction(kind) },
      );
    }
  }

  async run(): Promise<RolloutStatus> {
    this.install();
    const carried = this.input.carry?.resume;
    if (carried) {
      this.current = carried.operation;
      await this.refresh(carried.operation);
      await this.finishDrain(carried.operation, carried.drain, carried.version, {
        recordAs: carried.recordAs,
        result: carried.result,
        ...(carried.reasons.length > 0 ? { reasons: carried.reasons } : {}),
      });
      this.current = undefined;
    }
    for (;;) {
      // An Update still deciding (reading the state first) may yet add an operation.
      await wf.condition(() => this.pending.length > 0 || wf.allHandlersFinished());
      const next = this.pending.shift();
      if (!next) break;
      this.current = next;
      this.command = undefined;
      if (next.kind === 'release') {
        delete this.status.queued;
        await this.release(next);
      } else {
        delete this.status.queuedRollback;
        await this.rollback(next);
      }
      this.current = undefined;
      await this.refresh(next);
    }
    this.status.phase = 'done';
    delete this.status.drain;
    await wf.condition(wf.allHandlersFinished);
    return { ...this.status, historyLength: wf.workflowInfo().historyLength };
  }

  async refresh(operation: PendingOperation): Promise<StateSummary | undefined> {
    try {
      this.known = await activitiesFor(operation).readState({ config: operation.request.config });
    } catch (err) {
      this.note('error', `cannot read the rollout state: ${failureMessage(err)}`);
      this.known ??= { phase: 'stable', deployed: [] };
      return undefined;
    }
    this.status.stable = this.known.stable;
    if (this.known.canary) this.status.canary = this.known.canary;
    else delete this.status.canary;
    return this.known;
  }

  seen(result: StepResult): void {
    if (result.stable) this.status.stable = result.stable;
    if (result.canary) this.status.canary = result.canary;
    else delete this.status.canary;
    if (result.routing) this.status.routing = result.routing;
    if (result.versioning) this.status.versioning = result.versioning;
    if (this.known) {
      this.known = {
        ...this.known,
        phase: result.phase,
        ...(result.stable ? { stable: result.stable } : {}),
        ...(result.canary ? { canary: result.canary } : {}),
      };
      if (!result.canary) delete this.known.canary;
    }
  }

  /** Says where the release's workers poll and which rule chose it (the replay verdict or the template). */
  placedOn(version: string, queue: StepResult['queue']): void {
    const release = this.status.release;
    if (!queue || release?.version !== version) return;
    if (release.queue?.rule !== queue.rule) this.note('queue', queue.rule, version);
    release.queue = { orderQueue: queue.orderQueue, paymentQueue: queue.paymentQueue, rule: queue.rule };
  }

  outcome(
    operation: PendingOperation['kind'],
    version: string,
    result: OutcomeResult,
    reasons: string[],
  ): void {
    this.status.outcomes.push({ operation, version, result, reasons, at: new Date().toISOString() });
    this.note(result, reasons.join('; '), version);
  }

  /** Waits a pause or an analysis interval; an Update's command ends it early. */
  async wait(ms: number): Promise<void> {
    if (ms > 0) await wf.condition(() => this.command !== undefined, ms);
  }

  takeCommand(): Command | undefined {
    const command = this.command;
    this.command = undefined;
    return command;
  }

  // ── A release: install, or ramp → analyse → pause per step, then promote.

  async release(operation: PendingOperation & { kind: 'release' }): Promise<void> {
    const { request } = operation;
    const { version, config } = request;
    const acts = activitiesFor(operation);
    this.status.release = {
      version,
      image: request.image,
      ...(request.requestedBy ? { requestedBy: request.requestedBy } : {}),
      ...(request.replayDeploy ? { replayDeploy: request.replayDeploy } : {}),
    };
    delete this.status.step;
    delete this.status.hold;
    const state = await this.refresh(operation);
    if (!state) return this.outcome('release', version, 'failed', ['the rollout state could not be read']);
    const place = async (weight: number) => {
      const placed = await acts.placeCanary({
        config,
        version,
        image: request.image,
        weight,
        ...(request.env ? { env: request.env } : {}),
        ...(request.replayDeploy ? { replayDeploy: request.replayDeploy } : {}),
      });
      this.placedOn(version, placed.result.queue);
      return placed;
    };

    if (!state.stable) {
      this.status.phase = 'installing';
      try {
        const placed = await place(100);
        this.seen(placed.result);
        return this.outcome('release', version, 'installed', [placed.result.message]);
      } catch (err) {
        return this.outcome('release', version, 'failed', [failureMessage(err)]);
      }
    }
    if (state.canary && state.canary.version !== version) {
      // A canary of another version is up (left by a run outside this rollout): one canary at a time.
      if (state.phase === 'promoting') {
        await this.finishDrain(
          { kind: 'release', request: { ...request, version: state.canary.version } },
          'promote',
          state.canary.version,
          { recordAs: 'release', result: 'promoted' },
        );
      } else {
        await this.rollbackCanary(operation, `superseded by ${version}`, state.canary.version, 'superseded');
      }
    } else if (state.canary && state.phase === 'promoting') {
      return this.promote(operation);
    } else if (!state.canary && state.stable === version) {
      return this.outcome('release', version, 'unchanged', [`${version} is already the stable release`]);
    }

    const steps = config.strategy.steps.filter((step) => step.weight < 100);
    const from = this.known?.canary?.version === version ? this.known.canary.weight : 0;
    let turn: Turn = 'continue';
    for (let i = steps.findIndex((step) => step.weight >= from); i >= 0 && i < steps.length; i++) {
      const step = steps[i]!;
      this.status.step = { index: i + 1, of: steps.length, weight: step.weight };
      turn = await this.onCommand(operation);
      if (turn !== 'continue') break;
      this.status.phase = 'canary';
      let selectors: StepSelectors;
      try {
        const placed = await place(step.weight);
        this.seen(placed.result);
        selectors = placed.selectors;
        this.note('canary', placed.result.message, version);
      } catch (err) {
        turn = await this.hold(operation, [`canary at ${step.weight}% failed: ${failureMessage(err)}`]);
        if (turn === 'continue') {
          i--;
          continue;
        }
        break;
      }
      turn = await this.onCommand(operation);
      if (turn !== 'continue') break;
      const judgement = await this.analyze(operation, i + 1, step.weight, selectors);
      if (judgement?.verdict === 'fail') {
        const reason = `analysis failed at ${step.weight}%: ${judgement.reasons.join('; ')}`;
        return this.rollbackCanary(operation, reason, version, 'rolled-back');
      }
      if (judgement?.verdict === 'inconclusive') {
        // Missing evidence is not a pass: the canary stays where it is until a person decides.
        turn = await this.hold(operation, judgement.reasons);
      } else if (judgement) {
        turn = 'continue';
      } else {
        turn = await this.onCommand(operation);
      }
      if (turn !== 'continue') break;
      if (step.pauseMs > 0) {
        this.status.phase = 'paused';
        this.status.step.pauseUntil = new Date(Date.now() + step.pauseMs).toISOString();
        this.note('pause', `${step.pauseMs / 1000} s at ${step.weight}%`, version);
        await this.wait(step.pauseMs);
        delete this.status.step.pauseUntil;
      }
    }
    if (turn === 'continue') turn = await this.onCommand(operation);
    if (turn === 'stop') return;
    return this.promote(operation);
  }

  /** Acts on an Update's command between steps: the ramp goes on, jumps to promotion, or stops. */
  async onCommand(operation: PendingOperation & { kind: 'release' }): Promise<Turn> {
    const command = this.takeCommand();
    const version = operation.request.version;
    switch (command?.kind) {
      case undefined:
      case 'resume':
        return 'continue';
      case 'promote-now':
        return 'promote';
      case 'abort':
        await this.rollbackCanary(
          operation,
          `aborted: ${command.request.reason ?? 'by request'}`,
          version,
          'aborted',
        );
        return 'stop';
      case 'rollback':
        await this.rollbackCanary(operation, command.request.reason, version, 'rolled-back', command.request);
        return 'stop';
      case 'supersede':
        await this.rollbackCanary(
          operation,
          `superseded by ${command.request.version}`,
          version,
          'superseded',
        );
        return 'stop';
    }
  }

  /** Holds until a person sends resume, promote-now, abort, rollback or a newer release. */
  async hold(operation: PendingOperation & { kind: 'release' }, reasons: string[]): Promise<Turn> {
    this.status.phase = 'held';
    this.status.hold = { reasons, since: new Date().toISOString() };
    this.note('hold', reasons.join('; '), operation.request.version);
    await wf.condition(() => this.command !== undefined);
    delete this.status.hold;
    return this.onCommand(operation);
  }

  /** One activity per tick; the judge runs here. Undefined when an Update interrupted it. */
  async analyze(
    operation: PendingOperation & { kind: 'release' },
    step: number,
    weight: number,
    selectors: StepSelectors,
  ): Promise<Judgement | undefined> {
    const { config, version } = operation.request;
    const acts = activitiesFor(operation);
    const spec = analysisSpecFor(config.analysis, selectors, `${config.file}: analysis`);
    const record: StepAnalysis = {
      version,
      step,
      weight,
      selectors,
      reasons: [],
      ticks: 0,
      count: spec.count,
      checks: [],
      startedAt: new Date().toISOString(),
    };
    this.status.analyses.push(record);
    this.status.phase = 'analyzing';
    if (selectors.canary === selectors.baseline && wf.patched('analysis-needs-two-sides')) {
      // Both releases poll one queue (replay verdict same-queue, or a template that shares it): their metrics
      // carry the same label value, so comparing them would prove nothing. Missing evidence is not a pass.
      const reason = `canary and baseline both have ${spec.selector.label}="${selectors.canary}": the analysis cannot tell ${version} from stable; resume or promote-now after checking by hand, or let rollout.yaml name no analysis.selector.label (a shared queue is then compared by ${BUILD_ID_LABEL}) or one that differs per build`;
      record.verdict = 'inconclusive';
      record.reasons = [reason];
      record.finishedAt = record.startedAt;
      this.note('analysis', `inconclusive at ${weight}%: ${reason}`, version);
      return { done: true, verdict: 'inconclusive', reasons: [reason], checks: [] };
    }
    await this.wait(spec.initialDelayMs);
    const measurements = new Map<string, Measurement[]>(spec.checks.map((c) => [c.name, []]));
    let judgement: Judgement = { done: false, reasons: [], checks: [] };
    // The next measurement waits the whole interval after the last one ends. The old cadence subtracted the
    // measurement's time (Date.now() deltas across activations), and @temporalio/worker 1.24 can give the
    // activation after a timed-out workflow task another time on replay than it had live: a timer live, none
    // on replay (TMPRL1100 'Timer machine does not handle this event: ActivityTaskScheduled').
    const timerAfterEachTick = wf.patched('analysis-interval-after-each-tick');
    for (let tick = 1; tick <= spec.count && this.command === undefined; tick++) {
      const tickStart = Date.now();
      let measured: Awaited<ReturnType<RolloutActivities['measureAnalysis']>>;
      try {
        measured = await acts.measureAnalysis({ config, selectors, tick });
      } catch (err) {
        judgement = {
          done: true,
          verdict: 'inconclusive',
          reasons: [failureMessage(err)],
          checks: record.checks,
        };
        break;
      }
      for (const { check, measurement } of measured) measurements.get(check)?.push(measurement);
      judgement = judge(spec, spec.checks, measurements, tick);
      record.ticks = tick;
      record.checks = judgement.checks;
      if (judgement.done) break;
      await this.wait(timerAfterEachTick ? spec.intervalMs : tickStart + spec.intervalMs - Date.now());
    }
    record.finishedAt = new Date().toISOString();
    if (!judgement.done) {
      record.reasons = [
        `stopped by ${this.command?.kind} after ${record.ticks} of ${spec.count} measurements`,
      ];
      return undefined;
    }
    record.verdict = judgement.verdict;
    record.reasons = judgement.reasons;
    // What was compared, when the step chose the label (the person following the release sees it).
    const by = selectors.label
      ? ` (${selectors.label} ${selectors.canary} against ${selectors.baseline})`
      : '';
    this.note(
      'analysis',
      `${judgement.verdict} at ${weight}%${by}: ${judgement.reasons.join('; ')}`,
      version,
    );
    return judgement;
  }

  async promote(operation: PendingOperation & { kind: 'release' }): Promise<void> {
    const { version } = operation.request;
    this.status.phase = 'promoting';
    delete this.status.step;
    this.note('promote', `${version} takes all new work`, version);
    await this.finishDrain(operation, 'promote', version, { recordAs: 'release', result: 'promoted' });
  }

  /** Automatic rollback of the canary (analysis failed, abort, supersede, or a rollback Update). */
  async rollbackCanary(
    operation: PendingOperation,
    reason: string,
    version: string,
    result: OutcomeResult,
    request?: RollbackRequest,
  ): Promise<void> {
    this.status.phase = 'rolling-back';
    delete this.status.step;
    this.note('rollback', reason, version);
    const { config, timing } = operation.request;
    const through: PendingOperation = {
      kind: 'rollback',
      request: request ?? { config, reason, ...(timing ? { timing } : {}) },
    };
    await this.finishDrain(through, 'rollback', version, {
      recordAs: operation.kind,
      result,
      reasons: [reason],
    });
  }

  // ── A rollback requested while nothing ramps: restore an older version, or stop a leftover canary.

  async rollback(operation: PendingOperation & { kind: 'rollback' }): Promise<void> {
    const { request } = operation;
    const state = await this.refresh(operation);
    if (!state)
      return this.outcome('rollback', request.to ?? '-', 'failed', ['the rollout state could not be read']);
    try {
      this.checkRollback(request);
    } catch (err) {
      return this.outcome('rollback', request.to ?? '-', 'failed', [(err as Error).message]);
    }
    if (request.to === undefined) {
      if (!state.canary) {
        return this.outcome('rollback', state.stable ?? '-', 'unchanged', [
          'no canary is running: nothing to roll back',
        ]);
      }
      return this.rollbackCanary(operation, request.reason, state.canary.version, 'rolled-back', request);
    }
    if (state.stable === request.to && !state.canary) {
      return this.outcome('rollback', request.to, 'unchanged', [
        `${request.to} is already the stable release`,
      ]);
    }
    this.status.phase = 'promoting';
    this.note('restore', `${request.to}: ${request.reason}`, request.to);
    await this.finishDrain(operation, 'restore', request.to, {
      recordAs: 'rollback',
      result: 'restored',
      reasons: [request.reason],
    });
  }

  /**
   * Runs promote/rollback until the release being left has no open run: each activity counts once, a durable
   * timer waits between counts (for days if need be), and the run continues as new when its history grows.
   * Records the outcome when it is over.
   */
  async finishDrain(
    operation: PendingOperation,
    kind: DrainStatus['kind'],
    version: string,
    record: Outcome,
  ): Promise<void> {
    const acts = activitiesFor(operation);
    const timing = timingOf(operation);
    const { config } = operation.request;
    const rollback = operation.kind === 'rollback' ? operation.request : undefined;
    const policy = rollback?.drainPolicy ?? config.strategy.drain.policy;
    const once = (): Promise<StepResult> => {
      // A restore whose target already takes all new work (a re-run, or a new run) continues as a promotion.
      if (kind === 'promote' || (kind === 'restore' && this.known?.canary?.version === version)) {
        return acts.promote({ config, version });
      }
      return acts.rollback({
        config,
        reason: rollback?.reason ?? `rollback of ${version}`,
        ...(kind === 'restore' ? { to: version } : {}),
        ...(rollback?.drainPolicy ? { drainPolicy: rollback.drainPolicy } : {}),
      });
    };
    this.status.phase = kind === 'rollback' ? 'rolling-back' : 'promoting';
    for (;;) {
      let result: StepResult;
      try {
        result = await once();
      } catch (err) {
        delete this.status.drain;
        return this.outcome(record.recordAs, version, 'failed', [`${kind}: ${failureMessage(err)}`]);
      }
      this.seen(result);
      if (result.outcome !== 'waiting') {
        delete this.status.drain;
        return this.outcome(record.recordAs, version, record.result, record.reasons ?? [result.message]);
      }
      const drain = result.drain;
      const previous = this.status.drain;
      this.status.drain = {
        kind,
        staying: kind === 'rollback' ? (result.stable ?? '-') : version,
        ...(kind === 'rollback' ? { leaving: version } : result.stable ? { leaving: result.stable } : {}),
        policy,
        ...(drain?.label ? { label: drain.label } : {}),
        ...(drain ? { openRuns: drain.openRunsAtEnd } : {}),
        ...(drain?.oldestStart ? { oldestStart: drain.oldestStart } : {}),
        since: previous?.since ?? new Date().toISOString(),
        polls: (previous?.polls ?? 0) + 1,
      };
      if (previous?.openRuns !== this.status.drain.openRuns) {
        this.note(
          'drain',
          `waiting for ${this.status.drain.openRuns} open run(s) on ${drain?.label}`,
          version,
        );
      }
      const info = wf.workflowInfo();
      if (info.historyLength >= timing.historyLimit || info.continueAsNewSuggested) {
        await this.continueAsNew(operation, kind, version, record);
      }
      await wf.sleep(timing.drainPollMs);
    }
  }

  async continueAsNew(
    operation: PendingOperation,
    kind: DrainStatus['kind'],
    version: string,
    record: Outcome,
  ): Promise<never> {
    this.note('continue-as-new', `history has ${wf.workflowInfo().historyLength} events`, version);
    await wf.condition(wf.allHandlersFinished);
    const carry: RolloutCarry = {
      status: this.status,
      pending: this.pending,
      resume: { drain: kind, operation, version, ...record, reasons: record.reasons ?? [] },
    };
    return wf.continueAsNew<typeof rolloutWorkflow>({ app: this.input.app, carry });
  }
}

function by(request: { requestedBy?: string }): string {
  return request.requestedBy ? ` (by ${request.requestedBy})` : '';
}

export async function rolloutWorkflow(input: RolloutWorkflowInput): Promise<RolloutStatus> {
  return new Rollout(input).run();
}
