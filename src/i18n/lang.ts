/** The UI languages; kept apart from the message catalogues so the entry point can stay small. */
export type Lang = 'nl' | 'en';
export const LANGS: readonly Lang[] = ['nl', 'en'];

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}
