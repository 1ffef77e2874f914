/** The board's schools side by side. */
export const boardOverviewPath = (boardId: string) => `/bestuur/${encodeURIComponent(boardId)}/overzicht`;
