/**
 * A real PostgreSQL server for the tests and the benchmark. Uses ZMOT_TEST_DATABASE_URL or DATABASE_URL when
 * set; otherwise starts a throwaway cluster (initdb into a temporary folder, pg_ctl on a free loopback port),
 * as the `postgres` user when running as root, and stops it when asked or when the process exits.
 * Installs Debian's `postgresql` when the binaries are missing and we are root.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PostgresServer {
  /** A URL for a new, empty database on the server. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

const isRoot = process.getuid?.() === 0;

function findBinDir(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(base, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  return found ? found.replace(/\/initdb$/, '') : undefined;
}

function ensureBinaries(): string {
  let bin = findBinDir();
  if (bin) return bin;
  if (!isRoot) {
    throw new Error('PostgreSQL server binaries not found: install them (Debian: sudo apt-get install -y postgresql) or set ZMOT_TEST_DATABASE_URL');
  }
  execFileSync('apt-get', ['update'], { stdio: 'ignore' });
  execFileSync('apt-get', ['install', '-y', 'postgresql'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  bin = findBinDir();
  if (!bin) throw new Error('apt-get install postgresql did not provide initdb');
  return bin;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Runs a PostgreSQL program, as the postgres user when we are root (initdb refuses to run as root). */
function run(bin: string, program: string, args: string[]): void {
  const [command, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] : [join(bin, program), args];
  const result = spawnSync(command, argv, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${program} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
}

function fromUrl(adminUrl: string): PostgresServer {
  const created: string[] = [];
  return {
    async createDatabase() {
      const name = `zmot_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      created.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async stop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        for (const name of created.splice(0)) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export interface StartOptions {
  /** Keep fsync on (the benchmark measures real commits); tests turn it off for speed. Default false. */
  durable?: boolean;
}

export async function startPostgres(options: StartOptions = {}): Promise<PostgresServer> {
  const given = process.env.ZMOT_TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (given) return fromUrl(given);

  const bin = ensureBinaries();
  const dir = mkdtempSync(join(tmpdir(), 'zmot-pg-'));
  if (isRoot) {
    const { uid, gid } = userIds('postgres');
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  run(bin, 'initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${dir}`,
    '-c max_connections=50',
    ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ].join(' ');
  run(bin, 'pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', settings, '-w', '-t', '60', 'start']);

  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    try {
      run(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopNow);
  const server = fromUrl(`postgres://postgres@127.0.0.1:${port}/postgres`);
  return {
    createDatabase: () => server.createDatabase(),
    async stop() {
      process.off('exit', stopNow);
      stopNow();
    },
  };
}

function userIds(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
  return { uid, gid };
}
