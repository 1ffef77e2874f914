import { type Front, fronts } from '../../shared/platform/fronts';
import { useI18n } from '../i18n';

/** A select's options for the five fronts of the digital leap: first the empty choice, then each front by its name (and `suffix`, e.g. a count). */
export function FrontOptions({ empty, suffix }: { empty: string; suffix?: (front: Front) => string }) {
  const { t } = useI18n();
  return (
    <>
      <option value="">{empty}</option>
      {fronts.map((front) => (
        <option key={front} value={front}>
          {suffix ? `${t(`fronts.${front}`)} ${suffix(front)}` : t(`fronts.${front}`)}
        </option>
      ))}
    </>
  );
}
