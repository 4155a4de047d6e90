// Every evaluation question: the base set and the per-area sets, each computed from the raw files.
import { baseCases, type Case } from './cases.ts';
import { fundamentalsCases } from './cases-fundamentals.ts';
import { policyCases } from './cases-policy.ts';
import { understandingCases } from './cases-understanding.ts';

export const cases: Case[] = [...baseCases, ...fundamentalsCases, ...policyCases, ...understandingCases];
