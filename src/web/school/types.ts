import type { z } from 'zod';
import type { CampaignDto, OpenCampaignBody, reminderResultSchema } from '../../shared/school/campaign/campaign';
import type { Norm, SchoolReport } from '../../shared/school/campaign/report';
import type {
  addMemberResultSchema,
  invitationSchema,
  joinCodeSchema,
  joinResultSchema,
  memberSchema,
  pendingInvitationSchema,
  rosterReportSchema,
  SchoolRole,
  schoolSchema,
} from '../../shared/school/schools';
import type { SchoolBudgetDto, SetBudgetSettingsBody } from '../../shared/school/training-budget/training-budget';
import type { PlanStudyDayBody, StudyDayDto, TrainingSuggestionsDto } from '../../shared/school/training-plan/training-plan';

export type InvitationView = z.infer<typeof invitationSchema>;
export type JoinResult = z.infer<typeof joinResultSchema>;
export type SchoolView = z.infer<typeof schoolSchema>;
export type Member = z.infer<typeof memberSchema>;
export type PendingInvitation = z.infer<typeof pendingInvitationSchema>;
export type AddMemberResult = z.infer<typeof addMemberResultSchema>;
export type RosterReport = z.infer<typeof rosterReportSchema>;
export type JoinCode = z.infer<typeof joinCodeSchema>;
export type ReminderResult = z.infer<typeof reminderResultSchema>;
export type Campaign = CampaignDto;
export type CampaignInput = Omit<OpenCampaignBody, 'minGroupSize'> & { minGroupSize?: number };
export type { Norm, SchoolReport, SchoolRole };
export type TrainingSuggestions = TrainingSuggestionsDto;
export type StudyDay = StudyDayDto;
export type StudyDayInput = PlanStudyDayBody;
export type SchoolBudget = SchoolBudgetDto;
export type BudgetSettingsInput = SetBudgetSettingsBody;
