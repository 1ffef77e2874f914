import type { z } from 'zod';
import type { scanSummarySchema } from '../../shared/digisnap/api';
import type { Locale } from '../../shared/platform/api';

export type ScanSummary = z.infer<typeof scanSummarySchema>;
export type LevelCode = 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2';

/** A text in both interface languages. */
export type LocalisedText = Record<Locale, string>;

/** The parts of `GET /api/frameworks/current` the web app reads. */
export interface Framework {
  id: string;
  version: string;
  /** How scans of this version are labelled ("Digisnap 2026"). */
  label: LocalisedText;
  name: LocalisedText;
  scoring: { rule: 'level-per-statement'; aggregation: 'median' | 'rounded-mean' } | { rule: 'checkin-cutoffs' };
  levels: Array<{ code: LevelCode; name: LocalisedText; description?: LocalisedText }>;
  bands: Array<{ code: 'A' | 'B' | 'C'; levels: LevelCode[]; name: LocalisedText }>;
  areas: FrameworkArea[];
  background: BackgroundQuestion[];
}

export interface FrameworkArea {
  number: number;
  name: LocalisedText;
  competences: FrameworkCompetence[];
}

export interface FrameworkCompetence {
  code: string;
  name: LocalisedText;
  item: {
    statement: LocalisedText;
    options: Array<{ points: number; level: LevelCode; text: LocalisedText }>;
  };
}

export interface BackgroundQuestion {
  id: 'educationLevel' | 'experience' | 'subject';
  question: LocalisedText;
  options: Array<{ value: string; label: LocalisedText }>;
}
