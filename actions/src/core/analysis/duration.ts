// Formatting for the analysis report and its PromQL; parsing is core/duration.ts's `parseDuration`.

/** Milliseconds → a PromQL range duration (whole seconds, at least 1s), e.g. 90000 → `"90s"`. */
export function promDuration(ms: number): string {
  return `${Math.max(1, Math.round(ms / 1000))}s`;
}

/** Milliseconds → short human text: 1500 → `"1.5s"`, 90000 → `"1m30s"`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds === 0 ? `${minutes}m` : `${minutes}m${seconds}s`;
}
