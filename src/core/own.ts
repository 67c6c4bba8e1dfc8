/**
 * Lookups by id in plain objects (answers, judgements, perspectives): an id may be any
 * name a framework allows, `constructor` and `toString` included, and those must not find
 * what every object inherits.
 */
export function own<T>(map: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
}
