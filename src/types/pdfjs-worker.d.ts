// Imported for its side effect only (see src/ingest/pdf/pdfjs.ts); pdfjs ships no types for it.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
