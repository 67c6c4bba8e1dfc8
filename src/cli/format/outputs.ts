/**
 * The output formats of report, compare and aggregate, as the options table offers them
 * (src/cli/program.ts). Only names here, so start-up loads no renderer; each command maps every
 * name to its renderer (a Record over these, so a format without one does not compile).
 */
export const REPORT_OUTPUTS = ['md', 'html', 'json', 'pdf', 'csv', 'docx'] as const;
export type ReportOutput = (typeof REPORT_OUTPUTS)[number];

export const COMPARE_OUTPUTS = ['text', 'md', 'html', 'json'] as const;
export type CompareOutput = (typeof COMPARE_OUTPUTS)[number];

export const AGGREGATE_OUTPUTS = ['text', 'md', 'html', 'pdf', 'csv', 'json'] as const;
export type AggregateOutput = (typeof AGGREGATE_OUTPUTS)[number];

/**
 * What `report --format csv` writes when --table or --separator is not given: the options table
 * shows and applies these, and report.ts uses them when another command (the interview's offer
 * of a verbeterplan) calls it directly.
 */
export const REPORT_CSV_DEFAULTS = { table: 'actions', separator: ',' } as const;
