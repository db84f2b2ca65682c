/**
 * Where a test may kill the worker in the middle of a change, to prove that every interrupted
 * step is found and repaired by recovery: HTTPAPI_TEST_CRASH_AT=<point> makes the process
 * SIGKILL itself there (no cleanup, no finally blocks, like a power cut). Points: `prepared`
 * (backup and new content written, before the journal), `journaled` (before the first step),
 * `step-N` (after step N).
 */
export function crashPoint(point: string): void {
  if (process.env.HTTPAPI_TEST_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
}
