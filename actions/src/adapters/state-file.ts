import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputError } from '../core/errors.js';
import type { RolloutState } from '../core/rollout/state.js';
import type { StateStore } from './deployer.js';

/** Writes `text` to `path` through a temporary file and a rename, so a reader never sees half a file. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // Unique per write: two writes of one file at once in one process must not share a temporary file.
  const temporary = `${path}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

/** Parses a stored rollout state; `where` names the file or object in errors. */
export function parseState(text: string, where: string): RolloutState {
  let state: RolloutState;
  try {
    state = JSON.parse(text) as RolloutState;
  } catch (err) {
    throw new InputError(where, `is not valid JSON (${(err as Error).message})`, 'restore it or delete it');
  }
  if (state?.schema !== 1) {
    throw new InputError(where, `has schema ${String(state?.schema)}, expected 1`, 'restore it or delete it');
  }
  return state;
}

/** The rollout state as a JSON file (`.rollout/state.json` by default). */
export class FileStateStore implements StateStore {
  constructor(readonly where: string) {}

  async load(): Promise<RolloutState | undefined> {
    let text: string;
    try {
      text = await readFile(this.where, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    return parseState(text, this.where);
  }

  async save(state: RolloutState): Promise<void> {
    await writeFileAtomic(this.where, `${JSON.stringify(state, null, 2)}\n`);
  }
}
