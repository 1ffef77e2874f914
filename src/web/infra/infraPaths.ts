const schoolBase = (schoolId: string) => `/school/${encodeURIComponent(schoolId)}`;
export const ictParkPath = (schoolId: string) => `${schoolBase(schoolId)}/ictpark`;
export const newDevicePath = (schoolId: string) => `${ictParkPath(schoolId)}/nieuw`;
export const deviceImportPath = (schoolId: string) => `${ictParkPath(schoolId)}/importeren`;
export const devicePath = (schoolId: string, deviceId: string) => `${ictParkPath(schoolId)}/${encodeURIComponent(deviceId)}`;
export const boardParkPath = (boardId: string) => `/bestuur/${encodeURIComponent(boardId)}/ictpark`;
