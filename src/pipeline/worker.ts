import { readAndAnalyse } from './extraction.js';

/** Runs in a worker thread: bytes in, document and findings out. A crash here costs one worker, not the ingest. */
export default readAndAnalyse;
