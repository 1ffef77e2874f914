import type { ReactNode } from 'react';

export interface FacetOption {
  value: string;
  label: string;
}

interface CheckboxListProps {
  /** Filter name, used for ids and the API parameter. */
  name: string;
  options: FacetOption[];
  selected: string[];
  counts: Map<string, number> | undefined;
  onToggle(value: string, on: boolean): void;
}

/** "Value (count)" checkboxes; the count is how many results ticking it would show. */
export function FacetCheckboxList({ name, options, selected, counts, onToggle }: CheckboxListProps) {
  return (
    <ul className="facet-options">
      {options.map((option) => {
        const id = `filter-${name}-${option.value.replace(/\W/g, '-')}`;
        const count = counts?.get(option.value) ?? 0;
        return (
          <li key={option.value}>
            <input
              id={id}
              type="checkbox"
              name={name}
              value={option.value}
              checked={selected.includes(option.value)}
              onChange={(event) => onToggle(option.value, event.target.checked)}
            />
            <label htmlFor={id} className={count === 0 && !selected.includes(option.value) ? 'facet-empty' : undefined}>
              {option.label} {counts && <span className="facet-count">({count})</span>}
            </label>
          </li>
        );
      })}
    </ul>
  );
}

interface FacetProps extends CheckboxListProps {
  legend: string;
}

/** One filter: a fieldset of checkboxes with its counts. */
export function CheckboxFacet({ legend, ...list }: FacetProps) {
  return (
    <fieldset className="facet" data-testid={`facet-${list.name}`}>
      <legend>{legend}</legend>
      <FacetCheckboxList {...list} />
    </fieldset>
  );
}

interface RadioFacetProps {
  name: string;
  legend: string;
  /** The first option is "any": its value is the empty string. */
  options: FacetOption[];
  selected: string;
  counts: Map<string, number> | undefined;
  onChange(value: string): void;
}

export function RadioFacet({ name, legend, options, selected, counts, onChange }: RadioFacetProps) {
  return (
    <fieldset className="facet" data-testid={`facet-${name}`}>
      <legend>{legend}</legend>
      <ul className="facet-options">
        {options.map((option) => {
          const id = `filter-${name}-${option.value || 'any'}`;
          return (
            <li key={option.value}>
              <input id={id} type="radio" name={name} value={option.value} checked={selected === option.value} onChange={() => onChange(option.value)} />
              <label htmlFor={id}>
                {option.label}
                {option.value && counts && <span className="facet-count"> ({counts.get(option.value) ?? 0})</span>}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** Counts of one facet of the search result, by value. */
export function countsOf(facet: Array<{ value: string; count: number }> | undefined): Map<string, number> | undefined {
  return facet && new Map(facet.map((entry) => [entry.value, entry.count]));
}

export function FacetGroup({ legend, testId, children }: { legend: string; testId: string; children: ReactNode }) {
  return (
    <fieldset className="facet" data-testid={testId}>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}
