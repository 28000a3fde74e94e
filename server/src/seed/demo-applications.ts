/**
 * Demo students' applications to Tunturienergia Oy's placements (the demo entrepreneur's company),
 * in different states, and a short conversation on one. The demo student's internship application
 * has an offer waiting: accepting it fills the internship and turns the others down.
 */
import type { ApplicationState, PlacementKind } from '@keskusvaraamo/shared';

export interface DemoApplication {
  /** The student's account key. */
  student: string;
  /** The need: its poster's account key and kind (each demo company has one placement of a kind). */
  need: { by: string; kind: PlacementKind };
  /** Where the company and the student have taken it; SUBMITTED unless told. */
  state?: Exclude<ApplicationState, 'ACCEPTED'>;
  coverLetter: string;
  /** The company's reason, for a rejection. */
  reason?: string;
}

export interface DemoMessage {
  by: string;
  body: string;
}

const INTERNSHIP = { by: 'entrepreneur', kind: 'INTERNSHIP' } as const;
const SUMMER_JOB = { by: 'entrepreneur', kind: 'SUMMER_JOB' } as const;

export const DEMO_APPLICATIONS: DemoApplication[] = [
  {
    student: 'student',
    need: INTERNSHIP,
    state: 'OFFERED',
    coverLetter:
      'Hei! Olen sähköasentajaopiskelija REDUsta Ivalosta, ja aurinkosähkö on minulle alan kiinnostavin osa. ' +
      'Olen tehnyt koulussa aurinkopaneelien kytkentöjä ja asentanut kotona ilmalämpöpumpun isäni kanssa. ' +
      'Salla on minulle tuttu, ja majoituksen järjestyminen yrityksen kautta helpottaisi muuttoa kesäksi. ' +
      'Puhun suomea, pohjoissaamea ja englantia, mistä voi olla hyötyä lomakylien asiakkaiden kanssa.',
  },
  {
    student: 'student.aleksi.korhonen',
    need: INTERNSHIP,
    coverLetter:
      'Olen kolmannen vuoden energiatekniikan opiskelija Lapin AMK:sta. Tein viime kesänä aurinkosähköasennuksia ' +
      'Rovaniemellä ja haluaisin nyt oppia myös lämpöpumppujen käyttöönottoja. Minulla on B-ajokortti ja oma auto.',
  },
  {
    student: 'student.emma.lehtonen',
    need: INTERNSHIP,
    state: 'SHORTLISTED',
    coverLetter:
      'Opiskelen energiatekniikkaa ja erikoistun rakennusten energiatehokkuuteen. Lämpöpumppujen mitoitus ja ' +
      'energiakatselmukset kiinnostavat minua, ja haluaisin nähdä, miten asennukset tehdään käytännössä.',
  },
  {
    student: 'student.joonas.heikkinen',
    need: INTERNSHIP,
    state: 'REJECTED',
    reason: 'Valitsimme jatkoon hakijoita, joilla on jo kokemusta asennustöistä. Kiitos hakemuksesta ja onnea jatkoon!',
    coverLetter:
      'Opiskelen sähköasentajaksi Lappiassa ja haen harjoittelupaikkaa kesäksi. Asennustöistä minulla ei vielä ' +
      'ole kokemusta, mutta opin nopeasti ja teen mielelläni pitkiäkin päiviä.',
  },
  {
    student: 'student',
    need: SUMMER_JOB,
    coverLetter:
      'Haen myös kesätyötä asennustiimissänne siltä varalta, ettei harjoittelu järjesty. Minulla on B-ajokortti, ' +
      'ja olen tottunut fyysiseen ulkotyöhön.',
  },
  {
    student: 'student.venla.rautiainen',
    need: SUMMER_JOB,
    state: 'WITHDRAWN',
    coverLetter:
      'Opiskelen tradenomiksi, mutta olen tehnyt kesätöitä rakennuksilla ja viihdyn ulkotöissä. Olisin ' +
      'kiinnostunut kesätyöstä apuasentajana. Minulla on B-ajokortti.',
  },
  {
    student: 'student.eetu.niskanen',
    need: SUMMER_JOB,
    coverLetter:
      'Hei, opiskelen metsäalaa REDUssa ja etsin kesäksi fyysistä ulkotyötä. Kantaminen ja kiinnitystyöt ' +
      'sujuvat, ja B-ajokortti löytyy.',
  },
];

/** The conversation on the demo student's internship application, oldest first. */
export const DEMO_CONVERSATION: {
  application: { student: string; need: DemoApplication['need'] };
  messages: DemoMessage[];
} = {
  application: { student: 'student', need: INTERNSHIP },
  messages: [
    {
      by: 'entrepreneur',
      body:
        'Hei Sami! Kiitos hakemuksestasi. Tarjosimme sinulle harjoittelupaikkaa. Sopisiko aloitus kesäkuun ' +
        'ensimmäisellä viikolla? Majoitus olisi lomakylän henkilökunta-asunnossa.',
    },
    {
      by: 'student',
      body: 'Kiitos paljon! Kesäkuun alku sopii hyvin. Tarvitsenko omat turvakengät vai saako ne teiltä?',
    },
    {
      by: 'entrepreneur',
      body: 'Työvaatteet ja turvakengät saat meiltä. Hyväksy tarjous palvelussa, niin lähetän työsopimuksen.',
    },
  ],
};
