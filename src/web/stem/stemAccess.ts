import { grants } from '../../shared/platform/capabilities';
import { useSession } from '../platform/session';

/** Whether the signed-in account may import the monitor's counts (centre analysts and admins). */
export function useMayImportStemCounts(): boolean {
  const { user } = useSession();
  return user !== null && grants(user.globalRoles, 'importStemCounts');
}
