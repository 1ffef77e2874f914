import { catalogueWeb } from './catalogue/catalogue.routes';
import { centreWeb } from './centre/centre.routes';
import { knowledgeWeb } from './centre/knowledge.routes';
import { digisnapWeb } from './digisnap/digisnap.routes';
import { infraWeb } from './infra/infra.routes';
import { platformWeb } from './platform/platform.routes';
import type { WebModule } from './routing/webModule';
import { schoolWeb } from './school/school.routes';
import { stemWeb } from './stem/stem.routes';

/** Every web module of the app. A new module is a folder with a `<module>.routes.ts` and one line here. */
export const webModules: readonly WebModule[] = [platformWeb, digisnapWeb, catalogueWeb, schoolWeb, infraWeb, stemWeb, centreWeb, knowledgeWeb];
