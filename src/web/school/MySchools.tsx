import { useState } from 'react';
import type { Membership } from '../../shared/platform/api';
import { authEndpoints } from '../../shared/platform/endpoints';
import { schoolEndpoints } from '../../shared/school/endpoints';
import type { SchoolRole } from '../../shared/school/schools';
import { call, startSession } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { useSession } from '../platform/session';

/** One line per school, with the roles held there, in the order the server lists them. */
function bySchool(memberships: readonly Membership[]): Array<{ schoolId: string; schoolName: string; roles: Membership['role'][] }> {
  const schools = new Map<string, { schoolId: string; schoolName: string; roles: Membership['role'][] }>();
  for (const { schoolId, schoolName, role } of memberships) {
    const school = schools.get(schoolId) ?? { schoolId, schoolName, roles: [] };
    school.roles.push(role);
    schools.set(schoolId, school);
  }
  return [...schools.values()];
}

/**
 * On the start page: the schools whose team the user belongs to, with their roles, and a way to
 * leave one (after a confirmation). Leaving ends the roles only; the account and its scans stay.
 */
export function MySchools() {
  const { t } = useI18n();
  const { user, adopt } = useSession();
  const [left, setLeft] = useState<string>();
  const leaving = useSubmit(async (school: { schoolId: string; schoolName: string }) => {
    await call(schoolEndpoints.leaveSchool, { params: { schoolId: school.schoolId } });
    adopt(await startSession(call(authEndpoints.getCurrentUser)));
    setLeft(school.schoolName);
  });
  if (!user) return null;
  const schools = bySchool(user.memberships);

  const leave = async (school: { schoolId: string; schoolName: string }) => {
    setLeft(undefined);
    if (window.confirm(t('home.leaveConfirm', { school: school.schoolName }))) await leaving.run(school);
  };

  return (
    <section className="card card-quiet" aria-labelledby="my-schools-title" data-testid="my-schools">
      <h2 id="my-schools-title">{t('home.schoolsTitle')}</h2>
      {left && (
        <p className="alert alert-success" role="status">
          {t('home.left', { school: left })}
        </p>
      )}
      {leaving.failure && <ErrorAlert error={leaving.failure} />}
      {schools.length === 0 ? (
        <p>{t('home.schoolsNone')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('home.schoolsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('home.schoolColumn')}</th>
                <th scope="col">{t('home.rolesColumn')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('school.columnActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {schools.map((school) => (
                <tr key={school.schoolId}>
                  <th scope="row">{school.schoolName}</th>
                  <td>{school.roles.map((role) => t(`invitation.roles.${role as SchoolRole}`)).join(', ')}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-quiet button-small"
                      disabled={leaving.busy}
                      aria-label={t('home.leaveFor', { school: school.schoolName })}
                      onClick={() => void leave(school)}
                    >
                      {t('home.leave')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
