/**
 * The knowledge centre's pages, in the order its sub-navigation lists them: each part of the
 * centre adds its page here (path and the i18n key of its name, under `centre.tabs`).
 */
export const centreTabs = [
  { href: '/kenniscentrum', key: 'centre.tabs.overview', matches: (path: string) => path === '/kenniscentrum' },
  { href: '/kenniscentrum/noden', key: 'centre.tabs.gaps', matches: (path: string) => path === '/kenniscentrum/noden' },
  { href: '/kenniscentrum/acties', key: 'centreActions.nav.actions', matches: (path: string) => path.startsWith('/kenniscentrum/acties') },
  { href: '/kenniscentrum/bootcamps', key: 'centreActions.nav.bootcamps', matches: (path: string) => path === '/kenniscentrum/bootcamps' },
  { href: '/kenniscentrum/ict-teams', key: 'centre.tabs.ictTeams', matches: (path: string) => path === '/kenniscentrum/ict-teams' },
  { href: '/kenniscentrum/opvolging', key: 'centreFollowUp.tab', matches: (path: string) => path === '/kenniscentrum/opvolging' },
] as const;

export const centrePath = '/kenniscentrum';
