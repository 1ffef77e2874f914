import { type Kysely, sql } from 'kysely';
import { precompiled } from '../platform/db/precompiled';
import { parseCodeList } from './catalogue.repository';
import type { CatalogueDatabase as Database } from './catalogue.tables';
import { SEATS_VERSION_ID } from './seats-version.migrations';

/** Free places of sessions with the same competence step, education levels, province and way (online or not), summed. */
export interface OfferedPlaces {
  competence: string;
  fromLevel: string;
  educationLevels: string[];
  /** The training's province; an online session is within reach of every province. */
  province: string | null;
  online: boolean;
  places: number;
}

export interface NearbyProvider {
  id: string;
  name: string;
  /** Their published trainings tagged with one of the competences, within the province or with an online session. */
  trainings: number;
  competences: string[];
}

/** What the knowledge centre reads of the catalogue: sums of free places, and providers. */
export class OfferRepository {
  private readonly versionRows;

  constructor(private readonly db: Kysely<Database>) {
    this.versionRows = precompiled(db, () => db.selectFrom('catalogue_version').select('version').where('id', 'in', [1, SEATS_VERSION_ID]), 0);
  }

  /** The catalogue's version (bumpCatalogueVersion: every write of trainings and sessions) plus the seats' (every enrolment and cancellation): both only grow. */
  async version(): Promise<number> {
    return (await this.versionRows()).reduce((sum, row) => sum + Number(row.version), 0);
  }

  /** Free places of published trainings' sessions starting in [from, to), per competence step, levels, province and way. */
  async placesOffered(from: string, to: string): Promise<OfferedPlaces[]> {
    const rows = await this.db
      .selectFrom('training_sessions as s')
      .innerJoin('trainings as t', 't.id', 's.training_id')
      .innerJoin('training_level_steps as step', 'step.training_id', 't.id')
      .select(['step.competence', 'step.from_level', 't.education_levels', 't.province', 's.online', sql<number>`sum(s.capacity - s.enrolled_count)`.as('places')])
      .where('t.status', '=', 'published')
      .where('s.starts_at', '>=', from)
      .where('s.starts_at', '<', to)
      .whereRef('s.capacity', '>', 's.enrolled_count')
      .groupBy(['step.competence', 'step.from_level', 't.education_levels', 't.province', 's.online'])
      .execute();
    return rows.map((row) => ({
      competence: row.competence,
      fromLevel: row.from_level,
      educationLevels: parseCodeList(row.education_levels),
      province: row.province,
      online: Number(row.online) === 1,
      places: Number(row.places),
    }));
  }

  /** Verified providers with published trainings on one of the competences, in the province or online, most trainings first. */
  async providersNear(competences: readonly string[], province: string): Promise<NearbyProvider[]> {
    if (competences.length === 0) return [];
    const rows = await this.db
      .selectFrom('trainings as t')
      .innerJoin('providers as p', 'p.id', 't.provider_id')
      .innerJoin('training_level_steps as step', 'step.training_id', 't.id')
      .select(['p.id', 'p.name', 'step.competence', sql<number>`count(distinct t.id)`.as('trainings')])
      .where('t.status', '=', 'published')
      .where('p.verified', '=', 1)
      .where('step.competence', 'in', competences)
      .where((eb) =>
        eb.or([eb('t.province', '=', province), eb.exists(eb.selectFrom('training_sessions as s').select('s.id').whereRef('s.training_id', '=', 't.id').where('s.online', '=', 1))]),
      )
      .groupBy(['p.id', 'p.name', 'step.competence'])
      .execute();
    const byProvider = new Map<string, NearbyProvider>();
    for (const row of rows) {
      const provider = byProvider.get(row.id) ?? { id: row.id, name: row.name, trainings: 0, competences: [] };
      provider.trainings += Number(row.trainings);
      provider.competences.push(row.competence);
      byProvider.set(row.id, provider);
    }
    return [...byProvider.values()]
      .map((p) => ({ ...p, competences: p.competences.sort() }))
      .sort((a, b) => b.trainings - a.trainings || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  /** The verified ones among these providers, with the address their mail goes to. */
  async verifiedProviders(ids: readonly string[]): Promise<Array<{ id: string; name: string; contactEmail: string }>> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('providers').select(['id', 'name', 'contact_email']).where('id', 'in', ids).where('verified', '=', 1).orderBy('name').execute();
    return rows.map((row) => ({ id: row.id, name: row.name, contactEmail: row.contact_email }));
  }
}
