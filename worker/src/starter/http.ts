import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import type { Logger } from '@temporalio/common';
import { statusQuery } from '../workflows/definitions.js';
import { OrderInputError, parseOrderInput } from './order-input.js';
import { chooseTaskQueue, routingPoint } from './routing.js';
import type { RoutingSource } from './routing-source.js';
import { startOrder } from './starter.js';

const MAX_BODY_BYTES = 64 * 1024;
const CORRELATION_HEADER = 'x-correlation-id';

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'body is not JSON');
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

export interface StarterAppOptions {
  client: Client;
  routing: RoutingSource;
  logger: Logger;
}

/**
 * The starter HTTP service:
 * - `POST /orders` starts OrderWorkflow (workflow id = order id; 202 new, 200 duplicate), routed by weight;
 * - `GET /orders/<id>` returns the run's `status` query;
 * - `GET /healthz`.
 * The `x-correlation-id` request header (or a new UUID) is stored on the run and echoed back.
 */
export function createStarterServer(options: StarterAppOptions): Server {
  const { client, routing, logger } = options;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://starter');
    const header = req.headers[CORRELATION_HEADER];
    const correlationId = (Array.isArray(header) ? header[0] : header)?.slice(0, 128) || randomUUID();
    const echo = { [CORRELATION_HEADER]: correlationId };
    if (req.method === 'GET' && url.pathname === '/healthz') {
      send(res, 200, { status: 'alive', routing: routing.description });
      return;
    }
    if (req.method === 'POST' && url.pathname === '/orders') {
      const order = parseOrderInput(await readJson(req));
      const taskQueue = chooseTaskQueue(routing.current(), routingPoint(order.orderId));
      const started = await startOrder(client, order, { taskQueue, correlationId });
      logger.info(started.duplicate ? 'duplicate order: nothing started' : 'order started', {
        orderId: order.orderId,
        workflowId: started.workflowId,
        runId: started.runId,
        taskQueue: started.taskQueue,
        correlationId,
      });
      send(res, started.duplicate ? 200 : 202, { ...started, correlationId }, echo);
      return;
    }
    const match = /^\/orders\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && match?.[1]) {
      const status = await client.workflow.getHandle(decodeURIComponent(match[1])).query(statusQuery);
      send(res, 200, status, echo);
      return;
    }
    throw new HttpError(404, `no route for ${req.method} ${url.pathname}`);
  };

  return createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (err instanceof OrderInputError) return send(res, 400, { error: err.message, field: err.field });
      if (err instanceof HttpError) return send(res, err.status, { error: err.message });
      if (err instanceof WorkflowNotFoundError) return send(res, 404, { error: err.message });
      logger.error('request failed', { method: req.method, path: req.url, error: err });
      send(res, 502, { error: err instanceof Error ? err.message : String(err) });
    });
  });
}
