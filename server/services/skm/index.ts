import type { Sequelize } from 'sequelize';
import type { Config } from '../../config.js';
import type { Catalogue } from '../catalogue.js';
import type { FormTokens } from '../form-tokens.js';
import type { PhoneVault } from '../phone.js';
import { SkmIntake } from './intake.js';
import { SkmSettingsService } from './settings-service.js';

export interface SkmServices {
  intake: SkmIntake;
  settings: SkmSettingsService;
}

export function createSkmServices(config: Config, sequelize: Sequelize, catalogue: Catalogue, vault: PhoneVault, formTokens: FormTokens): SkmServices {
  const settings = new SkmSettingsService();
  return {
    settings,
    intake: new SkmIntake(sequelize, catalogue, settings, vault, formTokens, config.rateLimit),
  };
}
