/**
 * Words for the demo history (./history-plan.ts): what past needs, courses, cover letters and
 * proposals said. Past needs are written from templates by topic, so that a year of postings reads
 * like a year of postings rather than one text copied a hundred times.
 */
import type { Locale } from '@keskusvaraamo/shared';

/** "Rovaniemellä": where, in Finnish, for each municipality of Lapland. */
export const IN_MUNICIPALITY: Record<string, string> = {
  '047': 'Enontekiöllä',
  '148': 'Inarissa',
  '240': 'Kemissä',
  '241': 'Keminmaalla',
  '261': 'Kittilässä',
  '273': 'Kolarissa',
  '320': 'Kemijärvellä',
  '498': 'Muoniossa',
  '583': 'Pelkosenniemellä',
  '614': 'Posiolla',
  '683': 'Ranualla',
  '698': 'Rovaniemellä',
  '732': 'Sallassa',
  '742': 'Savukoskella',
  '751': 'Simossa',
  '758': 'Sodankylässä',
  '845': 'Tervolassa',
  '851': 'Torniossa',
  '854': 'Pellossa',
  '890': 'Utsjoella',
  '976': 'Ylitorniolla',
};

/** What a placement does, by the company's topic: "Harjoittelija <fi>", and the work in a sentence. */
export interface PlacementRole {
  fi: string;
  work: string;
  sv?: string;
  workSv?: string;
  /** Thesis subjects in Finnish; `en` ones for the University of Lapland's international students. */
  theses: string[];
  thesesEn?: string[];
  thesesSv?: string[];
}

export const ROLES: Record<string, PlacementRole> = {
  'wood-chips': {
    fi: 'hakelämpölaitosten käyttöön ja huoltoon',
    work: 'Työhön kuuluu laitosten päivittäistä valvontaa, polttoaineen vastaanottoa, tuhkanpoistoa ja kattiloiden huoltoja.',
    sv: 'värmecentralernas drift och underhåll',
    workSv: 'I arbetet ingår daglig tillsyn av värmecentralerna, mottagning av flis och underhåll av pannorna.',
    theses: [
      'hakkeen kosteuden ja laadun seuranta lämpölaitoksilla',
      'hakkeen hankintaketjun kustannukset ja niiden hallinta',
    ],
    thesesSv: ['kvalitetsuppföljning av flis vid små värmecentraler'],
  },
  'district-heating': {
    fi: 'aluelämpöverkon kunnossapitoon',
    work: 'Pääset mukaan lämpökeskusten ja kaukolämpöverkon kunnossapitoon, mittauksiin ja vikakorjauksiin.',
    sv: 'närvärmenätets underhåll',
    workSv: 'Du deltar i underhåll av värmecentraler och fjärrvärmenät, i mätningar och i felavhjälpning.',
    theses: ['aluelämpöverkon lämpöhäviöiden kartoitus', 'lämpökeskuksen ohjauksen optimointi'],
    thesesEn: ['Reducing heat losses in a village district heating network'],
    thesesSv: ['värmeförlusterna i ett litet närvärmenät'],
  },
  'heat-entrepreneurship': {
    fi: 'lämpölaitosten käyttöön ja asiakaspalveluun',
    work: 'Tehtävinä on lämmönmyyntisopimusten seurantaa, asiakasyhteydenpitoa ja laitosten käyttöä.',
    sv: 'värmeföretagets vardag',
    workSv: 'Uppgifterna omfattar uppföljning av värmeavtal, kundkontakter och drift av anläggningarna.',
    theses: ['lämpöyrittäjyyden kannattavuus kunnan kiinteistöissä'],
    thesesSv: ['lönsamheten för värmeföretagande i kommunala fastigheter'],
  },
  'solar-pv': {
    fi: 'aurinkosähköasennuksiin',
    work: 'Työssä kiinnitetään paneeleja, kaapeloidaan ja tehdään käyttöönottomittauksia kokeneen asentajan parina.',
    theses: [
      'aurinkosähkön tuotanto lumikuormien alla Lapissa',
      'aurinkosähköjärjestelmän kannattavuus pienyrityksessä',
    ],
    thesesEn: ['Solar power production under snow loads in Lapland'],
  },
  'energy-storage': {
    fi: 'akkuvarastojen asennuksiin',
    work: 'Asennamme akkuvarastoja aurinkosähköjärjestelmien rinnalle ja opetamme asiakkaille niiden ohjauksen.',
    theses: ['akkuvaraston mitoitus ja kannattavuus maatilalla'],
    thesesEn: ['Sizing a battery storage for an off-grid tourism site'],
  },
  'air-heat-pumps': {
    fi: 'ilmalämpöpumppuasennuksiin',
    work: 'Teemme ilmalämpö- ja ilma-vesilämpöpumppujen asennuksia, huoltoja ja käyttöönottoja omakotitaloihin ja mökeille.',
    theses: ['ilma-vesilämpöpumpun hyötysuhde kovilla pakkasilla'],
  },
  'ground-source-heat': {
    fi: 'maalämpöasennuksiin',
    work: 'Pääset mukaan maalämpöjärjestelmien asennuksiin porauksesta käyttöönottoon.',
    theses: ['maalämmön ja aurinkosähkön yhdistäminen omakotitalossa'],
  },
  hvac: {
    fi: 'LVI-asennuksiin',
    work: 'Työ on lämmitys-, vesi- ja ilmanvaihtoasennuksia sekä huoltokäyntejä asentajan mukana.',
    theses: ['ilmanvaihdon lämmöntalteenoton parantaminen vanhoissa rakennuksissa'],
  },
  'electrical-installation': {
    fi: 'sähköasennuksiin',
    work: 'Tehtävinä on sähköasennuksia, kytkentöjä ja mittauksia omakotitaloissa, maatiloilla ja yrityksissä.',
    theses: ['sähköasennusten laadunvarmistus pienessä urakointiyrityksessä'],
  },
  'wind-power': {
    fi: 'tuulivoimaloiden huoltoon',
    work: 'Huoltotiimissä pääset mukaan määräaikaishuoltoihin, vianetsintään ja turbiinien tarkastuksiin.',
    theses: ['tuulivoimaloiden jäätymisen vaikutus huoltotarpeeseen'],
    thesesEn: ['Icing of wind turbine blades and its effect on maintenance'],
  },
  biogas: {
    fi: 'biokaasulaitoksen käyttöön',
    work: 'Työhön kuuluu syötteiden vastaanottoa, prosessin seurantaa ja laitoksen kunnossapitoa.',
    theses: ['biokaasulaitoksen syötteiden optimointi', 'biokaasun hyödyntäminen poro- ja maitotiloilla'],
    thesesEn: ['Biogas from reindeer husbandry side streams'],
  },
  'farm-energy': {
    fi: 'maatilojen energianeuvontaan',
    work: 'Kierrät neuvojan mukana tiloilla, kartoitat energiankulutusta ja laadit säästösuosituksia.',
    theses: ['maatilan energiankulutuksen kartoitus ja säästökeinot'],
  },
  'energy-audits': {
    fi: 'energiakatselmuksiin',
    work: 'Teet katselmoijan parina mittauksia ja laskelmia sekä kirjoitat katselmusraportteja.',
    theses: ['energiakatselmusten vaikuttavuus pienissä yrityksissä'],
  },
  'building-energy': {
    fi: 'energiaremonttien suunnitteluun',
    work: 'Suunnittelemme matkailu- ja asuinrakennusten energiaremontteja ja valvomme niiden toteutusta.',
    theses: ['matkailurakennusten energiatehokkuuden parantaminen'],
    thesesEn: ['Energy efficiency of tourism buildings in Arctic conditions'],
  },
  'forest-energy-harvesting': {
    fi: 'energiapuun korjuuseen',
    work: 'Työssä ajetaan harvesteria ja kuormatraktoria sekä huolletaan koneita kokeneen kuljettajan ohjauksessa.',
    theses: ['energiapuun korjuun logistiikka harvaan asutulla alueella'],
  },
  firewood: {
    fi: 'polttopuun tekoon ja toimituksiin',
    work: 'Teet polttopuuta, kuivaat ja pakkaat sitä sekä toimitat tilauksia asiakkaille.',
    theses: ['polttopuun kuivauksen energiatehokkuus'],
  },
  pellets: {
    fi: 'pellettitehtaan tuotantoon',
    work: 'Työ on pellettilinjan ajoa, laadunvalvontaa ja kattiloiden huoltokäyntejä asiakkailla.',
    theses: ['pelletin laadunvalvonnan kehittäminen'],
  },
  'machinery-maintenance': {
    fi: 'koneiden ja kuljettimien huoltoon',
    work: 'Huollat kuljettimia, kattiloita ja työkoneita ja opit ennakoivan kunnossapidon käytäntöjä.',
    theses: ['ennakoivan kunnossapidon mallin käyttöönotto'],
  },
  'electric-mobility': {
    fi: 'latauspisteiden asennuksiin',
    work: 'Asennamme sähköautojen latauspisteitä taloyhtiöihin, yrityksiin ja matkailukohteisiin.',
    theses: ['latausinfrastruktuurin mitoitus matkailukeskuksessa'],
  },
  automation: {
    fi: 'etävalvonnan ja automaation tehtäviin',
    work: 'Kehität laitosten etävalvontaa, hälytyksiä ja raportointia yhdessä automaatioasentajan kanssa.',
    theses: ['lämpölaitosten etävalvonnan kehittäminen'],
  },
};

/** A course a company needs, by topic; `{n}` is the number of people. */
export interface CourseNeedText {
  topics: string[];
  title: string;
  description: string;
  language?: Locale;
  remote?: boolean;
}

export const COURSE_NEEDS: CourseNeedText[] = [
  {
    topics: ['hot-work-card'],
    title: 'Tulityökorttikoulutus {n} hengelle',
    description:
      'Henkilöstömme tulityökortit vanhenevat, ja uudet asentajat tarvitsevat kortin. Etsimme yhden päivän ' +
      'tulityökoulutusta {n} hengelle mahdollisimman läheltä.',
  },
  {
    topics: ['occupational-safety-card'],
    title: 'Työturvallisuuskortti koko henkilöstölle',
    description:
      'Asiakkaamme vaativat työmailla voimassa olevan työturvallisuuskortin. Tarvitsemme koulutuksen {n} hengelle, ' +
      'mieluiten arkipäivänä kiireisimmän kauden ulkopuolella.',
  },
  {
    topics: ['electrical-safety'],
    title: 'Sähkötyöturvallisuuskoulutuksen uusinta asentajille',
    description:
      'SFS 6002 -kortit vanhenevat {n} asentajaltamme. Etsimme koulutusta, jonka voi suorittaa lähipäivänä tai verkossa.',
  },
  {
    topics: ['first-aid'],
    title: 'Ensiapukoulutus työmaille',
    description:
      'Haluamme, että jokaisella työmaalla on ensiaputaitoinen. Etsimme EA1-tasoista koulutusta {n} hengelle.',
  },
  {
    topics: ['working-at-heights'],
    title: 'Korkealla työskentelyn turvallisuuskoulutus',
    description:
      'Asennamme yhä enemmän katoille ja mastoihin. Tarvitsemme käytännönläheisen turvallisuuskoulutuksen {n} asentajalle.',
  },
  {
    topics: ['solar-pv', 'electrical-installation'],
    title: 'Aurinkosähköasennusten koulutus {n} asentajalle',
    description:
      'Aurinkosähkön kysyntä kasvaa, ja haluamme asentajillemme koulutuksen järjestelmien mitoitukseen, asennukseen ' +
      'ja käyttöönottoon.',
  },
  {
    topics: ['energy-storage', 'solar-pv'],
    title: 'Akkuvarastojen mitoitus ja kytkennät',
    description:
      'Asiakkaat kysyvät akkuja aurinkosähkön rinnalle. Etsimme koulutusta akkuvarastojen mitoitukseen, kytkentöihin ' +
      'ja ohjaukseen {n} hengelle.',
  },
  {
    topics: ['ground-source-heat', 'hvac'],
    title: 'Maalämpöpumppujen asennus ja käyttöönotto',
    description:
      'Laajennamme maalämpöasennuksiin ja tarvitsemme koulutuksen {n} asentajalle: mitoitus, asennus, käyttöönotto ' +
      'ja tavallisimmat viat.',
  },
  {
    topics: ['air-heat-pumps', 'hvac'],
    title: 'Ilma-vesilämpöpumppujen huoltokoulutus',
    description:
      'Huoltokäyntejä on enemmän kuin ehdimme tehdä. Etsimme koulutusta ilma-vesilämpöpumppujen huoltoon ja vianetsintään.',
  },
  {
    topics: ['wood-chips', 'district-heating'],
    title: 'Hakelämpölaitoksen käyttäjäkoulutus',
    description:
      'Uudet laitoksen hoitajamme tarvitsevat perehdytyksen kattilan ajoon, polttoaineen laatuun ja häiriötilanteisiin.',
  },
  {
    topics: ['heat-entrepreneurship', 'accounting'],
    title: 'Lämpöyrittäjän kustannuslaskenta ja hinnoittelu',
    description:
      'Haluamme osata laskea lämmön hinnan oikein kuntien tarjouskilpailuissa. Etsimme koulutusta {n} hengelle, ' +
      'etänä tai lähipäivänä.',
    remote: true,
  },
  {
    topics: ['energy-audits', 'building-energy'],
    title: 'Energiakatselmoijan pätevyyskoulutus',
    description:
      'Haluamme tarjota asiakkaillemme energiakatselmuksia. Tarvitsemme katselmoijan pätevyyteen valmentavan koulutuksen.',
  },
  {
    topics: ['farm-energy', 'energy-advice'],
    title: 'Maatilan energiasuunnitelman laatiminen',
    description:
      'Neuvomme maatiloja energia-asioissa ja haluamme oppia laatimaan tilan energiasuunnitelman tukihakuja varten.',
  },
  {
    topics: ['biogas', 'permits-law'],
    title: 'Biokaasulaitoksen käyttö ja luvat',
    description: 'Tarvitsemme koulutuksen tilakokoluokan biokaasulaitoksen käyttöön, turvallisuuteen ja lupa-asioihin.',
  },
  {
    topics: ['forest-energy-harvesting', 'wood-chips'],
    title: 'Energiapuun korjuu ja laatu',
    description:
      'Kuljettajamme tarvitsevat koulutusta energiapuun korjuuseen, kasaukseen ja hakkeen laatuvaatimuksiin.',
  },
  {
    topics: ['pellets', 'machinery-maintenance'],
    title: 'Pellettikattiloiden huolto ja säätö',
    description: 'Etsimme koulutusta pellettikattiloiden huoltoon ja säätöön {n} huoltomiehellemme.',
  },
  {
    topics: ['wind-power', 'machinery-maintenance'],
    title: 'Tuulivoimaloiden huollon perehdytys',
    description:
      'Uudet huoltoteknikkomme tarvitsevat perehdytyksen turbiinien määräaikaishuoltoihin ja turvallisuuteen.',
  },
  {
    topics: ['public-procurement'],
    title: 'Julkisten hankintojen tarjouskoulutus',
    description:
      'Kunnat kilpailuttavat energiapalvelunsa. Haluamme oppia tekemään hyviä tarjouksia julkisiin hankintoihin.',
    remote: true,
  },
  {
    topics: ['eu-projects', 'funding'],
    title: 'Investointituet ja EU-rahoitus pienelle energiayritykselle',
    description: 'Suunnittelemme investointeja ja haluamme tietää, mistä tukea voi hakea ja miten hakemus tehdään.',
    remote: true,
  },
  {
    topics: ['digital-marketing', 'marketing-sales'],
    title: 'Digimarkkinoinnin perusteet energiayritykselle',
    description: 'Haluamme löytää asiakkaat verkosta. Etsimme käytännönläheistä markkinointikoulutusta {n} hengelle.',
    remote: true,
  },
  {
    topics: ['electric-mobility', 'electrical-installation'],
    title: 'Sähköautojen latauspisteiden asennuskoulutus',
    description:
      'Taloyhtiöt ja matkailuyritykset kysyvät latauspisteitä. Tarvitsemme asennuskoulutuksen {n} sähköasentajalle.',
  },
  {
    topics: ['automation', 'district-heating'],
    title: 'Lämpölaitosten etävalvonta ja automaatio',
    description: 'Haluamme valvoa laitoksia etänä. Etsimme koulutusta automaation ja etävalvonnan perusteisiin.',
  },
  {
    topics: ['electricity-markets', 'smart-grids'],
    title: 'Sähkömarkkinat ja kysyntäjousto pienelle toimijalle',
    description: 'Haluamme ymmärtää, miten pieni yritys voi hyötyä kysyntäjoustosta ja reservimarkkinoista.',
    remote: true,
  },
  {
    topics: ['hot-work-card'],
    language: 'sv',
    title: 'Heta arbeten-kurs för {n} personer',
    description:
      'Våra montörers certifikat för heta arbeten går ut. Vi söker en endagskurs för {n} personer, gärna i Torneå.',
  },
  {
    topics: ['occupational-safety-card'],
    language: 'sv',
    title: 'Arbetarskyddskort för vår personal',
    description: 'Kunderna kräver arbetarskyddskort på arbetsplatserna. Vi behöver en kurs för {n} personer.',
  },
  {
    topics: ['heat-entrepreneurship', 'accounting'],
    language: 'sv',
    title: 'Ekonomiutbildning för värmeföretagare',
    description: 'Vi vill lära oss att räkna priset på värme rätt i kommunernas upphandlingar.',
    remote: true,
  },
];

/** A course the educators ran in past terms: one archived offer per term, its sessions in that term. */
export interface HistoryCourse {
  key: string;
  /** The educator who published it (the organisation's owner). */
  by: string;
  title: string;
  description: string;
  language?: Locale;
  topics: string[];
  /** Days in a row. */
  length?: number;
  from?: string;
  to?: string;
  seats: number;
  /** Euros, VAT included. */
  price: number;
  /** Municipality codes it is held in, in turn; null for online. */
  places: (string | null)[];
  /** Sessions in the first, second and third term of the history (the platform grows). */
  perTerm: [number, number, number];
  /** Runs only with this many confirmed seats, decided a week before. */
  minimum?: number;
}

export const HISTORY_COURSES: HistoryCourse[] = [
  {
    key: 'amk-solar',
    by: 'educator',
    title: 'Aurinkosähköjärjestelmien suunnittelu ja asennus',
    description:
      'Kolmen päivän kurssilla opit mitoittamaan ja asentamaan aurinkosähköjärjestelmän omakotitaloon, ' +
      'maatilalle tai yrityksen katolle.',
    topics: ['solar-pv', 'electrical-installation', 'energy-storage'],
    length: 3,
    seats: 16,
    price: 380,
    places: ['698', '240'],
    perTerm: [1, 2, 2],
    minimum: 6,
  },
  {
    key: 'amk-heat-business',
    by: 'educator',
    title: 'Hakelämpöyrittäjyyden perusteet',
    description:
      'Lämpölaitoksen mitoitus, hakkeen hankinta ja laatu, lämmönmyyntisopimukset sekä kustannuslaskenta ja hinnoittelu.',
    topics: ['heat-entrepreneurship', 'wood-chips', 'business-planning'],
    length: 2,
    from: '13:00',
    seats: 40,
    price: 120,
    places: [null, '698'],
    perTerm: [1, 1, 1],
  },
  {
    key: 'amk-audits',
    by: 'educator',
    title: 'Energiakatselmoinnin perusteet',
    description:
      'Kahden päivän kurssi rakennusten ja pienten yritysten energiakatselmuksista: mittaukset, laskelmat ja raportti.',
    topics: ['energy-audits', 'building-energy', 'efficiency'],
    length: 2,
    seats: 20,
    price: 290,
    places: ['698', '240'],
    perTerm: [0, 1, 1],
    minimum: 6,
  },
  {
    key: 'amk-heat-pumps',
    by: 'educator',
    title: 'Lämpöpumppujen mitoitus ja käyttöönotto',
    description: 'Maalämpö- ja ilma-vesilämpöpumppujen mitoitus, asennuksen laatu ja käyttöönotto kylmässä ilmastossa.',
    topics: ['ground-source-heat', 'air-heat-pumps', 'hvac'],
    seats: 20,
    price: 190,
    places: ['240', '698', '851'],
    perTerm: [1, 1, 2],
  },
  {
    key: 'amk-eu',
    by: 'educator',
    title: 'EU-rahoitus energiahankkeisiin',
    description: 'Verkkokoulutus rahoitusohjelmista, hakemuksen rakentamisesta ja hankkeen raportoinnista.',
    topics: ['eu-projects', 'funding'],
    from: '09:00',
    to: '15:00',
    seats: 40,
    price: 120,
    places: [null],
    perTerm: [1, 1, 1],
  },
  {
    key: 'lappia-hot-work',
    by: 'educator.lappia',
    title: 'Tulityökorttikoulutus',
    description:
      'SPEKin mukainen tulityökoulutus: teoria, koe ja käytännön sammutusharjoitukset. Kortti on voimassa viisi vuotta.',
    topics: ['hot-work-card'],
    from: '08:00',
    seats: 20,
    price: 145,
    places: ['240', '851', '854', '976', '240'],
    perTerm: [2, 3, 4],
    minimum: 8,
  },
  {
    key: 'lappia-safety-card',
    by: 'educator.lappia',
    title: 'Työturvallisuuskorttikoulutus',
    description:
      'Työturvallisuuskeskuksen aineistolla pidettävä päivän koulutus; hyväksytty koe antaa viiden vuoden kortin.',
    topics: ['occupational-safety-card'],
    from: '08:00',
    seats: 24,
    price: 160,
    places: ['851', '240'],
    perTerm: [1, 2, 2],
    minimum: 8,
  },
  {
    key: 'lappia-sfs6002',
    by: 'educator.lappia',
    title: 'Sähkötyöturvallisuuskoulutus SFS 6002',
    description: 'Sähkötyöturvallisuuskoulutus ja koe sähköalan ammattilaisille; kortti on voimassa viisi vuotta.',
    topics: ['electrical-safety'],
    from: '08:00',
    seats: 16,
    price: 210,
    places: ['851', null],
    perTerm: [1, 1, 2],
  },
  {
    key: 'lappia-heta',
    by: 'educator.lappia',
    language: 'sv',
    title: 'Heta arbeten – certifikatkurs på svenska',
    description: 'Endagskurs i heta arbeten enligt SPEK:s krav, på svenska i Torneå. Certifikatet gäller i fem år.',
    topics: ['hot-work-card'],
    from: '08:00',
    seats: 16,
    price: 145,
    places: ['851'],
    perTerm: [1, 1, 1],
    minimum: 6,
  },
  {
    key: 'lappia-first-aid',
    by: 'educator.lappia',
    title: 'Ensiapukoulutus EA1',
    description: 'Kahden päivän EA1-koulutus työpaikoille: hätäensiapu, elvytys ja tavallisimmat tapaturmat.',
    topics: ['first-aid'],
    length: 2,
    seats: 18,
    price: 220,
    places: ['240', '851'],
    perTerm: [0, 1, 1],
  },
  {
    key: 'redu-hot-work',
    by: 'educator.redu',
    title: 'Tulityökorttikoulutus Itä- ja Pohjois-Lapissa',
    description: 'Tulityökorttikoulutus REDUn toimipisteissä ja kuntien tiloissa: teoria, koe ja sammutusharjoitukset.',
    topics: ['hot-work-card'],
    from: '08:00',
    seats: 16,
    price: 145,
    places: ['758', '148', '320', '732', '261'],
    perTerm: [1, 2, 3],
    minimum: 6,
  },
  {
    key: 'redu-safety-card',
    by: 'educator.redu',
    title: 'Työturvallisuuskortti',
    description: 'Päivän työturvallisuuskorttikoulutus REDUn toimipisteissä.',
    topics: ['occupational-safety-card'],
    from: '08:00',
    seats: 20,
    price: 160,
    places: ['698', '758', '261'],
    perTerm: [1, 1, 2],
    minimum: 6,
  },
  {
    key: 'redu-forest-energy',
    by: 'educator.redu',
    title: 'Energiapuun korjuu ja hakkeen laatu',
    description: 'Kahden päivän kurssi energiapuun korjuusta, kasauksesta, kuivumisesta ja hakkeen laatuvaatimuksista.',
    topics: ['forest-energy-harvesting', 'wood-chips', 'firewood'],
    length: 2,
    seats: 14,
    price: 240,
    places: ['614', '683', '758'],
    perTerm: [1, 1, 1],
    minimum: 5,
  },
  {
    key: 'redu-boiler',
    by: 'educator.redu',
    title: 'Lämpölaitoksen hoitajan perusteet',
    description: 'Kattilan ajo, polttoaineen vastaanotto, häiriötilanteet ja kunnossapito pienillä lämpölaitoksilla.',
    topics: ['wood-chips', 'district-heating', 'machinery-maintenance'],
    length: 2,
    seats: 14,
    price: 260,
    places: ['698', '758'],
    perTerm: [1, 1, 1],
  },
  {
    key: 'redu-heights',
    by: 'educator.redu',
    title: 'Korkealla työskentelyn turvallisuus',
    description: 'Putoamissuojaimet, nostimet ja pelastautuminen katoilla ja mastoissa: teoria ja harjoitukset.',
    topics: ['working-at-heights'],
    seats: 12,
    price: 230,
    places: ['698', '261'],
    perTerm: [0, 1, 1],
    minimum: 5,
  },
  {
    key: 'ulapland-permits',
    by: 'educator.ulapland',
    language: 'en',
    title: 'Energy law and permitting in the Arctic',
    description:
      'A one-day course on permits for wind, hydro and bioenergy projects, and on land use in reindeer herding areas.',
    topics: ['permits-law', 'wind-power', 'small-hydro'],
    from: '10:00',
    seats: 30,
    price: 150,
    places: ['698', null],
    perTerm: [1, 1, 1],
  },
  {
    key: 'ulapland-wind',
    by: 'educator.ulapland',
    title: 'Tuulivoiman luvitus ja maankäyttö',
    description:
      'Verkkokoulutus tuulivoimahankkeiden kaavoituksesta, luvista ja vuorovaikutuksesta paikallisten kanssa.',
    topics: ['wind-power', 'permits-law'],
    from: '13:00',
    seats: 40,
    price: 90,
    places: [null],
    perTerm: [0, 1, 1],
  },
  {
    key: 'proagria-farm-plan',
    by: 'educator.proagria',
    title: 'Maatilan energiasuunnitelma',
    description:
      'Päivän kurssi tilan energiankulutuksen kartoituksesta, säästökeinoista ja energiasuunnitelmasta tukihakuja varten.',
    topics: ['farm-energy', 'energy-advice'],
    from: '10:00',
    to: '15:00',
    seats: 20,
    price: 60,
    places: ['683', '614', '854', '976', '732', '845'],
    perTerm: [1, 2, 3],
    minimum: 5,
  },
  {
    key: 'proagria-biogas',
    by: 'educator.proagria',
    title: 'Biokaasu maatilalla',
    description: 'Tilakokoluokan biokaasulaitoksen mahdollisuudet, kannattavuus, luvat ja käyttökokemukset.',
    topics: ['biogas', 'farm-energy'],
    from: '10:00',
    to: '15:00',
    seats: 20,
    price: 60,
    places: ['758', '976', '854'],
    perTerm: [1, 1, 1],
    minimum: 5,
  },
  {
    key: 'proagria-farm-solar',
    by: 'educator.proagria',
    title: 'Aurinkosähkö maatilalle',
    description: 'Tilan aurinkosähköjärjestelmän mitoitus, kannattavuus ja investointituki.',
    topics: ['solar-pv', 'farm-energy'],
    from: '10:00',
    to: '15:00',
    seats: 24,
    price: 60,
    places: ['845', '683', '261'],
    perTerm: [1, 1, 2],
  },
];

/** Where a course was held, by municipality code: the place shown on the session. */
export const VENUES: Record<string, string> = {
  '148': 'REDU Ivalo',
  '240': 'Lapin AMK, Kemin kampus',
  '241': 'Keminmaan kunnantalo',
  '261': 'Kittilän kunnantalo',
  '273': 'Kolarin kunnantalo',
  '320': 'REDU Kemijärvi',
  '614': 'Posion kunnantalo',
  '683': 'Ranuan kunnantalo',
  '698': 'Rovaniemi',
  '732': 'Sallan kunnantalo',
  '758': 'REDU Sodankylä',
  '845': 'Tervolan kunnantalo',
  '851': 'Lappia, Tornion kampus',
  '854': 'Pellon kunnantalo',
  '976': 'Ylitornion kunnantalo',
};

/** The educator's own campus in a municipality, where it has one. */
export const CAMPUSES: Record<string, Record<string, string>> = {
  educator: { '698': 'Lapin AMK, Rovaniemen kampus', '240': 'Lapin AMK, Kemin kampus', '851': 'Lapin AMK, Tornio' },
  'educator.lappia': { '240': 'Lappia, Kemin kampus', '851': 'Lappia, Tornion kampus' },
  'educator.redu': { '698': 'REDU Rovaniemi', '758': 'REDU Sodankylä', '148': 'REDU Ivalo', '320': 'REDU Kemijärvi' },
  'educator.ulapland': { '698': 'University of Lapland, Rovaniemi campus' },
  'educator.proagria': { '698': 'ProAgria Lappi, Rovaniemi' },
};

/** The term a course ran in, for its title: "syksy 2025". */
export function termLabel(language: Locale, autumn: boolean, year: number): string {
  if (language === 'sv') return `${autumn ? 'hösten' : 'våren'} ${year}`;
  if (language === 'en') return `${autumn ? 'autumn' : 'spring'} ${year}`;
  return `${autumn ? 'syksy' : 'kevät'} ${year}`;
}

/** Cover letters: `{title}`, `{field}` and `{institution}` filled in. */
export const COVER_LETTERS: Record<'fi' | 'sv', string[]> = {
  fi: [
    'Hei! Haen ilmoittamaanne paikkaa ({title}), koska ala kiinnostaa minua erityisesti. Olen tunnollinen ja ' +
      'opin nopeasti, ja minulla on B-ajokortti. Opinnot: {field}, {institution}.',
    'Tein viime vuonna alan töitä kesän ajan ja haluaisin nyt syventää osaamistani. Voin aloittaa joustavasti ' +
      'ja matkustaa tarvittaessa. Opinnot: {field}, {institution}.',
    'Hei, haen paikkaa ({title}). Opintoni ovat loppusuoralla, ja haluaisin oppia lisää käytännön töistä. ' +
      'Pääsen töihin omalla autolla. Opinnot: {field}, {institution}.',
    'Minua kiinnostaa uusiutuva energia, ja paikkanne sopisi hyvin opintoihini. Olen tottunut ulkotöihin ja ' +
      'tiimityöhön. Opinnot: {field}, {institution}.',
    'Hei! Etsin paikkaa, jossa pääsisin oppimaan käytännössä, ja ilmoituksenne ({title}) osui silmään. ' +
      'Kerron mielelläni lisää haastattelussa. Opinnot: {field}, {institution}.',
  ],
  sv: [
    'Hej! Jag söker platsen ({title}) eftersom arbetet intresserar mig. Jag har B-körkort och kan börja ' +
      'flexibelt. Studier: {field}, {institution}.',
    'Jag vill gärna lära mig mer i praktiken och talar svenska, finska och engelska. ' +
      'Studier: {field}, {institution}.',
  ],
};

export const REJECT_REASONS = [
  'Valitsimme tällä kertaa hakijan, jolla on jo kokemusta vastaavista töistä. Kiitos hakemuksesta!',
  'Paikka täytettiin hakijalla, jonka opinnot olivat pidemmällä. Onnea jatkoon!',
  'Kiitos kiinnostuksesta. Emme valitettavasti pysty tarjoamaan paikkaa tällä kertaa.',
];

export const CLOSED_REASON = 'Haku keskeytettiin, eikä paikkaa täytetä tällä kertaa. Kiitos hakemuksesta!';
export const FILLED_ELSEWHERE_REASON = 'Paikka on täytetty. Kiitos hakemuksesta ja onnea jatkoon!';

/** Coordinators' and educators' notes on proposals: `{course}` is the course's title. */
export const PROPOSAL_NOTES = {
  course: [
    '{course} sopisi tarpeeseenne sekä aiheeltaan että ajankohdaltaan. Paikkoja on vielä vapaana.',
    'Ehdotan kurssia {course}: se järjestetään lähellä teitä, ja kouluttaja voi painottaa teidän laitteitanne.',
    'Tämä toteutus ({course}) vastaa toivettanne. Ilmoittautuminen on auki vielä muutaman viikon.',
  ],
  student: [
    'Tämä opiskelija etsii juuri teidän alanne paikkaa ja on käytettävissä toivomananne aikana.',
    'Opiskelijan aiheet ja opinnot sopivat hyvin tarpeeseenne. Suosittelen juttelemaan hänen kanssaan.',
  ],
};

export const FIRST_NAMES = [
  'Antti',
  'Mikko',
  'Jari',
  'Timo',
  'Juha',
  'Harri',
  'Kalle',
  'Tuomo',
  'Petri',
  'Janne',
  'Markus',
  'Ossi',
  'Esa',
  'Ari',
  'Heikki',
  'Pasi',
  'Lauri',
  'Tero',
  'Risto',
  'Ville',
  'Anne',
  'Sari',
  'Minna',
  'Tiina',
  'Kirsi',
  'Marja',
  'Päivi',
  'Johanna',
  'Hanna',
  'Satu',
  'Elina',
  'Riikka',
  'Jenni',
  'Laura',
  'Anu',
  'Maarit',
];

export const LAST_NAMES = [
  'Ylitalo',
  'Kemppainen',
  'Rautio',
  'Hietala',
  'Lantto',
  'Mäkelä',
  'Jokela',
  'Tervo',
  'Ojala',
  'Alatalo',
  'Saari',
  'Kangas',
  'Keskitalo',
  'Niemelä',
  'Väänänen',
  'Lehtola',
  'Pietilä',
  'Heikkilä',
  'Rova',
  'Kallio',
  'Ollila',
  'Vaara',
  'Haapala',
  'Pudas',
  'Körkkö',
  'Mustonen',
  'Kivelä',
  'Aho',
  'Lassila',
  'Alaniska',
];
