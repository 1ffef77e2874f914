import { type FormEvent, useState } from 'react';
import { formatNumber } from '../../../shared/i18n/format';
import { ictTeamEndpoints } from '../../../shared/school/ict-team/endpoints';
import type { IctTeamDto } from '../../../shared/school/ict-team/ict-team-api';
import { type IctTeamJob, ictTeamJobs, MAX_ICT_HOURS } from '../../../shared/school/ict-team/ict-team-jobs';
import { ReadMoreLink } from '../../centre/ReadMoreLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NarrowPage } from '../../components/NarrowPage';
import { PageHeading } from '../../components/PageHeading';
import { useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n';
import { useEndpointMutation, useEndpointQuery } from '../../serverState';
import { SchoolNav } from '../SchoolNav';

const invalidates = ['getIctTeam'];

/** `/school/:id/ict-team`: who holds which ICT task, after the knowledge centre's task overview; principals and ICT coordinators change it. */
export function IctTeamPage({ schoolId }: { schoolId: string }) {
  const { t } = useI18n();
  const team = useEndpointQuery(ictTeamEndpoints.getIctTeam, { params: { schoolId } });
  if (team.loading && !team.data) return <Loading />;
  if (team.error || !team.data)
    return (
      <NarrowPage title={t('ictTeam.titleShort')}>
        <SchoolNav schoolId={schoolId} />
        {team.error && <ErrorAlert error={team.error} onRetry={team.reload} />}
      </NarrowPage>
    );
  const title = t('ictTeam.title', { school: team.data.schoolName });
  return (
    <section className="page" data-testid="ict-team-page">
      <PageHeading title={title}>{title}</PageHeading>
      <SchoolNav schoolId={schoolId} />
      <p className="lead">
        {t('ictTeam.intro')}
        <ReadMoreLink tag={{ topic: 'ict-team' }} />
      </p>
      <TaskOverview team={team.data} />
      <Members team={team.data} />
      {team.data.canEdit && <AddMemberForm team={team.data} />}
      <JobDescriptions team={team.data} />
    </section>
  );
}

function TaskOverview({ team }: { team: IctTeamDto }) {
  const { t, text } = useI18n();
  const holders = (taskId: string) => team.members.filter((member) => member.tasks.includes(taskId)).map((member) => member.name);
  return (
    <section className="card" aria-labelledby="ict-tasks-title">
      <h2 id="ict-tasks-title">{t('ictTeam.tasksTitle')}</h2>
      {team.content.taskGroups.map((group) => (
        <div key={group.id} className="table-scroll">
          <table className="data-table" data-testid="ict-task-group">
            <caption>
              {text(group.name)}
              {group.namedBy === 'us' && <span className="muted"> {t('ictTeam.ourGrouping')}</span>}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('ictTeam.task')}</th>
                <th scope="col">{t('ictTeam.holders')}</th>
              </tr>
            </thead>
            <tbody>
              {group.tasks.map((task) => (
                <tr key={task.id}>
                  <th scope="row">{text(task.name)}</th>
                  <td>{holders(task.id).join(', ') || <span className="muted">{t('ictTeam.nobody')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

function Members({ team }: { team: IctTeamDto }) {
  const { t, locale } = useI18n();
  const remove = useEndpointMutation(ictTeamEndpoints.removeIctTeamMember, { invalidates });
  const removal = useSubmit((memberId: string) => remove({ params: { schoolId: team.schoolId, memberId } }));
  return (
    <section className="card" aria-labelledby="ict-members-title">
      <h2 id="ict-members-title">{t('ictTeam.membersTitle')}</h2>
      <p>{t('ictTeam.totalHours', { hours: formatNumber(team.totalHours, locale) })}</p>
      {removal.failure && <ErrorAlert error={removal.failure} />}
      {team.members.length === 0 ? (
        <p className="muted">{t('ictTeam.noMembers')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="ict-members">
            <thead>
              <tr>
                <th scope="col">{t('ictTeam.name')}</th>
                <th scope="col">{t('ictTeam.job')}</th>
                <th scope="col" className="numeric">
                  {t('ictTeam.hours')}
                </th>
                <th scope="col">{t('ictTeam.shared')}</th>
                {team.canEdit && <th scope="col">{t('ictTeam.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {team.members.map((member) => (
                <tr key={member.id}>
                  <th scope="row">{member.name}</th>
                  <td>{t(`ictTeam.jobs.${member.job}`)}</td>
                  <td className="numeric">{formatNumber(member.hoursPerWeek, locale)}</td>
                  <td>{member.sharedWithGroup ? t('ictTeam.yes') : t('ictTeam.no')}</td>
                  {team.canEdit && (
                    <td>
                      <button type="button" className="button button-secondary" disabled={removal.busy} onClick={() => void removal.run(member.id)}>
                        {t('ictTeam.remove')}
                        <span className="visually-hidden"> {member.name}</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function AddMemberForm({ team }: { team: IctTeamDto }) {
  const { t, text } = useI18n();
  const add = useEndpointMutation(ictTeamEndpoints.addIctTeamMember, { invalidates });
  const [formKey, setFormKey] = useState(0);
  const submit = useSubmit(async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const job = ictTeamJobs.find((known) => known === data.get('job')) ?? 'none';
    await add({
      params: { schoolId: team.schoolId },
      body: {
        name: String(data.get('name') ?? ''),
        job: job as IctTeamJob,
        hoursPerWeek: Number(String(data.get('hours') ?? '0').replace(',', '.')),
        sharedWithGroup: data.get('shared') === 'on',
        tasks: data.getAll('tasks').map(String),
      },
    });
    setFormKey((key) => key + 1);
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit.run(event.currentTarget);
  };
  return (
    <section className="card" aria-labelledby="ict-add-title">
      <h2 id="ict-add-title">{t('ictTeam.addTitle')}</h2>
      <form key={formKey} onSubmit={onSubmit} data-testid="ict-add-member">
        <div className="field">
          <label htmlFor="ict-name">{t('ictTeam.name')}</label>
          <input id="ict-name" name="name" required maxLength={120} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="ict-job">{t('ictTeam.job')}</label>
          <select id="ict-job" name="job" defaultValue="none">
            {ictTeamJobs.map((job) => (
              <option key={job} value={job}>
                {t(`ictTeam.jobs.${job}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ict-hours">{t('ictTeam.hours')}</label>
          <input id="ict-hours" name="hours" type="number" min={0} max={MAX_ICT_HOURS} step={0.1} defaultValue={0} required inputMode="decimal" />
        </div>
        <div className="field field-check">
          <input id="ict-shared" name="shared" type="checkbox" />
          <label htmlFor="ict-shared">{t('ictTeam.sharedLabel')}</label>
        </div>
        {team.content.taskGroups.map((group) => (
          <fieldset key={group.id} className="field">
            <legend>{text(group.name)}</legend>
            {group.tasks.map((task) => (
              <div key={task.id} className="field-check">
                <input id={`ict-task-${task.id}`} name="tasks" type="checkbox" value={task.id} />
                <label htmlFor={`ict-task-${task.id}`}>{text(task.name)}</label>
              </div>
            ))}
          </fieldset>
        ))}
        {submit.failure && <ErrorAlert error={submit.failure} />}
        <button type="submit" className="button button-primary" disabled={submit.busy}>
          {t('ictTeam.add')}
        </button>
      </form>
    </section>
  );
}

function JobDescriptions({ team }: { team: IctTeamDto }) {
  const { t, text } = useI18n();
  return (
    <section className="card" aria-labelledby="ict-jobs-title">
      <h2 id="ict-jobs-title">{t('ictTeam.jobsTitle')}</h2>
      {team.content.jobDescriptions.map((job) => (
        <div key={job.id}>
          <h3>{text(job.title)}</h3>
          <p>{text(job.summary)}</p>
          <p className="muted">{job.roles.map(text).join(' · ')}</p>
        </div>
      ))}
      <p className="muted">
        {team.content.jobDescriptionsSource.note} <a href={team.content.jobDescriptionsSource.url}>{team.content.jobDescriptionsSource.url}</a>
      </p>
    </section>
  );
}
