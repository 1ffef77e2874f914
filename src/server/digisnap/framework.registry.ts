import { type Framework, validateFramework } from '../../shared/digisnap/framework';
import { ContentFileError, type ContentKind, loadContentDirectory, loadContentFile, VersionedContent } from '../platform/content/versioned-content';

export { ContentFileError as FrameworkFileError };

const frameworkKind: ContentKind<Framework> = {
  what: 'Competence framework',
  validate(raw) {
    const validated = validateFramework(raw);
    return validated.ok ? { ok: true, value: validated.framework } : validated;
  },
};

/**
 * All competence frameworks under content/frameworks, by id and version. A new version is a
 * new file; a stored scan keeps the version it was taken with, so old versions stay loaded.
 */
export class FrameworkRegistry extends VersionedContent<Framework> {
  static loadFromDirectory(dir: string): FrameworkRegistry {
    return new FrameworkRegistry(loadContentDirectory(dir, frameworkKind));
  }

  /** The framework new scans are taken with. */
  current(id = 'digcompedu'): Framework {
    const framework = this.latest(id);
    if (!framework) throw new Error(`No competence framework with id ${id} is loaded`);
    return framework;
  }
}

export function loadFrameworkFile(path: string): Framework {
  return loadContentFile(path, frameworkKind);
}
