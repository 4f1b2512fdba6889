import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ChannelInputError, createChannel, deleteChannel, getChannel, listChannels, updateChannel } from '../../scheduler/channels.js';
import { deliver, listDeliveries } from '../../scheduler/webhook.js';
import { ApiError, notFound } from '../errors.js';
import { errors, id, intQuery, json, jsonRequest } from '../schemas/common.js';
import { Channel, ChannelDetail, ChannelList, ChannelPatch, ChannelRequest, ChannelTest, Deliveries } from '../schemas/schedules.js';
import { parseJsonBody } from '../validation.js';
import type { RouteModule } from './deps.js';

function asRequestError(error: unknown): never {
  if (error instanceof ChannelInputError) {
    const field = ['name', 'url', 'kind', 'enabled'].find((f) => error.message.startsWith(`${f}:`)) ?? 'body';
    throw new ApiError({ status: 400, code: 'invalid_input', field, message: error.message });
  }
  throw error;
}

const byId = z.object({ id: id('Channel id') });

const list = createRoute({ method: 'get', path: '/channels', operationId: 'listChannels', summary: 'Alert channels with their health (ok, failing, never) from the delivery log', responses: { 200: json('Channels', ChannelList), ...errors() } });
const create = createRoute({
  method: 'post', path: '/channels', operationId: 'createChannel', summary: 'Add a webhook channel: name, url (Slack/Teams incoming webhooks work as they are), enabled',
  middleware: [parseJsonBody()] as const,
  request: { body: jsonRequest(ChannelRequest) },
  responses: { 201: json('Created', Channel), ...errors(400, 403, 413, 415) },
});
const one = createRoute({
  method: 'get', path: '/channels/{id}', operationId: 'getChannel', summary: 'One channel with its latest delivery attempts',
  request: { params: byId, query: z.object({ limit: intQuery('limit', 'Attempts to include', 20, 1, 500) }) },
  responses: { 200: json('The channel', ChannelDetail), ...errors(400, 404) },
});
const update = createRoute({
  method: 'patch', path: '/channels/{id}', operationId: 'updateChannel', summary: 'Change name, url or enabled',
  middleware: [parseJsonBody()] as const,
  request: { params: byId, body: jsonRequest(ChannelPatch) },
  responses: { 200: json('Changed', Channel), ...errors(400, 403, 404, 413, 415) },
});
const remove = createRoute({ method: 'delete', path: '/channels/{id}', operationId: 'deleteChannel', summary: 'Delete a channel', request: { params: byId }, responses: { 204: { description: 'Deleted' }, ...errors(400, 403, 404) } });
const test = createRoute({
  method: 'post', path: '/channels/{id}/test', operationId: 'testChannel', summary: 'Send a test message once and report the outcome (logged like any delivery)',
  request: { params: byId }, responses: { 200: json('Outcome', ChannelTest), ...errors(400, 403, 404) },
});
const deliveries = createRoute({
  method: 'get', path: '/channels/{id}/deliveries', operationId: 'listDeliveries', summary: 'Every delivery attempt to the channel, newest first',
  request: { params: byId, query: z.object({ limit: intQuery('limit', 'At most this many', 50, 1, 500) }) },
  responses: { 200: json('Attempts', Deliveries), ...errors(400, 404) },
});

export const channels: RouteModule = {
  name: 'channels',
  routes({ db }) {
    const find = async (id: string) => {
      const ch = await getChannel(db, id);
      if (!ch) throw notFound('channel', id);
      return ch;
    };
    // Bodies go to the store as sent: it parses them with the same schema (a partial change keeps unset fields).
    return new OpenAPIHono()
      .openapi(list, async (c) => c.json({ channels: await listChannels(db) }, 200))
      .openapi(create, async (c) => c.json(await createChannel(db, (await c.req.json()) as never, new Date()).catch(asRequestError), 201))
      .openapi(one, async (c) => {
        const ch = await find(c.req.valid('param').id);
        return c.json({ ...ch, deliveries: await listDeliveries(db, ch.id, c.req.valid('query').limit ?? 20) }, 200);
      })
      .openapi(update, async (c) => {
        const ch = await find(c.req.valid('param').id);
        const changed = await updateChannel(db, ch.id, (await c.req.json()) as never, new Date()).catch(asRequestError);
        if (!changed) throw notFound('channel', ch.id);
        return c.json(changed, 200);
      })
      .openapi(remove, async (c) => {
        const ch = await find(c.req.valid('param').id);
        await deleteChannel(db, ch.id);
        return c.body(null, 204);
      })
      .openapi(test, async (c) => {
        const ch = await find(c.req.valid('param').id);
        const text = `Calabi test message for channel '${ch.name}': alerts on score drops and lost visibility will arrive here.`;
        const result = await deliver(db, ch, { text, event: 'test', channel: { id: ch.id, name: ch.name } }, null, { backoffMs: [] });
        return c.json({ ...result, channel: (await getChannel(db, ch.id)) ?? null }, 200);
      })
      .openapi(deliveries, async (c) => {
        const ch = await find(c.req.valid('param').id);
        return c.json({ deliveries: await listDeliveries(db, ch.id, c.req.valid('query').limit ?? 50) }, 200);
      });
  },
};
