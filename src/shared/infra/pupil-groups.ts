/**
 * The groups of pupils the funding schemes count, each counted per school on a counting day. They
 * follow the Digisprong circular's measures (DOMAIN.md §4.1): the €25 shared devices for
 * pre-primary up to the 4th year of primary, the €290 device per pupil in the 5th and 6th year,
 * €510 in secondary, counted on years 1/3/5/7 in tranche 1 and on years 2/4/6 and the other
 * tracks in tranche 2, and €552 for the work-based and special tracks. Indicators sum them by level.
 */
export const pupilGroups = ['pre_primary', 'primary_1_4', 'primary_5_6', 'secondary_1_3_5_7', 'secondary_2_4_6_other', 'work_based_special'] as const;
export type PupilGroup = (typeof pupilGroups)[number];

export const schoolLevels = ['pre_primary', 'primary', 'secondary'] as const;
export type SchoolLevel = (typeof schoolLevels)[number];

/**
 * The level each group belongs to. `secondary_2_4_6_other` also holds HBO5 Nursing, modular
 * tracks, OKAN (reception classes for newcomers) and home tuition; `work_based_special` the
 * *leren en werken* centres and special secondary education OV1–OV2.
 */
export const levelOfGroup: Readonly<Record<PupilGroup, SchoolLevel>> = {
  pre_primary: 'pre_primary',
  primary_1_4: 'primary',
  primary_5_6: 'primary',
  secondary_1_3_5_7: 'secondary',
  secondary_2_4_6_other: 'secondary',
  work_based_special: 'secondary',
};

/** How many pupils of one group a school counted on one counting day (an ISO day). */
export interface PupilCount {
  schoolId: string;
  group: PupilGroup;
  countingDay: string;
  pupils: number;
}
