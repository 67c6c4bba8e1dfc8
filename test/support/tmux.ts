/** Driving the built binary in a real pseudo-terminal: tmux with send-keys, the screen read back. */
import { execFileSync, spawnSync } from 'node:child_process';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const SOCKET = `kader-test-${process.pid}`;

export const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
export const screen = (): string => tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', 'k');

/** Start a command in session "k" (replacing an earlier one), 160×50 unless narrower, with its exit code shown. */
export function startInTmux(command: string, width = 160): void {
  spawnSync('tmux', ['-L', SOCKET, 'kill-session', '-t', 'k']);
  // Killing the last session makes the server exit; a new-session racing that exit fails with
  // "server exited unexpectedly", so try again (a few times at most).
  for (let attempt = 1; ; attempt++) {
    const started = spawnSync('tmux', ['-L', SOCKET, 'new-session', '-d', '-s', 'k', '-x', String(width), '-y', '50', `${command}; echo EXIT=$?; sleep 60`], { encoding: 'utf8' });
    if (started.status === 0) return;
    if (attempt === 5) throw new Error(`tmux new-session failed: ${started.stderr}`);
    spawnSync('sleep', ['0.2']);
  }
}

export async function waitFor(text: string | RegExp, timeoutMs = 8000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const shown = screen();
    if (typeof text === 'string' ? shown.includes(text) : text.test(shown)) return shown;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${String(text)}; screen:\n${shown}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function killTmux(): void {
  if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
}
