import { THEME_TAXONOMY } from '../../reference/data/themes';
import { ThemeTaxonomy } from './scoring';

/**
 * The taxonomy the scorer compiles theme sets with; one instance per thread, so every prepared form
 * of a thread shares it. Its own module, so the scoring thread loads it without the database layer.
 */
export const MATCHING_TAXONOMY = new ThemeTaxonomy(
  THEME_TAXONOMY.map((theme) => ({ code: theme.code, parentCode: theme.parentCode, label: theme.labels.en })),
);
