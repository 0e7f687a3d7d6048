// The workflows the replay benchmark bundles: the order worker's, plus a timer loop whose synthetic histories
// give the mixed-size corpus its long members (5 events per loop turn).
import { sleep } from '@temporalio/workflow';

export * from '../../worker/src/workflows/index.js';

export async function benchTimers(turns: number): Promise<number> {
  for (let i = 0; i < turns; i++) await sleep(1000);
  return turns;
}
