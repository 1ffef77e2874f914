import type { Kysely } from 'kysely';
import type { SchoolDatabase as Database } from './school.tables';

export interface InvitationRow {
  id: string;
  schoolId: string;
  email: string;
  name: string | null;
  role: string;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

export type NewInvitation = Omit<InvitationRow, 'acceptedAt'> & { tokenHash: string };

const columns = ['id', 'school_id', 'email', 'display_name', 'role', 'invited_by', 'created_at', 'expires_at', 'accepted_at'] as const;

export class InvitationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Writes the invitations in one transaction, each replacing any open invitation to the same
   * address at the same school (its link stops working).
   */
  async replaceOpen(invitations: readonly NewInvitation[]): Promise<void> {
    if (invitations.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (const invitation of invitations) {
        await trx.deleteFrom('invitations').where('school_id', '=', invitation.schoolId).where('email', '=', invitation.email).where('accepted_at', 'is', null).execute();
      }
      for (let i = 0; i < invitations.length; i += 200) {
        await trx
          .insertInto('invitations')
          .values(
            invitations.slice(i, i + 200).map((inv) => ({
              id: inv.id,
              school_id: inv.schoolId,
              email: inv.email,
              display_name: inv.name,
              role: inv.role,
              token_hash: inv.tokenHash,
              invited_by: inv.invitedBy,
              created_at: inv.createdAt,
              expires_at: inv.expiresAt,
              accepted_at: null,
              accepted_by: null,
            })),
          )
          .execute();
      }
    });
  }

  async findByTokenHash(tokenHash: string): Promise<InvitationRow | undefined> {
    const row = await this.db.selectFrom('invitations').select(columns).where('token_hash', '=', tokenHash).executeTakeFirst();
    return row && toRow(row);
  }

  /** Invitations not accepted and not expired, newest first. */
  async open(schoolId: string, now: string): Promise<InvitationRow[]> {
    const rows = await this.db
      .selectFrom('invitations')
      .select(columns)
      .where('school_id', '=', schoolId)
      .where('accepted_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('created_at', 'desc')
      .orderBy('email')
      .execute();
    return rows.map(toRow);
  }

  async deleteOpen(schoolId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('invitations').where('id', '=', id).where('school_id', '=', schoolId).where('accepted_at', 'is', null).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Marks the invitation used, unless it was already: true for the one request that wins. */
  async claim(id: string, now: string): Promise<boolean> {
    const result = await this.db.updateTable('invitations').set({ accepted_at: now }).where('id', '=', id).where('accepted_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Undoes a claim whose acceptance failed (a wrong password), so the link still works. */
  async unclaim(id: string): Promise<void> {
    await this.db.updateTable('invitations').set({ accepted_at: null, accepted_by: null }).where('id', '=', id).execute();
  }

  async setAcceptedBy(id: string, userId: string): Promise<void> {
    await this.db.updateTable('invitations').set({ accepted_by: userId }).where('id', '=', id).execute();
  }
}

function toRow(row: {
  id: string;
  school_id: string;
  email: string;
  display_name: string | null;
  role: string;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}): InvitationRow {
  return {
    id: row.id,
    schoolId: row.school_id,
    email: row.email,
    name: row.display_name,
    role: row.role,
    invitedBy: row.invited_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
  };
}
