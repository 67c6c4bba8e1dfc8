/** Small helpers for building messages, shared by the catalogues. */
export const list = (values: readonly unknown[]): string => values.map((v) => JSON.stringify(v)).join(', ');
export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
/** A number as Dutch readers write it: decimal comma, no thousands separator for small figures. */
export const dutchNumber = (n: number): string => String(n).replace('.', ',');
