import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A person at the identity provider, with the claims it gives about them. */
export interface ProviderPerson {
  sub: string;
  email: string;
  emailVerified: boolean;
  name: string;
}

/**
 * A real OpenID Connect provider (oidc-provider) on a loopback port, with one confidential client
 * and the people `add` puts in. Its development login form takes any password; the tests drive it
 * over HTTP like a browser would.
 */
export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  add(person: Omit<ProviderPerson, 'sub'> & { sub?: string }): ProviderPerson;
  close(): Promise<void>;
}

export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
  const people = new Map<string, ProviderPerson>();
  let handle: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) => response.end();
  const server = createServer((request, response) => handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'digisprong-test';
  const clientSecret = randomBytes(24).toString('base64url');
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    jwks: { keys: [{ ...signingKey, kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: true } },
    // Short lives, said out loud (the provider nags about every default it has to take).
    ttl: { AccessToken: 300, AuthorizationCode: 60, ClientCredentials: 300, IdToken: 300, Interaction: 300, Session: 300, Grant: 300 },
    async findAccount(_context, sub) {
      const person = people.get(sub);
      return (
        person && {
          accountId: sub,
          claims: async () => ({ sub, email: person.email, email_verified: person.emailVerified, name: person.name }),
        }
      );
    },
  });
  handle = provider.callback();

  return {
    issuer,
    clientId,
    clientSecret,
    add(person) {
      const added = { sub: person.sub ?? `person-${randomBytes(6).toString('hex')}`, ...person };
      people.set(added.sub, added);
      return added;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * What a browser does at the provider: follows each redirect by hand, keeps the provider's
 * cookies, fills in the login form (as `sub`) and the consent form, and returns the URL the
 * provider finally sends it to (the app's callback).
 */
export async function loginAtProvider(authorizationUrl: string, sub: string, callbackPrefix: string): Promise<URL> {
  const cookies = new Map<string, string>();
  const send = async (url: URL, form?: Record<string, string>) => {
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
    }
    return response;
  };

  let url = new URL(authorizationUrl);
  let response = await send(url);
  for (let step = 0; step < 12; step += 1) {
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider answered ${response.status} without a redirect: ${await response.text()}`);
    url = new URL(location, url);
    if (url.href.startsWith(callbackPrefix)) return url;
    if (!url.pathname.startsWith('/interaction/')) {
      response = await send(url);
      continue;
    }
    const page = await (await send(url)).text();
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    response = await send(url, prompt === 'login' ? { prompt, login: sub, password: 'any password' } : { prompt: prompt ?? 'consent' });
  }
  throw new Error('the provider never sent the browser back');
}
