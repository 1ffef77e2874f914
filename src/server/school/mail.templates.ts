import { formatDate } from '../../shared/i18n/format';
import type { Locale } from '../../shared/platform/api';
import type { SchoolRole } from '../../shared/school/schools';
import type { MailMessage } from '../platform/mail/mail.service';

/** The mails of the school module, in Dutch or, for a recipient who chose English, in English. */

const roleNames: Record<Locale, Record<SchoolRole, string>> = {
  nl: { teacher: 'leraar', ict_coordinator: 'ICT-coördinator', principal: 'directeur', board_admin: 'beheerder van het schoolbestuur' },
  en: { teacher: 'teacher', ict_coordinator: 'ICT coordinator', principal: 'principal', board_admin: 'school board administrator' },
};

export interface InvitationMailInput {
  locale: Locale;
  to: string;
  name: string | null;
  schoolName: string;
  inviterName: string;
  role: SchoolRole;
  link: string;
  expiresAt: string;
}

export function invitationMail(input: InvitationMailInput): MailMessage {
  const role = roleNames[input.locale][input.role];
  const until = formatDate(input.expiresAt, input.locale);
  const text =
    input.locale === 'en'
      ? [
          input.name ? `Hello ${input.name},` : 'Hello,',
          '',
          `${input.inviterName} invites you to join the team of ${input.schoolName} on Digisprong, as ${role}.`,
          '',
          'Open the link below and choose a password, or log in if you already have a Digisprong account with this address:',
          'you join the team only by accepting, and it takes less than a minute. You then go straight to Digisnap,',
          'a fifteen-minute look at your own digital skills as a teacher. Your answers and your profile are yours alone;',
          'the school only ever sees figures for the team as a whole.',
          '',
          input.link,
          '',
          `The link works until ${until}. Did you not expect this mail? Then you can simply ignore it.`,
          '',
          'Digisprong',
        ]
      : [
          input.name ? `Dag ${input.name},` : 'Dag,',
          '',
          `${input.inviterName} nodigt je uit in het team van ${input.schoolName} op Digisprong, als ${role}.`,
          '',
          'Open de link hieronder en kies een wachtwoord, of meld je aan als je met dit adres al een Digisprong-account hebt:',
          'je komt pas in het team als je aanvaardt, en dat duurt geen minuut. Daarna begin je meteen aan Digisnap,',
          'een kwartiertje om je eigen digitale vaardigheden als leraar in kaart te brengen. Je antwoorden en je profiel zijn van jou alleen;',
          'de school ziet enkel cijfers over het hele team.',
          '',
          input.link,
          '',
          `De link werkt tot ${until}. Had je deze mail niet verwacht? Dan mag je hem gewoon negeren.`,
          '',
          'Digisprong',
        ];
  const subject = input.locale === 'en' ? `Join the team of ${input.schoolName} on Digisprong` : `Je uitnodiging voor het team van ${input.schoolName} op Digisprong`;
  return { to: input.to, subject, text: text.join('\n'), html: toHtml(text, input.link) };
}

/** The same text as simple HTML, with the link clickable. */
function toHtml(lines: readonly string[], link: string): string {
  const paragraphs = lines
    .join('\n')
    .split(/\n{2,}/)
    .map((paragraph) => (paragraph === link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : `<p>${escapeHtml(paragraph).replace(/\n/g, ' ')}</p>`));
  return `<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">${paragraphs.join('')}</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
