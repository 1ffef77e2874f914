import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { xlsxWorkbook } from '../export/xlsx';
import { attachmentDisposition, type DownloadFormat, sendDownload } from './download';

describe('attachmentDisposition', () => {
  it('gives an ASCII file name and the exact UTF-8 one', () => {
    expect(attachmentDisposition('digisnap-teamrapport-2026-03-01.xlsx')).toBe(
      `attachment; filename="digisnap-teamrapport-2026-03-01.xlsx"; filename*=UTF-8''digisnap-teamrapport-2026-03-01.xlsx`,
    );
    expect(attachmentDisposition('beleidsplan coöperatief "x".xlsx')).toBe(
      `attachment; filename="beleidsplan-cooperatief-x-.xlsx"; filename*=UTF-8''beleidsplan%20co%C3%B6peratief%20%22x%22.xlsx`,
    );
  });

  it('never lets a name break out of the header', () => {
    const header = attachmentDisposition("a\r\nb;c'(d)*\\e/../f.csv");
    expect(header).toBe(`attachment; filename="a-b-c-d-e-..-f.csv"; filename*=UTF-8''a%0D%0Ab%3Bc%27%28d%29%2A%5Ce%2F..%2Ff.csv`);
  });
});

describe('sendDownload', () => {
  async function download(format: DownloadFormat, name: string, body: string | Buffer) {
    const app = Fastify();
    app.get('/file', (_request, reply) => sendDownload(reply, format, name, body));
    const response = await app.inject({ method: 'GET', url: '/file' });
    await app.close();
    return response;
  }

  it('sends CSV as UTF-8 with one BOM, whether or not the body has one', async () => {
    for (const body of ['\uFEFFa;b\r\n', 'a;b\r\n']) {
      const response = await download('csv', 'lijst.csv', body);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="lijst.csv"; filename*=UTF-8''lijst.csv`);
      expect(response.rawPayload.equals(Buffer.from('\uFEFFa;b\r\n', 'utf8'))).toBe(true);
      expect(response.headers['cache-control']).toBeUndefined();
    }
  });

  it('sends XLSX and JSON bodies as they are', async () => {
    const workbook = await xlsxWorkbook([{ name: 'A', columns: [{ header: 'a', kind: 'text' }], rows: [['b']] }]);
    const xlsx = await download('xlsx', 'rapport.xlsx', workbook);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.rawPayload.equals(workbook)).toBe(true);
    const json = await download('json', 'export.json', '{\n  "a": 1\n}');
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.body).toBe('{\n  "a": 1\n}');
  });
});
