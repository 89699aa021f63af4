import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import type { PrismaConfig } from 'prisma';

/**
 * Prisma 6.19 with the JavaScript schema engine over @prisma/adapter-pg: Prisma's native engines cannot be
 * downloaded here, and this path needs none (see the architecture doc).
 */
export default {
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error('DATABASE_URL must be set to run Prisma migrations');
    return new PrismaPg({ connectionString });
  },
} satisfies PrismaConfig;
