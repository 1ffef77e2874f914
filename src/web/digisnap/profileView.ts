import type { ProfileDto } from '../../shared/digisnap/api';

/** The submitted scan before this one, for comparison; none for a first scan. */
export function previousScan(profile: ProfileDto): ProfileDto['history'][number] | undefined {
  if (!profile.growth) return undefined;
  const earlier = profile.history.filter((point) => point.scanId !== profile.scanId);
  return earlier[earlier.length - 1];
}

/** Area scores in area order, as the radar needs them. */
export function scoresByArea(areas: Array<{ number: number; score: number }>, order: number[]): number[] {
  return order.map((number) => areas.find((area) => area.number === number)?.score ?? 0);
}

/** Competences grouped under their area, in area order. */
export function groupByArea<T extends { areaNumber: number }>(items: T[]): Array<{ areaNumber: number; items: T[] }> {
  const groups = new Map<number, T[]>();
  for (const item of items) groups.set(item.areaNumber, [...(groups.get(item.areaNumber) ?? []), item]);
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([areaNumber, grouped]) => ({ areaNumber, items: grouped }));
}
