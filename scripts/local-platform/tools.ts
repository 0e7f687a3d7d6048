import { existsSync } from 'node:fs';
import { toolPaths } from '../tool-paths.mjs';

export type ToolName = keyof ReturnType<typeof toolPaths>;

/** The path of a tool the bootstrap installed. A missing tool is a failure, never a skip. */
export function tool(name: ToolName): string {
  const path = toolPaths()[name];
  if (!existsSync(path)) {
    throw new Error(
      `${name} is not installed at ${path}: run \`npm run bootstrap\` (the test command does).`,
    );
  }
  return path;
}
