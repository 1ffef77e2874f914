import { useI18n } from '../i18n';

interface Props {
  /** How many lines were refused. */
  title: string;
  /** What the refusal means, e.g. that nothing was imported. */
  note: string;
  lines: ReadonlyArray<{ field: string; message: string }>;
  testId?: string;
}

const withoutPrefix = (message: string, field: string) => (message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message);

/** Every bad line and field of an uploaded table (CSV or .xlsx), as the server found them. */
export function TableProblemLines({ title, note, lines, testId }: Props) {
  const { t } = useI18n();
  // the server writes `line 3: e-mail`; the column names are the file's own, so only "line" is translated
  const where = (field: string) => field.replace(/^line (\d+): /, (_, line: string) => `${t('import.line', { line })}: `);
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
            {lines.map((line, index) => (
              <tr key={index}>
                <th scope="row">{where(line.field)}</th>
                {/* the API writes its messages in English */}
                <td lang="en">{withoutPrefix(line.message, line.field)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
