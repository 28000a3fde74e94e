/**
 * The demo companies' needs: training they want, and interns, summer workers and thesis writers
 * they look for. Each is posted by the company's owner for the company, in its municipality unless
 * told. The Tornio company writes in Swedish; a few thesis topics are in English for the
 * University of Lapland's international students.
 */
import type { DemoNeed } from './marketplace.js';
import { seasonFi, seasonSv, type Timeline } from './timeline.js';

export function demoNeeds(t: Timeline): DemoNeed[] {
  /** A period from the start of the month `from` months ahead, `months` months long. */
  const period = (from: number, months: number) => ({
    periodStart: t.monthStart(from),
    periodEnd: t.monthEnd(from + months - 1),
  });
  /** A placement's period with its application deadline about `weeks` weeks ahead. */
  const placement = (from: number, months: number, weeks: number) => {
    const p = period(from, months);
    return { ...p, applicationDeadline: t.deadline(weeks, p.periodStart) };
  };
  const summer = (weeks: number) => ({
    periodStart: t.summer.start,
    periodEnd: t.summer.end,
    applicationDeadline: t.deadline(weeks, t.summer.start),
  });
  const spring = period(1, 3);

  return [
    // Tunturienergia Oy, Salla
    {
      by: 'entrepreneur',
      kind: 'COURSE',
      title: `Tulityökorttikoulutus 6 hengelle ${seasonFi(spring.periodStart)}`,
      description:
        'Asentajiemme tulityökortit vanhenevat, ja kaksi uutta asentajaa tarvitsee kortin ensimmäistä kertaa. ' +
        'Etsimme yhden päivän tulityökoulutusta kuudelle hengelle mieluiten Sallassa tai Kemijärvellä. ' +
        'Käytännön harjoitukset saa pitää pihallamme, ja sammutusvälineet löytyvät omasta takaa.',
      topics: ['hot-work-card'],
      ...spring,
      positions: 6,
      budget: 900,
    },
    {
      by: 'entrepreneur',
      key: 'tunturi-solar',
      kind: 'COURSE',
      title: 'Aurinkosähkö- ja akkuvarastokoulutus kahdelle uudelle asentajalle',
      description:
        'Kaksi uutta asentajaamme tarvitsee koulutuksen aurinkosähköjärjestelmien mitoitukseen, asennukseen ja ' +
        'käyttöönottoon. Yhä useampi asiakas kysyy myös akkuvarastoa, joten sen kytkennät ja ohjaus kiinnostavat. ' +
        'Koulutus voi olla Rovaniemellä tai Kemijärvellä.',
      topics: ['solar-pv', 'energy-storage', 'electrical-installation'],
      ...period(1, 3),
      positions: 2,
      budget: 1400,
    },
    {
      by: 'entrepreneur',
      kind: 'INTERNSHIP',
      title: 'Harjoittelija lämpöpumppu- ja aurinkosähköasennuksiin Sallaan',
      description:
        'Asennamme ilma-vesilämpöpumppuja ja aurinkosähköjärjestelmiä maatiloille, omakotitaloihin ja ' +
        'lomakyliin Sallan ja Kuusamon suunnalla. Harjoittelija kulkee asentajan mukana työmailla ja pääsee ' +
        'tekemään kytkentöjä, käyttöönottoja ja huoltokäyntejä. Sopii sähkö- tai LVI-alan opiskelijalle. ' +
        'Majoitus järjestyy tarvittaessa yrityksen kautta.',
      topics: ['air-heat-pumps', 'solar-pv', 'hvac'],
      ...placement(3, 3, 6),
      positions: 1,
      pay: 1950,
    },
    {
      by: 'entrepreneur',
      kind: 'SUMMER_JOB',
      title: 'Kesätyöntekijä asennustiimiin Sallaan',
      description:
        'Kesä on kiireisintä aikaamme, kun aurinkopaneeleja nostetaan katoille ja lämpöpumppuja vaihdetaan. ' +
        'Haemme kesätyöntekijää apuasentajaksi: kantamista, kiinnitystöitä, kaapelointia ja työmaiden siivousta. ' +
        'Aiempaa kokemusta ei tarvita, mutta sähkö- tai rakennusalan opinnot ovat eduksi. B-ajokortti vaaditaan.',
      topics: ['solar-pv', 'electrical-installation'],
      ...summer(6),
      positions: 1,
      pay: 2200,
    },
    {
      by: 'entrepreneur',
      state: 'CLOSED',
      kind: 'COURSE',
      title: 'EU-rahoitus ja investointituet pienelle energiayritykselle',
      description:
        'Haluamme ymmärtää, mistä pieni asennusyritys voi hakea tukea kaluston ja sähköautojen hankintaan. ' +
        'Toivomme etäkoulutusta kahdelle hengelle. Löysimme jo sopivan webinaarin, joten tarve on suljettu.',
      topics: ['funding', 'eu-projects'],
      remote: true,
      ...period(1, 2),
      positions: 2,
      budget: 400,
    },

    // Kemijoen Hakelämpö Oy, Rovaniemi
    {
      by: 'kemijoki',
      kind: 'INTERNSHIP',
      title: 'Harjoittelija hakelämpölaitosten käyttöön ja huoltoon',
      description:
        'Operoimme kuutta hakelämpölaitosta Rovaniemen ympäristön kylissä. Harjoittelija osallistuu laitosten ' +
        'päivittäiseen valvontaan, polttoaineen vastaanottoon, tuhkanpoistoon ja kattiloiden huoltoihin. ' +
        'Työssä oppii lämpöyrittäjän arjen koko kirjon. Sopii energia-, kone- tai automaatioalan opiskelijalle.',
      topics: ['wood-chips', 'district-heating', 'machinery-maintenance'],
      ...placement(2, 4, 4),
      positions: 2,
      pay: 2000,
    },
    {
      by: 'kemijoki',
      kind: 'THESIS',
      thesisLevel: 'BACHELOR',
      title: 'Opinnäytetyö: hakkeen kosteuden etämittaus lämpölaitoksilla',
      description:
        'Hakkeen kosteus vaihtelee ja vaikuttaa suoraan hyötysuhteeseen. Haluamme selvittää, millaisilla ' +
        'antureilla ja etäyhteyksillä kosteutta voisi seurata jatkuvasti ja miten tieto ohjaisi polttoaineen ' +
        'hankintaa. Työhön kuuluu anturien vertailu, koeasennus yhdelle laitokselle ja kannattavuuslaskelma.',
      topics: ['wood-chips', 'automation', 'data-and-software'],
      ...placement(3, 5, 8),
      positions: 1,
      pay: 2200,
    },
    {
      by: 'kemijoki',
      kind: 'COURSE',
      title: 'Lämpöyrittäjän talous- ja sopimuskoulutus',
      description:
        'Kunnat kilpailuttavat lämmönmyyntisopimuksiaan, ja haluamme osata laskea tarjouksemme oikein. ' +
        'Etsimme koulutusta lämpöyrittäjän kustannuslaskentaan, hinnoitteluun ja julkisiin hankintoihin ' +
        'neljälle hengelle. Etäkoulutus käy hyvin, lähipäivä Rovaniemellä olisi plussaa.',
      topics: ['heat-entrepreneurship', 'accounting', 'public-procurement'],
      remote: true,
      ...period(1, 4),
      positions: 4,
      budget: 2000,
    },
    {
      by: 'kemijoki',
      kind: 'SUMMER_JOB',
      title: 'Kesätyöntekijä hakelämpölaitosten huoltotöihin',
      description:
        'Kesällä laitokset ajetaan pienellä teholla ja tehdään vuosihuollot. Tarvitsemme kaksi kesätyöntekijää ' +
        'siivoamaan kattilahuoneita, huoltamaan kuljettimia ja maalaamaan. Työ on fyysistä ja tapahtuu eri ' +
        'kylissä, joten ajokortti on tarpeen.',
      topics: ['wood-chips', 'machinery-maintenance'],
      ...summer(5),
      positions: 2,
      pay: 2050,
    },

    // Aurinkolappi Oy, Kemijärvi
    {
      by: 'aurinkolappi',
      kind: 'INTERNSHIP',
      title: 'Aurinkosähköjärjestelmien asentaja harjoitteluun',
      description:
        'Etsimme kahta sähköalan opiskelijaa harjoitteluun asentamaan aurinkosähköjärjestelmiä omakotitaloihin ' +
        'ja maatiloille Kemijärven ja Sallan alueella. Työ on paneelien kiinnitystä katoille ja maahan, ' +
        'kaapelointia, invertterien kytkentää ja käyttöönottomittauksia kokeneen asentajan parina. ' +
        'Työturvallisuuskortti ja tulityökortti ovat eduksi, ja ne voi suorittaa myös harjoittelun alussa.',
      topics: ['solar-pv', 'electrical-installation', 'working-at-heights'],
      ...placement(2, 3, 5),
      positions: 2,
      pay: 2100,
    },
    {
      by: 'aurinkolappi',
      kind: 'THESIS',
      thesisLevel: 'BACHELOR',
      title: 'Opinnäytetyö: akkuvaraston kannattavuus maatilan aurinkosähköjärjestelmässä',
      description:
        'Yhä useampi asiakas kysyy akkua aurinkosähkön rinnalle. Haluamme tietää, milloin akku kannattaa ' +
        'lypsykarjatilalla, kun otetaan huomioon pörssisähkö, reservimarkkinat ja Lapin pitkä pimeä kausi. ' +
        'Käytössäsi on kolmen asiakastilan kulutus- ja tuotantodata kahdelta vuodelta.',
      topics: ['energy-storage', 'solar-pv', 'farm-energy', 'electricity-markets'],
      ...placement(3, 5, 9),
      positions: 1,
      pay: 2000,
    },
    {
      by: 'aurinkolappi',
      kind: 'COURSE',
      title: 'Aurinkosähkön myyntikoulutus kolmelle myyjälle',
      description:
        'Myyjämme tuntevat tekniikan, mutta tarjouksista tulee kauppaa liian harvoin. Haemme käytännönläheistä ' +
        'myyntikoulutusta: asiakkaan tarpeen kartoitus, takaisinmaksuajan selittäminen ja tarjouksen seuranta. ' +
        'Koulutus voi olla Kemijärvellä tai verkossa.',
      topics: ['solar-pv', 'marketing-sales'],
      remote: true,
      ...period(1, 3),
      positions: 3,
      budget: 1500,
    },

    {
      by: 'aurinkolappi',
      kind: 'COURSE',
      title: `Tulityökortit neljälle asentajalle ${seasonFi(spring.periodStart)}`,
      description:
        'Kattoasennuksissa ja läpivientien tiivistyksissä tarvitaan tulityökortti, ja neljän asentajamme kortit ' +
        'vanhenevat keväällä. Koulutus voisi olla Kemijärvellä tai Sallassa, ja sen voi hyvin järjestää yhdessä ' +
        'naapuriyritysten kanssa.',
      topics: ['hot-work-card'],
      ...period(1, 2),
      positions: 4,
      budget: 600,
    },

    // Inarin Bioenergia Oy, Inari
    {
      by: 'inari',
      kind: 'SUMMER_JOB',
      title: 'Kesätyöntekijöitä polttopuun tekoon ja toimituksiin Inarissa',
      description:
        'Teemme kesän aikana talven polttopuut Ivalon, Inarin ja Utsjoen asiakkaille. Kesätyöntekijät ' +
        'pilkkovat, pakkaavat ja kuljettavat puuta sekä huoltavat koneita. Saamen kielen taito on eduksi, ' +
        'sillä moni asiakkaamme asioi mieluiten saameksi. Majoitusta voidaan järjestää Ivalossa.',
      topics: ['firewood', 'forest-energy-harvesting'],
      ...summer(7),
      positions: 3,
      pay: 2000,
    },
    {
      by: 'inari',
      state: 'CLOSED',
      kind: 'COURSE',
      title: 'Työturvallisuuskorttikoulutus koko henkilöstölle',
      description:
        'Kahdeksan työntekijäämme tarvitsee työturvallisuuskortin, ja koulutus pitäisi saada Ivaloon, jotta ' +
        'kukaan ei joudu ajamaan Rovaniemelle. Sovimme jo koulutuksesta REDUn kanssa, joten tarve on suljettu.',
      topics: ['occupational-safety-card', 'first-aid'],
      ...period(1, 2),
      positions: 8,
      budget: 1600,
    },
    {
      by: 'inari',
      kind: 'THESIS',
      thesisLevel: 'MASTER',
      language: 'en',
      languages: ['en', 'fi'],
      title: "Master's thesis: firewood and wood chip logistics in Northern Lapland",
      description:
        'Distances in Inari and Utsjoki are long and our customers are spread along the roads to Norway. ' +
        'We would like a thesis on how firewood and wood chip deliveries could be planned together, what ' +
        'they cost per kilometre, and whether a shared depot with neighbouring entrepreneurs would pay off. ' +
        'The thesis is unpaid, but we cover travel and accommodation for field work in Ivalo.',
      topics: ['forest-energy-harvesting', 'wood-chips', 'circular-economy'],
      remote: true,
      ...placement(3, 6, 10),
      positions: 1,
      pay: 'UNPAID',
    },

    // Tornionlaakson Lämpöyrittäjät Oy, Tornio (writes in Swedish)
    {
      by: 'tornionlaakso',
      kind: 'INTERNSHIP',
      language: 'sv',
      languages: ['sv', 'fi'],
      title: 'Praktikant till våra värmecentraler i Tornedalen',
      description:
        'Vi är ett samägt bolag för värmeföretagare som driver flisvärmecentraler i byarna längs Torne älv. ' +
        'Som praktikant följer du driften, gör fjärravläsningar, hjälper till vid service och lär dig hur ' +
        'en liten närvärmeanläggning sköts. Du behöver inte kunna svenska perfekt, vi talar både svenska och finska.',
      topics: ['district-heating', 'wood-chips', 'automation'],
      ...placement(3, 4, 7),
      positions: 1,
      pay: 2000,
    },
    {
      by: 'tornionlaakso',
      kind: 'COURSE',
      language: 'sv',
      languages: ['sv', 'fi'],
      title: `Utbildning i heta arbeten för åtta värmeföretagare ${seasonSv(spring.periodStart)}`,
      description:
        'Åtta av våra delägare behöver förnya sitt certifikat för heta arbeten. Vi önskar en endagskurs i ' +
        'Torneå eller Övertorneå, gärna på svenska, men finska går också bra.',
      topics: ['hot-work-card'],
      ...spring,
      positions: 8,
      budget: 1200,
    },
    {
      by: 'tornionlaakso',
      kind: 'THESIS',
      thesisLevel: 'BACHELOR',
      language: 'sv',
      languages: ['sv', 'fi', 'en'],
      title: 'Examensarbete: gemensam upphandling av flis för värmeföretagare',
      description:
        'Våra delägare köper flis var för sig. Vi vill veta om en gemensam upphandling skulle sänka priset ' +
        'och säkra leveranserna, och hur avtalen i så fall borde se ut. Arbetet kan skrivas på svenska, ' +
        'finska eller engelska.',
      topics: ['public-procurement', 'heat-entrepreneurship', 'wood-chips'],
      ...placement(3, 4, 8),
      positions: 1,
      pay: 1900,
    },
    {
      by: 'tornionlaakso',
      state: 'DRAFT',
      kind: 'SUMMER_JOB',
      languages: ['fi', 'sv'],
      title: 'Kesätyöntekijä lämpökeskusten kunnossapitoon Tornionlaaksoon',
      description:
        'Kesätyöntekijä kiertää lämpökeskuksia Torniosta Pellolle: huoltaa kuljettimia, puhdistaa kattiloita ' +
        'ja pitää piha-alueet kunnossa. Ilmoitus julkaistaan, kun kesän budjetti on vahvistettu.',
      topics: ['district-heating', 'machinery-maintenance'],
      ...summer(8),
      positions: 1,
      pay: 2100,
    },

    // Pellon Pelletti Oy, Pello
    {
      by: 'pello',
      kind: 'INTERNSHIP',
      title: 'Tuotantoharjoittelija pellettitehtaalle',
      description:
        'Pellettitehtaallamme kuivataan ja puristetaan sahanpurua noin 20 000 tonnia vuodessa. Harjoittelija ' +
        'osallistuu tuotannon valvontaan, laadunmittauksiin ja kunnossapitoon sekä auttaa prosessin ' +
        'automaation hienosäädössä. Sopii kone-, automaatio- tai energia-alan opiskelijalle.',
      topics: ['pellets', 'machinery-maintenance', 'automation'],
      ...placement(2, 3, 3),
      positions: 2,
      pay: 1900,
    },
    {
      by: 'pello',
      kind: 'COURSE',
      title: 'Pellettikattiloiden huolto- ja säätökoulutus kolmelle huoltomiehelle',
      description:
        'Huollamme asiakkaidemme pellettikattiloita ympäri Tornionlaaksoa. Kolme huoltomiestämme tarvitsee ' +
        'koulutusta polttimien säätöön, savukaasumittauksiin ja yleisimpien vikojen etsintään. Koulutus voi ' +
        'olla Pellossa tai Rovaniemellä.',
      topics: ['pellets', 'machinery-maintenance'],
      ...period(1, 3),
      positions: 3,
      budget: 1800,
    },
    {
      by: 'pello',
      state: 'CLOSED',
      kind: 'SUMMER_JOB',
      title: 'Kesätyöntekijöitä pakkaamoon ja lastaukseen',
      description:
        'Kesätyöntekijät pakkaavat pellettejä säkkeihin, lastaavat kuorma-autoja ja pitävät varaston ' +
        'järjestyksessä. Trukkikortti on eduksi. Paikat on täytetty, kiitos kaikille hakijoille.',
      topics: ['pellets'],
      ...summer(3),
      positions: 3,
      pay: 2000,
    },

    // Sodankylän Biokaasu Oy, Sodankylä
    {
      by: 'sodankyla',
      kind: 'THESIS',
      thesisLevel: 'MASTER',
      language: 'en',
      languages: ['en', 'fi'],
      title: "Master's thesis: farm side streams as biogas feedstock in Sodankylä",
      description:
        'We run a farm-scale biogas plant fed with manure from dairy and reindeer farms. We would like to ' +
        'map which other side streams in the area could be digested, how much gas they would give, and ' +
        'what collecting them would take. Paid for five months; the thesis can be written in English or Finnish.',
      topics: ['biogas', 'circular-economy', 'farm-energy'],
      ...placement(2, 5, 6),
      positions: 1,
      pay: 2300,
    },
    {
      by: 'sodankyla',
      kind: 'INTERNSHIP',
      title: 'Harjoittelija biokaasulaitoksen käyttöön',
      description:
        'Harjoittelija osallistuu biokaasulaitoksen päivittäiseen käyttöön: syötteiden vastaanottoon, ' +
        'näytteenottoon, prosessin seurantaan ja mädätteen levityksen suunnitteluun. Opit, miten pieni ' +
        'laitos tuottaa sähköä, lämpöä ja liikennekaasua samasta prosessista.',
      topics: ['biogas', 'automation', 'biofuels-transport'],
      ...placement(3, 4, 8),
      positions: 1,
      pay: 2000,
    },
    {
      by: 'sodankyla',
      kind: 'COURSE',
      title: 'Biokaasulaitoksen käyttöturvallisuus ja räjähdysvaaralliset tilat',
      description:
        'Laitoksellamme on räjähdysvaarallisia tiloja, ja neljä työntekijäämme tarvitsee koulutuksen ' +
        'ATEX-vaatimuksiin, kaasunilmaisimien käyttöön ja hätätilanteiden toimintaan. Koulutus pitäisi ' +
        'järjestää Sodankylässä laitoksen tiloissa.',
      topics: ['biogas', 'safety'],
      ...period(1, 3),
      positions: 4,
      budget: 2400,
    },

    // Kolarin Tuulivoimapalvelut Oy, Kolari
    {
      by: 'kolari',
      kind: 'INTERNSHIP',
      title: 'Harjoittelija tuulivoimaloiden huoltoon Länsi-Lappiin',
      description:
        'Huollamme tuulivoimaloita Kolarin, Pellon ja Ylitornion tuulipuistoissa. Harjoittelija tekee ' +
        'määräaikaishuoltoja ja vianetsintää kokeneen teknikon parina, myös nacellessa korkealla. ' +
        'GWO-perusturvallisuuskoulutus järjestetään ennen töiden alkua. Edellytämme sähkö- tai ' +
        'automaatioalan opintoja ja hyvää fyysistä kuntoa.',
      topics: ['wind-power', 'working-at-heights', 'electrical-installation'],
      ...placement(2, 4, 6),
      positions: 2,
      pay: 2300,
    },
    {
      by: 'kolari',
      kind: 'COURSE',
      title: 'GWO-perusturvallisuuskoulutus neljälle uudelle asentajalle',
      description:
        'Uudet asentajamme tarvitsevat GWO BST -moduulit: korkealla työskentely, ensiapu, käsin tehtävät ' +
        'nostot ja palontorjunta. Koulutuspaikka voi olla Lapissa tai Oulussa, kunhan koko ryhmä pääsee ' +
        'samaan toteutukseen.',
      topics: ['working-at-heights', 'first-aid', 'wind-power'],
      ...period(1, 2),
      positions: 4,
      budget: 4800,
    },
    {
      by: 'kolari',
      kind: 'SUMMER_JOB',
      title: 'Kesätyöntekijöitä tuulipuistojen huoltotöihin',
      description:
        'Kesä on tuulipuistoissa huoltokautta. Kesätyöntekijät avustavat teknikoita huoltokäynneillä, ' +
        'puhdistavat ja merkitsevät varaosia sekä pitävät huoltoreittejä kunnossa. Korkean paikan kammoa ' +
        'ei saa olla; koulutukset järjestämme itse.',
      topics: ['wind-power', 'machinery-maintenance'],
      ...summer(6),
      positions: 2,
      pay: 2400,
    },
    {
      by: 'kolari',
      kind: 'THESIS',
      thesisLevel: 'BACHELOR',
      title: 'Opinnäytetyö: turbiinien jäätymisen ennakointi huoltodatasta',
      description:
        'Lapin talvessa tuulivoimaloiden lavat jäätyvät, ja seisokit maksavat. Keräämme turbiineista ' +
        'säätä, tuotantoa ja vikailmoituksia, mutta dataa ei ole vielä hyödynnetty. Opinnäytetyössä ' +
        'rakennetaan yksinkertainen malli, joka ennustaa jäätymisseisokit vuorokautta etukäteen.',
      topics: ['wind-power', 'data-and-software'],
      remote: true,
      ...placement(2, 5, 7),
      positions: 1,
      pay: 2200,
    },

    // Posion Puuenergia Oy, Posio
    {
      by: 'posio',
      kind: 'SUMMER_JOB',
      title: 'Metsäkoneenkuljettaja kesäksi energiapuun korjuuseen',
      description:
        'Haemme kesäksi kuljettajaa korjaamaan energiapuuta harvennuksilta Posion ja Ranuan alueella. ' +
        'Kone on uusi John Deere 1170G energiakouralla. Edellytämme metsäkoneenkuljettajan opintoja tai ' +
        'vastaavaa kokemusta. Työ on kaksivuorotyötä.',
      topics: ['forest-energy-harvesting'],
      ...summer(5),
      positions: 1,
      pay: 2600,
    },
    {
      by: 'posio',
      state: 'DRAFT',
      kind: 'INTERNSHIP',
      title: 'Harjoittelija energiapuun logistiikan suunnitteluun',
      description:
        'Haluamme järkeistää energiapuun ajoa välivarastoilta lämpölaitoksille. Harjoittelija kokoaa ' +
        'kuljetustiedot, suunnittelee reitit uudelleen ja vertaa kaukokuljetuksen vaihtoehtoja. ' +
        'Luonnos: tarkennetaan tehtävät ennen julkaisua.',
      topics: ['forest-energy-harvesting', 'wood-chips', 'data-and-software'],
      ...placement(3, 3, 8),
      positions: 1,
      pay: 1900,
    },

    // Ranuan Maatilaenergia Oy, Ranua
    {
      by: 'ranua',
      kind: 'COURSE',
      title: 'Energiakatselmoijan pätevyyskoulutus kahdelle neuvojalle',
      description:
        'Teemme maatiloille energiakatselmuksia ja haluamme kahdelle uudelle neuvojallemme katselmoijan ' +
        'pätevyyden. Etsimme koulutusta, joka käy läpi maatilan energiakatselmuksen mallin, mittaukset ja ' +
        'raportoinnin käytännön esimerkein.',
      topics: ['energy-audits', 'farm-energy'],
      remote: true,
      ...period(2, 3),
      positions: 2,
      budget: 2500,
    },
    {
      by: 'ranua',
      kind: 'THESIS',
      thesisLevel: 'BACHELOR',
      title: 'Opinnäytetyö: lypsykarjatilan energiakatselmus ja aurinkosähkön mitoitus',
      description:
        'Kaksi asiakastilaamme Ranualla ja Posiolla haluaa tietää, mihin energia kuluu ja kannattaako ' +
        'aurinkosähkö. Opinnäytetyössä tehdään tilojen energiakatselmus ohjaajamme kanssa ja mitoitetaan ' +
        'aurinkosähköjärjestelmät. Työ on palkaton, mutta matkat korvataan.',
      topics: ['farm-energy', 'energy-audits', 'solar-pv'],
      ...placement(2, 4, 6),
      positions: 2,
      pay: 'UNPAID',
    },
    {
      by: 'ranua',
      kind: 'INTERNSHIP',
      title: 'Harjoittelija maatilojen energianeuvontaan',
      description:
        'Harjoittelija kiertää neuvojan kanssa maatiloilla, mittaa kulutusta, kokoaa raportteja ja ' +
        'kirjoittaa tiloille ymmärrettäviä suosituksia. Sopii energia- tai maaseutuelinkeinojen ' +
        'opiskelijalle, joka viihtyy ihmisten parissa.',
      topics: ['energy-advice', 'farm-energy'],
      ...placement(3, 3, 5),
      positions: 1,
      pay: 1900,
    },

    // Kittilän Energiaremontti Oy, Kittilä
    {
      by: 'kittila',
      kind: 'INTERNSHIP',
      title: 'Harjoittelija matkailurakennusten energiaremontteihin Levillä',
      description:
        'Teemme mökkikylien ja hotellien energiaremontteja: öljylämmityksen vaihtoja maalämpöön, ' +
        'ilmanvaihdon lämmöntalteenottoa ja kulutuksen etäseurantaa. Harjoittelija pääsee mukaan ' +
        'kartoituksiin, asennuksiin ja käyttöönottoihin. Sopii talotekniikan tai rakennusalan opiskelijalle.',
      topics: ['building-energy', 'hvac', 'ground-source-heat'],
      ...placement(3, 4, 6),
      positions: 2,
      pay: 2200,
    },
    {
      by: 'kittila',
      kind: 'COURSE',
      title: 'Energiatodistuksen laatijan koulutus kahdelle työntekijälle',
      description:
        'Asiakkaamme tarvitsevat energiatodistuksia myyntiä ja remontteja varten. Haemme koulutusta, joka ' +
        'valmistaa energiatodistuksen laatijan pätevyyskokeeseen ja käy läpi laskentaohjelmien käytön. ' +
        'Etäkoulutus sopii.',
      topics: ['building-energy', 'permits-law'],
      remote: true,
      ...period(1, 4),
      positions: 2,
      budget: 1800,
    },
    {
      by: 'kittila',
      state: 'CLOSED',
      kind: 'SUMMER_JOB',
      title: 'Kesätyöntekijöitä LVI-asennuksiin Levillä',
      description:
        'Kesätyöntekijät avustavat putkiasennuksissa ja lämpöpumppujen vaihdoissa mökkikohteissa. ' +
        'Haku on päättynyt, ja paikat on täytetty.',
      topics: ['hvac', 'building-energy'],
      ...summer(3),
      positions: 2,
      pay: 2300,
    },

    // Simon Aurinkosähkö Oy, Simo
    {
      by: 'simo',
      kind: 'INTERNSHIP',
      title: 'Harjoittelija aurinkosähkö- ja akkujärjestelmien suunnitteluun',
      description:
        'Suunnittelemme aurinkosähkö- ja akkujärjestelmiä koteihin, taloyhtiöihin ja yrityksiin ' +
        'Perämeren rannikolla. Harjoittelija tekee mitoituksia ja tuotantolaskelmia, piirtää ' +
        'kytkentäkaaviot ja valmistelee verkkoyhtiön liittymähakemukset. Sopii sähkö- tai ' +
        'energiatekniikan insinööriopiskelijalle.',
      topics: ['solar-pv', 'energy-storage', 'data-and-software'],
      ...placement(2, 4, 3),
      positions: 1,
      pay: 2100,
    },
    {
      by: 'simo',
      kind: 'COURSE',
      title: 'Sähköturvallisuuskoulutus (SFS 6002) asennustiimille',
      description:
        'Viiden hengen asennustiimimme sähkötyöturvallisuuskortit vanhenevat. Etsimme SFS 6002 -koulutusta ' +
        'Kemi-Tornion alueelta tai verkosta niin, että koko tiimi voi osallistua samana päivänä.',
      topics: ['electrical-safety'],
      remote: true,
      ...period(1, 2),
      positions: 5,
      budget: 1050,
    },
    {
      by: 'simo',
      kind: 'THESIS',
      thesisLevel: 'BACHELOR',
      title: 'Opinnäytetyö: aurinkosähkön energiayhteisö taloyhtiölle',
      description:
        'Uudistunut lainsäädäntö sallii taloyhtiön jakaa aurinkosähkön asukkaille. Selvitä, miten ' +
        'energiayhteisö perustetaan, miten sähkö jaetaan ja laskutetaan ja kannattaako malli Simon ja ' +
        'Kemin tyypillisissä kerrostaloissa. Opinnäytetyö on palkaton.',
      topics: ['solar-pv', 'electricity-markets', 'business-planning'],
      remote: true,
      ...placement(3, 5, 9),
      positions: 1,
      pay: 'UNPAID',
    },

    // Keminmaan Lämpöpumppu Oy, Keminmaa
    {
      by: 'keminmaa',
      kind: 'INTERNSHIP',
      title: 'Harjoittelija maalämpöasennuksiin Keminmaahan',
      description:
        'Asennamme maalämpöä omakotitaloihin ja maatiloille Kemi-Tornion alueella. Harjoittelija on mukana ' +
        'porakaivon liitännöissä, lämpöpumpun asennuksessa ja käyttöönotossa. Sopii LVI- tai ' +
        'talotekniikan opiskelijalle, myös työssäoppimisjaksolle.',
      topics: ['ground-source-heat', 'hvac'],
      ...placement(2, 3, 2),
      positions: 2,
      pay: 1900,
    },
    {
      by: 'keminmaa',
      kind: 'COURSE',
      title: `Lämpöpumppujen huolto ja vianetsintä kahdelle asentajalle ${seasonFi(t.monthStart(1))}`,
      description:
        'Kaksi uutta asentajaamme tarvitsee koulutuksen ilma-vesi- ja maalämpöpumppujen huoltoon ja ' +
        'vianetsintään sekä kylmäainepätevyyden. Toivomme koulutusta Kemissä tai Torniossa.',
      topics: ['air-heat-pumps', 'ground-source-heat', 'machinery-maintenance'],
      ...period(1, 3),
      positions: 2,
      budget: 1400,
    },
    {
      by: 'keminmaa',
      kind: 'COURSE',
      title: 'Tulityökorttikoulutus kolmelle asentajalle',
      description:
        'Juotamme kupariputkia ja teemme läpivientejä asiakkaiden kattiloihin, joten kolme asentajaamme tarvitsee ' +
        'tulityökortin. Koulutus Kemissä, Keminmaassa tai Torniossa sopii, mieluiten arkipäivänä.',
      topics: ['hot-work-card'],
      ...period(2, 2),
      positions: 3,
      budget: 450,
    },
    {
      by: 'keminmaa',
      state: 'DRAFT',
      kind: 'SUMMER_JOB',
      title: 'Kesätyöntekijä ilma-vesilämpöpumppujen asennuksiin',
      description:
        'Kesätyöntekijä avustaa asentajia ilma-vesilämpöpumppujen asennuksissa ja hoitaa varaston. ' +
        'Julkaisemme ilmoituksen, kun kevään tilauskanta on selvillä.',
      topics: ['air-heat-pumps'],
      ...summer(8),
      positions: 1,
      pay: 2150,
    },
  ];
}
