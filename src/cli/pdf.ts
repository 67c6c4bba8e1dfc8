/**
 * PDF through a Chromium that is already installed (CHROME_PATH, chromium / google-chrome on
 * PATH, or Chrome, Chromium or Edge where their installers put them on Windows and macOS): the
 * HTML report printed with its print stylesheet. kader never downloads a browser.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { writeFileAtomic } from '../core/files.js';
import { pathToFileURL } from 'node:url';
import { sayWritten } from './output.js';
import type { CommandContext } from './context.js';
import { UserError } from './errors.js';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/**
 * Where Chrome, Chromium and Edge install themselves outside PATH: Windows and macOS installers
 * do not put the browser on PATH, so without these a Windows user would always need CHROME_PATH.
 */
export function knownLocations(env: Record<string, string | undefined>, platform: NodeJS.Platform): string[] {
  if (platform === 'darwin') {
    return ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'].map(
      (app) => `/Applications/${app}`,
    );
  }
  if (platform !== 'win32') return [];
  const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
  return ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'].flatMap((exe) =>
    roots.map((root) => `${root}\\${exe}`),
  );
}

export function findChromium(env: Record<string, string | undefined>, platform: NodeJS.Platform = process.platform): string | undefined {
  const executable = (path: string) => {
    try {
      accessSync(path, constants.X_OK);
      return statSync(path).isFile();
    } catch {
      return false;
    }
  };
  if (env.CHROME_PATH) return executable(env.CHROME_PATH) ? env.CHROME_PATH : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES) if (executable(join(dir, name))) return join(dir, name);
  }
  return knownLocations(env, platform).find(executable);
}

/**
 * A4, the paper Dutch offices print on: Chromium's own default is US Letter and its command
 * line has no paper option, so the page says it. The rule goes first in <head>, so a user
 * template's own @page size (later in the cascade) still wins.
 */
export function onA4(html: string): string {
  const rule = '<style>@page { size: A4; }</style>';
  // After <head>, else after the doctype (a style before it would put Chromium in quirks mode).
  const head = /<head(\s[^>]*)?>/i.exec(html) ?? /<!doctype[^>]*>/i.exec(html);
  const at = head ? head.index + head[0].length : 0;
  return `${html.slice(0, at)}\n${rule}${html.slice(at)}`;
}

/**
 * Print `html` to a PDF at `out` on A4. Chromium writes into a private folder made by mkdtemp
 * (0700, a name no one can predict or plant a link at); the result is then written to `out` as
 * every other output is: atomically and with mode 0600.
 */
export function printPdf(ctx: CommandContext, html: string, out: string): void {
  const chromium = findChromium(ctx.io.env);
  if (!chromium) throw new UserError(ctx.msgs.cli.report.noChromium);
  const work = mkdtempSync(join(tmpdir(), 'kader-pdf-'));
  const temp = join(work, 'verbeterplan.pdf');
  try {
    const page = join(work, 'verbeterplan.html');
    writeFileSync(page, onA4(html));
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-pdf-header-footer',
      `--user-data-dir=${join(work, 'profile')}`,
      `--print-to-pdf=${temp}`,
      // Chromium refuses to start as root unless its sandbox is off (CI containers run as root).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      pathToFileURL(page).href,
    ];
    const result = spawnSync(chromium, args, { encoding: 'utf8', timeout: 60_000 });
    let written = false;
    try {
      written = statSync(temp).size > 0;
    } catch {
      written = false;
    }
    if (result.status !== 0 || !written) {
      const detail = (result.stderr || result.error?.message || '').split('\n').find((line) => line.trim()) ?? `exit ${result.status}`;
      throw new UserError(ctx.msgs.cli.report.pdfFailed(chromium, detail.trim()));
    }
    writeFileAtomic(out, readFileSync(temp), ctx.msgs);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  sayWritten(ctx, out);
}
