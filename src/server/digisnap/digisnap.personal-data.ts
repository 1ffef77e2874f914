import { competenceList } from '../../shared/digisnap/framework';
import type { PersonalDataPart } from '../platform/personal-data/personal-data';
import type { DigisnapService } from './digisnap.service';

/**
 * Digisnap's part of the data download: every scan with its result, one line per answer (with
 * the competence's name and the chosen statement's level), and the stored profile.
 */
export function digisnapPersonalData(digisnap: DigisnapService): PersonalDataPart {
  return {
    sections: [
      {
        name: 'scans',
        columns: ['id', 'framework', 'version', 'status', 'started_at', 'submitted_at', 'total', 'level', 'background', 'result'],
        covers: ['scans.user_id'],
        async read(userId) {
          return (await digisnap.exportScans(userId)).map((scan) => ({
            id: scan.id,
            framework: scan.frameworkId,
            version: scan.frameworkVersion,
            status: scan.status,
            started_at: scan.startedAt,
            submitted_at: scan.submittedAt,
            total: scan.result?.total ?? null,
            level: scan.result?.level ?? null,
            background: scan.background,
            result: scan.result,
          }));
        },
      },
      {
        name: 'scan_answers',
        columns: ['scan', 'competence', 'competence_name', 'option', 'points', 'competence_level'],
        covers: [],
        async read(userId) {
          const frameworkOf = digisnap.frameworkLookup();
          return (await digisnap.exportScans(userId)).flatMap((scan) => {
            const framework = frameworkOf(scan.frameworkId, scan.frameworkVersion);
            const competences = framework ? competenceList(framework) : [];
            return Object.entries(scan.answers)
              .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
              .map(([code, option]) => {
                const competence = competences.find((c) => c.code === code);
                const chosen = competence?.item.options[option];
                return {
                  scan: scan.id,
                  competence: code,
                  competence_name: competence?.name.nl ?? '',
                  option,
                  points: chosen?.points ?? null,
                  competence_level: chosen?.level ?? null,
                };
              });
          });
        },
      },
      {
        name: 'profile',
        single: true,
        columns: ['profile'],
        covers: ['profiles.user_id'],
        async read(userId) {
          const body = await digisnap.storedProfile(userId);
          return body === undefined ? [] : [{ profile: JSON.parse(body) as Record<string, unknown> }];
        },
      },
    ],
    excluded: [
      { column: 'profile_rankings.user_id', reason: 'the profile once more, in the order recommendations read it: nothing beyond the profile' },
      {
        column: 'team_members.user_id',
        reason: "which of the person's own scans a school round counts: the round's bookkeeping; the scans are in the download, and schools see only noisy counts",
      },
    ],
  };
}
