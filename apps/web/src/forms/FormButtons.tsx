import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A command form's cancel and submit buttons (submit in `color` for a grave one, e.g. a merge). */
export function FormButtons({ submit, onClose, loading, color }: { submit: string; onClose?: () => void; loading: boolean; color?: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      {onClose && (
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      )}
      <Button type="submit" loading={loading} color={color}>
        {submit}
      </Button>
    </Group>
  );
}
