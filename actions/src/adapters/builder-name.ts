// The builders a user may name, parsed where inputs are read (before the builders themselves are loaded).
import { parseChoice } from '../core/inputs.js';

export type BuilderName = 'buildah' | 'podman' | 'docker';
export const BUILDERS: readonly (BuilderName | 'auto')[] = ['auto', 'buildah', 'podman', 'docker'];

export function parseBuilder(value: string, subject = 'builder'): BuilderName | 'auto' {
  return parseChoice(value, subject, BUILDERS);
}
