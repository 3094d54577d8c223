import type { DataSource } from 'typeorm';
import { BadUserInputError } from '../common/errors/domain-errors';
import { Donor } from './entities/donor.entity';

/** Refuses an id that names no donor organisation, naming the input field, where a donor is to be named or filtered by. */
export async function requireDonor(dataSource: DataSource, donorId: string, field: string): Promise<void> {
  if (!(await dataSource.getRepository(Donor).exists({ where: { id: donorId } }))) {
    throw BadUserInputError.forField(field, `Donor ${donorId} does not exist.`);
  }
}
