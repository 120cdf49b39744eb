import { Button, Card, Group, Stack, Title } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../format/dates';
import { DateField } from '../forms/DateField';

export interface LookBackTarget {
  /** A recorded instant (ISO): the program as known then. */
  knownOn?: string;
  /** A business date (ISO): the program as it had happened by then. */
  happenedBy?: string;
}

/** The reader's local date and time of an instant, for the fields. */
function localParts(iso: string | null | undefined): { date: string | null; time: string } {
  if (!iso) return { date: null, time: '' };
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return { date: null, time: '' };
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: todayIso(at), time: `${pad(at.getHours())}:${pad(at.getMinutes())}` };
}

/**
 * The instant a date and time in the reader's own clock stand for. No time given: the end of
 * that day, so "as known on 16 Dec" includes everything recorded that day.
 */
export function instantOf(date: string, time: string): string {
  const [hours, minutes] = time ? time.split(':').map(Number) : [23, 59];
  const [year, month, day] = date.split('-').map(Number);
  const end = time ? 0 : 59_999;
  return new Date(year, month - 1, day, hours, minutes, 0, end).toISOString();
}

/**
 * Two ways to look back: "as known on" a recorded time (what the system held then, before later
 * corrections), and "as happened by" a business date (what had taken place by then, as known now).
 */
export function LookBack({ knownOn, happenedBy, onLook }: { knownOn?: string | null; happenedBy?: string | null; onLook(target: LookBackTarget): void }) {
  const { t } = useTranslation();
  const initial = localParts(knownOn);
  const [knownDate, setKnownDate] = useState<string | null>(initial.date);
  const [knownTime, setKnownTime] = useState(initial.time);
  const [knownError, setKnownError] = useState<string | null>(null);
  const [happenedDate, setHappenedDate] = useState<string | null>(happenedBy ?? null);
  const [happenedError, setHappenedError] = useState<string | null>(null);

  return (
    <Card withBorder component="section" aria-labelledby="look-back">
      <Title order={2} size="h4" id="look-back" mb="xs">
        {t('history.lookBack.title')}
      </Title>
      <Stack gap="md">
        <Stack
          component="form"
          gap="xs"
          onSubmit={(event) => {
            event.preventDefault();
            if (!knownDate) return setKnownError(t('history.lookBack.needDate'));
            setKnownError(null);
            onLook({ knownOn: instantOf(knownDate, knownTime) });
          }}
        >
          <Group align="flex-start" grow wrap="nowrap">
            <DateField label={t('history.lookBack.knownOnDate')} value={knownDate} onChange={setKnownDate} error={knownError} />
            <TimeInput label={t('history.lookBack.knownOnTime')} value={knownTime} onChange={(event) => setKnownTime(event.currentTarget.value)} maw={160} />
          </Group>
          <Group>
            <Button type="submit" variant="light">
              {t('history.lookBack.knownOnSubmit')}
            </Button>
          </Group>
        </Stack>
        <Stack
          component="form"
          gap="xs"
          onSubmit={(event) => {
            event.preventDefault();
            if (!happenedDate) return setHappenedError(t('history.lookBack.needDate'));
            setHappenedError(null);
            onLook({ happenedBy: happenedDate });
          }}
        >
          <DateField label={t('history.lookBack.happenedBy')} value={happenedDate} onChange={setHappenedDate} error={happenedError} />
          <Group>
            <Button type="submit" variant="light">
              {t('history.lookBack.happenedBySubmit')}
            </Button>
          </Group>
        </Stack>
      </Stack>
    </Card>
  );
}
