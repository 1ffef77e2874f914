/**
 * The five fronts of the Digisprong action plan (Eurydice's list; the KD spearheads are a
 * different list). Actions in a school's ICT policy plan and the knowledge centre's actions
 * and projects each serve one front. Labels live in the i18n files under `fronts.<code>`.
 */
export const fronts = ['government', 'infrastructure', 'policy', 'resources', 'skills'] as const;
export type Front = (typeof fronts)[number];
