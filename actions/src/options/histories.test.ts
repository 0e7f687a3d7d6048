import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { REPLAY_OPTIONS, replayOptionsOf } from './histories.js';
import { flagSubject, inputSubject } from './table.js';

const base = { histories: ['histories/*.json'], workflows: 'src/workflows.ts' };

describe('replayOptionsOf: the queues this worker serves', () => {
  it('passes task-queues and config on to the step', () => {
    const options = replayOptionsOf(
      { ...base, 'task-queues': ['order-task-queue', 'billing'], config: 'rollout.yaml' },
      { tls: {} },
    );
    expect(options).toMatchObject({
      taskQueues: ['order-task-queue', 'billing'],
      configPath: 'rollout.yaml',
    });
    const without = replayOptionsOf(base, { tls: {} });
    expect(without).not.toHaveProperty('taskQueues');
    expect(without).not.toHaveProperty('configPath');
  });

  it('refuses a task queue name rollout.yaml would refuse, naming the input or flag', () => {
    let error: unknown;
    try {
      replayOptionsOf({ ...base, 'task-queues': ['order task queue'] }, { tls: {} });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    const named = (error as InputError).named(inputSubject(REPLAY_OPTIONS), (f) => f);
    expect(named.message).toMatch(/^input "task-queues": order task queue: is not a task queue name — /);
    const flag = (error as InputError).named(flagSubject(REPLAY_OPTIONS), (f) => f);
    expect(flag.message).toMatch(/^--task-queue: order task queue: is not a task queue name/);
  });
});
