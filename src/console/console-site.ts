import { Injectable } from '@nestjs/common';
import expressStaticGzip from 'express-static-gzip';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { AppConfig } from '../config/app-config';
import { explorerContentSecurityPolicy } from './security-headers';

type Request = IncomingMessage & { url: string };
type Next = (error?: unknown) => void;

/** Paths the API answers itself; the console never shadows them. */
const API_PATHS = ['/graphql', '/health', '/metrics', '/exports', '/compendium', '/compendium.pdf'];
const ASSETS = '/assets';
const EXPLORER = '/explorer';

/** Hashed names: a changed file is a new URL, so a copy may be kept for a year without asking again. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Pages name the current assets, so the browser asks each time (a 304 when nothing changed). */
const REVALIDATE = 'no-cache';

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/**
 * The web console built into `dist/web` (or CONSOLE_DIR): `/` and every deep link get index.html
 * (the single-page app routes in the browser), `/explorer` gets explorer.html, `/assets/*` the hashed
 * files, brotli or gzip copies chosen by Accept-Encoding. A missing asset is a 404, never the app.
 * Without a build (e2e tests running from the sources) the pages answer 503 saying how to build it.
 */
@Injectable()
export class ConsoleSite {
  readonly directory: string;

  constructor(config: AppConfig) {
    // Compiled, this file is dist/console/console-site.js and the build is dist/web.
    this.directory = resolve(config.CONSOLE_DIR ?? join(__dirname, '..', 'web'));
  }

  /** Express middleware; mounted ahead of the API's routes, it passes their paths through untouched. */
  handler(): (request: Request, response: ServerResponse, next: Next) => void {
    const assetsDirectory = join(this.directory, 'assets') + sep;
    const files: (request: Request, response: ServerResponse, next: Next) => void = expressStaticGzip(this.directory, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: {
        index: false,
        redirect: false,
        cacheControl: false,
        setHeaders: (response: ServerResponse, file: string) =>
          response.setHeader('Cache-Control', file.startsWith(assetsDirectory) ? IMMUTABLE : REVALIDATE),
      },
    });
    const page = (name: string, request: Request, response: ServerResponse, next: Next) => {
      request.url = `/${name}`;
      files(request, response, (error?: unknown) => (error ? next(error) : notBuilt(response)));
    };

    return (request, response, next) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return next();
      const path = request.url.split('?')[0];
      if (path === '/graphql' && !request.url.includes('?') && acceptsHtml(request)) return redirect(response, EXPLORER);
      if (API_PATHS.some((prefix) => under(path, prefix))) return next();
      if (under(path, ASSETS)) return files(request, response, (error?: unknown) => (error ? next(error) : notFound(response)));
      if (under(path, EXPLORER) || path === '/explorer.html') {
        return explorerContentSecurityPolicy(request, response, (error?: unknown) =>
          error ? next(error) : page('explorer.html', request, response, next),
        );
      }
      // A file at the top of the build (a favicon…), else the app for a deep link.
      files(request, response, (error?: unknown) => (error ? next(error) : page('index.html', request, response, next)));
    };
  }
}

/** Apollo's landing page used to answer a browser at /graphql; the explorer is that page now. */
function acceptsHtml(request: IncomingMessage): boolean {
  return /\btext\/html\b/.test(request.headers.accept ?? '');
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { Location: location, 'Cache-Control': 'no-cache' }).end();
}

function plainText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end(`${text}\n`);
}

function notFound(response: ServerResponse): void {
  plainText(response, 404, 'Not found.');
}

function notBuilt(response: ServerResponse): void {
  plainText(response, 503, 'The web console has not been built. Run `npm run build` (`npm start` does it), then reload this page.');
}
