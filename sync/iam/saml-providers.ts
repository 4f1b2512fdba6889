import { IAMClient, ListSAMLProvidersCommand } from '@aws-sdk/client-iam';
import { awsIamSamlProviders } from '../../schema/iam.js';
import type { Collector } from '../types.js';

/** ListSAMLProviders is not paginated: it returns every provider of the account. */
export const samlProvidersCollector: Collector = {
  service: 'iam',
  name: 'saml-providers',
  scope: 'global',
  tables: [awsIamSamlProviders],
  async collect(ctx) {
    const { SAMLProviderList = [] } = await ctx.client(IAMClient).send(new ListSAMLProvidersCommand({}));
    return {
      [awsIamSamlProviders.name]: SAMLProviderList.map((p) => ({
        arn: p.Arn,
        name: p.Arn?.split('/').pop() ?? null,
        create_date: p.CreateDate ?? null,
        valid_until: p.ValidUntil ?? null,
        raw: p,
      })),
    };
  },
};
