import type autocannon from 'autocannon';
import { deviceListSchema } from '../src/shared/infra/api';
import { boardInfraIndicatorsSchema, infraIndicatorsSchema } from '../src/shared/infra/indicator-api';
import type { DeviceManifest } from './devices';
import type { Scenario } from './scenarios';

/**
 * The ICT park's scenarios (issue 12 §7): a board admin reads the device list and the indicators
 * of each school of the board, and the board's own, another school or board every request, so
 * requests spread over the whole park and no one school's answer flatters the figure.
 */

/** The board admin's session and a school of the board, every school of every board once. */
const schoolReads = (devices: DeviceManifest) => devices.boards.flatMap((board) => board.schoolIds.map((schoolId) => ({ token: board.token, schoolId })));

function rotating(name: string, operationId: string, reads: ReadonlyArray<{ token: string; path: string }>): Scenario {
  let next = 0;
  return {
    name,
    operationId,
    requests: (): autocannon.Request[] => [
      {
        method: 'GET',
        path: reads[0].path,
        setupRequest: (request) => {
          const read = reads[next++ % reads.length];
          return { ...request, path: read.path, headers: { ...request.headers, cookie: `ds_session=${read.token}` } };
        },
      },
    ],
  };
}

export const schoolDevicesPath = (schoolId: string) => `/api/schools/${encodeURIComponent(schoolId)}/devices`;
export const boardDevicesPath = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/devices`;
export const schoolIndicatorsPath = (schoolId: string) => `/api/schools/${encodeURIComponent(schoolId)}/infra/indicators`;
export const boardIndicatorsPath = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/infra/indicators`;

/** The first page of a school's devices (50, by asset tag), as the ICT park page opens. */
export const listDevices = (devices: DeviceManifest) =>
  rotating(
    'listDevices',
    'listDevices',
    schoolReads(devices).map((read) => ({ token: read.token, path: schoolDevicesPath(read.schoolId) })),
  );

/** The first page of the devices of all the board's schools, as the board's ICT park page opens. */
export const listBoardDevices = (devices: DeviceManifest) =>
  rotating(
    'listBoardDevices',
    'listBoardDevices',
    devices.boards.map((board) => ({ token: board.token, path: boardDevicesPath(board.boardId) })),
  );

export const getInfraIndicators = (devices: DeviceManifest) =>
  rotating(
    'getInfraIndicators',
    'getInfraIndicators',
    schoolReads(devices).map((read) => ({ token: read.token, path: schoolIndicatorsPath(read.schoolId) })),
  );

export const getBoardInfraIndicators = (devices: DeviceManifest) =>
  rotating(
    'getBoardInfraIndicators',
    'getBoardInfraIndicators',
    devices.boards.map((board) => ({ token: board.token, path: boardIndicatorsPath(board.boardId) })),
  );

/**
 * Every school's and board's indicators read once, as on the first view of each school that day:
 * the server then keeps them until a write or the next day (indicator.service.ts), which is what the
 * scenarios measure. Returns the mean time of those first reads, printed beside the figures.
 */
export const warmIndicators = (url: string, devices: DeviceManifest) =>
  readEach(url, [
    ...schoolReads(devices).map((read) => ({ token: read.token, path: schoolIndicatorsPath(read.schoolId) })),
    ...devices.boards.map((board) => ({ token: board.token, path: boardIndicatorsPath(board.boardId) })),
  ]);

/**
 * Every school's and board's device list opened once, as on the first view since its park last
 * changed: the server stores that page until the next write (device.service.ts), which is what the
 * scenarios measure. Returns the mean time of those first reads.
 */
export const warmDeviceLists = (url: string, devices: DeviceManifest) =>
  readEach(url, [
    ...schoolReads(devices).map((read) => ({ token: read.token, path: schoolDevicesPath(read.schoolId) })),
    ...devices.boards.map((board) => ({ token: board.token, path: boardDevicesPath(board.boardId) })),
  ]);

async function readEach(url: string, paths: ReadonlyArray<{ token: string; path: string }>): Promise<{ reads: number; meanMs: number }> {
  const started = performance.now();
  for (const { token, path } of paths) {
    const response = await fetch(`${url}${path}`, { headers: { cookie: `ds_session=${token}` } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
  }
  return { reads: paths.length, meanMs: (performance.now() - started) / paths.length };
}

/**
 * Before the park is measured: a few boards' answers hold to their contracts, a list page is full,
 * every school's indicators add up to the board's, and the indicators go out as the Zod serializer
 * would write them (they are sent as kept bytes, without it).
 */
export async function checkDeviceContracts(url: string, devices: DeviceManifest, boards: number): Promise<void> {
  const get = async (path: string, token: string) => {
    const response = await fetch(`${url}${path}`, { headers: { cookie: `ds_session=${token}` } });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${body.slice(0, 300)}`);
    return body;
  };
  const step = Math.max(1, Math.floor(devices.boards.length / boards));
  for (let i = 0; i < devices.boards.length; i += step) {
    const board = devices.boards[i];
    const list = deviceListSchema.parse(JSON.parse(await get(boardDevicesPath(board.boardId), board.token)));
    if (list.items.length !== Math.min(list.limit, list.total) || list.total === 0) throw new Error(`listBoardDevices of ${board.boardId}: a short or empty page`);
    const boardBody = await get(boardIndicatorsPath(board.boardId), board.token);
    const boardIndicators = boardInfraIndicatorsSchema.parse(JSON.parse(boardBody));
    if (boardBody !== JSON.stringify(boardInfraIndicatorsSchema.encode(boardIndicators))) throw new Error('getBoardInfraIndicators differs from the Zod serializer’s bytes');
    let devicesInSchools = 0;
    for (const schoolId of board.schoolIds) {
      const schoolList = deviceListSchema.parse(JSON.parse(await get(schoolDevicesPath(schoolId), board.token)));
      if (schoolList.items.some((item) => item.schoolId !== schoolId)) throw new Error(`listDevices of ${schoolId}: a device of another school`);
      const body = await get(schoolIndicatorsPath(schoolId), board.token);
      const indicators = infraIndicatorsSchema.parse(JSON.parse(body));
      if (body !== JSON.stringify(infraIndicatorsSchema.encode(indicators))) throw new Error('getInfraIndicators differs from the Zod serializer’s bytes');
      devicesInSchools += indicators.indicators.devices;
    }
    if (devicesInSchools !== boardIndicators.indicators.devices || devicesInSchools === 0) {
      throw new Error(`getBoardInfraIndicators of ${board.boardId} counts ${boardIndicators.indicators.devices} devices, its schools ${devicesInSchools}`);
    }
  }
}
