// Issue 16 A5–A7 through the analyze CLI against a scripted Prometheus on 127.0.0.1 that misbehaves as a real one
// cannot be made to: it accepts connections and never answers, or sends headers and then stalls the body.
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../actions/src/cli/analyze.js';
import type { AnalysisReport } from '../../actions/src/core/analysis/report.js';
import { InputError } from '../../actions/src/core/errors.js';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';

type Mode = 'silent' | 'stall-body';

/** An HTTP server that takes every request and answers it badly; it counts requests and how many were open at once. */
class HostilePrometheus {
  requests = 0;
  open = 0;
  maxOpen = 0;
  private readonly pending = new Set<ServerResponse>();
  private constructor(
    private readonly server: Server,
    public mode: Mode,
  ) {}

  static async start(mode: Mode): Promise<HostilePrometheus> {
    let self: HostilePrometheus | undefined;
    const server = createServer((req, res) => self!.handle(req, res));
    self = new HostilePrometheus(server, mode);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return self;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.requests++;
    this.open++;
    this.maxOpen = Math.max(this.maxOpen, this.open);
    this.pending.add(res);
    res.on('close', () => {
      this.open--;
      this.pending.delete(res);
    });
    req.resume();
    if (this.mode === 'stall-body') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"status":"success","data":{"resultType":"vector",');
    }
    // …and nothing more: the client has to give up.
  }

  async stop(): Promise<void> {
    for (const res of this.pending) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

describe('analyze CLI against a Prometheus that never answers', () => {
  let dir: TempDir;
  let server: HostilePrometheus | undefined;
  beforeAll(async () => {
    dir = await tempDir('analyze-hostile');
    vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await dir?.remove();
  });

  const run = async (url: string, extra: string[]) => {
    const reportPath = join(dir.path, `report-${Date.now()}.json`);
    const started = Date.now();
    const code = await main([
      '--prometheus-url',
      url,
      '--canary',
      'orders-v2',
      '--baseline',
      'orders-v1',
      '--report',
      reportPath,
      ...extra,
    ]);
    const report = JSON.parse(await readFile(reportPath, 'utf8')) as AnalysisReport;
    return { code, report, seconds: (Date.now() - started) / 1000 };
  };

  it('A5: ends inconclusive at the deadline, with the pre-flight queries sent all at once', async () => {
    server = await HostilePrometheus.start('silent');
    const { code, report, seconds } = await run(server.url, [
      '--interval',
      '1s',
      '--count',
      '50',
      '--query-timeout',
      '1s',
      '--query-retries',
      '0',
      '--deadline',
      '5s',
    ]);
    expect(code).toBe(3);
    expect(report.verdict).toBe('inconclusive');
    expect(report.reasons[0]).toMatch(/^analysis deadline of 5s passed after [1-4] of 50 measurements$/);
    // The default built-ins ask 7 queries in the pre-flight (query + samples query per guarded check); all
    // were open together, not one after another.
    expect(server.maxOpen).toBeGreaterThanOrEqual(7);
    const nde = report.checks.find((c) => c.name === 'non-determinism')!;
    expect(nde.measurements[0]!.message).toMatch(/no answer from http:\/\/127\.0\.0\.1:\d+ within 1000 ms/);
    // Bounded by the deadline, not by 7 serial pre-flight queries and 50 ticks of timeouts.
    expect(seconds).toBeLessThan(15);
  });

  it('A5: takes the deadline, timeout and retries from rollout.yaml too', async () => {
    server = await HostilePrometheus.start('silent');
    const config = join(dir.path, 'rollout.yaml');
    await writeFile(
      config,
      JSON.stringify({
        analysis: { interval: '1s', count: 50, deadline: '4s', queryTimeout: '500ms', queryRetries: 1 },
      }),
    );
    const { code, report } = await run(server.url, ['--config', config]);
    expect(code).toBe(3);
    expect(report.reasons[0]).toMatch(/^analysis deadline of 4s passed after \d+ of 50 measurements$/);
    const measured = report.checks.flatMap((c) => c.measurements);
    expect(measured.length).toBeGreaterThan(0);
    for (const m of measured) expect(m.message).toMatch(/within 500 ms \(after 2 attempts\)/);
  });

  it('A6: a body that stalls after the headers is a timeout, and retried', async () => {
    server = await HostilePrometheus.start('stall-body');
    const { report } = await run(server.url, [
      '--interval',
      '1s',
      '--count',
      '1',
      '--query-timeout',
      '700ms',
      '--query-retries',
      '1',
      '--deadline',
      '20s',
    ]);
    expect(report.verdict).toBe('inconclusive');
    const nde = report.checks.find((c) => c.name === 'non-determinism')!;
    expect(nde.measurements[0]!.phase).toBe('Error');
    expect(nde.measurements[0]!.message).toMatch(
      /no answer from http:\/\/127\.0\.0\.1:\d+ within 700 ms \(after 2 attempts\)/,
    );
    expect(nde.measurements[0]!.message).not.toMatch(/not Prometheus API JSON/);
    // 7 pre-flight queries + 7 queries of the first tick, each tried twice.
    expect(server.requests).toBeGreaterThanOrEqual(2 * 7);
  });

  /** Runs the CLI where it must stop on bad input before any query: the error it throws. */
  const refusal = async (url: string, extra: string[]) => {
    const attempt = main([
      '--prometheus-url',
      url,
      '--canary',
      'orders-v2',
      '--baseline',
      'orders-v1',
      ...extra,
    ]);
    await expect(attempt).rejects.toThrow(InputError);
    return ((await attempt.catch((err: unknown) => err)) as Error).message;
  };

  it('refuses --temporal-address when the canary runs cannot be found, before connecting', async () => {
    const message = await refusal('http://127.0.0.1:9/', [
      '--label',
      'instance',
      '--temporal-address',
      '127.0.0.1:9',
    ]);
    expect(message).toMatch(/analysis\.temporal\.runs: is needed: the selector label is instance/);
  });

  it('A7: a raw % in the password of the URL is an input error that does not echo the password', async () => {
    const message = await refusal('http://alice:s3cret%zzPW@127.0.0.1:9/', []);
    expect(message).toMatch(
      /--prometheus-url: has a password with a "%" that is not percent-encoding.*%25.*PROMETHEUS_USERNAME \/ PROMETHEUS_PASSWORD/,
    );
    expect(message).not.toMatch(/s3cret/);
  });
});
