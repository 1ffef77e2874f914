import { type SessionInput, type TrainingInput, trainingKinds } from '../../shared/catalogue/api';
import { LEVEL_CODES, type LevelCode } from '../../shared/digisnap/framework';
import { type Province, provinces } from '../../shared/platform/flanders';

/**
 * Fictional but realistic demo trainings for the catalogue: the demo seed, the tests and the
 * benchmark. Every text is assembled from the hand-written phrase banks below, so hundreds of
 * trainings read varied and natural. Nothing here is copied from a real catalogue; providers
 * and domains are invented (example.be). Deterministic for a given `random` and `now`.
 */

type TrainingKind = (typeof trainingKinds)[number];
type Language = TrainingInput['language'];
type Audience = TrainingInput['audiences'][number];
type EducationLevel = 'pre_primary' | 'primary' | 'secondary' | 'adult' | 'special_needs';

export interface DemoProvider {
  key: string;
  name: string;
  contactEmail: string;
  website: string;
  verified: boolean;
}

export interface DemoTraining {
  providerKey: string;
  training: TrainingInput;
  sessions: SessionInput[];
}

// ------------------------------------------------------------------ providers

interface ProviderProfile {
  key: string;
  name: string;
  domain: string;
  verified: boolean;
  /** Where most of its in-person trainings take place; null for an online-only provider. */
  home: Province | null;
  /** Relative weights in the order of `trainingKinds`. */
  kinds: readonly [number, number, number, number, number, number];
  /** Relative weights of nl, en, fr. */
  languages: readonly [number, number, number];
  /** Relative share of the catalogue. */
  share: number;
}

const DEFAULT_LANGUAGES = [94, 5, 1] as const;

const providerProfiles: ProviderProfile[] = [
  {
    key: 'pbd-scheldeland',
    name: 'Pedagogische Begeleidingsdienst Scheldeland',
    domain: 'pbd-scheldeland.example.be',
    verified: true,
    home: 'oost-vlaanderen',
    kinds: [5, 2, 1, 2, 0, 2],
    languages: DEFAULT_LANGUAGES,
    share: 12,
  },
  { key: 'cvo-de-brug', name: 'CVO De Brug', domain: 'cvo-debrug.example.be', verified: true, home: 'antwerpen', kinds: [5, 2, 1, 3, 0, 0], languages: DEFAULT_LANGUAGES, share: 12 },
  { key: 'cvo-maasland', name: 'CVO Maasland', domain: 'cvo-maasland.example.be', verified: true, home: 'limburg', kinds: [5, 2, 1, 3, 0, 0], languages: DEFAULT_LANGUAGES, share: 9 },
  {
    key: 'hogeschool-vierwegen',
    name: 'Hogeschool Vierwegen – Expertisecentrum Digitaal Leren',
    domain: 'hogeschool-vierwegen.example.be',
    verified: true,
    home: 'vlaams-brabant',
    kinds: [3, 2, 2, 3, 0, 1],
    languages: [90, 8, 2],
    share: 12,
  },
  {
    key: 'hogeschool-westhoek',
    name: 'Hogeschool Westhoek – Lerarenopleiding',
    domain: 'hogeschool-westhoek.example.be',
    verified: true,
    home: 'west-vlaanderen',
    kinds: [4, 2, 2, 2, 0, 1],
    languages: DEFAULT_LANGUAGES,
    share: 9,
  },
  {
    key: 'klasfluisteraars',
    name: 'Klasfluisteraars bv',
    domain: 'klasfluisteraars.example.be',
    verified: true,
    home: 'oost-vlaanderen',
    kinds: [4, 2, 2, 1, 1, 1],
    languages: DEFAULT_LANGUAGES,
    share: 10,
  },
  {
    key: 'digitale-groei',
    name: 'Digitale Groei Bootcamps',
    domain: 'digitalegroei.example.be',
    verified: true,
    home: 'brussel',
    kinds: [0, 1, 0, 1, 6, 0],
    languages: DEFAULT_LANGUAGES,
    share: 7,
  },
  { key: 'edumooc-europa', name: 'EduMOOC Europa', domain: 'edumooc-europa.example.be', verified: true, home: null, kinds: [0, 2, 6, 0, 0, 3], languages: [45, 40, 15], share: 10 },
  { key: 'mediawerf', name: 'Mediawerf vzw', domain: 'mediawerf.example.be', verified: false, home: 'antwerpen', kinds: [3, 1, 1, 0, 0, 3], languages: DEFAULT_LANGUAGES, share: 8 },
  {
    key: 'leerpunt-kust',
    name: 'Leerpunt Kust',
    domain: 'leerpunt-kust.example.be',
    verified: true,
    home: 'west-vlaanderen',
    kinds: [4, 2, 0, 2, 0, 1],
    languages: DEFAULT_LANGUAGES,
    share: 5,
  },
  {
    key: 'schoolnet-brussel',
    name: 'Schoolnet Brussel vzw',
    domain: 'schoolnet-brussel.example.be',
    verified: false,
    home: 'brussel',
    kinds: [3, 2, 0, 1, 0, 1],
    languages: [80, 5, 15],
    share: 6,
  },
];

export const demoProviders: DemoProvider[] = providerProfiles.map((p) => ({
  key: p.key,
  name: p.name,
  contactEmail: `opleidingen@${p.domain}`,
  website: `https://www.${p.domain}`,
  verified: p.verified,
}));

// ------------------------------------------------------------------ places

export const CITIES: Record<Province, ReadonlyArray<readonly [string, string]>> = {
  antwerpen: [
    ['Antwerpen', '2000'],
    ['Mechelen', '2800'],
    ['Turnhout', '2300'],
    ['Geel', '2440'],
    ['Lier', '2500'],
    ['Mol', '2400'],
  ],
  limburg: [
    ['Hasselt', '3500'],
    ['Genk', '3600'],
    ['Sint-Truiden', '3800'],
    ['Tongeren', '3700'],
    ['Lommel', '3920'],
    ['Maasmechelen', '3630'],
  ],
  'oost-vlaanderen': [
    ['Gent', '9000'],
    ['Aalst', '9300'],
    ['Sint-Niklaas', '9100'],
    ['Oudenaarde', '9700'],
    ['Eeklo', '9900'],
    ['Dendermonde', '9200'],
  ],
  'vlaams-brabant': [
    ['Leuven', '3000'],
    ['Vilvoorde', '1800'],
    ['Halle', '1500'],
    ['Tienen', '3300'],
    ['Aarschot', '3200'],
    ['Diest', '3290'],
  ],
  'west-vlaanderen': [
    ['Brugge', '8000'],
    ['Kortrijk', '8500'],
    ['Oostende', '8400'],
    ['Roeselare', '8800'],
    ['Ieper', '8900'],
    ['Tielt', '8700'],
  ],
  brussel: [
    ['Brussel', '1000'],
    ['Anderlecht', '1070'],
    ['Jette', '1090'],
    ['Etterbeek', '1040'],
    ['Schaarbeek', '1030'],
    ['Elsene', '1050'],
  ],
};
const STREETS = [
  'Stationsstraat',
  'Kerkstraat',
  'Schoolstraat',
  'Nieuwstraat',
  'Molenstraat',
  'Kouterstraat',
  'Leopoldlaan',
  'Lindelaan',
  'Kasteelstraat',
  'Onderwijslaan',
  'Campusplein',
  'Vestingstraat',
  'Beukenlaan',
  'Marktplein',
  'Hoogstraat',
];
const ROOMS = ['Vergaderzaal', 'ICT-lokaal', 'Auditorium', 'Leslokaal', 'Atelier', 'Zaal'];

// ------------------------------------------------------------------ phrase banks

interface CompetenceBank {
  code: string;
  /** Title heads, free of any school level so a suffix can add one. */
  topics: string[];
  /** Clauses that follow "je leert …", "… toont …": they start with hoe/welke/wat. */
  learn: string[];
  context: string[];
  en: { topic: string; learn: string };
}

const BANKS: CompetenceBank[] = [
  {
    code: '1.1',
    topics: [
      'Vlot communiceren met ouders via het schoolplatform',
      'Digitale nieuwsbrieven en berichten die gelezen worden',
      'Heldere communicatieafspraken voor je schoolteam',
      'Het leerplatform slim inzetten voor schoolcommunicatie',
      'Communiceren met ouders in meerdere talen',
    ],
    learn: [
      'hoe je berichten aan ouders en leerlingen helder, tijdig en veilig verstuurt',
      'hoe je met je team afspraken maakt over welk kanaal je waarvoor gebruikt',
      'hoe je het schoolplatform zo instelt dat belangrijke informatie niet verloren gaat',
    ],
    context: [
      "Ouders, leerlingen en collega's krijgen dagelijks berichten via allerlei kanalen.",
      'Een doordachte digitale communicatie spaart tijd en voorkomt misverstanden met ouders.',
    ],
    en: { topic: 'Clear communication with parents and pupils through the school platform', learn: 'how to communicate clearly and safely with parents and pupils online' },
  },
  {
    code: '1.2',
    topics: [
      'Samen lesvoorbereidingen maken in gedeelde mappen',
      "Coöperatief werken met collega's in de cloud",
      'Vakgroepwerking digitaal organiseren',
      'Ideeën delen en samen lesmateriaal ontwikkelen',
      'Online samenwerken over scholen heen',
    ],
    learn: [
      "hoe je met collega's samen documenten maakt, bewerkt en bijhoudt",
      'hoe je een digitale vakgroepmap opzet die iedereen echt gebruikt',
      "hoe je ideeën en materiaal uitwisselt met collega's van andere scholen",
    ],
    context: ['Wie samen voorbereidt, bespaart tijd en leert van elkaar.', 'Samenwerken gebeurt steeds vaker digitaal, ook over de grenzen van de eigen school heen.'],
    en: { topic: 'Collaborating with colleagues in the cloud', learn: 'how to plan and build lessons together with colleagues in shared folders' },
  },
  {
    code: '1.3',
    topics: [
      'Reflecteren op je eigen digitale lespraktijk',
      'Je digitale didactiek kritisch bekeken',
      'Leren uit je eigen lessen met video en logboek',
      'Collegiale lesbezoeken met digitale tools',
    ],
    learn: [
      'hoe je je eigen gebruik van digitale middelen in de klas systematisch evalueert',
      "hoe je met een digitaal logboek of korte video's terugblikt op je lessen",
      "hoe je feedback van collega's en leerlingen gebruikt om je aanpak bij te sturen",
    ],
    context: ['Wie stilstaat bij de eigen praktijk, zet digitale middelen gerichter in.', "Reflecteren hoeft geen extra werk te zijn: het kan kort, gericht en samen met collega's."],
    en: { topic: 'Reflecting on your digital teaching practice', learn: 'how to look back on your own use of digital tools and improve it' },
  },
  {
    code: '1.4',
    topics: [
      'Je eigen professionalisering online in handen nemen',
      "Leren via MOOC's, webinars en netwerken",
      'Een persoonlijk leernetwerk uitbouwen',
      'Nascholing kiezen met DigCompEdu als kompas',
    ],
    learn: [
      'hoe je online cursussen, webinars en vakgemeenschappen gebruikt om bij te blijven',
      "hoe je een persoonlijk leernetwerk opbouwt met collega's in België en daarbuiten",
      'hoe je met je Digisnap-resultaten een eigen leerplan opstelt',
    ],
    context: [
      'Het aanbod aan online nascholing groeit snel, maar niet alles is even waardevol.',
      'De Digisnap toont waar je staat; deze opleiding helpt je om daar een eigen leerplan aan te koppelen.',
    ],
    en: { topic: 'Growing professionally with MOOCs and online communities', learn: 'how to use MOOCs, webinars and online communities for your own growth' },
  },
  {
    code: '2.1',
    topics: ['Goed digitaal lesmateriaal vinden en beoordelen', 'Zoeken in open leermiddelenbanken', 'Kwaliteitsvolle apps kiezen voor je klas', 'Online bronnen kritisch selecteren'],
    learn: [
      'hoe je snel betrouwbaar en passend digitaal lesmateriaal vindt',
      'welke criteria je gebruikt om apps en websites te beoordelen',
      'hoe je open leermiddelen zoekt en afstemt op je eigen lesdoelen',
    ],
    context: ['Er is meer digitaal lesmateriaal dan ooit, maar de kwaliteit loopt sterk uiteen.', 'Een goede bron kiezen begint bij je lesdoel, niet bij de tool.'],
    en: { topic: 'Finding and evaluating open educational resources', learn: 'how to find and judge open educational resources that fit your goals' },
  },
  {
    code: '2.2',
    topics: [
      'Zelf interactief lesmateriaal creëren',
      'Instructiefilmpjes maken voor je leerlingen',
      'Bestaand lesmateriaal aanpassen en verrijken',
      'Interactieve werkbladen en presentaties ontwerpen',
      'Podcasts en audio in je les',
    ],
    learn: [
      'hoe je zelf korte instructiefilmpjes opneemt en monteert',
      'hoe je bestaande werkbladen omzet naar interactief digitaal materiaal',
      'hoe je met eenvoudige tools aantrekkelijk lesmateriaal creëert',
    ],
    context: ['Met eenvoudige tools maak je materiaal dat precies past bij je klas.', 'Zelf lesmateriaal creëren klinkt tijdrovend, maar met de juiste aanpak win je net tijd.'],
    en: { topic: 'Creating interactive learning materials', learn: 'how to create interactive worksheets, videos and presentations' },
  },
  {
    code: '2.3',
    topics: [
      'Auteursrecht en licenties voor leraren',
      'Lesmateriaal veilig bewaren en delen',
      'Privacy en GDPR in de klas',
      'Creative Commons: delen zonder zorgen',
      'Orde in je digitale lesmateriaal',
    ],
    learn: [
      'wat je volgens het auteursrecht mag gebruiken en delen',
      'hoe je je materiaal ordent, bewaart en deelt met een passende licentie',
      'hoe je de persoonsgegevens van je leerlingen beschermt',
    ],
    context: ['Lesmateriaal delen is waardevol, maar auteursrecht en privacy stellen grenzen.', 'Een heldere ordening van je digitale materiaal voorkomt zoekwerk en datalekken.'],
    en: { topic: 'Copyright, licences and privacy for teachers', learn: 'what copyright, licences and privacy rules mean for your materials' },
  },
  {
    code: '3.1',
    topics: [
      'Digitale middelen doelgericht inzetten in je les',
      'Lesgeven met het digitale bord',
      'Het flipped-classroommodel in de praktijk',
      'Tablets zinvol gebruiken in de klas',
      'Een digitale les ontwerpen met het TPACK-model',
    ],
    learn: [
      'hoe je digitale middelen kiest die echt bijdragen aan je lesdoelen',
      'hoe je een les ontwerpt waarin technologie en didactiek elkaar versterken',
      'hoe je het overzicht houdt in een les met laptops of tablets',
    ],
    context: ['Technologie in de klas werkt pas als ze je lesdoelen versterkt.', 'Een digitale les vraagt om een doordacht ontwerp en een goed klasmanagement.'],
    en: { topic: 'Teaching with digital tools: from SAMR to practice', learn: 'how to design lessons in which technology strengthens your teaching' },
  },
  {
    code: '3.2',
    topics: ['Leerlingen online begeleiden en opvolgen', 'Digitale coaching tijdens zelfstandig werk', 'Begeleiden via het leerplatform', 'Hulp op afstand bij taken en projecten'],
    learn: [
      'hoe je leerlingen ook buiten de les digitaal begeleidt',
      'hoe je vragen en vorderingen opvolgt via het leerplatform',
      'hoe je tijdig bijstuurt wanneer een leerling vastloopt',
    ],
    context: ['Leerlingen hebben ook buiten de les nood aan begeleiding.', 'Digitale tools maken het makkelijker om te zien wie hulp nodig heeft.'],
    en: { topic: 'Guiding learners online', learn: 'how to guide and follow up learners through the learning platform' },
  },
  {
    code: '3.3',
    topics: ['Coöperatief leren met gedeelde documenten', 'Groepswerk met digitale tools', 'Samen schrijven en onderzoeken in de cloud', 'Samenwerken op een digitaal prikbord'],
    learn: [
      'hoe je leerlingen met gedeelde documenten en prikborden laat samenwerken',
      'hoe je groepswerk digitaal organiseert en de bijdrage van elke leerling zichtbaar maakt',
      'hoe je coöperatieve werkvormen combineert met digitale tools',
    ],
    context: ['Samenwerken is een vaardigheid die leerlingen moeten oefenen.', 'Gedeelde documenten en digitale prikborden maken groepswerk zichtbaar en opvolgbaar.'],
    en: { topic: 'Collaborative learning with shared documents', learn: 'how to organise group work with shared documents and online boards' },
  },
  {
    code: '3.4',
    topics: [
      'Zelfgestuurd leren met digitale planners',
      'Leerlingen hun eigen leerproces laten opvolgen',
      "Digitale portfolio's voor zelfreflectie",
      'Hoekenwerk en contractwerk digitaal ondersteunen',
    ],
    learn: [
      'hoe leerlingen met digitale planners en checklists hun eigen werk plannen',
      'hoe je leerlingen met een digitaal portfolio laat reflecteren op hun groei',
      'hoe je zelfstandig werk digitaal structureert zonder het over te nemen',
    ],
    context: ['Leerlingen die hun eigen leren plannen en opvolgen, leren duurzamer.', "Digitale planners en portfolio's geven leerlingen meer grip op hun eigen leerproces."],
    en: { topic: 'Supporting self-regulated learning with digital planners', learn: 'how learners can plan and monitor their own learning with digital tools' },
  },
  {
    code: '4.1',
    topics: [
      'Formatief evalueren met digitale quizzen',
      'Digitaal toetsen: van vragenbank tot examen',
      'Evaluatiestrategieën voor een digitale klas',
      'Peer- en zelfevaluatie met online tools',
      'Evalueren met digitale rubrics',
    ],
    learn: [
      'hoe je met korte digitale quizzen snel ziet wat je leerlingen al beheersen',
      'hoe je een digitale toets opbouwt die betrouwbaar en eerlijk is',
      'hoe je rubrics en zelfevaluatie digitaal inzet',
    ],
    context: ['Evalueren is meer dan punten geven: het stuurt het leren.', 'Digitale toetsvormen geven snel inzicht, op voorwaarde dat ze goed ontworpen zijn.'],
    en: { topic: 'Formative assessment with digital quizzes', learn: 'how to use short digital quizzes and rubrics for formative assessment' },
  },
  {
    code: '4.2',
    topics: ['Leerresultaten analyseren met dashboards', 'Van data naar didactische beslissingen', 'Toetsresultaten slim lezen', 'Leerdata uit het leerplatform gebruiken'],
    learn: [
      'hoe je toetsresultaten en leerdata leest zonder te verdrinken in cijfers',
      'hoe je patronen in de resultaten van je klas herkent',
      'hoe je gegevens uit het leerplatform gebruikt om je les aan te passen',
    ],
    context: ['Leerplatformen en toetsen leveren veel gegevens op, maar wat zeggen ze echt?', 'Wie leerdata goed leest, kan gerichter differentiëren en remediëren.'],
    en: { topic: 'Learning analytics for classroom teachers', learn: 'how to read learning data without drowning in numbers' },
  },
  {
    code: '4.3',
    topics: ['Digitale feedback die leerlingen vooruithelpt', 'Feedback geven met audio en video', 'Remediëring plannen met leerdata', 'Snelle feedback tijdens de les'],
    learn: [
      'hoe je gerichte feedback geeft met audio-opnames, opmerkingen en rubrics',
      'hoe je feedback plant zodat leerlingen er echt mee aan de slag gaan',
      'hoe je resultaten gebruikt om remediëring en verdieping te plannen',
    ],
    context: ['Feedback werkt het best als ze tijdig, concreet en haalbaar is.', 'Met digitale middelen geef je sneller en persoonlijker feedback.'],
    en: { topic: 'Feedback that moves learners forward', learn: 'how to give timely, personal feedback with audio, comments and rubrics' },
  },
  {
    code: '5.1',
    topics: [
      'Toegankelijk digitaal lesmateriaal',
      'Voorleessoftware en hulpmiddelen in de klas',
      'Digitale inclusie: elke leerling mee',
      'Ondersteunende technologie bij dyslexie en dyscalculie',
    ],
    learn: [
      'hoe je lesmateriaal maakt dat voor alle leerlingen toegankelijk is',
      'hoe je voorleessoftware en andere compenserende hulpmiddelen inzet',
      'hoe je rekening houdt met leerlingen die thuis weinig digitale toegang hebben',
    ],
    context: [
      'Niet elke leerling heeft dezelfde toegang tot digitale middelen of dezelfde mogelijkheden.',
      'Toegankelijk materiaal helpt leerlingen met een beperking, maar eigenlijk iedereen.',
    ],
    en: { topic: 'Accessible digital learning for every learner', learn: 'how to make digital materials accessible to every learner' },
  },
  {
    code: '5.2',
    topics: [
      'Differentiëren met digitale leerpaden',
      'Gepersonaliseerd leren met adaptieve oefenplatformen',
      'Digitaal differentiëren in een heterogene klas',
      'Leerpaden op maat in het leerplatform',
    ],
    learn: [
      'hoe je met digitale leerpaden elke leerling op zijn niveau laat werken',
      'hoe je adaptieve oefenplatformen kritisch en doelgericht inzet',
      'hoe je verrijking en remediëring digitaal organiseert',
    ],
    context: ["In elke klas zitten leerlingen met verschillende noden en tempo's.", 'Digitale leerpaden maken differentiatie haalbaar zonder dat je drie lessen moet voorbereiden.'],
    en: { topic: 'Differentiation with digital learning paths', learn: 'how to differentiate with digital learning paths and adaptive practice' },
  },
  {
    code: '5.3',
    topics: [
      'Leerlingen actief betrekken met digitale werkvormen',
      'Game-based learning en educatieve escape rooms',
      'Interactieve lessen met stemtools',
      'Leren door te maken: creatief aan de slag met technologie',
    ],
    learn: [
      'hoe je met digitale werkvormen alle leerlingen actief laat meedenken',
      'hoe je een educatieve escape room of een leerspel ontwerpt',
      'hoe je technologie gebruikt om leerlingen zelf te laten onderzoeken en creëren',
    ],
    context: ['Actieve leerlingen leren meer dan passieve toehoorders.', 'Spelelementen en interactieve werkvormen verhogen de betrokkenheid, als ze doelgericht zijn.'],
    en: { topic: 'Active learning with games and digital escape rooms', learn: 'how to engage every learner with games, polls and digital escape rooms' },
  },
  {
    code: '6.1',
    topics: ['Mediawijsheid in de klas', 'Nepnieuws herkennen met je leerlingen', 'Informatievaardigheden: zoeken, filteren, beoordelen', 'Kritisch kijken naar sociale media'],
    learn: [
      'hoe je leerlingen leert om informatie online te zoeken en te beoordelen',
      'hoe je met leerlingen desinformatie en nepnieuws ontmaskert',
      'hoe je mediawijsheid verweeft in je gewone lessen',
    ],
    context: ['Leerlingen zoeken dagelijks informatie online, maar beoordelen die niet altijd kritisch.', 'Mediawijsheid is een gedeelde opdracht voor alle vakken.'],
    en: { topic: 'Media literacy and fake news in the classroom', learn: 'how to teach learners to search, filter and judge online information' },
  },
  {
    code: '6.2',
    topics: [
      'Leerlingen leren digitaal samenwerken',
      'Netiquette en online communicatie voor leerlingen',
      'Samenwerken met een partnerklas in het buitenland',
      'Een eTwinning-project opzetten',
    ],
    learn: [
      'hoe je leerlingen leert respectvol en doelgericht online te communiceren',
      'hoe je een samenwerkingsproject met een partnerklas opzet',
      'hoe leerlingen samen online werken en daarover afspraken maken',
    ],
    context: [
      'Online communiceren en samenwerken zijn vaardigheden die leerlingen ook later nodig hebben.',
      'Een samenwerking met een partnerklas maakt digitale communicatie betekenisvol.',
    ],
    en: { topic: 'eTwinning: collaborating with partner classes across Europe', learn: 'how to set up online collaboration with a partner class abroad' },
  },
  {
    code: '6.3',
    topics: [
      'Leerlingen leren programmeren',
      'Computationeel denken stap voor stap',
      "Leerlingen maken zelf video's en podcasts",
      'Creëren met robots en programmeerbare bordjes',
      'Digitale verhalen maken met leerlingen',
    ],
    learn: [
      'hoe je leerlingen stap voor stap laat programmeren',
      'hoe je computationeel denken koppelt aan de eindtermen',
      'hoe leerlingen zelf digitale inhoud creëren en daarbij het auteursrecht respecteren',
    ],
    context: ['Leerlingen zijn niet alleen gebruikers van technologie, maar ook makers.', 'Programmeren en digitale creatie sluiten aan bij de eindtermen rond digitale competenties.'],
    en: { topic: 'Coding and computational thinking for pupils', learn: 'how learners can code and create their own digital content' },
  },
  {
    code: '6.4',
    topics: [
      'Online veiligheid en welzijn van leerlingen',
      'Cyberpesten voorkomen en aanpakken',
      'Schermtijd en digitaal welzijn',
      'Privacy en je digitale voetafdruk',
      'AI verantwoord gebruiken in de klas',
    ],
    learn: [
      'hoe je met leerlingen praat over privacy, schermtijd en online veiligheid',
      'hoe je cyberpesten herkent en er als school op reageert',
      'hoe je leerlingen leert om verantwoord met AI-tools om te gaan',
    ],
    context: ['Online veiligheid, privacy en welzijn horen thuis in elke klas.', 'Nieuwe technologie zoals AI roept vragen op die je samen met je leerlingen kan onderzoeken.'],
    en: { topic: 'Digital well-being and online safety', learn: 'how to discuss privacy, screen time, online safety and AI with learners' },
  },
  {
    code: '6.5',
    topics: [
      'Leerlingen leren digitale problemen zelf oplossen',
      'Technische problemen in de klas de baas',
      'Van ICT-paniek naar oplossingsgericht denken',
      'Digitaal probleemoplossen in STEM-projecten',
    ],
    learn: [
      'hoe je leerlingen leert om technische problemen zelf aan te pakken',
      'hoe je digitale vaardigheden oefent met realistische opdrachten',
      'hoe je leerlingen leert kiezen welke digitale tool bij een probleem past',
    ],
    context: ['Leerlingen lopen geregeld vast op technische problemen en geven dan snel op.', 'Digitaal probleemoplossen leer je door het te doen, met realistische opdrachten.'],
    en: { topic: 'Teaching digital problem solving', learn: 'how learners can solve technical problems on their own' },
  },
];

/** The 22 competence codes of DigCompEdu 2017 the generator covers. */
export const demoCompetenceCodes: readonly string[] = BANKS.map((bank) => bank.code);

const FR_AREA_TOPICS: Record<number, readonly string[]> = {
  1: ["Le numérique au service de l'engagement professionnel", 'Collaborer et se former en ligne'],
  2: ['Trouver, créer et partager des ressources numériques', "Droits d'auteur et ressources éducatives libres"],
  3: ["Enseigner avec le numérique : de l'outil à la pédagogie", 'Apprentissage collaboratif et autonome avec le numérique'],
  4: ['Évaluer avec des outils numériques', 'Feedback numérique et évaluation formative'],
  5: ['Différenciation et inclusion grâce au numérique', 'Impliquer activement les élèves avec le numérique'],
  6: ["Éducation aux médias et à l'information", 'Développer la compétence numérique des élèves'],
};

const NL_TITLE_PREFIX: Record<TrainingKind, ReadonlyArray<readonly [string, number]>> = {
  in_person: [
    ['Workshop: ', 0.25],
    ['Studiedag: ', 0.1],
  ],
  live_online: [
    ['Webinar: ', 0.4],
    ['Online: ', 0.15],
  ],
  self_paced: [
    ['Online cursus: ', 0.4],
    ['E-learning: ', 0.2],
  ],
  blended: [
    ['Traject: ', 0.3],
    ['Leertraject: ', 0.1],
  ],
  bootcamp: [['Bootcamp: ', 0.75]],
  learning_resource: [
    ['Lespakket: ', 0.45],
    ['Handleiding: ', 0.2],
    ['Praktijkfiche: ', 0.15],
  ],
};
const NL_GROUP_SUFFIX: Record<EducationLevel, readonly string[]> = {
  pre_primary: [' in de kleuterklas', ' met kleuters'],
  primary: [' in de lagere school', ' in het basisonderwijs', ' voor de derde graad lager onderwijs'],
  secondary: [' in het secundair onderwijs', ' in de eerste graad', ' in de tweede en derde graad'],
  adult: [' in het volwassenenonderwijs', ' voor leraren in een CVO'],
  special_needs: [' in het buitengewoon onderwijs', ' voor leerlingen met specifieke onderwijsbehoeften'],
};
const NL_LEVEL_TAG: Record<LevelCode, readonly string[]> = {
  A1: [' voor beginners', ': de eerste stappen', ' – starterspakket'],
  A2: [' voor beginners', ': de basis', ' – basis'],
  B1: [': verder bouwen', ' – verdieping'],
  B2: [' – verdieping', ' voor gevorderden'],
  C1: [' – masterclass', ' voor gevorderden', ': voortrekkers aan het woord'],
  C2: [' – masterclass'],
};
const NL_INTRO: Record<TrainingKind, readonly string[]> = {
  in_person: ['In deze workshop leer je', 'Tijdens deze praktijkgerichte nascholing ontdek je', 'In deze klassikale sessie ga je na', 'Op deze studiedag ontdek je'],
  live_online: ['In dit live webinar leer je', 'In deze online sessie ontdek je', 'In dit interactieve webinar zie je'],
  self_paced: ['In deze online cursus ontdek je op je eigen tempo', 'Deze zelfstudiemodule laat je zien', 'In deze e-learning leer je stap voor stap'],
  blended: ['In dit traject met klassikale en online momenten leer je', 'Dit blended traject toont je', 'In deze combinatie van workshops en online opdrachten ontdek je'],
  bootcamp: ["In deze intensieve bootcamp leer je samen met collega's", 'Deze bootcamp van enkele weken toont je schoolteam'],
  learning_resource: ['Dit lespakket toont', 'Deze handleiding legt uit', 'Deze praktijkfiche toont stap voor stap', 'Met deze kant-en-klare materialen ontdek je'],
};
const NL_LEVEL_SENTENCE: Record<LevelCode, readonly string[]> = {
  A1: ['Je hebt geen voorkennis nodig.', 'Ideaal als je nog maar net begint.'],
  A2: ['Je start bij de basis en gaat meteen zelf aan de slag.', 'Ideaal als je al wat hebt uitgeprobeerd en houvast zoekt.'],
  B1: ['Je vertrekt van wat je al in je eigen klas doet.', 'Je verdiept je aanpak met concrete voorbeelden.'],
  B2: ['Voor wie al vlot met digitale middelen werkt en een stap verder wil.', "Je leert je keuzes ook bij collega's te onderbouwen."],
  C1: ["Je leert collega's inspireren en begeleiden.", 'Je werkt aan vernieuwing die je hele school ten goede komt.'],
  C2: ['Je werkt aan vernieuwing die je hele school ten goede komt.'],
};
const NL_APPROACH: Record<TrainingKind, readonly string[]> = {
  in_person: [
    'Je werkt in kleine groepen en gaat naar huis met concrete ideeën voor je volgende les.',
    'De trainer wisselt korte inzichten af met veel oefentijd op je eigen toestel.',
  ],
  live_online: ['Je volgt live vanaf je eigen computer en kan tussendoor vragen stellen in de chat.', 'De sessie wordt opgenomen, zodat je ze later nog eens kan bekijken.'],
  self_paced: [
    "Je werkt wanneer het jou past, met korte video's, leesteksten en opdrachten die je meteen in je klas kan uitproberen.",
    'Elke module sluit af met een korte quiz, zodat je zelf ziet wat je al beheerst.',
  ],
  blended: [
    'Klassikale workshops wisselen af met online opdrachten die je in je eigen klas uitprobeert.',
    "Tussen de contactmomenten door probeer je ideeën uit in je klas en bespreek je de ervaringen met collega's.",
  ],
  bootcamp: [
    'Gedurende enkele weken werkt je schoolteam aan een eigen actieplan, met begeleiding van ervaren coaches.',
    'Je school stuurt een klein team; samen vertaal je de inzichten naar het ICT-beleidsplan van je school.',
  ],
  learning_resource: [
    'Het pakket bevat kant-en-klare lesideeën, werkbladen en een korte handleiding.',
    'Je vindt er voorbeelden, sjablonen en tips die je vrij kan aanpassen aan je eigen klas.',
  ],
};
const NL_GROUP_SENTENCE: Record<EducationLevel, string> = {
  pre_primary: 'De voorbeelden komen uit de kleuterklas, maar zijn ook bruikbaar in het eerste leerjaar.',
  primary: 'De voorbeelden sluiten aan bij de leerplannen van de lagere school.',
  secondary: 'De voorbeelden komen uit verschillende vakken van het secundair onderwijs.',
  adult: 'De aanpak is afgestemd op volwassen cursisten in het volwassenenonderwijs.',
  special_needs: 'Er is veel aandacht voor leerlingen met specifieke onderwijsbehoeften.',
};
const NL_EXTRA = ['Je leert van praktijkvoorbeelden uit scholen in heel België.', 'Breng gerust een eigen lesidee of vraag mee.', 'Na afloop ontvang je een attest van deelname.'];
const NL_BRING_DEVICE = 'Neem je laptop of tablet mee.';

const EN_PREFIX: Record<TrainingKind, string> = {
  in_person: 'Workshop: ',
  live_online: 'Webinar: ',
  self_paced: 'Online course: ',
  blended: 'Blended programme: ',
  bootcamp: 'Bootcamp: ',
  learning_resource: 'Toolkit: ',
};
const EN_INTRO: Record<TrainingKind, string> = {
  in_person: 'In this hands-on workshop you learn',
  live_online: 'In this live webinar you learn',
  self_paced: 'In this self-paced online course you explore',
  blended: 'In this blended programme you learn',
  bootcamp: 'In this intensive bootcamp your school team learns',
  learning_resource: 'This toolkit shows',
};
const EN_APPROACH: Record<TrainingKind, string> = {
  in_person: 'You work in small groups and leave with concrete ideas for your next lesson.',
  live_online: 'You join live from your own computer and can ask questions in the chat; a recording stays available.',
  self_paced: 'Short videos, readings and assignments let you learn whenever it suits you.',
  blended: 'Workshops alternate with online assignments that you try out in your own classroom.',
  bootcamp: 'Over several weeks your team builds its own action plan with the help of experienced coaches.',
  learning_resource: 'It contains ready-made lesson ideas, templates and a short teacher guide.',
};
const FR_INTRO: Record<TrainingKind, string> = {
  in_person: 'Un atelier pratique',
  live_online: 'Un webinaire interactif',
  self_paced: 'Un cours en ligne à suivre à votre rythme',
  blended: 'Un parcours hybride',
  bootcamp: 'Un bootcamp intensif',
  learning_resource: 'Un dossier pédagogique',
};

const ACCREDITATION: Record<'nl' | 'en' | 'fr', readonly string[]> = {
  nl: ['Attest van deelname', 'Open Badge van de aanbieder', 'Certificaat na afronding van alle modules', 'Nascholingsattest met vermelding van de DigCompEdu-competenties'],
  en: ['Certificate of completion', 'Digital badge after the final assignment'],
  fr: ['Attestation de participation'],
};

// ------------------------------------------------------------------ random helpers

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function weighted<T>(random: () => number, items: readonly T[], weights: readonly number[]): T {
  let total = 0;
  for (const w of weights) total += w;
  let r = random() * total;
  for (let i = 0; i < items.length; i++) {
    r -= weights[i];
    if (r < 0) return items[i];
  }
  return items[items.length - 1];
}

function between(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

const PROVIDER_SHARES = providerProfiles.map((p) => p.share);
const LANGUAGES = ['nl', 'en', 'fr'] as const;
const GROUPS: readonly EducationLevel[] = ['pre_primary', 'primary', 'secondary', 'adult', 'special_needs'];
const GROUP_WEIGHTS = [9, 30, 32, 11, 8];
/** Where a training's step starts: the lower levels are where most of the offer is. */
const FROM_WEIGHTS = [3, 4, 4, 2.5, 1]; // A1, A2, B1, B2, C1
const SESSION_KINDS: ReadonlySet<TrainingKind> = new Set<TrainingKind>(['in_person', 'live_online', 'blended', 'bootcamp']);
const LOCATED_KINDS: ReadonlySet<TrainingKind> = new Set<TrainingKind>(['in_person', 'blended', 'bootcamp']);
const DURATIONS: Record<TrainingKind, readonly number[]> = {
  in_person: [2, 2.5, 3, 3, 3.5, 6, 6, 7, 9, 12],
  live_online: [1, 1, 1.5, 2, 2, 3, 4.5, 6],
  self_paced: [2, 3, 4, 6, 8, 10, 12, 15, 20],
  blended: [6, 8, 9, 12, 15, 18, 24],
  bootcamp: [20, 24, 30, 36, 40],
  learning_resource: [1, 1, 1.5, 2, 3, 4],
};
const FREE_SHARE: Record<TrainingKind, number> = { in_person: 0.15, live_online: 0.3, self_paced: 0.35, blended: 0.1, bootcamp: 0.5, learning_resource: 0.55 };
/** UTC start times: 08:30/09:30 study day, 13:00/14:00 Wednesday afternoon, 15:30/16:30 after school, 19:00/20:00 evening. */
const SLOTS: Record<TrainingKind, ReadonlyArray<readonly [number, number]>> = {
  in_person: [
    [7, 30],
    [12, 0],
    [14, 30],
  ],
  live_online: [
    [12, 0],
    [14, 30],
    [18, 0],
  ],
  self_paced: [],
  blended: [
    [7, 30],
    [12, 0],
    [14, 30],
  ],
  bootcamp: [
    [7, 0],
    [12, 0],
  ],
  learning_resource: [],
};

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
}

function slugOf(cache: Map<string, string>, title: string): string {
  let value = cache.get(title);
  if (value === undefined) {
    value = slug(title);
    cache.set(title, value);
  }
  return value;
}

function roundPrice(random: () => number, raw: number): number {
  const capped = Math.min(450, Math.max(5, raw));
  const ending = random();
  const euros = Math.floor(capped);
  const value = ending < 0.5 ? Math.round(capped) : ending < 0.75 ? euros + 0.5 : ending < 0.9 ? euros + 0.95 : euros + Math.floor(random() * 100) / 100;
  return Math.round(Math.min(450, value) * 100) / 100;
}

function levelSteps(random: () => number, primary: CompetenceBank): Array<{ competence: string; from: LevelCode; to: LevelCode }> {
  const fromIndex = weighted(random, [0, 1, 2, 3, 4], FROM_WEIGHTS);
  const size = fromIndex <= 3 && random() < 0.15 ? 2 : 1;
  const steps = [{ competence: primary.code, from: LEVEL_CODES[fromIndex], to: LEVEL_CODES[fromIndex + size] }];
  const extra = random() < 0.3 ? (random() < 0.25 ? 2 : 1) : 0;
  const area = primary.code[0];
  for (let n = 0; n < extra; n++) {
    const sameArea = BANKS.filter((b) => b.code[0] === area && !steps.some((s) => s.competence === b.code));
    const pool = sameArea.length > 0 && random() < 0.7 ? sameArea : BANKS.filter((b) => !steps.some((s) => s.competence === b.code));
    const other = pick(random, pool);
    const from = Math.min(4, Math.max(0, fromIndex + (random() < 0.7 ? 0 : random() < 0.5 ? -1 : 1)));
    steps.push({ competence: other.code, from: LEVEL_CODES[from], to: LEVEL_CODES[from + 1] });
  }
  return steps;
}

function educationLevelsFor(random: () => number): EducationLevel[] {
  const main = weighted(random, GROUPS, GROUP_WEIGHTS);
  const chosen = new Set<EducationLevel>([main]);
  if (random() < 0.3) {
    const more = random() < 0.7 ? 1 : 2;
    for (let n = 0; n < more; n++) chosen.add(weighted(random, GROUPS, GROUP_WEIGHTS));
  }
  // main first (the title and text speak to it), the others in the usual order
  return [main, ...GROUPS.filter((g) => g !== main && chosen.has(g))];
}

function audiencesFor(random: () => number, kind: TrainingKind, code: string): Audience[] {
  if (kind === 'bootcamp' && random() < 0.5) return ['teacher', 'ict_coordinator', 'principal'];
  // school-wide themes (communication, professional development, privacy, safety) draw more ICT coordinators and principals
  const schoolWide = code.startsWith('1.') || code === '2.3' || code === '6.4';
  const [teacher, withIct, ict, team] = schoolWide ? [0.45, 0.68, 0.8, 0.9] : [0.68, 0.83, 0.9, 0.95];
  const r = random();
  if (r < teacher) return ['teacher'];
  if (r < withIct) return ['teacher', 'ict_coordinator'];
  if (r < ict) return ['ict_coordinator'];
  if (r < team) return ['teacher', 'ict_coordinator', 'principal'];
  return ['principal', 'ict_coordinator'];
}

function audienceSuffix(audiences: Audience[]): string | null {
  if (audiences.includes('teacher')) return audiences.length === 3 ? ' voor schoolteams' : null;
  return audiences.includes('principal') ? ' voor directies en ICT-coördinatoren' : ' voor ICT-coördinatoren';
}

// ------------------------------------------------------------------ texts

interface TextInput {
  kind: TrainingKind;
  bank: CompetenceBank;
  /** The banks of the training's other steps: its text names each, so it never claims a competence it does not address. */
  also: CompetenceBank[];
  from: LevelCode;
  group: EducationLevel;
  audiences: Audience[];
  free: boolean;
  payable: boolean;
}

/** Whether a suffix reads well after this title: no "voor … voor …", no second dash or colon. */
function fits(title: string, suffix: string): boolean {
  if (suffix.startsWith(' voor') && /\bvoor\b/.test(title)) return false;
  if (suffix.includes('leerlingen') && title.includes('leerlingen')) return false;
  if (suffix.startsWith(' –') && title.includes(' – ')) return false;
  if (suffix.startsWith(':') && (title.includes(': ') || title.includes(' – '))) return false;
  return true;
}

function extend(random: () => number, title: string, suffixes: readonly string[]): string {
  const fitting = suffixes.filter((suffix) => fits(title, suffix));
  return fitting.length > 0 ? title + pick(random, fitting) : title;
}

function dutchTexts(random: () => number, t: TextInput): { title: string; summary: string; description: string } {
  let prefix = '';
  let r = random();
  for (const [text, share] of NL_TITLE_PREFIX[t.kind]) {
    if (r < share) {
      prefix = text;
      break;
    }
    r -= share;
  }
  let title = prefix + pick(random, t.bank.topics);
  if (t.kind === 'bootcamp' && !prefix) title += /\bvoor\b|schoolteam/.test(title) ? ' – intensief teamtraject' : ' – intensief traject voor schoolteams';
  const forAudience = audienceSuffix(t.audiences);
  if (forAudience && fits(title, forAudience) && random() < 0.7) title += forAudience;
  else if (random() < 0.55) title = extend(random, title, NL_GROUP_SUFFIX[t.group]);
  if (random() < 0.3) title = extend(random, title, NL_LEVEL_TAG[t.from]);

  let summary = `${pick(random, NL_INTRO[t.kind])} ${pick(random, t.bank.learn)}.`;
  const levelInSummary = random() < 0.5;
  if (levelInSummary) summary += ` ${pick(random, NL_LEVEL_SENTENCE[t.from])}`;

  const sentences = [pick(random, t.bank.context), pick(random, NL_APPROACH[t.kind])];
  if (random() < 0.6) sentences.push(NL_GROUP_SENTENCE[t.group]);
  if (!levelInSummary && random() < 0.6) sentences.push(pick(random, NL_LEVEL_SENTENCE[t.from]));
  if (random() < 0.35) sentences.push(LOCATED_KINDS.has(t.kind) && random() < 0.4 ? NL_BRING_DEVICE : pick(random, NL_EXTRA));
  for (const other of t.also) sentences.push(`Je leert ook ${other.learn[0]}.`);
  if (t.free) sentences.push('Deelname is gratis.');
  else if (t.payable) sentences.push('Je kan deze opleiding betalen met het ICT-nascholingsbudget van je school.');
  return { title, summary, description: sentences.join(' ') };
}

function englishTexts(random: () => number, t: TextInput): { title: string; summary: string; description: string } {
  let title = (random() < 0.5 ? EN_PREFIX[t.kind] : '') + t.bank.en.topic;
  if (random() < 0.3) title += t.from <= 'A2' ? ' for beginners' : t.from >= 'B2' ? ' – advanced' : ' – next steps';
  let summary = `${EN_INTRO[t.kind]} ${t.bank.en.learn}.`;
  if (t.from <= 'A2' && random() < 0.5) summary += ' No prior knowledge needed.';
  const sentences = [EN_APPROACH[t.kind], 'Examples come from schools across Europe, including Belgium.'];
  for (const other of t.also) sentences.push(`You also learn ${other.en.learn}.`);
  if (t.free) sentences.push('Participation is free.');
  else if (t.payable) sentences.push("You can pay for it from your school's ICT training budget.");
  return { title, summary, description: sentences.join(' ') };
}

function frenchTexts(random: () => number, t: TextInput): { title: string; summary: string; description: string } {
  const area = Number(t.bank.code[0]);
  let title = pick(random, FR_AREA_TOPICS[area]);
  if (random() < 0.35) title += t.from <= 'A2' ? ' (initiation)' : ' (approfondissement)';
  const summary = `${FR_INTRO[t.kind]} pour travailler la compétence ${t.bank.code} du cadre européen DigCompEdu, avec des idées concrètes pour vos élèves.`;
  const sentences = [
    'Vous découvrez des exemples concrets, testez des outils et repartez avec des activités prêtes à l’emploi.',
    'La formation s’adresse aux enseignants de toute la Belgique.',
  ];
  for (const other of t.also) sentences.push(`Elle travaille aussi la compétence ${other.code} du cadre DigCompEdu.`);
  if (t.free) sentences.push('La participation est gratuite.');
  return { title, summary, description: sentences.join(' ') };
}

// ------------------------------------------------------------------ sessions

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const isoDays = new Map<number, string>();

/** Same text as `new Date(ms).toISOString()`, several times faster: the benchmark generates 20,000 trainings. */
function isoUtc(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let date = isoDays.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoDays.set(day, date);
  }
  const rest = ms - day * DAY_MS;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  return `${date}T${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}.${String(millis).padStart(3, '0')}Z`;
}

function sessionsFor(random: () => number, kind: TrainingKind, durationHours: number, place: string | null, now: number): SessionInput[] {
  if (!SESSION_KINDS.has(kind)) return [];
  const count = weighted(random, [1, 2, 3, 4], [3, 3, 2.5, 1.5]);
  const online = kind === 'live_online' || place === null;
  const offsets: number[] = [];
  for (let n = 0; n < count; n++) offsets.push(-60 + random() * 330); // two months ago … nine months ahead
  offsets.sort((a, b) => a - b);
  const starts: number[] = [];
  let previous = Number.NEGATIVE_INFINITY;
  for (const offset of offsets) {
    const days = Math.max(offset, previous + 10); // editions at least ten days apart
    if (days > 275) break;
    previous = days;
    const day = new Date(now + days * DAY_MS);
    const weekday = day.getUTCDay();
    const shift = weekday === 6 ? 2 : weekday === 0 ? 1 : 0; // a weekday
    const [hour, minute] = pick(random, SLOTS[kind]);
    starts.push(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + shift, hour, minute));
  }
  return starts.map((start) => {
    let end: number;
    if (kind === 'blended') end = start + between(random, 3, 8) * 7 * DAY_MS + 3 * HOUR_MS;
    else if (kind === 'bootcamp') end = start + between(random, 8, 12) * 7 * DAY_MS + 6 * HOUR_MS;
    else if (durationHours <= 7) end = start + durationHours * HOUR_MS;
    else end = start + (Math.ceil(durationHours / 3) - 1) * 7 * DAY_MS + 3 * HOUR_MS; // weekly half days
    const capacity = kind === 'live_online' ? between(random, 15, 40) : between(random, 8, 30 + (kind === 'bootcamp' ? 10 : 0));
    return {
      startsAt: isoUtc(start),
      endsAt: isoUtc(end),
      place: online ? null : place,
      online,
      capacity,
      enrolmentDeadline: isoUtc(start - between(random, 2, 7) * DAY_MS),
      cancellationDeadline: isoUtc(start - between(random, 6, 8) * DAY_MS),
    };
  });
}

// ------------------------------------------------------------------ generator

/**
 * `count` demo trainings with their sessions. The primary competence cycles through all 22, so
 * any 22 in a row cover the framework; everything else is drawn from `random` (use
 * `seededRandom` for a repeatable catalogue). Sessions are placed around `now`.
 */
export function generateDemoTrainings(count: number, random: () => number, now: Date): DemoTraining[] {
  const nowMs = now.getTime();
  const offset = Math.floor(random() * BANKS.length);
  const result: DemoTraining[] = [];
  const slugs = new Map<string, string>(); // titles repeat in large catalogues; normalising is the slow part
  for (let i = 0; i < count; i++) {
    const bank = BANKS[(i + offset) % BANKS.length];
    const profile = weighted(random, providerProfiles, PROVIDER_SHARES);
    const kind = weighted(random, trainingKinds, profile.kinds);
    const language = weighted(random, LANGUAGES, profile.languages);
    const steps = levelSteps(random, bank);
    const educationLevels = educationLevelsFor(random);
    const audiences = audiencesFor(random, kind, bank.code);

    let location: TrainingInput['location'] = null;
    if (LOCATED_KINDS.has(kind)) {
      const province = language !== 'nl' && random() < 0.5 ? 'brussel' : profile.home && random() < 0.65 ? profile.home : pick(random, provinces);
      const [city, postalCode] = pick(random, CITIES[province]);
      location = { address: `${pick(random, STREETS)} ${between(random, 1, 180)}`, postalCode, city, province };
    }

    const durationHours = pick(random, DURATIONS[kind]);
    const free = random() < (profile.key === 'edumooc-europa' ? 0.6 : FREE_SHARE[kind]);
    // half days cost most per hour; long trajectories get cheaper per hour
    const billableHours = durationHours <= 8 ? durationHours : 8 * Math.sqrt(durationHours / 8);
    const priceEuro = free ? 0 : roundPrice(random, between(random, 0, 40) + billableHours * (10 + random() * 18));
    const schoolBudget = educationLevels.some((level) => level !== 'adult');
    const payableFromIctBudget = !free && schoolBudget && random() < 0.93;

    const also = steps.slice(1).map((step) => BANKS.find((other) => other.code === step.competence)!);
    const textInput: TextInput = { kind, bank, also, from: steps[0].from, group: educationLevels[0], audiences, free, payable: payableFromIctBudget };
    const texts = language === 'en' ? englishTexts(random, textInput) : language === 'fr' ? frenchTexts(random, textInput) : dutchTexts(random, textInput);

    const accreditationLanguage = language === 'en' ? 'en' : language === 'fr' ? 'fr' : 'nl';
    const accreditation = random() < 0.55 ? pick(random, ACCREDITATION[accreditationLanguage]) : null;
    const statusRoll = random();
    const status: TrainingInput['status'] = statusRoll < 0.85 ? 'published' : statusRoll < 0.97 ? 'draft' : 'archived';

    const training: TrainingInput = {
      title: texts.title,
      summary: texts.summary,
      description: texts.description,
      kind,
      language: language as Language,
      educationLevels,
      audiences,
      levelSteps: steps,
      durationHours,
      priceEuro,
      payableFromIctBudget,
      location,
      accreditation,
      url: `https://www.${profile.domain}/opleidingen/${slugOf(slugs, texts.title)}-${i + 1}`,
      status,
    };
    const place = location ? `${pick(random, ROOMS)} ${between(random, 1, 12)}, ${location.address}, ${location.postalCode} ${location.city}` : null;
    result.push({ providerKey: profile.key, training, sessions: sessionsFor(random, kind, durationHours, place, nowMs) });
  }
  return result;
}
