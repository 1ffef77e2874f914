import type { IssueDetail } from '../../shared/issues';
import { useI18n } from '../i18n';
import { fieldText, issueText } from './issueText';

interface Props {
  /** How many lines were refused. */
  title: string;
  /** What the refusal means, e.g. that nothing was imported. */
  note: string;
  lines: ReadonlyArray<IssueDetail>;
  testId?: string;
}

/** Every bad line and field of an uploaded table (CSV or .xlsx), as the server found them. */
export function TableProblemLines({ title, note, lines, testId }: Props) {
  const { t, locale } = useI18n();
  return (
    <div className="alert alert-error" role="alert" data-testid={testId}>
      <p>
        <strong>{title}</strong> {note}
      </p>
      <div className="table-wrap">
        <table className="data-table import-problems">
          <caption className="visually-hidden">{t('import.problemsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.columnWhere')}</th>
              <th scope="col">{t('import.columnProblem')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, index) => {
              const problem = issueText(t, locale, line);
              return (
                <tr key={index}>
                  <th scope="row">{fieldText(t, line.field)}</th>
                  <td lang={problem.lang}>{problem.text}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
