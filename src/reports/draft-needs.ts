import { AssistanceType } from '../domain/enums';
import type { AnalysedPassage } from './analysis/analyse-report';

/** What a draft need drawn from one passage of a national report says. */
export interface DraftNeedContent {
  title: string;
  /** The passage itself: it becomes both the description and the source excerpt. */
  passage: string;
  paragraphRef: string | null;
  themeCodes: string[];
  assistanceTypes: AssistanceType[];
}

export interface DraftNeedPlan {
  drafts: DraftNeedContent[];
  /** Need passages in which no theme was recognised: a need names at least one theme, so they are left out. */
  passagesWithoutTheme: number;
}

/**
 * A passage that asks for assistance without naming its form leaves every form open: all five types
 * are listed, so matching does not rule out any offer before the state narrows the list in review.
 * Picking one form would state something the report does not say.
 */
export const UNSPECIFIED_ASSISTANCE_TYPES: readonly AssistanceType[] = Object.values(AssistanceType);

/** One draft need per need passage with at least one recognised theme, in document order. */
export function planDraftNeeds(passages: readonly AnalysedPassage[]): DraftNeedPlan {
  const drafts: DraftNeedContent[] = [];
  let passagesWithoutTheme = 0;
  for (const passage of passages) {
    if (passage.themes.length === 0) {
      passagesWithoutTheme++;
      continue;
    }
    const namedTypes = passage.assistanceTypes.map((type) => AssistanceType[type]);
    drafts.push({
      title: passage.title,
      passage: passage.text,
      paragraphRef: passage.paragraphRef,
      themeCodes: passage.themes.map((theme) => theme.code),
      assistanceTypes: namedTypes.length > 0 ? namedTypes : [...UNSPECIFIED_ASSISTANCE_TYPES],
    });
  }
  return { drafts, passagesWithoutTheme };
}
