/* The demo's competency library in Swedish (see library_texts.h), in the
 * words of Swedish competency models and municipal kontaktcenter:
 * invånare och företag, kommunvägledare, handläggare, kunskapsdatabas,
 * ärendehanteringssystem, klarspråk, e-legitimation. The ladder of the
 * level descriptors is that of library.c: 1 behöver handledning, 2
 * tillämpar i enkla situationer, 3 självständigt i vanliga situationer, 4
 * i komplexa situationer och hjälper andra, 5 förebild som utvecklar
 * organisationen. */
#include "demo/library_texts.h"

static const struct demo_competency_text competencies[] = {
	{
		.key = "customer-focus",
		.name = "Kundfokus",
		.description =
			"Ta reda på vad invånare och företag önskar och behöver och agera utifrån "
			"det, förutse behov som ännu inte har uttalats och prioritera god service "
			"och nöjda kunder inom kommunens regelverk.",
		.indicators = {
			"Ställer följdfrågor för att hitta behovet bakom frågan",
			"Kontrollerar i slutet av kontakten att kunden har fått all hjälp hen "
			"behöver",
			"Tipsar om närliggande ärenden som kunden inte har frågat om, till exempel "
			"parkeringstillstånd efter en flytt",
			"Håller utlovade återuppringningar och datum, eller hör av sig i tid när "
			"det inte går",
			"Förklarar vad kunden kan göra när svaret är nej",
		},
		.levels = {
			"Besvarar den bokstavliga frågan vänligt men behöver handledning för att "
			"se vad kunden egentligen behöver.",
			"Frågar efter behovet bakom frågan i enkla kontakter och kontrollerar att "
			"kunden har fått hjälp, ibland efter påminnelse.",
			"Hittar och tillgodoser det verkliga behovet i vanliga kontakter på egen "
			"hand och förutser de självklara följdfrågorna.",
			"Sätter kundens intresse i centrum i komplexa eller känsliga ärenden, väger "
			"det mot regler och resurser och hjälper kollegor att göra detsamma.",
			"Är en förebild i service och omsätter återkommande kundbehov i förslag "
			"som förbättrar kommunens tjänster och processer.",
		},
	},
	{
		.key = "results-orientation",
		.name = "Resultatinriktning",
		.description =
			"Arbeta målmedvetet mot överenskomna resultat och servicenivåer, vidta "
			"åtgärder för att nå dem och ta ansvar när de riskerar att inte nås.",
		.indicators = {
			"Sätter konkreta, mätbara mål för det egna arbetet eller teamet",
			"Följer under dagen upp servicenivåer och ärendebalans",
			"Agerar utan att bli ombedd när ett mål eller en tidsgräns är i fara",
			"Avslutar ärenden helt i stället för att lämna lösa trådar",
			"Redovisar resultat ärligt, även sådana som inte har nåtts",
		},
		.levels = {
			"Utför tilldelade uppgifter när andra har bestämt steg och tidsgränser "
			"och framstegen följs upp regelbundet.",
			"Arbetar mot tydliga personliga mål, avslutar enkla ärenden i tid och ber "
			"om hjälp när arbetet släpar efter.",
			"Planerar självständigt det egna arbetet så att överenskomna mål och "
			"tidsgränser nås, och justerar i vanliga situationer när arbetet halkar "
			"efter.",
			"Håller resultaten på rätt kurs trots konkurrerande prioriteringar och "
			"arbetstoppar, och hjälper andra att sätta och nå realistiska mål.",
			"Sätter ambitiösa men realistiska mål för organisationen, kopplar dem till "
			"kvaliteten i servicen och styr organisationen mot dem.",
		},
	},
	{
		.key = "collaboration",
		.name = "Samarbetsförmåga",
		.description =
			"Bidra aktivt till ett gemensamt resultat med kollegor i teamet, i andra "
			"kanaler och hos handläggarna, även när det inte ger någon direkt fördel "
			"för en själv.",
		.indicators = {
			"Delar kunskap, tips och nyheter med kollegor på eget initiativ",
			"Erbjuder kollegor hjälp när kön växer eller arbetet hopar sig",
			"Gör en varm överlämning till handläggare eller en annan kanal",
			"Håller överenskommelser med kollegor och andra förvaltningar",
			"Tar upp meningsskiljaktigheter med kollegor direkt och konstruktivt",
		},
		.levels = {
			"Utför sina egna uppgifter i teamet men behöver påminnas för att dela "
			"information eller hjälpa till.",
			"Hjälper kollegor när hen blir ombedd och delar information i enkla "
			"situationer inom det egna teamet.",
			"Samarbetar självständigt med kollegor och andra förvaltningar, delar "
			"kunskap och håller överenskommelser i vanliga situationer.",
			"Bygger samarbete över team- och kanalgränser, löser upp friktion vid "
			"överlämningar och involverar rätt personer i komplexa ärenden.",
			"Formar samarbetet mellan kontaktcentret och kommunens förvaltningar och "
			"bygger upp strukturer som gör det lättare att arbeta tillsammans.",
		},
	},
	{
		.key = "communication",
		.name = "Kommunikativ förmåga",
		.description =
			"Förmedla information tydligt och korrekt i tal och skrift, anpassat till "
			"kunden och kanalen, på klarspråk utan fackjargong.",
		.indicators = {
			"Förklarar rutiner och regler på klarspråk utan myndighetsjargong",
			"Anpassar ton, tempo och ordval till kunden och kanalen",
			"Sammanfattar överenskommelsen och nästa steg i slutet av kontakten",
			"Skriver chattmeddelanden, mejl och ärendeanteckningar som är korrekta, "
			"korta och fullständiga",
			"Kontrollerar att budskapet har gått fram",
		},
		.levels = {
			"Lämnar standardinformation med hjälp av manus och mallar och behöver "
			"handledning för att göra den begriplig.",
			"Förklarar enkla frågor tydligt i tal och skrift, med enstaka rättelser "
			"av ton eller fullständighet.",
			"Kommunicerar tydligt och korrekt i vanliga kontakter i alla kanaler och "
			"anpassar sig självständigt till kundens språknivå.",
			"Förmedlar komplexa eller ovälkomna besked tydligt och taktfullt och "
			"hjälper kollegor att förbättra sina texter och samtal.",
			"Sätter standarden för klarspråk i organisationen, förbättrar manus, brev "
			"och webbtexter och coachar andra i kommunikation.",
		},
	},
	{
		.key = "active-listening",
		.name = "Aktivt lyssnande",
		.description =
			"Uppfatta, förstå och stämma av vad kunden säger och menar, även känslor "
			"och signaler mellan raderna, innan man svarar.",
		.indicators = {
			"Låter kunden tala till punkt utan att avbryta",
			"Ställer öppna frågor och följdfrågor för att reda ut frågan",
			"Sammanfattar kundens fråga med egna ord och stämmer av den",
			"Bemöter känslor och signaler mellan raderna",
		},
		.levels = {
			"Hör den bokstavliga frågan men avbryter ofta eller missar detaljer, och "
			"behöver handledning för att stämma av att frågan är förstådd.",
			"Lyssnar utan att avbryta och ställer följdfrågor i enkla kontakter, men "
			"sammanfattar och stämmer inte alltid av.",
			"Lyssnar aktivt i vanliga kontakter, ställer öppna frågor, sammanfattar "
			"och stämmer av förståelsen på egen hand.",
			"Fångar upp outtalade signaler, känslor och dolda frågor, även hos kunder "
			"som är upprörda eller förvirrade, och visar kollegor hur man gör.",
			"Är en förebild i lyssnande, utbildar andra och bygger in lyssnande i "
			"organisationens kvalitetskriterier och coachning.",
		},
	},
	{
		.key = "problem-analysis",
		.name = "Problemanalys",
		.description =
			"Upptäcka problem, urskilja deras delar och orsaker, samla in relevant "
			"information och se hur fakta hänger ihop, som grund för en väl "
			"underbyggd lösning.",
		.indicators = {
			"Samlar in alla relevanta fakta innan en lösning föreslås",
			"Delar upp ett komplext ärende i delar och prövar var och en mot reglerna",
			"Skiljer mellan symtomet och den bakomliggande orsaken",
			"Ser mönster i återkommande frågor och klagomål",
			"Väger flera möjliga lösningar och deras konsekvenser mot varandra",
		},
		.levels = {
			"Identifierar ett problem när någon pekar på det och behöver handledning "
			"för att hitta relevant information.",
			"Analyserar enkla ärenden med hjälp av checklistor och beslutsträd, och "
			"ber om hjälp när fakta inte stämmer.",
			"Analyserar vanliga ärenden självständigt, hittar orsaken och de regler "
			"som gäller och drar en välgrundad slutsats.",
			"Reder ut komplexa ärenden som berör flera förvaltningar eller regelverk "
			"och känner igen mönster mellan ärenden.",
			"Analyserar strukturella problem i service och processer, identifierar "
			"grundorsakerna och lägger förbättringsförslag som organisationen "
			"genomför.",
		},
	},
	{
		.key = "adaptability",
		.name = "Anpassningsförmåga",
		.description =
			"Fortsätta arbeta effektivt när förutsättningar, uppgifter, system eller "
			"kunder förändras, och anpassa sitt arbetssätt för att nå målet.",
		.indicators = {
			"Växlar mellan kanaler och uppgifter utan att kvaliteten sjunker",
			"Tar snabbt till sig nya rutiner, regelverk eller system",
			"Byter angreppssätt när det första inte fungerar för kunden",
			"Behåller lugnet och effektiviteten vid arbetstoppar och driftstörningar",
		},
		.levels = {
			"Fungerar bra i invanda rutiner men behöver handledning och tid när "
			"uppgifter eller rutiner ändras.",
			"Anpassar sig till mindre förändringar i rutiner eller planering med "
			"visst stöd och förklaring.",
			"Anpassar sig självständigt till vanliga förändringar i uppgifter, "
			"kanaler och rutiner och håller kvaliteten i servicen.",
			"Förblir effektiv vid stora förändringar och störningar och hjälper "
			"kollegor genom dem.",
			"Går före i förändringsarbete, förutser utvecklingen och hjälper "
			"organisationen att anpassa sitt arbetssätt.",
		},
	},
	{
		.key = "municipal-knowledge",
		.name = "Kunskap om kommunens tjänster",
		.description =
			"Kunskap om kommunens tjänster och service, som tillstånd, pass och "
			"id-kort, avfallshämtning, försörjningsstöd, parkering och folkbokföring, "
			"och om regler, avgifter och handläggning bakom dem.",
		.indicators = {
			"Besvarar frågor om vanliga tjänster korrekt utan att hänvisa vidare",
			"Hittar snabbt rätt information i kunskapsdatabasen",
			"Vet vilken förvaltning eller samarbetspart som hanterar en fråga och när "
			"frågan ska lämnas vidare",
			"Anger rätt krav, avgifter och handläggningstider",
			"Håller sina kunskaper aktuella när regelverk eller tjänster ändras",
		},
		.levels = {
			"Känner till de vanligaste tjänsterna i stora drag och behöver "
			"kunskapsdatabasen och kollegor för de flesta svar.",
			"Besvarar standardfrågor om vanliga tjänster som pass, avfallshämtning och "
			"parkering, och hänvisar resten rätt.",
			"Hanterar självständigt de flesta frågor om kommunens tjänster och "
			"rutiner, inklusive avgifter, krav och handläggningstider.",
			"Har fördjupad kunskap om komplexa tjänster som försörjningsstöd, "
			"tillstånd och folkbokföring, och är ett stöd för kollegor.",
			"Är expert på tjänsteutbudet, förvaltar kunskapsdatabasen och ger "
			"förvaltningarna råd om hur tjänster och rutiner ska förklaras.",
		},
	},
	{
		.key = "digital-skills",
		.name = "Digital kompetens",
		.description =
			"Använda kontaktcentrets system, kunskapsdatabasen och kommunens e-tjänster "
			"effektivt, och hjälpa kunder att hitta rätt i de digitala kanalerna.",
		.indicators = {
			"Arbetar utan dröjsmål i CRM-systemet, ärendehanteringssystemet och "
			"kunskapsdatabasen",
			"Registrerar kontakter och ärenden fullständigt och korrekt",
			"Guidar kunder steg för steg genom e-tjänster och inloggning med "
			"e-legitimation",
			"Arbetar i flera program samtidigt under en kontakt",
			"Löser enkla systemproblem eller felanmäler dem tydligt",
		},
		.levels = {
			"Använder grundfunktionerna i de viktigaste systemen med instruktioner "
			"steg för steg och behöver hjälp med undantag.",
			"Använder kontaktcentrets system för standarduppgifter och registrerar "
			"kontakter korrekt, med viss hjälp ibland.",
			"Arbetar obehindrat i alla system som rollen kräver och guidar kunder "
			"genom e-tjänsterna utan hjälp.",
			"Använder avancerade funktioner och smarta genvägar, hjälper kollegor med "
			"systemen och testar nya versioner.",
			"Är superanvändaren som formar det digitala arbetssättet, ger råd om "
			"system och e-tjänster och utbildar andra.",
		},
	},
	{
		.key = "conflict-handling",
		.name = "Konflikthantering",
		.description =
			"Bemöta missnöjda, arga eller aggressiva kunder och meningsskiljaktigheter "
			"lugnt och respektfullt, trappa ned och arbeta mot en godtagbar lösning.",
		.indicators = {
			"Förblir lugn och artig när en kund blir arg",
			"Bekräftar kundens frustration innan reglerna förklaras",
			"Sätter tydliga gränser vid oacceptabelt beteende och följer rutinen",
			"Erbjuder konkreta alternativ eller en tid för uppföljning för att komma "
			"fram till en lösning",
			"Rapporterar incidenter och ber om stöd vid behov",
		},
		.levels = {
			"Förblir artig mot lätt missnöjda kunder men behöver en kollega som tar "
			"över när ett samtal trappas upp.",
			"Lugnar missnöjda kunder i enkla situationer och tillämpar rutinen för hot "
			"och våld med stöd.",
			"Trappar självständigt ned arga kunder i vanliga situationer, sätter "
			"gränser och når en godtagbar lösning.",
			"Hanterar eskalerade klagomål och hotfulla situationer och stöttar "
			"kollegor under och efter svåra kontakter.",
			"Är den man vänder sig till i konflikthantering, utbildar andra och "
			"förbättrar organisationens rutiner för klagomål och hot och våld.",
		},
	},
	{
		.key = "coaching",
		.name = "Coachning",
		.description =
			"Stödja kollegors utveckling genom att ge återkoppling, ställa frågor och "
			"sätta utvecklingsmål, så att de lär sig förbättra sina egna prestationer.",
		.indicators = {
			"Ger konkret återkoppling utifrån observerat beteende",
			"Ställer frågor som hjälper kollegan att hitta egna lösningar",
			"Kommer överens om konkreta utvecklingsmål och följer upp dem",
			"Uppmärksammar och lyfter fram framsteg och goda prestationer",
			"Anpassar coachningsstilen efter kollegans erfarenhet",
		},
		.levels = {
			"Delar tips med kollegor när hen blir tillfrågad men behöver handledning "
			"för att ge konkret och konstruktiv återkoppling.",
			"Hjälper nya kollegor med praktiska frågor och ger enkel återkoppling på "
			"observerat beteende.",
			"Coachar kollegor självständigt med konkret återkoppling och frågor, och "
			"kommer överens om och följer upp utvecklingsmål.",
			"Coachar kollegor i komplexa frågor om beteende och förhållningssätt, även "
			"vid motstånd, och förbättrar mätbart deras prestationer.",
			"Bygger en coachande kultur i organisationen, utvecklar "
			"coachningsmetoderna och coachar coacherna.",
		},
	},
	{
		.key = "leadership",
		.name = "Ledarskap",
		.description =
			"Ge ett team riktning, motivera medarbetarna och styra arbetet så att "
			"teamet når sina mål och förblir engagerat.",
		.indicators = {
			"Omsätter organisationens mål i tydliga prioriteringar för teamet",
			"Fördelar uppgifter och ansvar efter var och ens styrkor",
			"Tar upp överenskommelser och beteenden med medarbetarna",
			"Involverar teamet i beslut som påverkar deras arbete",
			"Håller motivationen uppe i teamet vid arbetstoppar och förändringar",
		},
		.levels = {
			"Tar ledningen i mindre uppgifter när hen blir ombedd men behöver "
			"handledning för att ge andra riktning.",
			"Leder tillfälligt en mindre grupp eller ett projekt med stöd av en chef, "
			"till exempel under ett arbetspass.",
			"Leder självständigt ett team i vanliga situationer, prioriterar, "
			"delegerar och tar upp överenskommelser med medarbetarna.",
			"Leder teamet genom förändringar, konflikter och hög arbetsbelastning och "
			"behåller samtidigt engagemanget och resultaten.",
			"Ger riktning åt flera team, utvecklar andra ledare och formar "
			"kontaktcentrets kultur och organisation.",
		},
	},
	{
		.key = "decisiveness",
		.name = "Beslutsförmåga",
		.description =
			"Fatta beslut i tid, även när informationen är ofullständig eller under "
			"tidspress, stå för dem och omsätta dem i handling.",
		.indicators = {
			"Fattar beslut inom den tid som situationen medger",
			"Gör ett val när informationen är ofullständig och redovisar riskerna",
			"Står fast vid ett beslut under press, om inte nya fakta motiverar en "
			"ändring",
			"Eskalerar bara det som ligger utanför det egna mandatet",
		},
		.levels = {
			"Beslutar i rutinärenden inom tydliga regler men tvekar och söker "
			"bekräftelse när en situation inte täcks av dem.",
			"Fattar beslut i enkla situationer inom det egna mandatet och ber om råd "
			"i övrigt.",
			"Fattar självständigt beslut i tid i vanliga situationer, även med "
			"ofullständig information, och genomför dem.",
			"Fattar svåra beslut under tidspress eller när intressen står mot "
			"varandra och tar ansvar för följderna.",
			"Fattar beslut med stor påverkan på organisationen, även under osäkerhet, "
			"och är en förebild för tydligt och snabbt beslutsfattande.",
		},
	},
	{
		.key = "data-literacy",
		.name = "Dataförståelse",
		.description =
			"Läsa, tolka och använda siffror och rapporter, som servicenivåer, "
			"kontaktorsaker och kvalitetsresultat, för att förstå prestationer och "
			"förbättra arbetet.",
		.indicators = {
			"Läser instrumentpaneler och rapporter om servicenivåer och kvalitet "
			"korrekt",
			"Drar slutsatser av siffror och prövar dem mot verkligheten",
			"Känner igen när siffror är ofullständiga eller missvisande",
			"Underbygger förslag och beslut med siffror",
			"Förklarar siffror för kollegor på ett enkelt sätt",
		},
		.levels = {
			"Förstår enkla siffror, som det egna antalet kontakter, när de förklaras, "
			"och behöver handledning för att tolka dem.",
			"Läser standardrapporter och instrumentpaneler och drar enkla slutsatser "
			"med viss hjälp.",
			"Tolkar självständigt rapporter om servicenivåer, kontaktorsaker och "
			"kvalitet och använder dem för att justera arbetet.",
			"Kombinerar flera datakällor, upptäcker trender och fallgropar i "
			"siffrorna och hjälper kollegor att tolka dem.",
			"Formar hur organisationen använder data, definierar meningsfulla "
			"nyckeltal och omsätter analyser i förbättringar av servicen.",
		},
	},
};

static const struct demo_role_text roles[] = {
	{ "agent", "Kommunvägledare" },
	{ "senior-agent", "Senior kommunvägledare" },
	{ "team-lead", "Teamledare" },
	{ "quality-coach", "Kvalitetscoach" },
	{ "back-office", "Handläggare" },
};

const struct demo_translation demo_translation_sv = {
	.lang = "sv",
	.competencies = competencies,
	.ncompetencies = sizeof competencies / sizeof competencies[0],
	.roles = roles,
	.nroles = sizeof roles / sizeof roles[0],
};
