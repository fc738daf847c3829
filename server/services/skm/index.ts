import type { Sequelize } from 'sequelize';
import type { Config } from '../../config.js';
import type { AuditLog } from '../admin/audit.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import type { FormTokens } from '../intake/form-tokens.js';
import type { PhoneVault } from '../../domain/phone.js';
import { SkmAdmin } from './admin.js';
import { SkmFollowUps } from './follow-ups.js';
import { SkmIntake } from './intake.js';
import { SkmPublications } from './publications.js';
import { SkmReports } from './reports.js';
import { SkmSettingsService } from './settings-service.js';

export interface SkmServices {
  intake: SkmIntake;
  settings: SkmSettingsService;
  reports: SkmReports;
  admin: SkmAdmin;
  publications: SkmPublications;
}

export interface SkmDeps {
  config: Config;
  sequelize: Sequelize;
  catalogue: Catalogue;
  vault: PhoneVault;
  formTokens: FormTokens;
  audit: AuditLog;
}

export function createSkmServices({ config, sequelize, catalogue, vault, formTokens, audit }: SkmDeps): SkmServices {
  const settings = new SkmSettingsService();
  const followUps = new SkmFollowUps();
  const reports = new SkmReports(sequelize, settings, followUps);
  return {
    settings,
    intake: new SkmIntake(sequelize, catalogue, settings, vault, formTokens, config.rateLimit),
    reports,
    admin: new SkmAdmin(settings, followUps, audit),
    publications: new SkmPublications(reports, audit, config.publicBaseUrl),
  };
}
