import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FrameworkRegistry, loadFrameworkFile } from '../src/server/digisnap/framework.registry';
import { competenceList, levelRank } from '../src/shared/digisnap/framework';
import { scoreAnswers } from '../src/shared/digisnap/scoring';

/**
 * Every framework file under content/frameworks, whatever comes next: a teacher who answers level L
 * on every competence is told L overall and in every area. That holds by construction for the
 * level-per-statement rule. It does not for the CheckIn cut-offs (B2 everywhere totals 66, "C1";
 * issue 10, finding 1), so such a file must say so by declaring that rule, and its scans are labelled
 * as CheckIn scans.
 */
const dir = new URL('../content/frameworks/', import.meta.url).pathname;
const files = readdirSync(dir).filter((name) => name.endsWith('.json'));

describe.each(files)('framework file %s', (file) => {
  const framework = loadFrameworkFile(join(dir, file));
  const competences = competenceList(framework);

  if (framework.scoring.rule === 'checkin-cutoffs') {
    it('declares the CheckIn rule with its cut-offs as data, and its label says CheckIn', () => {
      expect(framework.scoring.rule).toBe('checkin-cutoffs');
      expect(framework.label.en).toMatch(/CheckIn/);
      expect(framework.label.nl).toMatch(/CheckIn/);
    });
    return;
  }

  it.each(framework.levels.map((level) => level.code))('gives a teacher answering %s on every competence that level overall and in every area', (level) => {
    const answers = Object.fromEntries(competences.map((competence) => [competence.code, competence.item.options.findIndex((option) => option.level === level)]));
    const result = scoreAnswers(framework, answers);
    expect(result.competences.every((competence) => competence.level === level)).toBe(true);
    expect(result.level).toBe(level);
    expect(result.areas.map((area) => area.level)).toEqual(framework.areas.map(() => level));
    expect(result.band).toBe(framework.bands.find((band) => band.levels.includes(level))!.code);
    expect(result.competences.every((competence) => competence.points === levelRank(framework, level))).toBe(true);
  });
});

describe('the framework registry', () => {
  const registry = FrameworkRegistry.loadFromDirectory(dir);

  it('takes new scans with the 2026 version, and keeps the 2017 CheckIn version loaded for the scans taken with it', () => {
    expect(registry.current().version).toBe('2026.1');
    expect(registry.current().scoring.rule).toBe('level-per-statement');
    expect(registry.get('digcompedu', '2017.1')?.scoring.rule).toBe('checkin-cutoffs');
    expect(registry.all().map((framework) => framework.label.en)).toEqual(['Digisnap 2017 (CheckIn)', 'Digisnap 2026']);
  });
});
