/** Dutch UI messages: the default language of kader. */

const TYPE_NAMES: Record<string, string> = {
  string: 'een tekst',
  number: 'een getal',
  integer: 'een geheel getal',
  boolean: 'true of false',
  array: 'een lijst',
  object: 'een mapping (sleutel: waarde)',
  null: 'leeg',
};

const list = (values: readonly unknown[]): string => values.map((v) => JSON.stringify(v)).join(', ');
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export const nl = {
  io: {
    notFound: (file: string) => `${file}: bestand of map bestaat niet`,
    unreadable: (file: string, reason: string) => `${file}: kan niet gelezen worden (${reason})`,
    isDirectory: (file: string) => `${file}: is een map, geen bestand`,
    noYaml: (dir: string) => `${dir}: map bevat geen .yaml- of .yml-bestanden`,
    tooLarge: (file: string, limitMb: number) => `${file}: bestand is groter dan ${limitMb} MB; zo groot is geen kader`,
    notUtf8: 'bestand is geen geldige UTF-8-tekst (binair bestand of verkeerde tekenset?)',
    writeFailed: (file: string, reason: string) => `${file}: kan niet geschreven worden (${reason})`,
  },
  yaml: {
    empty: 'bestand is leeg',
    notMapping: 'bestand moet een YAML-mapping zijn (regels als "sleutel: waarde")',
    duplicateKey: (key: string) => `sleutel "${key}" komt twee keer voor in dezelfde mapping`,
    multipleDocs: 'bestand bevat meer dan één YAML-document (---); gebruik één document per bestand',
    badIndent: 'inspringing klopt niet',
    tabIndent: 'inspringen met tabs mag niet in YAML; gebruik spaties',
    missingChar: 'er ontbreekt een afsluitend teken (zoals ] of } of ")',
    unexpected: 'onverwacht teken',
    aliasLimit: 'te veel verwijzingen (aliassen) in het document; mogelijk een alias-bom',
    tooDeep: (max: number) => `document is dieper genest dan ${max} niveaus`,
    generic: (detail: string) => `ongeldige YAML: ${detail}`,
  },
  schema: {
    required: (key: string) => `verplichte sleutel "${key}" ontbreekt`,
    additional: (key: string) => `onbekende sleutel "${key}"`,
    type: (types: readonly string[]) => `moet ${types.map((t) => TYPE_NAMES[t] ?? t).join(' of ')} zijn`,
    const: (value: unknown) => `moet ${JSON.stringify(value)} zijn`,
    enum: (values: readonly unknown[]) => `moet een van deze waarden zijn: ${list(values)}`,
    slug: 'mag alleen kleine letters, cijfers en streepjes bevatten en moet met een letter of cijfer beginnen',
    itemId: 'mag alleen letters, cijfers, punten, streepjes en liggende streepjes bevatten en moet met een letter of cijfer beginnen',
    date: 'moet een datum zijn als "JJJJ-MM-DD" (met aanhalingstekens)',
    url: 'moet een webadres zijn dat begint met http:// of https://',
    pattern: (pattern: string) => `heeft niet de juiste vorm (${pattern})`,
    minimum: (limit: number) => `moet minstens ${limit} zijn`,
    maximum: (limit: number) => `mag hoogstens ${limit} zijn`,
    exclusiveMinimum: (limit: number) => `moet groter dan ${limit} zijn`,
    notEmpty: 'mag niet leeg zijn',
    minItems: (n: number) => `moet minstens ${plural(n, 'element', 'elementen')} bevatten`,
    unique: 'bevat dubbele waarden',
    condition:
      'ongeldige voorwaarde: gebruik precies één vorm: question + equals, question + in, question + answered, all, any of not',
    audience: 'moet een doelgroep-id zijn of een lijst van doelgroep-ids',
    shape: 'heeft niet de verwachte vorm',
  },
  rules: {
    uniqueId: (id: string, line: number) => `id "${id}" is al gebruikt op regel ${line}; ids moeten uniek zijn in het bestand`,
    uniqueValue: (what: string, value: string, line: number) => `${what} "${value}" komt al voor op regel ${line}`,
    scaleRef: (scale: string, known: readonly string[]) =>
      `schaal "${scale}" bestaat niet; gedefinieerd: ${known.length ? known.join(', ') : 'geen'}`,
    scaleOrder: (value: string, score: number, previous: number) =>
      `niveau "${value}" (score ${score}) staat na een niveau met score ${previous}; zet niveaus van best naar slechtst`,
    thresholds: (meets: number, partly: number) =>
      `thresholds.meets (${meets}) moet groter zijn dan thresholds.partly (${partly})`,
    audienceRef: (audience: string, known: readonly string[]) =>
      `doelgroep "${audience}" is niet gedeclareerd onder audiences; gedeclareerd: ${known.join(', ')}`,
    whenMissing: (id: string) => `when verwijst naar vraag "${id}" die niet bestaat`,
    whenSelf: (id: string) => `when van vraag "${id}" verwijst naar de vraag zelf`,
    whenLater: (id: string) =>
      `when verwijst naar vraag "${id}" die later komt; een voorwaarde mag alleen naar een eerdere vraag verwijzen`,
    whenValue: (value: unknown, id: string, allowed: readonly unknown[]) =>
      `waarde ${JSON.stringify(value)} kan vraag "${id}" niet hebben; mogelijk: ${list(allowed)}`,
    whenValueType: (value: unknown, id: string, expected: string) =>
      `waarde ${JSON.stringify(value)} past niet bij vraag "${id}": verwacht ${expected}`,
    numberRange: (min: number, max: number) => `min (${min}) is groter dan max (${max})`,
    noScoredQuestion: (id: string) => `criterium "${id}" heeft geen vraag van type scale en krijgt dus geen score`,
    what: { level: 'niveau', choice: 'keuze', scale: 'schaal', audience: 'doelgroep', special: 'bijzondere waarde' },
    expected: { number: 'een getal', date: 'een datum als "JJJJ-MM-DD"', text: 'een tekst', boolean: 'true of false' },
  },
  format: {
    error: 'fout',
    warning: 'waarschuwing',
    summary: (errors: number, warnings: number) =>
      `${plural(errors + warnings, 'probleem', 'problemen')} (${plural(errors, 'fout', 'fouten')}, ${plural(warnings, 'waarschuwing', 'waarschuwingen')})`,
    clean: (files: number) => `${plural(files, 'bestand', 'bestanden')} gecontroleerd, geen problemen gevonden`,
  },
  cli: {
    description: 'Kwaliteitskaders huiselijk geweld en kindermishandeling: controleren, interviewen, verbeterplan.',
    usage: 'Gebruik:',
    options: 'Opties:',
    commands: 'Opdrachten:',
    arguments: 'Argumenten:',
    globalOptions: 'Algemene opties:',
    optionsPlaceholder: '[opties]',
    commandPlaceholder: '[opdracht]',
    example: 'Voorbeeld',
    examples: 'Voorbeelden',
    help: 'toon hulp bij een opdracht',
    version: 'toon het versienummer',
    lang: 'taal van de uitvoer: nl of en',
    noColor: 'geen kleuren in de uitvoer (ook met NO_COLOR)',
    quiet: 'toon alleen fouten',
    debug: 'toon technische details (stack trace) bij een interne fout',
    frameworksDir: 'map met eigen kaders naast de meegeleverde',
    out: 'schrijf naar dit bestand in plaats van naar de terminal',
    unknownOption: (option: string) => `onbekende optie ${option}`,
    unknownCommand: (command: string) => `onbekende opdracht "${command}"; zie kader --help`,
    missingArgument: (name: string) => `argument <${name}> ontbreekt`,
    missingOptionValue: (option: string) => `optie ${option} heeft een waarde nodig`,
    invalidChoice: (option: string, value: string, choices: readonly string[]) =>
      `ongeldige waarde "${value}" voor ${option}; kies uit: ${choices.join(', ')}`,
    tooManyArguments: 'te veel argumenten; zie --help',
    internal: 'interne fout in kader; dit is een bug. Meld het met de uitvoer van --debug.',
    validate: {
      description: 'controleer kaderbestanden (YAML) op schema en inhoudelijke regels, voor CI',
      paths: 'bestanden of mappen (standaard: de meegeleverde kaders)',
      format: 'uitvoervorm: stylish, json, github, junit of sarif',
      failOn: 'vanaf welk niveau de exitcode 1 is: error of warning',
    },
    frameworks: {
      description: 'toon de meegeleverde en eigen kaders',
      format: 'uitvoervorm: text of json',
      header: ['id', 'versie', 'criteria', 'titel'],
      shadowed: (id: string, local: string, bundled: string) => `eigen kader ${local} vervangt het meegeleverde kader "${id}" (${bundled})`,
      none: 'geen kaders gevonden',
    },
    show: {
      description: 'toon een kader als boom, Markdown of JSON',
      framework: 'id van een meegeleverd kader of pad naar een YAML-bestand',
      format: 'uitvoervorm: tree, md of json',
      notFound: (ref: string, known: readonly string[]) =>
        `kader "${ref}" niet gevonden; beschikbaar: ${known.join(', ')} (of geef een pad naar een .yaml-bestand)`,
      invalid: (file: string, count: number) =>
        `${file} bevat ${plural(count, 'fout', 'fouten')}; draai eerst kader validate ${file}`,
    },
    schema: {
      description: 'print een JSON Schema (framework)',
      name: 'welk schema: framework',
      unknown: (name: string, known: readonly string[]) => `onbekend schema "${name}"; kies uit: ${known.join(', ')}`,
    },
    tree: {
      conditionWords: { answered: 'is beantwoord', notAnswered: 'is niet beantwoord', all: 'alle', any: 'een van', not: 'niet' },
      version: 'versie',
      publisher: 'uitgever',
      adopted: 'vastgesteld',
      source: 'bron',
      critical: 'kritiek',
      weight: 'gewicht',
      when: 'alleen als',
      scale: 'schaal',
      audiences: 'doelgroepen',
      thresholds: 'grenzen',
      description: 'Wat goed is',
      guidance: 'Aanwijzingen',
      probes: 'Doorvragen',
      evidence: 'Bewijs om naar te vragen',
      improvements: 'Mogelijke verbeteracties',
      references: 'Bronnen',
      questions: 'Vragen',
      criteria: (n: number) => plural(n, 'criterium', 'criteria'),
      questionsCount: (n: number) => plural(n, 'vraag', 'vragen'),
      optional: 'niet verplicht',
    },
  },
};

export type Messages = typeof nl;
