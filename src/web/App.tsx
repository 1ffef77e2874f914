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
import { CampaignsPage } from './school/CampaignsPage';
import { ReportPage } from './school/ReportPage';

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
  return <NotFoundPage />;
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
  const isLogin = matchPath('/login', path) !== null;
  if (!user && !isLogin) return <Redirect to="/login" />;
  if (user && isLogin) return <Redirect to="/" />;
  return <Layout>{isLogin ? <LoginPage /> : pageFor(path)}</Layout>;
}
