import { schoolPath } from '../schoolAccess';
import type { SourceKind } from './types';

/** The plan's page; with a result, its "add actions from…" panel for that result opens and takes the focus. */
export const policyPlanPath = (schoolId: string, from?: { kind: SourceKind; id: string }) =>
  `${schoolPath(schoolId)}/ict-beleidsplan${from ? `?bron=${encodeURIComponent(from.kind)}&resultaat=${encodeURIComponent(from.id)}` : ''}`;
