import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { missingClusterTools } from './scripts/tool-paths.mjs';
import { CLUSTER_FILES } from './test/support/cluster-files.js';

// Integration files run side by side: most of their time is spent waiting (analysis intervals, Prometheus scrapes,
// the server's 30 s task-queue window a drain waits out, helm --wait), and each starts its own servers on free
// ports in its own temp folders, so they share nothing. The longest files also run their independent lines side
// by side inside the file (describe blocks with `concurrent: true`, each on its own dev server). Two files at a
// time on a 2-core machine, with no file kept for the end: buildah builds and act runs went two at a time beside
// the others at load 6–13 and passed. `vitest run --maxWorkers=N` overrides it.
const WORKERS = 2;

/**
 * The files that take minutes, longest first: started before the rest, so the run does not end waiting on one
 * of them alone. (vitest otherwise orders by the last run's durations, which a fresh clone does not have.)
 */
const LONGEST = [
  'test/e2e/act-release.test.ts',
  'test/integration/controller-faults.test.ts',
  'test/integration/kubernetes-faults.test.ts',
  'test/integration/controller-workflow.test.ts',
  'test/integration/kubernetes-controller.test.ts',
  'test/e2e/release-action.test.ts',
  'test/integration/controller-queue-rules.test.ts',
  'test/integration/controller-image.test.ts',
  'test/e2e/act-workflows.test.ts',
  'test/integration/build.test.ts',
  'test/integration/rollout-task-queue.test.ts',
  'test/integration/kubernetes-rollout.test.ts',
  'test/integration/controller-update-replay.test.ts',
  'test/integration/rollout-route.test.ts',
  'test/e2e/act-rollback.test.ts',
];

/**
 * Longest first; but while the cluster tools are still to be built beside the tests (test/support/cluster-tools-build.ts),
 * the files that start a cluster go after all the others, longest first among them, so the build has the others'
 * idle CPU and those files seldom wait.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const clusterLast = missingClusterTools().length > 0;
    const listed = (list: readonly string[], spec: TestSpecification) =>
      list.findIndex((file) => spec.moduleId.endsWith(`/${file}`));
    const rank = (spec: TestSpecification) => {
      const at = listed(LONGEST, spec);
      const longest = at < 0 ? LONGEST.length : at;
      return clusterLast && listed(CLUSTER_FILES, spec) >= 0 ? LONGEST.length + 1 + longest : longest;
    };
    // Array.prototype.sort is stable: the others keep vitest's order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

const INTEGRATION = [
  'test/integration/**/*.test.ts',
  'worker/test/integration/**/*.test.ts',
  'test/e2e/**/*.test.ts',
];
const SLOW_TEST_TIMEOUTS = { testTimeout: 120_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    reporters: ['default'],
    maxWorkers: WORKERS,
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['actions/src/**/*.test.ts', 'worker/test/unit/**/*.test.ts', 'test/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: INTEGRATION,
          exclude: [...configDefaults.exclude, ...CLUSTER_FILES],
          ...SLOW_TEST_TIMEOUTS,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration-cluster',
          include: CLUSTER_FILES,
          setupFiles: ['test/support/cluster-tools-ready.ts'],
          ...SLOW_TEST_TIMEOUTS,
        },
      },
    ],
  },
});
