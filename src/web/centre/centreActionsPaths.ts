/** The knowledge centre's register of actions, one action, and the IT bootcamps. */
export const centreActionsPath = '/kenniscentrum/acties';
export const centreActionPath = (id: string) => `/kenniscentrum/acties/${encodeURIComponent(id)}`;
export const bootcampsPath = '/kenniscentrum/bootcamps';
