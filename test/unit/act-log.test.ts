// The act harness reads `act --json` lines (shapes as act v0.2.89 prints them) into jobs, steps and outputs.
import { describe, expect, it } from 'vitest';
import { type ActLogLine, describeTimings, parseActLog, timeline } from '../support/act/act-log.js';

const JOB = 'replay/reusable replay gate/replay';
const CHECKOUT = 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683';

const lines: ActLogLine[] = [
  { msg: "Couldn't get a valid docker connection" },
  { job: 'pr/replay', msg: 'LocalRepositoryCache matched temporal-rollout/temporal-rollout with ref v1' },
  // act names later steps in their Pre stage before the first step has run.
  {
    job: JOB,
    msg: 'LocalRepositoryCache matched actions/setup-node',
    stage: 'Pre',
    step: 'setup',
    stepID: ['1'],
  },
  { job: JOB, msg: '  ✅  Success - Set up job', step: 'Set up job', stepResult: 'success' },
  { job: JOB, msg: `⭐ Run Main ${CHECKOUT}`, stage: 'Main', step: CHECKOUT, stepID: ['0'] },
  {
    job: JOB,
    msg: `  ✅  Success - Main ${CHECKOUT}`,
    stage: 'Main',
    step: CHECKOUT,
    stepID: ['0'],
    stepResult: 'success',
  },
  { job: JOB, msg: '⭐ Run Main setup', stage: 'Main', step: 'setup', stepID: ['1'] },
  {
    job: JOB,
    msg: 'Node 24.9.0 is on PATH\n',
    raw_output: true,
    stage: 'Main',
    step: 'setup',
    stepID: ['1'],
  },
  {
    job: JOB,
    msg: '  ✅  Success - Main setup',
    stage: 'Main',
    step: 'setup',
    stepID: ['1'],
    stepResult: 'success',
  },
  {
    job: JOB,
    msg: '⭐ Run Main replay',
    stage: 'Main',
    step: './.temporal-rollout/actions/replay',
    stepID: ['replay'],
  },
  {
    job: JOB,
    command: 'error',
    arg: 'histories/a.json: nondeterminism at event 5',
    msg: '  ❗  ::error::histories/a.json',
    stage: 'Main',
    step: './.temporal-rollout/actions/replay',
    stepID: ['replay'],
  },
  {
    job: JOB,
    msg: '  ❌  Failure - Main replay',
    stage: 'Main',
    step: 'replay',
    stepID: ['replay'],
    stepResult: 'failure',
  },
  {
    job: JOB,
    command: 'set-output',
    name: 'failed',
    arg: '1',
    msg: '::set-output:: failed=1',
    stage: 'Main',
    stepID: ['replay'],
  },
  {
    job: JOB,
    command: 'set-output',
    name: 'total',
    arg: '2',
    msg: '::set-output:: total=2',
    stage: 'Main',
    stepID: ['replay'],
  },
  { job: JOB, msg: '  ✅  Success - Complete job', step: 'Complete job', stepResult: 'success' },
  { job: JOB, jobResult: 'failure', msg: '🏁  Job failed' },
];

describe('parseActLog', () => {
  const [caller, job] = parseActLog(lines);

  it('keeps one entry per job, the caller of a reusable workflow apart from the job inside it', () => {
    expect([caller?.name, job?.name]).toEqual(['pr/replay', JOB]);
    expect(caller?.result).toBeUndefined();
    expect(job?.result).toBe('failure');
  });

  it('lists steps in the order they ran, with their Main result', () => {
    expect(job?.steps.map((s) => [s.id, s.result])).toEqual([
      ['0', 'success'],
      ['1', 'success'],
      ['replay', 'failure'],
    ]);
  });

  it('collects step outputs by step id, annotations and the printed log', () => {
    expect(job?.outputs).toEqual({ replay: { failed: '1', total: '2' } });
    expect(job?.annotations).toEqual([
      { level: 'error', message: 'histories/a.json: nondeterminism at event 5' },
    ]);
    expect(job?.log).toContain('Node 24.9.0 is on PATH\n');
    expect(job?.log).toContain('🏁  Job failed');
  });
});

describe('step and job durations', () => {
  const at = (second: number) => `2026-01-01T00:00:${String(second).padStart(2, '0')}Z`;
  const timed: ActLogLine[] = [
    { job: 'r/build', msg: '🚀  Start image=-self-hosted', time: at(0) },
    { job: 'r/build', msg: '⭐ Run Main npm ci', stage: 'Main', step: 'npm ci', stepID: ['2'], time: at(1) },
    { job: 'r/build', msg: 'added 1 package', raw_output: true, stage: 'Main', stepID: ['2'], time: at(9) },
    {
      job: 'r/build',
      msg: '  ✅  Success - Main npm ci',
      stage: 'Main',
      step: 'npm ci',
      stepID: ['2'],
      stepResult: 'success',
      time: at(11),
    },
    {
      job: 'r/build',
      msg: '⭐ Run Main build',
      stage: 'Main',
      step: 'build',
      stepID: ['build'],
      time: at(12),
    },
    { job: 'r/build', jobResult: 'success', msg: '🏁  Job succeeded', time: at(12) },
  ];
  const [build] = parseActLog(timed);

  it('measures each step from its first Main line to its last, and the job from its first line to its last', () => {
    expect(build?.steps.map((s) => [s.id, s.durationMs])).toEqual([
      ['2', 10_000],
      ['build', 0],
    ]);
    expect(build?.durationMs).toBe(12_000);
  });

  it('describes the jobs with the steps that took a second or more', () => {
    expect(describeTimings(build ? [build] : [])).toBe('r/build success: 12 s (npm ci 10 s)');
  });

  it('reports no duration when act printed no times', () => {
    expect(
      parseActLog(lines).every((j) => j.durationMs === 0 && j.steps.every((s) => s.durationMs === 0)),
    ).toBe(true);
  });

  it('lists matching lines with the seconds since the run began', () => {
    expect(timeline(timed, /npm ci|added/)).toEqual([
      '+1s build: ⭐ Run Main npm ci',
      '+9s build: added 1 package',
      '+11s build: ✅  Success - Main npm ci',
    ]);
  });
});
