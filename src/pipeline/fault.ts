/**
 * Named points of the build where the fault-injection tests stop it. With
 * `CS_REPORT_FAULT_PAUSE=<point>` the build announces `fault-pause: <point>` on stderr when it
 * reaches that point and waits there for ever, so a test can kill it at a known step. Unset, a
 * point costs nothing.
 */
export async function faultPoint(point: string): Promise<void> {
  if (process.env.CS_REPORT_FAULT_PAUSE !== point) return;
  process.stderr.write(`fault-pause: ${point}\n`);
  await new Promise<never>(() => setInterval(() => {}, 60_000));
}
