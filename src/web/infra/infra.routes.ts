import type { WebModule } from '../routing/webModule';
import { pageRoute } from '../routing/webModule';

/**
 * The ICT park of a school: its devices, one device with its lifecycle, a new device, the import, the loans, the funding,
 * decommission batches and the replacement forecast, its figures; and a board's view of all its schools, their funding and figures.
 */
export const infraWeb: WebModule = {
  name: 'infra',
  routes: (root) => [
    pageRoute(root, {
      path: '/school/$schoolId/ictpark',
      page: () => import('./DeviceListPage'),
      component: 'DeviceListPage',
      props: ({ schoolId }) => ({ schoolId }),
    }),
    pageRoute(root, {
      path: '/school/$schoolId/ictpark/nieuw',
      page: () => import('./DeviceFormPage'),
      component: 'NewDevicePage',
      props: ({ schoolId }) => ({ schoolId }),
    }),
    pageRoute(root, {
      path: '/school/$schoolId/ictpark/importeren',
      page: () => import('./DeviceImportPage'),
      component: 'DeviceImportPage',
      props: ({ schoolId }) => ({ schoolId }),
    }),
    pageRoute(root, {
      path: '/school/$schoolId/ictpark/uitleningen',
      page: () => import('./LoanListPage'),
      component: 'LoanListPage',
      props: ({ schoolId }) => ({ schoolId }),
    }),
    pageRoute(root, {
      path: '/school/$schoolId/ictpark/uitleningen/klas',
      page: () => import('./BulkLoanPage'),
      component: 'BulkLoanPage',
      props: ({ schoolId }) => ({ schoolId }),
    }),
    pageRoute(root, {
      path: '/school/$schoolId/ictpark/uitleningen/terugnemen',
      page: () => import('./BulkReturnPage'),
      component: 'BulkReturnPage',
      props: ({ schoolId }) => ({ schoolId }),
    }),
    pageRoute(root, {
      path: '/school/$schoolId/ictpark/uitleningen/$loanId',
      page: () => import('./LoanAgreementPage'),
      component: 'LoanAgreementPage',
      props: ({ schoolId, loanId }) => ({ schoolId, loanId }),
    }),
    pageRoute(root, {
      path: '/school/$schoolId/ictpark/financiering',
      page: () => import('./FundingPage'),
      component: 'FundingPage',
      props: ({ schoolId }) => ({ schoolId }),
    }),
    pageRoute(root, {
      path: '/school/$schoolId/ictpark/cijfers',
      page: () => import('./IndicatorsPage'),
      component: 'SchoolIndicatorsPage',
      props: ({ schoolId }) => ({ schoolId }),
    }),
    pageRoute(root, {
      path: '/school/$schoolId/ictpark/uit-dienst',
      page: () => import('./DecommissionListPage'),
      component: 'DecommissionListPage',
      props: ({ schoolId }) => ({ schoolId }),
    }),
    pageRoute(root, {
      path: '/school/$schoolId/ictpark/uit-dienst/nieuw',
      page: () => import('./NewDecommissionBatchPage'),
      component: 'NewDecommissionBatchPage',
      props: ({ schoolId }) => ({ schoolId }),
    }),
    pageRoute(root, {
      path: '/school/$schoolId/ictpark/uit-dienst/$batchId',
      page: () => import('./DecommissionBatchPage'),
      component: 'DecommissionBatchPage',
      props: ({ schoolId, batchId }) => ({ schoolId, batchId }),
    }),
    pageRoute(root, {
      path: '/school/$schoolId/ictpark/vervanging',
      page: () => import('./ReplacementPage'),
      component: 'ReplacementPage',
      props: ({ schoolId }) => ({ schoolId }),
    }),
    pageRoute(root, {
      path: '/school/$schoolId/ictpark/$deviceId',
      page: () => import('./DevicePage'),
      component: 'DevicePage',
      props: ({ schoolId, deviceId }) => ({ schoolId, deviceId }),
    }),
    pageRoute(root, {
      path: '/bestuur/$boardId/ictpark',
      page: () => import('./BoardDevicesPage'),
      component: 'BoardDevicesPage',
      props: ({ boardId }) => ({ boardId }),
    }),
    pageRoute(root, {
      path: '/bestuur/$boardId/ictpark/financiering',
      page: () => import('./BoardFundingPage'),
      component: 'BoardFundingPage',
      props: ({ boardId }) => ({ boardId }),
    }),
    pageRoute(root, {
      path: '/bestuur/$boardId/ictpark/cijfers',
      page: () => import('./IndicatorsPage'),
      component: 'BoardIndicatorsPage',
      props: ({ boardId }) => ({ boardId }),
    }),
  ],
};
