/**
 * Named points of the build where the fault-injection tests stop it. With
 * `CS_REPORT_FAULT_PAUSE=<point>` the build announces `fault-pause: <point>` on stderr when it
 * reaches that point and waits there until it gets SIGUSR2 (or is killed), so a test can kill it at
 * a known step, or change its surroundings (fill the disk) before it goes on. Unset, a point costs
 * nothing.
 */
export async function faultPoint(point: string): Promise<void> {
  if (process.env.CS_REPORT_FAULT_PAUSE !== point) return;
  const keepAlive = setInterval(() => {}, 60_000);
  const resumed = new Promise<void>((resolve) => process.once('SIGUSR2', () => resolve()));
  process.stderr.write(`fault-pause: ${point}\n`);
  await resumed;
  clearInterval(keepAlive);
}
