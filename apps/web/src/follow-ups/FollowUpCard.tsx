import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localized } from '../app/localized';
import { formatDate } from '../format/dates';
import { currentLanguage } from '../i18n/i18n';
import { FollowUpActions } from './FollowUpActions';
import type { FollowUpItem } from './follow-ups.operations';

/** Whether a follow-up is still to do and its day has passed (today itself is "due today"). */
export function isOverdue(followUp: Pick<FollowUpItem, 'status' | 'dueOn'>, today: string): boolean {
  return followUp.status === 'OPEN' && followUp.dueOn !== null && followUp.dueOn < today;
}

/** Open before closed, then soonest due first, undated last: what is owed reads first. */
export function byUrgency(a: FollowUpItem, b: FollowUpItem): number {
  const open = Number(b.status === 'OPEN') - Number(a.status === 'OPEN');
  return open || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999');
}

/**
 * One follow-up: what is owed, when, by whom, where it came from (links to its owner, program
 * and activity), marked overdue, with the actions the viewer may take.
 */
export function FollowUpCard({ followUp, today, showOwner = true }: { followUp: FollowUpItem; today: string; showOwner?: boolean }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const overdue = isOverdue(followUp, today);
  const open = followUp.status === 'OPEN';
  return (
    <Paper withBorder p="sm" data-follow-up-id={followUp.id} style={overdue ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}>
      <Stack gap={4}>
        <Text fw={500}>{followUp.description}</Text>
        <Group gap="xs">
          {overdue && (
            <Badge color="red" variant="filled">
              {t('followUps.card.overdue')}
            </Badge>
          )}
          {open && followUp.dueOn === today && (
            <Badge color="orange" variant="light">
              {t('followUps.card.dueToday')}
            </Badge>
          )}
          {!open && (
            <Badge color="gray" variant="light">
              {t(`followUpStatus.${followUp.status}`)}
            </Badge>
          )}
          <Text size="sm">{followUp.dueOn ? t('followUps.card.dueOn', { date: formatDate(followUp.dueOn, language) }) : t('followUps.card.noDueDate')}</Text>
          {showOwner && (
            <Text size="sm" c="dimmed">
              {followUp.owner ? (
                <>
                  {t('followUps.page.owner')}:{' '}
                  <Anchor component={Link} to={`/organizations/${followUp.owner.id}`} size="sm">
                    {localized(followUp.owner.name, language)}
                  </Anchor>
                </>
              ) : (
                t('followUps.card.noOwner')
              )}
            </Text>
          )}
        </Group>
        <Group gap="md">
          {followUp.program && (
            <Text size="sm">
              {t('followUps.page.program')}:{' '}
              <Anchor component={Link} to={`/programs/${followUp.program.id}`} size="sm">
                {localized(followUp.program.title, language)}
              </Anchor>
            </Text>
          )}
          {followUp.activity && (
            <Anchor component={Link} to={`/activities/${followUp.activity.id}`} size="sm">
              {t('followUps.card.activity', { title: localized(followUp.activity.title, language) })}
            </Anchor>
          )}
        </Group>
        <FollowUpActions followUp={followUp} />
      </Stack>
    </Paper>
  );
}
