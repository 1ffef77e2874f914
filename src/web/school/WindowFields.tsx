import { FormField } from './FormField';
import type { WindowDates, WindowProblems } from './openingView';

interface Props {
  /** Prefix of the inputs' ids (`campaign` → `campaign-opensOn`), so focusFirstProblem finds them. */
  idPrefix: string;
  labels: WindowDates;
  value: WindowDates;
  problems: WindowProblems;
  onChange(value: WindowDates): void;
}

/** The first and last day of a campaign or reflection round, side by side. */
export function WindowFields({ idPrefix, labels, value, problems, onChange }: Props) {
  return (
    <div className="form-row">
      {(['opensOn', 'closesOn'] as const).map((day) => (
        <FormField key={day} id={`${idPrefix}-${day}`} label={labels[day]} problem={problems[day]}>
          {(control) => <input {...control} type="date" required value={value[day]} onChange={(event) => onChange({ ...value, [day]: event.target.value })} />}
        </FormField>
      ))}
    </div>
  );
}
