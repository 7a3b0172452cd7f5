import { z } from 'zod';

/** Largest serialised size of an event's free-form metadata, in bytes. */
export const MAX_METADATA_BYTES = 4096;

export const MetadataSchema = z
  .record(z.string().max(100), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]))
  .refine((value) => new TextEncoder().encode(JSON.stringify(value)).length <= MAX_METADATA_BYTES, {
    message: `metadata is larger than ${MAX_METADATA_BYTES} bytes`,
  });
