// @temporalio/proto is CommonJS: Node's ESM loader offers it as a default export only.
import { createConnection } from 'node:net';
import proto from '@temporalio/proto';
import type { SearchAttributeTypeName } from '../core/doctor/search-attributes.js';
import { typeOfIndexedValue } from '../core/doctor/search-attributes.js';
import { ExternalError } from '../core/errors.js';
import { connectLive, type HistorySession, type LiveSource } from './temporal-histories.js';

const { temporal } = proto;

export interface NamespaceFacts {
  name: string;
  /** REGISTERED, DEPRECATED or DELETED, without the enum prefix. */
  state: string;
  /** Workflow execution retention in milliseconds; 0 when the server reports none. */
  retentionMs: number;
}

export interface Poller {
  identity: string;
  lastAccessTime?: Date;
}

export type VersioningSupport = { available: true } | { available: false; reason: string };

type TaskQueueKind = 'workflow' | 'activity';

/** A protobuf Duration or Timestamp in seconds; its `seconds` is a Long (or a number when small). */
function seconds(duration: { seconds?: unknown; nanos?: number | null } | null | undefined): number {
  if (!duration) return 0;
  const whole = duration.seconds as { toNumber?: () => number } | number | null | undefined;
  const value = typeof whole === 'object' && whole?.toNumber ? whole.toNumber() : Number(whole ?? 0);
  return value + (duration.nanos ?? 0) / 1e9;
}

function grpcCode(err: unknown): number | undefined {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'number' ? code : undefined;
}

/** Opens and closes a TCP connection to `host:port` (IPv6 as `[::1]:7233`); an ExternalError says why it could not. */
export async function probeTcp(address: string, timeoutMs: number): Promise<void> {
  const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(address);
  if (!match) throw new ExternalError('Temporal', `"${address}" is not host:port`);
  const [host, port] = [match[1] as string, Number(match[2])];
  await new Promise<void>((resolve, reject) => {
    const socket = createConnection({ host, port });
    const fail = (reason: string) => {
      socket.destroy();
      reject(new ExternalError('Temporal', `cannot reach ${address}: ${reason}`));
    };
    socket.setTimeout(timeoutMs, () => fail(`no TCP connection within ${timeoutMs} ms`));
    socket.once('error', (err: NodeJS.ErrnoException) => fail(err.code ?? err.message));
    socket.once('connect', () => {
      socket.end();
      resolve();
    });
  });
}

/**
 * What the doctor asks a Temporal frontend: the namespace, its search attributes, whether worker deployments
 * are served, who polls a task queue. Every call has a deadline, so a hanging server fails a check, not the run.
 */
export class TemporalEnvironment {
  private constructor(
    private readonly session: HistorySession,
    readonly namespace: string,
    private readonly timeoutMs: number,
  ) {}

  /** Connects and makes the first call (GetSystemInfo) within `timeoutMs`; an ExternalError says why not. */
  static async connect(source: LiveSource, timeoutMs: number): Promise<TemporalEnvironment> {
    // gRPC keeps retrying a refused connection until its deadline; a plain TCP probe says "refused" at once.
    await probeTcp(source.address, timeoutMs);
    const session = await connectLive({ ...source, connectTimeoutMs: timeoutMs });
    return new TemporalEnvironment(session, source.namespace, timeoutMs);
  }

  close(): Promise<void> {
    return this.session.close();
  }

  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await this.session.client.connection.withDeadline(Date.now() + this.timeoutMs, fn);
    } catch (err) {
      const detail = grpcCode(err) === 4 ? `no answer within ${this.timeoutMs} ms` : (err as Error).message;
      throw new ExternalError('Temporal', `${what} failed: ${detail}`, { cause: err });
    }
  }

  /** undefined when the namespace does not exist. */
  async describeNamespace(): Promise<NamespaceFacts | undefined> {
    try {
      const response = await this.session.client.connection.withDeadline(Date.now() + this.timeoutMs, () =>
        this.session.client.workflowService.describeNamespace({ namespace: this.namespace }),
      );
      const state = temporal.api.enums.v1.NamespaceState[response.namespaceInfo?.state ?? 0] ?? 'UNSPECIFIED';
      return {
        name: response.namespaceInfo?.name ?? this.namespace,
        state: state.replace(/^NAMESPACE_STATE_/, ''),
        retentionMs: Math.round(seconds(response.config?.workflowExecutionRetentionTtl) * 1000),
      };
    } catch (err) {
      if (grpcCode(err) === 5) return undefined;
      throw new ExternalError(
        'Temporal',
        `describing namespace ${this.namespace} failed: ${(err as Error).message}`,
        {
          cause: err,
        },
      );
    }
  }

  /** The namespace's custom search attributes and their types. */
  async searchAttributes(): Promise<Map<string, SearchAttributeTypeName>> {
    const response = await this.call(`listing the search attributes of ${this.namespace}`, () =>
      this.session.client.connection.operatorService.listSearchAttributes({ namespace: this.namespace }),
    );
    const found = new Map<string, SearchAttributeTypeName>();
    for (const [name, value] of Object.entries(response.customAttributes ?? {})) {
      const type = typeOfIndexedValue(Number(value));
      if (type) found.set(name, type);
    }
    return found;
  }

  /** Whether the server serves Worker Deployments (worker versioning) in this namespace. */
  async workerVersioning(): Promise<VersioningSupport> {
    try {
      await this.session.client.connection.withDeadline(Date.now() + this.timeoutMs, () =>
        this.session.client.workflowService.listWorkerDeployments({ namespace: this.namespace, pageSize: 1 }),
      );
      return { available: true };
    } catch (err) {
      const code = grpcCode(err);
      // UNIMPLEMENTED (older server), FAILED_PRECONDITION / PERMISSION_DENIED (turned off for the namespace).
      if (code === 12 || code === 9 || code === 7)
        return { available: false, reason: (err as Error).message };
      throw new ExternalError(
        'Temporal',
        `listing worker deployments of ${this.namespace} failed: ${(err as Error).message}`,
        { cause: err },
      );
    }
  }

  /** The workers that polled `taskQueue` recently (the server keeps a few minutes of pollers). */
  async pollers(taskQueue: string, kind: TaskQueueKind): Promise<Poller[]> {
    const taskQueueType =
      kind === 'workflow'
        ? temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW
        : temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY;
    const response = await this.call(`describing task queue ${taskQueue}`, () =>
      this.session.client.workflowService.describeTaskQueue({
        namespace: this.namespace,
        taskQueue: { name: taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
        taskQueueType,
      }),
    );
    return (response.pollers ?? []).map((poller) => ({
      identity: poller.identity ?? '',
      ...(poller.lastAccessTime ? { lastAccessTime: new Date(seconds(poller.lastAccessTime) * 1000) } : {}),
    }));
  }
}
