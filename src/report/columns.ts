/** Aligned text columns for the terminal (compare, aggregate). */
export interface ColumnOptions {
  /** Right-align this column (numbers). */
  right?: (index: number) => boolean;
}

export function columns(rows: readonly (readonly string[])[], options: ColumnOptions = {}): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => {
          if (options.right?.(i)) return cell.padStart(widths[i]!);
          return i === r.length - 1 ? cell : cell.padEnd(widths[i]!);
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
