import type { ReactNode } from 'react';
import { useI18n } from './i18n';
import { matchPath, useLocation } from './router';
import { useSession } from './platform/session';
import { LoginPage } from './platform/LoginPage';
import { HomePage } from './platform/HomePage';
import { ScanStartPage } from './digisnap/ScanStartPage';
import { ScanPage } from './digisnap/ScanPage';
import { ProfilePage } from './digisnap/ProfilePage';
import { SearchPage } from './catalogue/SearchPage';
import { TrainingPage } from './catalogue/TrainingPage';
import { RecommendationsPage } from './catalogue/RecommendationsPage';
import { MyTrainingsPage } from './catalogue/MyTrainingsPage';
import { ProviderHomePage } from './catalogue/provider/ProviderHomePage';
import { ProviderTrainingPage } from './catalogue/provider/ProviderTrainingPage';
import { NotFoundPage } from './components/NotFoundPage';
import { Loading } from './components/Loading';
import { Redirect } from './components/Redirect';
import { TopBar } from './components/TopBar';
import { InvitationPage } from './school/InvitationPage';
import { JoinPage } from './school/JoinPage';
import { SchoolPage } from './school/SchoolPage';
import { CampaignsPage } from './school/campaign/CampaignsPage';
import { ReportPage } from './school/campaign/ReportPage';
import { TrainingPlanPage } from './school/training-plan/TrainingPlanPage';
import { TrainingBudgetPage } from './school/training-budget/TrainingBudgetPage';
import { CyberCheckPage } from './school/cyber-check/CyberCheckPage';
import { CyberCheckAnswerPage } from './school/cyber-check/CyberCheckAnswerPage';
import { CyberCheckResultPage } from './school/cyber-check/CyberCheckResultPage';
import { PolicyPlanPage } from './school/policy-plan/PolicyPlanPage';
import { reflectionPublicPage, reflectionSchoolPage } from './school/reflection/reflectionRoutes';

/** Pathname → page. Every page but /login needs a session. */
function pageFor(path: string): ReactNode {
  if (path === '/') return <HomePage />;
  if (matchPath('/scan', path)) return <ScanStartPage />;
  const scan = matchPath('/scan/:scanId', path);
  if (scan) return <ScanPage key={scan.scanId} scanId={scan.scanId} />;
  if (matchPath('/profile', path)) return <ProfilePage />;
  if (matchPath('/opleidingen', path)) return <SearchPage />;
  const training = matchPath('/opleidingen/:trainingId', path);
  if (training) return <TrainingPage key={training.trainingId} trainingId={training.trainingId} />;
  if (matchPath('/aanbevelingen', path)) return <RecommendationsPage />;
  if (matchPath('/mijn-opleidingen', path)) return <MyTrainingsPage />;
  if (matchPath('/aanbieder', path)) return <ProviderHomePage />;
  if (matchPath('/aanbieder/opleidingen/nieuw', path)) return <ProviderTrainingPage key="new" />;
  const own = matchPath('/aanbieder/opleidingen/:trainingId', path);
  if (own) return <ProviderTrainingPage key={own.trainingId} trainingId={own.trainingId} />;
  const school = matchPath('/school/:schoolId', path);
  if (school) return <SchoolPage key={school.schoolId} schoolId={school.schoolId} />;
  const campaigns = matchPath('/school/:schoolId/digisnap', path);
  if (campaigns) return <CampaignsPage key={campaigns.schoolId} schoolId={campaigns.schoolId} />;
  const report = matchPath('/school/:schoolId/digisnap/:campaignId/rapport', path);
  if (report) return <ReportPage key={`${report.schoolId}/${report.campaignId}`} schoolId={report.schoolId} campaignId={report.campaignId} />;
  const trainingPlan = matchPath('/school/:schoolId/opleidingsplan', path);
  if (trainingPlan) return <TrainingPlanPage key={trainingPlan.schoolId} schoolId={trainingPlan.schoolId} />;
  const budget = matchPath('/school/:schoolId/budget', path);
  if (budget) return <TrainingBudgetPage key={budget.schoolId} schoolId={budget.schoolId} />;
  const policyPlan = matchPath('/school/:schoolId/ict-beleidsplan', path);
  if (policyPlan) return <PolicyPlanPage key={policyPlan.schoolId} schoolId={policyPlan.schoolId} />;
  const cyber = matchPath('/school/:schoolId/cybercheck', path);
  if (cyber) return <CyberCheckPage key={cyber.schoolId} schoolId={cyber.schoolId} />;
  const cyberCheck = matchPath('/school/:schoolId/cybercheck/:checkId', path);
  if (cyberCheck) return <CyberCheckAnswerPage key={cyberCheck.checkId} schoolId={cyberCheck.schoolId} checkId={cyberCheck.checkId} />;
  const cyberResult = matchPath('/school/:schoolId/cybercheck/:checkId/resultaat', path);
  if (cyberResult) return <CyberCheckResultPage key={cyberResult.checkId} schoolId={cyberResult.schoolId} checkId={cyberResult.checkId} />;
  return reflectionSchoolPage(path) ?? <NotFoundPage />;
}

function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <TopBar />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

export function App() {
  const { status, user } = useSession();
  const { path } = useLocation();

  if (status === 'loading') {
    return (
      <Layout>
        <Loading />
      </Layout>
    );
  }
  // The links in invitation mails and join links open with or without a session.
  const invitation = matchPath('/uitnodiging/:token', path);
  if (invitation) return <Layout><InvitationPage key={invitation.token} token={invitation.token} /></Layout>;
  const join = matchPath('/aansluiten/:code', path);
  if (join) return <Layout><JoinPage key={join.code} code={join.code} /></Layout>;
  // Pupils answer the school reflection without an account.
  const reflection = reflectionPublicPage(path);
  if (reflection) return <Layout>{reflection}</Layout>;
  const isLogin = matchPath('/login', path) !== null;
  if (!user && !isLogin) return <Redirect to="/login" />;
  if (user && isLogin) return <Redirect to="/" />;
  return <Layout>{isLogin ? <LoginPage /> : pageFor(path)}</Layout>;
}
