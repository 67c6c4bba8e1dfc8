import { en } from './en.js';
import { nl, type Messages } from './nl.js';

export type Lang = 'nl' | 'en';
export const LANGS: readonly Lang[] = ['nl', 'en'];
export type { Messages };

export function messages(lang: Lang): Messages {
  return lang === 'en' ? en : nl;
}

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}
