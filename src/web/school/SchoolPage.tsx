import { type FormEvent, useRef, useState } from 'react';
import { formatDate } from '../../shared/i18n/format';
import { grants } from '../../shared/platform/capabilities';
import { oidcEndpoints } from '../../shared/platform/endpoints';
import { invitationEndpoints, schoolEndpoints } from '../../shared/school/endpoints';
import { type ApiError, asApiError, call } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { NarrowPage } from '../components/NarrowPage';
import { PageHeading } from '../components/PageHeading';
import { TableFileField } from '../components/TableFileField';
import { TableProblemLines } from '../components/TableProblemLines';
import { useSubmit } from '../components/useSubmit';
import { type UploadOutcome, useTableUpload } from '../components/useTableUpload';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useEndpointMutation, useEndpointQuery } from '../serverState';
import { boardOverviewPath } from './board-overview/boardOverviewPaths';
import { rolesGrantableBy } from './roles';
import { SchoolNav } from './SchoolNav';
import type { JoinCode, Member, PendingInvitation, RosterReport, SchoolRole, SchoolView } from './types';

/** A school's team as its ICT coordinator, principal or board admin manages it. Never scan data. */
export function SchoolPage({ schoolId }: { schoolId: string }) {
  const { t } = useI18n();
  const school = useEndpointQuery(schoolEndpoints.getSchool, { params: { schoolId } });
  const members = useEndpointQuery(schoolEndpoints.listSchoolMembers, { params: { schoolId } });
  const invitations = useEndpointQuery(invitationEndpoints.listInvitations, { params: { schoolId } });

  if (school.loading && !school.data) return <Loading />;
  if (school.error || !school.data) {
    return <NarrowPage title={t('school.title')}>{school.error && <ErrorAlert error={school.error} onRetry={school.reload} />}</NarrowPage>;
  }
  return (
    <section className="page school-page">
      <PageHeading title={school.data.name}>{school.data.name}</PageHeading>
      <SchoolNav schoolId={schoolId} />
      {school.data.board && school.data.myRoles.includes('board_admin') && (
        <p className="no-print">
          <Link href={boardOverviewPath(school.data.board.id)}>{t('boardOverview.link', { board: school.data.board.name })}</Link>
        </p>
      )}
      <MembersTable members={members.data?.items} error={members.error} onRetry={members.reload} />
      <div className="school-grid">
        <AddMemberForm school={school.data} />
        <JoinCodePanel schoolId={schoolId} />
      </div>
      <RosterPanel schoolId={schoolId} />
      <InvitationsTable schoolId={schoolId} items={invitations.data?.items} error={invitations.error} onRetry={invitations.reload} />
      <SettingsPanel school={school.data} />
    </section>
  );
}

function RoleList({ roles }: { roles: SchoolRole[] }) {
  const { t } = useI18n();
  return <>{roles.map((role) => t(`invitation.roles.${role}`)).join(', ')}</>;
}

function MembersTable({ members, error, onRetry }: { members?: Member[]; error?: ApiError; onRetry(): void }) {
  const { t, locale } = useI18n();
  return (
    <section className="card" aria-labelledby="members-title">
      <h2 id="members-title">{t('school.membersTitle')}</h2>
      <p className="muted">{t('school.membersIntro')}</p>
      {error && <ErrorAlert error={error} onRetry={onRetry} />}
      {!members && !error && <Loading />}
      {members && (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="members-title">
          <table className="data-table" data-testid="school-members">
            <caption className="visually-hidden">{t('school.membersCaption', { count: members.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('school.columnName')}</th>
                <th scope="col">{t('school.columnEmail')}</th>
                <th scope="col">{t('school.columnRoles')}</th>
                <th scope="col">{t('school.columnSince')}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.userId}>
                  <th scope="row">{member.name}</th>
                  <td>{member.email}</td>
                  <td>
                    <RoleList roles={member.roles} />
                  </td>
                  <td>{formatDate(member.since, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** What a change to the team shows anew: the members and the open invitations. */
const teamLists = ['listSchoolMembers', 'listInvitations'];

function AddMemberForm({ school }: { school: SchoolView }) {
  const { t } = useI18n();
  const addMember = useEndpointMutation(schoolEndpoints.addSchoolMember, { invalidates: teamLists });
  const roles = rolesGrantableBy(school.myRoles);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<SchoolRole>('teacher');
  const [problem, setProblem] = useState<string>();
  const [done, setDone] = useState<string>();
  const { run, busy, failure, clearFailure } = useSubmit(async () => {
    const result = await addMember({ params: { schoolId: school.id }, body: { email: email.trim(), role, name: name.trim() || undefined } });
    setDone(t('school.invited', { email: result.invitation.email }));
    setEmail('');
    setName('');
  });
  const emailRef = useRef<HTMLInputElement>(null);

  if (roles.length === 0) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(undefined);
    clearFailure();
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) {
      setProblem(t('school.emailProblem'));
      emailRef.current?.focus();
      return;
    }
    setProblem(undefined);
    await run();
  };

  return (
    <section className="card" aria-labelledby="add-member-title">
      <h2 id="add-member-title">{t('school.addTitle')}</h2>
      <p className="muted">{t('school.addIntro')}</p>
      <form className="form" noValidate onSubmit={submit} data-testid="add-member-form">
        <div className="field">
          <label htmlFor="member-email">{t('school.email')}</label>
          <input
            ref={emailRef}
            id="member-email"
            type="email"
            autoComplete="off"
            required
            value={email}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'member-email-problem' : undefined}
            onChange={(event) => setEmail(event.target.value)}
          />
          {problem && (
            <p id="member-email-problem" className="field-problem">
              {problem}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="member-name">
            {t('school.name')}
            <span className="field-optional"> {t('form.optional')}</span>
          </label>
          <p id="member-name-hint" className="field-hint">
            {t('school.nameHint')}
          </p>
          <input id="member-name" type="text" autoComplete="off" maxLength={120} aria-describedby="member-name-hint" value={name} onChange={(event) => setName(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="member-role">{t('school.role')}</label>
          <select id="member-role" value={role} onChange={(event) => setRole(event.target.value as SchoolRole)}>
            {roles.map((code) => (
              <option key={code} value={code}>
                {t(`invitation.roles.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('school.adding') : t('school.add')}
          </button>
        </div>
        {failure && <ErrorAlert error={failure} />}
        {done && (
          <p className="alert alert-success" role="status">
            {done}
          </p>
        )}
      </form>
    </section>
  );
}

/** The school's settings, for its principals and board admins: whether joining needs the identity provider. */
function SettingsPanel({ school }: { school: SchoolView }) {
  const { t } = useI18n();
  const { data: provider } = useEndpointQuery(oidcEndpoints.getIdentityProvider);
  const saveSettings = useEndpointMutation(schoolEndpoints.setSchoolSettings, { invalidates: ['getSchool'] });
  const [required, setRequired] = useState(school.requireIdentityProvider);
  const [saved, setSaved] = useState(false);
  const { run, busy, failure } = useSubmit(async () => {
    await saveSettings({ params: { schoolId: school.id }, body: { requireIdentityProvider: required } });
    setSaved(true);
  });
  if (!grants(school.myRoles, 'manageSchoolSettings')) return null;
  // Without an identity provider on the server the setting cannot be turned on; show it only to turn it off.
  if (!provider?.enabled && !school.requireIdentityProvider) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void run();
  };

  return (
    <section className="card" aria-labelledby="school-settings-title" data-testid="school-settings">
      <h2 id="school-settings-title">{t('school.settingsTitle')}</h2>
      <form className="form" noValidate onSubmit={submit}>
        <div className="checkbox-field">
          <input
            id="require-identity-provider"
            type="checkbox"
            checked={required}
            aria-describedby="require-identity-provider-hint"
            onChange={(event) => setRequired(event.target.checked)}
          />
          <label htmlFor="require-identity-provider">{t('school.requireIdentityProvider')}</label>
          <p id="require-identity-provider-hint" className="field-hint">
            {t('school.requireIdentityProviderHint')}
          </p>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('school.settingsSave')}
          </button>
        </div>
        {failure && <ErrorAlert error={failure} />}
        {saved && (
          <p className="alert alert-success" role="status">
            {t('school.settingsSaved')}
          </p>
        )}
      </form>
    </section>
  );
}

function JoinCodePanel({ schoolId }: { schoolId: string }) {
  const { t } = useI18n();
  const code = useEndpointQuery(schoolEndpoints.getJoinCode, { params: { schoolId } });
  const [rotated, setRotated] = useState(false);
  const rotation = useSubmit(async () => {
    code.setData(await call(schoolEndpoints.rotateJoinCode, { params: { schoolId } }));
    setRotated(true);
  });

  const rotate = async () => {
    if (window.confirm(t('school.rotateConfirm'))) await rotation.run();
  };

  const shown: JoinCode | undefined = code.data;
  return (
    <section className="card" aria-labelledby="join-code-title" data-testid="join-code">
      <h2 id="join-code-title">{t('school.joinCodeTitle')}</h2>
      <p className="muted">{t('school.joinCodeIntro')}</p>
      {code.error && <ErrorAlert error={code.error} onRetry={code.reload} />}
      {!shown && !code.error && <Loading />}
      {shown && (
        <>
          <p className="join-code" data-testid="join-code-value">
            {shown.code}
          </p>
          <p className="join-link">
            {t('school.joinLink')} <a href={shown.joinUrl}>{shown.joinUrl}</a>
          </p>
          <button type="button" className="button button-secondary" onClick={() => void rotate()} disabled={rotation.busy}>
            {t('school.rotate')}
          </button>
          <p className="field-hint">{t('school.rotateHint')}</p>
          {rotated && (
            <p className="alert alert-success" role="status">
              {t('school.rotated')}
            </p>
          )}
        </>
      )}
      {rotation.failure && <ErrorAlert error={rotation.failure} />}
    </section>
  );
}

type RosterOutcome = UploadOutcome<RosterReport, 'upload'>;

function RosterPanel({ schoolId }: { schoolId: string }) {
  const { t } = useI18n();
  const importRoster = useEndpointMutation(invitationEndpoints.importRoster, { invalidates: teamLists });
  const upload = useTableUpload<RosterReport, 'upload'>({ send: (table) => importRoster({ params: { schoolId }, body: table }) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void upload.run('upload');
  };

  return (
    <section className="card" aria-labelledby="roster-title" data-testid="roster-panel">
      <h2 id="roster-title">{t('school.rosterTitle')}</h2>
      <p>{t('school.rosterIntro')}</p>
      <p>
        <code>naam;e-mail</code>
      </p>
      <form className="form" noValidate onSubmit={submit}>
        <TableFileField
          id="roster-file"
          label={t('school.rosterFile')}
          inputRef={upload.fileRef}
          missingMessage={upload.missingFile ? t('school.rosterFileMissing') : null}
          onChange={upload.clear}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={upload.busy !== null}>
            {upload.busy ? t('school.rosterUploading') : t('school.rosterUpload')}
          </button>
        </div>
      </form>
      <div ref={upload.reportRef} tabIndex={-1} className="import-report-region" data-testid="roster-report">
        {upload.outcome && <RosterOutcomeView outcome={upload.outcome} />}
      </div>
    </section>
  );
}

function RosterOutcomeView({ outcome }: { outcome: RosterOutcome }) {
  const { t } = useI18n();
  if (outcome.kind === 'failure') {
    const { error } = outcome;
    if (error.id !== 'import_rejected' || !error.details?.length) return <ErrorAlert error={error} />;
    return <TableProblemLines title={t('school.rosterRejected', { count: error.details.length })} note={t('school.rosterNobodyInvited')} lines={error.details} />;
  }
  const { report } = outcome;
  return (
    <div className="alert alert-success" role="status">
      <p>{t('school.rosterInvited', { count: report.invited })}</p>
      {report.alreadyMembers.length > 0 && (
        <>
          <p>{t('school.rosterAlreadyMembers', { count: report.alreadyMembers.length })}</p>
          <ul>
            {report.alreadyMembers.map((entry) => (
              <li key={entry.line}>
                {t('import.line', { line: entry.line })}: {entry.email}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function InvitationsTable({ schoolId, items, error, onRetry }: { schoolId: string; items?: PendingInvitation[]; error?: ApiError; onRetry(): void }) {
  const { t, locale } = useI18n();
  const revokeInvitation = useEndpointMutation(invitationEndpoints.revokeInvitation, { invalidates: ['listInvitations'] });
  const [failure, setFailure] = useState<ApiError>();
  const [busyId, setBusyId] = useState<string>();

  const revoke = async (invitation: PendingInvitation) => {
    setBusyId(invitation.id);
    setFailure(undefined);
    try {
      await revokeInvitation({ params: { schoolId, invitationId: invitation.id } });
    } catch (caught) {
      setFailure(asApiError(caught));
    } finally {
      setBusyId(undefined);
    }
  };

  return (
    <section className="card" aria-labelledby="invitations-title" data-testid="school-invitations">
      <h2 id="invitations-title">{t('school.invitationsTitle')}</h2>
      {error && <ErrorAlert error={error} onRetry={onRetry} />}
      {failure && <ErrorAlert error={failure} />}
      {!items && !error && <Loading />}
      {items && items.length === 0 && <p className="muted">{t('school.invitationsNone')}</p>}
      {items && items.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="invitations-title">
          <table className="data-table">
            <caption className="visually-hidden">{t('school.invitationsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('school.columnEmail')}</th>
                <th scope="col">{t('school.columnName')}</th>
                <th scope="col">{t('school.role')}</th>
                <th scope="col">{t('school.columnExpires')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('school.columnActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((invitation) => (
                <tr key={invitation.id}>
                  <th scope="row">{invitation.email}</th>
                  <td>{invitation.name ?? '—'}</td>
                  <td>{t(`invitation.roles.${invitation.role}`)}</td>
                  <td>{formatDate(invitation.expiresAt, locale)}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-quiet button-small"
                      disabled={busyId === invitation.id}
                      onClick={() => void revoke(invitation)}
                      aria-label={t('school.revokeFor', { email: invitation.email })}
                    >
                      {t('school.revoke')}
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
