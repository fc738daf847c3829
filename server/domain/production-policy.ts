import { differOnlyTrivially } from './secret-entropy.js';
import { developmentSecretValues, weakSecretReason } from './secret-strength.js';

/** What a production start checks, as its configuration has it. */
export interface ProductionSettings {
  secrets: Record<'JWT_SECRET' | 'PHONE_KEY', string>;
  publicBaseUrl: string;
  publicBaseUrlSet: boolean;
  corsOrigins: string[];
  dataDirs: string[];
}

/**
 * Production's rules in two kinds. `fatal`: never allowed (the development secrets from
 * dev-secrets.json, which sit on disk in clear). `insecure`: refused unless the operator sets
 * ALLOW_INSECURE=1 to say they mean it (weak or near-identical secrets, CORS for every site, a public
 * address that is not https); then the server starts and says so loudly at every start.
 */
export function productionProblems(settings: ProductionSettings): { fatal: string[]; insecure: string[] } {
  const fatal: string[] = [];
  const insecure: string[] = [];
  const development = developmentSecretValues(settings.dataDirs);
  for (const [name, value] of Object.entries(settings.secrets)) {
    if (development.has(value)) fatal.push(`${name}: is the development secret from dev-secrets.json; set a new one for production`);
    else {
      const reason = weakSecretReason(value);
      if (reason) insecure.push(`${name}: ${reason}`);
    }
  }
  const { JWT_SECRET, PHONE_KEY } = settings.secrets;
  if (differOnlyTrivially(JWT_SECRET, PHONE_KEY)) {
    insecure.push(
      'JWT_SECRET and PHONE_KEY: differ only trivially (case, spaces, punctuation or a few characters); make each with `openssl rand -hex 32`',
    );
  }
  if (settings.corsOrigins.includes('*'))
    insecure.push('CORS_ORIGINS: "*" lets every website post ratings and signed-in requests; list the sites that embed the widget');
  if (!settings.publicBaseUrlSet) insecure.push('PUBLIC_BASE_URL: must be set to the https:// address customers reach');
  else if (!settings.publicBaseUrl.startsWith('https://'))
    insecure.push('PUBLIC_BASE_URL: must be an https:// address (TLS at the reverse proxy)');
  return { fatal, insecure };
}
