import { alternation } from '../text/patterns.js';
import data from './providers.json' with { type: 'json' };

export interface Provider {
  name: string;
  kind: 'CRC' | 'NPS division';
  owner: string | null;
}

/** Every way a provider is written: its name, aliases, "Community Rehabilitation Company" spelled out, "&" for "and". */
function spellings(name: string, aliases: string[]): string[] {
  const forms = new Set([name, ...aliases]);
  for (const form of [...forms]) {
    if (form.endsWith(' CRC')) forms.add(`${form.slice(0, -4)} Community Rehabilitation Company`);
    if (form.includes(' and ')) forms.add(form.replaceAll(' and ', ' & '));
  }
  return [...forms];
}

const PROVIDERS: Array<Provider & { pattern: RegExp }> = [
  ...data.crcs.map((c) => ({
    name: c.name,
    kind: 'CRC' as const,
    owner: c.owner,
    forms: spellings(c.name, c.aliases),
  })),
  ...data.npsDivisions.map((d) => ({
    name: d.name,
    kind: 'NPS division' as const,
    owner: null,
    forms: spellings(d.name, d.aliases),
  })),
].map(({ forms, ...p }) => ({
  ...p,
  // Longest spelling first, so "Durham and Tees Valley CRC" wins over "DTV".
  pattern: new RegExp(`\\b(?:${alternation(forms)})\\b`),
}));

/** Providers named in a text, in the order they appear. */
export function providersIn(text: string): Array<Provider & { index: number; printed: string }> {
  return PROVIDERS.flatMap(({ pattern, ...p }) => {
    const m = pattern.exec(text);
    return m ? [{ ...p, index: m.index, printed: m[0] }] : [];
  }).sort((a, b) => a.index - b.index);
}

export type ProviderType = 'CRC' | 'NPS' | 'PDU';

/**
 * Which type of provider a text speaks of, when it names one and no other: CRCs (the private companies,
 * 2014–2021), the NPS, or the unified service's Probation Delivery Units (inspected since 2021).
 */
export function providerSector(text: string): ProviderType | null {
  const named = (
    [
      ['CRC', /\bCRCs?\b|Community Rehabilitation Compan/],
      ['NPS', /\bNPS\b|National Probation Service/],
      ['PDU', /\bPDUs?\b|Probation Delivery Units?\b/i],
    ] as const
  ).filter(([, pattern]) => pattern.test(text));
  return named.length === 1 ? named[0]![0] : null;
}

/** The type of a rated or counted subject: a recorded provider's own kind, else what its words say ("CRC services"). */
export function providerTypeOf(subject: string): ProviderType | null {
  const known = providersIn(subject)[0];
  if (known) return known.kind === 'CRC' ? 'CRC' : 'NPS';
  return providerSector(subject);
}
