import { AccountClient, GetContactInformationCommand, PutAlternateContactCommand } from '@aws-sdk/client-account';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactInformationCollector } from '../../../sync/account/contacts.js';
import { runSync } from '../../../sync/runner.js';
import { cannedContext } from '../../support/canned.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.stop();
});

describe('account contacts', () => {
  it('stores one row per alternate contact type against moto: the security contact, and the unregistered ones as facts', async () => {
    await new AccountClient(motoClientConfig(moto)).send(
      new PutAlternateContactCommand({ AlternateContactType: 'SECURITY', Name: 'Sec Team', Title: 'CISO', EmailAddress: 'security@example.com', PhoneNumber: '+1-555-0100' }),
    );
    const db = await memoryDb();
    const result = await runSync({ db, endpoint: moto.endpoint, credentials: testCredentials, services: ['account'], regions: ['us-east-1'] });
    // moto 5.2.1 has no GetContactInformation (HTTP 404): recorded for that table only.
    expect(result.errors.map((e) => [e.service, e.table])).toEqual([['account', 'aws_account_contact_information']]);
    expect(await db.all(`SELECT region, contact_type, configured, name, email_address, phone_number FROM aws_account_alternate_contacts ORDER BY contact_type`)).toEqual([
      { region: 'global', contact_type: 'BILLING', configured: false, name: null, email_address: null, phone_number: null },
      { region: 'global', contact_type: 'OPERATIONS', configured: false, name: null, email_address: null, phone_number: null },
      { region: 'global', contact_type: 'SECURITY', configured: true, name: 'Sec Team', email_address: 'security@example.com', phone_number: '+1-555-0100' },
    ]);
  }, 60_000);

  it('stores the primary contact (canned: moto has no GetContactInformation)', async () => {
    const { ctx, calls } = cannedContext(
      { [GetContactInformationCommand.name]: () => ({ ContactInformation: { FullName: 'Acme Ops', CompanyName: 'Acme', PhoneNumber: '+1-555-0199', AddressLine1: '1 Main St', City: 'Springfield', CountryCode: 'US', PostalCode: '12345', WebsiteUrl: 'https://acme.example' } }) },
      { region: 'global' },
    );
    const out = await contactInformationCollector.collect(ctx);
    expect(calls).toEqual(['GetContactInformationCommand']);
    expect(out.aws_account_contact_information!.map(({ raw: _r, ...r }) => r)).toEqual([
      { full_name: 'Acme Ops', company_name: 'Acme', phone_number: '+1-555-0199', website_url: 'https://acme.example', city: 'Springfield', country_code: 'US' },
    ]);
  });

  it('refuses a GetContactInformation answer without ContactInformation instead of storing an empty contact', async () => {
    const { ctx } = cannedContext({ [GetContactInformationCommand.name]: () => ({}) }, { region: 'global' });
    await expect(contactInformationCollector.collect(ctx)).rejects.toThrow(/answered without ContactInformation/);
  });
});
