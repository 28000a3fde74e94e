/**
 * What the demo's educational organisations offer: short courses with sessions over the coming
 * six months, and pools of students looking for placements. Lappia teaches in Swedish in Tornio
 * too; the University of Lapland's offers for its international programmes are in English.
 */
import type { DemoCourse, DemoPool } from './marketplace.js';
import { monthsFi, type Timeline } from './timeline.js';

const AMK_ROVANIEMI = { place: 'Lapin AMK, Rovaniemen kampus', municipalityCode: '698' };
const AMK_KEMI = { place: 'Lapin AMK, Kemin kampus', municipalityCode: '240' };
const LAPPIA_KEMI = { place: 'Lappia, Kemin kampus', municipalityCode: '240' };
const LAPPIA_TORNIO = { place: 'Lappia, Tornion kampus', municipalityCode: '851' };
const LAPPIA_TORNEA = { place: 'Lappia, Torneå campus', municipalityCode: '851' };
const REDU_ROVANIEMI = { place: 'REDU Rovaniemi', municipalityCode: '698' };
const REDU_SODANKYLA = { place: 'REDU Sodankylä', municipalityCode: '758' };
const REDU_IVALO = { place: 'REDU Ivalo', municipalityCode: '148' };
const REDU_KEMIJARVI = { place: 'REDU Kemijärvi', municipalityCode: '320' };
const ULAPLAND = { place: 'University of Lapland, Rovaniemi campus', municipalityCode: '698' };
const PROAGRIA_ROVANIEMI = { place: 'ProAgria Lappi, Rovaniemi', municipalityCode: '698' };
const ONLINE_FI = { place: 'Verkossa' };
const ONLINE_EN = { place: 'Online' };
/** Afternoon webinars. */
const AFTERNOON = { from: '13:00', to: '16:00' };

export function demoCourses(): DemoCourse[] {
  return [
    // Lapin ammattikorkeakoulu
    {
      by: 'educator',
      title: 'Aurinkosähköjärjestelmien suunnittelu ja asennus',
      description:
        'Kolmen päivän kurssilla opit mitoittamaan ja asentamaan aurinkosähköjärjestelmän omakotitaloon, ' +
        'maatilalle tai yrityksen katolle. Käymme läpi paneelien ja invertterien valinnan, kiinnitykset ' +
        'lumikuormat huomioiden, kaapeloinnin, verkkoon liittämisen ja käyttöönottomittaukset. Toisena ' +
        'päivänä asennetaan harjoitusjärjestelmä energialaboratoriossa. Kurssi sopii sähköalan ammattilaisille ' +
        'ja yrittäjille, jotka harkitsevat aurinkosähköasennuksia.',
      topics: ['solar-pv', 'electrical-installation', 'energy-storage'],
      sessions: [
        { inDays: 21, length: 3, ...AMK_ROVANIEMI, seats: 16, price: 380 },
        { inDays: 95, length: 3, ...AMK_KEMI, seats: 16, price: 380 },
      ],
    },
    {
      by: 'educator',
      title: 'Hakelämpöyrittäjyyden perusteet',
      description:
        'Kurssi lämpöyrittäjäksi aikovalle ja alalla jo toimivalle: lämpölaitoksen mitoitus, hakkeen hankinta ' +
        'ja laatu, lämmönmyyntisopimukset kunnan ja yritysten kanssa, kustannuslaskenta ja hinnoittelu. ' +
        'Verkkototeutus koostuu kahdesta iltapäivästä; lähitoteutukseen kuuluu vierailu rovaniemeläiselle ' +
        'hakelämpölaitokselle.',
      topics: ['heat-entrepreneurship', 'wood-chips', 'business-planning'],
      sessions: [
        { inDays: 30, length: 2, ...AFTERNOON, ...ONLINE_FI, online: 'lapinamk-hakelampo', seats: 40, price: 120 },
        { inDays: 120, length: 2, ...AMK_ROVANIEMI, seats: 24, price: 250 },
      ],
    },
    {
      by: 'educator',
      title: 'Älykkäät mikroverkot ja energian varastointi maaseudulla',
      description:
        'Miten kylä, maatila tai lomakeskus voi tuottaa, varastoida ja jakaa sähkönsä itse? Kurssilla ' +
        'perehdytään mikroverkkojen rakenteeseen, akkuvarastoihin, kysyntäjoustoon ja sähkömarkkinoille ' +
        'osallistumiseen. Esimerkkeinä ovat Lapin AMK:n tutkimushankkeiden pilottikohteet.',
      topics: ['smart-grids', 'energy-storage', 'electricity-markets'],
      sessions: [{ inDays: 50, length: 2, ...AMK_KEMI, seats: 20, price: 290 }],
    },
    {
      by: 'educator',
      title: 'EU-rahoitus energiahankkeisiin: hakemuksesta raportointiin',
      description:
        'Päivän verkkokoulutus energia-alan yrittäjille ja kehittäjille: mitkä EU:n ja kansalliset ' +
        'rahoitusohjelmat sopivat energiahankkeisiin, miten hakemus rakennetaan, miten kumppanit löytyvät ' +
        'ja mitä hyväksytty hanke vaatii kirjanpidolta ja raportoinnilta.',
      topics: ['eu-projects', 'funding'],
      sessions: [
        { inDays: 16, from: '09:00', to: '15:00', ...ONLINE_FI, online: 'lapinamk-eu-rahoitus', seats: 40, price: 120 },
        {
          inDays: 110,
          from: '09:00',
          to: '15:00',
          ...ONLINE_FI,
          online: 'lapinamk-eu-rahoitus-2',
          seats: 40,
          price: 120,
        },
      ],
    },
    {
      by: 'educator',
      title: 'Vety ja sähköpolttoaineet: mahdollisuudet Lapin energiayrittäjälle',
      description:
        'Perämerenkaarelle suunnitellaan vetyä ja sähköpolttoaineita tuottavia laitoksia. Päivän aikana ' +
        'kuulet, mitä hankkeet tarkoittavat pienille energia- ja huoltoyrityksille: millaisia ' +
        'alihankintatöitä syntyy, mitä pätevyyksiä tarvitaan ja miten biopohjainen hiilidioksidi voisi ' +
        'tuoda tuloja hakelaitoksille. Maksuton, hankerahoitteinen.',
      topics: ['hydrogen', 'biofuels-transport', 'electricity-markets'],
      sessions: [{ inDays: 70, from: '09:00', to: '15:30', ...AMK_KEMI, seats: 40, price: 0 }],
    },

    // Lappia
    {
      by: 'educator.lappia',
      title: 'Tulityökorttikoulutus',
      description:
        'Suomen Pelastusalan Keskusjärjestön mukainen tulityökoulutus, joka antaa viideksi vuodeksi ' +
        'voimassa olevan tulityökortin. Päivään kuuluu teoriaosuus, koe ja käytännön sammutusharjoitukset. ' +
        'Sopii asentajille, kiinteistöhuoltoon ja kaikille, jotka tekevät tulitöitä tilapäisellä tulityöpaikalla.',
      topics: ['hot-work-card'],
      sessions: [
        { inDays: 12, from: '08:00', ...LAPPIA_KEMI, seats: 20, price: 145 },
        { inDays: 40, from: '08:00', ...LAPPIA_TORNIO, seats: 20, price: 145 },
        { inDays: 130, from: '08:00', ...LAPPIA_KEMI, seats: 20, price: 145 },
      ],
    },
    {
      by: 'educator.lappia',
      title: 'Työturvallisuuskorttikoulutus',
      description:
        'Yhden päivän työturvallisuuskorttikoulutus Työturvallisuuskeskuksen aineistolla. Käymme läpi ' +
        'työturvallisuuslainsäädännön, vaarojen arvioinnin ja yhteisen työpaikan pelisäännöt. Hyväksytysti ' +
        'suoritettu koe antaa viisi vuotta voimassa olevan kortin.',
      topics: ['occupational-safety-card'],
      sessions: [
        { inDays: 25, from: '08:00', to: '16:00', ...LAPPIA_TORNIO, seats: 24, price: 160 },
        { inDays: 85, from: '08:00', to: '16:00', ...LAPPIA_KEMI, seats: 24, price: 160 },
      ],
    },
    {
      by: 'educator.lappia',
      title: 'Sähkötyöturvallisuuskoulutus SFS 6002',
      description:
        'SFS 6002 -standardin mukainen sähkötyöturvallisuuskoulutus sähköalan ammattilaisille ja ' +
        'sähkötöitä tekeville. Koulutuksen jälkeen suoritetaan koe, ja hyväksytty suoritus antaa viideksi ' +
        'vuodeksi voimassa olevan sähkötyöturvallisuuskortin. Valittavana lähipäivä Torniossa tai ' +
        'verkkototeutus.',
      topics: ['electrical-safety'],
      sessions: [
        { inDays: 19, from: '08:00', ...LAPPIA_TORNIO, seats: 16, price: 210 },
        { inDays: 75, from: '08:30', to: '15:30', ...ONLINE_FI, online: 'lappia-sfs6002', seats: 30, price: 190 },
      ],
    },
    {
      by: 'educator.lappia',
      language: 'sv',
      title: 'Heta arbeten – certifikatkurs på svenska',
      description:
        'Endagskurs i heta arbeten enligt SPEK:s krav. Kursen ger ett certifikat som gäller i fem år och ' +
        'består av teori, prov och praktiska släckningsövningar. ' +
        'Kursen hålls på svenska i Torneå och passar bra även för deltagare från Haparanda.',
      topics: ['hot-work-card'],
      sessions: [{ inDays: 33, from: '08:00', ...LAPPIA_TORNEA, seats: 16, price: 145 }],
    },
    {
      by: 'educator.lappia',
      language: 'sv',
      title: 'Solceller för lantbruk och fritidshus',
      description:
        'Tvådagarskurs om solcellsanläggningar för gårdar och fritidshus i norr: dimensionering, ' +
        'placering med tanke på snö och låg sol, växelriktare, batterier och anslutning till elnätet. ' +
        'Andra dagen monterar vi en övningsanläggning. Undervisningen är på svenska, material finns även på finska.',
      topics: ['solar-pv', 'farm-energy'],
      sessions: [{ inDays: 58, length: 2, ...LAPPIA_TORNEA, seats: 14, price: 290, language: 'sv' }],
    },
    {
      by: 'educator.lappia',
      title: 'Lämpöpumppujen huolto ja kylmäainepätevyys',
      description:
        'Kolmen päivän kurssi ilmalämpö-, ilma-vesi- ja maalämpöpumppujen asentajille. Opit huollon ja ' +
        'vianetsinnän, tiiviyskokeet ja kylmäaineen talteenoton, ja kurssin lopussa voit suorittaa ' +
        'F-kaasuasetuksen mukaisen kylmäainepätevyyden kokeen.',
      topics: ['air-heat-pumps', 'ground-source-heat', 'hvac'],
      sessions: [
        { inDays: 45, length: 3, ...LAPPIA_KEMI, seats: 12, price: 450 },
        { inDays: 150, length: 3, ...LAPPIA_KEMI, seats: 12, price: 450 },
      ],
    },
    {
      by: 'educator.lappia',
      title: 'Sähköautojen latausjärjestelmien asennus',
      description:
        'Käytännön kurssi sähköasentajille: latauspisteen mitoitus ja sijoitus, kuormanhallinta, ' +
        'suojaukset ja käyttöönottotarkastus. Esimerkkeinä taloyhtiön, maatilan ja matkailuyrityksen ' +
        'latausratkaisut.',
      topics: ['electric-mobility', 'electrical-installation'],
      sessions: [{ inDays: 65, from: '08:00', ...LAPPIA_KEMI, seats: 14, price: 240 }],
    },

    // Lapin koulutuskeskus REDU
    {
      by: 'educator.redu',
      title: 'Energiapuun korjuu ja hakkeen laatu',
      description:
        'Kahden päivän kurssi energiapuun korjaajille ja hakeyrittäjille. Käymme läpi korjuukohteen valinnan, ' +
        'kasauksen ja kuivumisen, haketuksen ja hakkeen laatuvaatimukset lämpölaitoksilla. Toinen päivä on ' +
        'maastossa REDUn opetusmetsässä.',
      topics: ['forest-energy-harvesting', 'wood-chips'],
      sessions: [{ inDays: 28, length: 2, ...REDU_SODANKYLA, seats: 18, price: 160 }],
    },
    {
      by: 'educator.redu',
      title: 'Ensiapukurssi EA 1',
      description:
        'Suomen Punaisen Ristin ohjeiden mukainen kahden päivän ensiapukurssi. Harjoittelemme elvytystä, ' +
        'sokin hoitoa, haavojen ja murtumien ensiapua sekä toimintaa onnettomuuspaikalla kaukana ' +
        'palveluista. Kurssista saa EA 1 -todistuksen.',
      topics: ['first-aid'],
      sessions: [
        { inDays: 22, length: 2, ...REDU_IVALO, seats: 16, price: 130 },
        { inDays: 100, length: 2, ...REDU_ROVANIEMI, seats: 20, price: 130 },
      ],
    },
    {
      by: 'educator.redu',
      title: 'Korkealla työskentelyn turvallisuus ja valjaiden käyttö',
      description:
        'Päivän kurssi katoilla, mastoissa ja nostimissa työskenteleville: putoamissuojaus, valjaiden ja ' +
        'kiinnityspisteiden tarkastus, pelastussuunnitelma ja harjoitukset harjoitustornissa. Sopii ' +
        'aurinkosähkö-, sähkö- ja kiinteistöalan asentajille.',
      topics: ['working-at-heights', 'occupational-safety-card'],
      sessions: [{ inDays: 36, from: '08:00', ...REDU_KEMIJARVI, seats: 12, price: 190 }],
    },
    {
      by: 'educator.redu',
      title: 'Polttopuuyrittäjän koneet ja työturvallisuus',
      description:
        'Kurssi polttopuuta tekeville ja sitä aloitteleville: pilkekoneen ja klapikoneen turvallinen käyttö ' +
        'ja huolto, puun kuivaus ja varastointi sekä polttopuun laadun ilmoittaminen asiakkaalle.',
      topics: ['firewood', 'machinery-maintenance', 'occupational-safety-card'],
      sessions: [{ inDays: 55, ...REDU_IVALO, seats: 15, price: 90 }],
    },
    {
      by: 'educator.redu',
      draft: true,
      title: 'Pienvesivoimalan käyttö ja kunnossapito',
      description:
        'Kahden päivän kurssi pienvesivoimaloiden omistajille ja huoltajille: turbiinien ja generaattorien ' +
        'kunnossapito, automaatio ja etävalvonta, jäätilanteiden hallinta ja luvat. Ohjelma tarkentuu.',
      topics: ['small-hydro', 'machinery-maintenance', 'automation'],
      sessions: [{ inDays: 80, length: 2, ...REDU_ROVANIEMI, seats: 12, price: 280 }],
    },

    // Lapin yliopisto
    {
      by: 'educator.ulapland',
      language: 'en',
      title: 'Arctic energy law: permits for small-scale renewables',
      description:
        'Two online afternoons on the permits a small wind, hydro or solar project needs in Finnish Lapland: ' +
        'land use planning, environmental permits, water rights, grid connection and the duty to negotiate ' +
        'with the Sámi Parliament in the Sámi homeland. For entrepreneurs, municipal officers and students ' +
        'of the Arctic law programmes.',
      topics: ['permits-law', 'wind-power', 'small-hydro'],
      sessions: [
        { inDays: 24, length: 2, ...AFTERNOON, ...ONLINE_EN, online: 'ulapland-energy-law', seats: 40, price: 150 },
      ],
    },
    {
      by: 'educator.ulapland',
      language: 'en',
      title: 'Community energy and a just transition in the Arctic',
      description:
        'A one-day course on how villages, cooperatives and small firms in the North can own and share ' +
        'their energy: business models for community energy, energy communities under EU law, and what a ' +
        'just transition means for reindeer herding, tourism and local jobs. Free of charge, funded by a ' +
        'research project.',
      topics: ['business-planning', 'electricity-markets', 'smart-grids'],
      sessions: [
        { inDays: 48, from: '10:00', ...ULAPLAND, seats: 30, price: 0 },
        { inDays: 140, from: '10:00', ...ONLINE_EN, online: 'ulapland-community-energy', seats: 40, price: 0 },
      ],
    },
    {
      by: 'educator.ulapland',
      title: 'Energiahankkeet saamelaisten kotiseutualueella: luvat ja neuvotteluvelvoite',
      description:
        'Päivän koulutus energiahankkeita suunnitteleville yrittäjille ja viranhaltijoille. Käymme läpi ' +
        'saamelaiskäräjälain mukaisen neuvotteluvelvoitteen, Akwé: Kon -ohjeet, porotalouden huomioon ' +
        'ottamisen ja sen, miten paikalliset otetaan mukaan jo suunnittelun alussa.',
      topics: ['permits-law', 'wind-power'],
      sessions: [{ inDays: 62, ...ULAPLAND, place: 'Lapin yliopisto, Rovaniemi', seats: 30, price: 120 }],
    },

    // ProAgria Lappi
    {
      by: 'educator.proagria',
      title: 'Energiakatselmus maatilalle – tee tilallesi energiasuunnitelma',
      description:
        'Päivän aikana käymme läpi, mihin tilan energia kuluu ja mistä säästöä löytyy: navetan ilmanvaihto, ' +
        'maidon jäähdytys, viljan kuivaus ja lämmitys. Tuo mukanasi tilan sähkö- ja polttoainelaskut; ' +
        'neuvoja auttaa laatimaan energiasuunnitelman, jota voi käyttää myös investointitukea haettaessa.',
      topics: ['farm-energy', 'energy-audits'],
      sessions: [
        {
          inDays: 18,
          from: '10:00',
          to: '15:00',
          place: 'Ranuan kunnantalo',
          municipalityCode: '683',
          seats: 15,
          price: 95,
        },
        {
          inDays: 46,
          from: '10:00',
          to: '15:00',
          place: 'Tervolan kunnantalo',
          municipalityCode: '845',
          seats: 15,
          price: 95,
        },
        {
          inDays: 88,
          from: '10:00',
          to: '15:00',
          place: 'Ylitornion kunnantalo',
          municipalityCode: '976',
          seats: 15,
          price: 95,
        },
      ],
    },
    {
      by: 'educator.proagria',
      title: 'Biokaasua maatilalta: kannattavuus ja investointituet',
      description:
        'Kannattaako tilan lanta ja kasvijäte mädättää? Koulutuksessa lasketaan esimerkkitilojen ' +
        'biokaasulaitosten kannattavuus, käydään läpi investointituet ja kuullaan Sodankylän tilakokoluokan ' +
        'laitoksen kokemuksia. Lähipäivä Rovaniemellä tai tiivistetty webinaari.',
      topics: ['biogas', 'funding', 'farm-energy'],
      sessions: [
        { inDays: 38, ...PROAGRIA_ROVANIEMI, seats: 25, price: 120 },
        { inDays: 90, ...AFTERNOON, ...ONLINE_FI, online: 'proagria-biokaasu', seats: 40, price: 60 },
      ],
    },
    {
      by: 'educator.proagria',
      title: 'Hakelämpöyrittäjyys maatilan sivuelinkeinona',
      description:
        'Maatilalla on usein metsää, koneita ja osaamista, joilla lämpöyrittäjyys sopii sivuelinkeinoksi. ' +
        'Kahden päivän kurssilla tehdään oma liiketoimintasuunnitelma: lämpöasiakkaat, laitosinvestointi, ' +
        'polttoaineen hankinta omasta metsästä ja sopimukset.',
      topics: ['heat-entrepreneurship', 'wood-chips', 'business-planning'],
      sessions: [{ inDays: 53, length: 2, place: 'Posion kunnantalo', municipalityCode: '614', seats: 20, price: 180 }],
    },
    {
      by: 'educator.proagria',
      title: 'Aurinkosähkö maatilalle: mitoitus, tuet ja hankinta',
      description:
        'Maksuton iltapäivän webinaari: kuinka suuri aurinkosähköjärjestelmä tilalle kannattaa, miten ' +
        'tarjouksia vertaillaan, mitä tukia on haettavissa ja mitä kannattaa kysyä asentajalta ennen ' +
        'sopimusta. Tallenne lähetetään ilmoittautuneille.',
      topics: ['solar-pv', 'farm-energy', 'funding'],
      sessions: [
        { inDays: 14, ...AFTERNOON, ...ONLINE_FI, online: 'proagria-aurinkosahko', seats: 40, price: 0 },
        { inDays: 105, ...AFTERNOON, ...ONLINE_FI, online: 'proagria-aurinkosahko-2', seats: 40, price: 0 },
      ],
    },
    {
      by: 'educator.proagria',
      title: 'Maatilan energiankulutuksen etäseuranta käytännössä',
      description:
        'Kurssilla asennetaan ja otetaan käyttöön edullisia mittareita, joilla tilan sähkön- ja lämmönkulutusta ' +
        'voi seurata puhelimella. Opit lukemaan kulutusdataa, löytämään turhan kulutuksen ja ajoittamaan ' +
        'kuivurin ja lämmityksen halvan pörssisähkön tunneille.',
      topics: ['farm-energy', 'automation', 'data-and-software'],
      sessions: [{ inDays: 75, place: 'Kemijärven kulttuurikeskus', municipalityCode: '320', seats: 18, price: 140 }],
    },
  ];
}

export function demoPools(t: Timeline): DemoPool[] {
  const internships = { periodStart: t.monthStart(3), periodEnd: t.monthEnd(6) };
  const electricians = { periodStart: t.monthStart(2), periodEnd: t.monthEnd(4) };
  return [
    {
      by: 'educator',
      title: `12 energiatekniikan opiskelijaa etsii harjoittelupaikkaa ${monthsFi(internships.periodStart, internships.periodEnd)}`,
      description:
        'Lapin AMK:n energiatekniikan insinööriopiskelijat suorittavat kolmannen vuoden harjoittelunsa. ' +
        'Opiskelijat ovat opiskelleet sähkö- ja lämpöenergiatekniikkaa, rakennusten energiatehokkuutta ja ' +
        'uusiutuvaa energiaa, ja osa on jo tehnyt aurinkosähkö- ja lämpöpumppuasennuksia. Harjoittelu kestää ' +
        'noin neljä kuukautta. Harjoittelupaikka voi olla missä päin Lappia tahansa.',
      topics: ['solar-pv', 'wind-power', 'district-heating', 'building-energy', 'energy-audits', 'automation'],
      studentCount: 12,
      ...internships,
      placementKinds: ['INTERNSHIP'],
      studyLevel: 'BACHELOR',
      fieldOfStudy: 'Energiatekniikka (insinööri AMK)',
    },
    {
      by: 'educator.ulapland',
      language: 'en',
      languages: ['en', 'fi'],
      title: "Master's students looking for thesis topics in bioenergy",
      description:
        "Six students in the University of Lapland's English-language master's programmes are looking for " +
        'thesis topics from companies in bioenergy: biogas from farm side streams, wood chip supply chains, ' +
        'the permits and regulation of bioenergy plants, and circular economy in the North. Field work and ' +
        'interviews can be done anywhere in Lapland; supervision is in English.',
      topics: ['bioenergy', 'biogas', 'forest-energy-harvesting', 'permits-law', 'circular-economy'],
      online: true,
      studentCount: 6,
      periodStart: t.monthStart(2),
      periodEnd: t.monthEnd(8),
      placementKinds: ['THESIS'],
      studyLevel: 'MASTER',
      fieldOfStudy: 'Arctic governance and environmental law',
    },
    {
      by: 'educator.lappia',
      title: '8 sähköasentajaopiskelijaa työssäoppimaan Kemi-Tornion alueelle',
      description:
        'Lappian toisen vuoden sähköasentajaopiskelijat hakevat työpaikalla tapahtuvan oppimisen jaksoa ' +
        `${monthsFi(electricians.periodStart, electricians.periodEnd)}. Opiskelijoilla on ` +
        'sähkötyöturvallisuuskortti, ja he ovat tehneet asennuksia koulun työmailla. Jaksolle tehdään ' +
        'koulutussopimus, joten palkkaa ei edellytetä; työnantaja nimeää opiskelijalle ohjaajan.',
      topics: ['electrical-installation', 'solar-pv', 'electrical-safety', 'automation'],
      studentCount: 8,
      ...electricians,
      placementKinds: ['INTERNSHIP'],
      studyLevel: 'VOCATIONAL',
      fieldOfStudy: 'Sähkö- ja automaatioalan perustutkinto (sähköasentaja)',
    },
    {
      by: 'educator.redu',
      title: 'Metsä- ja sähköalan opiskelijoita kesätöihin Pohjois- ja Itä-Lappiin',
      description:
        'REDUn Sodankylän, Ivalon ja Kemijärven toimipisteiden metsäkoneenkuljettaja- ja sähköasentajaopiskelijat ' +
        'etsivät kesätöitä läheltä kotiaan. Moni on jo ajanut harvennuksia tai tehnyt asennustöitä opintojensa ' +
        'aikana, ja osa puhuu myös saamea.',
      topics: ['forest-energy-harvesting', 'firewood', 'wood-chips', 'electrical-installation'],
      municipalityCode: '758',
      studentCount: 10,
      periodStart: t.summer.start,
      periodEnd: t.summer.end,
      placementKinds: ['SUMMER_JOB'],
      studyLevel: 'VOCATIONAL',
      fieldOfStudy: 'Metsäalan sekä sähkö- ja automaatioalan perustutkinnot',
    },
  ];
}
