import { readFileSync, statSync } from 'node:fs';
import { parseRoutingFile, type RoutingTable, singleRoute } from './routing.js';

export interface RoutingSource {
  /** The table to route by now. */
  current(): RoutingTable;
  /** Where the table comes from, for logs and responses. */
  readonly description: string;
}

/**
 * A routing file re-read whenever its mtime or size changes (checked on each call: one stat, no
 * watcher to lose events on ConfigMap symlink swaps). A broken update keeps the last good table and
 * reports it through `onError`; a broken file at start-up throws.
 */
export function fileRoutingSource(path: string, onError: (err: Error) => void): RoutingSource {
  let stamp = '';
  let badStamp = '';
  let table: RoutingTable | undefined;
  const load = () => {
    const stat = statSync(path);
    const next = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    if ((next === stamp || next === badStamp) && table) return table;
    try {
      table = parseRoutingFile(readFileSync(path, 'utf8'), `ROUTING_FILE ${path}`);
      stamp = next;
      return table;
    } catch (err) {
      badStamp = next;
      throw err;
    }
  };
  load();
  return {
    description: `file ${path}`,
    current() {
      try {
        return load();
      } catch (err) {
        // Reported once per bad version of the file; routing goes on with the last good table.
        onError(err instanceof Error ? err : new Error(String(err)));
        return table as RoutingTable;
      }
    },
  };
}

export function staticRoutingSource(table: RoutingTable, description: string): RoutingSource {
  return { description, current: () => table };
}

export function defaultRoutingSource(taskQueue: string): RoutingSource {
  return staticRoutingSource(singleRoute(taskQueue), `all to ${taskQueue}`);
}
