import { z } from 'zod';

export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(200).describe('Words to look for, in any script; typos are tolerated'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const SearchResultSchema = z
  .object({
    type: z.enum(['organization', 'person', 'interaction']),
    id: z.uuid(),
    title: z.string(),
    subtitle: z.string(),
    score: z.number(),
    organizationId: z.uuid().nullable().optional().describe('For an interaction: the organisation whose timeline holds it'),
    personId: z.uuid().nullable().optional().describe('For an interaction: the person whose timeline holds it'),
  })
  .meta({ id: 'SearchResult' });
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const SearchResponseSchema = z.object({ results: z.array(SearchResultSchema) });
