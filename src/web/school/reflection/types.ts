import type { z } from 'zod';
import type {
  classCodeInfoSchema,
  classCodeSchema,
  instrumentSummarySchema,
  MyReflectionRound,
  OpenRoundBody,
  ReflectionGroup,
  ReflectionReport,
  ReflectionResponseDto,
  ReflectionRoundDto,
  ReflectionStats,
} from '../../../shared/school/reflection/reflection';

// Types only: the web bundle gets no Zod from the shared contract.
export type ReflectionRound = ReflectionRoundDto;
export type ReflectionInstrument = z.infer<typeof instrumentSummarySchema>;
export type ClassCode = z.infer<typeof classCodeSchema>;
export type ClassCodeInfo = z.infer<typeof classCodeInfoSchema>;
export type ReflectionResponse = ReflectionResponseDto;
export type StartedResponse = { token: string; response: ReflectionResponse };
export type RoundInput = Omit<OpenRoundBody, 'minGroupSize' | 'maxResponsesPerCode'> & { minGroupSize?: number; maxResponsesPerCode?: number };
export type { MyReflectionRound, ReflectionGroup, ReflectionReport, ReflectionStats };
