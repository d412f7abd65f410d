/* The demo's competency library (see library.h). The definitions follow the
 * usual Dutch competency dictionaries, rewritten for a municipal contact
 * centre; the level descriptors share one ladder so that levels compare
 * across competencies: 1 needs guidance, 2 applies it in simple situations,
 * 3 independent in regular situations, 4 handles complex situations and
 * helps others, 5 role model who improves how the organisation works.
 * Developability is low for the traits that training barely moves
 * (problem analysis, decisiveness), high for knowledge and skills. */
#include "demo/library.h"

const struct demo_competency demo_competencies[] = {
	{
		.key = "customer-focus",
		.name = "Customer focus",
		.category = "interpersonal",
		.description =
			"Investigating the wishes and needs of residents and businesses and acting "
			"on them, anticipating needs that are not yet voiced, and giving high "
			"priority to service and customer satisfaction within the rules of the "
			"municipality.",
		.developability = DEV_MEDIUM,
		.indicators = {
			"Asks follow-up questions to find the need behind the question",
			"Checks at the end of a contact whether the customer is fully helped",
			"Points out related matters the customer has not asked about yet, such as "
			"a parking permit after a change of address",
			"Keeps promises on call-backs and follow-up dates, or reports in time "
			"when they cannot be kept",
			"Explains what the customer can do when the answer is no",
		},
		.levels = {
			"Answers the literal question politely but needs guidance to see what "
			"the customer actually needs.",
			"Asks about the need behind the question in simple contacts and checks "
			"whether the customer is helped, with occasional reminders.",
			"Finds and meets the real need in regular contacts without help, and "
			"anticipates the obvious follow-up questions.",
			"Keeps the customer's interest central in complex or sensitive cases, "
			"balancing it against rules and capacity, and helps colleagues do the "
			"same.",
			"Acts as the role model for service and turns recurring customer needs "
			"into proposals that improve the municipality's services and processes.",
		},
	},
	{
		.key = "results-orientation",
		.name = "Results orientation",
		.category = "personal",
		.description =
			"Working purposefully towards agreed results and service levels, taking "
			"action to reach them and taking responsibility when they are at risk.",
		.developability = DEV_MEDIUM,
		.indicators = {
			"Sets concrete, measurable goals for own work or the team",
			"Monitors progress against service levels and backlog during the day",
			"Takes action without being asked when a target or deadline is at risk",
			"Finishes cases completely instead of leaving loose ends",
			"Reports honestly on results, including those that were not reached",
		},
		.levels = {
			"Completes assigned tasks when the steps and deadlines are set by others "
			"and progress is checked regularly.",
			"Works towards clear personal targets and finishes simple cases on time, "
			"asking for help when falling behind.",
			"Plans own work to meet agreed targets and deadlines independently and "
			"takes corrective action when progress slips in regular situations.",
			"Keeps results on track under competing priorities and peak load, and "
			"helps others set and reach realistic goals.",
			"Sets ambitious yet realistic targets for the organisation, links them "
			"to service quality and steers the organisation towards them.",
		},
	},
	{
		.key = "collaboration",
		.name = "Collaboration",
		.category = "interpersonal",
		.description =
			"Contributing actively to a shared result with colleagues in the team, "
			"other channels and the back office, also when this brings no direct "
			"benefit to oneself.",
		.developability = DEV_MEDIUM,
		.indicators = {
			"Shares knowledge, tips and updates with colleagues unprompted",
			"Offers help to colleagues when queues are long or work piles up",
			"Makes a warm handover to the back office or another channel",
			"Keeps agreements made with colleagues and other departments",
			"Raises disagreements with colleagues directly and constructively",
		},
		.levels = {
			"Does own tasks within the team but needs prompting to share information "
			"or to help out.",
			"Helps colleagues when asked and shares information in simple situations "
			"within the own team.",
			"Works together with colleagues and other departments independently, "
			"shares knowledge and keeps agreements in regular situations.",
			"Builds cooperation across teams and channels, resolves friction at "
			"handovers and involves the right people in complex cases.",
			"Shapes the cooperation between the contact centre and the municipal "
			"departments and sets up structures that make working together easier.",
		},
	},
	{
		.key = "communication",
		.name = "Communication",
		.category = "interpersonal",
		.description =
			"Conveying information clearly and correctly in speech and writing, "
			"adapted to the customer and the channel, in plain language without "
			"jargon.",
		.developability = DEV_HIGH,
		.indicators = {
			"Explains procedures in plain language without municipal jargon",
			"Adapts tone, pace and wording to the customer and the channel",
			"Summarises the agreement and next steps at the end of a contact",
			"Writes chat messages, emails and case notes that are correct, short "
			"and complete",
			"Checks whether the message has been understood",
		},
		.levels = {
			"Passes on standard information using scripts and templates, and needs "
			"guidance to make it understandable.",
			"Explains simple matters clearly in speech and writing, with occasional "
			"corrections on tone or completeness.",
			"Communicates clearly and correctly in regular contacts on every channel "
			"and adapts independently to the customer's level of language.",
			"Explains complex or unwelcome messages clearly and tactfully and helps "
			"colleagues improve their texts and conversations.",
			"Sets the standard for plain language in the organisation, improves "
			"scripts, letters and web texts and coaches others in communication.",
		},
	},
	{
		.key = "active-listening",
		.name = "Active listening",
		.category = "interpersonal",
		.description =
			"Picking up, understanding and checking what the customer says and "
			"means, including feelings and signals between the lines, before "
			"responding.",
		.developability = DEV_HIGH,
		.indicators = {
			"Lets the customer finish without interrupting",
			"Asks open and follow-up questions to clarify the question",
			"Summarises the customer's question in own words and checks it",
			"Responds to emotion and signals between the lines",
		},
		.levels = {
			"Hears the literal question but often interrupts or misses details, and "
			"needs guidance to check understanding.",
			"Listens without interrupting and asks follow-up questions in simple "
			"contacts, but does not always check or summarise.",
			"Listens actively in regular contacts, asks open questions, summarises "
			"and checks understanding without help.",
			"Picks up implicit signals, emotions and hidden questions, also with "
			"distressed or confused customers, and shows colleagues how.",
			"Is a role model in listening, trains others and builds listening skills "
			"into the quality criteria and coaching of the organisation.",
		},
	},
	{
		.key = "problem-analysis",
		.name = "Problem analysis",
		.category = "analytical",
		.description =
			"Detecting problems, identifying their parts and causes, gathering the "
			"relevant information and seeing how facts relate, as a basis for a "
			"sound solution.",
		.developability = DEV_LOW,
		.indicators = {
			"Gathers all relevant facts before proposing a solution",
			"Breaks a complex case into its parts and checks each against the rules",
			"Distinguishes between the symptom and the underlying cause",
			"Spots patterns in recurring questions and complaints",
			"Weighs several possible solutions and their consequences",
		},
		.levels = {
			"Identifies a problem when it is pointed out and needs guidance to find "
			"the relevant information.",
			"Analyses simple cases by following checklists and decision trees, and "
			"asks for help when facts do not fit.",
			"Analyses regular cases independently, finds the cause and the relevant "
			"rules and reaches a sound conclusion.",
			"Unravels complex cases involving several departments or regulations and "
			"recognises patterns across cases.",
			"Analyses structural problems in services and processes, identifies root "
			"causes and proposes improvements that the organisation adopts.",
		},
	},
	{
		.key = "adaptability",
		.name = "Adaptability",
		.category = "personal",
		.description =
			"Continuing to work effectively when circumstances, tasks, systems or "
			"customers change, and adjusting one's approach to reach the goal.",
		.developability = DEV_MEDIUM,
		.indicators = {
			"Switches between channels and tasks without loss of quality",
			"Adopts new procedures, regulations or systems quickly",
			"Changes approach when the first one does not work for the customer",
			"Stays calm and effective during peaks and disruptions",
		},
		.levels = {
			"Works well in familiar routines but needs guidance and time when tasks "
			"or procedures change.",
			"Adjusts to small changes in procedures or planning with some support "
			"and explanation.",
			"Adapts independently to regular changes in tasks, channels and "
			"procedures and keeps the quality of service.",
			"Remains effective during major changes and disruptions and helps "
			"colleagues through them.",
			"Leads the way in change, anticipates developments and helps the "
			"organisation adapt its way of working.",
		},
	},
	{
		.key = "municipal-knowledge",
		.name = "Municipal knowledge",
		.category = "knowledge",
		.description =
			"Knowledge of the municipality's products and services, such as permits, "
			"passports and ID cards, waste collection, benefits, parking and the "
			"civil registry, and of the rules, fees and procedures behind them.",
		.developability = DEV_HIGH,
		.indicators = {
			"Answers questions about common products correctly without referral",
			"Finds the right information in the knowledge base quickly",
			"Knows which department or partner handles a question and when to refer",
			"Names the right requirements, fees and processing times",
			"Keeps own knowledge up to date when regulations or products change",
		},
		.levels = {
			"Knows the most common products in outline and needs the knowledge base "
			"and colleagues for most answers.",
			"Answers standard questions on common products such as passports, waste "
			"collection and parking, referring the rest correctly.",
			"Handles most questions about the municipality's products and procedures "
			"independently, including fees, requirements and processing times.",
			"Has in-depth knowledge of complex products such as benefits, permits and "
			"the civil registry, and is consulted by colleagues.",
			"Is the expert on the product range, maintains the knowledge base and "
			"advises departments on how products and procedures are explained.",
		},
	},
	{
		.key = "digital-skills",
		.name = "Digital skills",
		.category = "knowledge",
		.description =
			"Using the contact centre's systems, the knowledge base and the "
			"municipality's online services effectively, and helping customers "
			"find their way in digital channels.",
		.developability = DEV_HIGH,
		.indicators = {
			"Works in the CRM, case system and knowledge base without delays",
			"Registers contacts and cases completely and correctly",
			"Guides customers step by step through online forms and digital login",
			"Works with several applications at once during a contact",
			"Solves simple system problems or reports them clearly",
		},
		.levels = {
			"Uses the basic functions of the main systems with step-by-step "
			"instructions and needs help with exceptions.",
			"Uses the contact centre's systems for standard tasks and registers "
			"contacts correctly, with occasional help.",
			"Works fluently in all the systems of the role and guides customers "
			"through the online services without help.",
			"Uses advanced functions and workarounds, helps colleagues with the "
			"systems and tests new releases.",
			"Is the key user who shapes the digital way of working, advises on "
			"systems and online services and trains others.",
		},
	},
	{
		.key = "conflict-handling",
		.name = "Conflict handling",
		.category = "interpersonal",
		.description =
			"Dealing with dissatisfied, angry or aggressive customers and with "
			"disagreements in a calm and respectful way, de-escalating and working "
			"towards an acceptable outcome.",
		.developability = DEV_MEDIUM,
		.indicators = {
			"Stays calm and polite when a customer becomes angry",
			"Acknowledges the customer's frustration before explaining the rules",
			"Sets clear boundaries on unacceptable behaviour and follows protocol",
			"Offers concrete options or a follow-up date to move towards a solution",
			"Reports incidents and asks for support when needed",
		},
		.levels = {
			"Stays polite with mildly dissatisfied customers but needs a colleague "
			"to take over when a conversation escalates.",
			"Calms down dissatisfied customers in simple situations and applies the "
			"protocol for aggression with support.",
			"De-escalates angry customers independently in regular situations, sets "
			"boundaries and reaches an acceptable outcome.",
			"Handles escalated complaints and threatening situations and supports "
			"colleagues during and after difficult contacts.",
			"Is the reference point for conflict handling, trains others and "
			"improves the organisation's complaint and aggression procedures.",
		},
	},
	{
		.key = "coaching",
		.name = "Coaching",
		.category = "leadership",
		.description =
			"Supporting the development of colleagues by giving feedback, asking "
			"questions and setting development goals, so that they learn to improve "
			"their own performance.",
		.developability = DEV_MEDIUM,
		.indicators = {
			"Gives specific feedback based on observed behaviour",
			"Asks questions that help the colleague find solutions",
			"Agrees on concrete development goals and follows them up",
			"Recognises and names progress and good performance",
			"Adapts the coaching style to the colleague's experience",
		},
		.levels = {
			"Shares tips with colleagues when asked but needs guidance to give "
			"feedback that is specific and constructive.",
			"Helps new colleagues with practical matters and gives simple feedback "
			"on observed behaviour.",
			"Coaches colleagues independently with specific feedback and questions, "
			"and agrees on and follows up development goals.",
			"Coaches colleagues on complex behaviour and attitude, also when there "
			"is resistance, and measurably improves their performance.",
			"Builds a coaching culture in the organisation, develops the coaching "
			"methods and coaches the coaches.",
		},
	},
	{
		.key = "leadership",
		.name = "Leadership",
		.category = "leadership",
		.description =
			"Giving direction to a team, motivating its members and steering the "
			"work so that the team reaches its goals and stays engaged.",
		.developability = DEV_MEDIUM,
		.indicators = {
			"Translates the organisation's goals into clear priorities for the team",
			"Assigns tasks and responsibilities that fit people's strengths",
			"Addresses team members on agreements and behaviour",
			"Involves the team in decisions that affect their work",
			"Keeps the team motivated during peaks and changes",
		},
		.levels = {
			"Takes the lead in small tasks when asked but needs guidance to give "
			"direction to others.",
			"Leads a small group or project temporarily with the support of a "
			"manager, such as during a shift.",
			"Leads a team independently in regular situations, sets priorities, "
			"delegates and addresses team members on agreements.",
			"Leads the team through changes, conflicts and high workload while "
			"keeping people engaged and results on track.",
			"Sets the direction for several teams, develops other leaders and shapes "
			"the culture and organisation of the contact centre.",
		},
	},
	{
		.key = "decisiveness",
		.name = "Decisiveness",
		.category = "personal",
		.description =
			"Taking decisions in time, also when information is incomplete or "
			"under time pressure, committing to them and taking action.",
		.developability = DEV_LOW,
		.indicators = {
			"Takes decisions within the time the situation allows",
			"Makes a choice when information is incomplete and states the risks",
			"Stands by a decision under pressure unless new facts justify a change",
			"Escalates only what is beyond own mandate",
		},
		.levels = {
			"Decides on routine matters within clear rules but hesitates and seeks "
			"confirmation when a situation is not covered.",
			"Takes decisions in simple situations within own mandate and asks "
			"for advice on the rest.",
			"Takes decisions in time in regular situations independently, also with "
			"incomplete information, and carries them out.",
			"Takes difficult decisions under time pressure or with conflicting "
			"interests and accepts the consequences.",
			"Takes decisions with a wide impact on the organisation, also under "
			"uncertainty, and is a model of clear and timely decision-making.",
		},
	},
	{
		.key = "data-literacy",
		.name = "Data literacy",
		.category = "analytical",
		.description =
			"Reading, interpreting and using figures and reports, such as service "
			"levels, contact reasons and quality scores, to understand performance "
			"and improve the work.",
		.developability = DEV_HIGH,
		.indicators = {
			"Reads dashboards and reports on service levels and quality correctly",
			"Draws conclusions from figures and checks them against practice",
			"Recognises when figures are incomplete or misleading",
			"Uses figures to support proposals and decisions",
			"Explains figures to colleagues in plain terms",
		},
		.levels = {
			"Understands basic figures such as own number of contacts when they are "
			"explained, and needs guidance to interpret them.",
			"Reads standard reports and dashboards and draws simple conclusions "
			"with some help.",
			"Interprets reports on service levels, contact reasons and quality "
			"independently and uses them to adjust the work.",
			"Combines several data sources, spots trends and pitfalls in the figures "
			"and helps colleagues interpret them.",
			"Shapes how the organisation uses data, defines meaningful indicators and "
			"turns analyses into improvements of the service.",
		},
	},
};

const int demo_competency_count = sizeof demo_competencies / sizeof demo_competencies[0];

static const struct demo_requirement agent_requirements[] = {
	{ .competency = "customer-focus", .required_level = 3, .weight = 3 },
	{ .competency = "communication", .required_level = 3, .weight = 3 },
	{ .competency = "active-listening", .required_level = 3, .weight = 2 },
	{ .competency = "municipal-knowledge", .required_level = 3, .weight = 3 },
	{ .competency = "digital-skills", .required_level = 2, .weight = 2 },
	{ .competency = "collaboration", .required_level = 2, .weight = 1 },
	{ .competency = "adaptability", .required_level = 2, .weight = 1 },
	{ .competency = "conflict-handling", .required_level = 2, .weight = 2 },
};

static const struct demo_requirement senior_agent_requirements[] = {
	{ .competency = "customer-focus", .required_level = 4, .weight = 3 },
	{ .competency = "communication", .required_level = 3, .weight = 3 },
	{ .competency = "active-listening", .required_level = 3, .weight = 2 },
	{ .competency = "municipal-knowledge", .required_level = 4, .weight = 3 },
	{ .competency = "digital-skills", .required_level = 3, .weight = 2 },
	{ .competency = "conflict-handling", .required_level = 3, .weight = 2 },
	{ .competency = "problem-analysis", .required_level = 3, .weight = 2 },
	{ .competency = "coaching", .required_level = 2, .weight = 1 },
	{ .competency = "collaboration", .required_level = 3, .weight = 1 },
};

static const struct demo_requirement team_lead_requirements[] = {
	{ .competency = "leadership", .required_level = 4, .weight = 3 },
	{ .competency = "coaching", .required_level = 3, .weight = 3 },
	{ .competency = "decisiveness", .required_level = 3, .weight = 2 },
	{ .competency = "results-orientation", .required_level = 4, .weight = 3 },
	{ .competency = "communication", .required_level = 4, .weight = 2 },
	{ .competency = "conflict-handling", .required_level = 3, .weight = 2 },
	{ .competency = "data-literacy", .required_level = 3, .weight = 2 },
	{ .competency = "collaboration", .required_level = 3, .weight = 1 },
};

static const struct demo_requirement quality_coach_requirements[] = {
	{ .competency = "coaching", .required_level = 4, .weight = 3 },
	{ .competency = "active-listening", .required_level = 4, .weight = 3 },
	{ .competency = "communication", .required_level = 4, .weight = 2 },
	{ .competency = "data-literacy", .required_level = 3, .weight = 2 },
	{ .competency = "customer-focus", .required_level = 4, .weight = 2 },
	{ .competency = "municipal-knowledge", .required_level = 3, .weight = 1 },
};

static const struct demo_requirement back_office_requirements[] = {
	{ .competency = "problem-analysis", .required_level = 3, .weight = 3 },
	{ .competency = "municipal-knowledge", .required_level = 4, .weight = 3 },
	{ .competency = "digital-skills", .required_level = 3, .weight = 2 },
	{ .competency = "data-literacy", .required_level = 2, .weight = 1 },
	{ .competency = "results-orientation", .required_level = 3, .weight = 2 },
	{ .competency = "collaboration", .required_level = 2, .weight = 1 },
};

const struct demo_role demo_roles[] = {
	{
		.key = "agent",
		.name = "Contact-centre agent",
		.requirements = agent_requirements,
		.count = sizeof agent_requirements / sizeof agent_requirements[0],
	},
	{
		.key = "senior-agent",
		.name = "Senior agent",
		.requirements = senior_agent_requirements,
		.count = sizeof senior_agent_requirements / sizeof senior_agent_requirements[0],
	},
	{
		.key = "team-lead",
		.name = "Team lead",
		.requirements = team_lead_requirements,
		.count = sizeof team_lead_requirements / sizeof team_lead_requirements[0],
	},
	{
		.key = "quality-coach",
		.name = "Quality coach",
		.requirements = quality_coach_requirements,
		.count = sizeof quality_coach_requirements / sizeof quality_coach_requirements[0],
	},
	{
		.key = "back-office",
		.name = "Back-office specialist",
		.requirements = back_office_requirements,
		.count = sizeof back_office_requirements / sizeof back_office_requirements[0],
	},
};

const int demo_role_count = sizeof demo_roles / sizeof demo_roles[0];
