/**
 * The "Done when" of #17: a whole interview of the bundled werken-aan-veiligheid in a real
 * terminal, killed twice (SIGKILL, as a crash) and resumed twice, ending complete with every
 * answer saved. Question ids and types come from `kader show --format json`, so the test
 * follows the framework as it changes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, kader, tempDir } from './helpers.js';
import { hasTmux, killTmux, screen, startInTmux, tmux, waitFor } from './support/tmux.js';

afterAll(killTmux);

interface Q {
  id: string;
  text: string;
  type: string;
}

/** The prompt now waiting for input: the last "? " line with no answered "✔" line after it. */
function activePrompt(shown: string): string | undefined {
  const lines = shown.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i]!.startsWith('✔ ')) return undefined;
    if (lines[i]!.startsWith('? ')) return lines[i]!;
  }
  return undefined;
}

async function nextPrompt(previous: string | undefined): Promise<string> {
  const started = Date.now();
  for (;;) {
    const shown = screen();
    if (shown.includes('EXIT=')) return 'EXIT';
    const prompt = activePrompt(shown);
    if (prompt && prompt !== previous) return prompt;
    if (Date.now() - started > 10_000) throw new Error(`no new prompt after ${previous}; screen:\n${shown}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!hasTmux)('a whole interview of werken-aan-veiligheid (#17)', () => {
  it('survives two crashes and two resumes, and ends complete with every answer saved', async () => {
    const questions: Q[] = [];
    const shown = JSON.parse(kader(['show', 'werken-aan-veiligheid', '--format', 'json']).stdout) as {
      themes: { criteria: { questions: Q[] }[] }[];
    };
    for (const theme of shown.themes) for (const c of theme.criteria) questions.push(...c.questions);
    // A long question wraps on the screen, so the prompt line may hold only its beginning.
    const byText = (prompt: string) => {
      const text = prompt.slice(prompt.indexOf('] ') + 2).trim();
      if (prompt.indexOf('] ') < 0 || text.length < 20) return undefined;
      return questions.find((q) => q.text === text) ?? questions.find((q) => q.text.startsWith(text) || text.startsWith(q.text));
    };

    const dir = tempDir();
    writeFileSync(join(dir, 'leeg.yaml'), '{}\n');
    expect(kader(['interview', 's.yaml', '--framework', 'werken-aan-veiligheid', '--gemeente', 'Testdorp', '--respondent', 'teamleider', '--answers', 'leeg.yaml'], { cwd: dir }).code).toBe(0);
    const start = () => startInTmux(`cd ${dir} && NO_COLOR=1 ${process.execPath} ${BIN} interview s.yaml`);

    let keystrokes = 0;
    const send = (...keys: string[]) => {
      keystrokes += keys.reduce((n, k) => n + (/^[A-Z]/.test(k) && k.length > 1 ? 1 : k.length), 0);
      tmux('send-keys', '-t', 'k', ...keys);
    };
    const crashAt = new Set([15, 35]); // answers after which the process is killed
    let answered = 0;
    let scale = 0;
    let previous: string | undefined;
    const began = Date.now();
    start();
    for (let steps = 0; steps < 400; steps++) {
      const prompt = await nextPrompt(previous);
      if (prompt === 'EXIT') break;
      previous = prompt;
      const q = byText(prompt);
      if (!q) {
        if (prompt.includes('Welk bewijs')) send('Enter');
        else if (prompt.includes('Notitie')) send('Enter');
        else if (prompt.includes('Wat anders?')) send('iets anders', 'Enter');
        else throw new Error(`unexpected prompt: ${prompt}`);
        continue;
      }
      answered++;
      if (q.type === 'scale') send(...(scale++ % 2 === 0 ? ['Enter'] : ['Down', 'Enter'])); // voldoet, then deels: follow-ups get asked
      else if (q.type === 'multi') send('Space', 'Enter');
      else if (q.type === 'number') send('3', 'Enter');
      else if (q.type === 'date') send('15-03-2026', 'Enter');
      else if (q.type === 'text') send('Werkwijze besproken', 'Enter');
      else send('Enter'); // boolean, choice
      if (crashAt.has(answered)) {
        // A crash: SIGKILL to the kader process (the child of the pane's shell), then resume.
        await nextPrompt(previous);
        const pane = tmux('list-panes', '-t', 'k', '-F', '#{pane_pid}').trim();
        const pid = execFileSync('ps', ['-o', 'pid=', '--ppid', pane], { encoding: 'utf8' }).trim().split('\n')[0]!.trim();
        process.kill(Number(pid), 'SIGKILL');
        await waitFor('EXIT=137');
        previous = undefined;
        start();
        const resumed = await waitFor(/Verder bij vraag \d+ van \d+/);
        expect(resumed).toMatch(/Verder bij vraag \d+ van \d+ \(\d+ beantwoord\)\./);
      }
    }
    const end = await waitFor('EXIT=');
    expect(end).toContain('Alle verplichte vragen zijn beantwoord; sessie afgerond: s.yaml');
    expect(end).toContain('Samenvatting');
    const check = kader(['check', 's.yaml'], { cwd: dir });
    expect(check.code).toBe(0);
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toMatch(/^status: complete$/m);
    // Measured, not asserted: how long and how many keys per question (#17 closing note).
    console.log(`werken-aan-veiligheid: ${answered} questions answered (2 crashes) in ${Math.round((Date.now() - began) / 1000)} s; ${(keystrokes / answered).toFixed(1)} keystrokes per question`);
  }, 180_000);
});
