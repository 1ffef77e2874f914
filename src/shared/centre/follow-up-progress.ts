import { type EducationLevel, educationLevels, type Province, provinces } from '../platform/flanders';

/**
 * How far schools get after a Digisnap round, as the knowledge centre sees it: counts of schools,
 * never a name. A group of fewer than `FOLLOW_UP_MIN_GROUP` schools shows no count at all, not
 * even of its steps, so no single school's ticks can be read from a small group.
 */
export const FOLLOW_UP_MIN_GROUP = 5;

/** A school with at least one finished round: where it is, and the step keys it ticked in any finished round. */
export interface FollowUpSchoolFacts {
  province: string | null;
  level: string | null;
  ticked: readonly string[];
}

/** A group's counts; both null when the group has fewer than five schools. */
export interface FollowUpGroupCounts {
  schools: number | null;
  /** Per step, in the order of the steps: schools that ticked it. */
  ticked: Array<number> | null;
}

export interface FollowUpProgress {
  flanders: FollowUpGroupCounts;
  byProvince: Array<{ province: Province } & FollowUpGroupCounts>;
  byLevel: Array<{ level: EducationLevel } & FollowUpGroupCounts>;
}

/** The counts of these schools for the current steps: a removed step's ticks no longer count. */
export function followUpGroupCounts(schools: readonly FollowUpSchoolFacts[], stepKeys: readonly string[]): FollowUpGroupCounts {
  if (schools.length < FOLLOW_UP_MIN_GROUP) return { schools: null, ticked: null };
  return { schools: schools.length, ticked: stepKeys.map((key) => schools.filter((school) => school.ticked.includes(key)).length) };
}

export function followUpProgress(schools: readonly FollowUpSchoolFacts[], stepKeys: readonly string[]): FollowUpProgress {
  return {
    flanders: followUpGroupCounts(schools, stepKeys),
    byProvince: provinces.map((province) => ({
      province,
      ...followUpGroupCounts(
        schools.filter((school) => school.province === province),
        stepKeys,
      ),
    })),
    byLevel: educationLevels.map((level) => ({
      level,
      ...followUpGroupCounts(
        schools.filter((school) => school.level === level),
        stepKeys,
      ),
    })),
  };
}
