import type { Kysely } from 'kysely';
import type { SchoolDatabase as Database } from './school.tables';

export interface BoardRow {
  id: string;
  name: string;
  number: string | null;
}

export class BoardRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(board: BoardRow & { createdAt: string }): Promise<void> {
    await this.db.insertInto('boards').values({ id: board.id, name: board.name, number: board.number, created_at: board.createdAt }).execute();
  }

  find(id: string): Promise<BoardRow | undefined> {
    return this.db.selectFrom('boards').select(['id', 'name', 'number']).where('id', '=', id).executeTakeFirst();
  }

  findByNumber(number: string): Promise<BoardRow | undefined> {
    return this.db.selectFrom('boards').select(['id', 'name', 'number']).where('number', '=', number).executeTakeFirst();
  }

  async list(): Promise<BoardRow[]> {
    return this.db.selectFrom('boards').select(['id', 'name', 'number']).orderBy('name').orderBy('id').execute();
  }
}
