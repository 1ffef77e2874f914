import { formatNumber } from '../../../shared/i18n/format';
import { TableScroll } from '../../components/TableScroll';
import { useI18n } from '../../i18n';
import { meanText } from './reflectionView';
import type { ReflectionReport, ReflectionStats } from './types';

type Section = ReflectionReport['sections'][number];

/** A hidden number: the word, never a guess. */
export function Hidden() {
  const { t } = useI18n();
  return (
    <span className="suppressed">
      {t('report.hidden')}
      <sup aria-hidden="true">*</sup>
    </span>
  );
}

function Count({ value }: { value: number | null }) {
  const { locale } = useI18n();
  return value === null ? <Hidden /> : formatNumber(value, locale, 0);
}

function Mean({ stats }: { stats: ReflectionStats }) {
  const { t, locale } = useI18n();
  if (stats.respondents.suppressed) return <Hidden />;
  const text = meanText(stats.mean, locale);
  if (text === null) return <span className="muted">{t('reflection.report.noMean')}</span>;
  return stats.belowAction ? (
    <strong className="below-action">
      {text} <span className="badge badge-key-measure">{t('reflection.report.pointForAction')}</span>
    </strong>
  ) : (
    text
  );
}

/** One section: a row per group (and all groups) with respondents, mean, answers per scale value and "not applicable"; then its statements. */
export function ReportSection({ section, report }: { section: Section; report: ReflectionReport }) {
  const { t, text, locale } = useI18n();
  const groupName = (group: ReflectionStats['group']) => t(`reflection.groups.${group}`);
  const headingId = `section-${section.id}`;
  return (
    <section className="card reflection-section" aria-labelledby={headingId} data-testid="reflection-section" data-section={section.id}>
      <h3 id={headingId}>
        {text(section.name)} <span className="badge">{t(`fronts.${section.front}`)}</span>
      </h3>
      <TableScroll label={t('reflection.report.sectionCaption', { section: text(section.name) })}>
        <table className="data-table">
          <caption className="visually-hidden">{t('reflection.report.sectionCaption', { section: text(section.name) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reflection.round.group')}</th>
              <th scope="col" className="numeric">
                {t('reflection.report.respondents')}
              </th>
              <th scope="col" className="numeric">
                {t('reflection.report.mean')}
              </th>
              {report.scale.map((step) => (
                <th scope="col" className="numeric" key={step.value}>
                  <abbr title={text(step.label)}>{step.value}</abbr>
                </th>
              ))}
              <th scope="col" className="numeric">
                {t('reflection.report.notApplicable')}
              </th>
            </tr>
          </thead>
          <tbody>
            {section.groups.map((stats) => (
              <tr key={stats.group} className={stats.group === 'all' ? 'total-row' : undefined} data-testid={`section-row-${stats.group}`}>
                <th scope="row">{groupName(stats.group)}</th>
                <td className="numeric" data-testid="respondents">
                  <Count value={stats.respondents.count} />
                </td>
                {stats.respondents.suppressed ? (
                  // A hidden group shows no number at all: one cell says so for the whole row.
                  <td colSpan={report.scale.length + 2} data-testid="mean">
                    <Hidden />
                  </td>
                ) : (
                  <>
                    <td className="numeric" data-testid="mean">
                      <Mean stats={stats} />
                    </td>
                    {stats.distribution.map((cell) => (
                      <td className="numeric" key={cell.value}>
                        <Count value={cell.count} />
                      </td>
                    ))}
                    <td className="numeric">
                      <Count value={stats.notApplicable} />
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="muted">{t('reflection.report.answersNote')}</p>
      {section.gaps.length > 0 && (
        <ul className="reflection-gaps">
          {section.gaps.map((gap) => (
            <li key={`${gap.higher}-${gap.lower}`}>
              {t('reflection.report.gap', { higher: groupName(gap.higher), lower: groupName(gap.lower).toLocaleLowerCase(locale), difference: meanText(gap.difference, locale) })}
            </li>
          ))}
        </ul>
      )}
      <details className="reflection-items">
        <summary>{t('reflection.report.statements', { count: section.items.length })}</summary>
        <TableScroll label={t('reflection.report.statementsCaption', { section: text(section.name) })}>
          <table className="data-table">
            <caption className="visually-hidden">{t('reflection.report.statementsCaption', { section: text(section.name) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reflection.report.statement')}</th>
                {section.groups.map((stats) => (
                  <th scope="col" className="numeric" key={stats.group}>
                    {groupName(stats.group)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {section.items.map((item) => (
                <tr key={item.id} data-testid="statement-row">
                  <th scope="row">{text(item.statement)}</th>
                  {section.groups.map((column) => {
                    const stats = item.groups.find((entry) => entry.group === column.group);
                    return (
                      <td className="numeric" key={column.group}>
                        {stats ? <Mean stats={stats} /> : <span className="muted">{t('reflection.report.notAsked')}</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </section>
  );
}
