import { Anchor, Button, Chip, Collapse, Group, Stack, Text, Timeline } from '@mantine/core';
import { IconBuildingStore, IconMapPin, IconSchool, IconUsers, type Icon } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localized } from '../app/localized';
import { formatDate } from '../format/dates';
import type { ResultOf } from '../graphql/graphql';
import type { Language } from '../i18n/languages';
import type { ProgramQuery } from './programs.operations';

type Activity = NonNullable<ResultOf<typeof ProgramQuery>['program']>['activities']['edges'][number]['node'];
type Kind = Activity['kind'];
type Status = Activity['status'];

const KINDS: readonly Kind[] = ['MEETING', 'SITE_VISIT', 'FAIR', 'WORKSHOP'];
const STATUSES: readonly Status[] = ['PLANNED', 'HELD', 'CANCELLED'];
const KIND_ICON: Record<Kind, Icon> = { MEETING: IconUsers, SITE_VISIT: IconMapPin, FAIR: IconBuildingStore, WORKSHOP: IconSchool };
const STATUS_COLOR: Record<Status, string> = { PLANNED: 'blue', HELD: 'teal', CANCELLED: 'gray' };

/**
 * A program's activities by date, newest first, read at a glance: an icon per kind, filters by
 * kind and status (none chosen: all), details folded open on demand.
 */
export function ActivityTimeline({ activities, language }: { activities: readonly Activity[]; language: Language }) {
  const { t } = useTranslation();
  const [kinds, setKinds] = useState<string[]>([]);
  const [statuses, setStatuses] = useState<string[]>([]);
  const shown = activities.filter((activity) => (kinds.length === 0 || kinds.includes(activity.kind)) && (statuses.length === 0 || statuses.includes(activity.status)));
  return (
    <Stack gap="sm">
      <Group gap="xs" role="group" aria-label={t('programs.page.filterKind')}>
        <Chip.Group multiple value={kinds} onChange={setKinds}>
          {KINDS.map((kind) => (
            <Chip key={kind} value={kind} size="xs" variant="outline">
              {t(`activityKind.${kind}`)}
            </Chip>
          ))}
        </Chip.Group>
      </Group>
      <Group gap="xs" role="group" aria-label={t('programs.page.filterStatus')}>
        <Chip.Group multiple value={statuses} onChange={setStatuses}>
          {STATUSES.map((status) => (
            <Chip key={status} value={status} size="xs" variant="outline">
              {t(`activityStatus.${status}`)}
            </Chip>
          ))}
        </Chip.Group>
      </Group>
      {shown.length === 0 ? (
        <Text>{activities.length === 0 ? t('programs.page.noActivities') : t('programs.page.noActivityMatches')}</Text>
      ) : (
        <Timeline bulletSize={26} lineWidth={2}>
          {shown.map((activity) => {
            const KindIcon = KIND_ICON[activity.kind];
            return (
              <Timeline.Item
                key={activity.id}
                color={STATUS_COLOR[activity.status]}
                bullet={<KindIcon size={16} role="img" aria-label={t(`activityKind.${activity.kind}`)} />}
                title={
                  <Anchor component={Link} to={`/activities/${activity.id}`} data-activity-id={activity.id} td={activity.status === 'CANCELLED' ? 'line-through' : undefined}>
                    {localized(activity.title, language)}
                  </Anchor>
                }
              >
                <Text size="sm" c="dimmed">
                  {formatDate(activity.startsOn, language)}
                  {activity.endsOn !== activity.startsOn && ` – ${formatDate(activity.endsOn, language)}`} · {t(`activityKind.${activity.kind}`)} · {t(`activityStatus.${activity.status}`)}
                  {activity.location?.city && ` · ${activity.location.city}`}
                </Text>
                <ActivityDetails activity={activity} language={language} />
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Stack>
  );
}

function ActivityDetails({ activity, language }: { activity: Activity; language: Language }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const place = [activity.location?.venue, activity.location?.city, activity.location?.country].filter(Boolean).join(', ');
  const detailsId = `activity-details-${activity.id}`;
  return (
    <>
      <Button variant="subtle" size="compact-xs" px={0} aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen((o) => !o)}>
        {open ? t('programs.page.hideDetails') : t('programs.page.showDetails')}
      </Button>
      <Collapse expanded={open} id={detailsId}>
        <Stack gap={2} mt={4}>
          {place && (
            <Text size="sm">
              {t('programs.page.venue')}: {place}
            </Text>
          )}
          {activity.organizers.length > 0 && (
            <Text size="sm">
              {t('programs.page.organizers')}: {activity.organizers.map((organizer) => localized(organizer.name, language)).join(', ')}
            </Text>
          )}
          {activity.topics.length > 0 && (
            <Text size="sm">
              {t('programs.page.topics')}: {activity.topics.join(', ')}
            </Text>
          )}
          {activity.summary && <Text size="sm">{activity.summary}</Text>}
        </Stack>
      </Collapse>
    </>
  );
}
