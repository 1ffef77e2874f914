import { z } from 'zod';
import { flandersPictureSchema, pictureQuerySchema } from './digisnap-picture';
import { centreFrontsSchema } from './fronts';

/** The contracts of the knowledge centre. Each part keeps its schemas in a file of its own; this file gathers what endpoints name. */

export { flandersPictureSchema, pictureQuerySchema } from './digisnap-picture';

export const centreOverviewQuerySchema = pictureQuerySchema;

export const centreOverviewSchema = z
  .object({
    digisnap: flandersPictureSchema,
    fronts: centreFrontsSchema,
  })
  .meta({ id: 'CentreOverview' });
export type CentreOverview = z.infer<typeof centreOverviewSchema>;
