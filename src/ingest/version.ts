/**
 * Bumped whenever text extraction or a finding extractor changes what it produces, so the
 * next ingest redoes documents indexed by an older pipeline instead of skipping them.
 */
export const PIPELINE_VERSION = 2;
