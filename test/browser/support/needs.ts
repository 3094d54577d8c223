import { expect } from '@jest/globals';
import { demoEmail, type Service } from './service';

/** Files and publishes a need of Nigeria's through the API, as its focal point would; returns the need's id. */
export async function publishNigeriasNeed(service: Service, input: Record<string, unknown>): Promise<string> {
  const token = await service.login(demoEmail('state.nga'));
  const created = await service.gql<{ createNeed: { id: string; version: number } }>(
    'mutation($input: CreateNeedInput!) { createNeed(input: $input) { id version } }',
    { input },
    token,
  );
  expect(created.errors).toBeUndefined();
  const { id, version } = created.data!.createNeed;
  const published = await service.gql(
    'mutation($id: ID!, $version: Int) { publishNeed(id: $id, expectedVersion: $version) { id status } }',
    { id, version },
    token,
  );
  expect(published.errors).toBeUndefined();
  return id;
}
