import { type FormEvent, useState } from 'react';
import type { FollowUpProgressDto } from '../../shared/centre/follow-up-api';
import { followUpEndpoints } from '../../shared/centre/follow-up-endpoints';
import type { FollowUpStep, FollowUpStepsDto } from '../../shared/centre/follow-up-steps';
import { followUpPages, MAX_FOLLOW_UP_STEPS, MIN_FOLLOW_UP_STEPS } from '../../shared/centre/follow-up-vocabulary';
import { formatDateTime, formatNumber, formatPercent } from '../../shared/i18n/format';
import { useCatalogueLabels } from '../catalogue/labels';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { TableScroll } from '../components/TableScroll';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { FormField } from '../school/FormField';
import { useEndpointMutation, useEndpointQuery } from '../serverState';
import { CentreNav } from './CentreNav';
import { moveStep, newStep, shareOf } from './followUpView';
import './centre.css';
import './followUp.css';

/** `/kenniscentrum/opvolging`: how far schools get after a Digisnap round, and the editor of the steps they tick. */
export function FollowUpPage() {
  const { t } = useI18n();
  const progress = useEndpointQuery(followUpEndpoints.getFollowUpProgress);
  const steps = useEndpointQuery(followUpEndpoints.getFollowUpSteps);
  return (
    <section className="page centre-page" data-testid="centre-follow-up">
      <PageHeading title={t('centreFollowUp.title')}>{t('centreFollowUp.title')}</PageHeading>
      <CentreNav />
      <p className="lead">{t('centreFollowUp.intro')}</p>
      {(progress.loading || steps.loading) && !(progress.data && steps.data) && <Loading />}
      {progress.error && <ErrorAlert error={progress.error} onRetry={progress.reload} />}
      {progress.data && <Progress progress={progress.data} />}
      {steps.error && <ErrorAlert error={steps.error} onRetry={steps.reload} />}
      {steps.data?.canEdit && <StepsEditor saved={steps.data} />}
    </section>
  );
}

function Progress({ progress }: { progress: FollowUpProgressDto }) {
  const { t, text, locale } = useI18n();
  const labels = useCatalogueLabels();
  const { flanders } = progress;
  const count = (value: number | null | undefined) => (value === null || value === undefined ? t('centreFollowUp.underFive') : formatNumber(value, locale));
  const groups = (title: string, rows: Array<{ name: string; schools: number | null; ticked: number[] | null }>, testId: string) => (
    <>
      <h3 id={`${testId}-title`}>{title}</h3>
      <TableScroll label={title}>
        <table className="data-table" data-testid={testId}>
          <thead>
            <tr>
              <th scope="col">{t('centreFollowUp.group')}</th>
              <th scope="col" className="numeric">
                {t('centreFollowUp.schools')}
              </th>
              {progress.steps.map((step, i) => (
                <th key={step.key} scope="col" className="numeric" title={text(step.title)}>
                  {t('centreFollowUp.stepNumber', { number: i + 1 })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.name}>
                <th scope="row">{row.name}</th>
                <td className="numeric">{count(row.schools)}</td>
                {progress.steps.map((step, i) => (
                  <td key={step.key} className="numeric">
                    {count(row.ticked?.[i] ?? null)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
  return (
    <section className="card" aria-labelledby="follow-up-progress-title">
      <h2 id="follow-up-progress-title">{t('centreFollowUp.progressTitle')}</h2>
      <dl className="fact-list">
        <dt>{t('centreFollowUp.schoolsWithRound')}</dt>
        <dd data-testid="follow-up-schools">{count(flanders.schools)}</dd>
      </dl>
      <TableScroll label={t('centreFollowUp.progressTitle')}>
        <table className="data-table follow-up-bars" data-testid="follow-up-steps-table">
          <thead>
            <tr>
              <th scope="col">{t('centreFollowUp.step')}</th>
              <th scope="col" className="numeric">
                {t('centreFollowUp.schools')}
              </th>
              <th scope="col">{t('centreFollowUp.share')}</th>
            </tr>
          </thead>
          <tbody>
            {progress.steps.map((step, i) => {
              const ticked = flanders.ticked?.[i] ?? null;
              const share = ticked === null || flanders.schools === null ? null : shareOf(ticked, flanders.schools);
              return (
                <tr key={step.key} data-testid={`follow-up-row-${step.key}`}>
                  <th scope="row">
                    {i + 1}. {text(step.title)}
                  </th>
                  <td className="numeric">{count(ticked)}</td>
                  <td>
                    {share !== null && (
                      <span className="follow-up-bar">
                        <span className="follow-up-bar-fill" style={{ width: `${Math.round(share * 100)}%` }} aria-hidden="true" />
                        <span className="follow-up-bar-text">{formatPercent(share, locale)}</span>
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {groups(
        t('centreFollowUp.byProvince'),
        progress.byProvince.map((group) => ({ ...group, name: labels.province(group.province) })),
        'follow-up-provinces',
      )}
      {groups(
        t('centreFollowUp.byLevel'),
        progress.byLevel.map((group) => ({ ...group, name: labels.educationLevel(group.level) })),
        'follow-up-levels',
      )}
    </section>
  );
}

/** The form over the steps: reorder, edit titles and texts in both languages, add, remove; saved with the version read. */
function StepsEditor({ saved }: { saved: FollowUpStepsDto }) {
  const { t, locale } = useI18n();
  const [steps, setSteps] = useState<FollowUpStep[]>(saved.steps);
  // The version this form edits: the one read, then each one it saved.
  const [version, setVersion] = useState(saved.version);
  const [justSaved, setJustSaved] = useState(false);
  const update = useEndpointMutation(followUpEndpoints.updateFollowUpSteps, { invalidates: ['getFollowUpSteps', 'getFollowUpProgress'] });
  const save = useSubmit(async () => {
    setVersion((await update({ body: { version, steps } })).version);
    setJustSaved(true);
  });
  const change = (index: number, patch: Partial<FollowUpStep>) => {
    setJustSaved(false);
    setSteps((current) => current.map((step, i) => (i === index ? { ...step, ...patch } : step)));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };
  return (
    <section className="card" aria-labelledby="follow-up-editor-title">
      <h2 id="follow-up-editor-title">{t('centreFollowUp.editorTitle')}</h2>
      <p className="muted">
        {t('centreFollowUp.editorIntro')}{' '}
        {saved.savedAt ? `${t('centreFollowUp.version', { version: saved.version })} · ${formatDateTime(saved.savedAt, locale)}` : t('centreFollowUp.defaults')}
      </p>
      <form onSubmit={submit} data-testid="follow-up-editor">
        <ol className="follow-up-editor">
          {steps.map((step, i) => {
            const id = `follow-up-step-${i}`;
            const name = step.title[locale] || step.key;
            return (
              <li key={step.key} className="follow-up-editor-step">
                <fieldset>
                  <legend>
                    {t('centreFollowUp.stepNumber', { number: i + 1 })} <code>{step.key}</code>
                  </legend>
                  <div className="field-row">
                    <TextField
                      id={`${id}-title-nl`}
                      label={t('centreFollowUp.titleNl')}
                      value={step.title.nl}
                      required
                      onChange={(nl) => change(i, { title: { ...step.title, nl } })}
                    />
                    <TextField
                      id={`${id}-title-en`}
                      label={t('centreFollowUp.titleEn')}
                      value={step.title.en}
                      required
                      onChange={(en) => change(i, { title: { ...step.title, en } })}
                    />
                  </div>
                  <div className="field-row">
                    <TextField id={`${id}-text-nl`} label={t('centreFollowUp.textNl')} value={step.text.nl} multiline onChange={(nl) => change(i, { text: { ...step.text, nl } })} />
                    <TextField id={`${id}-text-en`} label={t('centreFollowUp.textEn')} value={step.text.en} multiline onChange={(en) => change(i, { text: { ...step.text, en } })} />
                  </div>
                  <div className="field-row">
                    <TextField
                      id={`${id}-article`}
                      label={t('centreFollowUp.article')}
                      value={step.article ?? ''}
                      onChange={(article) => change(i, { article: article.trim() || null })}
                    />
                    <div className="field">
                      <label htmlFor={`${id}-page`}>{t('centreFollowUp.page')}</label>
                      <select id={`${id}-page`} value={step.page ?? ''} onChange={(event) => change(i, { page: followUpPages.find((page) => page === event.target.value) ?? null })}>
                        <option value="">{t('centreFollowUp.noPage')}</option>
                        {followUpPages.map((page) => (
                          <option key={page} value={page}>
                            {t(`followUp.pages.${page}`)}
                          </option>
                        ))}
                      </select>
                    </div>
                  </div>
                  <div className="actions actions-tight">
                    <button
                      type="button"
                      className="button button-quiet"
                      disabled={i === 0}
                      aria-label={t('centreFollowUp.moveUp', { step: name })}
                      onClick={() => setSteps(moveStep(steps, i, -1))}
                    >
                      {t('centreFollowUp.up')}
                    </button>
                    <button
                      type="button"
                      className="button button-quiet"
                      disabled={i === steps.length - 1}
                      aria-label={t('centreFollowUp.moveDown', { step: name })}
                      onClick={() => setSteps(moveStep(steps, i, 1))}
                    >
                      {t('centreFollowUp.down')}
                    </button>
                    <button
                      type="button"
                      className="button button-quiet"
                      disabled={steps.length <= MIN_FOLLOW_UP_STEPS}
                      aria-label={t('centreFollowUp.removeStep', { step: name })}
                      onClick={() => setSteps(steps.filter((_, j) => j !== i))}
                    >
                      {t('centreFollowUp.remove')}
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        {save.failure && <ErrorAlert error={save.failure} message={save.failure.id === 'conflict' ? t('centreFollowUp.stale') : undefined} />}
        {justSaved && (
          <p className="alert alert-success" role="status" data-testid="follow-up-saved">
            {t('centreFollowUp.saved', { version })}
          </p>
        )}
        <div className="actions">
          <button type="button" className="button button-secondary" disabled={steps.length >= MAX_FOLLOW_UP_STEPS} onClick={() => setSteps([...steps, newStep(steps)])}>
            {t('centreFollowUp.add')}
          </button>
          <button type="submit" className="button" disabled={save.busy} data-testid="follow-up-save">
            {t('centreFollowUp.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** A text field of the editor: one line, or a paragraph. */
function TextField(props: { id: string; label: string; value: string; required?: boolean; multiline?: boolean; onChange(value: string): void }) {
  const { id, label, value, required, multiline, onChange } = props;
  return (
    <FormField id={id} label={label}>
      {(control) =>
        multiline ? (
          <textarea {...control} value={value} rows={3} maxLength={1200} onChange={(event) => onChange(event.target.value)} />
        ) : (
          <input {...control} type="text" value={value} required={required} maxLength={120} onChange={(event) => onChange(event.target.value)} />
        )
      }
    </FormField>
  );
}
