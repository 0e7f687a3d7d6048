import type { Client } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { measureWorkflowTasks } from './analyze.js';

/** A client whose calls fail with `message`, after its deadline or at once. */
function failingClient(message: string, whenDeadlinePasses: boolean): Client {
  const client = {
    async withDeadline(deadline: number): Promise<never> {
      if (whenDeadlinePasses) await new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now()) + 5));
      throw new Error(message);
    },
  };
  return client as unknown as Client;
}

describe('measureWorkflowTasks', () => {
  it('names the deadline when Temporal did not answer in time, whatever status gRPC gave', async () => {
    const client = failingClient(
      'Temporal: listing runs (q) failed: Failed to list workflows: Call cancelled',
      true,
    );
    const m = await measureWorkflowTasks(client, 'q', 10, 20);
    expect(m.phase).toBe('Error');
    expect(m.message).toBe(
      'Temporal: listing runs (q) failed: Failed to list workflows: Call cancelled (no answer within 20 ms)',
    );
  });

  it('reports an error before the deadline as it is, prefixed with Temporal once', async () => {
    const m = await measureWorkflowTasks(failingClient('connection refused', false), 'q', 10, 60_000);
    expect(m).toMatchObject({ phase: 'Error', message: 'Temporal: connection refused' });
  });
});
