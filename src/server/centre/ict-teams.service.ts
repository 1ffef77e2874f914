import type { CentreIctTeamsDto } from '../../shared/centre/ict-teams-api';
import type { AccessPolicy } from '../platform/access/access';
import type { IctTeamCounts } from './centre.needs';

/** The schools' ICT teams as counts, for the centre's analysts: asked of the school module, never read from its tables. */
export class CentreIctTeamsService {
  constructor(private readonly deps: { access: AccessPolicy; ictTeams: IctTeamCounts }) {}

  async picture(userId: string): Promise<CentreIctTeamsDto> {
    await this.deps.access.requirePlatform(userId, 'readCentre');
    return this.deps.ictTeams.picture();
  }
}
