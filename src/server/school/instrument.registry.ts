import { type Instrument, validateInstrument } from '../../shared/scan/instrument';
import { type ContentKind, loadContentDirectory, VersionedContent } from '../platform/content/versioned-content';

const instrumentKind: ContentKind<Instrument> = {
  what: 'School instrument',
  validate(raw) {
    const validated = validateInstrument(raw);
    return validated.ok ? { ok: true, value: validated.instrument } : validated;
  },
};

/** The school's instruments under content/instruments: reflection, cybersecurity check, AI readiness. */
export class InstrumentRegistry extends VersionedContent<Instrument> {
  static loadFromDirectory(dir: string): InstrumentRegistry {
    return new InstrumentRegistry(loadContentDirectory(dir, instrumentKind));
  }
}
