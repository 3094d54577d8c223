import { Injectable } from '@nestjs/common';
import { NeedSort } from '../../needs/dto/need-sort.args';
import { fundingGapUsd, LIVE_NEED_STATUSES } from '../../needs/need-lifecycle';
import { NeedsService } from '../../needs/needs.service';
import type { UnLanguage } from '../../reference/data/themes';
import { buildCompendium, Compendium, CompendiumNeedRow } from './compendium-model';

/**
 * The "Matching needs and resources" compendium, made from the data at the moment it is asked for:
 * the needs list as someone who has not signed in sees it (published PUBLIC needs), those still
 * seeking assistance.
 */
@Injectable()
export class CompendiumService {
  constructor(private readonly needs: NeedsService) {}

  async compendium(lang: UnLanguage): Promise<Compendium> {
    const rows: CompendiumNeedRow[] = [];
    for await (const batch of this.needs.listAll(null, { status: [...LIVE_NEED_STATUSES] }, NeedSort.NEWEST)) {
      for (const need of batch) {
        rows.push({
          title: need.title,
          description: need.description,
          countryIso3: need.countryIso3,
          estimatedBudgetUsd: need.estimatedBudgetUsd,
          gapUsd: fundingGapUsd(need),
          themeCodes: need.themeCodes,
          sourceExcerpt: need.sourceExcerpt,
        });
      }
    }
    return buildCompendium(rows, lang, new Date());
  }
}
