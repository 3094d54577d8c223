import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { BadUserInputError, FieldProblem } from '../common/errors/domain-errors';

/** How a query parameter is read: one text, a list (repeated or comma-separated), a whole number or a number. */
export type ParameterKind = 'text' | 'list' | 'integer' | 'number';

/** The parameters an endpoint takes, by name, with how each is read. */
export type ParameterSpec<T> = { [Key in keyof T & string]-?: ParameterKind };

/**
 * Reads an HTTP query string into the same input class the GraphQL list takes, and validates it with
 * that class's rules, so a download filters exactly as the list it comes from. An unknown, repeated
 * or malformed parameter is refused with BAD_USER_INPUT naming it.
 */
export async function parseQueryParameters<T extends object>(
  target: new () => T,
  spec: ParameterSpec<T>,
  query: Record<string, unknown>,
): Promise<T> {
  const values: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const [name, raw] of Object.entries(query)) {
    const kind = (spec as Record<string, ParameterKind | undefined>)[name];
    if (!kind) {
      problems.push({ field: name, message: `Unknown parameter ${name}; this export takes ${Object.keys(spec).join(', ')}.` });
      continue;
    }
    const texts = (Array.isArray(raw) ? raw : [raw]).map(String);
    if (kind === 'list') {
      values[name] = texts
        .flatMap((text) => text.split(','))
        .map((item) => item.trim())
        .filter(Boolean);
      continue;
    }
    if (texts.length !== 1) {
      problems.push({ field: name, message: `${name} may be given once.` });
      continue;
    }
    const [text] = texts;
    if (kind === 'text') values[name] = text;
    else if (kind === 'integer' && /^-?\d{1,15}$/.test(text.trim())) values[name] = Number(text);
    else if (kind === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) values[name] = Number(text);
    else problems.push({ field: name, message: `${name} must be ${kind === 'integer' ? 'a whole number' : 'a number'}.` });
  }
  const parsed = plainToInstance(target, values);
  for (const error of await validate(parsed, { forbidUnknownValues: true })) {
    for (const message of Object.values(error.constraints ?? {})) problems.push({ field: error.property, message });
  }
  if (problems.length) {
    throw new BadUserInputError(
      `Invalid parameters: ${problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}`,
      problems,
    );
  }
  return parsed;
}

/**
 * The services name a bad filter value by its GraphQL path (`filter.region`); over HTTP the same value
 * is the query parameter `region`, so refusals name that instead.
 */
export async function asQueryParameterErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof BadUserInputError)) throw error;
    const fields = error.fields.map((problem) => ({ ...problem, field: problem.field.replace(/^filter\./, '') }));
    throw new BadUserInputError(error.message, fields);
  }
}
