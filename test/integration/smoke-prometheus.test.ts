import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PrometheusServer, startPrometheus } from '../../scripts/local-platform/prometheus.js';

interface VectorResponse {
  status: string;
  data: { resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] };
}

async function instantQuery(prometheus: PrometheusServer, query: string): Promise<VectorResponse> {
  const response = await fetch(`${prometheus.url}/api/v1/query?query=${encodeURIComponent(query)}`);
  expect(response.ok).toBe(true);
  return (await response.json()) as VectorResponse;
}

describe('Prometheus', () => {
  let target: Server;
  let prometheus: PrometheusServer;

  beforeAll(async () => {
    target = createServer((_req, res) => {
      res.setHeader('content-type', 'text/plain; version=0.0.4');
      res.end('# TYPE smoke_value gauge\nsmoke_value 42\n');
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const { port } = target.address() as AddressInfo;
    prometheus = await startPrometheus([{ address: `127.0.0.1:${port}`, labels: { role: 'smoke' } }]);
  });
  afterAll(async () => {
    await prometheus?.stop();
    await new Promise((resolve) => target?.close(resolve));
  });

  it('scrapes a real target: `up` is 1 and the sample value arrives', async () => {
    const deadline = Date.now() + 20_000;
    let up: VectorResponse | undefined;
    while (Date.now() < deadline) {
      up = await instantQuery(prometheus, 'up{role="smoke"}');
      if (up.data.result.length > 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(up?.data.result).toHaveLength(1);
    expect(up?.data.result[0]?.value[1]).toBe('1');
    const sample = await instantQuery(prometheus, 'smoke_value{role="smoke"}');
    expect(sample.data.result[0]?.value[1]).toBe('42');
  });

  it('answers a bad PromQL query with a 400 and an error', async () => {
    const response = await fetch(`${prometheus.url}/api/v1/query?query=${encodeURIComponent('sum(')}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { status: string; errorType: string };
    expect(body).toMatchObject({ status: 'error', errorType: 'bad_data' });
  });
});
