import type { FastifyInstance, FastifyReply, preHandlerAsyncHookHandler } from 'fastify';
import { infraEndpoints as endpoints } from '../../shared/infra/endpoints';
import { xlsxWorkbook } from '../platform/export/xlsx';
import { authOf } from '../platform/http/auth-hooks';
import { downloadDate, sendDownload } from '../platform/http/download';
import { route } from '../platform/http/route';
import type { DeviceService } from './device.service';
import { deviceSheet, writeDeviceCsv } from './device-csv';

/** The ICT park's devices: list, board view, add, change, lifecycle, import and export. */
export function deviceRoutes(app: FastifyInstance, deps: { devices: DeviceService; requireAuth: preHandlerAsyncHookHandler }): void {
  const { devices, requireAuth } = deps;

  route(app, endpoints.listDevices, {
    preHandler: requireAuth,
    handler: async (request, reply) => sendJson(reply, await devices.listDevicesJson(authOf(request).userId, request.params.schoolId, request.query)),
  });

  route(app, endpoints.listBoardDevices, {
    preHandler: requireAuth,
    handler: async (request, reply) => sendJson(reply, await devices.listBoardDevicesJson(authOf(request).userId, request.params.boardId, request.query)),
  });

  route(app, endpoints.createDevice, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.status(201).send(await devices.createDevice(authOf(request).userId, request.params.schoolId, request.body)),
  });

  route(app, endpoints.getDevice, {
    preHandler: requireAuth,
    handler: async (request) => devices.getDevice(authOf(request).userId, request.params.deviceId),
  });

  route(app, endpoints.updateDevice, {
    preHandler: requireAuth,
    handler: async (request) => devices.updateDevice(authOf(request).userId, request.params.deviceId, request.body.device),
  });

  route(app, endpoints.changeDeviceState, {
    preHandler: requireAuth,
    handler: async (request) => devices.changeState(authOf(request).userId, request.params.deviceId, request.body),
  });

  route(app, endpoints.importDevices, {
    preHandler: requireAuth,
    handler: async (request) => devices.importDevices(authOf(request).userId, request.params.schoolId, request.body, request.query),
  });

  route(app, endpoints.exportDevices, {
    preHandler: requireAuth,
    handler: async (request, reply) => {
      const list = await devices.exportDevices(authOf(request).userId, request.params.schoolId);
      const name = `toestellen-${downloadDate()}`;
      if (request.query.format === 'xlsx') return sendDownload(reply, 'xlsx', `${name}.xlsx`, await xlsxWorkbook([deviceSheet(list)]));
      return sendDownload(reply, 'csv', `${name}.csv`, writeDeviceCsv(list));
    },
  });
}

/** The lists go out as the bytes the service wrote (the opening page as stored: device.service.ts), without the serializer. */
const sendJson = (reply: FastifyReply, json: Buffer) => reply.type('application/json; charset=utf-8').send(json);
