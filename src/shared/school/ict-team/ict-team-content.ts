import { z } from 'zod';

const text = z.object({ nl: z.string().min(1), en: z.string().min(1) });
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/**
 * content/ict-team/task-overview.json: the knowledge centre's task overview for ICT
 * coordination (task groups, the technical one first, each with its tasks) and the two model
 * job descriptions. Only the first group's name comes from the centre; a group `namedBy: 'us'` is our own
 * grouping until the centre's overview is at hand.
 */
export const ictTeamContentSchema = z
  .object({
    source: z.object({ url: z.string().url(), note: z.string() }),
    taskGroups: z
      .array(z.object({ id, name: text, namedBy: z.enum(['centre', 'us']), tasks: z.array(z.object({ id, name: text })).min(1) }))
      .min(1)
      .refine((groups) => groups[0].id === 'technical', 'the first task group is the technical one')
      .refine((groups) => {
        const tasks = groups.flatMap((group) => group.tasks.map((task) => task.id));
        return new Set(tasks).size === tasks.length;
      }, 'every task id is used once'),
    jobDescriptions: z.array(z.object({ id: z.enum(['pedagogical', 'technical']), title: text, summary: text, roles: z.array(text).min(1) })).length(2),
    jobDescriptionsSource: z.object({ url: z.string().url(), note: z.string() }),
  })
  .strict();
export type IctTeamContent = z.output<typeof ictTeamContentSchema>;
