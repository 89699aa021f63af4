/**
 * The pauses of an outbox's idle lanes (the alert deliverer, the notification dispatcher): each waits up to its
 * poll interval, and `wakeAll` ends every wait at once, when there is new work or the process stops.
 */
export function idlePauses() {
  const sleepers = new Set<() => void>();
  return {
    pause: (ms: number) =>
      new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          sleepers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, ms);
        sleepers.add(wake);
      }),
    wakeAll: () => {
      for (const wake of [...sleepers]) wake();
    },
  };
}
