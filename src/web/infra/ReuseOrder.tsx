import { decommissionEndpoints } from '../../shared/infra/decommission-endpoints';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useEndpointQuery } from '../serverState';
import { partnerTakes } from './decommissionView';
import { ictParkPath } from './infraPaths';

/** The order to weigh before a device leaves: another class first, then a reuse partner, recycling last; each partner with what it takes. */
export function ReuseOrder({ schoolId }: { schoolId: string }) {
  const { t, locale } = useI18n();
  const partners = useEndpointQuery(decommissionEndpoints.listReusePartners);
  return (
    <section className="card" aria-labelledby="reuse-order-title">
      <h2 id="reuse-order-title">{t('decom.orderTitle')}</h2>
      <ol data-testid="reuse-order">
        {(partners.data?.routes ?? ['redeploy', 'reuse', 'recycle']).map((route) => (
          <li key={route}>
            <strong>{t(`decom.routes.${route}`)}</strong>: {t(`decom.routeHints.${route}`)}
            {route === 'redeploy' && (
              <>
                {' '}
                <Link href={ictParkPath(schoolId)}>{t('decom.redeployLink')}</Link>
              </>
            )}
            {route !== 'redeploy' && (
              <ul>
                {(partners.data?.partners ?? [])
                  .filter((partner) => partner.route === route)
                  .map((partner) => (
                    <li key={partner.id}>
                      {partner.website ? (
                        <a href={partner.website} rel="noopener noreferrer" target="_blank">
                          {partner.name}
                        </a>
                      ) : (
                        partner.name
                      )}
                      : {partnerTakes(partner, locale)}
                    </li>
                  ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
