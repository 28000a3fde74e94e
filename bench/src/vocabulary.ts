/**
 * Word lists for the seeded marketplace: titles and descriptions in Finnish, Swedish and English,
 * so that full text search works on a realistic vocabulary (compounds, inflected forms, three
 * stemmers). Topics and municipalities come from the shared data files.
 */
import { MUNICIPALITIES, TOPICS } from '@keskusvaraamo/shared';

type Lang = 'fi' | 'sv' | 'en';
type Phrases = Record<Lang, string[]>;

/** How the common topics appear in titles ("<phrase> <activity>"); other topics use their labels. */
const TOPIC_PHRASES: Record<string, Phrases> = {
  'solar-pv': {
    fi: ['aurinkosähköjärjestelmän', 'aurinkosähkövoimalan', 'aurinkopaneelien', 'aurinkosähkön'],
    sv: ['solcellsanläggningens', 'solpanelernas'],
    en: ['solar PV system', 'solar panel'],
  },
  'wind-power': {
    fi: ['tuulivoimalan', 'tuulivoimapuiston', 'pientuulivoiman'],
    sv: ['vindkraftverkets', 'vindkraftsparkens'],
    en: ['wind turbine', 'wind farm'],
  },
  biogas: {
    fi: ['biokaasulaitoksen', 'biokaasureaktorin', 'maatilan biokaasun'],
    sv: ['biogasanläggningens'],
    en: ['biogas plant', 'farm biogas'],
  },
  'wood-chips': {
    fi: ['hakelämpölaitoksen', 'hakekattilan', 'metsähakkeen', 'hakelämmityksen'],
    sv: ['flisvärmeverkets', 'flispannans'],
    en: ['wood chip heating plant', 'chip boiler'],
  },
  'air-heat-pumps': {
    fi: ['ilmalämpöpumpun', 'lämpöpumppujen', 'ilma-vesilämpöpumpun', 'lämpöpumppu'],
    sv: ['luftvärmepumpens', 'värmepumparnas'],
    en: ['air source heat pump', 'heat pump'],
  },
  'ground-source-heat': {
    fi: ['maalämpöjärjestelmän', 'maalämpöpumpun', 'maalämpökaivon'],
    sv: ['bergvärmesystemets'],
    en: ['ground source heat pump', 'geothermal heat'],
  },
  'energy-audits': {
    fi: ['energiakatselmuksen', 'energiakatselmusten', 'kiinteistön energiakatselmus'],
    sv: ['energikartläggningens'],
    en: ['energy audit'],
  },
  'hot-work-card': {
    fi: ['tulityökortin', 'tulitöiden', 'tulityö'],
    sv: ['heta arbetens'],
    en: ['hot work'],
  },
  'electrical-safety': {
    fi: ['sähköturvallisuuden', 'sähköturvallisuustutkinnon', 'sähköturvallisuus'],
    sv: ['elsäkerhetens'],
    en: ['electrical safety'],
  },
  'energy-storage': {
    fi: ['akkuvaraston', 'energiavaraston', 'lämpövaraston'],
    sv: ['batterilagrets', 'energilagrets'],
    en: ['battery storage', 'energy storage'],
  },
  'district-heating': {
    fi: ['kaukolämpöverkon', 'aluelämpölaitoksen'],
    sv: ['fjärrvärmenätets'],
    en: ['district heating network'],
  },
  pellets: {
    fi: ['pellettilämmityksen', 'pellettikattilan'],
    sv: ['pelletspannans'],
    en: ['pellet boiler'],
  },
  'smart-grids': {
    fi: ['mikroverkon', 'älykkään sähköverkon'],
    sv: ['mikronätets', 'smarta elnätets'],
    en: ['microgrid', 'smart grid'],
  },
  'electric-mobility': {
    fi: ['sähköauton latausaseman', 'latausinfran'],
    sv: ['laddstationens'],
    en: ['EV charging station'],
  },
  'farm-energy': {
    fi: ['maatilan energiaratkaisujen', 'navetan lämmityksen'],
    sv: ['gårdens energilösningars'],
    en: ['farm energy'],
  },
};

/** Activities: the second half of a title. */
const ACTIVITIES: [fi: string, sv: string, en: string][] = [
  ['asennus', 'installation', 'installation'],
  ['huolto', 'service', 'maintenance'],
  ['suunnittelu', 'planering', 'design'],
  ['kunnossapito', 'underhåll', 'upkeep'],
  ['mitoitus', 'dimensionering', 'sizing'],
  ['käyttöönotto', 'driftsättning', 'commissioning'],
  ['kannattavuuslaskelma', 'lönsamhetskalkyl', 'profitability analysis'],
  ['markkinointi', 'marknadsföring', 'marketing'],
  ['kartoitus', 'kartläggning', 'survey'],
  ['koulutus', 'utbildning', 'training'],
  ['etävalvonta', 'fjärrövervakning', 'remote monitoring'],
  ['rakentaminen', 'byggande', 'construction'],
];

/** Title templates per kind: {T} topic phrase, {A} activity. */
const TITLES: Record<string, Record<Lang, string>> = {
  INTERNSHIP: { fi: 'Harjoittelija: {T} {A}', sv: 'Praktikant: {T} {A}', en: 'Intern: {T} {A}' },
  SUMMER_JOB: { fi: 'Kesätyöntekijä: {T} {A}', sv: 'Sommarjobb: {T} {A}', en: 'Summer worker: {T} {A}' },
  THESIS: { fi: 'Opinnäytetyö: {T} {A}', sv: 'Examensarbete: {T} {A}', en: 'Thesis: {T} {A}' },
  NEED_COURSE: { fi: 'Koulutustarve: {T} {A}', sv: 'Utbildningsbehov: {T} {A}', en: 'Training wanted: {T} {A}' },
  OFFER_COURSE: { fi: '{T} {A} – koulutus', sv: 'Kurs: {T} {A}', en: 'Course: {T} {A}' },
  STUDENT_POOL: {
    fi: 'Opiskelijat etsivät harjoittelua: {T} {A}',
    sv: 'Studerande söker praktik: {T} {A}',
    en: 'Students seek placements: {T} {A}',
  },
};

/** Description sentences: {T}/{A} and {T2}/{A2} two topic+activity pairs, {M} a municipality. */
const SENTENCES: Record<string, Record<Lang, string[]>> = {
  need: {
    fi: [
      'Etsimme tekijää, jonka tehtäviin kuuluu {T} {A} sekä {T2} {A2}.',
      'Tarjolla on monipuolisia tehtäviä, kuten {T} {A} ja asiakaspalvelu kohteissa.',
    ],
    sv: ['Vi söker en person vars uppgifter omfattar {T} {A} samt {T2} {A2}.'],
    en: ['We are looking for someone whose tasks include {T} {A} and {T2} {A2}.'],
  },
  course: {
    fi: ['Koulutuksessa perehdytään aiheeseen {T} {A} ja harjoitellaan {T2} {A2} käytännön esimerkein.'],
    sv: ['Kursen behandlar {T} {A} och övar {T2} {A2} med praktiska exempel.'],
    en: ['The course covers {T} {A} and practises {T2} {A2} with hands-on examples.'],
  },
  pool: {
    fi: ['Ryhmämme energiatekniikan opiskelijat etsivät harjoittelupaikkoja ja opinnäytetyön aiheita: {T} {A}.'],
    sv: ['Våra studerande i energiteknik söker praktikplatser och ämnen för examensarbete: {T} {A}.'],
    en: ['Our energy engineering students seek internships and thesis topics: {T} {A}.'],
  },
  /** A student's introduction ({T} {A}: what they would like to work on, {M} their home municipality). */
  student: {
    fi: [
      'Opiskelen energia-alaa ja etsin harjoittelua, jossa pääsen tekemään käytännössä: {T} {A}.',
      'Asun kunnassa {M} ja olen kiinnostunut aiheesta {T} {A}; kesätyö tai opinnäytetyö käy.',
    ],
    sv: ['Jag studerar energiteknik och söker praktik där jag får arbeta med {T} {A}.'],
    en: ['I study energy engineering and look for a placement where I can work on {T} {A}.'],
  },
  common: {
    fi: [
      'Työ tehdään pääosin kunnassa {M}, ja osa tehtävistä voidaan hoitaa etänä.',
      'Yrityksemme toimii maaseudulla ja kehittää uusiutuvan energian ratkaisuja asiakkaille koko Lapissa.',
      'Perehdytämme huolellisesti ja tarjoamme mahdollisuuden oppia {T2} {A2} käytännössä.',
      'Toivomme kiinnostusta energiatekniikkaan, sähkötöihin tai lämpöyrittäjyyteen.',
      'Ajokortti ja oma auto ovat eduksi, sillä kohteet sijaitsevat haja-asutusalueella.',
      'Hakemukseen liitetään lyhyt vapaamuotoinen esittely ja tieto opintojen vaiheesta.',
      'Osallistujat saavat todistuksen, ja koulutus sopii myös aloittaville yrittäjille.',
    ],
    sv: [
      'Arbetet utförs främst i {M}, och en del uppgifter kan skötas på distans.',
      'Vårt företag verkar på landsbygden och utvecklar lösningar för förnybar energi i hela Lappland.',
      'Vi erbjuder en grundlig introduktion och möjlighet att lära sig {T2} {A2} i praktiken.',
      'Intresse för energiteknik, elarbeten eller värmeföretagande är en fördel.',
      'Körkort och egen bil är en fördel eftersom objekten ligger på glesbygden.',
    ],
    en: [
      'The work is mainly done in {M}, and some tasks can be handled remotely.',
      'Our company operates in rural Lapland and develops renewable energy solutions for customers across the region.',
      'We offer a thorough induction and a chance to learn {T2} {A2} in practice.',
      'An interest in energy engineering, electrical work or heat entrepreneurship is an advantage.',
      'A driving licence and own car are an advantage, as the sites are in sparsely populated areas.',
    ],
  },
};

/** Municipalities roughly by population, so that seeded places are skewed like real ones. */
const BY_POPULATION = [
  '698',
  '851',
  '240',
  '320',
  '758',
  '261',
  '148',
  '241',
  '976',
  '845',
  '751',
  '273',
  '732',
  '854',
  '498',
  '683',
  '614',
  '047',
  '742',
  '583',
  '890',
];

const COMPANY_PREFIXES = [
  'Lapin',
  'Tunturin',
  'Revontulten',
  'Pohjolan',
  'Kemijoen',
  'Ounasjoen',
  'Tornionlaakson',
  'Aavasaksan',
  'Pallaksen',
  'Ylläksen',
  'Levin',
  'Saariselän',
  'Pyhätunturin',
  'Sallan',
  'Posion',
  'Ranuan',
  'Meri-Lapin',
  'Itä-Lapin',
  'Koillis-Lapin',
  'Tervolan',
];
const COMPANY_SUFFIXES = [
  'Aurinkoenergia Oy',
  'Lämpö Oy',
  'Bioenergia Oy',
  'Sähkö Ky',
  'Energiapalvelut Oy',
  'Hake ja Lämpö Oy',
  'Tuulipuisto Oy',
  'Lämpöyrittäjät osuuskunta',
  'Maatila Tmi',
  'Energiaosuuskunta',
  'LVI ja Sähkö Oy',
  'Biokaasu Oy',
];
const EDU_NAMES = [
  'Lapin ammattikorkeakoulu',
  'Lapin yliopisto',
  'Ammattiopisto Lappia',
  'Lapin koulutuskeskus REDU',
  'Oulun yliopisto',
  'Oulun ammattikorkeakoulu',
  'Yrkeshögskolan Novia',
  'Åbo Akademi',
  'Metsäkeskus koulutus',
  'Energiateollisuuden koulutuspalvelut',
];
/** Fields of study of seeded students (as the institution names them, in Finnish). */
const FIELDS_OF_STUDY = [
  'Energiatekniikka',
  'Sähkö- ja automaatiotekniikka',
  'Talotekniikka',
  'Rakennustekniikka',
  'Konetekniikka',
  'Ympäristötekniikka',
  'Maaseutuelinkeinot',
  'Metsätalous',
  'Liiketalous',
  'Tieto- ja viestintätekniikka',
];
const FIRST_NAMES = [
  'Aino',
  'Eero',
  'Helmi',
  'Juho',
  'Kaisa',
  'Lauri',
  'Maija',
  'Niko',
  'Oona',
  'Pekka',
  'Riikka',
  'Sami',
  'Tuula',
  'Ville',
  'Elsa',
  'Anders',
  'Sara',
  'John',
  'Emma',
  'Ilmari',
];
const LAST_NAMES = [
  'Korhonen',
  'Virtanen',
  'Mäkinen',
  'Nieminen',
  'Lehtonen',
  'Hietala',
  'Kangas',
  'Ylitalo',
  'Rautio',
  'Lindqvist',
  'Aikio',
  'Näkkäläjärvi',
  'Niska',
  'Ojala',
  'Smith',
];

export interface Vocabulary {
  topics: { id: string; fi: string[]; sv: string[]; en: string[] }[];
  /** Every topic with its group (null for a group). */
  topicParents: { id: string; parent: string | null }[];
  activities: { fi: string; sv: string; en: string }[];
  municipalities: { code: string; name: string }[];
  titles: { lang: Lang; kind: string; tpl: string }[];
  sentences: { lang: Lang; grp: string; tpls: string[] }[];
  companyPrefixes: string[];
  companySuffixes: string[];
  eduNames: string[];
  fieldsOfStudy: string[];
  firstNames: string[];
  lastNames: string[];
}

export function vocabulary(): Vocabulary {
  const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
  // Only leaf topics: a need or offer is tagged with what it is about.
  const topics = TOPICS.filter((t) => t.parent !== null).map((t) => {
    const phrases = TOPIC_PHRASES[t.id];
    return {
      id: t.id,
      fi: phrases?.fi ?? [lower(t.labels.fi)],
      sv: phrases?.sv ?? [lower(t.labels.sv)],
      en: phrases?.en ?? [lower(t.labels.en)],
    };
  });
  const municipalities = BY_POPULATION.map((code) => {
    const m = MUNICIPALITIES.find((x) => x.code === code);
    if (!m) throw new Error(`Unknown municipality ${code}`);
    return { code, name: m.names.fi };
  });
  if (municipalities.length !== MUNICIPALITIES.length) throw new Error('BY_POPULATION must list every municipality');
  return {
    topics,
    topicParents: TOPICS.map((t) => ({ id: t.id, parent: t.parent })),
    activities: ACTIVITIES.map(([fi, sv, en]) => ({ fi, sv, en })),
    municipalities,
    titles: Object.entries(TITLES).flatMap(([kind, byLang]) =>
      (Object.entries(byLang) as [Lang, string][]).map(([lang, tpl]) => ({ lang, kind, tpl })),
    ),
    sentences: Object.entries(SENTENCES).flatMap(([grp, byLang]) =>
      (Object.entries(byLang) as [Lang, string[]][]).map(([lang, tpls]) => ({ lang, grp, tpls })),
    ),
    companyPrefixes: COMPANY_PREFIXES,
    companySuffixes: COMPANY_SUFFIXES,
    eduNames: EDU_NAMES,
    fieldsOfStudy: FIELDS_OF_STUDY,
    firstNames: FIRST_NAMES,
    lastNames: LAST_NAMES,
  };
}
