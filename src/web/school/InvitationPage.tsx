import { type FormEvent, useEffect, useRef, useState } from 'react';
import { invitationEndpoints } from '../../shared/school/endpoints';
import { landingAfterJoining } from '../../shared/school/landing';
import { call, startSession } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { NarrowPage } from '../components/NarrowPage';
import { PageHeading } from '../components/PageHeading';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { IdentityProviderLogin, useReturnedError } from '../platform/IdentityProviderLogin';
import { preloadPasswordRule } from '../platform/passwordForm';
import { useSession } from '../platform/session';
import { Link, navigate } from '../router';
import { useEndpointQuery } from '../serverState';
import { AccountPasswordField, checkNewAccount, NewAccountNameField, type NewAccountProblems } from './NewAccountFields';
import type { InvitationView } from './types';

/**
 * The page behind the link in an invitation mail: name and password (or the existing account's
 * password, or one click when logged in), and the new team member is in, and on their way to the scan.
 */
export function InvitationPage({ token }: { token: string }) {
  const { t } = useI18n();
  const { data: invitation, error, loading } = useEndpointQuery(invitationEndpoints.getInvitation, { params: { token } });

  if (loading) return <Loading />;
  if (error || !invitation) {
    return (
      <NarrowPage title={t('invitation.title')}>
        {error && <ErrorAlert error={error} />}
        <p>
          <Link href="/login">{t('invitation.toLogin')}</Link>
        </p>
      </NarrowPage>
    );
  }
  return (
    <section className="page page-narrow">
      <PageHeading title={t('invitation.title')}>{t('invitation.heading', { school: invitation.schoolName })}</PageHeading>
      <p className="lead">{t('invitation.intro', { email: invitation.email, role: t(`invitation.roles.${invitation.role}`) })}</p>
      <AcceptForm token={token} invitation={invitation} />
    </section>
  );
}

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationView }) {
  const { t, locale } = useI18n();
  const { user, adopt, logout } = useSession();
  const [problems, setProblems] = useState<NewAccountProblems>({});
  // Whether the address has an account is not told by the server: the person says which it is.
  const [account, setAccount] = useState<'new' | 'existing'>('new');
  const {
    run: accept,
    busy,
    failure,
  } = useSubmit(
    async (body: { name?: string; password?: string; account?: 'new' | 'existing' }) => {
      adopt(await startSession(call(invitationEndpoints.acceptInvitation, { params: { token }, body: { ...body, locale } })));
      navigate(landingAfterJoining(invitation.role));
    },
    { leavesPage: true },
  );
  // Accepting through the identity provider that failed comes back here with its error id.
  const returned = useReturnedError();
  const shownFailure = failure ?? returned;
  const nameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const newAccount = !user && account === 'new';
  useEffect(() => {
    if (newAccount) preloadPasswordRule();
  }, [newAccount]);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (user) return void accept({});
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const found = await checkNewAccount(t, { name, password, email: invitation.email, isNew: newAccount });
    setProblems(found);
    if (found.name) return nameRef.current?.focus();
    if (found.password) return passwordRef.current?.focus();
    void accept(newAccount ? { name, password, account } : { password, account });
  };

  if (invitation.requireIdentityProvider) {
    return (
      <>
        {shownFailure && <ErrorAlert error={shownFailure} />}
        <IdentityProviderLogin purpose="accept" invitation={token} />
        <p>{t('invitation.onlyIdentityProvider')}</p>
      </>
    );
  }

  return (
    <>
      {shownFailure && <ErrorAlert error={shownFailure} />}
      {!user && <IdentityProviderLogin purpose="accept" invitation={token} />}
      <form className="card form" onSubmit={handleSubmit} noValidate aria-busy={busy}>
        {user ? (
          <>
            <p>{t('invitation.asUser', { name: user.displayName, email: user.email })}</p>
            {user.email.toLowerCase() !== invitation.email.toLowerCase() && <p className="field-hint">{t('invitation.otherAddress', { email: invitation.email })}</p>}
          </>
        ) : (
          <>
            <fieldset className="field">
              <legend>{t('invitation.chooseAccount')}</legend>
              {(['new', 'existing'] as const).map((choice) => (
                <label key={choice} className="radio-choice">
                  <input
                    type="radio"
                    name="account"
                    value={choice}
                    checked={account === choice}
                    onChange={() => {
                      setAccount(choice);
                      setProblems({});
                    }}
                  />{' '}
                  {t(choice === 'new' ? 'invitation.accountNew' : 'invitation.accountExisting')}
                </label>
              ))}
            </fieldset>
            {newAccount ? (
              <NewAccountNameField idPrefix="invitation" defaultName={invitation.name ?? undefined} problem={problems.name} inputRef={nameRef} />
            ) : (
              <p>{t('invitation.existingAccount')}</p>
            )}
            <input type="hidden" name="username" autoComplete="username" value={invitation.email} />
            <AccountPasswordField idPrefix="invitation" isNew={newAccount} problem={problems.password} inputRef={passwordRef} />
          </>
        )}
        <button type="submit" className="button button-primary button-wide" disabled={busy}>
          {busy ? t('invitation.accepting') : t('invitation.accept')}
        </button>
      </form>
      {user && (
        <p>
          <button type="button" className="button button-secondary" onClick={() => void logout()}>
            {t('invitation.notYou')}
          </button>
        </p>
      )}
    </>
  );
}
