import { randomUUID } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort } from './ports.js';
import { httpOk, type ManagedProcess, startProcess } from './process.js';
import { tempDir } from './temp.js';
import { tool } from './tools.js';

export interface ScrapeTarget {
  /** host:port on 127.0.0.1 */
  address: string;
  labels?: Record<string, string>;
}

export interface PrometheusServer {
  url: string;
  process: ManagedProcess;
  /** Re-reads the config and rule files (SIGHUP), as an operator's reload does. */
  reload(): void;
  stop(): Promise<void>;
}

export function scrapeConfig(
  targets: ScrapeTarget[],
  scrapeIntervalSeconds: number,
  fileSd?: string,
  ruleFiles?: string[],
): string {
  const staticConfigs = targets.map((t) => ({ targets: [t.address], labels: t.labels ?? {} }));
  const scrapeConfigs: Record<string, unknown>[] = [{ job_name: 'workers', static_configs: staticConfigs }];
  // Targets that come and go (workers a deployer starts) are read from a file Prometheus watches.
  if (fileSd) {
    scrapeConfigs.push({
      job_name: 'discovered',
      file_sd_configs: [{ files: [fileSd], refresh_interval: '1s' }],
    });
  }
  // JSON is valid YAML, so the config needs no YAML writer.
  return JSON.stringify(
    {
      global: {
        scrape_interval: `${scrapeIntervalSeconds}s`,
        evaluation_interval: `${scrapeIntervalSeconds}s`,
      },
      ...(ruleFiles ? { rule_files: ruleFiles } : {}),
      scrape_configs: scrapeConfigs,
    },
    null,
    2,
  );
}

/** Writes a Prometheus file_sd target file whole, then renames it, so Prometheus never reads half of one. */
export async function writeFileSdTargets(file: string, targets: ScrapeTarget[]): Promise<void> {
  const groups = targets.map((t) => ({ targets: [t.address], labels: t.labels ?? {} }));
  const scratch = `${file}.${randomUUID()}.tmp`;
  await writeFile(scratch, JSON.stringify(groups));
  await rename(scratch, file);
}

/** Prometheus on 127.0.0.1 with a free port, scraping `targets` every `scrapeIntervalSeconds` (default 1). */
export async function startPrometheus(
  targets: ScrapeTarget[],
  options: { scrapeIntervalSeconds?: number; fileSd?: string; ruleFiles?: string[] } = {},
): Promise<PrometheusServer> {
  const dir = await tempDir('prometheus');
  const port = await freePort();
  const configFile = join(dir.path, 'prometheus.yml');
  await writeFile(
    configFile,
    scrapeConfig(targets, options.scrapeIntervalSeconds ?? 1, options.fileSd, options.ruleFiles),
  );
  const url = `http://127.0.0.1:${port}`;
  const proc = await startProcess(
    'prometheus',
    tool('prometheus'),
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${join(dir.path, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { ready: () => httpOk(`${url}/-/ready`) },
  ).catch(async (err) => {
    await dir.remove();
    throw err;
  });
  return {
    url,
    process: proc,
    reload() {
      process.kill(proc.pid, 'SIGHUP');
    },
    async stop() {
      await proc.stop();
      await dir.remove();
    },
  };
}
