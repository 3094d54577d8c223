import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { MatchingModule } from '../matching/matching.module';
import { NeedsModule } from '../needs/needs.module';
import { OffersModule } from '../offers/offers.module';
import { PairingsModule } from '../pairings/pairings.module';
import { CompendiumController } from './compendium/compendium.controller';
import { CompendiumService } from './compendium/compendium.service';
import { CsvExportsController } from './csv/csv-exports.controller';
import { CsvExportsService } from './csv/csv-exports.service';
import { IatiExportController } from './iati/iati-export.controller';
import { IatiExportService } from './iati/iati-export.service';

/** Files that leave poa-match: IATI activities for donors, CSV for spreadsheets, the public compendium. */
@Module({
  imports: [AccountsModule, NeedsModule, OffersModule, MatchingModule, PairingsModule],
  controllers: [IatiExportController, CsvExportsController, CompendiumController],
  providers: [IatiExportService, CsvExportsService, CompendiumService],
})
export class ExportsModule {}
