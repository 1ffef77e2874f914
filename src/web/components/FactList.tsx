/** Label–value pairs as a definition list, e.g. a result's key figures or the steps of a scale. */
export function FactList({ facts }: { facts: ReadonlyArray<readonly [label: string, value: string]> }) {
  return (
    <dl className="facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
