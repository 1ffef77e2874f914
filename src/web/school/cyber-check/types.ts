import type { Instrument } from '../../../shared/scan/instrument';
import type { CyberCheckDto, CyberCheckResultDto, CyberCheckSummaryDto } from '../../../shared/school/cyber-check/cyber-check-api';

// Types only: importing the contracts' values would pull Zod into the bundle.
export type CyberCheck = CyberCheckDto;
export type CyberCheckSummary = CyberCheckSummaryDto;
export type CyberCheckResult = CyberCheckResultDto;
export type CyberCheckInstrument = Instrument;
