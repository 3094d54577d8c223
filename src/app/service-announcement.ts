/**
 * Tells the person who started the service where it answers, once it does: printed by the one API
 * process, or by the primary once every API process serves, so that the line appears once.
 */
export function announceService(port: number): void {
  process.stdout.write(`poa-match: console at http://localhost:${port}/, GraphQL at /graphql (explorer at /explorer), health at /health\n`);
}
