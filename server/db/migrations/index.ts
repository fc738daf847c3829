import type { QueryInterface } from 'sequelize';
import * as initialSchema from './2026.11.29T08.00.00.initial-schema.js';
import * as dailyFigures from './2026.11.29T08.30.00.daily-figures.js';
import * as kioskKeys from './2026.11.29T09.40.00.kiosk-keys.js';

export interface Migration {
  name: string;
  up(params: { context: QueryInterface }): Promise<void>;
  down(params: { context: QueryInterface }): Promise<void>;
}

/**
 * Every migration, oldest first. Listed here rather than globbed so the same list runs from the
 * TypeScript sources (tests) and the compiled server (npm start).
 */
export const MIGRATIONS: Migration[] = [
  { name: '2026.11.29T08.00.00.initial-schema', ...initialSchema },
  { name: '2026.11.29T08.30.00.daily-figures', ...dailyFigures },
  { name: '2026.11.29T09.40.00.kiosk-keys', ...kioskKeys },
];
