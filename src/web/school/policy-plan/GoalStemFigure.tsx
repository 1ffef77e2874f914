import type { GoalStemFigure as Figure } from '../../../shared/school/policy-plan/policy-plan';
import { stemFigureText } from '../../../shared/school/policy-plan/stem-figure';
import { useI18n } from '../../i18n';
import { stemPath } from '../../stem/stemPaths';

/** A goal's STEM indicator with its latest value for the province and Flanders, linked to the monitor's page of it. */
export function GoalStemFigure({ figure, linked = true }: { figure: Figure; linked?: boolean }) {
  const { t, locale, text } = useI18n();
  const words = {
    flanders: t('policyPlan.stem.flanders'),
    hidden: t('policyPlan.stem.hidden'),
    noData: t('policyPlan.stem.noData'),
    province: (key: string) => t(`codes.province.${key}`, { defaultValue: key }),
  };
  const name = text(figure.name);
  return (
    <p className="muted" data-testid="goal-stem-figure">
      {t('policyPlan.stem.figure')}: {linked ? <a href={stemPath(figure.indicator)}>{name}</a> : name}: {stemFigureText(figure, locale, words)}
    </p>
  );
}
