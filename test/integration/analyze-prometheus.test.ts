import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrometheusClient, PrometheusError } from '../../actions/src/adapters/prometheus.js';
import { freePort } from '../../scripts/local-platform/ports.js';
import { httpOk, type ManagedProcess, startProcess } from '../../scripts/local-platform/process.js';
import { type PrometheusServer, startPrometheus } from '../../scripts/local-platform/prometheus.js';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { tool } from '../../scripts/local-platform/tools.js';

async function expectError(
  promise: Promise<unknown>,
  kind: string,
  message: RegExp,
): Promise<PrometheusError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PrometheusError);
  expect((err as PrometheusError).kind).toBe(kind);
  expect((err as PrometheusError).message).toMatch(message);
  return err as PrometheusError;
}

describe('Prometheus adapter against a real Prometheus', () => {
  let target: Server;
  let prometheus: PrometheusServer;

  beforeAll(async () => {
    target = createServer((_req, res) => {
      res.setHeader('content-type', 'text/plain; version=0.0.4');
      res.end('# TYPE tr_value gauge\ntr_value{side="a"} 2\ntr_value{side="b"} 5\n');
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const { port } = target.address() as AddressInfo;
    prometheus = await startPrometheus([{ address: `127.0.0.1:${port}` }]);
    const client = new PrometheusClient({ url: prometheus.url });
    for (let i = 0; i < 80 && (await client.instant('tr_value')).length < 2; i++)
      await new Promise((r) => setTimeout(r, 250));
  });
  afterAll(async () => {
    await prometheus?.stop();
    await new Promise((resolve) => target?.close(resolve));
  });

  it('reads instant vectors, scalars, NaN, ±Inf and empty results', async () => {
    const client = new PrometheusClient({ url: `${prometheus.url}/` });
    const vector = await client.instant('tr_value');
    expect(vector.map((s) => [s.labels.side, s.value]).sort()).toEqual([
      ['a', 2],
      ['b', 5],
    ]);
    expect(await client.instant('scalar(sum(tr_value))')).toEqual([{ labels: {}, value: 7 }]);
    expect((await client.instant('sum(tr_value) * 0 / 0'))[0]!.value).toBeNaN();
    expect((await client.instant('sum(tr_value) / 0'))[0]!.value).toBe(Number.POSITIVE_INFINITY);
    expect((await client.instant('-sum(tr_value) / 0'))[0]!.value).toBe(Number.NEGATIVE_INFINITY);
    expect(await client.instant('tr_value_that_does_not_exist')).toEqual([]);
  });

  it('reads range queries, one point per step', async () => {
    const client = new PrometheusClient({ url: prometheus.url });
    const end = new Date();
    const series = await client.range('vector(7)', new Date(end.getTime() - 3_000), end, 1_000);
    expect(series).toHaveLength(1);
    expect(series[0]!.points).toHaveLength(4);
    const two = await client.range('tr_value', new Date(end.getTime() - 3_000), end, 1_000);
    expect(two.map((s) => s.labels.side).sort()).toEqual(['a', 'b']);
    expect(series[0]!.points.every(([t, v]) => v === 7 && t <= end.getTime() / 1000)).toBe(true);
  });

  it('reports bad PromQL as bad-query at once, without retrying', async () => {
    // A retry would wait the 20 s backoff first: well apart from one answer, even on a loaded machine.
    const client = new PrometheusClient({ url: prometheus.url, retries: 3, backoffMs: 20_000 });
    const started = Date.now();
    await expectError(
      client.instant('sum(tr_value'),
      'bad-query',
      /bad PromQL \(bad_data: .*\) in query: sum\(tr_value/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('reports an unreachable server after bounded retries with backoff', async () => {
    const port = await freePort();
    const client = new PrometheusClient({ url: `http://127.0.0.1:${port}`, retries: 2, backoffMs: 100 });
    const started = Date.now();
    await expectError(
      client.instant('up'),
      'unreachable',
      /cannot reach http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED \(after 3 attempts\)/,
    );
    // Backoff 100 ms then 200 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('times out a server that never answers', async () => {
    const silent = createServer(() => {
      // Accepts and never answers.
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const client = new PrometheusClient({
        url: `http://127.0.0.1:${port}`,
        timeoutMs: 300,
        retries: 1,
        backoffMs: 50,
      });
      const started = Date.now();
      await expectError(
        client.instant('up'),
        'timeout',
        /no answer from .* within 300 ms \(after 2 attempts\)/,
      );
      // 2 × 300 ms + 50 ms backoff; the bound only tells "timed out" from "hung".
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('Prometheus adapter with basic auth (real Prometheus web config)', () => {
  let dir: TempDir;
  let proc: ManagedProcess;
  let url: string;

  beforeAll(async () => {
    dir = await tempDir('prom-auth');
    // bcrypt of "s3cret" (python bcrypt.hashpw, cost 4), as Prometheus' web config requires.
    await writeFile(
      join(dir.path, 'web.yml'),
      'basic_auth_users:\n  rollout: $2b$04$8RM6oeUzNc0ubyh5ZmNeZu39ozAetfTyx2tImyr6HZqhp1gDMDNH6\n',
    );
    await writeFile(join(dir.path, 'prometheus.yml'), 'global: { scrape_interval: 1s }\n');
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    proc = await startProcess(
      'prometheus-auth',
      tool('prometheus'),
      [
        `--config.file=${join(dir.path, 'prometheus.yml')}`,
        `--web.config.file=${join(dir.path, 'web.yml')}`,
        `--storage.tsdb.path=${join(dir.path, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=warn',
      ],
      { ready: async () => (await fetch(`${url}/-/ready`).catch(() => undefined))?.status === 401 },
    );
  });
  afterAll(async () => {
    await proc?.stop();
    await dir?.remove();
  });

  it('sends basic auth, from options or from the URL, and never puts the secret in errors', async () => {
    const good = new PrometheusClient({
      url,
      auth: { type: 'basic', username: 'rollout', password: 's3cret' },
    });
    expect(await good.instant('vector(1)')).toEqual([{ labels: {}, value: 1 }]);
    const fromUrl = new PrometheusClient({ url: url.replace('http://', 'http://rollout:s3cret@') });
    expect(fromUrl.baseUrl).not.toContain('s3cret');
    expect(await fromUrl.instant('vector(2)')).toEqual([{ labels: {}, value: 2 }]);
    const wrong = new PrometheusClient({ url: url.replace('http://', 'http://rollout:wrong@') });
    const err = await expectError(wrong.instant('vector(1)'), 'auth', /refused the credentials \(HTTP 401\)/);
    expect(err.message).not.toContain('wrong');
    expect(await httpOk(`${url}/-/ready`)).toBe(false);
  });
});
