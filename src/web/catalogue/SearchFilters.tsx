import { type FormEvent, useState } from 'react';
import { trainingAudiences, trainingEducationLevels, trainingKinds, trainingLanguages } from '../../shared/catalogue/codes';
import { provinces } from '../../shared/platform/flanders';
import type { Framework, FrameworkArea } from '../digisnap/types';
import { useI18n } from '../i18n';
import { CheckboxFacet, countsOf, FacetCheckboxList, FacetGroup, RadioFacet } from './FacetFields';
import { useCatalogueLabels } from './labels';
import { type ListFilter, type SearchState, withChanges, withToggled } from './searchQuery';
import type { SearchResultDto } from './types';

interface Props {
  id: string;
  search: SearchState;
  facets: SearchResultDto['facets'] | undefined;
  framework: Framework | undefined;
  onSearch(next: SearchState): void;
}

/** Every filter of the training search, each a fieldset with the result count beside each value. */
export function SearchFilters({ id, search, facets, framework, onSearch }: Props) {
  const { t } = useI18n();
  const labels = useCatalogueLabels();
  const toggle = (name: ListFilter) => (value: string, on: boolean) => onSearch(withToggled(search, name, value, on));
  const options = (values: readonly string[], label: (code: string) => string) => values.map((value) => ({ value, label: label(value) }));

  return (
    <div id={id} className="search-filters-body">
      <CompetenceFacet search={search} facets={facets} framework={framework} onSearch={onSearch} />
      <CheckboxFacet
        name="kind"
        legend={t('search.filterKind')}
        options={options(trainingKinds, labels.kind)}
        selected={search.kind}
        counts={countsOf(facets?.kind)}
        onToggle={toggle('kind')}
      />
      <CheckboxFacet
        name="province"
        legend={t('search.filterProvince')}
        options={options(provinces, labels.province)}
        selected={search.province}
        counts={countsOf(facets?.province)}
        onToggle={toggle('province')}
      />
      <CheckboxFacet
        name="language"
        legend={t('search.filterLanguage')}
        options={options(trainingLanguages, labels.language)}
        selected={search.language}
        counts={countsOf(facets?.language)}
        onToggle={toggle('language')}
      />
      <CheckboxFacet
        name="educationLevel"
        legend={t('search.filterEducationLevel')}
        options={options(trainingEducationLevels, labels.educationLevel)}
        selected={search.educationLevel}
        counts={countsOf(facets?.educationLevel)}
        onToggle={toggle('educationLevel')}
      />
      <CheckboxFacet
        name="audience"
        legend={t('search.filterAudience')}
        options={options(trainingAudiences, labels.audience)}
        selected={search.audience}
        counts={countsOf(facets?.audience)}
        onToggle={toggle('audience')}
      />
      <RadioFacet
        name="price"
        legend={t('search.filterPrice')}
        options={[
          { value: '', label: t('search.priceAny') },
          { value: 'free', label: t('search.priceFree') },
          { value: 'paid', label: t('search.pricePaid') },
        ]}
        selected={search.price ?? ''}
        counts={countsOf(facets?.price)}
        onChange={(value) => onSearch(withChanges(search, { price: value === 'free' || value === 'paid' ? value : null }))}
      />
      <DateFacet search={search} onSearch={onSearch} />
    </div>
  );
}

type FacetProps = Omit<Props, 'id'>;

/** Competences grouped by area, each area folded away until needed. */
function CompetenceFacet({ search, facets, framework, onSearch }: FacetProps) {
  const { t, text } = useI18n();
  const counts = countsOf(facets?.competence);
  const areas = framework ? [...framework.areas].sort((a, b) => a.number - b.number) : [];
  return (
    <FacetGroup legend={t('search.filterCompetence')} testId="facet-competence">
      {!framework && <p className="muted">{t('app.loading')}</p>}
      {areas.map((area) => (
        <AreaFacet key={area.number} area={area} search={search} counts={counts} onSearch={onSearch} />
      ))}
      {framework && (
        <div className="field field-compact">
          <label htmlFor="filter-fromLevel">{t('search.filterFromLevel')}</label>
          <select id="filter-fromLevel" value={search.fromLevel ?? ''} onChange={(event) => onSearch(withChanges(search, { fromLevel: event.target.value || null }))}>
            <option value="">{t('search.fromLevelAny')}</option>
            {framework.levels.map((level) => (
              <option key={level.code} value={level.code}>
                {level.code} {text(level.name)}
              </option>
            ))}
          </select>
        </div>
      )}
    </FacetGroup>
  );
}

interface AreaProps {
  area: FrameworkArea;
  search: SearchState;
  counts: Map<string, number> | undefined;
  onSearch(next: SearchState): void;
}

/** One area's competences, folded away until opened; open from the start when one of them is chosen. */
function AreaFacet({ area, search, counts, onSearch }: AreaProps) {
  const { t, text } = useI18n();
  const chosen = area.competences.filter((competence) => search.competence.includes(competence.code)).length;
  const [open, setOpen] = useState(chosen > 0);
  const legendId = `filter-area-${area.number}`;
  return (
    <details className="facet-area" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        {area.number}. {text(area.name)}
        {chosen > 0 && <span className="facet-chosen"> · {t('search.chosen', { count: chosen })}</span>}
      </summary>
      <fieldset className="facet-subgroup" aria-labelledby={legendId}>
        <legend id={legendId} className="visually-hidden">
          {area.number}. {text(area.name)}
        </legend>
        <FacetCheckboxList
          name="competence"
          options={area.competences.map((competence) => ({ value: competence.code, label: `${competence.code} ${text(competence.name)}` }))}
          selected={search.competence}
          counts={counts}
          onToggle={(value, on) => onSearch(withToggled(search, 'competence', value, on))}
        />
      </fieldset>
    </details>
  );
}

/** From/to dates, applied together with their own button so half-typed dates never search. */
function DateFacet({ search, onSearch }: Pick<FacetProps, 'search' | 'onSearch'>) {
  const { t } = useI18n();
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const date = (name: string) => {
      const value = String(form.get(name) ?? '');
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
    };
    onSearch(withChanges(search, { from: date('from'), to: date('to') }));
  };
  return (
    <form onSubmit={handleSubmit} className="facet-form">
      <FacetGroup legend={t('search.filterPeriod')} testId="facet-period">
        <div className="field field-compact">
          <label htmlFor="filter-from">{t('search.dateFrom')}</label>
          <input id="filter-from" name="from" key={`from-${search.from}`} type="date" defaultValue={search.from ?? ''} />
        </div>
        <div className="field field-compact">
          <label htmlFor="filter-to">{t('search.dateTo')}</label>
          <input id="filter-to" name="to" key={`to-${search.to}`} type="date" defaultValue={search.to ?? ''} />
        </div>
        <button type="submit" className="button button-secondary button-small">
          {t('search.applyPeriod')}
        </button>
      </FacetGroup>
    </form>
  );
}
