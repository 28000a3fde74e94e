/**
 * E-mail texts in the recipient's language. Each template takes plain parameters and returns
 * a subject and its body as blocks (layout.ts renders them as text and as HTML); links are
 * absolute, and each link that does something has a label for its button.
 */
import type { Locale } from '@keskusvaraamo/shared';
import type { Block } from './layout.js';

interface Rendered {
  subject: string;
  blocks: Block[];
}

export const SIGNATURE: Record<Locale, string> = {
  fi: 'Osaamisen keskusvaraamo – Lapin maaseudun energiaklusteri',
  sv: 'Osaamisen keskusvaraamo – Lapplands klusterför landsbygdsenergi',
  en: 'Osaamisen keskusvaraamo – Lapland rural energy cluster',
};

const templates = {
  'verify-email': (p: { name: string; link: string }): Record<Locale, Rendered> => ({
    fi: {
      subject: 'Vahvista sähköpostiosoitteesi',
      blocks: [
        `Hei ${p.name},`,
        { lead: 'vahvista sähköpostiosoitteesi avaamalla linkki:', action: 'Vahvista sähköpostiosoite', url: p.link },
        'Linkki on voimassa 24 tuntia. Jos et luonut tiliä, voit jättää tämän viestin huomiotta.',
      ],
    },
    sv: {
      subject: 'Bekräfta din e-postadress',
      blocks: [
        `Hej ${p.name},`,
        { lead: 'bekräfta din e-postadress genom att öppna länken:', action: 'Bekräfta e-postadressen', url: p.link },
        'Länken gäller i 24 timmar. Om du inte skapade något konto kan du strunta i detta meddelande.',
      ],
    },
    en: {
      subject: 'Confirm your e-mail address',
      blocks: [
        `Hello ${p.name},`,
        {
          lead: 'please confirm your e-mail address by opening this link:',
          action: 'Confirm e-mail address',
          url: p.link,
        },
        'The link is valid for 24 hours. If you did not create an account, you can ignore this message.',
      ],
    },
  }),
  'reset-password': (p: { name: string; link: string }): Record<Locale, Rendered> => ({
    fi: {
      subject: 'Salasanan vaihtaminen',
      blocks: [
        `Hei ${p.name},`,
        { lead: 'voit valita uuden salasanan tästä linkistä:', action: 'Valitse uusi salasana', url: p.link },
        'Linkki on voimassa tunnin ja toimii kerran. Jos et pyytänyt salasanan vaihtoa, voit jättää tämän viestin huomiotta.',
      ],
    },
    sv: {
      subject: 'Byt lösenord',
      blocks: [
        `Hej ${p.name},`,
        { lead: 'du kan välja ett nytt lösenord via länken:', action: 'Välj ett nytt lösenord', url: p.link },
        'Länken gäller i en timme och fungerar en gång. Om du inte bad om ett nytt lösenord kan du strunta i detta meddelande.',
      ],
    },
    en: {
      subject: 'Reset your password',
      blocks: [
        `Hello ${p.name},`,
        { lead: 'you can choose a new password with this link:', action: 'Choose a new password', url: p.link },
        'The link is valid for one hour and works once. If you did not ask for a new password, you can ignore this message.',
      ],
    },
  }),
  'sign-up-existing': (p: { name: string; signInLink: string; resetLink: string }): Record<Locale, Rendered> => ({
    fi: {
      subject: 'Joku yritti luoda tilin osoitteellasi',
      blocks: [
        `Hei ${p.name},`,
        'joku (ehkä sinä) yritti luoda Osaamisen keskusvaraamoon uuden tilin tällä sähköpostiosoitteella, mutta osoitteella on jo tili.',
        { action: 'Kirjaudu sisään', url: p.signInLink },
        { lead: 'Jos olet unohtanut salasanasi, valitse uusi:', action: 'Valitse uusi salasana', url: p.resetLink },
        'Jos et yrittänyt luoda tiliä, voit jättää tämän viestin huomiotta: tilillesi ei ole tehty muutoksia.',
      ],
    },
    sv: {
      subject: 'Någon försökte skapa ett konto med din adress',
      blocks: [
        `Hej ${p.name},`,
        'någon (kanske du) försökte skapa ett nytt konto i Osaamisen keskusvaraamo med den här e-postadressen, men adressen har redan ett konto.',
        { action: 'Logga in', url: p.signInLink },
        {
          lead: 'Om du har glömt ditt lösenord kan du välja ett nytt:',
          action: 'Välj ett nytt lösenord',
          url: p.resetLink,
        },
        'Om det inte var du kan du strunta i detta meddelande: ditt konto har inte ändrats.',
      ],
    },
    en: {
      subject: 'Someone tried to sign up with your address',
      blocks: [
        `Hello ${p.name},`,
        'someone (perhaps you) tried to create a new Osaamisen keskusvaraamo account with this e-mail address, but the address already has an account.',
        { action: 'Sign in', url: p.signInLink },
        {
          lead: 'If you have forgotten your password, choose a new one:',
          action: 'Choose a new password',
          url: p.resetLink,
        },
        'If it was not you, you can ignore this message: nothing has changed in your account.',
      ],
    },
  }),
  'organisation-invitation': (p: {
    inviter: string;
    organisation: string;
    link: string;
  }): Record<Locale, Rendered> => ({
    fi: {
      subject: `Kutsu: ${p.organisation}`,
      blocks: [
        'Hei,',
        {
          lead: `${p.inviter} kutsuu sinut organisaatioon ${p.organisation} Osaamisen keskusvaraamossa.\nHyväksy kutsu tästä linkistä:`,
          action: 'Hyväksy kutsu',
          url: p.link,
        },
        'Kutsu on voimassa 7 päivää.',
      ],
    },
    sv: {
      subject: `Inbjudan: ${p.organisation}`,
      blocks: [
        'Hej,',
        {
          lead: `${p.inviter} bjuder in dig till organisationen ${p.organisation} i Osaamisen keskusvaraamo.\nTa emot inbjudan via länken:`,
          action: 'Ta emot inbjudan',
          url: p.link,
        },
        'Inbjudan gäller i 7 dagar.',
      ],
    },
    en: {
      subject: `Invitation: ${p.organisation}`,
      blocks: [
        'Hello,',
        {
          lead: `${p.inviter} invites you to join ${p.organisation} on Osaamisen keskusvaraamo.\nAccept the invitation with this link:`,
          action: 'Accept the invitation',
          url: p.link,
        },
        'The invitation is valid for 7 days.',
      ],
    },
  }),
  // The last e-mail to an erased person (privacy/erasure.ts), to the address captured before it was
  // anonymised; queued without a user id, so the erasure's own cleanup of their e-mail keeps it.
  'account-deleted': (p: { how: 'DELETED' | 'ERASED' | 'EXPIRED' }): Record<Locale, Rendered> => {
    const why = {
      fi: {
        DELETED: 'Poistit tilisi Osaamisen keskusvaraamosta.',
        ERASED: 'Ylläpitäjä poisti tilisi Osaamisen keskusvaraamosta pyynnöstäsi.',
        EXPIRED:
          'Tiliäsi Osaamisen keskusvaraamossa ei ollut käytetty pitkään aikaan, joten se poistettiin, kuten ilmoitimme.',
      },
      sv: {
        DELETED: 'Du har raderat ditt konto i Osaamisen keskusvaraamo.',
        ERASED: 'En administratör har raderat ditt konto i Osaamisen keskusvaraamo på din begäran.',
        EXPIRED:
          'Ditt konto i Osaamisen keskusvaraamo hade inte använts på länge och har därför raderats, som vi meddelade.',
      },
      en: {
        DELETED: 'You have deleted your Osaamisen keskusvaraamo account.',
        ERASED: 'An administrator has erased your Osaamisen keskusvaraamo account at your request.',
        EXPIRED:
          'Your Osaamisen keskusvaraamo account had not been used for a long time, so it has been removed, as we told you.',
      },
    } as const;
    return {
      fi: {
        subject: 'Tilisi on poistettu',
        blocks: [
          'Hei,',
          why.fi[p.how],
          `Nimesi, sähköpostiosoitteesi, profiilisi, hakemuskirjeesi, viestiesi tekstit ja osallistujatietosi on poistettu, tulevat varauksesi peruttu, avoimet hakemuksesi peruttu ja avoimet tarpeesi suljettu. Kirjautuminen on päättynyt kaikilla laitteilla. Tilastoihin jää vain nimettömiä lukuja.`,
          'Tämä on viimeinen viesti, jonka saat palvelusta. Jos et itse pyytänyt poistoa, ota yhteyttä palvelun ylläpitäjään.',
        ],
      },
      sv: {
        subject: 'Ditt konto har raderats',
        blocks: [
          'Hej,',
          why.sv[p.how],
          `Ditt namn, din e-postadress, din profil, dina ansökningsbrev, texterna i dina meddelanden och dina deltagaruppgifter har tagits bort, dina kommande bokningar och öppna ansökningar har återkallats och dina öppna behov har stängts. Du har loggats ut på alla enheter. I statistiken finns bara anonyma siffror kvar.`,
          'Detta är det sista meddelandet du får från tjänsten. Om du inte själv bad om raderingen, kontakta tjänstens administratör.',
        ],
      },
      en: {
        subject: 'Your account has been deleted',
        blocks: [
          'Hello,',
          why.en[p.how],
          `Your name, e-mail address, profile, cover letters, the text of your messages and your participant details have been removed, your future bookings and open applications have been cancelled and withdrawn, and your open needs have been closed. You have been signed out on every device. Only anonymous figures remain in the statistics.`,
          "This is the last message you will receive from the service. If you did not ask for this, please contact the service's administrator.",
        ],
      },
    };
  },
  // Feedback from the contact page to the operator (privacy/legal.ts); the sender's own text goes
  // in the body only. The outbox has no Reply-To, so the answer address is given in the text.
  feedback: (p: {
    topic: 'ACCESSIBILITY' | 'PRIVACY' | 'GENERAL';
    message: string;
    name: string | null;
    email: string | null;
    page: string | null;
    senderLocale: Locale | null;
    signedIn: boolean;
  }): Record<Locale, Rendered> => {
    const topics = {
      fi: { ACCESSIBILITY: 'saavutettavuus', PRIVACY: 'tietosuoja', GENERAL: 'yleinen palaute' },
      sv: { ACCESSIBILITY: 'tillgänglighet', PRIVACY: 'dataskydd', GENERAL: 'allmän respons' },
      en: { ACCESSIBILITY: 'accessibility', PRIVACY: 'data protection', GENERAL: 'general feedback' },
    } as const;
    const languages = {
      fi: { fi: 'suomi', sv: 'ruotsi', en: 'englanti' },
      sv: { fi: 'finska', sv: 'svenska', en: 'engelska' },
      en: { fi: 'Finnish', sv: 'Swedish', en: 'English' },
    } as const;
    const due = {
      fi: {
        ACCESSIBILITY:
          'Saavutettavuuspalautteeseen on vastattava 14 päivän kuluessa (laki digitaalisten palvelujen tarjoamisesta 306/2019).',
        PRIVACY:
          'Rekisteröidyn pyyntöön on vastattava viimeistään kuukauden kuluessa (tietosuoja-asetuksen 12 artikla).',
        GENERAL: '',
      },
      sv: {
        ACCESSIBILITY:
          'Respons om tillgänglighet ska besvaras inom 14 dagar (lagen om tillhandahållande av digitala tjänster 306/2019).',
        PRIVACY: 'Den registrerades begäran ska besvaras senast inom en månad (artikel 12 i dataskyddsförordningen).',
        GENERAL: '',
      },
      en: {
        ACCESSIBILITY:
          'Accessibility feedback must be answered within 14 days (Act on the Provision of Digital Services 306/2019).',
        PRIVACY: "A data subject's request must be answered within one month at the latest (Article 12 GDPR).",
        GENERAL: '',
      },
    } as const;
    const labels = {
      fi: [
        'Palaute',
        'Aihe',
        'Sivu',
        'Lähettäjä',
        'Vastausosoite',
        'Lähettäjän kieli',
        'Kirjautunut käyttäjä',
        'Viesti',
        'ei annettu',
        'kyllä',
        'ei',
        'Vastaa lähettäjälle tähän osoitteeseen (ei tämän viestin lähettäjäosoitteeseen).',
        'Lähettäjä ei antanut osoitetta: palautteeseen ei voi vastata suoraan.',
      ],
      sv: [
        'Respons',
        'Ämne',
        'Sida',
        'Avsändare',
        'Svarsadress',
        'Avsändarens språk',
        'Inloggad användare',
        'Meddelande',
        'inte angiven',
        'ja',
        'nej',
        'Svara avsändaren på den här adressen (inte på detta meddelandes avsändaradress).',
        'Avsändaren angav ingen adress: responsen kan inte besvaras direkt.',
      ],
      en: [
        'Feedback',
        'Topic',
        'Page',
        'Sender',
        'Reply to',
        "Sender's language",
        'Signed-in user',
        'Message',
        'not given',
        'yes',
        'no',
        "Answer the sender at this address (not this message's sender address).",
        'The sender gave no address: the feedback cannot be answered directly.',
      ],
    } as const;
    const render = (l: Locale): Rendered => {
      const [title, topic, page, sender, replyTo, language, signedIn, message, none, yes, no, answer, anonymous] =
        labels[l];
      const lines = [
        `${topic}: ${topics[l][p.topic]}`,
        `${page}: ${p.page ?? none}`,
        `${sender}: ${p.name ?? none}`,
        `${replyTo}: ${p.email ?? none}`,
        `${language}: ${p.senderLocale ? languages[l][p.senderLocale] : none}`,
        `${signedIn}: ${p.signedIn ? yes : no}`,
      ];
      const notes = [p.email ? answer : anonymous, due[l][p.topic]].filter(Boolean).join('\n');
      return {
        subject: `${title}: ${topics[l][p.topic]}`,
        blocks: [lines.join('\n'), `${message}:\n${p.message}`, notes],
      };
    };
    return { fi: render('fi'), sv: render('sv'), en: render('en') };
  },
  'account-inactive': (p: { name: string; signInLink: string; removalOn: string }): Record<Locale, Rendered> => {
    const on = (tag: string) =>
      new Intl.DateTimeFormat(tag, { timeZone: 'Europe/Helsinki', dateStyle: 'long' }).format(new Date(p.removalOn));
    return {
      fi: {
        subject: 'Tilisi poistetaan, ellet kirjaudu sisään',
        blocks: [
          `Hei ${p.name},`,
          `et ole käyttänyt Osaamisen keskusvaraamon tiliäsi pitkään aikaan. Emme säilytä tietoja tarpeettomasti, joten tilisi ja sen henkilötiedot poistetaan ${on('fi-FI')}.`,
          {
            lead: 'Jos haluat pitää tilisi, kirjaudu sisään ennen sitä:',
            action: 'Kirjaudu sisään',
            url: p.signInLink,
          },
          'Jos et enää tarvitse tiliä, sinun ei tarvitse tehdä mitään. Voit myös ladata tietosi tai poistaa tilisi heti tilisivultasi.',
        ],
      },
      sv: {
        subject: 'Ditt konto tas bort om du inte loggar in',
        blocks: [
          `Hej ${p.name},`,
          `du har inte använt ditt konto i Osaamisen keskusvaraamo på länge. Vi sparar inte uppgifter i onödan, så ditt konto och dess personuppgifter tas bort den ${on('sv-FI')}.`,
          { lead: 'Om du vill behålla kontot, logga in före det:', action: 'Logga in', url: p.signInLink },
          'Om du inte längre behöver kontot behöver du inte göra något. Du kan också ladda ner dina uppgifter eller ta bort kontot genast på din kontosida.',
        ],
      },
      en: {
        subject: 'Your account will be removed unless you sign in',
        blocks: [
          `Hello ${p.name},`,
          `you have not used your Osaamisen keskusvaraamo account for a long time. We do not keep data we no longer need, so your account and its personal data will be removed on ${on('en-GB')}.`,
          { lead: 'If you want to keep your account, sign in before then:', action: 'Sign in', url: p.signInLink },
          'If you no longer need the account, you need not do anything. You can also download your data or delete your account at once on your account page.',
        ],
      },
    };
  },
};

export type TemplateName = keyof typeof templates;
export const isTemplateName = (name: string): name is TemplateName => Object.hasOwn(templates, name);
export type TemplateParams<N extends TemplateName> = Parameters<(typeof templates)[N]>[0];

export function renderEmail<N extends TemplateName>(name: N, locale: Locale, params: TemplateParams<N>): Rendered {
  return (templates[name] as (p: TemplateParams<N>) => Record<Locale, Rendered>)(params)[locale];
}
