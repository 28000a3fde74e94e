/**
 * The demo's thirty students, each with a profile: the named demo student first, then students of
 * the five organisations from all over Lapland, Finnish, Sámi and Swedish speakers. About two
 * thirds let companies find them in matching.
 */
import type { DemoStudent } from './marketplace.js';

const AMK = 'Lapin ammattikorkeakoulu';
const LAPPIA = 'Lappia';
const REDU = 'Lapin koulutuskeskus REDU';
const ULAPLAND = 'Lapin yliopisto';
const PROAGRIA = 'ProAgria Lappi';

const ENERGY_ENGINEERING = 'Energiatekniikka (insinööri AMK)';
const ELECTRICAL_ENGINEERING = 'Sähkö- ja automaatiotekniikka (insinööri AMK)';
const ELECTRICIAN = 'Sähkö- ja automaatioalan perustutkinto';
const BUILDING_SERVICES = 'Talotekniikan perustutkinto';
const FORESTRY = 'Metsäalan perustutkinto';
const ARCTIC_GOVERNANCE = 'Arctic governance and environmental law';
const LAW = 'Oikeustiede, ympäristö- ja luonnonvaraoikeus';

export const DEMO_STUDENTS: DemoStudent[] = [
  {
    key: 'student',
    name: 'Sami Aikio',
    institutionName: REDU,
    fieldOfStudy: ELECTRICIAN,
    studyLevel: 'VOCATIONAL',
    topics: ['electrical-installation', 'solar-pv', 'small-hydro'],
    languages: ['fi', 'en'],
    available: [1, 4],
    homeMunicipalityCode: '148',
    introduction:
      'Olen sähköasentajaopiskelija Ivalosta. Minua kiinnostavat erityisesti aurinkosähkö ja pienet ' +
      'sähköverkot syrjäisissä kohteissa. Puhun suomen lisäksi pohjoissaamea ja englantia.',
    discoverable: true,
  },
  {
    key: 'student.aleksi.korhonen',
    name: 'Aleksi Korhonen',
    institutionName: AMK,
    fieldOfStudy: ENERGY_ENGINEERING,
    studyLevel: 'BACHELOR',
    topics: ['solar-pv', 'energy-storage', 'smart-grids'],
    languages: ['fi', 'en'],
    available: [2, 5],
    homeMunicipalityCode: '698',
    introduction:
      'Kolmannen vuoden energiatekniikan opiskelija. Tein viime kesänä aurinkosähköasennuksia Rovaniemellä ' +
      'ja haluaisin harjoittelussa päästä myös suunnittelutehtäviin.',
    discoverable: true,
  },
  {
    key: 'student.emma.lehtonen',
    name: 'Emma Lehtonen',
    institutionName: AMK,
    fieldOfStudy: ENERGY_ENGINEERING,
    studyLevel: 'BACHELOR',
    topics: ['building-energy', 'energy-audits', 'ground-source-heat'],
    languages: ['fi', 'sv', 'en'],
    available: [3, 6],
    homeMunicipalityCode: '240',
    introduction:
      'Minua kiinnostavat rakennusten energiatehokkuus ja energiakatselmukset. Etsin harjoittelupaikkaa ' +
      'Kemi-Tornion alueelta.',
    discoverable: true,
  },
  {
    key: 'student.joonas.heikkinen',
    name: 'Joonas Heikkinen',
    institutionName: LAPPIA,
    fieldOfStudy: ELECTRICIAN,
    studyLevel: 'VOCATIONAL',
    topics: ['electrical-installation', 'solar-pv', 'electric-mobility'],
    languages: ['fi'],
    available: [1, 3],
    homeMunicipalityCode: '851',
    introduction:
      'Toisen vuoden sähköasentajaopiskelija Torniosta. Haen työssäoppimispaikkaa, jossa pääsisi tekemään ' +
      'aurinkosähkö- tai latausasennuksia.',
    discoverable: true,
  },
  {
    key: 'student.venla.rautiainen',
    name: 'Venla Rautiainen',
    institutionName: AMK,
    fieldOfStudy: 'Liiketalous (tradenomi)',
    studyLevel: 'BACHELOR',
    topics: ['marketing-sales', 'digital-marketing', 'funding'],
    languages: ['fi', 'en'],
    available: [2, 4],
    homeMunicipalityCode: '698',
    introduction:
      'Tradenomiopiskelija, suuntautumisena markkinointi. Haluaisin tehdä opinnäytetyön energia-alan ' +
      'pienyritykselle, esimerkiksi aurinkosähkön myynnin kehittämisestä.',
    discoverable: true,
  },
  {
    key: 'student.eetu.niskanen',
    name: 'Eetu Niskanen',
    institutionName: REDU,
    fieldOfStudy: FORESTRY,
    studyLevel: 'VOCATIONAL',
    topics: ['forest-energy-harvesting', 'firewood', 'machinery-maintenance'],
    languages: ['fi'],
    available: [3, 6],
    homeMunicipalityCode: '614',
    introduction:
      'Metsäkoneenkuljettajaopiskelija Posiolta. Olen ajanut harvesteria opetusmetsässä ja kotitilan ' +
      'metsissä. Haen kesätöitä energiapuun korjuusta.',
    discoverable: true,
  },
  {
    key: 'student.iida.hannula',
    name: 'Iida Hannula',
    institutionName: ULAPLAND,
    fieldOfStudy: LAW,
    studyLevel: 'MASTER',
    topics: ['permits-law', 'wind-power', 'eu-projects'],
    languages: ['fi', 'en', 'sv'],
    available: [2, 8],
    homeMunicipalityCode: '698',
    introduction:
      'Oikeustieteen opiskelija, erikoistun ympäristö- ja luonnonvaraoikeuteen. Etsin gradulle aihetta ' +
      'tuulivoiman tai pienvesivoiman luvituksesta.',
    discoverable: false,
  },
  {
    key: 'student.lauri.paksuniemi',
    name: 'Lauri Paksuniemi',
    institutionName: AMK,
    fieldOfStudy: ELECTRICAL_ENGINEERING,
    studyLevel: 'BACHELOR',
    topics: ['automation', 'smart-grids', 'wind-power'],
    languages: ['fi', 'en'],
    available: [2, 5],
    homeMunicipalityCode: '758',
    introduction:
      'Sähkö- ja automaatiotekniikan opiskelija Sodankylästä. Minua kiinnostavat tuulivoimaloiden ja ' +
      'lämpölaitosten automaatio ja etävalvonta.',
    discoverable: true,
  },
  {
    key: 'student.saana.alajarvi',
    name: 'Saana Alajärvi',
    institutionName: LAPPIA,
    fieldOfStudy: BUILDING_SERVICES,
    studyLevel: 'VOCATIONAL',
    topics: ['ground-source-heat', 'air-heat-pumps', 'hvac'],
    languages: ['fi'],
    available: [1, 3],
    homeMunicipalityCode: '241',
    introduction:
      'Talotekniikan opiskelija Keminmaasta. Olen ollut mukana maalämpöasennuksissa sukulaisen yrityksessä ' +
      'ja haluaisin oppia lisää lämpöpumpuista.',
    discoverable: true,
  },
  {
    key: 'student.tuomas.keskitalo',
    name: 'Tuomas Keskitalo',
    institutionName: REDU,
    fieldOfStudy: ELECTRICIAN,
    studyLevel: 'VOCATIONAL',
    topics: ['electrical-installation', 'electrical-safety', 'solar-pv'],
    languages: ['fi'],
    available: [1, 4],
    homeMunicipalityCode: '320',
    introduction:
      'Sähköasentajaopiskelija Kemijärveltä. Minulla on sähkötyöturvallisuus- ja työturvallisuuskortti, ' +
      'ja haen harjoittelua tai kesätyötä Itä-Lapista.',
    discoverable: true,
  },
  {
    key: 'student.oona.harju',
    name: 'Oona Harju',
    institutionName: AMK,
    fieldOfStudy: 'Metsätalous (metsätalousinsinööri AMK)',
    studyLevel: 'BACHELOR',
    topics: ['forest-energy-harvesting', 'wood-chips', 'circular-economy'],
    languages: ['fi', 'en'],
    available: [3, 7],
    homeMunicipalityCode: '683',
    introduction:
      'Metsätalousinsinööriopiskelija Ranualta. Haluaisin tehdä opinnäytetyön energiapuun hankinnasta tai ' +
      'hakkeen laadusta.',
    discoverable: false,
  },
  {
    key: 'student.valtteri.makinen',
    name: 'Valtteri Mäkinen',
    institutionName: LAPPIA,
    fieldOfStudy: 'Kone- ja tuotantotekniikan perustutkinto',
    studyLevel: 'VOCATIONAL',
    topics: ['machinery-maintenance', 'pellets', 'automation'],
    languages: ['fi'],
    available: [1, 3],
    homeMunicipalityCode: '854',
    introduction: 'Kone- ja tuotantotekniikan opiskelija Pellosta. Teen mielelläni tuotanto- ja kunnossapitotöitä.',
    discoverable: true,
  },
  {
    key: 'student.jenna.kallio',
    name: 'Jenna Kallio',
    institutionName: REDU,
    fieldOfStudy: 'Maatalousalan perustutkinto',
    studyLevel: 'VOCATIONAL',
    topics: ['farm-energy', 'biogas', 'energy-advice'],
    languages: ['fi'],
    available: [2, 5],
    homeMunicipalityCode: '845',
    introduction:
      'Maatalousalan opiskelija lypsykarjatilalta Tervolasta. Kotitilallamme mietitään biokaasua, ja haluan ' +
      'oppia siitä lisää.',
    discoverable: true,
  },
  {
    key: 'student.mikko.vaara',
    name: 'Mikko Vaara',
    institutionName: AMK,
    fieldOfStudy: ENERGY_ENGINEERING,
    studyLevel: 'BACHELOR',
    topics: ['wind-power', 'data-and-software', 'electricity-markets'],
    languages: ['fi', 'en'],
    available: [3, 6],
    homeMunicipalityCode: '261',
    introduction:
      'Energiatekniikan opiskelija Kittilästä. Ohjelmoin vapaa-ajallani ja haluaisin yhdistää datan ja ' +
      'energiatekniikan opinnäytetyössäni.',
    discoverable: false,
  },
  {
    key: 'student.siiri.kaikkonen',
    name: 'Siiri Kaikkonen',
    institutionName: ULAPLAND,
    fieldOfStudy: 'Hallintotiede',
    studyLevel: 'MASTER',
    topics: ['eu-projects', 'funding', 'public-procurement'],
    languages: ['fi', 'en'],
    available: [2, 7],
    homeMunicipalityCode: '698',
    introduction:
      'Hallintotieteen maisteriopiskelija. Olen työskennellyt EU-hankkeen assistenttina ja etsin harjoittelua ' +
      'tai gradun aihetta energia-alan hankerahoituksesta.',
    discoverable: true,
  },
  {
    key: 'student.niko.tapio',
    name: 'Niko Tapio',
    institutionName: REDU,
    fieldOfStudy: BUILDING_SERVICES,
    studyLevel: 'VOCATIONAL',
    topics: ['hvac', 'air-heat-pumps', 'building-energy'],
    languages: ['fi'],
    available: [1, 3],
    homeMunicipalityCode: '148',
    introduction: 'LVI-asentajaopiskelija Ivalosta. Haen harjoittelupaikkaa läheltä kotia.',
    discoverable: false,
  },
  {
    key: 'student.henna.luokkanen',
    name: 'Henna Luokkanen',
    institutionName: AMK,
    fieldOfStudy: 'Rakennustekniikka (insinööri AMK)',
    studyLevel: 'BACHELOR',
    topics: ['building-energy', 'energy-audits', 'solar-thermal'],
    languages: ['fi', 'en'],
    available: [2, 5],
    homeMunicipalityCode: '851',
    introduction:
      'Rakennustekniikan opiskelija, kiinnostuksena energiatehokas korjausrakentaminen. Olen tehnyt ' +
      'kesätöitä rakennustyömailla Torniossa.',
    discoverable: true,
  },
  {
    key: 'student.roope.kauppinen',
    name: 'Roope Kauppinen',
    institutionName: AMK,
    fieldOfStudy: ELECTRICAL_ENGINEERING,
    studyLevel: 'BACHELOR',
    topics: ['solar-pv', 'energy-storage', 'electrical-installation'],
    languages: ['fi', 'en'],
    available: [2, 4],
    homeMunicipalityCode: '751',
    introduction:
      'Sähkötekniikan opiskelija Simosta. Minulla on sähköasentajan perustutkinto ja kokemusta ' +
      'aurinkosähköasennuksista.',
    discoverable: true,
  },
  {
    key: 'student.petra.ojala',
    name: 'Petra Ojala',
    institutionName: AMK,
    fieldOfStudy: ENERGY_ENGINEERING,
    studyLevel: 'BACHELOR',
    topics: ['district-heating', 'heat-entrepreneurship', 'wood-chips'],
    languages: ['fi', 'sv'],
    available: [3, 6],
    homeMunicipalityCode: '698',
    introduction:
      'Energiatekniikan opiskelija. Lämpöyrittäjyys ja pienet lämpölaitokset kiinnostavat, koska ' +
      'kotikylässäni on hakelämpölaitos.',
    discoverable: false,
  },
  {
    key: 'student.aile.magga',
    name: 'Áile Magga',
    institutionName: ULAPLAND,
    fieldOfStudy: ARCTIC_GOVERNANCE,
    studyLevel: 'MASTER',
    topics: ['bioenergy', 'biogas', 'circular-economy', 'permits-law'],
    languages: ['fi', 'en'],
    available: [2, 8],
    homeMunicipalityCode: '890',
    introduction:
      "I am a master's student from Utsjoki. I would like to write my thesis on how bioenergy and other " +
      'renewable energy projects can be planned together with Sámi communities. I speak North Sámi, Finnish ' +
      'and English.',
    discoverable: true,
  },
  {
    key: 'student.ande.lansman',
    name: 'Ánde Länsman',
    institutionName: REDU,
    fieldOfStudy: ELECTRICIAN,
    studyLevel: 'VOCATIONAL',
    topics: ['electrical-installation', 'small-hydro', 'solar-pv'],
    languages: ['fi'],
    available: [1, 4],
    homeMunicipalityCode: '890',
    introduction:
      'Sähköasentajaopiskelija Utsjoelta. Haluaisin sähkötöihin Pohjois-Lappiin, mieluiten lähelle kotia. ' +
      'Puhun pohjoissaamea.',
    discoverable: true,
  },
  {
    key: 'student.elle.guttorm',
    name: 'Elle Guttorm',
    institutionName: AMK,
    fieldOfStudy: ENERGY_ENGINEERING,
    studyLevel: 'BACHELOR',
    topics: ['solar-pv', 'smart-grids', 'energy-advice'],
    languages: ['fi', 'en'],
    available: [2, 5],
    homeMunicipalityCode: '148',
    introduction:
      'Energiatekniikan opiskelija Inarista. Haluan löytää keinoja, joilla kyläyhteisöt voisivat tuottaa ' +
      'itse oman energiansa.',
    discoverable: false,
  },
  {
    key: 'student.niila.nakkalajarvi',
    name: 'Niila Näkkäläjärvi',
    institutionName: REDU,
    fieldOfStudy: FORESTRY,
    studyLevel: 'VOCATIONAL',
    topics: ['forest-energy-harvesting', 'firewood'],
    languages: ['fi'],
    available: [3, 5],
    homeMunicipalityCode: '047',
    introduction:
      'Metsäalan opiskelija Enontekiöltä. Teen kotona polttopuuta ja haen kesätöitä metsä- tai ' + 'energiapuualalta.',
    discoverable: true,
  },
  {
    key: 'student.heli.jomppanen',
    name: 'Heli Jomppanen',
    institutionName: ULAPLAND,
    fieldOfStudy: LAW,
    studyLevel: 'MASTER',
    topics: ['permits-law', 'small-hydro', 'circular-economy'],
    languages: ['fi', 'en'],
    available: [2, 7],
    homeMunicipalityCode: '148',
    introduction:
      'Oikeustieteen opiskelija Inarista. Minua kiinnostavat vesioikeus ja saamelaisten oikeudet ' +
      'energiahankkeissa.',
    discoverable: false,
  },
  {
    key: 'student.elin.lindstrom',
    name: 'Elin Lindström',
    locale: 'sv',
    institutionName: LAPPIA,
    fieldOfStudy: ELECTRICIAN,
    studyLevel: 'VOCATIONAL',
    topics: ['electrical-installation', 'solar-pv'],
    languages: ['sv', 'fi'],
    available: [1, 3],
    homeMunicipalityCode: '851',
    introduction:
      'Jag studerar till elmontör vid Lappia i Torneå. Jag talar svenska och finska och söker en praktikplats ' +
      'inom solel eller elinstallationer.',
    discoverable: true,
  },
  {
    key: 'student.oskar.wikstrom',
    name: 'Oskar Wikström',
    locale: 'sv',
    institutionName: AMK,
    fieldOfStudy: ENERGY_ENGINEERING,
    studyLevel: 'BACHELOR',
    topics: ['district-heating', 'wood-chips', 'heat-entrepreneurship'],
    languages: ['sv', 'fi', 'en'],
    available: [2, 5],
    homeMunicipalityCode: '851',
    introduction:
      'Jag läser energiteknik vid Lapplands yrkeshögskola och kommer från Torneå. Jag är intresserad av ' +
      'närvärme och flis och gör gärna min praktik hos ett värmeföretag i Tornedalen.',
    discoverable: true,
  },
  {
    key: 'student.linnea.bjork',
    name: 'Linnea Björk',
    locale: 'sv',
    institutionName: ULAPLAND,
    fieldOfStudy: ARCTIC_GOVERNANCE,
    studyLevel: 'MASTER',
    topics: ['bioenergy', 'electricity-markets', 'business-planning'],
    languages: ['sv', 'en', 'fi'],
    available: [3, 8],
    homeMunicipalityCode: '698',
    introduction:
      "I grew up in Vaasa and study in an English-language master's programme in Rovaniemi. I am interested " +
      'in community-owned energy and how it could work in small villages in Lapland.',
    discoverable: false,
  },
  {
    key: 'student.erik.sandberg',
    name: 'Erik Sandberg',
    locale: 'sv',
    institutionName: LAPPIA,
    fieldOfStudy: BUILDING_SERVICES,
    studyLevel: 'VOCATIONAL',
    topics: ['hvac', 'ground-source-heat'],
    languages: ['sv', 'fi'],
    available: [1, 3],
    homeMunicipalityCode: '976',
    introduction: 'Jag studerar husteknik vid Lappia och bor i Övertorneå. Jag söker praktik inom bergvärme eller VVS.',
    discoverable: true,
  },
  {
    key: 'student.katariina.hietanen',
    name: 'Katariina Hietanen',
    institutionName: AMK,
    fieldOfStudy: ENERGY_ENGINEERING,
    studyLevel: 'BACHELOR',
    topics: ['biogas', 'farm-energy', 'energy-audits'],
    languages: ['fi', 'en'],
    available: [3, 6],
    homeMunicipalityCode: '241',
    introduction:
      'Energiatekniikan opiskelija maatilalta Keminmaasta. Haluaisin tehdä opinnäytetyön maatilan ' +
      'energiaratkaisuista, esimerkiksi biokaasusta.',
    discoverable: true,
  },
  {
    key: 'student.jesse.pudas',
    name: 'Jesse Pudas',
    institutionName: PROAGRIA,
    fieldOfStudy: 'Maaseutuyrittäjän ammattitutkinto',
    studyLevel: 'VOCATIONAL',
    topics: ['farm-energy', 'heat-entrepreneurship', 'solar-pv'],
    languages: ['fi'],
    homeMunicipalityCode: '976',
    introduction:
      'Jatkan kotitilaa Ylitorniolla ja opiskelen maaseutuyrittäjän ammattitutkintoa. Mietin, voisiko tilan ' +
      'metsästä tehdä lämpöä myyntiin.',
    discoverable: false,
  },
];
