import { OrganizationsClient, paginateListDelegatedAdministrators, paginateListDelegatedServicesForAccount } from '@aws-sdk/client-organizations';
import { awsOrganizationsDelegatedAdministrators } from '../../schema/organizations.js';
import { allItems } from '../ec2/shared.js';
import type { Collector } from '../types.js';
import { managementOrganization } from './management.js';

/** ListDelegatedAdministrators, then ListDelegatedServicesForAccount per administrator: one row per account and service. */
export const delegatedAdministratorsCollector: Collector = {
  service: 'organizations',
  name: 'delegated-administrators',
  scope: 'global',
  tables: [awsOrganizationsDelegatedAdministrators],
  async collect(ctx) {
    if (!(await managementOrganization(ctx))) return { [awsOrganizationsDelegatedAdministrators.name]: [] };
    const client = ctx.client(OrganizationsClient);
    const admins = await allItems(paginateListDelegatedAdministrators({ client }, {}), (p) => p.DelegatedAdministrators);
    const perAdmin = await ctx.map(admins.filter((a) => a.Id), async (a) => {
      const services = await allItems(paginateListDelegatedServicesForAccount({ client }, { AccountId: a.Id }), (p) => p.DelegatedServices);
      return services.map((s) => ({
        delegation_id: `${a.Id}/${s.ServicePrincipal}`,
        admin_account_id: a.Id,
        admin_account_name: a.Name ?? null,
        admin_account_status: a.State ?? a.Status ?? null,
        service_principal: s.ServicePrincipal ?? null,
        delegation_enabled_date: s.DelegationEnabledDate ?? null,
        raw: { administrator: a, service: s },
      }));
    });
    return { [awsOrganizationsDelegatedAdministrators.name]: perAdmin.flat() };
  },
};
