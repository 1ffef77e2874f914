import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { AppError, notFound } from '../../shared/errors';
import type { InfraFileDto, uploadInfraFileBodySchema } from '../../shared/infra/file-api';
import { INFRA_FILE_MAX_BYTES, type InfraFileMediaType, keptFileName, sniffMediaType } from '../../shared/infra/files';
import type { AccessPolicy } from '../platform/access/access';
import type { AuditRepository } from '../platform/audit/audit.repository';
import type { AuthService } from '../platform/auth/auth.service';
import { newId } from '../platform/ids';
import type { InfraFileRepository, InfraFileRow } from './file.repository';

export interface InfraFileDeps {
  access: AccessPolicy;
  audit: AuditRepository;
  auth: Pick<AuthService, 'usersByIds'>;
  now?: () => Date;
}

/**
 * Evidence files of a school's ICT park: wipe certificates, invoices. Whoever manages the park
 * uploads; whoever reads it downloads. The type is judged by the bytes, so a script named
 * `certificaat.pdf` is refused, and a download is always an attachment of the judged type.
 */
export class InfraFileService {
  private readonly now: () => Date;

  constructor(
    private readonly repo: InfraFileRepository,
    private readonly deps: InfraFileDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  async upload(userId: string, schoolId: string, body: z.output<typeof uploadInfraFileBodySchema>): Promise<InfraFileDto> {
    await this.deps.access.require(userId, 'manageDevices', schoolId);
    const bytes = Buffer.from(body.contentBase64, 'base64');
    if (bytes.byteLength === 0) throw new AppError('validation_error', 'The file is empty', 'body.contentBase64');
    if (bytes.byteLength > INFRA_FILE_MAX_BYTES) throw new AppError('payload_too_large', `The file is larger than ${INFRA_FILE_MAX_BYTES / 1024 / 1024} MiB`, 'body.contentBase64');
    const mediaType = sniffMediaType(bytes);
    if (!mediaType) throw new AppError('file_type_not_allowed', 'The file is not a PDF, PNG or JPEG', 'body.contentBase64');
    const row = {
      id: newId(),
      school_id: schoolId,
      name: keptFileName(body.name, mediaType),
      media_type: mediaType,
      size_bytes: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      uploaded_by: userId,
      uploaded_at: this.now().toISOString(),
    };
    await this.repo.insert({ ...row, content: bytes });
    await this.deps.audit.record({ actorId: userId, action: 'infra_file_uploaded', subject: schoolId, details: { fileId: row.id, mediaType, sizeBytes: row.size_bytes } });
    return (await this.toDtos([row]))[0];
  }

  async download(userId: string, fileId: string): Promise<{ file: InfraFileDto; content: Buffer }> {
    const row = await this.repo.find(fileId);
    if (!row) throw notFound('File', 'fileId');
    await this.deps.access.require(userId, 'readDevices', row.school_id).catch((error: unknown) => {
      if (error instanceof AppError && error.id === 'not_found') throw notFound('File', 'fileId');
      throw error;
    });
    const content = await this.repo.content(fileId);
    if (!content) throw notFound('File', 'fileId');
    return { file: (await this.toDtos([row]))[0], content };
  }

  /**
   * The school's files with these ids, for a record that points at them (a certificate, an
   * invoice); no access check, the caller made its own. A file of another school is not among them.
   */
  async filesOfSchool(schoolId: string, fileIds: readonly string[]): Promise<Map<string, InfraFileDto>> {
    const rows = await this.repo.findOfSchool(schoolId, [...new Set(fileIds)]);
    return new Map((await this.toDtos(rows)).map((file) => [file.id, file]));
  }

  private async toDtos(rows: readonly InfraFileRow[]): Promise<InfraFileDto[]> {
    const uploaders = [...new Set(rows.flatMap((row) => (row.uploaded_by ? [row.uploaded_by] : [])))];
    const names = new Map((await this.deps.auth.usersByIds(uploaders)).map((user) => [user.id, user.displayName]));
    return rows.map((row) => ({
      id: row.id,
      schoolId: row.school_id,
      name: row.name,
      mediaType: row.media_type as InfraFileMediaType,
      sizeBytes: Number(row.size_bytes),
      sha256: row.sha256,
      uploadedBy: row.uploaded_by ? (names.get(row.uploaded_by) ?? null) : null,
      uploadedAt: row.uploaded_at,
    }));
  }
}
