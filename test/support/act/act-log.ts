// Reads `act --json` output: one JSON object per line, each tagged with the job (`workflow/job`, or
// `caller/called workflow/job` inside a reusable workflow), the step and its stage.
export interface ActStep {
  /** The step's `id`, or act's number for it. */
  id: string;
  name: string;
  result?: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
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
}

/** Each job's result, steps (in the order they ran), outputs, annotations and log, from act's JSON lines. */
export function parseActLog(lines: ActLogLine[]): ActJob[] {
  const jobs = new Map<string, ActJob>();
  const jobOf = (name: string) => {
    let job = jobs.get(name);
    if (!job) {
      job = { name, steps: [], outputs: {}, annotations: [], log: '' };
      jobs.set(name, job);
    }
    return job;
  };
  for (const line of lines) {
    if (!line.job) continue;
    const job = jobOf(line.job);
    if (line.jobResult) job.result = line.jobResult;
    const id = line.stepID?.[0];
    if (line.raw_output) job.log += line.msg ?? '';
    else if (line.msg) job.log += `${line.msg.trimEnd()}\n`;
    // Steps in the order they ran: act names a step in its Pre stage before the ones before it have run.
    if (!id || id.startsWith('--') || line.stage !== 'Main') continue;
    let step = job.steps.find((s) => s.id === id);
    if (!step) {
      step = { id, name: line.step ?? id, outputs: {} };
      job.steps.push(step);
    }
    if (line.stepResult) step.result = line.stepResult;
    if (line.command === 'set-output' && line.name !== undefined) {
      step.outputs[line.name] = line.arg ?? '';
      job.outputs[id] = step.outputs;
    }
    if (line.command === 'error' || line.command === 'warning' || line.command === 'notice') {
      job.annotations.push({ level: line.command, message: line.arg ?? '' });
    }
  }
  return [...jobs.values()];
}
