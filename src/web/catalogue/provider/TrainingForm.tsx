import { type FormEvent, useState } from 'react';
import { trainingAudiences, trainingEducationLevels, trainingKinds, trainingLanguages, trainingStatuses } from '../../../shared/catalogue/codes';
import { catalogueEndpoints } from '../../../shared/catalogue/endpoints';
import { formatTime } from '../../../shared/i18n/format';
import { provinces } from '../../../shared/platform/flanders';
import { call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Framework } from '../../digisnap/types';
import { useI18n } from '../../i18n';
import { useCatalogueLabels } from '../labels';
import type { TrainingDto } from '../types';
import { CheckboxField, CheckboxGroupField, ProblemSummary, SelectField, TextField } from './FormFields';
import { fieldId } from './formProblems';
import { LevelStepRows } from './LevelStepRows';
import { emptyTrainingForm, formFromTraining, type TrainingFormValues, type TrainingProblemKey, toTrainingInput, trainingFormProblems, trainingProblemKey } from './trainingForm';
import { useProblemForm } from './useProblemForm';

const FORM = 'training';

type LabelledKey = Exclude<TrainingProblemKey, 'other' | 'levelSteps' | 'levelStepCompetence' | 'levelStepFrom' | 'levelStepTo'>;
const isLabelled = (key: TrainingProblemKey): key is LabelledKey => key !== 'other' && !key.startsWith('levelStep');

interface Props {
  framework: Framework;
  /** The training being edited; none for a new one. */
  training?: TrainingDto;
  onSaved(training: TrainingDto): void;
}

/** Every field of a training; problems found here or by the server appear beside their field and in a summary. */
export function TrainingForm({ framework, training, onSaved }: Props) {
  const { t, locale } = useI18n();
  const labels = useCatalogueLabels();
  const [saved, setSaved] = useState('');
  const form = useProblemForm<TrainingFormValues>({
    initial: () => (training ? formFromTraining(training) : emptyTrainingForm()),
    check: trainingFormProblems,
    save: async (current) => {
      const input = toTrainingInput(current);
      const result = training
        ? await call(catalogueEndpoints.updateTraining, { params: { trainingId: training.id }, body: input })
        : await call(catalogueEndpoints.createTraining, { body: input });
      setSaved(t('trainingForm.saved', { time: formatTime(new Date(), locale) }));
      onSaved(result);
    },
  });
  const { values, set, problems, summaryRef, busy, failure } = form;

  const problem = (path: string) => (problems[path] ? t(`trainingForm.problems.${trainingProblemKey(path)}`) : undefined);
  const id = (path: string) => fieldId(FORM, path);
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    setSaved('');
    return form.handleSubmit(event);
  };

  const labelOf = (path: string): string => {
    const parts = path.split('.');
    if (parts[0] === 'levelSteps' && parts.length === 3) {
      const part = parts[2] === 'competence' ? 'stepCompetence' : parts[2] === 'from' ? 'stepFrom' : 'stepTo';
      return `${t('trainingForm.stepLegend', { number: Number(parts[1]) + 1 })}, ${t(`trainingForm.${part}`)}`;
    }
    const key = trainingProblemKey(path);
    return isLabelled(key) ? t(`trainingForm.label.${key}`) : t('trainingForm.stepsLegend');
  };
  const summary = Object.keys(problems).map((path) => ({
    id: trainingProblemKey(path) === 'other' ? id('title') : id(path),
    text: `${labelOf(path)}: ${t(`trainingForm.problems.${trainingProblemKey(path)}`)}`,
  }));
  const choices = (codes: readonly string[], label: (code: string) => string) =>
    codes.map((code) => (
      <option key={code} value={code}>
        {label(code)}
      </option>
    ));

  return (
    <form className="form training-form" data-testid="training-form" noValidate onSubmit={handleSubmit} aria-busy={busy}>
      <ProblemSummary ref={summaryRef} entries={summary} />
      {failure && <ErrorAlert error={failure} title={t('trainingForm.notSaved')} />}

      <fieldset className="form-section">
        <legend>{t('trainingForm.aboutLegend')}</legend>
        <TextField id={id('title')} label={t('trainingForm.label.title')} value={values.title} onChange={set('title')} problem={problem('title')} maxLength={200} />
        <TextField
          id={id('summary')}
          label={t('trainingForm.label.summary')}
          hint={t('trainingForm.summaryHint')}
          value={values.summary}
          onChange={set('summary')}
          problem={problem('summary')}
          maxLength={500}
          multiline
        />
        <TextField
          id={id('description')}
          label={t('trainingForm.label.description')}
          value={values.description}
          onChange={set('description')}
          problem={problem('description')}
          multiline
          optional
        />
        <div className="form-row">
          <SelectField id={id('kind')} label={t('trainingForm.label.kind')} value={values.kind} onChange={set('kind')} problem={problem('kind')}>
            {choices(trainingKinds, labels.kind)}
          </SelectField>
          <SelectField id={id('language')} label={t('trainingForm.label.language')} value={values.language} onChange={set('language')} problem={problem('language')}>
            {choices(trainingLanguages, labels.language)}
          </SelectField>
          <SelectField
            id={id('status')}
            label={t('trainingForm.label.status')}
            hint={t('trainingForm.statusHint')}
            value={values.status}
            onChange={set('status')}
            problem={problem('status')}
          >
            {choices(trainingStatuses, labels.status)}
          </SelectField>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('trainingForm.forWhomLegend')}</legend>
        <CheckboxGroupField
          id={id('educationLevels')}
          legend={t('trainingForm.label.educationLevels')}
          options={trainingEducationLevels.map((code) => ({ value: code, label: labels.educationLevel(code) }))}
          selected={values.educationLevels}
          onChange={set('educationLevels')}
          problem={problem('educationLevels')}
        />
        <CheckboxGroupField
          id={id('audiences')}
          legend={t('trainingForm.label.audiences')}
          options={trainingAudiences.map((code) => ({ value: code, label: labels.audience(code) }))}
          selected={values.audiences}
          onChange={set('audiences')}
          problem={problem('audiences')}
        />
      </fieldset>

      <LevelStepRows form={FORM} framework={framework} rows={values.levelSteps} problems={problems} onChange={set('levelSteps')} />

      <fieldset className="form-section">
        <legend>{t('trainingForm.practicalLegend')}</legend>
        <div className="form-row">
          <TextField
            id={id('durationHours')}
            label={t('trainingForm.label.durationHours')}
            hint={t('trainingForm.durationHint')}
            value={values.durationHours}
            onChange={set('durationHours')}
            problem={problem('durationHours')}
            inputMode="decimal"
          />
          <TextField
            id={id('priceEuro')}
            label={t('trainingForm.label.priceEuro')}
            hint={t('trainingForm.priceHint')}
            value={values.priceEuro}
            onChange={set('priceEuro')}
            problem={problem('priceEuro')}
            inputMode="decimal"
          />
        </div>
        <CheckboxField
          id={id('payableFromIctBudget')}
          label={t('trainingForm.label.payableFromIctBudget')}
          checked={values.payableFromIctBudget}
          onChange={set('payableFromIctBudget')}
        />
        <TextField
          id={id('url')}
          label={t('trainingForm.label.url')}
          hint={t('trainingForm.urlHint')}
          type="url"
          inputMode="url"
          value={values.url}
          onChange={set('url')}
          problem={problem('url')}
          maxLength={500}
        />
        <TextField
          id={id('accreditation')}
          label={t('trainingForm.label.accreditation')}
          value={values.accreditation}
          onChange={set('accreditation')}
          problem={problem('accreditation')}
          maxLength={200}
          optional
        />
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('trainingForm.whereLegend')}</legend>
        <CheckboxField id={id('location')} label={t('trainingForm.onlineOnly')} hint={t('trainingForm.onlineOnlyHint')} checked={values.onlineOnly} onChange={set('onlineOnly')} />
        {!values.onlineOnly && (
          <>
            <TextField
              id={id('location.address')}
              label={t('trainingForm.label.address')}
              value={values.address}
              onChange={set('address')}
              problem={problem('location.address')}
              autoComplete="street-address"
              maxLength={200}
            />
            <div className="form-row">
              <TextField
                id={id('location.postalCode')}
                label={t('trainingForm.label.postalCode')}
                value={values.postalCode}
                onChange={set('postalCode')}
                problem={problem('location.postalCode')}
                inputMode="numeric"
                autoComplete="postal-code"
                maxLength={4}
              />
              <TextField
                id={id('location.city')}
                label={t('trainingForm.label.city')}
                value={values.city}
                onChange={set('city')}
                problem={problem('location.city')}
                autoComplete="address-level2"
                maxLength={100}
              />
            </div>
            <SelectField
              id={id('location.province')}
              label={t('trainingForm.label.province')}
              value={values.province}
              onChange={set('province')}
              problem={problem('location.province')}
            >
              <option value="">{t('form.choose')}</option>
              {choices(provinces, labels.province)}
            </SelectField>
          </>
        )}
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('trainingForm.saving') : t(training ? 'trainingForm.save' : 'trainingForm.create')}
        </button>
        <p className="save-status" role="status">
          {saved && <span className="save-ok">{saved}</span>}
        </p>
      </div>
    </form>
  );
}
