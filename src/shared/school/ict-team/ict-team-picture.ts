/**
 * The knowledge centre's view of ICT teams across schools: counts of schools only, never a
 * name. A school's hours are its members' hours together.
 */

/** Bands of a school's ICT hours a week: [from, below), the last open. MICTIVO 2018 put a primary coordinator at about 9 hours. */
export const ictHourBands = [
  { id: 'under4', from: 0, below: 4 },
  { id: '4to8', from: 4, below: 8 },
  { id: '8to12', from: 8, below: 12 },
  { id: '12to20', from: 12, below: 20 },
  { id: '20plus', from: 20, below: Number.POSITIVE_INFINITY },
] as const;
export type IctHourBand = (typeof ictHourBands)[number]['id'];

export interface IctTeamSchoolFacts {
  boardId: string | null;
  /** The members' hours together, in tenths. */
  hoursTenths: number;
  /** A member is shared with other schools of the school group. */
  shared: boolean;
}

export interface IctTeamPicture {
  schools: number;
  schoolsWithTeam: number;
  /** Schools with a team per band of hours. */
  hours: Array<{ band: IctHourBand; schools: number }>;
  /** The median of the teams' hours a week; null without teams. */
  medianHours: number | null;
  /** Schools whose team shares a member with the school group. */
  sharingSchools: number;
  /** School groups (boards) with at least two schools sharing a member. */
  sharingGroups: number;
}

/** The band of a number of hours a week. */
export function hourBandOf(hours: number): IctHourBand {
  return ictHourBands.find((band) => hours >= band.from && hours < band.below)?.id ?? '20plus';
}

export function ictTeamPicture(teams: readonly IctTeamSchoolFacts[], schools: number): IctTeamPicture {
  const hours = teams.map((team) => team.hoursTenths / 10).sort((a, b) => a - b);
  const middle = hours.length >> 1;
  const medianHours = hours.length === 0 ? null : hours.length % 2 ? hours[middle] : Math.round(((hours[middle - 1] + hours[middle]) / 2) * 10) / 10;
  const sharingByBoard = new Map<string, number>();
  for (const team of teams) if (team.shared && team.boardId) sharingByBoard.set(team.boardId, (sharingByBoard.get(team.boardId) ?? 0) + 1);
  return {
    schools,
    schoolsWithTeam: teams.length,
    hours: ictHourBands.map((band) => ({ band: band.id, schools: hours.filter((h) => hourBandOf(h) === band.id).length })),
    medianHours,
    sharingSchools: teams.filter((team) => team.shared).length,
    sharingGroups: [...sharingByBoard.values()].filter((count) => count >= 2).length,
  };
}
