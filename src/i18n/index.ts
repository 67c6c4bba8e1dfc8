import { en } from './en.js';
import type { Lang } from './lang.js';
import { nl, type Messages } from './nl.js';

export { isLang, LANGS, type Lang } from './lang.js';
export type { Messages };

export function messages(lang: Lang): Messages {
  return lang === 'en' ? en : nl;
}

