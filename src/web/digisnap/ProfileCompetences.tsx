import type { ProfileDto } from '../../shared/digisnap/api';
import { ReadMoreLink } from '../centre/ReadMoreLink';
import { useI18n } from '../i18n';
import { areaByNumber, competenceByCode, levelName } from './frameworkView';
import { groupByArea } from './profileView';
import type { Framework } from './types';

interface Props {
  framework: Framework;
  profile: ProfileDto;
}

/** "Work on these first": the three priorities, each with its next-step tip. */
export function ProfilePriorities({ framework, profile }: Props) {
  const { t, text } = useI18n();
  return (
    <section className="card card-accent" aria-labelledby="priorities-title" data-testid="priorities">
      <h2 id="priorities-title">{t('profile.prioritiesTitle')}</h2>
      <p>{t('profile.prioritiesIntro')}</p>
      <ol className="priorities">
        {profile.result.priorities.map((priority) => (
          <li key={priority.code}>
            <h3>
              {priority.code} {text(competenceByCode(framework, priority.code)?.name)}
            </h3>
            <p className="muted">{t('profile.currentLevel', { level: `${priority.level} ${text(levelName(framework, priority.level))}` })}</p>
            <p>
              {text(priority.tip)}
              <ReadMoreLink tag={{ competence: priority.code }} />
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Every competence's level, compact, grouped by area. */
export function ProfileCompetences({ framework, profile }: Props) {
  const { t, text } = useI18n();
  return (
    <section className="card" aria-labelledby="competences-title">
      <h2 id="competences-title">{t('profile.competencesTitle')}</h2>
      <div className="competence-groups">
        {groupByArea(profile.result.competences).map((group) => (
          <div key={group.areaNumber} className="competence-group">
            <h3>
              {group.areaNumber}. {text(areaByNumber(framework, group.areaNumber)?.name)}
            </h3>
            <ul className="competence-list">
              {group.items.map((competence) => (
                <li key={competence.code}>
                  <span>
                    {competence.code} {text(competenceByCode(framework, competence.code)?.name)}
                  </span>
                  <span className="level-badge" title={text(levelName(framework, competence.level))}>
                    {competence.level}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
