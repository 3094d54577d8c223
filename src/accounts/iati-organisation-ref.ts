/**
 * An IATI organisation identifier: the code of the registration agency (a country or "XM"/"XI"
 * prefix and an agency, e.g. "GB-COH", "XM-DAC") followed by the organisation's number there, e.g.
 * "GB-GOV-1" or "XM-DAC-41114". IATI allows letters, digits, hyphens, full stops, underscores and
 * colons only, since activity identifiers are built on it and travel in URLs and file names.
 */
export const IATI_ORGANISATION_REF = /^[A-Z]{2}-[A-Za-z0-9]+(?:[-._:][A-Za-z0-9]+)+$/;

export const IATI_ORGANISATION_REF_MESSAGE =
  'iatiOrganisationRef must be an IATI organisation identifier: an agency prefix and a number, such as "GB-GOV-1" or "XM-DAC-41114" (letters, digits, "-", ".", "_", ":")';
