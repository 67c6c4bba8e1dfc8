/** Content checks on the bundled frameworks: not just valid, but complete and honest. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { questionsOf, type Criterion, type Framework } from '../src/framework/types.js';
import { validateFrameworkText } from '../src/framework/validate.js';
import { messages } from '../src/i18n/index.js';
import { ROOT } from './helpers.js';

const dir = join(ROOT, 'frameworks');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const loaded = new Map<string, Framework>();
for (const file of files) {
  const result = validateFrameworkText(file, readFileSync(join(dir, file), 'utf8'), messages('nl'));
  if (result.framework) loaded.set(result.framework.id, result.framework);
}
const get = (id: string): Framework => {
  const framework = loaded.get(id);
  if (!framework) throw new Error(`framework ${id} did not load`);
  return framework;
};
const criteria = (framework: Framework): Criterion[] => framework.themes.flatMap((t) => t.criteria);

/** Exactly one criterion title in `list` matches each pattern. */
function expectEachOnce(list: readonly Criterion[], patterns: readonly RegExp[]): void {
  for (const pattern of patterns) {
    const hits = list.filter((c) => pattern.test(c.title)).map((c) => c.id);
    expect(hits, `${pattern} should match exactly one title`).toHaveLength(1);
  }
}

describe('bundled frameworks', () => {
  it('are the seven promised files, each validating with zero findings', () => {
    expect(files.sort()).toEqual([
      'clientperspectief.yaml',
      'meldcode-en-radarfunctie.yaml',
      'samenwerkingsafspraken.yaml',
      'tsd-lokaal-netwerk.yaml',
      'veilig-thuis.yaml',
      'veiligheid-voorop.yaml',
      'werken-aan-veiligheid.yaml',
    ]);
    for (const file of files) {
      const result = validateFrameworkText(file, readFileSync(join(dir, file), 'utf8'), messages('nl'));
      expect(result.diagnostics, file).toEqual([]);
      expect(`${result.framework?.id}.yaml`).toBe(file);
    }
  });

  it('reuse no criterion or question id across files', () => {
    const seen = new Map<string, string>();
    for (const framework of loaded.values()) {
      for (const criterion of criteria(framework)) {
        for (const id of [criterion.id, ...criterion.questions.map((q) => q.id)]) {
          expect(seen.get(id), `${id} in ${framework.id}`).toBeUndefined();
          seen.set(id, framework.id);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(200);
  });

  it('give every criterion what an interviewer needs', () => {
    for (const framework of loaded.values()) {
      for (const c of criteria(framework)) {
        const where = `${framework.id} ${c.id}`;
        expect(c.guidance, where).toBeTruthy();
        expect(c.probes?.length, where).toBeGreaterThanOrEqual(2);
        expect(c.probes?.length, where).toBeLessThanOrEqual(4);
        expect(c.evidence?.length, where).toBeGreaterThanOrEqual(1);
        expect(c.improvements?.length, where).toBeGreaterThanOrEqual(1);
        expect(c.references?.length, where).toBeGreaterThanOrEqual(1);
        // At least one scored question that is always asked, so every criterion can get a score.
        expect(c.questions.some((q) => q.type === 'scale' && !q.when), where).toBe(true);
      }
    }
  });

  it('use critical sparingly and skip logic where it helps', () => {
    for (const framework of loaded.values()) {
      const all = criteria(framework);
      const critical = all.filter((c) => c.critical).length;
      expect(critical, framework.id).toBeGreaterThanOrEqual(1);
      expect(critical / all.length, framework.id).toBeLessThanOrEqual(0.2);
      expect([...questionsOf(framework)].filter((p) => p.question.when).length, framework.id).toBeGreaterThan(0);
    }
  });

  it('mark interpretation as interpretation', () => {
    // The official texts were not available (see the README); a framework without a single
    // 'interpretatie' note would pretend otherwise.
    for (const framework of loaded.values()) {
      const notes = criteria(framework).flatMap((c) => (c.references ?? []).map((r) => r.note ?? ''));
      expect(notes.some((n) => /interpretatie/i.test(n)), framework.id).toBe(true);
    }
  });
});

describe('werken-aan-veiligheid', () => {
  const wav = get('werken-aan-veiligheid');
  it('is a reconstruction after the 2019 VNG kwaliteitskader, and says so', () => {
    expect(wav).toMatchObject({ version: '2026.1', adopted: '2019-11-21', provenance: { status: 'reconstruction' } });
    expect(wav.publisher).toMatch(/^kader-project/);
    expect(wav.title).not.toMatch(/^Kwaliteitskader/);
    expect(wav.audiences.map((a) => a.id)).toEqual(['lokaal-team', 'gemeente']);
  });
  it('covers vision, tasks, expertise, organisation, regie and monitoring', () => {
    const titles = wav.themes.map((t) => t.title).join(' | ');
    for (const part of [/visie/i, /taken/i, /expertise/i, /samenwerking/i, /regie/i, /monitoring/i]) expect(titles).toMatch(part);
    expect(criteria(wav).length).toBeGreaterThanOrEqual(28);
  });
});

describe('tsd-lokaal-netwerk', () => {
  const tsd = get('tsd-lokaal-netwerk');
  it('holds each of the six attention points of the 14-gemeenten follow-up exactly once', () => {
    const [points] = tsd.themes;
    expect(points!.criteria).toHaveLength(6);
    expectEachOnce(points!.criteria, [/visie op veiligheid/i, /overdracht/i, /één gezin, één plan, één regisseur/i, /sociaal netwerk.*signaalfunctie/i, /evalueren en bijstellen/i, /ouderenmishandeling/i]);
  });
  it('holds the three necessities of the report exactly once', () => {
    const necessities = tsd.themes[1]!.criteria;
    expect(necessities).toHaveLength(3);
    expectEachOnce(necessities, [/gemeente neemt de regie/i, /minimaal nodige veiligheid/i, /herstel van veiligheid/i]);
  });
  it('uses an inspector scale with room for "niet beoordeeld"', () => {
    expect(tsd.scales[0]!.levels.map((l) => l.value)).toEqual(['goed', 'voldoende', 'onvoldoende']);
    expect(tsd.scales[0]!.allow).toContain('onbekend');
  });
});

describe('veiligheid-voorop', () => {
  const vv = get('veiligheid-voorop');
  it('has the nine actions, three each under Doen, Delen and Leren, each exactly once', () => {
    expect(vv.themes.map((t) => [t.title, t.criteria.length])).toEqual([
      ['Doen', 3],
      ['Delen', 3],
      ['Leren', 3],
    ]);
    expectEachOnce(criteria(vv), [
      /crisis/i,
      /strafbare kindermishandeling/i,
      /samenstel van interventies/i,
      /handelingen direct worden afgestemd/i,
      /gesprek met de betrokkenen/i,
      /uitwisselen van informatie/i,
      /visie veiligheid voorop/i,
      /perspectief van de betrokkenen/i,
      /netwerk zorg\/straf/i,
    ]);
  });
});

describe('samenwerkingsafspraken', () => {
  const swa = get('samenwerkingsafspraken');
  const text = (c: Criterion) => [c.title, c.description, ...c.questions.map((q) => q.text)].join(' ');
  it('covers an escalation model with rising levels, the three routes of one region only as an example', () => {
    const escalation = criteria(swa).filter((c) => /escal|opschal/i.test(c.title));
    expect(escalation.length).toBeGreaterThanOrEqual(2);
    const all = escalation.map(text).join(' ');
    expect(all).toMatch(/oplopende niveaus/i);
    expect(all).toMatch(/lagere niveaus/i);
    expect(all).toMatch(/voorbeeld uit één regio kent drie routes/i);
    // The seed's route 2: the same group with the beleidsambtenaar, not 'beleidsmedewerkers of gemeente and Veilig Thuis'.
    expect(all).toMatch(/aangevuld met\s+de beleidsambtenaar/i);
    expect(all).not.toMatch(/beleidsmedewerkers van gemeente en\s+Veilig Thuis/i);
    expect(swa.themes.flatMap((t) => t.criteria).find((c) => c.id === 'SWA-E-01')!.basis).toBe('interpretation');
  });
  it('steers on the legal deadlines: five working days and ten weeks', () => {
    const deadlines = criteria(swa).map(text).join(' ');
    expect(deadlines).toMatch(/vijf werkdagen/i);
    expect(deadlines).toMatch(/tien weken/i);
    const percentages = [...questionsOf(swa)].filter((p) => p.question.type === 'number' && p.question.max === 100);
    expect(percentages.length).toBeGreaterThanOrEqual(2);
  });
  it('covers the handover: contents, warm handover, explicit acceptance, feedback to the reporter', () => {
    expectEachOnce(criteria(swa), [/overdracht bevat/i, /warme overdracht/i, /acceptatie/i, /melder/i]);
  });
});

/** Every text of a framework a reader sees, in one string. */
const allText = (framework: Framework): string =>
  JSON.stringify(framework.themes).replace(/\\n/g, ' ');

describe('second edition: faithful to the meldcode and the deadlines', () => {
  const wav = get('werken-aan-veiligheid');
  const byId = (framework: Framework, id: string): Criterion => criteria(framework).find((c) => c.id === id)!;

  it('WAV-T-09 has the five afwegingen and the mandatory report at acute or structural unsafety', () => {
    const t09 = byId(wav, 'WAV-T-09');
    expect(t09.critical).toBe(true);
    expect(t09.basis).toBe('official');
    expect(t09.description).toMatch(/vijf afwegingen/);
    expect(t09.description).toMatch(/acute of structurele\s+onveiligheid\? Zo ja, dan meldt het team/);
    expect(t09.guidance).not.toMatch(/Bij een 'nee' hoort een/);
    const acute = t09.questions.find((q) => q.id === 'WAV-T-09d')!;
    expect(acute.text).toMatch(/acute of structurele onveiligheid vermoedt, ook wanneer het zelf hulp blijft geven/);
    expect(t09.references!.some((r) => r.url === 'https://www.huiselijkgeweld.nl/beleid/landelijk/radarfunctie-veilig-thuis')).toBe(true);
  });

  it('asks for the kindcheck and for discussing the report with the client (step 3)', () => {
    const questions = byId(wav, 'WAV-T-01').questions.map((q) => q.text).join(' ');
    expect(questions).toMatch(/kindcheck/);
    expect(questions).toMatch(/voorgenomen melding met de cliënt \(stap 3\)/);
    const mr = get('meldcode-en-radarfunctie');
    expectEachOnce(criteria(mr), [/kindcheck/i, /gesprek met de cliënt/i, /vijf afwegingen/i, /acute of structurele onveiligheid/i, /onthulling/i, /signalen over één huishouden/i, /zorgmeldingen van de politie/i]);
    expect(byId(mr, 'MR-S-05').description).toMatch(/Eén:[\s\S]*Twee:[\s\S]*drie:[\s\S]*Vier:[\s\S]*Vijf:/);
  });

  it('counts the ten weeks from the end of the veiligheidsbeoordeling, for Voorwaarden & Vervolg too', () => {
    for (const [framework, id] of [[wav, 'WAV-G-04'], [get('samenwerkingsafspraken'), 'SWA-T-02'], [get('veilig-thuis'), 'VT-T-02']] as const) {
      const c = byId(framework, id);
      const text = [c.description, ...c.questions.map((q) => q.text)].join(' ').replace(/\s+/g, ' ');
      expect(text, id).toMatch(/tien weken na het einde van de veiligheidsbeoordeling|tien weken tellen vanaf het einde van de veiligheidsbeoordeling/);
      expect(text, id).toMatch(/Voorwaarden & Vervolg/);
    }
  });

  it('calls 90 % and 80 % what they were: a 2019 agreement among the Veilig Thuis organisations, not a norm', () => {
    for (const framework of loaded.values()) {
      const text = allText(framework);
      expect(/sectornorm|De sector streeft/i.test(text), framework.id).toBe(false);
      if (/90 % (\(veiligheidsbeoordelingen|uit 2019|die vaak)/.test(text)) expect(/onderlinge afspraak|onderling 90 %|afspraak tussen de Veilig Thuis-organisaties/.test(text), framework.id).toBe(true);
    }
  });

  it('uses one spelling per term across all frameworks', () => {
    for (const framework of loaded.values()) {
      const text = allText(framework);
      expect(text.match(/signaalrol|veiligheidsinschatting|1 gezin, 1 plan|voorwaarden en vervolg/gi), framework.id).toBeNull();
    }
    // The local team's own check is a veiligheidstaxatie; the veiligheidsbeoordeling is Veilig Thuis's step.
    expect(byId(wav, 'WAV-T-02').questions[0]!.text).toMatch(/veiligheidstaxatie/);
    expect(JSON.stringify(byId(wav, 'WAV-O-04'))).not.toMatch(/veiligheidsbeoordeling/);
  });
});

describe('second edition: every question answerable in an interview', () => {
  it('asks "In hoeverre …" on the voldoet scale, never "Is er …?"', () => {
    for (const framework of loaded.values()) {
      for (const { question } of questionsOf(framework)) {
        if (question.type !== 'scale' || question.scale !== 'voldoet') continue;
        expect(question.text, `${framework.id} ${question.id}`).toMatch(/^In hoeverre /);
      }
    }
  });

  it('marks the TSD judgement questions as the inspector\'s own and gives respondents factual ones', () => {
    const tsd = get('tsd-lokaal-netwerk');
    for (const c of criteria(tsd)) {
      const judged = c.questions.filter((q) => q.type === 'scale');
      expect(judged.length, c.id).toBeGreaterThanOrEqual(1);
      for (const q of judged) {
        expect(q.text, q.id).toMatch(/^Oordeel van de toezichthouder na dossiers en gesprekken: in hoeverre /);
        expect(q.help, q.id).toMatch(/beantwoordt de toezichthouder zelf/);
      }
      expect(c.questions.some((q) => q.type !== 'scale'), `${c.id} has a factual question`).toBe(true);
    }
    expect(allText(tsd).includes('Hoe beoordeelt u')).toBe(false);
  });

  it('gives every Veiligheid Voorop action its own described levels', () => {
    const vv = get('veiligheid-voorop');
    for (const c of criteria(vv)) {
      const [q] = c.questions;
      const scale = vv.scales.find((s) => s.id === q!.scale)!;
      expect(scale.id, c.id).toBe(`volwassenheid-${c.id.toLowerCase()}`);
      expect(scale.levels.map((l) => l.value)).toEqual(['geborgd', 'proces', 'in-ontwikkeling', 'ad-hoc']);
      for (const level of scale.levels) expect(level.description?.length, `${c.id} ${level.value}`).toBeGreaterThan(40);
      expect(q!.text).toMatch(/^Welke beschrijving past nu het best bij /);
    }
  });

  it('lets the team count in its own dossiers: the gemeente hears only numbers', () => {
    const wav = get('werken-aan-veiligheid');
    const text = allText(wav);
    expect(text.match(/Drie tot vijf dossiers|Steekproef van dossiers/g)).toBeNull();
    expect(text.includes('De dossiercheck doet het team zelf')).toBe(true);
  });
});

describe('new frameworks', () => {
  it('clientperspectief keeps victim and perpetrator apart and asks what the review asks', () => {
    const cp = get('clientperspectief');
    expect(cp.description).toMatch(/slachtoffer en \(vermoedelijke\) pleger nooit samen/);
    const questions = [...questionsOf(cp)].map((p) => p.question.text).join(' ');
    expect(questions).toMatch(/vaste contactpersoon/);
    expect(questions).toMatch(/veilig/);
    expect(questions).toMatch(/mee te praten toen werd bekeken of de hulp werkte/);
    expect(cp.themes.map((t) => t.id)).toEqual(['CP-E', 'CP-K', 'CP-O']);
  });

  it('veilig-thuis covers deadlines, Voorwaarden & Vervolg, monitoring after handover, the client and the radar', () => {
    expectEachOnce(criteria(get('veilig-thuis')), [/vijf werkdagen/i, /tien weken/i, /^Voorwaarden & Vervolg/i, /monitoring na de overdracht/i, /melder/i, /geïnformeerd, gehoord/i, /radarfunctie/i, /dag en nacht/i]);
  });

  it('every criterion in a framework that is not official says what it rests on', () => {
    for (const framework of loaded.values()) {
      expect(framework.provenance, framework.id).toBeDefined();
      for (const c of criteria(framework)) expect(c.basis, `${framework.id} ${c.id}`).toBeDefined();
    }
  });
});
