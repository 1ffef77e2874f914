import { toCsv } from '../../shared/csv';
import type { ScanDto } from '../../shared/digisnap/api';
import { competenceList, type Framework } from '../../shared/digisnap/framework';

const header = [
  'scan',
  'framework',
  'version',
  'status',
  'started_at',
  'submitted_at',
  'competence',
  'competence_name',
  'option',
  'points',
  'competence_level',
  'scan_total',
  'scan_level',
] as const;

/** One line per answered competence of every scan; the scan's totals repeat on each line. */
export function exportCsv(frameworkOf: (id: string, version: string) => Framework | undefined, scans: ScanDto[]): string {
  const rows = scans.flatMap((scan) => {
    const framework = frameworkOf(scan.frameworkId, scan.frameworkVersion);
    const competences = framework ? competenceList(framework) : [];
    return Object.entries(scan.answers)
      .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
      .map(([code, option]) => {
        const competence = competences.find((c) => c.code === code);
        const chosen = competence?.item.options[option];
        return [
          scan.id,
          scan.frameworkId,
          scan.frameworkVersion,
          scan.status,
          scan.startedAt,
          scan.submittedAt,
          code,
          competence?.name.nl ?? '',
          option,
          chosen?.points ?? null,
          chosen?.level ?? null,
          scan.result?.total ?? null,
          scan.result?.level ?? null,
        ];
      });
  });
  return toCsv(header, rows);
}
