import { existsSync } from 'node:fs';
import { CLUSTER_TOOLS_BUILD_DIR_ENV, toolPaths } from '../tool-paths.mjs';

export type ToolName = keyof ReturnType<typeof toolPaths>;

/** The path of a tool the bootstrap installed. A missing tool is a failure, never a skip. */
export function tool(name: ToolName): string {
  const path = toolPaths()[name];
  if (!existsSync(path)) {
    const building = process.env[CLUSTER_TOOLS_BUILD_DIR_ENV];
    throw new Error(
      building
        ? `${name} is not built yet at ${path}: the test run builds it beside the tests (log ${building}/build.log). ` +
            'A test file that starts a kwok cluster must be listed in CLUSTER_FILES (test/support/cluster-files.ts) to wait for it.'
        : `${name} is not installed at ${path}: run \`npm run bootstrap\` (the test command does).`,
    );
  }
  return path;
}
