import { AccountClient, GetAlternateContactCommand, GetContactInformationCommand, type AlternateContactType } from '@aws-sdk/client-account';
import type { Row } from '../../schema/db.js';
import { awsAccountAlternateContacts, awsAccountContactInformation } from '../../schema/account.js';
import { isAwsError } from '../errors.js';
import type { Collector } from '../types.js';

const types: AlternateContactType[] = ['BILLING', 'OPERATIONS', 'SECURITY'];

/** GetAlternateContact per type: ResourceNotFoundException means "none registered", a fact row. */
export const alternateContactsCollector: Collector = {
  service: 'account',
  name: 'alternate-contacts',
  scope: 'global',
  tables: [awsAccountAlternateContacts],
  async collect(ctx) {
    const client = ctx.client(AccountClient);
    const rows = await ctx.map(types, async (type): Promise<Row> => {
      try {
        const c = (await client.send(new GetAlternateContactCommand({ AlternateContactType: type }))).AlternateContact;
        if (!c) throw new Error(`[sync] account GetAlternateContact ${type} answered without AlternateContact`);
        return { contact_type: type, configured: true, name: c.Name ?? null, title: c.Title ?? null, email_address: c.EmailAddress ?? null, phone_number: c.PhoneNumber ?? null, raw: c };
      } catch (error) {
        if (!isAwsError(error, 'ResourceNotFoundException')) throw error;
        return { contact_type: type, configured: false, raw: { AlternateContactType: type } };
      }
    });
    return { [awsAccountAlternateContacts.name]: rows };
  },
};

/** GetContactInformation: every account has a primary contact; its own collector, so a failure spoils only it. */
export const contactInformationCollector: Collector = {
  service: 'account',
  name: 'contact-information',
  scope: 'global',
  tables: [awsAccountContactInformation],
  async collect(ctx) {
    const c = (await ctx.client(AccountClient).send(new GetContactInformationCommand({}))).ContactInformation;
    if (!c) throw new Error('[sync] account GetContactInformation answered without ContactInformation');
    return {
      [awsAccountContactInformation.name]: [
        { full_name: c.FullName ?? null, company_name: c.CompanyName ?? null, phone_number: c.PhoneNumber ?? null, website_url: c.WebsiteUrl ?? null, city: c.City ?? null, country_code: c.CountryCode ?? null, raw: c },
      ],
    };
  },
};
