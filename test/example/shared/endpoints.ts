import { defineEndpoints } from '../../../src/shared/platform/endpoint';

/** The example module's endpoints, declared once: the server registers them, the web app calls through them. */
export const exampleEndpoints = defineEndpoints(
  () => import('./api'),
  { tags: ['example'] },
  {
    listExampleNotes: { method: 'GET', path: '/api/example/notes', summary: 'The example notes', response: { 200: 'exampleNotesSchema' }, errors: [401] },
  },
);
