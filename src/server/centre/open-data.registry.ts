import type { OpenDataCell, OpenDataColumn } from '../../shared/centre/open-data';
import type { LocalisedText } from '../../shared/platform/text';
import { digisnapPictureDatasets, type PublishedPicture } from './digisnap-picture.dataset';
import { type FollowUpFigures, followUpDatasets } from './follow-up.dataset';
import { frontsDatasets } from './fronts.dataset';
import type { StemHeadline } from './fronts.needs';
import type { FrontsService } from './fronts.service';
import { type NeedsOfferFigures, needsOfferDatasets } from './needs-offer.dataset';
import { stemDatasets } from './stem.dataset';

export type OpenDataLicence = { id: string; name: LocalisedText; url: string };

/** One row of a dataset: a value per column id. */
export type OpenDataRow = Readonly<Record<string, OpenDataCell>>;

/**
 * One Flanders-wide figure the centre publishes (issue 14 §5). The description is what the
 * catalogue and the JSON download state; `rows()` reads the figures, each already through its
 * module's privacy gate: a dataset never holds a count a gate would hide.
 */
export interface OpenDataset {
  /** Stable: it is the dataset's URL (`/api/open-data/:id`). */
  id: string;
  title: LocalisedText;
  description: LocalisedText;
  /** What time the rows cover, e.g. "the latest school year with counts"; a column dates each row. */
  period: LocalisedText;
  /** Per column, its meaning; the order is the CSV's. */
  columns: readonly OpenDataColumn[];
  /** How small groups are kept out of the figures. */
  privacyRule: LocalisedText;
  /** The module the figures come from (`stem`, `infra`, `school`, `digisnap`). */
  sourceModule: string;
  /** Left out: the Flemish free reuse licence (`OPEN_DATA_LICENCE`), as for every figure the centre publishes so far. */
  licence?: OpenDataLicence;
  rows(): Promise<OpenDataRow[]>;
}

/**
 * What the datasets read from: the centre's own services and needs. A slice that publishes
 * figures adds what its datasets read here and one entry to `openDatasets`.
 */
export interface OpenDataSources {
  fronts: FrontsService;
  stem: StemHeadline;
  picture: PublishedPicture;
  needsOffer: NeedsOfferFigures;
  followUp: FollowUpFigures;
}

/** Every dataset the centre publishes, in the catalogue's order; ids are unique (a test holds them to it). */
export function openDatasets(sources: OpenDataSources): OpenDataset[] {
  return [
    ...digisnapPictureDatasets(sources.picture),
    ...needsOfferDatasets(sources.needsOffer),
    ...stemDatasets(sources.stem),
    ...frontsDatasets(sources.fronts),
    ...followUpDatasets(sources.followUp),
  ];
}
