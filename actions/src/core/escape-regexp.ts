/**
 * `text` with every character a regular expression gives a meaning to escaped, so it matches only itself
 * inside a pattern (JavaScript's, and PromQL's RE2 for `=~`). Node 20 has no `RegExp.escape` yet.
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
