import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Status = 'DRAFT' | 'SIGNED' | 'TERMINATED';

const STATUS_COLOR = { DRAFT: 'gray', SIGNED: 'teal', TERMINATED: 'red' } as const;

/** An agreement's status in words, coloured the same wherever it is shown. */
export function AgreementStatusBadge({ status, size = 'md' }: { status: Status; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" size={size} color={STATUS_COLOR[status]}>
      {t(`agreementStatus.${status}`)}
    </Badge>
  );
}
