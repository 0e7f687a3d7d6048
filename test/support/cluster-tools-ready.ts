// Setup file of the files that start a kwok cluster (vitest.config.ts): before their own hooks, wait for the cluster
// tools a fresh machine's `npm test` builds beside the other files (cluster-tools-build.ts).
import { beforeAll } from 'vitest';
import { waitForClusterTools } from './cluster-tools-build.js';

/** A fresh compile of the control plane takes 4–8 minutes on 2 idle cores; niced beside the tests, longer. */
const WAIT_MS = 40 * 60_000;

beforeAll(async () => {
  const waited = await waitForClusterTools(WAIT_MS - 30_000);
  if (waited >= 1) console.log(`cluster tools: waited ${waited.toFixed(0)} s for the build beside the tests`);
}, WAIT_MS);
