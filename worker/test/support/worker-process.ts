import { execa } from 'execa';
import { WORKER_MAIN } from '../../../scripts/local-platform/order-worker.js';

/** Runs the worker binary to completion (for start-up failures) and returns its exit code and output. */
export async function runWorkerToExit(
  env: Record<string, string>,
  main = WORKER_MAIN,
): Promise<{ code: number | undefined; output: string }> {
  const result = await execa(process.execPath, [main], {
    env: { HEALTH_PORT: '0', METRICS_PORT: '0', ...env },
    reject: false,
    timeout: 60_000,
    all: true,
  });
  return { code: result.exitCode, output: result.all ?? '' };
}

/** Value of the first sample of `name` whose labels include all of `labels` (Prometheus text format). */
export function sampleValue(
  metricsText: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  for (const line of metricsText.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const matches = Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`));
    if (!matches) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (Number.isFinite(value)) return value;
  }
  return undefined;
}

/** Sum of every sample of `name` whose labels include `labels`. */
export function sampleSum(metricsText: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of metricsText.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (!Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (Number.isFinite(value)) sum += value;
  }
  return sum;
}
