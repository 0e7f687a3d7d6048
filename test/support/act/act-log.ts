// Reads `act --json` output: one JSON object per line, each tagged with the job (`workflow/job`, or
// `caller/called workflow/job` inside a reusable workflow), the step and its stage.
export interface ActStep {
  /** The step's `id`, or act's number for it. */
  id: string;
  name: string;
  result?: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
  /** From the step's first Main line to its last (act stamps lines to the second); 0 without times. */
  durationMs: number;
}

export interface ActJob {
  /** act's name for the job: `workflow/job`, or `caller-job/called workflow/job` inside a reusable workflow. */
  name: string;
  result?: 'success' | 'failure' | 'skipped';
  steps: ActStep[];
  /** Step outputs by step id (the last value wins, as on GitHub). */
  outputs: Record<string, Record<string, string>>;
  annotations: { level: 'error' | 'warning' | 'notice'; message: string }[];
  /** What the job's steps printed, one line per line. */
  log: string;
  /** From the job's first line to its last (act stamps lines to the second); 0 without times. */
  durationMs: number;
}

/** One line of `act --json`. */
export interface ActLogLine {
  msg?: string;
  job?: string;
  stepID?: string[];
  step?: string;
  stage?: string;
  stepResult?: ActStep['result'];
  jobResult?: ActJob['result'];
  command?: string;
  name?: string;
  arg?: string;
  raw_output?: boolean;
  /** RFC 3339, to the second. */
  time?: string;
}

/** The span of `times` in ms: first to last (0 when fewer than two are valid). */
function span(times: number[]): number {
  const valid = times.filter((t) => Number.isFinite(t));
  return valid.length < 2 ? 0 : Math.max(...valid) - Math.min(...valid);
}

/** Each job's result, steps (in the order they ran), outputs, annotations and log, from act's JSON lines. */
export function parseActLog(lines: ActLogLine[]): ActJob[] {
  const jobs = new Map<string, ActJob>();
  const jobTimes = new Map<ActJob, number[]>();
  const stepTimes = new Map<ActStep, number[]>();
  const jobOf = (name: string) => {
    let job = jobs.get(name);
    if (!job) {
      job = { name, steps: [], outputs: {}, annotations: [], log: '', durationMs: 0 };
      jobs.set(name, job);
      jobTimes.set(job, []);
    }
    return job;
  };
  for (const line of lines) {
    if (!line.job) continue;
    const job = jobOf(line.job);
    const time = line.time ? Date.parse(line.time) : Number.NaN;
    jobTimes.get(job)?.push(time);
    if (line.jobResult) job.result = line.jobResult;
    const id = line.stepID?.[0];
    if (line.raw_output) job.log += line.msg ?? '';
    else if (line.msg) job.log += `${line.msg.trimEnd()}\n`;
    // Steps in the order they ran: act names a step in its Pre stage before the ones before it have run.
    if (!id || id.startsWith('--') || line.stage !== 'Main') continue;
    let step = job.steps.find((s) => s.id === id);
    if (!step) {
      step = { id, name: line.step ?? id, outputs: {}, durationMs: 0 };
      job.steps.push(step);
      stepTimes.set(step, []);
    }
    stepTimes.get(step)?.push(time);
    if (line.stepResult) step.result = line.stepResult;
    if (line.command === 'set-output' && line.name !== undefined) {
      step.outputs[line.name] = line.arg ?? '';
      job.outputs[id] = step.outputs;
    }
    if (line.command === 'error' || line.command === 'warning' || line.command === 'notice') {
      job.annotations.push({ level: line.command, message: line.arg ?? '' });
    }
  }
  for (const [job, times] of jobTimes) job.durationMs = span(times);
  for (const [step, times] of stepTimes) step.durationMs = span(times);
  return [...jobs.values()];
}

/** One line per job: its result, duration and the steps that took a second or more, for a test's log. */
export function describeTimings(jobs: ActJob[]): string {
  const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;
  return jobs
    .filter((job) => job.steps.length > 0)
    .map((job) => {
      const steps = job.steps
        .filter((s) => s.durationMs >= 1000)
        .map((s) => `${s.name.trim()} ${seconds(s.durationMs)}`);
      return `${job.name.trim()} ${job.result ?? '?'}: ${seconds(job.durationMs)}${steps.length ? ` (${steps.join('; ')})` : ''}`;
    })
    .join('\n');
}

/**
 * The lines whose message matches `pattern`, each as `+<seconds since the first stamped line> <job>: <message>`:
 * where a run spent its time (an image build, a Helm upgrade, an analysis).
 */
export function timeline(lines: ActLogLine[], pattern: RegExp): string[] {
  const start = lines.map((l) => (l.time ? Date.parse(l.time) : Number.NaN)).find(Number.isFinite);
  const out: string[] = [];
  for (const line of lines) {
    const msg = (line.msg ?? '').trim();
    if (!line.job || !msg || !pattern.test(msg)) continue;
    const at =
      line.time && start !== undefined ? Math.round((Date.parse(line.time) - start) / 1000) : Number.NaN;
    out.push(
      `+${Number.isFinite(at) ? at : '?'}s ${line.job.trim().split('/').at(-1)?.trim()}: ${msg.split('\n')[0]}`,
    );
  }
  return out;
}
