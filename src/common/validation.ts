import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';
import { FieldProblem } from './errors/domain-errors';
import { InputValidationException } from './errors/graphql-error-formatter';

function flatten(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, message, rule }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Validates every argument object with class-validator and names each bad field by the path a
 * client sees in its own variables (`input.title`, `input.weights.theme`).
 */
@Injectable()
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      whitelist: true,
      forbidUnknownValues: true,
      exceptionFactory: (errors) => new InputValidationException(flatten(errors, '')),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      const valid: unknown = await super.transform(value, metadata);
      const withNul = metadata.type === 'custom' ? [] : nulCharacters(valid, '');
      if (withNul.length) throw new InputValidationException(withNul);
      return valid;
    } catch (error) {
      if (error instanceof InputValidationException && metadata.data) {
        const argument = metadata.data;
        throw new InputValidationException(
          error.fields.map((problem) => ({ ...problem, field: problem.field ? `${argument}.${problem.field}` : argument })),
        );
      }
      throw error;
    }
  }
}

/**
 * Text in any argument, however deep, holding the NUL character: no one types it, and PostgreSQL
 * cannot store it (SQLite would), so it is refused here for both alike.
 */
function nulCharacters(value: unknown, path: string): FieldProblem[] {
  if (typeof value === 'string') {
    return value.includes('\u0000')
      ? [{ field: path, message: `${path || 'The text'} contains the NUL character (U+0000), which text cannot hold`, rule: 'noNul' }]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => nulCharacters(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => nulCharacters(item, path ? `${path}.${key}` : key));
  }
  return [];
}

/**
 * A field that may be left out but is never null, unlike `IsOptional`: left out, its stored default
 * (a priority, a flag, a visibility) applies, while null would have nothing to store.
 */
export const IsOmittable = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

/**
 * Text without the spaces around it, before it is checked against its limits and stored: a title of
 * spaces is an empty title.
 */
export const Trimmed = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
