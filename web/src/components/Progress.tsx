// While an answer is on its way: the pipeline's stages (understand → compute → verify), the current one live.
import type { AskStage } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n.ts';

const STAGES: AskStage[] = ['understanding', 'computing', 'verifying', 'verified'];

export function AskProgress({ stage, numbers }: { stage: AskStage; numbers?: number }) {
  const { t } = useI18n();
  const current = STAGES.indexOf(stage);
  return (
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
  );
}
