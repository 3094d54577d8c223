/**
 * Nigeria's national report as the state's journey imports it: one paragraph that clearly asks for
 * assistance in themes the demo donors fund in Western Africa (Germany's Amnesty Month offer covers
 * stockpile management across Africa), so publishing the need yields at least one match.
 */
export const NIGERIA_REPORT = [
  'National report of Nigeria on the implementation of the Programme of Action',
  '1. The Presidential Committee on Small Arms and Light Weapons coordinates the national response.',
  '2. Nigeria requests assistance to train 40 officers in stockpile management and to mark and record seized weapons held in police armouries.',
];
