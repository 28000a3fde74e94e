/**
 * E-mail texts in the recipient's language. Each template takes plain parameters and returns
 * a subject and a plain-text body; links are absolute.
 */
import type { Locale } from '@keskusvaraamo/shared';

interface Rendered {
  subject: string;
  text: string;
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
      text: `Hei ${p.name},\n\nvahvista sähköpostiosoitteesi avaamalla linkki:\n${p.link}\n\nLinkki on voimassa 24 tuntia. Jos et luonut tiliä, voit jättää tämän viestin huomiotta.`,
    },
    sv: {
      subject: 'Bekräfta din e-postadress',
      text: `Hej ${p.name},\n\nbekräfta din e-postadress genom att öppna länken:\n${p.link}\n\nLänken gäller i 24 timmar. Om du inte skapade något konto kan du strunta i detta meddelande.`,
    },
    en: {
      subject: 'Confirm your e-mail address',
      text: `Hello ${p.name},\n\nplease confirm your e-mail address by opening this link:\n${p.link}\n\nThe link is valid for 24 hours. If you did not create an account, you can ignore this message.`,
    },
  }),
  'reset-password': (p: { name: string; link: string }): Record<Locale, Rendered> => ({
    fi: {
      subject: 'Salasanan vaihtaminen',
      text: `Hei ${p.name},\n\nvoit valita uuden salasanan tästä linkistä:\n${p.link}\n\nLinkki on voimassa tunnin ja toimii kerran. Jos et pyytänyt salasanan vaihtoa, voit jättää tämän viestin huomiotta.`,
    },
    sv: {
      subject: 'Byt lösenord',
      text: `Hej ${p.name},\n\ndu kan välja ett nytt lösenord via länken:\n${p.link}\n\nLänken gäller i en timme och fungerar en gång. Om du inte bad om ett nytt lösenord kan du strunta i detta meddelande.`,
    },
    en: {
      subject: 'Reset your password',
      text: `Hello ${p.name},\n\nyou can choose a new password with this link:\n${p.link}\n\nThe link is valid for one hour and works once. If you did not ask for a new password, you can ignore this message.`,
    },
  }),
  'sign-up-existing': (p: { name: string; signInLink: string; resetLink: string }): Record<Locale, Rendered> => ({
    fi: {
      subject: 'Joku yritti luoda tilin osoitteellasi',
      text: `Hei ${p.name},\n\njoku (ehkä sinä) yritti luoda Osaamisen keskusvaraamoon uuden tilin tällä sähköpostiosoitteella, mutta osoitteella on jo tili.\n\nKirjaudu sisään:\n${p.signInLink}\n\nJos olet unohtanut salasanasi, valitse uusi:\n${p.resetLink}\n\nJos et yrittänyt luoda tiliä, voit jättää tämän viestin huomiotta: tilillesi ei ole tehty muutoksia.`,
    },
    sv: {
      subject: 'Någon försökte skapa ett konto med din adress',
      text: `Hej ${p.name},\n\nnågon (kanske du) försökte skapa ett nytt konto i Osaamisen keskusvaraamo med den här e-postadressen, men adressen har redan ett konto.\n\nLogga in:\n${p.signInLink}\n\nOm du har glömt ditt lösenord kan du välja ett nytt:\n${p.resetLink}\n\nOm det inte var du kan du strunta i detta meddelande: ditt konto har inte ändrats.`,
    },
    en: {
      subject: 'Someone tried to sign up with your address',
      text: `Hello ${p.name},\n\nsomeone (perhaps you) tried to create a new Osaamisen keskusvaraamo account with this e-mail address, but the address already has an account.\n\nSign in:\n${p.signInLink}\n\nIf you have forgotten your password, choose a new one:\n${p.resetLink}\n\nIf it was not you, you can ignore this message: nothing has changed in your account.`,
    },
  }),
  'organisation-invitation': (p: {
    inviter: string;
    organisation: string;
    link: string;
  }): Record<Locale, Rendered> => ({
    fi: {
      subject: `Kutsu: ${p.organisation}`,
      text: `Hei,\n\n${p.inviter} kutsuu sinut organisaatioon ${p.organisation} Osaamisen keskusvaraamossa.\nHyväksy kutsu tästä linkistä:\n${p.link}\n\nKutsu on voimassa 7 päivää.`,
    },
    sv: {
      subject: `Inbjudan: ${p.organisation}`,
      text: `Hej,\n\n${p.inviter} bjuder in dig till organisationen ${p.organisation} i Osaamisen keskusvaraamo.\nTa emot inbjudan via länken:\n${p.link}\n\nInbjudan gäller i 7 dagar.`,
    },
    en: {
      subject: `Invitation: ${p.organisation}`,
      text: `Hello,\n\n${p.inviter} invites you to join ${p.organisation} on Osaamisen keskusvaraamo.\nAccept the invitation with this link:\n${p.link}\n\nThe invitation is valid for 7 days.`,
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
        text: `Hei,\n\n${why.fi[p.how]}\n\nNimesi, sähköpostiosoitteesi, profiilisi, hakemuskirjeesi, viestiesi tekstit ja osallistujatietosi on poistettu, tulevat varauksesi peruttu, avoimet hakemuksesi peruttu ja avoimet tarpeesi suljettu. Kirjautuminen on päättynyt kaikilla laitteilla. Tilastoihin jää vain nimettömiä lukuja.\n\nTämä on viimeinen viesti, jonka saat palvelusta. Jos et itse pyytänyt poistoa, ota yhteyttä palvelun ylläpitäjään.`,
      },
      sv: {
        subject: 'Ditt konto har raderats',
        text: `Hej,\n\n${why.sv[p.how]}\n\nDitt namn, din e-postadress, din profil, dina ansökningsbrev, texterna i dina meddelanden och dina deltagaruppgifter har tagits bort, dina kommande bokningar och öppna ansökningar har återkallats och dina öppna behov har stängts. Du har loggats ut på alla enheter. I statistiken finns bara anonyma siffror kvar.\n\nDetta är det sista meddelandet du får från tjänsten. Om du inte själv bad om raderingen, kontakta tjänstens administratör.`,
      },
      en: {
        subject: 'Your account has been deleted',
        text: `Hello,\n\n${why.en[p.how]}\n\nYour name, e-mail address, profile, cover letters, the text of your messages and your participant details have been removed, your future bookings and open applications have been cancelled and withdrawn, and your open needs have been closed. You have been signed out on every device. Only anonymous figures remain in the statistics.\n\nThis is the last message you will receive from the service. If you did not ask for this, please contact the service's administrator.`,
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
        text: `${lines.join('\n')}\n\n${message}:\n${p.message}\n\n${notes}`,
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
        text: `Hei ${p.name},\n\net ole käyttänyt Osaamisen keskusvaraamon tiliäsi pitkään aikaan. Emme säilytä tietoja tarpeettomasti, joten tilisi ja sen henkilötiedot poistetaan ${on('fi-FI')}.\n\nJos haluat pitää tilisi, kirjaudu sisään ennen sitä:\n${p.signInLink}\n\nJos et enää tarvitse tiliä, sinun ei tarvitse tehdä mitään. Voit myös ladata tietosi tai poistaa tilisi heti tilisivultasi.`,
      },
      sv: {
        subject: 'Ditt konto tas bort om du inte loggar in',
        text: `Hej ${p.name},\n\ndu har inte använt ditt konto i Osaamisen keskusvaraamo på länge. Vi sparar inte uppgifter i onödan, så ditt konto och dess personuppgifter tas bort den ${on('sv-FI')}.\n\nOm du vill behålla kontot, logga in före det:\n${p.signInLink}\n\nOm du inte längre behöver kontot behöver du inte göra något. Du kan också ladda ner dina uppgifter eller ta bort kontot genast på din kontosida.`,
      },
      en: {
        subject: 'Your account will be removed unless you sign in',
        text: `Hello ${p.name},\n\nyou have not used your Osaamisen keskusvaraamo account for a long time. We do not keep data we no longer need, so your account and its personal data will be removed on ${on('en-GB')}.\n\nIf you want to keep your account, sign in before then:\n${p.signInLink}\n\nIf you no longer need the account, you need not do anything. You can also download your data or delete your account at once on your account page.`,
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
