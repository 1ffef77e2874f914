import type { WebModule } from '../routing/webModule';
import { pageRoute } from '../routing/webModule';

/** The training catalogue (the search lives in the address of `/opleidingen`) and the provider's pages. */
export const catalogueWeb: WebModule = {
  name: 'catalogue',
  routes: (root) => [
    pageRoute(root, { path: '/opleidingen', page: () => import('./SearchPage'), component: 'SearchPage' }),
    pageRoute(root, {
      path: '/opleidingen/$trainingId',
      page: () => import('./TrainingPage'),
      component: 'TrainingPage',
      props: ({ trainingId }) => ({ trainingId }),
    }),
    pageRoute(root, { path: '/aanbevelingen', page: () => import('./RecommendationsPage'), component: 'RecommendationsPage' }),
    pageRoute(root, { path: '/mijn-opleidingen', page: () => import('./MyTrainingsPage'), component: 'MyTrainingsPage' }),
    pageRoute(root, { path: '/aanbieder', page: () => import('./provider/ProviderHomePage'), component: 'ProviderHomePage' }),
    pageRoute(root, {
      path: '/aanbieder/opleidingen/nieuw',
      page: () => import('./provider/ProviderTrainingPage'),
      component: 'ProviderTrainingPage',
    }),
    pageRoute(root, {
      path: '/aanbieder/opleidingen/$trainingId',
      page: () => import('./provider/ProviderTrainingPage'),
      component: 'ProviderTrainingPage',
      props: ({ trainingId }) => ({ trainingId }),
    }),
  ],
};
