/**
 * pdfjs-dist's legacy build, the one meant for Node, bundles core-js polyfills that replace
 * built-ins Node already has (Array.prototype.push, JSON.parse, JSON.stringify) with slower
 * JavaScript versions, for every module in the thread: 17 % of a profile of pdfjs alone.
 * Both bundles (the API and the in-thread worker) are loaded here at once, and the native
 * built-ins put back after them.
 */
const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };

const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
// Loaded now rather than on the first document, so its polyfills land before the restore;
// pdfjs finds it on globalThis.pdfjsWorker and runs it in this thread.
await import('pdfjs-dist/legacy/build/pdf.worker.mjs');

Array.prototype.push = natives.push;
JSON.parse = natives.parse;
JSON.stringify = natives.stringify;

export const { getDocument, Util, OPS } = pdfjs;
