import type { Sequelize } from 'sequelize';
import type { SendingVerdict } from '../../../contract/index.js';
import { AllowedOrigin, Office } from '../../db/models/index.js';
import { uniqueOr409 } from '../admin/fields.js';
import type { Actor, AuditLog } from '../admin/audit.js';
import { readThrough, type ReadThrough } from '../catalogue/read-through.js';
import { notFound } from '../../domain/problem.js';

/** Whether the page a request came from may send ratings, as the public answers tell the widget. */
export type { SendingVerdict };

export interface AllowedOriginView {
  id: number;
  origin: string;
  note: string | null;
  createdAt: string;
}

type OriginOffices = Map<string, Set<number>>;

/**
 * The sites each office allows to send ratings, plus the installation's CORS_ORIGINS (which allow a
 * site for every office, "*" every site). The whole list is small (a few sites per office), so every
 * process keeps it in memory for the reference cache time: a site an administrator adds or removes
 * through any process counts everywhere within that time, without a restart.
 */
export class AllowedOrigins {
  readonly #cache: ReadThrough<'all', OriginOffices>;
  readonly #installWide: Set<string>;
  readonly #allowAll: boolean;

  readonly #ownOrigin: string;

  constructor(
    private readonly sequelize: Sequelize,
    installWide: string[],
    publicBaseUrl: string,
    private readonly audit: AuditLog,
    cacheTtlMs: number,
  ) {
    this.#ownOrigin = new URL(publicBaseUrl).origin;
    this.#installWide = new Set(installWide);
    this.#allowAll = installWide.includes('*');
    this.#cache = readThrough(cacheTtlMs);
  }

  invalidate(): void {
    this.#cache.clear();
  }

  #load(): Promise<OriginOffices> {
    return this.#cache.get('all', async () => {
      const byOrigin: OriginOffices = new Map();
      for (const row of await AllowedOrigin.findAll({ attributes: ['officeId', 'origin'] })) {
        const offices = byOrigin.get(row.origin) ?? new Set<number>();
        offices.add(row.officeId);
        byOrigin.set(row.origin, offices);
      }
      return byOrigin;
    });
  }

  /** True when CORS_ORIGINS allows the site for every office, or it is this server's own. */
  installWide(origin: string): boolean {
    return this.#allowAll || origin === this.#ownOrigin || this.#installWide.has(origin);
  }

  /** May a page of this site send ratings (or signed-in requests) to some office of this server? */
  async allowedAnywhere(origin: string): Promise<boolean> {
    return this.installWide(origin) || (await this.#load()).has(origin);
  }

  /** May a page of this site send ratings to this office's employees? A null origin is the server's own page. */
  async verdict(origin: string | null, officeId: number): Promise<SendingVerdict> {
    if (origin === null || this.installWide(origin)) return { origin, allowed: true };
    return { origin, allowed: (await this.#load()).get(origin)?.has(officeId) ?? false };
  }

  async list(officeId: number): Promise<AllowedOriginView[]> {
    const rows = await AllowedOrigin.findAll({ where: { officeId }, order: [['origin', 'ASC']] });
    return rows.map(view);
  }

  /** Allows a site for the actor's office; a 409 when it already is. Audited in the same transaction. */
  async add(actor: Actor, officeId: number, origin: string, note: string | null): Promise<AllowedOriginView> {
    const office = await Office.findByPk(officeId, { attributes: ['id'] });
    if (!office) throw notFound('No such office.');
    const row = await uniqueOr409(
      () =>
        this.sequelize.transaction(async (transaction) => {
          const created = await AllowedOrigin.create({ officeId, origin, note, createdBy: actor.user?.id ?? null }, { transaction });
          await this.audit.record(
            actor,
            { officeId, action: 'allowed-origin.add', targetType: 'allowed_origin', targetId: created.id, changes: { origin, note } },
            transaction,
          );
          return created;
        }),
      `The site ${origin}`,
    );
    this.invalidate();
    return view(row);
  }

  /** Withdraws a site from the actor's office; another office's id is a 404, as if it did not exist. */
  async remove(actor: Actor, officeId: number, id: number): Promise<void> {
    await this.sequelize.transaction(async (transaction) => {
      const row = await AllowedOrigin.findOne({ where: { id, officeId }, transaction });
      if (!row) throw notFound('Your office has no allowed site with that id.');
      await row.destroy({ transaction });
      await this.audit.record(
        actor,
        { officeId, action: 'allowed-origin.remove', targetType: 'allowed_origin', targetId: id, changes: { origin: row.origin } },
        transaction,
      );
    });
    this.invalidate();
  }
}

const view = (row: AllowedOrigin): AllowedOriginView => ({
  id: row.id,
  origin: row.origin,
  note: row.note,
  createdAt: new Date(row.createdAt).toISOString(),
});
