// Runs `temporal-rollout doctor` through its CLI entry, in this process, and reads the JSON report it prints.
import { vi } from 'vitest';
import { main as doctorCli } from '../../actions/src/cli/doctor.js';
import type { CheckResult, DoctorReport } from '../../actions/src/core/doctor/checklist.js';

export interface DoctorRun {
  code: number;
  report: DoctorReport;
  /** The check with this id (the test fails when the doctor did not run it). */
  check(id: string): CheckResult;
  elapsedMs: number;
}

export async function runDoctor(argv: string[], env: Record<string, string> = {}): Promise<DoctorRun> {
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const started = Date.now();
  try {
    const code = await doctorCli([...argv, '--json']);
    const report = JSON.parse(printed.join('\n')) as DoctorReport;
    return {
      code,
      report,
      elapsedMs: Date.now() - started,
      check(id) {
        const found = report.checks.find((c) => c.id === id);
        if (!found)
          throw new Error(`doctor ran no check ${id}: ${report.checks.map((c) => c.id).join(', ')}`);
        return found;
      },
    };
  } finally {
    log.mockRestore();
    vi.unstubAllEnvs();
  }
}

/** Re-runs the doctor until `done` holds for its report (servers apply changes after a moment), at most `timeoutMs`. */
export async function doctorUntil(
  argv: string[],
  done: (run: DoctorRun) => boolean,
  timeoutMs = 60_000,
): Promise<DoctorRun> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await runDoctor(argv);
    if (done(run) || Date.now() > deadline) return run;
    await new Promise((r) => setTimeout(r, 1_000));
  }
}
