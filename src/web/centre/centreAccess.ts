import { grants } from '../../shared/platform/capabilities';
import { useSession } from '../platform/session';

/** Whether the signed-in account may open the knowledge centre's pages (centre analysts and admins). */
export function useMayReadCentre(): boolean {
  const { user } = useSession();
  return user !== null && grants(user.globalRoles, 'readCentre');
}
