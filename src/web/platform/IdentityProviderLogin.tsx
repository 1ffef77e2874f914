import { oidcEndpoints } from '../../shared/platform/endpoints';
import { OIDC_ERROR_PARAM } from '../../shared/platform/oidc-param';
import { ApiError } from '../api';
import { useI18n } from '../i18n';
import { useLocation } from '../router';
import { useEndpointQuery } from '../serverState';
import { oidcStartUrl, returnedErrorId } from './identityProvider';

/** Why a login at the identity provider failed, when the server sent the browser back with an error id. */
export function useReturnedError(): ApiError | undefined {
  const id = returnedErrorId(useLocation().query.get(OIDC_ERROR_PARAM));
  return id && new ApiError(id, id, 0);
}

/**
 * "Log in with …" (or "Accept with …" on an invitation) when an identity provider is configured,
 * above the password form; nothing at all otherwise.
 */
export function IdentityProviderLogin({ purpose, next, invitation }: { purpose: 'login' | 'accept'; next?: string; invitation?: string }) {
  const { t, locale } = useI18n();
  const { data: provider } = useEndpointQuery(oidcEndpoints.getIdentityProvider);
  if (!provider?.enabled) return null;
  const label = provider.name ? t(`identityProvider.${purpose}`, { name: provider.name }) : t(`identityProvider.${purpose}Generic`);
  return (
    <div className="card">
      <a className="button button-primary button-wide" href={oidcStartUrl({ next, invitation, locale })}>
        {label}
      </a>
      <p className="muted">{t('identityProvider.orPassword')}</p>
    </div>
  );
}
