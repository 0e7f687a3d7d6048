/**
 * Makes Ctrl-C (SIGINT) and SIGTERM run `cleanup` before the script exits (130 / 143). Without it a signal ends
 * Node without running `finally`, and what was started detached (kwok's control plane, local-deployer workers)
 * keeps running. Returns the cleanup to call on the normal path: it runs once, whoever asks first; a second
 * signal while it runs exits at once.
 */
export function cleanupOnSignal(cleanup: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let signals = 0;
  const once = () => {
    running ??= cleanup();
    return running;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    const code = signal === 'SIGINT' ? 130 : 143;
    if (++signals > 1) process.exit(code);
    console.error(`\n${signal}: stopping everything this script started (again to exit at once)`);
    void once()
      .catch((err: unknown) => console.error(`cleanup failed: ${String(err)}`))
      .finally(() => process.exit(code));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return async () => {
    try {
      await once();
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  };
}
