/** Small helpers for building messages, shared by the catalogues. */
export const list = (values: readonly unknown[]): string => values.map((v) => JSON.stringify(v)).join(', ');
export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
