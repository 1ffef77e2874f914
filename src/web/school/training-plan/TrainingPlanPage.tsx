import { type FormEvent, useState } from 'react';
import { formatDate, parseEuroInput } from '../../../shared/i18n/format';
import { brusselsDate } from '../../../shared/platform/brussels-time';
import { campaignEndpoints } from '../../../shared/school/campaign/endpoints';
import { schoolEndpoints } from '../../../shared/school/endpoints';
import { trainingPlanEndpoints } from '../../../shared/school/training-plan/endpoints';
import type { ApiError } from '../../api';
import { TrainingCard } from '../../catalogue/TrainingCard';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NarrowPage } from '../../components/NarrowPage';
import { PageHeading } from '../../components/PageHeading';
import { useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n';
import { Link, navigate, useLocation } from '../../router';
import { useEndpointMutation, useEndpointQuery } from '../../serverState';
import { percentText } from '../campaign/reportView';
import { FormField, focusFirstProblem } from '../FormField';
import { SchoolNav } from '../SchoolNav';
import { budgetPath, campaignsPath, reportPath, trainingPlanPath } from '../schoolAccess';
import { formatCents, parseWholeNumber } from '../training-budget/trainingBudgetView';
import type { Campaign, StudyDay, StudyDayInput, TrainingSuggestions } from '../types';

type Suggestion = TrainingSuggestions['team'][number];

/**
 * The team's training plan: trainings for the report's priority area (for the whole team and
 * for teachers one by one), pedagogical study days planned with one of them, and their list.
 */
export function TrainingPlanPage({ schoolId }: { schoolId: string }) {
  const { t } = useI18n();
  const { query } = useLocation();
  const school = useEndpointQuery(schoolEndpoints.getSchool, { params: { schoolId } });
  const campaigns = useEndpointQuery(campaignEndpoints.listCampaigns, { params: { schoolId } });
  const studyDays = useEndpointQuery(trainingPlanEndpoints.listStudyDays, { params: { schoolId } });
  const campaignId = query.get('campagne') ?? campaigns.data?.items[0]?.id;
  const suggestions = useEndpointQuery(trainingPlanEndpoints.getTrainingSuggestions, { params: { schoolId, campaignId: campaignId ?? '' } }, { enabled: Boolean(campaignId) });
  const [trainingId, setTrainingId] = useState('');

  if ((school.loading && !school.data) || (campaigns.loading && !campaigns.data && !campaigns.error)) return <Loading />;
  const failure = school.error ?? campaigns.error;
  if (failure || !school.data || !campaigns.data) {
    return (
      <NarrowPage title={t('trainingPlan.title')}>
        <SchoolNav schoolId={schoolId} />
        {failure && <ErrorAlert error={failure} onRetry={school.error ? school.reload : campaigns.reload} />}
      </NarrowPage>
    );
  }
  const title = t('trainingPlan.titleFor', { school: school.data.name });
  const planWith = (id: string) => {
    setTrainingId(id);
    document.getElementById('studyday-training')?.focus();
  };
  return (
    <section className="page training-plan-page">
      <PageHeading title={title}>{title}</PageHeading>
      <SchoolNav schoolId={schoolId} />
      <p className="lead">{t('trainingPlan.intro')}</p>
      {campaigns.data.items.length === 0 ? (
        <p className="card card-quiet" data-testid="training-plan-no-campaign">
          {t('trainingPlan.noCampaign')} <Link href={campaignsPath(schoolId)}>{t('trainingPlan.toCampaigns')}</Link>
        </p>
      ) : (
        <CampaignPicker schoolId={schoolId} campaigns={campaigns.data.items} chosen={campaignId!} />
      )}
      {campaignId && suggestions.loading && !suggestions.data && <Loading />}
      {campaignId && suggestions.error?.id === 'too_few_respondents' && (
        <p className="card card-quiet" data-testid="training-plan-too-few">
          {t('trainingPlan.tooFew')} <Link href={reportPath(schoolId, campaignId)}>{t('trainingPlan.toReport')}</Link>
        </p>
      )}
      {suggestions.error && suggestions.error.id !== 'too_few_respondents' && <ErrorAlert error={suggestions.error} onRetry={suggestions.reload} />}
      {suggestions.data && <SuggestionsSection schoolId={schoolId} plan={suggestions.data} onPlan={planWith} />}
      {suggestions.data && <StudyDayForm schoolId={schoolId} plan={suggestions.data} trainingId={trainingId} onTrainingChange={setTrainingId} />}
      <StudyDayList schoolId={schoolId} items={studyDays.data?.items} error={studyDays.error} onRetry={studyDays.reload} />
    </section>
  );
}

function CampaignPicker({ schoolId, campaigns, chosen }: { schoolId: string; campaigns: Campaign[]; chosen: string }) {
  const { t, locale } = useI18n();
  return (
    <div className="field field-inline no-print">
      <label htmlFor="training-plan-campaign">{t('trainingPlan.campaign')}</label>
      <select id="training-plan-campaign" value={chosen} onChange={(event) => navigate(trainingPlanPath(schoolId, event.target.value), { replace: true, keepScroll: true })}>
        {campaigns.map((campaign) => (
          <option key={campaign.id} value={campaign.id}>
            {t('trainingPlan.campaignOption', { from: formatDate(campaign.opensOn, locale), to: formatDate(campaign.closesOn, locale) })}
          </option>
        ))}
      </select>
    </div>
  );
}

function SuggestionsSection({ schoolId, plan, onPlan }: { schoolId: string; plan: TrainingSuggestions; onPlan(trainingId: string): void }) {
  const { t, text, locale } = useI18n();
  const area = plan.priorityArea;
  return (
    <>
      <section className="card card-accent" aria-labelledby="training-plan-focus-title" data-testid="training-plan-focus">
        <h2 id="training-plan-focus-title">{t('trainingPlan.focusTitle')}</h2>
        {area ? (
          <>
            <p className="priority-name">{`${area.number}. ${text(area.name)}`}</p>
            <p className="muted">
              {t('trainingPlan.focusIntro')} <Link href={reportPath(schoolId, plan.campaignId)}>{t('trainingPlan.toReport')}</Link>
            </p>
            {plan.focus.length > 0 && (
              <ul className="competence-list">
                {plan.focus.map((item) => (
                  <li key={item.competence}>
                    {t('trainingPlan.focusItem', {
                      competence: `${item.competence} ${text(item.name)}`,
                      level: item.level,
                      count: item.count,
                      share: percentText(item.share, locale) ?? '',
                    })}
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <p>{t('trainingPlan.noPriority')}</p>
        )}
      </section>
      <SuggestionList id="team" title={t('trainingPlan.teamTitle')} intro={t('trainingPlan.teamIntro', { count: plan.participants })} items={plan.team} onPlan={onPlan} />
      <SuggestionList id="individual" title={t('trainingPlan.individualTitle')} intro={t('trainingPlan.individualIntro')} items={plan.individual} onPlan={onPlan} />
    </>
  );
}

function SuggestionList(props: { id: string; title: string; intro: string; items: Suggestion[]; onPlan(trainingId: string): void }) {
  const { t, text } = useI18n();
  const titleId = `training-plan-${props.id}-title`;
  return (
    <section className="card" aria-labelledby={titleId} data-testid={`training-plan-${props.id}`}>
      <h2 id={titleId}>{props.title}</h2>
      <p className="muted">{props.intro}</p>
      {props.items.length === 0 ? (
        <p>{t('trainingPlan.noSuggestions')}</p>
      ) : (
        <ol className="result-list">
          {props.items.map((item) => (
            <li key={item.training.id}>
              <TrainingCard training={item.training} testId="training-suggestion">
                <p className="recommendation-reason">{text(item.reason)}</p>
                <button type="button" className="button button-secondary button-small" onClick={() => props.onPlan(item.training.id)}>
                  {t('trainingPlan.planThis')}
                  <span className="visually-hidden">: {item.training.title}</span>
                </button>
              </TrainingCard>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

type StudyDayField = 'training' | 'date' | 'participants' | 'teamPrice';

interface FormProps {
  schoolId: string;
  plan: TrainingSuggestions;
  trainingId: string;
  onTrainingChange(trainingId: string): void;
}

/** What planning or cancelling a study day changes: the list, the budget, the training's seats. */
const studyDayChanges = { invalidates: ['listStudyDays', 'getSchoolBudget', 'getTraining'] };

function StudyDayForm({ schoolId, plan, trainingId, onTrainingChange }: FormProps) {
  const { t, locale } = useI18n();
  const planStudyDay = useEndpointMutation(trainingPlanEndpoints.planStudyDay, studyDayChanges);
  const today = brusselsDate();
  const [date, setDate] = useState('');
  const [withSession, setWithSession] = useState(false);
  const [participants, setParticipants] = useState(String(plan.participants));
  const [teamPrice, setTeamPrice] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Partial<Record<StudyDayField, string>>>({});
  const [planned, setPlanned] = useState<StudyDay>();
  const { run, busy, failure, clearFailure } = useSubmit(async (body: StudyDayInput) => {
    setPlanned(await planStudyDay({ params: { schoolId }, body }));
    setNote('');
  });
  const trainings = [...plan.team, ...plan.individual].map((s) => s.training);
  const training = trainings.find((tr) => tr.id === trainingId);
  const session = training?.nextSession ?? null;
  const sessionDay = session ? brusselsDate(new Date(session.startsAt)) : null;
  const shownDate = withSession && sessionDay ? sessionDay : date;

  const chooseTraining = (id: string) => {
    onTrainingChange(id);
    setWithSession(false);
  };

  const read = (): { body?: StudyDayInput; found: Partial<Record<StudyDayField, string>> } => {
    const found: Partial<Record<StudyDayField, string>> = {};
    const count = parseWholeNumber(participants);
    const price = teamPrice.trim() === '' ? undefined : parseEuroInput(teamPrice);
    if (!training) found.training = t('trainingPlan.trainingProblem');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(shownDate)) found.date = t('trainingPlan.dateProblem');
    else if (shownDate < today) found.date = t('trainingPlan.datePast');
    if (count === null || count < 1 || count > 1000) found.participants = t('trainingPlan.participantsProblem');
    else if (withSession && session && count > session.seatsLeft) found.participants = t('trainingPlan.seatsProblem', { count: session.seatsLeft });
    if (price === null) found.teamPrice = t('budget.amountProblem');
    if (Object.keys(found).length > 0) return { found };
    return {
      found,
      body: {
        date: shownDate,
        trainingId: training!.id,
        ...(withSession && session ? { sessionId: session.id } : {}),
        participants: count!,
        ...(price === undefined ? {} : { teamPriceCents: price! }),
        campaignId: plan.campaignId,
        ...(note.trim() ? { note: note.trim() } : {}),
      },
    };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPlanned(undefined);
    clearFailure();
    const { body, found } = read();
    setProblems(found);
    if (body) await run(body);
    else focusFirstProblem('studyday', found);
  };

  return (
    <section className="card" aria-labelledby="studyday-form-title">
      <h2 id="studyday-form-title">{t('trainingPlan.formTitle')}</h2>
      <p className="muted">{t('trainingPlan.formIntro')}</p>
      <form className="form" noValidate onSubmit={submit} data-testid="study-day-form">
        <FormField id="studyday-training" label={t('trainingPlan.training')} problem={problems.training}>
          {(control) => (
            <select {...control} required value={trainingId} onChange={(event) => chooseTraining(event.target.value)}>
              <option value="">{t('trainingPlan.chooseTraining')}</option>
              {[
                { key: 'team', label: t('trainingPlan.teamTitle'), items: plan.team },
                { key: 'individual', label: t('trainingPlan.individualTitle'), items: plan.individual },
              ]
                .filter((group) => group.items.length > 0)
                .map((group) => (
                  <optgroup key={group.key} label={group.label}>
                    {group.items.map((s) => (
                      <option key={s.training.id} value={s.training.id}>
                        {s.training.title}
                      </option>
                    ))}
                  </optgroup>
                ))}
            </select>
          )}
        </FormField>
        {session && sessionDay && (
          <div className="field checkbox-field">
            <input id="studyday-session" type="checkbox" checked={withSession} onChange={(event) => setWithSession(event.target.checked)} />
            <label htmlFor="studyday-session">{t('trainingPlan.withSession', { date: formatDate(session.startsAt, locale), count: session.seatsLeft })}</label>
          </div>
        )}
        <div className="form-row">
          <FormField id="studyday-date" label={t('trainingPlan.date')} problem={problems.date} hint={withSession ? t('trainingPlan.dateFromSession') : undefined}>
            {(control) => <input {...control} type="date" required min={today} readOnly={withSession} value={shownDate} onChange={(event) => setDate(event.target.value)} />}
          </FormField>
          <FormField id="studyday-participants" label={t('trainingPlan.participants')} problem={problems.participants}>
            {(control) => (
              <input
                {...control}
                type="number"
                inputMode="numeric"
                min={1}
                max={1000}
                step={1}
                required
                value={participants}
                onChange={(event) => setParticipants(event.target.value)}
              />
            )}
          </FormField>
        </div>
        <FormField id="studyday-teamPrice" label={t('trainingPlan.teamPrice')} hint={t('trainingPlan.teamPriceHint')} problem={problems.teamPrice} optional>
          {(control) => <input {...control} type="text" inputMode="decimal" autoComplete="off" value={teamPrice} onChange={(event) => setTeamPrice(event.target.value)} />}
        </FormField>
        <FormField id="studyday-note" label={t('trainingPlan.note')} optional>
          {(control) => <textarea {...control} rows={2} maxLength={1000} value={note} onChange={(event) => setNote(event.target.value)} />}
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('trainingPlan.planning') : t('trainingPlan.plan')}
          </button>
        </div>
        {failure && <ErrorAlert error={failure} title={t('trainingPlan.notPlanned')} />}
        {planned && (
          <p className="alert alert-success" role="status" data-testid="study-day-planned">
            {t('trainingPlan.planned', { date: formatDate(planned.date, locale), cost: formatCents(planned.costCents, locale) })}{' '}
            <Link href={budgetPath(schoolId)}>{t('trainingPlan.toBudget')}</Link>
          </p>
        )}
      </form>
    </section>
  );
}

interface ListProps {
  schoolId: string;
  items?: StudyDay[];
  error?: ApiError;
  onRetry(): void;
}

function StudyDayList({ schoolId, items, error, onRetry }: ListProps) {
  const { t, locale } = useI18n();
  const cancelStudyDay = useEndpointMutation(trainingPlanEndpoints.cancelStudyDay, studyDayChanges);
  const today = brusselsDate();
  const [notice, setNotice] = useState<string>();
  const { run, busy, failure } = useSubmit(async (day: StudyDay) => {
    await cancelStudyDay({ params: { schoolId, studyDayId: day.id } });
    setNotice(t('trainingPlan.cancelled', { date: formatDate(day.date, locale) }));
  });

  const cancel = async (day: StudyDay) => {
    if (!window.confirm(t('trainingPlan.cancelConfirm', { date: formatDate(day.date, locale), training: day.training.title }))) return;
    setNotice(undefined);
    await run(day);
  };

  return (
    <section className="card" aria-labelledby="study-days-title">
      <h2 id="study-days-title">{t('trainingPlan.listTitle')}</h2>
      {error && <ErrorAlert error={error} onRetry={onRetry} />}
      {!items && !error && <Loading />}
      {items && items.length === 0 && <p className="muted">{t('trainingPlan.none')}</p>}
      {items && items.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="study-days-title">
          <table className="data-table" data-testid="study-days">
            <caption className="visually-hidden">{t('trainingPlan.listCaption', { count: items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trainingPlan.date')}</th>
                <th scope="col">{t('trainingPlan.training')}</th>
                <th scope="col" className="numeric">
                  {t('trainingPlan.participants')}
                </th>
                <th scope="col" className="numeric">
                  {t('trainingPlan.cost')}
                </th>
                <th scope="col">{t('trainingPlan.columnActions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((day) => (
                <tr key={day.id}>
                  <th scope="row">{formatDate(day.date, locale)}</th>
                  <td>
                    <Link href={`/opleidingen/${encodeURIComponent(day.training.id)}`}>{day.training.title}</Link>
                    {day.note && <span className="cell-mean">{day.note}</span>}
                  </td>
                  <td className="numeric">{day.participants}</td>
                  <td className="numeric">{formatCents(day.costCents, locale)}</td>
                  <td>
                    {day.date >= today ? (
                      <button type="button" className="button button-quiet button-small" disabled={busy} onClick={() => void cancel(day)}>
                        {t('trainingPlan.cancel')}
                        <span className="visually-hidden">: {t('trainingPlan.cancelWhich', { date: formatDate(day.date, locale) })}</span>
                      </button>
                    ) : (
                      t('trainingPlan.over')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {failure && <ErrorAlert error={failure} title={t('trainingPlan.notCancelled')} />}
      {notice && (
        <p className="alert alert-success" role="status" data-testid="study-day-notice">
          {notice}
        </p>
      )}
    </section>
  );
}
