import { createServer, type Server } from 'node:http';

export interface Readiness {
  ready: boolean;
  /** Shown in the /ready body, e.g. each worker's state. */
  detail: Record<string, string>;
}

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/**
 * `GET /healthz`: 200 while the process serves requests. `GET /ready`: 200 only while `readiness()`
 * says so (both workers running and polling), 503 otherwise — during start-up and shutdown too.
 */
export async function startHealthServer(
  host: string,
  port: number,
  readiness: () => Readiness,
): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'alive' }));
      return;
    }
    if (path === '/ready') {
      const state = readiness();
      res
        .writeHead(state.ready ? 200 : 503, { 'content-type': 'application/json' })
        .end(JSON.stringify({ status: state.ready ? 'ready' : 'not ready', ...state.detail }));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
