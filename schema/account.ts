import { defineTable, type TableDef } from './table.js';

export const awsAccountAlternateContacts = defineTable({
  name: 'aws_account_alternate_contacts',
  description: 'One row per account and alternate contact type (BILLING, OPERATIONS, SECURITY), configured = false when none is registered',
  scope: 'global',
  resourceId: 'contact_type',
  columns: [
    { name: 'contact_type', type: 'VARCHAR', description: 'BILLING, OPERATIONS or SECURITY' },
    { name: 'configured', type: 'BOOLEAN', description: 'False when the account has no contact of this type (GetAlternateContact ResourceNotFoundException)' },
    { name: 'name', type: 'VARCHAR', description: 'Contact name' },
    { name: 'title', type: 'VARCHAR', description: 'Contact title' },
    { name: 'email_address', type: 'VARCHAR', description: 'Contact email address' },
    { name: 'phone_number', type: 'VARCHAR', description: 'Contact phone number' },
  ],
});

export const awsAccountContactInformation = defineTable({
  name: 'aws_account_contact_information',
  description: 'One row per account: its primary contact (GetContactInformation), the evidence for "contact details are current"',
  scope: 'global',
  resourceId: 'account_id',
  columns: [
    { name: 'full_name', type: 'VARCHAR', description: 'Full name of the primary contact' },
    { name: 'company_name', type: 'VARCHAR', description: 'Company name' },
    { name: 'phone_number', type: 'VARCHAR', description: 'Phone number' },
    { name: 'website_url', type: 'VARCHAR', description: 'Website' },
    { name: 'city', type: 'VARCHAR', description: 'City' },
    { name: 'country_code', type: 'VARCHAR', description: 'ISO country code' },
  ],
});

export const tables: TableDef[] = [awsAccountAlternateContacts, awsAccountContactInformation];
