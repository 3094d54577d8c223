import { Controller, Get, Header, Query, Res, UseFilters } from '@nestjs/common';
import { IsIn, IsOptional } from 'class-validator';
import type { ServerResponse } from 'node:http';
import { Public } from '../../access/access.decorators';
import { HttpErrorFilter } from '../../common/errors/http-error.filter';
import { UN_LANGUAGES, UnLanguage } from '../../reference/data/themes';
import { parseQueryParameters } from '../query-parameters';
import { COMPENDIUM_CONTENT_SECURITY_POLICY, compendiumHtml } from './compendium-html';
import { writeCompendiumPdf } from './compendium-pdf';
import { CompendiumService } from './compendium.service';

class CompendiumParameters {
  @IsOptional()
  @IsIn(UN_LANGUAGES)
  lang?: UnLanguage;
}

/** The compendium for anyone, signed in or not: it holds only what is public. */
@Controller()
@UseFilters(HttpErrorFilter)
export class CompendiumController {
  constructor(private readonly compendium: CompendiumService) {}

  /** Printable HTML in any of the six languages (`?lang=`, English by default). */
  @Public()
  @Get('compendium')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @Header('Content-Security-Policy', COMPENDIUM_CONTENT_SECURITY_POLICY)
  async html(@Query() query: Record<string, unknown>): Promise<string> {
    const { lang = 'en' } = await parseQueryParameters(CompendiumParameters, { lang: 'text' }, query);
    return compendiumHtml(await this.compendium.compendium(lang));
  }

  /** The same document as a PDF, in any of the six languages (Arabic right to left). */
  @Public()
  @Get('compendium.pdf')
  async pdf(@Query() query: Record<string, unknown>, @Res() response: ServerResponse): Promise<void> {
    const { lang = 'en' } = await parseQueryParameters(CompendiumParameters, { lang: 'text' }, query);
    const document = await this.compendium.compendium(lang);
    response.writeHead(200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="poa-match-compendium-${lang}-${new Date().toISOString().slice(0, 10)}.pdf"`,
      'Cache-Control': 'no-store',
    });
    writeCompendiumPdf(document, response);
  }
}
