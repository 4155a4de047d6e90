// While an answer is on its way: who is answering, the pipeline's stages (understand → compute → verify) with the
// current one live, and in LLM mode the model's steps (tool calls, verification, repair) as they happen.
import type { AskStage, AskStep } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { EngineTag, StepList } from './Steps.tsx';

const STAGES: AskStage[] = ['understanding', 'computing', 'verifying', 'verified'];

interface Props {
  stage: AskStage;
  numbers?: number;
  /** 'deterministic' or '<provider>:<model>', once the server has said. */
  engine?: string;
  steps?: AskStep[];
}

export function AskProgress({ stage, numbers, engine, steps = [] }: Props) {
  const { t } = useI18n();
  const current = STAGES.indexOf(stage);
  return (
    <div className="progress-card">
      {engine && (
        <div className="progress-engine">
          <span className="progress-engine-label">{t('chat.answeringWith')}</span>
          <EngineTag engine={engine} testId="ask-engine" />
        </div>
      )}
      <ol className="stages" aria-label={t('chat.progressLabel')} aria-live="polite" data-testid="ask-progress">
        {STAGES.map((s, i) => {
          const state = i < current ? 'done' : i === current ? 'active' : 'todo';
          return (
            <li key={s} className={`stage stage-${state}`} aria-current={state === 'active' ? 'step' : undefined}>
              <span className="stage-dot" aria-hidden="true" />
              {t(`chat.stage.${s}` as MessageKey, { numbers: numbers ?? 0 })}
            </li>
          );
        })}
      </ol>
      {steps.length > 0 && <StepList steps={steps} live activeLast={stage !== 'verified'} />}
    </div>
  );
}
