import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { BadUserInputError } from '../common/errors/domain-errors';

/** The CLI applies the same input rules as the GraphQL API. */
export async function validateOrReport<T extends object>(type: ClassConstructor<T>, plain: object): Promise<T> {
  const input = plainToInstance(type, plain);
  const errors = await validate(input, { whitelist: true, forbidUnknownValues: true });
  if (errors.length) {
    const fields = errors.flatMap((error) => Object.values(error.constraints ?? {}).map((message) => ({ field: error.property, message })));
    throw new BadUserInputError(`Invalid input: ${fields.map((problem) => problem.message).join('; ')}`, fields);
  }
  return input;
}
