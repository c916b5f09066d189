import type { Executor } from './users.ts';

export async function readBotSession(db: Executor, key: string): Promise<unknown | undefined> {
  const row = await db.selectFrom('botSessions').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function writeBotSession(db: Executor, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('botSessions')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updatedAt: new Date() }))
    .execute();
}

export async function deleteBotSession(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('botSessions').where('key', '=', key).execute();
}

export async function deleteBotSessionsByPrefix(db: Executor, prefix: string): Promise<void> {
  await db
    .deleteFrom('botSessions')
    .where('key', 'like', `${prefix.replace(/[%_\\]/g, '\\$&')}%`)
    .execute();
}
