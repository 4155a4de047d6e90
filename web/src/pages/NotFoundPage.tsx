import { useI18n } from '../i18n.ts';
import { Link } from '../router.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <div className="page narrow center pad">
      <h1>{t('notFound.title')}</h1>
      <p>
        <Link href="/" className="btn btn-primary">
          {t('notFound.back')}
        </Link>
      </p>
    </div>
  );
}
