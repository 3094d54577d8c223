import { Controller, Get, Header, Query, UseFilters } from '@nestjs/common';
import { IsOptional, IsString, Length } from 'class-validator';
import { rolesGranted } from '../../access/policy';
import { Actor } from '../../access/actor';
import { CurrentActor, Roles } from '../../access/access.decorators';
import { HttpErrorFilter } from '../../common/errors/http-error.filter';
import { parseQueryParameters } from '../query-parameters';
import { IatiExportService } from './iati-export.service';
import { IATI_EXPORT_RULES } from './iati-export-policy';

class IatiExportParameters {
  @IsOptional()
  @IsString()
  @Length(1, 36)
  donorId?: string;
}

@Controller('exports/iati')
@UseFilters(HttpErrorFilter)
export class IatiExportController {
  constructor(private readonly iati: IatiExportService) {}

  /** A donor's confirmed pairings as IATI 2.03 activities: its own for a donor, `?donorId=` for the Secretariat. */
  @Roles(...rolesGranted(IATI_EXPORT_RULES, 'export'))
  @Get('activities.xml')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async activities(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>): Promise<string> {
    const { donorId } = await parseQueryParameters(IatiExportParameters, { donorId: 'text' }, query);
    return this.iati.activitiesXml(actor, donorId);
  }
}
