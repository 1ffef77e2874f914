import { z } from 'zod';
import { type IctHourBand, ictHourBands } from '../school/ict-team/ict-team-picture';

/** The ICT teams across schools, as the knowledge centre sees them: counts of schools, no names. */
export const centreIctTeamsSchema = z.object({
  schools: z.number().int(),
  schoolsWithTeam: z.number().int(),
  hours: z.array(z.object({ band: z.enum(ictHourBands.map((band) => band.id) as [IctHourBand, ...IctHourBand[]]), schools: z.number().int() })),
  medianHours: z.number().nullable(),
  sharingSchools: z.number().int(),
  sharingGroups: z.number().int(),
});
export type CentreIctTeamsDto = z.output<typeof centreIctTeamsSchema>;
