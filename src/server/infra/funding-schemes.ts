import { type FundingScheme, fundingSchemeSchema } from '../../shared/infra/funding-scheme';
import { type ContentKind, loadContentDirectory, VersionedContent } from '../platform/content/versioned-content';

const schemeKind: ContentKind<FundingScheme> = {
  what: 'Funding scheme',
  validate(raw) {
    const parsed = fundingSchemeSchema.safeParse(raw);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) };
  },
};

/** The funding schemes under content/funding: the Digisprong circular, Digiplan. */
export class FundingSchemes extends VersionedContent<FundingScheme> {
  static loadFromDirectory(dir: string): FundingSchemes {
    return new FundingSchemes(loadContentDirectory(dir, schemeKind));
  }
}
