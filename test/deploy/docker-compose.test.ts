import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { envSchema, loadEnv } from '../../config/env';
import { repoRoot } from '../../config/paths';
import { DYNAMIC_CONFIG_FILE, HISTORY_SHARDS, TEMPORAL_SERVICES } from '../../scripts/devstack/temporal-cluster';
import { TEMPORAL_SERVER_VERSION } from '../../scripts/devstack/temporal-server';

/**
 * docker-compose.yml, the scaled deployment, checked statically (no Docker engine on our machines,
 * architecture.md): its services and their order, and that the settings it gives our three commands are ones
 * the code accepts in production, so a deployment fails at `compose up` for a missing secret, not at run time.
 */
interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string | number | boolean>;
  depends_on?: Record<string, { condition: string }> | string[];
  ports?: string[];
  volumes?: string[];
  container_name?: string;
  deploy?: { replicas?: number };
  entrypoint?: string[];
  restart?: string;
}

const compose = parse(fs.readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };
const { services } = compose;

/** The values an operator's `.env` would give the required settings. */
const site: Record<string, string> = {
  POSTGRES_PASSWORD: 'a-long-database-password',
  PAYLOAD_KEYS: `2026-11:${Buffer.alloc(32, 7).toString('base64')}`,
  AUTH_ISSUER: 'https://login.la938.example',
  AUTH_JWKS_URL: 'https://login.la938.example/.well-known/jwks.json',
};

/** Compose's interpolation: `${NAME}`, `${NAME:-default}`, `${NAME:?error}` (an unset required one throws). */
function interpolate(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\{([A-Z0-9_]+)(?::([-?])([^}]*))?\}/g, (_match, name: string, kind?: string, rest?: string) => {
    const set = vars[name];
    if (set !== undefined && set !== '') return set;
    if (kind === '?') throw new Error(`${name}: ${rest}`);
    return kind === '-' ? (rest ?? '') : '';
  });
}

const environmentOf = (name: string, vars: Record<string, string> = site) =>
  Object.fromEntries(Object.entries(services[name]?.environment ?? {}).map(([key, value]) => [key, interpolate(String(value), vars)]));

const ours = ['setup', 'api', 'worker'];
/** Temporal's services, one container each, named after the service the cluster suite runs as a process. */
const temporalContainers = TEMPORAL_SERVICES.map((service) => `temporal-${service}`);

describe('docker-compose.yml, the scaled deployment (static checks)', () => {
  it('runs Temporal on PostgreSQL with its UI, the case database, setup, the API and replicable workers, images pinned', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'postgresql', 'setup', ...temporalContainers, 'temporal-namespace', 'temporal-schema', 'temporal-ui', 'worker'].sort());
    for (const [name, service] of Object.entries(services).filter(([name]) => !ours.includes(name))) {
      expect(`${name} ${service.image}`).toMatch(/^[\w-]+ [\w./-]+:\d+(\.\d+)+(-[\w]+)?$/);
    }
    for (const name of temporalContainers) expect(services[name]?.environment).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgresql' });
    expect(services['temporal-ui']?.environment).toMatchObject({ TEMPORAL_ADDRESS: 'temporal-frontend:7233' });
    // Workers scale out: no fixed name, no published port, more than one by default.
    expect(services.worker).not.toHaveProperty('container_name');
    expect(services.worker).not.toHaveProperty('ports');
    expect(services.worker?.deploy?.replicas).toBeGreaterThanOrEqual(2);
  });

  it('builds our three commands from this repository and starts the API and workers only after setup succeeded', () => {
    for (const name of ours) {
      const service = services[name] as Service;
      expect(service.build).toBe('.');
      const [node, entry] = service.command ?? [];
      expect(node).toBe('node');
      // dist/<dir>/<file>.js is compiled from <dir>/<file>.ts (tsconfig.build.json).
      expect(fs.existsSync(path.join(repoRoot, String(entry).replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
    }
    expect(services.setup?.command).toEqual(['node', 'dist/scripts/deploy-setup.js']);
    expect(services.setup?.depends_on).toEqual({ postgresql: { condition: 'service_healthy' }, 'temporal-namespace': { condition: 'service_completed_successfully' } });
    for (const name of ['api', 'worker']) expect(services[name]?.depends_on).toEqual({ setup: { condition: 'service_completed_successfully' } });
    expect(fs.existsSync(path.join(repoRoot, 'Dockerfile'))).toBe(true);
  });

  it('gives setup, API and worker only settings the code reads, and a configuration it accepts in production', () => {
    const known = Object.keys(envSchema.shape);
    for (const name of ours) {
      const environment = environmentOf(name);
      expect(Object.keys(environment).filter((key) => !known.includes(key))).toEqual([]);
      const env = loadEnv(environment);
      expect(env).toMatchObject({ NODE_ENV: 'production', AUTH_MODE: 'jwks', TEMPORAL_ADDRESS: 'temporal-frontend:7233' });
      expect(env.DATABASE_URL).toBe(`postgresql://cme:${site.POSTGRES_PASSWORD}@postgresql:5432/cme`);
    }
    expect(environmentOf('api')).toMatchObject({ API_HOST: '0.0.0.0', API_PORT: '3000' });
    expect(services.api?.ports).toEqual(['3000:3000']);
  });

  it('refuses to start without each required secret, naming it', () => {
    for (const secret of Object.keys(site)) {
      const { [secret]: _missing, ...rest } = site;
      expect(() => ours.forEach((name) => environmentOf(name, rest))).toThrow(new RegExp(`^${secret}: set ${secret}`));
    }
  });

  it('points the Temporal UI at the API codec, and the API at the Temporal UI origin it accepts the codec cookie from', () => {
    const api = environmentOf('api');
    const ui = environmentOf('temporal-ui');
    expect(ui.TEMPORAL_CODEC_ENDPOINT).toBe(`${api.PUBLIC_URL}/codec`);
    expect(ui.TEMPORAL_CODEC_INCLUDE_CREDENTIALS).toBe('true');
    // Nobody terminates or signals a case from the Temporal UI, round the audit log.
    expect(ui.TEMPORAL_DISABLE_WRITE_ACTIONS).toBe('true');
    // Temporal and the databases are reached only inside the deployment's network.
    for (const name of [...temporalContainers, 'postgresql']) expect(services[name]).not.toHaveProperty('ports');
    const [published] = services['temporal-ui']?.ports ?? [];
    expect(new URL(api.TEMPORAL_UI_URL as string).port).toBe(String(published).split(':')[0]);
  });

  it('runs the Temporal release the cluster suite builds, its schemas by that release\'s sql tool, on our namespace', () => {
    // One version (scripts/devstack/temporal-server.ts): what the cluster suite ran is what compose deploys.
    for (const name of temporalContainers) expect(services[name]?.image).toBe(`temporalio/server:${TEMPORAL_SERVER_VERSION}`);
    for (const name of ['temporal-schema', 'temporal-namespace']) expect(services[name]?.image).toBe(`temporalio/admin-tools:${TEMPORAL_SERVER_VERSION}`);
    const schema = String(services['temporal-schema']?.command);
    for (const [database, folder] of [['temporal', 'temporal'], ['temporal_visibility', 'visibility']]) {
      for (const step of ['create', 'setup-schema -v 0.0', `update-schema -d /etc/temporal/schema/postgresql/v12/${folder}/versioned`]) {
        expect(schema).toContain(`temporal-sql-tool --db ${database} ${step}`);
      }
    }
    expect(environmentOf('temporal-schema')).toMatchObject({ SQL_PLUGIN: 'postgres12', SQL_HOST: 'postgresql', SQL_USER: 'cme', SQL_PASSWORD: site.POSTGRES_PASSWORD });
    // The namespace the case engine uses is the one created, with a retention period.
    const namespace = environmentOf('api').TEMPORAL_NAMESPACE;
    const created = interpolate(String(services['temporal-namespace']?.command), site);
    expect(created).toContain(`temporal operator namespace create --namespace ${namespace} --retention 720h`);
    expect(environmentOf('temporal-ui').TEMPORAL_DEFAULT_NAMESPACE).toBe(namespace);
  });

  it('runs Temporal\'s four services apart, as the cluster suite does: one container each, one ring, the suite\'s shard count', () => {
    // The image's SERVICES setting picks the service, as `server start --service <name>` does for the suite's processes.
    expect(temporalContainers.map((name) => environmentOf(name).SERVICES)).toEqual([...TEMPORAL_SERVICES]);
    for (const name of temporalContainers) {
      const environment = environmentOf(name);
      // One ring needs one database and one shard count: fixed at set-up, the same the suite's cluster is created with.
      expect(environment).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgresql', POSTGRES_USER: 'cme', POSTGRES_PWD: site.POSTGRES_PASSWORD });
      expect(Number(environment.NUM_HISTORY_SHARDS)).toBe(HISTORY_SHARDS);
      expect(services[name]?.restart).toBe('unless-stopped');
    }
    // The frontend first, once the schemas are set up; the others once it runs (the cluster metadata race).
    expect(services['temporal-frontend']?.depends_on).toEqual({ 'temporal-schema': { condition: 'service_completed_successfully' } });
    for (const name of temporalContainers.filter((name) => name !== 'temporal-frontend')) {
      expect(services[name]?.depends_on).toEqual({ 'temporal-frontend': { condition: 'service_started' } });
    }
    expect(environmentOf('temporal-worker').PUBLIC_FRONTEND_ADDRESS).toBe('temporal-frontend:7233');
    // Nothing runs all four in one: no auto-setup image, no container without SERVICES.
    expect(Object.values(services).filter((service) => /auto-setup|temporalio\/server/.test(service.image ?? '') && !service.environment?.SERVICES)).toEqual([]);
  });

  it('mounts the Temporal settings update-with-start needs, the same file the cluster suite runs with', () => {
    for (const name of temporalContainers) {
      const mount = services[name]?.volumes?.find((volume) => volume.includes('dynamicconfig')) ?? '';
      const [source, target] = mount.split(':');
      expect(target).toBe(`/etc/temporal/${services[name]?.environment?.DYNAMIC_CONFIG_FILE_PATH}`);
      expect(path.join(repoRoot, String(source))).toBe(DYNAMIC_CONFIG_FILE);
    }
    const settings = parse(fs.readFileSync(DYNAMIC_CONFIG_FILE, 'utf8')) as Record<string, { value: unknown }[]>;
    // The release's own validator checks every key against it (test/cluster/): update-with-start has no switch.
    expect(settings).toEqual({ 'frontend.enableUpdateWorkflowExecution': [{ value: true }] });
  });

  it('builds an image that runs as an unprivileged user and never copies local state in', () => {
    const dockerfile = fs.readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');
    const stages = dockerfile.split(/^FROM /m).slice(1);
    for (const stage of stages) expect(stage).toMatch(/^node:20\.\d+-bookworm-slim/);
    expect(stages.at(-1)).toMatch(/^USER node$/m);
    const ignored = fs.readFileSync(path.join(repoRoot, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['.data', '.env', 'node_modules', 'dist']));
    // The site's secrets stay out of the repository too.
    expect(fs.readFileSync(path.join(repoRoot, '.gitignore'), 'utf8').split('\n')).toContain('.env');
  });
});
