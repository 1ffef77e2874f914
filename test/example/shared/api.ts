import { z } from 'zod';

/** The example module's contract: the Zod schemas its endpoints name, by their export names. */
export const exampleNoteSchema = z.object({ id: z.string(), text: z.string() });
export const exampleNotesSchema = z.object({ notes: z.array(exampleNoteSchema) });
export type ExampleNote = z.infer<typeof exampleNoteSchema>;
