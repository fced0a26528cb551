import { spawn, type ChildProcess } from 'node:child_process';

/** Starts `npm start` (as README says) with the given environment and waits until it answers. */
export async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn('npm', ['start'], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  child.stdout?.on('data', () => undefined);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stopServer(child);
  throw new Error(`server on port ${port} did not answer within 120 s`);
}

/** Stops the server and the process group npm started. */
export function stopServer(child: ChildProcess): void {
  if (child.pid) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}
