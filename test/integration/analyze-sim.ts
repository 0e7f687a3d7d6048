// A metrics endpoint in the exact shape of the Temporal TS SDK's Prometheus exporter (Core metric names with
// the `temporal_` prefix, counters without `_total`, millisecond histograms with Core's default buckets, the
// namespace/service_name/task_queue/workflow_type/activity_type/failure_reason labels), for task queues whose
// traffic and faults a test controls. Counters advance with real time, like a worker under steady load.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface QueueBehaviour {
  /** Activity executions per second. */
  activitiesPerSecond: number;
  /** Share of activity executions that fail (0..1). */
  activityFailureRate: number;
  /** Typical activity latency (ms); each event is spread ±30% around it. */
  activityLatencyMs: number;
  workflowsPerSecond: number;
  workflowFailureRate: number;
  /** Workflow task schedule-to-start latency (ms). */
  scheduleToStartMs: number;
  /** Non-determinism errors per second on workflow tasks. */
  nondeterminismPerSecond: number;
}

export const HEALTHY: QueueBehaviour = {
  activitiesPerSecond: 20,
  activityFailureRate: 0,
  activityLatencyMs: 80,
  workflowsPerSecond: 6,
  workflowFailureRate: 0,
  scheduleToStartMs: 40,
  nondeterminismPerSecond: 0,
};

const ACTIVITY_BUCKETS = [50, 100, 500, 1000, 5000, 10000, 60000];
const SCHEDULE_TO_START_BUCKETS = [100, 500, 1000, 5000, 10000, 100000, 1000000];
const WORKFLOW_TASK_BUCKETS = [1, 10, 20, 50, 100, 200, 500, 1000];

class Histogram {
  readonly counts: number[];
  sum = 0;
  count = 0;
  constructor(readonly buckets: number[]) {
    this.counts = buckets.map(() => 0);
  }
  observe(v: number) {
    this.buckets.forEach((b, i) => {
      if (v <= b) this.counts[i]!++;
    });
    this.sum += v;
    this.count++;
  }
}

class QueueState {
  activities = 0;
  activityFailures = 0;
  workflowsCompleted = 0;
  workflowsFailed = 0;
  workflowTasks = 0;
  nondeterminism = 0;
  activityLatency = new Histogram(ACTIVITY_BUCKETS);
  scheduleToStart = new Histogram(SCHEDULE_TO_START_BUCKETS);
  taskLatency = new Histogram(WORKFLOW_TASK_BUCKETS);
  private carry = { a: 0, w: 0, n: 0 };
  private seed = 1;
  constructor(
    readonly taskQueue: string,
    public behaviour: QueueBehaviour,
  ) {}

  private random(): number {
    // Deterministic LCG so runs are repeatable.
    this.seed = (this.seed * 1103515245 + 12345) % 2147483648;
    return this.seed / 2147483648;
  }

  advance(seconds: number) {
    const b = this.behaviour;
    this.carry.a += b.activitiesPerSecond * seconds;
    this.carry.w += b.workflowsPerSecond * seconds;
    this.carry.n += b.nondeterminismPerSecond * seconds;
    for (; this.carry.a >= 1; this.carry.a--) {
      this.activities++;
      if (this.random() < b.activityFailureRate) this.activityFailures++;
      this.activityLatency.observe(b.activityLatencyMs * (0.7 + 0.6 * this.random()));
    }
    for (; this.carry.w >= 1; this.carry.w--) {
      if (this.random() < b.workflowFailureRate) this.workflowsFailed++;
      else this.workflowsCompleted++;
      for (let t = 0; t < 3; t++) {
        this.workflowTasks++;
        this.scheduleToStart.observe(b.scheduleToStartMs * (0.7 + 0.6 * this.random()));
        this.taskLatency.observe(5 + 10 * this.random());
      }
    }
    for (; this.carry.n >= 1; this.carry.n--) this.nondeterminism++;
  }

  render(namespace: string): string[] {
    const base = `namespace="${namespace}",service_name="temporal-core-sdk",task_queue="${this.taskQueue}"`;
    const wf = `${base},workflow_type="OrderWorkflow"`;
    const act = `${base},activity_type="chargePayment",workflow_type="OrderWorkflow"`;
    const lines: string[] = [];
    lines.push(`temporal_workflow_completed{${wf}} ${this.workflowsCompleted}`);
    // Like the SDK, a counter series appears only once something was counted.
    if (this.workflowsFailed > 0) lines.push(`temporal_workflow_failed{${wf}} ${this.workflowsFailed}`);
    if (this.activityFailures > 0)
      lines.push(
        `temporal_activity_execution_failed{${act},failure_reason="ActivityError"} ${this.activityFailures}`,
      );
    if (this.nondeterminism > 0)
      lines.push(
        `temporal_workflow_task_execution_failed{${wf},failure_reason="NonDeterminismError"} ${this.nondeterminism}`,
      );
    lines.push(...histogram('temporal_activity_execution_latency', act, this.activityLatency));
    lines.push(...histogram('temporal_workflow_task_schedule_to_start_latency', base, this.scheduleToStart));
    lines.push(...histogram('temporal_workflow_task_execution_latency', wf, this.taskLatency));
    return lines;
  }
}

function histogram(name: string, labels: string, h: Histogram): string[] {
  const lines = h.buckets.map((b, i) => `${name}_bucket{${labels},le="${b}"} ${h.counts[i]}`);
  lines.push(`${name}_bucket{${labels},le="+Inf"} ${h.count}`);
  lines.push(`${name}_sum{${labels}} ${h.sum}`);
  lines.push(`${name}_count{${labels}} ${h.count}`);
  return lines;
}

const TYPES: [string, string][] = [
  ['temporal_workflow_completed', 'counter'],
  ['temporal_workflow_failed', 'counter'],
  ['temporal_activity_execution_failed', 'counter'],
  ['temporal_workflow_task_execution_failed', 'counter'],
  ['temporal_activity_execution_latency', 'histogram'],
  ['temporal_workflow_task_schedule_to_start_latency', 'histogram'],
  ['temporal_workflow_task_execution_latency', 'histogram'],
];

export class SimulatedWorkers {
  private readonly queues = new Map<string, QueueState>();
  private last = Date.now();
  private readonly timer: NodeJS.Timeout;
  private constructor(
    private readonly server: Server,
    readonly address: string,
  ) {
    this.timer = setInterval(() => this.tick(), 100);
  }

  static async start(): Promise<SimulatedWorkers> {
    let self: SimulatedWorkers | undefined;
    const server = createServer((_req, res) => {
      res.setHeader('content-type', 'text/plain; version=0.0.4');
      res.end(self?.render() ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    self = new SimulatedWorkers(server, `127.0.0.1:${port}`);
    return self;
  }

  /** Starts (or changes) the traffic of a task queue. */
  set(taskQueue: string, behaviour: Partial<QueueBehaviour>) {
    this.tick();
    const existing = this.queues.get(taskQueue);
    if (existing) existing.behaviour = { ...existing.behaviour, ...behaviour };
    else this.queues.set(taskQueue, new QueueState(taskQueue, { ...HEALTHY, ...behaviour }));
  }

  private tick() {
    const now = Date.now();
    const seconds = (now - this.last) / 1000;
    this.last = now;
    for (const q of this.queues.values()) q.advance(seconds);
  }

  render(): string {
    this.tick();
    // Text format: each family's TYPE line, then all of its samples together.
    const out: string[] = [];
    const lines = [...this.queues.values()].flatMap((q) => q.render('default'));
    for (const [name, type] of TYPES) {
      out.push(`# TYPE ${name} ${type}`);
      out.push(...lines.filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name}_`)));
    }
    return `${out.join('\n')}\n`;
  }

  async stop() {
    clearInterval(this.timer);
    await new Promise((resolve) => this.server.close(resolve));
  }
}
