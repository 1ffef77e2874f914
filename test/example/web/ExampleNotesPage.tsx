import { ErrorAlert } from '../../../src/web/components/ErrorAlert';
import { Loading } from '../../../src/web/components/Loading';
import { useEndpointQuery } from '../../../src/web/serverState';
import { exampleEndpoints } from '../shared/endpoints';

/** The example notes, loaded through the shared declaration. A real page takes its texts from `useI18n()`. */
export function ExampleNotesPage() {
  const { data, error, reload } = useEndpointQuery(exampleEndpoints.listExampleNotes);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  return (
    <section className="page">
      <h1>Notities</h1>
      <ul>
        {data.notes.map((note) => (
          <li key={note.id}>{note.text}</li>
        ))}
      </ul>
    </section>
  );
}
