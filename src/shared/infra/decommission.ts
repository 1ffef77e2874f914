/**
 * The rules of taking devices out of service in a batch, as pure functions: which way a device
 * leaves (reuse before recycling), the lifecycle moves a batch makes for each device, and which
 * devices it must refuse and why. The server, the web app and the tests decide alike.
 */
import { checkTransition, type DeviceState, type Sanitisation } from './lifecycle';

/**
 * Where a device goes, in the order the school should consider them (Kenniscentrum Digisprong,
 * circular ICT): another class first, then a partner who refurbishes or donates, recycling last.
 */
export const disposalRoutes = ['redeploy', 'reuse', 'recycle'] as const;
export type DisposalRoute = (typeof disposalRoutes)[number];

/** The routes a batch takes: redeployment stays inside the school, a lifecycle move of its own. */
export const batchRoutes = ['reuse', 'recycle'] as const satisfies readonly DisposalRoute[];
export type BatchRoute = (typeof batchRoutes)[number];

/** The states a batch's devices go through: handed to a reuse partner, or wiped and handed to recycling. */
export const batchPaths: Readonly<Record<BatchRoute, readonly DeviceState[]>> = {
  reuse: ['donated'],
  recycle: ['decommissioned', 'disposed'],
};

export type BatchMoves = { ok: true; moves: ReadonlyArray<{ from: DeviceState; to: DeviceState }> } | { ok: false; message: string };

/**
 * The moves a device in `from` makes in a batch of this route, each allowed by the lifecycle,
 * with the sanitisation record every exit needs; a device already part-way (decommissioned)
 * makes only the rest. Refused: the reason, naming the state and where it may go.
 */
export function batchMoves(from: DeviceState, route: BatchRoute, sanitisation: Sanitisation | null): BatchMoves {
  const path = batchPaths[route];
  const start = path.indexOf(from) + 1;
  if (start === path.length) return { ok: false, message: `is ${from} already` };
  const moves: Array<{ from: DeviceState; to: DeviceState }> = [];
  let at = from;
  for (const to of path.slice(start)) {
    const check = checkTransition(at, to, sanitisation);
    if (!check.ok && check.reason === 'not_allowed')
      return { ok: false, message: `is ${at}, which cannot move to ${to}; it may move to ${check.allowed.length ? check.allowed.join(', ') : 'no state'}` };
    if (!check.ok) return { ok: false, message: `needs a sanitisation record (method, who, when) before it leaves` };
    moves.push({ from: at, to });
    at = to;
  }
  return { ok: true, moves };
}

/** A problem with one device of a batch (line 1 = the first device) and why. */
export interface BatchProblem {
  line: number;
  message: string;
}

/**
 * Every device a batch must refuse: a tag the school does not have, one named twice, one on an
 * open loan (the borrower still has it), or one whose lifecycle does not lead out this way.
 */
export function batchProblems(
  tags: readonly string[],
  devices: ReadonlyMap<string, { state: DeviceState; onOpenLoan: boolean }>,
  route: BatchRoute,
  sanitisationOf: (line: number) => Sanitisation | null,
): BatchProblem[] {
  const problems: BatchProblem[] = [];
  const seen = new Map<string, number>();
  tags.forEach((tag, index) => {
    const line = index + 1;
    const earlier = seen.get(tag);
    const device = devices.get(tag);
    if (earlier !== undefined) problems.push({ line, message: `${tag} is on line ${earlier} already` });
    else if (!device) problems.push({ line, message: `The school has no device with asset tag ${tag}` });
    else if (device.onOpenLoan) problems.push({ line, message: `${tag} is on an open loan; take it back first` });
    else {
      const moves = batchMoves(device.state, route, sanitisationOf(line));
      if (!moves.ok) problems.push({ line, message: `${tag} ${moves.message}` });
    }
    if (earlier === undefined) seen.set(tag, line);
  });
  return problems;
}
