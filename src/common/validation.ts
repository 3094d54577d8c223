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
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof InputValidationException && metadata.data) {
        throw new InputValidationException(error.fields.map((problem) => ({ ...problem, field: `${metadata.data}.${problem.field}` })));
      }
      throw error;
    }
  }
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
