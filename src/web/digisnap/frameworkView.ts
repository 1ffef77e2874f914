import type { FrameworkVersionDto } from '../../shared/digisnap/api';
import type { Framework, FrameworkArea, FrameworkCompetence, LevelCode, LocalisedText } from './types';

export interface NumberedCompetence extends FrameworkCompetence {
  /** 1-based position in the scan: area order, then competence order. */
  number: number;
  area: FrameworkArea;
}

/** Every competence in scan order, with its position and area. */
export function competencesInOrder(framework: Framework): NumberedCompetence[] {
  const areas = [...framework.areas].sort((a, b) => a.number - b.number);
  const ordered: NumberedCompetence[] = [];
  for (const area of areas) {
    for (const competence of area.competences) ordered.push({ ...competence, number: ordered.length + 1, area });
  }
  return ordered;
}

export function levelName(framework: Framework, code: LevelCode | string): LocalisedText | undefined {
  return framework.levels.find((level) => level.code === code)?.name;
}

export function bandName(framework: Framework, code: string): LocalisedText | string | undefined {
  return framework.bands.find((band) => band.code === code)?.name;
}

/**
 * How a scan of this version is labelled ("Digisnap 2017 (CheckIn)"); a version no longer loaded
 * shows its bare version, so a scan is never shown under another version's name.
 */
export function versionLabel(versions: readonly FrameworkVersionDto[], scan: { frameworkId: string; frameworkVersion: string }): LocalisedText {
  const found = versions.find((version) => version.id === scan.frameworkId && version.version === scan.frameworkVersion);
  return found?.label ?? { nl: `Digisnap ${scan.frameworkVersion}`, en: `Digisnap ${scan.frameworkVersion}` };
}

export function areaByNumber(framework: Framework, number: number): FrameworkArea | undefined {
  return framework.areas.find((area) => area.number === number);
}

export function competenceByCode(framework: Framework, code: string): FrameworkCompetence | undefined {
  for (const area of framework.areas) {
    const found = area.competences.find((competence) => competence.code === code);
    if (found) return found;
  }
  return undefined;
}
