import { formatDateTime } from '../../../shared/i18n/format';
import type { Locale } from '../../../shared/platform/api';
import type { MailMessage } from '../mail/mail.service';

export interface PasswordResetMailInput {
  locale: Locale;
  to: string;
  name: string;
  link: string;
  expiresAt: string;
}

/** The mail with a link to choose a new password, in the account's language. */
export function passwordResetMail(input: PasswordResetMailInput): MailMessage {
  const until = formatDateTime(input.expiresAt, input.locale);
  const text =
    input.locale === 'en'
      ? [
          `Hello ${input.name},`,
          '',
          'Someone (you, we hope) asked to choose a new password for your Digisprong account. Open the link below to do so:',
          '',
          input.link,
          '',
          `The link works once, until ${until}. Did you not ask for this? Then ignore this mail: your password stays as it is.`,
          '',
          'Digisprong',
        ]
      : [
          `Dag ${input.name},`,
          '',
          'Iemand (jij, hopen we) vroeg om een nieuw wachtwoord te kiezen voor je account op Digisprong. Open de link hieronder om dat te doen:',
          '',
          input.link,
          '',
          `De link werkt één keer, tot ${until}. Vroeg je dit niet? Negeer deze mail dan: je wachtwoord blijft zoals het is.`,
          '',
          'Digisprong',
        ];
  const subject = input.locale === 'en' ? 'Choose a new password for Digisprong' : 'Kies een nieuw wachtwoord voor Digisprong';
  return { to: input.to, subject, text: text.join('\n') };
}
