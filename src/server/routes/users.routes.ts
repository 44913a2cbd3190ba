import type { FastifyInstance } from 'fastify';
import { findUserByUsername, listUsers, setDisabled } from '../../store/users.repository.js';
import { randomPassword, upsertAccount } from '../accounts.js';
import { newUserBody, usernameParams } from '../api-schemas.js';
import { requireUser } from '../auth.js';
import type { AppContext } from '../context.js';
import { AppError, forbidden, notFound, validationFailed } from '../errors.js';
import { parseRequest } from '../validate.js';

const adminOnly = (role: string) => {
  if (role !== 'admin') throw forbidden('只有管理员可以管理用户。', 'only admin manages users');
};

/** Account management for admins (the same operations as `jixiao user …`). */
export function usersRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/users', async (request) => {
    adminOnly(requireUser(request).role);
    return listUsers(ctx.store.db);
  });

  app.post('/api/users', async (request, reply) => {
    adminOnly(requireUser(request).role);
    const body = parseRequest(newUserBody, request.body, 'body');
    if (await findUserByUsername(ctx.store.db, body.username))
      throw validationFailed([
        { path: 'body.username', message: `用户名 ${body.username} 已存在。`, messageEn: 'body.username: taken' },
      ]);
    const password = body.password ?? randomPassword();
    const { user } = await ctx.store
      .exclusive((trx) =>
        upsertAccount(trx, {
          username: body.username,
          password,
          role: body.role,
          ...(body.department !== undefined ? { department: body.department } : {}),
          ...(body.unit !== undefined ? { unit: body.unit } : {}),
          ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
        }),
      )
      .catch((e: unknown) => {
        if (e instanceof Error && /needs --/.test(e.message))
          throw new AppError('validation-failed', undefined, undefined, {
            problems: [
              { path: 'body', message: '填报人需要 department 和 unit，审核人需要 department。', messageEn: e.message },
            ],
          });
        throw e;
      });
    return reply.status(201).send({ user, ...(body.password === undefined ? { password } : {}) });
  });

  app.delete('/api/users/:username', async (request, reply) => {
    const actor = requireUser(request);
    adminOnly(actor.role);
    const { username } = parseRequest(usernameParams, request.params, 'params');
    const user = await findUserByUsername(ctx.store.db, username);
    if (!user) throw notFound();
    if (user.id === actor.id) throw forbidden('不能停用自己的账号。', 'cannot disable yourself');
    await setDisabled(ctx.store.db, username, true);
    return reply.status(204).send();
  });
}
