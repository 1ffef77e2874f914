import type { FastifyInstance } from 'fastify';
import { describe, expectTypeOf, it } from 'vitest';
import type { AppTables, modules, PlatformServices, Services } from '../src/server/app';
import type { CatalogueServices, CatalogueTables } from '../src/server/catalogue/catalogue.module';
import type { CentreServices, CentreTables } from '../src/server/centre/centre.module';
import type { DigisnapServices, DigisnapTables } from '../src/server/digisnap/digisnap.module';
import type { DigisnapService } from '../src/server/digisnap/digisnap.service';
import type { InfraServices, InfraTables } from '../src/server/infra/infra.module';
import type { Db } from '../src/server/platform/db/database';
import type { PlatformTables } from '../src/server/platform/db/schema';
import type { ServicesOfModules, TablesOfModules } from '../src/server/platform/module';
import type { SchoolServices, SchoolTables } from '../src/server/school/school.module';
import type { StemServices, StemTables } from '../src/server/stem/stem.module';
import type { exampleModule } from './example/server/example.module';
import type { ExampleTables } from './example/server/example.tables';
import type { ExampleNote } from './example/shared/api';

/**
 * `Services` and `AppTables` follow from the module list in `app.ts`: these checks run when the
 * tests are type-checked (`tsc -b`) and hold them as precise as the modules' own types, never `any`.
 */
describe('the types the module list adds up to', () => {
  it('types every service of the platform and the listed modules, and no other', () => {
    expectTypeOf<Services>().not.toBeAny();
    expectTypeOf<keyof Services>().toEqualTypeOf<
      keyof PlatformServices | keyof DigisnapServices | keyof CatalogueServices | keyof SchoolServices | keyof InfraServices | keyof StemServices | keyof CentreServices
    >();
    expectTypeOf<Services['digisnap']>().toEqualTypeOf<DigisnapService>();
    expectTypeOf<FastifyInstance['services']>().toEqualTypeOf<Services>();
    const services = {} as Services;
    // @ts-expect-error a misspelt service is no service
    services.digisnaps;
  });

  it('types the app’s database with every table of the platform and the listed modules', () => {
    expectTypeOf<AppTables>().not.toBeAny();
    expectTypeOf<AppTables>().toEqualTypeOf<PlatformTables & DigisnapTables & CatalogueTables & SchoolTables & InfraTables & StemTables & CentreTables>();
    expectTypeOf<FastifyInstance['db']>().toEqualTypeOf<Db<AppTables>>();
  });

  it('grows by a module’s services and tables when a list adds it', () => {
    type WithExample = readonly [...typeof modules, typeof exampleModule];
    expectTypeOf<ServicesOfModules<WithExample>>().toEqualTypeOf<ServicesOfModules<typeof modules> & { exampleNotes: () => Promise<ExampleNote[]> }>();
    expectTypeOf<keyof TablesOfModules<WithExample>>().toEqualTypeOf<keyof TablesOfModules<typeof modules> | keyof ExampleTables>();
  });
});
