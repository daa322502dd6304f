/**
 * The words that say someone spoke or wrote: verbs of speech (in every tense the documents use),
 * the phrases committee reports attribute evidence with, and what marks a quotation of a document
 * rather than of a person.
 */

/** Verbs and phrases of speech, before or after the quoted words ("said", "told us", "pointed out"). */
export const SPEECH_CUES = [
  'said', 'says', 'say', 'saying', 'stated', 'states', 'state', 'stating', 'added', 'adds', 'add', 'commented', 'comments', 'comment',
  'commenting', 'told', 'tells', 'tell', 'remarked', 'remarks', 'remarking', 'noted', 'notes', 'noting', 'concluded', 'concludes',
  'questioned', 'questions', 'warned', 'warns', 'warning', 'explained', 'explains', 'explaining', 'argued', 'argues', 'arguing', 'wrote',
  'writes', 'writing', 'described', 'describes', 'describing', 'insisted', 'insists', 'admitted', 'admits', 'conceded', 'concedes',
  'claimed', 'claims', 'statement', 'words', 'put it', 'according to', 'asked', 'replied', 'recalled', 'acknowledged', 'acknowledges',
  'agreed', 'agrees', 'believed', 'believes', 'confirmed', 'confirms', 'pointed out', 'points out', 'suggested', 'suggests',
  'highlighted', 'highlights', 'emphasised', 'emphasises', 'stressed', 'stresses', 'observed', 'observes', 'assured', 'assures',
  'implied', 'heard from', 'heard', 'reported', 'reports', 'testified', 'submitted', 'considered', 'thought', 'felt', 'feared',
  'welcomed', 'criticised', 'called', 'urged', 'announced', 'declared', 'responded', 'answered', 'summed up', 'went on',
  'conclude', 'concluding', 'question', 'questioning', 'warn', 'explain', 'argue', 'write', 'describe', 'insist', 'insisting',
  'admit', 'admitting', 'concede', 'conceding', 'claim', 'claiming', 'note', 'remark', 'asks', 'ask', 'asking',
];

/** Where the words are quoted from a document, not from a person: "said in its Annual Report", "according to the bulletin". */
export const FROM_A_DOCUMENT =
  /\b(?:in|from)\s+(?:its|their|his|her|the|a|an|this|that)\s+(?:[\w-]+\s+){0,3}(?:reports?|bulletin|consultation(?:\s+document)?|response|guidance|strategy|operating model|model|document|paper|statement|plan|minutes?|policy|framework|manual|announcement|press release|blog)\b/i;

/** Openings of a sentence that stand before its subject: "In oral evidence Switchback ...", "For example, Seetec ...". */
export const LEADING_ADVERBIAL =
  /^(?:(?:As(?=\s+(?:one|a|an|another)\b)|However|Similarly|Likewise|Also|Moreover|Further(?:more)?|Instead|Meanwhile|Equally|Indeed|By contrast|In contrast|For example|For instance|In addition|In particular|In (?:its|their|his|her) (?:oral|written) evidence|In (?:oral|written) evidence|In evidence(?: to us)?|When asked(?: [^,]+)?|During [^,]+|At [^,]+ session|(?:In|On|By) \w+ \d{4}|In \d{4}|Last year|This year),?\s+)+/i;

/** People spoken of as a group, who may be quoted without a name: "Academics from Sheffield Hallam University told us". */
export const GROUP_SPEAKERS = [
  'academics', 'academic', 'witnesses', 'witness', 'probation users', 'probation user', 'service users', 'service user', 'people on probation',
  'respondents', 'stakeholders', 'sentencers', 'magistrates', 'judges', 'victims', 'inspectors', 'researchers', 'experts', 'campaigners',
  'charities', 'unions', 'providers', 'employers', 'prisoners', 'offenders', 'families', 'volunteers', 'interviewees', 'participants',
];

/** Head nouns of a document, not a speaker: "HMPPS’s Workforce Bulletin also notes that ...". */
export const DOCUMENT_NOUNS = /\b(?:Report|Bulletin|Review|Strategy|Model|Plan|Framework|Guidance|Statement|Paper|Survey|Data|Statistics|Consultation|Manifesto|Minutes|Briefing|Evaluation|Assessment|Study|Green Paper|White Paper|Bill|Act|Order|Rules?)$/i;
