import { competenceList, type Framework } from '../../shared/digisnap/framework';

/** A small seeded generator (mulberry32), so demo and benchmark data are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Plausible answers of a teacher whose general skill is `skill` (0 = newcomer … 1 = pioneer):
 * each item lands near that skill, spread by a point either way, area 6 a little lower as in
 * the large CheckIn samples.
 */
export function simulatedAnswers(framework: Framework, skill: number, random: () => number): Record<string, number> {
  const answers: Record<string, number> = {};
  for (const competence of competenceList(framework)) {
    const top = competence.item.options.length - 1;
    const lean = competence.areaNumber === 6 ? -0.6 : 0;
    const value = skill * top + lean + (random() - 0.5) * 2.2;
    answers[competence.code] = Math.max(0, Math.min(top, Math.round(value)));
  }
  return answers;
}
