import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** Renders a Vega-Lite spec headlessly to SVG (vega's own renderer, no browser). */
export async function toSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * The font charts are drawn in: Liberation Sans, which pdfjs-dist ships (SIL Open Font License),
 * so a PNG has its labels on any machine that ran npm install, with no system fonts.
 */
const FONT_DIR = path.join(
  path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')),
  'standard_fonts',
);
const FONT_FILES = ['Regular', 'Bold', 'Italic', 'BoldItalic'].map((style) =>
  path.join(FONT_DIR, `LiberationSans-${style}.ttf`),
);
const FAMILY = 'Liberation Sans';

/** SVG to PNG at twice the size (resvg, no browser). */
export function svgToPng(svg: string): Buffer {
  const font = {
    fontFiles: FONT_FILES,
    loadSystemFonts: false,
    defaultFontFamily: FAMILY,
    sansSerifFamily: FAMILY,
    serifFamily: FAMILY,
    monospaceFamily: FAMILY,
  };
  return new Resvg(svg, { background: 'white', fitTo: { mode: 'zoom', value: 2 }, font }).render().asPng();
}
