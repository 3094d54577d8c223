import { registerEnumType } from '@nestjs/graphql';

/** What a signed-in user may do; every authorisation decision starts from it. */
export enum Role {
  STATE = 'STATE',
  DONOR = 'DONOR',
  SECRETARIAT = 'SECRETARIAT',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do: STATE (bound to a country), DONOR (bound to a donor organisation), SECRETARIAT, ADMIN.',
});
