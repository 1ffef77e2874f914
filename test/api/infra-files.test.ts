import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { infraFileSchema } from '../../src/shared/infra/file-api';
import { INFRA_FILE_MAX_BYTES } from '../../src/shared/infra/files';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { PDF_BYTES } from './infra-fixtures';
import { type SchoolWorld, schoolWorld } from './school-fixtures';

const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG_BYTES = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);

describe('ICT park: evidence files', () => {
  let t: TestApp;
  let w: SchoolWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await schoolWorld(t);
  });
  afterAll(() => t.close());

  const upload = (client: TestClient, schoolId: string, name: string, bytes: Buffer) =>
    client.request({ method: 'POST', url: `/api/schools/${schoolId}/infra-files`, payload: { name, contentBase64: bytes.toString('base64') } });
  const download = (client: TestClient | TestApp['app'], fileId: string) =>
    'request' in client ? client.request({ method: 'GET', url: `/api/infra-files/${fileId}` }) : client.inject({ method: 'GET', url: `/api/infra-files/${fileId}` });

  it('keeps a PDF with its size, hash, uploader and time, and gives back the same bytes as an attachment', async () => {
    const response = await upload(w.ictA, w.schoolA, 'C:\\scans\\wis-certificaat juni.pdf', PDF_BYTES);
    expect(response.statusCode).toBe(201);
    const file = infraFileSchema.parse(response.json());
    expect(file).toMatchObject({ schoolId: w.schoolA, name: 'wis-certificaat juni.pdf', mediaType: 'application/pdf', sizeBytes: PDF_BYTES.byteLength });
    expect(file.sha256).toBe(createHash('sha256').update(PDF_BYTES).digest('hex'));
    expect(file.uploadedBy).toBeTruthy();

    for (const reader of [w.ictA, w.principalA, w.boardAdmin]) {
      const got = await download(reader, file.id);
      expect(got.statusCode).toBe(200);
      expect(got.headers['content-type']).toBe('application/pdf');
      expect(got.headers['content-disposition']).toContain('attachment; filename="wis-certificaat-juni.pdf"');
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(got.rawPayload.equals(PDF_BYTES)).toBe(true);
    }
  });

  it('judges PNG and JPEG by their bytes and names them so', async () => {
    const png = infraFileSchema.parse((await upload(w.principalA, w.schoolA, 'foto', PNG_BYTES)).json());
    expect([png.mediaType, png.name]).toEqual(['image/png', 'foto.png']);
    const jpeg = infraFileSchema.parse((await upload(w.principalA, w.schoolA, 'label.JPEG', JPEG_BYTES)).json());
    expect([jpeg.mediaType, jpeg.name]).toEqual(['image/jpeg', 'label.JPEG']);
    expect((await download(w.ictA, jpeg.id)).headers['content-type']).toBe('image/jpeg');
  });

  it('refuses a file that only claims to be a PDF, an empty one and bad base64, naming the field', async () => {
    expect(errorOf(await upload(w.ictA, w.schoolA, 'certificaat.pdf', Buffer.from('<script>alert(1)</script>')))).toEqual({
      status: 415,
      id: 'file_type_not_allowed',
      field: 'body.contentBase64',
    });
    expect(errorOf(await w.ictA.request({ method: 'POST', url: `/api/schools/${w.schoolA}/infra-files`, payload: { name: 'a.pdf', contentBase64: '' } }))).toMatchObject({
      status: 400,
      field: 'body.contentBase64',
    });
    expect(errorOf(await w.ictA.request({ method: 'POST', url: `/api/schools/${w.schoolA}/infra-files`, payload: { name: 'a.pdf', contentBase64: 'not base64!' } }))).toMatchObject({
      status: 400,
      field: 'body.contentBase64',
    });
    expect(errorOf(await w.ictA.request({ method: 'POST', url: `/api/schools/${w.schoolA}/infra-files`, payload: { contentBase64: 'JVBERi0=' } }))).toMatchObject({
      status: 400,
      field: 'body.name',
    });
  });

  it('refuses a file over the size cap', async () => {
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(INFRA_FILE_MAX_BYTES)]);
    expect(errorOf(await upload(w.ictA, w.schoolA, 'groot.pdf', big)).status).toBe(400);
  });

  it('lets managers upload and readers download; teachers, other schools and strangers get nothing', async () => {
    const file = infraFileSchema.parse((await upload(w.ictA, w.schoolA, 'c.pdf', PDF_BYTES)).json());
    expect(errorOf(await upload(w.boardAdmin, w.schoolA, 'c.pdf', PDF_BYTES))).toMatchObject({ status: 403, id: 'forbidden' });
    expect(errorOf(await upload(w.teacherA, w.schoolA, 'c.pdf', PDF_BYTES))).toMatchObject({ status: 403, id: 'forbidden' });
    expect(errorOf(await upload(w.principalOther, w.schoolA, 'c.pdf', PDF_BYTES))).toMatchObject({ status: 404 });
    expect(errorOf(await download(w.teacherA, file.id))).toMatchObject({ status: 403, id: 'forbidden' });
    expect(errorOf(await download(w.principalOther, file.id))).toMatchObject({ status: 404, id: 'not_found', field: 'fileId' });
    expect(errorOf(await download(t.app, file.id))).toMatchObject({ status: 401, id: 'unauthenticated' });
    expect(errorOf(await download(w.ictA, 'no-such-file'))).toMatchObject({ status: 404, field: 'fileId' });
  });
});
