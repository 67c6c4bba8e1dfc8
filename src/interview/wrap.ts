/**
 * Word wrapping for what the interview writes itself (criterion, guidance, summary): a
 * terminal cuts a long line at its last column, mid-word ("ca/seload"); this breaks at spaces,
 * keeps an indented line's indent, and measures without colour codes.
 */
const ANSI = /\x1b\[[0-9;]*m/g;
const visible = (text: string): number => [...text.replace(ANSI, '')].length;

export function wrapText(text: string, width: number): string {
  if (!Number.isFinite(width) || width < 20) return text;
  return text
    .split('\n')
    .map((line) => {
      if (visible(line) <= width) return line;
      const indent = /^\s*(?:[•-] )?/.exec(line.replace(ANSI, ''))![0].replace(/[•-]/, ' ');
      const out: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        const next = current === '' ? word : `${current} ${word}`;
        if (current !== '' && visible(next) > width) {
          out.push(current);
          current = `${indent}${word}`;
        } else current = next;
      }
      out.push(current);
      return out.join('\n');
    })
    .join('\n');
}

/** The terminal's width now (it may be resized during a two-hour session); 80 when unknown. */
export const terminalWidth = (): number => (process.stdout.isTTY ? process.stdout.columns : undefined) ?? 80;
