export const en = {
  meta: {
    siteName: 'Cairn',
    tagline: 'Customs risk-management maturity diagnostics',
    description:
      'Cairn turns customs risk-management maturity diagnostics into questionnaires you can read, answer, score and turn into a capacity-building roadmap, in your browser, with no server.',
  },
  nav: {
    label: 'Main',
    home: 'Home',
    questionnaires: 'Questionnaires',
    methodology: 'Methodology',
    language: 'Language',
    skip: 'Skip to content',
  },
  footer: {
    independence:
      'Cairn is an independent open toolkit. It maps its questions to WCO and WTO instruments; it is not an official WCO diagnostic.',
    privacy: 'Everything you enter stays in your browser unless you export it.',
  },
  root: { title: 'Choose your language', lead: 'Cairn is available in these languages:' },
  home: {
    title: 'Know where your risk management stands, and what to do next',
    lead: 'Cairn is a toolkit for customs administrations and the experts who assess them. Read a maturity diagnostic, answer it alone or as a mission team, see scores and gaps, and plan the capacity building that closes them.',
    start: 'Browse the questionnaires',
    method: 'How scoring works',
    forWhom: 'Who it is for',
    audiences: [
      {
        title: 'Administrations assessing themselves',
        text: 'A risk-management unit answers alone or gathers answers from the targeting centre, post-clearance audit, intelligence, IT and training, agrees a consensus and sets its own targets.',
      },
      {
        title: 'Experts on diagnostic missions',
        text: 'Two or three advisors interview units over a week, often offline on their own laptops, record the evidence they saw and score each dimension with a reason.',
      },
      {
        title: 'Planners and regional bodies',
        text: 'Turn gaps into a phased roadmap of actions with owners and effort, measure progress at the next assessment, and compare administrations across a region.',
      },
    ],
    howTitle: 'How it works',
    steps: [
      {
        title: 'Read',
        text: 'Each questionnaire is a printable document: areas, items, five rubric levels, the evidence to ask for and the instruments behind each item.',
      },
      {
        title: 'Answer',
        text: 'Rate each item against its rubric, mark what is not applicable or lacks evidence, and keep notes. Several respondents can answer the same assessment.',
      },
      {
        title: 'Score',
        text: 'Scores are computed in your browser with documented methods: weighted means, weakest link, gated levels. Every number explains itself.',
      },
      {
        title: 'Plan',
        text: 'Gaps to target become a roadmap of actions drawn from each questionnaire’s action library.',
      },
    ],
    trustTitle: 'Built to be trusted',
    trust: [
      'No server, no account, no tracking: the site is static and works offline.',
      'Open formats: questionnaires in YAML, assessments in JSON, reports in CSV, XLSX and DOCX.',
      'Mapped to the Revised Kyoto Convention, the WTO Trade Facilitation Agreement, the SAFE Framework, the WCO Risk Management Compendium and ISO 31000.',
    ],
    available: 'Available diagnostics',
  },
  catalogue: {
    title: 'Questionnaires',
    lead: 'Each diagnostic can be read and printed as a document, then answered, scored and planned.',
    version: 'Version',
    areas: { one: '{n} area', other: '{n} areas' },
    items: { one: '{n} item', other: '{n} items' },
    languages: 'Languages',
    instruments: 'Instruments cited',
    read: 'Read the questionnaire',
  },
  document: {
    contents: 'Contents',
    about: 'About this questionnaire',
    version: 'Version',
    itemsCount: 'Contents',
    scale: 'Rating scale',
    level: 'Level',
    descriptor: 'What the assessor observes',
    evidence: 'Evidence to ask for',
    references: 'References',
    bibliography: 'Instruments and references',
    weight: 'Weight',
    method: 'Scoring',
    target: 'Default target',
    print: 'Print or save as PDF',
    question: 'Item',
    showIf: 'Asked only when',
    options: 'Options',
    score: 'Score',
    backToCatalogue: 'All questionnaires',
  },
  types: {
    level: 'Maturity level',
    choice: 'One choice',
    multi: 'Several choices',
    boolean: 'Yes or no',
    number: 'Number',
    text: 'Text',
  },
  methods: {
    mean: 'Mean',
    'weighted-mean': 'Weighted mean',
    median: 'Median',
    min: 'Weakest link',
    sum: 'Sum',
    cumulative: 'Gated levels',
  },
  methodology: {
    title: 'Methodology',
    lead: 'How Cairn turns answers into scores, gaps and targets. Every example on this page is computed by the same engine that scores your assessments.',
    contents: 'On this page',
    scalesTitle: 'Rating scales',
    scalesLead:
      'Every item is rated on a scale. These scales are used by the questionnaires shipped with Cairn.',
    value: 'Value',
    label: 'Label',
    meaning: 'Meaning',
    answersTitle: 'From answers to an item score',
    answersText: [
      'Each respondent rates an item. When experts have agreed a consensus rating, it alone counts; otherwise the respondents’ answers are consolidated by the assessment’s method: the median (the default), the mean, the lowest or the highest.',
      '“Not applicable” answers are left out, and the weights of the remaining items are shared out again. An item rated without enough evidence counts at the lowest level unless the questionnaire says otherwise: a level is not granted on missing evidence.',
      'Questions that only apply in some cases (for example, only where a national targeting centre exists) are shown when their condition holds, and count nowhere otherwise.',
    ],
    methodsTitle: 'Scoring methods',
    methodsLead:
      'A section’s score combines its items and sub-sections. Each child is first placed on a 0–1 scale (its position between its lowest and highest value), so children on different scales combine fairly.',
    methodColumn: 'Method',
    useColumn: 'When to use it',
    ruleColumn: 'Rule',
    uses: {
      mean: 'All items matter equally.',
      'weighted-mean': 'Some items matter more than others (the default).',
      median: 'Resist one outlying item.',
      min: 'A chain is as strong as its weakest link (PEFA method M1).',
      sum: 'Points accumulate, as in OWASP SAMM’s streams.',
      cumulative: 'Maturity levels must be reached in order, as in C2M2.',
    },
    rules: {
      mean: 'lowest + mean(x) × (highest − lowest)',
      'weighted-mean': 'lowest + (Σ wᵢxᵢ / Σ wᵢ) × (highest − lowest)',
      median: 'lowest + median(x) × (highest − lowest)',
      min: 'lowest + min(x) × (highest − lowest)',
      sum: 'Σ scores, on the range Σ lowest … Σ highest',
      cumulative: 'the highest level whose items, and all below, pass the threshold',
    },
    workedTitle: 'Worked examples',
    workedLead: 'Each example shows the children of one section and the score the engine computes from them.',
    child: 'Child',
    answer: 'Score',
    weight: 'Weight',
    position: 'Position (0–1)',
    levelCol: 'Level',
    result: 'Result',
    explanation: 'Explanation',
    roundingTitle: 'Rounding and display',
    roundingText: [
      'A section may round its score onto its scale: down to a value (floor), to the nearest value or half-way point below (half-down) or above (half-up), or to the nearest value (nearest, a tie going up).',
      'Scores are shown with one decimal. On a letter scale a score equal to a value shows its letter, and a score half-way between two values shows the lower letter with “+”, as in PEFA: C+.',
    ],
    roundingTable: 'Score 3.25, 3.5 and 3.75 on a 1–5 scale',
    rawScore: 'Computed score',
    targetsTitle: 'Targets and gaps',
    targetsText: [
      'Each item and section has a target: the one set in the assessment, else the questionnaire’s own, else the questionnaire’s default target placed at the same point of the node’s range.',
      'The gap is how far the score stands below its target, never negative. Gaps feed the gap report and the roadmap.',
    ],
  },
  levels: {
    insufficient: 'insufficient evidence',
    na: 'not applicable',
  },
} as const;

type Widen<T> = T extends string
  ? string
  : T extends readonly (infer U)[]
    ? readonly Widen<U>[]
    : T extends object
      ? { readonly [K in keyof T]: Widen<T[K]> }
      : T;

export type Messages = Widen<typeof en>;
