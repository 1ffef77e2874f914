import { z } from 'zod';
import { localeSchema } from './api';

/** What the login and invitation pages need to know to offer the identity provider's button. */
export const identityProviderSchema = z
  .object({
    enabled: z.boolean(),
    name: z.string().nullable().describe('The label for "Log in with …"; null shows a generic label'),
  })
  .meta({ id: 'IdentityProvider' });
export type IdentityProvider = z.infer<typeof identityProviderSchema>;

/**
 * A path of this app to return to. One leading slash, and printable characters only: browsers
 * read `//host`, `/\host` and a slash hidden behind a tab or newline as another site.
 */
export const appPathSchema = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[\x21-\x7e]*$/, 'a path of this app, starting with a single /');

export const oidcStartQuerySchema = z.object({
  next: appPathSchema.optional().describe('Where to land after logging in (no invitation)'),
  invitation: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\w-]+$/, 'an invitation token')
    .optional()
    .describe('The token of the invitation to accept on the way'),
  locale: localeSchema.optional().describe('The language of an account made on the way'),
});
export type OidcStartQuery = z.infer<typeof oidcStartQuerySchema>;

/** The provider's answer; every parameter is checked by the OpenID Connect client, not here. */
export const oidcCallbackQuerySchema = z.looseObject({
  state: z.string().max(500).optional(),
  code: z.string().max(2000).optional(),
  error: z.string().max(200).optional(),
});

export { OIDC_ERROR_PARAM } from './oidc-param';
