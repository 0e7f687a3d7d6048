// For a test file whose groups each start their own fixture and run side by side (describe.concurrent).
import { afterAll, beforeAll } from 'vitest';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { workflowBundle } from './rollout-support.js';

/**
 * Bundles the order worker's workflows once, in a folder of the file's own. `workflowBundle` keeps the first
 * path it is given: left to the fixtures, that is the first fixture's folder, removed when its group ends
 * while the other groups still start workers on it. Call at the top of the file's outer describe.
 */
export function bundleOrderWorkflowsOnce(): void {
  let bundles: TempDir | undefined;
  beforeAll(async () => {
    bundles = await tempDir('order-workflows');
    await workflowBundle(bundles.path);
  }, 120_000);
  afterAll(async () => {
    await bundles?.remove();
  });
}
