/* The demo's competency library in Dutch (see library_texts.h), in the
 * words of Dutch competency dictionaries and municipal
 * klantcontactcentra (KCC): inwoners en ondernemers, backoffice,
 * kennisbank, zaaksysteem, begrijpelijke taal. The ladder of the level
 * descriptors is that of library.c: 1 heeft begeleiding nodig, 2 past het
 * toe in eenvoudige situaties, 3 zelfstandig in gangbare situaties, 4 in
 * complexe situaties en helpt anderen, 5 voorbeeld dat de organisatie
 * verbetert. */
#include "demo/library_texts.h"

static const struct demo_competency_text competencies[] = {
	{
		.key = "customer-focus",
		.name = "Klantgerichtheid",
		.description =
			"Onderzoeken wat inwoners en ondernemers wensen en nodig hebben en daarnaar "
			"handelen, inspelen op behoeften die nog niet zijn uitgesproken, en hoge "
			"prioriteit geven aan dienstverlening en klanttevredenheid binnen de regels "
			"van de gemeente.",
		.indicators = {
			"Vraagt door om de behoefte achter de vraag te achterhalen",
			"Gaat aan het eind van het contact na of de klant volledig geholpen is",
			"Wijst op zaken waar de klant nog niet naar vroeg, zoals een "
			"parkeervergunning na een verhuizing",
			"Komt terugbelafspraken en toegezegde termijnen na, of meldt tijdig "
			"wanneer dat niet lukt",
			"Legt uit wat de klant wél kan doen als het antwoord nee is",
		},
		.levels = {
			"Beantwoordt de letterlijke vraag vriendelijk, maar heeft begeleiding "
			"nodig om te zien wat de klant werkelijk nodig heeft.",
			"Vraagt in eenvoudige contacten naar de behoefte achter de vraag en gaat "
			"na of de klant geholpen is, soms na een herinnering.",
			"Achterhaalt en vervult in gangbare contacten zelfstandig de werkelijke "
			"behoefte en speelt in op voor de hand liggende vervolgvragen.",
			"Houdt in complexe of gevoelige zaken het belang van de klant centraal, "
			"weegt het af tegen regels en capaciteit en helpt collega's hetzelfde "
			"te doen.",
			"Is het voorbeeld in dienstverlening en vertaalt terugkerende "
			"klantbehoeften naar voorstellen die de dienstverlening en processen van "
			"de gemeente verbeteren.",
		},
	},
	{
		.key = "results-orientation",
		.name = "Resultaatgerichtheid",
		.description =
			"Doelgericht werken aan afgesproken resultaten en servicenormen, actie "
			"ondernemen om ze te halen en verantwoordelijkheid nemen wanneer ze in "
			"gevaar komen.",
		.indicators = {
			"Stelt concrete, meetbare doelen voor het eigen werk of het team",
			"Volgt gedurende de dag de voortgang op servicenormen en werkvoorraad",
			"Onderneemt uit zichzelf actie wanneer een norm of deadline in gevaar komt",
			"Handelt zaken volledig af in plaats van losse eindjes te laten liggen",
			"Rapporteert eerlijk over resultaten, ook over wat niet is gehaald",
		},
		.levels = {
			"Voert opgedragen taken uit wanneer anderen de stappen en termijnen "
			"bepalen en de voortgang regelmatig bewaken.",
			"Werkt aan duidelijke persoonlijke doelen, handelt eenvoudige zaken op tijd "
			"af en vraagt om hulp bij achterstand.",
			"Plant het eigen werk zelfstandig zo dat afgesproken doelen en termijnen "
			"worden gehaald, en stuurt in gangbare situaties bij als de voortgang "
			"achterblijft.",
			"Houdt de resultaten op koers bij tegenstrijdige prioriteiten en piekdrukte, "
			"en helpt anderen realistische doelen te stellen en te halen.",
			"Stelt ambitieuze maar haalbare doelen voor de organisatie, verbindt ze "
			"met de kwaliteit van de dienstverlening en stuurt de organisatie erop.",
		},
	},
	{
		.key = "collaboration",
		.name = "Samenwerken",
		.description =
			"Actief bijdragen aan een gezamenlijk resultaat met collega's in het team, "
			"andere kanalen en de backoffice, ook wanneer dat voor jezelf geen direct "
			"voordeel oplevert.",
		.indicators = {
			"Deelt uit zichzelf kennis, tips en wijzigingen met collega's",
			"Biedt collega's hulp aan als de wachtrij oploopt of het werk zich opstapelt",
			"Draagt een klant warm over aan de backoffice of een ander kanaal",
			"Komt afspraken met collega's en andere afdelingen na",
			"Bespreekt meningsverschillen met collega's direct en constructief",
		},
		.levels = {
			"Doet de eigen taken binnen het team, maar moet worden aangespoord om "
			"informatie te delen of bij te springen.",
			"Helpt collega's als daarom wordt gevraagd en deelt in eenvoudige situaties "
			"informatie binnen het eigen team.",
			"Werkt zelfstandig samen met collega's en andere afdelingen, deelt kennis "
			"en komt in gangbare situaties afspraken na.",
			"Bouwt aan samenwerking over teams en kanalen heen, neemt wrijving bij "
			"overdrachten weg en betrekt in complexe zaken de juiste mensen.",
			"Geeft vorm aan de samenwerking tussen het klantcontactcentrum en de "
			"gemeentelijke afdelingen en zet structuren op die samenwerken "
			"makkelijker maken.",
		},
	},
	{
		.key = "communication",
		.name = "Communicatieve vaardigheid",
		.description =
			"Informatie mondeling en schriftelijk duidelijk en correct overbrengen, "
			"afgestemd op de klant en het kanaal, in begrijpelijke taal zonder "
			"vakjargon.",
		.indicators = {
			"Legt procedures uit in begrijpelijke taal, zonder ambtelijk jargon",
			"Past toon, tempo en woordkeus aan de klant en het kanaal aan",
			"Vat aan het eind van het contact de afspraak en de vervolgstappen samen",
			"Schrijft chatberichten, e-mails en notities in het zaaksysteem die "
			"correct, kort en volledig zijn",
			"Gaat na of de boodschap is begrepen",
		},
		.levels = {
			"Geeft standaardinformatie door met behulp van scripts en sjablonen, en "
			"heeft begeleiding nodig om die begrijpelijk te maken.",
			"Legt eenvoudige zaken mondeling en schriftelijk duidelijk uit, met af en "
			"toe een correctie op toon of volledigheid.",
			"Communiceert in gangbare contacten via elk kanaal duidelijk en correct en "
			"past zich zelfstandig aan het taalniveau van de klant aan.",
			"Brengt complexe of onwelkome boodschappen helder en tactvol over en helpt "
			"collega's hun teksten en gesprekken te verbeteren.",
			"Zet de norm voor begrijpelijke taal in de organisatie, verbetert scripts, "
			"brieven en webteksten en coacht anderen in communicatie.",
		},
	},
	{
		.key = "active-listening",
		.name = "Actief luisteren",
		.description =
			"Oppikken, begrijpen en nagaan wat de klant zegt en bedoelt, inclusief "
			"gevoelens en signalen tussen de regels door, voordat je reageert.",
		.indicators = {
			"Laat de klant uitpraten zonder te onderbreken",
			"Stelt open vragen en vraagt door om de vraag helder te krijgen",
			"Vat de vraag van de klant in eigen woorden samen en checkt die",
			"Reageert op emoties en op signalen tussen de regels door",
		},
		.levels = {
			"Hoort de letterlijke vraag, maar onderbreekt vaak of mist details, en "
			"heeft begeleiding nodig om na te gaan of de vraag goed begrepen is.",
			"Luistert zonder te onderbreken en vraagt door in eenvoudige contacten, "
			"maar vat niet altijd samen en checkt niet altijd.",
			"Luistert in gangbare contacten actief, stelt open vragen, vat samen en "
			"gaat zelfstandig na of de vraag goed begrepen is.",
			"Pikt onuitgesproken signalen, emoties en verborgen vragen op, ook bij "
			"klanten die van streek of in de war zijn, en laat collega's zien hoe dat "
			"gaat.",
			"Is een voorbeeld in luisteren, traint anderen en verankert "
			"luistervaardigheid in de kwaliteitscriteria en de coaching van de "
			"organisatie.",
		},
	},
	{
		.key = "problem-analysis",
		.name = "Probleemanalyse",
		.description =
			"Problemen signaleren, de onderdelen en oorzaken ervan vaststellen, de "
			"relevante informatie verzamelen en verbanden tussen feiten zien, als "
			"basis voor een goede oplossing.",
		.indicators = {
			"Verzamelt alle relevante feiten voordat een oplossing wordt voorgesteld",
			"Deelt een complexe zaak op in onderdelen en toetst elk daarvan aan de "
			"regels",
			"Maakt onderscheid tussen het symptoom en de onderliggende oorzaak",
			"Ziet patronen in terugkerende vragen en klachten",
			"Weegt meerdere mogelijke oplossingen en hun gevolgen tegen elkaar af",
		},
		.levels = {
			"Herkent een probleem als erop wordt gewezen en heeft begeleiding nodig "
			"om de relevante informatie te vinden.",
			"Analyseert eenvoudige zaken aan de hand van checklists en "
			"beslisbomen, en vraagt om hulp als de feiten niet passen.",
			"Analyseert gangbare zaken zelfstandig, vindt de oorzaak en de geldende "
			"regels en komt tot een goed onderbouwde conclusie.",
			"Ontrafelt complexe zaken waarbij meerdere afdelingen of regelingen "
			"betrokken zijn en herkent patronen over zaken heen.",
			"Analyseert structurele knelpunten in dienstverlening en processen, "
			"achterhaalt de grondoorzaken en doet verbetervoorstellen die de "
			"organisatie overneemt.",
		},
	},
	{
		.key = "adaptability",
		.name = "Aanpassingsvermogen",
		.description =
			"Effectief blijven werken wanneer omstandigheden, taken, systemen of "
			"klanten veranderen, en de eigen aanpak bijstellen om het doel te "
			"bereiken.",
		.indicators = {
			"Schakelt tussen kanalen en taken zonder dat de kwaliteit daalt",
			"Eigent zich nieuwe werkwijzen, regelingen of systemen snel toe",
			"Kiest een andere aanpak als de eerste niet werkt voor de klant",
			"Blijft rustig en effectief tijdens piekdrukte en storingen",
		},
		.levels = {
			"Werkt goed in vertrouwde routines, maar heeft begeleiding en tijd nodig "
			"wanneer taken of werkwijzen veranderen.",
			"Past zich met enige ondersteuning en uitleg aan kleine wijzigingen in "
			"werkwijze of planning aan.",
			"Past zich zelfstandig aan gangbare veranderingen in taken, kanalen en "
			"werkwijzen aan en houdt de kwaliteit van de dienstverlening vast.",
			"Blijft effectief tijdens grote veranderingen en verstoringen en helpt "
			"collega's erdoorheen.",
			"Loopt voorop in veranderingen, speelt in op ontwikkelingen en helpt de "
			"organisatie haar manier van werken aan te passen.",
		},
	},
	{
		.key = "municipal-knowledge",
		.name = "Kennis van gemeentelijke producten",
		.description =
			"Kennis van de producten en diensten van de gemeente, zoals vergunningen, "
			"paspoorten en identiteitskaarten, afvalinzameling, uitkeringen, parkeren "
			"en de Basisregistratie Personen, en van de regels, leges en procedures "
			"daarachter.",
		.indicators = {
			"Beantwoordt vragen over veelgevraagde producten correct zonder door te "
			"verwijzen",
			"Vindt snel de juiste informatie in de kennisbank",
			"Weet welke afdeling of ketenpartner een vraag behandelt en wanneer door "
			"te verwijzen",
			"Noemt de juiste voorwaarden, leges en doorlooptijden",
			"Houdt de eigen kennis bij wanneer regelgeving of producten veranderen",
		},
		.levels = {
			"Kent de meest gevraagde producten op hoofdlijnen en heeft voor de meeste "
			"antwoorden de kennisbank en collega's nodig.",
			"Beantwoordt standaardvragen over veelgevraagde producten zoals "
			"paspoorten, afvalinzameling en parkeren, en verwijst de rest juist door.",
			"Handelt de meeste vragen over producten en procedures van de gemeente "
			"zelfstandig af, inclusief leges, voorwaarden en doorlooptijden.",
			"Heeft diepgaande kennis van complexe producten zoals uitkeringen, "
			"vergunningen en de Basisregistratie Personen, en is vraagbaak voor "
			"collega's.",
			"Is de expert op het productaanbod, beheert de kennisbank en adviseert "
			"afdelingen over hoe producten en procedures worden uitgelegd.",
		},
	},
	{
		.key = "digital-skills",
		.name = "Digitale vaardigheden",
		.description =
			"De systemen van het klantcontactcentrum, de kennisbank en de online "
			"diensten van de gemeente effectief gebruiken, en klanten wegwijs maken in "
			"digitale kanalen.",
		.indicators = {
			"Werkt zonder vertraging in het CRM, het zaaksysteem en de kennisbank",
			"Registreert contacten en zaken volledig en correct",
			"Loodst klanten stap voor stap door online formulieren en het inloggen "
			"met DigiD",
			"Werkt tijdens een contact met meerdere applicaties tegelijk",
			"Lost eenvoudige systeemproblemen zelf op of meldt ze duidelijk",
		},
		.levels = {
			"Gebruikt de basisfuncties van de belangrijkste systemen met "
			"stapsgewijze instructies en heeft hulp nodig bij uitzonderingen.",
			"Gebruikt de systemen van het klantcontactcentrum voor standaardtaken en "
			"registreert contacten correct, af en toe met hulp.",
			"Werkt vlot in alle systemen van de functie en loodst klanten zonder hulp "
			"door de online diensten.",
			"Gebruikt geavanceerde functies en slimme omwegen, helpt collega's met de "
			"systemen en test nieuwe versies.",
			"Is de key-user die de digitale manier van werken vormgeeft, adviseert "
			"over systemen en online diensten en leidt anderen op.",
		},
	},
	{
		.key = "conflict-handling",
		.name = "Conflicthantering",
		.description =
			"Rustig en respectvol omgaan met ontevreden, boze of agressieve klanten en "
			"met meningsverschillen, de-escaleren en toewerken naar een aanvaardbare "
			"uitkomst.",
		.indicators = {
			"Blijft rustig en beleefd wanneer een klant boos wordt",
			"Erkent de frustratie van de klant voordat de regels worden uitgelegd",
			"Geeft duidelijk grenzen aan bij onacceptabel gedrag en volgt het protocol",
			"Biedt concrete mogelijkheden of een vervolgafspraak om tot een oplossing "
			"te komen",
			"Meldt incidenten en vraagt zo nodig om steun",
		},
		.levels = {
			"Blijft beleefd bij licht ontevreden klanten, maar heeft een collega nodig "
			"die het overneemt als een gesprek escaleert.",
			"Kalmeert ontevreden klanten in eenvoudige situaties en past met "
			"ondersteuning het agressieprotocol toe.",
			"De-escaleert in gangbare situaties zelfstandig bij boze klanten, geeft "
			"grenzen aan en bereikt een aanvaardbare uitkomst.",
			"Handelt geëscaleerde klachten en dreigende situaties af en steunt "
			"collega's tijdens en na moeilijke contacten.",
			"Is het aanspreekpunt voor conflicthantering, traint anderen en verbetert "
			"de klachten- en agressieprocedures van de organisatie.",
		},
	},
	{
		.key = "coaching",
		.name = "Coachen",
		.description =
			"De ontwikkeling van collega's ondersteunen door feedback te geven, vragen "
			"te stellen en ontwikkeldoelen af te spreken, zodat zij leren hun eigen "
			"prestaties te verbeteren.",
		.indicators = {
			"Geeft concrete feedback op basis van waargenomen gedrag",
			"Stelt vragen die de collega helpen zelf oplossingen te vinden",
			"Spreekt concrete ontwikkeldoelen af en volgt ze op",
			"Ziet vooruitgang en goede prestaties en benoemt die",
			"Stemt de coachstijl af op de ervaring van de collega",
		},
		.levels = {
			"Deelt tips met collega's als daarom wordt gevraagd, maar heeft "
			"begeleiding nodig om feedback concreet en opbouwend te geven.",
			"Helpt nieuwe collega's met praktische zaken en geeft eenvoudige feedback "
			"op waargenomen gedrag.",
			"Coacht collega's zelfstandig met concrete feedback en vragen, en spreekt "
			"ontwikkeldoelen af en volgt ze op.",
			"Coacht collega's op complex gedrag en houding, ook bij weerstand, en "
			"verbetert hun prestaties aantoonbaar.",
			"Bouwt aan een coachende cultuur in de organisatie, ontwikkelt de "
			"coachmethoden en coacht de coaches.",
		},
	},
	{
		.key = "leadership",
		.name = "Leidinggeven",
		.description =
			"Richting geven aan een team, de teamleden motiveren en het werk zo sturen "
			"dat het team zijn doelen haalt en betrokken blijft.",
		.indicators = {
			"Vertaalt de doelen van de organisatie naar heldere prioriteiten voor "
			"het team",
			"Verdeelt taken en verantwoordelijkheden die passen bij ieders sterke "
			"punten",
			"Spreekt teamleden aan op afspraken en gedrag",
			"Betrekt het team bij besluiten die hun werk raken",
			"Houdt het team gemotiveerd tijdens piekdrukte en veranderingen",
		},
		.levels = {
			"Neemt op verzoek de leiding bij kleine taken, maar heeft begeleiding "
			"nodig om anderen richting te geven.",
			"Geeft tijdelijk leiding aan een kleine groep of een project met "
			"ondersteuning van een leidinggevende, bijvoorbeeld tijdens een dienst.",
			"Geeft in gangbare situaties zelfstandig leiding aan een team, stelt "
			"prioriteiten, delegeert en spreekt teamleden aan op afspraken.",
			"Leidt het team door veranderingen, conflicten en hoge werkdruk en houdt "
			"daarbij de mensen betrokken en de resultaten op koers.",
			"Geeft richting aan meerdere teams, ontwikkelt andere leidinggevenden en "
			"geeft vorm aan de cultuur en organisatie van het klantcontactcentrum.",
		},
	},
	{
		.key = "decisiveness",
		.name = "Besluitvaardigheid",
		.description =
			"Tijdig beslissingen nemen, ook bij onvolledige informatie of onder "
			"tijdsdruk, zich eraan verbinden en tot actie overgaan.",
		.indicators = {
			"Neemt besluiten binnen de tijd die de situatie toelaat",
			"Maakt een keuze bij onvolledige informatie en benoemt de risico's",
			"Houdt onder druk vast aan een besluit, tenzij nieuwe feiten een wijziging "
			"rechtvaardigen",
			"Escaleert alleen wat buiten het eigen mandaat valt",
		},
		.levels = {
			"Beslist over routinezaken binnen duidelijke regels, maar aarzelt en zoekt "
			"bevestiging als een situatie daar niet in voorziet.",
			"Neemt in eenvoudige situaties besluiten binnen het eigen mandaat en "
			"vraagt voor de rest om advies.",
			"Neemt in gangbare situaties zelfstandig en tijdig besluiten, ook bij "
			"onvolledige informatie, en voert ze uit.",
			"Neemt moeilijke besluiten onder tijdsdruk of bij tegenstrijdige belangen "
			"en aanvaardt de gevolgen.",
			"Neemt besluiten met een grote impact op de organisatie, ook in "
			"onzekerheid, en is een voorbeeld van heldere en tijdige besluitvorming.",
		},
	},
	{
		.key = "data-literacy",
		.name = "Datavaardigheid",
		.description =
			"Cijfers en rapportages lezen, interpreteren en gebruiken, zoals "
			"servicenormen, contactredenen en kwaliteitsscores, om prestaties te "
			"begrijpen en het werk te verbeteren.",
		.indicators = {
			"Leest dashboards en rapportages over servicenormen en kwaliteit correct",
			"Trekt conclusies uit cijfers en toetst ze aan de praktijk",
			"Herkent wanneer cijfers onvolledig of misleidend zijn",
			"Onderbouwt voorstellen en besluiten met cijfers",
			"Legt cijfers in gewone taal uit aan collega's",
		},
		.levels = {
			"Begrijpt eenvoudige cijfers, zoals het eigen aantal contacten, als ze "
			"worden uitgelegd, en heeft begeleiding nodig om ze te duiden.",
			"Leest standaardrapportages en dashboards en trekt met enige hulp "
			"eenvoudige conclusies.",
			"Interpreteert zelfstandig rapportages over servicenormen, contactredenen "
			"en kwaliteit en stuurt het werk daarop bij.",
			"Combineert meerdere gegevensbronnen, ziet trends en valkuilen in de "
			"cijfers en helpt collega's ze te duiden.",
			"Bepaalt hoe de organisatie data gebruikt, definieert zinvolle "
			"indicatoren en zet analyses om in verbeteringen van de dienstverlening.",
		},
	},
};

static const struct demo_role_text roles[] = {
	{ "agent", "Klantcontactmedewerker" },
	{ "senior-agent", "Senior klantcontactmedewerker" },
	{ "team-lead", "Teamleider" },
	{ "quality-coach", "Kwaliteitscoach" },
	{ "back-office", "Vakspecialist backoffice" },
};

const struct demo_translation demo_translation_nl = {
	.lang = "nl",
	.competencies = competencies,
	.ncompetencies = sizeof competencies / sizeof competencies[0],
	.roles = roles,
	.nroles = sizeof roles / sizeof roles[0],
};
