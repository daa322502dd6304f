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

/** Which sector a text speaks of, when it names one and not the other: CRCs (the private companies, 2014–2021) or the NPS. */
export function providerSector(text: string): 'CRC' | 'NPS' | null {
  const crc = /\bCRCs?\b|Community Rehabilitation Compan/.test(text);
  const nps = /\bNPS\b|National Probation Service/.test(text);
  return crc === nps ? null : crc ? 'CRC' : 'NPS';
}
