import { formatDate, formatNumber, formatPrice } from '../../i18n/format';
import type { LocalisedText } from '../../platform/text';
import type { SuggestedAction } from './suggested-action';

/**
 * What the ICT park tells the policy plan, as counts and sums only: the replacement forecast
 * per school year, and per funding scheme the device goal and the money left before the
 * spending deadline. The infra module answers it (`IctParkFacts.policyFacts`), so the school
 * module reads no infra table.
 */
export interface IctParkPolicyFacts {
  /** Today in Brussels: a deadline before it has passed. */
  today: string;
  /** From today's school year on (`startYear` 2026 is 2026-2027): devices reaching end of life and the cost of replacing them. */
  replacement: ReadonlyArray<{ startYear: number; devices: number; costCents: number }>;
  funding: ReadonlyArray<{
    scheme: string;
    name: LocalisedText;
    /** The school's last day of spending; null when the scheme names none (yet). */
    deadline: string | null;
    /** One device per pupil from the 5th year of primary, against the devices the scheme paid for. */
    deviceGoal: { goal: number; bought: number; met: boolean };
    /** What is left of each part of the budget. */
    left: ReadonlyArray<{ part: FundingPart; leftCents: number }>;
  }>;
}

export type FundingPart = 'infrastructure' | 'devices' | 'either';

const partNames: Record<FundingPart, LocalisedText> = {
  infrastructure: { nl: 'infrastructuur', en: 'infrastructure' },
  devices: { nl: 'toestellen', en: 'devices' },
  either: { nl: 'toestellen of infrastructuur', en: 'devices or infrastructure' },
};

const targets = {
  funding: { kind: 'ict_park', code: 'funding', label: { nl: 'Financiering van het ICT-park', en: 'ICT park funding' } },
  deviceGoal: { kind: 'ict_park', code: 'device_goal', label: { nl: 'Toestellendoel', en: 'Device goal' } },
  replacement: { kind: 'ict_park', code: 'replacement', label: { nl: 'Vervanging van toestellen', en: 'Device replacement' } },
} as const;

/** Both languages of one text, built from the locale's own formats. */
const both = (make: (locale: 'nl' | 'en') => string): LocalisedText => ({ nl: make('nl'), en: make('en') });
const euro = (cents: number, locale: 'nl' | 'en') => formatPrice(Math.round(cents / 100), locale);
const devices = (count: number, locale: 'nl' | 'en') =>
  `${formatNumber(count, locale)} ${locale === 'nl' ? (count === 1 ? 'toestel' : 'toestellen') : count === 1 ? 'device' : 'devices'}`;
const schoolYear = (startYear: number) => `${startYear}-${startYear + 1}`;

/**
 * The actions the park suggests, most urgent first: money left before a deadline still ahead
 * (money not spent by then is lost), the device goal not met, then each school year in which
 * devices reach end of life. Keys stay the same while the fact does, so the plan tells what it took.
 */
export function ictParkSuggestions(facts: IctParkPolicyFacts, sourceId: string): SuggestedAction[] {
  const source = { kind: 'ict_park' as const, id: sourceId };
  const funding = facts.funding.flatMap((scheme) =>
    scheme.deadline === null || scheme.deadline < facts.today
      ? []
      : scheme.left
          .filter((part) => part.leftCents > 0)
          .map((part) => ({
            key: `funding_${scheme.scheme}_${part.part}`,
            title: both((l) =>
              l === 'nl'
                ? `${euro(part.leftCents, l)} van ${scheme.name.nl} (${partNames[part.part].nl}) besteden vóór ${formatDate(scheme.deadline!, l)}`
                : `Spend ${euro(part.leftCents, l)} of ${scheme.name.en} (${partNames[part.part].en}) before ${formatDate(scheme.deadline!, l)}`,
            ),
            why: both((l) =>
              l === 'nl'
                ? `Financiering in het ICT-park: dit deel is nog niet besteed. Wat na ${formatDate(scheme.deadline!, l)} overblijft, vervalt.`
                : `Funding in the ICT park: this part is not spent yet. What is left after ${formatDate(scheme.deadline!, l)} is lost.`,
            ),
            front: 'infrastructure' as const,
            target: targets.funding,
            priority: 1,
            source,
          })),
  );
  const deviceGoals = facts.funding
    .filter((scheme) => scheme.deviceGoal.goal > 0 && !scheme.deviceGoal.met)
    .map((scheme) => {
      const { goal, bought } = scheme.deviceGoal;
      return {
        key: `device_goal_${scheme.scheme}`,
        title: both((l) =>
          l === 'nl'
            ? `Het toestellendoel van ${scheme.name.nl} halen: nog ${devices(goal - bought, l)}`
            : `Reach the ${scheme.name.en} device goal: ${devices(goal - bought, l)} to go`,
        ),
        why: both((l) =>
          l === 'nl'
            ? `Eén toestel per leerling vanaf het 5de leerjaar: ${formatNumber(goal, l)} leerlingen, ${devices(bought, l)} met deze financiering gekocht.`
            : `One device per pupil from the 5th year of primary: ${formatNumber(goal, l)} pupils, ${devices(bought, l)} bought with this funding.`,
        ),
        front: 'infrastructure' as const,
        target: targets.deviceGoal,
        priority: 2,
        source,
      };
    });
  const replacement = facts.replacement
    .filter((year) => year.devices > 0)
    .map((year, i) => ({
      key: `replacement_${year.startYear}`,
      title: both((l) =>
        l === 'nl'
          ? `${devices(year.devices, l)} vervangen in schooljaar ${schoolYear(year.startYear)}`
          : `Replace ${devices(year.devices, l)} in school year ${schoolYear(year.startYear)}`,
      ),
      why: both((l) =>
        l === 'nl'
          ? `Vervangingsprognose van het ICT-park: ${devices(year.devices, l)} aan het einde van hun levensduur, vervangen kost ongeveer ${euro(year.costCents, l)}. Verleng eerst hun leven waar het kan.`
          : `The ICT park's replacement forecast: ${devices(year.devices, l)} at the end of their life, about ${euro(year.costCents, l)} to replace. Extend their life first where you can.`,
      ),
      front: 'infrastructure' as const,
      target: targets.replacement,
      priority: 3 + i,
      source,
    }));
  return [...funding, ...deviceGoals, ...replacement];
}
