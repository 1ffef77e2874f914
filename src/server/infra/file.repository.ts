import type { Insertable, Kysely, Selectable } from 'kysely';
import type { InfraDatabase, InfraFilesTable } from './infra.tables';

/** A kept file without its bytes: what lists and checks read. */
export type InfraFileRow = Omit<Selectable<InfraFilesTable>, 'content'>;

const withoutContent = ['id', 'school_id', 'name', 'media_type', 'size_bytes', 'sha256', 'uploaded_by', 'uploaded_at'] as const;

/** The ICT park's kept files; only the download reads the bytes. */
export class InfraFileRepository {
  constructor(private readonly db: Kysely<InfraDatabase>) {}

  async insert(file: Insertable<InfraFilesTable>): Promise<void> {
    await this.db.insertInto('infra_files').values(file).execute();
  }

  find(fileId: string): Promise<InfraFileRow | undefined> {
    return this.db.selectFrom('infra_files').select(withoutContent).where('id', '=', fileId).executeTakeFirst();
  }

  /** The school's files among these ids: what a record that points at files checks them against. */
  findOfSchool(schoolId: string, fileIds: readonly string[]): Promise<InfraFileRow[]> {
    if (fileIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('infra_files').select(withoutContent).where('school_id', '=', schoolId).where('id', 'in', fileIds).execute();
  }

  async content(fileId: string): Promise<Buffer | undefined> {
    const row = await this.db.selectFrom('infra_files').select('content').where('id', '=', fileId).executeTakeFirst();
    return row && Buffer.from(row.content);
  }
}
