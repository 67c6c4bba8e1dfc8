/**
 * The detectors behind findPersonalData: one regular expression per shape, plus a check of the
 * words around a match that tells a client's number from a case number, an amount or a year.
 *
 * Linear time by construction: every pattern starts with a one-character look-behind (so a
 * run of letters or digits is tried from its first character only, not from each one) and has
 * no unbounded quantifier (`*`, `+`, `{n,}`), so one attempt costs at most a fixed number of
 * steps and a text of n characters costs O(n). test/privacy-linear.test.ts checks both rules on
 * the sources below and runs long runs of each pattern's characters through the binary.
 */
export type PersonalDataKind = 'bsn' | 'phone' | 'email' | 'iban' | 'postcode' | 'birthdate' | 'address';

export interface Detector {
  kind: PersonalDataKind;
  pattern: RegExp;
  /** Decide on a match with the text around it (`before`: up to 60 characters, `after`: the same). */
  accept?: (match: string, before: string, after: string) => boolean;
  /**
   * Text that every match contains, checked first: a large expression costs milliseconds to
   * compile on its first use (twice: V8 interprets it, then compiles it to machine code), which
   * text without this never needs to pay.
   */
  needs?: RegExp;
}

const digitsOf = (s: string): string => s.replace(/\D/g, '');

/** The elfproef: 9×d1 + 8×d2 + … + 2×d8 − d9 is a multiple of 11 (and not all zeros). */
export function passesElfproef(nine: string): boolean {
  if (!/^\d{9}$/.test(nine) || /^0{9}$/.test(nine)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(nine[i]) * (9 - i);
  sum -= Number(nine[8]);
  return sum % 11 === 0;
}

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function passesIbanCheck(iban: string): boolean {
  const compact = iban.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char;
    for (const d of value) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

// Words right before a number that make it a file, case or invoice number, not a person's.
const CASE_LABEL =
  /(?:^|[^a-z])(?:zaak|dossier|registratie|referentie|kenmerk|factuur|order|melding|casus|klant|aanvraag|polis|contract|project|rapport|kvk|btw|ticket|volg|ref|case|file|invoice|vt-|sv-)[a-z-]{0,14}\.?[ \t]{0,3}(?:nummer|nr\.?|no\.?)?[ \t]{0,3}[:#]?[ \t]{0,3}$/i;
// The same, earlier in the sentence: "het registratienummer van de aanvraag is 231709766".
const CASE_NUMBER_WORD =
  /(?:^|[^a-z])(?:(?:zaak|dossier|registratie|factuur|order|melding|klant|aanvraag|polis|contract|project|rapport|ticket|volg|case|invoice)[a-z-]{0,14}(?:nummer|nr)|kenmerk|referentie)(?![a-z])/i;
// A word that says the number is a BSN overrules the case-number reading.
const BSN_LABEL = /(?:^|[^a-z])(?:bsn|burgerservicenummer|sofi)[a-z-]{0,10}\.?[ \t]{0,3}[:#]?[ \t]{0,3}$/i;
const BSN_WORD = /(?:^|[^a-z])(?:bsn|burgerservicenummer|sofinummer)/i;
/** The part of `before` in the same sentence as the match. */
const clauseBefore = (before: string): string => before.slice(before.search(/[.;!?](?:\s[^.;!?]{0,60})?$/) + 1);
// Money: "EUR 123.456.782", "€ 111.222.333", "123.456.782 euro", "111.222.333,-".
const MONEY_BEFORE = /(?:€|ƒ|(?:^|[^a-z])(?:eur|euro|bedrag|budget|subsidie|kosten))[ \t]{0,3}$/i;
const MONEY_AFTER = /^(?:[ \t]{0,3}(?:euro|eur\b|€)|,-|,\d{2})/i;

// A number followed by one of these counts something ("12 keer", "3 gezinnen", "40%").
const COUNT_AFTER =
  /^[ \t]{0,3}(?:%|procent|keer|maal|x\b|×|meldingen|melding|casussen|casus|dossiers|zaken|gezinnen|gezin|kinderen|cliënten|clienten|jongeren|ouders|huishoudens|adviezen|gesprekken|overleggen|uur|uren|dagen|dag|weken|week|maanden|maand|jaar|jaren|minuten|werkdagen|fte|medewerkers|professionals|scholen|teams|wijken|gemeenten|punten|items|vragen|acties|euro|%)/i;
// Words before a year: "in 2024", "sinds 2019", "eind 2023".
const YEAR_BEFORE =
  /(?:^|[^a-z])(?:in|sinds|vanaf|tot|t\/m|per|jaar|eind|begin|medio|najaar|voorjaar|zomer|winter|halfjaar|kwartaal|q[1-4]|rond|na|voor|over|uit|van|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|okt|nov|dec)[ \t]{1,3}$/i;
const isYear = (four: string): boolean => /^(?:19|20)\d{2}$/.test(four);

// Two letters after four digits that are a Dutch word or a common abbreviation, not a postcode.
const NOT_POSTCODE_LETTERS = new Set([
  'sa', 'sd', 'ss', // never issued
  'en', 'op', 'in', 'is', 'de', 'al', 'na', 'om', 'zo', 'nu', 'er', 'te', 'of', 'ik', 'je', 'we', 'ze', 'me', 'ja', 'af', 'ca', 'bv', 'tm', 'km', 'kg', 'mb', 'gb', 'cm', 'mm', 'ml', 'mg', 'pm', 'am', 'uu', 'nr', 'no', 'to', 'at', 'on', 'by', 'vs',
]);
// Two capitals that in this field are an organisation, not a postcode: Veilig Thuis, wijkteam, jeugdbescherming …
const DOMAIN_ABBREVIATIONS = new Set(['VT', 'WT', 'JB', 'GI', 'BJ', 'JZ', 'OM', 'RK', 'SW', 'ZT', 'HG', 'KM', 'MO', 'BW', 'LT']);

// An address after one of these words is an office's, not a person's: "het kantoor aan de
// Stationsstraat 12". Unless the same sentence says someone lives or stays there.
const ORGANISATION_PLACE =
  /(?:^|[^a-z])(?:kantoor|kantoren|gemeentehuis|stadhuis|vestiging|locatie|gebouw|bureau|politiebureau|wijkcentrum|buurthuis|bibliotheek|praktijk|ziekenhuis|veilig thuis|wijkteam|ggd|veiligheidshuis|raadzaal|bijeenkomst|training|spreekuur|inloop)(?![a-z])/i;
const PERSON_PLACE =
  /(?:^|[^a-z])(?:woont|wonen|woonde|verblijft|verblijven|verhuisd|ingetrokken|slaapt|logeert|logeren|adres|huisbezoek|gezin|moeder|vader|ouders?|kind|kinderen|zoon|dochter|oma|opa|tante|oom|broer|zus|jongere|pleger|slachtoffer|cliënt|client|buren|buurman|buurvrouw|partner)(?![a-z])/i;
const organisationAddress = (before: string): boolean => {
  const clause = clauseBefore(before);
  return ORGANISATION_PLACE.test(clause) && !PERSON_PLACE.test(clause);
};

const MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|maa|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec';
// A date with a four- or two-digit year ("12-03-2015", "12-3-15", "2015-03-12", "3 maart 2016"), or a year alone.
const DATE = `(?:\\d{1,2}[-/.]\\d{1,2}[-/.](?:(?:19|20)\\d{2}|'?\\d{2})|(?:19|20)\\d{2}-\\d{1,2}-\\d{1,2}|\\d{1,2}[ \\t]{1,3}(?:${MONTHS})\\.?[ \\t]{1,3}(?:(?:19|20)\\d{2}|'\\d{2})|(?:${MONTHS})\\.?[ \\t]{1,3}(?:19|20)\\d{2}|(?:19|20)\\d{2}|'\\d{2})(?![\\d\\w])`;

// Street-name endings; the lower-case ones are also taken in a word typed without a capital.
const STREET_ANY_CASE = 'straat|straatweg|laan|gracht|kade|singel|plein|dreef|steeg|dijk';
const STREET_CAPITAL = 'weg|hof|park|markt|plantsoen|erf|wal|haven|boulevard|allee|kamp|akker|weide|brink|vaart|pad|baan|hoven|veld|burcht|zijde';
// Words that end like a street but are not one.
const NOT_STREETS = /^(?:onderweg|halfweg|halverwege|zorgpad|tijdpad|loopbaan|werkveld|speelveld|werkplein|schoolplein|arbeidsmarkt|woningmarkt|gerechtshof|wagenpark|zomerkamp|zorgweg|uitweg|toegangsweg|snelweg|tussenweg|middenweg|leerweg|bovenbaan)$/i;

export const DETECTORS: Detector[] = [
  {
    kind: 'email',
    pattern: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}/g,
  },
  {
    kind: 'iban',
    pattern: /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9])/gi,
    accept: (m) => passesIbanCheck(m),
  },
  {
    // Nine digits, also written 123.456.782, 123 456 782 or 111-222-333 (one separator throughout).
    kind: 'bsn',
    pattern: /(?<![\w.,/-])\d{3}([.\- ]?)\d{3}\1\d{3}(?![\w-]|[.,:]\d)/g,
    accept: (m, before, after) => {
      if (!passesElfproef(digitsOf(m))) return false;
      const clause = clauseBefore(before);
      if (BSN_LABEL.test(before) || BSN_WORD.test(clause) || BSN_WORD.test(after)) return true;
      return !CASE_LABEL.test(before) && !CASE_NUMBER_WORD.test(clause) && !MONEY_BEFORE.test(before) && !MONEY_AFTER.test(after);
    },
  },
  {
    // Dutch numbers: 0 + 9 digits, an area code in brackets "(020) 123 4567", or +31 / 0031 + 9
    // digits; spaces, dots, dashes and " - " between digits.
    kind: 'phone',
    pattern: /(?<![\w+]|\d[.,/-])(?:(?:\+|00)31[ .-]{0,3}(?:\(0\)[ .-]{0,3})?|\(0\d{1,3}\)[ .-]{0,3}|0)\d(?:(?: ?[-./] ?| )?\d){5,9}(?![\w-]|[.,:/]\d)/g,
    accept: (m, before) => {
      const d = digitsOf(m.replace(/\(0\)/, ''));
      const national = d.startsWith('0031') ? `0${d.slice(4)}` : d.startsWith('31') ? `0${d.slice(2)}` : d;
      if (national.length !== 10 || !national.startsWith('0') || national.startsWith('00')) return false;
      // Organisation numbers (085, 088, 091) and service numbers are no one's private number.
      if (/^0(?:85|88|91|800|900|906|909)/.test(national)) return false;
      // "01-02-2015 10": a date followed by an hour is not a number.
      if (/^\d{1,2}[-./]\d{1,2}[-./](?:19|20)\d{2}\b/.test(m)) return false;
      return !CASE_LABEL.test(before) || BSN_LABEL.test(before);
    },
  },
  {
    // A postcode with a house number after it: "1234 AB 12", "1234ab, 12-3".
    kind: 'postcode',
    pattern: /(?<![\w.,/-])([1-9]\d{3}) ?([A-Za-z]{2})(?![A-Za-z])(?:[ \t]{0,3},[ \t]{0,3}|[ \t]{1,3})\d{1,5}(?:[ -]?[A-Za-z]{1,2}(?![A-Za-z])|-\d{1,3})?(?![\d.,:]\d|\d)/g,
    accept: (m, before, after) => postcodeAccepted(m, before, after),
  },
  {
    // A house number before it: "12, 1234 AB", "Kerkstraat 12a 1234 AB".
    kind: 'postcode',
    pattern: /(?<![\w.,/-])\d{1,5}[a-zA-Z]?[ \t]{0,3},?[ \t]{0,3}([1-9]\d{3}) ?([A-Za-z]{2})(?![A-Za-z])/g,
    accept: (m, before, after) => postcodeAccepted(m, before, after),
  },
  {
    kind: 'address',
    pattern: new RegExp(
      `(?<![\\w-])(?:[A-Za-zÀ-ÿ][a-zà-ÿ'-]{0,30}?(?:${STREET_ANY_CASE})|[A-ZÀ-Þ][a-zà-ÿ'-]{0,30}?(?:${STREET_CAPITAL}))[ \\t]{1,3}\\d{1,4}(?:[ -]?[A-Za-z](?![A-Za-z])|-\\d{1,3}|[ \\t]{1,2}(?:bis|hs|huis|boven|[iI]{1,3})(?![A-Za-z]))?(?![\\d%]|[.,:]\\d)`,
      'g',
    ),
    accept: (m, before, after) => {
      const word = /^\S+/.exec(m)![0];
      const number = /\d{1,4}/.exec(m.slice(word.length))![0];
      if (NOT_STREETS.test(word) || COUNT_AFTER.test(after) || organisationAddress(before)) return false;
      // "Arbeidsmarkt 2024": a year after the word is a year.
      return !(isYear(number) && number === m.slice(word.length).trim());
    },
  },
  {
    // A date is a date of birth only with a word that says so just before it.
    kind: 'birthdate',
    // Every word below contains one of these (case-insensitive, as the pattern): ~14 ms of `kader report`.
    needs: /geb|born|date of birth|dob|d\.o\.b\./i,
    pattern: new RegExp(
      `(?<![\\w])(?:geboren|geb\\.?[ \\t]{0,2}datum|geb\\.?|geboortedatum|geboortejaar|gebdat|born|date of birth|dob|d\\.o\\.b\\.)(?:[ \\t]{1,3}[A-Za-z]{1,15}(?:[ \\t]{1,2}\\d{1,2})?[ \\t]{0,2}:|[ \\t]{0,3}(?:op|in|:)?)[ \\t]{0,3}${DATE}`,
      'gi',
    ),
  },
];

function postcodeAccepted(m: string, before: string, after: string): boolean {
  const [, four, letters] = /([1-9]\d{3}) ?([A-Za-z]{2})/.exec(m)!;
  if (NOT_POSTCODE_LETTERS.has(letters!.toLowerCase())) return false;
  if (COUNT_AFTER.test(after) || organisationAddress(before)) return false;
  // "in 2024 VT 12 keer", "sinds 2019 WT 3": a year, an organisation and a count.
  if (isYear(four!) && (YEAR_BEFORE.test(before) || DOMAIN_ABBREVIATIONS.has(letters!))) return false;
  return true;
}
