import { useEffect, useRef } from 'react';
import type { Framework } from '../../digisnap/types';
import { useI18n } from '../../i18n';
import { SelectField } from './FormFields';
import { type FieldProblems, fieldId } from './formProblems';
import { type LevelStepRow, newStepRow, trainingProblemKey } from './trainingForm';

interface Props {
  form: string;
  framework: Framework;
  rows: LevelStepRow[];
  problems: FieldProblems;
  onChange(rows: LevelStepRow[]): void;
}

export const MAX_LEVEL_STEPS = 12;

/** The competences a training serves: one row per step (competence, from level, to level). */
export function LevelStepRows({ form, framework, rows, problems, onChange }: Props) {
  const { t, text } = useI18n();
  const focusRow = useRef<number | null>(null);
  const firstSelects = useRef(new Map<number, HTMLSelectElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  const problemText = (path: string) => (problems[path] ? t(`trainingForm.problems.${trainingProblemKey(path)}`) : undefined);

  useEffect(() => {
    if (focusRow.current === null) return;
    firstSelects.current.get(focusRow.current)?.focus();
    focusRow.current = null;
  }, [rows.length]);

  const update = (index: number, change: Partial<LevelStepRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const add = () => {
    const row = newStepRow();
    focusRow.current = row.key;
    onChange([...rows, row]);
  };
  const remove = (index: number) => {
    onChange(rows.filter((_, i) => i !== index));
    addButton.current?.focus();
  };
  const levels = framework.levels.map((level) => (
    <option key={level.code} value={level.code}>
      {level.code} {text(level.name)}
    </option>
  ));

  return (
    <fieldset className="form-section" aria-describedby={problems.levelSteps ? `${fieldId(form, 'levelSteps')}-problem` : undefined}>
      <legend>{t('trainingForm.stepsLegend')}</legend>
      <p className="field-hint">{t('trainingForm.stepsHint')}</p>
      {rows.map((row, index) => (
        <fieldset key={row.key} className="step-row">
          <legend>{t('trainingForm.stepLegend', { number: index + 1 })}</legend>
          <SelectField
            ref={(element) => {
              if (element) firstSelects.current.set(row.key, element);
              else firstSelects.current.delete(row.key);
            }}
            id={fieldId(form, `levelSteps.${index}.competence`)}
            label={t('trainingForm.stepCompetence')}
            value={row.competence}
            problem={problemText(`levelSteps.${index}.competence`)}
            onChange={(competence) => update(index, { competence })}
          >
            <option value="">{t('form.choose')}</option>
            {framework.areas.map((area) => (
              <optgroup key={area.number} label={`${area.number}. ${text(area.name)}`}>
                {area.competences.map((competence) => (
                  <option key={competence.code} value={competence.code}>
                    {competence.code} {text(competence.name)}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          <div className="step-levels">
            <SelectField
              id={fieldId(form, `levelSteps.${index}.from`)}
              label={t('trainingForm.stepFrom')}
              value={row.from}
              problem={problemText(`levelSteps.${index}.from`)}
              onChange={(from) => update(index, { from })}
            >
              <option value="">{t('form.choose')}</option>
              {levels}
            </SelectField>
            <SelectField
              id={fieldId(form, `levelSteps.${index}.to`)}
              label={t('trainingForm.stepTo')}
              value={row.to}
              problem={problemText(`levelSteps.${index}.to`)}
              onChange={(to) => update(index, { to })}
            >
              <option value="">{t('form.choose')}</option>
              {levels}
            </SelectField>
          </div>
          {rows.length > 1 && (
            <button type="button" className="button button-quiet" onClick={() => remove(index)}>
              {t('trainingForm.stepRemove', { number: index + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      {problems.levelSteps && (
        <p id={`${fieldId(form, 'levelSteps')}-problem`} className="field-problem">
          {t('trainingForm.problems.levelSteps')}
        </p>
      )}
      {rows.length < MAX_LEVEL_STEPS && (
        <button ref={addButton} id={fieldId(form, 'levelSteps')} type="button" className="button button-secondary" onClick={add}>
          {t('trainingForm.stepAdd')}
        </button>
      )}
    </fieldset>
  );
}
