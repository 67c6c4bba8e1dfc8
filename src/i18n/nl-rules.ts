import type { RuleId } from '../core/diagnostic.js';

/**
 * What each finding's rule means and how to fix it, for SARIF's rule metadata (code scanning
 * shows it next to the finding) and docs/rules.md. One entry per rule id that kader reports.
 */
export interface RuleHelp {
  /** A few words: the rule's name as a reader sees it. */
  short: string;
  /** One or two sentences: what the rule checks. */
  full: string;
  /** What to change in the file. */
  fix: string;
}

export const ruleHelp: { language: string; fix: string; rules: Record<RuleId, RuleHelp> } = {
  /** SARIF's run.language: the language of the messages and help. */
  language: 'nl-NL',
  /** The label before the fix in the help text. */
  fix: 'Oplossing',
  rules: {
    'yaml-syntax': {
      short: 'Geen geldige YAML',
      full: 'Het bestand is geen geldige YAML, is leeg, is geen mapping (sleutel: waarde) op het hoogste niveau, of is te diep genest of gebruikt te veel aliassen.',
      fix: 'Herstel de YAML op de aangegeven plek: let op inspringing met spaties (geen tabs), dubbele punten en aanhalingstekens. Een editor met de yaml-language-server toont de fout terwijl u typt.',
    },
    'duplicate-key': {
      short: 'Dubbele sleutel',
      full: 'Een mapping bevat dezelfde sleutel twee keer; YAML-lezers houden er stilzwijgend één van over.',
      fix: 'Verwijder of hernoem een van de twee sleutels, zodat elke sleutel in de mapping één keer voorkomt.',
    },
    kind: {
      short: 'Verkeerd soort bestand',
      full: 'Het bestand is een ander soort kader-bestand dan verwacht (bijvoorbeeld een sessie waar een kwaliteitskader hoort), of helemaal geen bestand voor kader.',
      fix: 'Geef het juiste bestand mee, of zet bovenaan kind: framework (voor een kwaliteitskader) of kind: session (voor een sessie).',
    },
    schema: {
      short: 'Past niet in het JSON Schema',
      full: 'De structuur klopt niet met het gepubliceerde JSON Schema: een verplichte sleutel ontbreekt, een sleutel is onbekend of een waarde heeft het verkeerde type.',
      fix: 'Pas de sleutel of waarde aan zoals de melding zegt; docs/framework-format.md beschrijft elke sleutel. Met de regel # yaml-language-server: $schema=… bovenaan ziet uw editor het ook.',
    },
    'unique-id': {
      short: 'Id komt twee keer voor',
      full: 'Een thema-, criterium-, vraag- of actie-id wordt twee keer gebruikt; antwoorden en acties verwijzen naar id’s, dus die moeten uniek zijn.',
      fix: 'Geef een van de twee een eigen id. Is het kwaliteitskader al in gebruik, voeg dan een migratiestap toe zodat oude sessies het nieuwe id kennen.',
    },
    'unique-value': {
      short: 'Waarde komt twee keer voor in de lijst',
      full: 'Een niveau, keuze, schaal of doelgroep-id staat twee keer in dezelfde lijst.',
      fix: 'Maak elke waarde in de lijst uniek, of verwijder de dubbele.',
    },
    'scale-ref': {
      short: 'Onbekende schaal',
      full: 'Een vraag van type scale noemt een schaal die niet onder scales: staat.',
      fix: 'Gebruik een van de gedeclareerde schalen (de melding noemt ze), of voeg de schaal toe onder scales:.',
    },
    'scale-order': {
      short: 'Schaalniveaus niet van best naar slechtst',
      full: 'De niveaus van een schaal moeten van best naar slechtst staan: de score mag per niveau niet stijgen.',
      fix: 'Zet de niveaus in volgorde van hoogste naar laagste score, of corrigeer de score.',
    },
    thresholds: {
      short: 'Drempels in verkeerde volgorde',
      full: 'thresholds.meets moet groter zijn dan thresholds.partly; anders is "voldoet" niet strenger dan "voldoet gedeeltelijk".',
      fix: 'Maak meets groter dan partly, bijvoorbeeld meets: 0.75 en partly: 0.4.',
    },
    'audience-ref': {
      short: 'Onbekende doelgroep',
      full: 'Een criterium noemt een doelgroep die niet onder audiences: is gedeclareerd.',
      fix: 'Gebruik een gedeclareerde doelgroep (de melding noemt ze), of voeg deze toe onder audiences:.',
    },
    'when-ref': {
      short: 'when verwijst naar een onbekende of latere vraag',
      full: 'De overslaglogica (when) noemt een vraag die niet bestaat, die later komt of die de vraag zelf is; dan kan de vraag nooit goed worden overgeslagen of gesteld.',
      fix: 'Verwijs naar het id van een eerdere vraag, of zet de vragen in een andere volgorde.',
    },
    'when-value': {
      short: 'when vergelijkt met een onmogelijke waarde',
      full: 'when vergelijkt met een waarde die de genoemde vraag niet kan hebben, dus de voorwaarde is nooit waar.',
      fix: 'Gebruik een waarde die de vraag kan hebben (de melding noemt de mogelijke waarden of het verwachte type).',
    },
    'number-range': {
      short: 'min groter dan max',
      full: 'Een vraag van type number heeft een min die groter is dan max; geen antwoord kan dan kloppen.',
      fix: 'Maak min kleiner dan of gelijk aan max, of wissel ze om.',
    },
    'no-scored-question': {
      short: 'Criterium zonder scorevraag',
      full: 'Een criterium heeft geen vraag van type scale en krijgt dus geen score; het telt niet mee in de uitkomst en het verbeterplan.',
      fix: 'Voeg een vraag van type scale toe aan het criterium, of laat de waarschuwing staan als het criterium bewust alleen informatie verzamelt.',
    },
    'migration-from': {
      short: 'Ongeldige migratiestap',
      full: 'Een migratiestap begint bij de huidige versie, of twee stappen beginnen bij dezelfde versie.',
      fix: 'Laat elke stap beginnen bij een eerdere versie (from:), één stap per versie.',
    },
    'migration-target': {
      short: 'Migratie naar een onbekend id',
      full: 'Een migratiestap zet een oud id om naar een id dat nu niet bestaat en dat geen latere stap verder omzet.',
      fix: 'Verwijs naar een id dat in de huidige versie bestaat, of gebruik [] als het id bewust vervalt.',
    },
    'framework-missing': {
      short: 'Kwaliteitskader niet gevonden',
      full: 'Het kwaliteitskader dat de sessie noemt is niet meegeleverd en niet gevonden in --frameworks-dir.',
      fix: 'Geef het kwaliteitskader mee met --framework pad/naar/kader.yaml of --frameworks-dir map, of corrigeer framework.id in de sessie.',
    },
    'framework-mismatch': {
      short: 'Sessie hoort bij een ander kwaliteitskader',
      full: 'De sessie noemt een ander kwaliteitskader dan het kwaliteitskader waartegen ze wordt gecontroleerd.',
      fix: 'Controleer de sessie tegen het kwaliteitskader dat ze noemt (laat --framework weg), of gebruik de juiste sessie.',
    },
    'framework-drift': {
      short: 'Kwaliteitskader gewijzigd sinds de sessie begon',
      full: 'Het bestand van het kwaliteitskader is veranderd sinds deze sessie begon (de digest verschilt); antwoorden op vragen die nog bestaan blijven geldig.',
      fix: 'Controleer of de wijziging in het kwaliteitskader de antwoorden raakt. Bij een nieuwe versie met migratiestappen: kader check --migrate.',
    },
    'unknown-question': {
      short: 'Antwoord op een onbekende vraag',
      full: 'De sessie bevat een antwoord op een vraag-id dat niet (meer) in het kwaliteitskader staat.',
      fix: 'Corrigeer het vraag-id, of verwijder het antwoord. Is de vraag in een nieuwe versie van het kwaliteitskader hernoemd, voeg dan een migratiestap toe.',
    },
    'answer-value': {
      short: 'Antwoord past niet bij de vraag',
      full: 'Een antwoord heeft een waarde die de vraag niet toestaat: een onbekende keuze, het verkeerde type of buiten het bereik.',
      fix: 'Kies een toegestane waarde (de melding noemt ze), of beantwoord de vraag opnieuw met kader interview.',
    },
    'unknown-criterion': {
      short: 'Onbekend criterium',
      full: 'Een oordeel of verbeteractie verwijst naar een criterium-id dat niet in het kwaliteitskader staat.',
      fix: 'Gebruik het id van een bestaand criterium (kader show toont ze).',
    },
    incomplete: {
      short: 'Sessie is niet af',
      full: 'Er staan nog verplichte vragen open; een rapport over deze sessie zou onvolledig zijn.',
      fix: 'Beantwoord de open vragen met kader interview sessie.yaml; de melding noemt de eerste.',
    },
    'personal-data': {
      short: 'Mogelijk persoonsgegevens',
      full: 'Een antwoord, notitie of actie bevat iets dat op persoonsgegevens lijkt (BSN, telefoonnummer, e-mailadres, IBAN, postcode met huisnummer, geboortedatum). Een verbeterplan gaat over de werkwijze, niet over cliënten.',
      fix: 'Beschrijf de werkwijze zonder gegevens van personen. Zijn het zeker geen persoonsgegevens, gebruik dan bij het rapport --allow-personal-data.',
    },
    smart: {
      short: 'Verbeteractie niet SMART',
      full: 'Een verbeteractie mist een onderdeel (wat, eigenaar, deadline, indicator) of heeft een deadline die geen datum is of niet in de toekomst ligt.',
      fix: 'Vul het ontbrekende veld in; kader plan vraagt elk onderdeel uit.',
    },
    'provenance-missing': {
      short: 'Herkomst van de tekst niet opgegeven',
      full: 'Het kwaliteitskader zegt niet of zijn tekst officieel is, een reconstructie of een concept. Elk verbeterplan toont dat op de eerste pagina; zonder opgave staat er dat het onbekend is.',
      fix: 'Voeg provenance toe met status (official, reconstruction of draft) en een disclaimer van een of twee zinnen voor de lezer.',
    },
    'basis-missing': {
      short: 'Criterium zegt niet waar het op rust',
      full: 'In een reconstructie of concept zegt een criterium niet of het rust op officiële tekst, een openbare publicatie, een nieuwsbericht of een eigen invulling.',
      fix: 'Voeg basis toe aan het criterium: official, public-report, news of interpretation; kies de zwakste bron waar de norm van afhangt.',
    },
    'basis-reference': {
      short: 'Basis zonder bron',
      full: 'Een criterium zegt dat het rust op officiële tekst, een publicatie of een nieuwsbericht, maar noemt die bron niet.',
      fix: 'Voeg references toe met de bron, en een url als die openbaar is; of zet basis op interpretation als het een eigen invulling is.',
    },
    'critical-mean': {
      short: 'Kritiek criterium neemt het gemiddelde',
      full: 'Een kritiek criterium staat op scoring: mean, zodat één zwak antwoord over veiligheid kan wegvallen tegen een goed antwoord.',
      fix: 'Laat scoring weg (dan beslist het zwakste antwoord), of leg in de beschrijving uit waarom het gemiddelde hier past.',
    },
    'framework-version': {
      short: 'Onbekende of oudere versie van het kwaliteitskader',
      full: 'De sessie is gemaakt met een versie van het kwaliteitskader die dit kwaliteitskader niet kent, of met een oudere versie die nog niet is overgezet; de antwoorden zouden tegen de verkeerde vragen worden gelezen.',
      fix: 'Zet een oudere sessie over met kader check --migrate; geef bij een onbekende versie het bestand met die versie van het kwaliteitskader mee met --framework.',
    },
    'count-of': {
      short: 'Telling zonder totaal',
      full: 'count.of van een telvraag wijst niet naar een eerdere vraag van type number, dus er is geen totaal om de telling tegen af te zetten.',
      fix: 'Laat count.of wijzen naar de eerdere number-vraag met het aantal bekeken dossiers.',
    },
    'count-levels': {
      short: 'Drempels van een telling kloppen niet',
      full: 'Een sleutel van count.levels is geen niveau van count.scale, of de drempels lopen niet af van het beste naar het slechtste niveau.',
      fix: 'Gebruik de niveaus van de schaal als sleutels en laat de drempels (aandelen tussen 0 en 1) aflopen van beste naar slechtste niveau.',
    },
    'count-type': {
      short: 'Telling op een vraag die geen getal is',
      full: 'count staat bij een vraag die niet van type number is; alleen een aantal kan tegen een totaal worden afgezet.',
      fix: 'Maak de vraag type number, of haal count weg.',
    },
  },
};
