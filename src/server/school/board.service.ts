import type { z } from 'zod';
import { conflict, notFound, validationError } from '../../shared/errors';
import type { boardSchema } from '../../shared/school/schools';
import type { AuditRepository } from '../platform/audit/audit.repository';
import { newId, nowIso } from '../platform/ids';
import type { BoardRepository, BoardRow } from './board.repository';
import type { SchoolRepository } from './school.repository';
import { toSchoolFields } from './school.service';

/** School boards (*schoolbesturen*): the schools they run, and the board admins who manage them all. */
export class BoardService {
  constructor(
    private readonly repo: BoardRepository,
    private readonly schools: SchoolRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** The board with its schools, for its board admins; anyone else finds no board (404). */
  async getBoard(userId: string, boardId: string): Promise<z.infer<typeof boardSchema>> {
    const board = await this.repo.find(boardId);
    if (!board || !(await this.schools.isBoardAdmin(userId, boardId))) throw notFound('Board', 'boardId');
    const schools = await this.schools.schoolsOfBoard(boardId);
    return { ...board, schools: schools.map(toSchoolFields) };
  }

  /** The board, whoever asks: 404 when there is none. */
  async requireBoard(boardId: string): Promise<BoardRow> {
    const board = await this.repo.find(boardId);
    if (!board) throw notFound('Board', 'params.boardId');
    return board;
  }

  isBoardAdmin(userId: string, boardId: string): Promise<boolean> {
    return this.schools.isBoardAdmin(userId, boardId);
  }

  /** The board's schools (id and name) without an access check: a platform admin's support read of the board's overview. */
  async schoolsAsOperator(boardId: string): Promise<ReadonlyArray<{ id: string; name: string }>> {
    return (await this.schools.schoolsOfBoard(boardId)).map(({ id, name }) => ({ id, name }));
  }

  /** The board's schools (id and name), for its board admins; anyone else finds no board (404). What the board's ICT park reads on every request. */
  async schoolsOf(userId: string, boardId: string): Promise<ReadonlyArray<{ id: string; name: string }>> {
    const schools = await this.schools.boardSchoolsFor(userId, boardId);
    if (!schools) throw notFound('Board', 'boardId');
    return schools;
  }

  /** Creates a board (CLI); its number (*bestuursnummer*) is unique when given. */
  async createBoard(input: { name: string; number?: string }): Promise<string> {
    const name = input.name.trim();
    if (!name) throw validationError('name', 'A board needs a name');
    const number = input.number?.trim() || null;
    if (number !== null && (await this.repo.findByNumber(number))) throw conflict(`A board with number ${number} exists already`, 'number');
    const id = newId();
    await this.repo.insert({ id, name, number, createdAt: nowIso() });
    await this.audit.record({ actorId: null, action: 'board_created', subject: id, details: { name, number } });
    return id;
  }

  /** Every board, by name (CLI). */
  listBoards(): Promise<BoardRow[]> {
    return this.repo.list();
  }
}
