/** The monitor's overview, or one indicator's page. */
export const stemPath = (indicator?: string) => (indicator ? `/stem/${encodeURIComponent(indicator)}` : '/stem');

/** The knowledge centre's upload of counts. */
export const stemImportPath = '/stem/importeren';
