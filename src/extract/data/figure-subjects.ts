/**
 * Words that say whose figure a number is. Kept as data: a group of people is a head noun with up
 * to two words narrowing it ("CRC staff", "band 4 probation officers"); an amount of money is for
 * something, or is itself something ("a maintenance backlog of £1 billion").
 */

/** Head nouns of groups of people whose figures reports give, singular and plural. */
export const PEOPLE_HEADS = [
  'staff',
  'practitioners',
  'practitioner',
  'officers',
  'officer',
  'POs',
  'PO',
  'PSOs',
  'PSO',
  'SPOs',
  'SPO',
  'service users',
  'offenders',
  'people',
  'probationers',
  'managers',
  'manager',
  'leaders',
  'leader',
  'prison-leavers',
  'prisoners',
  'adults',
  'individuals',
];
/** Head nouns of bodies a figure can belong to as a group does: "more than half of CRCs", "third sector organisations". */
export const BODY_HEADS = ['organisations', 'providers', 'companies', 'charities', 'CRCs'];
/** Words that narrow an officer without being a modifier of their own: "probation officers", "responsible officers". */
export const OFFICER_KINDS = ['probation', 'responsible', 'parole', 'custodial', 'community'];

/**
 * Words that cannot narrow a group: articles, possessives, prepositions, verbs of having, and the
 * words that open a clause ("when practitioners hold", "whereas staff").
 */
export const NOT_MODIFIERS = [
  'the',
  'a',
  'an',
  'another',
  'other',
  'this',
  'that',
  'these',
  'those',
  'such',
  'any',
  'no',
  'per',
  'each',
  'every',
  'our',
  'my',
  'your',
  'his',
  'her',
  'its',
  'their',
  'of',
  'for',
  'to',
  'in',
  'by',
  'with',
  'and',
  'or',
  'over',
  'under',
  'about',
  'around',
  'nearly',
  'almost',
  'more',
  'less',
  'had',
  'have',
  'has',
  'were',
  'was',
  'are',
  'is',
  'whom',
  'which',
  'who',
  'when',
  'if',
  'while',
  'whereas',
  'because',
  'where',
  'as',
  'than',
  'since',
  'although',
  'though',
  'whether',
  'after',
  'before',
  'until',
  'unless',
  'so',
  'all',
  'most',
  'many',
  'some',
  'both',
  'even',
  'only',
  'just',
  'also',
  'still',
];

/** What an amount of money is when it is named before it: "a maintenance backlog of around £1 billion", "the budget was £64m". */
export const MONEY_HEADS = [
  'backlog',
  'budget',
  'bill',
  'cost',
  'costs',
  'deficit',
  'overspend',
  'shortfall',
  'fund',
  'spend',
  'savings',
  'contract',
  'contracts',
];

/** Verbs that give an amount to whoever follows them: "paying CRCs £822m". */
export const PAYING_VERBS = [
  'pay',
  'pays',
  'paid',
  'paying',
  'give',
  'gives',
  'gave',
  'giving',
  'award',
  'awarded',
  'awarding',
];

/** What a number is when the clause before it says: "the total probation caseload ... was 264,649". */
export const MEASURE_HEADS = [
  'caseload',
  'caseloads',
  'budget',
  'backlog',
  'cost',
  'costs',
  'bill',
  'spending',
  'population',
  'workforce',
  'headcount',
  'number of',
];
/** Verbs that equate a measure with its number. */
export const EQUATING_VERBS = [
  'was',
  'were',
  'is',
  'are',
  'stood at',
  'stands at',
  'totalled',
  'totals',
  'reached',
  'amounted to',
  'amounts to',
];

/** Words before a number that hedge it without changing what it is of: "stood at around 250,000". */
export const HEDGES = [
  'around',
  'about',
  'nearly',
  'almost',
  'approximately',
  'roughly',
  'some',
  'over',
  'more than',
  'less than',
  'up to',
  'at least',
  'just over',
  'just under',
];
