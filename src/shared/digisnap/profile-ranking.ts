import type { ProfileDto } from './api';

/** What a ranking of trainings reads of a teacher's profile: which scan, and per competence its level and points, and the priorities. */
export interface RankingProfile {
  scanId: string;
  frameworkId: string;
  frameworkVersion: string;
  submittedAt: string;
  competences: Array<{ code: string; level: ProfileDto['result']['competences'][number]['level']; points: number }>;
  /** Competence codes of the scan's priorities, in order. */
  priorities: string[];
}

/**
 * The ranking's part of a stored profile (the JSON of a ProfileDto), without parsing the rest:
 * the fields before `result`, and `result` from its `competences` on. Inside a JSON string every
 * quote is escaped, so `"competences":[` and `},"history":` can only be keys of the document;
 * as stored (JSON.stringify of buildProfile) they are result's, about half of the text. Any other
 * layout is parsed whole, so the answer is always the profile's own.
 */
export function rankingProfileOf(body: string): RankingProfile {
  const head = body.indexOf(',"result":{"');
  const from = head < 0 ? -1 : body.indexOf('"competences":[', head);
  const to = from < 0 ? -1 : body.indexOf('},"history":', from);
  if (to > 0) {
    try {
      const top = JSON.parse(`${body.slice(0, head)}}`) as Partial<ProfileDto>;
      const part = JSON.parse(`{${body.slice(from, to)}}`) as Partial<ProfileDto['result']>;
      if (typeof top.scanId === 'string' && top.result === undefined && Array.isArray(part.competences) && Array.isArray(part.priorities)) {
        return narrow(top as ProfileDto, part as ProfileDto['result']);
      }
    } catch {
      // Not the stored layout: parsed whole below.
    }
  }
  const whole = JSON.parse(body) as ProfileDto;
  return narrow(whole, whole.result);
}

function narrow(
  top: Pick<ProfileDto, 'scanId' | 'frameworkId' | 'frameworkVersion' | 'submittedAt'>,
  result: Pick<ProfileDto['result'], 'competences' | 'priorities'>,
): RankingProfile {
  return {
    scanId: top.scanId,
    frameworkId: top.frameworkId,
    frameworkVersion: top.frameworkVersion,
    submittedAt: top.submittedAt,
    competences: result.competences.map((c) => ({ code: c.code, level: c.level, points: c.points })),
    priorities: result.priorities.map((p) => p.code),
  };
}
