import { type FormEvent, useState } from 'react';
import { catalogueEndpoints } from '../../shared/catalogue/endpoints';
import type { BootcampProgramme } from '../../shared/centre/actions';
import { DEFAULT_BOOTCAMP_SESSIONS, MAX_BOOTCAMP_SESSIONS } from '../../shared/centre/bootcamp-schedule';
import { bootcampSetupEndpoints } from '../../shared/centre/bootcamp-setup-endpoints';
import type { ApiError } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { FormField, focusFirstProblem } from '../school/FormField';
import { useEndpointMutation, useEndpointQuery } from '../serverState';
import {
  type CohortField,
  type CohortForm,
  cohortFieldsOfBody,
  cohortProblems,
  formFieldOf,
  linesOf,
  type TrackField,
  type TrackForm,
  trackFieldsOfBody,
  trackProblems,
} from './bootcampSetupView';

/** What a change to the programme shows anew: the programme, its cohorts and the actions' reach. */
export const programmeViews = ['getBootcampProgramme', 'getBootcampCohort', 'listCentreActions', 'getCentreAction'];

/**
 * The problems of a form, each beside its field: the form's own checks before sending, and a
 * refusal of the server that names one of its fields.
 */
function useProblems<F extends string>(prefix: string, fieldsOfBody: Readonly<Record<string, F>>) {
  const { t } = useI18n();
  const [problems, setProblems] = useState<Partial<Record<F, string>>>({});
  const show = (found: Partial<Record<F, string>>) => {
    setProblems(found);
    return focusFirstProblem(prefix, found);
  };
  const besideField = (error: ApiError) => {
    const field = formFieldOf(error.field, fieldsOfBody);
    if (!field) return false;
    show({ [field]: t(`bootcampSetup.refused.${field === 'trainingId' ? 'training' : error.id === 'not_found' ? 'notFound' : 'invalid'}`) } as Partial<Record<F, string>>);
    return true;
  };
  return { problems, show, besideField, clear: (field: F) => setProblems((current) => ({ ...current, [field]: undefined })) };
}

/** "Nieuwe track": names and descriptions in Dutch and English, and the catalogue bootcamp it is offered as. */
export function NewTrackForm({ onDone }: { onDone(): void }) {
  const { t } = useI18n();
  const create = useEndpointMutation(bootcampSetupEndpoints.createBootcampTrack, { invalidates: programmeViews });
  const bootcamps = useEndpointQuery(catalogueEndpoints.searchTrainings, { query: { kind: ['bootcamp'], pageSize: 50 } });
  const prefix = 'bootcamp-track';
  const [form, setForm] = useState<TrackForm>({ nameNl: '', nameEn: '', descriptionNl: '', descriptionEn: '', trainingId: '' });
  const { problems, show, besideField, clear } = useProblems<TrackField>(prefix, trackFieldsOfBody);
  const set = (field: TrackField, value: string) => {
    setForm((current) => ({ ...current, [field]: value }));
    clear(field);
  };
  const { run, busy, failure, clearFailure } = useSubmit(
    async () => {
      await create({
        body: {
          name: { nl: form.nameNl, en: form.nameEn },
          description: { nl: form.descriptionNl, en: form.descriptionEn },
          trainingId: form.trainingId || null,
        },
      });
      onDone();
    },
    { handle: besideField },
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clearFailure();
    const found = Object.fromEntries(Object.entries(trackProblems(form)).map(([field, kind]) => [field, t(`bootcampSetup.problem.${kind}`)]));
    if (show(found)) return;
    await run();
  };
  const text = (field: TrackField, label: string, multiline = false) => (
    <FormField id={`${prefix}-${field}`} label={label} problem={problems[field]}>
      {(control) =>
        multiline ? (
          <textarea {...control} rows={3} maxLength={2000} value={form[field]} onChange={(event) => set(field, event.target.value)} />
        ) : (
          <input {...control} type="text" maxLength={200} value={form[field]} onChange={(event) => set(field, event.target.value)} />
        )
      }
    </FormField>
  );
  return (
    <form className="form card" noValidate onSubmit={submit} aria-labelledby={`${prefix}-title`} data-testid="bootcamp-track-form">
      <h2 id={`${prefix}-title`}>{t('bootcampSetup.newTrack')}</h2>
      <div className="form-row">
        {text('nameNl', t('bootcampSetup.nameNl'))}
        {text('nameEn', t('bootcampSetup.nameEn'))}
      </div>
      {text('descriptionNl', t('bootcampSetup.descriptionNl'), true)}
      {text('descriptionEn', t('bootcampSetup.descriptionEn'), true)}
      <FormField id={`${prefix}-trainingId`} label={t('bootcampSetup.training')} hint={t('bootcampSetup.trainingHint')} problem={problems.trainingId} optional>
        {(control) => (
          <select {...control} value={form.trainingId} onChange={(event) => set('trainingId', event.target.value)}>
            <option value="">{t('bootcampSetup.noTraining')}</option>
            {bootcamps.data?.items.map((training) => (
              <option key={training.id} value={training.id}>
                {training.title}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {failure && <ErrorAlert error={failure} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('bootcampSetup.addTrack')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('bootcampSetup.cancel')}
        </button>
      </div>
    </form>
  );
}

/** "Nieuw cohort": a track's cohort, its start, how many weekly sessions, and their topics one a line. */
export function NewCohortForm({ tracks, onDone }: { tracks: BootcampProgramme['tracks']; onDone(cohortId: string | null): void }) {
  const { t, text } = useI18n();
  const create = useEndpointMutation(bootcampSetupEndpoints.createBootcampCohort, { invalidates: programmeViews });
  const prefix = 'bootcamp-cohort';
  const [form, setForm] = useState<CohortForm>({ trackId: tracks[0]?.id ?? '', name: '', startsOn: '', sessions: String(DEFAULT_BOOTCAMP_SESSIONS), topics: '' });
  const { problems, show, besideField, clear } = useProblems<CohortField>(prefix, cohortFieldsOfBody);
  const set = (field: CohortField, value: string) => {
    setForm((current) => ({ ...current, [field]: value }));
    clear(field);
  };
  const { run, busy, failure, clearFailure } = useSubmit(
    async () => {
      const cohort = await create({ body: { trackId: form.trackId, name: form.name, startsOn: form.startsOn, sessions: Number(form.sessions), topics: linesOf(form.topics) } });
      onDone(cohort.id);
    },
    { handle: besideField },
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clearFailure();
    const found = Object.fromEntries(Object.entries(cohortProblems(form)).map(([field, kind]) => [field, t(`bootcampSetup.problem.${kind}`, { max: MAX_BOOTCAMP_SESSIONS })]));
    if (show(found)) return;
    await run();
  };
  return (
    <form className="form card" noValidate onSubmit={submit} aria-labelledby={`${prefix}-title`} data-testid="bootcamp-cohort-form">
      <h2 id={`${prefix}-title`}>{t('bootcampSetup.newCohort')}</h2>
      <FormField id={`${prefix}-trackId`} label={t('bootcampSetup.track')} problem={problems.trackId}>
        {(control) => (
          <select {...control} value={form.trackId} onChange={(event) => set('trackId', event.target.value)}>
            {tracks.map((track) => (
              <option key={track.id} value={track.id}>
                {text(track.name)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id={`${prefix}-name`} label={t('bootcampSetup.cohortName')} problem={problems.name}>
        {(control) => <input {...control} type="text" maxLength={120} value={form.name} onChange={(event) => set('name', event.target.value)} />}
      </FormField>
      <div className="form-row">
        <FormField id={`${prefix}-startsOn`} label={t('bootcampSetup.startsOn')} hint={t('bootcampSetup.startsOnHint')} problem={problems.startsOn}>
          {(control) => <input {...control} type="date" value={form.startsOn} onChange={(event) => set('startsOn', event.target.value)} />}
        </FormField>
        <FormField id={`${prefix}-sessions`} label={t('bootcampSetup.sessions')} problem={problems.sessions}>
          {(control) => (
            <input {...control} type="number" inputMode="numeric" min={1} max={MAX_BOOTCAMP_SESSIONS} value={form.sessions} onChange={(event) => set('sessions', event.target.value)} />
          )}
        </FormField>
      </div>
      <FormField id={`${prefix}-topics`} label={t('bootcampSetup.topics')} hint={t('bootcampSetup.topicsHint')} problem={problems.topics} optional>
        {(control) => <textarea {...control} rows={6} value={form.topics} onChange={(event) => set('topics', event.target.value)} />}
      </FormField>
      {failure && <ErrorAlert error={failure} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('bootcampSetup.addCohort')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onDone(null)}>
          {t('bootcampSetup.cancel')}
        </button>
      </div>
    </form>
  );
}
