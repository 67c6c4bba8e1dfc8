/**
 * Geometry of the inline SVG bar charts (no scripts, no fonts to load): per theme a bar for
 * the score now, and with a baseline a second, lighter bar for then. Labels wrap on word
 * boundaries instead of being cut, and the SVG scales down with the page (viewBox), so a
 * narrow screen shows the whole chart without scrolling sideways.
 */

export interface ChartRow {
  /** The label in lines of at most LABEL_CHARS characters, broken between words. */
  lines: { text: string; y: number }[];
  bars: { kind: 'now' | 'then'; percent: number | null; y: number; width: number; textY: number }[];
}

export interface Chart {
  width: number;
  height: number;
  barX: number;
  barWidth: number;
  rows: ChartRow[];
}

const LABEL_CHARS = 30;
const BAR_HEIGHT = 16;
const LINE_HEIGHT = 15;

/** Break a label between words into lines of at most `max` characters (a longer word stays whole). */
export function wrapLabel(text: string, max = LABEL_CHARS): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function barChart(themes: readonly { label: string; now: number | null; then?: number | null }[], withThen: boolean): Chart {
  const barX = 220;
  const barWidth = 280;
  const rows: ChartRow[] = [];
  let top = 6;
  for (const theme of themes) {
    const kinds = withThen ? (['then', 'now'] as const) : (['now'] as const);
    const lines = wrapLabel(theme.label);
    const barsHeight = kinds.length * (BAR_HEIGHT + 4);
    const height = Math.max(barsHeight, lines.length * LINE_HEIGHT + 4);
    rows.push({
      lines: lines.map((text, i) => ({ text, y: top + 12 + i * LINE_HEIGHT })),
      bars: kinds.map((kind, i) => {
        const percent = kind === 'now' ? theme.now : (theme.then ?? null);
        const y = top + i * (BAR_HEIGHT + 4);
        return { kind, percent, y, width: percent === null ? 0 : Math.round((percent / 100) * barWidth), textY: y + 12 };
      }),
    });
    top += height + 10;
  }
  return { width: barX + barWidth + 80, height: top, barX, barWidth, rows };
}
