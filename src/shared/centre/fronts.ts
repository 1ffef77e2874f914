import { z } from 'zod';

/**
 * The other fronts of the overview (issue 14 §1, second bullet), one field per figure from its
 * source module, each with its source and date. Empty until those figures are built.
 */
export const centreFrontsSchema = z.object({}).meta({ id: 'CentreFronts' });
export type CentreFronts = z.infer<typeof centreFrontsSchema>;
