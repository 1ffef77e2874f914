import { type FormEvent, useRef, useState } from 'react';
import { invitationEndpoints, schoolEndpoints } from '../../shared/school/endpoints';
import { call, startSession } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { NarrowPage } from '../components/NarrowPage';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { AccountEmailField } from '../platform/AccountEmailField';
import { IdentityProviderLogin } from '../platform/IdentityProviderLogin';
import { validateLogin } from '../platform/loginForm';
import { useSession } from '../platform/session';
import { Link, navigate } from '../router';
import { useEndpointQuery } from '../serverState';
import { AccountPasswordField, checkNewAccount, NewAccountNameField, type NewAccountProblems } from './NewAccountFields';
import type { JoinResult } from './types';

/**
 * The page behind a school's join link: it names the school first; a logged-in teacher joins
 * with one click, someone without an account makes one here and is in the team at once.
 */
export function JoinPage({ code }: { code: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const { data: link, error, loading } = useEndpointQuery(invitationEndpoints.getJoinLink, { params: { code } });
  const [joined, setJoined] = useState<JoinResult>();
  const { run: join, busy, failure } = useSubmit(async () => setJoined(await call(schoolEndpoints.joinSchool, { params: { code } })));
  const here = `/aansluiten/${code}`;

  if (loading) return <Loading />;
  if (error || !link) {
    return (
      <NarrowPage title={t('join.title')}>
        {error && <ErrorAlert error={error} />}
        <p>
          <Link href="/">{t('join.toHome')}</Link>
        </p>
      </NarrowPage>
    );
  }
  return (
    <NarrowPage title={t('join.title')}>
      <p className="lead">{t('join.school', { school: link.schoolName })}</p>
      {joined ? (
        <>
          <p className="alert alert-success" role="status">
            {t('join.joined', { school: joined.schoolName })}
          </p>
          <p>
            <Link className="button button-primary" href="/scan">
              {t('join.toScan')}
            </Link>
          </p>
        </>
      ) : user ? (
        <>
          {failure && <ErrorAlert error={failure} />}
          {/* Logging in through the provider links the account of the address it verified; back here, joining then works. */}
          {failure?.id === 'identity_provider_required' && <IdentityProviderLogin purpose="login" next={here} />}
          <p>{t('join.intro', { code })}</p>
          <button type="button" className="button button-primary" onClick={() => void join()} disabled={busy}>
            {t('join.submit')}
          </button>
        </>
      ) : link.requireIdentityProvider ? (
        <>
          <IdentityProviderLogin purpose="login" next={here} />
          <p>{t('join.onlyIdentityProvider')}</p>
        </>
      ) : (
        <>
          <p>
            {t('join.haveAccount')} <Link href={`/login?next=${encodeURIComponent(here)}`}>{t('join.toLogin')}</Link>
          </p>
          <NewAccountForm code={code} />
        </>
      )}
    </NarrowPage>
  );
}

/** Name, address and password: the account is made and joins the team in one step, then the scan. */
function NewAccountForm({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const { adopt } = useSession();
  const [problems, setProblems] = useState<NewAccountProblems & { email?: 'required' | 'invalid' }>({});
  const nameRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const { run, busy, failure } = useSubmit(
    async (body: { name: string; email: string; password: string }) => {
      adopt(await startSession(call(invitationEndpoints.joinSchoolWithNewAccount, { params: { code }, body: { ...body, locale } })));
      navigate('/scan');
    },
    { leavesPage: true },
  );

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const found = { email: validateLogin(email, '-').email, ...(await checkNewAccount(t, { name, password, email, isNew: true })) };
    setProblems(found);
    if (found.name) return nameRef.current?.focus();
    if (found.email) return emailRef.current?.focus();
    if (found.password) return passwordRef.current?.focus();
    void run({ name, email, password });
  };

  return (
    <form className="card form" onSubmit={handleSubmit} noValidate aria-busy={busy} aria-labelledby="join-new-title">
      <h2 id="join-new-title">{t('join.newAccountTitle')}</h2>
      {failure && <ErrorAlert error={failure} />}
      <NewAccountNameField idPrefix="join" problem={problems.name} inputRef={nameRef} />
      <AccountEmailField id="join-email" inputRef={emailRef} problem={problems.email} />
      <AccountPasswordField idPrefix="join" isNew problem={problems.password} inputRef={passwordRef} />
      <button type="submit" className="button button-primary button-wide" disabled={busy}>
        {busy ? t('join.creating') : t('join.createAndJoin')}
      </button>
    </form>
  );
}
