import { AssistanceType, detectAssistanceTypes } from './assistance-types';
import { analysisLanguage, DetectedLanguage, detectLanguage } from './detect-language';
import { draftNeedTitle } from './draft-need-title';
import { findNeedCues } from './need-cues';
import { splitPassages } from './split-passages';
import { DetectedTheme, detectThemes } from './theme-detector';

export interface AnalysedPassage {
  paragraphRef: string | null;
  text: string;
  themes: DetectedTheme[];
  assistanceTypes: AssistanceType[];
  /** The words that show the passage asks for assistance. */
  cues: string[];
  /** A proposed title for the draft need. */
  title: string;
}

export interface ReportAnalysis {
  /** The document's language; each passage is analysed in its own language when the document's is undetermined. */
  language: DetectedLanguage;
  /** Only the passages that express a need for assistance, in document order. */
  passages: AnalysedPassage[];
}

/** Finds the passages of a national report that ask for assistance and drafts a need from each. */
export function analyseReport(text: string): ReportAnalysis {
  const documentLanguage = detectLanguage(text);
  const passages: AnalysedPassage[] = [];
  for (const passage of splitPassages(text)) {
    const language = analysisLanguage(passage.text, documentLanguage === 'und' ? undefined : documentLanguage);
    const { expressesNeed, cues } = findNeedCues(passage.text, language);
    if (!expressesNeed) continue;
    const themes = detectThemes(passage.text, language);
    passages.push({
      paragraphRef: passage.paragraphRef,
      text: passage.text,
      themes,
      assistanceTypes: detectAssistanceTypes(passage.text, language),
      cues,
      title: draftNeedTitle(
        passage.text,
        themes.map((theme) => theme.code),
        language,
      ),
    });
  }
  return { language: documentLanguage, passages };
}
