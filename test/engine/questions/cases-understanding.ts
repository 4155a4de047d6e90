// Evaluation cases for understanding (see the conventions at the top of cases.ts); expectations computed from the raw files.
import type { Case } from './cases.ts';

export const understandingCases: Case[] = [];
