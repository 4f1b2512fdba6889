import { Hono } from 'hono';
import { ChannelInputError, createChannel, deleteChannel, getChannel, listChannels, updateChannel } from '../../scheduler/channels.js';
import { deliver, listDeliveries } from '../../scheduler/webhook.js';
import { ApiError, notFound } from '../errors.js';
import type { RouteModule } from './deps.js';
import { errorResponses, pathParam, queryParam } from './openapi-helpers.js';
import { idParam, intParam, jsonBody } from './params.js';

function asRequestError(error: unknown): never {
  if (error instanceof ChannelInputError) {
    const field = ['name', 'url', 'kind', 'enabled'].find((f) => error.message.startsWith(`${f}:`)) ?? 'body';
    throw new ApiError({ status: 400, code: 'invalid_input', field, message: error.message });
  }
  throw error;
}

export const channels: RouteModule = {
  name: 'channels',
  routes({ db }) {
    const find = async (raw: string) => {
      const id = idParam(raw, 'id');
      const ch = await getChannel(db, id);
      if (!ch) throw notFound('channel', id);
      return ch;
    };
    return new Hono()
      .get('/channels', async (c) => c.json({ channels: await listChannels(db) }))
      .post('/channels', async (c) => c.json(await createChannel(db, (await jsonBody(c)) as never, new Date()).catch(asRequestError), 201))
      .get('/channels/:id', async (c) => {
        const ch = await find(c.req.param('id'));
        return c.json({ ...ch, deliveries: await listDeliveries(db, ch.id, intParam(c, 'limit', 20, 1, 500)) });
      })
      .patch('/channels/:id', async (c) => {
        const ch = await find(c.req.param('id'));
        return c.json(await updateChannel(db, ch.id, (await jsonBody(c)) as never, new Date()).catch(asRequestError));
      })
      .delete('/channels/:id', async (c) => {
        const ch = await find(c.req.param('id'));
        await deleteChannel(db, ch.id);
        return c.body(null, 204);
      })
      .post('/channels/:id/test', async (c) => {
        const ch = await find(c.req.param('id'));
        const text = `Calabi test message for channel '${ch.name}': alerts on score drops and lost visibility will arrive here.`;
        const result = await deliver(db, ch, { text, event: 'test', channel: { id: ch.id, name: ch.name } }, null, { backoffMs: [] });
        return c.json({ ...result, channel: await getChannel(db, ch.id) });
      })
      .get('/channels/:id/deliveries', async (c) => {
        const ch = await find(c.req.param('id'));
        return c.json({ deliveries: await listDeliveries(db, ch.id, intParam(c, 'limit', 50, 1, 500)) });
      });
  },
  paths: {
    '/api/channels': {
      get: { summary: 'Alert channels with their health (ok, failing, never) from the delivery log', operationId: 'listChannels', responses: { '200': { description: 'Channels' }, ...errorResponses(401) } },
      post: { summary: 'Add a webhook channel: name, url (Slack/Teams incoming webhooks work as they are), enabled', operationId: 'createChannel', requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: { '201': { description: 'Created' }, ...errorResponses(400, 401, 413) } },
    },
    '/api/channels/{id}': {
      get: { summary: 'One channel with its latest delivery attempts', operationId: 'getChannel', parameters: [pathParam('id', 'Channel id'), queryParam('limit', 'Attempts to include (default 20)', 'integer')], responses: { '200': { description: 'The channel' }, ...errorResponses(401, 404) } },
      patch: { summary: 'Change name, url or enabled', operationId: 'updateChannel', parameters: [pathParam('id', 'Channel id')], responses: { '200': { description: 'Changed' }, ...errorResponses(400, 401, 404) } },
      delete: { summary: 'Delete a channel', operationId: 'deleteChannel', parameters: [pathParam('id', 'Channel id')], responses: { '204': { description: 'Deleted' }, ...errorResponses(401, 404) } },
    },
    '/api/channels/{id}/test': { post: { summary: 'Send a test message once and report the outcome (logged like any delivery)', operationId: 'testChannel', parameters: [pathParam('id', 'Channel id')], responses: { '200': { description: 'Outcome' }, ...errorResponses(401, 404) } } },
    '/api/channels/{id}/deliveries': { get: { summary: 'Every delivery attempt to the channel, newest first', operationId: 'listDeliveries', parameters: [pathParam('id', 'Channel id'), queryParam('limit', 'At most this many (default 50)', 'integer')], responses: { '200': { description: 'Attempts' }, ...errorResponses(401, 404) } } },
  },
};
